"""The legend beside the lights: each colour's rule in one line, with the thresholds in force.

The rules themselves are `tracker.lights.rule_lines`; this only shows them, and links to the
guide's section on the lights for the whole story (序时进度, how a parent rolls up).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

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
    """Four lines, one per light; 详见使用说明 opens the guide at the lights."""

    guide_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lightLegend")
        self.text = QLabel()
        self.text.setObjectName("legendText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.link = QLabel(f"<a href='guide'>{GUIDE_SECTION}详见使用说明（F1）</a>")
        self.link.setObjectName("legendLink")
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.link.linkActivated.connect(lambda _href: self.guide_requested.emit(GUIDE_SECTION))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.text)
        layout.addWidget(self.link)
        self.set_rules(LightRules())

    def set_rules(self, rules: LightRules) -> None:
        self.rules = rules
        self.text.setText(legend_html(rules))
