"""Items numbered without a mark after the number (“1开展……⏎2开展……”).

Pages typed in a hurry drop the “、” after an item's number. A number glued to its words is read
as an item's only where it carries on a count: item 1 followed by a 2, or the item after the one
numbered one less. A figure (“1个”, “3月”, “2000万元”) never starts an item: the character after
the number must not be a measure word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker.drafting.outline import heading_of

# digits glued to the first character of the item's words (not a measure word, not a digit)
BARE_NUMBER = re.compile(
    r"^([0-9]{1,2})(?=[\u4e00-\u9fff])(?![年月日号时点分秒万亿千百元角个项家次人名条座所届期批份件天周岁度倍户亩吨米公只台套辆篇场])"
)


class _Line(NamedTuple):
    number: int | None  # the item's number, if the line opens a numbered item
    bare: re.Match[str] | None  # the number glued to the words, if it is so printed
    heading: bool  # a heading of any level (a new count starts under it)


def _read(line: str) -> _Line:
    bare = BARE_NUMBER.match(line)
    if bare:
        return _Line(int(bare.group(1)), bare, False)
    heading = heading_of(line)
    if heading is None:
        return _Line(None, None, False)
    digits = re.sub(r"[^0-9]", "", heading[1]) if heading[0] == 3 else ""
    return _Line(int(digits) if digits else None, None, True)


def mark_bare_numbers(lines: list[str]) -> list[str]:
    """Write “、” after an item's bare number where the numbers around it count on."""
    stripped = [line.strip() for line in lines]
    if not any(BARE_NUMBER.match(line) for line in stripped):
        return lines  # (most documents: one cheap test a line, no heading read twice)
    read = [_read(line) for line in stripped]
    out = list(lines)
    previous: int | None = None  # the number of the last item seen in this run
    for i, here in enumerate(read):
        if here.number is None:
            if here.heading:
                previous = None  # a heading of another level starts a new count
            continue
        if here.bare is not None:
            after = next((x.number for x in read[i + 1 : i + 3] if x.number is not None), None)
            if not (previous == here.number - 1 or (here.number == 1 and after == 2)):
                continue
            out[i] = f"{here.bare.group(1)}、{stripped[i][here.bare.end() :]}"
        previous = here.number
    return out
