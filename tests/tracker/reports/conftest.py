"""A seeded ledger with a quarter of realistic progress written through the ORM."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database

PERIOD = "2023Q2"
INJECTION = '=HYPERLINK("http://evil.example","点我")'

_PROGRESS = (
    "已召开专题推进会，完成项目遴选和申报指导，正在组织专家评审，预计下季度完成立项。",
    "已出台配套政策并组织宣传解读，企业申报踊跃，首批资金已拨付到位。",
    "受用地指标调整影响，项目开工时间推迟，正在协调自然资源部门加快审批。",
)


def add_progress(database: Database) -> None:
    """Updates for 2023Q2 across the seeded plans: done, in progress, late, silent."""
    with database.unit_of_work() as session:
        tasks = session.scalars(
            select(m.Task).where(m.Task.deleted_at.is_(None)).order_by(m.Task.plan_id, m.Task.position)
        ).all()
        leaves = [t for t in tasks if not t.children]
        blob_data = "佐证材料示例".encode()
        sha = hashlib.sha256(blob_data).hexdigest()
        session.add(m.Blob(sha256=sha, size=len(blob_data)))
        session.add(m.BlobChunk(sha256=sha, seq=0, data=blob_data))
        for i, task in enumerate(leaves):
            slot = i % 6
            if slot == 5:
                continue  # this unit has not reported this quarter
            status, percent = [
                ("done", 100),
                ("in_progress", 60),
                ("in_progress", 20),
                ("late", 10),
                ("in_progress", 45),
            ][slot]
            progress = _PROGRESS[i % 3] * (3 if i % 7 == 0 else 1)
            if i == 1:
                progress = INJECTION
            update = m.Update(
                task=task,
                period=PERIOD,
                status=status,
                percent=percent,
                progress=progress,
                problems="项目用地、资金配套仍需协调。" if status == "late" else None,
                next_steps="-加快推进，确保按期完成" if i == 3 else "倒排工期，加快推进。",
                recorded_at=datetime(2023, 6, 20, 9, 0),
            )
            session.add(update)
            if slot == 0:
                session.add(
                    m.Evidence(
                        task=task,
                        filename=f"{task.code}工作总结.pdf",
                        sha256=sha,
                        size=len(blob_data),
                        added_at=datetime(2023, 6, 21),
                    )
                )
        metrics = session.scalars(select(m.Metric).order_by(m.Metric.id)).all()
        for j, metric in enumerate(metrics[:60]):
            target = next((t for t in metric.targets if t.value), None)
            if target is None:
                continue
            share = (0.3, 0.55, 0.8, 1.1)[j % 4]
            session.add(m.Actual(metric=metric, period=PERIOD, value=round(target.value * share, 2)))


@pytest.fixture
def reported(seeded: Database) -> Database:
    add_progress(seeded)
    return seeded
