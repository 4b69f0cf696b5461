"""GB/T 9704-2012 page layout shared by the 督查通报 and the 催办单 (reportlab).

A4; top margin 37 mm, left (binding) 28 mm, text block 156 × 225 mm; page numbers
“— N —” in 4号 (14 pt) 宋体, 7 mm below the text block, right on odd pages and left on
even pages, one character in from the edge. Landscape pages for wide tables keep the
same margins turned.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate

from tracker.reports.fonts import HEI, KAI, SONG, register_fonts
from tracker.reports.linebreak import CANNOT_START

PAGE_W, PAGE_H = A4
TOP, LEFT, BLOCK_W, BLOCK_H = 37 * mm, 28 * mm, 156 * mm, 225 * mm
FOOTER_GAP = 7 * mm
PAGE_NUMBER_SIZE = 14  # 4号


def text(value: str) -> str:
    """Ledger text as a `TextBlock` draws it: as it is (no markup to escape); kept for callers."""
    return value


CANNOT_START_LINE = CANNOT_START  # the 禁则 component's set (tracker/reports/linebreak.py)


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = {"wordWrap": "CJK", "allowOrphans": 0, "bulletFontName": SONG}
    return {
        "masthead": ParagraphStyle(
            "masthead",
            fontName=HEI,
            fontSize=40,
            leading=52,
            alignment=TA_CENTER,
            textColor="#C00000",
            **base,
        ),
        "issue": ParagraphStyle("issue", fontName=SONG, fontSize=16, leading=26, alignment=TA_CENTER, **base),
        "title": ParagraphStyle(
            "title",
            fontName=HEI,
            fontSize=22,
            leading=34,
            alignment=TA_CENTER,
            spaceBefore=12,
            spaceAfter=14,
            **base,
        ),
        "body": ParagraphStyle(
            "body", fontName=SONG, fontSize=16, leading=28.5, firstLineIndent=32, alignment=TA_JUSTIFY, **base
        ),
        "plain": ParagraphStyle("plain", fontName=SONG, fontSize=16, leading=28.5, alignment=TA_LEFT, **base),
        "h1": ParagraphStyle("h1", fontName=HEI, fontSize=16, leading=28.5, firstLineIndent=32, **base),
        "h2": ParagraphStyle("h2", fontName=KAI, fontSize=16, leading=28.5, firstLineIndent=32, **base),
        "cell": ParagraphStyle("cell", fontName=SONG, fontSize=10.5, leading=14, **base),
        "cell_c": ParagraphStyle(
            "cell_c", fontName=SONG, fontSize=10.5, leading=14, alignment=TA_CENTER, **base
        ),
        "head": ParagraphStyle("head", fontName=HEI, fontSize=10.5, leading=14, alignment=TA_CENTER, **base),
        "caption": ParagraphStyle(
            "caption",
            fontName=HEI,
            fontSize=12,
            leading=20,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=6,
            **base,
        ),
    }


def _page_number(canvas: Canvas, page_w: float, left: float, block_w: float, block_bottom: float) -> None:
    number = canvas.getPageNumber()
    label = f"— {number} —"
    canvas.saveState()
    canvas.setFont(SONG, PAGE_NUMBER_SIZE)
    y = block_bottom - FOOTER_GAP - PAGE_NUMBER_SIZE * 0.8
    if number % 2:
        canvas.drawRightString(left + block_w - PAGE_NUMBER_SIZE, y, label)
    else:
        canvas.drawString(left + PAGE_NUMBER_SIZE, y, label)
    canvas.restoreState()


def portrait_template(
    template_id: str = "portrait", draft: bool = False, then: str | None = None
) -> PageTemplate:
    """The GB/T 9704 page; `draft` marks it 草稿 (page 1 of a draft), `then` names the next page's."""
    bottom = PAGE_H - TOP - BLOCK_H
    frame = Frame(LEFT, bottom, BLOCK_W, BLOCK_H, 0, 0, 0, 0, id=f"{template_id}-frame")

    def on_page(canvas: Canvas, _doc: object) -> None:
        _page_number(canvas, PAGE_W, LEFT, BLOCK_W, bottom)
        if draft:
            _draft_mark(canvas)

    template = PageTemplate(id=template_id, frames=[frame], onPage=on_page, pagesize=A4)
    if then:
        template.autoNextPageTemplate = then
    return template


def _draft_mark(canvas: Canvas) -> None:
    """“草稿” in a red box in the top margin of page 1: this is not the sent 通报."""
    canvas.saveState()
    canvas.setStrokeColor("#C00000")
    canvas.setFillColor("#C00000")
    canvas.setLineWidth(1.5)
    x, y = LEFT + BLOCK_W - 30 * mm, PAGE_H - TOP + 12 * mm
    canvas.rect(x, y, 30 * mm, 12 * mm, stroke=1, fill=0)
    canvas.setFont(HEI, 20)
    canvas.drawCentredString(x + 15 * mm, y + 3.2 * mm, "草　稿")
    canvas.restoreState()


def landscape_template(template_id: str = "landscape") -> PageTemplate:
    """A4 turned: the binding margin stays at the top edge of the turned page.

    GB/T 9704-2012, 8 表格: “A4纸型的表格横排时，页码位置与公文其他页码保持一致，单页码表头在
    订口一边，双页码表头在切口一边。” So a turned table's head lies on the binding side, and its
    page number sits where the portrait pages have theirs once the sheet is turned back: on
    the turned page's left (long) edge, rotated to read down, near its bottom (odd pages) or
    its top (even pages). The Word edition puts it in the same place (`docx_turned.py`)."""
    width, height = landscape(A4)
    left = (width - BLOCK_H) / 2
    bottom = 30 * mm
    block_h = height - LEFT - bottom

    frame = Frame(left, bottom, BLOCK_H, block_h, 0, 0, 0, 0, id=f"{template_id}-frame")

    def on_page(canvas: Canvas, _doc: object) -> None:
        number = canvas.getPageNumber()
        label = f"— {number} —"
        size = PAGE_NUMBER_SIZE
        length = canvas.stringWidth(label, SONG, size)
        x = left - FOOTER_GAP - size * 0.8
        start = bottom + size + length if number % 2 else bottom + block_h - size
        canvas.saveState()
        canvas.translate(x, start)
        canvas.rotate(-90)
        canvas.setFont(SONG, size)
        canvas.drawString(0, 0, label)
        canvas.restoreState()

    return PageTemplate(id=template_id, frames=[frame], onPage=on_page, pagesize=(width, height))


LANDSCAPE_BLOCK_W = BLOCK_H
LANDSCAPE_BLOCK_H = landscape(A4)[1] - LEFT - 30 * mm
