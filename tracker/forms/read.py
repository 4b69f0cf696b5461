"""Read a returned fill-in form: check where it comes from, validate every input cell.

All problems are collected and reported at once by row and column (“第 7 行 J 列”), so a
clerk fixes the form in one pass. Nothing here touches the ledger.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tracker.errors import BadInput
from tracker.forms import layout
from tracker.numbers import is_finite
from tracker.periods import Period, parse_period
from tracker.xlsx_open import open_xlsx

MAX_PROBLEMS_SHOWN = 40


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # Excel letter
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行 {self.column} 列" if self.column else f"第 {self.row} 行"
        return f"{where}：{self.message}"


class FormProblems(BadInput):
    """Every bad cell of a form, in one message."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:MAX_PROBLEMS_SHOWN])
        more = (
            f"\n  …另有 {len(problems) - MAX_PROBLEMS_SHOWN} 处" if len(problems) > MAX_PROBLEMS_SHOWN else ""
        )
        super().__init__(f"{path.name} 有 {len(problems)} 处填写有误，未导入任何内容：\n{shown}{more}")


@dataclass
class RowInput:
    """What the unit filled in on one task row (and its indicator rows)."""

    task_id: int
    row: int
    status: str | None = None
    percent: int | None = None
    progress: str | None = None
    problems: str | None = None
    next_steps: str | None = None
    evidence: str | None = None
    actuals: dict[int, float] = field(default_factory=dict)
    actual_rows: dict[int, int] = field(default_factory=dict)  # metric id → sheet row
    # Which task (indicator) each row was about: its 校验码 (uid, title fingerprint), or
    # in a form without that column its title cell as printed (None: blank or absent).
    identity: tuple[str, str] | str | None = None
    actual_identities: dict[int, tuple[str, str] | str | None] = field(default_factory=dict)

    @property
    def has_task_input(self) -> bool:
        return any(
            v not in (None, "")
            for v in (self.status, self.percent, self.progress, self.problems, self.next_steps, self.evidence)
        )


@dataclass
class FormData:
    path: Path
    ledger_id: str
    unit: str
    period: Period
    rows: dict[int, RowInput]  # by task id
    blank_tasks: int = 0


def _open(path: Path) -> Workbook:
    return open_xlsx(path, "填报表")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_meta(wb: Workbook, path: Path) -> dict[str, str]:
    if layout.META_SHEET not in wb.sheetnames:
        raise BadInput(
            f"{path.name} 不是本程序导出的填报表（缺少隐藏的 _meta 工作表），无法确定台账、单位和报告期"
        )
    ws = wb[layout.META_SHEET]
    meta: dict[str, str] = {}
    for key, value, *_ in ws.iter_rows(min_row=1, max_col=2, values_only=True):
        if key:
            meta[str(key).strip()] = _cell_text(value)
    if meta.get("format") != layout.FORMAT:
        raise BadInput(f"{path.name} 的 _meta 工作表不是填报表标记，无法导入")
    try:
        version = int(meta.get("version", "0"))
    except ValueError:
        version = 0
    if version < 1 or version > layout.VERSION:
        raise BadInput(f"{path.name} 是更新版本程序导出的填报表（版本 {meta.get('version')}），请升级程序")
    for key in ("ledger_id", "unit", "period"):
        if not meta.get(key):
            raise BadInput(f"{path.name} 的 _meta 工作表缺少“{key}”，无法确定来源")
    return meta


def _find_header(wb: Workbook) -> tuple[Worksheet, int, dict[str, int]]:
    """The sheet and row holding the headers, and each known column's index (1-based)."""
    candidates = [wb[layout.SHEET]] if layout.SHEET in wb.sheetnames else []
    candidates += [ws for ws in wb.worksheets if ws.title not in (layout.SHEET, layout.META_SHEET)]
    for ws in candidates:
        for r, values in enumerate(ws.iter_rows(min_row=1, max_row=40, values_only=True), start=1):
            found: dict[str, int] = {}
            for c, value in enumerate(values, start=1):
                text = layout.normalise_header(value)
                if not text:
                    continue
                for key, header, _ in layout.COLUMNS:
                    names = {layout.normalise_header(header)} | {
                        layout.normalise_header(a) for a in layout.HEADER_ALIASES.get(key, ())
                    }
                    if text in names and key not in found:
                        found[key] = c
                        break
            if "id" in found and ("status" in found or "progress" in found):
                return ws, r, found
    raise BadInput("填报表中找不到表头行（编号、本期进展情况、完成状态），表格结构可能被改动，请重新导出")


_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _number(value: Any) -> float | None:
    """A finite number from a cell; None if the cell holds something that is not one.

    Rule: NaN and infinity are not numbers (a cell can hold them: 1e309 reads as infinity).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if is_finite(value) else None
    text = str(value).strip().replace(",", "").replace("，", "").replace(" ", "")
    text = text.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    if not _NUMBER.match(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def percent_value(raw: Any, number_format: str) -> float | None:
    """完成百分比 from a cell: what the clerk meant, as a number of percent.

    Rule: in a percent-formatted cell Excel stores “100%” as 1 and “80%” as 0.8, so the
    stored number is multiplied by 100; text “80%” means 80; elsewhere a plain number is
    the percent itself, except a fraction between 0 and 1 (0.8), read as 80 as before.
    """
    if isinstance(raw, int | float) and not isinstance(raw, bool) and "%" in number_format:
        return float(raw) * 100 if is_finite(raw) else None
    number = _number(_cell_text(raw).rstrip("%％"))
    if isinstance(raw, float) and 0 < raw < 1 and not raw.is_integer():
        return raw * 100
    return number


def _status(value: Any) -> str | None:
    text = "".join(str(value).split())
    return layout.STATUS_WORDS.get(text) or layout.STATUS_SYNONYMS.get(text)


Identity = tuple[str, str] | str | None


def _identity(get: Any, cols: dict[str, int]) -> tuple[bool, Identity]:
    """What a row says about which task it is: the 校验码's (uid, fingerprint), the title
    cell of a form without 校验码 column, None when neither is there. (False, None): a
    校验码 that is not one (typed over)."""
    if "check" in cols:
        raw = get("check")
        if raw is None:
            return True, None
        parsed = layout.parse_row_check(_cell_text(raw))
        return parsed is not None, parsed
    title = get("title")
    return True, str(title) if title is not None else None


def read_form(path: Path) -> FormData:
    """Parse and validate a returned form; raise one BadInput listing every problem."""
    path = Path(path)
    wb = _open(path)
    meta = read_meta(wb, path)
    try:
        period = parse_period(meta["period"])
    except BadInput as exc:
        raise BadInput(f"{path.name} 的 _meta 工作表中的报告期无法使用：{exc}") from None
    ws, header_row, cols = _find_header(wb)
    problems: list[Problem] = []
    missing = [layout.HEADER_OF[k] for k in ("status", "progress", "percent") if k not in cols]
    if missing:
        raise BadInput(f"{path.name} 缺少列：{'、'.join(missing)}，请重新导出填报表后填写")

    def letter(key: str) -> str:
        return get_column_letter(cols[key])

    rows: dict[int, RowInput] = {}
    blank = 0
    seen_ids: dict[tuple[int, int | None], int] = {}
    percent_column = cols["percent"]
    for r, cells in enumerate(ws.iter_rows(min_row=header_row + 1), start=header_row + 1):
        values = tuple(cell.value for cell in cells)
        percent_format = (
            str(getattr(cells[percent_column - 1], "number_format", "") or "")
            if percent_column <= len(cells)
            else ""
        )

        def get(key: str, values: tuple[Any, ...] = values) -> Any:
            index = cols.get(key)
            if index is None or index > len(values):
                return None
            value = values[index - 1]
            if isinstance(value, str) and not value.strip():
                return None
            return value

        raw_id = get("id")
        inputs = {key: get(key) for key in layout.INPUT_KEYS}
        if raw_id is None:
            if any(v is not None for v in inputs.values()):
                problems.append(
                    Problem(r, letter("id"), "这一行没有编号，无法对应任务（请勿在表中新增行或清除编号列）")
                )
            continue
        ids = layout.parse_row_id(_cell_text(raw_id))
        if ids is None:
            problems.append(Problem(r, letter("id"), f"编号“{_cell_text(raw_id)}”已被改动，无法对应任务"))
            continue
        # One task (or indicator) per row, however its id is written (T12, T012, Ｔ１２):
        # two rows for one task are refused, never merged into a mixed record.
        if ids in seen_ids:
            problems.append(Problem(r, letter("id"), f"编号与第 {seen_ids[ids]} 行重复（同一任务出现两次）"))
            continue
        seen_ids[ids] = r
        task_id, metric_id = ids
        readable, identity = _identity(get, cols)
        if not readable:
            problems.append(Problem(r, letter("check"), "校验码已被改动，无法确认这一行是哪项任务"))
            continue
        entry = rows.get(task_id)
        if metric_id is not None:
            stray = [layout.HEADER_OF[k] for k in layout.TASK_INPUTS if inputs.get(k) is not None]
            if stray:
                problems.append(
                    Problem(
                        r,
                        letter(next(k for k in layout.TASK_INPUTS if inputs.get(k) is not None)),
                        f"这是指标行，只能填“指标实际值”；{'、'.join(stray)}请填在该任务自己的行上",
                    )
                )
            value = inputs.get("actual")
            if value is None:
                continue
            number = _number(value)
            if number is None:
                problems.append(Problem(r, letter("actual"), f"指标实际值“{_cell_text(value)}”不是数字"))
                continue
            entry = entry or rows.setdefault(task_id, RowInput(task_id, r))
            entry.actuals[metric_id] = number
            entry.actual_rows[metric_id] = r
            entry.actual_identities[metric_id] = identity
            continue
        entry = rows.setdefault(task_id, RowInput(task_id, r))
        entry.row = r
        entry.identity = identity
        task_inputs = {k: inputs[k] for k in layout.TASK_INPUTS}
        if all(v is None for v in task_inputs.values()):
            blank += 1
            continue
        if task_inputs["status"] is not None:
            status = _status(task_inputs["status"])
            if status is None:
                problems.append(
                    Problem(
                        r,
                        letter("status"),
                        f"完成状态“{_cell_text(task_inputs['status'])}”不是可选项，应为 "
                        + "、".join(layout.STATUS_WORDS),
                    )
                )
            entry.status = status
        if task_inputs["percent"] is not None:
            raw = task_inputs["percent"]
            number = percent_value(raw, percent_format)
            if number is None:
                problems.append(Problem(r, letter("percent"), f"完成百分比“{_cell_text(raw)}”不是数字"))
            elif not float(number).is_integer() and abs(number - round(number)) > 1e-6:
                problems.append(Problem(r, letter("percent"), f"完成百分比“{_cell_text(raw)}”应为整数"))
            elif not 0 <= round(number) <= 100:
                problems.append(Problem(r, letter("percent"), f"完成百分比 {number:g} 超出 0–100"))
            else:
                entry.percent = round(number)
        for key in ("progress", "problems", "next_steps", "evidence"):
            if task_inputs[key] is not None:
                setattr(entry, key, _cell_text(task_inputs[key]))
        if entry.status is None and not any(p.row == r for p in problems):
            if entry.percent == 100:
                entry.status = "done"
            elif entry.progress or entry.percent is not None:
                entry.status = "in_progress"
            else:
                problems.append(Problem(r, letter("status"), "填写了内容但未选择完成状态"))
        if entry.status == "done" and entry.percent is not None and entry.percent < 100:
            problems.append(
                Problem(r, letter("percent"), f"完成状态为已完成，但完成百分比是 {entry.percent}（应为 100）")
            )
    if problems:
        problems.sort(key=lambda p: (p.row, p.column))
        raise FormProblems(path, problems)
    return FormData(path, meta["ledger_id"], meta["unit"], period, rows, blank)
