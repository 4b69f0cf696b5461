"""The rule “逗号前为牵头单位”: in a unit list, the names before the comma lead.

四川's plans print “〔责任单位：科技厅，省发展改革委、经济和信息化厅（逗号前为牵头单位，下同）〕”:
names are joined by 、, and one comma parts the leads from those who help. Once the rule is
stated, every 责任单位 list of the document is rewritten as the 牵头/配合 labels it means.
"""

from __future__ import annotations

import re

COMMA_RULE = re.compile(r"(?:逗号|，号)(?:之?前|前面)的?(?:单位|部门)?(?:为|是)(?:牵头|主责)(?:单位|部门)?")
RULE_NOTE = re.compile(
    rf"[（(]\s*{COMMA_RULE.pattern}[，,；;]?\s*(?:下同|同上)?\s*[)）]|[，,；;]?\s*{COMMA_RULE.pattern}[，,；;]?\s*(?:下同)?"
)
LABEL = re.compile(r"(?:责任单位|责任部门|责任主体)\s*[：:]")
OPENS = "（(〔[【"
CLOSES = "）)〕]】"


def _list_end(line: str, start: int) -> int:
    """Where the unit list that starts at `start` ends: its enclosing bracket's close, a “。” or “；”, or the line's end."""
    depth = 0
    for at in range(start, len(line)):
        char = line[at]
        if char in OPENS:
            depth += 1
        elif char in CLOSES:
            if depth == 0:
                return at
            depth -= 1
        elif char in "。；;" and depth == 0:
            return at
    return len(line)


def _rewritten(names: str) -> str:
    """“A，B、C” → “牵头单位：A；配合单位：B、C”; a list with no comma is all leads."""
    lead, _, rest = _parts(names)
    lead, rest = lead.strip(), rest.strip(" ，,")
    return f"牵头单位：{lead}；配合单位：{rest}" if rest else f"牵头单位：{lead}"


def _parts(names: str) -> tuple[str, str, str]:
    """The names before the first comma outside brackets, the comma, and the names after it."""
    depth = 0
    for at, char in enumerate(names):
        if char in OPENS:
            depth += 1
        elif char in CLOSES:
            depth -= 1
        elif char in "，," and depth == 0:
            return names[:at], char, names[at + 1 :]
    return names, "", ""


def comma_lead_lines(lines: list[str]) -> list[str]:
    """The lines with each 责任单位 list read under the document's comma rule, if it states one.

    Rule: where the document says “逗号前为牵头单位”, the names before the first comma of a
    责任单位 list are its leads and the names after it support; a list with no comma is all leads.
    """
    if not any(COMMA_RULE.search(line) for line in lines):
        return lines
    out: list[str] = []
    for line in lines:
        line = RULE_NOTE.sub("", line)
        pieces: list[str] = []
        at = 0
        for label in LABEL.finditer(line):
            if label.start() < at:
                continue
            end = _list_end(line, label.end())
            pieces.append(line[at : label.start()])
            pieces.append(_rewritten(line[label.end() : end]))
            at = end
        pieces.append(line[at:])
        out.append("".join(pieces))
    return out
