"""`tracker forms export|import`: per-unit fill-in forms (填报表), out and back."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from tracker.commands.common import input_file, open_ledger, say
from tracker.errors import BadInput
from tracker.fileio import is_stdout
from tracker.forms.apply import FormDiff, apply_diff, check_origin, compute_diff
from tracker.forms.export import build_form, ledger_rows, units_with_tasks, write_form, write_forms
from tracker.forms.read import read_form
from tracker.periods import Period, parse_period, period_containing


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("forms", help="单位填报表：导出、导入")
    sub = parser.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    export = sub.add_parser("export", help="导出单位填报表（.xlsx；多个单位时输出到文件夹或 .zip）")
    export.add_argument("--unit", action="append", default=[], help="责任单位名称（可重复）")
    export.add_argument("--all-units", action="store_true", help="所有有任务的单位")
    export.add_argument("--out", required=True, help="输出 .xlsx 文件；多个单位时为文件夹或 .zip")
    export.add_argument(
        "--period",
        help="报告期：2023年第二季度、2023年上半年、2023年5月、2023年，或 2023Q2、2023H1、2023-05、2023（默认本季度）",
    )
    export.add_argument("--plan", help="只包含标题或文号含此文字的方案")
    export.set_defaults(run=run_export)
    imp = sub.add_parser("import", help="导入单位交回的填报表")
    imp.add_argument("file", help="填报表 .xlsx")
    imp.add_argument("--dry-run", action="store_true", help="只显示将发生的变化，不写入台账")
    imp.add_argument("--unit", help="核对：填报表应属于此单位")
    imp.add_argument("--period", help="核对：填报表应属于此报告期")
    imp.add_argument("--received", help="填报表收到日期 YYYY-MM-DD（默认今天），用于判断是否按时报送")
    imp.add_argument(
        "--return",
        dest="returns",
        action="append",
        default=[],
        metavar="行号=理由",
        help="审核退回：填报表第几行（或任务编号 T12）及退回理由，可重复",
    )
    imp.add_argument(
        "--return-flagged",
        action="store_true",
        help="审核退回所有需要退回的行（滞后或亮红灯却未写存在问题、下步措施）",
    )
    imp.add_argument("--return-out", help="退回单和重报表的输出文件夹（默认：填报表所在文件夹）")
    imp.set_defaults(run=run_import)


def _period(value: str | None) -> Period:
    return parse_period(value) if value else period_containing(date.today())


def run_export(args: argparse.Namespace) -> int:
    period = _period(args.period)
    if not args.unit and not args.all_units:
        raise BadInput("请用 --unit 指定单位，或用 --all-units 导出所有单位的填报表")
    out = Path(args.out)
    database = open_ledger(args)
    try:
        with database.reading() as session:
            names = units_with_tasks(session) if args.all_units else list(args.unit)
            rows = ledger_rows(session, period)  # read once for every unit's form
            forms = [build_form(session, name, period, args.plan, ledger=rows) for name in names]
        if len(forms) == 1 and (out.suffix.lower() == ".xlsx" or is_stdout(out)):
            write_form(forms[0], out)
            written = [out]
        else:
            written = write_forms(forms, out)
        for form in forms:
            say(f"{form.unit}：{form.task_count} 项任务")
        say(f"已导出 {len(forms)} 个单位 {period.label} 的填报表到 {', '.join(str(p) for p in written)}")
        return 0
    finally:
        database.dispose()


def print_diff(diff: FormDiff) -> None:
    print(
        f"{diff.source}（{diff.period}）：{len(diff.changes)} 项任务有变化，{diff.unchanged} 项与台账一致，{diff.blank} 项未填"
    )
    for change in diff.changes:
        print(f"第 {change.row} 行  {change.code} {change.title[:30]}")
        for item in change.changes:
            print(f"    {item.label}：{item.before or '（空）'} → {item.after or '（空）'}")
        for flag in change.flags:
            print(f"    【建议退回】{flag}")


def _returns(diff: FormDiff, given: list[str], flagged: bool) -> dict[int, str]:
    """Task id → reason, from `--return 行号=理由` / `T12=理由` and `--return-flagged`."""
    by_row = {change.row: change for change in diff.changes}
    by_task = {change.task_id: change for change in diff.changes}
    out: dict[int, str] = {}
    for item in given:
        key, sep, reason = item.partition("=")
        key = key.strip()
        if not sep or not reason.strip():
            raise BadInput(f"--return “{item}” 应写成 行号=理由，如 --return 12=未写存在问题")
        change = None
        if key.upper().startswith("T") and key[1:].isdigit():
            change = by_task.get(int(key[1:]))
        elif key.isdigit():
            change = by_row.get(int(key))
        if change is None:
            raise BadInput(f"--return “{key}”：填报表中没有这一行的变化（行号或任务编号 T12）")
        out[change.task_id] = reason.strip()
    if flagged:
        for change in diff.changes:
            if change.flags and change.task_id not in out:
                out[change.task_id] = "；".join(change.flags)
    return out


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option} “{value}” 不是 YYYY-MM-DD 格式的日期") from None


def run_import(args: argparse.Namespace) -> int:
    from tracker.reports.return_notice import build_return_notice, return_form, write_return_package
    from tracker.services.settings import office_of

    path = input_file(args.file)
    received = _day(args.received, "--received") or date.today()
    out_folder = Path(args.return_out) if args.return_out else path.parent
    if not out_folder.is_dir():
        raise BadInput(f"--return-out 文件夹 {out_folder} 不存在")
    data = read_form(path)  # every cell checked before the ledger is opened
    database = open_ledger(args)
    try:
        with database.unit_of_work() as session:
            check_origin(session, data, unit=args.unit, period=args.period)
            diff = compute_diff(session, data)
            print_diff(diff)
            returned = _returns(diff, args.returns, args.return_flagged)
            if args.dry_run:
                session.rollback()
                say("试运行（--dry-run）：未写入台账")
                return 0
            office = office_of(session)
            if returned and not office.strip():
                raise BadInput("退回单须写明发文单位：请先在“设置”中填写发文单位（设置项 office_name）")
            applied = apply_diff(session, diff, returned=returned, received_on=received)
            files: tuple[Path, Path] | None = None
            if returned:
                # Written before the commit: a 退回单 that cannot be written leaves the ledger as it was.
                notice = build_return_notice(
                    session, diff.unit, data.period, returned, received_on=received, office=office
                )
                files = write_return_package(notice, return_form(session, notice), out_folder)
        say(f"已导入 {applied} 项任务的填报内容（来源：{diff.source}）" if applied else "没有需要导入的变化")
        if files is not None:
            say(f"审核退回 {len(returned)} 项：退回单 {files[0]}，重报表 {files[1]}")
        return 0
    finally:
        database.dispose()
