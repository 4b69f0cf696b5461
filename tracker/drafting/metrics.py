"""Indicators (指标) written in a task's or a goal section's running text."""

from __future__ import annotations

from tracker.drafting import targets as tg
from tracker.planfile import model as pf


def metrics_from_text(
    text: str, year: int | None, source: str, start_year: int | None = None
) -> list[pf.Metric]:
    """One metric per named quantity; a second year of the same name is another target of it."""
    metrics: dict[tuple[str, str | None], pf.Metric] = {}
    for found in tg.find_targets(text, year, start_year):
        key = (found.name or found.text, found.unit)
        target = pf.Target(
            year=found.year,
            value=found.value if found.comparator != "text" else None,
            max=found.max,
            comparator=found.comparator,
            kind=found.kind,
            recurring="yearly" if found.recurring else None,
            text=found.text,
        )
        metric = metrics.get(key)
        if metric is not None and all(t.year != target.year for t in metric.targets):
            metric.targets.append(target)
            continue
        if metric is not None:
            key = (f"{key[0]}（{len(metrics) + 1}）", key[1])
        metrics[key] = pf.Metric(
            name=key[0][:120] or found.text, unit=found.unit, targets=[target], source=source
        )
    return list(metrics.values())
