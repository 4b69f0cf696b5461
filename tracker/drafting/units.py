"""责任单位 from a task's text: the bracketed list, 牵头/配合 labels, split into whole names."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "（〈《[【"
CLOSE = "）〉》]】"
SEPARATORS = "、，,；;/"
DROP_TAIL = re.compile(
    r"(按职责分工负责|按职责分工|按照职责分工负责|分工负责|按职能分工负责|负责|等单位|等部门|等)$"
)
PLACE_END = re.compile(r"(区|县|市|镇|乡|街道|园区|开发区)$")
SHARED_SUFFIX = re.compile(
    r"^(?P<head>.+?(?:区|县|市|镇|乡|街道)(?:（[^）]*）)?)(?P<suffix>管委会|管理委员会|人民政府|政府|党委|党工委|办事处)$"
)
LEAD_RULE = re.compile(r"(列|排)(在)?(第一|首)位的?(单位)?为牵头单位")
UNIT_LABEL = re.compile(r"[（]\s*(责任单位|牵头单位|责任部门|牵头部门)\s*：")


@dataclass(frozen=True)
class FoundUnits:
    names: list[str]
    leads: list[str]  # names printed after 牵头单位：
    supports: list[str]  # names printed after 配合单位：
    span: tuple[int, int]  # where the list sits in the text


def _matching_close(text: str, start: int) -> int:
    """Index of the bracket closing the one at `start` (or len(text))."""
    depth = 0
    for index in range(start, len(text)):
        ch = text[index]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def split_units(text: str) -> list[str]:
    """Split a printed unit list into whole names, keeping groups and shared brackets right."""
    text = text.replace("〈", "（").replace("〉", "）").strip().rstrip("。.")
    text = DROP_TAIL.sub("", text).strip()
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        if ch in SEPARATORS and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names = [DROP_TAIL.sub("", p.strip()).strip() for p in parts]
    names = [n for n in names if n]
    # A suffix shared by several places: 温州海经区、温州高新区（经开区）管委会
    for index in range(len(names) - 1, 0, -1):
        match = SHARED_SUFFIX.match(names[index])
        if not match:
            continue
        suffix = match.group("suffix")
        back = index - 1
        while back >= 0 and PLACE_END.search(names[back]) and not names[back].startswith("各"):
            names[back] = names[back] + suffix
            back -= 1
    out: list[str] = []
    for name in names:
        if name not in out:
            out.append(name)
    return out


def _labelled(body: str) -> tuple[list[str], list[str], list[str]]:
    """牵头单位：…；配合单位：… inside one list."""
    lead_match = re.search(r"牵头(单位|部门)?：(.+?)(?=[；;，,]?\s*(配合|协同|参与)(单位|部门)?：|$)", body)
    support_match = re.search(r"(配合|协同|参与)(单位|部门)?：(.+)$", body)
    if lead_match:
        leads = split_units(lead_match.group(2))
        supports = split_units(support_match.group(3)) if support_match else []
        return leads + [s for s in supports if s not in leads], leads, supports
    return split_units(body), [], []


def find_units(text: str) -> FoundUnits | None:
    """The last “（责任单位：…）” or “牵头单位：…；配合单位：…” in a task's text."""
    matches = list(UNIT_LABEL.finditer(text))
    if matches:
        match = matches[-1]
        open_at = match.start()
        close_at = _matching_close(text, open_at)
        body = text[match.end() : close_at]
        label = match.group(1)
        names, leads, supports = _labelled(body)
        if label.startswith("牵头") and not leads:
            leads = names[:1]
            supports = names[1:]
        return FoundUnits(names, leads, supports, (open_at, close_at + 1))
    plain = re.search(r"(牵头单位|牵头部门|责任单位|责任部门)：([^。\n]+)", text)
    if plain:
        body = plain.group(0)
        names, leads, supports = _labelled(body if plain.group(1).startswith("牵头") else plain.group(2))
        return FoundUnits(names, leads, supports, plain.span())
    return None


def document_names_lead(text: str) -> bool:
    """The document's own rule “列第一位的为牵头单位”."""
    return bool(LEAD_RULE.search(text))
