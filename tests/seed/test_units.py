"""Built-in units: short forms resolve to one canonical unit per jurisdiction."""

from __future__ import annotations

from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.services.units import qualify_unit_name


def test_qualify_unit_name() -> None:
    assert qualify_unit_name("市科技局", "温州市") == "温州市科技局"
    assert qualify_unit_name("各县（市、区）政府", "温州市") == "温州市各县（市、区）政府"
    assert qualify_unit_name("县科技局", "永嘉县") == "永嘉县科技局"
    assert qualify_unit_name("温州海经区管委会", "温州市") == "温州海经区管委会"
    assert qualify_unit_name("市科技局", None) == "市科技局"


def units_of(session, plan_title_part: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(m.TaskUnit.printed_name, m.Unit.name)
        .join(m.Unit)
        .join(m.Task)
        .join(m.Plan)
        .where(m.Plan.title.contains(plan_title_part))
    ).all()
    return dict(rows)


def test_same_words_in_two_cities_are_two_units(seeded: Database) -> None:
    with seeded.reading() as session:
        wenzhou = units_of(session, "八大抓手")
        lishui = units_of(session, "人才链")
    assert wenzhou["市科技局"] == "温州市科学技术局"
    assert lishui["市科技局"] == "丽水市科学技术局"
    assert wenzhou["市发展改革委"] == "温州市发展和改革委员会"
    assert lishui["市发改委"] == "丽水市发展和改革委员会"
    assert wenzhou["人行温州市中心支行"] == "中国人民银行温州市中心支行"


def test_aliases_are_kept(seeded: Database) -> None:
    with seeded.reading() as session:
        unit = session.scalar(select(m.Unit).where(m.Unit.name == "丽水市发展和改革委员会"))
        assert unit is not None
        assert {a.alias for a in unit.aliases} == {"丽水市发改委", "丽水市发展改革委"}
