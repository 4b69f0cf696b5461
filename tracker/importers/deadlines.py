"""完成时限 as printed in task lists: “2023年12月底”, “2023年底前”, “长期坚持”, “每季度”."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ONGOING = re.compile(r"长期|持续|常态|久久为功|逐年推进|动态")
RECURRING_WORDS = re.compile(r"每年|年度|每季|每半年|每月|每周|每旬|按季|按月|按年|逐月|逐季")
# “2021年3-7月” is a span of months, not 7 March: a day is never followed by 月
YEAR_MONTH_DAY = re.compile(r"(20\d\d)\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})(?!\d)(?!\s*月)\s*日?")
YEAR_MONTH = re.compile(r"(20\d\d)\s*[年.\-/]\s*(\d{1,2})\s*月?(?!\d)")
MONTH_ONLY = re.compile(r"(?<![\d年])(\d{1,2})\s*月")
MONTH_DAY = re.compile(r"(?<![\d年.\-/])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
QUARTER = re.compile(r"(?:(20\d\d)\s*年)?\s*(?:第)?([一二三四1-4])\s*季度")
HALF = re.compile(r"(?:(20\d\d)\s*年)?\s*(上|下)半年")
YEAR_ONLY = re.compile(r"(20\d\d)\s*年?")
NEXT_YEAR = re.compile(r"(?:次年|明年|下一年|翌年)\s*(\d{1,2})\s*月")
THIS_YEAR = re.compile(r"(?<![\d年])(年底|年末|年内|全年|本年度|当年)")


@dataclass(frozen=True)
class Deadline:
    deadline: date | None
    text: str | None  # the words as printed
    recurring: bool  # 每年 / 每季度 …: due again each period
    ongoing: bool  # 长期坚持: no end date
    understood: bool  # False when words were printed but no date could be read


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# (“8月初” is early August; “8月初步完成” is not: 初 closes the words or a deadline's 前)
_CLOSES = r"(?=$|前|之前|以前|完成|[，,。；;）)、\s])"
TEN_DAYS = re.compile(rf"^\s*(?:(上|中)旬|(初){_CLOSES})")
# “2024年年初”, “2024年初”: the first month; “2024年年中”: the half year's end
YEAR_PART = re.compile(rf"^\s*年?(初|中){_CLOSES}")


def _by(text: str, end: int, year: int, month: int) -> date:
    """The month's end, or its 10th / 20th when “上旬” (or “初”) / “中旬” follows the month."""
    part = TEN_DAYS.match(text[end:])
    if part:
        return date(year, month, 20 if part.group(1) == "中" else 10)
    return _month_end(year, month)


def _in_year(text: str, end: int, year: int) -> date:
    """A year alone means its end, unless “年初” (January) or “年中” (June) follows it."""
    part = YEAR_PART.match(text[end:])
    if part:
        return _month_end(year, 1 if part.group(1) == "初" else 6)
    return date(year, 12, 31)


def _candidates(text: str, default_year: int | None) -> list[date]:
    """Every date the words name, in order; a month without a year takes the last year seen."""
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    def add(span: tuple[int, int], day: date) -> None:
        taken.append(span)
        found.append((span[0], day))

    for match in YEAR_MONTH_DAY.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            add(match.span(), date(year, month, day))
    for match in QUARTER.finditer(text):
        if free(match.span()):
            year = int(match.group(1)) if match.group(1) else (default_year or 0)
            if year:
                add(match.span(), _month_end(year, CN_DIGITS[match.group(2)] * 3))
    for match in HALF.finditer(text):
        if free(match.span()):
            year = int(match.group(1)) if match.group(1) else (default_year or 0)
            if year:
                add(match.span(), _month_end(year, 6 if match.group(2) == "上" else 12))
    for match in YEAR_MONTH.finditer(text):
        if free(match.span()) and 1 <= int(match.group(2)) <= 12:
            add(match.span(), _by(text, match.end(), int(match.group(1)), int(match.group(2))))
    for match in YEAR_ONLY.finditer(text):
        if free(match.span()):
            add(match.span(), _in_year(text, match.end(), int(match.group(1))))
    # “次年3月”: a month of the year after the plan's
    for match in NEXT_YEAR.finditer(text):
        if free(match.span()) and default_year and 1 <= int(match.group(1)) <= 12:
            add(match.span(), _by(text, match.end(), default_year + 1, int(match.group(1))))
    # 年底前 / 年内 / 全年 / 年度 without a year: the end of the plan's year
    for match in THIS_YEAR.finditer(text):
        if free(match.span()) and default_year:
            add(match.span(), date(default_year, 12, 31))
    # months printed without a year (“6月底前完成方案，12月底前验收”) follow the last year seen;
    # a day printed with the month (“12月20日前”) is that day, not the month's end
    years = sorted(found)
    for match in MONTH_DAY.finditer(text):
        month, day = int(match.group(1)), int(match.group(2))
        before = [d.year for pos, d in years if pos < match.start()]
        month_year = before[-1] if before else default_year
        if (
            free(match.span())
            and month_year
            and 1 <= month <= 12
            and 1 <= day <= calendar.monthrange(month_year, month)[1]
        ):
            add(match.span(), date(month_year, month, day))
    for match in MONTH_ONLY.finditer(text):
        if not free(match.span()) or not 1 <= int(match.group(1)) <= 12:
            continue
        before = [d.year for pos, d in years if pos < match.start()]
        month_year = before[-1] if before else default_year
        if month_year:
            add(match.span(), _by(text, match.end(), month_year, int(match.group(1))))
    return [day for _, day in sorted(found, key=lambda item: item[0])]


# short forms a 督办单 may print: “27年6月” (the century left out), “6/30” (month/day), “Q3”
SHORT_FORMS = re.compile(
    r"(?<![\d年])(?P<yy>\d{2})\s*年\s*(?P<m>\d{1,2})\s*月"
    r"|(?<![\d/.\-])(?P<mm>\d{1,2})\s*/\s*(?P<dd>\d{1,2})(?![\d/])"
    r"|(?<![A-Za-z])[Qq](?P<q>[1-4])(?![\d])"
)


# “4月20日至26日”: a span inside one month ends on its last day, in that month
SAME_MONTH_SPAN = re.compile(
    r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?\s*(?P<sep>至|到|—|–|-|~|～)\s*(?P<e>\d{1,2})\s*[日号]"
)

CELL_YEAR_MONTH = re.compile(r"^\s*(?P<y>20\d\d)\s*[、，,]\s*(?P<m>1[0-2]|0?[1-9])\s*$")
DASH_AFTER_DAY = re.compile(r"(?<=[日号])\s*[-–~～]\s*(?=\d{1,2}\s*月)")


def _long_form(match: re.Match[str]) -> str:
    if match.group("yy"):
        return f"20{match.group('yy')}年{match.group('m')}月"
    if match.group("mm"):
        return f"{match.group('mm')}月{match.group('dd')}日"
    return f"第{match.group('q')}季度"


def parse_deadline(value: object, default_year: int | None = None) -> Deadline:
    """The deadline a 完成时限 cell means: the last date it names (the task ends there)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return Deadline(None, None, False, False, True)
    if isinstance(value, datetime):
        day = value.date()
        return Deadline(day, f"{day.year}年{day.month}月{day.day}日", False, False, True)
    if isinstance(value, date):
        return Deadline(value, f"{value.year}年{value.month}月{value.day}日", False, False, True)
    text = " ".join(str(value).split())
    if isinstance(value, (int, float)) and 2000 <= value <= 2100 and float(value).is_integer():
        text = f"{int(value)}年"
    ongoing = bool(ONGOING.search(text))
    recurring = bool(RECURRING_WORDS.search(text))
    # “2027年起长期推进”, “2021年3月开始”: the year or month it starts from is no end date; “27年6月”, “6/30”, “Q3”: short forms
    text_for_dates = re.sub(r"(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?(?:份)?(?:起|开始)", "", text)
    text_for_dates = SHORT_FORMS.sub(_long_form, text_for_dates)
    # “2015、10” alone in a cell: a year and a month typed with a list mark between them
    text_for_dates = CELL_YEAR_MONTH.sub(r"\g<y>年\g<m>月", text_for_dates)
    text_for_dates = SAME_MONTH_SPAN.sub(r"\g<m>月\g<d>日至\g<m>月\g<e>日", text_for_dates)
    text_for_dates = DASH_AFTER_DAY.sub("至", text_for_dates)  # “4月20日-5月6日”: the dash is 至
    days = _candidates(text_for_dates, default_year)
    if days:
        return Deadline(max(days), text, recurring, ongoing, True)
    if ongoing:
        return Deadline(None, text, recurring, True, True)
    if recurring:
        end = date(default_year, 12, 31) if default_year else None
        return Deadline(end, text, True, False, True)
    return Deadline(None, text, False, False, False)
