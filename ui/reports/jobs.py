"""The report dialog's long work, run off the GUI thread: assemble, write, render, print.

Each job is a plain function `(progress) -> result` given to `Worker`, a QRunnable whose
signals carry progress (percent, words), the result, or the error back to the GUI thread.
pypdfium2 is not thread-safe, so every use of it holds `PDFIUM_LOCK`.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, QRunnable, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from tracker.db.engine import Database
from tracker.errors import TrackerError
from tracker.fileio import atomic_write
from tracker.periods import Period
from tracker.reports.assemble import Report, Scope, assemble_report
from tracker.reports.bulletin import BulletinOptions
from tracker.reports.docx_bulletin import write_docx
from tracker.reports.options import bulletin_key, next_issue, record_issue, save_texts
from tracker.reports.pdf_bulletin import write_bulletin
from tracker.reports.reminders import ReminderOptions
from tracker.reports.xlsx_ledger import LedgerOptions, write_ledger

log = logging.getLogger("ui.reports")
PDFIUM_LOCK = threading.Lock()
PREVIEW_DPI = 80
PRINT_DPI_MAX = 300  # a page image at 300 dpi is 35 MB; more gains nothing on office printers

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class ReportRequest:
    """Everything the dialog's fields say, as plain values a worker thread can use."""

    period: Period
    scope: Scope = field(default_factory=Scope)
    bulletin: BulletinOptions = field(default_factory=BulletinOptions)
    reminder: ReminderOptions = field(default_factory=ReminderOptions)
    ledger_paper: str = "A3"  # the Excel 台账's wide sheets: A3 one page wide, or A4 in column groups

    def same_bulletin(self, other: ReportRequest | None) -> bool:
        """Whether `other` asks for the same 通报 (period, scope and its options, issue included)."""
        return other is not None and (self.period, self.scope, self.bulletin) == (
            other.period,
            other.scope,
            other.bulletin,
        )


@dataclass
class Preview:
    """The 通报 as typeset once: the PDF that is shown, saved and printed, and its request."""

    pdf: Path
    pages: list[QImage] = field(default_factory=list)
    report: Report | None = None
    request: ReportRequest | None = None  # what the pages show (issue number, texts)


def _assemble(database: Database, request: ReportRequest) -> Report:
    with database.reading() as session:
        return assemble_report(session, request.period, request.scope)


def render_pages(pdf: Path, dpi: float, progress: Progress | None = None, start: int = 0) -> list[QImage]:
    """The PDF's pages as images at `dpi` (RGB)."""
    import pypdfium2 as pdfium

    images: list[QImage] = []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(pdf))
        try:
            count = len(document)
            for index in range(count):
                page = document[index]
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                image = QImage(
                    bytes(bitmap.buffer),
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGB888,
                ).copy()
                bitmap.close()
                page.close()
                images.append(image)
                if progress is not None:
                    progress(
                        start + (100 - start) * (index + 1) // count,
                        f"正在生成预览：第 {index + 1}/{count} 页",
                    )
        finally:
            document.close()
    return images


def build_preview(database: Database, request: ReportRequest, folder: Path, progress: Progress) -> Preview:
    progress(5, "正在汇总台账数据…")
    report = _assemble(database, request)
    progress(25, f"正在排版督查通报（{report.totals.items} 项任务）…")
    pdf = folder / f"preview-{id(request)}.pdf"
    write_bulletin(report, pdf, request.bulletin)
    progress(55, "正在生成预览…")
    pages = render_pages(pdf, PREVIEW_DPI, progress, start=55)
    return Preview(pdf, pages, report, request)


def _issued(database: Database, request: ReportRequest) -> None:
    """A sent issue (not a draft) is recorded, with the officer's texts for the CLI to reuse."""
    bulletin = request.bulletin
    if bulletin.draft:
        return
    save_texts(database, bulletin.issue, bulletin.problems, bulletin.next_steps)
    record_issue(database, bulletin.issue, bulletin_key(request.period, request.scope))


def issue(database: Database, request: ReportRequest) -> str:
    """Record the 通报's number as issued (saving and printing both issue it); words for the officer.

    A draft (草稿) issues nothing; a sent issue keeps the officer's texts for the CLI to reuse.
    """
    number = request.bulletin.issue
    if request.bulletin.draft:
        return "草稿不记期号"
    _issued(database, request)
    return f"第{number}期已记入台账，下一期建议第{next_issue(database)}期"


def save_pdf(
    database: Database, request: ReportRequest, out: Path, progress: Progress, preview: Preview | None = None
) -> str:
    """Save the 通报: the previewed PDF itself when it is of this request, else typeset anew."""
    progress(5, "正在汇总台账数据…")
    if preview is not None and request.same_bulletin(preview.request):
        progress(40, "正在保存预览的督查通报…")
        source = preview.pdf
        atomic_write(out, lambda tmp: _copy(source, tmp))
        label = request.period.label
    else:
        report = _assemble(database, request)
        progress(40, "正在排版督查通报…")
        write_bulletin(report, out, request.bulletin)
        label = report.period.label
    words = issue(database, request)
    progress(100, "完成")
    return f"已保存督查通报 第{request.bulletin.issue}期（{label}）到 {out}；{words}"


def save_docx(database: Database, request: ReportRequest, out: Path, progress: Progress) -> str:
    """The 通报 as an editable Word document, composed from the same assembled report as the PDF."""
    progress(5, "正在汇总台账数据…")
    report = _assemble(database, request)
    progress(40, "正在生成 Word 版…")
    write_docx(report, out, request.bulletin)
    words = issue(database, request)
    progress(100, "完成")
    draft = "（草稿）" if request.bulletin.draft else ""
    return f"已保存督查通报 Word 版 第{request.bulletin.issue}期{draft}（{report.period.label}）到 {out}；{words}"


def save_excel(database: Database, request: ReportRequest, out: Path, progress: Progress) -> str:
    progress(5, "正在汇总台账数据…")
    report = _assemble(database, request)
    progress(40, f"正在写入 Excel 台账（{len(report.ledger)} 行）…")
    write_ledger(report, out, LedgerOptions(office=request.bulletin.office, paper=request.ledger_paper))
    progress(100, "完成")
    return f"已保存台账（{report.period.label}，{len(report.ledger)} 行）到 {out}"


def save_reminders(database: Database, request: ReportRequest, out: Path, progress: Progress) -> str:
    """Write and record the period's 催办单 (escalated by round, as `tracker remind` does)."""
    from tracker.reports.issue_reminders import issue_reminders

    progress(5, "正在查找需要催办的单位，排版催办单…")
    result = issue_reminders(database, request.period, request.scope, out, request.reminder)
    progress(100, "完成")
    return result.summary(request.period, out) + "。"


def _copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)


def _page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    first = max(1, printer.fromPage() or 1)
    last = min(count, printer.toPage() or count)
    return first, last


def _write_pages(pdf: Path, out: Path, first: int, last: int, count: int) -> None:
    """The chosen pages of `pdf` as a PDF file: the very file when all of them are chosen."""
    if (first, last) == (1, count):
        atomic_write(out, lambda tmp: _copy(pdf, tmp))
        return
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(pdf)
    writer = PdfWriter()
    for number in range(first, last + 1):
        writer.add_page(reader.pages[number - 1])
    if reader.metadata:
        writer.add_metadata({key: str(value) for key, value in reader.metadata.items()})

    def write(tmp: Path) -> None:
        with tmp.open("wb") as handle:
            writer.write(handle)

    atomic_write(out, write)


PDF_PRINTER_WORDS = ("pdf", "xps", "onenote")  # printers that write a file, not paper


def is_pdf_printer(printer: QPrinter) -> bool:
    """A system printer that only writes a file (Microsoft Print to PDF, WPS PDF, Adobe PDF…)."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return False
    name = printer.printerName().lower()
    return any(word in name for word in PDF_PRINTER_WORDS)


def print_pdf(pdf: Path, printer: QPrinter, progress: Progress) -> str:
    """Print the PDF that was previewed (and saved): the same pages, never typeset again.

    Printed to a PDF file (Qt's own PDF output, “打印到文件”), the chosen pages of that PDF
    are written as they are: vector text with subset fonts, the size of the saved file.
    Painting them as page images at the printer's resolution made a 20-page 通报 19 MB
    against 244 KB saved. A real printer gets each page rendered at its resolution (at most
    300 dpi), in grey when the printer is set to print in grey.
    """
    import pypdfium2 as pdfium

    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(str(pdf))
            count = len(document)
            document.close()
        first, last = _page_range(printer, count)
        out = Path(printer.outputFileName())
        _write_pages(pdf, out, first, last, count)
        progress(100, "完成")
        return f"已打印第 {first}–{last} 页到 {out}"

    dpi = min(PRINT_DPI_MAX, max(72, printer.resolution()))
    grey = printer.colorMode() == QPrinter.ColorMode.GrayScale
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印：打印机不可用")
    try:
        with PDFIUM_LOCK:
            document = pdfium.PdfDocument(str(pdf))
            try:
                count = len(document)
                first, last = _page_range(printer, count)
                for number in range(first, last + 1):
                    if number > first:
                        printer.newPage()
                    page = document[number - 1]
                    bitmap = page.render(
                        scale=dpi / 72, rev_byteorder=True, grayscale=grey, optimize_mode="print"
                    )
                    image_format = QImage.Format.Format_Grayscale8 if grey else QImage.Format.Format_RGB888
                    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format)
                    area = painter.viewport()
                    size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                    target = QRect(area.x(), area.y(), size.width(), size.height())
                    painter.drawImage(target, image)
                    del image
                    bitmap.close()
                    page.close()
                    progress(
                        100 * (number - first + 1) // (last - first + 1), f"正在打印：第 {number}/{last} 页"
                    )
            finally:
                document.close()
    finally:
        painter.end()
    return "已送往打印机"


def print_bulletin(
    database: Database, request: ReportRequest, preview: Preview, printer: QPrinter, progress: Progress
) -> str:
    """Print the previewed 通报 and record its number as issued, as saving does."""
    words = print_pdf(preview.pdf, printer, progress)
    return f"{words}（督查通报 第{request.bulletin.issue}期）；{issue(database, request)}"


class _Signals(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """Runs `job(progress)` on a pool thread; results come back through `signals`."""

    def __init__(self, job: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.job = job
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit)
        except BaseException as exc:  # handed to the GUI thread, which shows it
            if not isinstance(exc, TrackerError):
                log.exception("report job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
