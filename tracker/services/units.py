"""责任单位: find a unit by its canonical name or any alias, creating it when new."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.models import Unit, UnitAlias
from tracker.textsafe import clean_name


def qualify_unit_name(printed: str, jurisdiction: str | None) -> str:
    """The unit a printed name means within a plan's jurisdiction (行政区域).

    A 温州 document's “市科技局” is 温州市科技局, a 丽水 document's is 丽水市科技局: the
    same words name different bodies, so the canonical unit carries the jurisdiction while
    the task keeps the name as printed. Group names (“各县（市、区）政府”) are qualified too.
    """
    name = printed.strip()
    if not jurisdiction or name.startswith(jurisdiction):
        return name
    level = jurisdiction[-1]  # 市, 县 or 区
    if name.startswith(level) and len(name) > 1:
        return jurisdiction + name[1:]
    if name.startswith("各"):
        return jurisdiction + name
    return name


class UnitResolver:
    """Resolves printed names to units within one session, caching what it has seen."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, Unit] = {}

    def resolve(self, name: str) -> Unit:
        name = clean_name(name)  # no control character ever enters a unit's name
        unit = self._cache.get(name)
        if unit is not None:
            return unit
        with self.session.no_autoflush:
            unit = self.session.scalar(select(Unit).where(Unit.name == name))
            if unit is None:
                unit = self.session.scalar(select(Unit).join(UnitAlias).where(UnitAlias.alias == name))
        if unit is None:
            unit = Unit(name=name)
            self.session.add(unit)
        self._cache[name] = unit
        return unit


def add_aliases(session: Session, canonical: str, aliases: list[str]) -> Unit:
    """Declare other spellings of a unit (市发改委 → 市发展改革委)."""
    unit = UnitResolver(session).resolve(canonical)
    known = {a.alias for a in unit.aliases}
    for alias in aliases:
        if alias != canonical and alias not in known:
            unit.aliases.append(UnitAlias(alias=alias))
            known.add(alias)
    return unit


UNIT_CORRECTIONS = "unit_corrections"  # setting: printed name → the name the officer corrected it to


def remember_corrections(session: Session, pairs: dict[str, str]) -> None:
    """Unit names corrected in review: an alias of the corrected unit, and offered next time."""
    from tracker.services.settings import get_setting, set_setting

    pairs = {
        old.strip(): new.strip() for old, new in pairs.items() if old.strip() and new.strip() and old != new
    }
    if not pairs:
        return
    for old, new in pairs.items():
        unit = UnitResolver(session).resolve(new)
        session.flush()
        taken = session.scalar(select(UnitAlias).where(UnitAlias.alias == old))
        if taken is None and session.scalar(select(Unit).where(Unit.name == old)) is None:
            unit.aliases.append(UnitAlias(alias=old))
    known = dict(get_setting(session, UNIT_CORRECTIONS, {}) or {})
    known.update(pairs)
    set_setting(session, UNIT_CORRECTIONS, known)


def known_corrections(session: Session) -> dict[str, str]:
    """Printed name → corrected name, from earlier reviews."""
    from tracker.services.settings import get_setting

    return dict(get_setting(session, UNIT_CORRECTIONS, {}) or {})


def units_named(session: Session, name: str) -> set[int]:
    """Ids of the units whose canonical name or an alias is exactly `name` (stripped)."""
    name = name.strip()
    if not name:
        return set()
    by_name = session.scalars(select(Unit.id).where(Unit.name == name))
    by_alias = session.scalars(select(UnitAlias.unit_id).where(UnitAlias.alias == name))
    return {*by_name, *by_alias}
