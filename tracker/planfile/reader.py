"""Read a plan file and refuse it whole, with file, JSON path and field, when it is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tracker.errors import BadInput
from tracker.planfile.model import Plan

MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024
# Objects and lists inside one another: a real plan nests tasks a few levels deep (about a
# dozen containers); a file nested far deeper is a mistake or an attack on the parser.
MAX_JSON_DEPTH = 64


class PlanFileError(BadInput):
    """A plan file that cannot be read as a plan."""


def json_path(loc: tuple[int | str, ...]) -> str:
    """`('tasks', 3, 'units', 0, 'role')` → `$.tasks[3].units[0].role`."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _describe_task(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Name the innermost task on the path by its 序号, so an officer can find it."""
    node = raw
    label = ""
    for i, part in enumerate(loc):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and i > 0 and loc[i - 1] in ("tasks", "children"):
            code = node.get("code")
            title = node.get("title")
            if isinstance(code, str):
                label = f"（任务 {code}{' ' + title[:20] if isinstance(title, str) else ''}）"
    return label


_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不认识的字段",
    "literal_error": "取值不在允许范围内",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字（不能是 NaN、Infinity 或超出范围的数如 1e309）",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "datetime_parsing": "时间格式应为 ISO-8601",
    "datetime_from_date_parsing": "时间格式应为 ISO-8601",
    "list_type": "应为列表",
    "model_type": "应为对象",
    "bool_type": "应为 true 或 false",
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不对",
}


def format_validation_error(source: str, raw: Any, error: ValidationError) -> str:
    """One line per problem: where (JSON path, task 序号), what, and the value found."""
    lines = [f"方案文件 {source} 有 {error.error_count()} 处错误 (invalid plan file):"]
    for item in error.errors()[:30]:
        loc = tuple(item["loc"])
        field = str(loc[-1]) if loc else ""
        what = _MESSAGES.get(item["type"], "")
        detail = item["msg"].removeprefix("Value error, ")
        message = f"{what}: {detail}" if what else detail
        found = ""
        if item["type"] not in ("missing",) and "input" in item:
            shown = json.dumps(item["input"], ensure_ascii=False)
            if len(shown) <= 60:
                found = f"，实际为 {shown}"
        lines.append(f"  {json_path(loc)}{_describe_task(raw, loc)} 字段“{field}”：{message}{found}")
    if error.error_count() > 30:
        lines.append(f"  ……另有 {error.error_count() - 30} 处")
    return "\n".join(lines)


def unwrap_export(raw: Any, source: str) -> Any:
    """Accept a whole `tracker-export` holding exactly one plan, as the contract allows."""
    if isinstance(raw, dict) and raw.get("format") == "tracker-export":
        version = raw.get("version")
        if version != 1:
            raise PlanFileError(f"{source}: 导出文件版本 {version} 不受支持，本程序只认识版本 1")
        plans = raw.get("plans")
        if not isinstance(plans, list) or len(plans) != 1:
            count = len(plans) if isinstance(plans, list) else 0
            raise PlanFileError(
                f"{source}: 导出文件含 {count} 个方案，导入方案时只能含 1 个 (export holds {count} plans)"
            )
        return plans[0]
    if isinstance(raw, dict) and raw.get("format") not in (None, "tracker-plan"):
        raise PlanFileError(f"{source}: 未知的文件格式“{raw.get('format')}” (unknown format)")
    if isinstance(raw, dict) and raw.get("version") not in (None, 1):
        raise PlanFileError(
            f"{source}: 方案文件版本 {raw.get('version')} 比本程序新，请升级程序 (newer version)"
        )
    return raw


def json_depth(value: Any) -> int:
    """How many objects and lists are nested at the deepest point (iterative: no recursion)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


def _too_deep(source: str) -> PlanFileError:
    return PlanFileError(
        f"{source}: 嵌套层数过深（超过 {MAX_JSON_DEPTH} 层对象或列表），不是正常的方案文件 (nested too deeply)"
    )


def parse_plan(text: str, source: str = "<text>") -> Plan:
    """Parse and validate plan JSON text; raise PlanFileError naming line or path.

    Rule: objects and lists nest at most MAX_JSON_DEPTH deep; the file is refused otherwise.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            f"{source} 第 {exc.lineno} 行第 {exc.colno} 列不是合法的 JSON：{exc.msg} (invalid JSON)"
        ) from None
    except RecursionError:
        raise _too_deep(source) from None
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise _too_deep(source)
    raw = unwrap_export(raw, source)
    if not isinstance(raw, dict):
        raise PlanFileError(f"{source}: 方案文件顶层应为一个 JSON 对象 (top level must be an object)")
    try:
        return Plan.model_validate(raw)
    except ValidationError as exc:
        raise PlanFileError(format_validation_error(source, raw, exc)) from None


def load_plan_file(path: Path) -> Plan:
    """Read a plan file from disk: UTF-8 (with or without BOM), size-limited."""
    try:
        size = path.stat().st_size
        if size > MAX_PLAN_FILE_BYTES:
            raise PlanFileError(f"{path}: 文件过大（{size} 字节），方案文件上限 50 MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(f"找不到方案文件 {path} (file not found)") from None
    except IsADirectoryError:
        raise PlanFileError(f"{path} 是文件夹，不是方案文件 (is a directory)") from None
    except PermissionError:
        raise PlanFileError(f"无权读取方案文件 {path} (permission denied)") from None
    if not data.strip():
        raise PlanFileError(f"方案文件 {path} 是空的 (empty file)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PlanFileError(
            f"方案文件 {path} 第 {line} 行不是 UTF-8 编码（第 {exc.start} 字节），请另存为 UTF-8 (not UTF-8)"
        ) from None
    return parse_plan(text, str(path))
