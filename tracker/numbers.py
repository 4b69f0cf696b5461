"""Numbers that come from outside (数值): every number the ledger stores is finite.

NaN and infinity are not amounts anyone can report: JSON reads 1e309 as infinity, Excel
cells and Python's float() accept "nan" and "inf", and a stored NaN or infinity makes
the JSON export invalid and every sum meaningless. Each way in (plan files, forms, task
lists, the window, the services) asks this module, so the rule is written once.
"""

from __future__ import annotations

import math

from tracker.errors import BadInput


def is_finite(value: object) -> bool:
    """True for an int or a finite float (bool is not a number here)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def require_finite(value: float, where: str) -> float:
    """`value` unchanged, or BadInput naming `where` when it is NaN or infinite.

    Rule: a number that is NaN, +infinity or -infinity is refused wherever it enters.
    """
    if not is_finite(value):
        raise BadInput(
            f"{where}：数值“{value}”不是有效的数字（不能是 NaN、无穷大或超出范围的数，如 1e309）"
            " (number must be finite)"
        )
    return value


def parse_number(text: str) -> float | None:
    """A finite number a person typed (“1,200”, “3.5”); None for anything else.

    Python's float() accepts “nan”, “inf” and “1e309” (infinity): those are not numbers here.
    """
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
