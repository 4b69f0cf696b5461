"""Synthetic ledgers of realistic shape for the benchmarks, made fast with Core bulk inserts.

    python -m bench.make_ledger 10000 --out /tmp/ledger-10k.sqlite3

Shape, per 1,000 tasks (taken from the seed documents, scaled): about 7 plans of
~150 tasks, a third of the tasks nested under another; 120 units (400 at most), each task linked to
1–4 of them (the first leading); one task in four with 1–2 indicators of 3 yearly
targets and a couple of actuals; 3–4 progress updates per task over the half-years
2023H1…2024H2; evidence on one update in ten, sharing a few stored files. Three
indicators in ten are common ones (高新技术企业数量, R&D 投入…) with a `key`, so the same key
recurs across plans and within a plan, where it repeats the plan's earlier targets except
now and then a contradicting one (what `tracker/views/conflicts.py` finds). The same
seed gives the same ledger.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.ledger import open_database

TASKS_PER_PLAN = 150
UNITS_PER_1000 = 120
MAX_UNITS = 400  # a city's departments, districts and agencies, with their sub-offices
PERIODS = ("2023H1", "2023H2", "2024H1", "2024H2")
WORDS = [
    "科技创新",
    "高新技术企业",
    "研发投入",
    "成果转化",
    "科技特派员",
    "创新平台",
    "重点实验室",
    "孵化器",
    "众创空间",
    "人才引进",
    "产学研合作",
    "数字经济",
    "专利",
    "技术合同",
    "科技金融",
    "企业研发中心",
    "新型研发机构",
    "乡村振兴",
    "产业链",
    "揭榜挂帅",
    "关键核心技术",
    "攻关",
    "培育",
    "推进",
    "完善",
    "提升",
    "建设",
    "实施",
    "落实",
    "加强",
    "开展",
    "组织",
]
UNIT_STEMS = [
    "科技局",
    "发改委",
    "经信局",
    "财政局",
    "人社局",
    "教育局",
    "农业农村局",
    "市场监管局",
    "商务局",
    "自然资源局",
    "住建局",
    "卫健委",
    "统计局",
    "金融办",
    "税务局",
    "科协",
    "投促中心",
    "大数据局",
    "生态环境局",
    "交通运输局",
]
PLACES = ("市", "鹿城区", "龙湾区", "瓯海区", "洞头区", "乐清市", "瑞安市", "永嘉县")
STATUSES = ("in_progress", "in_progress", "in_progress", "done", "late", "ongoing")
# Indicators many plans state (key, name, unit); a metric takes one three times in ten.
INDICATORS = (
    ("high_tech_firms", "高新技术企业数量", "家"),
    ("rd_spending", "全社会研发经费支出", "亿元"),
    ("tech_smes", "科技型中小企业数量", "家"),
    ("patents", "每万人高价值发明专利拥有量", "件"),
    ("tech_contracts", "技术合同成交额", "亿元"),
    ("labs", "省级以上重点实验室数量", "家"),
    ("incubators", "省级以上孵化器和众创空间数量", "家"),
    ("talent", "引进高层次人才团队", "个"),
    ("rd_centres", "企业研发中心数量", "家"),
    ("new_institutes", "新型研发机构数量", "家"),
    ("specialists", "科技特派员人数", "人"),
    ("hi_tech_output", "高新技术产业增加值", "亿元"),
)
KEYED_SHARE = 0.3
CONTRADICTING_SHARE = 0.08  # of the repeats of a key within a plan
BATCH = 5_000


def _text(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(words))


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def build_rows(tasks: int, seed: int = 20240601) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows as dicts with explicit ids, ready for `insert()`."""
    rng = random.Random(seed)
    now = datetime(2024, 12, 1, 9, 0, 0)
    stems, places = len(UNIT_STEMS), len(PLACES)
    units = [
        {
            "id": i + 1,
            "name": f"{PLACES[(i // stems) % places]}{UNIT_STEMS[i % stems]}{i // (stems * places) or ''}",
        }
        for i in range(max(20, min(MAX_UNITS, tasks * UNITS_PER_1000 // 1000)))
    ]
    plan_count = max(1, round(tasks / TASKS_PER_PLAN))
    plans = [
        {
            "id": p + 1,
            "title": f"关于{_text(rng, 3)}的实施方案（第{p + 1}号）",
            "short_title": f"方案{p + 1}",
            "doc_number": f"温科〔2023〕{p + 1}号",
            "issuer": "市科技局",
            "period_start": 2023,
            "period_end": 2025,
            "position": p,
            "created_at": now,
            "updated_at": now,
        }
        for p in range(plan_count)
    ]
    rows: dict[str, list[dict[str, Any]]] = {
        "unit": units,
        "plan": plans,
        "task": [],
        "task_unit": [],
        "metric": [],
        "target": [],
        "actual": [],
        "progress_update": [],
        "blob": [],
        "blob_chunk": [],
        "evidence": [],
    }
    blobs = []
    for b in range(20):
        data = (f"佐证材料 {b} " * (200 + 50 * b)).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        blobs.append((digest, len(data)))
        rows["blob"].append({"sha256": digest, "size": len(data), "created_at": now})
        rows["blob_chunk"].append({"sha256": digest, "seq": 0, "data": data})

    update_id = metric_id = target_id = actual_id = evidence_id = 0
    top: dict[int, int] = {}  # plan id → its latest top-level task
    keys = random.Random(seed + 1)  # its own stream: the rest of the ledger stays as it was
    stated: dict[tuple[int, str], dict[int, float]] = {}  # (plan, key) → year → first target
    for t in range(1, tasks + 1):
        plan_id = min(plan_count, (t - 1) // TASKS_PER_PLAN + 1)
        parent_id = top.get(plan_id) if rng.random() < 0.35 else None
        if parent_id is None:
            top[plan_id] = t
        deadline = date(2023, 6, 30) + timedelta(days=rng.randrange(0, 900)) if rng.random() < 0.8 else None
        rows["task"].append(
            {
                "id": t,
                "plan_id": plan_id,
                "parent_id": parent_id,
                "position": t,
                "code": str(t),
                "title": _text(rng, rng.randint(3, 8)),
                "content": _text(rng, rng.randint(15, 60)),
                "kind": "task" if rng.random() < 0.85 else rng.choice(("platform", "project")),
                "deadline": deadline,
                "recurring": "yearly" if deadline is None and rng.random() < 0.5 else None,
                "units_inferred": False,
                "created_at": now,
                "updated_at": now,
            }
        )
        for position, unit in enumerate(rng.sample(units, rng.randint(1, 4))):
            rows["task_unit"].append(
                {
                    "task_id": t,
                    "unit_id": unit["id"],
                    "position": position,
                    "role": "lead" if position == 0 else "support",
                    "printed_name": unit["name"],
                }
            )
        if rng.random() < 0.25:
            for position in range(rng.randint(1, 2)):
                metric_id += 1
                key, name, measure = None, _text(rng, 3) + "数量", "家"
                if keys.random() < KEYED_SHARE:
                    key, name, measure = keys.choice(INDICATORS)
                earlier = stated.get((plan_id, key)) if key else None
                contradicts = earlier is not None and keys.random() < CONTRADICTING_SHARE
                rows["metric"].append(
                    {
                        "id": metric_id,
                        "plan_id": plan_id,
                        "task_id": t,
                        "position": position,
                        "name": name,
                        "key": key,
                        "unit": measure,
                        "baseline_year": 2022,
                        "baseline_value": float(rng.randint(10, 500)),
                        "baseline_estimated": False,
                    }
                )
                for year in (2023, 2024, 2025):
                    target_id += 1
                    value = float(rng.randint(100, 1000))
                    if earlier is not None:  # the plan said it before: the same, or now and then not
                        value = earlier[year] + (50 if contradicts and year == 2025 else 0)
                    elif key:
                        stated.setdefault((plan_id, key), {})[year] = value
                    rows["target"].append(
                        {
                            "id": target_id,
                            "metric_id": metric_id,
                            "year": year,
                            "value": value,
                            "comparator": ">=",
                            "kind": "level",
                            "text": f"达到{value:g}{measure}",
                        }
                    )
                for period in ("2023", "2024"):
                    actual_id += 1
                    rows["actual"].append(
                        {
                            "id": actual_id,
                            "metric_id": metric_id,
                            "period": period,
                            "value": float(rng.randint(50, 1100)),
                            "recorded_at": now,
                        }
                    )
        for p, period in enumerate(PERIODS[rng.randint(0, 1) :]):
            update_id += 1
            status = rng.choice(STATUSES)
            rows["progress_update"].append(
                {
                    "id": update_id,
                    "task_id": t,
                    "period": period,
                    "status": status,
                    "percent": 100 if status == "done" else rng.randint(0, 95),
                    "progress": _text(rng, rng.randint(20, 80)),
                    "problems": _text(rng, 8) if rng.random() < 0.3 else None,
                    "recorded_at": datetime(2023, 7, 5) + timedelta(days=182 * p, minutes=t),
                }
            )
            if rng.random() < 0.1:
                digest, size = rng.choice(blobs)
                evidence_id += 1
                rows["evidence"].append(
                    {
                        "id": evidence_id,
                        "task_id": t,
                        "update_id": update_id,
                        "filename": f"佐证材料{evidence_id}.pdf",
                        "sha256": digest,
                        "size": size,
                        "added_at": now,
                    }
                )
    return rows


TABLES = {
    "unit": m.Unit,
    "plan": m.Plan,
    "task": m.Task,
    "task_unit": m.TaskUnit,
    "metric": m.Metric,
    "target": m.Target,
    "actual": m.Actual,
    "progress_update": m.Update,
    "blob": m.Blob,
    "blob_chunk": m.BlobChunk,
    "evidence": m.Evidence,
}


def fill(database: Database, tasks: int, seed: int = 20240601) -> dict[str, int]:
    """Insert a synthetic ledger of `tasks` tasks into an empty, migrated `database`."""
    rows = build_rows(tasks, seed)
    with database.engine.begin() as connection:
        for name, model in TABLES.items():
            for batch in _batches(rows[name]):
                connection.execute(insert(model.__table__), batch)  # type: ignore[arg-type]
    return {name: len(value) for name, value in rows.items()}


def make_ledger(path: Path, tasks: int, seed: int = 20240601) -> dict[str, int]:
    """A fresh ledger file at `path` (replaced if present), migrated, holding `tasks` tasks."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    database, _ = open_database(str(path))
    try:
        counts = fill(database, tasks, seed)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.exec_driver_sql("ANALYZE")
    finally:
        database.dispose()
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", type=int)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = make_ledger(args.out, args.tasks, args.seed)
    took = time.perf_counter() - started
    print(f"{args.out}: {counts} in {took:.1f} s")


if __name__ == "__main__":
    main()
