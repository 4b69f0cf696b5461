"""Fuzzing that keeps looking (docs/reliability.md): valid plan files and forms, mutated.

Hypothesis takes a plan file or a returned form the program itself would accept, breaks
it (types swapped, numbers non-finite, periods out of range, deep nesting, huge strings,
control characters, cells overwritten) and runs the real command line on a fresh copy
of a ledger. The promise checked every time: exit 0 or 2, never anything else; on 2 the
ledger is byte-for-byte the same (a dump of every row); on 0 `tracker check` is clean.

Bounded in CI by the `ci` profile (few examples, well under a minute for the file);
`HYPOTHESIS_PROFILE=long` runs thousands. Failing examples are printed as usual and
replayed first on the next run (Hypothesis' example database in .hypothesis/).
"""

from __future__ import annotations

import copy
import hashlib
import io
import itertools
import json
import math
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hostile import PLAN, write_json
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tracker.cli import main
from tracker.forms import layout

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("ci", max_examples=40, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=1500, **_COMMON)  # type: ignore[arg-type]
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

BIG = "__1e309__"  # written into the JSON text as the bare literal 1e309 (read as infinity)
CONTROL = "".join(chr(c) for c in (*range(0, 32), 127))

# -- ledgers -----------------------------------------------------------------------------------


def fingerprint(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()
    finally:
        connection.close()


class Ledgers:
    """A template ledger made once, copied fresh for every example."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "模板.sqlite3"
        self.counter = itertools.count()
        assert main(["--db", str(self.template), "init", "--no-seed"]) == 0
        plan_file = write_json(folder / "方案.json", PLAN)
        assert main(["--db", str(self.template), "import-plan", str(plan_file)]) == 0

    def fresh(self) -> Path:
        path = self.folder / f"台账{next(self.counter)}.sqlite3"
        shutil.copyfile(self.template, path)
        return path


def keeps_the_promise(db: Path, command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before = fingerprint(db)
    capsys.readouterr()
    status = main(["--db", str(db), *command])
    event(f"exit {status}")  # --hypothesis-show-statistics shows how often each happened
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert status in (0, 2), err
    if status == 2:
        assert err.startswith("错误："), err
        assert fingerprint(db) == before, "a refused input changed the ledger"
    else:
        assert main(["--db", str(db), "check"]) == 0, capsys.readouterr().out


# -- plan files ----------------------------------------------------------------------------------


def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every position in the document (containers too), as a path of keys and indexes."""
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += leaves(value, (*path, index))
    return out


def put(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return document


def get(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


def nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
replacements = st.one_of(
    st.sampled_from(
        ["2023Q3", "2024", "2025-06", 42, 3.5, "新的文字", "lead", "support", "done"]
    ),  # often valid
    json_values,
    st.sampled_from([math.nan, math.inf, -math.inf, BIG, 1e308, -0.0]),
    st.from_regex(r"\A(\d{4}|[0-9]{1,3}|\d{4}(H[0-3]|Q[0-5]|-\d\d))\Z"),  # periods, many out of range
    st.integers(1, 400).map(nested),  # deep nesting
    st.sampled_from(["长" * 200_000, "x" * 1_000_000]),  # huge strings
    st.text(alphabet=CONTROL + "市科技局", min_size=1, max_size=12),  # control characters
)


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    document = copy.deepcopy(PLAN)
    document["title"] = draw(st.sampled_from(["交办事项", "另一个方案"]))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(leaves(document)))
        if draw(st.booleans()) and isinstance(get(document, path), dict) and get(document, path):
            # a field dropped, or an unknown field added
            key = draw(st.sampled_from(sorted(get(document, path))))
            get(document, path).pop(key)
            continue
        document = put(document, path, draw(replacements))
    return json.dumps(document, ensure_ascii=False, allow_nan=True).replace(f'"{BIG}"', "1e309")


@pytest.fixture
def ledgers(tmp_path: Path) -> Ledgers:
    return Ledgers(tmp_path)


@PROFILE
@given(text=mutated_plans())
def test_mutated_plan_files_keep_the_promise(
    ledgers: Ledgers, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    source = tmp_path / "变异 方案.json"
    source.write_text(text, encoding="utf-8")
    keeps_the_promise(ledgers.fresh(), ["import-plan", str(source)], capsys)


# -- returned forms ------------------------------------------------------------------------------

cell_values = st.one_of(
    st.none(),
    st.sampled_from([*layout.STATUS_WORDS, *layout.STATUS_SYNONYMS, "已销号", "完成了"]),
    st.sampled_from(["100%", "80％", "1e309", "nan", "inf", "-0", "一百", "５０", "T1", "T01", "T1M1"]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-1000, 1000),
    st.text(max_size=30).map(lambda s: "".join(c for c in s if c not in CONTROL)),
)


@st.composite
def cell_edits(draw: st.DrawFn) -> list[tuple[int, int, Any, str | None]]:
    """(row offset below the header, column, value, number format or None)."""
    return draw(
        st.lists(
            st.tuples(
                st.integers(1, 6),
                st.integers(1, len(layout.COLUMNS) + 1),
                cell_values,
                st.sampled_from([None, None, "0%", "0.0%", "0", "@"]),
            ),
            min_size=1,
            max_size=6,
        )
    )


@pytest.fixture
def form_bytes(ledgers: Ledgers, tmp_path: Path) -> bytes:
    out = tmp_path / "填报表.xlsx"
    command = ["forms", "export", "--unit", "市科技局", "--period", "2023Q2", "--out", str(out)]
    assert main(["--db", str(ledgers.template), *command]) == 0
    return out.read_bytes()


@PROFILE
@given(edits=cell_edits())
def test_mutated_forms_keep_the_promise(
    ledgers: Ledgers,
    form_bytes: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edits: list[tuple[int, int, Any, str | None]],
) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(form_bytes))
    ws = wb[layout.SHEET]
    header = next(r for r in range(1, 20) if layout.HEADER_OF["status"] in [c.value for c in ws[r]])
    for offset, column, value, number_format in edits:
        cell = ws.cell(header + offset, column)
        cell.value = value
        if number_format:
            cell.number_format = number_format
    form = tmp_path / "交回的 填报表.xlsx"
    wb.save(form)
    keeps_the_promise(ledgers.fresh(), ["forms", "import", str(form)], capsys)


# -- Excel task lists ----------------------------------------------------------------------------

TASK_LIST = [
    ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "备注"],
    ["一", "实施创新主体培育工程", None, None, None, None, None],
    ["1", "培育高新技术企业", "新增高新技术企业50家", "市科技局", "市财政局、市税务局", "2024年12月底", None],
    ["2", "建设创新平台", "建成省级重点实验室2家", "市科技局", None, "2025年", "每年推进"],
    ["3", "引进高层次人才", "引进人才100名", "市人力社保局", "市科技局", "长期坚持", None],
]
task_list_values = st.one_of(
    cell_values,
    st.sampled_from(
        ["（一）", "1.1", "二", "市科技局\n市财政局", "各县（市、区）", "2024年第三季度", "2023-13-45"]
    ),
    st.datetimes(),
    st.dates(),
)


@st.composite
def task_list_edits(draw: st.DrawFn) -> list[tuple[int, int, Any]]:
    """(row, column, value) overwritten in TASK_LIST (row 1 is the header)."""
    return draw(
        st.lists(
            st.tuples(
                st.integers(1, len(TASK_LIST) + 2), st.integers(1, len(TASK_LIST[0]) + 1), task_list_values
            ),
            min_size=1,
            max_size=6,
        )
    )


@PROFILE
@given(edits=task_list_edits())
def test_mutated_task_lists_keep_the_promise(
    ledgers: Ledgers, tmp_path: Path, capsys: pytest.CaptureFixture[str], edits: list[tuple[int, int, Any]]
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务分解"
    for row in TASK_LIST:
        ws.append(row)
    for r, c, value in edits:
        ws.cell(r, c).value = value
    source = tmp_path / "任务 分解表.xlsx"
    wb.save(source)
    keeps_the_promise(ledgers.fresh(), ["import-plan", str(source)], capsys)
