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


def office_of(session: Session, given: str | None = None) -> str:
    """发文（制表）单位 (issuing office) of every document: the officer's own words for this one
    (--office, the report window's box) when not blank, else the ledger's 设置; empty when neither.

    One function so the 通报's 落款, the 台账's 制表单位, 催办单 and 退回单 never name two offices.
    """
    words = (given or "").strip()
    if words:
        return words
    return str(get_setting(session, OFFICE_NAME, "") or "").strip()
