"""Recording progress with actuals and evidence: one transaction, history kept, lights follow."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.lights import Light
from tracker.periods import parse_period
from tracker.services import evidence
from tracker.services.progress import ProgressInput, close_task, record_update, reopen_task
from tracker.views.status import task_states


def first_task_with_metric(session) -> m.Task:  # type: ignore[no-untyped-def]
    return session.scalars(
        select(m.Task).join(m.Metric, m.Metric.task_id == m.Task.id).order_by(m.Task.id)
    ).first()


def count(session, table) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count()).select_from(table)))


def test_update_with_actual_and_evidence(seeded: Database, tmp_path: Path) -> None:
    proof = tmp_path / "佐证 材料（一）.pdf"
    content = b"%PDF-1.4 " + bytes(range(256)) * 9000  # > 2 chunks
    proof.write_bytes(content)
    with seeded.unit_of_work() as session:
        task = first_task_with_metric(session)
        task_id, metric_id = task.id, task.metrics[0].id
        record_update(
            session,
            task_id,
            ProgressInput(
                period="2023Q2",
                status="in_progress",
                percent=60,
                progress="已完成招标",
                problems="资金未到位",
                next_steps="加快拨付",
                actuals={metric_id: 3.2},
                evidence=[proof],
            ),
            actor="张科长",
        )
    with seeded.reading() as session:
        [ev] = session.scalars(select(m.Evidence).where(m.Evidence.task_id == task_id)).all()
        assert ev.filename == "佐证 材料（一）.pdf" and ev.size == len(content)
        assert ev.sha256 == hashlib.sha256(content).hexdigest()
        assert b"".join(evidence.read_content(session, ev.sha256)) == content
        actual = session.scalar(select(m.Actual).where(m.Actual.metric_id == metric_id))
        assert actual is not None and (actual.period, actual.value) == ("2023Q2", 3.2)
        summaries = [
            a.summary for a in session.scalars(select(m.AuditEntry).where(m.AuditEntry.task_id == task_id))
        ]
        assert any("未填报 → 推进中" in s for s in summaries)
        assert any("佐证 材料（一）.pdf" in s for s in summaries)
        assert all(
            a.actor == "张科长"
            for a in session.scalars(select(m.AuditEntry).where(m.AuditEntry.task_id == task_id))
        )
        state = task_states(session, parse_period("2023Q2"))[task_id]
        assert state.reported_in_period and state.status == "in_progress" and state.percent == 60
        copy = evidence.save_copy(session, ev.id, tmp_path / "副本.pdf")
        assert copy.read_bytes() == content


def test_missing_evidence_file_writes_nothing(seeded: Database, tmp_path: Path) -> None:
    with seeded.reading() as session:
        before = (count(session, m.Update), count(session, m.AuditEntry), count(session, m.Blob))
        task_id = first_task_with_metric(session).id
    good = tmp_path / "good.txt"
    good.write_text("ok", encoding="utf-8")
    with pytest.raises(BadInput, match="不存在"), seeded.unit_of_work() as session:
        record_update(
            session,
            task_id,
            ProgressInput(period="2023Q2", status="done", evidence=[good, tmp_path / "已删除.docx"]),
        )
    with seeded.reading() as session:
        assert (count(session, m.Update), count(session, m.AuditEntry), count(session, m.Blob)) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ProgressInput(period="2023年第五季度", status="done"), "报告期"),
        (ProgressInput(period="2023Q2", status="closed"), "不能直接填报"),
        (ProgressInput(period="2023Q2", status="done", percent=120), "0 到 100"),
        (ProgressInput(period="2023Q2", status="done", actuals={999999: 1}), "不属于任务"),
    ],
)
def test_bad_progress_is_refused(seeded: Database, data: ProgressInput, message: str) -> None:
    with pytest.raises(BadInput, match=message), seeded.unit_of_work() as session:
        record_update(session, first_task_with_metric(session).id, data)


def test_evidence_size_limit_and_safe_names(tmp_path: Path, database: Database) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(BadInput, match="超过上限"), database.unit_of_work() as session:
        evidence.store_file(session, big, limit=1024)
    assert evidence.safe_filename("报告:第1期?.pdf") == "报告_第1期_.pdf"
    assert evidence.safe_filename("CON.txt") == "_CON.txt"


def test_close_and_reopen(seeded: Database) -> None:
    with seeded.unit_of_work() as session:
        task_id = first_task_with_metric(session).id
        with pytest.raises(BadInput, match="理由"):
            close_task(session, task_id, "  ")
        close_task(session, task_id, "经核查已完成，予以销号")
    with seeded.reading() as session:
        state = task_states(session, parse_period("2026Q4"))[task_id]
        assert state.status == "closed" and state.light is Light.GREEN
    with seeded.unit_of_work() as session:
        reopen_task(session, task_id, "佐证材料不足")
    with seeded.reading() as session:
        actions = [
            a.action for a in session.scalars(select(m.AuditEntry).where(m.AuditEntry.task_id == task_id))
        ]
        assert actions == ["close", "reopen"]


class Stop(Exception):
    """What a cancel raises through the progress callback."""


def test_progress_follows_the_evidence_bytes_and_a_cancel_rolls_back_everything(
    seeded: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "佐证 材料"
    folder.mkdir()
    first, second = folder / "会议纪要（一）.pdf", folder / "现场照片.zip"
    first.write_bytes(b"a" * (3 * evidence.CHUNK_BYTES + 10))
    second.write_bytes(b"b" * (2 * evidence.CHUNK_BYTES))
    total = 2 * (first.stat().st_size + second.stat().st_size)  # each file read twice
    with seeded.reading() as session:
        task_id = first_task_with_metric(session).id
        before = {t: count(session, t) for t in (m.Update, m.Evidence, m.Blob, m.BlobChunk, m.AuditEntry)}

    def data() -> ProgressInput:
        return ProgressInput(period="2023Q2", status="in_progress", progress="进展", evidence=[first, second])

    # a cancel once the second file's chunks are being written: nothing of the record stays
    stopped_with: list[int] = []

    def cancel_late(done: int, of: int) -> None:
        assert of == total
        if done > total - second.stat().st_size:
            stopped_with.append(count(session, m.BlobChunk) - before[m.BlobChunk])  # in this transaction
            raise Stop

    with pytest.raises(Stop), seeded.unit_of_work() as session:
        record_update(session, task_id, data(), progress=cancel_late)
    assert stopped_with and stopped_with[0] >= 5  # the first file's 4 chunks and the second's first
    with seeded.reading() as session:
        assert {t: count(session, t) for t in before} == before

    # the same record saved: progress climbs to the total, every chunk is there
    seen: list[tuple[int, int]] = []
    with seeded.unit_of_work() as session:
        record_update(session, task_id, data(), progress=lambda done, of: seen.append((done, of)))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (total, total) and {of for _, of in seen} == {total}
    with seeded.reading() as session:
        assert count(session, m.Evidence) == before[m.Evidence] + 2
        assert count(session, m.BlobChunk) == before[m.BlobChunk] + 4 + 2

    # content already stored: hashed only, and the bar still reaches its end
    seen.clear()
    with seeded.unit_of_work() as session:
        record_update(session, task_id, data(), progress=lambda done, of: seen.append((done, of)))
    assert seen[-1] == (total, total)


def test_a_period_in_words_is_stored_as_its_code(seeded: Database) -> None:
    with seeded.unit_of_work() as session:
        task = first_task_with_metric(session)
        update = record_update(
            session,
            task.id,
            ProgressInput("2023年第二季度", "in_progress", "推进", actuals={task.metrics[0].id: 3}),
        )
        assert update.period == "2023Q2"
        assert session.scalars(
            select(m.Actual.period).where(m.Actual.metric_id == task.metrics[0].id)
        ).all() == ["2023Q2"]
