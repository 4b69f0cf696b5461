"""The report dialog on the seeded ledger: preview off the GUI thread, save, print, 催办单."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.tracker.reports.conftest import PERIOD, add_progress
from tracker.db.engine import Database
from tracker.reports.options import next_issue, record_issue
from ui.reports import ReportDialog, open_report_dialog

TIMEOUT = 60_000


def idle(dialog: ReportDialog) -> bool:
    return not dialog.busy


def make_dialog(qtbot: QtBot, database: Database) -> ReportDialog:
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_period(PERIOD)
    dialog.office.setText("温州市科学技术局")
    return dialog


def test_preview_save_pdf_and_excel(
    qtbot: QtBot, seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_progress(seeded)
    record_issue(seeded, 6)
    dialog = make_dialog(qtbot, seeded)
    assert dialog.issue.value() == 7  # proposed from the setting the export uses
    dialog.problems.setPlainText("一是部分单位报送不及时。")
    assert dialog.missing() == ["下步工作要求"]
    assert dialog.request().bulletin.draft  # the preview of an incomplete 通报 says 草稿
    dialog.next_steps.setPlainText("一是倒排工期。")
    assert not dialog.missing() and not dialog.request().bulletin.draft

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.pdf_button.isEnabled()  # the work is off the GUI thread
    qtbot.waitUntil(lambda: dialog.page_total > 0 and idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error
    assert len(dialog.page_labels) == dialog.page_total >= 5
    pixmap = dialog.page_labels[0].pixmap()
    assert not pixmap.isNull() and pixmap.height() > pixmap.width() > 400  # fitted to the preview's width
    image = pixmap.toImage()
    dark = sum(
        1
        for x in range(0, image.width(), 8)
        for y in range(0, image.height(), 8)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50  # the page has print on it
    assert "共" in dialog.page_count.text()

    pdf = tmp_path / "通报.pdf"
    dialog.save_pdf(pdf)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "第7期" in text and "一是部分单位报送不及时" in text and "温州市科学技术局" in text
    assert dialog.preview is not None and pdf.read_bytes() == dialog.preview.pdf.read_bytes()  # saved = shown
    # saving issued 第7期; the box still says 7, as the pages shown do
    assert next_issue(seeded) == 8 and dialog.issue.value() == 7 and "第7期已记入台账" in dialog.last_message

    word = tmp_path / "通报.docx"
    dialog.save_word(word)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    from docx import Document

    paragraphs = [p.text for p in Document(str(word)).paragraphs]
    assert "第7期" in paragraphs and "一是部分单位报送不及时。" in paragraphs and "草稿" not in paragraphs

    xlsx = tmp_path / "台账.xlsx"
    dialog.save_excel(xlsx)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    workbook = load_workbook(xlsx)
    assert workbook["任务台账"]["A1"].value == "2023年第二季度督查任务台账"
    assert workbook["任务台账"].max_row > 100

    reminders = tmp_path / "催办单.pdf"
    dialog.office.setText("")  # no 发文单位: refused with a message naming it, nothing written
    dialog.save_reminders(reminders)
    assert not dialog.busy and "发文单位" in dialog.last_error and not reminders.exists()
    dialog.office.setText("温州市科学技术局")
    dialog.save_reminders(reminders)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    reader = PdfReader(reminders)
    assert len(reader.pages) >= 2 and len(reader.pages) % 2 == 0
    assert "催办" in reader.pages[0].extract_text()
    texts = [page.extract_text() for page in reader.pages]
    assert all("第1页" in t and ("存根" in t or "送达联" in t) for t in texts[:2])
    assert not any("（发文单位）" in t or "被催办单位 温州市科学技术局" in t for t in texts)

    printed = tmp_path / "打印.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    assert len(PdfReader(printed).pages) == dialog.page_total
    assert printed.stat().st_size < 2 * pdf.stat().st_size  # the same small PDF, not page images
    assert "第7期" in PdfReader(printed).pages[0].extract_text()
    assert next_issue(seeded) == 8  # printed 第7期 is the saved 第7期
    dialog.issue.setValue(9)  # changed after the preview: printing is refused, not mislabelled
    monkeypatch.setattr("ui.reports.dialog.show_error", lambda _parent, words: errors.append(words))
    errors: list[str] = []
    dialog.print_to(printer)
    assert errors and "重新生成预览" in errors[0] and not dialog.busy
    dialog.cleanup()


def test_an_incomplete_bulletin_is_saved_as_a_draft_only_after_a_warning(
    qtbot: QtBot, seeded: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_progress(seeded)
    dialog = make_dialog(qtbot, seeded)
    dialog.office.clear()
    dialog.recipients.setText("各县（市、区）科技局")
    dialog.keep_document_settings()
    from tracker.reports.options import document_settings

    assert document_settings(seeded)["bulletin_recipients"] == "各县（市、区）科技局"

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "发文单位、存在问题、下步工作要求" in box.text()
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    assert dialog.confirm_draft() is False  # 返回填写
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    assert dialog.confirm_draft() is True
    out = tmp_path / "草稿.pdf"
    dialog.save_pdf(out, draft=True)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    assert "草稿" in PdfReader(out).pages[0].extract_text()
    assert next_issue(seeded) == 1  # a draft is not an issue
    dialog.cleanup()


def _pdf_printer(path: Path, first: int = 0, last: int = 0) -> QPrinter:
    """A printer at the resolution a real one has, printing to a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if first:
        printer.setFromTo(first, last)
    return printer


def test_printing_is_saving_same_number_same_small_pdf(
    qtbot: QtBot, seeded: Database, tmp_path: Path
) -> None:
    add_progress(seeded)
    record_issue(seeded, 6)
    dialog = make_dialog(qtbot, seeded)
    dialog.problems.setPlainText("一是部分单位报送不及时。")  # a complete 通报: a draft issues no number
    dialog.next_steps.setPlainText("一是倒排工期。")
    dialog.generate_preview()
    qtbot.waitUntil(lambda: dialog.page_total > 0 and idle(dialog), timeout=TIMEOUT)
    assert dialog.issue.value() == 7 and "第7期" in dialog.page_count.text()
    saved = tmp_path / "通报.pdf"
    dialog.save_pdf(saved)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert next_issue(seeded) == 8 and dialog.issue.value() == 7

    # printing after saving prints the same number, as the same small file
    printed = tmp_path / "打印 第7期.pdf"
    dialog.print_to(_pdf_printer(printed))
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert not dialog.last_error, dialog.last_error
    assert printed.stat().st_size == saved.stat().st_size < 1_000_000  # it was 19 MB of page images
    assert printed.read_bytes() == saved.read_bytes()
    first_page = PdfReader(printed).pages[0].extract_text()
    assert "第7期" in first_page and "第8期" not in first_page
    assert next_issue(seeded) == 8  # one number per document: printing it again issues nothing new

    # a page range: those pages of the same PDF, text kept
    part = tmp_path / "第2-3页.pdf"
    dialog.print_to(_pdf_printer(part, 2, 3))
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    reader = PdfReader(part)
    assert len(reader.pages) == 2 and part.stat().st_size < saved.stat().st_size
    assert reader.pages[0].extract_text() == PdfReader(saved).pages[1].extract_text()

    # a changed number makes the preview stale: printing refuses until it is shown again
    dialog.issue.setValue(9)
    stale = tmp_path / "旧预览.pdf"
    dialog.print_to(_pdf_printer(stale))
    assert "重新生成预览" in dialog.last_error and not stale.exists() and not dialog.busy
    dialog.generate_preview()
    qtbot.waitUntil(lambda: dialog.preview_is_current() and idle(dialog), timeout=TIMEOUT)
    ninth = tmp_path / "第9期.pdf"
    dialog.print_to(_pdf_printer(ninth))  # printed without saving: still issued
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert "第9期" in PdfReader(ninth).pages[0].extract_text()
    assert next_issue(seeded) == 10 and dialog.issue.value() == 9
    dialog.cleanup()


def test_scope_parts_and_open_from_window(qtbot: QtBot, seeded: Database, tmp_path: Path) -> None:
    add_progress(seeded)

    class Window:
        database = seeded

    dialog = open_report_dialog(Window())
    qtbot.addWidget(dialog)
    dialog.select_period(PERIOD)
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("温州市科学技术局"))
    dialog.office.setText("温州市科学技术局")
    for key in ("indicators", "problems", "next_steps"):
        dialog.part_boxes[key].setChecked(False)
    request = dialog.request()
    assert request.scope.units == ("温州市科学技术局",)
    assert "indicators" not in request.bulletin.parts
    dialog.generate_preview()
    qtbot.waitUntil(lambda: dialog.page_total > 0 and idle(dialog), timeout=TIMEOUT)
    assert dialog.preview is not None and dialog.preview.report is not None
    assert {u.unit for u in dialog.preview.report.units} == {"温州市科学技术局"}
    out = tmp_path / "单位通报.pdf"
    dialog.save_pdf(out)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "四、指标完成情况" not in text and "存在问题" not in text and "一、总体情况" in text
    dialog.save_excel(tmp_path / "无此目录" / "x.xlsx")  # a refused path: a message, no file
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert "不存在" in dialog.last_error
    assert not (tmp_path / "无此目录").exists()


def test_an_empty_scope_is_refused_with_a_message(qtbot: QtBot, seeded: Database, tmp_path: Path) -> None:
    add_progress(seeded)
    dialog = make_dialog(qtbot, seeded)
    for i in range(dialog.plans.count()):
        item = dialog.plans.item(i)
        if "乐清" in item.text():
            item.setCheckState(Qt.CheckState.Checked)
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData("温州市科学技术局"))
    dialog.generate_preview()
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert "没有任务" in dialog.last_error and dialog.page_total == 0
    out = tmp_path / "空.pdf"
    dialog.save_pdf(out, draft=True)
    qtbot.waitUntil(lambda: idle(dialog), timeout=TIMEOUT)
    assert "没有任务" in dialog.last_error and not out.exists()
    dialog.cleanup()


def test_issue_box_follows_the_rule(qtbot: QtBot, seeded: Database) -> None:
    """Same period and scope as the last 通报 issued: its number; another scope: the next."""
    from tracker.periods import parse_period
    from tracker.reports.assemble import Scope
    from tracker.reports.options import bulletin_key

    record_issue(seeded, 6, bulletin_key(parse_period(PERIOD), Scope()))
    dialog = make_dialog(qtbot, seeded)
    assert dialog.issue.value() == 6  # a re-export of 第6期 keeps its number
    dialog.unit_box.setCurrentIndex(1)
    assert dialog.issue.value() == 7  # another scope is a new 通报
    dialog.unit_box.setCurrentIndex(0)
    assert dialog.issue.value() == 6
    dialog.issue.setValue(12)  # a number the officer typed stays
    dialog.unit_box.setCurrentIndex(1)
    assert dialog.issue.value() == 12
