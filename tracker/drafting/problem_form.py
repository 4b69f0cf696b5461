"""One problem laid out as a form: its fields as headings, label lines or a two-column table.

A 整改 公示 or 销号 notice reports on one problem: “一、整改问题⏎……⏎二、整改责任单位⏎……⏎
三、完成时限⏎……”, or “问题编号5：……⏎责任单位：……⏎整改目标：……”, or the same fields as the
rows of a table. Its numbered headings are field names, not tasks; the problem is the task.
The form is rewritten as the text of one numbered item with label lines, and read as any.
"""

from __future__ import annotations

import re

from tracker.drafting.labels import labels_units
from tracker.drafting.outline import heading_of

# the fields a problem's form prints, by what they hold
PROBLEM = (
    r"(?:整改|反馈|交办|督察|存在)?问题(?:描述|概述|内容|基本情况|情况)?|整改任务(?:概述|内容)?|反馈问题[（(]整改任务[)）]"
    r"|具体任务|任务内容"
)
UNITS = r"(?:整改)?(?:责任|实施|牵头|承办|配合|协办)(?:单位|主体|部门)|整改实施主体"
DEADLINE = r"(?:整改|完成|办结)(?:时限|时间|期限)"
AIM = r"整改目标|目标任务"
OTHER = (
    r"(?:整改|重点|具体|主要)措施(?:及成效)?|(?:整改)?(?:完成|落实|进展)?情况|整改(?:结论|进展|成效)"
    r"|验收(?:情况|结论)|销号(?:情况|意见)|责任人|责任领导|督办领导"
)
FIELD = re.compile(
    rf"(?P<problem>{PROBLEM})|(?P<units>{UNITS})|(?P<deadline>{DEADLINE})|(?P<aim>{AIM})|{OTHER}"
)
# “问题编号5：……”, “问题编号：第二十七项”: the problem's number, and its words where printed
NUMBER_LINE = re.compile(
    r"^问题(?:编号|序号)\s*(?P<no>[0-9]{1,4}|第[一二三四五六七八九十百零]{1,6}项)?\s*[：:]\s*(?P<rest>.*)$"
)
NUMBER_ALONE = re.compile(r"[0-9]{1,4}|第[一二三四五六七八九十百零0-9]{1,6}[项条号]")
LABEL_LINE = re.compile(r"^(?P<label>[\u4e00-\u9fa5（）()]{2,14})\s*(?:[：:]|\t)\s*(?P<value>.*)$")
NEXT_FORM_WORDS = re.compile(r"^(?:公示时间|联系人|联系电话|联系地址|受理部门|邮寄|以上|如有异议)")


def _field(label: str) -> str | None:
    """Which field a label names (problem, units, deadline, aim, other), or None."""
    found = FIELD.fullmatch(re.sub(r"\s+", "", label))
    if found is None:
        return None
    return found.lastgroup or "other"


def _is_value(line: str) -> bool:
    """A line that can be the value under a field name: words that are no field name or heading."""
    text = line.strip()
    return bool(text) and _field(text) is None and heading_of(text) is None


def _fields(lines: list[str]) -> list[tuple[int, int, str, str, str]]:
    """(first line, end line, field, label, value) of each field the lines print, in order."""
    out: list[tuple[int, int, str, str, str]] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        heading = heading_of(line) if line else None
        number = NUMBER_LINE.match(line)
        label = LABEL_LINE.match(line)
        if heading is not None and (kind := _field(heading[2].strip())) is not None:
            j = i + 1
            while (
                j < len(lines)
                and heading_of(lines[j].strip()) is None
                and not NEXT_FORM_WORDS.match(lines[j].strip())
            ):
                j += 1
            value = "".join(x.strip() for x in lines[i + 1 : j])
            out.append((i, j, kind, heading[2].strip(), value))
            i = j
            continue
        if (kind := _field(line)) is not None and i + 1 < len(lines) and _is_value(lines[i + 1]):
            # “具体任务⏎全面落实……⏎责任单位⏎卫健局、文旅局”: a form's field name over its value
            out.append((i, i + 2, kind, line, lines[i + 1].strip()))
            i += 2
            continue
        if number is not None:
            no, rest = number.group("no") or "", number.group("rest").strip()
            if not no and NUMBER_ALONE.fullmatch(rest):  # “问题编号：第二十七项”: the number, no words
                no, rest = rest, ""
            out.append((i, i + 1, "number", no, rest))
        elif label is not None and (kind := _field(label.group("label"))) is not None:
            out.append((i, i + 1, kind, label.group("label"), label.group("value").strip()))
        i += 1
    return out


def problem_form_lines(lines: list[str]) -> list[str]:
    """The lines with a one-problem form rewritten as one item with its label lines.

    Rule: where a document's fields (numbered headings or label lines) name the problem (整改问题,
    反馈问题, 问题编号N：…) or its aim once each, and its units or deadline, and no other numbered
    item stands between them, the problem (else the aim) is the one task, the unit field its
    责任单位 and the deadline field its 完成时限.
    """
    fields = _fields(lines)
    if not fields:
        return lines
    kinds = [f[2] for f in fields]
    said = {k for k in kinds if k in ("problem", "number", "aim")}
    if not said or not {"units", "deadline"} & set(kinds):
        return lines
    unit_labels = [f[3] for f in fields if f[2] == "units"]
    if any(kinds.count(k) > 1 for k in ("problem", "number", "aim", "deadline")) or len(
        set(unit_labels)
    ) < len(unit_labels):
        return lines  # a list of problems, each with its fields: read as items
    first, last = fields[0][0], fields[-1][1]
    between = set(range(first, last)) - {n for f in fields for n in range(f[0], f[1])}
    if any(lines[n].strip() for n in between):
        return lines
    number = next((f for f in fields if f[2] == "number"), None)
    words = next((f[4] for f in fields if f[2] == "problem" and f[4]), None) or (number[4] if number else "")
    words = words or next((f[4] for f in fields if f[2] == "aim" and f[4]), "")
    if not words:
        return lines
    code = number[3] if number is not None and number[3].isdigit() else "1"
    item = [f"{code}．{words}"]
    for _, _, kind, label, value in fields:
        if kind == "units" and value:
            role = re.sub(r"^整改", "", re.sub(r"\s+", "", label))
            # (a label the label reader knows keeps its role: 牵头单位, 配合单位; 实施主体 answers)
            item.append(f"{role if labels_units(f'{role}：') else '责任单位'}：{value}")
        elif kind == "deadline" and value:
            item.append(f"完成时限：{value}")
        elif kind not in ("problem", "number") and value:
            item.append(f"{label}：{value}")
    return [*lines[:first], *item, *lines[last:]]
