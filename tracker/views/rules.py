"""The officer's judging settings, stored in the ledger: light and indicator thresholds, own name."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from tracker.errors import BadInput
from tracker.lights import LightRules
from tracker.rules.indicators import IndicatorRules
from tracker.services.settings import OFFICER_NAME, get_setting, set_setting

YELLOW_GAP = "light_yellow_gap"
RED_GAP = "light_red_gap"
WARN_DAYS = "light_warn_days"
AHEAD_GAP = "indicator_ahead_gap"
BEHIND_GAP = "indicator_behind_gap"
ABOUT_TOLERANCE = "indicator_about_tolerance"


@dataclass(frozen=True)
class JudgingSettings:
    rules: LightRules
    officer_name: str  # the history's actor; empty means the OS user
    indicators: IndicatorRules = field(default_factory=IndicatorRules)


def load_indicator_rules(session: Session) -> IndicatorRules:
    """指标判断的阈值 as saved in this ledger, the defaults where none was saved."""
    default = IndicatorRules()
    return IndicatorRules(
        ahead_gap=float(get_setting(session, AHEAD_GAP, default.ahead_gap)),
        behind_gap=float(get_setting(session, BEHIND_GAP, default.behind_gap)),
        about_tolerance=float(get_setting(session, ABOUT_TOLERANCE, default.about_tolerance)),
    )


def load_settings(session: Session) -> JudgingSettings:
    default = LightRules()
    rules = LightRules(
        yellow_gap=float(get_setting(session, YELLOW_GAP, default.yellow_gap)),
        red_gap=float(get_setting(session, RED_GAP, default.red_gap)),
        warn_days=int(get_setting(session, WARN_DAYS, default.warn_days)),
    )
    return JudgingSettings(
        rules, str(get_setting(session, OFFICER_NAME, "") or ""), load_indicator_rules(session)
    )


def save_settings(session: Session, settings: JudgingSettings) -> None:
    """Write them in the caller's transaction; thresholds must be ordered and non-negative."""
    rules = settings.rules
    if not 0 <= rules.yellow_gap < rules.red_gap:
        raise BadInput("黄灯差距应小于红灯差距，且不小于 0")
    if not 0 <= rules.warn_days <= 365:
        raise BadInput("临近时限天数应在 0 到 365 之间")
    indicators = settings.indicators
    if not (0 <= indicators.ahead_gap <= 100 and 0 <= indicators.behind_gap <= 100):
        raise BadInput("指标判断的“快于预期”“滞后”差距应在 0 到 100 个百分点之间")
    if not 0 <= indicators.about_tolerance <= 50:
        raise BadInput("“左右”目标的允许偏差应在 0% 到 50% 之间")
    set_setting(session, YELLOW_GAP, rules.yellow_gap)
    set_setting(session, RED_GAP, rules.red_gap)
    set_setting(session, WARN_DAYS, rules.warn_days)
    set_setting(session, AHEAD_GAP, indicators.ahead_gap)
    set_setting(session, BEHIND_GAP, indicators.behind_gap)
    set_setting(session, ABOUT_TOLERANCE, indicators.about_tolerance)
    set_setting(session, OFFICER_NAME, settings.officer_name.strip())
