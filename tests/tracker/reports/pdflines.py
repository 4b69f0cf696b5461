"""Read back every line a PDF draws and check it against the 禁则 (CONVENTIONS.md).

Each `TextBlock` line is one text-showing operation, so pypdf's text visitor hands back
exactly the lines as drawn, with their font size; `pdftotext -bbox` gives each word's box
for the “nothing past the text edge” check.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tracker.reports.linebreak import CANNOT_END, CANNOT_START

UNIT_START = re.compile(r"^(?:[%％‰]|亿元|万元|元|个百分点|项|家|个|年|月|日)")
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Line:
    page: int
    block: int  # lines of one block follow each other (a paragraph, a cell)
    text: str
    x_min: float
    x_max: float
    y: float
    page_width: float


_TAGS = re.compile(
    r'<page width="(?P<pw>[\d.]+)"|(?P<block><block )'
    r'|<line xMin="(?P<x0>[\d.]+)" yMin="(?P<y>[\d.]+)" xMax="(?P<x1>[\d.]+)"'
    r"|<word [^>]*>(?P<word>[^<]*)</word>|(?P<end></line>)"
)


def drawn_lines(pdf: Path) -> list[Line]:
    """Every text line drawn, page by page, as poppler finds them (`pdftotext -bbox-layout`)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines: list[Line] = []
    page = block = 0
    width = 0.0
    words: list[str] = []
    box = (0.0, 0.0, 0.0)
    for found in _TAGS.finditer(xml):
        if found.group("pw"):
            page += 1
            width = float(found.group("pw"))
        elif found.group("block"):
            block += 1
        elif found.group("x0"):
            words = []
            box = (float(found.group("x0")), float(found.group("x1")), float(found.group("y")))
        elif found.group("word") is not None:
            words.append(html.unescape(found.group("word")))
        elif found.group("end"):
            joined = ""
            for word in words:
                space = joined and re.match(r"[A-Za-z0-9]", word) and re.search(r"[A-Za-z0-9.]$", joined)
                joined += (" " if space else "") + word
            lines.append(Line(page, block, joined, box[0], box[1], box[2], width))
    return lines


def breaking_faults(lines: list[Line], lone_ok: tuple[str, ...] = ()) -> list[str]:
    """What breaks the 禁则, line by line (empty when the document is clean)."""
    faults: list[str] = []
    for before, line in zip([None, *lines], lines, strict=False):
        words = line.text.strip()
        if not words:
            continue
        if words[0] in CANNOT_START and not words.startswith("— "):
            faults.append(f"p{line.page} starts with “{words[0]}”: {words}")
        if words[-1] in CANNOT_END:
            faults.append(f"p{line.page} ends with “{words[-1]}”: {words}")
        if re.search(r"[\u3400-\u9fff] +\d|\d +[\u3400-\u9fff]", words):
            faults.append(f"p{line.page} space between Chinese and a number: {words}")
        letters = [c for c in words if c not in CANNOT_START + CANNOT_END]
        if len(letters) == 1 and CJK.match(letters[0]) and words not in lone_ok:
            faults.append(f"p{line.page} one lone character: {words}")
        if (
            before is not None
            and before.block == line.block
            and re.search(r"\d$", before.text.strip())
            and UNIT_START.match(words)
        ):
            faults.append(f"p{line.page} number cut from its unit: {before.text.strip()} / {words}")
    return faults


def words_past(lines: list[Line], portrait_right: float, landscape_right: float) -> list[str]:
    """Lines that end right of the text block (points from the page's left edge)."""
    return [
        f"p{line.page} ends at {line.x_max:.1f}: {line.text}"
        for line in lines
        if line.x_max > (landscape_right if line.page_width > line_height_limit else portrait_right) + 0.6
    ]


line_height_limit = 700.0  # a page wider than this (points) is A4 turned
