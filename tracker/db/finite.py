"""The last guard: a flush that would store NaN or infinity in any number column is refused.

Every way in checks its numbers with `tracker.numbers` and names the file, row or field;
this guard catches whatever a future path forgets, before the database sees it (SQLite
would store NaN as NULL, PostgreSQL would keep it), and rolls the whole action back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import BadInput
from tracker.numbers import is_finite


def _check_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in [*session.new, *session.dirty]:
        state = inspect(obj)
        mapper = state.mapper
        for column in mapper.columns:
            if not isinstance(column.type, Float):
                continue
            # the value as held in memory: never a lazy load from inside a flush
            value = state.dict.get(mapper.get_property_by_column(column).key)
            if value is not None and not is_finite(value):
                raise BadInput(
                    f"数值无效：{mapper.local_table.name}.{column.name} 为“{value}”，"
                    "不是有限的数字（NaN、无穷大），本次操作未保存 (number must be finite)"
                )


def guard(sessions: sessionmaker[Session]) -> None:
    """Install the check on every session `sessions` makes."""
    event.listen(sessions, "before_flush", _check_flush)
