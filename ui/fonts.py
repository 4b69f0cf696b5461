"""Register the shipped CJK font so Chinese shows on a PC without Chinese fonts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from tracker.paths import resources_dir

log = logging.getLogger("ui.fonts")


def register_fonts(app: QApplication) -> list[str]:
    """Add every font in `resources/fonts` and make the first family the window's default."""
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.tt[cf]")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font = QFont(app.font())
        font.setFamilies([*families[:1], *font.families()])
        app.setFont(font)
    return families
