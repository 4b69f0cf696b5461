"""The import/export dialogs driven offscreen against the seeded ledger: real files, real ledger."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.tracker.importers.test_xlsx_task_lists import decomposition_workbook, unknown_headers_workbook
from tests.ui.conftest import wait_loaded
from tracker.db import models as m
from tracker.forms import layout
from tracker.forms.export import build_form, write_form
from tracker.periods import parse_period
from tracker.rules.counting import counts_as_task
from ui.dialogs.forms_export import FormsExportDialog, open_forms_export_dialog
from ui.dialogs.forms_import import FormsImportDialog, open_forms_import_dialog
from ui.dialogs.plan_import import PlanImportDialog, PlanTreeModel, open_plan_import_dialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

UNIT = "温州市科学技术局"
PERIOD = "2023Q2"
WAIT_MS = 30_000  # the forms dialogs read and write in a worker thread


def form_columns(ws: openpyxl.worksheet.worksheet.Worksheet) -> tuple[int, dict[str, int]]:
    for r in range(1, 20):
        values = [c.value for c in ws[r]]
        if layout.HEADER_OF["status"] in values:
            cols = {layout.normalise_header(v): i + 1 for i, v in enumerate(values) if v}
            return r, {key: cols[layout.normalise_header(h)] for key, h in layout.HEADER_OF.items()}
    raise AssertionError("no header row")


def filled_form(window: MainWindow, path: Path, *, bad: bool = False) -> tuple[Path, list[int]]:
    """Export 温州市科学技术局's form and fill two tasks as the unit would."""
    with window.database.reading() as session:
        form = build_form(session, UNIT, parse_period(PERIOD))
    write_form(form, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    header, cols = form_columns(ws)
    task_rows = [
        r for r in range(header + 1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").count("M") == 0
    ]
    ids: list[int] = []
    for r, words in zip(task_rows[:2], ("平台建设完成验收", "已完成年度评价"), strict=True):
        ws.cell(r, cols["progress"]).value = words
        ws.cell(r, cols["status"]).value = "推进中"
        ws.cell(r, cols["percent"]).value = 60
        ids.append(int(str(ws.cell(r, 1).value)[1:]))
    if bad:
        ws.cell(task_rows[0], cols["status"]).value = "差不多了"
        ws.cell(task_rows[1], cols["percent"]).value = 150
    wb.save(path)
    return path, ids


def updates_for(window: MainWindow, task_ids: list[int]) -> list[str]:
    with window.database.reading() as session:
        return list(
            session.scalars(
                select(m.Update.progress).where(m.Update.task_id.in_(task_ids), m.Update.period == PERIOD)
            )
        )


def test_forms_import_shows_every_problem_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path, ids = filled_form(window, tmp_path / "回执（有错）.xlsx", bad=True)
    dialog = open_forms_import_dialog(window)
    assert isinstance(dialog, FormsImportDialog) and dialog.isVisible()
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):  # read off the GUI thread
        dialog.load(path)
    assert "2 处填写有误" in dialog.summary.text()
    problems = dialog.problems.toPlainText()
    assert "差不多了" in problems and "第 " in problems and " 列" in problems
    assert not dialog.apply_button.isEnabled()
    assert updates_for(window, ids) == []
    dialog.load(tmp_path / "不存在.xlsx")
    assert "找不到文件" in dialog.summary.text()
    dialog.close()


def test_forms_import_applies_the_checked_rows_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    path, ids = filled_form(window, tmp_path / "回执.xlsx")
    dialog = open_forms_import_dialog(window)
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and dialog.apply_button.isEnabled()
    changed = model.data(model.index(0, 5)) + model.data(model.index(1, 5))
    assert "平台建设完成验收" in changed and "已完成年度评价" in changed and "→" in changed
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert model.accepted_ids() == set()
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert model.accepted_ids() == set(ids)
    # untick the second row, as the officer would in the table
    assert model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    kept = model.changes[0].task_id
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "已导入 1 项" in dialog.result_text and "未勾选" in dialog.result_text
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        updated = set(
            session.scalars(
                select(m.Update.task_id).where(m.Update.task_id.in_(ids), m.Update.period == PERIOD)
            )
        )
    assert updated == {kept}
    assert model.index(0, 0, QModelIndex()).isValid()
    dialog.close()


def plan_titles(window: MainWindow) -> list[str]:
    with window.database.reading() as session:
        return list(session.scalars(select(m.Plan.title).order_by(m.Plan.id)))


def find_row(model: PlanTreeModel, title: str, parent: QModelIndex | None = None) -> QModelIndex:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 1, parent)
        if index.data() == title:
            return index
        found = find_row(model, title, model.index(row, 0, parent))
        if found.isValid():
            return found
    return QModelIndex()


def test_plan_import_from_excel_with_edits(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    path = decomposition_workbook(tmp_path / "任务分解表.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["D12"] = None  # 开展科技创新督查 without a unit: a warning on its row
    wb.save(path)
    before = plan_titles(window)
    dialog = open_plan_import_dialog(window)
    assert isinstance(dialog, PlanImportDialog) and dialog.isVisible()
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    model = dialog.model
    qtmodeltester.check(model)
    assert dialog.pages.currentIndex() == dialog.PAGE_TREE
    assert dialog.title.text() == "2023年全市科技创新重点工作任务分解表"
    assert model.rowCount() == 4
    platform = model.index(0, 0)
    assert model.rowCount(platform) == 3 and model.index(0, 1, platform).data() == "推进瓯江实验室建设"
    flagged = find_row(model, "开展科技创新督查")
    assert flagged.isValid()
    assert "未写明责任单位" in model.data(flagged, Qt.ItemDataRole.ToolTipRole)
    assert model.data(flagged.siblingAtColumn(0), Qt.ItemDataRole.DecorationRole) is not None
    assert "未写明责任单位" in dialog.warnings.toPlainText()
    # the officer fills the missing unit and renames a task and the plan
    assert model.setData(flagged.siblingAtColumn(2), "市科技局（牵头）、市委督查室（配合）")
    assert model.setData(find_row(model, "深化科技体制改革"), "深化科技领域“放管服”改革")
    dialog.title.setText("2023年科技创新重点工作")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    # the count the dialog reports is the ledger's: the heading that only groups is named apart
    assert "已导入方案《2023年科技创新重点工作》，共 6 项任务（另有 1 个分组标题）" in dialog.result_text
    wait_loaded(qtbot, window)
    assert plan_titles(window) == [*before, "2023年科技创新重点工作"]
    with window.database.reading() as session:
        plan_id = dialog.imported_plan_id
        stored = list(session.scalars(select(m.Task).where(m.Task.plan_id == plan_id)))
        units_of_task = {t.id: {link.unit_id for link in t.unit_links} for t in stored}
        kids = {t.id: [k.id for k in stored if k.parent_id == t.id] for t in stored}
        ledger_count = sum(
            counts_as_task(
                bool(kids[t.id]), units_of_task[t.id], {u for k in kids[t.id] for u in units_of_task[k]}
            )
            for t in stored
        )
        assert ledger_count == 6
        tasks = {t.title: t for t in stored}
        assert "深化科技领域“放管服”改革" in tasks
        links = tasks["开展科技创新督查"].unit_links
        assert [(link.printed_name, link.role) for link in links] == [
            ("市科技局", "lead"),
            ("市委督查室", "support"),
        ]
    dialog.close()


def test_plan_import_maps_unknown_columns(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    path = unknown_headers_workbook(tmp_path / "督办.xlsx")
    dialog = open_plan_import_dialog(window)
    dialog.load(path)
    assert dialog.pages.currentIndex() == dialog.PAGE_COLUMNS
    assert "表头认不出" in dialog.summary.text() and not dialog.import_button.isEnabled()
    assert sorted(dialog.column_boxes) == [1, 2, 3, 4]
    for column, key in ((1, "code"), (2, "title"), (3, "responsible"), (4, "deadline")):
        box = dialog.column_boxes[column]
        box.setCurrentIndex(box.findData(key))
    qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_TREE
    assert dialog.model.index(0, 1).data() == "完成科技统计年报"
    assert dialog.model.index(0, 2).data() == "发展规划科（责任）"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert plan_titles(window)[-1] == "2023年度督办事项"
    dialog.close()


def test_plan_import_drafts_a_document_and_refuses_bad_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    broken = tmp_path / "加密.xlsx"
    broken.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le")
    )
    dialog = open_plan_import_dialog(window)
    dialog.load(broken)
    assert "密码" in dialog.summary.text() and not dialog.import_button.isEnabled()

    text = tmp_path / "行动方案.txt"
    text.write_text(
        "关于印发《龙湾区科技创新三年行动方案（2023—2025年）》的通知\n"
        "一、重点任务\n"
        "（一）建设创新平台。到2025年新增省级重点实验室3家。（责任单位：区科技局、区发改局）\n"
        "（二）培育科技企业。每年新增国家高新技术企业50家以上。\n",
        encoding="utf-8",
    )
    dialog.load(text)
    qtmodeltester.check(dialog.model)
    assert dialog.pages.currentIndex() == dialog.PAGE_TREE
    assert dialog.model.rowCount() >= 2
    assert dialog.draft is not None and dialog.draft.warnings
    before = len(plan_titles(window))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert len(plan_titles(window)) == before + 1
    dialog.close()


def test_forms_export_to_zip_folder_and_one_xlsx(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_forms_export_dialog(window)
    assert isinstance(dialog, FormsExportDialog) and dialog.isVisible()
    assert dialog.units.count() > 3 and len(dialog.chosen_units()) == dialog.units.count()
    dialog.period.setText(PERIOD)
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_units() == []
    names = [dialog.units.item(row).text() for row in range(dialog.units.count())]
    picked = [UNIT, next(n for n in names if n != UNIT)]
    for row, name in enumerate(names):
        if name in picked:
            dialog.units.item(row).setCheckState(Qt.CheckState.Checked)

    dialog.output_buttons["zip"].setChecked(True)
    dialog.out.setText(str(tmp_path / "填报表"))  # the .zip suffix is added
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):  # written off the GUI thread
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.written == [tmp_path / "填报表.zip"]
    with zipfile.ZipFile(tmp_path / "填报表.zip") as archive:
        members = archive.namelist()
    assert len(members) == 2 and all(PERIOD in name for name in members)
    assert "已导出 2 个单位 2023年第二季度" in dialog.result_text

    dialog.output_buttons["folder"].setChecked(True)
    dialog.out.setText(str(tmp_path / "各单位"))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in (tmp_path / "各单位").iterdir()) == sorted(members)

    # one .xlsx holds one unit only: refused with two ticked, written with one
    dialog.output_buttons["xlsx"].setChecked(True)
    dialog.out.setText(str(tmp_path / "科技局.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "科技局.xlsx").exists()
    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    dialog.units.item(names.index(UNIT)).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wb = openpyxl.load_workbook(tmp_path / "科技局.xlsx")
    meta = {r[0]: r[1] for r in wb[layout.META_SHEET].iter_rows(values_only=True)}
    assert meta["unit"] == UNIT and meta["period"] == PERIOD

    # the exported form goes back in through the import dialog
    importer = open_forms_import_dialog(window)
    with qtbot.waitSignal(importer.loaded, timeout=WAIT_MS):
        importer.load(tmp_path / "科技局.xlsx")
    assert importer.model.rowCount() == 0 and "0 项任务有变化" in importer.summary.text()
    importer.close()
    dialog.close()


def test_forms_import_review_returns_flagged_rows_with_a_notice(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row reported 滞后 without 存在问题/下步措施 is listed first, unchecked, and 退回 with a 退回单."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QFileDialog

    path, ids = filled_form(window, tmp_path / "回执 审核.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    header, cols = form_columns(ws)
    second = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 1).value == f"T{ids[1]}")
    ws.cell(second, cols["status"]).value = "滞后"
    wb.save(path)
    out = tmp_path / "退回 文件夹"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(out))
    from tracker.services.settings import OFFICE_NAME, set_setting

    with window.database.unit_of_work() as session:  # a 退回单 is signed by the office
        set_setting(session, OFFICE_NAME, "温州市委督查室")
    dialog = open_forms_import_dialog(window)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.load(path)
    model = dialog.model
    assert "1 项建议退回" in dialog.summary.text()
    assert model.changes[0].task_id == ids[1] and model.accepted == [False, True]
    assert model.data(model.index(0, 4)).startswith("建议退回：报告滞后，须填写存在问题、下步措施")
    qtbot.mouseClick(dialog.flagged_button, Qt.MouseButton.LeftButton)
    assert model.returned_reasons() == {ids[1]: "报告滞后，须填写存在问题、下步措施"}
    dialog.received.setDate(QDate(2023, 7, 5))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert "已导入 1 项" in dialog.result_text and "退回 1 项" in dialog.result_text
    assert len(list(out.glob("*退回单.pdf"))) == 1 and len(list(out.glob("*重报表.xlsx"))) == 1
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        states = {
            task_id: state
            for task_id, state in session.execute(
                select(m.Update.task_id, m.Update.review_state).where(m.Update.task_id.in_(ids))
            )
        }
    assert states == {ids[0]: "accepted", ids[1]: "returned"}


def test_plan_import_review_marks_first_and_learns_unit_corrections(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    """The tasks the drafter is unsure of are listed before the tree; a unit corrected once
    becomes an alias of the corrected unit and is offered again in the next document."""
    text = tmp_path / "工作 要点.txt"
    text.write_text(
        "某区2024年科技工作要点\n"
        "1.建设科技企业孵化器。（区科技局负责）\n"
        "2.举办创新创业大赛。\n"
        "3.引进高层次人才。\n牵头单位：区人才办\n配合单位：区工信局\n"
        "4.建设科创园区。\n责任单位：王五\n",
        encoding="utf-8",
    )
    dialog = open_plan_import_dialog(window)
    dialog.load(text)
    qtmodeltester.check(dialog.review_model)
    review = dialog.review_model
    rows = [review.index(r, 0).data() for r in range(review.rowCount())]
    assert rows == ["2 举办创新创业大赛：未找到责任单位", "4 建设科创园区：“王五”像是人名而不是单位，请核对"]
    assert dialog.review.isVisibleTo(dialog) and "请先核对这 2 项任务" in dialog.review_label.text()
    # the first marked task is selected in the tree; a click on the second jumps to it
    assert dialog.tree.currentIndex().siblingAtColumn(1).data() == "举办创新创业大赛"
    dialog.review.clicked.emit(review.index(1, 0))
    current = dialog.tree.currentIndex()
    assert current.siblingAtColumn(1).data() == "建设科创园区"
    assert dialog.model.setData(current.siblingAtColumn(2), "区科技局（牵头）")
    assert dialog.model.setData(find_row(dialog.model, "举办创新创业大赛").siblingAtColumn(2), "区科协")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    with window.database.reading() as session:
        plan_id = dialog.imported_plan_id
        tasks = {t.title: t for t in session.scalars(select(m.Task).where(m.Task.plan_id == plan_id))}
        assert [(k.printed_name, k.role) for k in tasks["建设科创园区"].unit_links] == [("区科技局", "lead")]
        alias = session.scalar(select(m.UnitAlias).where(m.UnitAlias.alias == "王五"))
        assert alias is not None and alias.unit.name == "区科技局"
    dialog.close()

    # next time the same printed name is offered as corrected, and marked so it is seen
    again = tmp_path / "第二份 要点.txt"
    again.write_text("某区2025年科技工作要点\n1.建设众创空间。\n责任单位：王五\n", encoding="utf-8")
    dialog = open_plan_import_dialog(window)
    dialog.load(again)
    first = dialog.model.index(0, 0)
    assert first.siblingAtColumn(2).data() == "区科技局（责任）"
    rows = [dialog.review_model.index(r, 0).data() for r in range(dialog.review_model.rowCount())]
    assert rows == ["1 建设众创空间：单位“王五”已按上次核对改为“区科技局”"]
    dialog.close()


def test_plan_import_summary_tells_marked_rows_from_other_notes(window: MainWindow, tmp_path: Path) -> None:
    """A draft with notes but no task to check row by row says so: it never claims yellow rows
    it does not show, nor that there is nothing to read."""
    text = tmp_path / "要点.txt"
    text.write_text(
        "某区科技工作要点\n1.建设科技企业孵化器，2021年新增孵化面积1万平方米。（区科技局负责）\n"
        "2.举办创新创业大赛。（区科协负责）\n",
        encoding="utf-8",
    )
    dialog = open_plan_import_dialog(window)
    dialog.load(text)
    assert dialog.draft is not None and dialog.draft.warnings and not dialog.draft.marks
    notes = len(dialog.draft.warnings)
    assert not dialog.review.isVisibleTo(dialog)
    assert dialog.review_label.text() == f"没有需要逐项核对的任务。另有 {notes} 条说明，见下方“待核对”框。"
    assert "标黄" not in dialog.summary.text() and f"{notes} 条说明见下方" in dialog.summary.text()
    dialog.close()


def test_plan_import_review_rows_name_the_section_when_numbering_restarts(
    window: MainWindow, tmp_path: Path
) -> None:
    """“1 筹建……” twice would not say which: each row names its section's number too."""
    text = tmp_path / "分解.txt"
    text.write_text(
        "某区2033年科技工作任务分解\n一、平台建设\n1.筹建中试基地。（区科技局负责）\n2.建设孵化器。\n"
        "二、人才引育\n1.设立人才驿站。\n2.引进青年人才100名。（区人才办负责）\n",
        encoding="utf-8",
    )
    dialog = open_plan_import_dialog(window)
    dialog.load(text)
    rows = [dialog.review_model.index(r, 0).data() for r in range(dialog.review_model.rowCount())]
    assert rows == ["一2 建设孵化器：未找到责任单位", "二1 设立人才驿站：未找到责任单位"]
    dialog.close()


def test_plan_import_review_lists_units_read_from_a_sentence(window: MainWindow, tmp_path: Path) -> None:
    """Units the drafter took from an item's own sentence (no bracket or label) are listed for checking."""
    text = tmp_path / "实施 方案.txt"
    text.write_text(
        "某区2024年人居环境整治实施方案\n"
        "一、主要任务\n"
        "（一）整治河道。清理河道垃圾20公里。（区水利局牵头，各街道配合）\n"
        "（二）落实资金保障。在专项资金支持的基础上，由区财政局制定资金配套方案。\n",
        encoding="utf-8",
    )
    dialog = open_plan_import_dialog(window)
    dialog.load(text)
    review = dialog.review_model
    rows = [review.index(r, 0).data() for r in range(review.rowCount())]
    assert rows == ["（二） 落实资金保障：责任单位取自句中所写的“区财政局”，请核对"]
    assert find_row(dialog.model, "落实资金保障").siblingAtColumn(2).data() == "区财政局（责任）"
    dialog.grab().save(str(tmp_path / "review.png"))
    dialog.close()


def test_plan_import_drafts_a_notice_of_inspection_by_the_places_it_names(
    window: MainWindow, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    """A 督查通报 printing no unit list is drafted problem by problem, the note saying how."""
    text = tmp_path / "河道 督查通报.txt"
    text.write_text(
        "某镇河道专项督查通报\n"
        "各村（社区）：\n"
        "近日，镇督查组对沿河各村进行了专项督查。现将有关情况通报如下：\n"
        "二、存在的问题\n"
        "截至8月5日，石桥村辖区内的水库漂浮物打捞效果不明显，青龙村存在河岸垃圾乱堆乱放现象。\n"
        "三、下步工作要求\n"
        "一是高度重视。8月9日前石桥村、青龙村要完成整改。\n",
        encoding="utf-8",
    )
    dialog = open_plan_import_dialog(window)
    dialog.load(text)
    qtmodeltester.check(dialog.model)
    assert dialog.pages.currentIndex() == dialog.PAGE_TREE
    assert dialog.draft is not None
    tasks = [t for t in dialog.draft.plan.tasks if t.units]
    assert [(t.units[0].name, t.deadline, t.deadline_text) for t in tasks] == [
        ("石桥村", None, "8月9日前"),
        ("青龙村", None, "8月9日前"),
    ]
    assert any("点名" in note for note in dialog.draft.warnings)
    # no year printed: the date stays open, its words kept and marked for the officer to date
    review = [dialog.review_model.index(r, 0).data() for r in range(dialog.review_model.rowCount())]
    assert review and all("8月9日前" in row for row in review)
    dialog.close()
