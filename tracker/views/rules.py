"""The officer's judging settings, stored in the ledger: light thresholds and own name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from tracker.errors import BadInput
from tracker.lights import LightRules
from tracker.services.settings import OFFICER_NAME, get_setting, set_setting

YELLOW_GAP = "light_yellow_gap"
RED_GAP = "light_red_gap"
WARN_DAYS = "light_warn_days"


@dataclass(frozen=True)
class JudgingSettings:
    rules: LightRules
    officer_name: str  # the history's actor; empty means the OS user


def load_settings(session: Session) -> JudgingSettings:
    default = LightRules()
    rules = LightRules(
        yellow_gap=float(get_setting(session, YELLOW_GAP, default.yellow_gap)),
        red_gap=float(get_setting(session, RED_GAP, default.red_gap)),
        warn_days=int(get_setting(session, WARN_DAYS, default.warn_days)),
    )
    return JudgingSettings(rules, str(get_setting(session, OFFICER_NAME, "") or ""))


def save_settings(session: Session, settings: JudgingSettings) -> None:
    """Write them in the caller's transaction; thresholds must be ordered and non-negative."""
    rules = settings.rules
    if not 0 <= rules.yellow_gap < rules.red_gap:
        raise BadInput("黄灯差距应小于红灯差距，且不小于 0")
    if not 0 <= rules.warn_days <= 365:
        raise BadInput("临近时限天数应在 0 到 365 之间")
    set_setting(session, YELLOW_GAP, rules.yellow_gap)
    set_setting(session, RED_GAP, rules.red_gap)
    set_setting(session, WARN_DAYS, rules.warn_days)
    set_setting(session, OFFICER_NAME, settings.officer_name.strip())
