"""催办 escalation: which round a notice is and at which colour it is issued.

Rule: a notice starts at the level of its worst item (蓝 未报送, 黄 滞后序时, 红 逾期未完成); when
the same unit was already sent a notice about any of the same items and did not reply by its
reply-by date, the new notice is the next round and one level above that notice (蓝 → 黄 → 红,
红 is the highest); a reply closes a round, so a unit that answered starts again at its items'
level, though the round count goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class Level(IntEnum):
    """Ordered by severity, so `max()` picks a notice's level."""

    BLUE = 1
    YELLOW = 2
    RED = 3

    @property
    def code(self) -> str:
        return self.name.lower()

    @classmethod
    def of(cls, code: str) -> Level:
        return cls[code.upper()]

    @property
    def words(self) -> str:
        return {Level.BLUE: "蓝色催办", Level.YELLOW: "黄色催办", Level.RED: "红色催办"}[self]

    @property
    def colour(self) -> str:
        """Band colour shared by the window and the PDF."""
        return {Level.BLUE: "#2E75B6", Level.YELLOW: "#FFC000", Level.RED: "#C00000"}[self]

    @property
    def ink(self) -> str:
        """Text colour on the band."""
        return "#000000" if self is Level.YELLOW else "#FFFFFF"

    @property
    def meaning(self) -> str:
        return {
            Level.BLUE: "本期未报送进展",
            Level.YELLOW: "进度滞后于序时进度",
            Level.RED: "逾期未完成",
        }[self]


@dataclass(frozen=True)
class EscalationRules:
    """How far an unanswered notice raises the next one; whether an answered one does too."""

    steps_if_unanswered: int = 1
    steps_if_answered: int = 0

    def describe(self) -> str:
        answered = f"；已回复但事项仍未解决的，升{self.steps_if_answered}级" if self.steps_if_answered else ""
        return (
            "催办等级取本单事项中最重的等级（蓝：未报送；黄：滞后序时进度；红：逾期未完成）；"
            f"同一事项上次催办逾期未回复的，本次在上次等级上升{self.steps_if_unanswered}级{answered}，"
            "红色为最高"
        )


@dataclass(frozen=True)
class EarlierNotice:
    """What the rule needs of a notice already issued to the unit."""

    level: Level
    round: int
    issued_on: date
    reply_by: date
    replied_on: date | None
    task_ids: frozenset[int]


@dataclass(frozen=True)
class Escalation:
    level: Level
    round: int
    reason: str  # why this level, in words for the notice and the 留痕


def escalate(
    item_levels: Sequence[Level],
    task_ids: Iterable[int],
    earlier: Sequence[EarlierNotice],
    today: date,
    rules: EscalationRules | None = None,
) -> Escalation:
    """The round and level of a new notice to a unit, given its earlier notices."""
    rules = rules or EscalationRules()
    if not item_levels:
        raise ValueError("a notice needs at least one item")
    own = max(item_levels)
    ids = frozenset(task_ids)
    related = [notice for notice in earlier if notice.task_ids & ids]
    if not related:
        return Escalation(own, 1, f"首次催办，按事项情况为{own.words}")
    last = max(related, key=lambda notice: (notice.issued_on, notice.round))
    round_ = max(notice.round for notice in related) + 1
    if last.replied_on is None and today <= last.reply_by:
        # Still within its reply window: neither answered nor ignored, so no rise.
        return Escalation(own, round_, f"上次{last.level.words}尚在回复期内，按事项情况为{own.words}")
    unanswered = last.replied_on is None
    steps = rules.steps_if_unanswered if unanswered else rules.steps_if_answered
    raised = Level(min(Level.RED, last.level + steps)) if steps else last.level
    level = max(own, raised) if unanswered else max(own, raised) if steps else own
    if unanswered:
        reason = (
            f"上次{last.level.words}逾期未回复，升为{level.words}"
            if level > last.level
            else f"上次{last.level.words}逾期未回复，维持{level.words}"
        )
    else:
        reason = f"上次催办已回复，事项仍未解决，按事项情况为{level.words}"
    return Escalation(level, round_, reason)
