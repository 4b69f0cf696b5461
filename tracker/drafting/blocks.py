"""A document as Word holds it: paragraphs and tables in order (the drafter's first step).

.docx is read from its XML: paragraphs and tables in document order (also inside content
controls), merged cells resolved (``gridSpan`` across, ``vMerge`` down: the merged box keeps
its text once and every cell it covers reads it), and Word list numbering (``numPr`` →
numbering.xml ``numFmt``/``lvlText``, counted per list and level) written back as the
number a reader sees. .txt tables are found by their header row (tab-separated or aligned
with runs of spaces). .doc/.wps go through LibreOffice when it is installed; .pdf text is
read where it has a text layer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.errors import BadInput
from tracker.importers.columns import match_headers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class Table:
    """A table: cell text by (row, column), 1-based, and the merged boxes (r1, c1, r2, c2)."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)
    rows: int = 0
    cols: int = 0

    def row(self, r: int) -> list[str]:
        """The texts of row r, a merged box's text in every cell it covers."""
        out = []
        for c in range(1, self.cols + 1):
            text = self.cells.get((r, c), "")
            if not text:
                for r1, c1, r2, c2 in self.boxes:
                    if r1 <= r <= r2 and c1 <= c <= c2:
                        text = self.cells.get((r1, c1), "")
                        break
            out.append(text)
        return out

    def lines(self) -> list[str]:
        """The table as text: one tab-separated line per row (a row's repeated box once).

        A table of one column is a frame around text (a layout table): its paragraphs are
        lines of their own.
        """
        if self.cols == 1:
            return [line for r in range(1, self.rows + 1) for line in self.cells.get((r, 1), "").split("\n")]
        out = []
        for r in range(1, self.rows + 1):
            cells: list[str] = []
            for c in range(1, self.cols + 1):
                covered = next(
                    (b for b in self.boxes if b[0] <= r <= b[2] and b[1] <= c <= b[3] and b[1] < c), None
                )
                if covered is None:
                    cells.append(" ".join(self.row(r)[c - 1].split()))
            out.append("\t".join(cells))
        return out


Block = str | Table  # a paragraph's text, or a table


# -- Word list numbering ---------------------------------------------------------------------

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
    return f"{label}{text.lstrip()}"


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
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise BadInput(f"{path.name} 不是有效的 Word .docx 文件（{exc}）") from None
    part = document.part
    numbering_xml = None
    try:
        numbering_xml = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering_xml = None
    styles_xml = part.styles.element if part.styles is not None else None
    numbering = Numbering(numbering_xml, styles_xml)
    return _body_blocks(document.element.body, numbering)


# -- .txt -----------------------------------------------------------------------------------

ALIGNED = re.compile(r"\s{2,}|\t")


def _split_row(line: str) -> list[str]:
    """Cells of a table row printed as text: tabs, ｜ or | rules, or runs of spaces."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.count("|") + line.count("｜") >= 2:
        cells = [c.strip() for c in re.split(r"[|｜]", line.strip())]
        if cells and not cells[0]:
            cells = cells[1:]
        if cells and not cells[-1]:
            cells = cells[:-1]
        return cells
    return [c.strip() for c in ALIGNED.split(line.strip())]


def _is_task_header(cells: list[str]) -> bool:
    found = match_headers(list(cells))
    return ("title" in found or "content" in found) and len(found) >= 3


HEADER_CELL = re.compile(r"^[\u4e00-\u9fa5][\u4e00-\u9fa5（）()/、]{1,15}$")
UNIT_FIELDS = ("lead", "support", "responsible")


def _is_units_cell(text: str) -> bool:
    from tracker.drafting.units import looks_like_unit, split_units

    if re.search(r"[。：:]", text) or len(text) > 120:
        return False
    names = split_units(text)
    return bool(names) and all(looks_like_unit(n) for n in names)


def _cell_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """A table flattened to one cell per line (blank lines between), as web pages print it.

    The header is a run of short cells naming a task and a unit column; rows are found by
    their units cell. Cells missing before it were merged down from the row above (the page
    printed them once); extra cells before it (“（一）”) belong to the first column.
    """
    header: list[str] = []
    for line in lines[start:]:
        text = line.strip()
        if not text:
            continue
        if not HEADER_CELL.match(text) or len(header) >= 12:
            break
        header.append(text)
    found = match_headers(list(header))
    if len(header) < 3 or not ("title" in found or "content" in found):
        return None  # checked before the rest of the text is looked at: no cost per short line
    cells: list[tuple[int, str]] = [(i, x.strip()) for i, x in enumerate(lines) if i >= start and x.strip()]
    unit_cols = [found[k] for k in UNIT_FIELDS if k in found]
    if not unit_cols:
        return None
    first_unit = min(unit_cols) - 1  # 0-based
    width = len(header)
    after = width - 1 - first_unit
    table = Table()
    for c, text in enumerate(header, start=1):
        table.cells[(1, c)] = text
    rows: list[list[str]] = []
    position = len(header)
    end_line = cells[position - 1][0] + 1
    while position < len(cells):
        anchor = next((k for k in range(position, len(cells)) if _is_units_cell(cells[k][1])), None)
        if anchor is None:
            break
        before = [text for _, text in cells[position:anchor]]
        if not before and not rows:
            break
        if len(before) > first_unit:  # extra leading cells: the first column's words
            extra = len(before) - first_unit
            before = ["".join(before[: extra + 1]), *before[extra + 1 :]] if first_unit else []
        row = [""] * (first_unit - len(before)) + before + [cells[anchor][1]]
        post = [text for _, text in cells[anchor + 1 : anchor + 1 + after]]
        rows.append(row + post + [""] * (after - len(post)))
        position = anchor + 1 + len(post)
        end_line = cells[position - 1][0] + 1
    if not rows:
        return None
    for r, row in enumerate(rows, start=2):
        for c, text in enumerate(row, start=1):
            if text:
                table.cells[(r, c)] = text
            elif r > 2 and c <= first_unit:  # merged down from the row above
                box = next((b for b in table.boxes if b[1] == c and b[3] == c and b[2] == r - 1), None)
                if box is not None:
                    table.boxes[table.boxes.index(box)] = (box[0], c, r, c)
                else:
                    table.boxes.append((r - 1, c, r, c))
    table.rows, table.cols = len(rows) + 1, width
    return table, end_line


def _repeated_as_merged(table: Table) -> None:
    """A 序号 / 任务 cell printed again on each row of its group is one merged cell."""
    found = match_headers([table.cells.get((1, c), "") for c in range(1, table.cols + 1)])
    for key in ("code", "title"):
        column = found.get(key)
        if column is None:
            continue
        start = 2
        for r in range(3, table.rows + 2):
            same = (
                r <= table.rows
                and table.cells.get((r, column))
                and (table.cells.get((r, column)) == table.cells.get((start, column)))
            )
            if not same:
                if r - 1 > start:
                    table.boxes.append((start, column, r - 1, column))
                    for inner in range(start + 1, r):
                        table.cells.pop((inner, column), None)
                start = r


def text_blocks(lines: list[str]) -> list[Block]:
    """Lines of a text, with every task table in it (tabs, aligned columns, one cell per line)."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if HEADER_CELL.match(line.strip()):
            flattened = _cell_table(lines, index)
            if flattened is not None:
                blocks.append(flattened[0])
                index = flattened[1]
                continue
        cells = _split_row(line) if line.strip() else []
        if len(cells) >= 3 and _is_task_header(cells):
            table = Table()
            width = len(cells)
            rows = [cells]
            index += 1
            while index < len(lines):
                row_line = lines[index]
                if not row_line.strip():
                    # a blank line ends the table unless a table row follows it
                    following = next((x for x in lines[index + 1 : index + 3] if x.strip()), "")
                    if "\t" in following or len(_split_row(following)) >= width - 1 >= 2:
                        index += 1
                        continue
                    break
                row = _split_row(row_line)
                if len(row) < 2 and "\t" not in row_line:
                    if rows and len(rows) > 1:  # a wrapped last cell: run on into the row above
                        rows[-1][-1] = rows[-1][-1] + row_line.strip()
                        index += 1
                        continue
                    break
                rows.append(row)
                index += 1
            for r, row in enumerate(rows, start=1):
                if len(row) < width and r > 1 and "\t" not in "".join(row):
                    row = [""] * (width - len(row)) + row  # merged leading cells printed once
                for c, text in enumerate(row[:width], start=1):
                    table.cells[(r, c)] = text
            table.rows, table.cols = len(rows), width
            _repeated_as_merged(table)
            blocks.append(table)
            continue
        blocks.append(line)
        index += 1
    return blocks


# -- other formats --------------------------------------------------------------------------


def soffice() -> str | None:
    """LibreOffice's command, if installed (Windows: the usual Program Files place too)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for root in (Path("C:/Program Files/LibreOffice"), Path("C:/Program Files (x86)/LibreOffice")):
        candidate = root / "program" / "soffice.exe"
        if candidate.exists():
            return str(candidate)
    return None


def convert_to_docx(path: Path) -> Path:
    """A .doc/.wps converted to .docx by LibreOffice into a temporary folder (caller cleans up)."""
    command = soffice()
    if command is None:
        raise BadInput(
            f"{path.name} 是旧版 Word（.doc）或 WPS 文件，读取它需要安装 LibreOffice；"
            "也可在 Word/WPS 中“另存为”.docx 后再导入"
        )
    out_dir = Path(tempfile.mkdtemp(prefix="tracker-draft-"))
    source = out_dir / f"source{path.suffix.lower()}"
    shutil.copyfile(path, source)  # a plain ASCII name: soffice mishandles some paths
    try:
        subprocess.run(
            [
                command,
                # a profile of its own: a LibreOffice already open on this PC would otherwise
                # take the job (or refuse it while its profile is locked)
                f"-env:UserInstallation={(out_dir / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "docx",
                "--outdir",
                str(out_dir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(out_dir, ignore_errors=True)
        raise BadInput(f"{path.name} 无法用 LibreOffice 转换为 .docx（{exc}）") from None
    converted = out_dir / "source.docx"
    if not converted.exists():
        shutil.rmtree(out_dir, ignore_errors=True)
        raise BadInput(f"{path.name} 无法用 LibreOffice 转换为 .docx（文件可能已损坏或加密）")
    return converted


def read_pdf_text(path: Path) -> str:
    """The text layer of a PDF, page by page; a scanned PDF (no text) is refused."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise BadInput(f"{path.name} 不是可读取的 PDF 文件（{exc}）") from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if len(re.sub(r"\s", "", text)) < 20:
        raise BadInput(f"{path.name} 没有文字层（可能是扫描件），请先用 OCR 转成文字或 Word 文件")
    return text


def load_blocks(path: Path) -> list[Block]:
    """The blocks of any document the drafter reads: .txt, .docx, .doc/.wps, .pdf."""
    from tracker.drafting.text import read_txt

    path = Path(path)
    if not path.exists():
        raise BadInput(f"找不到文件 {path}")
    if path.stat().st_size == 0:
        raise BadInput(f"{path.name} 是空文件")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return text_blocks(read_txt(path).splitlines())
    if suffix == ".docx":
        return read_docx_blocks(path)
    if suffix in (".doc", ".wps"):
        if path.read_bytes()[:2] == b"PK":  # a .docx saved under the old name
            return read_docx_blocks(path)
        converted = convert_to_docx(path)
        try:
            blocks = read_docx_blocks(converted)
        finally:
            shutil.rmtree(converted.parent, ignore_errors=True)
        return blocks
    if suffix == ".pdf":
        return text_blocks(read_pdf_text(path).splitlines())
    raise BadInput(f"{path.name}：只能从 .txt、.docx、.doc、.wps 或 .pdf 起草方案")
