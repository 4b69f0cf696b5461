"""A table of contents (目录) is no list of tasks.

A compilation of plans, or a Word file with a contents page, opens with “目录：⏎1.市科学技术局
2024年度工作计划⏎2.……” and then prints each of those titles again over its own text. Read as an
outline, the contents' numbers would be taken for the items and the real items under each title
pushed beneath them.

Rule: the short lines after a line reading “目录” (no sentence in them, a page number allowed at
the end), when the first of their titles is printed again further on (a page may stop before
the others), are the contents and are dropped; the lines are kept as they are otherwise.
"""

from __future__ import annotations

import re

from tracker.drafting.outline import heading_of

CONTENTS_HEAD = re.compile(r"^\s*目\s*录\s*[：:]?\s*$")
# “……3”, “ 12”, “\t5”: a page number closing an entry, with its leader dots
PAGE_NUMBER = re.compile(r"(?:[.…·．\s]{2,}|\t)\s*\d{1,3}\s*$")
ENTRY_MAX = 60  # characters: an entry is a title, never a paragraph
ENTRIES_MAX = 60  # a contents page longer than this is no contents page


def _title(line: str) -> str:
    text = PAGE_NUMBER.sub("", line.strip())
    found = heading_of(text)
    return re.sub(r"\s+", "", found[2] if found is not None else text).rstrip("：:")


def without_contents(lines: list[str]) -> list[str]:
    """The lines with a contents block blanked out (see the module's rule)."""
    start = next((i for i, line in enumerate(lines[:200]) if CONTENTS_HEAD.match(line)), None)
    if start is None:
        return lines
    entries: list[int] = []
    index = start + 1
    while index < len(lines) and len(entries) < ENTRIES_MAX:
        line = lines[index].strip()
        if line and (len(line) > ENTRY_MAX or "。" in line):
            break
        if line and entries and _title(line).startswith(_title(lines[entries[0]])):
            break  # the first part's own heading: its text starts here
        if line:
            entries.append(index)
        index += 1
    titles = [t for t in (_title(lines[i]) for i in entries) if len(t) >= 4]
    if len(titles) < 2:
        return lines
    after = re.sub(r"\s+", "", "\n".join(lines[index:]))
    if titles[0] not in after:
        return lines
    dropped = {start, *entries}
    return ["" if i in dropped else line for i, line in enumerate(lines)]
