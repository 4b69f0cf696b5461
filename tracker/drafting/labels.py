"""Labelled fields of a task: 牵头单位：/配合单位：/责任单位：/责任领导：/完成时限：.

They come on lines of their own (blank lines between), or several inside one bracket
(“（牵头单位：X；配合单位：Y、Z）”, “[牵头单位:X;责任单位:A、B]”). Each label's value runs to
the next label, so a label never stays inside a unit's name and two labels never merge.
"""

from __future__ import annotations

import re

# label words → field; the longest words first so 牵头单位 wins over 牵头
LABEL_FIELDS: dict[str, str] = {
    "牵头责任单位": "lead",
    "牵头单位": "lead",
    "牵头部门": "lead",
    "主责单位": "lead",
    "主办单位": "lead",
    "配合单位": "support",
    "配合部门": "support",
    "协同单位": "support",
    "协同部门": "support",
    "协办单位": "support",
    "参与单位": "support",
    "责任单位": "responsible",
    "责任部门": "responsible",
    "责任主体": "responsible",
    "实施单位": "responsible",
    "承办单位": "responsible",
    "责任领导": "leader",
    "牵头领导": "leader",
    "分管领导": "leader",
    "牵头市领导": "leader",
    "完成时限": "deadline",
    "完成时间": "deadline",
    "时间节点": "deadline",
    "时限要求": "deadline",
    "完成期限": "deadline",
    "办结时限": "deadline",
}
_WORDS = "|".join(sorted(LABEL_FIELDS, key=len, reverse=True))
LABEL = re.compile(rf"(?P<word>{_WORDS})\s*[：:]")
LABEL_LINE = re.compile(rf"^\s*[（(\[【]?\s*(?:{_WORDS})\s*[：:]")
_TRIM = " \t；;，,。.、"


def is_label_line(line: str) -> bool:
    """A line that starts with a field label (“牵头单位：…”, “完成时限：…”)."""
    return bool(LABEL_LINE.match(line))


def parse_fields(text: str) -> dict[str, str]:
    """field → value for every label in text; a repeated field's values are joined with 、."""
    fields: dict[str, str] = {}
    matches = list(LABEL.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(_TRIM)
        name = LABEL_FIELDS[match.group("word")]
        if not value:
            continue
        fields[name] = f"{fields[name]}、{value}" if name in fields and name != "deadline" else value
    return fields


BRACKET_LABEL = re.compile(rf"[（\[【]\s*(?:{_WORDS})\s*[：:]")
