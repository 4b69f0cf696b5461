"""Reading rules of session 9: units pushing the work on (推进单位), …

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, units_of

from tracker.drafting import draft_text


def test_a_pushing_units_label_helps_the_lead_and_a_lead_pushing_label_names_co_leads() -> None:
    text = "\n".join(
        [
            "关于实施补短板项目的通知",
            "一、公共交通项目。完善城市主次干道路网。",
            "牵头单位：区交通局。",
            "推进单位：各片区管理局、区规划局。",
            "二、停车场项目。新建公共停车场。",
            "牵头推进单位：区交通局、区规划局。",
        ]
    )
    tasks = leaves(draft_text(text, "通知.txt").plan)
    assert [units_of(t) for t in tasks] == [
        [("区交通局", "lead"), ("各片区管理局", "support"), ("区规划局", "support")],
        [("区交通局", "lead"), ("区规划局", "lead")],
    ]
