"""The quick check begun at start-up: a sound ledger opens on its word, anything else as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tracker.test_damage import damaged, sha  # noqa: F401 — the damaged ledger fixture
from tracker import early_check
from tracker.ledger import LedgerDamaged, open_database, seed_builtin_plans


def _sound_ledger(db_path: Path) -> Path:
    database, _ = open_database(str(db_path))
    seed_builtin_plans(database)
    database.dispose()
    return db_path


def test_a_sound_ledger_is_found_sound_once(db_path: Path) -> None:
    path = _sound_ledger(db_path)  # in a folder with Chinese and a space
    early_check.start(path)
    assert early_check.found_sound(path)
    assert not early_check.found_sound(path)  # answered once: a later open checks in line
    early_check.start(path)
    database, _ = open_database(str(path))  # takes the early answer
    database.dispose()
    assert not early_check.found_sound(path)


def test_a_damaged_ledger_is_refused_as_before(damaged: Path) -> None:  # noqa: F811
    before = sha(damaged)
    early_check.start(damaged)
    with pytest.raises(LedgerDamaged) as caught:
        open_database(str(damaged))  # the early check found damage: checked again, refused
    assert caught.value.problems and caught.value.backup is not None
    assert sha(damaged) == before
    early_check.start(damaged)
    assert not early_check.found_sound(damaged)


def test_no_file_no_check_and_no_file_made(tmp_path: Path) -> None:
    missing = tmp_path / "还没有的台账.sqlite3"
    early_check.start(missing)
    assert not early_check.found_sound(missing)
    assert not missing.exists()
    not_sqlite = tmp_path / "说明.sqlite3"
    not_sqlite.write_text("这不是台账", encoding="utf-8")
    early_check.start(not_sqlite)
    assert not early_check.found_sound(not_sqlite)
    early_check.start(None)
