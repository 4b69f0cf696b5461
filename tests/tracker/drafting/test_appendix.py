"""附件 lists of platforms and projects become tasks of their kind."""

from __future__ import annotations

from tracker.drafting.draft import draft_text

DOCUMENT = """某县科技发展规划（2021—2025年）

一、重点任务
（一）建设创新平台。到2025年建成省级平台3家。

附件1
重点支撑项目
\t序号
\t项目名称
\t建设规模和内容
\t项目属地
\t总投资（亿元）

\t1
\t智能装备产业园
\t用地100亩，建设厂房5幢。
\t城东街道
\t12.50

\t2
\t科创孵化中心
\t建设孵化场地2万平方米。
\t城西街道
\t3

附件2\t重点平台
序号\t平台名称\t发展目标
1\t县产业创新服务综合体\t争创省级综合体。
"""


def test_appendix_tables_become_projects_and_platforms() -> None:
    plan = draft_text(DOCUMENT, "规划.txt").plan
    by_code = {t.code: t for t in plan.tasks}
    projects = by_code["附件1"]
    assert projects.title == "重点支撑项目"
    assert [(c.code, c.title, c.kind, c.location) for c in projects.children] == [
        ("1", "智能装备产业园", "project", "城东街道"),
        ("2", "科创孵化中心", "project", "城西街道"),
    ]
    first = projects.children[0]
    assert first.investment is not None and (first.investment.value, first.investment.unit) == (12.5, "亿元")
    assert first.content == "用地100亩，建设厂房5幢。"
    assert str(first.deadline) == "2025-12-31"
    [platform] = by_code["附件2"].children
    assert (platform.kind, platform.title) == ("platform", "县产业创新服务综合体")
    assert platform.content == "发展目标：争创省级综合体。"
