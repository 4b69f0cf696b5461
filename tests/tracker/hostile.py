"""Helpers the hostile-input tests share: a valid plan to mutate, a dump of every row, files."""

from __future__ import annotations

import copy
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database

PLAN: dict[str, Any] = {
    "title": "交办事项",
    "period": {"start": 2023, "end": 2025},
    "metrics": [
        {
            "name": "高新技术企业数",
            "unit": "家",
            "baseline": {"year": 2022, "value": 100},
            "targets": [{"year": 2025, "value": 150, "comparator": ">=", "text": "150家"}],
            "actuals": [{"period": "2023", "value": 120, "recorded_at": "2024-01-05T00:00:00"}],
        }
    ],
    "tasks": [
        {
            "code": "1",
            "title": "开展科技特派员工作",
            "units": [{"name": "市科技局", "role": "lead"}, {"name": "市农业农村局", "role": "support"}],
            "metrics": [
                {
                    "name": "派遣科技特派员",
                    "unit": "人次",
                    "targets": [{"year": 2023, "value": 500, "comparator": ">=", "text": "500人次"}],
                }
            ],
            "updates": [
                {
                    "period": "2023Q1",
                    "status": "in_progress",
                    "progress": "已派遣120人次",
                    "percent": 25,
                    "recorded_at": "2023-04-01T00:00:00",
                }
            ],
            "children": [
                {"code": "1.1", "title": "组织培训", "units": [{"name": "市科技局", "role": "lead"}]}
            ],
        },
        {"code": "2", "title": "建设创新平台", "units": [{"name": "市发改委", "role": "responsible"}]},
    ],
}


def plan(**changes: Any) -> dict[str, Any]:
    """A deep copy of PLAN, top-level fields replaced by `changes`."""
    return {**copy.deepcopy(PLAN), **changes}


def write_json(path: Path, data: Any) -> Path:
    """Write as Python's json writes it, NaN and Infinity literals included (as a hostile file may)."""
    path.write_text(json.dumps(data, ensure_ascii=False, allow_nan=True), encoding="utf-8")
    return path


def dump(database: Database) -> str:
    """A hash of every row of every table, on SQLite and PostgreSQL alike."""
    digest = hashlib.sha256()
    with database.engine.connect() as connection:
        for table in m.Base.metadata.sorted_tables:
            digest.update(table.name.encode())
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def replace_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    """A copy of the zip `source` with `member`'s content replaced (or added)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        names = old.namelist()
        for name in names:
            new.writestr(name, data if name == member else old.read(name))
        if member not in names:
            new.writestr(member, data)
    return target


def billion_laughs(root: bytes) -> bytes:
    """An XML part whose ten nested entities expand to a billion “lol”s, around `root`."""
    entities = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%d;" % (i - 1) for _ in range(10))) for i in range(1, 10)
    )
    return b'<?xml version="1.0"?>\n<!DOCTYPE lolz [' + entities + b"]>\n" + root.replace(b"LOL", b"&lol9;")
