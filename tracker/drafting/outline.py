"""The numbered hierarchy: 第X章, 一、, （一）, 1. and （1）, with text running on across lines.

Label lines (“牵头单位：…”) stay with the item above them but out of its text; noise lines
(page numbers, 抄送/印发, red-head lines) are skipped; an 附件 heading closes the item above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.drafting.labels import is_label_line
from tracker.drafting.text import is_appendix_heading, is_noise

CN = "一二三四五六七八九十百零"
PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^(第[{CN}\d]+[章篇])\s*(.*)$")),
    (1, re.compile(rf"^([{CN}]+)\s*[、．.]\s*(.+)$")),
    (2, re.compile(rf"^（\s*([{CN}]+)\s*）\s*(.+)$")),
    (3, re.compile(r"^(\d{1,2})\s*[、．.](?!\d)\s*(.+)$")),
    (4, re.compile(r"^（\s*(\d{1,2})\s*）\s*(.+)$")),
    (4, re.compile(r"^(\d{1,2}）)\s*(.+)$")),  # “1）”, kept as printed
    (5, re.compile(r"^([①-⑳])\s*(.+)$")),
]
MAX_TITLE = 60


@dataclass
class Node:
    level: int
    code: str
    heading: str  # the text on the numbered line after the code
    body: list[str] = field(default_factory=list)  # its lines, label lines included
    children: list[Node] = field(default_factory=list)
    line: int = 0
    generated: bool = False  # an unnumbered paragraph read as an item: its code is made up

    @property
    def text(self) -> str:
        return "".join([self.heading, *(b for b in self.body if not is_label_line(b))])

    @property
    def labels(self) -> list[str]:
        """The label lines under it (“牵头单位：…”, “完成时限：…”)."""
        return [b for b in self.body if is_label_line(b)]

    @property
    def title(self) -> str:
        """The lead phrase: up to the first 。 when it comes early, else the heading line."""
        heading = self.heading.strip()
        stop = re.search(r"[。！!]", heading)
        if stop and stop.start() <= MAX_TITLE:
            return heading[: stop.start()].strip()
        if len(heading) <= MAX_TITLE:
            return heading
        comma = re.search(r"[，,；;]", heading)
        return heading[: comma.start()] if comma and comma.start() <= MAX_TITLE else heading[:MAX_TITLE]

    @property
    def content(self) -> str:
        heading = self.heading.strip()
        title = self.title
        rest = heading[len(title) :].lstrip("。！! ") if heading.startswith(title) else heading
        return "".join([rest, *self.body]).strip()


def printed_code(level: int, raw: str) -> str:
    if level == 2 or (level == 4 and raw.isdigit()):  # “（3）”; “1）” is already whole
        return f"（{raw}）"
    return raw


def heading_of(line: str) -> tuple[int, str, str] | None:
    for level, pattern in PATTERNS:
        match = pattern.match(line)
        if match:
            rest = match.group(2).strip()
            if level == 3 and re.match(r"^\d", rest):
                return None
            return level, printed_code(level, match.group(1)), rest
    return None


def parse_outline(lines: list[str], preamble: list[str] | None = None) -> list[Node]:
    """A forest of numbered nodes; unnumbered lines run on into the node above them.

    Lines before the first numbered one go to `preamble` when given.
    """
    roots: list[Node] = []
    stack: list[Node] = []
    for index, line in enumerate(lines):
        if not line or "\t" in line or is_noise(line):
            continue
        if is_appendix_heading(line):
            stack = []  # what follows belongs to the 附件, not to the last item
            continue
        found = heading_of(line)
        if found is None:
            if stack:
                body = stack[-1].body
                if body and body[-1].rstrip().endswith(("：", ":")) and is_label_line(body[-1]):
                    body[-1] = body[-1] + line  # 牵头单位：⏎ 市科技局
                else:
                    body.append(line)
            elif preamble is not None:
                preamble.append(line)
            continue
        level, code, rest = found
        node = Node(level, code, rest, line=index)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots
