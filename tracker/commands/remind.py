"""`tracker remind --out F`: 催办单 for the units that are late or have not reported."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from tracker.commands.common import open_ledger, say
from tracker.errors import BadInput
from tracker.fileio import is_stdout


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "remind", help="为本期滞后或未报送进展的责任单位生成催办单（PDF，每单位存根、送达联各一页）"
    )
    parser.add_argument("--out", required=True, help="输出 PDF 文件；与 --split 同用时为输出文件夹")
    parser.add_argument(
        "--period",
        help="报告期：2023年第二季度、2023年上半年、2023年5月、2023年，或 2023Q2、2023H1、2023-05、2023（默认：本季度）",
    )
    parser.add_argument("--plan", help="只含标题或文号含此文字的方案")
    parser.add_argument("--unit", help="只为此责任单位生成催办单")
    parser.add_argument("--split", action="store_true", help="每个单位一个 PDF 文件，写入 --out 文件夹")
    parser.add_argument("--reply-by", help="回复期限 YYYY-MM-DD（默认：今天起 7 天）")
    parser.add_argument("--date", help="催办单日期 YYYY-MM-DD（默认：今天）")
    parser.add_argument("--office", help="发文单位（默认：台账设置中的单位名称）")
    parser.add_argument(
        "--preview", action="store_true", help="只生成预览，不记入催办记录（不计催办次数，下次仍为同一轮）"
    )
    parser.set_defaults(run=run)


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option} “{value}” 不是 YYYY-MM-DD 格式的日期") from None


def run(args: argparse.Namespace) -> int:
    from tracker.facts.period import read_facts
    from tracker.periods import parse_period
    from tracker.reports.assemble import resolve_scope
    from tracker.reports.issue_reminders import issue_reminders
    from tracker.reports.options import default_period
    from tracker.reports.reminders import ReminderOptions, unassigned_items
    from tracker.services.settings import office_of

    if args.split and is_stdout(args.out):
        raise BadInput("--split 把每个单位写成一个文件，须给出输出文件夹，不能是 -（标准输出）")
    reply_by = _day(args.reply_by, "--reply-by")
    issued_on = _day(args.date, "--date")
    if reply_by is not None and reply_by < (issued_on or date.today()):
        raise BadInput(f"--reply-by {reply_by} 早于催办单日期")
    period = parse_period(args.period) if args.period else default_period()
    out = Path(args.out)
    database = open_ledger(args)
    try:
        with database.reading() as session:
            scope = resolve_scope(session, args.plan, args.unit)
            facts = read_facts(session, period, scope)
            nobody = unassigned_items(facts) if not scope.units else []
            office = office_of(session, args.office)
        options = ReminderOptions(office=office, issued_on=issued_on, reply_by=reply_by)
        result = issue_reminders(
            database, period, scope, out, options, split=args.split, preview=args.preview
        )
    finally:
        database.dispose()
    if nobody:
        names = "；".join(f"{row.plan_label}第{row.code}项 {row.title[:30]}" for row in nobody[:10])
        more = f"等（共{len(nobody)}项）" if len(nobody) > 10 else ""
        say(f"另有{len(nobody)}项未明确责任单位，无法催办，请在台账中明确责任单位：{names}{more}")
    if not result.planned:
        who = f"{scope.units[0]}" if scope.units else "各单位"
        say(f"{period.label}{who}没有滞后或未报送的事项，无需催办，未生成文件")
        return 0
    say(result.summary(period, out))
    return 0
