"""`tracker export json`: everything in the ledger, in the contract's version-1 document."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tracker.fileio import atomic_write_text
from tracker.services.plan_export import export_plans
from tracker.views.history import history_document

FORMAT = "tracker-export"
VERSION = 1


def export_document(session: Session, plan_ids: list[int] | None = None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "plans": export_plans(session, plan_ids),
        # Extension: the 留痕 trail, so what was changed, when and by whom leaves with the data.
        "history": history_document(session) if plan_ids is None else [],
    }


def write_json(document: dict[str, Any], path: Path) -> None:
    atomic_write_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
