"""`python -m tracker.planfile.validate FILE...`: check plan files without a database."""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.planfile.model import iter_tasks
from tracker.planfile.reader import PlanFileError, load_plan_file


def main(argv: list[str]) -> int:
    status = 0
    for name in argv:
        try:
            plan = load_plan_file(Path(name))
        except PlanFileError as exc:
            print(exc, file=sys.stderr)
            status = 2
            continue
        tasks = iter_tasks(plan.tasks)
        metrics = len(plan.metrics) + sum(len(t.metrics) for t in tasks)
        print(f"{name}: OK — {len(tasks)} tasks, {metrics} metrics")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
