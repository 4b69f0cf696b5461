"""Issuing 催办单: find who owes, decide round and level, write the PDF, record what was sent.

One function for the command line and the window, so a notice printed is always a notice
recorded (unless it is a preview), numbered and escalated by the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import Period
from tracker.reports.assemble import Scope
from tracker.reports.reminders import (
    NO_OFFICE,
    IssuedAs,
    ReminderOptions,
    collect_reminders,
    write_reminders,
    write_reminders_split,
)
from tracker.rules.escalation import Level
from tracker.services.notices import PlannedNotice, plan_notices, record_notices


@dataclass(frozen=True)
class IssueResult:
    planned: tuple[PlannedNotice, ...]
    files: tuple[Path, ...]
    recorded: bool

    def summary(self, period: Period, out: Path) -> str:
        """What was done, in one sentence for the officer."""
        if not self.planned:
            return f"{period.label}没有滞后或未报送进展的单位，无需催办，未生成文件"
        levels = "，".join(
            f"{lv.words}{n}个"
            for lv in (Level.RED, Level.YELLOW, Level.BLUE)
            if (n := sum(1 for p in self.planned if p.level is lv))
        )
        again = sum(1 for p in self.planned if p.round > 1)
        again_words = f"；其中再次催办 {again} 个单位" if again else ""
        recorded = "，已记入催办记录" if self.recorded else "（预览，未记入催办记录）"
        where = f"文件夹 {out}" if len(self.files) > 1 else str(out)
        return f"已生成 {len(self.planned)} 个单位的催办单（{levels}{again_words}）到 {where}{recorded}"


def issue_reminders(
    database: Database,
    period: Period,
    scope: Scope,
    out: Path,
    options: ReminderOptions,
    *,
    split: bool = False,
    preview: bool = False,
) -> IssueResult:
    """Write the period's notices to `out` (a folder with `split`) and, unless `preview`,
    record them in the same transaction: a notice is kept only if its PDF was written."""
    if not options.office.strip():
        raise BadInput(NO_OFFICE)  # before anything is planned: a notice is never unsigned
    with database.unit_of_work() as session:
        reminders = collect_reminders(session, period, scope, office=options.office)
        if not reminders:
            return IssueResult((), (), False)
        planned = plan_notices(session, reminders, options.notice_date())
        mark = "（预览）" if preview else ""  # a preview's number is taken again by the real notice
        issued = {n.unit: IssuedAs(n.number + mark, n.level, n.round, n.escalation.reason) for n in planned}
        options = replace(options, issued=issued)
        if split:
            files = tuple(write_reminders_split(reminders, out, options))
        else:
            write_reminders(reminders, out, options)
            files = (out,)
        if preview:
            session.rollback()
        else:
            record_notices(session, planned, options.notice_date(), options.reply_date())
    return IssueResult(tuple(planned), files, not preview)
