"""Load the built-in plans (`seed/`) into a ledger that holds no plan yet."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.models import Plan
from tracker.errors import BadInput
from tracker.paths import seed_dir
from tracker.services import audit
from tracker.services.units import add_aliases

UNITS_FILE = "units.json"


def seed_files(folder: Path | None = None) -> list[Path]:
    """The plan files of `seed/`, in file-name order (one per source document)."""
    folder = folder or seed_dir()
    return sorted(p for p in folder.glob("*.json") if p.name != UNITS_FILE)


def load_unit_aliases(session: Session, folder: Path) -> int:
    """`seed/units.json`: canonical unit names and the other spellings documents use."""
    path = folder / UNITS_FILE
    if not path.exists():
        return 0
    try:
        entries = json.loads(path.read_text("utf-8"))
        for entry in entries:
            add_aliases(session, entry["name"], list(entry.get("aliases", [])))
    except (ValueError, KeyError, TypeError) as exc:
        raise BadInput(f"{path}: 单位别名文件格式不对：{exc}") from None
    return len(entries)


def has_plans(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Plan)))


def seed_if_empty(session: Session, folder: Path | None = None) -> list[Plan]:
    """Load every built-in plan, only when the ledger has no plan at all (not even deleted)."""
    if has_plans(session):
        return []
    # The plan reader (pydantic) loads only for a ledger that needs seeding, not every start.
    from tracker.planfile import load_plan_file
    from tracker.services.plan_import import import_plan

    folder = folder or seed_dir()
    files = seed_files(folder)
    plans = [load_plan_file(path) for path in files]  # validate all before writing any
    load_unit_aliases(session, folder)
    return [import_plan(session, plan, origin=audit.SOURCE_SEED) for plan in plans]
