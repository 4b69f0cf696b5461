"""The JSON export is written one plan at a time, exactly as the whole document would be."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tracker.db.engine import Database
from tracker.export import json_export
from tracker.export.json_export import export_document, write_export

STAMP = re.compile(r'"exported_at": "[^"]+"')


def _write_both(database: Database, tmp_path: Path) -> tuple[str, str, int]:
    """The whole-document file and the streamed one, exported_at blanked; plans streamed."""
    whole, streamed = tmp_path / "整体.json", tmp_path / "逐个 方案.json"
    with database.reading() as session:
        whole.write_text(json.dumps(export_document(session), ensure_ascii=False, indent=2) + "\n", "utf-8")
        plans = write_export(session, streamed)

    def read(path: Path) -> str:
        return STAMP.sub('"exported_at": "—"', path.read_text("utf-8"))

    return read(whole), read(streamed), plans


def test_streamed_file_is_the_whole_document_byte_for_byte(seeded: Database, tmp_path: Path) -> None:
    whole, streamed, plans = _write_both(seeded, tmp_path)
    assert streamed == whole and plans == 5
    document = json.loads(streamed)
    assert document["format"] == "tracker-export" and document["version"] == 1
    assert len(document["plans"]) == 5 and document["history"]


def test_empty_ledger_streams_empty_lists(database: Database, tmp_path: Path) -> None:
    whole, streamed, plans = _write_both(database, tmp_path)
    assert streamed == whole and plans == 0
    assert json.loads(streamed)["plans"] == []


def test_a_failure_midway_leaves_the_previous_export_untouched(
    seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "导出.json"
    out.write_text("上一次的导出", "utf-8")
    real = json_export.iter_plans

    def failing(*args: Any) -> Iterator[dict[str, Any]]:
        plans = real(*args)
        yield next(plans)
        raise OSError("磁盘已满")

    monkeypatch.setattr(json_export, "iter_plans", failing)
    with seeded.reading() as session, pytest.raises(OSError, match="磁盘已满"):
        write_export(session, out)
    assert out.read_text("utf-8") == "上一次的导出"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["导出.json"]  # no temp file left
