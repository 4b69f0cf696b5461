"""Pieces the import/export dialogs share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker import APP_NAME


def inform(parent: QWidget | None, text: str, title: str = "完成") -> QMessageBox:
    """An information box opened with `open()`, so nothing blocks."""
    box = QMessageBox(
        QMessageBox.Icon.Information, f"{APP_NAME} — {title}", text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("infoBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def reload_window(main_window: Any) -> None:
    reload = getattr(main_window, "reload", None)
    if callable(reload):
        reload()


def actor_of(main_window: Any) -> str | None:
    actions = getattr(main_window, "actions_", None)
    actor = getattr(actions, "actor", None)
    return actor if isinstance(actor, str) else None
