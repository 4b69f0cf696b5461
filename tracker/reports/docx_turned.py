"""Page numbers of the Word edition's turned (landscape) 附件 pages, where GB/T 9704 puts them.

GB/T 9704-2012 (8 表格): “A4纸型的表格横排时，页码位置与公文其他页码保持一致，单页码表头在订口
一边，双页码表头在切口一边。” The number of a turned page stays where the portrait pages have
it: once the sheet is turned back, at its foot — on the turned page that is its left (long)
edge, the label rotated to read downward, near the turned page's bottom on odd pages (the
portrait page's right) and near its top on even pages (the portrait page's left). A plain
footer would number the turned page at its own foot instead.

Word cannot rotate a footer, so each turned section's odd and even footers hold a text box
anchored to the page at that edge, its text rotated a quarter turn clockwise (DrawingML
`vert="vert"`, every character turned, digits and dashes alike), holding the same PAGE field.
The PDF edition draws the same place (`layout.landscape_template`).
"""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml import parse_xml
from docx.section import Section
from docx.text.paragraph import Paragraph

EMU_PER_MM = 36000
PAGE_W, PAGE_H = 297, 210  # mm, A4 turned
TEXT_LEFT = (PAGE_W - 225) / 2  # mm: the turned text block's left edge (225 mm long)
TOP, BOTTOM = 28, 30  # mm: the turned page's margins (binding edge on top)
GAP = 7  # mm between the text block and the number, as on portrait pages
BOX_W, BOX_H = 6.5, 40  # mm: the box across and along the edge
INSET = 14 * 25.4 / 72  # mm: one 4号 character in from the block's end, as the portrait footer

_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<w:drawing>"
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2"'
    ' behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
    '<wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="{id}" name="页码 {id}" descr="横排页的页码"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<wps:wsp><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
    '<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="{align}"/></w:pPr></w:p></w:txbxContent></wps:txbx>'
    '<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
    "<a:noAutofit/></wps:bodyPr>"
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
)


def _emu(mm: float) -> int:
    return round(mm * EMU_PER_MM)


def turned_page_numbers(section: Section, page_field: Callable[[Paragraph], None], index: int) -> None:
    """Number a landscape section on its left edge: `page_field` fills the rotated paragraph;
    `index` (the section's place in the document) keeps the boxes' drawing ids unique."""
    x = TEXT_LEFT - GAP - BOX_W
    for footer, odd, shape in ((section.footer, True, 1), (section.even_page_footer, False, 2)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = None
        # odd: the label ends one character above the block's foot; even: starts one below its head
        y = PAGE_H - BOTTOM - INSET - BOX_H if odd else TOP + INSET
        box = parse_xml(
            _BOX.format(
                x=_emu(x),
                y=_emu(y),
                cx=_emu(BOX_W),
                cy=_emu(BOX_H),
                id=9000 + 2 * index + shape,
                align="right" if odd else "left",  # the line runs downward: its end is at the bottom
            )
        )
        paragraph._p.append(box)
        inner = box.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent")
        assert inner is not None
        page_field(Paragraph(inner[0], footer))
