"""单位考核: a score per unit and period from results only, never from activity.

Rule: each task a unit answers for earns up to 100 points — 报送 (按时 full, 逾期 half, 未报送
none) and 进度 (已完成 full, 序时推进 most, 黄灯 part, 滞后 little, 逾期未完成 and 未报送 none; tasks
not yet due are judged on 报送 alone) — weighted by role (牵头 1, 责任 1, 配合 0.5); the unit's score is the
weighted mean, less the deductions for each 退回 and each 催办 round, never below 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from tracker.rules.report_due import Timeliness

PROGRESS_STATES = ("done", "on_track", "slow", "behind", "overdue", "not_due", "unreported")
PROGRESS_WORDS = {
    "done": "已完成",
    "on_track": "序时推进",
    "slow": "进度偏慢",
    "behind": "滞后",
    "overdue": "逾期未完成",
    "not_due": "未到期",
    "unreported": "未报送",
}


@dataclass(frozen=True)
class ScoringRules:
    """Points out of 100 per task; the officer may change any of them."""

    report_points: float = 30.0  # 按时报送
    late_report_share: float = 0.5  # 逾期报送 earns this share of report_points
    progress_points: float = 70.0
    progress_share: dict[str, float] = field(
        default_factory=lambda: {"done": 1.0, "on_track": 0.9, "slow": 0.5, "behind": 0.15, "overdue": 0.0}
    )
    role_weight: dict[str, float] = field(
        default_factory=lambda: {"lead": 1.0, "responsible": 1.0, "support": 0.5}
    )
    return_deduction: float = 1.0  # each row 退回
    reminder_deduction: dict[str, float] = field(
        default_factory=lambda: {"blue": 0.5, "yellow": 1.0, "red": 2.0}
    )

    def lines(self) -> list[str]:
        """The rule as printed beside the ranking."""
        share = self.progress_share
        return [
            f"每项任务满分100分：报送{self.report_points:g}分（按时报送得满分，逾期报送得"
            f"{self.report_points * self.late_report_share:g}分，未报送不得分）；进度{self.progress_points:g}分"
            f"（已完成{self.progress_points * share['done']:g}分，序时推进{self.progress_points * share['on_track']:g}分，"
            f"进度偏慢{self.progress_points * share['slow']:g}分，滞后{self.progress_points * share['behind']:g}分，"
            f"逾期未完成、未报送{self.progress_points * share['overdue']:g}分；未到期事项只计报送）。",
            f"按承担角色加权：牵头{self.role_weight['lead']:g}、责任{self.role_weight['responsible']:g}、"
            f"配合{self.role_weight['support']:g}，取加权平均。",
            f"扣分：每退回一次扣{self.return_deduction:g}分；每收到一次催办单，蓝色扣"
            f"{self.reminder_deduction['blue']:g}分、黄色扣{self.reminder_deduction['yellow']:g}分、"
            f"红色扣{self.reminder_deduction['red']:g}分。最低0分。",
            "只考核结果（报送、进度、完成），不以登录次数、上传照片数量等留痕多少计分。",
        ]


@dataclass(frozen=True)
class TaskResult:
    """One task as the unit answers for it in the period."""

    task_id: int
    role: str  # lead / responsible / support
    report: Timeliness
    progress: str  # one of PROGRESS_STATES


@dataclass(frozen=True)
class UnitScore:
    unit: str
    score: float
    report_part: float  # weighted mean points from 报送
    progress_part: float  # weighted mean points from 进度
    deductions: float
    tasks: int
    on_time: int
    late_reports: int
    missing: int
    done: int
    overdue: int
    returns: int
    reminders: int
    rank: int = 0


def task_points(result: TaskResult, rules: ScoringRules) -> tuple[float, float, float]:
    """(report points, progress points, points possible) of one task."""
    report = {
        Timeliness.ON_TIME: rules.report_points,
        Timeliness.LATE: rules.report_points * rules.late_report_share,
        Timeliness.MISSING: 0.0,
    }[result.report]
    if result.progress == "not_due":
        return report, 0.0, rules.report_points
    progress = rules.progress_points * rules.progress_share.get(result.progress, 0.0)
    return report, progress, rules.report_points + rules.progress_points


def score_unit(
    unit: str,
    results: Sequence[TaskResult],
    returns: int = 0,
    reminder_levels: Iterable[str] = (),
    rules: ScoringRules | None = None,
) -> UnitScore:
    """The unit's score out of 100; a unit with no tasks scores nothing and is not ranked."""
    rules = rules or ScoringRules()
    levels = list(reminder_levels)
    weight_sum = report_sum = progress_sum = 0.0
    for result in results:
        weight = rules.role_weight.get(result.role, 1.0)
        report, progress, possible = task_points(result, rules)
        scale = 100.0 / possible
        weight_sum += weight
        report_sum += weight * report * scale
        progress_sum += weight * progress * scale
    report_part = report_sum / weight_sum if weight_sum else 0.0
    progress_part = progress_sum / weight_sum if weight_sum else 0.0
    deductions = returns * rules.return_deduction + sum(
        rules.reminder_deduction.get(lv, 0.0) for lv in levels
    )
    score = max(0.0, report_part + progress_part - deductions) if weight_sum else 0.0
    return UnitScore(
        unit=unit,
        score=round(score, 1),
        report_part=round(report_part, 1),
        progress_part=round(progress_part, 1),
        deductions=round(deductions, 1),
        tasks=len(results),
        on_time=sum(r.report is Timeliness.ON_TIME for r in results),
        late_reports=sum(r.report is Timeliness.LATE for r in results),
        missing=sum(r.report is Timeliness.MISSING for r in results),
        done=sum(r.progress == "done" for r in results),
        overdue=sum(r.progress == "overdue" for r in results),
        returns=returns,
        reminders=len(levels),
    )


def rank(scores: Iterable[UnitScore]) -> list[UnitScore]:
    """Highest score first; equal scores share a rank (1, 2, 2, 4), ties by name for a stable order."""
    ordered = sorted((s for s in scores if s.tasks), key=lambda s: (-s.score, s.unit))
    out: list[UnitScore] = []
    for index, item in enumerate(ordered):
        same = out and out[-1].score == item.score
        out.append(replace(item, rank=out[-1].rank if same else index + 1))
    return out


def year_total(period_scores: Sequence[UnitScore]) -> float:
    """目标责任制考核 year-end total: the mean of the unit's period scores in the year."""
    scored = [s.score for s in period_scores if s.tasks]
    return round(sum(scored) / len(scored), 1) if scored else 0.0
