"""Open the ledger database: find it, configure SQLite, own sessions and transactions.

A plain path or `sqlite:///` URL is the desktop ledger; a `postgresql+psycopg://` URL is
team mode (see docs/team-mode.md): the same schema, migrations and services.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import finite
from tracker.errors import BadInput
from tracker.ledger_lock import SwapGate
from tracker.paths import default_db_path

SQLITE_BUSY_TIMEOUT_MS = 10_000
SERVER_CONNECT_TIMEOUT_S = 10


def resolve_url(db: str | None = None) -> str:
    """`--db` (URL or plain path), else `TRACKER_DB`, else the per-user SQLite file."""
    value = db or os.environ.get("TRACKER_DB") or ""
    if not value:
        return sqlite_url(default_db_path())
    if "://" in value:
        try:
            parsed = make_url(value)
        except ArgumentError:
            raise BadInput(f"数据库地址“{value}”无法识别 (bad database URL)") from None
        if parsed.drivername in ("postgresql", "postgres"):
            # The `postgres` extra installs psycopg 3; a bare postgresql:// means it.
            return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + str(path.resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with foreign keys on, WAL and a busy timeout for SQLite."""
    path = sqlite_path(url)
    if path is not None:
        if path.exists() and path.is_dir():
            raise BadInput(f"数据库路径 {path} 是文件夹 (is a directory)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise BadInput(
                f"台账路径 {path} 无法使用：其中的文件夹部分有一个是普通文件 (a part of the path is a file)"
            ) from None
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    parsed = make_url(url)
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = SERVER_CONNECT_TIMEOUT_S  # an unreachable host fails in time
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (ImportError, NoSuchModuleError):
        raise BadInput(
            f"本程序没有连接 {parsed.get_backend_name()} 数据库所需的组件（{parsed.drivername}）。"
            "团队模式请用 postgresql+psycopg://… 地址，并安装 dcdz-tracker[postgres]。"
            " (database driver not installed)"
        ) from None


# The key of the PostgreSQL advisory lock that restore takes exclusively and every unit of
# work shared, so a restore never runs beside a writer (any 64-bit number the program owns).
RESTORE_LOCK_KEY = 0x7472_6B72_5253_5452  # "trkrRSTR"


def _share_restore_lock(session: Session, _transaction: Any, connection: Any) -> None:
    """Every transaction on a team ledger waits for a restore under way, then shares the lock."""
    connection.execute(text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": RESTORE_LOCK_KEY})


def display_url(url: str) -> str:
    """The URL as it may be shown or logged: the password replaced by ***."""
    return make_url(url).render_as_string(hide_password=True)


class Database:
    """The one owner of sessions: each user action runs in one `unit_of_work()`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        finite.guard(self._sessions)  # no NaN or infinity ever reaches a number column
        path = self.path
        self._gate = SwapGate(path) if path is not None else None
        if self._gate is not None:
            # Held from the first connection until dispose(): a restore never swaps the
            # file under a copy that has it open (see tracker.ledger_lock.SwapGate).
            event.listen(self.engine, "do_connect", self._hold_gate)  # before the file is opened
        elif self.engine.dialect.name == "postgresql":
            event.listen(self._sessions, "after_begin", _share_restore_lock)

    def _hold_gate(self, *_args: Any) -> None:
        if self._gate is not None and not self._gate.held:
            self._gate.shared()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back whole on error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; nothing it does is committed."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        """Close every connection and let go of the ledger (a restore may then swap it)."""
        self.engine.dispose()
        if self._gate is not None:
            self._gate.release()
