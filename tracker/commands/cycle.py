"""The 督办 cycle on the command line: 延期, 交办事项, 催办记录 and 回复, 单位考核."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.commands.common import open_ledger, say
from tracker.db import models as m
from tracker.errors import BadInput

_TASK_ID = re.compile(r"^[Tt]?(\d+)$")


def register(subparsers: Any) -> None:
    extend = subparsers.add_parser("extend", help="任务延期：记录新的完成时限、理由、批准人（原定时限保留）")
    extend.add_argument("task", help="任务：编号 T12，或与 --plan 同用的序号（如 3、（三））")
    extend.add_argument("--plan", help="按序号找任务时，方案标题或文号含此文字")
    extend.add_argument("--to", required=True, help="延期后的完成时限 YYYY-MM-DD")
    extend.add_argument("--reason", required=True, help="延期理由")
    extend.add_argument("--approver", required=True, help="批准人")
    extend.add_argument("--on", help="批准日期 YYYY-MM-DD（默认今天）")
    extend.set_defaults(run=run_extend)

    assign = subparsers.add_parser("assign", help="新增交办事项（领导批示、会议议定），放入当年的“交办事项”")
    assign.add_argument("title", help="事项名称")
    assign.add_argument("--lead", required=True, help="牵头单位")
    assign.add_argument("--support", default="", help="配合单位，多个用“、”分隔")
    assign.add_argument("--deadline", help="完成时限 YYYY-MM-DD")
    assign.add_argument("--leader", help="责任领导")
    source = assign.add_mutually_exclusive_group(required=True)
    source.add_argument("--instruction", help="批示内容（领导批示事项，须同时给出 --by）")
    source.add_argument("--meeting", help="会议名称或议定内容（会议议定事项）")
    assign.add_argument("--by", help="批示领导")
    assign.add_argument("--date", help="交办日期 YYYY-MM-DD（默认今天）")
    assign.add_argument("--key", action="store_true", help="标为重点事项")
    assign.set_defaults(run=run_assign)

    notices = subparsers.add_parser("notices", help="催办记录：列出已发出的催办单；--reply 登记单位回复")
    notices.add_argument("--period", help="只列此报告期")
    notices.add_argument("--unit", help="只列此单位")
    notices.add_argument("--reply", metavar="编号", help="登记此编号催办单已收到回复，如 〔2023〕第2季度-001")
    notices.add_argument("--date", help="回复日期 YYYY-MM-DD（默认今天）")
    notices.add_argument("--note", default="", help="回复摘要")
    notices.set_defaults(run=run_notices)

    score = subparsers.add_parser(
        "score", help="单位考核：按可调整的规则计分并排名（只看结果，不看留痕多少）"
    )
    score.add_argument("--period", help="报告期（默认本季度）")
    score.add_argument("--plan", help="只含标题或文号含此文字的方案")
    score.add_argument("--year", type=int, help="年度汇总：该年各季度考核分的平均（目标责任制考核）")
    score.set_defaults(run=run_score)


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{option} “{value}” 不是 YYYY-MM-DD 格式的日期") from None


def find_task(session: Session, ref: str, plan_text: str | None) -> m.Task:
    """A live task by its ledger id (T12), or by 序号 within the plan `plan_text` names."""
    from tracker.reports.assemble import resolve_scope

    live = select(m.Task).join(m.Plan).where(m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
    if plan_text:
        scope = resolve_scope(session, plan_text)
        *parents, code = [part.strip() for part in ref.split("/")]
        found = [
            task
            for task in session.scalars(live.where(m.Task.plan_id.in_(scope.plan_ids), m.Task.code == code))
            if not parents or _path(task)[-len(parents) - 1 : -1] == parents
        ]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "；".join(f"T{t.id}（{'/'.join(_path(t))} {t.title[:16]}）" for t in found[:8])
            raise BadInput(
                f"序号“{ref}”对应 {len(found)} 项任务：{listed}。请用编号，或写上级序号如 “（二）/3”"
            )
        raise BadInput(f"所选方案中没有序号为“{ref}”的任务")
    match = _TASK_ID.match(ref.strip())
    task = session.scalars(live.where(m.Task.id == int(match.group(1)))).first() if match else None
    if task is None:
        raise BadInput(f"没有编号为“{ref}”的任务（用 T12 这样的编号，或给出 --plan 再用序号）")
    return task


def _path(task: m.Task) -> list[str]:
    """The task's 序号 from the top: [“（二）”, “3”]."""
    codes = []
    node: m.Task | None = task
    while node is not None:
        codes.append(node.code)
        node = node.parent
    return codes[::-1]


def run_extend(args: argparse.Namespace) -> int:
    from tracker.services.extensions import grant_extension

    to = _day(args.to, "--to")
    assert to is not None
    database = open_ledger(args)
    try:
        with database.unit_of_work() as session:
            task = find_task(session, args.task, args.plan)
            row = grant_extension(session, task.id, to, args.reason, args.approver, _day(args.on, "--on"))
            label = f"{task.code} {task.title[:30]}".strip()
            original = row.original_deadline.isoformat() if row.original_deadline else "未明确"
        say(f"已记录延期：{label}，原定 {original}，延至 {to.isoformat()}（{args.approver}批准）")
        return 0
    finally:
        database.dispose()


def run_assign(args: argparse.Namespace) -> int:
    from tracker.services.tasks import TaskInput, create_assignment

    if args.instruction and not (args.by or "").strip():
        raise BadInput("领导批示事项须用 --by 给出批示领导")
    names = [(args.lead.strip(), "lead")]
    names += [(name.strip(), "support") for name in re.split(r"[、,，;；]", args.support) if name.strip()]
    data = TaskInput(
        title=args.title,
        units=[],
        deadline=_day(args.deadline, "--deadline"),
        leader=args.leader,
        is_key=args.key,
        origin_kind="instruction" if args.instruction else "meeting",
        origin_leader=args.by,
        origin_text=args.instruction or args.meeting,
        assigned_on=_day(args.date, "--date"),
    )
    database = open_ledger(args)
    try:
        with database.unit_of_work() as session:
            from tracker.services.unit_lookup import find_unit

            # A unit named as --unit names it (full name, alias, a short form printed in one plan):
            # a typo must not create a new unit that later --unit lookups would match.
            data.units = [(find_unit(session, name).name, role) for name, role in names]
            task = create_assignment(session, data)
            where, code, task_id = task.plan.title, task.code, task.id
        say(f"已新增交办事项：{where} 第{code}项（编号 T{task_id}）")
        return 0
    finally:
        database.dispose()


def run_notices(args: argparse.Namespace) -> int:
    from tracker.periods import parse_period
    from tracker.reports.assemble import resolve_scope
    from tracker.services.notices import list_notices, mark_replied

    database = open_ledger(args)
    try:
        if args.reply:
            with database.unit_of_work() as session:
                row = session.scalar(
                    select(m.ReminderNotice).where(m.ReminderNotice.number == args.reply.strip())
                )
                if row is None:
                    raise BadInput(f"没有编号为“{args.reply}”的催办单")
                mark_replied(session, row.id, _day(args.date, "--date") or date.today(), args.note)
            say(f"已登记催办单 {args.reply} 的回复")
            return 0
        with database.reading() as session:
            period = parse_period(args.period).code if args.period else None
            unit = resolve_scope(session, None, args.unit).units[0] if args.unit else None
            views = list_notices(session, period, unit)
        if not views:
            say("没有催办记录")
            return 0
        today = date.today()
        for view in views:
            state = (
                f"{view.replied_on.isoformat()}已回复"
                if view.replied_on
                else ("逾期未回复" if view.overdue(today) else f"待回复（{view.reply_by.isoformat()}前）")
            )
            print(
                f"{view.number}\t{view.unit}\t{view.period.label}\t{view.level.words}\t第{view.round}次催办\t"
                f"{view.issued_on.isoformat()}\t{view.tasks}项\t{state}"
            )
        return 0
    finally:
        database.dispose()


def run_score(args: argparse.Namespace) -> int:
    from tracker.periods import parse_period
    from tracker.reports.assemble import resolve_scope
    from tracker.reports.options import default_period
    from tracker.views.assessment import assess, assess_year, load_scoring_rules

    database = open_ledger(args)
    try:
        with database.reading() as session:
            if args.year is not None:
                totals = assess_year(session, args.year)
                print(f"{args.year}年度单位考核（各季度得分平均）")
                ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
                place = 0
                for i, (unit, total) in enumerate(ranked, start=1):
                    if i == 1 or total != ranked[i - 2][1]:
                        place = i  # equal totals share a place (1, 2, 2, 4), as a period's ranking does
                    print(f"{place}\t{unit}\t{total:.1f}")
                return 0
            period = parse_period(args.period) if args.period else default_period()
            scope = resolve_scope(session, args.plan)
            result = assess(session, period, list(scope.plan_ids) or None)
            rules = load_scoring_rules(session)
        print(f"{period.label}单位考核（报送截止日：{result.due.isoformat()}）")
        print("名次\t单位\t得分\t报送\t进度\t扣分\t任务数\t按时报送\t逾期报送\t未报送\t退回\t催办")
        for s in result.scores:
            print(
                f"{s.rank}\t{s.unit}\t{s.score:.1f}\t{s.report_part:.1f}\t{s.progress_part:.1f}\t{s.deductions:.1f}\t"
                f"{s.tasks}\t{s.on_time}\t{s.late_reports}\t{s.missing}\t{s.returns}\t{s.reminders}"
            )
        print("计分规则：")
        for line in rules.lines():
            print("  " + line)
        return 0
    finally:
        database.dispose()
