"""退回单: the rows of a unit's returned form that 审核 sent back, with the reason for each.

The unit gets a one-page PDF naming each row and what to correct, and a fresh form holding
just those rows (their reported text kept, so only the missing parts need writing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Flowable, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.fileio import atomic_write
from tracker.forms.export import UnitForm, build_form, safe_file_name, write_form
from tracker.periods import Period
from tracker.reports.bulletin import Grid, code_title
from tracker.reports.fonts import SONG
from tracker.reports.layout import BLOCK_W, portrait_template, styles
from tracker.reports.pdf_bulletin import fit_widths
from tracker.reports.textblock import TextBlock

RESUBMIT_DAYS = 5  # default: the corrected rows are due five days after the 退回单


@dataclass(frozen=True)
class ReturnedRow:
    task_id: int
    code: str
    title: str
    reason: str


@dataclass(frozen=True)
class ReturnNotice:
    unit: str
    period: Period
    received_on: date
    issued_on: date
    resubmit_by: date
    office: str
    rows: tuple[ReturnedRow, ...]


def build_return_notice(
    session: Session,
    unit: str,
    period: Period,
    returned: Mapping[int, str],
    *,
    received_on: date,
    office: str,
    issued_on: date | None = None,
    resubmit_by: date | None = None,
) -> ReturnNotice:
    if not returned:
        raise BadInput("没有退回的行，不需要退回单")
    issued = issued_on or date.today()
    rows = []
    for task_id, reason in returned.items():
        task = session.get(m.Task, task_id)
        if task is None:
            raise BadInput(f"任务（编号 {task_id}）不存在")
        rows.append(ReturnedRow(task_id, task.code, task.title, reason))
    return ReturnNotice(
        unit,
        period,
        received_on,
        issued,
        resubmit_by or issued + timedelta(days=RESUBMIT_DAYS),
        office,
        tuple(rows),
    )


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _story(notice: ReturnNotice) -> list[Flowable]:
    """The notice's flowables: every line set by the 禁则 component (`TextBlock`), the table's
    columns fitted to their content as the 通报's are."""
    st = styles()
    body = st["body"].clone("return-body", fontSize=14, leading=24, firstLineIndent=28)
    grid = Grid(
        "",
        ("序号", "任务（事项）", "退回原因及修改要求"),
        tuple(
            (str(i), code_title(row.code, row.title), row.reason)
            for i, row in enumerate(notice.rows, start=1)
        ),
        (0.08, 0.46, 0.46),
        "CLL",
    )
    rows: list[list[object]] = [[TextBlock(h, st["head"], balance=True) for h in grid.header]]
    for values in grid.rows:
        rows.append(
            [
                TextBlock(values[0], st["cell_c"], balance=True),
                TextBlock(values[1], st["cell"]),
                TextBlock(values[2], st["cell"]),
            ]
        )
    cell, head = st["cell"], st["head"]
    widths = fit_widths(
        grid, BLOCK_W, cell.fontName, cell.fontSize, (head.fontName, head.fontSize), padding=12
    )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    sign = st["plain"].clone("return-sign", fontSize=14, leading=24, alignment=2, rightIndent=28)
    return [
        TextBlock("填报退回单", st["title"]),
        TextBlock(f"{notice.unit}：", st["plain"].clone("return-salute", fontSize=14, leading=24)),
        TextBlock(
            f"贵单位{_chinese_date(notice.received_on)}报送的{notice.period.label}进展填报表中，"
            f"下列{len(notice.rows)}项经审核需修改后重新报送，暂不计入本期已报送：",
            body,
        ),
        Spacer(1, 4),
        table,
        Spacer(1, 6),
        TextBlock(
            f"请按要求修改附带的重报表（只含上述事项），于{_chinese_date(notice.resubmit_by)}前重新报送。"
            "报告滞后或亮红灯的事项，须写明存在问题和下步措施。",
            body,
        ),
        Spacer(1, 12),
        TextBlock(notice.office, sign),
        TextBlock(_chinese_date(notice.issued_on), sign),
    ]


def write_return_notice(notice: ReturnNotice, out: Path) -> None:
    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp),
            pageTemplates=[portrait_template("return")],
            pagesize=A4,
            title=f"填报退回单：{notice.unit}（{notice.period.label}）",
            author=notice.office,
            creator="督查台账",
            initialFontName=SONG,
        )
        doc.build(_story(notice))

    atomic_write(Path(out), write)


def return_form(session: Session, notice: ReturnNotice) -> UnitForm:
    """The fresh form of just the returned rows, pre-filled with what the unit sent.

    Built inside the import's transaction, after the returned rows are recorded, and
    written only once that transaction has committed.
    """
    return build_form(
        session, notice.unit, notice.period, returned={r.task_id: r.reason for r in notice.rows}
    )


def write_return_package(notice: ReturnNotice, form: UnitForm, folder: Path) -> tuple[Path, Path]:
    """The 退回单 PDF and the fresh form side by side in `folder`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput(f"文件夹 {folder} 不存在")
    stem = safe_file_name(f"{notice.unit} {notice.period.label} 退回")
    pdf = folder / f"{stem}单.pdf"
    xlsx = folder / f"{stem}重报表.xlsx"
    write_return_notice(notice, pdf)
    write_form(form, xlsx)
    return pdf, xlsx
