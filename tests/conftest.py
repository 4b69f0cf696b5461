"""Shared fixtures: every test gets its own temporary ledger and user-data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tracker.db.engine import Database
from tracker.ledger import open_database, seed_builtin_plans

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep tests away from the real per-user folder and from any TRACKER_DB set outside."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TRACKER_HOME", str(home))
    monkeypatch.delenv("TRACKER_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "台账 数据"  # Chinese and a space, as on an office PC
    folder.mkdir()
    return folder / "ledger.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """A migrated, empty ledger in a real SQLite file."""
    db, _ = open_database(str(db_path))
    yield db
    db.dispose()


@pytest.fixture
def seeded(database: Database) -> Database:
    """A ledger holding the built-in plans."""
    seed_builtin_plans(database)
    return database
