"""Review marks (待核对): the tasks of a draft the officer should check first, and why.

A mark names one task (by its `source`, as the warnings do) and one doubt: a unit that
reads like a person, a task without units, a target whose year was not printed beside it,
a deadline whose words hold no date. The import dialog lists these tasks first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.drafting.units import looks_like_person
from tracker.planfile import model as pf

YEAR = re.compile(r"20\d\d\s*年")

KINDS = {
    "person": "单位像是人名",
    "no_units": "未找到责任单位",
    "target_year": "指标未写年份",
    "deadline": "完成时限未识别",
    "corrected": "单位已按上次核对更正",
    "from_sentence": "单位取自句中",
}


@dataclass(frozen=True)
class ReviewMark:
    """One doubt about one task."""

    task: str  # the task's source (its path in the document, or its table row)
    kind: str  # a key of KINDS
    detail: str  # what to look at, in Chinese

    @property
    def warning(self) -> str:
        return f"{self.task}：{self.detail}"


def review_marks(plan: pf.Plan, *, units_expected: bool = True) -> list[ReviewMark]:
    """Marks for every leaf task with a doubt, in the plan's order.

    Rule: a task is marked when a unit name looks like a person's, when it names no unit
    (“未写明责任单位” where the document names none at all and no issuer could stand in), when a target's year was not printed in its
    text in a plan of several years, or when its 完成时限 words hold no date.
    """
    marks: list[ReviewMark] = []
    # in a one-year plan (工作要点) a target without a year can only mean that year
    multi_year = plan.period is None or plan.period.start != plan.period.end
    for task in pf.iter_tasks(plan.tasks):
        if task.children:
            continue
        where = task.source or task.code
        for unit in task.units:
            if looks_like_person(unit.name):
                marks.append(ReviewMark(where, "person", f"“{unit.name}”像是人名而不是单位，请核对"))
        if not task.units:
            detail = "未找到责任单位" if units_expected else "未写明责任单位，请填写"
            marks.append(ReviewMark(where, "no_units", detail))
        text = f"{task.title}{task.content}"
        # targets dated by a year column of their own (2024年目标值 …) need no such mark
        by_column = all(len({t.year for t in m.targets}) > 1 for m in task.metrics)
        if task.metrics and multi_year and not YEAR.search(text) and task.deadline is None and not by_column:
            names = "、".join(m.name[:12] for m in task.metrics[:3])
            marks.append(ReviewMark(where, "target_year", f"指标“{names}”未写明年份，已按方案期末年份填写"))
        if (
            task.deadline_text
            and task.deadline is None
            and not re.search(r"长期|持续|常态|久久为功|逐年|动态", task.deadline_text)
        ):
            marks.append(ReviewMark(where, "deadline", f"完成时限“{task.deadline_text}”未能识别为日期"))
    return marks


def apply_corrections(plan: pf.Plan, corrections: dict[str, str]) -> list[ReviewMark]:
    """Unit names the officer corrected in an earlier review, corrected again (and marked).

    Rule: a printed unit name that was corrected before is replaced by the correction,
    and the task is marked so the officer sees the change and can undo it.
    """
    marks: list[ReviewMark] = []
    if not corrections:
        return marks
    for task in pf.iter_tasks(plan.tasks):
        names = [u.name for u in task.units]
        changed = False
        for unit in task.units:
            new = corrections.get(unit.name)
            if new and new not in names:
                marks.append(
                    ReviewMark(
                        task.source or task.code, "corrected", f"单位“{unit.name}”已按上次核对改为“{new}”"
                    )
                )
                names[names.index(unit.name)] = new
                unit.name = new
                changed = True
        if changed:
            task.units = [pf.UnitRef(name=u.name, role=u.role) for u in task.units]
    return marks


def settled(marks: list[ReviewMark], plan: pf.Plan) -> list[ReviewMark]:
    """The marks no longer true: a “looks like a person” mark whose name has been replaced."""
    units = {t.source or t.code: {u.name for u in t.units} for t in pf.iter_tasks(plan.tasks)}
    out = []
    for mark in marks:
        named = re.match(r"“([^”]+)”", mark.detail)
        if mark.kind == "person" and named and named.group(1) not in units.get(mark.task, set()):
            out.append(mark)
    return out


WORDS_OF_KIND = {"no_units": "责任单位", "deadline": "完成时限", "person": "人名", "target_year": "年份"}


def new_warnings(marks: list[ReviewMark], warnings: list[str]) -> list[str]:
    """The marks' warnings that say something the warnings do not already say of that task."""
    out: list[str] = []
    for mark in marks:
        word = WORDS_OF_KIND.get(mark.kind, mark.detail)
        said = any(w.startswith(mark.task) and word in w for w in [*warnings, *out])
        if not said:
            out.append(mark.warning)
    return out


def clip(text: str, limit: int) -> str:
    """The text cut to `limit` characters for a list or a note, never inside a figure.

    “……新增高新技术企业200家” cut at 20 would read “……企业2”: a figure the cut falls in is
    left out whole, and “…” says something was cut.
    """
    if len(text) <= limit:
        return text
    cut = limit
    while cut > 0 and re.match(r"[\d.．%％]", text[cut]) and re.match(r"[\d.．]", text[cut - 1]):
        cut -= 1  # back to before the figure the cut fell in
    return text[:cut].rstrip("，,、；;（(") + "…"
