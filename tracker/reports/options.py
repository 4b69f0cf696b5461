"""Report options shared by the CLI and the dialog: period, scope, issue number, office."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.periods import Period, parse_period, period_containing
from tracker.reports.assemble import Report, Scope, assemble_report, resolve_scope
from tracker.reports.bulletin import BulletinOptions
from tracker.services.settings import OFFICE_NAME, get_setting, office_of, set_setting

LAST_ISSUE = "bulletin_last_issue"  # setting: the last 督查通报 number issued
LAST_KEY = "bulletin_last_key"  # setting: the period and scope of that 通报 (bulletin_key)
RECIPIENTS = "bulletin_recipients"  # setting: 主送, e.g. 各责任单位
COPIES_TO = "bulletin_cc"  # setting: 抄送
TEXTS = "bulletin_texts"  # setting: {issue: {"problems": …, "next_steps": …}} saved by the window


def default_period(today: date | None = None) -> Period:
    """The current quarter."""
    return period_containing(today or date.today(), "quarter")


def bulletin_key(period: Period, scope: Scope) -> str:
    """What makes two 通报 one: the period and the scope (plans, units, kinds), as a setting's text."""
    plans = ",".join(str(pid) for pid in sorted(scope.plan_ids))
    units = ",".join(sorted(scope.units))
    kinds = ",".join(sorted(scope.kinds))
    return f"{period.code}|plans={plans}|units={units}|kinds={kinds}"


def issue_for(last_issue: int, last_key: str, key: str | None) -> int:
    """A draft never records a number; a 通报 of the same period and scope as the last one issued
    keeps that number (PDF and Word of one 通报, or a re-export); a different period or scope takes the next.

    `key` None asks for the next number of a new 通报.
    """
    if key is not None and last_issue > 0 and key == last_key:
        return last_issue
    return last_issue + 1


def next_issue(database: Database, key: str | None = None) -> int:
    """The number for a 通报 of `key` (bulletin_key) by `issue_for`; without a key, the next new one."""
    with database.reading() as session:
        last = int(get_setting(session, LAST_ISSUE, 0) or 0)
        last_key = str(get_setting(session, LAST_KEY, "") or "")
    return issue_for(last, last_key, key)


def record_issue(database: Database, issue: int, key: str | None = None) -> None:
    """Record `issue` (of the 通报 `key`) as issued when it is the newest; an older number changes nothing."""
    with database.unit_of_work() as session:
        last = int(get_setting(session, LAST_ISSUE, 0) or 0)
        if issue < last:
            return
        set_setting(session, LAST_ISSUE, issue)
        set_setting(session, LAST_KEY, key or "")


def read_document_settings(session: Session) -> tuple[str, str, str]:
    """发文单位, 主送 and 抄送 as set in 设置 (empty when not set)."""
    office, recipients, copies_to = (
        str(get_setting(session, key, "") or "") for key in (OFFICE_NAME, RECIPIENTS, COPIES_TO)
    )
    return office, recipients, copies_to


def write_document_settings(session: Session, office: str, recipients: str, copies_to: str) -> None:
    set_setting(session, OFFICE_NAME, office.strip())
    set_setting(session, RECIPIENTS, recipients.strip())
    set_setting(session, COPIES_TO, copies_to.strip())


def document_settings(database: Database) -> dict[str, str]:
    """The same, by setting key."""
    with database.reading() as session:
        values = read_document_settings(session)
    return dict(zip((OFFICE_NAME, RECIPIENTS, COPIES_TO), values, strict=True))


def save_document_settings(database: Database, office: str, recipients: str, copies_to: str) -> None:
    with database.unit_of_work() as session:
        write_document_settings(session, office, recipients, copies_to)


def saved_texts(database: Database, issue: int) -> dict[str, str]:
    """存在问题 and 下步工作要求 the window saved for `issue` (empty when none)."""
    with database.reading() as session:
        texts = get_setting(session, TEXTS, {}) or {}
    found = texts.get(str(issue), {}) if isinstance(texts, dict) else {}
    return {key: str(found.get(key, "") or "") for key in ("problems", "next_steps")}


def save_texts(database: Database, issue: int, problems: str, next_steps: str) -> None:
    with database.unit_of_work() as session:
        texts = get_setting(session, TEXTS, {}) or {}
        texts[str(issue)] = {"problems": problems, "next_steps": next_steps}
        set_setting(session, TEXTS, texts)


def assemble_for_cli(database: Database, args: argparse.Namespace) -> tuple[Report, str]:
    period = parse_period(args.period) if getattr(args, "period", None) else default_period()
    with database.reading() as session:
        scope = resolve_scope(
            session,
            getattr(args, "plan", None),
            getattr(args, "unit", None),
            getattr(args, "kind", None) or (),
        )
        report = assemble_report(session, period, scope)
        office = office_of(session, getattr(args, "office", None))
    return report, office


def _text_option(value: str | None, name: str) -> str:
    if not value:
        return ""
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BadInput(f"{name}：找不到文件 {path} (file not found)") from None
        except UnicodeDecodeError:
            raise BadInput(f"{name}：文件 {path} 不是 UTF-8 文本 (not UTF-8)") from None
    return value


def bulletin_options(
    database: Database, args: argparse.Namespace, office: str, report: Report | None = None
) -> BulletinOptions:
    """The CLI's options; the number by `issue_for` for the report's period and scope unless --issue."""
    key = bulletin_key(report.period, report.scope) if report is not None else None
    issue = args.issue if args.issue is not None else next_issue(database, key)
    if issue < 1:
        raise BadInput(f"--issue 期号应为正整数，收到 {issue}")
    issued_on = None
    if args.date:
        try:
            issued_on = date.fromisoformat(args.date)
        except ValueError:
            raise BadInput(f"--date “{args.date}” 不是 YYYY-MM-DD 格式的日期") from None
    saved = saved_texts(database, issue)
    document = document_settings(database)
    return BulletinOptions(
        issue=issue,
        office=office,
        issued_on=issued_on,
        problems=_text_option(args.problems, "--problems") or saved["problems"],
        next_steps=_text_option(args.next_steps, "--next-steps") or saved["next_steps"],
        recipients=getattr(args, "recipients", None) or document[RECIPIENTS],
        copies_to=getattr(args, "cc", None) or document[COPIES_TO],
        draft=bool(getattr(args, "draft", False)),
    )
