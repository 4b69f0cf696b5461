"""Reporting periods (报告期): 2023, 2023H1, 2023Q2, 2023-05 — parsed, labelled, compared.

The codes are how the ledger stores a period; the officer reads and may type the words
(2023年第二季度, 2023年上半年, 2023年5月, 2023年). `words` is the one way the program writes
a period or a date for a person; `parse_period` takes the codes and the words alike.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from tracker.errors import BadInput

# The years a reporting period may fall in: the one definition every input checks (plan
# files, forms, the command line, the window's year box). A period outside it is refused.
YEAR_MIN = 2000
YEAR_MAX = 2100

_PATTERN = re.compile(r"^(\d{4})(?:(H)([12])|(Q)([1-4])|-(0[1-9]|1[0-2]))?$")
_CN_NUMBERS = "一二三四"
_WORDS = re.compile(
    r"^(\d{4})\s*年\s*(?:度|全年)?"
    r"(?:(上|下)半年|第?([一二三四1-4])季度?|(\d{1,2})\s*月(?:份)?)?$"
)
KIND_LABELS = {"year": "年度", "half": "半年", "quarter": "季度", "month": "月度"}


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; `start` and `end` are its first and last day."""

    start: date
    end: date
    code: str

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def kind(self) -> str:
        if "H" in self.code:
            return "half"
        if "Q" in self.code:
            return "quarter"
        return "month" if "-" in self.code else "year"

    @property
    def label(self) -> str:
        """How Chinese offices write it: 2023年第二季度, 2023年上半年, 2023年5月, 2023年度."""
        kind = self.kind
        if kind == "year":
            return f"{self.year}年度"
        if kind == "half":
            return f"{self.year}年{'上' if self.code.endswith('1') else '下'}半年"
        if kind == "quarter":
            return f"{self.year}年第{_CN_NUMBERS[int(self.code[-1]) - 1]}季度"
        return f"{self.year}年{self.start.month}月"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def covers(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def previous(self) -> Period:
        return self.shift(-1)

    def next(self) -> Period:
        return self.shift(1)

    def shift(self, steps: int) -> Period:
        kind = self.kind
        if kind == "year":
            return _build(str(self.year + steps))
        size = {"half": 6, "quarter": 3, "month": 1}[kind]
        index = (self.year * 12 + self.start.month - 1) // size + steps
        year, first_month = divmod(index * size, 12)
        return _of_kind(kind, year, first_month // size + 1)

    def elapsed_share_of_year(self) -> float:
        """序时进度 at this period's end: 25% after Q1, 50% after H1, 91.7% after November."""
        return self.end.month / 12


def _of_kind(kind: str, year: int, number: int) -> Period:
    code = {"year": f"{year}", "half": f"{year}H{number}", "quarter": f"{year}Q{number}"}.get(
        kind, f"{year}-{number:02d}"
    )
    return _build(code)


def _code_of_words(text: str) -> str | None:
    """2023年第二季度 → 2023Q2, 2023年上半年 → 2023H1, 2023年5月 → 2023-05, 2023年(度) → 2023."""
    match = _WORDS.match(text.replace("　", " ").strip())
    if not match:
        return None
    year, half, quarter, month = match.groups()
    if half:
        return f"{year}H{1 if half == '上' else 2}"
    if quarter:
        number = _CN_NUMBERS.index(quarter) + 1 if quarter in _CN_NUMBERS else int(quarter)
        return f"{year}Q{number}"
    if month:
        if not 1 <= int(month) <= 12:
            return None
        return f"{year}-{int(month):02d}"
    return year


def parse_period(text: str) -> Period:
    """`2023Q2` or `2023年第二季度` → Period(2023-04-01, 2023-06-30). Raises BadInput on anything else.

    Rule: a period's year lies within YEAR_MIN–YEAR_MAX (2000–2100), or it is refused.
    """
    code = _code_of_words(text) or text.strip().upper().replace("Ｑ", "Q")
    match = _PATTERN.match(code)
    if not match:
        raise BadInput(
            f"报告期“{text}”格式不对，应为 2023年第二季度、2023年上半年、2023年5月、2023年，"
            "或 2023Q2、2023H1、2023-05、2023"
        )
    year = int(match.group(1))
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise BadInput(
            f"报告期“{text.strip()}”的年份 {year} 超出本程序的范围（{YEAR_MIN}—{YEAR_MAX} 年）(period out of range)"
        )
    return _build(code)


def _build(code: str) -> Period:
    """A Period from a code already known to match; years 1–9999 (neighbours of the range)."""
    match = _PATTERN.match(code)
    if not match:
        raise BadInput(f"报告期“{code}”格式不对 (bad period)")
    year = int(match.group(1))
    if year < 1:
        raise BadInput(f"报告期“{code}”的年份 {year} 无效 (bad year)")
    if match.group(2):
        first, last = (1, 6) if match.group(3) == "1" else (7, 12)
    elif match.group(4):
        quarter = int(match.group(5))
        first, last = 3 * quarter - 2, 3 * quarter
    elif match.group(6):
        first = last = int(match.group(6))
    else:
        first, last = 1, 12
    end = date(year, last, calendar.monthrange(year, last)[1])
    return Period(date(year, first, 1), end, code)


def readable_period(code: str) -> Period | None:
    """A stored period code as a Period, or None when the program cannot read it.

    Readers of the ledger use this: a record with an unreadable period is skipped (and
    `tracker check` names it) rather than stopping the window or an export.
    """
    try:
        return parse_period(code)
    except BadInput:
        return None


def period_containing(day: date, kind: str = "quarter") -> Period:
    """The period of the given kind that holds `day` (the default current period)."""
    if kind == "year":
        return parse_period(str(day.year))
    if kind == "half":
        return parse_period(f"{day.year}H{1 if day.month <= 6 else 2}")
    if kind == "month":
        return parse_period(f"{day.year}-{day.month:02d}")
    return parse_period(f"{day.year}Q{(day.month - 1) // 3 + 1}")


def words(value: Period | date | datetime | str | None) -> str:
    """The one way a period or a date is written for the officer, in every view and dialog.

    A period (or its code) → 2023年第二季度; a date → 2023年6月30日; a time → 2023年6月30日 14:05
    (give it in the time zone to show); None → ""; text that is neither is returned as is
    (a deadline as the document words it, “2022年目标”, stays so).
    """
    if value is None:
        return ""
    if isinstance(value, Period):
        return value.label
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日 {value.hour:02d}:{value.minute:02d}"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = value.strip()
    if _PATTERN.match(text.upper().replace("Ｑ", "Q")):  # a code, as parse_period reads one
        try:
            return parse_period(text).label
        except BadInput:  # a code out of the program's years is shown as it is, never raised
            return value
    try:
        return words(date.fromisoformat(text))
    except ValueError:
        return value
