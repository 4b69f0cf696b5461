"""Task tables (任务分工表) → tasks: the rows of a table, whatever file it came from.

A task table is whatever the office typed: a title row, perhaps a note, a header row with
序号 / 重点任务 / 工作内容 / 牵头单位 / 配合单位 / 完成时限 / 备注 in some order and wording,
merged cells (a 序号 spanning several 具体措施 rows), line breaks inside cells, section rows
(“一、创新平台” across the table). An Excel sheet (`tracker/importers/xlsx_tasks.py`), a Word
table and a table printed in a .txt (`tracker/drafting/blocks.py`) are each read into a
`Grid`, and this one reader turns its rows into tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from tracker.drafting.labels import LABEL, parse_fields
from tracker.drafting.metrics import metrics_from_text
from tracker.drafting.progress import (
    DONE_HEADER,
    NEXT_HEADER,
    PERCENT_HEADER,
    PROBLEMS_HEADER,
    PROGRESS_HEADER,
    update_from,
)
from tracker.drafting.review import clip
from tracker.drafting.serial_codes import unique_code
from tracker.drafting.targets import SIGN_WORDS
from tracker.drafting.units import (
    LEAD_MARK,
    PERSON,
    SUPPORT_MARK,
    document_names_lead,
    find_units,
    looks_like_unit,
    split_units,
)
from tracker.importers.columns import field_of_header, match_headers, normalise_header
from tracker.importers.deadlines import parse_deadline
from tracker.numbers import is_finite
from tracker.planfile import model as pf

HEADER_SCAN_ROWS = 15
MAX_TITLE = 60
CN_NUMBERS = "一二三四五六七八九十"
SECTION = re.compile(
    r"^\s*(?P<code>[一二三四五六七八九十百]+|（[一二三四五六七八九十百]+）|\([一二三四五六七八九十]+\)|（\d{1,2}）)"
    r"[、.．\s]*(?P<title>.+)$",
    re.S,
)


def _numbered_lines(text: str) -> list[str]:
    """The lines of a cell that open with a point's number (“1.”, “（2）”, “③”)."""
    return [line for line in text.splitlines() if CHILD_CODE.match(line)]


CHILD_CODE = re.compile(r"^\s*(?P<code>\d{1,2}[.．、](?!\d)|（\d{1,2}）|\(\d{1,2}\)|[①-⑳])\s*")
OWN_NUMBER = re.compile(
    r"^(?:(?P<code>\d{1,3})[、.．](?!\d)|[（(](?P<paren>\d{1,3}|[一二三四五六七八九十]{1,3})[）)])\s*(?P<rest>\S.*)$"
)
GROUP_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
NOTE_ROW = re.compile(r"^\s*(注|备注|说明|填报说明|附注)\s*[：:\d]")


# -- one sheet as a grid, merged cells filled ----------------------------------------------


class Grid:
    """A table as rows × columns of values, each merged box filled from its first cell.

    An Excel sheet, a Word table and a table printed in a .txt all become one of these, so
    the same rows → tasks reading serves all three.
    """

    def __init__(
        self,
        title: str,
        raw: dict[tuple[int, int], object],
        boxes: list[tuple[int, int, int, int]] = (),  # type: ignore[assignment]
        *,
        place: str | None = None,
    ) -> None:
        self.title = title
        self.place = place if place is not None else f"工作表“{title}”"
        self.raw = {
            k: v for k, v in raw.items() if v is not None and not (isinstance(v, str) and not v.strip())
        }
        self.rows = max((r for r, _ in raw), default=0)
        self.cols = max((c for _, c in raw), default=0)
        self.merged: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for box in boxes:
            self.rows = max(self.rows, box[2])
            self.cols = max(self.cols, box[3])
            for r in range(box[0], box[2] + 1):
                for c in range(box[1], box[3] + 1):
                    self.merged[(r, c)] = box

    def value(self, r: int, c: int | None) -> object:
        if c is None:
            return None
        box = self.merged.get((r, c))
        if box is not None:
            return self.raw.get((box[0], box[1]))
        return self.raw.get((r, c))

    def text(self, r: int, c: int | None) -> str:
        return cell_text(self.value(r, c))

    def row_texts(self, r: int) -> list[object]:
        return [self.value(r, c) for c in range(1, self.cols + 1)]

    def distinct(self, r: int) -> list[str]:
        out: list[str] = []
        for c in range(1, self.cols + 1):
            text = self.text(r, c)
            if text and text not in out:
                out.append(text)
        return out

    def vertical_span(self, r: int, c: int | None) -> tuple[int, int] | None:
        if c is None:
            return None
        box = self.merged.get((r, c))
        if box is None or box[0] == box[2]:
            return None
        return box[0], box[2]

    def all_text(self) -> str:
        return "\n".join(cell_text(v) for v in self.raw.values())


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    lines = [line.strip() for line in str(value).replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    """Line breaks inside a title or a deadline are only wrapping."""
    return "".join(text.split("\n")).strip()


# -- finding the header --------------------------------------------------------------------


PROBLEM_COLUMN = re.compile(
    r"(?:存在|发现|督查发现|检查发现)?(?:的)?(?:主要)?问题(?:描述|清单|表现)?|整改(?:事项|内容|问题|任务)"
)


# the body owning or building a project: a unit column only where no 牵头单位 column answers
OWNER_COLUMN = re.compile(r"(?:项目)?(?:业主|建设)(?:单位)?|项目业主")
# the place a problem was found at (具体点位 | 存在问题): 点位, 地点, 路段, 场所 …
SITE_COLUMN = re.compile(r"(?:具体|检查|督查)?(?:点位|地点|位置|场所|部位|路段)(?:名称)?")
NUMBERED_POINT = re.compile(r"\s*(?:1|一|１)[、.．]|\s*[（(]1[）)]")


def _site_column(grid: Grid, header: int, problems: int) -> int | None:
    """The site column naming each row of a problem list whose problem cells list several points.

    Rule: where a column left of 存在问题 names the site (具体点位) and most problem cells are
    numbered points (“1、……⏎2、……”), no single point names the row: the site does.
    """
    sites = [
        c
        for c, v in enumerate(grid.row_texts(header), start=1)
        if c < problems and SITE_COLUMN.fullmatch(normalise_header(v))
    ]
    if not sites:
        return None
    cells = [grid.text(r, problems) for r in range(header + 1, grid.rows + 1)]
    cells = [c for c in cells if c.strip()]
    if not cells or 2 * sum(bool(NUMBERED_POINT.match(c)) for c in cells) < len(cells):
        return None
    box = grid.merged.get((header, sites[0]))
    return box[3] if box is not None and box[0] == box[2] == header else sites[0]


def _finest_title_column(grid: Grid, header: int, start: int, first: int) -> int:
    """Of two task columns (重点工作 | 主要任务), the one holding a task a row.

    Rule: when a later column is also headed as a task and the first one's cells are merged
    down or repeated over its rows, the first names groups and the later one the tasks.
    """
    later = [
        c
        for c, v in enumerate(grid.row_texts(header), start=1)
        if c > first and field_of_header(v) == "title"
    ]
    if not later or start > grid.rows:
        return first
    cells = [one_line(grid.text(r, first)) for r in range(start, grid.rows + 1)]
    filled = [c for c in cells if c]
    merged = any(grid.vertical_span(r, first) for r in range(start, grid.rows + 1))
    if len(filled) >= 2 and (merged or len(set(filled)) < len(filled)):
        return later[0]
    return first


def _finer_column_right(
    grid: Grid, header: int, start: int, column: int, found: dict[str, int]
) -> int | None:
    """The column holding a task a row, right of a task column that only names groups.

    Rule: when the column headed as the task (督导评估内容) is merged down over rows, and a column
    right of it, headed by words naming no field (督导评估要点 | 具体测评点), holds more distinct
    cells, the tasks move right to it, as far as columns keep merging and growing finer. A second
    序号 or a column of scores (分值, 权重) between them is stepped over.
    """
    taken = set(found.values())
    rows = range(start, grid.rows + 1)

    def distinct(c: int) -> int:
        return len({one_line(grid.text(r, c)) for r in rows} - {""})

    def passed_over(c: int) -> bool:
        """A second 序号, or a column of numbers only (分值 | 权重): the row's count or score."""
        if c in taken:
            return False
        if field_of_header(grid.raw.get((header, c))) == "code":
            return True
        cells = [one_line(grid.text(r, c)) for r in rows]
        return any(cells) and all(SCORE_CELL.fullmatch(text) for text in cells if text)

    c = column
    while any(grid.vertical_span(r, c) for r in rows):
        after = c + 1
        while after < grid.cols and passed_over(after):
            after += 1
        head = grid.value(header, after)  # (具体要求 over 序号 | 要求: the head spans both)
        if after > grid.cols or after in taken or not normalise_header(head) or field_of_header(head):
            break
        if distinct(after) <= distinct(c):
            break
        c = after
    if c == column or sum(bool(one_line(grid.text(r, c))) for r in rows) * 2 < len(rows):
        return None
    return c


def _first_of_numbered(text: str) -> str | None:
    """The first point's words, numbered or not, where a cell lists numbered points, else None.

    Rule: a cell whose first line is numbered, or whose later line opens with a number
    (“1.……⏎2.……”), lists points; its first point, without its number, up to its first full
    stop or semicolon, names the task.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or not (CHILD_CODE.match(lines[0]) or any(CHILD_CODE.match(line) for line in lines[1:])):
        return None
    point = [lines[0]]
    for line in lines[1:]:
        if CHILD_CODE.match(line):
            break
        point.append(line)
    first = CHILD_CODE.sub("", "".join(point))
    head = re.split(r"[。；;！!]", first, maxsplit=1)[0].strip("，, ")
    return head or None


SCORE_CELL = re.compile(r"\d+(?:\.\d+)?\s*(?:分|%|％)?")


def _name_beside_content(grid: Grid, header: int, start: int, found: dict[str, int]) -> int | None:
    """An unnamed column right before the content column, holding a short name a row, is the title.

    Rule: in “序号 | 改革举措 | 主要内容 | 指导部门”, where no header word names the task, the
    column just left of the content whose every row holds its own short phrase (no 。, not
    merged or repeated down, shorter than the content beside it) names each row's task.
    """
    column = found["content"] - 1
    if column < 1 or column in found.values() or not normalise_header(grid.raw.get((header, column))):
        return None
    names: list[str] = []
    longer = 0
    for r in range(start, grid.rows + 1):
        name, content = one_line(grid.text(r, column)), one_line(grid.text(r, found["content"]))
        if not content or name == content:
            continue  # a section row across the table, or a row without content
        if not name or "。" in name or len(name) > 40 or grid.vertical_span(r, column):
            return None
        names.append(name)
        longer += len(content) > len(name)
    if len(names) < 2 or len(set(names)) < len(names) or longer * 2 < len(names):
        return None
    return column


def _groups_rows(grid: Grid, start: int, c: int) -> bool:
    """Column c only names groups: every cell of it is merged down over rows or repeated in
    the row beside it, none is a row's own (a column mixing both holds tasks too)."""
    cells = {r: one_line(grid.text(r, c)) for r in range(start, grid.rows + 1)}
    filled = [r for r, text in cells.items() if text]
    if len({cells[r] for r in filled}) < 2:
        return False
    return all(grid.vertical_span(r, c) or cells[r] in (cells.get(r - 1), cells.get(r + 1)) for r in filled)


def _counting_column(grid: Grid, header: int, start: int) -> int | None:
    """The first column, headed by nothing, whose cells count 1, 2, 3 … is the 序号.

    Rule: a table whose page left the 序号 heading blank (“ | 目标 | 任务内容 | 牵头部门”) still
    numbers its rows in its first column; rows merged across the table (sections) are skipped.
    """
    if normalise_header(grid.raw.get((header, 1))) or grid.cols < 2:
        return None
    numbers: list[str] = []
    for r in range(start, grid.rows + 1):
        box = grid.merged.get((r, 1))
        if box is not None and box[3] > box[1]:
            continue  # a section row across the table
        text = one_line(grid.text(r, 1))
        if text:
            numbers.append(text)
    if len(numbers) < 2 or numbers != [str(n) for n in range(1, len(numbers) + 1)]:
        return None
    return 1


GENERIC_SUB = ("单位名称", "部门名称", "名称", "单位", "部门")  # 牵头部门 over 部门 | 责任人
YEAR_GOAL_HEAD = re.compile(r"((?:19|20)\d\d)年?(?:度)?(?:工作)?(?:目标|计划|任务)")
AMOUNT_SUB = re.compile(r"(?P<name>[^（）()]{1,12})[（(](?P<unit>[^（）()]{1,6})[）)]")


def _spans_over(grid: Grid, r: int, c: int) -> bool:
    """Row r's cell at c is one box across several columns of row r alone (an upper heading)."""
    box = grid.merged.get((r, c))
    return box is not None and box[0] == box[2] == r and box[3] > box[1]


def _sub_headed(grid: Grid, r: int) -> bool:
    """Rows r and r + 1 are one header whose upper cells span the lower row's sub-headings.

    Rule: every cell of row r is either merged down over row r + 1 or one box across
    several columns above sub-headings printed in row r + 1 (“项目业主” over 单位名称 | 项目负责人).
    """
    if r >= grid.rows or not any(_spans_over(grid, r, c) for c in range(1, grid.cols + 1)):
        return False
    for c in range(1, grid.cols + 1):
        box = grid.merged.get((r, c))
        if _spans_over(grid, r, c):
            if not grid.text(r + 1, c):
                return False
        elif not (box is not None and box[0] <= r < r + 1 <= box[2]) and grid.text(r + 1, c):
            return False
    return True


BODIES_HEAD = re.compile(r"(?:成员)?(?:单位|部门)(?:名称)?|责任主体")
BODIES_SHARE = 0.6  # most cells of the column are bodies' names, not a unit of measure


def _bodies_column(grid: Grid, header: int) -> int | None:
    """A bare 单位/成员单位 column beside a 职责分工 column names the body each duty is given to.

    Rule: “单位 | 职责分工”, a column headed only 单位/部门/成员单位 whose cells are mostly bodies'
    names is the responsible column (a 单位 column of 个/亩/% is the unit of measure and stays)."""
    for c, v in enumerate(grid.row_texts(header), start=1):
        if not BODIES_HEAD.fullmatch(normalise_header(v)):
            continue
        cells = [grid.text(row, c) for row in range(header + 1, grid.rows + 1)]
        cells = [cell for cell in cells if cell]
        if cells and sum(looks_like_unit(cell) for cell in cells) >= BODIES_SHARE * len(cells):
            return c
    return None


def header_labels(grid: Grid, r: int, start: int) -> list[object]:
    """The header's word for each column; in a header of two rows whose upper cells span
    sub-columns, each sub-column's own word.

    Rule: a sub-column headed only “单位名称”/“名称” takes its kind from the heading above it
    (“分级管理单位”, “项目业主”: a unit column; “单位名称” under any heading names units); a
    person's sub-column (项目负责人) stays a person's.
    """
    upper = grid.row_texts(r)
    if start != r + 2 or not _sub_headed(grid, r):
        return upper
    out: list[object] = []
    for c, value in enumerate(upper, start=1):
        if not _spans_over(grid, r, c):
            out.append(value)
            continue
        lower = grid.value(r + 1, c)
        word = normalise_header(lower)
        if word not in GENERIC_SUB:
            out.append(lower)
        elif word != "名称" and field_of_header(value) not in ("lead", "support", "responsible"):
            out.append("责任单位")  # “主管单位” over 单位名称: a unit's name, whatever the heading's word
        else:
            out.append(value)
    return out


def year_goal_columns(grid: Grid, r: int, start: int) -> dict[int, tuple[int, str, str]]:
    """Sub-columns under one year's goal: column → (year, the figure's name, its unit).

    Rule: under a heading naming one year's goal (“2016年工作目标”), a sub-column naming an
    amount with its unit (“计划投资（亿元）”) holds each row's target for that year.
    """
    if start != r + 2 or not _sub_headed(grid, r):
        return {}
    out: dict[int, tuple[int, str, str]] = {}
    for c in range(1, grid.cols + 1):
        if not _spans_over(grid, r, c):
            continue
        year = YEAR_GOAL_HEAD.search(re.sub(r"\s+", "", grid.text(r, c)))
        amount = AMOUNT_SUB.fullmatch(re.sub(r"\s+", "", grid.text(r + 1, c)))
        if year and amount:
            out[c] = (int(year.group(1)), amount.group("name"), amount.group("unit"))
    return out


def find_header(grid: Grid) -> tuple[int, int, dict[str, int]] | None:
    """(header row, first data row, field → column), or None."""
    for r in range(1, min(HEADER_SCAN_ROWS, grid.rows) + 1):
        found = match_headers(grid.row_texts(r))
        if not ({"title", "content"} & found.keys()) and {"lead", "responsible"} & found.keys():
            # a 督查 notice's table “序号 | 存在问题 | 整改责任单位”: each problem is a task to put right
            problems = [
                c
                for c, v in enumerate(grid.row_texts(r), start=1)
                if PROBLEM_COLUMN.fullmatch(normalise_header(v))
            ]
            if problems:
                found["title"] = problems[0]
                site = _site_column(grid, r, problems[0])
                if site is not None:
                    found["title"], found["content"] = site, problems[0]
            # an indicator table “一级指标 | 二级指标 | 权重 | 责任处室”: the finest level names each row
            levels = [
                c
                for c, v in enumerate(grid.row_texts(r), start=1)
                if INDICATOR_LEVEL.match(normalise_header(v))
            ]
            if levels and "title" not in found:
                found["title"] = levels[-1]
        if "title" in found and len(found) == 1:
            named = _bodies_column(grid, r)
            if named is not None:
                found["responsible"] = named
        if ("title" in found or "content" in found) and len(found) >= 2:
            start = r + 1
            # a two-row header: 责任单位 over 牵头单位 | 配合单位
            below = match_headers(grid.row_texts(r + 1)) if r < grid.rows else {}
            # (a header cell merged down over both rows, such as 领域 or 序号, repeats in the second)
            if (
                below
                and len(grid.distinct(r + 1)) >= 2
                and all(
                    field_of_header(v) is not None
                    or v is None
                    or grid.merged.get((r + 1, c)) == grid.merged.get((r, c)) is not None
                    for c, v in enumerate(grid.row_texts(r + 1), start=1)
                )
            ):
                for name, col in below.items():
                    over = field_of_header(grid.raw.get((r, col)))
                    if name not in found or over in (None, "responsible"):
                        for key in [k for k, v in found.items() if v == col]:
                            del found[key]
                        found[name] = col
                start = r + 2
            elif _sub_headed(grid, r):
                labelled = match_headers(header_labels(grid, r, r + 2))
                if "title" in labelled or "content" in labelled:
                    found, start = labelled, r + 2
            if "title" not in found:
                # 目标任务 | 主要内容: two columns of content, the first names the task, the second details it
                contents = [
                    c
                    for c, v in enumerate(grid.row_texts(r), start=1)
                    if field_of_header(v) == "content" and not SPAN_COLUMN.fullmatch(normalise_header(v))
                ]
                if len(contents) >= 2:
                    found["title"], found["content"] = contents[0], contents[1]
                    if _groups_rows(grid, start, contents[0]):
                        # 目标 merged down over its rows | 任务内容: the first groups, the second is each task
                        found["title"] = contents[1]
                        del found["content"]
            if "code" not in found:
                counted = _counting_column(grid, r, start)
                if counted is not None:
                    found["code"] = counted
            if "title" not in found and "content" in found:
                named = _name_beside_content(grid, r, start, found)
                if named is not None:
                    found["title"] = named
            if "title" in found:
                found["title"] = _finest_title_column(grid, r, start, found["title"])
            # (only where one column holds the task's words: beside a content column the title stays)
            task_column = found.get("title", found.get("content"))
            alone = not {"title", "content"} <= found.keys()
            if (
                not alone
                and _groups_rows(grid, start, found["title"])
                and any(grid.vertical_span(row, found["content"]) for row in range(start, grid.rows + 1))
            ):
                # 考核项目 grouping the rows | 考核内容 merged down over some | 评分细则: the finer words are the task
                task_column = found["content"]
            finer = (
                _finer_column_right(grid, r, start, task_column, found)
                if task_column is not None and (alone or task_column == found.get("content"))
                else None
            )
            if finer is not None:
                if found.get("content") == task_column:
                    del found["content"]
                found["title"] = finer
            task_column = found.get("title", found.get("content"))
            box = grid.merged.get((r, task_column)) if task_column is not None else None
            if box is not None and box[0] == box[2] == r and box[3] > box[1]:
                # “项目” over two columns: the first holds the group (宏观调控), the last the task
                if "title" not in found:
                    del found["content"]
                found["title"] = box[3]
            owner = found.get("responsible")
            if (
                owner is not None
                and "lead" in found
                and OWNER_COLUMN.fullmatch(normalise_header(grid.text(r, owner)))
            ):
                del found["responsible"]  # 牵头单位 | … | 业主单位: the owner builds, the lead answers
            return r, start, found
    return _columns_by_content(grid)


HEADERLESS_MIN_ROWS = 2
HEADERLESS_TASK_LENGTH = 12  # a column of tasks averages a sentence's length, not a name's


def _columns_by_content(grid: Grid) -> tuple[int, int, dict[str, int]] | None:
    """The columns of a table printed without a header row, told by what their cells hold.

    Rule: where no row reads as a header, a column whose every cell names bodies is the
    units (responsible, no lead told), the column of the longest words beside it the tasks, a
    column of dates the deadlines and a first column counting 1, 2, 3 … the numbers.
    """
    if grid.rows < HEADERLESS_MIN_ROWS or grid.cols < 3:
        return None
    found: dict[str, int] = {}
    lengths: dict[int, float] = {}
    for c in range(1, grid.cols + 1):
        texts = [one_line(grid.text(r, c)) for r in range(1, grid.rows + 1)]
        cells = [t for t in texts if t]
        if len(cells) < max(HEADERLESS_MIN_ROWS, grid.rows * 2 // 3):
            continue
        if c == 1 and cells == [str(n) for n in range(1, len(cells) + 1)]:
            found["code"] = c
        elif all(
            names and all(looks_like_unit(name) for name in names)
            for names in (split_units(grid.text(r, c)) for r in range(1, grid.rows + 1) if texts[r - 1])
        ):
            found.setdefault("responsible", c)
        elif all(len(t) <= 20 and parse_deadline(t, 2000).deadline is not None for t in cells):
            found.setdefault("deadline", c)
        elif len(set(cells)) == len(cells):
            lengths[c] = sum(map(len, cells)) / len(cells)
    if "responsible" not in found or not lengths:
        return None
    title = max(lengths, key=lambda c: lengths[c])
    if lengths[title] < HEADERLESS_TASK_LENGTH:
        return None
    found["title"] = title
    return 0, 1, found


# -- rows → tasks --------------------------------------------------------------------------


@dataclass
class Row:
    r: int
    code: str
    title: str
    content: str
    responsible: str
    lead: str
    support: str
    deadline: object
    note: str


@dataclass
class Section:
    code: str
    title: str
    row: int
    tasks: list[pf.Task] = field(default_factory=list)


# a goal cell holding a figure alone: “186”, “低于 4.1”, “5%以上”
BARE_FIGURE = re.compile(
    r"(?P<words>低于|不低于|高于|不高于|不超过|超过|力争达到|力争超过|力争|达到|达|控制在|)?\s*(?P<value>\d+(?:\.\d+)?)\s*%?\s*(?P<post>以上|以下|以内|左右)?"
)
TOTAL_ROW = re.compile(r"合计|总计|小计|总分|合\s*计")
COUNT_TAIL = re.compile(r"[（(]\d+\s*[个项家条件]?[）)]$")  # “合计（54个）”: the sum, with how many rows
# a units matrix's marks: who leads, who helps, who answers
LEAD_MARKS = re.compile(r"[★☆▲△◆]|牵头|主办|主责|牵头负责")
SUPPORT_MARKS = re.compile(r"[●○◎■□◇]|配合|协办|参与|协同|协助")
MATRIX_MARK = re.compile(r"[★☆▲△◆●○◎■□◇√✓✔]|牵头|主办|主责|牵头负责|配合|协办|参与|协同|协助|负责|责任")
FIGURE_UNIT = re.compile(
    r"(?<=\d)\s*(万元|亿元|元|万人次|人次|家次|万家|家|个|项|件|人|名|所|座|场|次|篇|台|套|亩|公里)(?=\s*(?:以上|以下|以内|左右)?$)"
)
# an indicator table's columns: 一级/二级/三级指标 (the last level names the row) and 指标值
INDICATOR_LEVEL = re.compile(r"^(?:[一二三四]级指标|指标名称|具体指标|绩效指标|考核指标)$")
FIGURE_WORDS = (
    (("低于", "不高于", "不超过", "控制在"), "<="),
    (("不低于", "高于", "超过", "力争达到", "力争超过", "力争"), ">="),  # 力争: at least, as the text says
)


LEADER_COLUMN = re.compile(r"(?:责任|牵头|分管|联系|包抓)(?:市|县|区|省)?领导|责任人")
# “2024年目标值”, “2025年”, “2026年预期”: a column of one year's goals
YEAR_COLUMN = re.compile(r"((?:19|20)\d\d)年?(?:目标值?|预期值?|预期目标|任务|指标值?|计划)?")
# a unit column headed by both roles: “配合/责任单位”, “配合（责任）单位”, “责任/配合部门”
BOTH_ROLES_HEAD = re.compile(r"(?:配合|协同|协办)[/／、或（(]?责任|责任[/／、或（(]?(?:配合|协同|协办)")
TITLE_MEASURE = re.compile(r"[（(]([^（）()\d]{1,8})[）)]$")  # “发明专利（件）”, “比重（%）”
PLAN_YEAR_GOAL = ("年度目标", "年度目标值", "本年目标", "年度指标", "年度目标任务值")
# “前三年目标任务”, “五年目标任务”, “第一年目标”: a column of goals due when a span of the plan ends
SPAN_COLUMN = re.compile(
    r"(?:前|第)?(?P<n>[一二三四五六七八九十两]|\d{1,2})年(?:目标任务|目标值?|任务|预期目标|指标值?)"
)


# a column of one body's own offices beside the plan's unit column: “区教育局责任处（室）”
INNER_OFFICES = re.compile(
    r".{1,12}?(?:局|委|办|厅)(?:内)?(?:责任|牵头|承办|主办|具体)?(?:处室|科室|处|科|股)"
)
# a name in a 责任单位 cell closed by the words of helping: “团市委配合落实”
LEAD_TAIL = re.compile(r"(?<=\S\S)牵头(?:负责)?$")
HELP_TAIL = re.compile(r"(?:等(?:单位|部门)?)?(?:配合|协助|协办|参与)(?:落实|实施)?$")
# “各包村处室按照职责分工落实”, “政法综治处落实”: the verb closing a unit cell is no part of a name
# a 整改责任单位 cell handing the problem on in a sentence: “请市文明办协调解决”
REQUEST = re.compile(
    r"^请(?P<name>\S+?)(?:协调解决|协调处理|督促整改|负责处理|负责整改|协调|负责|处理|解决|整改)$"
)
DUTY_TAIL = re.compile(
    r"(?<=\S\S)(?:等(?:单位|部门)?)?(?:按照职责分工|按职责分工|按职责|分别|具体)?(?:落实|负责|实施)$"
)


class SheetReader:
    def __init__(
        self,
        grid: Grid,
        columns: dict[str, int],
        header_row: int,
        start: int,
        *,
        year: int | None,
        lead_rule: bool,
        file_name: str,
    ) -> None:
        self.grid = grid
        self.columns = columns
        self.header_row = header_row
        self.start = start
        self.year = year
        self.lead_rule = lead_rule
        self.file = file_name
        self.warnings: list[str] = []
        if header_row == 0:  # a table printed without a header: its columns were told by content
            told = "、".join(
                word
                for key, word in (("title", "任务"), ("responsible", "责任单位"), ("deadline", "完成时限"))
                if key in columns
            )
            self.warnings.append(f"{grid.place}没有表头，已按各列内容认出{told}，请核对")
        # an indicator table's columns of targets by year (2024年目标值 | 2025年目标值) and its
        # unit of measure (单位): each row's goals, one a year, not its content
        self.year_cols: dict[int, int] = {}
        self.measure_col: int | None = None
        self.plan_year_goal = False  # a 年度目标 column: one year column is the row's goals
        self.leader_col: int | None = None  # 责任领导 | 牵头领导 | 分管领导: who answers, a person
        # a 完成情况 report's columns: each row's first update, in the period the report covers
        self.report_cols: dict[str, int] = {}
        self.report_period: str | None = None  # set by the caller from the document's title
        self.reported_on: date | None = None
        # the header's second row: its task column repeats the first's (merged down over both)
        title_col = columns.get("title", columns.get("content"))
        lower_header = start > header_row + 1 or (
            title_col is not None
            and header_row < grid.rows
            and one_line(grid.text(header_row + 1, title_col)) == one_line(grid.text(header_row, title_col))
        )
        labels = header_labels(grid, header_row, start)
        self.goal_cols = year_goal_columns(grid, header_row, start)
        self._span_columns(labels)
        for c, value in enumerate(labels, start=1):
            text = re.sub(r"\s+", "", cell_text(value))
            year_column = YEAR_COLUMN.fullmatch(text)
            if year_column:
                self.year_cols[c] = int(year_column.group(1))
            elif text in ("单位", "计量单位", "单位名称"):
                self.measure_col = c
            elif self.year is not None and text in PLAN_YEAR_GOAL and c not in columns.values():
                # “单位 | 年度目标” in a one-year 任务清单: the figures due in the plan's year
                self.year_cols[c] = self.year
                self.plan_year_goal = True
            elif LEADER_COLUMN.fullmatch(text) and self.leader_col is None:
                self.leader_col = c
            elif c not in columns.values():
                # a two-row header (完成情况 over 完成进度（%） | 进展描述): the lower words name the column
                below = re.sub(r"\s+", "", cell_text(grid.value(header_row + 1, c))) if lower_header else ""
                for report_kind, header in (
                    ("done", DONE_HEADER),
                    ("percent", PERCENT_HEADER),
                    ("next", NEXT_HEADER),
                    ("problems", PROBLEMS_HEADER),
                    ("progress", PROGRESS_HEADER),
                ):
                    if header.search(below or text) and report_kind not in self.report_cols:
                        self.report_cols[report_kind] = c
                        break
        levels = [
            c
            for c, value in enumerate(labels, start=1)
            if INDICATOR_LEVEL.match(re.sub(r"\s+", "", cell_text(value)))
        ]
        if levels and "title" not in columns:  # 一级指标 | 二级指标 | 三级指标 | 指标值: the finest names
            self.columns = columns = {**columns, "title": levels[-1]}
        if len(self.year_cols) >= 2 and columns.get("content") in self.year_cols:
            self.columns = columns = {k: v for k, v in columns.items() if k != "content"}
        # a second column of the same kind (牵头部门 | 主责单位): its names join the first's
        taken = set(columns.values())
        self.more_units: dict[str, list[int]] = {}
        for c, value in enumerate(labels, start=1):
            kind = field_of_header(value)
            if INNER_OFFICES.fullmatch(normalise_header(value)):
                continue  # 区教育局责任处（室）: one body's own offices, not the plan's units
            if c not in taken and kind in ("lead", "support", "responsible") and kind in columns:
                self.more_units.setdefault(kind, []).append(c)
            elif c not in taken and kind == "content" and "content" in columns and c not in self.year_cols:
                self.more_units.setdefault("content", []).append(
                    c
                )  # 工作举措 | 预期成效: both the task's words

        self.matrix = self._unit_matrix()
        # “配合/责任单位”: the column helps where the row names a lead, and answers where none is named
        support_head = (
            re.sub(r"\s+", "", grid.text(header_row, columns["support"])) if "support" in columns else ""
        )
        self.support_or_responsible = bool(BOTH_ROLES_HEAD.search(support_head))

    def _span_columns(self, labels: list[object]) -> None:
        """Columns of goals by span of the plan (前三年目标任务 | 五年目标任务) as year columns.

        Rule: the longest span ends in the plan's last year, and a shorter one as many years
        before it as it is shorter (a five-year plan to 2015: 前三年 → 2013, 五年 → 2015).
        """
        if self.year is None:
            return
        spans: dict[int, int] = {}
        for c, value in enumerate(labels, start=1):
            match = SPAN_COLUMN.fullmatch(re.sub(r"\s+", "", cell_text(value)))
            if match and c not in self.year_cols:
                n = match.group("n")
                spans[c] = int(n) if n.isdigit() else "两一二三四五六七八九十".index(n) or 2
        if len(spans) < 2 or len(set(spans.values())) < len(spans):
            return
        longest = max(spans.values())
        for c, n in spans.items():
            self.year_cols[c] = self.year - (longest - n)

    def _unit_matrix(self) -> dict[int, str]:
        """Columns headed by a unit's name whose cells mark its part (★ lead, ● support, “牵头”).

        A 分工表 may set the units across the top, as a matrix (“市科技局 | 市财政局 | …” over ★/●
        or 牵头/配合); the header may print them in a second row under a merged 责任单位.
        """
        from tracker.drafting.units import looks_like_unit

        found: dict[int, str] = {}
        for r in range(self.header_row, min(self.start + 1, self.grid.rows + 1)):
            for c in range(1, self.grid.cols + 1):
                name = one_line(self.grid.text(r, c)).strip()
                if (
                    name
                    and c not in found
                    and c
                    not in (self.columns.get("code"), self.columns.get("title"), self.columns.get("content"))
                    and looks_like_unit(name)
                    and field_of_header(name) is None
                    and self._marks_only(c, r + 1)
                ):
                    found[c] = name
        if len(found) < 2:
            return {}
        first_name_row = min(
            r
            for r in range(self.header_row, self.start + 1)
            for c in found
            if one_line(self.grid.text(r, c)).strip() == found[c]
        )
        self.start = max(self.start, first_name_row + 1)  # the row of names is no task
        return found

    def _marks_only(self, c: int, below: int) -> bool:
        """The column's cells under the header hold only marks (★ ● √ 牵头 配合 …) or nothing."""
        cells = [one_line(self.grid.text(r, c)).strip() for r in range(below, self.grid.rows + 1)]
        cells = [x for x in cells if x]
        return bool(cells) and all(MATRIX_MARK.fullmatch(x) for x in cells)

    def _matrix_units(self, r: int) -> list[pf.UnitRef]:
        """The units a matrix row marks: ★/▲/牵头 lead, ●/○/配合 help, √/负责 answer alike."""
        marks = {c: one_line(self.grid.text(r, c)).strip() for c in self.matrix}
        out: list[pf.UnitRef] = []
        any_lead = any(LEAD_MARKS.fullmatch(m) for m in marks.values() if m)
        for c, mark in marks.items():
            if not mark:
                continue
            if LEAD_MARKS.fullmatch(mark):
                role = "lead"
            elif SUPPORT_MARKS.fullmatch(mark):
                role = "support" if any_lead else "responsible"
            else:
                role = "support" if any_lead else "responsible"
            out.append(pf.UnitRef(name=self.matrix[c][:200], role=role))
        return sorted(
            out, key=lambda u: u.role != "lead"
        )  # no printed order in a row of marks: the lead first

    def where(self, r: int) -> str:
        return f"{self.grid.place}第 {r} 行"

    def column(self, name: str) -> str:
        return f"{get_column_letter(self.columns[name])} 列" if name in self.columns else ""

    # A title row above the header: one text only, not “附件1”.
    def title(self) -> str | None:
        for r in range(1, self.header_row):
            texts = self.grid.distinct(r)
            if len(texts) == 1:
                text = one_line(texts[0])
                if (
                    len(text) >= 4
                    and not re.fullmatch(r"附件\s*\d*[：:]?", text)
                    and not NOTE_ROW.match(text)
                ):
                    return re.sub(r"^附件\s*\d+\s*[：:]?\s*", "", text).strip("《》")
        return None

    def _row(self, r: int) -> Row:
        """One row's cells; a task cell opening with its own number (“3、新增企业上市数”) in a
        table without a 序号 column gives the row its number."""
        g, c = self.grid, self.columns
        code, title = one_line(g.text(r, c.get("code"))), one_line(g.text(r, c.get("title")))
        own = OWN_NUMBER.match(title)
        if own and (not code or (own.group("paren") and GROUP_NUMERAL.fullmatch(code))):
            # (a group's “三” in the 序号 column over “（二）中小学……”: the row's own number is finer)
            code = own.group("code") or f"（{own.group('paren')}）"
            title = own.group("rest")

        def units(kind: str) -> str:
            texts = [g.text(r, col) for col in [c.get(kind), *self.more_units.get(kind, [])]]
            return "\n".join(dict.fromkeys(t for t in texts if t))

        return Row(
            r,
            code,
            title,
            units("content"),
            units("responsible"),
            units("lead"),
            units("support"),
            g.value(r, c.get("deadline")),
            g.text(r, c.get("note")),
        )

    def _is_header_again(self, r: int) -> bool:
        # (a matrix's marks “牵头 | 配合” are no header words)
        found = match_headers(
            [v if c not in self.matrix else None for c, v in enumerate(self.grid.row_texts(r), start=1)]
        )
        # Rule: the header again names at least two of the header's fields in their own columns
        # and none elsewhere (“3.重点工作部署落实效率 | 党政办牵头” names one: a task row).
        same = [k for k, v in found.items() if self.columns.get(k) == v]
        return len(same) >= 2 and all(self.columns.get(k) == v for k, v in found.items() if k in self.columns)

    def _section(self, r: int) -> Section | None:
        """A row that only names a group of tasks: “一、创新平台” across the table, or
        “一 | 创新平台” in the 序号 and 任务 columns with no units and no deadline."""
        texts = self.grid.distinct(r)
        code = one_line(self.grid.text(r, self.columns.get("code")))
        if code and re.fullmatch(r"[一二三四五六七八九十]+|（[一二三四五六七八九十]+）", code):
            title_col = self.columns.get("title", self.columns.get("content"))
            title = one_line(self.grid.text(r, title_col))
            title_box = self.grid.merged.get((r, title_col)) if title_col else None
            # (a title merged across the row shows in every cell it covers: those cells hold nothing else)
            filled = [
                self.grid.text(r, self.columns[k])
                for k in ("lead", "support", "responsible", "deadline")
                if k in self.columns
                and (title_box is None or self.grid.merged.get((r, self.columns[k])) != title_box)
            ]
            if title and title != code and not any(filled):
                return Section(code, title, r)
        title_col = self.columns.get("title", self.columns.get("content"))
        box = self.grid.merged.get((r, self.columns["code"])) if "code" in self.columns else None
        if box is not None and title_col is not None and box[0] == box[2] and box[1] <= title_col <= box[3]:
            # “一、城市公共交通（39个） | 53.07 | …” across 序号 and 项目名称: a group with its sums
            match = SECTION.match(one_line(self.grid.text(r, box[1])))
            if match and match.group("code")[0] not in "（(":
                return Section(match.group("code"), match.group("title"), r)
        if len(texts) != 1:
            return None
        text = one_line(texts[0])
        cells = [col for col in range(1, self.grid.cols + 1) if self.grid.text(r, col)]
        match = SECTION.match(text)
        wide = len(cells) >= 3 and len(cells) >= len(self.columns) - 1
        if match and (wide or len(text) > 2):
            code = match.group("code").strip("（）()")
            return Section(
                code if match.group("code")[0] not in "（(" else f"（{code}）", match.group("title"), r
            )
        if wide:
            return Section("", text, r)
        return None

    def groups(self) -> tuple[list[Section], list[Row]]:
        """Data rows grouped into tasks (a merged 序号 or 任务 spanning rows = one group)."""
        sections: list[Section] = []
        groups: list[list[Row]] = []
        keys: list[tuple[str, int]] = []
        owner: list[int] = []  # section index of each group, -1 before any section
        notes: list[Row] = []
        for r in range(self.start, self.grid.rows + 1):
            if not any(
                (r, col) in self.grid.raw or (r, col) in self.grid.merged for col in self.columns.values()
            ):
                continue
            row = self._row(r)
            if not (row.code or row.title or row.content or row.lead or row.responsible or row.support):
                continue
            first = one_line(self.grid.distinct(r)[0]) if self.grid.distinct(r) else ""
            if TOTAL_ROW.fullmatch(COUNT_TAIL.sub("", re.sub(r"\s+", "", row.code or row.title or first))):
                continue  # “合计 | 100分”: the table's sum, no task
            if NOTE_ROW.match(first):
                notes.append(row)
                continue
            if self._is_header_again(r):
                continue
            section = self._section(r)
            if section is not None:
                sections.append(section)
                continue
            span = self.grid.vertical_span(r, self.columns.get("code")) if row.code else None
            if span is None and row.title:
                span = self.grid.vertical_span(r, self.columns.get("title"))
            key = ("span", span[0]) if span else ("row", r)
            if key[0] == "row" and not row.code and not row.title and groups:
                key = keys[-1]  # a continuation row: 具体措施 under the task above
            if keys and key == keys[-1]:
                groups[-1].append(row)
            else:
                groups.append([row])
                keys.append(key)
                owner.append(len(sections) - 1)
        self._grouped = list(zip(groups, owner, strict=True))
        return sections, notes

    # -- building tasks ---------------------------------------------------------------

    def units(self, row: Row) -> list[pf.UnitRef]:
        only_marks = all(MATRIX_MARK.fullmatch(x.strip()) for x in row.responsible.split("\n") if x.strip())
        if self.matrix and not row.lead and not row.support and only_marks:
            return self._matrix_units(row.r)
        out: list[pf.UnitRef] = []

        def add(name: str, role: str) -> None:
            # names in the 牵头单位 column are all lead (co-leads)
            if name and all(u.name != name for u in out):
                out.append(pf.UnitRef(name=name[:200], role=role))

        def names(text: str) -> list[str]:
            # its line breaks separate names, as 、 does; “市民政局⏎伍泽国”: the head's name under
            # the unit is a person, no unit (a person alone in the cell stays, for review to mark)
            found = split_units(text)
            kept = [n for n in found if not (PERSON.fullmatch(n) and not looks_like_unit(n))]
            return kept if any(looks_like_unit(n) for n in kept) else found

        if row.lead:
            # “★发改局、经信局” under 牵头单位: the marked name leads and the others help; a cell
            # without a mark names co-leads
            marked_lead = {
                name
                for piece in re.split(r"[、，,；;\n]", row.lead)
                if LEAD_MARK.search(piece.strip())
                for name in names(piece)
            }
            for name in names(row.lead):
                role = "support" if marked_lead and name not in marked_lead else "lead"
                add(LEAD_MARK.sub("", name).strip(), role)  # “区科技局（牵头）” under 牵头单位 too
        labelled = parse_fields(row.responsible) if row.responsible and LABEL.search(row.responsible) else {}
        if any(key in labelled for key in ("lead", "support", "responsible")):
            # a 督办单 cell labels the roles itself: “主办：县科技局⏎协办：县财政局”
            for key in ("lead", "responsible", "support"):
                for name in names(labelled.get(key, "")):
                    add(LEAD_MARK.sub("", name).strip(), key)
        elif row.responsible:
            text = row.responsible
            found = find_units(text.replace("\n", "、")) if "牵头" in text else None
            if found is not None and found.leads:
                for name in found.names:
                    add(name, "lead" if name in found.leads else "support")
            else:
                listed = names(text)
                # “党政办牵头、各处室分别负责”: the name closing with 牵头 leads, the others help
                # (split_units drops a mark such as “▲发改局”: the marked names are read from the cell)
                starred = {
                    name
                    for piece in re.split(r"[、，,；;\n]", text)
                    if LEAD_MARK.search(piece.strip())
                    for name in names(piece)
                }
                marked = [n for n in listed if LEAD_MARK.search(n) or LEAD_TAIL.search(n) or n in starred]
                for i, name in enumerate(listed):
                    clean = LEAD_TAIL.sub("", LEAD_MARK.sub("", name)).strip()
                    if (asked := REQUEST.match(clean)) and looks_like_unit(asked["name"]):
                        clean = asked["name"]
                    if DUTY_TAIL.search(clean) and looks_like_unit(DUTY_TAIL.sub("", clean)):
                        clean = DUTY_TAIL.sub("", clean)
                    if SUPPORT_MARK.search(name):  # 市财政局（配合）
                        add(SUPPORT_MARK.sub("", name).strip(), "support")
                    elif HELP_TAIL.search(name) and looks_like_unit(HELP_TAIL.sub("", name)):
                        add(HELP_TAIL.sub("", name), "support")  # “……、团市委配合落实”: the last helps
                    elif marked:
                        add(clean, "lead" if name in marked else "support")
                    elif row.lead:
                        add(clean, "support")
                    elif any(SUPPORT_MARK.search(n) for n in listed) or (
                        "support" in self.columns and "lead" not in self.columns
                    ):
                        # 责任单位 beside a 配合单位 column: the one answering leads the helpers
                        add(clean, "lead")
                    elif self.lead_rule:
                        add(clean, "lead" if i == 0 else "support")
                    else:
                        add(clean, "responsible")
        if row.support:
            # a column headed as both (配合/责任单位) answers alone in a row that names no lead
            alone = self.support_or_responsible and not any(u.role == "lead" for u in out)
            for name in names(row.support):
                add(name, "responsible" if alone else "support")
        return out

    def _title_from(self, text: str) -> str:
        text = one_line(text)
        text = CHILD_CODE.sub("", text)
        head = re.split(r"[。；;！!]", text, maxsplit=1)[0]
        return head[:MAX_TITLE].strip("，, ") or text[:MAX_TITLE]

    def task(self, row: Row, code: str) -> pf.Task:
        content = row.content
        title = row.title.strip().rstrip("。；;") if row.title else row.title  # a name ends with no stop
        if title and (first := _first_of_numbered(title)) is not None:
            # a cell of numbered points (“1.未制定……；⏎2.未开展……”): the first names the row's task
            content, title = (f"{row.title}\n{content}" if content else row.title).strip(), first
        if not title:
            if not content:
                self.warnings.append(f"{self.where(row.r)}：没有任务名称和工作内容，已跳过")
                raise Skip
            title = self._title_from(content)
            if len(one_line(content)) > len(title) + 1:
                self.warnings.append(
                    f"{self.where(row.r)}：没有任务名称，已取工作内容的第一句“{title[:20]}…”"
                )
        elif len(title) > MAX_TITLE and not content:
            content, title = title, self._title_from(title)
            self.warnings.append(f"{self.where(row.r)}：任务名称过长，已截取第一句作为名称")
        elif not content and re.search(r"[。！!]\s*\S", title):
            # “围绕高企培育助力高质量发展。高企总量达到160家。”: the first sentence names the task
            content, title = title, self._title_from(title)
        if row.note:
            content = f"{content}\n备注：{row.note}".strip()
        deadline = parse_deadline(row.deadline, self.year)
        if not deadline.understood:
            self.warnings.append(
                f"{self.where(row.r)} {self.column('deadline')}：完成时限“{deadline.text}”未能识别为日期，请核对"
            )
        units = self.units(row)
        if not units:
            self.warnings.append(f"{self.where(row.r)}：“{clip(title, 20)}”未写明责任单位")
        year = deadline.deadline.year if deadline.deadline else self.year
        metrics = metrics_from_text(
            content if content.startswith(title) else f"{title}。{content}".strip("。"),
            year,
            self.where(row.r),
        )
        # a 目标任务 column holding a figure alone (“186”, “低于 4.1”) is the row's goal; a figure in
        # the task's name (“新引进5亿元以上重大项目”) only names the indicator
        if len(self.year_cols) >= 2 or self.plan_year_goal:
            by_year = self._year_targets(row.r)
            if by_year:
                measure = one_line(self.grid.text(row.r, self.measure_col)) if self.measure_col else ""
                if not measure:  # “拥有发明专利（件）”: the unit of measure printed after the name
                    printed = TITLE_MEASURE.search(title)
                    measure = printed.group(1) if printed else ""
                metrics = [
                    pf.Metric(
                        name=title[:200], unit=measure or None, targets=by_year, source=self.where(row.r)
                    )
                ]
        for c, (goal_year, name, goal_unit) in self.goal_cols.items():
            cell = one_line(self.grid.text(row.r, c))
            figure = BARE_FIGURE.fullmatch(cell)
            if figure is not None and is_finite(float(figure.group("value"))):
                post = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}.get(figure.group("post") or "")
                comparator = post or next(
                    (c2 for words, c2 in FIGURE_WORDS if figure.group("words") in words), "="
                )
                goal = pf.Target(
                    year=goal_year, value=float(figure.group("value")), comparator=comparator, text=cell
                )
                metrics.append(
                    pf.Metric(
                        name=f"{goal_year}年{name}"[:200],
                        unit=goal_unit,
                        targets=[goal],
                        source=self.where(row.r),
                    )
                )
        # “≥120项”, “68个”, “100%”: an indicator's value cell, its sign read as words, its unit kept
        figure_cell = one_line(row.content).translate(SIGN_WORDS) if row.content else ""
        measure_unit = FIGURE_UNIT.search(figure_cell)
        if measure_unit:
            figure_cell = figure_cell[: measure_unit.start()] + figure_cell[measure_unit.end() :]
        bare = BARE_FIGURE.fullmatch(figure_cell.strip()) if row.content and year else None
        if bare is not None and is_finite(float(bare.group("value"))):  # in the indicator's own unit
            post = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}.get(bare.group("post") or "")
            comparator = post or next((c for words, c in FIGURE_WORDS if bare.group("words") in words), "=")
            target = pf.Target(
                year=year, value=float(bare.group("value")), comparator=comparator, text=row.content
            )
            measure_printed = one_line(self.grid.text(row.r, self.measure_col)) if self.measure_col else ""
            unit = (
                measure_unit.group(1)
                if measure_unit
                else measure_printed.strip("-— ")
                or ("%" if "%" in row.content else None)  # the 单位 column's
            )
            metrics = [pf.Metric(name=title[:200], unit=unit, targets=[target], source=self.where(row.r))]
        return pf.Task(
            code=code[:40],
            title=title,
            content=content,
            deadline=deadline.deadline,
            deadline_text=deadline.text,
            recurring="yearly"
            if deadline.recurring and re.search(r"每年|逐年|年度", deadline.text or "")
            else None,
            source=self.where(row.r),
            units=units,
            metrics=metrics,
            leader=self._leader(row.r),
            updates=self._reported(row.r),
        )

    def _reported(self, r: int) -> list[pf.Update]:
        """The row's 完成情况 (with its 存在问题 and 下一步打算) as its update for the report's period."""
        if "progress" not in self.report_cols or self.report_period is None:
            return []
        cell = {kind: self.grid.text(r, c).strip() for kind, c in self.report_cols.items()}
        if not cell.get("progress"):
            return []
        share = re.fullmatch(r"(\d{1,3})(?:\.\d+)?\s*[%％]?", cell.get("percent", ""))
        said = cell.get("done", "")
        if not share and said:  # “是否完成：已完成 / 是” says done, “否 / 未完成” says not yet
            share = re.fullmatch(r"(100)", "100" if re.fullmatch(r"已?完成|是|已办结|√", said) else "")
        return [
            update_from(
                self.report_period,
                cell["progress"][:4000],
                cell.get("problems", "")[:4000],
                cell.get("next", "")[:4000],
                self.reported_on,
                f"起草自{self.file or '文件'}{self.where(r)}",
                percent=int(share.group(1)) if share and int(share.group(1)) <= 100 else None,
            )
        ]

    def _leader(self, r: int) -> str | None:
        """The person a 责任领导 / 牵头领导 column names for the row (a person, never a unit)."""
        if self.leader_col is None:
            return None
        names = "、".join(
            line.strip() for line in self.grid.text(r, self.leader_col).split("\n") if line.strip()
        )
        return names[:100] or None

    def _year_targets(self, r: int) -> list[pf.Target]:
        """The row's goal for each year column holding a figure (“120”, “≥2.5”, “6以上”)."""
        out: list[pf.Target] = []
        for c, year in sorted(self.year_cols.items(), key=lambda item: item[1]):
            cell = one_line(self.grid.text(r, c)).replace("≥", "不低于").replace("≤", "不高于")
            figure = BARE_FIGURE.fullmatch(cell.rstrip("%％家个项件人亿元万"))
            if figure is None or not is_finite(float(figure.group("value"))):
                continue
            post = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}.get(figure.group("post") or "")
            comparator = post or next(
                (c2 for words, c2 in FIGURE_WORDS if figure.group("words") in words), "="
            )
            out.append(
                pf.Target(year=year, value=float(figure.group("value")), comparator=comparator, text=cell)
            )
        return out

    def numbered_parts(self, rows: list[Row], code: str) -> list[pf.Task] | None:
        """Rows under one 序号 whose names each open with that number's parts (“1.1编制……”,
        “1.2.1设计……” under 序号 1) are tasks of their own, numbered as printed; the 序号 only
        counts them, it names no task. None where the rows are not printed that way.
        """
        if len(rows) < 2 or not re.fullmatch(r"\d{1,3}", code):
            return None
        own = re.compile(rf"^\s*({code}(?:[.．]\d{{1,2}})+)(?![\d.．%])\s*(?=\S)")
        found = [(row, match) for row in rows if (match := own.match(row.title))]
        if len(found) < len(rows):
            return None
        tasks: list[pf.Task] = []
        for row, match in found:
            part = match.group(1).replace("．", ".")
            try:
                tasks.append(self.task(replace(row, code=part, title=row.title[match.end() :]), part))
            except Skip:
                continue
        return tasks

    def group_task(self, rows: list[Row], code: str) -> pf.Task:
        """The task of a 序号 (rows merged under one number, or one row).

        A row whose content opens with a point's number (“（1）老城……”) under a short name in
        the task column (“四大功能区建设”) is that point of the named task: the name groups,
        the point is the task, even where the page shows only the first point.
        """
        first = rows[0]
        # (a cell listing its measures “1.……⏎2.……⏎3.……” is one task's content, not one point of it)
        points = bool(first.title) and all(
            r.content and CHILD_CODE.match(r.content) and len(_numbered_lines(r.content)) < 2 for r in rows
        )
        if len(rows) == 1 and not points:
            return self.task(rows[0], code)
        distinct = {
            (r.title, r.content, r.lead, r.responsible, r.support, str(r.deadline), r.note) for r in rows
        }
        if len(distinct) == 1 and not points:
            return self.task(rows[0], code)
        if (
            "title" not in self.columns
            and not points
            and all(r.content and not r.title and not CHILD_CODE.match(r.content) for r in rows)
            and len({(r.lead, r.responsible, r.support, str(r.deadline)) for r in rows}) == 1
        ):
            # Rule: under one 序号 merged down, with no task column, rows sharing their units are
            # the clauses of one item (“新建驿站7家。⏎新增托位500个。”): one task, its title the
            # first row's, its content every row's.
            one = Row(
                first.r,
                code,
                "",
                "\n".join(dict.fromkeys(r.content for r in rows)),
                first.responsible,
                first.lead,
                first.support,
                first.deadline,
                "；".join(dict.fromkeys(r.note for r in rows if r.note)),
            )
            return self.task(one, code)
        if len({r.title for r in rows}) == 1 and not any(r.content for r in rows):
            # one task printed over several rows that only split its units or deadlines
            return self.task(_fold(rows, code), code)

        def shared(attr: str) -> str:
            values = {str(getattr(r, attr) or "") for r in rows}
            return values.pop() if len(values) == 1 else ""

        # Rule: a row whose task cell is empty continues the task above (the cell printed once,
        # as if merged down, a page's repeated header between): the rows share that task's name.
        named = {r.title for r in rows if r.title}
        parent_title = named.pop() if len(named) == 1 else ""
        kids_by_title = not parent_title
        if not parent_title:
            parent_title = first.title or self._title_from(first.content)
            self.warnings.append(
                f"{self.where(first.r)}：序号“{code}”跨 {len(rows)} 行但任务名称不同，已用第一行的名称作上级任务"
            )
        children: list[pf.Task] = []
        used: set[str] = set()
        used_again: dict[str, int] = {}
        note_shared = shared("note")
        # rows grouped under a merged 考核项目 that each print their own 序号 (4, 5) keep it
        printed = [r.code for r in rows]
        own_codes = all(printed) and len(set(printed)) == len(printed)
        if kids_by_title:
            # a project's name merged down over its sub-projects' rows (业主单位 per row) is one child
            rows = _fold_runs(rows)
        for i, row in enumerate(rows, start=1):
            text = row.title if kids_by_title else ""
            own = CHILD_CODE.match(row.content) if not text else None
            kid_code = own.group("code").rstrip(".．、") if own else (row.code if own_codes else str(i))
            kid = Row(
                row.r,
                kid_code,
                text,
                row.content,
                row.responsible,
                row.lead,
                row.support,
                row.deadline,
                "" if note_shared else row.note,
            )
            try:
                child = self.task(kid, kid_code)
            except Skip:
                continue
            child.code = unique_code(child.code, used, used_again)
            children.append(child)
        parent_row = Row(
            first.r,
            code,
            parent_title,
            shared("content") if not children else "",
            shared("responsible"),
            shared("lead"),
            shared("support"),
            first.deadline if shared("deadline") else None,
            shared("note"),
        )
        saved = len(self.warnings)
        parent = self.task(parent_row, code)
        del self.warnings[saved:]  # a parent without its own units is normal
        if parent.deadline is None:
            days = [c.deadline for c in children if c.deadline is not None]
            parent.deadline = max(days) if days else None
            parent.deadline_text = None
        parent.children = children
        return parent

    def tasks(self) -> list[pf.Task]:
        sections, notes = self.groups()
        for note in notes:
            if document_names_lead(note.title + note.content):
                self.lead_rule = True
        top: list[pf.Task] = []
        section_tasks: list[list[pf.Task]] = [[] for _ in sections]
        counters: dict[int, int] = {}
        # a table with no 序号 column is numbered in order, said once; a row missing its number
        # in a numbered table is said where it is
        if "code" not in self.columns and self._grouped:
            self.warnings.append(f"{self.where(self._grouped[0][0][0].r)}起：表中没有序号列，已按顺序编号")
        for rows, owner in self._grouped:
            counters[owner] = counters.get(owner, 0) + 1
            code = rows[0].code or str(counters[owner])
            if not rows[0].code and "code" in self.columns:
                self.warnings.append(f"{self.where(rows[0].r)}：没有序号，已编为“{code}”")
            parts = self.numbered_parts(rows, code)
            if parts is not None:
                (section_tasks[owner] if owner >= 0 else top).extend(parts)
                continue
            try:
                task = self.group_task(rows, code)
            except Skip:
                continue
            (section_tasks[owner] if owner >= 0 else top).append(task)
        parent: pf.Task | None = None  # the last “二、” section row: “（一）” rows below it are its parts
        for i, section in enumerate(sections):
            code = section.code or (CN_NUMBERS[i] if i < len(CN_NUMBERS) else str(i + 1))
            task = pf.Task(
                code=code,
                title=one_line(section.title),
                source=self.where(section.row),
                children=unique_codes(section_tasks[i], self.warnings, self.where(section.row)),
            )
            if code.startswith(("（", "(")) and parent is not None:
                parent.children = unique_codes([*parent.children, task], self.warnings, parent.source or "")
                continue
            parent = task if not code.startswith(("（", "(")) else None
            top.append(task)
        # a group row with no task under it (the table breaks off after it) names no task
        for task in top:
            task.children = [c for c in task.children if c.children or c.units or not _is_group(c)]
        top = [t for t in top if t.children or t.units or not _is_group(t)]
        return unique_codes(top, self.warnings, self.grid.place)


def _fold(rows: list[Row], code: str) -> Row:
    """Rows that print one task and only split its units or deadlines, as one row."""

    def joined(attr: str, sep: str = "\n") -> str:
        values = [str(getattr(r, attr) or "") for r in rows]
        return sep.join(dict.fromkeys(v for v in values if v))

    deadlines = [r.deadline for r in rows if r.deadline not in (None, "")]
    deadline: object = deadlines[0] if len(set(map(str, deadlines))) == 1 else joined("deadline", "；")
    first = rows[0]
    return Row(
        first.r,
        code,
        first.title,
        "",
        joined("responsible"),
        joined("lead"),
        joined("support"),
        deadline,
        joined("note", "；"),
    )


def _fold_runs(rows: list[Row]) -> list[Row]:
    """Consecutive rows of one title and no content of their own folded into one row each."""
    out: list[Row] = []
    run: list[Row] = []
    for row in [*rows, None]:
        if row is not None and run and row.title == run[0].title and not row.content and not run[0].content:
            run.append(row)
            continue
        if run:
            out.append(run[0] if len(run) == 1 else _fold(run, run[0].code))
        run = [row] if row is not None else []
    return out


def _is_group(task: pf.Task) -> bool:
    """A task made from a section row: no content, no units, no deadline of its own (a row with
    its own 序号 is a task, whatever it prints beside its name)."""
    numbered = re.fullmatch(r"\d{1,3}", task.code) is not None
    return not numbered and not task.content and not task.units and task.deadline is None and not task.metrics


class Skip(Exception):
    pass


def unique_codes(tasks: list[pf.Task], warnings: list[str], where: str) -> list[pf.Task]:
    seen: set[str] = set()
    again: dict[str, int] = {}
    for task in tasks:
        old = task.code
        task.code = unique_code(old, seen, again)
        if task.code != old:
            warnings.append(f"{where}：序号“{old}”重复，已改为“{task.code}”")
    return tasks
