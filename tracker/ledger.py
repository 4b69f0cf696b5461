"""Open a ledger for use: resolve its location, migrate it, and (if asked) seed it."""

from __future__ import annotations

import uuid

from tracker.db.engine import Database, resolve_url
from tracker.db.migrate import MigrationResult, upgrade_to_head
from tracker.db.models import Plan
from tracker.services.seeding import seed_if_empty
from tracker.services.settings import LEDGER_ID, get_setting, set_setting


def open_database(db: str | None = None) -> tuple[Database, MigrationResult]:
    """The ledger at `db` (URL or path; else TRACKER_DB; else the per-user file), at head."""
    database = Database(resolve_url(db))
    try:
        result = upgrade_to_head(database)
        with database.unit_of_work() as session:
            if get_setting(session, LEDGER_ID) is None:
                set_setting(session, LEDGER_ID, str(uuid.uuid4()))
    except BaseException:
        database.dispose()
        raise
    return database, result


def seed_builtin_plans(database: Database) -> list[Plan]:
    """Load `seed/` into a ledger with no plan; one transaction, all or nothing."""
    with database.unit_of_work() as session:
        return seed_if_empty(session)
