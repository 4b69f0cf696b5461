"""Register the shipped CJK font so Chinese shows on a PC without Chinese fonts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from tracker.paths import resources_dir

log = logging.getLogger("ui.fonts")


def register_fonts(app: QApplication) -> list[str]:
    """Add every font in `resources/fonts` and make the first family the window's default."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.tt[cf]")):
        # From the bytes, not the file name: a font engine that opens files by an 8-bit
        # name fails on the Chinese program folder under an English code page (seen with
        # Qt's offscreen platform on Windows, code page 1252).
        try:
            data = path.read_bytes()
        except OSError as exc:
            log.warning("could not read font %s: %s", path, exc)
            continue
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(app.font())
        font.setFamilies([*families[:1], *font.families()])
        app.setFont(font)
    return families
