"""Plan files: good ones load, broken ones are refused whole with a precise message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tracker.planfile import PlanFileError, load_plan_file, parse_plan

GOOD: dict[str, Any] = {
    "title": "测试方案",
    "doc_number": "测〔2023〕1号",
    "issued_on": "2023-04-14",
    "period": {"start": 2023, "end": 2027},
    "metrics": [
        {
            "name": "高新技术企业数",
            "unit": "家",
            "baseline": {"year": 2022, "value": 3000},
            "targets": [
                {"year": 2025, "value": 6500, "comparator": ">=", "text": "超6500家"},
                {"year": 2027, "value": 15, "max": 20, "comparator": "range", "text": "15-20家"},
            ],
        }
    ],
    "tasks": [
        {
            "code": "（一）",
            "title": "抓手一",
            "children": [
                {
                    "code": "1",
                    "title": "任务",
                    "units": [
                        {"name": "市科技局", "role": "lead"},
                        {"name": "市发展改革委", "role": "support"},
                    ],
                    "deadline": "2027-12-31",
                }
            ],
        }
    ],
}


def write(tmp_path: Path, content: str | bytes, name: str = "plan.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def broken(**changes: Any) -> str:
    doc = json.loads(json.dumps(GOOD))
    for dotted, value in changes.items():
        node = doc
        parts = dotted.split("__")
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        if value is ...:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value
    return json.dumps(doc, ensure_ascii=False)


def test_good_plan_loads(tmp_path: Path) -> None:
    plan = load_plan_file(write(tmp_path, json.dumps(GOOD, ensure_ascii=False)))
    assert plan.tasks[0].children[0].units[1].name == "市发展改革委"
    assert plan.metrics[0].targets[1].max == 20


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff" + json.dumps(GOOD, ensure_ascii=False))
    assert load_plan_file(path).title == "测试方案"


def test_single_plan_export_is_accepted() -> None:
    doc = {"format": "tracker-export", "version": 1, "exported_at": "x", "plans": [GOOD]}
    assert parse_plan(json.dumps(doc)).title == "测试方案"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("", "是空的", id="empty"),
        pytest.param('{"title": "x",\n "tasks": [', "第 2 行", id="truncated"),
        pytest.param("[1, 2]", "顶层应为一个 JSON 对象", id="not-an-object"),
        pytest.param(broken(title=...), "$.title", id="missing-title"),
        pytest.param(broken(tasks__0__children__0__units__0__role="boss"), "units[0].role", id="bad-role"),
        pytest.param(broken(tasks__0__children__0__deadline="2027年底"), "deadline", id="bad-date"),
        pytest.param(broken(period={"start": 2027, "end": 2023}), "起始年晚于结束年", id="period-order"),
        pytest.param(broken(metrics__0__targets__0__value="很多"), "targets[0].value", id="text-as-number"),
        pytest.param(broken(metrics__0__targets__1__max=...), "区间目标需要", id="range-without-max"),
        pytest.param(broken(metrics__0__targets__1__year=2025), "同一年有多个目标", id="duplicate-year"),
        pytest.param(broken(tasks__0__colour="red"), "不认识的字段", id="unknown-field"),
        pytest.param(broken(tasks__0__children__0__code=""), "children[0].code", id="empty-code"),
        pytest.param(
            broken(tasks__0__children=[{"code": "1", "title": "a"}, {"code": "1", "title": "b"}]),
            "子任务序号重复",
            id="duplicate-code",
        ),
        pytest.param(
            broken(
                tasks__0__children__0__units=[{"name": "a", "role": "lead"}, {"name": "a", "role": "support"}]
            ),
            "重复列出单位",
            id="duplicate-unit",
        ),
        pytest.param(
            json.dumps({"format": "tracker-plan", "version": 2, "title": "x"}),
            "比本程序新",
            id="newer-version",
        ),
        pytest.param(
            json.dumps({"format": "tracker-export", "version": 1, "plans": []}),
            "含 0 个方案",
            id="export-no-plan",
        ),
        pytest.param(
            broken(
                tasks__0__children__0__updates=[
                    {"period": "2023年二季度", "status": "done", "recorded_at": "2023-06-30T00:00:00"}
                ]
            ),
            "报告期",
            id="bad-period",
        ),
    ],
)
def test_broken_files_are_refused_with_a_precise_message(tmp_path: Path, content: str, expected: str) -> None:
    path = write(tmp_path, content, "方案 文件.json")
    with pytest.raises(PlanFileError) as info:
        load_plan_file(path)
    message = str(info.value)
    assert expected in message
    assert str(path) in message


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n"title": "测试"}'.encode("gbk"))
    with pytest.raises(PlanFileError, match="第 2 行不是 UTF-8"):
        load_plan_file(path)


def test_task_path_names_the_printed_code(tmp_path: Path) -> None:
    path = write(tmp_path, broken(tasks__0__children__0__units__0__role="boss"))
    with pytest.raises(PlanFileError, match="任务 1 任务"):
        load_plan_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="找不到方案文件"):
        load_plan_file(tmp_path / "无此文件.json")
