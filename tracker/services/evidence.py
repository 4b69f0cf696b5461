"""佐证材料 (evidence): file content stored in the database by SHA-256, in chunks.

A file and its record are written in the same transaction, so a crash never leaves one
without the other, and a backup of the database is a backup of every file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db import models as m
from tracker.errors import BadInput
from tracker.fileio import atomic_write
from tracker.periods import parse_period, period_containing
from tracker.services import audit

CHUNK_BYTES = 1024 * 1024
MAX_EVIDENCE_BYTES = 200 * 1024 * 1024
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def safe_filename(name: str) -> str:
    """A name Windows accepts: forbidden characters replaced, reserved names prefixed."""
    cleaned = _WINDOWS_FORBIDDEN.sub("_", name).strip().rstrip(". ") or "佐证材料"
    if cleaned.split(".")[0].upper() in _WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return cleaned[:200]


def _check_readable(path: Path, limit: int) -> int:
    try:
        if not path.exists():
            raise BadInput(f"佐证材料 {path} 不存在（文件可能已被移动或删除）")
        if not path.is_file():
            raise BadInput(f"佐证材料 {path} 不是文件")
        size = path.stat().st_size
    except OSError as exc:
        raise BadInput(f"无法读取佐证材料 {path}：{exc.strerror or exc}") from None
    if size > limit:
        raise BadInput(
            f"佐证材料 {path.name} 有 {size / 1024 / 1024:.1f} MB，超过上限 {limit / 1024 / 1024:.0f} MB"
        )
    return size


def _chunks(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                yield chunk
    except OSError as exc:
        raise BadInput(f"读取佐证材料 {path} 时出错（文件被占用？）：{exc.strerror or exc}") from None


def store_file(
    session: Session,
    path: Path,
    limit: int = MAX_EVIDENCE_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> m.Blob:
    """Put a file's content into the database (once per distinct content).

    The file is read twice, once to hash it and once to store it: `progress(done, total)`
    follows each chunk of both readings, in bytes read of `total` = twice the size (it
    jumps to the end when the content is stored already). An exception it raises (a
    cancel) stops the work; the caller's transaction then rolls back every chunk written.
    """
    size = _check_readable(path, limit)
    total = 2 * size
    done = 0
    digest = hashlib.sha256()
    for chunk in _chunks(path):
        digest.update(chunk)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    sha = digest.hexdigest()
    blob = session.get(m.Blob, sha)
    if blob is not None:
        if progress is not None:
            progress(total, total)
        return blob
    blob = m.Blob(sha256=sha, size=size)
    session.add(blob)
    session.flush()
    check = hashlib.sha256()
    written = 0
    for seq, chunk in enumerate(_chunks(path)):
        check.update(chunk)
        written += len(chunk)
        session.add(m.BlobChunk(sha256=sha, seq=seq, data=chunk))
        session.flush()
        if progress is not None:
            progress(size + written, total)
    if check.hexdigest() != sha or written != size:
        raise BadInput(f"佐证材料 {path} 在读取过程中被修改，请关闭占用它的程序后重试")
    return blob


def attach(
    session: Session,
    task: m.Task,
    path: Path,
    *,
    update: m.Update | None = None,
    period: str | None = None,
    actor: str | None = None,
    source: str = audit.SOURCE_HAND,
    progress: Callable[[int, int], None] | None = None,
) -> m.Evidence:
    """Store a file and add it to a task; `progress` as for `store_file`.

    The file is filed under the period of the update it is attached to (whatever the upload
    day: files added on 5 July to a 2023Q2 record belong to 2023Q2), else under `period`,
    else under the quarter of today.
    """
    blob = store_file(session, path, progress=progress)
    evidence = m.Evidence(task=task, filename=path.name, sha256=blob.sha256, size=blob.size)
    if update is not None:
        evidence.update_id = update.id
        evidence.period = update.period
    else:
        evidence.period = parse_period(period).code if period else period_containing(date.today()).code
    session.add(evidence)
    session.flush()
    audit.record(
        session,
        action="create",
        entity="evidence",
        entity_id=evidence.id,
        plan_id=task.plan_id,
        task_id=task.id,
        summary=f"添加佐证材料“{evidence.filename}”（{blob.size} 字节）",
        after={"filename": evidence.filename, "sha256": blob.sha256, "size": blob.size},
        actor=actor,
        source=source,
    )
    return evidence


def _listed(session: Session, evidence_id: int, *, removed: bool) -> m.Evidence:
    """The evidence `evidence_id` when it is (`removed`) or is not taken off its task; else BadInput."""
    evidence = session.get(m.Evidence, evidence_id)
    if evidence is None or (evidence.removed_at is not None) != removed:
        state = "未被移除" if removed else "已移除"
        raise BadInput(f"佐证材料（编号 {evidence_id}）不存在或{state}")
    return evidence


def _record_listing(session: Session, evidence: m.Evidence, *, removed: bool, actor: str | None) -> None:
    """The 留痕 of taking evidence off its task, or of putting it back: what the file was."""
    what = {"filename": evidence.filename, "sha256": evidence.sha256}
    audit.record(
        session,
        action="delete" if removed else "restore",
        entity="evidence",
        entity_id=evidence.id,
        plan_id=evidence.task.plan_id,
        task_id=evidence.task_id,
        summary=f"{'移除' if removed else '恢复'}佐证材料“{evidence.filename}”",
        before=what if removed else None,
        after=None if removed else what,
        actor=actor,
    )


def remove(session: Session, evidence_id: int, *, actor: str | None = None) -> m.Evidence:
    """Take evidence off a task; its content and record stay, so the history can show it."""
    evidence = _listed(session, evidence_id, removed=False)
    evidence.removed_at = m.utcnow()
    _record_listing(session, evidence, removed=True, actor=actor)
    return evidence


def restore(
    session: Session, evidence_id: int, *, update: m.Update | None = None, actor: str | None = None
) -> m.Evidence:
    """Put removed evidence back on its task (its content never left the ledger)."""
    evidence = _listed(session, evidence_id, removed=True)
    if evidence.task.deleted_at is not None:
        raise BadInput(f"佐证材料“{evidence.filename}”所属的任务已删除，请先从回收站恢复任务")
    evidence.removed_at = None
    if update is not None:
        evidence.update_id = update.id
    _record_listing(session, evidence, removed=False, actor=actor)
    return evidence


def read_content(session: Session, sha256: str) -> Iterator[bytes]:
    """The stored content, chunk by chunk (streamed: a 200 MB file is never all in memory)."""
    query = select(m.BlobChunk.data).where(m.BlobChunk.sha256 == sha256).order_by(m.BlobChunk.seq)
    for (data,) in session.execute(query.execution_options(yield_per=4)):
        yield data


def save_copy(
    session: Session,
    evidence_id: int,
    target: Path,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write an evidence file out (to open it or save it elsewhere), checking its hash.

    `progress(written, total)` follows each chunk; an exception it raises (a cancel)
    stops the copy, and `atomic_write` leaves no half file behind.
    """
    evidence = session.get(m.Evidence, evidence_id)
    if evidence is None:
        raise BadInput(f"佐证材料（编号 {evidence_id}）不存在")

    def write(tmp: Path) -> None:
        digest = hashlib.sha256()
        written = 0
        with tmp.open("wb") as handle:
            for chunk in read_content(session, evidence.sha256):
                digest.update(chunk)
                handle.write(chunk)
                written += len(chunk)
                if progress is not None:
                    progress(written, evidence.size)
        if digest.hexdigest() != evidence.sha256:
            raise BadInput(f"佐证材料“{evidence.filename}”已损坏（校验值不符），请从备份恢复")

    atomic_write(target, write)
    return target
