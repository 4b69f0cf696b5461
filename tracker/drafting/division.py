"""A sentence that divides the work clause by clause.

“责任分工：由区规划局负责规划编制，金井、澳前片区开发管理局组织实施，区直部门配合，
区交通与建设局业务指导。” Each clause opens with the bodies it names and closes with what they
do; what they do says their part.

Rule: bodies that help (配合/协助/协同/参与/参加/支持) or only guide (指导, 检查指导, 业务指导) support;
the bodies that do the work lead beside them (all of them, in the order printed), and answer alike
(responsible) where no clause names a helper; a clause that says 牵头 names the only leads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.drafting.units import BY, looks_like_unit, split_units

# where the words of what is done may start, after the names
_DOING = re.compile(
    r"具体|全力|积极|共同|分别|主要|负责|组织|实施|牵头|配合|协助|协同|参与|参加|支持|指导|业务|检查|作为|做好|承担|落实|各司其职"
)
_HELPS = re.compile(r"^(?:全力|积极|做好|共同|主动)?(?:配合|协助|协同|参与|参加|支持)")
_GUIDES = re.compile(r"^(?:负责)?(?:业务)?(?:检查|督促)?指导(?:工作)?(?:并.*)?$")
_LEADS = re.compile(r"^(?:共同|具体)?牵头")
# “区直各部门各司其职，协同配合”: a clause of help alone speaks of the bodies just named
_HELP_ALONE = re.compile(
    r"^(?:协同|全力|积极|主动|共同)?(?:配合|协助|协同|参与|参加|支持)[\u4e00-\u9fa5]{0,6}$"
)
_CLAUSE = re.compile(r"[^，,；;。]+")
MOST_CLAUSES = 60  # a division sentence names a handful of parts; a longer run is no such sentence


@dataclass(frozen=True)
class Division:
    names: list[str]
    leads: list[str]
    supports: list[str]


def _subject(clause: str) -> tuple[list[str], str] | None:
    """(the bodies a clause opens with, what it says they do), or None when it opens with no body."""
    found = list(BY.finditer(clause))
    if found:  # “竹屿湖二期项目由X负责实施”: the words before 由 name the work
        clause = clause[found[-1].end() :]
    for match in _DOING.finditer(clause):
        if match.start() < 2:
            continue
        head = clause[: match.start()]
        names = split_units(head)
        if names and all(looks_like_unit(n) for n in names):
            return names, clause[match.start() :]
        return None  # the first words of doing end the names: a clause naming no body
    return None


def read_division(text: str) -> Division | None:
    """The bodies of a division sentence and their parts (see the module's rule), or None.

    None unless two clauses or more name bodies: one clause is a plain list, read elsewhere.
    """
    clauses = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    if len(clauses) > MOST_CLAUSES:
        return None
    parts: list[tuple[list[str], str]] = []  # (names, part) with part in lead / help / do
    for clause in clauses:
        read = _subject(clause)
        if read is None:
            if parts and _HELP_ALONE.match(clause):
                parts[-1] = (parts[-1][0], "help")
            continue
        names, doing = read
        part = (
            "lead" if _LEADS.match(doing) else "help" if _HELPS.match(doing) or _GUIDES.match(doing) else "do"
        )
        parts.append((names, part))
    if len(parts) < 2:
        return None
    printed = list(dict.fromkeys(n for names, _ in parts for n in names))
    named_leads = [n for names, part in parts if part == "lead" for n in names]
    helping = any(part == "help" for _, part in parts)
    if named_leads:
        leads = list(dict.fromkeys(named_leads))
    elif helping:
        leads = list(dict.fromkeys(n for names, part in parts if part == "do" for n in names))
    else:
        return Division(printed, [], [])
    return Division(printed, leads, [n for n in printed if n not in leads])
