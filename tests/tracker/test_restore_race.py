"""Restore and a command-line writer running at once: nothing acknowledged is ever lost.

A real process runs `tracker import-plan` over and over (through the CLI's own entry
function), printing `done N` after each import returned 0, until the test tells it to stop.
Meanwhile this test restores the same backup again and again, each time after the writer
has acknowledged one more import, so the count of restores never depends on how fast the
machine is (CI once finished all writes before a third restore). Every plan the writer was told was saved must be either
in the final ledger or in one of the copies each restore kept of the ledger it replaced.
Runs on SQLite (the swap gate) and PostgreSQL (the advisory lock).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import LedgerInUse
from tracker.ledger import open_database
from tracker.paths import user_data_dir
from tracker.services.backup import create_backup
from tracker.services.restore import restore_backup

ROOT = Path(__file__).resolve().parents[2]
RESTORES = int(os.environ.get("TRACKER_RACE_RESTORES", "5"))
MOST_WRITES = 2000  # the writer stops here even if the test never tells it to

WORKER = """
import json, sys
from pathlib import Path
from tracker.cli import main
url, folder, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
stop = folder / "stop"
print("ready", flush=True)
for n in range(count):
    if stop.exists():
        break
    plan = folder / f"plan-{n}.json"
    plan.write_text(json.dumps({"title": f"写入-{n}", "tasks": [{"code": "1", "title": "任务"}]}), "utf-8")
    code = main(["--db", url, "import-plan", str(plan)])
    print(f"{'done' if code == 0 else 'failed'} {n}", flush=True)
"""


def _titles_in_sqlite(path: Path) -> set[str]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT title FROM plan")}
    finally:
        connection.close()


def _titles_in_zip(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        lines = archive.read("tables/plan.jsonl").decode("utf-8").splitlines()
    columns = json.loads(lines[0])["columns"]
    index = columns.index("title")
    return {json.loads(line)[index] for line in lines[1:]}


def test_a_writer_and_restores_at_once_lose_nothing(database: Database, tmp_path: Path) -> None:
    with database.unit_of_work() as session:
        session.add(m.Plan(title="备份里的方案"))
    backup = tmp_path / "backup.zip"
    create_backup(database, backup)
    url = database.url
    database.dispose()

    folder = tmp_path / "plans"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, url, str(folder), str(MOST_WRITES)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert worker.stdout is not None
    assert worker.stdout.readline().strip() == "ready"
    restores = refused = 0
    heard: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while restores < RESTORES and time.monotonic() < deadline:
            line = worker.stdout.readline()  # one more import acknowledged: restore over it
            if not line:
                break  # the writer ended early; the assertions below say why
            heard.append(line)
            try:
                restore_backup(url, backup)
                restores += 1
            except LedgerInUse:
                refused += 1  # the writer held on longer than restore waits: refused whole
        (folder / "stop").write_text("", "utf-8")
        out, err = worker.communicate(timeout=120)
    finally:
        if worker.poll() is None:
            worker.kill()
    out = "".join(heard) + out
    lines = [line.split() for line in out.splitlines() if line.strip()]
    done = {f"写入-{n}" for word, n in lines if word == "done"}
    assert "Traceback" not in err, err
    assert lines and len(done) == len(lines), (lines, err)  # every import succeeded
    assert restores == RESTORES, (restores, refused)

    final = Database(url)
    try:
        with final.reading() as session:
            present = set(session.scalars(select(m.Plan.title)))
    finally:
        final.dispose()
    kept: set[str] = set()
    if final.path is not None:
        copies = list((final.path.parent / "backups").glob("*before-restore*"))
        for copy in copies:
            kept |= _titles_in_sqlite(copy)
    else:
        copies = list((user_data_dir() / "backups").glob("*before-restore*.zip"))
        for copy in copies:
            kept |= _titles_in_zip(copy)
    assert len(copies) >= restores  # a restore refused at the last step keeps its copy too
    lost = done - present - kept
    assert not lost, f"acknowledged but lost: {sorted(lost)}"
    assert done & kept, "no restore ran between two writes: the test proved nothing"
    database_after, _ = open_database(url)
    database_after.dispose()
