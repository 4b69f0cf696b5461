"""审核 of a returned form's row: what makes a row one to send back (退回).

Rule: a row that reports 滞后, or whose task would turn red with it, must say both 存在问题 and
下步措施; a row without them is flagged for 退回 with the missing part named.
"""

from __future__ import annotations


def review_flags(
    status: str | None, turns_red: bool, problems: str | None, next_steps: str | None
) -> list[str]:
    """The reasons to send the row back; empty when it may be accepted as it is."""
    if status != "late" and not turns_red:
        return []
    why = "报告滞后" if status == "late" else "本期亮红灯"
    missing = [
        label
        for label, text in (("存在问题", problems), ("下步措施", next_steps))
        if not (text or "").strip()
    ]
    return [f"{why}，须填写{'、'.join(missing)}"] if missing else []


def return_reason(flags: list[str]) -> str:
    """The reason printed on the 退回单 for a flagged row."""
    return "；".join(flags)
