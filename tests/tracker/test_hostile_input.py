"""Hostile and unlucky input (issue 14, docs/bad-input.md): one test per class.

Bad INPUT exits 2 with one message naming what and where, and the ledger is unchanged
(a dump of every row compared); a fault of the MACHINE exits 1 with one line and the
log's path; never a traceback on the terminal.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hostile import PLAN, billion_laughs, dump, plan, replace_member, write_json
from sqlalchemy import text

from tracker.cli import main
from tracker.db.engine import Database
from tracker.errors import BadInput
from tracker.forms import layout
from tracker.numbers import parse_number
from tracker.periods import YEAR_MAX, YEAR_MIN, parse_period
from tracker.planfile.reader import MAX_JSON_DEPTH
from tracker.services.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]
DEV_STDOUT = Path("/dev/stdout").exists()


def cli(database: Database | Path, *args: str) -> int:
    db = str(database) if isinstance(database, Path) else database.url
    return main(["--db", db, *args])


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and err.count("\n") <= 12, err


@pytest.fixture
def ledger(database: Database) -> Database:
    """A ledger on SQLite or PostgreSQL holding PLAN."""
    from tracker.planfile import parse_plan
    from tracker.services.plan_import import import_plan

    with database.unit_of_work() as session:
        import_plan(session, parse_plan(json.dumps(PLAN)), origin="test")
    return database


# -- numbers that are not numbers ------------------------------------------------------------


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "1e309"])
@pytest.mark.parametrize(
    ("where", "path"),
    [
        ("target", "$.metrics[0].targets[0].value"),
        ("actual", "$.metrics[0].actuals[0].value"),
        ("baseline", "$.metrics[0].baseline.value"),
    ],
)
def test_non_finite_numbers_in_a_plan_file_are_refused(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: object, where: str, path: str
) -> None:
    data = plan(title="另一个方案")
    metric = data["metrics"][0]
    holder = {"target": metric["targets"][0], "actual": metric["actuals"][0], "baseline": metric["baseline"]}
    holder[where]["value"] = 0.5  # placeholder, replaced in the text below
    raw = json.dumps(data, ensure_ascii=False).replace("0.5", "1e309" if bad == "1e309" else json.dumps(bad))
    source = tmp_path / "方案 数值.json"
    source.write_text(raw, encoding="utf-8")
    before = dump(ledger)
    assert cli(ledger, "import-plan", str(source)) == 2
    err = capsys.readouterr().err
    assert path in err and "有限的数字" in err and str(source) in err
    no_traceback(err)
    assert dump(ledger) == before


def test_the_services_refuse_a_non_finite_actual_and_the_flush_guard_backs_them(ledger: Database) -> None:
    from tracker.db import models as m
    from tracker.services.progress import ProgressInput, record_update

    with ledger.reading() as session:
        task = session.query(m.Task).filter_by(code="1").one()
        metric_id = task.metrics[0].id
        task_id = task.id
    before = dump(ledger)
    for value in (math.nan, math.inf, -math.inf, float("1e309")):
        data = ProgressInput(period="2023Q2", status="in_progress", progress="x", actuals={metric_id: value})
        with pytest.raises(BadInput, match="派遣科技特派员"), ledger.unit_of_work() as session:
            record_update(session, task_id, data)
        # the last guard: a path that forgot to check still cannot store it
        with pytest.raises(BadInput, match=r"target\.value"), ledger.unit_of_work() as session:
            session.query(m.Target).first().value = value  # type: ignore[union-attr]
    assert dump(ledger) == before
    assert parse_number("1,200") == 1200 and parse_number("nan") is None and parse_number("1e309") is None


def test_the_json_export_is_finite_and_the_program_accepts_its_own_export(
    ledger: Database, tmp_path: Path
) -> None:
    out = tmp_path / "导出.json"
    assert cli(ledger, "export", "json", "--out", str(out)) == 0
    body = out.read_text("utf-8")
    json.loads(body, parse_constant=lambda word: pytest.fail(f"bare {word} in the export"))
    before = len(json.loads(body)["plans"])
    assert cli(ledger, "import-plan", str(out)) == 0  # its own export, one plan: accepted
    again = tmp_path / "again.json"
    assert cli(ledger, "export", "json", "--out", str(again)) == 0
    assert len(json.loads(again.read_text("utf-8"))["plans"]) == before + 1


def test_a_ledger_holding_infinity_is_named_by_check_and_never_exported_as_bare_infinity(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an older program wrote it: straight into the table, past every guard
    with ledger.engine.begin() as connection:
        connection.execute(text("UPDATE target SET value = :v"), {"v": math.inf})
    out = tmp_path / "导出.json"
    assert cli(ledger, "export", "json", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "无效数值" in err and not out.exists()
    no_traceback(err)
    findings = [f for f in run_checks(ledger) if f.area == "无效数值"]
    assert findings and "target.value" in findings[0].message and findings[0].fault
    # the other exports still work, and never write a number Excel cannot read
    with ledger.engine.begin() as connection:
        connection.execute(text("UPDATE actual SET value = :v"), {"v": -math.inf})
    sheet, form = tmp_path / "台账.xlsx", tmp_path / "填报表.xlsx"
    assert cli(ledger, "export", "xlsx", "--period", "2023", "--out", str(sheet)) == 0
    assert cli(ledger, "forms", "export", "--unit", "市科技局", "--period", "2023Q2", "--out", str(form)) == 0
    for path in (sheet, form):
        for ws in openpyxl.load_workbook(path).worksheets:
            for row in ws.iter_rows(values_only=True):
                assert not any(isinstance(v, float) and not math.isfinite(v) for v in row), path


def test_a_figure_beyond_any_real_amount_in_a_document_stays_in_the_words(tmp_path: Path) -> None:
    big = "9" * 400  # float() of it is infinity
    source = tmp_path / "方案 原文.txt"
    source.write_text(
        "关于推进科技创新的实施方案\n\n一、主要目标\n"
        f"到2025年，全市高新技术企业达到{big}家，研发投入强度达到3.2%。\n\n"
        "二、重点任务\n（一）培育科技企业。实施高新技术企业倍增计划。（责任单位：市科技局）\n",
        encoding="utf-8",
    )
    out = tmp_path / "草稿.json"
    assert main(["draft", str(source), "--out", str(out)]) == 0
    body = out.read_text("utf-8")
    json.loads(body, parse_constant=lambda word: pytest.fail(f"bare {word} in the draft"))
    assert "3.2" in body


def test_a_task_list_with_a_deadline_no_plan_can_hold(ledger: Database, tmp_path: Path) -> None:
    """Found by the fuzzing: a 1948 date beside a target made a Target the model refuses (traceback)."""
    from datetime import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "重点任务", "具体措施", "牵头单位", "完成时限"])
    ws.append(["1", "培育高新技术企业", "新增高新技术企业50家", "市科技局", datetime(1948, 1, 1)])
    ws.append(["2", "建设创新平台", "建成省级重点实验室2家", "市科技局", "2025年"])
    source = tmp_path / "任务表.xlsx"
    wb.save(source)
    assert cli(ledger, "import-plan", str(source)) == 0
    with ledger.reading() as session:
        years = session.scalars(text("SELECT year FROM target")).all()
    assert 2025 in years and all(1949 <= y <= 2200 for y in years)


# -- periods out of range --------------------------------------------------------------------


@pytest.mark.parametrize("period", ["0000", "1999", "2101Q1", "9999-12"])
def test_a_period_out_of_range_is_refused_on_input(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], period: str
) -> None:
    data = plan(title="另一个方案")
    data["tasks"][0]["updates"][0]["period"] = period
    source = write_json(tmp_path / "方案.json", data)
    before = dump(ledger)
    assert cli(ledger, "import-plan", str(source)) == 2
    err = capsys.readouterr().err
    assert "$.tasks[0].updates[0].period" in err and f"{YEAR_MIN}—{YEAR_MAX}" in err
    assert cli(ledger, "export", "xlsx", "--period", period, "--out", str(tmp_path / "x.xlsx")) == 2
    assert f"{YEAR_MIN}—{YEAR_MAX}" in capsys.readouterr().err
    assert dump(ledger) == before
    with pytest.raises(BadInput):
        parse_period(period)
    assert parse_period(f"{YEAR_MAX}Q4").next().code == f"{YEAR_MAX + 1}Q1"  # arithmetic at the edge works


def test_a_form_whose_period_is_out_of_range_is_refused(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "填报表.xlsx"
    assert cli(ledger, "forms", "export", "--unit", "市科技局", "--period", "2023Q2", "--out", str(out)) == 0
    wb = openpyxl.load_workbook(out)
    meta = wb[layout.META_SHEET]
    row = next(r for r in range(1, meta.max_row + 1) if meta.cell(r, 1).value == "period")
    meta.cell(row, 2).value = "0000"
    wb.save(out)
    before = dump(ledger)
    capsys.readouterr()
    assert cli(ledger, "forms", "import", str(out)) == 2
    err = capsys.readouterr().err
    assert out.name in err and f"{YEAR_MIN}—{YEAR_MAX}" in err
    assert dump(ledger) == before


def test_every_export_works_on_a_ledger_holding_a_bad_period(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ledger.engine.begin() as connection:
        connection.execute(text("UPDATE progress_update SET period = '0000'"))
        connection.execute(text("UPDATE actual SET period = '1900'"))
    capsys.readouterr()
    args = ("--period", "2023", "--office", "市科技局", "--problems", "无", "--next-steps", "无")
    assert cli(ledger, "export", "json", "--out", str(tmp_path / "a.json")) == 0
    assert cli(ledger, "export", "xlsx", "--period", "2023", "--out", str(tmp_path / "a.xlsx")) == 0
    assert cli(ledger, "export", "pdf", *args, "--out", str(tmp_path / "a.pdf")) == 0
    assert (
        cli(ledger, "forms", "export", "--all-units", "--period", "2023Q2", "--out", str(tmp_path / "f.zip"))
        == 0
    )
    assert (
        cli(ledger, "remind", "--period", "2023", "--office", "市科技局", "--out", str(tmp_path / "r.pdf"))
        == 0
    )
    no_traceback(capsys.readouterr().err)
    assert cli(ledger, "check") == 1
    out = capsys.readouterr().out
    assert "无效报告期" in out and "“0000”" in out and "“1900”" in out
    wb = openpyxl.load_workbook(tmp_path / "a.xlsx")
    cells = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert any("开展科技特派员工作" in c for c in cells)


# -- forms: cell values and row validation ---------------------------------------------------


@pytest.fixture
def form(ledger: Database, tmp_path: Path) -> Path:
    out = tmp_path / "填报表.xlsx"
    assert cli(ledger, "forms", "export", "--unit", "市科技局", "--period", "2023Q2", "--out", str(out)) == 0
    return out


def form_sheet(path: Path) -> tuple[openpyxl.Workbook, object, int, dict[str, int]]:
    wb = openpyxl.load_workbook(path)
    ws = wb[layout.SHEET]
    for r in range(1, 20):
        values = [c.value for c in ws[r]]
        if layout.HEADER_OF["status"] in values:
            cols = {key: values.index(header) + 1 for key, header, _ in layout.COLUMNS if header in values}
            return wb, ws, r, cols
    raise AssertionError("no header row")


def rows_by_id(ws: object, header: int, cols: dict[str, int]) -> dict[str, int]:
    out = {}
    for r in range(header + 1, ws.max_row + 1):  # type: ignore[attr-defined]
        value = ws.cell(r, cols["id"]).value  # type: ignore[attr-defined]
        if value:
            out[str(value)] = r
    return out


@pytest.mark.parametrize("spelling", ["T{n:03d}", "T{full}", "t{n}"])
def test_two_rows_for_one_task_written_differently_are_refused(
    ledger: Database, form: Path, capsys: pytest.CaptureFixture[str], spelling: str
) -> None:
    wb, ws, header, cols = form_sheet(form)
    ids = rows_by_id(ws, header, cols)
    task_id = next(i for i in ids if "M" not in i)
    n = int(task_id[1:])
    full = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    other = next(r for i, r in ids.items() if i != task_id and "M" not in i)
    ws.cell(other, cols["id"]).value = spelling.format(n=n, full=full)  # type: ignore[attr-defined]
    for row, words in ((ids[task_id], "一半"), (other, "另一半")):
        ws.cell(row, cols["status"]).value = "推进中"  # type: ignore[attr-defined]
        ws.cell(row, cols["progress"]).value = words  # type: ignore[attr-defined]
    wb.save(form)
    before = dump(ledger)
    capsys.readouterr()
    assert cli(ledger, "forms", "import", str(form)) == 2
    err = capsys.readouterr().err
    assert f"第 {other} 行" in err and "重复" in err
    assert dump(ledger) == before


def test_100_percent_in_a_percent_formatted_cell_means_100(ledger: Database, form: Path) -> None:
    from tracker.db import models as m

    wb, ws, header, cols = form_sheet(form)
    ids = rows_by_id(ws, header, cols)
    rows = [r for i, r in ids.items() if "M" not in i][:2]
    for row, (stored, fmt) in zip(rows, ((1, "0%"), (0.8, "0.0%")), strict=True):
        cell = ws.cell(row, cols["percent"])  # type: ignore[attr-defined]
        cell.value, cell.number_format = stored, fmt  # what Excel stores for “100%”, “80%”
        ws.cell(row, cols["progress"]).value = "按计划推进"  # type: ignore[attr-defined]
    wb.save(form)
    assert cli(ledger, "forms", "import", str(form)) == 0
    with ledger.reading() as session:
        percents = sorted(u.percent for u in session.query(m.Update).filter(m.Update.period == "2023Q2"))
    assert percents == [80, 100]


def test_status_typed_on_an_indicator_row_is_refused_naming_the_row(
    ledger: Database, form: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb, ws, header, cols = form_sheet(form)
    metric_row = next(r for i, r in rows_by_id(ws, header, cols).items() if "M" in i)
    ws.cell(metric_row, cols["status"]).value = "已完成"  # type: ignore[attr-defined]
    ws.cell(metric_row, cols["progress"]).value = "全部派遣"  # type: ignore[attr-defined]
    wb.save(form)
    before = dump(ledger)
    capsys.readouterr()
    assert cli(ledger, "forms", "import", str(form)) == 2
    err = capsys.readouterr().err
    assert f"第 {metric_row} 行" in err and "指标行" in err and "完成状态" in err
    assert dump(ledger) == before


def test_a_control_character_in_a_unit_name_breaks_no_form(ledger: Database, tmp_path: Path) -> None:
    with ledger.engine.begin() as connection:  # as an older program could have stored it
        connection.execute(text("UPDATE unit SET name = name || :c WHERE name = '市发改委'"), {"c": "\x01"})
    out = tmp_path / "全部.zip"
    assert cli(ledger, "forms", "export", "--all-units", "--period", "2023Q2", "--out", str(out)) == 0
    import zipfile

    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert len(names) == 3 and all("\x01" not in n for n in names)
        for name in names:
            archive.extract(name, tmp_path / "x")
    for name in names:
        openpyxl.load_workbook(tmp_path / "x" / name)  # every form is valid XML
    # and no new name takes one in: a plan file's control characters become a space
    data = plan(title="另一个方案")
    data["tasks"][1]["units"][0]["name"] = "市\x02经信局\t"
    assert cli(ledger, "import-plan", str(write_json(tmp_path / "p.json", data))) == 0
    with ledger.reading() as session:
        names = session.scalars(text("SELECT name FROM unit")).all()
    assert "市 经信局" in names


# -- files that are traps --------------------------------------------------------------------


def _xlsx(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "序号"  # type: ignore[index]
    path = tmp_path / "ok.xlsx"
    wb.save(path)
    return path


def _docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    path = tmp_path / "ok.docx"
    document.save(str(path))
    return path


SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>LOL</t></is></c></row></sheetData></worksheet>'
BODY = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>LOL</w:t></w:r></w:p></w:body></w:document>'


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("xlsx-laughs", "DTD"),
        ("xlsx-malformed", "已损坏"),
        ("docx-laughs", "DTD"),
        ("docx-malformed", "已损坏"),
        ("docx-bomb", "压缩"),
    ],
)
def test_office_files_that_are_traps_are_refused(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, words: str
) -> None:
    if kind == "xlsx-laughs":
        bad = replace_member(
            _xlsx(tmp_path), tmp_path / "笑.xlsx", "xl/worksheets/sheet1.xml", billion_laughs(SHEET)
        )
    elif kind == "xlsx-malformed":
        bad = replace_member(
            _xlsx(tmp_path), tmp_path / "坏.xlsx", "xl/worksheets/sheet1.xml", b"<worksheet><row>"
        )
    elif kind == "docx-laughs":
        bad = replace_member(_docx(tmp_path), tmp_path / "笑.docx", "word/document.xml", billion_laughs(BODY))
    elif kind == "docx-malformed":
        bad = replace_member(_docx(tmp_path), tmp_path / "坏.docx", "word/document.xml", b"<w:document>")
    else:
        bad = replace_member(
            _docx(tmp_path), tmp_path / "炸.docx", "word/media/x.bin", b"\0" * (12 * 1024 * 1024)
        )
    before = dump(ledger)
    commands = [["import-plan", str(bad)]]
    commands += (
        [["forms", "import", str(bad)]] if bad.suffix == ".xlsx" else [["draft", str(bad), "--out", "o.json"]]
    )
    for command in commands:
        capsys.readouterr()
        assert cli(ledger, *command) == 2, command
        err = capsys.readouterr().err
        assert bad.name in err and words in err, err
        no_traceback(err)
    assert dump(ledger) == before


def test_a_document_too_large_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tracker.drafting import text as document_text

    monkeypatch.setattr(document_text, "MAX_DOCUMENT_BYTES", 1024)
    source = tmp_path / "超大 文件.txt"
    source.write_text("一、总体要求\n" * 200, encoding="utf-8")
    assert main(["draft", str(source), "--out", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert source.name in err and "上限" in err
    assert not (tmp_path / "o.json").exists()


def test_the_xml_parsers_themselves_refuse_entity_expansion(tmp_path: Path) -> None:
    """Behind our check: openpyxl through defusedxml, python-docx with entities off."""
    import docx
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
    bad = replace_member(
        _xlsx(tmp_path), tmp_path / "b.xlsx", "xl/worksheets/sheet1.xml", billion_laughs(SHEET)
    )
    with pytest.raises(Exception, match=r"(?i)entit|invalid XML|forbidden"):
        openpyxl.load_workbook(bad)
    bad = replace_member(_docx(tmp_path), tmp_path / "b.docx", "word/document.xml", billion_laughs(BODY))
    try:
        text_found = docx.Document(str(bad)).paragraphs[0].text
    except Exception as exc:  # lxml's amplification limit
        assert "amplification" in str(exc) or "entit" in str(exc).lower()
    else:
        assert "lol" * 1000 not in text_found


def test_a_plan_file_nested_too_deeply_is_refused(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(ledger)
    for depth in (MAX_JSON_DEPTH + 1, 200_000):
        source = tmp_path / f"深{depth}.json"
        source.write_text('{"title": "x", "notes": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
        capsys.readouterr()
        assert cli(ledger, "import-plan", str(source)) == 2
        err = capsys.readouterr().err
        assert "嵌套层数过深" in err and str(source) in err
    assert dump(ledger) == before


# -- the ledger itself: not one, under a file, read-only, a full disk ---------------------------


@pytest.mark.parametrize("content", [os.urandom(8192), "会议纪要：请各单位按时报送。\n".encode() * 50])
def test_db_that_is_not_a_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    other = tmp_path / "别的 文件.db"
    other.write_bytes(content)
    assert main(["--db", str(other), "check"]) == 2
    err = capsys.readouterr().err
    assert str(other) in err and "不是" in err and "台账数据库" in err
    no_traceback(err)
    assert other.read_bytes() == content


def test_db_under_a_regular_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "说明.txt"
    a_file.write_text("x")
    assert main(["--db", str(a_file / "台账.sqlite3"), "init", "--no-seed"]) == 2
    err = capsys.readouterr().err
    assert str(a_file) in err and "普通文件" in err
    no_traceback(err)


def run_tracker(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    home = kwargs.pop("home")
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        env={**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_HOME": str(home)},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


def _can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs: a real disk that fills (root on Linux only)."""
    if not _can_mount():
        pytest.skip("mounting a tmpfs needs root on Linux")
    mount = tmp_path / "小磁盘"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the disk under `folder` until only about `leave` bytes are free."""
    free = shutil.disk_usage(folder).free - leave
    if free > 0:
        (folder / "填充").write_bytes(b"\0" * free)


def test_a_read_only_ledger_is_a_fault_of_the_machine(small_disk: Path, tmp_path: Path) -> None:
    path = small_disk / "台账.sqlite3"
    assert main(["--db", str(path), "init", "--no-seed"]) == 0
    digest = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for command in (["import-plan", str(ROOT / "seed" / "000_yueqing.json")], ["check"]):
        result = run_tracker("--db", str(path), *command, home=tmp_path / "home")
        assert result.returncode == 1, result.stderr
        assert "只读" in result.stderr and "tracker.log" in result.stderr
        no_traceback(result.stderr)
        assert result.stderr.strip().count("\n") == 0  # one line
    assert path.read_bytes() == digest
    assert "Traceback" in (tmp_path / "home" / "logs" / "tracker.log").read_text("utf-8")


def permissions_enforced(folder: Path) -> bool:
    """False for root (or a process that may override file permissions)."""
    probe = folder / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        with probe.open("a"):
            return False
    except PermissionError:
        return True
    finally:
        probe.chmod(0o644)
        probe.unlink()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_ledger_in_a_read_only_folder_is_a_fault_of_the_machine(tmp_path: Path) -> None:
    if not permissions_enforced(tmp_path):
        pytest.skip("this user ignores file permissions (root); the tmpfs test stands in")
    folder = tmp_path / "只读 文件夹"
    folder.mkdir()
    path = folder / "台账.sqlite3"
    assert main(["--db", str(path), "init", "--no-seed"]) == 0
    digest = path.read_bytes()
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = run_tracker(
            "--db", str(path), "import-plan", str(ROOT / "seed" / "000_yueqing.json"), home=tmp_path / "home"
        )
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert result.returncode == 1, result.stderr
    assert "只读" in result.stderr and "tracker.log" in result.stderr
    no_traceback(result.stderr)
    assert path.read_bytes() == digest


def test_a_full_disk_during_import_and_export(small_disk: Path, tmp_path: Path) -> None:
    path = small_disk / "台账.sqlite3"
    assert main(["--db", str(path), "init", "--no-seed"]) == 0
    assert main(["--db", str(path), "import-plan", str(ROOT / "seed" / "000_yueqing.json")]) == 0
    fingerprint = "\n".join(sqlite3.connect(path).iterdump())
    _fill(small_disk, 8 * 1024)
    result = run_tracker(
        "--db", str(path), "import-plan", str(ROOT / "seed" / "004_yongjia.json"), home=tmp_path / "h"
    )
    assert result.returncode == 1, result.stderr
    assert "磁盘空间不足" in result.stderr and "tracker.log" in result.stderr
    no_traceback(result.stderr)
    out = small_disk / "台账.xlsx"
    result = run_tracker("--db", str(path), "export", "json", "--out", str(out), home=tmp_path / "h")
    assert result.returncode == 1 and "磁盘空间不足" in result.stderr, result.stderr
    assert not out.exists() and not [p for p in small_disk.iterdir() if p.name.endswith(".part")]
    (small_disk / "填充").unlink()
    assert "\n".join(sqlite3.connect(path).iterdump()) == fingerprint


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file-size limit")
def test_a_file_size_limit_during_import_and_export(tmp_path: Path) -> None:
    """Without root: a 64 KB file-size limit makes writes fail (EFBIG) as a full disk would."""

    def limit() -> None:
        import resource  # POSIX only

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    path = tmp_path / "台账 数据.sqlite3"
    assert main(["--db", str(path), "init", "--no-seed"]) == 0
    for seed in ("000_yueqing.json", "004_yongjia.json"):
        assert main(["--db", str(path), "import-plan", str(ROOT / "seed" / seed)]) == 0
    fingerprint = "\n".join(sqlite3.connect(path).iterdump())
    home = tmp_path / "home"
    result = run_tracker(
        "--db", str(path), "import-plan", str(ROOT / "seed" / "001_wenzhou.json"), home=home, preexec_fn=limit
    )
    assert result.returncode == 1, result.stderr
    assert "磁盘" in result.stderr and "tracker.log" in result.stderr and "未" in result.stderr
    no_traceback(result.stderr)
    out = tmp_path / "导出.json"
    result = run_tracker("--db", str(path), "export", "json", "--out", str(out), home=home, preexec_fn=limit)
    assert result.returncode == 1 and "磁盘空间不足" in result.stderr, result.stderr
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert "\n".join(sqlite3.connect(path).iterdump()) == fingerprint


def test_an_out_name_that_is_too_long(
    ledger: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("督查台账导出" * 20 + ".json")
    assert cli(ledger, "export", "json", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "过长" in err
    no_traceback(err)
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if not p.name.endswith(".part")]


# -- output files ----------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_out_through_a_symlink_keeps_the_link(ledger: Database, tmp_path: Path) -> None:
    target = tmp_path / "真实 文件.json"
    target.write_text("old")
    link = tmp_path / "链接.json"
    link.symlink_to(target)
    assert cli(ledger, "export", "json", "--out", str(link)) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert json.loads(target.read_text("utf-8"))["format"] == "tracker-export"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="POSIX device")
def test_out_to_a_device_writes_into_it(ledger: Database, capsys: pytest.CaptureFixture[str]) -> None:
    before = os.stat("/dev/null")
    assert cli(ledger, "export", "xlsx", "--period", "2023", "--out", "/dev/null") == 0
    after = os.stat("/dev/null")
    assert (before.st_rdev, before.st_mode) == (after.st_rdev, after.st_mode)  # still the device


@pytest.mark.sqlite_only
def test_out_dash_is_standard_output_for_every_format(ledger: Database, tmp_path: Path) -> None:
    db = str(ledger.path)
    for args, magic in (
        (["export", "json"], b"{"),
        (["export", "xlsx", "--period", "2023"], b"PK\x03\x04"),
        (
            [
                "export",
                "pdf",
                "--period",
                "2023",
                "--office",
                "市科技局",
                "--problems",
                "无",
                "--next-steps",
                "无",
            ],
            b"%PDF",
        ),
        (["forms", "export", "--unit", "市科技局", "--period", "2023Q2"], b"PK\x03\x04"),
        (["remind", "--period", "2023Q2", "--office", "市科技局"], b"%PDF"),
        *(
            [(["export", "xlsx", "--period", "2023", "--out", "/dev/stdout"], b"PK\x03\x04")]
            if DEV_STDOUT
            else []
        ),
    ):
        out = [] if "--out" in args else ["--out", "-"]
        result = subprocess.run(
            [sys.executable, "-m", "tracker", "--db", db, *args, *out],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            cwd=tmp_path,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.startswith(magic), args
        assert not (tmp_path / "-").exists()


# -- whatever else goes wrong --------------------------------------------------------------------


def test_an_unforeseen_error_is_one_line_and_the_traceback_goes_to_the_log(
    ledger: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tracker.commands.check as check_command

    def broken(_database: Database) -> list[object]:
        return [1][2]  # a bug: IndexError

    monkeypatch.setattr(check_command, "run_checks", broken)
    assert cli(ledger, "check") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：程序内部错误（IndexError）") and "\n" not in err
    log = Path(err.rsplit("日志 ", 1)[1])
    assert "Traceback" in log.read_text("utf-8") and "IndexError" in log.read_text("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_standard_output_closed_early(ledger: Database, tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a byte is written, as after `| head -c 10`
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tracker", "--db", ledger.url, "export", "json", "--out", "-"],
            env={**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_HOME": str(tmp_path / "home")},
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(write_end)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1, err
    assert "输出管道已被另一端关闭" in err
    no_traceback(err)
