"""责任单位 administration: rename a unit, merge two spellings into one, keeping aliases.

A renamed unit keeps its old name as an alias; a merged unit's name and aliases become
aliases of the unit it merges into, so later imports still find it. Task links keep the
name as printed in the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.services import audit
from tracker.textsafe import clean_name


@dataclass(frozen=True)
class UnitInfo:
    id: int
    name: str
    aliases: tuple[str, ...]
    tasks: int  # live tasks linked to it


def list_units(session: Session) -> list[UnitInfo]:
    counts = dict(
        session.execute(
            select(m.TaskUnit.unit_id, func.count())
            .join(m.Task, m.Task.id == m.TaskUnit.task_id)
            .join(m.Plan, m.Plan.id == m.Task.plan_id)
            .where(m.Task.deleted_at.is_(None), m.Plan.deleted_at.is_(None))
            .group_by(m.TaskUnit.unit_id)
        )
        .tuples()
        .all()
    )
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in session.execute(
        select(m.UnitAlias.unit_id, m.UnitAlias.alias).order_by(m.UnitAlias.alias)
    ):
        aliases.setdefault(unit_id, []).append(alias)
    return [
        UnitInfo(unit_id, name, tuple(aliases.get(unit_id, [])), int(counts.get(unit_id, 0)))
        for unit_id, name in session.execute(select(m.Unit.id, m.Unit.name).order_by(m.Unit.name))
    ]


def _unit(session: Session, unit_id: int) -> m.Unit:
    unit = session.get(m.Unit, unit_id)
    if unit is None:
        raise BadInput(f"单位（编号 {unit_id}）不存在")
    return unit


def _record(
    session: Session,
    action: str,
    unit_id: int,
    summary: str,
    actor: str | None,
    *,
    before: Any = None,
    after: Any = None,
) -> None:
    """The 留痕 of one change to the unit table (rename, alias, merge, split)."""
    audit.record(
        session,
        action=action,
        entity="unit",
        entity_id=unit_id,
        summary=summary,
        before=before,
        after=after,
        actor=actor,
    )


def get_unit(session: Session, unit_id: int) -> m.Unit:
    """The unit, or a BadInput naming the id."""
    return _unit(session, unit_id)


def drop_aliases(session: Session, unit_id: int, *, keep: frozenset[str], actor: str | None = None) -> None:
    """Remove the unit's aliases not in `keep` (an undone rename leaves no alias behind)."""
    unit = _unit(session, unit_id)
    for alias in list(unit.aliases):
        if alias.alias not in keep:
            unit.aliases.remove(alias)
            _record(
                session,
                "update",
                unit.id,
                f"单位“{unit.name}”去掉别名“{alias.alias}”",
                actor,
                before={"alias": alias.alias},
            )
    session.flush()


def _add_alias(session: Session, unit: m.Unit, alias: str) -> None:
    if alias == unit.name or any(a.alias == alias for a in unit.aliases):
        return
    existing = session.scalar(select(m.UnitAlias).where(m.UnitAlias.alias == alias))
    if existing is not None:
        existing.unit_id = unit.id
        session.flush()
        session.expire(unit, ["aliases"])
        return
    unit.aliases.append(m.UnitAlias(alias=alias))


def rename_unit(session: Session, unit_id: int, new_name: str, *, actor: str | None = None) -> m.Unit:
    """Give a unit a new canonical name; the old one stays as an alias."""
    unit = _unit(session, unit_id)
    new_name = clean_name(new_name)
    if not new_name:
        raise BadInput("单位名称不能为空")
    if new_name == unit.name:
        return unit
    other = session.scalar(select(m.Unit).where(m.Unit.name == new_name))
    if other is not None:
        raise BadInput(f"已有单位名为“{new_name}”，请用“合并单位”把两者合为一个")
    old = unit.name
    for alias in list(unit.aliases):
        if alias.alias == new_name:
            unit.aliases.remove(alias)
    session.flush()
    foreign = session.scalar(select(m.UnitAlias).where(m.UnitAlias.alias == new_name))
    if foreign is not None:
        raise BadInput(f"“{new_name}”已是另一单位的别名，请用“合并单位”")
    unit.name = new_name
    session.flush()
    _add_alias(session, unit, old)
    _record(
        session,
        "update",
        unit.id,
        f"单位更名：{old} → {new_name}（原名保留为别名）",
        actor,
        before={"name": old},
        after={"name": new_name},
    )
    return unit


def merge_units(session: Session, source_id: int, target_id: int, *, actor: str | None = None) -> m.Unit:
    """Merge `source` into `target`: its tasks, name and aliases go to `target`; it is removed."""
    if source_id == target_id:
        raise BadInput("不能把单位合并到它自己")
    source = _unit(session, source_id)
    target = _unit(session, target_id)
    source_name = source.name
    shared = set(session.scalars(select(m.TaskUnit.task_id).where(m.TaskUnit.unit_id == target.id))) & set(
        session.scalars(select(m.TaskUnit.task_id).where(m.TaskUnit.unit_id == source.id))
    )
    # A task linked to both keeps one link: the target's, taking the lead role if the source had it.
    for task_id in shared:
        source_link = session.get(m.TaskUnit, (task_id, source.id))
        target_link = session.get(m.TaskUnit, (task_id, target.id))
        assert source_link is not None and target_link is not None
        if source_link.role == "lead":
            target_link.role = "lead"
        target_link.position = min(target_link.position, source_link.position)
    session.flush()
    session.execute(delete(m.TaskUnit).where(m.TaskUnit.unit_id == source.id, m.TaskUnit.task_id.in_(shared)))
    moved = len(list(session.scalars(select(m.TaskUnit.task_id).where(m.TaskUnit.unit_id == source.id))))
    session.execute(update(m.TaskUnit).where(m.TaskUnit.unit_id == source.id).values(unit_id=target.id))
    session.execute(update(m.UnitAlias).where(m.UnitAlias.unit_id == source.id).values(unit_id=target.id))
    session.flush()
    session.expire_all()
    source = _unit(session, source_id)
    target = _unit(session, target_id)
    session.delete(source)
    session.flush()
    _add_alias(session, target, source_name)
    session.flush()
    _record(
        session,
        "merge",
        target.id,
        f"合并单位：“{source_name}”并入“{target.name}”（{moved + len(shared)} 项任务，原名保留为别名）",
        actor,
        before={"unit_id": source_id, "name": source_name},
        after={"unit_id": target.id, "name": target.name},
    )
    return target


@dataclass(frozen=True)
class MergeRecord:
    """What a merge changes, read before it runs, so that it can be taken back exactly."""

    source_id: int
    source_name: str
    source_aliases: tuple[str, ...]
    target_id: int
    target_aliases: tuple[str, ...]
    links: tuple[tuple[int, int, str, str], ...]  # the source's (task, position, role, printed name)
    target_links: tuple[tuple[int, int, str], ...]  # the target's (task, position, role) on shared tasks


def merge_record(session: Session, source_id: int, target_id: int) -> MergeRecord:
    source = _unit(session, source_id)
    target = _unit(session, target_id)
    links = tuple(
        (link.task_id, link.position, link.role, link.printed_name)
        for link in session.scalars(select(m.TaskUnit).where(m.TaskUnit.unit_id == source.id))
    )
    tasks = [task_id for task_id, *_ in links]
    target_links = tuple(
        (link.task_id, link.position, link.role)
        for link in session.scalars(
            select(m.TaskUnit).where(m.TaskUnit.unit_id == target.id, m.TaskUnit.task_id.in_(tasks))
        )
    )
    return MergeRecord(
        source.id,
        source.name,
        tuple(a.alias for a in source.aliases),
        target.id,
        tuple(a.alias for a in target.aliases),
        links,
        target_links,
    )


def unmerge_units(session: Session, record: MergeRecord, *, actor: str | None = None) -> m.Unit:
    """Take back a merge: the merged unit returns under its id with its name, aliases and task
    links, and the unit it went into gets back the roles and places it had."""
    if session.get(m.Unit, record.source_id) is not None:
        raise BadInput(f"单位“{record.source_name}”已存在，无需拆回")
    target = _unit(session, record.target_id)
    if session.scalar(select(m.Unit.id).where(m.Unit.name == record.source_name)) is not None:
        raise BadInput(f"已有单位名为“{record.source_name}”，无法拆回")
    source = m.Unit(id=record.source_id, name=record.source_name)
    session.add(source)
    session.flush()
    session.execute(
        update(m.UnitAlias).where(m.UnitAlias.alias.in_(record.source_aliases)).values(unit_id=source.id)
    )
    session.execute(  # the merged unit's name, kept on the target as an alias by the merge
        delete(m.UnitAlias).where(
            m.UnitAlias.unit_id == target.id, m.UnitAlias.alias.not_in(record.target_aliases)
        )
    )
    session.flush()
    shared = {task_id: (position, role) for task_id, position, role in record.target_links}
    for task_id, position, role, printed in record.links:
        link = session.get(m.TaskUnit, (task_id, target.id))
        if task_id in shared:
            if link is not None:
                link.position, link.role = shared[task_id]
            session.add(
                m.TaskUnit(
                    task_id=task_id, unit_id=source.id, position=position, role=role, printed_name=printed
                )
            )
        elif link is not None:
            session.delete(link)
            session.flush()
            session.add(
                m.TaskUnit(
                    task_id=task_id, unit_id=source.id, position=position, role=role, printed_name=printed
                )
            )
    session.flush()
    session.expire_all()
    _record(
        session,
        "split",
        source.id,
        f"拆回单位：“{record.source_name}”从“{target.name}”中分出（{len(record.links)} 项任务）",
        actor,
        before={"unit_id": target.id, "name": target.name},
        after={"unit_id": record.source_id, "name": record.source_name},
    )
    return _unit(session, record.source_id)
