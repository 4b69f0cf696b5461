"""The detail pane: a task as printed, rendered as simple HTML in a text browser."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from tracker.views.detail import TaskDetail


def task_html(detail: TaskDetail) -> str:
    parts = [f"<h3>{escape(detail.code)}　{escape(detail.title)}</h3>"]
    facts = [("所属方案", detail.plan_title), ("类型", detail.kind), ("完成时限", detail.deadline or "—")]
    if detail.recurring:
        facts.append(("周期", "每年"))
    if detail.location:
        facts.append(("项目属地", detail.location))
    if detail.investment:
        facts.append(("总投资", detail.investment))
    if detail.source:
        facts.append(("出处", detail.source))
    units = "、".join(f"{escape(name)}（{role}）" for name, role in detail.units) or "—"
    if detail.units_inferred:
        units += "　<i>（原文未列责任单位，按发文单位填入）</i>"
    rows = "".join(f"<tr><th align=left>{k}</th><td>{escape(v)}</td></tr>" for k, v in facts)
    parts.append(f"<table cellspacing=4>{rows}<tr><th align=left>责任单位</th><td>{units}</td></tr></table>")
    if detail.content:
        parts.append(f"<p><b>工作内容</b></p><p>{escape(detail.content)}</p>")
    if detail.metrics:
        parts.append("<p><b>指标</b></p><table border=1 cellspacing=0 cellpadding=3>")
        parts.append("<tr><th>指标</th><th>单位</th><th>基期值</th><th>目标</th><th>出处</th></tr>")
        for metric in detail.metrics:
            targets = "；".join(f"{year}年：{escape(text)}" for year, text in metric.targets)
            parts.append(
                f"<tr><td>{escape(metric.name)}</td><td>{escape(metric.unit or '')}</td>"
                f"<td>{escape(metric.baseline or '')}</td><td>{targets}</td>"
                f"<td>{escape(metric.source or '')}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


class TaskDetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.setHtml("<p style='color:gray'>在左侧选择一项任务，查看其内容、责任单位和指标。</p>")

    def show_task(self, detail: TaskDetail) -> None:
        self.setHtml(task_html(detail))
