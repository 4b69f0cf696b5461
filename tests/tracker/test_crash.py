"""Crash safety, proven: a real process is killed with SIGKILL at random points, many times.

After every kill the ledger passes `check` and holds each action either whole or not at
all; what the worker reported as done is there. See docs/reliability.md.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tracker.db import models as m
from tracker.db.engine import Database, resolve_url
from tracker.ledger import open_database
from tracker.planfile import load_plan_file
from tracker.planfile.model import iter_tasks
from tracker.services.backup import create_backup, restore_backup, verify_backup
from tracker.services.checks import run_checks
from tracker.services.seeding import seed_files

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("TRACKER_CRASH_ROUNDS", "6"))
YONGJIA = next(p for p in seed_files() if "yongjia" in p.name)

WORKER = r"""
import os, sys
from pathlib import Path
from tracker.db.engine import Database, resolve_url
from tracker.services.backup import create_backup, restore_backup
from tracker.services.plan_import import import_plan
from tracker.services.progress import ProgressInput, record_update
from tracker.planfile import load_plan_file

mode, db = sys.argv[1], resolve_url(sys.argv[2])  # a SQLite file or a server URL
extra = [Path(a) for a in sys.argv[3:]]
database = Database(db)
plan = load_plan_file(extra[0]) if mode == "import" else None
print("ready", flush=True)
n = 0
while True:
    if mode == "import":
        with database.unit_of_work() as session:
            import_plan(session, plan, origin="crash test")
    elif mode == "progress":
        files = []
        for k in range(2):
            path = extra[0] / f"proof-{os.getpid()}-{n}-{k}.bin"
            path.write_bytes(os.urandom(1_500_000))  # two chunks each
            files.append(path)
        with database.unit_of_work() as session:
            record_update(session, 1, ProgressInput("2023Q2", "in_progress", f"第{n}次", evidence=files))
    elif mode == "backup":
        create_backup(database, extra[0])
    elif mode == "restore":
        database.dispose()
        restore_backup(db, extra[n % 2])
    n += 1
    print("done", n, flush=True)
"""


def fingerprint(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


def run_and_kill(rng: random.Random, mode: str, db: Path | str, *extra: Path, window: float = 0.8) -> int:
    """Start the worker, let it work a random while, SIGKILL it; how many actions it finished."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", WORKER, mode, str(db), *map(str, extra)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", process.stderr.read() if process.stderr else ""
    delay = rng.uniform(0.02, window)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err  # killed, not crashed on its own
    # A kill can cut the last line short ("do"): count only whole lines.
    done = max((int(x[5:]) for x in out.splitlines() if re.fullmatch(r"done \d+", x)), default=0)
    print(f"{mode}: killed {delay:.2f}s after start, {done} actions finished")
    return done


def faults(db: Path | str) -> list[str]:
    database = Database(resolve_url(str(db)))
    try:
        return [f.message for f in run_checks(database) if f.fault]
    finally:
        database.dispose()


def query(db: Path | str, sql: str) -> list[tuple[object, ...]]:
    database = Database(resolve_url(str(db)))
    try:
        with database.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        database.dispose()


@pytest.fixture
def rng() -> random.Random:
    seed = int(os.environ.get("TRACKER_CRASH_SEED", str(random.randrange(1 << 30))))
    print(f"TRACKER_CRASH_SEED={seed}")
    return random.Random(seed)


def kill_while_importing(db: Path | str, rng: random.Random) -> None:
    open_database(str(db))[0].dispose()
    tasks_per_plan = len(iter_tasks(load_plan_file(YONGJIA).tasks))
    reported = 0
    for _ in range(ROUNDS):
        reported += run_and_kill(rng, "import", db, YONGJIA)
        assert faults(db) == []
        counts = query(
            db,
            "SELECT plan.id, COUNT(task.id) FROM plan LEFT JOIN task ON task.plan_id = plan.id GROUP BY plan.id",
        )
        assert all(n == tasks_per_plan for _id, n in counts), counts  # each plan whole, or absent
        assert len(counts) >= reported  # everything reported done survived the kill


def test_killed_while_importing_plans(db_path: Path, rng: random.Random) -> None:
    kill_while_importing(db_path, rng)


def test_killed_while_importing_plans_on_postgresql(pg_url: str, rng: random.Random) -> None:
    kill_while_importing(pg_url, rng)


def kill_while_recording_progress(
    database: Database, db: Path | str, files: Path, rng: random.Random
) -> None:
    with database.unit_of_work() as session:
        plan = m.Plan(title="崩溃测试")
        session.add(m.Task(plan=plan, code="1", title="任务"))
    database.dispose()
    reported = 0
    for _ in range(ROUNDS):
        reported += run_and_kill(rng, "progress", db, files)
        assert faults(db) == []
        updates = query(db, "SELECT COUNT(*) FROM progress_update")[0][0]
        assert isinstance(updates, int) and updates >= reported
        partial = query(
            db,
            "SELECT u.id FROM progress_update u WHERE (SELECT COUNT(*) FROM evidence e WHERE e.update_id = u.id) != 2"
            " OR (SELECT COUNT(*) FROM audit a WHERE a.entity = 'update' AND a.entity_id = u.id) != 1",
        )
        assert partial == []
        assert query(db, "SELECT COUNT(*) FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM evidence)") == [
            (0,)
        ]
    assert reported > 0


def test_killed_while_recording_progress_with_evidence(
    database: Database, db_path: Path, tmp_path: Path, rng: random.Random
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    kill_while_recording_progress(database, db_path, files, rng)


def test_killed_while_recording_progress_on_postgresql(
    pg_url: str, tmp_path: Path, rng: random.Random
) -> None:
    database, _ = open_database(pg_url)
    files = tmp_path / "files"
    files.mkdir()
    kill_while_recording_progress(database, pg_url, files, rng)


def test_killed_while_backing_up(seeded: Database, db_path: Path, tmp_path: Path, rng: random.Random) -> None:
    out = tmp_path / "备份.zip"
    before = fingerprint(db_path)
    seeded.dispose()
    for _ in range(ROUNDS):
        run_and_kill(rng, "backup", db_path, out, window=0.5)
        assert fingerprint(db_path) == before
        assert faults(db_path) == []
        if out.exists():
            assert verify_backup(out)["counts"]["plan"] == 5  # the old backup or the new one, whole


def test_killed_while_restoring(seeded: Database, db_path: Path, tmp_path: Path, rng: random.Random) -> None:
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    create_backup(seeded, a)
    with seeded.unit_of_work() as session:
        session.add(m.Plan(title="只在 B 中的方案"))
    create_backup(seeded, b)
    seeded.dispose()
    states = {fingerprint(db_path)}  # a kill may come before the first swap
    for backup in (a, b):
        state = tmp_path / f"{backup.stem}.sqlite3"
        restore_backup(str(state), backup)
        states.add(fingerprint(state))
    assert len(states) == 2  # the ledger now is B
    for _ in range(ROUNDS):
        run_and_kill(rng, "restore", db_path, a, b)
        assert faults(db_path) == []
        assert fingerprint(db_path) in states  # A or B, never a mixture
