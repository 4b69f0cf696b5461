"""帮助: the user guide (使用说明.md) shown with its screenshots in a text browser.

Pictures are drawn no wider than the text column (a 1600-pixel screenshot in a window
of 900 would otherwise push the text sideways), and a section can be opened directly,
as the legend's link does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from tracker.paths import app_root, resources_dir
from ui.common import ScreenFitDialog

GUIDE_NAME = "使用说明.md"
# The guide's section on how 报送状态, 亮灯 and counts are decided (the 总览 links to it).
COUNTING_SECTION = "十一、报送状态、亮灯和计数规则"


def guide_path() -> Path | None:
    """The shipped copy in resources/guide (frozen builds, wheels), else docs/ in a checkout."""
    for folder in (resources_dir() / "guide", app_root() / "docs"):
        path = folder / GUIDE_NAME
        if path.is_file():
            return path
    return None


def fit_images(document: QTextDocument, width: int) -> None:
    """Scale every picture in `document` down to `width` pixels (never up), keeping its shape."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            form = fragment.charFormat()
            if fragment.isValid() and form.isImageFormat():
                image_format = form.toImageFormat()
                natural = document.resource(
                    QTextDocument.ResourceType.ImageResource, QUrl(image_format.name())
                )
                if isinstance(natural, QImage | QPixmap) and not natural.isNull():
                    shown = min(width, natural.width())
                    if abs(image_format.width() - shown) > 1:
                        scaled = QTextImageFormat(image_format)
                        scaled.setWidth(shown)
                        scaled.setHeight(natural.height() * shown / natural.width())
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                        )
                        cursor.setCharFormat(scaled)
            it += 1
        block = block.next()


class HelpDialog(ScreenFitDialog):
    def __init__(self, parent: QWidget | None = None, section: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle("使用说明")
        self.resize(900, 760)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)
        path = guide_path()
        if path is None:
            self.browser.setMarkdown("# 使用说明\n\n未找到使用说明文件（docs/使用说明.md）。")
        else:
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        if section:
            self.show_section(section)

    def show_section(self, heading: str) -> bool:
        """Scroll so the heading `heading` is at the top; False when the guide lacks it."""
        document = self.browser.document()
        found = document.find(heading)
        while not found.isNull() and found.block().text().strip() != heading:  # the heading, not a mention
            found = document.find(heading, found)
        if found.isNull():
            return False
        end = QTextCursor(self.browser.document())
        end.movePosition(QTextCursor.MoveOperation.End)
        self.browser.setTextCursor(end)  # scroll past, then back: the heading lands on top
        self.browser.ensureCursorVisible()
        found.clearSelection()
        self.browser.setTextCursor(found)
        self.browser.ensureCursorVisible()
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margin = 2 * int(self.browser.document().documentMargin()) + 4
        fit_images(self.browser.document(), max(100, self.browser.viewport().width() - margin))
