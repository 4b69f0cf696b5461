"""File dialogs that remember the last folder for each kind of file (通报, 台账, 备份 …).

An officer saves the 通报 into the meeting folder and the backups onto a USB stick; each
save dialog opens where the last one of its kind ended, not in the home folder. The
folders are kept in QSettings (the PC's, not the ledger's: a folder on one PC means
nothing on another).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

KINDS = {
    "bulletin": "督查通报",
    "ledger": "Excel 台账",
    "reminders": "催办单",
    "evidence": "佐证材料",
    "evidence_in": "选择佐证材料",
    "forms": "填报表",
    "forms_in": "收回的填报表",
    "backup": "备份",
    "plan": "方案文件",
}


def _key(kind: str) -> str:
    return f"folders/{kind}"


def last_folder(kind: str) -> Path:
    """The folder the last file of this kind was saved to or opened from; else the home folder."""
    value = QSettings().value(_key(kind))
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return Path.home()


def remember_folder(kind: str, path: Path) -> None:
    """Remember `path`'s folder (or `path` itself, if it is a folder) for this kind of file."""
    folder = path if path.is_dir() else path.parent
    QSettings().setValue(_key(kind), str(folder))


def save_dialog(
    parent: QWidget,
    title: str,
    kind: str,
    name: str,
    pattern: str,
    chosen: Callable[[Path], object],
    suffix: str = "",
) -> QFileDialog:
    """A non-blocking 另存为 dialog in the kind's last folder; `chosen(path)` runs on 保存.

    With `suffix` (".pdf"), a name typed without it gets it added.
    """
    dialog = QFileDialog(parent, title, str(last_folder(kind) / name), pattern)
    dialog.setObjectName(f"saveDialog_{kind}")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suffix:
        dialog.setDefaultSuffix(suffix.lstrip("."))

    def picked(text: str) -> None:
        path = Path(text)
        if suffix and path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        remember_folder(kind, path)
        chosen(path)

    dialog.fileSelected.connect(picked)
    dialog.open()
    return dialog
