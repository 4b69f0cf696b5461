"""`tracker export FORMAT --out F`: json, pdf (督查通报) and xlsx (台账)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.commands.common import open_ledger, say
from tracker.db.engine import Database
from tracker.export.json_export import write_export
from tracker.reports.assemble import Report


def export_json(database: Database, args: argparse.Namespace, out: Path) -> None:
    with database.reading() as session:
        plans = write_export(session, out)
    say(f"已导出 {plans} 个方案到 {out}")


def _report(database: Database, args: argparse.Namespace) -> tuple[Report, str]:
    """The assembled report for the options, and the office name (option, else the setting)."""
    from tracker.errors import BadInput
    from tracker.reports.bulletin import scope_words
    from tracker.reports.options import assemble_for_cli

    report, office = assemble_for_cli(database, args)
    if not report.ledger:  # an empty scope is refused, nothing is written
        who, kinds = scope_words(report)
        raise BadInput(f"所选范围（{report.period.label}{who}{kinds}）内没有任务（事项），未生成文件")
    return report, office


def export_pdf(database: Database, args: argparse.Namespace, out: Path) -> None:
    from tracker.reports.options import bulletin_key, bulletin_options, record_issue
    from tracker.reports.pdf_bulletin import write_bulletin

    report, office = _report(database, args)
    options = bulletin_options(database, args, office, report)
    write_bulletin(report, out, options)
    if not options.draft:  # a draft records no number
        record_issue(database, options.issue, bulletin_key(report.period, report.scope))
    what = f"草稿（第{options.issue}期，不记期号）" if options.draft else f" 第{options.issue}期"
    say(f"已生成督查通报{what}（{report.period.label}，{report.totals.items} 项任务）到 {out}")


def export_docx(database: Database, args: argparse.Namespace, out: Path) -> None:
    from tracker.reports.docx_bulletin import write_docx
    from tracker.reports.options import bulletin_key, bulletin_options, record_issue

    report, office = _report(database, args)
    options = bulletin_options(database, args, office, report)
    write_docx(report, out, options)
    what = f"草稿（第{options.issue}期，不记期号）" if options.draft else f" 第{options.issue}期"
    if not options.draft:  # a draft records no number
        record_issue(database, options.issue, bulletin_key(report.period, report.scope))
    say(f"已生成督查通报 Word 版{what}（{report.period.label}，{report.totals.items} 项任务）到 {out}")


def export_xlsx(database: Database, args: argparse.Namespace, out: Path) -> None:
    from tracker.reports.xlsx_ledger import LedgerOptions, write_ledger

    report, office = _report(database, args)
    write_ledger(report, out, LedgerOptions(office=office, paper=args.paper))
    say(f"已导出台账（{report.period.label}，{len(report.ledger)} 行）到 {out}")


FORMATS: dict[str, Callable[[Database, argparse.Namespace, Path], None]] = {
    "json": export_json,
    "pdf": export_pdf,
    "docx": export_docx,
    "xlsx": export_xlsx,
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="导出台账（json）、督查通报（pdf，Word 版 docx）或 Excel 台账（xlsx）"
    )
    parser.add_argument("format", choices=sorted(FORMATS), help="导出格式")
    parser.add_argument("--out", required=True, help="输出文件")
    parser.add_argument(
        "--period",
        help="报告期：2023年第二季度、2023年上半年、2023年5月、2023年，或 2023Q2、2023H1、2023-05、2023",
    )
    parser.add_argument("--plan", help="只导出标题或文号含此文字的方案")
    parser.add_argument("--unit", help="只导出此责任单位的任务")
    parser.add_argument(
        "--kind", action="append", choices=["task", "platform", "project"], help="只含此类任务（可重复）"
    )
    parser.add_argument("--issue", type=int, help="督查通报期号（默认：上次期号加一）")
    parser.add_argument("--office", help="发文（制表）单位（默认：台账设置中的单位名称）")
    parser.add_argument("--date", help="通报日期 YYYY-MM-DD（默认：今天）")
    parser.add_argument(
        "--paper",
        choices=["A3", "A4"],
        default="A3",
        help="Excel 台账宽表的纸张：A3 一页宽（默认）；A4 按列分页，序号、所属方案、名称每页重复",
    )
    parser.add_argument("--problems", help="“存在问题”一节的文字，或 @文件 读取 UTF-8 文本")
    parser.add_argument("--next-steps", help="“下步工作要求”一节的文字，或 @文件 读取 UTF-8 文本")
    parser.add_argument("--recipients", help="主送（默认：设置中的主送，未设置时为“各责任单位”）")
    parser.add_argument("--cc", help="抄送（默认：设置中的抄送）")
    parser.add_argument(
        "--draft", action="store_true", help="缺少发文单位、存在问题或下步工作要求时仍生成，首页标明“草稿”"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    database = open_ledger(args)
    try:
        FORMATS[args.format](database, args, Path(args.out))
        return 0
    finally:
        database.dispose()
