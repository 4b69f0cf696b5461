"""One record printed from a 交办/督办 system: each label on its line, its value on the next.

“交办单编号：⏎37⏎责任单位：⏎市政园林工程处⏎交办单标题：⏎关于……的通知⏎交办内容：⏎……” is a
form of one item (or several, one after another). Each record is turned into the lines of a
numbered item with its label lines, and read as any.
"""

from __future__ import annotations

import re

from tracker.drafting.labels import is_label_line, labels_units

# a label alone on its line: a few words and a colon, its value on the next line
BARE_LABEL = re.compile(r"^\s*(?P<label>[\u4e00-\u9fa5]{2,8})\s*[：:]\s*$")
TITLE_LABEL = re.compile(r"(?:标题|名称|事项|问题)$")
CONTENT_LABEL = re.compile(r"(?:内容|描述|情况|要求)$")
NUMBER_LABEL = re.compile(r"(?:编号|序号|文号)$")
MIN_PAIRS = 4  # a form prints a handful of fields; two label lines are no form


def _pairs(lines: list[str]) -> list[tuple[str, str]] | None:
    """(label, value) in order, where every non-empty line is a bare label or its value."""
    filled = [line.strip() for line in lines if line.strip()]
    pairs: list[tuple[str, str]] = []
    index = 0
    while index < len(filled):
        match = BARE_LABEL.match(filled[index])
        if match is None:
            return None
        following = filled[index + 1] if index + 1 < len(filled) else ""
        if following and BARE_LABEL.match(following) is None:
            pairs.append((match.group("label"), following))
            index += 2
        else:
            pairs.append((match.group("label"), ""))  # a field left empty
            index += 1
    return pairs


def record_form_lines(lines: list[str]) -> list[str]:
    """The records as numbered items with label lines, or the lines unchanged.

    Rule: where the whole text is labels each alone on a line with its value on the next, at
    least four of them, one naming units (责任单位) and one naming the item (…标题/名称/事项),
    each record (from one title label to the next) is a task titled by its title value, its
    content value as the task's words and its unit and deadline labels as its own.
    """
    pairs = _pairs(lines)
    if pairs is None or len(pairs) < MIN_PAIRS:
        return lines
    titles = [i for i, (label, value) in enumerate(pairs) if value and TITLE_LABEL.search(label)]
    if not titles or not any(labels_units(f"{label}：{value}") for label, value in pairs if value):
        return lines
    first_label = pairs[0][0]
    starts = [i for i, (label, _) in enumerate(pairs) if label == first_label]
    out: list[str] = []
    for n, start in enumerate(starts):
        record = pairs[start : starts[n + 1] if n + 1 < len(starts) else len(pairs)]
        title = next((v for label, v in record if v and TITLE_LABEL.search(label)), None)
        if title is None:
            continue
        number = next((v for label, v in record if v and NUMBER_LABEL.search(label) and v.isdigit()), None)
        out.append(f"{number or n + 1}.{title.rstrip('。')}")
        out.extend(v for label, v in record if v and CONTENT_LABEL.search(label))
        out.extend(f"{label}：{v}" for label, v in record if v and is_label_line(f"{label}：{v}"))
    return out or lines
