"""Register the shipped CJK font so Chinese shows on a PC without Chinese fonts."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from tracker.paths import resources_dir

log = logging.getLogger("ui.fonts")


def shipped_font_files() -> list[Path]:
    return sorted((resources_dir() / "fonts").glob("*.tt[cf]"))


def add_font_file(path: Path) -> int:
    """Give Qt a font file's bytes (its id, or -1), not its name: a font engine that opens
    files by an 8-bit name fails on the Chinese program folder under an English code page
    (seen with Qt's offscreen platform on Windows, code page 1252)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.warning("could not read font %s: %s", path, exc)
        return -1
    return QFontDatabase.addApplicationFontFromData(QByteArray(data))


def register_fonts(app: QApplication) -> list[str]:
    """Add every font in `resources/fonts` and make the first family the window's default."""
    families: list[str] = []
    for path in shipped_font_files():
        font_id = add_font_file(path)
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(app.font())
        font.setFamilies([*families[:1], *font.families()])
        app.setFont(font)
    return families
