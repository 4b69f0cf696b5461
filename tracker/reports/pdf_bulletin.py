"""PDF 督查通报 (inspection bulletin) from an assembled report, with reportlab.

Masthead “督查通报 第N期”, issuing office and date; opening paragraph; 一、总体情况;
二、各单位推进情况; 三、滞后事项 (named task by task, the full list as 附件1 on landscape
pages); 四、指标完成情况 with a bar chart; 五、存在问题 and 六、下步工作要求 from the
officer's text (or a line saying what to fill in: nothing is made up).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tracker.facts.counts import UNIT_COLUMNS
from tracker.fileio import atomic_write
from tracker.lights import Light
from tracker.reports.assemble import IndicatorRow, Report
from tracker.reports.fonts import SONG
from tracker.reports.layout import (
    BLOCK_W,
    LANDSCAPE_BLOCK_W,
    landscape_template,
    portrait_template,
    styles,
    text,
)
from tracker.rules.indicators import JUDGEMENTS, UNKNOWN

NAMED_LATE_ITEMS = 10  # named in 三、; all of them go to 附件1
CHART_ROWS = 20
PROBLEMS_HINT = "（请填写本期存在的主要问题。）"
NEXT_STEPS_HINT = "（请填写下步工作要求，按“一是……二是……”分条写明。）"
CN_DIGITS = "〇一二三四五六七八九"
JUDGEMENT_COLOURS = {
    "滞后": Light.RED.colour,
    "未完成": Light.RED.colour,
    "基本符合预期": Light.YELLOW.colour,
    "快于预期": Light.GREEN.colour,
    "达到年度要求": Light.GREEN.colour,
    "提前实现": Light.GREEN.colour,
    "已完成": Light.GREEN.colour,
}
CHART_MAX = 150.0  # progress drawn up to this percent; beyond it the bar stops at the edge


@dataclass(frozen=True)
class BulletinOptions:
    issue: int = 1
    office: str = ""
    issued_on: date | None = None
    problems: str = ""
    next_steps: str = ""
    parts: frozenset[str] = frozenset({"overview", "units", "late", "indicators", "problems", "next_steps"})


def indicator_summary(indicators: tuple[IndicatorRow, ...]) -> str:
    """四、指标完成情况's opening: how many of each judgement, and why some cannot be judged."""
    judged: dict[str, int] = {}
    unknown: dict[str, int] = {}
    for r in indicators:
        judged[r.judgement] = judged.get(r.judgement, 0) + 1
        if r.judgement == UNKNOWN:
            unknown[r.reason] = unknown.get(r.reason, 0) + 1
    parts = []
    for word in JUDGEMENTS:
        if word in judged:
            why = "；".join(f"{reason}{n}项" for reason, n in unknown.items()) if word == UNKNOWN else ""
            parts.append(f"{word}{judged[word]}项" + (f"（{why}）" if why else ""))
    measured = sum(1 for r in indicators if r.actual is not None)
    return f"纳入统计的指标共{len(indicators)}项，其中{'，'.join(parts)}。已填报实际值的{measured}项见表3。"


INDICATOR_NOTE = (
    "注：进度为自基期值起已完成目标增量的比例（无基期值的新增类指标从规划起始按0计，其余以首次填报值为基期），"
    "与序时进度比较判断快于预期、基本符合预期或滞后；增速和每年数量按年度判断，不累计；"
    "位次和“不高于”类目标越小越好；目标年度已过的，只判断已完成或未完成。"
)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _pct(value: float) -> str:
    return f"{value:.1f}%"


# A bulletin quotes progress; the Excel 台账 carries it whole. Quoting at most this much
# also keeps every table row shorter than a page: reportlab cannot break a row, and a
# progress text of a few hundred characters used to stop the whole export.
QUOTE_IN_TEXT = 120
QUOTE_IN_TABLE = 200


def quote(words: str, limit: int) -> str:
    """`words` cut to `limit` characters, with “……” where it was cut."""
    words = words.strip()
    return words if len(words) <= limit else words[: limit - 2].rstrip() + "……"


def _table(
    rows: list[list[Any]], widths: list[float], st: dict[str, Any], light_col: int | None = None
) -> Table:
    head = [Paragraph(text(str(h)), st["head"]) for h in rows[0]]
    body = [
        [
            c if isinstance(c, Flowable) else Paragraph(text("" if c is None else str(c)), st["cell_c"])
            for c in row
        ]
        for row in rows[1:]
    ]
    table = Table([head, *body], colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SONG),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _chart(numbered: list[tuple[int, IndicatorRow]]) -> Drawing | None:
    """Progress bars (from the baseline, direction-aware: a rank better than its target is a
    long bar) with each row's 序时进度 as a tick, coloured by the judgement."""
    rows = [(i, r) for i, r in numbered if r.achieved is not None][:CHART_ROWS]
    if not rows:
        return None
    bar_h = 13
    height = len(rows) * bar_h + 50
    drawing = Drawing(BLOCK_W, height, initialFontName=SONG, initialFontSize=9)
    chart = HorizontalBarChart()
    chart.x, chart.y = 24, 30
    chart.width, chart.height = BLOCK_W - 40, len(rows) * bar_h
    chart.data = [[max(0.0, min(r.achieved or 0.0, CHART_MAX)) for _i, r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [str(i) for i, _r in reversed(rows)]
    chart.categoryAxis.labels.fontName = SONG
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, CHART_MAX, 25
    chart.valueAxis.labels.fontName = SONG
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = colors.HexColor("#4472C4")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "values"  # the real progress, also where the bar stops at the edge
    chart.barLabelArray = [[f"{r.achieved or 0.0:.1f}%" for _i, r in reversed(rows)]]
    chart.barLabels.fontName = SONG
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    band = chart.height / len(rows)
    for k, (_i, row) in enumerate(reversed(rows)):
        chart.bars[(0, k)].fillColor = colors.HexColor(JUDGEMENT_COLOURS.get(row.judgement, "#4472C4"))
        if row.expected is not None:
            x = chart.x + chart.width * min(row.expected, CHART_MAX) / CHART_MAX
            y = chart.y + k * band
            drawing.add(Line(x, y + 1, x, y + band - 1, strokeColor=colors.black, strokeWidth=1.2))
    drawing.add(
        String(
            chart.x,
            8,
            "图1 主要指标进度（序号同表3；竖线为序时进度；红：滞后、未完成，黄：基本符合预期，绿：快于预期及以上）",
            fontName=SONG,
            fontSize=7.5,
        )
    )
    return drawing


def build_story(report: Report, options: BulletinOptions) -> list[Flowable]:
    st = styles()
    t = report.totals
    period = report.period.label
    issued = options.issued_on or date.today()
    story: list[Flowable] = [
        Paragraph("督查通报", st["masthead"]),
        Paragraph(f"第{options.issue}期", st["issue"]),
        Table(
            [
                [
                    Paragraph(text(options.office or "（发文单位）"), st["plain"]),
                    Paragraph(chinese_date(issued), st["plain"]),
                ]
            ],
            colWidths=[BLOCK_W * 0.6, BLOCK_W * 0.4],
            style=[
                ("FONTNAME", (0, 0), (-1, -1), SONG),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
        HRFlowable(width="100%", thickness=2, color=colors.HexColor("#C00000"), spaceBefore=2, spaceAfter=10),
        Paragraph(text(f"关于{period}重点任务推进情况的通报"), st["title"]),
    ]
    plans = "、".join(f"《{title}》" for title in report.plan_titles) or "各项工作方案"
    story.append(
        Paragraph(
            text(
                f"为推动{plans}各项任务落地见效，{options.office or '我局'}对截至{chinese_date(report.as_of)}"
                f"各责任单位承担的{t.items}项重点任务（事项）推进情况进行了督查，依据各单位报送的进展情况和佐证材料，"
                f"对照完成时限和序时进度逐项亮灯。现将有关情况通报如下："
            ),
            st["body"],
        )
    )

    def section(n: int, title: str) -> None:
        story.append(Paragraph(f"{CN_DIGITS[n] if n < 10 else n}、{text(title)}", st["h1"]))

    n = 0
    if "overview" in options.parts:
        n += 1
        section(n, "总体情况")
        counts = {c.key: c for c in t.by_status}
        lights = {c.key: c for c in t.by_light}
        story.append(
            Paragraph(
                text(
                    f"纳入本次督查的任务（事项）共{t.items}项（只起分组作用的标题不计）。"
                    f"按各单位报送状态：已完成{counts['done'].count}项、已销号{counts['closed'].count}项，"
                    f"合计办结{t.done}项，完成率{_pct(t.completion_rate)}；推进中{counts['in_progress'].count}项，"
                    f"占{_pct(counts['in_progress'].percent)}；长期坚持{counts['ongoing'].count}项；"
                    f"滞后{counts['late'].count}项，占{_pct(counts['late'].percent)}；"
                    f"未启动{counts['not_started'].count}项，占{_pct(counts['not_started'].percent)}；"
                    f"本期未报送{t.not_reported}项，占{_pct(counts['unreported'].percent)}。"
                    f"按序时进度亮灯：绿灯{lights['green'].count}项（{_pct(lights['green'].percent)}），"
                    f"黄灯{lights['yellow'].count}项（{_pct(lights['yellow'].percent)}），"
                    f"红灯{lights['red'].count}项（{_pct(lights['red'].percent)}），"
                    f"灰灯{lights['grey'].count}项（{_pct(lights['grey'].percent)}），"
                    f"未报送的{lights['unreported'].count}项不亮灯、单列。"
                ),
                st["body"],
            )
        )
        rows: list[list[Any]] = [["类别", "数量（项）", "占比"]]
        rows += [[f"报送状态：{c.label}", c.count, _pct(c.percent)] for c in t.by_status]
        rows += [[f"亮灯：{c.label}", c.count, _pct(c.percent)] for c in t.by_light]
        rows.append(["合计", t.items, "100.0%" if t.items else "0.0%"])
        story += [
            Paragraph("表1 任务推进情况统计", st["caption"]),
            _table(rows, [BLOCK_W * 0.4, BLOCK_W * 0.3, BLOCK_W * 0.3], st),
        ]

    if "units" in options.parts:
        n += 1
        section(n, "各单位推进情况")
        worst = [u for u in report.units if u.late][:5]
        if worst:
            named = "、".join(f"{u.unit}（{u.late}项）" for u in worst)
            lead = f"牵头事项亮红灯较多的单位是：{named}。"
        else:
            lead = "本期各单位牵头事项均无红灯。"
        silent = [u for u in report.units if u.not_reported]
        tail = f"共有{len(silent)}个单位存在本期未报送进展的事项。" if silent else "各单位均已按期报送进展。"
        story.append(
            Paragraph(text(f"{len(report.units)}个责任单位承担了本次督查的任务。{lead}{tail}"), st["body"])
        )
        # Every task a unit leads falls in one of the columns after 牵头; they add up to it.
        rows = [["序号", "责任单位", "牵头", *(label for _key, label in UNIT_COLUMNS), "配合"]]
        rows += [
            [i, Paragraph(text(u.unit), st["cell"]), u.led, *u.columns(), u.supporting]
            for i, u in enumerate(report.units, start=1)
        ]
        w = BLOCK_W
        story += [
            Paragraph("表2 各责任单位推进情况（牵头事项按亮灯分列，各列之和等于牵头数）", st["caption"]),
            _table(rows, [w * 0.06, w * 0.25, *([w * 0.086] * 8)], st),
        ]

    if "late" in options.parts:
        n += 1
        section(n, "滞后事项")
        if not report.late:
            story.append(Paragraph("本期无滞后事项。", st["body"]))
        else:
            overdue = len(report.overdue)
            story.append(
                Paragraph(
                    text(
                        f"本期亮红灯（滞后序时进度或逾期未完成）的事项共{len(report.late)}项，"
                        f"其中逾期未完成{overdue}项"
                        + (f"，{report.unassigned_note()}" if report.unassigned_note() else "")
                        + "，全部清单见附件1。"
                        + ("主要有：" if len(report.late) > 0 else "")
                    ),
                    st["body"],
                )
            )
            for i, item in enumerate(report.late[:NAMED_LATE_ITEMS], start=1):
                progress = quote(item.progress, QUOTE_IN_TEXT) if item.progress else "本期未报送进展"
                story.append(
                    Paragraph(
                        text(
                            f"{i}. {item.title}（{item.plan}第{item.code}项，牵头单位：{item.lead_unit}，"
                            f"完成时限：{item.deadline or '未明确'}）。{item.reason}；最新进展：{progress}"
                        ),
                        st["body"],
                    )
                )
            if len(report.late) > NAMED_LATE_ITEMS:
                story.append(
                    Paragraph(text(f"其余{len(report.late) - NAMED_LATE_ITEMS}项见附件1。"), st["body"])
                )

    if "indicators" in options.parts:
        n += 1
        section(n, "指标完成情况")
        measured = [r for r in report.indicators if r.actual is not None]
        story.append(Paragraph(text(indicator_summary(report.indicators)), st["body"]))
        if measured:
            numbered = list(enumerate(measured, start=1))
            chart = _chart(numbered)
            if chart is not None:
                story.append(chart)
            rows = [["序号", "指标", "基期", "目标", "实际值", "进度", "序时进度", "判断及依据"]]
            rows += [
                [
                    i,
                    Paragraph(text(f"{r.name}（{r.plan}）"), st["cell"]),
                    Paragraph(text(r.baseline_text or "—"), st["cell"]),
                    Paragraph(text(f"{r.target_year}年 {r.target_text}"), st["cell"]),
                    Paragraph(text(f"{r.actual:g}{r.unit}"), st["cell"]),
                    "—" if r.achieved is None else _pct(r.achieved),
                    "—" if r.expected is None else _pct(r.expected),
                    Paragraph(text(f"{r.judgement}：{r.reason or r.rule}"), st["cell"]),
                ]
                for i, r in numbered
            ]
            w = BLOCK_W
            widths = [0.06, 0.23, 0.12, 0.13, 0.1, 0.1, 0.1, 0.16]
            story += [
                Paragraph("表3 主要指标完成情况", st["caption"]),
                _table(rows, [w * x for x in widths], st),
                Paragraph(text(INDICATOR_NOTE), st["cell"]),
            ]

    if "problems" in options.parts:
        n += 1
        section(n, "存在问题")
        for para in (options.problems.strip() or PROBLEMS_HINT).splitlines():
            if para.strip():
                story.append(Paragraph(text(para.strip()), st["body"]))
    if "next_steps" in options.parts:
        n += 1
        section(n, "下步工作要求")
        for para in (options.next_steps.strip() or NEXT_STEPS_HINT).splitlines():
            if para.strip():
                story.append(Paragraph(text(para.strip()), st["body"]))

    story.append(Spacer(1, 24))
    sign = [("plain", options.office or "（发文单位）"), ("plain", chinese_date(issued))]
    for key, words in sign:
        story.append(Paragraph(text(words), st[key].clone("sign", alignment=2, rightIndent=32)))

    if "late" in options.parts and report.late:
        story += [NextPageTemplate("landscape"), PageBreak()]
        story.append(Paragraph("附件1", st["h1"].clone("annex", firstLineIndent=0)))
        story.append(Paragraph(text(f"{period}滞后事项清单"), st["title"]))
        rows = [
            ["序号", "所属方案", "任务（事项）", "牵头单位", "配合单位", "完成时限", "报送状态", "本期进展"]
        ]
        rows += [
            [
                i,
                Paragraph(text(item.plan), st["cell"]),
                Paragraph(text(f"{item.code} {item.title}"), st["cell"]),
                Paragraph(text(item.lead_unit), st["cell"]),
                Paragraph(text(item.support_units), st["cell"]),
                Paragraph(text(item.deadline), st["cell"]),
                Paragraph(text(f"{item.status}\n亮灯：{item.reason}"), st["cell"]),
                Paragraph(
                    text(quote(item.progress, QUOTE_IN_TABLE) if item.progress else "本期未报送进展"),
                    st["cell"],
                ),
            ]
            for i, item in enumerate(report.late, start=1)
        ]
        w = LANDSCAPE_BLOCK_W
        story.append(
            _table(rows, [w * 0.05, w * 0.12, w * 0.2, w * 0.12, w * 0.13, w * 0.09, w * 0.09, w * 0.2], st)
        )
    return story


def write_bulletin(report: Report, out: Path, options: BulletinOptions | None = None) -> None:
    """Write the 督查通报 PDF to `out` atomically."""
    options = options or BulletinOptions()
    story = build_story(report, options)

    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp),
            pageTemplates=[portrait_template(), landscape_template()],
            title=f"督查通报 第{options.issue}期：{report.period.label}重点任务推进情况",
            author=options.office or "督查台账",
            subject=f"{report.period.label}督查通报",
            creator="督查台账",
            initialFontName=SONG,
        )
        doc.build(story)

    atomic_write(Path(out), write)
