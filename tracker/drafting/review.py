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
    (and the document names units elsewhere), when a target's year was not printed in its
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
        if not task.units and units_expected:
            marks.append(ReviewMark(where, "no_units", "未找到责任单位"))
        text = f"{task.title}{task.content}"
        if task.metrics and multi_year and not YEAR.search(text) and task.deadline is None:
            names = "、".join(m.name[:12] for m in task.metrics[:3])
            marks.append(ReviewMark(where, "target_year", f"指标“{names}”未写明年份，已按方案期末年份填写"))
        if (
            task.deadline_text
            and task.deadline is None
            and not re.search(r"长期|持续|常态|久久为功|逐年|动态", task.deadline_text)
        ):
            marks.append(ReviewMark(where, "deadline", f"完成时限“{task.deadline_text}”未能识别为日期"))
    return marks
