"""The ledger's tables, as SQLAlchemy 2 typed ORM classes.

One class per table; the Alembic migrations build exactly this schema (a test compares
them). Soft deletion (`deleted_at`) keeps removed plans and tasks restorable from the
recycle bin; `version` columns let a shared PostgreSQL ledger detect concurrent edits.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ColumnElement,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

TASK_KINDS = ("task", "platform", "project")
UNIT_ROLES = ("lead", "support", "responsible")
COMPARATORS = (">=", "<=", "=", "~", "range", "text")
TARGET_KINDS = ("level", "increment", "breakthrough", "full_coverage")
STATUSES = ("not_started", "in_progress", "done", "late", "ongoing", "closed")
ORIGIN_KINDS = ("document", "meeting", "instruction", "other")  # 文件 / 会议 / 领导批示 / 其他
REVIEW_STATES = ("pending", "accepted", "returned")  # 待审核 / 已采纳 / 已退回
NOTICE_LEVELS = ("blue", "yellow", "red")


def utcnow() -> datetime:
    """Aware UTC now; stored as naive UTC so SQLite and PostgreSQL agree."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def new_uid() -> str:
    """A stable identifier that is never handed out twice (unlike SQLite's freed ids)."""
    return uuid.uuid4().hex


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Plan(Base):
    """方案 / 规划 / 文件: a source policy document."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid)  # unique: uq_<table>_uid
    title: Mapped[str] = mapped_column(String(500))
    short_title: Mapped[str | None] = mapped_column(String(100))
    doc_number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(300))
    jurisdiction: Mapped[str | None] = mapped_column(String(50))  # 行政区域: 温州市, 永嘉县
    issued_on: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    tasks: Mapped[list[Task]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Task.position"
    )
    metrics: Mapped[list[Metric]] = relationship(
        cascade="all, delete-orphan",
        order_by="Metric.position",
        primaryjoin="and_(Plan.id == Metric.plan_id, Metric.task_id.is_(None))",
        overlaps="plan",
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(
            "period_start IS NULL OR period_end IS NULL OR period_start <= period_end",
            name="period_order",
        ),
        Index("uq_plan_uid", "uid", unique=True),
        {"sqlite_autoincrement": True},  # a purged plan's id is never handed out again
    )


class Task(Base):
    """任务 / 事项, nested under a parent task; 序号 kept as printed in `code`."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid)  # unique: uq_<table>_uid
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(10), default="task")
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(100))
    recurring: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(String(200))
    investment_value: Mapped[float | None] = mapped_column(Float)
    investment_unit: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(200))
    units_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    leader: Mapped[str | None] = mapped_column(String(100))  # 责任领导, optional ledger column
    remarks: Mapped[str | None] = mapped_column(Text)  # 备注
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_reason: Mapped[str | None] = mapped_column(Text)
    # 销号 as the inspector dates it (today by default) and the reporting period it closes in:
    # a task closed while back-filling 2023Q2 is closed in the Q2 总览, not in Q1's.
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_period: Mapped[str | None] = mapped_column(String(10))
    # 交办来源: where the task came from (NULL: the plan's document), who instructed it, when.
    origin_kind: Mapped[str | None] = mapped_column(String(12))
    origin_leader: Mapped[str | None] = mapped_column(String(100))  # 批示领导
    origin_text: Mapped[str | None] = mapped_column(Text)  # 批示内容 / 会议要求
    assigned_on: Mapped[date | None] = mapped_column(Date)  # 交办日期
    is_key: Mapped[bool] = mapped_column(Boolean, default=False)  # 重点事项
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    plan: Mapped[Plan] = relationship(back_populates="tasks")
    parent: Mapped[Task | None] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list[Task]] = relationship(
        back_populates="parent", order_by="Task.position", cascade="all, delete-orphan"
    )
    unit_links: Mapped[list[TaskUnit]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="TaskUnit.position"
    )
    metrics: Mapped[list[Metric]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Metric.position"
    )
    updates: Mapped[list[Update]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Update.recorded_at"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="Evidence.added_at"
    )

    extensions: Mapped[list[DeadlineExtension]] = relationship(
        back_populates="task", cascade="all, delete-orphan", order_by="DeadlineExtension.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        CheckConstraint(_in("kind", TASK_KINDS), name="kind"),
        CheckConstraint("recurring IS NULL OR recurring = 'yearly'", name="recurring"),
        Index("ix_task_plan_parent_position", "plan_id", "parent_id", "position"),
        Index("ix_task_parent_id", "parent_id"),
        Index("ix_task_deadline", "deadline"),
        Index("uq_task_uid", "uid", unique=True),
        {"sqlite_autoincrement": True},  # an old form's task id never names a new task
    )


class Unit(Base):
    """责任单位 (responsible unit), by its canonical name."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAlias.alias"
    )
    task_links: Mapped[list[TaskUnit]] = relationship(back_populates="unit")


class UnitAlias(Base):
    """Another spelling of a unit (市发改委 for 市发展改革委), kept when units merge."""

    __tablename__ = "unit_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class TaskUnit(Base):
    """The ordered link of a task to a unit, with its role and the name as printed."""

    __tablename__ = "task_unit"

    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(12))
    printed_name: Mapped[str] = mapped_column(String(200))

    task: Mapped[Task] = relationship(back_populates="unit_links")
    unit: Mapped[Unit] = relationship(back_populates="task_links")

    __table_args__ = (
        CheckConstraint(_in("role", UNIT_ROLES), name="role"),
        Index("ix_task_unit_unit_id", "unit_id"),
    )


class Metric(Base):
    """指标 of a plan (task_id empty) or of a task."""

    __tablename__ = "metric"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), default=new_uid)  # unique: uq_<table>_uid
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str | None] = mapped_column(String(100))
    unit: Mapped[str | None] = mapped_column(String(30))
    category: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(200))
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_text: Mapped[str | None] = mapped_column(String(100))
    baseline_estimated: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[Plan] = relationship(foreign_keys=[plan_id], overlaps="metrics")
    task: Mapped[Task | None] = relationship(back_populates="metrics")
    history: Mapped[list[MetricHistory]] = relationship(
        back_populates="metric", cascade="all, delete-orphan", order_by="MetricHistory.year"
    )
    targets: Mapped[list[Target]] = relationship(
        back_populates="metric", cascade="all, delete-orphan", order_by="Target.year"
    )
    actuals: Mapped[list[Actual]] = relationship(
        back_populates="metric", cascade="all, delete-orphan", order_by="Actual.period"
    )

    __table_args__ = (
        CheckConstraint("category IS NULL OR category IN ('binding', 'expected')", name="category"),
        Index("ix_metric_plan_key", "plan_id", "key"),
        Index("uq_metric_uid", "uid", unique=True),
        {"sqlite_autoincrement": True},
    )


class MetricHistory(Base):
    """Earlier values printed beside a baseline (永嘉 附件1: 2015, 2019)."""

    __tablename__ = "metric_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    text: Mapped[str | None] = mapped_column(String(100))

    metric: Mapped[Metric] = relationship(back_populates="history")

    __table_args__ = (UniqueConstraint("metric_id", "year"),)


class Target(Base):
    """目标值 of a metric for one year, with the words as printed."""

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    max: Mapped[float | None] = mapped_column(Float)
    comparator: Mapped[str] = mapped_column(String(6))
    kind: Mapped[str] = mapped_column(String(14), default="level")
    recurring: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(String(300))

    metric: Mapped[Metric] = relationship(back_populates="targets")

    __table_args__ = (
        UniqueConstraint("metric_id", "year"),
        CheckConstraint(_in("comparator", COMPARATORS), name="comparator"),
        CheckConstraint(_in("kind", TARGET_KINDS), name="kind"),
    )


class Actual(Base):
    """实际值 of a metric for one reporting period; a newer record for the period replaces it."""

    __tablename__ = "actual"

    id: Mapped[int] = mapped_column(primary_key=True)
    metric_id: Mapped[int] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[float] = mapped_column(Float)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("progress_update.id", ondelete="SET NULL"), index=True
    )

    metric: Mapped[Metric] = relationship(back_populates="actuals")

    __table_args__ = (UniqueConstraint("metric_id", "period"),)


class Update(Base):
    """进展: what a task reached in a reporting period, with its status."""

    __tablename__ = "progress_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12))
    percent: Mapped[int | None] = mapped_column(Integer)
    progress: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str | None] = mapped_column(Text)
    next_steps: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
    # 审核: NULL for what the officer entered; a returned form's row waits as pending until
    # accepted or 退回 (with the reason), and only accepted rows count as the unit's report.
    received_on: Mapped[date | None] = mapped_column(Date)  # 报送日期: when the unit's report arrived
    review_state: Mapped[str | None] = mapped_column(String(10))
    review_reason: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)

    task: Mapped[Task] = relationship(back_populates="updates")

    __table_args__ = (
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint("percent IS NULL OR (percent >= 0 AND percent <= 100)", name="percent"),
        Index("ix_progress_update_task_period", "task_id", "period"),
        Index("ix_progress_update_period", "period"),
    )


def counts_as_report() -> ColumnElement[bool]:
    """Updates that are the unit's report: entered by hand, or accepted in 审核 (not 退回)."""
    return Update.review_state.is_(None) | (Update.review_state == "accepted")


class DeadlineExtension(Base):
    """延期: a granted new deadline, with reason, approver and date; the task keeps its original."""

    __tablename__ = "deadline_extension"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    original_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    approver: Mapped[str] = mapped_column(String(100))
    granted_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    task: Mapped[Task] = relationship(back_populates="extensions")


class ReminderNotice(Base):
    """催办单 as issued: the number, unit, period, level and round, and when the reply came."""

    __tablename__ = "reminder_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    level: Mapped[str] = mapped_column(String(8))
    round: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    reply_by: Mapped[date] = mapped_column(Date)
    replied_on: Mapped[date | None] = mapped_column(Date)
    reply_note: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    unit: Mapped[Unit] = relationship()
    items: Mapped[list[ReminderNoticeItem]] = relationship(
        back_populates="notice", cascade="all, delete-orphan", order_by="ReminderNoticeItem.position"
    )

    __table_args__ = (
        CheckConstraint(_in("level", NOTICE_LEVELS), name="level"),
        CheckConstraint("round >= 1", name="round"),
        UniqueConstraint("number"),
    )


class ReminderNoticeItem(Base):
    """One task a 催办单 asked about, with the level it was asked at."""

    __tablename__ = "reminder_notice_item"

    notice_id: Mapped[int] = mapped_column(
        ForeignKey("reminder_notice.id", ondelete="CASCADE"), primary_key=True
    )
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[str] = mapped_column(String(8))

    notice: Mapped[ReminderNotice] = relationship(back_populates="items")

    __table_args__ = (
        CheckConstraint(_in("level", NOTICE_LEVELS), name="level"),
        Index("ix_reminder_notice_item_task_id", "task_id"),
    )


class Evidence(Base):
    """佐证材料: a file attached to a task (and optionally to one update)."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("progress_update.id", ondelete="SET NULL"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The reporting period the file is evidence for: its update's period, whatever the upload day.
    period: Mapped[str | None] = mapped_column(String(10))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)

    task: Mapped[Task] = relationship(back_populates="evidence")


class Blob(Base):
    """Evidence content, addressed by SHA-256 and stored in chunks inside the database.

    Keeping content in the database makes a backup one file and keeps a file and its
    record in one transaction, on SQLite and PostgreSQL alike.
    """

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BlobChunk(Base):
    __tablename__ = "blob_chunk"

    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(Base):
    """留痕: who changed what, when, from where, with the values before and after."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    plan_id: Mapped[int | None] = mapped_column(Integer, index=True)
    task_id: Mapped[int | None] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """Ledger-wide settings and identity (ledger id, office name, bulletin number)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Officer(Base):
    """团队成员 (officer) of a team ledger: a PostgreSQL role and the name shown for it.

    The administrator keeps this table (docs/team-mode.md); the recorded-by name of every
    change is the display name of the database's `current_user`, or the role itself.
    """

    __tablename__ = "officer"

    role: Mapped[str] = mapped_column(String(63), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
