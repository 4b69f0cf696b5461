"""Every built-in plan file validates, and a fresh ledger loads them all."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.ledger import seed_builtin_plans
from tracker.planfile import load_plan_file
from tracker.planfile.model import iter_tasks
from tracker.services.seeding import seed_files

SEED_FILES = seed_files()


def test_there_are_built_in_plans() -> None:
    assert SEED_FILES, "seed/ holds no plan file"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
def test_seed_file_is_valid(path: Path) -> None:
    plan = load_plan_file(path)
    assert plan.title and plan.source
    assert iter_tasks(plan.tasks)


def test_fresh_ledger_loads_every_seed_once(database: Database) -> None:
    plans = seed_builtin_plans(database)
    assert len(plans) == len(SEED_FILES)
    expected_tasks = sum(len(iter_tasks(load_plan_file(p).tasks)) for p in SEED_FILES)
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(m.Task)) == expected_tasks
        assert session.scalar(select(func.count()).select_from(m.AuditEntry)) == len(SEED_FILES)
    assert seed_builtin_plans(database) == []  # a ledger with plans is never re-seeded
