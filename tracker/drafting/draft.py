"""Assemble a draft plan: header + task tree + units + targets + indicator tables.

General rules only: the same code reads any 方案 / 规划 written in the usual numbered
style. Whatever the drafter had to guess is listed in `Draft.warnings` for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from tracker.drafting import targets as tg
from tracker.drafting.appendix import find_appendix_lists
from tracker.drafting.header import find_header
from tracker.drafting.metrics import metrics_from_text
from tracker.drafting.outline import Node, parse_outline
from tracker.drafting.tables import TableRow, find_tables
from tracker.drafting.text import load_text, normalise_line
from tracker.drafting.units import document_names_lead, find_units, split_units
from tracker.errors import BadInput
from tracker.planfile import model as pf

EXCLUDED = re.compile(
    r"(总体要求|指导思想|基本原则|主要目标|发展目标|总体目标|工作目标|保障措施|保障举措|组织实施|组织保障|"
    r"发展现状|现实基础|形势|总体思路|背景|发展基础|重点领域)"
)
TASK_WORDS = re.compile(r"(任务|行动|举措|工程|抓手|措施|重点工作)")
GOAL_WORDS = re.compile(r"(主要目标|发展目标|总体目标|工作目标)")
DEADLINE = re.compile(r"(到|至)\s*(20\d\d)\s*年")


@dataclass
class Draft:
    plan: pf.Plan
    warnings: list[str] = field(default_factory=list)


def _section_nodes(roots: list[Node]) -> list[Node]:
    """The top nodes of the document's body (chapters, else 一、 sections)."""
    nodes = roots
    if nodes and all(n.level == 0 for n in nodes):
        return nodes
    return nodes


def _task_sections(roots: list[Node]) -> list[Node]:
    top = _section_nodes(roots)
    # chapters hold sections: look one level down for the tasks
    flat: list[Node] = []
    for node in top:
        if node.level == 0 and not EXCLUDED.search(node.heading):
            flat.extend(
                node.children if node.children and all(c.level == 1 for c in node.children) else [node]
            )
        elif node.level > 0:
            flat.append(node)
    kept = [n for n in flat if n.children and not EXCLUDED.search(n.heading)]
    preferred = [n for n in kept if TASK_WORDS.search(n.heading)]
    return preferred or kept


def _parse_cell_target(text: str, year: int, unit: str | None) -> pf.Target | None:
    cell = text.strip()
    if not cell:
        return None
    bare = re.fullmatch(r"(\D*?)(\d+(?:\.\d+)?(?:\s*[-—–~～]\s*\d+(?:\.\d+)?)?)(\D*)", cell)
    probe = f"{bare.group(1)}{bare.group(2)}{unit or '个'}{bare.group(3)}" if bare else cell
    found = tg.find_targets(probe, year)
    if found:
        t = found[0]
        return pf.Target(
            year=year,
            value=t.value,
            max=t.max,
            comparator=t.comparator,
            kind=t.kind,
            text=cell,
        )
    number = re.search(r"\d+(?:\.\d+)?", cell)
    if number:
        return pf.Target(year=year, value=float(number.group()), comparator="=", text=cell)
    return pf.Target(year=year, comparator="text", text=cell)


def _table_metric(row: TableRow, start: int | None) -> pf.Metric:
    baseline = None
    targets: list[pf.Target] = []
    for year in sorted(row.values):
        text = row.values[year]
        if start is not None and year < start:
            number = re.search(r"\d+(?:\.\d+)?", text)
            if number:
                baseline = pf.Baseline(year=year, value=float(number.group()), text=text)
            continue
        target = _parse_cell_target(text, year, row.unit)
        if target is not None:
            targets.append(target)
    return pf.Metric(
        name=row.name, unit=row.unit, baseline=baseline, targets=targets, source="指标表", note=row.note
    )


class _Builder:
    def __init__(self, text: str, header_year: int | None, lead_rule: bool) -> None:
        self.text = text
        self.year = header_year
        self.lead_rule = lead_rule
        self.warnings: list[str] = []
        self.any_units = False

    def task(self, node: Node, path: str) -> pf.Task:
        body = node.content
        units: list[pf.UnitRef] = []
        found = find_units(node.text)
        if found is not None and not node.children:
            self.any_units = True
            text = node.text
            body_text = (text[: found.span[0]] + text[found.span[1] :]).strip()
            heading_len = len(node.title)
            body = body_text[heading_len:].lstrip("。！! ") if body_text.startswith(node.title) else body_text
            names = found.names
            if found.leads:
                units = [pf.UnitRef(name=n, role="lead" if n == found.leads[0] else "support") for n in names]
            elif self.lead_rule:
                units = [
                    pf.UnitRef(name=n, role="lead" if i == 0 else "support") for i, n in enumerate(names)
                ]
            else:
                units = [pf.UnitRef(name=n, role="responsible") for n in names]
        elif found is not None and node.children:
            self.any_units = True
        deadline_years = [int(y) for _, y in DEADLINE.findall(node.text)]
        deadline = date(max(deadline_years), 12, 31) if deadline_years else None
        children: list[pf.Task] = []
        codes: set[str] = set()
        for child in node.children:
            kid = self.task(child, f"{path}{child.code}")
            while kid.code in codes:
                kid.code = kid.code + "′"
                self.warnings.append(f"{path}{child.code}：序号重复，已改为“{kid.code}”")
            codes.add(kid.code)
            children.append(kid)
        metrics = (
            []
            if node.children
            else metrics_from_text(body, max(deadline_years) if deadline_years else self.year, path)
        )
        if len(node.heading) > 60 and node.title == node.heading[:60]:
            self.warnings.append(f"{path}：任务名称不明确，已截取前 60 字")
        for metric in metrics:
            if any(t.comparator == "=" and t.kind == "level" for t in metric.targets):
                self.warnings.append(f"{path}：指标“{metric.name[:20]}”的目标比较方式按“=”理解，请核对")
        return pf.Task(
            code=node.code,
            title=node.title or node.code,
            content=body,
            deadline=deadline,
            deadline_text=f"到{max(deadline_years)}年" if deadline_years else None,
            recurring="yearly" if "每年" in node.heading else None,
            source=path,
            units=units,
            metrics=metrics,
            children=children,
        )


def _appendix_tasks(lines: list[str], end_year: int | None) -> list[pf.Task]:
    """附件 lists of platforms and projects, each under a parent task named like the 附件."""
    deadline = date(end_year, 12, 31) if end_year else None
    parents = []
    for appendix in find_appendix_lists(lines):
        children = [
            pf.Task(
                code=item.code,
                title=item.title,
                content=item.content,
                kind=appendix.kind,
                deadline=deadline,
                location=item.location,
                investment=pf.Investment(value=item.investment[0], unit=item.investment[1])
                if item.investment
                else None,
                source=appendix.code,
            )
            for item in appendix.items
        ]
        parents.append(
            pf.Task(
                code=appendix.code,
                title=appendix.title or appendix.code,
                kind="task",
                deadline=deadline,
                source=appendix.code,
                children=children,
            )
        )
    return parents


def draft_text(text: str, source: str | None = None) -> Draft:
    """A plan drafted from a document's text; BadInput if it holds no tasks."""
    lines = [normalise_line(line) for line in text.splitlines()]
    header = find_header([line for line in lines if line])
    roots = parse_outline(lines)
    sections = _task_sections(roots)
    builder = _Builder(text, header.period[1] if header.period else None, document_names_lead(text))
    tasks: list[pf.Task] = []
    if len(sections) == 1:
        for child in sections[0].children:
            tasks.append(builder.task(child, f"{sections[0].code}、{sections[0].title}{child.code}"))
    else:
        for section in sections:
            tasks.append(builder.task(section, f"{section.code}"))
    tasks.extend(_appendix_tasks(lines, header.period[1] if header.period else None))
    seen: set[str] = set()
    for task in tasks:
        while task.code in seen:
            task.code += "′"
        seen.add(task.code)
    if not tasks:
        name = source or "文件"
        raise BadInput(f"{name} 中没有找到编号的任务（如“一、”“（一）”“1.”或“第一章”），无法起草方案")
    warnings = list(dict.fromkeys(builder.warnings))
    if not builder.any_units and header.issuer:
        names = split_units(header.issuer)
        for task in pf.iter_tasks(tasks):
            task.units = [pf.UnitRef(name=n, role="responsible") for n in names]
            task.units_inferred = True
        warnings.insert(0, f"文件未写明责任单位，已将发文单位（{header.issuer}）填为各任务的责任单位")
    elif builder.any_units:
        for task in pf.iter_tasks(tasks):
            if not task.units and not task.children:
                warnings.append(f"{task.source}：未找到责任单位")
    # plan-level indicators: tables, and the goals section's running text
    start = header.period[0] if header.period else None
    metrics = [_table_metric(row, start) for row in find_tables(lines)]
    for root in roots:
        for node in [root, *root.children]:
            if GOAL_WORDS.search(node.heading) and not node.children:
                metrics.extend(
                    metrics_from_text(node.text, header.period[1] if header.period else None, node.heading)
                )
    if header.title is None:
        warnings.insert(0, "未找到文件标题，请填写")
    plan_data = {
        "format": "tracker-plan",
        "version": 1,
        "title": header.title or (source or "未命名方案"),
        "doc_number": header.doc_number,
        "issuer": header.issuer,
        "issued_on": header.issued_on,
        "period": {"start": header.period[0], "end": header.period[1]} if header.period else None,
        "source": source,
        "notes": "由程序从文件起草，请核对：\n" + "\n".join(warnings) if warnings else "由程序从文件起草",
        "metrics": metrics,
        "tasks": tasks,
    }
    try:
        plan = pf.Plan.model_validate(
            {
                **plan_data,
                "metrics": [x.model_dump() for x in metrics],
                "tasks": [t.model_dump() for t in tasks],
            }
        )
    except ValidationError as exc:
        raise BadInput(f"{source or '文件'} 起草的方案未通过校验：{exc.errors()[0]['msg']}") from None
    return Draft(plan, warnings)


def draft_file(path: Path) -> Draft:
    path = Path(path)
    return draft_text(load_text(path), source=path.name)
