"""Task tables printed in a text: tab-separated, ruled with |, aligned, or one cell per line."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from itertools import pairwise

from tracker.drafting.cells import Block, Table
from tracker.drafting.labels import is_label_line
from tracker.drafting.performance_table import performance_table
from tracker.drafting.reflow import display_width, unwrap
from tracker.drafting.text import cjk_punctuation
from tracker.importers.columns import match_headers

ALIGNED = re.compile(r"\s{2,}|\t")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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


# A header cell is a few words; it may name the year of its column (“2022年预期目标”), but the
# first cell of a header never does: a line that starts with a year above a table is its title.
# A remark in brackets may follow (“重点工作任务（全市2项牵头工作）”).
HEADER_CELL = re.compile(
    r"^(?:(?:19|20)\d\d年|\d{1,2}\s*[-—–~至]\s*\d{1,2}月)?[\u4e00-\u9fa5][\u4e00-\u9fa5（）()/、 ]{1,15}(?:（[^（）]{1,30}）)?$"
)  # “分管 领导”: letters a page spaced out; “1-10月推进情况”: a column of months
SECTION_CELL = re.compile(r"^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)\s*\S{2,}")
YEAR_FIRST = re.compile(r"^(?:19|20)\d\d年")
UNIT_FIELDS = ("lead", "support", "responsible")


@lru_cache(maxsize=4096)
def _is_units_cell(text: str) -> bool:
    from tracker.drafting.units import looks_like_unit, parse_sentence, split_units

    if re.search(r"[。：:]", text) or len(text) > 120:
        return False
    names = split_units(text)
    if names and all(looks_like_unit(n) for n in names):
        return True
    return parse_sentence(text) is not None  # “市发改委、团市委配合落实”: a sentence naming them


# a header cell names a column: its last word says what the column holds
COLUMN_NAME = re.compile(
    r"(情况|进度|进展|说明|目标|指标|名称|类别|类型|内容|领导|单位|部门|备注|序号|任务|举措|措施|项目|时间|时限|问题|打算|"
    r"节点|标准|来源|依据|成效|要求|数|值|率|量|额)(（[^（）]*）)?$"
)
# the cell of a row that opens with the row's own number: “3、新增企业上市数”
NUMBERED_CELL = re.compile(r"^\d{1,3}[、.．](?!\d)\s*\S")
# a short piece of a cell the page wrapped: it joins the piece after it when it waits for its
# object (“控制在⏎10410人内”), else the piece before it (“提升4个⏎百分点”)
WRAPPED = re.compile(r"^[^\d\s]{1,3}$")
WAITS = re.compile(r"(在|于|为|到|至|达|比|占|过|低|高)$")


def _around_task_cell(before: list[str], numbered: int, title_col: int, first_unit: int) -> list[str]:
    """The cells of a row put around its numbered task cell, wrapped pieces joined again.

    A flattened table gives each printed line of a cell its own line, and a cell merged down
    is printed only on the first row of its group. The cell opening with the row's number is
    the task; what comes before it fills the columns before the task column (the missing ones
    first), and short pieces after it are lines the page wrapped, joined to their neighbours
    until the cells fit the columns between the task and the units.
    """
    head, task, middle = before[:numbered], before[numbered], before[numbered + 1 :]
    room = first_unit - title_col - 1
    while len(middle) > room:
        short = next((i for i, x in enumerate(middle) if WRAPPED.match(x)), None)
        if short is None:
            middle = [*middle[: room - 1], "".join(middle[room - 1 :])] if room else []
            break
        piece = middle.pop(short)
        if WAITS.search(piece) and short < len(middle):
            middle[short] = piece + middle[short]
        elif short:
            middle[short - 1] += piece
        else:
            task += piece
    if len(head) > title_col:
        head = (
            ["".join(head[: len(head) - title_col + 1]), *head[len(head) - title_col + 1 :]]
            if title_col
            else []
        )
    head = [""] * (title_col - len(head)) + head
    return [*head, task, *middle]


def _two_row_header(header: list[str]) -> list[str]:
    """“序号 重点任务 责任单位 完成时限” over “牵头单位 配合单位”, flattened one cell a line: the
    second row's cells stand under 责任单位, so they take its place among the columns."""
    from tracker.importers.columns import field_of_header

    fields = [field_of_header(h) for h in header]
    tail = 0
    while tail < len(fields) and fields[len(fields) - 1 - tail] in ("lead", "support"):
        tail += 1
    if tail < 2 or "responsible" not in fields:
        return header
    over = fields.index("responsible")
    if over > len(header) - tail - 1:
        return header
    # (责任单位 right before them is the cell spanning them: it is no column of its own)
    return [*header[:over], *header[len(header) - tail :], *header[over + 1 : len(header) - tail]]


class NonBlank:
    """The text's non-blank lines, stripped, found once: every table reader starts from them.

    Built per call, the list made reading a text with a header printed thousands of times
    quadratic; a slice of it is a copy in C, cheap beside stripping every line again.
    """

    def __init__(self, lines: list[str]) -> None:
        self.cells = [(i, text) for i, line in enumerate(lines) if (text := line.strip())]
        self.first_at: list[int] = []  # line index → position of the first non-blank at or after it
        position = 0
        for i in range(len(lines) + 1):
            while position < len(self.cells) and self.cells[position][0] < i:
                position += 1
            self.first_at.append(position)

    def starting(self, line: int) -> list[tuple[int, str]]:
        """The non-blank lines from `line` on, each with its index."""
        return self.cells[self.first_at[min(line, len(self.first_at) - 1)] :]


# a row's cells before its units cell: a few columns and the lines a page wrapped them into
ROW_REACH = 80


def numbered_cell_tables(lines: list[str]) -> list[Table]:
    """Flattened tables with a 序号 and a task column but no unit column, as a last resort.

    Read only where a document holds nothing else: a list an office keeps of its own tasks
    (序号 | 工作任务 | 完成情况), whose units are the office's.
    """
    out: list[Table] = []
    nonblank = NonBlank(lines)
    index = 0
    while index < len(lines):
        if lines[index].strip() != "序号":
            index += 1
            continue
        header: list[str] = []
        for line in lines[index:]:
            text = line.strip()
            if not text:
                continue
            if not HEADER_CELL.match(text) or len(header) >= 12 or (header and text == "1"):
                break
            header.append(text)
        unwrapped = _join_wrapped_header(header)
        found = match_headers(list(unwrapped))
        cells = nonblank.starting(index + 1)[len(header) - 1 :]
        table = (
            _numbered_cell_table(unwrapped, cells, found) if "title" in found or "content" in found else None
        )
        if table is None:
            index += 1
            continue
        out.append(table[0])
        index = table[1]
    return out


def _numbered_cell_table(
    header: list[str], cells: list[tuple[int, str]], found: dict[str, int]
) -> tuple[Table, int] | None:
    """A flattened table with no unit column (序号 | 工作任务 | 完成情况): rows begin at 1, 2, 3 ….

    Each row's cells fill the columns in order after its number; a cell or two beyond the last
    column run on into it (a cell the page printed over several lines). The table ends at a
    heading (“二、”), or where a row would run on further: the text after it is no cell.
    """
    if found.get("code") != 1 or not cells or cells[0][1] != "1":
        return None
    width = len(header)
    rows: list[list[str]] = []
    extra = 0
    end_line = cells[0][0]
    expected = 1
    for line, text in cells:
        if text == str(expected):
            rows.append([text])
            expected, extra = expected + 1, 0
        elif SECTION_CELL.match(text) or extra >= 2:
            break
        elif len(rows[-1]) < width:
            rows[-1].append(text)
        else:
            rows[-1][-1] += text
            extra += 1
        end_line = line + 1
    if len(rows) < 2:
        return None
    return _header_over_rows(header, rows), end_line


def _header_over_rows(header: list[str], rows: list[list[str]]) -> Table:
    """A table of the header's cells over the rows', in order, no merges."""
    table = Table()
    for r, row in enumerate([header, *rows], start=1):
        for c, text in enumerate(row, start=1):
            table.cells[(r, c)] = text
    table.rows, table.cols = len(rows) + 1, len(header)
    return table


def _merged_unit_cell(row: list[str], width: int, unit_cols: list[int]) -> tuple[list[str], list[int]]:
    """A row whose unit cell was merged with the row above: the page left it out, so the text
    after it (a progress report, “已完成。……”) sits under 牵头单位. It moves back one column,
    and the columns so found merged are returned (their unit is the row above's)."""
    row = list(row) + [""] * (width - len(row))
    merged: list[int] = []
    for c in unit_cols:
        cell = row[c].strip() if c < len(row) else ""
        if cell and not _is_units_cell(cell) and not row[-1].strip() and len(cell) > 6:
            row = [*row[:c], "", *row[c:-1]]
            merged.append(c)
    return row, merged


def _join_wrapped_header(header: list[str]) -> list[str]:
    """Header words a page wrapped over two lines (“主要⏎任务”, “责任⏎单位”) are one cell again.

    A piece that names no column alone joins the next when together they name one.
    """
    out: list[str] = []
    index = 0
    while index < len(header):
        cell = header[index]
        if (
            index + 1 < len(header)
            and len(cell) <= 3
            and not COLUMN_NAME.search(cell)
            and not match_headers([cell])
        ):
            joined = cell + header[index + 1]
            if COLUMN_NAME.search(joined) or match_headers([joined]):
                out.append(joined)
                index += 2
                continue
        out.append(cell)
        index += 1
    return out


def _cell_table(lines: list[str], start: int, nonblank: NonBlank | None = None) -> tuple[Table, int] | None:
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
        if (
            not HEADER_CELL.match(text)
            or len(header) >= 12
            or (not header and YEAR_FIRST.match(text))
            or SECTION_CELL.match(text)  # “一、主要指标” is the first row, not a header cell
        ):
            break
        header.append(text)
    unwrapped = _join_wrapped_header(header)
    joined = len(header) - len(unwrapped)  # lines the header took beyond its cells
    header = _two_row_header(unwrapped)
    found = match_headers(list(header))
    while (
        header and len(header) - 1 > max(found.values(), default=0) - 1 and not COLUMN_NAME.search(header[-1])
    ):
        header.pop()  # “高质量发展” after the last column word: the first row's group cell
    found = match_headers(list(header))
    if len(header) < 3 or not ("title" in found or "content" in found):
        return None  # checked before the rest of the text is looked at: no cost per short line
    cells = (nonblank or NonBlank(lines)).starting(start)
    unit_cols = [found[k] for k in UNIT_FIELDS if k in found]
    if not unit_cols:
        return None
    positional = _rows_by_position(header, cells[len(header) + joined :])
    if positional is not None:
        return positional
    first_unit = min(unit_cols) - 1  # 0-based
    width = len(header)
    by_column = {col: key for key, col in found.items()}
    fields_after = [by_column.get(c) for c in range(first_unit + 2, width + 1)]
    table = Table()
    for c, text in enumerate(header, start=1):
        table.cells[(1, c)] = text
    rows: list[list[str]] = []
    sections: set[int] = set()  # indexes into rows of section rows (“（一）…” across the table)
    position = len(header) + joined
    end_line = cells[position - 1][0] + 1
    title_col = found.get("title", found.get("content", 1)) - 1

    bare_header = {re.sub(r"（[^（）]*）$", "", h) for h in header}

    def repeated_header(cell: str) -> bool:
        """The header printed again (its remark in brackets may differ: “重点工作（续）”)."""
        return re.sub(r"（[^（）]*）$", "", cell) in bare_header

    while position < len(cells):
        anchor = next(
            (
                k
                for k in range(position, min(len(cells), position + ROW_REACH))
                if _is_units_cell(cells[k][1]) and not repeated_header(cells[k][1])
            ),
            None,
        )
        if anchor is None:
            break
        before = [text for _, text in cells[position:anchor]]
        if not before and not rows:
            break
        # between rows: the header printed again, a section row, a labelled note of the row above
        while before and (
            repeated_header(before[0]) or SECTION_CELL.match(before[0]) or is_label_line(before[0])
        ):
            cell = before.pop(0)
            if SECTION_CELL.match(cell) and before:
                sections.add(len(rows))
                rows.append([cell] + [""] * (width - 1))
            elif is_label_line(cell) and rows and len(rows) - 1 not in sections:
                rows[-1][title_col] += "\n" + cell
            elif not repeated_header(cell):
                before.insert(0, cell)
                break
        numbered = next((k for k, x in enumerate(before) if NUMBERED_CELL.match(x)), None)
        if numbered is not None and title_col < first_unit:
            before = _around_task_cell(before, numbered, title_col, first_unit)
        if len(before) > first_unit and found.get("code") == 1 and re.fullmatch(r"\d{1,3}", before[0]):
            # the row's own 序号 first: the extra lines are the task's text the page wrapped
            extra = len(before) - first_unit
            at = max(title_col, 1)
            before = [*before[:at], "".join(before[at : at + extra + 1]), *before[at + extra + 1 :]]
        if len(before) > first_unit:  # extra leading cells: the first column's words
            extra = len(before) - first_unit
            before = ["".join(before[: extra + 1]), *before[extra + 1 :]] if first_unit else []
        units_cell = cells[anchor][1]
        if not fields_after or fields_after[0] not in UNIT_FIELDS:
            # several units in one cell, a line each: the flattened page gives each its own line
            while anchor + 1 < len(cells) and _is_units_cell(cells[anchor + 1][1]):
                anchor += 1
                units_cell += "\n" + cells[anchor][1]
        if (
            len(before) < first_unit
            and found.get("code") == 1
            and before
            and re.fullmatch(r"\d{1,3}", before[0])
        ):
            # its own 序号 and task first, the cells left empty in between (an empty cell leaves no line)
            lead = min(len(before), max(title_col, 1) + 1)
            before = before[:lead] + [""] * (first_unit - len(before)) + before[lead:]
        row = [""] * (first_unit - len(before)) + before + [units_cell]
        post, taken = _cells_after(cells, anchor + 1, fields_after)
        rows.append(row + post)
        position = anchor + 1 + taken
        end_line = cells[position - 1][0] + 1
    if not rows:
        return None
    reaching: dict[tuple[int, int], int] = {}  # (last row, column) → index of a one-column box
    for r, row in enumerate(rows, start=2):
        if r - 2 in sections:
            table.cells[(r, 1)] = row[0]
            table.boxes.append((r, 1, r, width))
            continue
        for c, text in enumerate(row, start=1):
            if text:
                table.cells[(r, c)] = text
            elif r > 2 and c <= first_unit and r - 3 not in sections:  # merged down from the row above
                extended = reaching.pop((r - 1, c), None)
                if extended is not None:
                    table.boxes[extended] = (table.boxes[extended][0], c, r, c)
                else:
                    extended = len(table.boxes)
                    table.boxes.append((r - 1, c, r, c))
                reaching[(r, c)] = extended
    table.rows, table.cols = len(rows) + 1, width
    return table, end_line


def _row_starts(cells: list[tuple[int, str]]) -> list[int]:
    """Where the rows 1, 2, 3 … of a flattened table begin: their 序号 each on a line alone."""
    starts: list[int] = []
    for k, (_, text) in enumerate(cells[:4000]):
        if text == str(len(starts) + 1):
            starts.append(k)
        elif SECTION_CELL.match(text) and starts:
            break  # “二、……” after the table: its text is no row
    return starts


def _fit_header(header: list[str], width: int) -> list[str]:
    """A header whose words the page wrapped (“攻坚目标⏎任务”, “第二季度⏎完成情况”) cut to `width` cells.

    The pair joined first is the one a wrap left behind: a second piece of two characters, or a
    first piece that names no column alone; then one that names a column once joined.
    """
    from tracker.importers.columns import field_of_header

    cells = list(header)
    while len(cells) > width:

        def score(i: int) -> tuple[int, int, int]:
            first, second = cells[i], cells[i + 1]
            joined = first + second
            left_behind = len(second) <= 2 or (
                not COLUMN_NAME.search(first) and field_of_header(first) is None
            )
            return (
                int(left_behind),
                int(bool(COLUMN_NAME.search(joined) or match_headers([joined]))),
                -len(second),
            )

        best = max(range(len(cells) - 1), key=score)
        cells[best : best + 2] = [cells[best] + cells[best + 1]]
    return cells


def _rows_by_position(header: list[str], cells: list[tuple[int, str]]) -> tuple[Table, int] | None:
    """A flattened table whose rows print one line for every column, read column by column.

    Rows begin at their 序号 (1, 2, 3 …, each on a line alone); when every row holds as many
    lines as the first, that is the table's width (the header's words the page wrapped are joined
    to fit it), and the last row ends after as many lines.
    """
    if match_headers([header[0]]).get("code") != 1 or not cells or cells[0][1] != "1":
        return None
    starts = _row_starts(cells)
    if len(starts) < 2:
        return None
    width = starts[1] - starts[0]
    if width < 3 or width > len(header) or any(b - a != width for a, b in pairwise(starts)):
        return None
    fitted = _fit_header(header, width)
    found = match_headers(list(fitted))
    if not ({"title", "content"} & found.keys()) or not any(k in found for k in UNIT_FIELDS):
        return None
    last = starts[-1] + width
    if last > len(cells):
        return None
    rows = [[text for _, text in cells[a : a + width]] for a in starts]
    unit_col = min(found[k] for k in UNIT_FIELDS if k in found) - 1
    if not all(_is_units_cell(row[unit_col]) for row in rows):
        return None  # the unit column holds no units: the rows are not what the header says
    return _header_over_rows(fitted, rows), cells[last - 1][0] + 1


DEADLINE_CELL = re.compile(
    r"(?:19|20)\d\d\s*年|\d{1,2}\s*月|季度|[上下]半年|年底|年内|年末|长期|持续|常态|每[年季月周]|按[年季月]"
)
ROW_START = re.compile(r"^(\d{1,3}|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、.*)$")


def _cells_after(cells: list[tuple[int, str]], start: int, fields: list[str | None]) -> tuple[list[str], int]:
    """The cells after a row's units cell, each put in the column it fits; (row part, cells used).

    An empty cell leaves no line behind when a table is flattened, so a row can be short: a
    cell that is not a unit list is not put under 配合单位, one that holds no date words is not
    put under 完成时限, and the next row's 序号 is never taken as this row's last cell.
    """
    out: list[str] = []
    index = start
    for position, key in enumerate(fields):
        text = cells[index][1] if index < len(cells) else ""
        if not text or ROW_START.match(text) or NUMBERED_CELL.match(text):
            fits = False  # the next row's number, or its task cell opening with it (“3.在……”)
        elif key in UNIT_FIELDS:
            fits = _is_units_cell(text)
        elif key == "deadline":
            fits = bool(DEADLINE_CELL.search(text))
        else:
            fits = True
        index += 1 if fits else 0
        following = fields[position + 1] if position + 1 < len(fields) else None
        if fits and key in UNIT_FIELDS and following not in UNIT_FIELDS:
            # the last unit column: one unit a line, each its own line once flattened
            while (
                index < len(cells)
                and not ROW_START.match(cells[index][1])
                and _is_units_cell(cells[index][1])
            ):
                text += "\n" + cells[index][1]
                index += 1
        out.append(text if fits else "")
    return out, index - start


def _repeated_as_merged(table: Table) -> None:
    """A 序号 / 任务 cell printed again on each row of its group is one merged cell, and so is
    one printed once with the cells below it left empty (the row's other cells filled)."""
    found = match_headers([table.cells.get((1, c), "") for c in range(1, table.cols + 1)])
    code_col = found.get("code")
    no_code = {r for r in range(3, table.rows + 1) if code_col is None or not table.cells.get((r, code_col))}
    for key in ("code", "title"):
        column = found.get(key)
        if column is None:
            continue
        across = {box[0] for box in table.boxes if box[1] == 1 and box[3] == table.cols and box[0] == box[2]}
        for r in sorted(no_code - across):  # a row with its own 序号 is a task of its own
            others = any(table.cells.get((r, c)) for c in range(1, table.cols + 1) if c != column)
            above = table.cells.get((r - 1, column))
            if not table.cells.get((r, column)) and others and above:
                table.cells[(r, column)] = above  # read as printed again, merged below
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


def _numbered_heading(line: str) -> bool:
    from tracker.drafting.outline import heading_of

    found = heading_of(line.strip())
    # “二、…”, “（二）…” and “（2）…” across a table are its group rows
    return found is not None and (found[0] <= 2 or (found[0] == 4 and found[1].startswith("（")))


def _spaced_header(line: str) -> list[str] | None:
    """A header row whose cells are separated by single spaces (“序号 工 作 任 务 牵头部门”).

    Letters spaced out inside one header word (“工 作 任 务”) are joined first.
    """
    if "\t" in line or not re.search(r"\S \S", line.strip()):
        return None
    cells: list[str] = []
    for token in line.split():
        if len(token) == 1 and cells and len(cells[-1]) < 6 and match_headers([cells[-1]]) == {}:
            cells[-1] += token  # 工 作 任 务 → 工作任务
        else:
            cells.append(token)
    return cells if len(cells) >= 3 and _is_task_header(cells) else None


def _spaced_row(line: str, fields: list[str | None]) -> list[str] | None:
    """A row under a single-space header: its number, its text, then the short cells at the end.

    Only the last cells can be told apart (a unit list, a deadline); the task's own words may
    hold spaces, so everything between the 序号 and them is the task.
    """
    tokens = line.split()
    if len(tokens) < 2 or not re.fullmatch(r"\d{1,3}", tokens[0]) or fields[0] != "code":
        return None
    tail: list[str] = []
    rest = tokens[1:]
    for key in reversed(fields[2:]):
        if (
            rest
            and len(rest) > 1
            and (
                (key in UNIT_FIELDS and _is_units_cell(rest[-1]))
                or (key == "deadline" and DEADLINE_CELL.search(rest[-1]))
            )
        ):
            tail.insert(0, rest.pop())
        else:
            tail.insert(0, "")
    if not any(tail):
        return None
    row = [tokens[0], "", *tail]
    # the task's words go to the task column (a “名称” column the rows leave empty comes first)
    text_at = next((i for i, key in enumerate(fields) if key in ("title", "content") and not row[i]), 1)
    row[text_at] = " ".join(rest)
    return row


def _spaced_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    header = _spaced_header(lines[start])
    if header is None:
        return None
    found = match_headers(list(header))
    by_column = {col: key for key, col in found.items()}
    fields = [by_column.get(c) for c in range(1, len(header) + 1)]
    table = Table()
    for c, text in enumerate(header, start=1):
        table.cells[(1, c)] = text
    index, r = start + 1, 1
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        row = _spaced_row(lines[index], fields)
        taken = 1
        if row is None and re.match(r"\s*\d{1,3}\s+\S", lines[index]):
            # a PDF of a Word table: the task cell on its own line(s), the other cells on the next
            for span in range(1, 4):
                if index + span >= len(lines) or not lines[index + span].strip():
                    break
                middle = "".join(x.strip() for x in lines[index + 1 : index + span])
                joined = f"{lines[index].rstrip()}{middle} {lines[index + span].strip()}"
                if " " in lines[index + span].strip() and (row := _spaced_row(joined, fields)) is not None:
                    taken = span + 1
                    break
        if row is None and SECTION_CELL.match(lines[index].strip()):
            # “一、主要预期目标分解(11项)” across the table: a group row, if a row follows it
            following = next((x for x in lines[index + 1 : index + 4] if x.strip()), "")
            if _spaced_row(following, fields) is not None:
                row = [lines[index].strip()] + [""] * (len(header) - 1)
        if row is None:
            break
        r += 1
        for c, text in enumerate(row, start=1):
            if text:
                table.cells[(r, c)] = text
        index += taken
    if r == 1:
        return None
    table.rows, table.cols = r, len(header)
    return table, index


BAR_LINE = re.compile(r"^\s*[|｜]\s*$")
BAR_END = re.compile(r"\s*[|｜]{1,2}\s*$")


def join_bar_cells(lines: list[str]) -> list[str]:
    """A table a page printed one cell per line with a “|” line between cells: one line a cell.

    Between two bar lines is one cell, whatever the page wrapped it over; the cell before the
    first bar is one line (a header cell), and after the last bar the cell runs to a blank line.
    """
    closed = [i for i, line in enumerate(lines) if BAR_END.search(line)]
    if len(closed) >= 6 and len(closed) * 2 >= sum(1 for line in lines if line.strip()):
        # “序号 |⏎主要任务 |⏎……”: each cell on its line closed by a bar (“||” an empty cell)
        barred = set(closed)
        lines = [BAR_END.sub("", line) if i in barred else line for i, line in enumerate(lines)]
        return [line for line in lines if line.strip()]
    bars = [i for i, line in enumerate(lines) if BAR_LINE.match(line)]
    if len(bars) < 4:
        return lines
    first, last = bars[0], bars[-1]
    start = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), first)
    end = next((i for i in range(last + 1, len(lines)) if not lines[i].strip()), len(lines))
    cells: list[str] = []
    current: list[str] = []
    for line in lines[start:end]:
        if BAR_LINE.match(line):
            cells.append("".join(current))
            current = []
        elif line.strip():
            current.append(line.strip())
    cells.append("".join(current))
    return [*lines[:start], *(c for c in cells if c), *lines[end:]]


HEADER_TAIL = re.compile(r"(?<=\s)序号(?:\s+\S{2,8}){2,8}\s*$")


def _header_on_its_own_line(lines: list[str]) -> list[str]:
    """A table's header a page ran onto the end of a paragraph (“……分解表 序号 名称 工作任务 牵头单位”)."""
    out: list[str] = []
    for line in lines:
        tail = HEADER_TAIL.search(line)
        if tail and len(line) > len(tail.group()) and _is_task_header(tail.group().split()):
            out.extend([line[: tail.start()].rstrip(), tail.group().strip()])
        else:
            out.append(line)
    return out


def _column_starts(header: str, cells: list[str]) -> list[int]:
    """Where each header cell begins on screen, for a table aligned with spaces."""
    starts: list[int] = []
    at = 0
    for cell in cells:
        found = header.find(cell, at)
        if found < 0:
            return []
        starts.append(display_width(header[:found]))
        at = found + len(cell)
    return starts


def _column_under(starts: list[int], line: str) -> int:
    """The column a wrapped piece of a cell stands under: the last whose start it has reached."""
    indent = display_width(line[: len(line) - len(line.lstrip())])
    column = 0
    for index, start in enumerate(starts):
        if indent + 1 >= start:
            column = index
    return column


def _csv_cells(line: str) -> list[str]:
    """A comma-separated line's cells; a line the csv reader refuses (a cell past its size limit,
    a stray NUL) is no table row."""
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return []


def _csv_as_tabs(lines: list[str]) -> list[str]:
    """A table exported from Excel as comma-separated text: its rows written with tabs.

    Only from a line whose comma-separated cells are a task table's header, and only while the
    rows keep as many cells; quoted cells (“"县科技局,县财政局"”) stay whole.
    """
    out: list[str] = []
    width = 0
    for line in lines:
        if width:
            cells = _csv_cells(line) if line.count(",") else []
            if len(cells) == width or (len(cells) > 1 and len(cells) >= width - 1):
                out.append("\t".join(c.strip() for c in cells))
                continue
            width = 0
        if "\t" not in line and line.count(",") >= 2:
            header = [c.strip() for c in _csv_cells(line)]
            if len(header) >= 3 and _is_task_header(header):
                width = len(header)
                out.append("\t".join(header))
                continue
        out.append(line)
    return out


def text_blocks(lines: list[str]) -> list[Block]:
    """Lines of a text, with every task table in it (tabs, aligned columns, one cell per line)."""
    lines = [CONTROL.sub("", line) for line in lines]  # a NUL or a form feed is no part of any word
    lines = _csv_as_tabs(lines)
    lines = _header_on_its_own_line([cjk_punctuation(line) for line in join_bar_cells(unwrap(lines))])
    blocks: list[Block] = []
    nonblank = NonBlank(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        performance = performance_table(lines, index) if "一级指标" in line else None
        if performance is not None:
            blocks.append(performance[0])
            index = performance[1]
            continue
        if HEADER_CELL.match(line.strip()):
            flattened = _cell_table(lines, index, nonblank)
            if flattened is not None:
                blocks.append(flattened[0])
                index = flattened[1]
                continue
        spaced = _spaced_table(lines, index) if line.strip() and len(_split_row(line)) < 3 else None
        if spaced is not None:
            blocks.append(spaced[0])
            index = spaced[1]
            continue
        cells = _split_row(line) if line.strip() else []
        named = match_headers(list(cells)) if "\t" in line else {}
        numbered = "code" in named and ("title" in named or "content" in named)  # no unit column
        if len(cells) >= 3 and (_is_task_header(cells) or numbered):
            table = Table()
            width = len(cells)
            starts = _column_starts(line, cells) if "\t" not in line else []
            rows = [cells]
            section_rows: set[int] = set()
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
                if re.fullmatch(r"[\s|｜:：\-—–]+", row_line):
                    index += 1  # the rule under a header (“|---|---|”): no row
                    continue
                row = _split_row(row_line)
                if _is_task_header(row):
                    break  # the next table's header
                if len(row) < 2 and _numbered_heading(row_line):
                    following = next((x for x in lines[index + 1 : index + 3] if x.strip()), "")
                    if _is_task_header(_split_row(following)):
                        break  # “二、重点工作” above the next table's header: that table's heading
                    section_rows.add(len(rows) + 1)  # a section row printed as one line
                    rows.append([row_line.strip()])
                    index += 1
                    continue
                if len(row) < 2 and "\t" not in row_line:
                    if rows and len(rows) > 1:  # a wrapped cell: run on into the row above
                        # the column it stands under, by where its words begin (aligned text), else the last
                        column = _column_under(starts, row_line) if starts else len(rows[-1]) - 1
                        if column == 0 and match_headers([cells[0]]).get("code") == 1:
                            column = 1  # the 序号 never wraps: the words are the task's
                        column = min(column, len(rows[-1]) - 1)
                        rows[-1][column] = rows[-1][column] + row_line.strip()
                        index += 1
                        continue
                    break
                rows.append(row)
                index += 1
            code_first = match_headers([cells[0]]).get("code") == 1
            header_fields = match_headers(list(cells))
            unit_cols = sorted(header_fields[k] - 1 for k in UNIT_FIELDS if k in header_fields)
            reaching: dict[tuple[int, int], int] = {}  # (last row, column) → index of a unit's box
            for r, row in enumerate(rows, start=1):
                if r in section_rows:  # across the table, as Word merges it
                    table.cells[(r, 1)] = row[0]
                    table.boxes.append((r, 1, r, width))
                    continue
                if len(row) < width and r > 1:
                    if code_first and re.fullmatch(r"\d{1,3}[.、．]?", row[0].strip()):
                        row = row + [""] * (
                            width - len(row)
                        )  # its own number first: trailing cells left empty
                    else:
                        row = [""] * (width - len(row)) + row  # merged leading cells printed once
                row, merged = _merged_unit_cell(row, width, unit_cols)
                for c, text in enumerate(row[:width], start=1):
                    table.cells[(r, c)] = text
                for c in merged:
                    if r <= 2 or (r - 1) in section_rows:
                        continue
                    # the unit printed once for the rows it spans: one box from its row down to this
                    at = reaching.pop((r - 1, c + 1), None)
                    if at is not None:
                        table.boxes[at] = (table.boxes[at][0], c + 1, r, c + 1)
                    elif table.cells.get((r - 1, c + 1)):
                        reaching[(r, c + 1)] = len(table.boxes)
                        table.boxes.append((r - 1, c + 1, r, c + 1))
                        continue
                    else:
                        continue
                    reaching[(r, c + 1)] = at
            table.rows, table.cols = len(rows), width
            _repeated_as_merged(table)
            blocks.append(table)
            continue
        blocks.append(line)
        index += 1
    return blocks
