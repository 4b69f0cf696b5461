"""The columns of a task list: header words, and the `--columns 任务=B,牵头单位=D` mapping."""

from __future__ import annotations

import re

from openpyxl.utils import column_index_from_string, get_column_letter

from tracker.errors import BadInput

# field → header words, most specific first. Order of FIELDS decides which field a header
# containing several words belongs to (“牵头单位” before “单位”, “工作目标” before “任务”).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "code": ("序号", "编号", "序"),
    "lead": (
        "牵头单位",
        "牵头部门",
        "牵头责任单位",
        "主要责任单位",
        "主责单位",
        "主办单位",
        "牵头科室",
        "牵头处室",
        "主要负责单位",
        "主办处室",
        "牵头",
    ),
    "support": (
        "配合单位",
        "协同单位",
        "配合部门",
        "协同部门",
        "协办单位",
        "参与单位",
        "配合科室",
        "配合处室",
        "协助单位",
        "协助部门",
        "参加单位",
        "协办处室",
        "会办单位",  # 人大建议 交办: 主办单位 answers, 会办单位 help
        "协作单位",
        "支撑单位",
        "配合",
    ),
    "responsible": (
        "责任单位",
        "责任部门",
        "责任主体",
        "承办单位",
        "实施单位",
        "责任科室",
        "责任处室",
        "责任处",
        "负责单位",
        "负责部门",
        "承办处室",
        "监考单位",
        "考核单位",
        "考评单位",
        "监测单位",
        "实施主体",
        "行使主体",  # 权责清单: who exercises the power answers for the duty
        "落实单位",
        "业主单位",
        "建设单位",
        "项目业主",
        "执行单位",
        "管理单位",  # 分级管理单位: the level answering for a project
        # the department guiding or in charge of an item of a list to spread or a project
        # (推广清单 | 指导部门, 项目 | 主管单位): it answers for the item
        "指导部门",
        "指导单位",
        "主管部门",
        "主管单位",
        # a duty table setting each department beside its duties (部门 | 主要职责)
        "部门",
        "部门名称",
        "职能部门",
    ),
    "deadline": (
        "完成时限",
        "时间节点",
        "完成时间",
        "时限要求",
        "完成期限",
        "时限",
        "进度安排",
        "时间安排",
        "完成节点",
        "节点",
        "截止时间",
        "限期时间",
        "限期",
        "办结时间",
        "截止日期",
        "完成日期",
        "时间要求",
        "时限安排",
        "完成时间要求",
        "整改时限",
        "整改期限",
        # “时间进度：全年推进 / 三季度完成”: the schedule a task keeps, i.e. its deadline
        "时间进度",
        "进度要求",
    ),
    "note": ("备注", "说明"),
    "content": (
        "权力责任事项",  # what a 权责清单 says the power or duty is, beside its name
        "工作内容",
        "具体措施",
        "工作目标",
        "目标任务",
        "主要内容",
        "具体内容",
        "工作措施",
        "主要措施",
        "工作举措",
        "具体举措",
        "具体任务",
        "任务内容",
        "建设内容",
        "工作标准",
        "工作要求",
        "目标要求",
        "任务单",
        "预期成果",
        "预期效果",
        "预期成效",
        "工作成效",
        "预期目标",
        "指标值",
        "目标",
        "内容",
        "措施",
    ),
    "title": (
        "重点任务",
        "工作任务",
        "任务名称",
        "事项名称",
        "项目名称",
        "项目",
        "重点事项",
        "主要任务",
        "重点工作",
        "主要工作",
        "具体工作",
        "工作事项",
        "工作名称",
        "改革任务",
        "民生实事",
        "实事项目",
        "实事名称",
        "民生项目",
        "工作要点",
        # a duty table (序号 | 职责 | 负责单位): each duty is a task
        "职责",
        "工作职责",
        "主要职责",
        "职责任务",
        "职责分工",
        "主要职责分工",
        # an indicator table (指标名称 | 年度目标 | 责任部门): each indicator is a task
        "指标名称",
        "目标名称",
        "主要指标",
        "考核指标",
        # a 交办 list of 人大建议 / 政协提案: each proposal is the item to handle
        "建议标题",
        "提案标题",
        "建议名称",
        "提案名称",
        "议案名称",
        "任务",
        "事项",
        # a 权责清单 (权力责任名称 | 行使主体 | 权力责任事项): each power or duty is a task
        "权力责任名称",
        "权责事项名称",
        "权力名称",
    ),
}
FIELDS = ("code", "lead", "support", "responsible", "deadline", "note", "content", "title")

# What the officer sees for each field (the dialog's choices, the error message's example).
FIELD_LABELS: dict[str, str] = {
    "code": "序号",
    "title": "任务",
    "content": "工作内容",
    "responsible": "责任单位",
    "lead": "牵头单位",
    "support": "配合单位",
    "deadline": "完成时限",
    "note": "备注",
}

_SPACE = re.compile(r"[\s\u3000]+")


def normalise_header(value: object) -> str:
    """“ 工作\n内容 ” → “工作内容”; brackets and their words dropped (“完成时限（年月）”)."""
    if value is None:
        return ""
    text = _SPACE.sub("", str(value))
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    text = re.sub(r"《[^》]*》", "", text)  # a document it quotes (落实《……》任务内容) names no field
    return text.strip("：:*")


def field_of_header(value: object) -> str | None:
    """The field a header cell names, or None."""
    text = normalise_header(value)
    if not text or len(text) > 16 or re.search(r"[。；;]", text):  # a sentence is a cell, not a header
        return None
    # “牵头单位及主要负责人”: the unit's column, its head's name printed under it
    text = UNIT_AND_HEAD.sub(r"\1", text)
    if text.endswith(("领导", "负责人", "联系人", "责任人")):  # a person (牵头市领导), never a unit column
        return None
    if text.endswith(("来源", "依据", "出处")):  # where a task came from (任务来源), not the task
        return None
    if text.endswith(("类型", "类别", "分类")):  # the kind of task (任务类型), not the task
        return None
    name = _field_of_words(text)
    if name in UNIT_FIELDS and SCORER.match(text):
        # who scores or examines the task (评分部门, 负责考核部门), not who does it; 评估内容 stays the
        # task's words, and 被考核单位 is the one examined, who does it
        return None
    return name


UNIT_FIELDS = ("lead", "support", "responsible")
UNIT_AND_HEAD = re.compile(
    r"^(\S{2,8}?(?:单位|部门|处室|科室))(?:及|和|与|、)(?:其)?(?:主要)?(?:负责人|责任人|负责同志|联系人)$"
)
SCORER = re.compile(r"(?:负责|牵头)?(?:评分|打分|计分|评价|评估|考核|考评)(?!责任)")


def _field_of_words(text: str) -> str | None:
    """The field whose header words a normalised header is, or holds."""
    for name in FIELDS:
        if text in HEADER_WORDS[name]:
            return name
    if text.endswith("序号"):  # 项目序号, 任务序号: the row's number, whatever it numbers
        return "code"
    for name in FIELDS:
        if name == "code" and text != "序":
            continue
        if any(word in text for word in HEADER_WORDS[name] if len(word) > 1):
            return name
    return _field_of_role_and_office(text)


# A header the word lists do not name may still be a role word before an office's kind
# (牵头股室, 责任站所, 配合科): counties name their offices 股室, towns 站所, and so on.
ROLE_WORDS = {
    "lead": ("牵头", "主办", "主责"),
    "support": ("配合", "协办", "协同", "参与", "协助", "参加", "会办"),
    "responsible": ("责任", "承办", "负责", "实施", "落实", "推进"),
}
OFFICE_KIND = re.compile(r"(单位|部门|处室|科室|股室|站所|处|科|股|室|所|局|机构|主体)$")


def _field_of_role_and_office(text: str) -> str | None:
    """“责任股室” → responsible: a role word, at most two more characters, an office's kind."""
    kind = OFFICE_KIND.search(text)
    if kind is None:
        return None
    for name, words in ROLE_WORDS.items():
        if text.startswith(words) and len(text) - kind.end() + kind.start() <= 4:
            return name
    return None


def match_headers(values: list[object]) -> dict[str, int]:
    """field → 1-based column for one row of header cells (first column wins per field)."""
    found: dict[str, int] = {}
    for index, value in enumerate(values, start=1):
        name = field_of_header(value)
        if name is not None and name not in found:
            found[name] = index
    if "title" not in found:
        # a 整改 list names its rows by the problem an inspection handed over (反馈问题, 交办问题
        # 基本情况): the task, where no column names the task itself. A 存在问题 column is a
        # diagnosis, and the measure beside it is the task (413)
        problem = next(
            (i for i, v in enumerate(values, start=1) if PROBLEM_HEADER.fullmatch(normalise_header(v))), None
        )
        if problem is not None:
            found["title"] = problem
    return found


PROBLEM_HEADER = re.compile(
    r"(?:反馈|交办|督察|督查|整改)问题(?:描述|清单|内容|概述|表现|名称|基本情况|具体情况)?"
    r"|反馈问题[（(]整改任务[)）]"
)


def field_of_label(label: str) -> str | None:
    """A `--columns` key: a header word (任务, 牵头单位, 时间节点 …) or the field name itself."""
    label = label.strip()
    if label in FIELD_LABELS:
        return label
    return field_of_header(label)


def parse_column_spec(spec: str) -> dict[str, int]:
    """“任务=B,牵头单位=D” → {"title": 2, "lead": 4}; a clear message for anything else."""
    mapping: dict[str, int] = {}
    for part in re.split(r"[,，;；\s]+", spec.strip()):
        if not part:
            continue
        key, sep, letter = part.replace("＝", "=").partition("=")
        if not sep:
            raise BadInput(f"--columns 中的“{part}”应写成 列名=列字母，例如 任务=B (bad --columns)")
        name = field_of_label(key)
        if name is None:
            known = "、".join(FIELD_LABELS.values())
            raise BadInput(f"--columns 中的列名“{key}”不认识，可用：{known} (unknown column name)")
        letter = letter.strip().upper()
        try:
            if not re.fullmatch(r"[A-Z]{1,3}", letter):
                raise ValueError(letter)
            mapping[name] = column_index_from_string(letter)
        except ValueError:
            raise BadInput(
                f"--columns 中“{key}”的列“{letter}”不是 Excel 列字母（A、B、C…）(bad column letter)"
            ) from None
    if "title" not in mapping and "content" not in mapping:
        raise BadInput("--columns 至少要指定“任务”或“工作内容”所在的列，例如 --columns 任务=B")
    return mapping


def describe_mapping(mapping: dict[str, int]) -> str:
    return ",".join(f"{FIELD_LABELS[name]}={get_column_letter(col)}" for name, col in mapping.items())
