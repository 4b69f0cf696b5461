"""The CJK fonts the PDF reports embed (as subsets), shipped in resources/fonts.

HEI  文泉驿微米黑 (wqy-microhei.ttc): titles, “一、” headings, table headers (黑体 style).
SONG AR PL UMing (reports/uming.ttc): body, “（一）” headings, page numbers (宋 style; the
     stand-in for 仿宋 and 楷体, which the program does not ship).
Both are TrueType outlines, so reportlab embeds them; a PC without Chinese fonts prints
the same PDF.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tracker.paths import resources_dir

HEI = "DCHei"
SONG = "DCSong"


def register_fonts() -> tuple[str, str]:
    """Register both faces once per process; returns (HEI, SONG)."""
    registered = pdfmetrics.getRegisteredFontNames()
    fonts = resources_dir() / "fonts"
    if HEI not in registered:
        pdfmetrics.registerFont(TTFont(HEI, str(fonts / "wqy-microhei.ttc"), subfontIndex=0))
    if SONG not in registered:
        pdfmetrics.registerFont(TTFont(SONG, str(fonts / "reports" / "uming.ttc"), subfontIndex=0))
    return HEI, SONG
