"""Bar charts drawn with QPainter (no chart library): grouped or stacked, with a legend."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


@dataclass(frozen=True)
class Group:
    label: str
    values: tuple[float | None, ...]  # one per series; None draws nothing


class BarChart(QWidget):
    """Vertical grouped bars (stacked=False) or horizontal stacked bars (stacked=True).

    With `lower_is_better` (ranks, “≤” targets) the grouped bars measure down from a floor a
    quarter above the largest value, so a better (smaller) value is a taller bar: a rank of 45
    against a target of 50 never looks shorter, i.e. unfinished, beside its target.
    """

    def __init__(self, stacked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stacked = stacked
        self.title = ""
        self.series: list[Series] = []
        self.groups: list[Group] = []
        self.lower_is_better = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def set_data(
        self, title: str, series: list[Series], groups: list[Group], lower_is_better: bool = False
    ) -> None:
        self.title, self.series, self.groups = title, series, groups
        self.lower_is_better = lower_is_better and not self.stacked
        if self.stacked:
            self.setMinimumHeight(60 + 26 * max(1, len(groups)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 220 if not self.stacked else 60 + 26 * max(1, len(self.groups)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(8, 4, self.width() - 16, line), Qt.AlignmentFlag.AlignLeft, self.title)
        x = 8.0
        legend_y = 8 + line
        for item in self.series:
            painter.fillRect(QRectF(x, legend_y + 3, 12, line - 6), QColor(item.colour))
            painter.drawText(QRectF(x + 16, legend_y, 200, line), Qt.AlignmentFlag.AlignLeft, item.name)
            x += 16 + metrics.horizontalAdvance(item.name) + 18
        area = QRectF(8, legend_y + line + 8, self.width() - 16, self.height() - legend_y - line - 16)
        if not self.groups or area.height() < 20:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "暂无数据")
            painter.end()
            return
        if self.stacked:
            self._paint_stacked(painter, area, metrics)
        else:
            self._paint_grouped(painter, area, metrics)
        painter.end()

    def _paint_stacked(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> None:
        label_width = min(
            area.width() * 0.35, max(metrics.horizontalAdvance(g.label) for g in self.groups) + 8
        )
        total_max = max(sum(v or 0 for v in g.values) for g in self.groups) or 1
        bar_area = area.width() - label_width - 40
        row_height = min(26.0, area.height() / len(self.groups))
        for i, group in enumerate(self.groups):
            y = area.top() + i * row_height
            label = metrics.elidedText(group.label, Qt.TextElideMode.ElideRight, int(label_width - 6))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(area.left(), y, label_width - 6, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x = area.left() + label_width
            total = 0.0
            for item, value in zip(self.series, group.values, strict=True):
                if not value:
                    continue
                width = bar_area * value / total_max
                painter.fillRect(QRectF(x, y + 3, width, row_height - 6), QColor(item.colour))
                x += width
                total += value
            painter.drawText(QRectF(x + 4, y, 60, row_height), Qt.AlignmentFlag.AlignVCenter, f"{total:g}")

    def _paint_grouped(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> None:
        values = [v for g in self.groups for v in g.values if v is not None]
        top = max(values, default=0) or 1
        floor = top * 1.25  # lower_is_better: the value drawn as an empty bar
        best = floor - min(values, default=0)  # lower_is_better: the smallest value fills the height
        bottom = area.bottom() - metrics.height() - 4
        height = bottom - area.top() - metrics.height()
        group_width = area.width() / len(self.groups)
        count = max(1, len(self.series))
        bar = max(4.0, min(28.0, group_width * 0.8 / count))
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawLine(int(area.left()), int(bottom), int(area.right()), int(bottom))
        for i, group in enumerate(self.groups):
            left = area.left() + i * group_width + (group_width - bar * count) / 2
            for j, (item, value) in enumerate(zip(self.series, group.values, strict=True)):
                if value is None:
                    continue
                if self.lower_is_better:
                    h = height * max(0.0, floor - value) / (best or 1)
                else:
                    h = height * max(0.0, value) / top
                rect = QRectF(left + j * bar, bottom - h, bar - 2, h)
                painter.fillRect(rect, QColor(item.colour))
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(rect.left() - 20, rect.top() - metrics.height(), bar + 38, metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    f"{value:g}",
                )
            painter.setPen(self.palette().text().color())
            label = metrics.elidedText(group.label, Qt.TextElideMode.ElideRight, int(group_width - 2))
            painter.drawText(
                QRectF(area.left() + i * group_width, bottom + 2, group_width, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
