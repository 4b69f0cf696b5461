"""How well the drafter reads a document, against a reviewed plan (the built-in seeds).

Tasks are matched by their normalised title; units are compared as (task, name, role)
triples and targets as (year, comparator, value, max) tuples, each as recall and
precision per document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from tracker.planfile import model as pf


def _norm(title: str) -> str:
    """Letters, digits and characters only; “２０２４” and “2024” are the same title."""
    return re.sub(r"[^\u4e00-\u9fa5A-Za-z0-9]", "", unicodedata.normalize("NFKC", title))


@dataclass(frozen=True)
class Score:
    found: int
    expected: int
    drafted: int

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.drafted if self.drafted else (1.0 if not self.expected else 0.0)


@dataclass(frozen=True)
class Quality:
    tasks: Score
    units: Score
    targets: Score


def counted_tasks(plan: pf.Plan) -> list[pf.Task]:
    """The plan's tasks as the ledger counts them: a heading that only groups is left out.

    A group heading (“（一）强化企业主体” with sub-tasks and no unit of its own) is structure,
    not a task (tracker/rules/counting.py), so a draft that keeps it is not charged with an
    extra task, and a reviewed plan that leaves it out is not missing one.
    """
    return pf.counted_tasks(plan.tasks)


def _match(seed: list[pf.Task], draft: list[pf.Task]) -> dict[int, pf.Task]:
    """Seed task index → drafted task, by title (equal, or one the start of the other)."""
    out: dict[int, pf.Task] = {}
    used: set[int] = set()
    for exact in (True, False):
        for i, s in enumerate(seed):
            if i in out:
                continue
            ns = _norm(s.title)
            for j, d in enumerate(draft):
                if j in used:
                    continue
                nd = _norm(d.title)
                ok = (
                    ns == nd
                    if exact
                    else min(len(ns), len(nd)) >= 6 and (ns.startswith(nd) or nd.startswith(ns))
                )
                if ok:
                    out[i] = d
                    used.add(j)
                    break
    return out


def _targets(plan: pf.Plan) -> Counter[tuple[int, str, float | None, float | None]]:
    metrics = list(plan.metrics) + [m for t in pf.iter_tasks(plan.tasks) for m in t.metrics]
    return Counter((t.year, t.comparator, t.value, t.max) for m in metrics for t in m.targets)


def compare(seed: pf.Plan, draft: pf.Plan) -> Quality:
    seed_tasks = counted_tasks(seed)
    draft_tasks = counted_tasks(draft)
    matched = _match(seed_tasks, draft_tasks)
    tasks = Score(len(matched), len(seed_tasks), len(draft_tasks))

    def triples(task: pf.Task, key: str) -> set[tuple[str, str, str]]:
        return {(key, _name(u.name), u.role) for u in task.units}

    seed_units: set[tuple[str, str, str]] = set()
    for i, task in enumerate(seed_tasks):
        seed_units |= triples(task, str(i))
    index_of = {id(d): str(i) for i, d in matched.items()}
    draft_units: set[tuple[str, str, str]] = set()
    for j, task in enumerate(draft_tasks):
        draft_units |= triples(task, index_of.get(id(task), f"d{j}"))
    units = Score(len(seed_units & draft_units), len(seed_units), len(draft_units))
    st, dt = _targets(seed), _targets(draft)
    targets = Score(sum((st & dt).values()), sum(st.values()), sum(dt.values()))
    return Quality(tasks, units, targets)


def unit_exactness(seed: pf.Plan, draft: pf.Plan) -> Score:
    """Tasks whose units are exactly right: same names, same order, same roles.

    A task of the reviewed plan counts as found only when it is matched (by title) and
    its drafted units equal the reviewed ones one for one; an unmatched task is not exact.
    The officer has to correct every other task by hand, which is what this counts.
    """
    seed_tasks = counted_tasks(seed)
    draft_tasks = counted_tasks(draft)
    matched = _match(seed_tasks, draft_tasks)
    exact = sum(
        1 for i, task in enumerate(seed_tasks) if i in matched and _unit_list(task) == _unit_list(matched[i])
    )
    return Score(exact, len(seed_tasks), len(matched))


def _unit_list(task: pf.Task) -> list[tuple[str, str]]:
    return [(_name(u.name), u.role) for u in task.units]


def _name(name: str) -> str:
    """A unit's name with its characters' width folded: “各县(区)” as printed and “各县（区）” as
    the drafter writes every bracket are one name, as “２０２４” and “2024” are one title."""
    return unicodedata.normalize("NFKC", name)


def deadline_recall(seed: pf.Plan, draft: pf.Plan) -> Score:
    """Deadlines read into the right task: the date (or, for “长期坚持”, the words) found.

    Only tasks of the reviewed plan that print a deadline count. A dated deadline is found
    when the matched drafted task has the same date; one without a date (“长期坚持”, “持续
    推进”) when the drafted task keeps the same words in `deadline_text`.
    """
    seed_tasks = counted_tasks(seed)
    draft_tasks = counted_tasks(draft)
    matched = _match(seed_tasks, draft_tasks)
    expected = found = drafted = 0
    for i, task in enumerate(seed_tasks):
        if task.deadline is None and not task.deadline_text:
            continue
        expected += 1
        other = matched.get(i)
        if other is None:
            continue
        if other.deadline is not None or other.deadline_text:
            drafted += 1
        if task.deadline is not None:
            found += other.deadline == task.deadline
        else:
            found += _norm(other.deadline_text or "") == _norm(task.deadline_text or "")
    return Score(found, expected, drafted)
