"""Items numbered without a mark after the number (“1开展……⏎2开展……”).

Pages typed in a hurry drop the “、” after an item's number. A number glued to its words is read
as an item's only where it carries on a count: item 1 followed by a 2, or the item after the one
numbered one less. A figure (“1个”, “3月”, “2000万元”) never starts an item: the character after
the number must not be a measure word.
"""

from __future__ import annotations

import re

from tracker.drafting.outline import heading_of

# digits glued to the first character of the item's words (not a measure word, not a digit)
BARE_NUMBER = re.compile(
    r"^([0-9]{1,2})(?=[\u4e00-\u9fff])(?![年月日号时点分秒万亿千百元角个项家次人名条座所届期批份件天周岁度倍户亩吨米公只台套辆篇场])"
)


def _number(line: str) -> tuple[int, bool] | None:
    """(the item's number, whether the number is bare) for a line opening a numbered item."""
    bare = BARE_NUMBER.match(line)
    if bare:
        return int(bare.group(1)), True
    heading = heading_of(line)
    if heading is not None and heading[0] == 3:
        digits = re.sub(r"[^0-9]", "", heading[1])
        if digits:
            return int(digits), False
    return None


def mark_bare_numbers(lines: list[str]) -> list[str]:
    """Write “、” after an item's bare number where the numbers around it count on."""
    numbers = [_number(line.strip()) for line in lines]
    out = list(lines)
    previous: int | None = None  # the number of the last item seen in this run
    for i, found in enumerate(numbers):
        stripped = lines[i].strip()
        if found is None:
            if stripped and heading_of(stripped) is not None:
                previous = None  # a heading of another level starts a new count
            continue
        n, bare = found
        if bare:
            after = next((x for x in numbers[i + 1 : i + 3] if x is not None), None)
            counts_on = previous == n - 1 or (n == 1 and after is not None and after[0] == 2)
            if not counts_on:
                continue
            digits = BARE_NUMBER.match(stripped)
            assert digits is not None
            out[i] = f"{digits.group(1)}、{stripped[digits.end() :]}"
        previous = n
    return out
