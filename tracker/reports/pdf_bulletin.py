"""PDF 督查通报: lays out the composed `Bulletin` (bulletin.py) on GB/T 9704 pages, with reportlab.

Every line of text is a `TextBlock` (the 禁则 line breaker); captions keep with their
tables and charts, “一、” headings with what follows, the 落款 with the last paragraph
and the 附件说明; each 附件 starts a page (landscape for wide tables, the page number
where GB/T 9704 puts it), and the 版记 closes the last page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from tracker.fileio import atomic_write
from tracker.lights import Light
from tracker.reports.assemble import Report
from tracker.reports.bulletin import (
    ALL_PARTS,
    Annex,
    Bars,
    Bulletin,
    BulletinOptions,
    Grid,
    Para,
    chinese_date,
    compose,
    quote,
)
from tracker.reports.fonts import SONG, register_fonts
from tracker.reports.layout import (
    BLOCK_W,
    LANDSCAPE_BLOCK_W,
    landscape_template,
    portrait_template,
    styles,
)
from tracker.reports.linebreak import break_lines, pieces
from tracker.reports.textblock import KeepTail, TextBlock
from tracker.views.plan_metrics import achieved_text

__all__ = ["ALL_PARTS", "BulletinOptions", "build_story", "chart", "chinese_date", "quote", "write_bulletin"]

RED = colors.HexColor("#C00000")
LIGHT_ORDER = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY, Light.UNREPORTED)
CHART_FONT = 9


def _styles() -> dict[str, Any]:
    st = styles()
    body = st["body"]
    return {
        "masthead": st["masthead"].clone("bmast", fontName=SONG, fontSize=42, leading=50),
        "issue": st["issue"],
        "plain": st["plain"],
        "标题": st["title"].clone("btitle", fontName=SONG, spaceBefore=14, spaceAfter=12),
        "主送": st["plain"].clone("bto"),
        "正文": body,
        "一级标题": st["h1"].clone("bh1"),
        "二级标题": st["h2"].clone("bh2", keepWithNext=1),
        "表题": st["caption"].clone(
            "bcap", keepWithNext=1, fontSize=14, leading=20, spaceBefore=4, spaceAfter=4
        ),
        "附件说明": body.clone("bnote", firstLineIndent=0, leftIndent=32 + 48, alignment=TA_LEFT),
        "附件说明首行": body.clone("bnote1", firstLineIndent=-48, leftIndent=32 + 48, alignment=TA_LEFT),
        "落款": st["plain"].clone("bsign", alignment=TA_CENTER),
        "附件标识": st["h1"].clone("bannex", firstLineIndent=0, keepWithNext=1),
        "附件标题": st["title"].clone("bannext", fontName=SONG, spaceBefore=6, spaceAfter=12, keepWithNext=1),
        "cell": st["cell"],
        "cell_c": st["cell_c"],
        "cell_head": st["head"],
        "annex": st["cell"].clone("bannexcell", fontSize=9, leading=11.5),
        "annex_c": st["cell_c"].clone("bannexcellc", fontSize=9, leading=11.5),
        "annex_head": st["head"].clone("bannexhead", fontSize=9.5, leading=12),
        "版记": st["plain"].clone("bimprint", fontSize=14, leading=22),
    }


def _head_chars(header: str) -> int:
    """Characters a header's line needs: at most two lines, neither of one lone character."""
    return len(header) if len(header) <= 3 else (len(header) + 1) // 2


def fit_widths(
    grid: Grid,
    width: float,
    font: str,
    size: float,
    head: tuple[str, float] = (SONG, 10.5),
    padding: float = 6.0,
) -> list[float]:
    """Column widths that fit the content: a column whose longest cell fits its fair share keeps
    its natural width; the others share what is left in proportion to their text."""
    rows = [row for i, row in enumerate(grid.rows) if i not in grid.groups]
    columns = list(zip(grid.header, *rows, strict=True))
    natural = [max(stringWidth(cell, font, size) for cell in column) + padding + 1 for column in columns]
    least = [
        max(
            stringWidth(grid.header[i][: _head_chars(grid.header[i])], *head),
            max(stringWidth(piece, font, size) for cell in column for piece in [*pieces(cell), " "]),
        )
        + padding
        + 1
        for i, column in enumerate(columns)
    ]
    natural = [max(n, least_width) for n, least_width in zip(natural, least, strict=True)]
    if sum(natural) <= width:
        spare = width - sum(natural)
        return [n + spare * n / sum(natural) for n in natural]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        room = width - sum(fixed.values())
        share = {i: room * grid.widths[i] / sum(grid.widths[j] for j in free) for i in free}
        settle = {i: natural[i] for i in free if natural[i] <= share[i]}
        settle.update({i: least[i] for i in free if least[i] > share[i] and i not in settle})
        if not settle:
            return [fixed.get(i, share.get(i, 0.0)) for i in range(len(columns))]
        fixed.update(settle)
        if len(fixed) == len(columns):
            scale = width / sum(fixed.values())
            return [fixed[i] * scale for i in range(len(columns))]


def _grid(grid: Grid, width: float, st: dict[str, Any], cell: str = "cell") -> Table:
    plain, centred = st[cell], st[f"{cell}_c"]
    head = [TextBlock(h, st[f"{cell}_head"], balance=True) for h in grid.header]
    group = st[f"{cell}_head"].clone("bgroup", alignment=TA_LEFT)
    body = [
        [TextBlock(row[0], group), *([""] * (len(row) - 1))]
        if index in grid.groups
        else [
            TextBlock(value, centred if grid.align[i] == "C" else plain, balance=grid.align[i] == "C")
            for i, value in enumerate(row)
        ]
        for index, row in enumerate(grid.rows)
    ]
    header = st[f"{cell}_head"]
    widths = fit_widths(grid, width, plain.fontName, plain.fontSize, (header.fontName, header.fontSize))
    table = Table([head, *body], colWidths=widths, repeatRows=1, splitByRow=1)
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), SONG),  # empty cells too: no unembedded standard font
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if grid.total:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2")))
    for index in grid.groups:
        commands += [
            ("SPAN", (0, index + 1), (-1, index + 1)),
            ("BACKGROUND", (0, index + 1), (-1, index + 1), colors.HexColor("#F2F2F2")),
            ("NOSPLIT", (0, index + 1), (-1, index + 2)),  # a group's heading keeps with its first row
        ]
    table.setStyle(TableStyle(commands))
    return table


def _label_lines(words: str, width: float, size: float = CHART_FONT, most: int = 2) -> list[str]:
    """A chart label broken by the 禁则 component, at most `most` lines (the rest “…”)."""
    lines = break_lines(words, lambda s: stringWidth(s, SONG, size), width, balance=True)
    if len(lines) > most:
        lines = lines[:most]
        while lines[-1] and stringWidth(lines[-1] + "…", SONG, size) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] += "…"
    return lines


def _label(drawing: Drawing, lines: list[str], right: float, middle: float, size: float = CHART_FONT) -> None:
    leading = size * 1.25
    top = middle + (len(lines) - 1) * leading / 2 - size * 0.35
    for i, line in enumerate(lines):
        drawing.add(String(right, top - i * leading, line, fontName=SONG, fontSize=size, textAnchor="end"))


def _lights_chart(bars: Bars) -> Drawing:
    """Stacked bars of lights per plan, the counts inside, a legend below of the lights present.

    Sized to its content: a bar a label line high (two when a plan's name needs them)."""
    label_w, gap = 150.0, 2.0
    labels = [_label_lines(plan, label_w - 6) for plan in bars.labels]
    row_h = 10.5 if all(len(lines) == 1 for lines in labels) else 2 * CHART_FONT * 1.25
    legend_h = 16.0
    height = len(labels) * (row_h + gap) + legend_h
    drawing = Drawing(BLOCK_W, height, initialFontName=SONG)
    most = max((sum(v) for v in bars.values), default=1.0) or 1.0
    span = BLOCK_W - label_w - 16
    for i, (lines, values) in enumerate(zip(labels, bars.values, strict=True)):
        y = height - (i + 1) * (row_h + gap)
        _label(drawing, lines, label_w - 6, y + row_h / 2)
        x = label_w
        for light, value in zip(LIGHT_ORDER, values, strict=True):
            w = span * value / most
            if w <= 0:
                continue
            drawing.add(
                Rect(x, y, w, row_h, fillColor=colors.HexColor(light.colour), strokeColor=colors.white)
            )
            if w >= 16:
                drawing.add(
                    String(
                        x + w / 2,
                        y + row_h / 2 - 3.2,
                        f"{value:.0f}",
                        fontName=SONG,
                        fontSize=CHART_FONT,
                        textAnchor="middle",
                    )
                )
            x += w
    x = label_w
    present = [any(v[i] for v in bars.values) for i in range(len(LIGHT_ORDER))]
    names = ("绿灯（含已完成）", "黄灯", "红灯", "灰灯", "未报送")
    for light, words, shown in zip(LIGHT_ORDER, names, present, strict=True):
        if not shown:
            continue
        drawing.add(Rect(x, 2, 10, 10, fillColor=colors.HexColor(light.colour), strokeColor=None))
        drawing.add(String(x + 13, 3.5, words, fontName=SONG, fontSize=CHART_FONT))
        x += 18 + stringWidth(words, SONG, CHART_FONT) + 12
    return drawing


def _indicator_chart(bars: Bars) -> Drawing:
    """Each lagging indicator by name: its completion as a bar, its 序时进度 as a black line."""
    label_w, row_h, gap = 170.0, 13.0, 9.0
    rows = len(bars.labels)
    height = rows * (row_h + gap) + 44
    drawing = Drawing(BLOCK_W, height, initialFontName=SONG)
    span = BLOCK_W - label_w - 70
    top_value = max(100.0, *(max(v) for v in bars.values))
    axis_y = 26
    for tick in range(0, int(top_value) + 1, 25):
        x = label_w + span * tick / top_value
        drawing.add(Line(x, axis_y, x, height - 4, strokeColor=colors.HexColor("#BFBFBF"), strokeWidth=0.4))
        drawing.add(String(x, axis_y - 10, f"{tick}%", fontName=SONG, fontSize=8, textAnchor="middle"))
    for i, (name, (ratio, expected)) in enumerate(zip(bars.labels, bars.values, strict=True)):
        y = height - 8 - (i + 1) * (row_h + gap) + gap
        _label(drawing, _label_lines(name, label_w - 6), label_w - 6, y + row_h / 2)
        w = span * max(0.0, ratio) / top_value
        drawing.add(Rect(label_w, y, w, row_h, fillColor=colors.HexColor(Light.RED.colour), strokeColor=None))
        x = label_w + span * expected / top_value
        drawing.add(Line(x, y - 3, x, y + row_h + 3, strokeColor=colors.black, strokeWidth=1.6))
        drawing.add(
            String(
                max(label_w + w, x) + 4,
                y + row_h / 2 - 3,
                f"{achieved_text(ratio)}（序时{expected:.1f}%）",
                fontName=SONG,
                fontSize=8,
            )
        )
    drawing.add(Rect(label_w, 2, 10, 9, fillColor=colors.HexColor(Light.RED.colour), strokeColor=None))
    drawing.add(String(label_w + 13, 3, "进度", fontName=SONG, fontSize=CHART_FONT))
    drawing.add(Line(label_w + 50, 1, label_w + 50, 12, strokeColor=colors.black, strokeWidth=1.6))
    drawing.add(String(label_w + 55, 3, "序时进度", fontName=SONG, fontSize=CHART_FONT))
    return drawing


SHORT_PARAGRAPH = 3 * 28  # characters: a paragraph this short is never split (3 lines)


def _block(
    block: Para | Grid | Bars, st: dict[str, Any], after: Para | Grid | Bars | None = None
) -> list[Flowable]:
    if isinstance(block, Para) and block.style == "一级标题":
        # a heading never ends a page: it needs itself and two lines of what follows below
        # it, or all of a short paragraph (which cannot be split) — kept with it
        heading = TextBlock(block.text, st[block.style])
        if isinstance(after, Para) and len(after.text) <= SHORT_PARAGRAPH:
            heading.keepWithNext = True
        return [CondPageBreak(st["正文"].leading * 3), heading]
    if isinstance(block, Para):
        return [TextBlock(block.text, st[block.style])]
    if isinstance(block, Grid):
        table = _grid(block, BLOCK_W, st)
        note = [TextBlock(block.note, st["cell"])] if block.note else []
        if not block.caption:
            return [table, *note]
        # The caption keeps with its table's first rows, not with the whole table: a table that
        # does not fit below the text goes on over the page with its header repeated, as in
        # Word, instead of leaving a quarter page empty above it.
        caption = TextBlock(block.caption, st["表题"].clone("bcapsplit", keepWithNext=0), balance=True)
        return [CondPageBreak(_caption_and_first_rows(caption, table)), caption, table, *note]
    figure = Table(
        [[chart(block)]],
        style=[
            ("FONTNAME", (0, 0), (-1, -1), SONG),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    figure.keepWithNext = 1  # its caption (below it) stays on its page
    return [figure, TextBlock(block.caption, st["表题"].clone("bfig", keepWithNext=0))]


KEPT_ROWS = 2  # body rows a caption keeps with, below the header


def _caption_and_first_rows(caption: Flowable, table: Table) -> float:
    """Height of a caption, the table's header and its first KEPT_ROWS rows."""
    _w, caption_h = caption.wrap(BLOCK_W, 10_000)
    table.wrap(BLOCK_W, 10_000)
    rows = table._rowHeights[: 1 + KEPT_ROWS]
    return caption_h + caption.getSpaceBefore() + caption.getSpaceAfter() + sum(rows) + 2


def chart(bars: Bars) -> Drawing:
    """The figure for `bars` (the Word edition embeds the same drawing as a picture)."""
    register_fonts()
    return _lights_chart(bars) if bars.kind == "lights" else _indicator_chart(bars)


class Imprint(Flowable):
    """版记: 抄送 and 印发 lines between rules, at the foot of the page it is on."""

    def __init__(self, lines: tuple[tuple[str, str], ...], style: Any) -> None:
        super().__init__()
        self.lines = lines
        self.style = style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(avail_height, self._own())
        return avail_width, self.height

    def _own(self) -> float:
        return len(self.lines) * self.style.leading + 6

    def draw(self) -> None:
        canvas: Any = self.canv
        leading = self.style.leading
        size = self.style.fontSize
        canvas.saveState()
        canvas.setFont(self.style.fontName, size)
        y = self._own()
        canvas.setLineWidth(1.0)
        canvas.line(0, y, self.width, y)
        for i, (left, right) in enumerate(self.lines):
            base = y - (i + 1) * leading + (leading - size) / 2 + size * 0.15
            canvas.drawString(size, base, left)
            if right:
                canvas.drawRightString(self.width - size, base, right)
            line_y = y - (i + 1) * leading
            canvas.setLineWidth(1.0 if i == len(self.lines) - 1 else 0.5)
            canvas.line(0, line_y, self.width, line_y)
        canvas.restoreState()


def _masthead(bulletin: Bulletin, st: dict[str, Any]) -> list[Flowable]:
    office = TextBlock(bulletin.office, st["plain"])
    day = TextBlock(chinese_date(bulletin.issued_on), st["plain"].clone("bdate", alignment=2))
    line = Table(
        [[office, day]],
        colWidths=[BLOCK_W * 0.6, BLOCK_W * 0.4],
        style=[
            ("FONTNAME", (0, 0), (-1, -1), SONG),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [
        TextBlock("督查通报", st["masthead"], heavy=True),
        TextBlock(f"第{bulletin.issue}期", st["issue"]),
        line,
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=2, spaceAfter=4),
    ]


def _annex(annex: Annex, st: dict[str, Any]) -> list[Flowable]:
    width = LANDSCAPE_BLOCK_W if annex.landscape else BLOCK_W
    return [
        NextPageTemplate("landscape" if annex.landscape else "portrait"),
        PageBreak(),
        TextBlock(f"附件{annex.number}", st["附件标识"]),
        TextBlock(annex.title, st["附件标题"], balance=True, heavy=True, phrases=True),
        *(_block(annex.chart, st) if annex.chart is not None else []),
        *(
            [
                CondPageBreak(96),
                TextBlock(annex.grid.caption, st["表题"].clone("bcap3", keepWithNext=0), balance=True),
            ]
            if annex.grid.caption
            else []
        ),
        _grid(annex.grid, width, st, "annex"),
        *([TextBlock(annex.grid.note, st["annex"])] if annex.grid.note else []),
    ]


def layout(bulletin: Bulletin) -> list[Flowable]:
    """The flowables of the whole 通报, in page order."""
    st = _styles()
    story: list[Flowable] = _masthead(bulletin, st)
    story.append(
        TextBlock(
            bulletin.title, st["标题"], balance=True, heavy=True, phrases=True, keep=bulletin.title_words
        )
    )
    story.append(TextBlock(bulletin.recipients, st["主送"]))
    blocks = list(bulletin.body)
    tail = 2 if len(blocks) > 1 and isinstance(blocks[-2], Para) and blocks[-2].style == "一级标题" else 1
    for index, block in enumerate(blocks[:-tail]):
        story += _block(block, st, blocks[index + 1])
    last = [f for block in blocks[-tail:] for f in _block(block, st)]
    ending: list[Flowable] = []
    if bulletin.annex_note:
        ending.append(Spacer(1, 10))
        for i, item in enumerate(bulletin.annex_note):
            words = f"附件：{item}" if i == 0 else item
            ending.append(TextBlock(words, st["附件说明首行" if i == 0 else "附件说明"]))
    sign = st["落款"]
    office_w = stringWidth(bulletin.signature[0], sign.fontName, sign.fontSize)
    date_w = stringWidth(bulletin.signature[1], sign.fontName, sign.fontSize)
    # 成文日期右空四字; the office centred over the date
    date_right = 4 * sign.fontSize
    centre = BLOCK_W - date_right - date_w / 2
    ending += [
        Spacer(1, 28),
        TextBlock(
            bulletin.signature[0],
            sign.clone("bsign1", alignment=TA_LEFT, leftIndent=max(0.0, centre - office_w / 2)),
        ),
        TextBlock(
            bulletin.signature[1],
            sign.clone("bsign2", alignment=TA_LEFT, leftIndent=BLOCK_W - date_right - date_w),
        ),
    ]
    if isinstance(last[-1], TextBlock):
        # the 落款 never stands alone: the last paragraph's last lines go with it (KeepTail)
        story += [*last[:-1], KeepTail(last[-1], ending)]
    else:
        for flowable in [*last, *ending][:-1]:
            flowable.keepWithNext = 1
        story += [f for f in last if not isinstance(f, CondPageBreak)] + ending
    for annex in bulletin.annexes:
        story += _annex(annex, st)
    if bulletin.annexes:
        story += [NextPageTemplate("portrait"), PageBreak()]
    else:
        story.append(CondPageBreak(len(bulletin.imprint) * st["版记"].leading + 40))
    story.append(Imprint(bulletin.imprint, st["版记"]))
    return story


def build_story(report: Report, options: BulletinOptions) -> list[Flowable]:
    return layout(compose(report, options))


def write_bulletin(report: Report, out: Path, options: BulletinOptions | None = None) -> Bulletin:
    """Write the 督查通报 PDF to `out` atomically; returns what it printed."""
    options = options or BulletinOptions()
    bulletin = compose(report, options)
    story = layout(bulletin)

    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp),
            pageTemplates=[
                portrait_template("first", draft=bulletin.draft, then="portrait"),
                portrait_template(),
                landscape_template(),
            ],
            title=f"督查通报 第{bulletin.issue}期：{bulletin.title}",
            author=bulletin.office,
            subject=f"{report.period.label}督查通报",
            creator="督查台账",
            initialFontName=SONG,
        )
        doc.build(story)

    atomic_write(Path(out), write)
    return bulletin
