"""督查通报 as an editable Word document (python-docx), from the same composed `Bulletin` as the PDF.

Leaders revise a 通报 before it is issued, in WPS or Word; this edition keeps every part
editable and restylable: GB/T 9704 page setup (A4, margins 37/35/28/26 mm, a 156 × 225 mm
text block, 22 lines of 28 characters), named paragraph styles (版头, 期号, 标题, 主送, 正文,
一级标题, 二级标题, 表题, 图题, 附件说明, 落款, 附件标识, 附件标题, 版记), real Word tables
whose header row repeats on each page, the fonts offices have (方正小标宋简体, 仿宋_GB2312,
黑体, 楷体_GB2312) with the common Windows faces named as their alternates, page numbers
“— N —” right on odd and left on even pages, and the 附件 in landscape sections numbered on
their long edge, rotated, as GB/T 9704 asks (`docx_turned.py`). The
charts are the PDF's drawings, embedded as pictures.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tracker.fileio import atomic_write
from tracker.reports.assemble import Report
from tracker.reports.bulletin import Bars, Bulletin, BulletinOptions, Grid, Para, chinese_date, compose
from tracker.reports.docx_turned import turned_page_numbers

XIAOBIAOSONG, FANGSONG, HEITI, KAITI, SONGTI = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
# Where an office PC lacks a face, Word and WPS take the font table's alternate name.
ALTERNATES = {XIAOBIAOSONG: "宋体", FANGSONG: "仿宋", KAITI: "楷体", HEITI: "SimHei", SONGTI: "SimSun"}
LINE = Pt(28.95)  # 225 mm / 22 lines
CELL_PAD = 4  # points left and right in a table cell
RED = RGBColor(0xC0, 0x00, 0x00)
# name: (font, size pt, bold, alignment, first-line indent in characters, keep with next)
STYLES: dict[str, tuple[str, float, bool, WD_ALIGN_PARAGRAPH, int, bool]] = {
    "版头": (XIAOBIAOSONG, 42, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "期号": (FANGSONG, 16, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "标题": (XIAOBIAOSONG, 22, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "主送": (FANGSONG, 16, False, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "正文": (FANGSONG, 16, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, False),
    "一级标题": (HEITI, 16, False, WD_ALIGN_PARAGRAPH.LEFT, 2, True),
    "二级标题": (KAITI, 16, False, WD_ALIGN_PARAGRAPH.LEFT, 2, True),
    "表题": (HEITI, 14, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "图题": (HEITI, 14, False, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
    "附件说明": (FANGSONG, 16, False, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    "落款": (FANGSONG, 16, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, True),
    "附件标识": (HEITI, 16, False, WD_ALIGN_PARAGRAPH.LEFT, 0, True),
    "附件标题": (XIAOBIAOSONG, 22, False, WD_ALIGN_PARAGRAPH.CENTER, 0, True),
    "版记": (FANGSONG, 14, False, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "表格文字": (FANGSONG, 10.5, False, WD_ALIGN_PARAGRAPH.LEFT, 0, False),
    "表头": (HEITI, 10.5, False, WD_ALIGN_PARAGRAPH.CENTER, 0, False),
}


def _fonts(element: object, east_asian: str) -> None:
    """Name one face for Chinese, digits and Latin text alike (w:rFonts): no run falls back to Calibri."""
    r_pr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    latin = east_asian  # digits in the same face: no mixed-font gaps around numbers
    for attribute, value in (
        ("w:ascii", latin),
        ("w:hAnsi", latin),
        ("w:eastAsia", east_asian),
        ("w:cs", latin),
    ):
        fonts.set(qn(attribute), value)


def _font_table(document: DocumentObject) -> None:
    """Each Chinese face in the font table with its alternate (仿宋_GB2312 → 仿宋 …)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    fonts = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE), None
    )
    if fonts is None:
        return
    from lxml import etree

    root = etree.fromstring(fonts.blob)
    for name, alternate in ALTERNATES.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        alt = etree.SubElement(font, qn("w:altName"))
        alt.set(qn("w:val"), alternate)
        charset = etree.SubElement(font, qn("w:charset"))
        charset.set(qn("w:val"), "86")  # GB 2312
        family = etree.SubElement(font, qn("w:family"))
        family.set(qn("w:val"), "modern" if name != HEITI else "swiss")
    fonts._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styles(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    _fonts(normal.element, FANGSONG)
    p_pr = normal.element.get_or_add_pPr()
    later = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:jc", "w:rPr")
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):  # no extra space between Chinese and numbers
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        p_pr.insert_element_before(element, *later)
    # Word's and LibreOffice's own 禁则 for the lines they break (table cells, edited text):
    # no line starts with ，。）》… nor ends with （《“, and punctuation never hangs past the edge
    for tag, value in (("w:kinsoku", "1"), ("w:overflowPunct", "0")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        p_pr.insert_element_before(element, "w:wordWrap", "w:topLinePunct", "w:autoSpaceDE", *later)
    for name, (face, size, bold, align, indent, keep) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        _fonts(style.element, face)
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.keep_with_next = keep
        fmt.widow_control = True
        if size >= 14:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = LINE if size <= 16 else Pt(size * 1.5)
        else:
            fmt.line_spacing = 1.0
        if indent:
            fmt.first_line_indent = Pt(size * indent)
            ind = style.element.get_or_add_pPr().find(qn("w:ind"))
            if ind is not None:
                ind.set(qn("w:firstLineChars"), str(indent * 100))
    document.styles["版头"].font.color.rgb = RED
    document.styles["版头"].paragraph_format.line_spacing = Pt(50)  # as the PDF sets it


def _page(section: Section, landscape: bool = False) -> None:
    """A4, GB/T 9704 margins: top 37, bottom 35, binding (left) 28, right 26 mm; turned for wide tables."""
    s = section
    s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    if landscape:  # the binding margin stays on the turned page's top edge
        s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(28), Mm(30), Mm(36), Mm(36)
    else:
        s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    s.footer_distance = Mm(28 - 7)  # “— N —” 7 mm below the text block
    s.header_distance = Mm(15)


def _page_field(paragraph: Paragraph) -> None:
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    paragraph.add_run(" —")
    for r in paragraph.runs:
        r.font.size = Pt(14)
        _fonts(r._r, SONGTI)


def _footers(section: Section) -> None:
    """Page numbers: right (one character in) on odd pages, left on even pages."""
    s = section
    for footer, align in (
        (s.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (s.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.text = ""
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.left_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.LEFT else Pt(0)
        fmt.right_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.RIGHT else Pt(0)
        _page_field(paragraph)


def _borders(table: Table, top_bottom_only: bool = False, colour: str = "000000", size: int = 4) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    edges = (
        ("top", "bottom", "insideH")
        if top_bottom_only
        else ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if edge in edges else "nil")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:color"), colour)
        borders.append(element)
    tbl_pr.append(borders)


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _cell_text_runs(paragraph: Paragraph, words: str) -> None:
    for i, line in enumerate(words.split("\n")):
        if i:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        paragraph.add_run(line)


def _balanced(
    words: str,
    size: float,
    width_mm: float,
    margin: float | None = None,
    phrases: bool = False,
    keep: tuple[str, ...] = (),
) -> list[str]:
    """A title's lines as the 禁则 component balances them (Word would leave “报” alone);
    `phrases` for a title: broken between phrases, never inside “…” or 《…》 (“十/四五”)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tracker.reports.fonts import SONG, register_fonts
    from tracker.reports.linebreak import break_lines

    register_fonts()
    spare = size if margin is None else margin  # Word's faces run wider than the shipped one
    return break_lines(
        words,
        lambda s: stringWidth(s, SONG, size),
        width_mm * 72 / 25.4 - spare,
        balance=True,
        phrases=phrases,
        keep=keep,
    )


def _cell_text(cell: _Cell, words: str, style: str, centre: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centre else WD_ALIGN_PARAGRAPH.LEFT
    _cell_text_runs(paragraph, words)


def _grid(document: DocumentObject, grid: Grid, width_mm: float) -> Table:
    table = document.add_table(rows=1 + len(grid.rows), cols=len(grid.header))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    _cell_margins(table)
    points = _fitted(grid, width_mm)
    widths = [Mm(w * 25.4 / 72) for w in points]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for i, words in enumerate(grid.header):
        cell = table.rows[0].cells[i]
        cell.width = widths[i]
        # the header's lines as the 禁则 component balances them (“进度/偏慢”, never “进度偏/慢”)
        _cell_text(
            cell, "\n".join(_balanced(words, 10.5, (points[i] - 2 * CELL_PAD) * 25.4 / 72, 0)), "表头", True
        )
        _shade(cell, "#D9E1F2")
    _repeat_header(table)
    for r, row in enumerate(grid.rows, start=1):
        cells = table.rows[r].cells
        if r - 1 in grid.groups:
            merged = cells[0].merge(cells[-1])
            _cell_text(merged, row[0], "表头", False)
            _shade(merged, "#F2F2F2")
            continue
        for c, words in enumerate(row):
            cells[c].width = widths[c]
            centred = grid.align[c] == "C"
            if centred:  # short centred cells broken and balanced by the 禁则 component (“2022年/目标”)
                words = "\n".join(_balanced(words, 10.5, (points[c] - 2 * CELL_PAD) * 25.4 / 72, 0))
            _cell_text(cells[c], words, "表格文字", centred)
        if grid.total and r == len(grid.rows):
            for cell in cells:
                _shade(cell, "#F2F2F2")
    return table


def _fitted(grid: Grid, width_mm: float) -> list[float]:
    """Column widths in points as the PDF fits them to their content (a header never leaves one
    character on a line of its own: “任务/数”), measured at the Word styles' 10.5 pt."""
    from tracker.reports.fonts import HEI, SONG, register_fonts
    from tracker.reports.pdf_bulletin import fit_widths

    register_fonts()
    return fit_widths(grid, width_mm * 72 / 25.4, SONG, 10.5, (HEI, 10.5), padding=2 * CELL_PAD + 2)


def _cell_margins(table: Table) -> None:
    """Cell padding: text clear of the rules (Word's default has none above and below)."""
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", 30), ("bottom", 30), ("left", CELL_PAD * 20), ("right", CELL_PAD * 20)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _picture(bars: Bars) -> bytes:
    """The PDF's chart drawing as a PNG (rendered at 200 dpi with pypdfium2)."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    from tracker.reports.pdf_bulletin import chart

    drawing = chart(bars)
    pdf = renderPDF.drawToString(drawing)
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _ems(words: str) -> float:
    """Width in characters (a digit is half of one), as the 落款 lines are set."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in words)


def _figure(document: DocumentObject, bars: Bars) -> None:
    picture = document.add_paragraph(style="图题")
    picture.paragraph_format.keep_with_next = True
    picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    picture.paragraph_format.space_before = Pt(4)
    picture.add_run().add_picture(io.BytesIO(_picture(bars)), width=Mm(156))
    _paragraph(document, "图题", bars.caption)


def _paragraph(document: DocumentObject, style: str, words: str) -> Paragraph:
    return document.add_paragraph(words, style=style)


def _masthead(document: DocumentObject, bulletin: Bulletin) -> None:
    if bulletin.draft:
        mark = document.add_paragraph(style="落款")
        run = mark.add_run("草稿")
        run.font.color.rgb = RED
        run.font.size = Pt(20)
        _fonts(run._r, HEITI)
    _paragraph(document, "版头", "督查通报")
    _paragraph(document, "期号", f"第{bulletin.issue}期")
    line = document.add_paragraph(style="主送")
    line.add_run(bulletin.office)
    line.paragraph_format.tab_stops.add_tab_stop(Mm(156), alignment=WD_TAB_ALIGNMENT.RIGHT)
    line.add_run("\t" + chinese_date(bulletin.issued_on))
    # the red rule under the masthead
    p_pr = line._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "4"), ("w:color", "C00000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p_pr.append(border)


def build(bulletin: Bulletin) -> DocumentObject:
    document = Document()
    _styles(document)
    _font_table(document)
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page(section)
    _footers(section)
    props = document.core_properties
    props.title = f"督查通报 第{bulletin.issue}期：{bulletin.title}"
    props.author = bulletin.office
    props.comments = "督查台账生成"

    _masthead(document, bulletin)
    title = document.add_paragraph(style="标题")
    # balanced with a character to spare (LibreOffice sets a gap around digits; never “报” alone)
    _cell_text_runs(
        title, "\n".join(_balanced(bulletin.title, 22, 156, phrases=True, keep=bulletin.title_words))
    )
    title.paragraph_format.space_before = Pt(14)
    title.paragraph_format.space_after = Pt(12)
    _paragraph(document, "主送", bulletin.recipients)
    last: Paragraph | None = None
    for block in bulletin.body:
        if isinstance(block, Para):
            last = _paragraph(document, block.style, block.text)
        elif isinstance(block, Grid):
            if block.caption:
                _paragraph(document, "表题", block.caption)
            _grid(document, block, 156)
            if block.note:
                _paragraph(document, "表格文字", block.note)
        else:
            _figure(document, block)
    if last is not None:
        last.paragraph_format.keep_with_next = True  # the 落款 never stands alone
    if bulletin.annex_note:
        for i, item in enumerate(bulletin.annex_note):
            note = _paragraph(document, "附件说明", f"附件：{item}" if i == 0 else item)
            if i == 0:
                note.paragraph_format.space_before = Pt(10)  # as the PDF: the 落款 stays on its page
            note.paragraph_format.left_indent = Pt(16 * 5)
            note.paragraph_format.first_line_indent = Pt(-16 * 3) if i == 0 else Pt(0)
    _paragraph(document, "落款", "").paragraph_format.keep_with_next = True  # 下空一行, as the PDF
    office = _paragraph(document, "落款", bulletin.signature[0])
    # 成文日期右空四字; the office centred over the date
    office.paragraph_format.right_indent = Pt(
        16 * max(0.0, 4 + (_ems(bulletin.signature[1]) - _ems(bulletin.signature[0])) / 2)
    )
    day = _paragraph(document, "落款", bulletin.signature[1])
    day.paragraph_format.right_indent = Pt(16 * 4)
    day.paragraph_format.keep_with_next = False

    for index, annex in enumerate(bulletin.annexes, start=1):
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, annex.landscape)
        if annex.landscape:  # numbered on the long edge, rotated, where GB/T 9704 puts it
            turned_page_numbers(section, _page_field, index)
        else:
            _footers(section)
        _paragraph(document, "附件标识", f"附件{annex.number}")
        heading = document.add_paragraph(style="附件标题")
        _cell_text_runs(
            heading, "\n".join(_balanced(annex.title, 22, 225 if annex.landscape else 156, phrases=True))
        )
        if annex.chart is not None:
            _figure(document, annex.chart)
        if annex.grid.caption:
            _paragraph(document, "表题", annex.grid.caption)
        _grid(document, annex.grid, 225 if annex.landscape else 156)
        if annex.grid.note:
            _paragraph(document, "表格文字", annex.grid.note)
    if bulletin.annexes:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _page(section)
        _footers(section)
        document.add_paragraph(style="版记")
    imprint = document.add_table(rows=len(bulletin.imprint), cols=2)
    _borders(imprint, top_bottom_only=True)
    for row, (left, right) in zip(imprint.rows, bulletin.imprint, strict=True):
        _cell_text(row.cells[0], left, "版记", False)
        _cell_text(row.cells[1], right, "版记", False)
        row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


def write_docx(report: Report, out: Path, options: BulletinOptions | None = None) -> Bulletin:
    """Write the Word edition of the 督查通报 to `out` atomically; returns what it holds."""
    bulletin = compose(report, options or BulletinOptions())
    document = build(bulletin)
    atomic_write(Path(out), lambda tmp: document.save(str(tmp)))
    return bulletin
