"""The legend beside the lights: each colour's rule in one line, with the thresholds in force.

The rules themselves are `tracker.lights.rule_lines`; this only shows them, and links to the
guide's section on the lights for the whole story (序时进度, how a parent rolls up). On a
short screen the legend gives way and scrolls rather than cutting its last lines.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from tracker.lights import LightRules, rule_lines

GUIDE_SECTION = "亮灯规则"


def legend_html(rules: LightRules | None = None) -> str:
    """The legend as rich text (also the 亮灯 column's header tip)."""
    lines = [
        f"<span style='color:{light.colour}'>●</span> <b>{light.label}</b>：{escape(words)}"
        for light, words in rule_lines(rules)
    ]
    return "<br>".join(lines)


class LightLegend(QWidget):
    """One line per light; 亮灯规则详见使用说明 opens the guide at the lights."""

    guide_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lightLegend")
        self.text = QLabel()
        self.text.setObjectName("legendText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.link = QLabel(f"<a href='guide'>{GUIDE_SECTION}详见使用说明（F1）</a>")
        self.link.setObjectName("legendLink")
        self.link.setWordWrap(True)  # never wider than the pane
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.link.linkActivated.connect(lambda _href: self.guide_requested.emit(GUIDE_SECTION))
        self.inner = QWidget()
        inner = QVBoxLayout(self.inner)
        inner.setContentsMargins(4, 2, 4, 2)
        inner.setSpacing(2)
        inner.addWidget(self.text)
        inner.addWidget(self.link)
        self.area = QScrollArea()
        self.area.setObjectName("legendArea")
        self.area.setWidget(self.inner)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.set_rules(LightRules())

    def set_rules(self, rules: LightRules) -> None:
        self.rules = rules
        self.text.setText(legend_html(rules))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """All its lines at the pane's width, when the pane has the room."""
        width = max(120, self.width())
        layout = self.inner.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        return QSize(width, height if height > 0 else self.inner.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """Three lines; the rest scroll on a short screen."""
        return QSize(80, 3 * self.fontMetrics().lineSpacing() + 8)
