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

Rules of the printed notice:
* Items are listed red before yellow before blue (by 催办 level, then by light, then in the
  document's order), so the most urgent item is read first.
* Every page — a continuation page too — names its unit, its copy (存根/送达联), its number
  and “第N页 共M页” of that notice, in a line below the text block.
* The issuing office (发文单位) never sends a notice to itself: a unit whose name or alias is
  the office is left out. Without an office the notice is refused, never signed “（发文单位）”.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
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
from tracker.reports.bulletin import Grid
from tracker.reports.fonts import HEI, SONG
from tracker.reports.layout import BLOCK_H, BLOCK_W, FOOTER_GAP, LEFT, PAGE_H, TOP, styles
from tracker.reports.pdf_bulletin import fit_widths
from tracker.reports.textblock import TextBlock
from tracker.rules.escalation import Level
from tracker.services.notices import notice_number
from tracker.services.units import units_named
from tracker.views.table import TaskRow

REPLY_DAYS = 7  # default reply deadline: this many days after the notice date
NO_OFFICE = (
    "未设置发文单位：催办单须写明发文单位（落款），请在“生成报告”对话框的“发文单位”中填写，"
    "或用 --office 指定（台账设置 office_name）"
)
FOOT_SIZE = 10.5  # 五号: the line under each page naming unit, copy and page
COPIES = ("存根", "送达联")
SHRINK_LIMIT = 1.6  # a notice up to this many pages tall is shrunk onto one page


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
    office: str = "",
) -> list[Reminder]:
    """The lead units that owe something in `period` (within `scope`), worst first.

    The issuing `office` (by a unit's name or alias) gets none: it does not remind itself."""
    facts = facts or read_facts(session, period, scope, rules)
    itself = units_named(session, office) if office.strip() else set()
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
            if unit_id in itself:
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
        # red before yellow before blue: by level, then by light; stable, so document order within
        items = sorted(owed[unit_id], key=lambda item: (-item.level, -item.light))
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
    office = options.office.strip()
    cell = st["cell"]
    cell_c = st["cell_c"]
    label = st["head"]
    light_cells = []
    grid = Grid(
        "",
        ("序号", "任务（事项）", "承担", "完成时限", "亮灯", "督查情况"),
        tuple(
            (
                str(i),
                f"{item.plan}第{item.code}项：{item.title}" if item.code else item.title,
                item.role,
                item.deadline,
                item.light.label,
                "。".join(filter(None, (item.status, item.situation))),
            )
            for i, item in enumerate(reminder.items, start=1)
        ),
        (0.07, 0.35, 0.08, 0.16, 0.09, 0.25),
        "CLCCCL",
    )
    rows: list[list[object]] = [[TextBlock(h, label, balance=True) for h in grid.header]]
    for i, (values, item) in enumerate(zip(grid.rows, reminder.items, strict=True), start=1):
        rows.append(
            [
                TextBlock(v, cell_c if grid.align[c] == "C" else cell, balance=grid.align[c] == "C")
                for c, v in enumerate(values)
            ]
        )
        light_cells.append(("BACKGROUND", (4, i), (4, i), colors.HexColor(item.light.colour)))
    w = BLOCK_W
    # widths fitted to the content as the 通报's tables are (no “序/号”, no “未报/送”)
    widths = fit_widths(grid, w, cell.fontName, cell.fontSize, (label.fontName, label.fontSize), padding=12)
    items = Table(rows, colWidths=widths, repeatRows=1)
    items.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *light_cells,
            ]
        )
    )
    field_style = st["plain"].clone("field", fontSize=14, leading=22)
    field_head = st["plain"].clone("fieldhead", fontName=HEI, fontSize=14, leading=22)
    fields = Table(
        [
            [TextBlock("被催办单位", field_head), TextBlock(reminder.unit, field_style)],
            [TextBlock("报告期", field_head), TextBlock(reminder.period.label, field_style)],
            [
                TextBlock("催办等级", field_head),
                TextBlock(
                    f"{level.words}（{issued.reason if issued is not None and issued.reason else level.meaning}）",
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
        TextBlock(f"编号：{number}", st["plain"].clone("rnumber", fontSize=12, leading=18, alignment=2)),
        fields,
        Spacer(1, 8),
        TextBlock(f"{reminder.unit}：", st["plain"].clone("rsalute", fontSize=14, leading=24)),
        TextBlock(
            f"根据{reminder.period.label}督查情况，贵单位承担的下列{len(reminder.items)}项任务（事项）"
            f"需要督促办理（{summary}），现予{level.words}。",
            body,
        ),
        Spacer(1, 4),
        items,
        Spacer(1, 6),
        TextBlock("催办要求", st["h1"].clone("rh1", fontSize=14, leading=24, firstLineIndent=0)),
    ]
    story += [TextBlock(f"{i}. {line}", body) for i, line in enumerate(requirement(reminder, reply_by), 1)]
    sign = st["plain"].clone("rsign", fontSize=14, leading=24, alignment=2, rightIndent=28)
    story += [
        Spacer(1, 10),
        TextBlock(office, sign),
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


@dataclass
class _Pages:
    """Which notice copy each page belongs to, for the line under every page.

    `marks` are met in the order they are drawn; `totals` (pages per notice copy) come from
    a first typesetting pass when some notice runs over one page."""

    current: tuple[str, str, str] | None = None  # unit, copy, number
    first_page: int = 1
    totals: dict[int, int] = field(default_factory=dict)
    started: list[int] = field(default_factory=list)  # first page of each notice copy, in order


class _NoticeStart(Flowable):
    """Zero-size mark at the top of a notice copy: the pages from here on are this copy's."""

    def __init__(self, pages: _Pages, index: int, unit: str, copy: str, number: str) -> None:
        super().__init__()
        self.pages, self.index = pages, index
        self.notice = (unit, copy, number)
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages.current = self.notice
        self.pages.first_page = self.canv.getPageNumber()
        self.pages.started.append(self.pages.first_page)


def build_story(
    reminders: Sequence[Reminder],
    options: ReminderOptions,
    first_number: int = 1,
    pages: _Pages | None = None,
) -> list[Flowable]:
    pages = pages if pages is not None else _Pages()
    story: list[Flowable] = []
    index = 0
    for n, reminder in enumerate(reminders, start=first_number):
        issued = options.issued.get(reminder.unit)
        number = issued.number if issued is not None else notice_number(reminder.period, n)
        for copy in options.copies:
            if story:
                story.append(PageBreak())
            story.append(_NoticeStart(pages, index, reminder.unit, copy, number))
            story += _fit(_notice(reminder, options, copy, number))
            index += 1
    return story


def _foot(canvas: Canvas, pages: _Pages) -> None:
    """The line under the text block: unit, copy, number and 第N页 共M页 of this notice copy."""
    if pages.current is None:
        return
    unit, copy, number = pages.current
    index = len(pages.started) - 1
    page = canvas.getPageNumber() - pages.first_page + 1
    total = pages.totals.get(index)
    y = PAGE_H - TOP - BLOCK_H - FOOTER_GAP - FOOT_SIZE
    right = f"第{page}页 共{total or page}页"
    room = BLOCK_W - stringWidth(right, SONG, FOOT_SIZE) - 2 * FOOT_SIZE
    left = f"{unit}　催办单（{copy}）　编号：{number}"
    if stringWidth(left, SONG, FOOT_SIZE) > room:
        left = f"{unit}　催办单（{copy}）"  # a long unit name: the number is on the notice itself
    size = FOOT_SIZE
    while stringWidth(left, SONG, size) > room and size > 6:
        size -= 0.5
    canvas.saveState()
    canvas.setFont(SONG, size)
    canvas.drawString(LEFT, y, left)
    canvas.setFont(SONG, FOOT_SIZE)
    canvas.drawRightString(LEFT + BLOCK_W, y, right)
    canvas.restoreState()


def _template(pages: _Pages) -> PageTemplate:
    bottom = PAGE_H - TOP - BLOCK_H
    frame = Frame(LEFT, bottom, BLOCK_W, BLOCK_H, 0, 0, 0, 0, id="reminder-frame")
    return PageTemplate(
        id="reminder", frames=[frame], pagesize=A4, onPageEnd=lambda canvas, _doc: _foot(canvas, pages)
    )


def _typeset(
    target: Path | BytesIO,
    reminders: Sequence[Reminder],
    options: ReminderOptions,
    first_number: int,
    pages: _Pages,
) -> int:
    """Typeset the notices into `target`; returns the number of pages."""
    period = reminders[0].period
    units = "、".join(r.unit for r in reminders[:3]) + ("等" if len(reminders) > 3 else "")
    story = build_story(reminders, options, first_number, pages)
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pageTemplates=[_template(pages)],
        title=f"督查催办单：{period.label}（{units}）",
        author=options.office,
        subject=f"{period.label}督查催办单",
        creator="督查台账",
        initialFontName=SONG,
    )
    doc.build(story)
    return int(doc.page)


def write_reminders(
    reminders: Sequence[Reminder], out: Path, options: ReminderOptions | None = None, first_number: int = 1
) -> None:
    """All the notices in one PDF (each in its copies), written atomically.

    Refused without an office (发文单位): a notice is never signed with a placeholder."""
    if not reminders:
        raise BadInput("没有需要催办的单位，未生成催办单")
    options = options or ReminderOptions()
    if not options.office.strip():
        raise BadInput(NO_OFFICE)
    copies = len(options.copies)
    totals = {i: 1 for i in range(len(reminders) * copies)}
    if _runs_over(reminders, options):
        # some notice runs over a page: count each copy's pages in a first pass
        first = _Pages()
        count = _typeset(BytesIO(), reminders, options, first_number, first)
        ends = [*first.started[1:], count + 1]
        totals = {i: end - start for i, (start, end) in enumerate(zip(first.started, ends, strict=True))}

    def write(tmp: Path) -> None:
        _typeset(tmp, reminders, options, first_number, _Pages(totals=totals))

    atomic_write(Path(out), write)


def _runs_over(reminders: Sequence[Reminder], options: ReminderOptions) -> bool:
    """Whether some notice is too long to be shrunk onto one page (its pages must be counted)."""
    for n, reminder in enumerate(reminders, start=1):
        story = _fit(_notice(reminder, options, options.copies[0], notice_number(reminder.period, n)))
        if len(story) != 1 or not isinstance(story[0], KeepInFrame):
            return True
    return False


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_name(index: int, reminder: Reminder, level: Level | None = None) -> str:
    """“01 黄色催办单 单位.pdf”, at the level the notice is issued (escalated or not)."""
    unit = _UNSAFE.sub("_", reminder.unit).strip(" .") or "单位"
    return f"{index:02d} {(level or reminder.level).words}单 {unit}.pdf"


def write_reminders_split(
    reminders: Sequence[Reminder], folder: Path, options: ReminderOptions | None = None
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
        issued = (options or ReminderOptions()).issued.get(reminder.unit)
        path = folder / file_name(n, reminder, issued.level if issued is not None else None)
        write_reminders([reminder], path, options, first_number=n)
        written.append(path)
    return written
