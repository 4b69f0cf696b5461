"""Unit exactness and deadline recall (tracker/drafting/quality.py) on small real plans."""

from __future__ import annotations

from datetime import date

from tracker.drafting.quality import deadline_recall, unit_exactness
from tracker.planfile import model as pf


def _plan(*tasks: pf.Task) -> pf.Plan:
    return pf.Plan(title="分工方案", tasks=list(tasks))


def _task(code: str, title: str, units: list[tuple[str, str]], **extra: object) -> pf.Task:
    return pf.Task(code=code, title=title, units=[pf.UnitRef(name=n, role=r) for n, r in units], **extra)


EXPECTED = _plan(
    _task(
        "1",
        "新培育科技型中小企业50家以上",
        [("区科技局", "lead"), ("区经信局", "support")],
        deadline=date(2023, 12, 31),
        deadline_text="2023年12月底",
    ),
    _task(
        "2",
        "推动亳州国家农业科技园区提档升级",
        [("区科技局", "lead"), ("区农投公司", "support")],
        deadline_text="长期坚持",
    ),
    _task("3", "强化企业创新主体地位", [("区科技局", "responsible")]),
)


def test_units_must_match_in_names_order_and_roles() -> None:
    draft = _plan(
        _task("1", "新培育科技型中小企业50家以上", [("区科技局", "lead"), ("区经信局", "support")]),
        _task("2", "推动亳州国家农业科技园区提档升级", [("区农投公司", "support"), ("区科技局", "lead")]),
        _task("3", "强化企业创新主体地位", [("区科技局", "lead")]),
    )
    score = unit_exactness(EXPECTED, draft)
    assert (score.found, score.expected, score.drafted) == (1, 3, 3)


def test_an_unmatched_task_is_not_exact() -> None:
    draft = _plan(_task("9", "另一项工作", [("区科技局", "lead"), ("区经信局", "support")]))
    score = unit_exactness(EXPECTED, draft)
    assert (score.found, score.expected) == (0, 3)


def test_deadlines_by_date_or_by_the_words() -> None:
    draft = _plan(
        _task("1", "新培育科技型中小企业50家以上", [], deadline=date(2023, 12, 31)),
        _task("2", "推动亳州国家农业科技园区提档升级", [], deadline_text="长期 坚持"),
        _task("3", "强化企业创新主体地位", [], deadline=date(2023, 6, 30)),
    )
    score = deadline_recall(EXPECTED, draft)
    # task 3 prints no deadline, so it does not count; the other two are found
    assert (score.found, score.expected) == (2, 2)
    wrong = _plan(_task("1", "新培育科技型中小企业50家以上", [], deadline=date(2023, 6, 30)))
    assert deadline_recall(EXPECTED, wrong).found == 0
