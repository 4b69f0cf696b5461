"""Measure the program on synthetic ledgers of 1,000, 10,000 and 50,000 tasks.

    python -m bench.run                      # every measurement, every size; writes docs/performance.md
    python -m bench.run --sizes 1000 --only open_task window --no-write

Prints a table of medians, each beside its floor, checks the targets at 10,000 tasks and
that nothing grows faster than linearly to 50,000, and (unless --no-write) rewrites
docs/performance.md with the machine described. Text after the line `<!-- notes -->`
in that file is kept, so findings written by hand survive a re-run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from importlib import metadata
from pathlib import Path

from bench.make_ledger import make_ledger
from bench.measurements import REGISTRY, ROOT, Ledger, Measurement

SIZES = (1_000, 10_000, 50_000)
TARGET_SIZE = 10_000
NOTES_MARK = "<!-- notes -->"
DOC = ROOT / "docs" / "performance.md"
LIBRARIES = ("PySide6-Essentials", "SQLAlchemy", "alembic", "openpyxl", "reportlab", "pydantic")
# Growth from 10,000 to 50,000 tasks above this multiple of 5× counts as faster than linear.
LINEAR_SLACK = 1.5
# (measurement, size) → the error it raised: shown as FAILED, and the run goes on.
FAILED: dict[tuple[str, int], str] = {}


def machine() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = []
    for name in LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{name} {metadata.version(name)}")
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical processors (nproc)",
        f"- Memory: {memory}",
        f"- System: {platform.platform()}",
        f"- Python {platform.python_version()}; {', '.join(versions)}",
        f"- Qt platform: {os.environ.get('QT_QPA_PLATFORM', '(default)')}",
    ]


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def measure(ledger: Ledger, item: Measurement) -> float:
    samples = [item.sample(ledger) for _ in range(item.repeat)]
    return statistics.median(samples)


def run(sizes: list[int], only: list[str] | None, folder: Path) -> tuple[dict[str, dict[int, float]], dict]:
    chosen = [m for m in REGISTRY.values() if not only or m.name in only or m.name in _floors_of(only)]
    results: dict[str, dict[int, float]] = {m.name: {} for m in chosen}
    notes: dict[str, str] = {}
    for size in sizes:
        path = folder / f"ledger-{size}.sqlite3"
        if not path.exists():
            counts = make_ledger(path, size)
            print(f"made {path.name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), flush=True)
        ledger = Ledger(path, size, folder)
        try:
            for item in chosen:
                try:
                    results[item.name][size] = measure(ledger, item)
                except Exception as exc:  # one broken measurement must not lose the others
                    FAILED[item.name, size] = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
                    notes[f"{item.name} at {size:,} tasks FAILED"] = FAILED[item.name, size]
                    print(f"  {size:>6} {item.name:<18} FAILED {FAILED[item.name, size]}", flush=True)
                    continue
                print(f"  {size:>6} {item.name:<18} {fmt(results[item.name][size], item.unit)}", flush=True)
        finally:
            notes.update(ledger.notes)
            ledger.close()
    return results, notes


def _floors_of(names: list[str]) -> set[str]:
    return {REGISTRY[n].floor or "" for n in names if n in REGISTRY}


def table(results: dict[str, dict[int, float]], sizes: list[int]) -> list[str]:
    lines = [
        "| measurement | " + " | ".join(f"{s:,} tasks (floor)" for s in sizes) + " | target at 10,000 |",
        "|---|" + "---|" * len(sizes) + "---|",
    ]
    for item in REGISTRY.values():
        if item.is_floor or item.name not in results:
            continue
        floor = REGISTRY.get(item.floor or "")
        cells = []
        for size in sizes:
            value = results[item.name].get(size)
            under = results.get(floor.name, {}).get(size) if floor else None
            shown = "FAILED" if (item.name, size) in FAILED else fmt(value, item.unit)
            cells.append(shown + (f" ({fmt(under, floor.unit)})" if floor else ""))
        target = f"< {fmt(item.target, item.unit)}" if item.target else ""
        if item.target_ratio:
            target = f"< {item.target_ratio:g}× floor"
        lines.append(f"| {item.label} | " + " | ".join(cells) + f" | {target} |")
    return lines


def verdicts(results: dict[str, dict[int, float]], sizes: list[int]) -> list[str]:
    lines = []
    for item in REGISTRY.values():
        values = results.get(item.name, {})
        if not item.is_floor and (item.name, TARGET_SIZE) in FAILED:
            lines.append(f"- {item.label}: FAILED at 10,000 tasks ({FAILED[item.name, TARGET_SIZE]})")
        if item.is_floor or not values:
            continue
        if item.target is not None and TARGET_SIZE in values:
            ok = values[TARGET_SIZE] < item.target
            lines.append(
                f"- {item.label}: {fmt(values[TARGET_SIZE], item.unit)} at 10,000 tasks, target "
                f"< {fmt(item.target, item.unit)}: {'met' if ok else 'MISSED'}"
            )
        floor = results.get(item.floor or "", {}).get(TARGET_SIZE)
        if item.target_ratio is not None and TARGET_SIZE in values and floor:
            ratio = values[TARGET_SIZE] / floor
            lines.append(
                f"- {item.label}: {fmt(values[TARGET_SIZE], item.unit)} at 10,000 tasks, ×{ratio:.2f} its "
                f"floor ({fmt(floor, item.unit)}), target < ×{item.target_ratio:g}: "
                f"{'met' if ratio < item.target_ratio else 'MISSED'}"
            )
        if TARGET_SIZE in values and 50_000 in values and item.unit != "MB":
            growth = values[50_000] / values[TARGET_SIZE] if values[TARGET_SIZE] else 0.0
            linear = growth <= 5 * LINEAR_SLACK
            lines.append(
                f"- {item.label}: ×{growth:.1f} from 10,000 to 50,000 tasks (5× is linear): "
                f"{'no faster than linear' if linear else 'FASTER THAN LINEAR'}"
            )
    return lines


def write_doc(lines: list[str]) -> None:
    kept = ""
    if DOC.exists():
        text = DOC.read_text("utf-8")
        if NOTES_MARK in text:
            kept = text[text.index(NOTES_MARK) :]
    DOC.write_text("\n".join(lines) + "\n\n" + (kept or NOTES_MARK + "\n"), "utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--only", nargs="+", choices=sorted(REGISTRY), help="only these measurements")
    parser.add_argument("--keep", type=Path, help="make and keep the ledgers in this folder")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite docs/performance.md")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        os.environ["TRACKER_HOME"] = str(Path(tmp) / "home")  # settings and logs stay out of the way
        from PySide6.QtCore import QSettings

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "qt"))
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        results, notes = run(args.sizes, args.only, folder)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Performance",
        "",
        f"Measured by `python -m bench.run` on {datetime.now():%Y-%m-%d %H:%M} at commit {commit or '?'} "
        "(plus the working tree), on synthetic ledgers from `bench/make_ledger.py`. Each figure is the "
        "median of several runs; its floor, in brackets, is the same work done the cheapest way "
        "(a bare PySide6 window, a raw sqlite3 query over the same rows, openpyxl or reportlab "
        "writing the same cells or lines).",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Results",
        "",
        *table(results, args.sizes),
        "",
        *(f"Filtering measured through: {notes['filter']}." for _ in [0] if "filter" in notes),
        *(f"- {key}: {value}" for key, value in notes.items() if key not in ("filter", "window_error")),
        "",
        "## Targets and growth",
        "",
        *verdicts(results, args.sizes),
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_doc(lines)
        print(f"\nwrote {DOC}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
