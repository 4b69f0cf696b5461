"""Units: rename keeps the old name as an alias; merge moves tasks and names, keeps order."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.services.tasks import TaskInput, create_task
from tracker.services.unit_admin import list_units, merge_units, rename_unit
from tracker.services.units import UnitResolver


def unit_id(session, name: str) -> int:  # type: ignore[no-untyped-def]
    found = session.scalar(select(m.Unit.id).where(m.Unit.name == name))
    assert found is not None
    return int(found)


def test_rename_keeps_alias(seeded: Database) -> None:
    with seeded.unit_of_work() as session:
        plan_id = session.scalars(select(m.Plan.id)).first()
        create_task(session, plan_id, TaskInput(title="甲", units=[("市发改委", "lead")]))
    with seeded.unit_of_work() as session:
        rename_unit(session, unit_id(session, "市发改委"), "市发展和改革委员会", actor="张科长")
    with seeded.reading() as session:
        unit = UnitResolver(session).resolve("市发改委")
        assert unit.name == "市发展和改革委员会"
        info = next(u for u in list_units(session) if u.id == unit.id)
        assert "市发改委" in info.aliases and info.tasks == 1
        assert session.scalars(select(m.AuditEntry.summary).where(m.AuditEntry.entity == "unit")).first()


def test_merge_moves_links_and_names(seeded: Database) -> None:
    with seeded.unit_of_work() as session:
        plan_id = session.scalars(select(m.Plan.id)).first()
        both = create_task(
            session, plan_id, TaskInput(title="乙", units=[("科技局甲", "support"), ("科技局乙", "lead")])
        )
        only = create_task(session, plan_id, TaskInput(title="丙", units=[("科技局乙", "lead")]))
        both_id, only_id = both.id, only.id
    with seeded.unit_of_work() as session:
        source, target = unit_id(session, "科技局乙"), unit_id(session, "科技局甲")
        with pytest.raises(BadInput):
            rename_unit(session, source, "科技局甲")
        merge_units(session, source, target)
    with seeded.reading() as session:
        assert session.get(m.Unit, source) is None
        links = session.scalars(select(m.TaskUnit).where(m.TaskUnit.task_id == both_id)).all()
        assert [(link.unit_id, link.role) for link in links] == [(target, "lead")]
        [moved] = session.scalars(select(m.TaskUnit).where(m.TaskUnit.task_id == only_id)).all()
        assert moved.unit_id == target and moved.printed_name == "科技局乙"
        assert UnitResolver(session).resolve("科技局乙").id == target
    with pytest.raises(BadInput), seeded.unit_of_work() as session:
        merge_units(session, target, target)
