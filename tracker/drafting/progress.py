"""A 完成情况 report drafted as a plan keeps what it reports, in the period it reports on.

Quarterly and half-year reports (“2026年第三季度重点工作任务完成情况表”) print, beside each task,
where it stands (完成情况), what holds it up (存在问题) and what comes next (下一步打算). Read
as a plan, those columns are the officer's first update of each task: recorded for the period
the report covers — never for the day it is imported — or, when the title names no period,
left out with a note.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from tracker.importers.deadlines import CN_DIGITS
from tracker.planfile import model as pf

# a progress report's columns, by the last words of their header
PROGRESS_HEADER = re.compile(
    r"(?:完成|进展|推进|进度|执行|落实|办理|工作)(?:情况|进展)$|目前进展$|进展$|(?:进展|情况)描述$"
)
# “是否完成 | 已完成/否”: a column that says only whether the task is done
DONE_HEADER = re.compile(r"^是否(?:已)?(?:完成|办结)$")
PERCENT_HEADER = re.compile(r"(?:完成)?进度(?:（%）|\(%\)|%)$|完成(?:率|比例)(?:（%）|\(%\)|%)?$")
PROBLEMS_HEADER = re.compile(r"存在(?:的)?(?:主要)?问题$|问题(?:及困难)?$|困难和问题$")
NEXT_HEADER = re.compile(r"下一?步(?:工作)?(?:打算|计划|措施|举措|安排)$")

# “第三季度”, “三季度”, “前三季度”, “1-9月”, “上半年”, “1—6月”, “5月份”, “全年”/“年度”
QUARTER_WORDS = re.compile(r"(?:第|前)?([一二三四1-4])季度")
MONTH_RANGE = re.compile(r"1\s*[-—–~至到]\s*(\d{1,2})\s*月")
HALF_WORDS = re.compile(r"([上下])半年")
ONE_MONTH = re.compile(r"(?<![\d\-—–~至到])(\d{1,2})\s*月份?(?!底|末|中旬|上旬|下旬)")
YEAR_WORDS = re.compile(r"全年|年度|年终")
NOTHING = re.compile(r"\s*(?:无|暂无|没有|/|／|—+|-+)?\s*[。.]?\s*")  # “无”: nothing to say
# the task as a whole finished: “已完成。”, “已完成，……”, “全面完成”, “已办结”, “提前完成”, “已完成全年目标任务”
# (not “已完成装修，……”, nor “已完成年度目标的80%”)
DONE_WORDS = re.compile(
    r"^(?:已完成|已办结|已全部完成|已完成任务)(?:[。.！!，,；;]|$)|全面完成|已全部完成|已办结|提前完成|"
    r"(?:已|全面)完成(?:全年|年度)(?:目标任务|目标|任务)(?![的\d])"
)


def report_period(title: str, year: int | None) -> str | None:
    """The period a report's title says it covers (“2026年第三季度……完成情况” → 2026Q3), or None.

    Rule: a quarter (or months 1 to 3/6/9/12) is that quarter, a half-year that half, a single
    month that month, 全年/年度 the year; a title naming none of them gives no period.
    """
    found = re.search(r"((?:19|20)\d\d)\s*年", title)
    year = int(found.group(1)) if found else year
    if year is None:
        return None
    if quarter := QUARTER_WORDS.search(title):
        return f"{year}Q{CN_DIGITS[quarter.group(1)]}"
    if (months := MONTH_RANGE.search(title)) and int(months.group(1)) in (3, 6, 9, 12):
        return f"{year}Q{int(months.group(1)) // 3}"
    if half := HALF_WORDS.search(title):
        return f"{year}H{1 if half.group(1) == '上' else 2}"
    if (month := ONE_MONTH.search(title)) and 1 <= int(month.group(1)) <= 12:
        return f"{year}-{int(month.group(1)):02d}"
    if YEAR_WORDS.search(title):
        return str(year)
    return None


def status_of(progress: str, percent: int | None = None) -> pf.Status:
    """Rule: a report marks its task done when its 完成进度 is 100%, or, with no 完成进度, when its words
    say the task as a whole is finished (opening with 已完成 followed by a stop, 全面完成, 已办结, 提前完成,
    已完成全年目标任务);
    any other report marks it 推进中."""
    if percent is not None:
        return "done" if percent >= 100 else "in_progress"
    return "done" if DONE_WORDS.search(progress.strip()) else "in_progress"


def update_from(
    period: str,
    progress: str,
    problems: str,
    next_steps: str,
    reported: date | None,
    source: str,
    percent: int | None = None,
) -> pf.Update:
    """The update a report's row gives its task, recorded on the report's date (or the period's end)."""
    from tracker.periods import parse_period

    day = reported or parse_period(period).end
    return pf.Update(
        period=period,
        status=status_of(progress, percent),
        progress=progress,
        percent=percent,
        problems=None if NOTHING.fullmatch(problems) else problems,
        next_steps=None if NOTHING.fullmatch(next_steps) else next_steps,
        recorded_at=datetime(day.year, day.month, day.day, 17, 0),
        source=source,
    )
