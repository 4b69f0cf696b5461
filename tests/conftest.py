"""Shared fixtures: every test gets its own temporary ledger and user-data folder.

The `database` fixture (and `seeded`, built on it) runs each test twice where it can:
`[sqlite]` on a real SQLite file, and `[postgresql]` on a fresh PostgreSQL database
created for that test and dropped after it. The PostgreSQL run needs a server:
`TRACKER_TEST_PG_URL` (or `--pg-url`) names a database on it whose role may
`CREATE DATABASE`, e.g. `postgresql+psycopg://tracker:tracker@127.0.0.1:55432/tracker`.
Without it the `[postgresql]` runs are skipped. A test that is about the SQLite file
itself (pragmas, the file path, killing a process on a file ledger) is SQLite-only: it
says so with `@pytest.mark.sqlite_only`, or it asks for `db_path`, the SQLite file.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from tracker.db.engine import Database
from tracker.ledger import open_database, seed_builtin_plans

ROOT = Path(__file__).resolve().parents[1]
PG_URL_ENV = "TRACKER_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")
# Folders whose tests run on PostgreSQL too; the window's tests and the other folders
# exercise the same services through `tracker/` and stay on SQLite.
PG_FOLDERS = (ROOT / "tests" / "tracker",)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg-url",
        default=os.environ.get(PG_URL_ENV) or None,
        help=f"PostgreSQL URL for the [postgresql] runs (default: ${PG_URL_ENV}; unset: skipped)",
    )


def _runs_on_postgresql(metafunc: pytest.Metafunc) -> bool:
    if "database" not in metafunc.fixturenames or "db_path" in metafunc.fixturenames:
        return False
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return False
    path = Path(str(metafunc.definition.path))
    return any(path.is_relative_to(folder) for folder in PG_FOLDERS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if _runs_on_postgresql(metafunc):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """`sqlite`, or `postgresql` for a test parametrized to run there too."""
    return str(getattr(request, "param", "sqlite"))


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


@pytest.fixture(scope="session")
def pg_server_url(pytestconfig: pytest.Config) -> str | None:
    """The PostgreSQL URL given for the tests, or None."""
    value = pytestconfig.getoption("--pg-url")
    return str(value) if value else None


class PgServer:
    """Creates and drops the tests' databases on the server named by the URL."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.templates: dict[str, str] = {}

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str = "template0") -> str:
        name = f"tracker_test_{uuid.uuid4().hex[:16]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE "{template}"'))
        return name

    def drop(self, name: str) -> None:
        """Drop a test database; an autovacuum worker on it (the server's own role, which
        FORCE may not end) is waited out for a few seconds."""
        for attempt in range(20):
            try:
                with self.admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except ProgrammingError as exc:
                if "pg_signal_backend" not in str(exc) or attempt == 19:
                    raise
                time.sleep(0.25)

    def template(self, seeded: bool) -> str:
        """A ledger migrated from empty (and seeded) once a session, to copy per test."""
        kind = "seeded" if seeded else "migrated"
        if kind not in self.templates:
            name = self.create()
            self.templates[kind] = name
            db, _ = open_database(self.url_of(name))
            try:
                if seeded:
                    seed_builtin_plans(db)
            finally:
                db.dispose()
        return self.templates[kind]

    def close(self) -> None:
        for name in self.templates.values():
            self.drop(name)
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server(pg_server_url: str | None) -> Iterator[PgServer]:
    if not pg_server_url:
        pytest.skip(f"PostgreSQL: set {PG_URL_ENV} to run against a server")
    server = PgServer(pg_server_url)
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    name = pg_server.create()
    yield pg_server.url_of(name)
    pg_server.drop(name)


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated, empty ledger: a real SQLite file, or a fresh PostgreSQL database.

    On PostgreSQL the database is a copy (CREATE DATABASE … TEMPLATE) of one migrated
    from empty once a session, already seeded when the test asks for `seeded`: the same
    schema and rows, a second instead of a few per test.
    """
    if backend != "postgresql":
        db, _ = open_database(str(request.getfixturevalue("db_path")))
        yield db
        db.dispose()
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create(template=server.template(seeded="seeded" in request.fixturenames))
    db, _ = open_database(server.url_of(name))
    yield db
    db.dispose()
    server.drop(name)


@pytest.fixture
def seeded(database: Database) -> Database:
    """A ledger holding the built-in plans (on PostgreSQL, copied in already seeded)."""
    seed_builtin_plans(database)
    return database
