"""Keyboard conventions every form dialog shares: Ctrl+Enter saves, Esc asks before discarding.

An officer who types all day in Excel and WPS expects to finish a form without the mouse
and never to lose a paragraph to a stray Esc. `FormDialog` gives each dialog both: Ctrl+Enter
(either Enter key) runs the dialog's own save (`_try_accept`), and Esc, 取消 or the close box
ask first whenever a text field differs from what the dialog opened with. Tab in a
multi-line field moves to the next field (a Tab character is never what they meant).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QTextEdit, QWidget

from ui.common import ScreenFitDialog, confirm

SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
SAVE_HINT = "Ctrl+Enter 保存，Esc 取消"


def typed_text(widget: QWidget) -> tuple[str, ...]:
    """The text of every editable field under `widget`, in a fixed order."""
    texts: list[str] = []
    for edit in widget.findChildren(QLineEdit):
        if not edit.isReadOnly() and edit.objectName() != "qt_spinbox_lineedit":
            texts.append(edit.text())
    for plain in widget.findChildren(QPlainTextEdit):
        if not plain.isReadOnly():
            texts.append(plain.toPlainText())
    return tuple(texts)


def tab_moves_focus(widget: QWidget) -> None:
    """Tab and Shift+Tab in every multi-line field under `widget` go to the next/previous field."""
    for edit in widget.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)
    for rich in widget.findChildren(QTextEdit):
        rich.setTabChangesFocus(True)


class FormDialog(ScreenFitDialog):
    """A dialog the keyboard can finish: Ctrl+Enter saves, Esc asks before dropping typed text.

    Subclasses build their fields, then the first show records what the fields hold; a
    rejection with any field changed opens a 是/否 question instead of closing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened_with: tuple[str, ...] | None = None
        self._discard_confirmed = False
        self.discard_box: QMessageBox | None = None  # the open question, for tests and a second Esc
        for keys in SAVE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._save_by_keyboard)

    def _try_accept(self) -> None:
        self.accept()

    def _save_by_keyboard(self) -> None:
        if self.isEnabled():
            self._try_accept()

    def showEvent(self, event: QShowEvent) -> None:
        if self._opened_with is None:
            tab_moves_focus(self)
            self._opened_with = typed_text(self)
        super().showEvent(event)

    def has_typed(self) -> bool:
        """Whether any field differs from what the dialog opened with."""
        return self._opened_with is not None and typed_text(self) != self._opened_with

    def reject(self) -> None:
        if self._discard_confirmed or not self.isVisible() or not self.has_typed():
            super().reject()
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return

        def discard() -> None:
            self._discard_confirmed = True
            self.reject()

        self.discard_box = confirm(self, "放弃已填写的内容？", discard, "选“否”回到对话框继续填写。")

    def done(self, result: int) -> None:
        self._discard_confirmed = False
        super().done(result)
