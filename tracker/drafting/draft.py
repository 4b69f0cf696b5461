"""Assemble a draft plan: header + task tree + units + targets + indicator tables.

General rules only: the same code reads any 方案 / 规划 written in the usual numbered
style. Whatever the drafter had to guess is listed in `Draft.warnings` for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from tracker.drafting import targets as tg
from tracker.drafting.appendix import find_appendix_lists
from tracker.drafting.bare_numbers import mark_bare_numbers
from tracker.drafting.blocks import Block, Table, load_blocks, text_blocks
from tracker.drafting.contents import without_contents
from tracker.drafting.cutoff import drop_cut_off_item, drop_cut_off_units
from tracker.drafting.findings import PROBLEMS_HEADING, finding_tasks, is_inspection_notice, places_named
from tracker.drafting.header import Header, find_header, year_of_file_name
from tracker.drafting.label_table import label_table_lines, labelled_cell_lines
from tracker.drafting.labels import DEADLINE_WORDS, is_label_line, labels_units, parse_fields
from tracker.drafting.lead_by_comma import comma_lead_lines
from tracker.drafting.metrics import metrics_from_text
from tracker.drafting.ordinals import ordinal_items
from tracker.drafting.outline import (
    MAX_TITLE,
    Node,
    actors_in_duty_lists,
    actors_of_the_intro,
    actors_under_division,
    bodies_as_sentences,
    body_gives_way_to_appendix,
    closing_notice_deadline,
    duties_appendix_replaces_body,
    duty_lines,
    duty_paragraphs,
    duty_sentences,
    every_node,
    fold_checklists,
    fold_problem_points,
    fold_template_parts,
    heading_of,
    inherit_heading_leads,
    inherit_heading_units,
    items_headed_by_duties,
    items_opening_with_their_body,
    items_under_body_headings,
    label_bare_lines,
    lift_closing_units,
    notice_deadline,
    numbered_label_values,
    parse_outline,
    points_over_problems,
    roster_duties,
    share_closing_deadline,
    share_closing_note,
    share_closing_units,
    share_group_labels,
    split_run_on,
    subject_duty_lines,
    unit_headed_items,
)
from tracker.drafting.paragraphs import quoted_tasks, split_items, split_multi_unit_items
from tracker.drafting.problem_form import problem_form_lines
from tracker.drafting.progress import report_period
from tracker.drafting.record_form import record_form_lines
from tracker.drafting.review import ReviewMark, new_warnings, review_marks
from tracker.drafting.serial_codes import unique_code
from tracker.drafting.subjects import subject_units
from tracker.drafting.tables import TableRow, find_tables
from tracker.drafting.task_table import Grid, SheetReader
from tracker.drafting.task_table import find_header as find_table_header
from tracker.drafting.text import PAGE_FIELD, normalise_line, restore_breaks
from tracker.drafting.texttables import numbered_cell_tables
from tracker.drafting.traditional import is_traditional, to_simplified
from tracker.drafting.unit_codes import decode, unit_code_key
from tracker.drafting.units import (
    FoundUnits,
    document_names_lead,
    find_units,
    from_fields,
    looks_like_unit,
    split_units,
)
from tracker.drafting.year_rows import year_row_metrics
from tracker.errors import BadInput
from tracker.importers.columns import match_headers
from tracker.importers.deadlines import Deadline, parse_deadline
from tracker.numbers import is_finite
from tracker.planfile import model as pf

# “主要目标是：”, “工作目标为：”: the opening paragraph states the plan's goals from here
GOALS_STATED = re.compile(r"(?:主要|总体|工作|年度|发展)?目标(?:任务)?(?:是|为)[：:]")
# an item that frames the work (“排查范围”, “活动时间”) rather than doing it, unless it names units
FRAMING = re.compile(r"(?:活动|整治|排查|检查|实施|工作|行动)(?:时间|主题|对象|范围|时限|地点|依据|原则)")
EXCLUDED = re.compile(
    r"(总体要求|指导思想|基本原则|主要目标|发展目标|总体目标|工作目标|保障措施|保障举措|组织实施|组织保障|"
    r"发展现状|现实基础|形势|总体思路|背景|发展基础|重点领域|工作要求|有关要求|其他要求|实施步骤|进度安排|"
    r"(?:行动|活动|整治|专项)(?:目标|要求)|具体要求|相关要求|"
    # what an inspection looks at (整治重点, 重点检查药品品种), not work given to a body
    r"(?:整治|检查|排查|督查|执法|打击|行动)重点|重点(?:整治|检查|排查|打击)[\u4e00-\u9fa5]{0,4}(?:行为|对象|品种|问题|范围)|"
    r"分工原则|职责分工|总体情况|基本情况|存在的问题|存在问题|主要问题|工作回顾|主要成效|取得成效|下一步工作|"
    rf"下步工作|甲方责任|乙方责任|考核奖惩|奖惩办法|附则|总则|{FRAMING.pattern})"
)
# a body's roster: its chair, deputies and members, persons by name
ROSTER = re.compile(
    r"^(?:副?组\s*长|副?指\s*挥\s*长|副?主\s*任|副?总\s*指\s*挥|成\s*员|副?召\s*集\s*人)\s*[：:]"
)
# the parts of a plan that say why and how, never what to do (unless they name units)
PREAMBLE = re.compile(r"^(指导思想|基本原则|总体思路|发展现状|现实基础|发展基础|面临形势|形势分析)[。.]?$")
TASK_WORDS = re.compile(r"(任务|行动|举措|工程|抓手|措施|重点工作|(?:工作|建设|整治|主要|重点)内容)")
GOAL_WORDS = re.compile(r"(主要目标|发展目标|总体目标|工作目标|目标要求|具体目标|阶段目标)")
STATED_GOALS = re.compile(r"(目标要求|具体目标|阶段目标)")  # each item under it states goals of the plan
YEAR_GOALS = re.compile(r"^((?:19|20)\d\d)\s*年(?:度)?(?:的)?(?:主要|工作|发展)?目标")
DEADLINE = re.compile(r"(到|至)\s*(20\d\d)\s*年")
UNITS_PRINTED = re.compile(
    r"(?:牵头|责任|配合|主办|协办)(?:单位|部门)\s*[：:]|^\s*(?:牵头|责任|配合)(?:单位|部门)\s*$", re.MULTILINE
)
PLAIN_AMOUNT = re.compile(
    r"达到|达|建成|完成|实现|新增|新建|改建|培育|引进|建设|打造|组建|举办|开展|实施|认定|创建|签约|招引|改造|培训|接种|筛查"
)
DEADLINE_SENTENCE = re.compile(
    r"(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月|第?[一二三四1-4]\s*季度|[上下]半年|年)?\s*(?:底|末)?(?:前|以前)(?:全面)?(?:完成|建成|实现|到位)?"
    r"|长期坚持|持续推进"
)


@dataclass
class Draft:
    """A drafted plan, what had to be guessed, and the tasks the officer should check first."""

    plan: pf.Plan
    warnings: list[str] = field(default_factory=list)
    marks: list[ReviewMark] = field(default_factory=list)


def _section_nodes(roots: list[Node]) -> list[Node]:
    """The top nodes of the document's body (chapters, else 一、 sections)."""
    nodes = roots
    if nodes and all(n.level == 0 for n in nodes):
        return nodes
    return nodes


def _names_units(node: Node) -> bool:
    """The node or an item under it prints its units (a bracket, a sentence or label lines)."""
    if node.labels or find_units(node.text) is not None:
        return True
    told = [not c.children and subject_units(c.sentences) is not None for c in node.children]
    if len(told) >= 2 and sum(told) * 3 >= len(told) * 2:
        return True  # “（二）加强统筹管理。区政府应……”: most items give their work to a named body
    return any(_names_units(child) for child in node.children)


STEPS = re.compile(r"步骤|进度安排|时间安排|阶段安排|实施进度|工作进度|进度计划")
# a stage of a campaign (“动员部署阶段”): named by its dates as much as by its words
STAGE_NAME = re.compile(r"阶段[，,。 ]*$")


AFTER_NAME = re.compile(r"^[。.]?\s*[（(][^（）()]*[）)]")


def _closing_deadline(node: Node) -> re.Match[str] | None:
    """The deadline in the bracket closing an item's name (“全面摸底排查（4月30日前）”)."""
    found = NAME_DEADLINE.search(node.title.rstrip("。 "))
    if found is None:
        # “2.梳理整改任务清单。(8月28日至9月5日)。”: the bracket right after the name's full stop
        after = AFTER_NAME.match(node.heading.strip()[len(node.title) :])
        found = NAME_DEADLINE.search(after.group()) if after else None
    if found is None:
        # “（一）动员部署阶段（4月底前）：全面部署任务，……”: the stage's name before its colon
        lead, colon, _ = node.title.partition("：")
        found = NAME_DEADLINE.search(lead) if colon and len(lead) <= STAGE_LEAD_MOST else None
    return _time_alone(found)


STAGE_LEAD_MOST = 24  # “集中整治阶段（5-7月）”: a stage's name and its dates before the colon


def _time_alone(found: re.Match[str] | None) -> re.Match[str] | None:
    """A bracket of deadline words, not one that also names who does the work."""
    return found if found and not re.search(r"牵头|负责|单位", found["words"]) else None


# a stage's words opening with its months: “2016年5月—6月，……”, “9月底前，……”
_MONTH = r"(?:(?:19|20)\d\d\s*年)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
OPENING_TIME = re.compile(
    rf"^(?P<words>{_MONTH}(?:\s*[—\-–~～至到]\s*{_MONTH})?(?:份)?(?:底|末|上旬|中旬|下旬)?(?:前)?)\s*[，,]"
)
STAGE_NAME_MOST = 8  # 动员部署, 组织实施, 验收考核: a stage is named in a few words


# “开展专项治理活动，时间：4月1日至12月底。”: a time label in the item's own sentence
TIME_LABEL = re.compile(r"[，,]\s*(?:时间|时限|完成时间)\s*[：:]\s*(?P<words>[^。；;，,（）()]{2,24})")


# “室外广场硬化、绿化，4月20日前完工”: the name's last clause says by when the work is done
CLAUSE_DUE = re.compile(
    rf"[，,]\s*(?P<words>{_MONTH}(?:份)?(?:底|末|上旬|中旬|下旬)?(?:前|以前|之前)?"
    r"(?:全面|全部|基本)?(?:完成|完工|建成|竣工|投用|投入使用|到位|办结|结束))$"
)


def _dated_steps(node: Node) -> bool:
    """“五、实施步骤” whose steps each print when they are due: tasks to follow up, dated."""
    title = node.title.rstrip("。：: ")
    return bool(STEPS.search(title)) and sum(bool(_closing_deadline(c)) for c in node.children) >= 2


# a heading that is only a time (“（一）一季度”, “3月份”, “下半年”): the paragraph below says the work
WHEN_ONLY = re.compile(
    r"(?:(?:19|20)\d\d\s*年)?(?:第?[一二三四1-4]季度|[上下]半年|年底前?|年内"
    r"|\d{1,2}\s*(?:[-—–~～至到]\s*\d{1,2}\s*)?月(?:份)?(?:底|末|上旬|中旬|下旬)?(?:前)?)"
)


def _named_by_its_time(node: Node) -> bool:
    """Rule: an item headed by a time alone (“（一）一季度”) over a paragraph is that paragraph's
    task, named by its first sentence and due when the time ends."""
    return (
        not node.children
        and bool(node.content.strip())
        and bool(WHEN_ONLY.fullmatch(re.sub(r"\s+", "", node.title.rstrip("。：: "))))
    )


# “重点针对以下问题：”, “凡存在以下情形的，……”: the items below list what is looked for
TARGETED = re.compile(
    r"(?:以下|下列|如下)(?:\d+|[一二三四五六七八九十]+)?(?:个|类|种|项)?(?:主要|突出|重点)?(?:问题|情形|行为|现象)"
    r"(?:[：:]$|的)|(?:达不到|不符合|不满足|违反)(?:以下|下列|如下)(?:要求|规定|标准|条件)"
)


# “出现以下情形之一的，为重大信息：”, “有下列行为之一的，……”: a class defined by its cases
CONDITION = re.compile(r"^[^，,。；;]{0,10}?(?:以下|下列|如下)(?:情形|情况|行为|条件)之一的")


def _lists_what_is_targeted(node: Node) -> bool:
    """Rule: items under an introduction naming “以下问题：” (情形, 行为) are the wrongs an
    inspection looks for, not work given to a body."""
    intro = [b.strip() for b in node.body if b.strip()] or [node.heading.strip()]
    return bool(node.children) and bool(TARGETED.search(intro[-1]))


def _excluded(node: Node) -> bool:
    """A section that is not a task list (总体要求, 主要目标, 保障措施 …) unless its items name units.

    Offices put tasks with their units under a heading such as “落实主要目标和总体部署”: where
    the items print who does them, they are tasks whatever the heading says.
    """
    # the heading's lead phrase, not words deep in an item (“……按职责分工负责”); a heading with
    # a figure in it is work to do (“1.组织实施重大科技专项15项”), never a part that says how
    title = re.sub(r"\s+", "", node.title).rstrip("。：:")  # “总  则”, spaced out as printed
    phrases = list(EXCLUDED.finditer(title))
    if _dated_steps(node):
        return False
    return (
        bool(phrases)
        and len(title) <= 30
        and not re.search(r"\d", title)
        and phrases[-1].end() >= len(title) - 2  # the phrase closes the heading (“三、强化组织实施”)
        and not _names_units(node)
    )


# a report's sections: what was done (工作开展基本情况) and what went wrong (存在的主要问题) …
REPORTED = re.compile(
    r"(?:[\u4e00-\u9fa5]{0,8}?(?:工作)?(?:开展|进展|推进|落实|完成|整改)?(?:的)?(?:基本)?情况"
    r"|(?:存在|发现)的?(?:主要|突出)?问题(?:及原因)?|主要问题|工作回顾|(?:主要|取得的?)成效)"
)
# … and what comes next (下一步工作要求): a report's tasks
NEXT_STEPS = re.compile(r"(?:下一?步|今后)(?:的)?(?:工作)?(?:要求|打算|安排|计划|措施|重点|意见|建议)?")


def _bare_heading(node: Node) -> str:
    return re.sub(r"\s+", "", node.title.rstrip("。：: "))


def _task_sections(roots: list[Node]) -> list[Node]:
    top = _section_nodes(roots)
    # chapters hold sections: look one level down for the tasks
    flat: list[Node] = []
    for node in top:
        if node.level == 0 and not _excluded(node):
            flat.extend(
                node.children if node.children and all(c.level == 1 for c in node.children) else [node]
            )
        elif node.level > 0:
            flat.append(node)
    kept = [n for n in flat if (n.children or _between(n, flat)) and not _excluded(n)]
    ahead = [n for n in flat if n.children and NEXT_STEPS.fullmatch(_bare_heading(n))]
    if ahead and any(REPORTED.fullmatch(_bare_heading(n)) for n in flat):
        # a report (通报): what was done and what went wrong are reported, the next steps are the tasks
        kept = [n for n in flat if n in ahead or (n in kept and not REPORTED.fullmatch(_bare_heading(n)))]
    if not any(_names_units(n) for n in kept):
        # a list that names no units anywhere (为民办实事): every section is a group of tasks
        return kept
    preferred = [n for n in kept if TASK_WORDS.search(n.heading)]
    if not preferred:
        return kept
    # a section named otherwise (“一、年度计划目标”) whose items print their units holds tasks too
    return [n for n in kept if n in preferred or _names_units(n) or _dated_steps(n)]


def _between(node: Node, nodes: list[Node]) -> bool:
    """A section with no items of its own, numbered in one run with sections that have items, is a task.

    “二、实施城区棚户区改造” over one line of text, among sections of numbered items, is one
    task whose items were never split out. A notice's own 一、二、三、 (“各单位要高度重视……”)
    before its 方案 starts again at 一、 is not; nor are 工作要求 and the like (EXCLUDED).
    """
    if node.children or node.level != 1 or not (node.body or re.search(r"[。；]", node.heading)):
        return False
    return any(n.children for n in _numbering_run(node, nodes))


def _numbering_run(node: Node, nodes: list[Node]) -> list[Node]:
    """The sections numbered in one run with `node`: a notice's 一、二、 and its 方案's 一、 differ."""
    runs: list[list[Node]] = []
    for n in nodes:
        if not runs or (n.level == 1 and n.code == "一"):
            runs.append([])
        runs[-1].append(n)
    return next(run for run in runs if node in run)


def _parse_cell_target(text: str, year: int, unit: str | None) -> pf.Target | None:
    cell = text.strip()
    if not cell:
        return None
    bare = re.fullmatch(r"(\D*?)(\d+(?:\.\d+)?(?:\s*[-—–~～]\s*\d+(?:\.\d+)?)?)(\D*)", cell)
    probe = f"{bare.group(1)}{bare.group(2)}{unit or '个'}{bare.group(3)}" if bare else cell
    found = tg.find_targets(probe, year)
    if found:
        t = found[0]
        return pf.Target(
            year=year,
            value=t.value,
            max=t.max,
            comparator=t.comparator,
            kind=t.kind,
            text=cell,
        )
    number = re.search(r"\d+(?:\.\d+)?", cell)
    if number and is_finite(float(number.group())):
        return pf.Target(year=year, value=float(number.group()), comparator="=", text=cell)
    return pf.Target(year=year, comparator="text", text=cell)


def _table_metric(row: TableRow, start: int | None) -> pf.Metric:
    baseline = None
    targets: list[pf.Target] = []
    for year in sorted(row.values):
        text = row.values[year]
        if start is not None and year < start:
            number = re.search(r"\d+(?:\.\d+)?", text)
            if number and is_finite(float(number.group())):
                baseline = pf.Baseline(year=year, value=float(number.group()), text=text)
            continue
        target = _parse_cell_target(text, year, row.unit)
        if target is not None:
            targets.append(target)
    return pf.Metric(
        name=row.name, unit=row.unit, baseline=baseline, targets=targets, source="指标表", note=row.note
    )


INLINE_DEADLINE = re.compile(
    rf"(?:^|[。；;）)])\s*(?:{DEADLINE_WORDS})\s*[：:]\s*(?P<words>[^。；;（）()]{{2,30}})"
)
# “（二）全面摸底排查（4月30日前）。……”: a bracket closing the item's name holds its deadline
NAME_DEADLINE = re.compile(
    r"[（(](?P<words>[^（）()]{0,12}?(?:\d{1,2}\s*月|季度|[上下]半年|年底|年末)[^（）()]{0,14}|长期坚持|持续推进)[）)]\s*$"
)
# a unit's name is a few words; more is a page's text under a label, never a name (plan files hold 200)
UNIT_NAME_MAX = 100


# a paragraph's own short lead sentence, which names its task where the heading only groups
LEAD_SENTENCE = re.compile(r"^[^。；，,：:]{4,24}。")


class _Builder:
    def __init__(
        self, text: str, header_year: int | None, lead_rule: bool, start_year: int | None = None
    ) -> None:
        self.text = text
        self.year = header_year
        self.section_year: int | None = None  # the year the section's heading names for its goals
        self.start = start_year
        self.lead_rule = lead_rule
        self.rule_line = 0  # the line the rule is stated on: “……，下同” holds from there on
        self.warnings: list[str] = []
        self.any_units = False
        self.printed: dict[int, str] = {}  # id(task) → the item's text as printed
        self.sentences: dict[int, str] = {}  # id(task) → its words as sentences (Node.sentences)
        self.words: dict[int, str] = {}  # id(task) → its text without label lines
        self.line_of: dict[int, int] = {}  # id(task) → the line its item starts on
        self.plan_metrics: list[pf.Metric] = []  # goals stated above the tasks, for the whole plan
        self.marks: list[ReviewMark] = []  # doubts the reading itself knows of (units from a sentence)

    def _units(self, found: FoundUnits, node: Node | None = None) -> list[pf.UnitRef]:
        """Roles: names under 牵头 are all lead; where none is, the document's rule decides.

        A rule written into one task's list (“……，列第一位的为牵头单位，下同”) holds for that
        task and the ones after it, not for those printed before it.
        """
        names = [n for n in found.names if len(n) <= UNIT_NAME_MAX]
        if len(names) < len(found.names):  # a label with a page of text after it is no unit's name
            where = f"第{node.code}项" if node is not None and node.code else "一项任务"
            self.warnings.append(f"{where}：有单位名称超过{UNIT_NAME_MAX}字，未录入，请核对原文")
        rule = self.lead_rule and (
            node is None
            or node.line >= self.rule_line
            or document_names_lead("".join([node.heading, *node.body]))
        )
        if found.leads:
            return [pf.UnitRef(name=n, role="lead" if n in found.leads else "support") for n in names]
        if found.supports and all(n in found.supports for n in names):
            return [pf.UnitRef(name=n, role="support") for n in names]
        if rule:
            return [pf.UnitRef(name=n, role="lead" if i == 0 else "support") for i, n in enumerate(names)]
        # 责任单位 printed beside 配合单位 answer for the task and lead the helpers
        own = "lead" if found.supports else "responsible"
        return [pf.UnitRef(name=n, role="support" if n in found.supports else own) for n in names]

    def expand(self, node: Node) -> None:
        """Unnumbered paragraphs under an item, each naming its units, become its items.

        Rule: a section heading over one paragraph that names units is itself the task, unless
        the paragraph opens with a short sentence of its own (at most 24 characters), which
        then names the task under the heading.
        """
        if node.children:
            for child in node.children:
                self.expand(child)
            return
        if node.points and any(labels_units(b.strip()) for b in node.body):
            return  # its measures (“整改措施：1.……”) folded into it: one task, whatever they name
        items = split_items(node, node.body)
        section_like = node.level <= 1 and not re.search(r"[。；]", node.heading) and not node.labels
        if items is None and section_like and find_units(node.heading) is None:
            # a section heading (“一、扩大内需”) over one paragraph that names its units
            items = split_items(node, node.body, minimum=1)
            if items is not None and len(items) == 1 and not LEAD_SENTENCE.match(items[0].heading):
                # the heading names the task and its one paragraph details it, unless that
                # paragraph opens with a short sentence of its own (“完善准入机制。……”) naming it
                items = None
        if items is not None:
            node.body = []
            node.children = items

    def task(self, node: Node, path: str) -> pf.Task:
        path = f"{path}{node.group}" if node.group else path  # the split item's shared lead phrase
        body = node.content
        units: list[pf.UnitRef] = []
        labelled = from_fields(parse_fields("；".join(node.labels)), (0, 0)) if node.labels else None
        found = find_units(node.text) if not node.children else None
        if labelled is not None and labelled.names:
            found, deadline_words = labelled, labelled.deadline
        else:
            deadline_words = (labelled.deadline if labelled else None) or (found.deadline if found else None)
        if found is not None and not node.children and found.names:
            self.any_units = True
            if found is not labelled and not found.inline:
                text = node.text
                body_text = (text[: found.span[0]] + text[found.span[1] :]).strip()
                heading_len = len(node.title)
                body = (
                    body_text[heading_len:].lstrip("。！! ")
                    if body_text.startswith(node.title)
                    else body_text
                )
            units = self._units(found, node)
        elif node.children and find_units(node.text) is not None:
            self.any_units = True
        if not deadline_words and found is not None and found is not labelled and found.names:
            # “……监测数据共享。2020年年底前完成。（市环保局牵头……）”: the sentence right before the
            # units, of deadline words alone, is the task's deadline
            before = re.split(r"[。；;]", node.text[: found.span[0]].rstrip("。；; "))[-1].strip()
            if DEADLINE_SENTENCE.fullmatch(before):
                deadline_words = before
        if not deadline_words:
            # “1.创建国家创新型城市……。完成时限：2027年第三季度。”: the label in the item's own line
            inline = INLINE_DEADLINE.search(node.text)
            deadline_words = inline.group("words").strip() if inline else None
        closing = _closing_deadline(node)
        if closing and not deadline_words:
            deadline_words = closing["words"].strip()
        opening = OPENING_TIME.match(node.content) if not deadline_words and not node.children else None
        if opening and len(node.title) <= STAGE_NAME_MOST and not re.search(r"\d", node.title):
            # “（一）动员部署。2016年5月—6月，各乡镇……”: a stage named in a few words, then its months
            deadline_words = opening["words"]
        if not deadline_words and not node.children:
            # “……确保问题第一时间整改到位。（4月底前）”: a bracket of time alone closing its words
            last = _time_alone(NAME_DEADLINE.search(node.text.rstrip("。；; ")))
            if last:
                deadline_words = last["words"].strip()
        due = (
            CLAUSE_DUE.search(node.title.rstrip("。；; "))
            if not deadline_words and not node.children
            else None
        )
        if due and parse_deadline(due["words"], self.year).deadline is not None:
            deadline_words = due["words"].strip()  # “规划馆布展，4月20日前完成”: its own last clause
        timed = TIME_LABEL.search(node.heading) if not deadline_words else None
        if timed and parse_deadline(timed["words"], self.year).deadline is not None:
            deadline_words = timed["words"].strip()
        when_only = _named_by_its_time(node)
        if when_only:
            deadline_words = node.title.rstrip("。：: ")
        leader = (labelled.leader if labelled else None) or (found.leader if found else None)
        deadline_years = [int(y) for _, y in DEADLINE.findall(node.text)]
        deadline = date(max(deadline_years), 12, 31) if deadline_years else None
        deadline_text = f"到{max(deadline_years)}年" if deadline_years else None
        recurring = "yearly" if "每年" in node.heading else None
        if deadline_words:
            read = parse_deadline(deadline_words, self.year)
            deadline, deadline_text = read.deadline, read.text
            if read.recurring and re.search(r"每年|逐年|年度", read.text or ""):
                recurring = "yearly"
            if not read.understood:
                self.warnings.append(f"{path}：完成时限“{read.text}”未能识别为日期，请核对")
        children: list[pf.Task] = []
        codes: set[str] = set()
        again: dict[str, int] = {}
        shared_due: Deadline | None = None
        for child in node.children:
            if ROSTER.match(child.heading.strip()) and not child.children:
                continue  # “（一）主 任：某某 副主任：……”: who sits on a body is no task
            framing = FRAMING.fullmatch(child.title.rstrip("。：: "))
            if _lists_what_is_targeted(child) and not _names_units(child):
                continue  # “重点针对以下问题：1.……2.……”: the wrongs to look for, not tasks
            if CONDITION.match(child.heading.strip()) and not child.children and not _names_units(child):
                continue  # “（一）出现以下情形之一的，为一般风险预警信息：……”: a definition, no work
            if (PREAMBLE.search(child.heading) or framing) and not _names_units(child):
                if framing and framing.group().endswith(("时限", "时间")) and child.content:
                    # “4.排查时限。2023年6月底前完成所有排查。”: when the items beside it are due
                    shared_due = parse_deadline(child.content, self.year)
                continue  # “（一）指导思想” under a section whose “（二）主要目标” names units
            kid = self.task(
                child, f"{path}{child.code}" if not child.generated else f"{path}第{child.code}段"
            )
            printed = kid.code
            kid.code = unique_code(printed, codes, again)
            if kid.code != printed:
                self.warnings.append(f"{path}{child.code}：序号重复，已改为“{kid.code}”")
            children.append(kid)
        if closing and deadline and deadline_words == closing["words"].strip():
            # “（一）准备阶段（2月25日-3月25日）” over its steps: each is due when the stage ends
            shared_due = shared_due or Deadline(deadline, deadline_text, False, False, True)
        if shared_due is not None and shared_due.deadline is not None:
            for kid in pf.iter_tasks(children):
                if kid.deadline is None and not kid.deadline_text:
                    kid.deadline, kid.deadline_text = shared_due.deadline, shared_due.text
        title = node.title or node.code
        if when_only:
            title = re.split(r"[。；;！!]", body.strip(), maxsplit=1)[0][:MAX_TITLE].strip() or title
        if (
            found is not None
            and found is not labelled
            and not found.inline
            and found.span[1] <= len(node.heading)
        ):
            # the units were printed inside the heading line: the name is read without them
            bare = node.heading[: found.span[0]] + node.heading[found.span[1] :]
            if not bare.strip().startswith(("，", ",", "；", ";")):
                # (“活动由X牵头负责，在活动结束后……”: a clause that opens the sentence stays in it)
                title = Node(node.level, node.code, bare.strip()).title or title
        if closing and deadline_words == closing["words"].strip():
            # the deadline is read out of the name it closed: “全面摸底排查（4月30日前）” → 全面摸底排查;
            # a stage keeps its dates, which are its name (“打击阶段（6月8日至6月15日）”)
            named = NAME_DEADLINE.search(title)
            if named and named.start() >= 2 and not STAGE_NAME.search(title[: named.start()]):
                title = title[: named.start()].rstrip("，,。 ")
        year = (
            deadline.year
            if deadline and deadline_words
            else (max(deadline_years) if deadline_years else (self.section_year or self.year))
        )
        goal_text = body if body.startswith(title) else f"{title}。{body}"
        if found is not None and found.progress_after:  # “这项工作由X负责，已完成……”: no goals after it
            goal_text = node.text[: found.span[0]]
        if node.children:
            # a group's own paragraph (“2025年，力争研发投入强度达到2.95%”) states the group's goals
            intro = "".join(b for b in node.body if not is_label_line(b))
            metrics = metrics_from_text(intro, year, path, self.start) if intro else []
        else:
            metrics = metrics_from_text(goal_text, year, path, self.start)
        if len(node.heading) > 60 and node.title == node.heading[:60]:
            self.warnings.append(f"{path}：任务名称不明确，已截取前 60 字")
        for metric in metrics:
            # a count (“新建2座”, “选派100名”) says the figure itself; a bare rate (“研发投入强度2.5%”)
            # may mean a floor
            rate = metric.unit in ("%", "‰", "个百分点") or re.search(
                r"(率|比重|强度|占比|指数)$", metric.name
            )
            if rate and any(
                t.comparator == "="
                and t.kind == "level"
                and not PLAIN_AMOUNT.search(f"{metric.name}{t.text or ''}")
                for t in metric.targets
            ):
                self.warnings.append(f"{path}：指标“{metric.name[:20]}”的目标比较方式按“=”理解，请核对")
        task = pf.Task(
            code=node.code,
            title=title,
            content=body,
            deadline=deadline,
            deadline_text=deadline_text,
            recurring=recurring,
            source=path,
            units=units,
            metrics=metrics,
            children=children,
            leader=leader.strip("：:，,。 ")[:100] if leader else None,  # 责任领导: a person, never a unit
        )
        self.printed[id(task)] = "".join([node.heading, *node.body]).strip()
        self.sentences[id(task)] = node.sentences.strip()
        self.words[id(task)] = "".join(
            [node.heading, *(b for b in node.body if not is_label_line(b))]
        ).strip()
        self.line_of[id(task)] = node.line
        return task


def _appendix_tasks(lines: list[str], end_year: int | None) -> list[pf.Task]:
    """附件 lists of platforms and projects, each under a parent task named like the 附件."""
    deadline = date(end_year, 12, 31) if end_year else None
    parents = []
    for appendix in find_appendix_lists(lines):
        children = [
            pf.Task(
                code=item.code,
                title=item.title,
                content=item.content,
                kind=appendix.kind,
                deadline=deadline,
                location=item.location,
                investment=pf.Investment(value=item.investment[0], unit=item.investment[1])
                if item.investment
                else None,
                source=appendix.code,
            )
            for item in appendix.items
        ]
        parents.append(
            pf.Task(
                code=appendix.code,
                title=appendix.title or appendix.code,
                kind="task",
                deadline=deadline,
                source=appendix.code,
                children=children,
            )
        )
    return parents


def _units_carried_by(items: list[Node], levels: set[int]) -> bool:
    """Loose numbered items carry the units where a third of them or more name some.

    Rule: a form's checklist in an 附件 (“7.消防重点部位（重点单位）”) naming a body once or
    twice among dozens of points does not outweigh the body's sections of tasks.
    """
    leveled = [r for r in items if r.level in levels]
    named = [r for r in leveled if r.labels or find_units(r.text)]
    return len(named) * 3 >= len(leveled)


def _outline_tasks(builder: _Builder, roots: list[Node], preamble: list[str]) -> list[pf.Task]:
    """Tasks from the numbered outline; numbered items with no heading above; else paragraphs."""
    for root in roots:
        builder.expand(root)
    sections = _task_sections(roots)
    tasks: list[pf.Task] = []
    if len(sections) == 1:
        builder.section_year = _year_of_heading(sections[0].heading)
        intro = "".join(b for b in sections[0].body if not is_label_line(b))
        if intro:  # the one section's own paragraph states the plan's goals
            builder.plan_metrics.extend(
                metrics_from_text(intro, builder.year, sections[0].heading, builder.start)
            )
        for child in sections[0].children:
            tasks.append(builder.task(child, f"{sections[0].code}、{sections[0].title}{child.code}"))
    elif sections:
        for section in sections:
            builder.section_year = _year_of_heading(section.heading)
            built = builder.task(section, f"{section.code}")
            if section.children and not built.children and not _names_units(section):
                continue  # a group whose items were all set aside (范围, 以下问题) is none either
            tasks.append(built)
    builder.section_year = None
    items = [r for r in roots if not _excluded(r) and r not in sections]
    levels = {r.level for r in items if find_units(r.text) or r.labels}
    if levels and tasks and builder.any_units:
        # a page that begins mid-list: items printing their units before the first section
        # heading are tasks beside the sections' own
        loose = [r for r in items if r.level in levels and not r.children and r.line < sections[0].line]
        tasks = [builder.task(r, r.code) for r in loose if find_units(r.text) or r.labels] + tasks
    elif levels and (not tasks or _units_carried_by(items, levels)):
        # items numbered 1. 2. … with no section heading above them: the numbering that carries
        # the units (not a notice's own 一、二、 above them, nor its sections without units)
        builder.warnings.clear()
        tasks = [builder.task(r, r.code) for r in items if r.level in levels]
    if not tasks:
        # a bare list of numbered items (“1、…” “2、…”) naming no units is still a task list:
        # drafted, each marked “未写明责任单位” for the officer, not refused
        items = [r for r in roots if not _excluded(r)]
        if len(items) >= 2 and len({r.level for r in items}) == 1:
            tasks = [builder.task(r, r.code) for r in items]
    # a note in brackets stating the first-is-lead rule (“（责任科室栏中列第一位的为牵头科室）”) is no task
    preamble = [
        p for p in preamble if not (re.fullmatch(r"\s*[（(].*[）)]\s*", p) and document_names_lead(p))
    ]
    if preamble:
        # paragraphs before the first numbered line that each name their units are tasks too
        # (a document mixing layouts); with nothing else found, even one such paragraph counts
        preamble = [piece for line in preamble for piece in quoted_tasks(line)]
        top = Node(level=-1, code="", heading="")
        found = split_items(top, preamble, minimum=1)
        if found and tasks:
            found = [item for item in found if _names_units(item)]
            for item in found:  # numbered as their place says, not to clash with the printed 1. 2.
                item.code = f"第{item.code}段"
        if found:
            tasks = [
                builder.task(item, item.code if item.code.startswith("第") else f"第{item.code}段")
                for item in found
            ] + tasks
    if not tasks:
        tasks = _quoted_tasks_anywhere(builder, roots)
    return tasks


def _quoted_tasks_anywhere(builder: _Builder, roots: list[Node]) -> list[pf.Task]:
    """With nothing else found, tasks quoted with their units inside any section are the tasks.

    A 督查通报 names the items it singles out in one paragraph of its 工作要求 (“县发改局负责的
    “……。””), under headings that are not tasks themselves.
    """
    found: list[pf.Task] = []
    for root in roots:
        for node in every_node([root]):
            for line in [node.heading, *node.body]:
                pieces = quoted_tasks(line)
                if len(pieces) < 2:
                    continue
                top = Node(level=-1, code="", heading="", line=node.line)
                for item in split_items(top, pieces, minimum=1) or []:
                    item.code = str(len(found) + 1)
                    found.append(
                        builder.task(item, f"{node.code}、{node.title}" if node.code else node.title)
                    )
    return found


# “除专门列出外，以下任务均涉及各市〔州〕数据管理部门，不再重复”: units every later item shares
ALSO_BELOW = re.compile(
    r"(?:以下|各项|所有)(?:各项)?(?:任务|工作|事项)?均(?:涉及|由|需)(?P<who>[^，,。；;]+?)"
    r"(?P<verb>(?:参与|负责|落实|配合|协助)*)[，,]\s*(?:以下)?不再(?:重复|列出|单独列出|一一列出|逐项列出)"
)


def _units_for_the_rest(builder: _Builder, tasks: list[pf.Task], lines: list[str]) -> None:
    """Units a note says every later item involves are added to those items, after their own.

    Beside a lead they help (support); among units named without a lead they answer alike,
    unless the note says they help (“以下均需各片区配合落实”).
    """
    found = next(((i, m) for i, line in enumerate(lines) if (m := ALSO_BELOW.search(line))), None)
    if found is None:
        return
    at, note = found
    names = [n for n in split_units(note.group("who")) if looks_like_unit(n)]
    ordered = [t for t in pf.iter_tasks(tasks) if not t.children]
    holder = next((i for i, t in enumerate(ordered) if note.group(0) in builder.printed.get(id(t), "")), None)
    for index, task in enumerate(ordered):
        after = index > holder if holder is not None else builder.line_of.get(id(task), -1) > at
        if not task.units or not after:
            continue
        helps = re.search(r"配合|参与|协助", note.group("verb")) is not None
        role = "support" if helps or any(u.role == "lead" for u in task.units) else "responsible"
        task.units.extend(
            pf.UnitRef(name=n, role=role)
            for n in names
            if all(u.name != n for u in task.units) and len(n) <= UNIT_NAME_MAX
        )


def _units_from_sentences(builder: _Builder, tasks: list[pf.Task]) -> None:
    """Items printing no units take the bodies their own sentences give the work to
    (subjects.py), marked for the officer to check.

    Rule: in a document whose other items print their units, any such item does; in a document
    printing no units at all, only where two thirds of the items (and at least two) name a body
    so: one body mentioned in one item among others names no unit of the list.
    """
    bare = [t for t in pf.iter_tasks(tasks) if not t.children and not t.units and id(t) in builder.printed]
    told = {id(t): found for t in bare if (found := subject_units(builder.sentences[id(t)])) is not None}
    if not builder.any_units and (len(told) < 2 or len(told) * 3 < len(bare) * 2):
        return
    for task in bare:
        if id(task) not in told:
            continue
        names, leads = told[id(task)]  # “由区财政金融局根据……制定”
        task.units = [
            pf.UnitRef(name=n, role="lead" if n in leads else "support" if leads else "responsible")
            for n in names
        ]
        detail = f"责任单位取自句中所写的“{'、'.join(names)}”，请核对"
        mark = ReviewMark(task.source or task.code, "from_sentence", detail)
        builder.warnings.append(mark.warning)
        builder.marks.append(mark)  # listed first in review with the other doubts


# “未来五年主要工作任务”, “今后三年”: a span counted from the plan's own year
COMING_YEARS = re.compile(r"(?:未来|今后)([二三四五六七八九十两])年")


def _year_of_heading(heading: str, plan_start: int | None = None) -> int | None:
    """The year a section's heading names for its goals: ““十四五”时期…” → 2025, “到2027年” → 2027,
    “未来五年” in a plan of 2022 → 2026.

    A plan of one year may carry a section of goals for a longer span; targets under that
    heading without a year of their own are due at the span's end, not in the plan's year.
    """
    from tracker.drafting.header import FIVE_YEAR, SPAN

    span = SPAN.search(heading)
    if span:
        return int(span.group(2))
    for words, years in FIVE_YEAR.items():
        if words in heading:
            return years[1]
    until = DEADLINE.search(heading)
    if until:
        return int(until.group(2))
    coming = COMING_YEARS.search(heading)
    if coming and plan_start is not None:
        count = "一二三四五六七八九十".index(coming.group(1).replace("两", "二")) + 1
        return plan_start + count - 1
    return None


def _bare_title(title: str) -> str:
    return re.sub(r"[^\u4e00-\u9fa5A-Za-z0-9]", "", title)


def _not_in_text(table_tasks: list[pf.Task], text_tasks: list[pf.Task]) -> list[pf.Task]:
    """The table's tasks that the text does not already hold (an 附件 table repeating the body).

    A row whose task has the same name as one of the text's is the same task printed twice:
    it is kept once, from the text, which takes the row's deadline if it printed none.
    """
    by_title = {_bare_title(t.title): t for t in pf.iter_tasks(text_tasks) if not t.children}
    words = {_bare_title(f"{t.title}{t.content}"): t for t in pf.iter_tasks(text_tasks) if not t.children}

    def twin_of(title: str) -> pf.Task | None:
        """The text's task of this name, or whose words hold it (“选派科技特派员100名” in
        “开展科技特派员进企业活动，选派科技特派员100名”)."""
        bare = _bare_title(title)
        if bare in by_title:
            return by_title[bare]
        if len(bare) < 6:
            return None
        return next((task for text, task in words.items() if bare in text), None)

    def keep(task: pf.Task) -> bool:
        twin = twin_of(task.title)
        if twin is None or task.children or (task.units and not twin.units and twin.title != task.title):
            return True  # (a row naming its units, which the text only mentions, is the task)
        if twin.deadline is None and not twin.deadline_text:
            twin.deadline, twin.deadline_text = task.deadline, task.deadline_text
        return False

    out: list[pf.Task] = []
    for task in table_tasks:
        if task.children:
            task.children = [c for c in task.children if keep(c)]
            if task.children:
                out.append(task)
        elif keep(task):
            out.append(task)
    return out


def _year_of_sections(roots: list[Node]) -> tuple[int, int] | None:
    """A document printed without its header: the one year its sections name (“一、2024年…”).

    An annual 分解方案 whose title was not kept still heads its parts with its year; when
    they all name the same single year, that is the plan's year.
    """
    headings = [root.heading for root in roots if root.children]  # sections, not items
    years = {int(y) for heading in headings for y in re.findall(r"((?:19|20)\d\d)\s*年", heading)}
    if len(years) == 1:
        year = years.pop()
        return (year, year)
    return None


def _simplified(blocks: list[Block]) -> tuple[list[Block], bool]:
    """A reprint in traditional characters, read in the simplified ones it was issued in."""
    text = "\n".join(b if isinstance(b, str) else "\n".join(b.cells.values()) for b in blocks)
    if not is_traditional(text):
        return blocks, False
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(to_simplified(block))
        else:
            table = Table(rows=block.rows, cols=block.cols)
            table.cells = {key: to_simplified(value) for key, value in block.cells.items()}
            table.boxes = list(block.boxes)
            out.append(table)
    return out, True


def _reports_on(reader: SheetReader, header: Header, year: int | None, warnings: list[str]) -> None:
    """A table with a 完成情况 column reports for the period its document's title names."""
    if "progress" not in reader.report_cols:
        return
    reader.report_period = report_period(reader.title() or header.title or "", year)
    reader.reported_on = header.issued_on
    if reader.report_period is None:
        warnings.append(
            "表中有完成情况，但标题没有写明报告期（如“第三季度”“上半年”），进展未录入，请导入后补报"
        )


def _cell_line(text: str) -> str:
    """A cell's line as any line, but a mark before a unit's name (“▲发改局，各部门”) is kept:
    in a unit cell it marks the lead, where elsewhere it would be a bullet."""
    stripped = text.strip()
    line = normalise_line(text)
    if stripped[:1] in "▲△◆" and line and (names := split_units(line)) and looks_like_unit(names[0]):
        return f"{stripped[0]}{line}"
    return line


def _task_table(
    table: Table, index: int, *, unitless: bool = False
) -> tuple[Grid, tuple[int, int, dict[str, int]]] | None:
    """A table whose header names tasks and their units or deadlines, as a Grid.

    `unitless`: a numbered list of tasks (序号 and a task column) that names no units, read
    only where a document holds nothing else — an office's own list of its tasks.
    """
    raw: dict[tuple[int, int], object] = {
        key: "\n".join(_cell_line(x) for x in text.split("\n")) for key, text in table.cells.items()
    }
    grid = Grid(f"表{index}", raw, table.boxes, place=f"表{index}")
    grid.rows, grid.cols = max(grid.rows, table.rows), max(grid.cols, table.cols)
    header = find_table_header(grid)
    if header is None:
        return None
    if unitless:
        return (grid, header) if "code" in header[2] else None
    if not any(k in header[2] for k in ("lead", "support", "responsible", "deadline")):
        return None
    return grid, header


def _with_header(table: Table, header: list[str]) -> Table:
    """The table with a header row put above its first row."""
    out = Table(rows=table.rows + 1, cols=table.cols)
    out.cells = {(1, c): text for c, text in enumerate(header, start=1)}
    out.cells.update({(r + 1, c): text for (r, c), text in table.cells.items()})
    out.boxes = [(r1 + 1, c1, r2 + 1, c2) for r1, c1, r2, c2 in table.boxes]
    return out


def draft_blocks(blocks: list[Block], source: str | None = None) -> Draft:
    """A plan drafted from a document's paragraphs and tables; BadInput if it holds no tasks."""
    blocks, converted = _simplified(blocks)
    code_key = unit_code_key(blocks)
    if code_key:  # units printed as codes, with a key: read with the names
        blocks = decode(blocks, code_key)
    lines: list[str] = []
    task_tables: list[tuple[Grid, tuple[int, int, dict[str, int]]]] = []
    table_headings: list[tuple[int, str, str] | None] = []
    table_heading_lines: set[int] = set()  # where those headings stand in `lines`
    header_of_last: tuple[int, list[str]] | None = None  # the last task table's width and header
    other_tables: list[Table] = []  # tables that name no units: read only if nothing else is
    field_value_next = False
    for block in blocks:
        if isinstance(block, str):
            line = normalise_line(block)
            if field_value_next:
                field_value_next = False
                if line and lines:  # “发布机构：⏎区府办（外事办）”: the page field's value, on its line
                    lines[-1] += line
                    continue
            if PAGE_FIELD.match(line) and line.rstrip().endswith(("：", ":")):
                field_value_next = True
            for part in restore_breaks(block):
                lines.extend(split_run_on(normalise_line(part)))
            continue
        found = _task_table(block, len(task_tables) + 1)
        own_header = len(match_headers(list[object](block.row(1)))) >= 2 if block.rows else False
        if (
            found is None
            and header_of_last is not None
            and block.cols == header_of_last[0]
            and not own_header
        ):
            # a task table carried on after a page break without its header row
            found = _task_table(_with_header(block, header_of_last[1]), len(task_tables) + 1)
        if found is not None:
            task_tables.append(found)
            # “一、“十四五”时期重点工作” printed right above a table is the heading of its rows
            at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i]), -1)
            heading = heading_of(lines[at]) if at >= 0 else None
            table_headings.append(heading if heading is not None and heading[0] <= 2 else None)
            if table_headings[-1] is not None:
                table_heading_lines.add(at)
            grid, (header_row, first_row, _) = found
            # the header a continuation takes: the lower row of a two-row header (牵头 | 配合 under
            # 责任单位) where it names the column, else the top row
            header_of_last = (
                block.cols,
                [grid.text(first_row - 1, c) or grid.text(header_row, c) for c in range(1, block.cols + 1)],
            )
            lines.append("")
        elif (form := label_table_lines(block)) is not None:
            lines.extend(["", *form, ""])  # a form of labels and values: its text, items labelled
        elif (labelled := labelled_cell_lines(block)) is not None:
            lines.extend(["", *labelled, ""])  # rows of an item and its label cells: label lines
        else:
            other_tables.append(block)
            lines.extend(
                ["", *("\t".join(normalise_line(c) for c in x.split("\t")) for x in block.lines()), ""]
            )
    text = "\n".join(lines)
    header = find_header([line for line in lines if line])
    lead_rule = document_names_lead(text) or any(document_names_lead(g.all_text()) for g, _ in task_tables)
    preamble: list[str] = []
    lines = points_over_problems(
        items_under_body_headings(
            items_headed_by_duties(
                unit_headed_items(
                    bodies_as_sentences(
                        subject_duty_lines(
                            duty_lines(
                                duties_appendix_replaces_body(
                                    numbered_label_values(
                                        mark_bare_numbers(
                                            record_form_lines(
                                                problem_form_lines(comma_lead_lines(without_contents(lines)))
                                            )
                                        )
                                    )
                                )
                            )
                        )
                    )
                )
            )
        )
    )
    roots = [r for r in parse_outline(lines, preamble) if r.line not in table_heading_lines or r.children]
    roots = body_gives_way_to_appendix(roots, lines)
    fold_checklists(roots)
    fold_template_parts(roots)
    roster_duties(roots)
    duty_paragraphs(roots)
    fold_problem_points(roots)  # (after the duty paragraphs: a point's name is no body heading them)
    lift_closing_units(roots)
    share_closing_units(roots)
    items_opening_with_their_body(roots)
    duty_sentences(roots, _excluded)
    split_multi_unit_items(roots)
    share_closing_note(roots)
    share_closing_deadline(roots)
    notice_deadline(roots, preamble)
    closing_notice_deadline(roots)
    label_bare_lines(roots)
    share_group_labels(roots)
    inherit_heading_leads(roots)
    inherit_heading_units(roots)
    actors_under_division(roots)
    actors_in_duty_lists(roots, _excluded)
    actors_of_the_intro(roots)
    if header.period is None:
        header.period = _year_of_sections(roots)
    file_year = year_of_file_name(source) if header.period is None else None
    if file_year is not None:
        header.period = (file_year, file_year)
        header.period_guessed = True
        header.period_basis = f"文件名中的{file_year}年"
    end_year = header.period[1] if header.period else None
    # “N年内” counts from here (the plan's first year, unless a stated “YYYY年起” includes it)
    within_from = header.within_from or (header.period[0] if header.period else None)
    builder = _Builder(text, end_year, lead_rule, within_from)
    # “……，下同” holds from where it is written; the rule stated without it holds everywhere
    stated = next((i for i, line in enumerate(lines) if document_names_lead(line)), 0)
    builder.rule_line = stated if re.search(r"下同|以下同", lines[stated] if lines else "") else 0
    tasks = _outline_tasks(builder, roots, preamble)
    _units_for_the_rest(builder, tasks, lines)
    drop_cut_off_item(tasks, builder.printed, builder.words, builder.any_units, builder.warnings)
    warnings: list[str] = []
    table_tasks: list[pf.Task] = []
    for (grid, (header_row, start, mapping)), heading in zip(task_tables, table_headings, strict=True):
        start_year = header.period[0] if header.period else None
        year = (_year_of_heading(heading[2], start_year) if heading else None) or end_year
        reader = SheetReader(
            grid, mapping, header_row, start, year=year, lead_rule=lead_rule, file_name=source or ""
        )
        _reports_on(reader, header, year, warnings)
        rows = reader.tasks()
        warnings.extend(reader.warnings)
        if heading is not None and rows:
            _, code, title = heading
            rows = [pf.Task(code=code, title=title, source=f"{code}、{title}"[:200], children=rows)]
        table_tasks.extend(rows)
    if table_tasks:
        # the 分工表 names the units: it is the list of tasks, unless the text names units too
        tasks = tasks + _not_in_text(table_tasks, tasks) if builder.any_units else table_tasks
        builder.any_units = builder.any_units or any(t.units for t in pf.iter_tasks(table_tasks))
    tasks.extend(_appendix_tasks(lines, end_year))
    drop_cut_off_units(tasks, builder.warnings)
    if not tasks:
        # a document that is only a numbered table of tasks with no unit column: the issuer's own
        other_tables.extend(numbered_cell_tables(lines))
        for index, block in enumerate(other_tables, start=len(task_tables) + 1):
            own = _task_table(block, index, unitless=True)
            if own is None:
                continue
            grid, (header_row, start, mapping) = own
            reader = SheetReader(
                grid, mapping, header_row, start, year=end_year, lead_rule=False, file_name=source or ""
            )
            _reports_on(reader, header, end_year, warnings)
            tasks.extend(reader.tasks())
    seen: set[str] = set()
    again: dict[str, int] = {}  # base code → how many times it came again
    for task in tasks:
        task.code = unique_code(task.code, seen, again)
    if not tasks:  # “一是……。二是……” in running text, nothing else numbered (ordinals.py)
        tasks = [builder.task(item, item.code) for item in ordinal_items(lines)]
    if not any(t.units and not t.units_inferred for t in pf.iter_tasks(tasks)) and is_inspection_notice(
        lines
    ):
        # a notice of inspection naming no unit: the problems it numbers under 存在的问题, each
        # handed to the places its clauses name
        problems = [
            kid
            for node in every_node(roots)
            if PROBLEMS_HEADING.match(_bare_heading(node))
            for kid in node.children
            if not kid.children
        ]
        if problems:
            tasks = [builder.task(kid, kid.code) for kid in problems]
            for task, kid in zip(tasks, problems, strict=True):
                names = places_named(kid.text)
                task.units = [pf.UnitRef(name=name, role="responsible") for name in names]
                task.units_inferred = not names
            builder.any_units = True
            builder.warnings.append(
                "按通报“存在的问题”逐条起草，责任单位取各条句首点名的村（社区）和单位，没有点名的请填写"
            )
    if not any(t.units for t in pf.iter_tasks(tasks)) and (findings := finding_tasks(lines, end_year)):
        # a notice of inspection naming no unit in any item: the places its sentences find wanting
        tasks = findings
        builder.any_units = True
        builder.warnings.append(
            "按通报中点名的地方和单位逐句起草了问题，每条问题的责任单位是句中点名的一方，请核对"
        )
    if not tasks:
        name = source or "文件"
        raise BadInput(
            f"{name} 中没有找到任务：既没有编号的条目（如“一、”“（一）”“1.”），也没有写明牵头单位或责任单位的段落、"
            "任务分工表，无法起草方案"
        )
    _units_from_sentences(builder, tasks)
    warnings = list(dict.fromkeys(builder.warnings + warnings))
    if converted:
        warnings.insert(0, "文件是繁体字转载，已按简体字起草（政府文件原以简体印发），请核对")
    if code_key:
        listed = "、".join(f"{code}={name}" for code, name in list(code_key.items())[:6])
        warnings.insert(0, f"责任单位以代码印出，已按文中代码表换成单位名称（{listed}……），请核对")
    coded = sorted(
        {u.name for t in pf.iter_tasks(tasks) for u in t.units if re.fullmatch(r"[A-Z]\d{1,2}", u.name)}
    )
    if coded:  # a code no key explains is no unit's name: the officer must say whose it is
        warnings.insert(0, f"责任单位“{'、'.join(coded)}”像是代码，文中没有找到对应的单位名称，请核对")
    # a page that prints unit labels or a unit column the drafter could not read (a PDF's table
    # wrapped into lines) is not the issuer's own list: its tasks stay marked “未找到责任单位”
    units_printed = UNITS_PRINTED.search(text) is not None
    if not builder.any_units and header.issuer and not units_printed and not header.party:
        names = [n for n in split_units(header.issuer) if len(n) <= UNIT_NAME_MAX]
        for task in pf.iter_tasks(tasks):
            task.units = [pf.UnitRef(name=n, role="responsible") for n in names]
            task.units_inferred = True
        warnings.insert(0, f"文件未写明责任单位，已将发文单位（{header.issuer}）填为各任务的责任单位")
    if header.party:
        # “乙方：某某县人民政府”: the party that signs for the goals answers for every task not naming another
        bare = [t for t in pf.iter_tasks(tasks) if not t.children and not t.units]
        for task in bare:
            task.units = [pf.UnitRef(name=header.party[:UNIT_NAME_MAX], role="responsible")]
            task.units_inferred = True
        if bare:
            warnings.insert(
                0, f"目标责任书未逐项写明责任单位，已将乙方（{header.party}）填为这些任务的责任单位"
            )
    # plan-level indicators: tables, and the goals section's running text
    start_year = header.period[0] if header.period else None
    metrics = [_table_metric(row, start_year) for row in find_tables(lines)] + builder.plan_metrics
    for index, block in enumerate(other_tables, start=1):
        metrics.extend(year_row_metrics(block, start_year, f"年度推进表{index}"))
    for line in preamble:
        # “到2027年，打造标杆企业20个……”: goals the opening paragraph sets for the whole plan
        if DEADLINE.search(line) and not re.search(r"《[^》]*》", line.split("到")[0]):
            metrics.extend(metrics_from_text(line, end_year, "开头段落", within_from))
        elif (goals_at := GOALS_STATED.search(line)) is not None:
            # “……。主要目标是：全社会R&D经费投入强度达到3.3%；……”: the year's goals, in the opening
            metrics.extend(metrics_from_text(line[goals_at.end() :], end_year, "开头段落", within_from))
    for root in roots:
        for node in [root, *root.children]:
            if GOAL_WORDS.search(node.heading) and not node.children:
                metrics.extend(metrics_from_text(node.text, end_year, node.heading))
            elif GOAL_WORDS.search(node.heading) and (
                _excluded(node) or (STATED_GOALS.search(node.heading) and not _names_units(node))
            ):
                # “二、发展目标 （一）2016年目标：……（四）2020年目标：……”: each item the goals of its
                # year (items not headed by a year are read as before, or not at all)
                for child in node.children:
                    dated = YEAR_GOALS.match(child.title)
                    text = "".join([child.text, *(c.text for c in child.children)])
                    # (an item that is itself a goals heading is read on its own, above)
                    opens_by_year = dated is None and not GOAL_WORDS.search(child.heading)
                    by_year = DEADLINE.search(child.heading) if opens_by_year else None
                    if dated is None and not STATED_GOALS.search(node.heading) and by_year is None:
                        continue  # (under 主要目标, an item headed by no year may restate a task's)
                    # (under 目标要求 an item headed by no year states its years in its sentences;
                    # an item opening “到2015年……” sets the goals of that year)
                    year = int(dated.group(1)) if dated else int(by_year.group(2)) if by_year else end_year
                    metrics.extend(metrics_from_text(text, year, f"{node.heading}{child.code}", within_from))
    if header.period_guessed and header.period:
        basis = header.period_basis or f"正文中最常出现的{header.period[0]}年"
        warnings.insert(0, f"文件未写明方案年份，已按{basis}填写，请核对")
    if header.title is None:
        warnings.insert(0, "未找到文件标题，请填写")
    elif header.title_guessed:
        warnings.insert(0, f"标题取自文件首行“{header.title}”，请核对")
    if header.period is None:
        # no year anywhere: figures could not be dated, so none became a target; say so
        figures = sum(len(tg.TARGET.findall(f"{t.title}{t.content}")) for t in pf.iter_tasks(tasks))
        if figures:
            warnings.insert(
                0, f"文件没有写明年份，{figures} 处数量目标无法定年，未起草为指标，请填写方案年份后补录"
            )
    latest = max((t.deadline.year for t in pf.iter_tasks(tasks) if t.deadline), default=None)
    if header.period and latest and latest > header.period[1]:
        # “2024年工作要点” whose tasks are due in 2025: the plan runs until its last deadline
        header.period = (header.period[0], latest)
        warnings.insert(0, f"有任务的完成时限在{latest}年，方案期限已延至{latest}年，请核对")
    plan_data = {
        "format": "tracker-plan",
        "version": 1,
        "title": header.title or (source or "未命名方案"),
        "doc_number": header.doc_number,
        "issuer": header.issuer,
        "issued_on": header.issued_on,
        "period": {"start": header.period[0], "end": header.period[1]} if header.period else None,
        "source": source,
        "metrics": [x.model_dump() for x in metrics],
        "tasks": [t.model_dump() for t in tasks],
    }
    try:
        plan = pf.Plan.model_validate(plan_data)
    except ValidationError as exc:
        raise BadInput(f"{source or '文件'} 起草的方案未通过校验：{exc.errors()[0]['msg']}") from None
    marks = review_marks(plan, units_expected=builder.any_units or units_printed) + builder.marks
    warnings.extend(new_warnings(marks, warnings))
    plan.notes = "由程序从文件起草，请核对：\n" + "\n".join(warnings) if warnings else "由程序从文件起草"
    return Draft(plan, warnings, marks)


def draft_text(text: str, source: str | None = None) -> Draft:
    """A plan drafted from a document's text (tables printed in it are read as tables)."""
    return draft_blocks(text_blocks(text.splitlines()), source)


def draft_file(path: Path) -> Draft:
    """A plan drafted from a .txt, .docx, .doc/.wps (via LibreOffice) or .pdf (its text layer)."""
    path = Path(path)
    return draft_blocks(load_blocks(path), source=path.name)
