"""The fill-in form's layout, shared by the writer and the reader.

Columns are found again by their header words, never by position, so a form whose
columns were moved, hidden, unhidden or resized by Excel or WPS still reads.
"""

from __future__ import annotations

import hashlib

from tracker.lights import STATUS_LABELS

FORMAT = "tracker-form"
VERSION = 1
SHEET = "填报表"
META_SHEET = "_meta"

# Statuses a unit may report (已销号 is the inspector's act, not the unit's).
INPUT_STATUSES = ("not_started", "in_progress", "done", "late", "ongoing")
STATUS_WORDS = {STATUS_LABELS[code]: code for code in INPUT_STATUSES}
# Words units type that mean the same thing.
STATUS_SYNONYMS = {
    "序时推进": "in_progress",
    "正在推进": "in_progress",
    "进行中": "in_progress",
    "完成": "done",
    "已办结": "done",
    "未开始": "not_started",
    "未开展": "not_started",
    "进度滞后": "late",
    "长期": "ongoing",
}

# Header words, in column order. `key` names what the reader looks for.
COLUMNS: list[tuple[str, str, float]] = [
    ("id", "编号（勿改）", 14),
    ("code", "序号", 7),
    ("plan", "所属方案", 18),
    ("title", "任务（指标）名称", 28),
    ("content", "工作内容 / 目标", 40),
    ("role", "本单位职责", 9),
    ("deadline", "完成时限", 12),
    ("known", "台账现有情况", 30),
    ("progress", "本期进展情况", 40),
    ("status", "完成状态", 11),
    ("percent", "完成百分比", 10),
    ("actual", "指标实际值", 12),
    ("problems", "存在问题", 28),
    ("next_steps", "下步措施", 28),
    ("evidence", "佐证材料说明", 24),
    ("check", "校验码（勿改）", 14),  # last: hidden, and the letters of the others stay
]
INPUT_KEYS = ("progress", "status", "percent", "actual", "problems", "next_steps", "evidence")
TASK_INPUTS = ("progress", "status", "percent", "problems", "next_steps", "evidence")
HEADER_OF = {key: header for key, header, _ in COLUMNS}
HIDDEN_KEYS = ("id", "check")

# Extra spellings a clerk (or a re-typed header) may use.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("编号", "编号（勿改）", "id"),
    "check": ("校验码", "校验码（勿改）"),
    "progress": ("本期进展情况", "进展情况", "本期进展"),
    "status": ("完成状态", "状态"),
    "percent": ("完成百分比", "完成进度", "百分比", "完成比例"),
    "actual": ("指标实际值", "实际值", "实际完成值"),
    "problems": ("存在问题", "问题"),
    "next_steps": ("下步措施", "下一步措施", "下步打算"),
    "evidence": ("佐证材料说明", "佐证材料"),
}

TASK_ID_PREFIX = "T"
METRIC_ID_SEPARATOR = "M"


def task_row_id(task_id: int) -> str:
    return f"{TASK_ID_PREFIX}{task_id}"


def metric_row_id(task_id: int, metric_id: int) -> str:
    return f"{TASK_ID_PREFIX}{task_id}{METRIC_ID_SEPARATOR}{metric_id}"


def title_fingerprint(title: str) -> str:
    """8 hex digits of the title's SHA-256, whitespace ignored: which task a row was about."""
    return hashlib.sha256("".join(title.split()).encode("utf-8")).hexdigest()[:8]


def row_check(uid: str, title: str) -> str:
    """The hidden 校验码 of a row: the task's (or indicator's) uid and title fingerprint.

    An id alone is not enough: a form returned months later must never write into a task
    that merely has the same number now.
    """
    return f"{uid}.{title_fingerprint(title)}"


def parse_row_check(text: str) -> tuple[str, str] | None:
    """(uid, fingerprint) from a 校验码 cell, or None if it is not one."""
    uid, dot, fingerprint = text.strip().lower().partition(".")
    if (
        not dot
        or len(uid) != 32
        or len(fingerprint) != 8
        or not all(c in "0123456789abcdef" for c in uid + fingerprint)
    ):
        return None
    return uid, fingerprint


def metric_row_title(name: str) -> str:
    """How an indicator row's title reads in the form."""
    return f"  └ 指标：{name}"


def parse_row_id(text: str) -> tuple[int, int | None] | None:
    """(task id, metric id or None) from a hidden id cell, or None if it is not one."""
    text = text.strip().upper()
    if not text.startswith(TASK_ID_PREFIX):
        return None
    body = text[len(TASK_ID_PREFIX) :]
    task_part, _, metric_part = body.partition(METRIC_ID_SEPARATOR)
    if not task_part.isdigit() or (metric_part and not metric_part.isdigit()):
        return None
    if _ and not metric_part:
        return None
    return int(task_part), int(metric_part) if metric_part else None


def normalise_header(text: object) -> str:
    if text is None:
        return ""
    return "".join(str(text).split()).replace("*", "").replace("＊", "").lower()
