"""The drafter on the corpus of real task-division documents (tests/data/drafting/).

    python -m bench.drafting_corpus [tune|heldout|all]

Every document of the chosen part is drafted and compared with its hand-written
expectation (NAME.expected.json beside it). Printed per layout and in total:
task recall and precision, units exact (names, order and roles of a matched task all
right), target recall and deadline recall. The layouts of each document are listed in
tests/data/drafting/README.md (the table there is the single source; this reads it).
A document the drafter refuses counts as drafting nothing.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tracker.drafting import draft_file  # noqa: E402
from tracker.drafting.quality import Score, compare, deadline_recall, unit_exactness  # noqa: E402
from tracker.errors import BadInput  # noqa: E402
from tracker.planfile import load_plan_file  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "drafting"
PARTS = ("tune", "heldout")
SUFFIXES = (".docx", ".txt")


@dataclass
class Result:
    """One document's counts, summed into layouts and totals."""

    name: str
    part: str
    layouts: list[str]
    tasks: Score
    units: Score
    targets: Score
    deadlines: Score
    error: str | None = None


@dataclass
class Totals:
    documents: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))

    def add(self, result: Result) -> None:
        self.documents += 1
        for key in ("tasks", "units", "targets", "deadlines"):
            score: Score = getattr(result, key)
            row = self.counts[key]
            row[0] += score.found
            row[1] += score.expected
            row[2] += score.drafted

    def score(self, key: str) -> Score:
        found, expected, drafted = self.counts[key]
        return Score(found, expected, drafted)


def layouts_by_file(readme: Path = CORPUS / "README.md") -> dict[str, list[str]]:
    """File name → layout tags, from the README table (`| file | … | layouts | split |`)."""
    out: dict[str, list[str]] = {}
    header: list[str] | None = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None if not line.strip() else header
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            continue
        if set(line) <= set("|-: "):
            continue
        row = dict(zip(header, cells, strict=False))
        if len(cells) > len(header):
            # a “|” printed inside a cell (“序号|任务|牵头单位”): the trailing columns count from the end
            row = {header[0]: cells[0], **dict(zip(reversed(header[1:]), reversed(cells[1:]), strict=False))}
        name = row.get("file", "").strip("`")
        if name:
            out[name] = [t for t in re.split(r"[,，\s]+", row.get("layouts", "")) if t]
    return out


def documents(part: str) -> list[tuple[str, Path, Path]]:
    """(part, document, expectation) for every document of a part ("all": both parts)."""
    parts = PARTS if part == "all" else (part,)
    found: list[tuple[str, Path, Path]] = []
    for name in parts:
        folder = CORPUS / name
        for path in sorted(folder.iterdir()) if folder.exists() else []:
            if path.suffix in SUFFIXES:
                found.append((name, path, path.with_name(path.stem + ".expected.json")))
    return found


def measure(part: str = "all") -> list[Result]:
    layouts = layouts_by_file()
    results: list[Result] = []
    for name, path, expected_path in documents(part):
        expected = load_plan_file(expected_path)
        error = None
        try:
            plan = draft_file(path).plan
        except BadInput as exc:
            error = str(exc)
            plan = expected.model_copy(update={"tasks": [], "metrics": []})
        q = compare(expected, plan)
        results.append(
            Result(
                name=path.name,
                part=name,
                layouts=layouts.get(path.name, []),
                tasks=q.tasks,
                units=unit_exactness(expected, plan),
                targets=q.targets,
                deadlines=deadline_recall(expected, plan),
                error=error,
            )
        )
    return results


def summarise(results: list[Result]) -> tuple[Totals, dict[str, Totals]]:
    total = Totals()
    per_layout: dict[str, Totals] = defaultdict(Totals)
    for result in results:
        total.add(result)
        for layout in result.layouts:
            per_layout[layout].add(result)
    return total, dict(sorted(per_layout.items()))


def _cell(score: Score, precision: bool = False) -> str:
    value = score.precision if precision else score.recall
    return f"{value:.2f}" if precision else f"{value:.2f} ({score.found}/{score.expected})"


def table(results: list[Result]) -> str:
    total, per_layout = summarise(results)
    lines = [
        "| layout | docs | tasks R | tasks P | units exact | targets R | deadlines R |",
        "|---|---|---|---|---|---|---|",
    ]
    rows = [*per_layout.items(), ("**total**", total)]
    for name, t in rows:
        tasks = t.score("tasks")
        lines.append(
            f"| {name} | {t.documents} | {_cell(tasks)} | {_cell(tasks, True)} | "
            f"{_cell(t.score('units'))} | {_cell(t.score('targets'))} | {_cell(t.score('deadlines'))} |"
        )
    lines += ["", "| document | part | tasks R | tasks P | units exact | targets R | deadlines R |"]
    lines.append("|---|---|---|---|---|---|---|")
    for r in results:
        note = f" — 拒绝：{r.error}" if r.error else ""
        lines.append(
            f"| {r.name}{note} | {r.part} | {_cell(r.tasks)} | {_cell(r.tasks, True)} | "
            f"{_cell(r.units)} | {_cell(r.targets)} | {_cell(r.deadlines)} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    part = argv[0] if argv else "all"
    if part not in (*PARTS, "all"):
        print(f"用法：python -m bench.drafting_corpus [tune|heldout|all]（不认识“{part}”）", file=sys.stderr)
        return 2
    results = measure(part)
    if not results:
        print(f"{CORPUS / part} 下没有文件", file=sys.stderr)
        return 2
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
