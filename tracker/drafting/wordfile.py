"""Reading a .docx as Word holds it: paragraphs and tables in order, merges, list numbering.

Paragraphs and tables come in document order (also inside content controls); merged cells
are resolved (``gridSpan`` across, ``vMerge`` down: the merged box keeps its text once and
every cell it covers reads it); Word list numbering (``numPr`` → numbering.xml
``numFmt``/``lvlText``, list styles, counted per list and level) is written back as the
number a reader sees.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from tracker.drafting.cells import Block, Table
from tracker.errors import BadInput
from tracker.office_package import check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + chinese_number(rest) if rest < 10 else chinese_number(rest))
    if 10 <= rest < 20:
        tail = "一" + tail
    return CN_DIGITS[n // 100] + "百" + tail


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting"):
        return chinese_number(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt in ("upperRoman", "lowerRoman"):
        numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        out, left = "", n
        for value, letters in numerals:
            while left >= value:
                out, left = out + letters, left - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numbering:
    """Word's list numbering: the text each numbered paragraph shows before its words."""

    def __init__(self, numbering_xml: Any | None, styles_xml: Any | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId → ilvl → fmt
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → abstract, start overrides
        self.style_num: dict[str, tuple[str, int]] = {}  # styleId → numId, ilvl
        self.counters: dict[str, dict[int, int]] = {}
        self.level_overrides: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → lvl redefined
        links: dict[str, str] = {}  # abstractNumId → the list style it takes its levels from
        if numbering_xml is not None:
            for abstract in numbering_xml.iter(f"{W}abstractNum"):
                abstract_id = abstract.get(f"{W}abstractNumId", "")
                self.levels[abstract_id] = _levels(abstract.iter(f"{W}lvl"))
                link = _val(abstract.find(f"{W}numStyleLink"))
                if link:
                    links[abstract_id] = link
            for num in numbering_xml.iter(f"{W}num"):
                num_id = num.get(f"{W}numId", "")
                overrides: dict[int, int] = {}
                for override in num.iter(f"{W}lvlOverride"):
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        overrides[int(override.get(f"{W}ilvl", "0"))] = int(_val(start) or "1")
                redefined = _levels(num.iter(f"{W}lvl"))
                if redefined:
                    self.level_overrides[num_id] = redefined
                self.nums[num_id] = (_val(num.find(f"{W}abstractNumId")) or "", overrides)
        if styles_xml is not None:
            for style in styles_xml.iter(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_id = _val(num_pr.find(f"{W}numId"))
                    if num_id:
                        ilvl = int(_val(num_pr.find(f"{W}ilvl")) or "0")
                        self.style_num[style.get(f"{W}styleId", "")] = (num_id, ilvl)
        # an abstract list that only names a list style (numStyleLink) takes that style's levels
        for abstract_id, style_id in links.items():
            if self.levels.get(abstract_id):
                continue
            linked = self.style_num.get(style_id)
            if linked and linked[0] in self.nums:
                self.levels[abstract_id] = self.levels.get(self.nums[linked[0]][0], {})

    def label(self, p: Any) -> str:
        """The number Word shows before paragraph p (“一、”, “（三）”, “2.”), or ""."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id: str | None = None
        ilvl = 0
        style = _val(p.find(f"{W}pPr/{W}pStyle"))
        if style and style in self.style_num:  # numbering from the paragraph's style
            num_id, ilvl = self.style_num[style]
        if num_pr is not None:  # the paragraph's own numPr wins, part by part
            num_id = _val(num_pr.find(f"{W}numId")) or num_id
            level = _val(num_pr.find(f"{W}ilvl"))
            ilvl = int(level) if level is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = {**self.levels.get(abstract, {}), **self.level_overrides.get(num_id, {})}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        start = overrides.get(ilvl, start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""

        def level_value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            level_fmt, _, level_start = levels.get(level, ("decimal", "", 1))
            return _format_number(counters.get(level, overrides.get(level, level_start)), level_fmt)

        return re.sub(r"%(\d)", level_value, text)


def _levels(elements: Any) -> dict[int, tuple[str, str, int]]:
    """ilvl → (numFmt, lvlText, start) of w:lvl elements."""
    levels: dict[int, tuple[str, str, int]] = {}
    for lvl in elements:
        ilvl = int(lvl.get(f"{W}ilvl", "0"))
        fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
        text = _val(lvl.find(f"{W}lvlText")) or ""
        start = int(_val(lvl.find(f"{W}start")) or "1")
        levels[ilvl] = (fmt, text, start)
    return levels


def _val(element: Any | None) -> str | None:
    return None if element is None else element.get(f"{W}val")


# -- .docx ----------------------------------------------------------------------------------


def _paragraph_text(p: Any) -> str:
    """The visible text of a paragraph: runs, tabs, line breaks; deleted revisions left out."""
    out: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == f"{W}t":
            if not any(a.tag == f"{W}del" for a in node.iterancestors()):
                out.append(node.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    return "".join(out)


def _numbered_text(p: Any, numbering: Numbering) -> str:
    """The paragraph as a reader sees it: Word's number, then the words.

    A number alone (a 序号 cell numbered by Word) is the number without its dot; a number
    that Word follows only by a tab (“1⇥建设…”) gets the separator a typist would write.
    """
    label = numbering.label(p).strip()
    text = _paragraph_text(p)
    if not label:
        return text
    if not text.strip():
        return label.strip("、.．")
    if not re.search(r"[、.．）)]$", label):
        label += "、" if re.search(r"[一二三四五六七八九十]$", label) else "."
    words = text.lstrip()
    # “2.” before “50个小区……” would read as the figure 2.50: Word's gap between them is kept
    gap = " " if label[-1] in ".．" and words[:1].isdigit() else ""
    return f"{label}{gap}{words}"


def _table(tbl: Any, numbering: Numbering) -> Table:
    """A w:tbl with gridSpan and vMerge resolved into boxes."""
    table = Table()
    open_boxes: dict[int, int] = {}  # grid column → index in table.boxes of a box still open below
    r = 0
    for tr in tbl.iterchildren(f"{W}tr"):
        r += 1
        c = 1
        grid_before = tr.find(f"{W}trPr/{W}gridBefore")
        if grid_before is not None:
            c += int(_val(grid_before) or "0")
        for tc in tr.iterchildren(f"{W}tc"):
            props = tc.find(f"{W}tcPr")
            span = 1
            merge: str | None = None
            if props is not None:
                span_el = props.find(f"{W}gridSpan")
                span = int(_val(span_el) or "1") if span_el is not None else 1
                merge_el = props.find(f"{W}vMerge")
                if merge_el is not None:
                    merge = _val(merge_el) or "continue"
            paragraphs = [_numbered_text(p, numbering) for p in tc.iter(f"{W}p")]
            text = "\n".join(t.strip() for t in paragraphs if t.strip())
            if merge == "continue" and c in open_boxes:
                index = open_boxes[c]
                r1, c1, _, c2 = table.boxes[index]
                table.boxes[index] = (r1, c1, r, c2)
            else:
                for col in range(c, c + span):
                    open_boxes.pop(col, None)
                table.cells[(r, c)] = text
                if span > 1 or merge == "restart":
                    table.boxes.append((r, c, r, c + span - 1))
                    if merge == "restart":
                        open_boxes[c] = len(table.boxes) - 1
            c += span
        table.cols = max(table.cols, c - 1)
    table.rows = r
    table.boxes = [b for b in table.boxes if b[0] != b[2] or b[1] != b[3]]
    return table


def _body_blocks(parent: Any, numbering: Numbering) -> list[Block]:
    blocks: list[Block] = []
    for child in parent.iterchildren():
        if child.tag == f"{W}p":
            blocks.extend(_numbered_text(child, numbering).split("\n"))
        elif child.tag == f"{W}tbl":
            blocks.append(_table(child, numbering))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                blocks.extend(_body_blocks(content, numbering))
    return blocks


def read_docx_blocks(path: Path) -> list[Block]:
    """Paragraphs (their lines) and tables of a .docx, in document order."""
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise BadInput(
            f"{path.name} 不是 Word .docx 文件（可能是旧版 .doc 或改了扩展名），请另存为 .docx (not a docx)"
        )
    check_package(path, "政策文件")  # size, part count, no DTD: before any XML is parsed
    try:
        return _docx_blocks(path)
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise BadInput(f"{path.name} 不是有效的 Word .docx 文件（{exc}）") from None
    except Exception as exc:  # malformed XML inside, or any other break in an untrusted file
        raise BadInput(
            f"{path.name} 已损坏，无法读取其中的文字（{type(exc).__name__}: {str(exc)[:200]}）(damaged docx)"
        ) from None


def _docx_blocks(path: Path) -> list[Block]:
    from docx import Document

    document = Document(str(path))
    part = document.part
    numbering_xml = None
    try:
        numbering_xml = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_xml = None
    styles_xml = part.styles.element if part.styles is not None else None
    numbering = Numbering(numbering_xml, styles_xml)
    return _body_blocks(document.element.body, numbering)
