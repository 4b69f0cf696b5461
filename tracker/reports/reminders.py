"""催办单 (reminder notices): one page per unit that owes something in the period, in two copies.

Which items a unit owes (counted tasks of the facts model, unfinished, that the unit leads —
the lead answers for joint items, so a unit's 催办单 lists what its row in the 通报 counts):

* overdue   past the deadline unfinished (red “逾期未完成”, or 未报送 past it) → 红色催办
* behind    behind 序时进度 (red “滞后…” or yellow “进度偏慢…”)               → 黄色催办
* silent    nothing recorded in the period (报送状态 未报送)                  → 蓝色催办

Items with no lead or responsible unit reach no one; `unassigned_items` names them so the
officer can assign them (“N项未明确责任单位”).

A unit's level is its worst item's. Each notice names the unit, its items with deadline and
light, what it must do and the reply deadline (default: seven days after the notice date),
under a coloured band with the words 蓝色催办 / 黄色催办 / 红色催办. CONVENTIONS.md: a notice
is printed in two copies, one kept; here the 存根 and the 送达联 are two pages of the same
notice. Fonts and the GB/T 9704 frame are the bulletin's (`layout.py`, `fonts.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy.orm import Session

from tracker.errors import BadInput
from tracker.facts.period import PeriodFacts, Scope, read_facts
from tracker.fileio import atomic_write
from tracker.lights import UNREPORTED, Light, LightRules
from tracker.periods import Period
from tracker.reports.fonts import HEI, SONG
from tracker.reports.layout import BLOCK_H, BLOCK_W, LEFT, PAGE_H, TOP, styles, text
from tracker.reports.textblock import TextBlock
from tracker.rules.escalation import Level
from tracker.services.notices import notice_number
from tracker.views.table import TaskRow

REPLY_DAYS = 7  # default reply deadline: this many days after the notice date
COPIES = ("存根", "送达联")
SHRINK_LIMIT = 1.75  # a notice up to this many pages tall is shrunk onto one page


ROLE_WORDS = {"lead": "牵头", "responsible": "责任", "support": "配合"}


@dataclass(frozen=True)
class ReminderItem:
    task_id: int
    plan: str
    code: str
    title: str
    role: str  # 牵头 / 责任 / 配合
    deadline: str
    light: Light
    status: str  # label
    situation: str  # why it is owed, in words
    level: Level
    reported: bool


@dataclass(frozen=True)
class Reminder:
    unit: str
    period: Period
    items: tuple[ReminderItem, ...]

    @property
    def level(self) -> Level:
        return max(item.level for item in self.items)


@dataclass(frozen=True)
class IssuedAs:
    """How the notice to one unit is issued: its number, the escalated level and its round."""

    number: str
    level: Level
    round: int
    reason: str = ""


@dataclass(frozen=True)
class ReminderOptions:
    office: str = ""
    issued_on: date | None = None  # default: today
    reply_by: date | None = None  # default: REPLY_DAYS after the notice date
    copies: tuple[str, ...] = field(default=COPIES)
    # Round, level and number per unit as `tracker.services.notices.plan_notices` decided them.
    issued: dict[str, IssuedAs] = field(default_factory=dict)

    def notice_date(self) -> date:
        return self.issued_on or date.today()

    def reply_date(self) -> date:
        return self.reply_by or self.notice_date() + timedelta(days=REPLY_DAYS)


def _owed(row: TaskRow, period: Period) -> tuple[Level, str] | None:
    """What a counted, unfinished task owes as of `period` (level and why), or None."""
    if not row.counted or row.finished:
        return None
    light, reason = row.light, row.light_reason
    silent = row.report_status == UNREPORTED
    past = row.deadline is not None and not row.recurring and row.deadline < period.end
    overdue = row.overdue or (silent and past)
    behind = not overdue and (light is Light.RED or (light is Light.YELLOW and reason.startswith("进度偏慢")))
    if not (overdue or behind or silent):
        return None
    level = Level.RED if overdue else Level.YELLOW if behind else Level.BLUE
    parts = []
    if (overdue or behind) and not silent and reason != row.report_label:
        parts.append(reason)
    if silent:
        parts.append("已过完成时限，本期未报送进展" if past else "本期未报送进展")
    return level, "；".join(parts)


def collect_reminders(
    session: Session,
    period: Period,
    scope: Scope | None = None,
    rules: LightRules | None = None,
    facts: PeriodFacts | None = None,
) -> list[Reminder]:
    """The lead units that owe something in `period` (within `scope`), worst first."""
    facts = facts or read_facts(session, period, scope, rules)
    owed: dict[int, list[ReminderItem]] = {}
    order: list[int] = []
    for row in facts.rows:
        found = _owed(row, period)
        if found is None:
            continue
        level, situation = found
        for unit_id in sorted(row.lead_unit_ids, key=lambda i: facts.names.get(i, "")):
            if facts.unit_ids is not None and unit_id not in facts.unit_ids:
                continue
            if unit_id not in owed:
                owed[unit_id] = []
                order.append(unit_id)
            owed[unit_id].append(
                ReminderItem(
                    task_id=row.id,
                    plan=row.plan_label,
                    code=row.code,
                    title=row.title,
                    role="牵头",
                    deadline=row.deadline_text_words or "未明确",
                    light=row.light,
                    status=f"报送状态：{row.report_label}",
                    situation=situation,
                    level=level,
                    reported=row.reported,
                )
            )
    ranked = []
    for rank, unit_id in enumerate(order):
        items = sorted(owed[unit_id], key=lambda item: -item.level)  # stable: document order within a level
        reminder = Reminder(facts.names.get(unit_id, "?"), period, tuple(items))
        ranked.append((-reminder.level, -len(items), rank, reminder))
    ranked.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in ranked]


def unassigned_items(facts: PeriodFacts) -> list[TaskRow]:
    """Tasks that owe something but name no lead or responsible unit: no 催办单 can reach them."""
    return [row for row in facts.unassigned if _owed(row, facts.period) is not None]


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def requirement(reminder: Reminder, reply_by: date) -> list[str]:
    """What the unit must do, by level (paragraphs)."""
    deadline = chinese_date(reply_by)
    levels = {item.level for item in reminder.items}
    lines: list[str] = []
    if Level.RED in levels:
        lines.append(
            f"逾期未完成的事项，请于{deadline}前书面说明逾期原因、目前进展、整改措施和确定的完成时限，"
            "经单位主要负责同志审核后报送。"
        )
    if Level.YELLOW in levels:
        lines.append(
            f"进度滞后于序时进度的事项，请认真分析原因，制定赶进度措施，倒排工期，"
            f"于{deadline}前报送推进情况，确保按期完成。"
        )
    if Level.BLUE in levels:
        lines.append(f"本期未报送进展的事项，请于{deadline}前补报本期进展情况及佐证材料。")
    lines.append(
        "请按“一事一报”报送；联合承办的事项由牵头单位汇总配合单位情况后答复；"
        "确实无法按期完成的，应说明目前进展和原因。"
    )
    return lines


class Band(Flowable):
    """The coloured band across the text block: level words on the left, the copy on the right."""

    def __init__(self, level: Level, copy: str, height: float = 42) -> None:
        super().__init__()
        self.level, self.copy, self.height = level, copy, height
        self.width = BLOCK_W

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(self.level.colour))
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(self.level.ink))
        canvas.setFont(HEI, 24)
        canvas.drawString(12, self.height / 2 - 8.5, self.level.words)
        canvas.setFont(HEI, 16)
        canvas.drawRightString(self.width - 12, self.height / 2 - 6, f"（{self.copy}）")
        canvas.restoreState()


def _notice(reminder: Reminder, options: ReminderOptions, copy: str, number: str) -> list[Flowable]:
    st = styles()
    issued = options.issued.get(reminder.unit)
    level = issued.level if issued is not None else reminder.level
    title = (
        f"督查催办单（第{issued.round}次催办）" if issued is not None and issued.round > 1 else "督查催办单"
    )
    reply_by = options.reply_date()
    office = options.office or "（发文单位）"
    cell = st["cell"]
    cell_c = st["cell_c"]
    label = st["head"]
    light_cells = []
    rows: list[list[object]] = [
        [TextBlock(h, label) for h in ("序号", "任务（事项）", "承担", "完成时限", "亮灯", "督查情况")]
    ]
    for i, item in enumerate(reminder.items, start=1):
        rows.append(
            [
                TextBlock(str(i), cell_c),
                TextBlock(
                    text(f"{item.plan}第{item.code}项：{item.title}" if item.code else item.title), cell
                ),
                TextBlock(item.role, cell_c),
                TextBlock(text(item.deadline), cell_c),
                TextBlock(item.light.label, cell_c),
                TextBlock(text("。".join(filter(None, (item.status, item.situation)))), cell),
            ]
        )
        light_cells.append(("BACKGROUND", (4, i), (4, i), colors.HexColor(item.light.colour)))
    w = BLOCK_W
    items = Table(rows, colWidths=[w * 0.08, w * 0.34, w * 0.08, w * 0.16, w * 0.09, w * 0.25], repeatRows=1)
    items.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *light_cells,
            ]
        )
    )
    field_style = st["plain"].clone("field", fontSize=14, leading=22)
    field_head = st["plain"].clone("fieldhead", fontName=HEI, fontSize=14, leading=22)
    fields = Table(
        [
            [TextBlock("被催办单位", field_head), TextBlock(text(reminder.unit), field_style)],
            [TextBlock("报告期", field_head), TextBlock(reminder.period.label, field_style)],
            [
                TextBlock("催办等级", field_head),
                TextBlock(
                    text(
                        f"{level.words}（{issued.reason if issued is not None and issued.reason else level.meaning}）"
                    ),
                    field_style,
                ),
            ],
            [TextBlock("回复期限", field_head), TextBlock(f"{chinese_date(reply_by)}前", field_style)],
        ],
        colWidths=[w * 0.22, w * 0.78],
        style=[
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
    )
    counts = {lv: sum(1 for item in reminder.items if item.level is lv) for lv in Level}
    summary = "，".join(
        f"{lv.meaning}{counts[lv]}项" for lv in (Level.RED, Level.YELLOW, Level.BLUE) if counts[lv]
    )
    body = st["body"].clone("rbody", fontSize=14, leading=24, firstLineIndent=28)
    story: list[Flowable] = [
        Band(level, copy),
        Spacer(1, 8),
        TextBlock(title, st["title"].clone("rtitle", spaceBefore=4, spaceAfter=4)),
        TextBlock(
            f"编号：{text(number)}", st["plain"].clone("rnumber", fontSize=12, leading=18, alignment=2)
        ),
        fields,
        Spacer(1, 8),
        TextBlock(text(f"{reminder.unit}："), st["plain"].clone("rsalute", fontSize=14, leading=24)),
        TextBlock(
            text(
                f"根据{reminder.period.label}督查情况，贵单位承担的下列{len(reminder.items)}项任务（事项）"
                f"需要督促办理（{summary}），现予{level.words}。"
            ),
            body,
        ),
        Spacer(1, 4),
        items,
        Spacer(1, 6),
        TextBlock("催办要求", st["h1"].clone("rh1", fontSize=14, leading=24, firstLineIndent=0)),
    ]
    story += [
        TextBlock(text(f"{i}. {line}"), body) for i, line in enumerate(requirement(reminder, reply_by), 1)
    ]
    sign = st["plain"].clone("rsign", fontSize=14, leading=24, alignment=2, rightIndent=28)
    story += [
        Spacer(1, 10),
        TextBlock(text(office), sign),
        TextBlock(chinese_date(options.notice_date()), sign),
        Spacer(1, 14),
        TextBlock(
            "签收人：＿＿＿＿＿＿＿　　签收时间：＿＿＿＿年＿＿月＿＿日",
            st["plain"].clone("rreceipt", fontSize=12, leading=20),
        ),
    ]
    return story


def _fit(story: list[Flowable]) -> list[Flowable]:
    """One page: shrink a notice that is a little too tall; a very long one flows on."""
    height = 0.0
    for flowable in story:
        _w, h = flowable.wrap(BLOCK_W, BLOCK_H)
        height += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    if height <= BLOCK_H * SHRINK_LIMIT:
        return [KeepInFrame(BLOCK_W, BLOCK_H, story, mode="shrink")]
    return story


def without_office(reminders: Sequence[Reminder], office: str) -> list[Reminder]:
    """The issuing office sends no 催办单 to itself."""
    mine = office.strip()
    return [r for r in reminders if not mine or r.unit != mine]


class _NoticeStart(Flowable):
    """Marks where a notice (one copy) begins, so every page of it can name it."""

    def __init__(self, unit: str, copy: str, number: str) -> None:
        super().__init__()
        self.unit, self.copy, self.number = unit, copy, number

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        doc_state = self.canv
        doc_state._tracker_notice = (self.unit, self.copy, self.number, doc_state.getPageNumber())


def build_story(
    reminders: Sequence[Reminder],
    options: ReminderOptions,
    first_number: int = 1,
) -> list[Flowable]:
    story: list[Flowable] = []
    for n, reminder in enumerate(reminders, start=first_number):
        issued = options.issued.get(reminder.unit)
        number = issued.number if issued is not None else notice_number(reminder.period, n)
        for copy in options.copies:
            if story:
                story.append(PageBreak())
            story.append(_NoticeStart(reminder.unit, copy, number))
            story += _fit(_notice(reminder, options, copy, number))
    return story


def _running_head(canvas: Canvas, _doc: object) -> None:
    """Every page names its unit, copy and page within the notice, above the text block."""
    notice = getattr(canvas, "_tracker_notice", None)
    if notice is None:
        return
    unit, copy, number, first = notice
    words = f"{unit}　{copy}　编号{number}　第{canvas.getPageNumber() - first + 1}页"
    canvas.saveState()
    canvas.setFont(SONG, 10.5)
    canvas.setFillColor(colors.HexColor("#404040"))
    canvas.drawRightString(LEFT + BLOCK_W, PAGE_H - TOP + 8, words)
    canvas.restoreState()


def _template() -> PageTemplate:
    bottom = PAGE_H - TOP - BLOCK_H
    frame = Frame(LEFT, bottom, BLOCK_W, BLOCK_H, 0, 0, 0, 0, id="reminder-frame")
    return PageTemplate(id="reminder", frames=[frame], pagesize=A4, onPageEnd=_running_head)


def write_reminders(
    reminders: Sequence[Reminder],
    out: Path,
    options: ReminderOptions | None = None,
    first_number: int = 1,
) -> None:
    """All the notices in one PDF (each in its copies), written atomically."""
    if not reminders:
        raise BadInput("没有需要催办的单位，未生成催办单")
    options = options or ReminderOptions()
    story = build_story(reminders, options, first_number)
    period = reminders[0].period
    units = "、".join(r.unit for r in reminders[:3]) + ("等" if len(reminders) > 3 else "")

    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp),
            pageTemplates=[_template()],
            title=f"督查催办单：{period.label}（{units}）",
            author=options.office or "督查台账",
            subject=f"{period.label}督查催办单",
            creator="督查台账",
            initialFontName=SONG,
        )
        doc.build(story)

    atomic_write(Path(out), write)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(index: int, reminder: Reminder) -> str:
    unit = _UNSAFE.sub("_", reminder.unit).strip(" .") or "单位"
    return f"{index:02d} {reminder.level.words}单 {unit}.pdf"


def write_reminders_split(
    reminders: Sequence[Reminder],
    folder: Path,
    options: ReminderOptions | None = None,
) -> list[Path]:
    """One PDF per unit in `folder` (created if its parent exists); returns the files."""
    if not reminders:
        raise BadInput("没有需要催办的单位，未生成催办单")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise BadInput(f"{folder} 是文件，--split 需要一个文件夹 (not a folder)")
    if not folder.exists():
        if not folder.parent.exists():
            raise BadInput(f"输出文件夹 {folder.parent} 不存在 (folder does not exist)")
        folder.mkdir()
    written = []
    for n, reminder in enumerate(reminders, start=1):
        path = folder / file_name(n, reminder)
        write_reminders([reminder], path, options, first_number=n)
        written.append(path)
    return written
