"""The drafter on the five source documents, against the reviewed seed plans.

The floors are what the drafter reached when they were written; a change that reads the
documents worse fails here. Figures are in docs/drafting.md.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("drafting_quality", ROOT / "bench" / "drafting_quality.py")
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

# document: (tasks R, tasks P, units R, units P, targets R, targets P)
# Round two (session 4): “力争 + figure” reads as a floor (>=), as the corpus and seeds 003/004
# write it; seeds 000 and 001 write the same words as “=” (“力争……达2.95%”), so their target
# floors went down (000: 24 → 21 of 26, 001: 88 → 85 of 120) while 003 went up (32 → 45 of 49).
# Session 5: a figure keeps its magnitude in the unit as printed (“2.2万家”: 2.2 万家), as the
# corpus and the seeds' own 万平方米 write it; seed 001 writes one such figure as 22000 (gP 0.96 → 0.95).
FLOORS = {
    "000_yueqing.json": (1.00, 1.00, 1.00, 1.00, 0.80, 0.77),
    "001_wenzhou.json": (1.00, 1.00, 1.00, 0.98, 0.70, 0.95),
    "002_lishui.json": (1.00, 1.00, 0.79, 0.90, 0.78, 0.95),
    "003_wenling.json": (1.00, 1.00, 1.00, 1.00, 0.90, 0.75),
    "004_yongjia.json": (1.00, 1.00, 1.00, 1.00, 0.69, 0.92),
}

SOURCES = bench.sources_folder()
pytestmark = pytest.mark.skipif(not SOURCES.exists(), reason="source documents not available")


def test_quality_floors() -> None:
    results = bench.measure(SOURCES)
    for name, floor in FLOORS.items():
        q = results[name]
        got = (
            q.tasks.recall,
            q.tasks.precision,
            q.units.recall,
            q.units.precision,
            q.targets.recall,
            q.targets.precision,
        )
        for value, minimum, label in zip(got, floor, ("tR", "tP", "uR", "uP", "gR", "gP"), strict=True):
            assert value >= minimum - 1e-9, f"{name} {label}: {value:.3f} < {minimum}"
