"""Run the drafter on the five source documents and compare with seed/*.json.

    python bench/drafting_quality.py [SEEDS_FOLDER]

Prints recall and precision of tasks, units and targets per document as a Markdown table
(the table in docs/drafting.md). The source texts default to /work/shared/seeds or the
folder in the environment variable TRACKER_SEED_SOURCES.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.drafting import draft_file  # noqa: E402
from tracker.drafting.quality import Quality, compare  # noqa: E402
from tracker.planfile import load_plan_file  # noqa: E402

PAIRS = {
    "000": "000_yueqing.json",
    "001": "001_wenzhou.json",
    "002": "002_lishui.json",
    "003": "003_wenling.json",
    "004": "004_yongjia.json",
}


def sources_folder(argument: str | None = None) -> Path:
    return Path(argument or os.environ.get("TRACKER_SEED_SOURCES", "/work/shared/seeds"))


def measure(folder: Path) -> dict[str, Quality]:
    out: dict[str, Quality] = {}
    for prefix, seed_name in PAIRS.items():
        [source] = sorted(folder.glob(f"{prefix}_*.txt"))
        out[seed_name] = compare(load_plan_file(ROOT / "seed" / seed_name), draft_file(source).plan)
    return out


def table(results: dict[str, Quality]) -> str:
    lines = [
        "| document | tasks R | tasks P | units R | units P | targets R | targets P |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, q in results.items():
        cells = [
            f"{q.tasks.recall:.2f} ({q.tasks.found}/{q.tasks.expected})",
            f"{q.tasks.precision:.2f}",
            f"{q.units.recall:.2f} ({q.units.found}/{q.units.expected})",
            f"{q.units.precision:.2f}",
            f"{q.targets.recall:.2f} ({q.targets.found}/{q.targets.expected})",
            f"{q.targets.precision:.2f}",
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure(sources_folder(sys.argv[1] if len(sys.argv) > 1 else None))))
