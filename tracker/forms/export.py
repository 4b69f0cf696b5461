"""Write a unit's fill-in form (填报表): its tasks for a period, with input cells unlocked.

The hidden 编号 column and the hidden `_meta` sheet carry the task ids, the ledger id, the
unit and the period, so a returned form still matches after rows are sorted, filtered or
deleted. Text from the ledger is always written as text, never as a formula.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import APP_NAME
from tracker.db import models as m
from tracker.errors import BadInput
from tracker.facts.counts import UNIT_COLUMNS
from tracker.facts.period import PeriodFacts, Scope, read_facts
from tracker.fileio import atomic_write, is_stdout
from tracker.forms import layout
from tracker.lights import STATUS_LABELS
from tracker.periods import Period, parse_period
from tracker.services.settings import LEDGER_ID, get_setting
from tracker.textsafe import xml_safe
from tracker.views.rules import load_settings
from tracker.views.table import TaskRow, load_task_rows

ROLE_LABELS = {"lead": "牵头", "support": "配合", "responsible": "责任"}
TITLE_ROW = 1
STAMP_ROW = 2
NOTE_ROW = 3
HEADER_ROW = 5
FIRST_DATA_ROW = HEADER_ROW + 1

INSTRUCTIONS = (
    "填写说明：1. 只填写浅黄色单元格（本期进展情况、完成状态、完成百分比、指标实际值、存在问题、下步措施、"
    "佐证材料说明），其余单元格已保护。2. 完成状态从下拉列表选择：" + "、".join(layout.STATUS_WORDS) + "。"
    "3. 完成百分比填 0–100 的整数；指标实际值只填数字（单位见“工作内容 / 目标”）。"
    "4. 本期无进展的任务整行留空即可。可排序、筛选，请勿修改隐藏的编号列和 _meta 工作表。"
    "佐证材料文件请随表另行报送。"
)

INPUT_FILL = PatternFill("solid", fgColor="FFF9E0")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
METRIC_FONT = Font(color="555555", size=10)
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass
class FormRow:
    row_id: str
    check: str  # hidden 校验码: uid and title fingerprint (layout.row_check)
    code: str
    plan: str
    title: str
    content: str
    role: str
    deadline: str
    known: str
    is_metric: bool
    values: dict[str, object] = field(default_factory=dict)  # prefilled inputs


@dataclass
class UnitForm:
    unit: str
    period: Period
    ledger_id: str
    rows: list[FormRow]
    # The unit's row of the facts model (the 通报's 各单位 table): the same figures, in words.
    summary: str = ""

    @property
    def task_count(self) -> int:
        return sum(1 for row in self.rows if not row.is_metric)


def find_unit(session: Session, name: str) -> m.Unit:
    """A unit by its name, an alias or a printed short form (tracker.services.unit_lookup)."""
    from tracker.services.unit_lookup import find_unit as lookup

    return lookup(session, name)


def units_with_tasks(session: Session) -> list[str]:
    """Every unit that carries at least one live task, by name."""
    query = (
        select(m.Unit.name)
        .join(m.TaskUnit)
        .join(m.Task)
        .join(m.Plan)
        .where(m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
        .distinct()
        .order_by(m.Unit.name)
    )
    return list(session.scalars(query))


def _fmt(value: float) -> str:
    return f"{value:g}"


def _target_words(metric: m.Metric) -> str:
    parts = [f"{t.year}年{t.text}" for t in metric.targets]
    unit = f"（单位：{metric.unit}）" if metric.unit else ""
    return ("目标：" + "；".join(parts) if parts else "目标：—") + unit


def latest_of_period(
    session: Session, task_id: int, period: str, *, include_returned: bool = False
) -> m.Update | None:
    """The period's report of the task; a row 退回 counts only for re-filling its fresh form."""
    query = select(m.Update).where(m.Update.task_id == task_id, m.Update.period == period)
    if not include_returned:
        query = query.where(m.counts_as_report())
    return session.scalar(query.order_by(m.Update.recorded_at.desc(), m.Update.id.desc()).limit(1))


def actual_of_period(session: Session, metric_id: int, period: str) -> float | None:
    return session.scalar(
        select(m.Actual.value).where(m.Actual.metric_id == metric_id, m.Actual.period == period)
    )


def build_form(
    session: Session,
    unit_name: str,
    period: Period,
    plan_filter: str | None = None,
    returned: Mapping[int, str] | None = None,
    ledger: list[TaskRow] | None = None,
) -> UnitForm:
    """What one unit's form holds: the tasks it answers for, open as of the period, with indicators.

    Tasks, their 报送状态 and light come from the facts model (tracker.facts), as in the 通报.
    `returned` (task id → reason) makes the fresh form of a 退回单: only those tasks, each
    with the reason it was sent back written where the unit reads what is known. `ledger`
    (`ledger_rows`) lets a batch of forms read the ledger once.
    """
    unit = find_unit(session, unit_name)
    ledger_id = str(get_setting(session, LEDGER_ID) or "")
    plan_ids: tuple[int, ...] = ()
    if plan_filter:
        plan_ids = tuple(
            session.scalars(
                select(m.Plan.id).where(
                    m.Plan.deleted_at.is_(None),
                    m.Plan.title.contains(plan_filter) | m.Plan.doc_number.contains(plan_filter),
                )
            )
        ) or (-1,)
    facts = read_facts(session, period, Scope(plan_ids=plan_ids, units=(unit.name,)), rows=ledger)
    tasks = [row for row in facts.rows if row.counted and row.report_status != "closed"]
    if returned is not None:
        tasks = [row for row in tasks if row.id in returned]
    metrics: dict[int, list[m.Metric]] = {}
    # Each row's 校验码 names the task by its uid (the facts model carries ids, not uids).
    uids: dict[int, str] = {}
    for start in range(0, len(tasks), 500):
        chunk = [row.id for row in tasks[start : start + 500]]
        # a Result has .keys() (its columns), so dict.update() would take it for a mapping
        uids.update(
            (task_id, uid)
            for task_id, uid in session.execute(select(m.Task.id, m.Task.uid).where(m.Task.id.in_(chunk)))
        )
    if tasks:
        for metric in session.scalars(
            select(m.Metric)
            .where(m.Metric.task_id.in_([row.id for row in tasks]))
            .order_by(m.Metric.task_id, m.Metric.position)
        ):
            metrics.setdefault(metric.task_id or 0, []).append(metric)
    rows: list[FormRow] = []
    for task in tasks:
        known = "未填报"
        if task.progress_period is not None:
            pct = f"，{task.percent}%" if task.percent is not None else ""
            text = task.progress.strip()
            try:
                when = parse_period(task.progress_period).label
            except BadInput:
                when = task.progress_period
            known = f"{task.status_label}{pct}（{when}）"
            if text:
                known += "：" + (text if len(text) <= 120 else text[:120] + "…")
        if returned is not None:
            known = f"退回重报：{returned[task.id]}。{known}"
        deadline = task.deadline_text
        if task.recurring:
            deadline = deadline or "每年"
        values: dict[str, object] = {}
        current = latest_of_period(session, task.id, period.code, include_returned=returned is not None)
        if current is not None:
            values = {
                "progress": current.progress or None,
                "status": STATUS_LABELS.get(current.status),
                "percent": current.percent,
                "problems": current.problems,
                "next_steps": current.next_steps,
            }
        role = ROLE_LABELS["lead"] if unit.id in task.lead_unit_ids else ROLE_LABELS["support"]
        rows.append(
            FormRow(
                row_id=layout.task_row_id(task.id),
                check=layout.row_check(uids[task.id], task.title),
                code=task.code,
                plan=task.plan_label,
                title=task.title,
                content=task.content,
                role=role,
                deadline=deadline,
                known=known,
                is_metric=False,
                values=values,
            )
        )
        for metric in metrics.get(task.id, []):
            actual = actual_of_period(session, metric.id, period.code)
            rows.append(
                FormRow(
                    row_id=layout.metric_row_id(task.id, metric.id),
                    check=layout.row_check(metric.uid, metric.name),
                    code=task.code,
                    plan=task.plan_label,
                    title=layout.metric_row_title(metric.name),
                    content=_target_words(metric),
                    role=role,
                    deadline="",
                    known="",
                    is_metric=True,
                    values={"actual": actual} if actual is not None else {},
                )
            )
    return UnitForm(unit.name, period, ledger_id, rows, form_summary(facts, unit.id))


def ledger_rows(session: Session, period: Period) -> list[TaskRow]:
    """Every task's row as of `period`, read once for a batch of forms."""
    return load_task_rows(session, period, load_settings(session).rules)


def form_summary(facts: PeriodFacts, unit_id: int) -> str:
    """“本单位牵头N项（…），配合M项”: the unit's row of the 通报's 各单位 table, in words."""
    row = next((u for u in facts.units if u.id == unit_id), None)
    if row is None:
        return "本单位本期无牵头或配合的任务"
    parts = "、".join(
        f"{label}{count}项" for (_key, label), count in zip(UNIT_COLUMNS, row.columns(), strict=True)
    )
    return f"本单位牵头{row.led}项（{parts}），配合{row.supporting}项"


def _set_text(cell: Cell, value: object) -> None:
    """Write ledger text as text: a leading = + - @ must never become a formula."""
    if value is None or value == "" or (isinstance(value, float) and not math.isfinite(value)):
        cell.value = None  # NaN or infinity (an older program's) is left blank for the unit to fill
        return
    if isinstance(value, str):
        value = xml_safe(value)  # a control character would make the whole workbook unreadable
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    else:
        cell.value = value


def _write_sheet(ws: Worksheet, form: UnitForm) -> None:
    keys = [key for key, _, _ in layout.COLUMNS]
    col = {key: index + 1 for index, key in enumerate(keys)}
    last = get_column_letter(len(keys))
    stamp = (
        f"台账：{form.ledger_id}    填报单位：{form.unit}    报告期：{form.period.label}（{form.period.code}）"
        f"    导出时间：{datetime.now():%Y-%m-%d %H:%M}" + (f"    {form.summary}" if form.summary else "")
    )
    ws.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    _set_text(ws.cell(TITLE_ROW, 1), f"{form.unit} 任务进展填报表（{form.period.label}）")
    ws.cell(TITLE_ROW, 1).font = Font(bold=True, size=16)
    ws.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A{STAMP_ROW}:{last}{STAMP_ROW}")
    _set_text(ws.cell(STAMP_ROW, 1), stamp)
    ws.merge_cells(f"A{NOTE_ROW}:{last}{NOTE_ROW + 1}")
    _set_text(ws.cell(NOTE_ROW, 1), INSTRUCTIONS)
    ws.cell(NOTE_ROW, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[NOTE_ROW].height = 30
    ws.row_dimensions[NOTE_ROW + 1].height = 30
    for index, (key, header, width) in enumerate(layout.COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, index)
        _set_text(cell, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = width
        if key in layout.HIDDEN_KEYS:
            ws.column_dimensions[get_column_letter(index)].hidden = True

    status_dv = DataValidation(
        type="list",
        formula1='"' + ",".join(layout.STATUS_WORDS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成状态",
        error="请从下拉列表选择：" + "、".join(layout.STATUS_WORDS),
    )
    percent_dv = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="完成百分比",
        error="请填写 0 到 100 的整数",
    )
    actual_dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1E+15",
        formula2="1E+15",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="指标实际值",
        error="请只填写数字，单位见“工作内容 / 目标”列",
    )
    for dv in (status_dv, percent_dv, actual_dv):
        ws.add_data_validation(dv)

    for offset, row in enumerate(form.rows):
        r = FIRST_DATA_ROW + offset
        fixed = {
            "id": row.row_id,
            "check": row.check,
            "code": row.code,
            "plan": row.plan,
            "title": row.title,
            "content": row.content,
            "role": row.role,
            "deadline": row.deadline,
            "known": row.known,
        }
        inputs = ("actual",) if row.is_metric else layout.TASK_INPUTS
        for key in keys:
            cell = ws.cell(r, col[key])
            cell.border = BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if key in fixed:
                _set_text(cell, fixed[key])
                if row.is_metric:
                    cell.font = METRIC_FONT
            elif key in inputs:
                _set_text(cell, row.values.get(key))
                cell.fill = INPUT_FILL
                cell.protection = Protection(locked=False)
                letter = f"{get_column_letter(col[key])}{r}"
                if key == "status":
                    status_dv.add(letter)
                elif key == "percent":
                    percent_dv.add(letter)
                    cell.number_format = "0"
                elif key == "actual":
                    actual_dv.add(letter)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, col["title"] + 1)
    if form.rows:
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{FIRST_DATA_ROW + len(form.rows) - 1}"
    # Protected without a password: units can still sort, filter and resize.
    protection = ws.protection
    protection.sheet = True
    protection.sort = False
    protection.autoFilter = False
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _write_meta(ws: Worksheet, form: UnitForm) -> None:
    meta = [
        ("format", layout.FORMAT),
        ("version", str(layout.VERSION)),
        ("ledger_id", form.ledger_id),
        ("unit", form.unit),
        ("period", form.period.code),
        ("exported_at", datetime.now().isoformat(timespec="seconds")),
        ("program", APP_NAME),
        ("task_ids", ",".join(r.row_id for r in form.rows if not r.is_metric)),
    ]
    for index, (key, value) in enumerate(meta, start=1):
        ws.cell(index, 1).value = key
        _set_text(ws.cell(index, 2), value)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def form_workbook(form: UnitForm) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = layout.SHEET
    _write_sheet(ws, form)
    _write_meta(wb.create_sheet(layout.META_SHEET), form)
    wb.active = 0
    return wb


def write_form(form: UnitForm, out: Path) -> None:
    wb = form_workbook(form)
    atomic_write(Path(out), lambda tmp: wb.save(tmp))


def safe_file_name(text: str) -> str:
    """A unit name as a file name: no path separators, no characters Windows forbids, no controls."""
    return (
        "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 or ord(ch) == 127 else ch for ch in text).strip()
        or "单位"
    )


def form_file_name(form: UnitForm) -> str:
    return f"{safe_file_name(form.unit)}_{form.period.code}_填报表.xlsx"


def write_forms(
    forms: Iterable[UnitForm], out: Path, progress: Callable[[int, int], None] | None = None
) -> list[Path]:
    """Several forms: into a .zip (one .xlsx per unit inside) or into a folder.

    `progress(written, total)` follows each form (the window shows it); an exception it
    raises stops the writing, and a .zip is then not left half written.
    """
    forms = list(forms)
    out = Path(out)
    step = progress or (lambda _done, _total: None)
    if out.suffix.lower() == ".zip" or is_stdout(out):  # several forms on standard output: a .zip

        def write(tmp: Path) -> None:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                for number, form in enumerate(forms, 1):
                    buffer = io.BytesIO()
                    form_workbook(form).save(buffer)
                    archive.writestr(form_file_name(form), buffer.getvalue())
                    step(number, len(forms))

        atomic_write(out, write)
        return [out]
    if out.exists() and not out.is_dir():
        raise BadInput(f"多个单位的填报表须输出到文件夹或 .zip 文件，而 {out} 是文件")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for number, form in enumerate(forms, 1):
        path = out / form_file_name(form)
        write_form(form, path)
        written.append(path)
        step(number, len(forms))
    return written
