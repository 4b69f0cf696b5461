"""Numbers typed by a person (完成百分比, 指标实际值): what they mean, or a message saying why not.

Rule: a typed number is read after folding full-width characters (４５ → 45, ％ → %), dropping
thousands separators and spaces, and dropping a unit that is the field's own unit or a
percent sign (“４５位” in a 位 field, “150%” in a % field) — those mean the same number.
Anything else (other words, two numbers, NaN, infinity) is refused, and a number outside
the field's range is refused with the range named — never changed into another number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

from tracker.errors import BadInput

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
# 1,200 or 12 000: a comma or a space only between groups of thousands
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*(?:\.\d*)?$")


def _fold(text: str) -> str:
    """Full-width digits, signs, commas and spaces as their ASCII selves (４５ → 45, ， → ,)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def read_number(
    text: str,
    *,
    what: str,
    low: float | None = None,
    high: float | None = None,
    units: Iterable[str] = (),
) -> float | None:
    """The number `text` means for the field `what`; None when it is empty.

    `units` are the words that may follow the number in this field (its unit of measure,
    “%”); BadInput names the field, what was typed and, when out of range, the range.
    """
    shown = text.strip()
    folded = _fold(text)
    if not folded:
        return None
    for unit in sorted({_fold(u) for u in units if u and _fold(u)}, key=len, reverse=True):
        if folded.endswith(unit) and folded != unit:
            folded = folded[: -len(unit)].rstrip()
            break
    if _GROUPED.match(folded):
        folded = folded.replace(",", "").replace(" ", "")
    if not _NUMBER.match(folded):
        allowed = "、".join(u for u in units if u)
        tail = f"（可带单位“{allowed}”）" if allowed else ""
        raise BadInput(f"{what}：“{shown}”不是数字，请填写数字{tail}")
    value = float(folded)
    if not math.isfinite(value):
        raise BadInput(f"{what}：“{shown}”不是有效的数字")
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            bounds = f"{low:g} 到 {high:g} 之间"
        elif low is not None:
            bounds = f"不小于 {low:g}"
        else:
            bounds = f"不大于 {high:g}"
        raise BadInput(f"{what}：“{shown}”超出范围，应在{bounds}（未作任何改动，请改正后再保存）")
    return value
