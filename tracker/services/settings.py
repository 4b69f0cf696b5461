"""Ledger-wide settings stored in the database (they travel with a backup)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from tracker.db.models import Setting

LEDGER_ID = "ledger_id"
OFFICE_NAME = "office_name"
OFFICER_NAME = "officer_name"


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return json.loads(row.value) if row is not None else default


def set_setting(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
