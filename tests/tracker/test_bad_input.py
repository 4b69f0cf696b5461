"""The bad-input catalogue (docs/bad-input.md): each case gets a clear message and changes nothing.

Plan files that are not UTF-8, truncated, of the wrong types or with unknown fields are
tested in test_planfile.py; a database from a newer program in test_migrations.py.
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import sqlite3
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import tracker.db.engine as engine_module
from tracker.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "seed" / "000_yueqing.json"


def fingerprint(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


@pytest.fixture
def ledger(db_path: Path) -> Path:
    assert main(["--db", str(db_path), "init", "--no-seed"]) == 0
    assert main(["--db", str(db_path), "import-plan", str(PLAN)]) == 0
    return db_path


@pytest.fixture
def good_backup(ledger: Path, tmp_path: Path) -> Path:
    out = tmp_path / "good.zip"
    assert main(["--db", str(ledger), "backup", "--out", str(out)]) == 0
    return out


def forge_declared_size(source: Path, target: Path, member: str, size: int) -> None:
    """Rewrite the central directory so `member` claims `size` bytes uncompressed."""
    data = bytearray(source.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02" + b"")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_length]) == name:
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    target.write_bytes(bytes(data))


def bad_backup(kind: str, good: Path, folder: Path) -> Path:
    path = folder / f"{kind}.zip"
    if kind == "zero-bytes":
        path.write_bytes(b"")
    elif kind == "renamed-doc":
        path = folder / "工作总结.doc.zip"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)  # an OLE .doc
    elif kind == "docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<document/>")
    elif kind == "truncated":
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "zip-bomb":
        forge_declared_size(good, path, "ledger.sqlite3", 0xFFFF_FFF0)
    return path


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("zero-bytes", "0 字节"),
        ("renamed-doc", "不是 zip 格式"),
        ("docx", "缺少 manifest.json"),
        ("truncated", "截断"),
        ("zip-bomb", "压缩炸弹"),
    ],
)
def test_bad_backup_is_refused_and_nothing_changes(
    ledger: Path,
    good_backup: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    expected: str,
) -> None:
    bad = bad_backup(kind, good_backup, tmp_path)
    before = fingerprint(ledger)
    capsys.readouterr()
    assert main(["--db", str(ledger), "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert expected in err and str(bad) in err and "未做任何改动" in err
    assert "Traceback" not in err
    assert fingerprint(ledger) == before
    assert not (ledger.parent / "backups").exists()
    assert sorted(p.name for p in ledger.parent.iterdir() if p.name.startswith(".")) == []


def test_backup_into_a_path_that_cannot_be_written(
    ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "说明.txt"
    not_a_folder.write_text("x")
    targets = [not_a_folder / "备份.zip", tmp_path / "不存在" / "备份.zip"]
    if os.geteuid() != 0:  # root ignores permissions: the cases above stand in for it
        read_only = tmp_path / "只读"
        read_only.mkdir()
        read_only.chmod(0o500)
        targets.append(read_only / "备份.zip")
    before = fingerprint(ledger)
    for target in targets:
        capsys.readouterr()
        assert main(["--db", str(ledger), "backup", "--out", str(target)]) == 2
        err = capsys.readouterr().err
        assert str(target.parent) in err and "Traceback" not in err
        assert not target.exists()
    assert fingerprint(ledger) == before


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file-size limit")
def test_backup_on_a_full_disk(ledger: Path, tmp_path: Path) -> None:
    """A file-size limit makes every write past 64 KB fail with EFBIG, as a full disk would."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    before = fingerprint(ledger)
    out = tmp_path / "full.zip"
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(ledger), "backup", "--out", str(out)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=limit,
        timeout=60,
    )
    # a full disk is the machine's fault (exit 1, with the log's path), not bad input (exit 2)
    assert result.returncode == 1, result.stderr
    assert "磁盘空间不足" in result.stderr and "tracker.log" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".full.zip*"))
    assert fingerprint(ledger) == before


def test_locked_database(
    ledger: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another program holds a write lock longer than the busy timeout: say so, change nothing."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
    before = fingerprint(ledger)
    other = sqlite3.connect(ledger, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert main(["--db", str(ledger), "import-plan", str(PLAN)]) == 1
        err = capsys.readouterr().err
        assert "占用" in err and "Traceback" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert fingerprint(ledger) == before
