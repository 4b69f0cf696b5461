"""Excel task lists (任务分解表) → plans: real workbooks as offices type them, and bad files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Alignment
from sqlalchemy import func, select

from tracker.cli import main
from tracker.db import models as m
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.importers.columns import parse_column_spec
from tracker.importers.deadlines import parse_deadline
from tracker.importers.xlsx_tasks import UnknownColumns, read_task_list
from tracker.planfile.model import Task, iter_tasks

HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "备注"]


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def plan_count(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(m.Plan)) or 0)


def by_code(tasks: list[Task], code: str) -> Task:
    return next(t for t in tasks if t.code == code)


def units(task: Task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def decomposition_workbook(path: Path) -> Path:
    """温州-style 任务分解表: 附件 line, title row, a note, a merged 序号 with three 措施 rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "任务分解"
    ws["A1"] = "附件1"
    ws["A2"] = "2023年全市科技创新重点工作任务分解表"
    ws.merge_cells("A2:G2")
    ws["A3"] = "填报说明：责任单位按职责分工负责。"
    ws.merge_cells("A3:G3")
    ws.append([])  # a blank row between the note and the header
    ws.append(HEADER)  # row 5
    rows = [
        # a task whose 序号/重点任务/牵头单位 are merged over three 具体措施 rows
        [
            "1",
            "加快建设创新平台",
            "（1）推进瓯江实验室建设。2023年新增省级以上平台5家。",
            "市科技局",
            "市发改委、市财政局",
            "2023年6月底",
            "",
        ],
        [None, None, "（2）争创省技术创新中心。", None, "市经信局", "2023年12月底", ""],
        [None, None, "（3）完善平台绩效评价。", None, "", "长期坚持", "每季度报送进展"],
        [
            "2",
            "培育科技型企业\n梯队",
            "实施科技企业“双倍增”行动，\n新增国家高新技术企业200家以上。",
            "市科技局",
            "各县（市、区）政府、\n温州海经区、温州高新区〈经开区〉管委会",
            "2023年底前",
            "",
        ],
        [None, None, None, None, None, None, None],  # blank row inside the table
        [
            "3",
            "深化科技体制改革",
            "推进职务科技成果赋权改革。",
            "市科技局、市人力社保局",
            "",
            datetime(2023, 9, 30),
            "",
        ],
        ["4", "开展科技创新督查", "每季度通报各地进展。", "市科技局", "", "每季度", ""],
    ]
    for row in rows:
        ws.append(row)
    for rng in ("A6:A8", "B6:B8", "D6:D8"):
        ws.merge_cells(rng)
    for cell in ws["C"]:
        cell.alignment = Alignment(wrap_text=True)
    wb.save(path)
    return path


def test_decomposition_table_becomes_a_plan(tmp_path: Path) -> None:
    draft = read_task_list(decomposition_workbook(tmp_path / "任务分解表.xlsx"))
    plan = draft.plan
    assert plan.title == "2023年全市科技创新重点工作任务分解表"
    assert plan.period is not None and (plan.period.start, plan.period.end) == (2023, 2023)
    assert plan.source == "任务分解表.xlsx"
    assert [t.code for t in plan.tasks] == ["1", "2", "3", "4"]

    platform = by_code(plan.tasks, "1")  # merged 序号 over three rows: parent with children
    assert platform.title == "加快建设创新平台"
    assert [c.code for c in platform.children] == ["（1）", "（2）", "（3）"]  # as printed
    first, second, third = platform.children
    assert first.title == "推进瓯江实验室建设"
    assert units(first) == [("市科技局", "lead"), ("市发改委", "support"), ("市财政局", "support")]
    # the merged 牵头单位 applies to every row it spans
    assert units(second) == [("市科技局", "lead"), ("市经信局", "support")]
    assert units(third) == [("市科技局", "lead")]
    assert units(platform) == [("市科技局", "lead")]
    assert first.deadline == date(2023, 6, 30) and first.deadline_text == "2023年6月底"
    assert second.deadline == date(2023, 12, 31)
    assert third.deadline is None and third.deadline_text == "长期坚持"
    assert "备注：每季度报送进展" in third.content
    assert platform.deadline == date(2023, 12, 31)
    assert any(mt.targets[0].value == 5 for mt in first.metrics)

    firms = by_code(plan.tasks, "2")  # line breaks inside cells
    assert firms.title == "培育科技型企业梯队"
    assert firms.content == "实施科技企业“双倍增”行动，\n新增国家高新技术企业200家以上。"
    assert units(firms) == [
        ("市科技局", "lead"),
        ("各县（市、区）政府", "support"),
        ("温州海经区管委会", "support"),
        ("温州高新区（经开区）管委会", "support"),
    ]
    assert firms.deadline == date(2023, 12, 31) and firms.deadline_text == "2023年底前"

    reform = by_code(plan.tasks, "3")  # two names in 牵头单位: both lead (co-leads, CONTRACTS.md)
    assert units(reform) == [("市科技局", "lead"), ("市人力社保局", "lead")]
    assert reform.deadline == date(2023, 9, 30)  # a real Excel date cell

    inspection = by_code(plan.tasks, "4")
    assert inspection.deadline == date(2023, 12, 31) and inspection.deadline_text == "每季度"


def test_two_sheets_single_responsible_column_and_lead_rule(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "科技创新"
    first.append(["2024年永嘉县科技工作要点责任清单"])
    first.append(["事项", "工作目标", "责任单位（列第一位的为牵头单位）", "时间节点"])
    first.append(["实施研发投入攻坚", "R&D经费支出占GDP比重达到2.5%", "县科技局、县统计局", "2024年12月"])
    first.append(["建设科创飞地", "", "县科技局\n县投资促进中心", "2024年上半年"])
    second = wb.create_sheet("人才引育")
    second.append(["说明：本表单位不分先后"])
    second.append(["序号", "任务", "责任单位", "完成时间"])
    second.append([1, "引进高层次人才", "县人才办、县科技局", "2024年第三季度"])
    second.append([2, "举办创新创业大赛", "县科技局", "9月底前"])
    wb.create_sheet("空白表")
    path = tmp_path / "责任清单.xlsx"
    wb.save(path)

    draft = read_task_list(path)
    plan = draft.plan
    assert plan.title == "2024年永嘉县科技工作要点责任清单"
    assert [(t.code, t.title) for t in plan.tasks] == [("一", "科技创新"), ("二", "人才引育")]
    innovation, talent = plan.tasks
    rd, enclave = innovation.children
    assert (rd.code, rd.title) == ("1", "实施研发投入攻坚")  # no 序号 column: numbered, with a warning
    assert units(rd) == [("县科技局", "lead"), ("县统计局", "support")]  # 列第一位的为牵头单位
    assert units(enclave) == [("县科技局", "lead"), ("县投资促进中心", "support")]
    assert enclave.deadline == date(2024, 6, 30)
    assert rd.deadline == date(2024, 12, 31)
    talents, contest = talent.children
    assert units(talents) == [("县人才办", "responsible"), ("县科技局", "responsible")]
    assert talents.deadline == date(2024, 9, 30)
    assert contest.deadline == date(2024, 9, 30)  # month without a year: the plan's year
    assert any("没有序号" in w and "科技创新" in w for w in draft.warnings)


def test_section_rows_group_tasks_and_title_falls_back_to_file_name(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "工作任务", "责任单位", "完成时限"])
    ws.append(["一、强化企业创新主体地位"])
    ws.merge_cells("A2:D2")
    ws.append(["1", "实施企业研发机构全覆盖", "市科技局", "2025年"])
    ws.append(["2", "推进规上工业企业研发活动", "市经信局", "每年"])
    ws.append(["二、优化创新生态"])
    ws.merge_cells("A5:D5")
    ws.append(["1", "完善科技金融", "市金融办", "XX时候"])
    path = tmp_path / "乐清市科技新政任务表.xlsx"
    wb.save(path)
    draft = read_task_list(path)
    plan = draft.plan
    assert plan.title == "乐清市科技新政任务表"
    assert [(t.code, t.title) for t in plan.tasks] == [("一", "强化企业创新主体地位"), ("二", "优化创新生态")]
    assert [c.title for c in plan.tasks[0].children] == ["实施企业研发机构全覆盖", "推进规上工业企业研发活动"]
    assert plan.tasks[0].children[1].recurring == "yearly"
    assert plan.tasks[1].children[0].deadline is None
    assert any("第 6 行" in w and "XX时候" in w and "D 列" in w for w in draft.warnings)
    assert any("文件名" in w for w in draft.warnings)


def unknown_headers_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["2023年度督办事项"])
    ws.append(["No.", "督办内容", "承接科室", "办结日期"])
    ws.append([1, "完成科技统计年报", "发展规划科", "2023年3月31日"])
    ws.append([2, "组织科技活动周", "政策法规科", "2023年5月"])
    wb.save(path)
    return path


def test_unknown_headers_name_what_was_found_and_columns_map_them(
    tmp_path: Path, database: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = unknown_headers_workbook(tmp_path / "督办.xlsx")
    with pytest.raises(UnknownColumns) as caught:
        read_task_list(path)
    message = str(caught.value)
    assert "督办.xlsx" in message and "工作表“清单”第 2 行" in message
    assert "B 列“督办内容”" in message and "--columns" in message
    assert caught.value.sheets[0].headers[0] == ("A", "No.")

    assert cli(db_path, "import-plan", str(path)) == 2
    assert "--columns" in capsys.readouterr().err
    assert plan_count(database) == 0

    spec = "序号=A,任务=B,责任单位=C,完成时限=D"
    assert parse_column_spec(spec) == {"code": 1, "title": 2, "responsible": 3, "deadline": 4}
    plan = read_task_list(path, parse_column_spec(spec)).plan
    assert [(t.code, t.title, units(t)) for t in plan.tasks] == [
        ("1", "完成科技统计年报", [("发展规划科", "responsible")]),
        ("2", "组织科技活动周", [("政策法规科", "responsible")]),
    ]
    assert plan.tasks[0].deadline == date(2023, 3, 31)

    assert cli(db_path, "import-plan", str(path), "--columns", spec) == 0
    with database.reading() as session:
        titles = session.scalars(select(m.Task.title).order_by(m.Task.id)).all()
    assert titles == ["完成科技统计年报", "组织科技活动周"]


@pytest.mark.parametrize(
    ("spec", "words"),
    [("任务B", "列名=列字母"), ("随便=B", "不认识"), ("任务=7", "列字母"), ("牵头单位=D", "至少")],
)
def test_bad_column_specs(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], spec: str, words: str
) -> None:
    path = unknown_headers_workbook(tmp_path / "督办.xlsx")
    assert cli(db_path, "import-plan", str(path), "--columns", spec) == 2
    assert words in capsys.readouterr().err


def test_dry_run_prints_the_tree_and_writes_nothing(
    tmp_path: Path, database: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = decomposition_workbook(tmp_path / "任务分解表.xlsx")
    assert cli(db_path, "import-plan", str(path), "--dry-run") == 0
    out = capsys.readouterr()
    assert "《2023年全市科技创新重点工作任务分解表》" in out.out
    assert "    （1） 推进瓯江实验室建设" in out.out and "市科技局（牵头）" in out.out
    assert "未写入台账" in out.err
    assert plan_count(database) == 0


def test_import_writes_the_plan_with_units_and_children(
    tmp_path: Path, database: Database, db_path: Path
) -> None:
    path = decomposition_workbook(tmp_path / "任务分解表.xlsx")
    assert cli(db_path, "import-plan", str(path)) == 0
    with database.reading() as session:
        plan = session.scalars(select(m.Plan)).one()
        assert plan.title == "2023年全市科技创新重点工作任务分解表"
        tasks = session.scalars(select(m.Task).where(m.Task.plan_id == plan.id)).all()
        assert len(tasks) == 7  # 4 top tasks + 3 children
        child = next(t for t in tasks if t.title == "争创省技术创新中心")
        assert child.parent is not None and child.parent.code == "1"
        assert [(link.printed_name, link.role) for link in child.unit_links] == [
            ("市科技局", "lead"),
            ("市经信局", "support"),
        ]


def encrypted_bytes() -> bytes:
    """What Excel writes for a password-protected workbook: an OLE file holding EncryptionInfo."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 200
        + "EncryptionInfo".encode("utf-16-le")
        + b"\x00" * 50
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 100
    )


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("空文件.xlsx", b"", "空文件"),
        ("改名的文档.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版 Office"),
        ("加密.xlsx", encrypted_bytes(), "密码"),
        ("文本.xlsx", "序号,任务\n1,测试".encode(), "不是 Excel"),
        ("截断.xlsx", b"PK\x03\x04" + b"\x00" * 40, "不是"),
    ],
)
def test_bad_files_exit_2_and_change_nothing(
    tmp_path: Path,
    database: Database,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    words: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert cli(db_path, "import-plan", str(path)) == 2
    err = capsys.readouterr().err
    assert words in err and name in err and "Traceback" not in err
    assert plan_count(database) == 0


def test_renamed_doc_from_a_real_ole_writer(tmp_path: Path) -> None:
    """A Word .doc renamed to .xlsx: refused by its OLE signature, before openpyxl sees it."""
    doc = tmp_path / "通知.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24 + b"\x3e\x00\x03\x00" + b"\x00" * 480)
    renamed = doc.rename(tmp_path / "通知.xlsx")
    with pytest.raises(BadInput, match=r"通知\.xlsx.*改过扩展名"):
        read_task_list(renamed)


def test_empty_workbook_and_header_without_rows(
    tmp_path: Path, database: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "空白.xlsx"
    wb = openpyxl.Workbook()
    wb.create_sheet("Sheet2")
    wb.save(empty)
    assert cli(db_path, "import-plan", str(empty)) == 2
    assert "空的工作簿" in capsys.readouterr().err

    header_only = tmp_path / "只有表头.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.save(header_only)
    assert cli(db_path, "import-plan", str(header_only)) == 2
    assert "没有任何任务行" in capsys.readouterr().err
    assert plan_count(database) == 0


def test_columns_option_only_for_excel(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "方案.txt"
    text.write_text(
        "关于印发测试方案的通知\n一、重点任务\n1.做好测试。（责任单位：市科技局）\n", encoding="utf-8"
    )
    assert cli(db_path, "import-plan", str(text), "--columns", "任务=B") == 2
    assert "只适用于 Excel" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("words", "expected", "text"),
    [
        ("2023年12月底", date(2023, 12, 31), "2023年12月底"),
        ("2023年底前", date(2023, 12, 31), "2023年底前"),
        ("2023年6月底前完成方案，12月底前完成验收", date(2023, 12, 31), None),
        ("2024.3", date(2024, 3, 31), None),
        ("2023年第二季度", date(2023, 6, 30), None),
        ("2023年下半年", date(2023, 12, 31), None),
        ("2023-2025年", date(2025, 12, 31), None),
        ("长期坚持", None, "长期坚持"),
        ("每季度", date(2023, 12, 31), "每季度"),
        (2024, date(2024, 12, 31), "2024年"),
        ("2023年10月中旬", date(2023, 10, 20), None),
        ("11月上旬前", date(2023, 11, 10), None),
        ("次年3月底前", date(2024, 3, 31), None),
    ],
)
def test_deadline_words(words: object, expected: date | None, text: str | None) -> None:
    result = parse_deadline(words, 2023)
    assert result.deadline == expected
    assert result.understood
    if text is not None:
        assert result.text == text


def test_every_task_keeps_its_sheet_and_row(tmp_path: Path) -> None:
    plan = read_task_list(decomposition_workbook(tmp_path / "任务分解表.xlsx")).plan
    sources = [t.source for t in iter_tasks(plan.tasks)]
    assert "工作表“任务分解”第 7 行" in sources and "工作表“任务分解”第 11 行" in sources


def test_two_row_header_splits_lead_and_support(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["瑞安市2023年科技工作任务清单"])
    ws.merge_cells("A1:E1")
    ws.append(["序号", "工作任务", "责任单位", None, "完成时限"])
    ws.append([None, None, "牵头单位", "配合单位", None])
    for rng in ("A2:A3", "B2:B3", "C2:D2", "E2:E3"):
        ws.merge_cells(rng)
    ws.append([1, "建设科技企业孵化器", "市科技局", "各乡镇（街道）、市财政局", "2023年11月"])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    plan = read_task_list(path).plan
    (task,) = plan.tasks
    assert task.title == "建设科技企业孵化器" and task.deadline == date(2023, 11, 30)
    assert units(task) == [("市科技局", "lead"), ("各乡镇（街道）", "support"), ("市财政局", "support")]
