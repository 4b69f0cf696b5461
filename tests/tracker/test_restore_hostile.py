"""A backup is a file from outside: its names are never paths, its schema must be ours.

Each crafted backup carries a manifest whose sizes and hashes match its members, so the
only thing wrong with it is the attack itself. Every one is refused with exit 2, nothing is
written outside the staging folder, and the ledger (SQLite or PostgreSQL) is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BackupError
from tracker.ledger import open_database
from tracker.services.backup import create_backup
from tracker.services.checks import run_checks
from tracker.services.restore import restore_backup, verify_backup


def dump(database: Database) -> str:
    """Every row of every ledger table, in key order, hashed: equal dumps, equal ledgers."""
    digest = hashlib.sha256()
    with database.engine.connect() as connection:
        for table in m.Base.metadata.sorted_tables:
            digest.update(table.name.encode())
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode())
    return digest.hexdigest()


def craft(
    good: Path, out: Path, members: dict[str, bytes], manifest_edit: dict[str, object] | None = None
) -> Path:
    """A backup holding exactly `members`, with a manifest that vouches for each of them."""
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    manifest["members"] = {
        name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in members.items()
    }
    manifest.update(manifest_edit or {})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest))
    return out


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "manifest.json"}


def refused(database: Database, bad: Path, match: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Restoring `bad` into `database` is refused (exit 2, no traceback) and changes nothing."""
    url = database.url
    before = dump(database)
    database.dispose()  # let go of the ledger: restore waits for every copy that has it open
    with pytest.raises(BackupError, match=match):
        restore_backup(url, bad)
    capsys.readouterr()
    assert main(["--db", url, "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "台账未做任何改动" in err
    assert dump(database) == before


@pytest.fixture
def logical(database: Database, tmp_path: Path) -> Path:
    """A `tables` backup (the form PostgreSQL writes) of a ledger with one plan."""
    with database.unit_of_work() as session:
        session.add(m.Plan(title="原有方案"))
    out = tmp_path / "logical.zip"
    create_backup(database, out, logical=True)
    return out


@pytest.mark.parametrize(
    "name",
    [
        "tables/../../escaped.jsonl",
        "../escaped.jsonl",
        "/tmp/escaped.jsonl",
        "C:\\escaped.jsonl",
        "tables\\..\\..\\escaped.jsonl",
        "tables/not_a_table.jsonl",
        "ledger.sqlite3",
    ],
)
def test_a_member_name_is_never_a_path(
    database: Database, logical: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    members = members_of(logical)
    members[name] = members.pop("tables/plan.jsonl")
    bad = craft(logical, tmp_path / "bad.zip", members)
    refused(database, bad, "成员名", capsys)
    assert not list(tmp_path.rglob("escaped.jsonl"))
    assert not Path("/tmp/escaped.jsonl").exists()


def test_a_member_given_twice_is_refused(
    database: Database, logical: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = members_of(logical)
    bad = craft(logical, tmp_path / "twice.zip", members)
    with zipfile.ZipFile(bad, "a") as archive, pytest.warns(UserWarning, match="Duplicate name"):
        archive.writestr("tables/plan.jsonl", b'{"table": "plan", "columns": ["id"]}\n[99]\n')
    refused(database, bad, "出现了两次", capsys)


def test_a_header_naming_a_column_we_do_not_have_is_refused(
    database: Database, logical: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = members_of(logical)
    lines = members["tables/plan.jsonl"].decode().splitlines()
    header = json.loads(lines[0])
    header["columns"][1] = "evil"
    members["tables/plan.jsonl"] = "\n".join([json.dumps(header), *lines[1:]]).encode() + b"\n"
    refused(database, craft(logical, tmp_path / "column.zip", members), "列与本程序的不符", capsys)


def test_rows_that_do_not_parse_are_refused_not_a_traceback(
    database: Database, logical: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    members = members_of(logical)
    members["tables/plan.jsonl"] = members["tables/plan.jsonl"] + b"[1, 2\n"
    refused(database, craft(logical, tmp_path / "rows.zip", members), "无法按本程序的台账读取", capsys)


# ---------------------------------------------------------------- a SQLite backup's schema

SMUGGLED = {
    "trigger": (
        "CREATE TRIGGER wipe AFTER INSERT ON progress_update BEGIN DELETE FROM task; END",
        "触发器 wipe",
    ),
    "view": ("CREATE VIEW everything AS SELECT * FROM task", "视图 everything"),
    "extra-table": ("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)", "多出数据表"),
    "dropped-index": ("DROP INDEX ix_task_deadline", "缺少索引"),
    "extra-column": ("ALTER TABLE task ADD COLUMN secret TEXT", "多出列"),
    "wrong-type": ("UPDATE task SET deadline = 'soon' WHERE id = (SELECT MIN(id) FROM task)", "deadline 列"),
    "no-autoincrement": (
        "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'AUTOINCREMENT', '') "
        "WHERE name = 'metric'; PRAGMA writable_schema=OFF",
        "AUTOINCREMENT",
    ),
}


def _altered_sqlite_backup(good: Path, tmp_path: Path, sql: str) -> Path:
    ledger = tmp_path / "altered.sqlite3"
    ledger.write_bytes(members_of(good)["ledger.sqlite3"])
    connection = sqlite3.connect(ledger)
    connection.executescript(sql)
    connection.commit()
    connection.close()
    return craft(good, tmp_path / "altered.zip", {"ledger.sqlite3": ledger.read_bytes()})


@pytest.mark.parametrize("case", sorted(SMUGGLED))
def test_a_backup_whose_schema_is_not_ours_is_refused(
    seeded: Database, db_path: Path, tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.zip"
    create_backup(seeded, good)
    sql, expected = SMUGGLED[case]
    bad = _altered_sqlite_backup(good, tmp_path, sql)
    verify_backup(bad)  # the file itself is whole: only its content is foreign
    refused(seeded, bad, expected, capsys)


def test_a_smuggled_trigger_in_an_older_backup_is_refused_before_migrating(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The upgrade of an older backup writes rows: a trigger must be refused before it could fire."""
    from alembic import command

    from tracker.db.migrate import alembic_config

    database, _ = open_database(str(db_path))
    with database.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    good = tmp_path / "old.zip"
    create_backup(database, good)
    bad = _altered_sqlite_backup(
        good, tmp_path, "CREATE TRIGGER sneak AFTER UPDATE ON task BEGIN DELETE FROM plan; END"
    )
    target = tmp_path / "new" / "ledger.sqlite3"
    with pytest.raises(BackupError, match="触发器 sneak"):
        restore_backup(str(target), bad)
    assert not target.exists()
    database.dispose()


def test_check_reports_a_trigger_planted_in_the_ledger(
    seeded: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with seeded.engine.begin() as connection:
        connection.execute(text("CREATE TRIGGER quiet AFTER INSERT ON audit BEGIN DELETE FROM audit; END"))
    findings = [f for f in run_checks(seeded) if f.fault]
    assert [f.area for f in findings] == ["数据库结构"] and "触发器 quiet" in findings[0].message
    seeded.dispose()
    capsys.readouterr()
    assert main(["--db", str(db_path), "check"]) == 1
    assert "触发器 quiet" in capsys.readouterr().out


# ---------------------------------------------------------------- found by the fuzzing


def test_a_member_that_no_longer_inflates_is_refused(
    database: Database, logical: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bytes flipped inside a deflated member: zlib fails before any checksum can."""
    with zipfile.ZipFile(logical) as archive:
        info = archive.getinfo("tables/plan.jsonl")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(logical.read_bytes())
    data[start : start + 4] = b"\xff\xff\xff\xff"
    bad = tmp_path / "inflate.zip"
    bad.write_bytes(bytes(data))
    refused(database, bad, "已损坏", capsys)


@pytest.mark.parametrize(
    ("field", "value"),
    [("counts", None), ("counts", {"plan": "五"}), ("schema_revision", ["0001"]), ("schema_revision", 5)],
)
def test_a_manifest_field_of_the_wrong_type_is_refused(
    database: Database,
    logical: Path,
    tmp_path: Path,
    field: str,
    value: object,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Counts are printed after a restore and the revision looked up in a set: a manifest
    saying `null` or a list there must be refused before either (both were tracebacks)."""
    bad = craft(logical, tmp_path / "field.zip", members_of(logical), {field: value})
    refused(database, bad, field, capsys)


@pytest.mark.parametrize("change", ["encrypted", "unknown-method"])
def test_a_member_zipfile_cannot_open_is_refused(
    database: Database, logical: Path, tmp_path: Path, change: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A member flagged encrypted, or stored with a method zipfile does not know."""
    data = bytearray(logical.read_bytes())
    with zipfile.ZipFile(logical) as archive:
        info = archive.getinfo("tables/plan.jsonl")
        local = info.header_offset
    central = data.find(b"tables/plan.jsonl", data.find(b"PK\x01\x02")) - 46
    for header, flag_at, method_at in ((local, 6, 8), (central, 8, 10)):
        if change == "encrypted":
            data[header + flag_at] |= 0x01
        else:
            data[header + method_at : header + method_at + 2] = (99).to_bytes(2, "little")
    bad = tmp_path / f"{change}.zip"
    bad.write_bytes(bytes(data))
    refused(database, bad, "已损坏|不完整", capsys)
