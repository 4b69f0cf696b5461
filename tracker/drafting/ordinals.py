"""Work listed as “一是……。二是……。三是……” with no number, label or unit anywhere.

A 科技局's quarterly report or a 科协's plan often runs its work as ordinal sentences inside its
paragraphs (“一是落实科技创新奖励政策。……二是引导企业加大研发投入。……”). Nothing else in such a
text is numbered, so without this reading the document is refused.

Rule: only where nothing else in the text reads as a task, a run of ordinal openings counted from
一是 without a gap (two or more), each at a paragraph's or sentence's start, makes one task each,
reaching to the next ordinal or the end of its paragraph; the words before 一是 are no task.
"""

from __future__ import annotations

import re

from tracker.drafting.outline import Node

_NUMERALS = "一二三四五六七八九十"
ORDINAL_AT = re.compile(
    r"(?:^|(?<=[。；;！!]))\s*(?:其)?(?P<n>[一二三四五六七八九十]|十[一二三四五六七八九])是"
)
RUN_MIN = 2
RUN_MAX = 60  # ordinals past this are no list of work


def _value(numeral: str) -> int:
    if numeral.startswith("十"):
        return 10 + (_NUMERALS.index(numeral[1]) + 1 if len(numeral) > 1 else 0)
    return _NUMERALS.index(numeral) + 1


def ordinal_items(lines: list[str]) -> list[Node]:
    """The tasks of the module's rule, in printed order; [] where there is no such run."""
    found: list[tuple[int, int, int]] = []  # (line, start, value)
    for index, line in enumerate(lines):
        for match in ORDINAL_AT.finditer(line):
            found.append((index, match.start("n"), _value(match.group("n"))))
            if len(found) > RUN_MAX:
                return []
    run: list[tuple[int, int, int]] = []
    for entry in found:
        if entry[2] == len(run) + 1:
            run.append(entry)
        elif entry[2] == 1:
            run = [entry] if len(run) < RUN_MIN else run  # a later 一是 starts again only after a stray one
    if len(run) < RUN_MIN:
        return []
    items: list[Node] = []
    for k, (index, start, _) in enumerate(run):
        following = run[k + 1] if k + 1 < len(run) else None
        end = following[1] if following is not None and following[0] == index else len(lines[index])
        words = lines[index][start:end].strip()  # from the numeral: “二是引导企业……”
        code, heading = words[: words.index("是") + 1], words[words.index("是") + 1 :].strip()
        items.append(Node(level=3, code=code, heading=heading, line=index))
    return items
