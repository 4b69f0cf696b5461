"""Fuzzing restore: valid backups, mutated, and the promise kept whatever comes in.

Hypothesis takes a real backup of a small ledger (a plan, tasks, evidence in two chunks)
and mutates it: members renamed (to paths, to other members' names) or duplicated, bytes
flipped in a member or in the zip itself, the file cut short, the SQLite file's schema or
rows altered, JSON lines replaced, manifest fields replaced. Most mutations are "vouched
for" (the manifest's sizes and hashes recomputed) so they reach past the checksum into the
staging and schema checks. The promise, through the real command line:

- `restore` exits 0 or 2, never anything else, never a traceback;
- on 2 the ledger is exactly as it was (every row);
- on 0 `check` is clean.

A bounded run in CI (12 examples on SQLite, 6 on PostgreSQL); a longer run on demand:
`HYPOTHESIS_PROFILE=long` (400) or `TRACKER_FUZZ_EXAMPLES=N`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.tracker.test_restore_hostile import SMUGGLED, dump
from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.services.backup import create_backup
from tracker.services.progress import ProgressInput, record_update

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
EXAMPLES = int(os.environ.get("TRACKER_FUZZ_EXAMPLES", "400" if LONG else "12"))

SQL_MUTATIONS = [sql for sql, _expected in SMUGGLED.values()] + [
    "DELETE FROM blob_chunk",
    "UPDATE blob SET size = size + 1",
    "UPDATE alembic_version SET version_num = '0001'",
    "UPDATE alembic_version SET version_num = '9999_future'",
    "DELETE FROM alembic_version",
    "INSERT INTO task_unit (task_id, unit_id, position, role, printed_name) VALUES (999999, 1, 0, 'lead', 'x')",
    "UPDATE task SET kind = 'other'",
    "UPDATE progress_update SET percent = 1000",
    "UPDATE metric SET baseline_value = 9e999",
    "UPDATE plan SET uid = (SELECT uid FROM task LIMIT 1)",
    "DROP TABLE officer",
    "UPDATE task SET title = NULL",
    "PRAGMA user_version = 77",
]
NAMES = [
    "../escaped",
    "/tmp/escaped",
    "C:\\escaped",
    "tables/../escaped.jsonl",
    "tables/plan.jsonl",
    "tables/task.jsonl",
    "tables/evil.jsonl",
    "ledger.sqlite3",
    "manifest.json",
]
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=8,
)


def _ledger(database: Database, folder: Path) -> None:
    with database.unit_of_work() as session:
        plan = m.Plan(title="模糊测试方案")
        session.add(plan)
        session.flush()
        for n in range(3):
            session.add(m.Task(plan=plan, code=str(n + 1), title=f"任务{n + 1}", deadline=None))
    proof = folder / "佐证.bin"
    proof.write_bytes(os.urandom(1_200_000))  # two chunks
    with database.unit_of_work() as session:
        task_id = session.scalars(select(m.Task.id).order_by(m.Task.id)).first()
        assert task_id is not None
        record_update(session, task_id, ProgressInput("2023Q2", "in_progress", "已推进", evidence=[proof]))


def _members(path: Path) -> tuple[dict[str, object], list[tuple[str, bytes]]]:
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        return manifest, [(n, archive.read(n)) for n in archive.namelist() if n != "manifest.json"]


def _write(out: Path, manifest: dict[str, object], members: list[tuple[str, bytes]], vouch: bool) -> None:
    if vouch:
        manifest = {
            **manifest,
            "members": {n: {"size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in members},
        }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a duplicated name is the point
        for name, data in members:
            archive.writestr(name, data)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))


def _altered_sqlite(data: bytes, statement: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.sqlite3"
        path.write_bytes(data)
        connection = sqlite3.connect(path)
        try:
            connection.executescript(statement)
            connection.commit()
        except sqlite3.DatabaseError:
            pass  # the statement did not apply: the file is still a mutation of sorts
        finally:
            connection.close()
        return path.read_bytes()


@st.composite
def mutated(draw: st.DrawFn, good: Path) -> tuple[bytes, str]:
    """A mutated copy of `good` (as bytes) and what was done, for the failure report."""
    manifest, members = _members(good)
    done: list[str] = []
    vouch = draw(st.booleans())
    raw_flips: list[tuple[int, int]] = []
    header_flips: list[tuple[int, int, int]] = []
    cut: float | None = None
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["rename", "duplicate", "flip", "sql", "jsonl", "manifest", "zip-bytes", "zip-header", "cut"]
            )
        )
        index = draw(st.integers(0, len(members) - 1))
        name, data = members[index]
        if kind == "rename":
            new = draw(st.sampled_from(NAMES) | st.text(min_size=1, max_size=20))
            members[index] = (new, data)
        elif kind == "duplicate":
            members.append((name, data if draw(st.booleans()) else data[: len(data) // 2]))
        elif kind == "flip" and data:
            flipped = bytearray(data)
            for _flip in range(draw(st.integers(1, 8))):
                flipped[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
            members[index] = (name, bytes(flipped))
        elif kind == "sql" and name == "ledger.sqlite3":
            statement = draw(st.sampled_from(SQL_MUTATIONS))
            members[index] = (name, _altered_sqlite(data, statement))
            kind = f"sql {statement[:40]}"
        elif kind == "jsonl" and name.endswith(".jsonl"):
            lines = data.decode("utf-8", errors="replace").splitlines()  # maybe flipped already
            at = draw(st.integers(0, len(lines) - 1))
            lines[at] = json.dumps(draw(JSON), ensure_ascii=False)
            members[index] = (name, ("\n".join(lines) + "\n").encode("utf-8"))
        elif kind == "manifest":
            key = draw(st.sampled_from(["kind", "schema_revision", "version", "members", "format", "counts"]))
            manifest[key] = draw(JSON)
            kind = f"manifest {key}"
        elif kind == "zip-bytes":
            raw_flips += [(draw(st.integers(0, 10_000_000)), draw(st.integers(0, 255))) for _ in range(3)]
        elif kind == "zip-header":  # a byte of a local or central header: flags, method, sizes
            header_flips.append(
                (draw(st.integers(0, 50)), draw(st.integers(4, 45)), draw(st.integers(0, 255)))
            )
        elif kind == "cut":
            cut = draw(st.floats(0.0, 1.0))
        done.append(f"{kind} ({name})")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.zip"
        _write(out, manifest, members, vouch)
        blob = bytearray(out.read_bytes())
    for position, value in raw_flips:
        blob[position % len(blob)] = value
    headers = [match.start() for match in re.finditer(rb"PK(?:\x01\x02|\x03\x04)", bytes(blob))]
    for which, offset, value in header_flips:
        if headers:
            start = headers[which % len(headers)] + offset
            blob[start % len(blob)] = value
    if cut is not None:
        blob = blob[: int(len(blob) * cut)]
    return bytes(blob), f"vouch={vouch}: " + "; ".join(done)


def _promise(
    database: Database, url: str, backup: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(database)
    database.dispose()  # let go of the ledger: restore waits for every copy that has it open
    capsys.readouterr()
    code = main(["--db", url, "restore", str(backup)])
    err = capsys.readouterr().err
    assert code in (0, 2), f"{how}: exit {code}: {err}"
    assert "Traceback" not in err
    if code == 2:
        assert dump(database) == before, f"{how}: refused, but the ledger changed"
        database.dispose()
    else:
        assert main(["--db", url, "check"]) == 0, f"{how}: restored, but check is not clean"


def _fuzz(database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], examples: int) -> None:
    _ledger(database, tmp_path)
    native, logical = tmp_path / "native.zip", tmp_path / "logical.zip"
    create_backup(database, native)
    create_backup(database, logical, logical=True)
    url = database.url
    database.dispose()

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=not LONG,  # CI runs the same examples every time; the long run explores
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        good = data.draw(st.sampled_from([native, logical]))
        blob, how = data.draw(mutated(good))
        bad = tmp_path / "mutated.zip"
        bad.write_bytes(blob)
        _promise(database, url, bad, how, capsys)

    run()


def test_mutated_backups_are_restored_whole_or_refused_whole(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fuzz(database, tmp_path, capsys, EXAMPLES if database.is_sqlite else max(EXAMPLES // 2, 1))
    assert not list(tmp_path.rglob("escaped*"))
