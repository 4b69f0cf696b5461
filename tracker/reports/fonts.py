"""The CJK fonts the PDF reports embed (as subsets), shipped in resources/fonts.

HEI  文泉驿微米黑 (wqy-microhei.ttc): masthead, “一、” headings, table headers (黑体 style).
SONG AR PL UMing (reports/uming.ttc): body, tables, page numbers; the title drawn heavy (明体,
     the serif stand-in for 仿宋 and 小标宋: no freely licensed 仿宋 with simplified
     characters is packaged by Debian or PyPI).
KAI  AR PL KaitiM GB (reports/gkai00mp.ttf, GB 2312 coverage): “（一）” headings (楷体); a text
     with a character outside GB 2312 falls back to SONG (`face_for`).
All are TrueType outlines, so reportlab embeds them; a PC without Chinese fonts prints
the same PDF.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tracker.paths import resources_dir

HEI = "DCHei"
SONG = "DCSong"
KAI = "DCKai"


def register_fonts() -> tuple[str, str]:
    """Register the faces once per process; returns (HEI, SONG)."""
    registered = pdfmetrics.getRegisteredFontNames()
    fonts = resources_dir() / "fonts"
    if HEI not in registered:
        pdfmetrics.registerFont(TTFont(HEI, str(fonts / "wqy-microhei.ttc"), subfontIndex=0))
    if SONG not in registered:
        pdfmetrics.registerFont(TTFont(SONG, str(fonts / "reports" / "uming.ttc"), subfontIndex=0))
    if KAI not in registered:
        pdfmetrics.registerFont(TTFont(KAI, str(fonts / "reports" / "gkai00mp.ttf")))
    return HEI, SONG


@lru_cache(maxsize=8)
def _characters(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def face_for(font_name: str, words: str) -> str:
    """`font_name`, or SONG when the face lacks a character of `words` (no tofu boxes)."""
    register_fonts()
    if font_name not in (HEI, SONG, KAI):
        return font_name
    have = _characters(font_name)
    if all(ord(c) in have or c in "\n\t" for c in words):
        return font_name
    return SONG if font_name != SONG else font_name
