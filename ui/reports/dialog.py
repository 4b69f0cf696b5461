"""生成报告: the 督查通报 options, an in-window preview, printing and saving (PDF, Excel, 催办单).

Every long step (assembling, typesetting, rendering pages, writing files, printing) runs on
the dialog's own thread pool; the window stays responsive and shows a progress bar.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import TrackerError
from tracker.periods import Period, parse_period, period_containing
from tracker.reports.assemble import Scope
from tracker.reports.bulletin import BulletinOptions, missing_parts
from tracker.reports.options import (
    COPIES_TO,
    RECIPIENTS,
    bulletin_key,
    document_settings,
    next_issue,
    save_document_settings,
)
from tracker.reports.reminders import REPLY_DAYS, ReminderOptions
from tracker.services.settings import OFFICE_NAME
from ui.common import ScreenFitDialog, show_error
from ui.folders import save_dialog
from ui.reports import jobs

PARTS = (
    ("overview", "一、总体情况"),
    ("units", "二、各单位推进情况"),
    ("late", "三、滞后事项（含附件1 清单）"),
    ("indicators", "四、指标完成情况"),
    ("ranking", "单位考核排名（可不列）"),
    ("problems", "五、存在问题"),
    ("next_steps", "六、下步工作要求"),
)


def _periods(today: date) -> list[Period]:
    quarter = period_containing(today, "quarter")
    half = period_containing(today, "half")
    year = period_containing(today, "year")
    month = period_containing(today, "month")
    found = [quarter.shift(-i) for i in range(8)]
    found += [half, half.previous(), year, year.previous(), month, month.previous()]
    return found


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportDialog(ScreenFitDialog):
    def __init__(
        self, database: Database, parent: QWidget | None = None, period: Period | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("reportDialog")
        self.setWindowTitle("生成督查通报与台账")
        self.resize(1180, 820)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one job at a time; pypdfium2 is not thread-safe
        self._workers: list[jobs.Worker] = []
        self._folder = tempfile.TemporaryDirectory(prefix="tracker-report-")
        self.preview: jobs.Preview | None = None
        self.page_labels: list[QLabel] = []
        self.last_message = ""
        self.last_error = ""
        self._printer: QPrinter | None = None
        self.file_dialog: QFileDialog | None = None  # the last 另存为 opened
        today = date.today()

        # — options —
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        for item in _periods(today):
            self.period_box.addItem(item.label, item.code)
        if period is not None:
            self.select_period(period.code)
        self.plans = QListWidget()
        self.plans.setObjectName("planList")
        self.plans.setToolTip("勾选要纳入的方案；都不勾选即为全部方案")
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("unitBox")
        self.unit_box.addItem("（全部责任单位）", None)
        with database.reading() as session:
            for plan_id, title in session.execute(
                select(m.Plan.id, m.Plan.title)
                .where(m.Plan.deleted_at.is_(None))
                .order_by(m.Plan.position, m.Plan.id)
            ):
                entry = QListWidgetItem(title)
                entry.setData(Qt.ItemDataRole.UserRole, plan_id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
                self.plans.addItem(entry)
            for (name,) in session.execute(
                select(m.Unit.name).join(m.TaskUnit).distinct().order_by(m.Unit.name)
            ):
                self.unit_box.addItem(name, name)
        self.plans.setMaximumHeight(120)

        self.issue = QSpinBox()
        self.issue.setObjectName("issueBox")
        self.issue.setRange(1, 9999)
        self._proposed = next_issue(database, bulletin_key(*self._period_scope()))
        self.issue.setValue(self._proposed)
        # the proposal follows the period and scope (issue_for), unless the officer typed a number
        self.period_box.currentIndexChanged.connect(lambda _i: self._propose_issue())
        self.unit_box.currentIndexChanged.connect(lambda _i: self._propose_issue())
        self.plans.itemChanged.connect(lambda _item: self._propose_issue())
        self.issue.setPrefix("第 ")
        self.issue.setSuffix(" 期")
        self.issue.setToolTip(
            "与上次通报同一报告期、同一范围时沿用其期号，否则为上次期号加一；"
            "保存或打印通报后记入台账（预览、保存、打印为同一期号、同一文件；草稿不记期号）"
        )
        document = document_settings(database)
        self.office = QLineEdit(document[OFFICE_NAME])
        self.office.setObjectName("officeEdit")
        self.office.setPlaceholderText("发文单位，如：某市科学技术局")
        self.recipients = QLineEdit(document[RECIPIENTS])
        self.recipients.setObjectName("recipientsEdit")
        self.recipients.setPlaceholderText("主送，默认：各责任单位")
        self.copies_to = QLineEdit(document[COPIES_TO])
        self.copies_to.setObjectName("copiesToEdit")
        self.copies_to.setPlaceholderText("抄送（版记），可留空")
        self.keep_button = QPushButton("存为默认")
        self.keep_button.setObjectName("keepDocumentSettings")
        self.keep_button.setToolTip("把发文单位、主送、抄送存入台账设置，下次及命令行导出都用它")
        self.keep_button.clicked.connect(self.keep_document_settings)
        self.issued_on = QDateEdit(_qdate(today))
        self.issued_on.setObjectName("dateEdit")
        self.issued_on.setCalendarPopup(True)
        self.issued_on.setDisplayFormat("yyyy年M月d日")
        self.reply_by = QDateEdit(_qdate(today + timedelta(days=REPLY_DAYS)))
        self.reply_by.setObjectName("replyByEdit")
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat("yyyy年M月d日")
        self.reply_by.setToolTip("催办单的回复期限（默认：通报日期后 7 天）")
        self.paper_box = QComboBox()
        self.paper_box.setObjectName("paperBox")
        self.paper_box.addItem("A3 横向，一页宽", "A3")
        self.paper_box.addItem("A4 横向，按列分页（序号、方案、名称每页重复）", "A4")
        self.paper_box.setToolTip("Excel 台账中任务台账等宽表的打印纸张；字号打印后均不小于 9 磅")
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("problemsEdit")
        self.problems.setPlaceholderText("五、存在问题（每段一行；留空只能生成标明“草稿”的通报，不代写）")
        self.next_steps = QPlainTextEdit()
        self.next_steps.setObjectName("nextStepsEdit")
        self.next_steps.setPlaceholderText("六、下步工作要求（按“一是……二是……”分条，每条一行）")
        for edit in (self.problems, self.next_steps):
            edit.setMaximumHeight(90)
        self.part_boxes: dict[str, QCheckBox] = {}
        parts = QGroupBox("通报包含的部分")
        grid = QGridLayout(parts)
        for i, (key, words) in enumerate(PARTS):
            box = QCheckBox(words)
            box.setChecked(True)
            box.setObjectName(f"part_{key}")
            self.part_boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)

        form = QFormLayout()
        form.addRow("报告期", self.period_box)
        form.addRow("方案", self.plans)
        form.addRow("责任单位", self.unit_box)
        form.addRow("期号", self.issue)
        office_row = QHBoxLayout()
        office_row.addWidget(self.office, 1)
        office_row.addWidget(self.keep_button)
        form.addRow("发文单位", office_row)
        form.addRow("主送", self.recipients)
        form.addRow("抄送", self.copies_to)
        form.addRow("日期", self.issued_on)
        form.addRow("存在问题", self.problems)
        form.addRow("下步工作要求", self.next_steps)
        form.addRow("催办回复期限", self.reply_by)
        form.addRow("台账纸张", self.paper_box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(parts)
        left_layout.addStretch(1)

        # — preview —
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_layout.setSpacing(12)
        self.placeholder = QLabel("点击“生成预览”查看督查通报的排版效果。")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages_layout.addWidget(self.placeholder)
        self.preview_area = QScrollArea()
        self.preview_area.setObjectName("previewArea")
        # The pages' size is set here (_lay_out_pages), not by the scroll area: a resizable
        # widget is sized by the scroll area at its next layout pass, after a zoom had
        # already scrolled to a page, which then landed elsewhere.
        self.preview_area.setWidgetResizable(False)
        self.preview_area.setWidget(self.pages_widget)
        self.preview_area.setStyleSheet("QScrollArea { background: #808080; }")
        self.page_count = QLabel("")
        self.page_count.setObjectName("pageCount")
        self.zoom = 1.0  # shown size / rendered size
        self.fit_width = True  # the zoom follows the preview's width until the officer zooms
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageBox")
        self.page_box.setPrefix("第 ")
        self.page_box.setSuffix(" 页")
        self.page_box.setRange(0, 0)
        self.page_box.valueChanged.connect(lambda number: self.go_to_page(number))
        self.preview_area.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        view_bar = QHBoxLayout()
        self.view_buttons: dict[str, QPushButton] = {}
        for key, words, keys, slot in (
            ("previous", "上一页", "PgUp", lambda: self.go_to_page(self.current_page - 1)),
            ("next", "下一页", "PgDown", lambda: self.go_to_page(self.current_page + 1)),
            ("out", "缩小", "Ctrl+-", lambda: self.set_zoom(self.zoom / 1.25)),
            ("in", "放大", "Ctrl+=", lambda: self.set_zoom(self.zoom * 1.25)),
            ("fit", "适合宽度", "Ctrl+0", self.fit_to_width),
            ("actual", "实际大小", "Ctrl+1", lambda: self.set_zoom(1.0)),
        ):
            button = QPushButton(words)
            button.setObjectName(f"view_{key}")
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance(words) + 24)  # narrow screens
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(
                f"{words}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）"
            )
            button.clicked.connect(lambda _c=False, s=slot: s())
            button.setEnabled(False)
            self.view_buttons[key] = button
            view_bar.addWidget(button)
            if key == "next":
                view_bar.insertWidget(1, self.page_box)
        # The count and scope may be cut on a small screen; the buttons may not.
        self.page_count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        view_bar.addWidget(self.page_count, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(view_bar)
        right_layout.addWidget(self.preview_area, 1)

        splitter = QSplitter()
        # The options scroll on a small screen rather than push the dialog past it (1024×640).
        options = QScrollArea()
        options.setObjectName("optionsArea")
        options.setWidgetResizable(True)
        options.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        options.setFrameShape(QFrame.Shape.NoFrame)
        options.setWidget(left)
        options.setMinimumWidth(left.sizeHint().width() + options.verticalScrollBar().sizeHint().width())
        splitter.addWidget(options)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 740])

        # — actions and progress —
        # Alt+letter reaches each button from the keyboard (the letters are underlined).
        self.preview_button = QPushButton("生成预览(&V)")
        self.preview_button.setObjectName("previewButton")
        self.print_button = QPushButton("打印(&P)…")
        self.print_button.setObjectName("printButton")
        self.pdf_button = QPushButton("保存为 PDF(&S)…")
        self.word_button = QPushButton("另存为 Word(&W)…")
        self.word_button.setObjectName("saveWordButton")
        self.word_button.setToolTip("同一份通报的 Word 版（.docx），供领导修改后印发")
        self.word_button.clicked.connect(self._ask_word)
        self.pdf_button.setObjectName("savePdfButton")
        self.excel_button = QPushButton("保存 Excel 台账(&X)…")
        self.excel_button.setObjectName("saveExcelButton")
        self.remind_button = QPushButton("生成催办单(&R)…")
        self.remind_button.setObjectName("remindButton")
        self.close_button = QPushButton("关闭(&C)")
        self.preview_button.clicked.connect(self.generate_preview)
        self.print_button.clicked.connect(self._ask_print)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.excel_button.clicked.connect(self._ask_excel)
        self.remind_button.clicked.connect(self._ask_reminders)
        self.close_button.clicked.connect(self.reject)
        self.action_buttons = [
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.word_button,
            self.excel_button,
            self.remind_button,
        ]
        self.progress = QProgressBar()
        self.progress.setObjectName("progressBar")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("statusLabel")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in self.action_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # — the request the fields describe —
    def select_period(self, code: str) -> None:
        period = parse_period(code)
        index = self.period_box.findData(period.code)
        if index < 0:
            self.period_box.insertItem(0, period.label, period.code)
            index = 0
        self.period_box.setCurrentIndex(index)

    def keep_document_settings(self) -> None:
        save_document_settings(
            self.database, self.office.text(), self.recipients.text(), self.copies_to.text()
        )
        self._say("已将发文单位、主送、抄送存为默认设置")

    def missing(self) -> list[str]:
        """What a sent 通报 lacks (发文单位, 存在问题, 下步工作要求); empty when complete."""
        return missing_parts(self.request().bulletin)

    def confirm_draft(self) -> bool | None:
        """Ask before saving or printing an incomplete 通报: None = complete, True = make a 草稿."""
        missing = self.missing()
        if not missing:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "通报尚未填写完整",
            f"尚未填写：{'、'.join(missing)}。\n\n继续将生成首页标明“草稿”的通报（不能作为正式通报印发）；"
            "取消则返回填写。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("draftWarning")
        box.button(QMessageBox.StandardButton.Yes).setText("生成草稿")
        box.button(QMessageBox.StandardButton.Cancel).setText("返回填写")
        return bool(box.exec() == QMessageBox.StandardButton.Yes)

    def _propose_issue(self) -> None:
        """Propose the number `issue_for` gives the chosen period and scope, unless the officer typed one."""
        if self.issue.value() != self._proposed:
            return
        self._proposed = next_issue(self.database, bulletin_key(*self._period_scope()))
        self.issue.setValue(self._proposed)

    def _period_scope(self) -> tuple[Period, Scope]:
        """The period and scope the fields choose."""
        period = parse_period(str(self.period_box.currentData()))
        plan_ids = tuple(
            int(self.plans.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.plans.count())
            if self.plans.item(i).checkState() == Qt.CheckState.Checked
        )
        unit = self.unit_box.currentData()
        return period, Scope(plan_ids=plan_ids, units=(str(unit),) if unit else ())

    def request(self, draft: bool | None = None) -> jobs.ReportRequest:
        """The fields as a request; `draft` None: a draft exactly when something is missing."""
        period, scope = self._period_scope()
        office = self.office.text().strip()
        issued_on = _pydate(self.issued_on.date())
        bulletin = BulletinOptions(
            issue=self.issue.value(),
            office=office,
            issued_on=issued_on,
            problems=self.problems.toPlainText(),
            next_steps=self.next_steps.toPlainText(),
            parts=frozenset(key for key, box in self.part_boxes.items() if box.isChecked()),
            recipients=self.recipients.text(),
            copies_to=self.copies_to.text(),
        )
        if draft is None:
            draft = bool(missing_parts(bulletin))
        bulletin = replace(bulletin, draft=draft)
        reminder = ReminderOptions(office=office, issued_on=issued_on, reply_by=_pydate(self.reply_by.date()))
        return jobs.ReportRequest(period, scope, bulletin, reminder, str(self.paper_box.currentData()))

    # — background work —
    @property
    def busy(self) -> bool:
        return bool(self._workers)

    def _run(self, job: Callable[[jobs.Progress], Any], on_done: Callable[[Any], None], words: str) -> None:
        if self.busy:
            return
        worker = jobs.Worker(job)
        worker.setAutoDelete(False)
        worker.signals.progress.connect(self._progress)
        worker.signals.done.connect(lambda result: self._finished(worker, on_done, result))
        worker.signals.failed.connect(lambda error: self._failed(worker, error))
        self._workers.append(worker)
        for button in self.action_buttons:
            button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(words)
        self.last_error = ""
        self.pool.start(worker)

    def _progress(self, percent: int, words: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(words)

    def _settle(self, worker: jobs.Worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        self.progress.setVisible(False)
        for button in self.action_buttons:
            button.setEnabled(True)

    def _finished(self, worker: jobs.Worker, on_done: Callable[[Any], None], result: object) -> None:
        self._settle(worker)
        on_done(result)

    def _failed(self, worker: jobs.Worker, error: object) -> None:
        self._settle(worker)
        words = str(error) if isinstance(error, TrackerError) else f"生成失败：{error}"
        self.last_error = words
        self.status.setText(words)
        show_error(self, words)

    def _refuse(self, words: str, field: QWidget | None = None) -> None:
        """Say why nothing was done, and put the cursor where the officer can fix it."""
        self.last_error = words
        self.status.setText(words)
        show_error(self, words)
        if field is not None:
            field.setFocus()

    def _say(self, result: object) -> None:
        self.last_message = str(result)
        self.status.setText(self.last_message)

    # — actions —
    def generate_preview(self) -> None:
        try:
            request = self.request()
        except TrackerError as exc:
            show_error(self, str(exc))
            return
        folder = Path(self._folder.name)
        self._run(
            lambda progress: jobs.build_preview(self.database, request, folder, progress),
            self._show_preview,
            "正在生成预览…",
        )

    def _show_preview(self, result: object) -> None:
        assert isinstance(result, jobs.Preview)
        if self.preview is not None and self.preview.pdf != result.pdf:
            self.preview.pdf.unlink(missing_ok=True)
        self.preview = result
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        self.placeholder.setVisible(False)
        for number, _image in enumerate(result.pages, start=1):
            label = QLabel()
            label.setObjectName(f"page{number}")
            label.setToolTip(f"第 {number} 页")
            label.setStyleSheet("background: white; border: 1px solid #404040;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        report = result.report
        summary = f"，{report.period.label}，{report.totals.items} 项任务" if report is not None else ""
        issue = f"督查通报 第{result.request.bulletin.issue}期，" if result.request is not None else ""
        self.page_count.setText(f"{issue}共 {len(result.pages)} 页{summary}")
        self.page_box.setRange(1, len(result.pages))
        self.page_box.setSuffix(f" / {len(result.pages)} 页")
        for button in self.view_buttons.values():
            button.setEnabled(True)
        if self.fit_width:
            self.fit_to_width()
        else:
            self._draw_pages()
        self._say(f"预览已生成：{issue}共 {len(result.pages)} 页")

    # — looking at the preview: zoom and pages —
    def _draw_pages(self) -> None:
        if self.preview is None:
            return
        for label, image in zip(self.page_labels, self.preview.pages, strict=True):
            width = max(1, round(image.width() * self.zoom))
            pixmap = QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())
        self.page_count.setToolTip(f"显示比例 {self.zoom:.0%}")

    def set_zoom(self, zoom: float, fit: bool = False) -> None:
        """Show the pages at `zoom` × their rendered size (10%–400%), staying on the same page."""
        page = self.current_page
        self.fit_width = fit
        self.zoom = max(0.1, min(4.0, zoom))
        self._draw_pages()
        self._lay_out_pages()
        if page:
            self.go_to_page(page)

    def _lay_out_pages(self) -> None:
        """Place the pages at their new size now (not at the next event), so the page to go
        to is where it will be drawn, and nothing is wider than the preview needs."""
        area = self.preview_area
        margins = self.pages_layout.contentsMargins()
        tops = self._page_tops()
        last = self.page_labels[-1].height() if self.page_labels else 0
        height = (tops[-1] + last if tops else 0) + margins.bottom()
        width = (
            max((label.width() for label in self.page_labels), default=0) + margins.left() + margins.right()
        )
        view = area.viewport().size()
        self.pages_widget.resize(max(view.width(), width), max(view.height(), height))
        self.pages_layout.activate()
        area.horizontalScrollBar().setRange(0, max(0, self.pages_widget.width() - view.width()))
        area.verticalScrollBar().setRange(0, max(0, self.pages_widget.height() - view.height()))

    def _page_tops(self) -> list[int]:
        """Where each page starts in the preview, from the pages' own sizes (not from a
        layout that may not have run yet)."""
        top = self.pages_layout.contentsMargins().top()
        tops = []
        for label in self.page_labels:
            tops.append(top)
            top += label.height() + self.pages_layout.spacing()
        return tops

    def fit_to_width(self) -> None:
        """适合宽度: the widest page (a landscape 附件 table) as wide as the preview, so no page
        is cut sideways on a small screen."""
        if self.preview is None or not self.preview.pages:
            return
        # The width with the vertical scroll bar shown (it is, once pages are tall), so a fit
        # stays the same fit whichever way it was reached.
        bar = self.preview_area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        inner = self.preview_area.width() - 2 * self.preview_area.frameWidth() - bar
        margins = self.pages_layout.contentsMargins()
        room = inner - margins.left() - margins.right() - 2 - 24  # the page's 1 px border, and slack
        self.set_zoom(room / max(page.width() for page in self.preview.pages), fit=True)

    @property
    def current_page(self) -> int:
        """The page at the top of the preview (1-based; 0 before a preview)."""
        if not self.page_labels:
            return 0
        bar = self.preview_area.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            return len(self.page_labels)  # scrolled to the end: the last page is in view
        top = bar.value()
        number = 1
        for index, page_top in enumerate(self._page_tops(), start=1):
            if page_top <= top + 4:
                number = index
        return number

    def go_to_page(self, number: int) -> None:
        if not self.page_labels:
            return
        number = max(1, min(len(self.page_labels), number))
        top = self._page_tops()[number - 1]
        bar = self.preview_area.verticalScrollBar()
        if bar.maximum() < top:  # the scroll area has not caught up with the pages' size yet
            self._lay_out_pages()
        bar.setValue(top)
        self._follow_scroll()

    def _follow_scroll(self) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(self.current_page)
        self.page_box.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width and self.preview is not None:
            self.fit_to_width()
        else:
            self._lay_out_pages()  # the placeholder, or the pages at their zoom, fill the view

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._lay_out_pages()

    @property
    def page_total(self) -> int:
        return len(self.preview.pages) if self.preview is not None else 0

    def save_pdf(self, out: Path, draft: bool | None = None) -> None:
        """Save the 通报: the previewed file itself when the options are unchanged since.

        Saving issues the number shown; the box keeps it, because the pages shown carry it
        (the next number is proposed when the dialog opens again)."""
        request = self.request(draft)
        preview = self.preview
        self._run(
            lambda progress: jobs.save_pdf(self.database, request, out, progress, preview),
            self._say,
            "正在保存 PDF…",
        )

    def save_word(self, out: Path, draft: bool | None = None) -> None:
        request = self.request(draft)
        self._run(
            lambda progress: jobs.save_docx(self.database, request, out, progress),
            self._say,
            "正在保存 Word…",
        )

    def save_excel(self, out: Path) -> None:
        request = self.request()
        self._run(
            lambda progress: jobs.save_excel(self.database, request, out, progress),
            self._say,
            "正在保存 Excel…",
        )

    def save_reminders(self, out: Path) -> None:
        if not self.office.text().strip():  # a 催办单 is signed by its office, never “（发文单位）”
            self._refuse("请先填写“发文单位”：催办单须写明发文单位（落款），未生成催办单。", self.office)
            return
        request = self.request()
        self._run(
            lambda progress: jobs.save_reminders(self.database, request, out, progress),
            self._say,
            "正在生成催办单…",
        )

    def preview_is_current(self) -> bool:
        """Whether the pages shown are the 通报 the fields now ask for (issue number included)."""
        try:
            request = self.request()
        except TrackerError:
            return False
        return self.preview is not None and request.same_bulletin(self.preview.request)

    def print_to(self, printer: QPrinter) -> None:
        """Print the previewed 通报 — the same PDF that is saved — and record its number as issued."""
        if self.preview is None:
            self._refuse("请先生成预览，核对无误后再打印。")
            return
        if not self.preview_is_current():
            self._refuse(
                "选项（期号、报告期、范围或文字）已改动，预览已不是当前的通报：请重新生成预览，核对后再打印。"
            )
            return
        request, preview = self.request(), self.preview
        self._run(
            lambda progress: jobs.print_bulletin(self.database, request, preview, printer, progress),
            self._say,
            "正在打印…",
        )

    def _ask_print(self) -> None:
        if self.preview is None:
            self._refuse("请先生成预览，核对无误后再打印。")
            return
        if not self.preview_is_current():
            self._refuse(
                "选项（期号、报告期、范围或文字）已改动，预览已不是当前的通报：请重新生成预览，核对后再打印。"
            )
            return
        shown = self.preview.request
        if (shown is None or shown.bulletin.draft) and self.confirm_draft() is False:
            return  # warned: the pages say 草稿
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"督查通报 第{self.issue.value()}期")
        printer.setFullPage(True)
        self._printer = printer  # kept alive while the print job runs
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_total)
        if dialog.exec():
            if jobs.is_pdf_printer(printer):
                # “Microsoft Print to PDF” and the like would receive page images: 19 MB of
                # pictures of text. The previewed PDF is that document already; save it.
                self.status.setText("所选打印机生成 PDF 文件：改为直接保存预览的 PDF（文字可选、文件小）。")
                self._ask_pdf()
                return
            self.print_to(printer)

    def _ask_path(
        self, title: str, kind: str, name: str, pattern: str, suffix: str, save: Callable[[Path], None]
    ) -> QFileDialog:
        """A 另存为 dialog in the last folder used for this kind of file (not the home folder)."""
        self.file_dialog = save_dialog(self, title, kind, name, pattern, save, suffix)
        return self.file_dialog

    def _label(self) -> str:
        return str(self.period_box.currentText())

    def _ask_pdf(self) -> None:
        draft = self.confirm_draft()
        if draft is False:
            return
        name = f"督查通报第{self.issue.value()}期 {self._label()}.pdf"
        self._ask_path(
            "保存督查通报",
            "bulletin",
            name,
            "PDF 文件 (*.pdf)",
            ".pdf",
            lambda path: self.save_pdf(path, bool(draft)),
        )

    def _ask_word(self) -> None:
        draft = self.confirm_draft()
        if draft is False:
            return
        name = f"督查通报第{self.issue.value()}期 {self._label()}.docx"
        self._ask_path(
            "另存为 Word",
            "bulletin-word",
            name,
            "Word 文档 (*.docx)",
            ".docx",
            lambda path: self.save_word(path, bool(draft)),
        )

    def _ask_excel(self) -> None:
        name = f"督查任务台账 {self._label()}.xlsx"
        self._ask_path("保存 Excel 台账", "ledger", name, "Excel 工作簿 (*.xlsx)", ".xlsx", self.save_excel)

    def _ask_reminders(self) -> None:
        name = f"催办单 {self._label()}.pdf"
        self._ask_path("保存催办单", "reminders", name, "PDF 文件 (*.pdf)", ".pdf", self.save_reminders)

    # — closing —
    def wait(self) -> None:
        """Block until the running job ends (closing, tests)."""
        self.pool.waitForDone()

    def done(self, result: int) -> None:
        self.pool.waitForDone()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.pool.waitForDone()
        super().closeEvent(event)

    def cleanup(self) -> None:
        self.pool.waitForDone()
        self._folder.cleanup()


def open_report_dialog(main_window: Any) -> ReportDialog:
    """Open the dialog over the main window (non-modal); `main_window.database` is the ledger."""
    parent = main_window if isinstance(main_window, QWidget) else None
    period = getattr(main_window, "period", None)
    dialog = ReportDialog(main_window.database, parent, period if isinstance(period, Period) else None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result: dialog.cleanup())
    dialog.show()
    return dialog
