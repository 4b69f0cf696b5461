"""The numbered hierarchy: 第X章, 一、, （一）, 1. and （1）, with text running on across lines.

Label lines (“牵头单位：…”) stay with the item above them but out of its text; noise lines
(page numbers, 抄送/印发, red-head lines) are skipped; an 附件 heading closes the item above it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from tracker.drafting.labels import DEADLINE_WORDS, is_label_line, labels_units
from tracker.drafting.text import is_appendix_heading, is_noise

CN = "一二三四五六七八九十百零"
PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(rf"^(第[{CN}\d]+(?:[章篇]|部分))\s*(.*)$")),
    (1, re.compile(rf"^([{CN}]+)\s*[、．.]\s*(.+)$")),
    (2, re.compile(rf"^（\s*([{CN}](?:\s?[{CN}])*)\s*）\s*(.+)$")),  # “（十 一）”: a space the page kept
    (2, re.compile(rf"^([{CN}]+)）\s*(.+)$")),  # “一）”, the opening bracket left out
    (2, re.compile(rf"^(第[{CN}\d]+阶段)\s*[：:]\s*(.+)$")),  # “第一阶段：自查摸底阶段（7月）”
    # “1。” typed for “1.”; “1.5亿元” is a figure, but “1.2022年度……” and “1.3月初……” are items
    (3, re.compile(r"^(\d{1,3})\s*(?:、|[．.。](?:(?!\d)|(?=(?:19|20)\d\d\s*年|\d{1,2}\s*月)))\s*(.+)$")),
    (3, re.compile(rf"^(第[{CN}\d]+项)\s*[：:]\s*(.+)$")),  # “第39项：” (a list's own numbers)
    (3, re.compile(rf"^(第[{CN}\d]+条)\s*[：:、]?\s*(\S.*)$")),  # “第二条  推进……” (a 规定's articles)
    (3, re.compile(rf"^((?:任务|事项|项目)[{CN}\d]+)\s*[：:]\s*(.+)$")),  # “任务一：优化项目管理”
    (4, re.compile(r"^（\s*(\d{1,2})\s*）\s*(.+)$")),
    (4, re.compile(r"^(\d{1,2}\.\d{1,2})[\s、]+(\S.*)$")),  # “1.1 建设……” (a space after it: no decimal)
    (4, re.compile(r"^(\d{1,2}）)\s*(.+)$")),  # “1）”, kept as printed
    (5, re.compile(r"^([①-⑳])\s*(.+)$")),
]
MAX_TITLE = 60


# the label a 督察 list prints before each finding it numbers: the finding is the item's name
FINDING_LABEL = re.compile(
    r"^(?:督察|督查|巡察|巡视|审计|反馈)?(?:意见|问题|反馈意见|反馈问题|发现问题|存在问题)\s*[：:]\s*(?=\S)"
)


@dataclass
class Node:
    level: int
    code: str
    heading: str  # the text on the numbered line after the code
    body: list[str] = field(default_factory=list)  # its lines, label lines included
    children: list[Node] = field(default_factory=list)
    line: int = 0
    generated: bool = False  # an unnumbered paragraph read as an item: its code is made up
    points: int = 0  # sub-points folded into its text, their units printed once after them
    group: str = ""  # the lead phrase of an item split into several tasks: what they share, in their source

    @property
    def text(self) -> str:
        return "".join([self.heading, *(b for b in self.body if not is_label_line(b))])

    @property
    def sentences(self) -> str:
        """Heading and body as printed, the heading's sentence closed where it has no stop.

        (“（一）开展统筹推进⏎市发展改革委负责……”: the body's subject is not read glued to the
        heading's words as “开展统筹推进市发展改革委”.)
        """
        text = [b for b in self.body if not is_label_line(b)]
        stop = "" if not text or re.search(r"[。！？!?；;：:）)]\s*$", self.heading) else "。"
        return "".join([self.heading, stop, *text])

    @property
    def labels(self) -> list[str]:
        """The label lines under it (“牵头单位：…”, “完成时限：…”)."""
        return [_unbracket(b) for b in self.body if is_label_line(b)]

    @property
    def title(self) -> str:
        """The lead phrase: up to the first 。 when it comes early, else the heading line.

        Rule: a finding's label opening the line (“督察意见：……”, “反馈问题：……”) is no part of it.
        """
        heading = FINDING_LABEL.sub("", self.heading.strip())
        stop = re.search(r"[。！!]", heading)
        if stop and stop.start() <= MAX_TITLE:
            return heading[: stop.start()].strip()
        if len(heading) <= MAX_TITLE:
            return heading.rstrip("；;，,、 ") or heading  # “一是建设实验室3家；”: no stop in a name
        comma = re.search(r"[，,；;]", heading)
        return heading[: comma.start()] if comma and comma.start() <= MAX_TITLE else heading[:MAX_TITLE]

    @property
    def content(self) -> str:
        heading = FINDING_LABEL.sub("", self.heading.strip())
        title = self.title
        rest = heading[len(title) :].lstrip("。！! ") if heading.startswith(title) else heading
        # label lines are read into the task's units, leader and deadline, not kept in its words
        return "".join([rest, *(b for b in self.body if not is_label_line(b))]).strip()


def printed_code(level: int, raw: str) -> str:
    if (level == 2 and not raw.startswith("第")) or (level == 4 and raw.isdigit()):  # “（3）”; “1）” is whole
        return f"（{raw}）"
    return raw


def heading_of(line: str) -> tuple[int, str, str] | None:
    for level, pattern in PATTERNS:
        match = pattern.match(line)
        if match:
            rest = match.group(2).strip()
            glued = (
                re.match(r"^\d{1,3}\s*[．.。]\d", line) is not None
            )  # no gap after the dot (“3、50家” is an item)
            if level == 3 and glued and not re.match(r"^(?:(?:19|20)\d\d\s*年|\d{1,2}\s*月)", rest):
                return None  # “1.5亿元” is a figure; “1.2022年度……”, “1.3月初……”, “2. 50个……” items
            return level, printed_code(level, re.sub(r"\s", "", match.group(1))), rest
    return None


def _continues_label(label: str, line: str) -> bool:
    """The line carries on a label's value: after “牵头单位：” alone, or a list the page wrapped."""
    from tracker.drafting.units import looks_like_unit, split_units

    if label.rstrip().endswith(("：", ":", "、", "，", ",")):
        return True
    if re.search(r"[。：:]", line) or is_label_line(line):
        return False
    names = split_units(line)
    return bool(names) and all(looks_like_unit(n) for n in names) and not label.rstrip().endswith("。")


def _joint(label: str) -> str:
    from tracker.drafting.units import looks_like_unit

    text = label.rstrip()
    if text.endswith(("：", ":", "、", "，", ",")):
        return ""
    last = re.split(r"[：:、，,；;]", text)[-1]
    return "、" if looks_like_unit(last) else ""


SIGNER = re.compile(
    r"^[\u4e00-\u9fa5（）()×Ｘ]{2,30}(?:局|委员会|政府|办公室|委|办|领导小组|室|中心|管委会)$"
)
SIGNED_ON = re.compile(
    r"^(?:(?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$"
)


def _signature_lines(lines: list[str]) -> set[int]:
    """The 落款 (the issuer's name over the date it signed), wherever it stands: no item's words."""
    out: set[int] = set()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for at, nxt in pairwise(filled):
        if SIGNER.match(lines[at].strip()) and SIGNED_ON.match(lines[nxt].strip()):
            out.update((at, nxt))
    return out


EPILOGUE = re.compile(
    r"^(?:以上(?:分工|任务|事项|工作|各项)?(?:自|从|请|如|按|若)|本(?:方案|通知|分工|意见|清单|办法)(?:自|从)|"
    r"(?:局|县|市|区)?领导分工另行|请各(?:单位|部门|科室)|各(?:单位|部门|科室)要(?:高度重视|认真|按照)|"
    r"(?:出席|列席|参加人员|参会人员|参加|记录|请假|分送|发送)\s*[：:]|"  # a 会议纪要's attendance and 分送 lines
    r"各(?:责任|主办|承办)?(?:单位|部门)要(?:于|在|按)"  # the closing request to every unit
    r")"
)
LABEL_HEAD = re.compile(r"[（(；;，,。\s](?:完成|牵头|责任|配合|主办|协办|办结|主责)$")
LABEL_TAIL = re.compile(r"^(?:时限|时间|单位|部门|领导)\s*[：:]")
ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*1\s*[.．、]")


def parse_outline(lines: list[str], preamble: list[str] | None = None) -> list[Node]:
    """A forest of numbered nodes; unnumbered lines run on into the node above them.

    Lines before the first numbered one go to `preamble` when given (not those after an
    附件 heading further on).
    """
    roots: list[Node] = []
    stack: list[Node] = []
    listed = 0  # “附件：1.……⏎2.……”: the number of the last attachment the notice listed
    signed = _signature_lines(lines)
    for index, line in enumerate(lines):
        if not line or "\t" in line or is_noise(line) or index in signed:
            continue
        if is_appendix_heading(line):
            stack = []  # what follows belongs to the 附件, not to the last item
            listed = 1 if ATTACHMENT_LIST.match(line) else 0
            continue
        found = heading_of(line)
        if listed and found is not None and found[1] == str(listed + 1) and not re.search(r"[。；;]", line):
            listed += 1  # the next attachment's name in the notice's list, not an item
            continue
        listed = 0 if found is not None else listed
        if found is None and stack and LABEL_TAIL.match(line):
            # “……；完成⏎时限：2024年12月底）”: a label a page (a PDF's line) broke in two
            node = stack[-1]
            if node.body and LABEL_HEAD.search(node.body[-1]):
                node.body[-1] += line
                continue
            if not node.body and LABEL_HEAD.search(node.heading):
                node.heading += line
                continue
        if found is None and stack and EPILOGUE.match(line) and not SHARED_NOTE.match(line):
            continue  # “以上分工自印发之日起执行。”: the notice's closing words, no item's
        if found is None:
            if stack:
                body = stack[-1].body
                if body and is_label_line(body[-1]) and _continues_label(body[-1], line):
                    # 牵头单位：⏎ 市科技局, or a list wrapped by the page: a name per line gets a 、,
                    # a name cut in two (“市财⏎政局”) is joined again
                    body[-1] = body[-1] + _joint(body[-1]) + line
                else:
                    body.append(line)
            elif preamble is not None and not roots:  # only what comes before the first item
                preamble.append(line)
            continue
        level, code, rest = found
        node = Node(level, code, rest, line=index)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    _fold_measure_lists(roots, lines)
    return roots


# “整改措施：” closing an item's label lines: the numbered lines after it are that item's measures
MEASURES_LABEL = re.compile(r"^(?:整改|具体|工作|主要|落实|推进)?(?:措施|举措)\s*[：:]\s*$")


def _fold_measure_lists(nodes: list[Node], lines: list[str]) -> None:
    """Rule: an item whose label lines name its units and end with “整改措施：” holds the numbered
    lines under it as the words of its measures, not as tasks of their own, unless they print
    label lines themselves."""
    for node in nodes:
        if (
            node.children
            and node.body
            and MEASURES_LABEL.match(node.body[-1].strip())
            and any(labels_units(b.strip()) for b in node.body)
            and not any(child.labels or child.children for child in node.children)
        ):
            node.body.extend(x for child in node.children for x in (lines[child.line], *child.body))
            node.points = len(node.children)
            node.children = []
        else:
            _fold_measure_lists(node.children, lines)


def is_units_line(line: str) -> bool:
    """A line that only prints units: label lines, or a bracket standing alone (“（责任单位：…）”)."""
    from tracker.drafting.units import find_units

    text = line.strip().rstrip("。；;")
    if is_label_line(text):
        return True
    if not text.startswith(("（", "[", "【", "〔")):
        return False
    found = find_units(text)
    return found is not None and found.span == (0, len(text))


def _prints_units(node: Node) -> bool:
    from tracker.drafting.units import find_units

    return bool(node.labels) or find_units(node.text) is not None


CLOSING_BRACKET = re.compile(r"[（(][^（）()]{2,200}[）)][。；;]?$")


def _split_closing_bracket(node: Node) -> None:
    """“（2）实行……管理。（责任单位：A、B）”: a units bracket closing the last point's paragraph
    goes on a line of its own, so it can be read as closing the points above it too."""
    if node.children:
        return
    on_heading = not node.body
    text = node.heading if on_heading else node.body[-1]
    found = CLOSING_BRACKET.search(text.rstrip())
    if found is None or found.start() == 0 or not is_units_line(found.group()):
        return
    words = text.rstrip()[: found.start()].rstrip()
    if not words:
        return
    if on_heading:
        node.heading = words
        node.body.append(found.group())
    else:
        node.body[-1:] = [words, found.group()]


def lift_closing_units(nodes: list[Node]) -> None:
    """Units printed once after an item's sub-points belong to the item, not its last sub-point.

    Offices list what an item involves as （1）（2）… (or 1）, ①) and close with one
    “（责任单位：…）” or label lines: when none of the sub-points names units of its own, the closing lines are
    the item's units and the sub-points are its content, not tasks of their own. The same
    when the item prints its units on its own line above points that name none.
    """
    for node in nodes:
        lift_closing_units(node.children)
        if len(node.children) < 2 or any(c.children or c.points or c.level < 4 for c in node.children):
            continue  # sub-points （1）/1）/① are leaves side by side; one item alone is a task
        last = node.children[-1]
        _split_closing_bracket(last)
        tail = 0
        while tail < len(last.body) and is_units_line(last.body[len(last.body) - 1 - tail]):
            tail += 1
        if not tail and _prints_units(node) and not any(_prints_units(c) for c in node.children):
            # “1.建设……（市科技局负责）” over （1）（2） naming none: the points are its content
            node.body.extend("".join([_code_as_printed(c.code), c.heading, *c.body]) for c in node.children)
            node.points = len(node.children)
            node.children = []
            continue
        if not tail or _prints_units(node) or any(_prints_units(c) for c in node.children[:-1]):
            continue
        closing = last.body[len(last.body) - tail :]
        del last.body[len(last.body) - tail :]
        if _prints_units(last):
            last.body.extend(closing)  # the last sub-point names units in its text: leave it
            continue
        points = ["".join([_code_as_printed(c.code), c.heading, *c.body]) for c in node.children]
        node.body.extend(points + [_unbracket(line) for line in closing])
        node.points = len(node.children)
        node.children = []


def share_closing_units(nodes: list[Node]) -> None:
    """Units printed on their own line after a group's items answer for every item of the group.

    “1.打造……。2.推动……。4.集成……。” then “（责任单位：A、B、C）” alone on its line: when no item
    names units of its own and the group names none above them, the line closes the group, and
    each item, a task of its own, takes those units (sub-points （1）/① are lifted before this).
    Where the numbering starts again under one heading (“中心区：1.……3.…… 责任单位：A⏎行政村：
    1.……2.…… 责任单位：B”), each run of numbers is a group of its own.
    """
    for node in nodes:
        share_closing_units(node.children)
        if len(node.children) < 2 or any(c.children for c in node.children) or _prints_units(node):
            continue
        for run in _numbering_runs(node.children):
            _share_in_run(run)


def _numbering_runs(children: list[Node]) -> list[list[Node]]:
    """Sibling items split where their numbers start again (1 2 3 1 2 → [1 2 3] [1 2])."""
    runs: list[list[Node]] = [[]]
    last: int | None = None
    for child in children:
        number = number_of(child.code)
        if runs[-1] and number is not None and last is not None and number <= last:
            runs.append([])
        runs[-1].append(child)
        last = number
    return runs


# an unnumbered line naming the place or kind of the items that follow: “中心区（平原村）：”
RUN_HEADING = re.compile(r"^\s*[\u4e00-\u9fa5（）()、]{2,16}[：:]\s*$")


def _share_in_run(run: list[Node]) -> None:
    """The closing units of a run's last item, shared with the run's other items (see above)."""
    from tracker.drafting.units import find_units

    if len(run) < 2:
        return
    last = run[-1]
    body = list(last.body)
    while body and RUN_HEADING.match(body[-1]):  # “行政村范围：” heads the next run, not this item
        body.pop()
    tail = 0
    while tail < len(body) and is_units_line(body[len(body) - 1 - tail]):
        tail += 1
    if not tail and len(run) >= 3 and not any(_prints_units(c) for c in run[:-1]):
        # “10.做好其他安全隐患的整治。（X牵头负责，A、B配合）” closing a run of items none of
        # which names units: the bracket closes the run
        found = find_units(last.text)
        bracket = last.text[found.span[0] :] if found is not None and found.names else ""
        if (
            bracket.startswith(("（", "("))
            and found is not None
            and found.span[1] >= len(last.text.rstrip("。；; "))
        ):
            for child in run[:-1]:
                child.body.append(bracket)
        return
    if not tail or (tail == len(body) and not last.heading.strip()):
        return
    closing = body[len(body) - tail :]
    if not any((found := find_units(line)) is not None and found.names for line in closing):
        return  # “完成时限：……” alone is the last item's own deadline, not the group's units
    head = Node(last.level, last.code, last.heading, body[: len(body) - tail])
    if _prints_own_units(head) or any(_prints_own_units(c) for c in run[:-1]):
        return
    for child in run[:-1]:
        child.body.extend(closing)


def _prints_own_units(node: Node) -> bool:
    """Units printed for the item (labels, a bracket, a closing sentence), not a body its own
    sentence sets to work (“由片区中心卫生院组织……”): those do not stop a closing line's units."""
    from tracker.drafting.units import find_units

    found = find_units(node.text)
    return bool(node.labels) or (found is not None and not found.inline)


# “1.岚城乡重点关闭……”: an item opening with the body that does it
ITEM_SUBJECT = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5（）()、]{2,40}?)(?:要|应当|应|重点|负责|主要|配合|协助)(?=[\u4e00-\u9fa5“])"
)
SUBJECT_ITEMS_MIN = 3  # two items opening with a name could be any two sentences


# “各级……要”, “全区……要”: a level or an area, everyone in it, not a body answering
AREA_WIDE = re.compile(r"^(?:各级|全[区市县省镇乡国])")


def items_opening_with_their_body(nodes: list[Node]) -> None:
    """Sibling items that each open with a different body (“1.岚城乡重点关闭……⏎2.北厝镇重点……”)
    answer each to its body.

    Rule: three items or more, all of an item's items that print no units of their own, each
    opening with names that read as bodies and 要/应/重点/负责/主要/配合/协助, the names all
    different; an item that prints its units keeps them. (“X配合区规划局……”: X answers for its
    part, the body it helps is no unit of the item.)
    """
    _answer_to_openers(nodes)
    for node in nodes:
        items_opening_with_their_body(node.children)


def _answer_to_openers(siblings: list[Node]) -> None:
    """The rule of items_opening_with_their_body, for one list of sibling items."""
    from tracker.drafting.units import looks_like_unit, split_units

    kids = [k for k in siblings if not _prints_units(k)]
    if len(kids) < SUBJECT_ITEMS_MIN or any(k.children for k in siblings):
        return
    opening = [ITEM_SUBJECT.match(k.heading.strip()) for k in kids]
    names = [m.group("who") for m in opening if m is not None]
    if len(names) < len(kids) or len(set(names)) < len(names):
        return
    if not all(
        (parts := split_units(n)) and all(looks_like_unit(x) for x in parts) and not AREA_WIDE.match(n)
        for n in names
    ):
        return
    for kid, name in zip(kids, names, strict=True):
        kid.body.append(f"责任单位：{name}")


# “以上工作由区科技局牵头，区财政局配合。” closing a list: the units of every item above it;
# “4项目标的责任单位均为市发展改革委。”: of the four items above it; “该目标责任单位为市经委。”: of one
SHARED_NOTE = re.compile(
    r"^(?:(?P<all>以上|上述)|(?P<count>\d{1,2}|[一二两三四五六七八九十])项|(?P<one>该|此|本))"
    r"[^，,。；;由]{0,10}?(?:均|都)?(?:由|(?:的)?责任单位(?:均|都)?(?:为|是|[：:]))\s*(?P<who>[^。；;]+)[。；;]?$"
)
COUNT_WORDS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def share_closing_note(nodes: list[Node]) -> None:
    """A note after items naming their units (“以上工作由X牵头”, “2项目标的责任单位均为X”).

    It is taken off the item it was printed under and given to the items it speaks of that
    name no units of their own: all those since the last such note (以上/上述), the last N
    (“N项”), or the one above it (“该目标”), as if each had printed it.
    """
    for node in nodes:
        share_closing_note(node.children)
    since = 0  # the items after the last note
    for index, node in enumerate(nodes):
        at, note = next(
            ((i, m) for i, line in enumerate(node.body) if (m := SHARED_NOTE.match(line.strip()))),
            (-1, None),
        )
        if note is None or node.children:
            continue
        if note.group("count"):
            count = note.group("count")
            first = index + 1 - (int(count) if count.isdigit() else COUNT_WORDS[count])
        else:
            first = since if note.group("all") else index
        if first < 0 or (note.group("all") and index - since < 1):
            continue
        del node.body[at]
        for item in nodes[max(first, 0) : index + 1]:
            if not item.children and not _prints_units(item):
                item.body.append(f"（责任单位：{note.group('who').strip()}）")
        since = index + 1


# “以上两个新开工项目必须于2016年9月底前实现开工目标。”: when the items above it are due
ABOVE_DUE = re.compile(
    r"^(?:以上|上述)[^。；;，,]{0,24}?(?:必须|均|要|应|须|需|务必)?(?:确保)?(?:在|于)?"
    r"(?P<words>(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:底|末)?|年底|年内)(?:之前|以前|前))"
)


# “4月19日前”, “2024年6月底前”, “年底前”: the date a 督查 list's problems are due
DUE_DATE = (
    r"(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:底|末)?|年底)(?:之前|以前|前)"
)


# “……上述责任单位要高度重视……，对存在的问题务必于4月19日前整改完毕”: a closing paragraph that
# refers back to the items and sets them a date with 务必/必须/要
BACK_DUE = re.compile(
    r"^[^。]{0,60}?(?:上述|以上|所列|交办的)[^。]{0,120}?(?:必须|均|要|应|须|需|务必)(?:确保)?(?:在|于)"
    rf"(?P<words>{DUE_DATE})"
    r"(?:整改|完成|办结|落实|反馈)"
)


def share_closing_deadline(nodes: list[Node]) -> None:
    """A sentence after items saying when they are all due (“以上两个项目必须于9月底前开工”).

    It is taken off the last item it was printed under, and each item since the last such
    sentence that prints no deadline of its own gets it as its 完成时限.
    """
    for node in nodes:
        share_closing_deadline(node.children)
    since = 0
    for index, node in enumerate(nodes):
        at, note = next(
            (
                (i, m)
                for i, line in enumerate(node.body)
                if (m := ABOVE_DUE.match(line.strip()) or BACK_DUE.match(line.strip()))
            ),
            (-1, None),
        )
        if note is None or node.children or index - since < 1:
            continue
        del node.body[at]
        for item in nodes[since : index + 1]:
            if not item.children and not any(DEADLINE_LABEL.match(b) for b in item.body):
                item.body.append(f"完成时限：{note.group('words')}")
        since = index + 1


DEADLINE_LABEL = re.compile(rf"^\s*[（(]?\s*(?:{DEADLINE_WORDS})\s*[：:]")


# “请各事涉部门对存在的问题立即进行整改，并于5月20日前将问题整改完成”: a notice's date for
# putting right every problem it lists, printed before them
AHEAD_DUE = re.compile(
    r"(?:存在的|以下|下列|所列|附件|反馈的|发现的|交办的)问题[^。]{0,40}?(?:在|于)"
    rf"(?P<words>{DUE_DATE})"
    r"[^。]{0,10}?整改(?:完成|完毕|到位|落实)"
)


OWN_DEADLINE = re.compile(rf"(?:{DEADLINE_WORDS})\s*[：:]")


def notice_deadline(nodes: list[Node], preamble: list[str]) -> None:
    """A notice that sets one date for the problems it lists gives each problem that date.

    Rule: where a line before the first item says the problems listed are to be put right by a
    date (“对存在的问题……于5月20日前将问题整改完成”), every item printing no deadline of its
    own is due then; a date for sending a report back is no such sentence.
    """
    note = next((m for line in preamble if (m := AHEAD_DUE.search(line))), None)
    if note is None:
        return
    for node in every_node(nodes):
        own = OWN_DEADLINE.search(node.heading) or any(DEADLINE_LABEL.match(b) for b in node.body)
        if not node.children and not own:
            node.body.append(f"完成时限：{note.group('words')}")


# “针对本次通报指出的问题，相关单位要迅速落实整改措施，三个工作日内完成整改任务”: the notice's
# closing paragraph, printed under its last problem, giving every problem one date or span
CLOSING_NOTICE_DUE = re.compile(
    r"(?:本次通报|通报(?:指出|反映|的)|督查(?:发现|指出)的|上述|以上|所列|交办的|存在的)[^。]{0,60}?"
    rf"(?:(?:在|于)(?P<date>{DUE_DATE})|(?P<span>[一二两三四五六七八九十\d]{{1,3}}个?(?:工作日|日|天|周)内))"
    r"[^。]{0,4}?(?:完成整改|整改(?:完成|完毕|到位)|办结)"
)


def closing_notice_deadline(nodes: list[Node]) -> None:
    """A notice's closing paragraph that sets its problems one date gives each problem that date.

    Rule: where the last item's body holds a paragraph referring to the problems listed
    (本次通报指出的问题, 上述问题 …) and saying they are put right by a date or within a span
    (“三个工作日内完成整改”), the paragraph is no part of that item, and every item printing no
    deadline of its own is due then.
    """
    leaves = [n for n in every_node(nodes) if not n.children]
    if len(leaves) < 2 or not leaves[-1].body:
        return
    last = leaves[-1]
    at, note = next(
        ((i, m) for i, line in enumerate(last.body) if (m := CLOSING_NOTICE_DUE.search(line))), (-1, None)
    )
    if note is None:
        return
    del last.body[at]
    words = note.group("date") or note.group("span")
    for node in leaves:
        own = OWN_DEADLINE.search(node.heading) or any(DEADLINE_LABEL.match(b) for b in node.body)
        if not own:
            node.body.append(f"完成时限：{words}")


BARE_DATE = re.compile(
    r"^(?:(?:19|20)\d\d\s*年\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|年底)?|\d{1,2}\s*月)(?:底|中旬|上旬|下旬)?(?:前|以前)?(?:完成)?$"
    r"|^(?:长期坚持|持续推进|每季度|每月|每年)$"
)


def label_bare_lines(nodes: list[Node]) -> None:
    """Items each followed by a line of unit names alone, and a date alone: a table the page flattened.

    “1.建设人工智能产业园⏎区科技局、区发改局⏎2024年12月”: the names are its 责任单位 and the
    date its 完成时限, read as if labelled, for items that name no units otherwise. Only where
    two items or more are printed so: one such line at the end is the 落款 (issuer and date).
    """
    from tracker.drafting.units import looks_like_unit, split_units

    def bare_units(text: str) -> bool:
        text = text.strip()
        if len(text) > 80 or re.search(r"[。：:；;]", text):
            return False
        names = split_units(text)
        return bool(names) and all(looks_like_unit(n) and len(n) >= 3 for n in names)

    found = [
        (node, index)
        for node in every_node(nodes)
        if not node.children and node.body and not _prints_units(node)
        for index, line in enumerate(node.body[:2])
        if bare_units(line)
    ]
    if len({id(node) for node, _ in found}) < 2:
        return
    for node, index in found:
        node.body[index] = f"责任单位：{node.body[index].strip()}"
        after = node.body[index + 1] if index + 1 < len(node.body) else ""
        if BARE_DATE.match(after.strip()):
            node.body[index + 1] = f"完成时限：{after.strip()}"


def _code_as_printed(code: str) -> str:
    """A sub-point's number as it is printed before its text: “1.”, “一、”, “（1）”."""
    if code.isdigit():
        return f"{code}."
    if re.fullmatch(f"[{CN}]+", code):
        return f"{code}、"
    return code


def _unbracket(line: str) -> str:
    """“（责任单位：A、B）” → “责任单位：A、B”, so it reads as label lines do."""
    text = line.strip().rstrip("。；;")
    if text[:1] in "（[【〔" and text[-1:] in "）]】〕":
        return text[1:-1]
    return text


# “（三）省编办牵头的工作”: a heading that names who leads everything under it
LEAD_HEADING = re.compile(
    r"^(?P<who>[^，,。；;]{2,30}?)(?P<verb>牵头|负责|承担)的?(?:[^，,。；;：:]{0,16}?)(?:工作|任务|事项)(?:[（(][^）)]*[）)])?[。：:]?$"
)  # “（一）区市场监管局牵头涉嫌垄断调查整治工作”: what it leads may be named before 工作
PERSON_TITLE = re.compile(r"(省长|市长|县长|区长|州长|主任|书记|部长|局长|同志)$")


def inherit_heading_leads(nodes: list[Node], lead: str | None = None) -> None:
    """A heading “X牵头的工作” makes X the lead of every task under it.

    Provincial 工作目标责任分解 group their items under the unit that leads them (and those
    under the leader who answers for them, “一、某某省长负责的工作”, whose own lines are his
    duties, not tasks). Each item gets X as a 牵头单位 label; a 协同单位 line printed once after
    the group's last item applies to all of them; a heading with only a paragraph under it
    is that one task.
    """
    from tracker.drafting.units import find_units, looks_like_unit

    for node in nodes:
        # (the heading's line may run on into its paragraph: “（一）X牵头……工作。X负责……”)
        match = LEAD_HEADING.match(node.heading.strip()) or LEAD_HEADING.match(node.title.strip())
        here = lead
        if match and not PERSON_TITLE.search(match.group("who")) and looks_like_unit(match.group("who")):
            here = match.group("who")
            if not node.children:
                text = [b for b in node.body if not is_label_line(b)]
                if text:  # the heading's paragraph is the task; the heading names its lead
                    node.heading, node.body = "".join(text), [b for b in node.body if is_label_line(b)]
            elif not any(_prints_units(c) for c in node.children[:-1]):
                last = node.children[-1]
                tail = [b for b in last.body if is_label_line(b)]
                # unit labels printed once after the group (a 完成时限 there is the last item's own)
                shared = [b for b in tail if not re.match(rf"\s*(?:{DEADLINE_WORDS})\s*[：:]", b)]
                if shared and last.body[-len(tail) :] == tail:
                    last.body = [b for b in last.body if b not in shared]
                    for child in node.children:
                        child.body.extend(shared)
        closing = find_units(node.heading) if node.children and match is None else None
        if closing is not None and closing.names and closing.span[1] >= len(node.heading.rstrip("。 ")):
            # “一、强化科技创新（区科技局牵头）” over items naming no units: the heading's units are theirs
            printed = node.heading[closing.span[0] : closing.span[1]]
            for child in node.children:
                if not child.children and not _prints_units(child):
                    child.body.append(printed)
        inherit_heading_leads(node.children, here)
        own = find_units(node.text) if here and not node.children else None
        if (
            here
            and not node.children
            and not any(line.startswith(("牵头单位", "牵头部门")) for line in node.labels)
            and own is None  # an item naming its own units keeps them
        ):
            # “5、物价局负责……相关工作。” alone: the body answers for its own item, it leads nothing
            alone = here != lead and match is not None and match.group("verb") != "牵头"
            node.body.append(f"{'责任单位' if alone else '牵头单位'}：{here}")
        elif (
            here
            and own is not None
            and own.supports
            and not own.leads
            and set(own.names) == set(own.supports)
        ):
            # “（协同单位：市科技局、市财政局；完成时限：长期坚持）” under “市工信局牵头的工作”: the
            # heading's lead leads those who help
            node.body.extend(
                [f"牵头单位：{here}", f"配合单位：{'、'.join(own.supports)}"]
                + ([f"完成时限：{own.deadline}"] if own.deadline else [])
            )


# a body's name standing alone as a heading: the last word says it is a body that answers
BODY_HEADING_END = re.compile(
    r"(局|委|办|厅|部|部门|政府|管委会|公司|集团|中心|镇|乡|街道|办公室|科|处|室|站|所|院|指挥部|实验区|开发区|新区|经开区|高新区"
    r"|科协|协会|学会|联合会|工会|妇联|残联|团委)$"
)


# “约束性指标的责任部门”, “有关部门”: words about bodies, not a body's name
KIND_OF_BODY = re.compile(r"的|^(?:各|其他|其它)?(?:有关|相关|责任|牵头|配合|主管|职能|业务|行业)?部门$")


def _bare_name(name: str) -> str:
    """“综合办公室（党群工作部、监察室）” → 综合办公室: the offices a body also houses, in brackets;
    “区公安分局（交管）” → 区公安分局: the branch of it meant."""
    inner = re.search(r"[（(]([^（）()]*)[）)]$", name)
    if inner is None or re.search(r"\d", inner.group(1)):
        return name  # “调处（7分）”: a score, not the offices it houses
    return name[: inner.start()]


# “（3项）” after a body's name in a heading counts the items under it; it is not part of the name
HEADING_ITEM_COUNT = re.compile(r"[（(]\s*共?\s*[0-9一二三四五六七八九十]+\s*[项条件个]\s*[）)]$")


def inherit_heading_units(nodes: list[Node], who: str | None = None) -> None:
    """A heading that is only a body's name (“二、区交通与建设局”) makes it answer for what is under it.

    整改 reports and 责任清单 group the work by the unit that does it: each item under such a heading
    that names no unit of its own gets it as 责任单位; a heading with only a paragraph under it is
    that one task.
    """
    from tracker.drafting.units import find_units, looks_like_unit, split_units

    for node in nodes:
        here = who
        printed = node.heading.strip().rstrip("：:。")
        heading = HEADING_ITEM_COUNT.sub("", printed).strip()
        names = (
            split_units(heading) if len(heading) <= 30 and not re.search(r"[，,。；;：:]", heading) else []
        )
        listed = _body_of_list_heading(heading) if node.children else None
        if listed is not None:
            # “一、生产技术科业务保安责任制” over numbered duties: the body answers for each
            here = listed
        elif (
            names
            and all(
                looks_like_unit(n) and BODY_HEADING_END.search(_bare_name(n)) and not KIND_OF_BODY.search(n)
                for n in names
            )
            # (“2. 市第二人民医院” over problems handed to 市卫健委 by a label: the heading is the place;
            # “（一）办公室⏎牵头单位：党群工作处” over duties: the heading names a working group)
            and not _labels_other_units(node, names)
        ):
            here = "、".join(names)
            if not node.children:
                text = [b for b in node.body if not is_label_line(b)]
                if text:  # the heading's paragraph is the task; the heading names who does it
                    node.heading, node.body = "".join(text), [b for b in node.body if is_label_line(b)]
        inherit_heading_units(node.children, here)
        if here and here != who and not node.children and node.heading.strip().rstrip("：:。") == printed:
            continue  # the heading itself with nothing under it: no task to give it to
        if (
            here
            and not node.children
            and not any(labels_units(label) for label in node.labels)  # (a 完成时限 line names no one)
            and find_units(node.text) is None  # an item naming its own units keeps them
        ):
            node.body.append(f"责任单位：{here}")


def share_group_labels(nodes: list[Node]) -> None:
    """Unit label lines printed under a group's heading, before its items, are each item's.

    Rule: “（二）问卷调查组⏎牵头单位：A⏎主要责任单位：B、C⏎主要工作职责：⏎1.……⏎2.……”: where no
    item under the group prints units of its own, every item gets the group's unit labels (the
    group keeps them too, so it is not counted as a task of its own).
    """
    for node in nodes:
        shared = [b for b in node.body if labels_units(b.strip())]
        if node.children and shared and not any(_prints_units_within(c) for c in node.children):
            for leaf in _leaves(node.children):
                leaf.body.extend(shared)
        else:
            share_group_labels(node.children)


def _prints_units_within(node: Node) -> bool:
    return _prints_units(node) or any(_prints_units_within(c) for c in node.children)


def _leaves(nodes: list[Node]) -> list[Node]:
    return [leaf for n in nodes for leaf in ([n] if not n.children else _leaves(n.children))]


def _labels_other_units(node: Node, names: list[str]) -> bool:
    """The node's own label lines name units, none of them the heading's."""
    from tracker.drafting.labels import labels_units, parse_fields
    from tracker.drafting.units import split_units

    fields = parse_fields("；".join(b for b in node.body if labels_units(b) or RECTIFY_LABEL.match(b)))
    found = {n for key in ("lead", "support", "responsible") for n in split_units(fields.get(key, ""))}
    return bool(found) and not found & set(names)


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def number_of(code: str) -> int | None:
    """“（十二）” / “12.” / “三” → 12 / 12 / 3; None for anything else."""
    raw = re.sub(r"^[（(\s]+|[）)、.．\s]+$", "", code)
    if re.fullmatch(r"[0-9]{1,3}", raw):
        return int(raw)
    if not raw or any(c not in _CN_DIGITS and c != "十" for c in raw) or raw.count("十") > 1:
        return None
    if "十" not in raw:
        return _CN_DIGITS[raw] if len(raw) == 1 else None
    tens, _, units = raw.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _cn_number(value: int) -> str:
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    tens, units = divmod(value, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def _next_code(level: int, code: str) -> str | None:
    """The number that follows an item's own, printed the same way (“（二）” after “（一）”)."""
    circled = code.strip()
    if len(circled) == 1 and "①" <= circled < "⑳":  # “②” after “①”
        return chr(ord(circled) + 1)
    value = number_of(code)
    if value is None or value >= 99:
        return None
    if level == 1:
        return f"{_cn_number(value + 1)}、"
    if level == 2:
        return f"（{_cn_number(value + 1)}）"
    if level == 3:
        return f"{value + 1}."
    if level == 4 and code.startswith("（"):
        return f"（{value + 1}）"
    return None


def split_run_on(line: str) -> list[str]:
    """“（一）开展……。（二）推进……。” → one line per item.

    Offices (and the pages that carry their documents) run the numbered items of a group
    together in one paragraph. A number opening a new sentence (after 。；！ or a closing
    bracket that follows one) starts an item where it is the number right after the last
    one, printed the same way; any other number inside a sentence is the sentence's own.
    """
    found = heading_of(line)
    if found is None:
        return [line]
    level, code, _ = found
    pieces: list[str] = []
    start = 0
    while True:
        following = _next_code(level, code)
        if following is None:
            break
        forms = [following] if level != 3 else [following, following[:-1] + "、", following[:-1] + "．"]
        cut = -1
        for form in forms:
            at = line.find(form, start + 1)
            while at > 0:
                before = line[:at].rstrip()
                figure = line[at + len(form) : at + len(form) + 1].isdigit()  # “2.3亿元” is a figure
                if not figure and (
                    before.endswith(("。", "；", ";", "！"))
                    or (before.endswith("）") and re.search(r"[。；！]\s*（[^（）]*）$", before))
                ):
                    break
                at = line.find(form, at + 1)
            if at > 0 and (cut < 0 or at < cut):
                cut = at
        if cut < 0:
            break
        pieces.append(line[start:cut].strip())
        start = cut
        code = following
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


LABEL_LIST_START = re.compile(r"^\s*(?P<label>[^：:]{2,12}[：:])\s*1\s*[.．、]")
NEXT_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.．、]")


def numbered_label_values(lines: list[str]) -> list[str]:
    """A label whose value is a numbered list (“责任处室：1.经济发展处（……）⏎2.交通与建设处（……）”)
    keeps the rest of the list: the lines 2., 3. … right after it are its value, not items."""
    out: list[str] = []
    expected = 0
    for line in lines:
        number = NEXT_NUMBER.match(line)
        if expected and number and int(number.group(1)) == expected and out:
            out[-1] = f"{out[-1]}；{line.strip()}"
            expected += 1
            continue
        expected = 0
        start = LABEL_LIST_START.match(line)
        if start and is_label_line(line):
            expected = 2
        out.append(line)
    return out


QUESTION = re.compile(r"是否|^(?:有无|有没有)|[？?]$")


def fold_checklists(nodes: list[Node]) -> None:
    """Items that only ask (“1.是否擅自改变建筑使用功能；” …) are the points to check under their
    heading, not tasks: their words go to the heading's content."""
    for node in nodes:
        if len(node.children) >= 2 and all(
            not child.children and QUESTION.search(child.heading.strip().rstrip("；;。"))
            for child in node.children
        ):
            labels = [b for child in node.children for b in child.body if is_label_line(b)]
            node.body = [
                *node.body,
                *(f"{child.code}{child.heading}" for child in node.children),
                *labels,
            ]
            node.children = []
        else:
            fold_checklists(node.children)


# “问题整改责任单位：X 整改时限：3天” closing a point's numbered problems
RECTIFY_LABEL = re.compile(r"^\s*(?:问题)?整改(?:责任)?(?:单位|部门)\s*[：:]")


def fold_problem_points(nodes: list[Node]) -> None:
    """A point (“1. 市科技馆”) over its numbered problems closed by one 整改责任单位 line.

    Rule: where only the last problem is followed by a line handing the problems to a unit
    (问题整改责任单位：X), the point is the task to put right and its problems are its content.
    """
    for node in nodes:
        kids = node.children
        if len(kids) < 2 or any(k.children for k in kids):
            fold_problem_points(kids)
            continue
        closes = any(RECTIFY_LABEL.match(b) for b in kids[-1].body)
        if not closes or any(is_label_line(b) for k in kids[:-1] for b in k.body):
            continue
        node.body = [
            *node.body,
            *(f"{_code_as_printed(k.code)}{k.heading}" for k in kids),
            *(b for k in kids for b in k.body),
        ]
        node.children = []


PART_HEADING_MOST = 8  # “投资重点”, “主要措施”, “工作目标”: a part's name is a few words


def _part_names(node: Node) -> tuple[str, ...] | None:
    """The names of a node's parts when every child is one short name (“1.投资重点”)."""
    if len(node.children) < 2:
        return None
    names = tuple(child.heading.strip().rstrip("：:。") for child in node.children)
    if any(not n or len(n) > PART_HEADING_MOST or re.search(r"[，,；;。、（）()\d]", n) for n in names):
        return None
    return names


def _flattened(node: Node) -> list[str]:
    """A node's own lines and its children's, in print order, numbers as printed."""
    return [
        f"{_code_as_printed(node.code)}{node.heading}",
        *node.body,
        *(line for child in node.children for line in _flattened(child)),
    ]


def fold_template_parts(nodes: list[Node]) -> None:
    """Items whose children are the same short parts (“1.投资重点⏎2.主要措施”) under two items or
    more are tasks written to one template: the parts, and whatever is numbered inside them, are
    the task's words, not tasks of their own (the label lines among them stay the task's)."""
    for node in nodes:
        parts = [_part_names(child) for child in node.children]
        counts = Counter(p for p in parts if p is not None)
        shared = {names for names, n in counts.items() if n >= 2}
        for child, names in zip(node.children, parts, strict=True):
            if names is not None and names in shared:
                child.body = [*child.body, *(line for part in child.children for line in _flattened(part))]
                child.children = []
        fold_template_parts(node.children)


UNIT_COLON = re.compile(r"^\s*(?P<who>[\u4e00-\u9fa5（）()、]{2,20})[：:]\s*(?P<duty>\S.{4,})$")
# “1.街道消委办。牵头开展……”: a numbered item naming a body as its own short sentence
# (an office's name ends as one does; a work group's “综合组。” names the group's task instead)
UNIT_STOP = re.compile(
    r"^\s*(?P<who>[\u4e00-\u9fa5（）()]{1,10}(?:办|局|委|所|中心|会|站|队|院|处|科|室|厅|司|府|街道|社区|公司|集团))"
    r"。\s*(?P<duty>\S.{4,})$"
)


def _beside(marks: Sequence[object | None], index: int, reach: int = 1) -> bool:
    """A marked line has a marked neighbour within `reach` lines: such lines follow each other."""
    return any(
        0 <= index + step < len(marks) and marks[index + step] is not None
        for distance in range(1, reach + 1)
        for step in (-distance, distance)
    )


def unit_headed_items(lines: list[str]) -> list[str]:
    """Numbered items that open with a body and a colon (“（一）政法综治处：1.落实……。2.配合……”):
    the body answers for what follows it; where sub-items follow on lines of their own, the
    body answers for each of them and its own sentence only frames them.

    A run of items after it (“1.……2.……”) becomes items of their own under a heading that is
    the body's name; words alone become the item, with the body in brackets. Only where two
    such items or more follow each other, and only for names that read as bodies.
    """
    from tracker.drafting.units import find_units, looks_like_unit

    def opening(line: str) -> tuple[str, str, str] | None:
        found = heading_of(line.strip())
        if found is None or is_label_line(found[2]):
            return None
        match = UNIT_COLON.match(found[2])
        if match is None or not looks_like_unit(match.group("who").strip()):
            return None
        if re.search(r"[（(][^）)]*$", match.group("who")):
            return None  # “规则共定（牵头单位：X）”: the colon is a label's inside a bracket
        code = line.strip()[: len(line.strip()) - len(found[2])].strip()
        return code, match.group("who").strip(), match.group("duty").strip()

    marks = [opening(line) for line in lines]
    # an item's own sub-items (“2．各居民区：……⏎（1）……⏎（2）……”) stand between it and the next
    # body's item: the run is read over the items of the bodies' level
    inside = _sub_item_lines(lines, marks)
    under = {j for run in inside.values() for j in run}
    skeleton = [i for i in range(len(lines)) if i not in under and lines[i].strip()]
    skeleton_marks = [marks[j] for j in skeleton]
    beside = {i for k, i in enumerate(skeleton) if _beside(skeleton_marks, k, reach=2)}
    out: list[str] = []
    owner: dict[int, str] = {}
    for index, (line, mark) in enumerate(zip(lines, marks, strict=True)):
        if index in owner:
            out.append(_answered_by(line.strip(), owner[index]))
            continue
        # (one item between whose opening names no single body — “电信、移动……三大运营企业：” —
        # does not break the run)
        if mark is None or index not in beside:
            out.append(line)
            continue
        code, who, rest = mark
        inner = heading_of(rest)
        subs = inside.get(index, [])  # (numbered lines only: a paragraph ends the run)
        if inner is not None and inner[0] > (heading_of(line.strip()) or (0,))[0]:
            out.append(f"{code}{who}")
            out.extend(_answered_by(item, who) for item in split_run_on(rest))
        elif subs and not any(find_units(lines[j]) for j in subs):
            # the item's sentence frames the body's sub-items, each of which is the body's work
            out.extend([f"{code}{who}", rest])
            owner.update(dict.fromkeys(subs, who))
        else:
            out.append(f"{code}{_answered_by(rest, who)}")
    return out


def _sub_item_lines(lines: list[str], marks: Sequence[object | None]) -> dict[int, list[int]]:
    """marked line → the lines after it numbered deeper than it (blank lines among them), up to the
    next line numbered at its level or above or a paragraph of its own."""
    out: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        if mark is None:
            continue
        level = _level(lines[index])
        run: list[int] = []
        for j in range(index + 1, len(lines)):
            if not lines[j].strip():
                continue
            found = heading_of(lines[j].strip())
            if found is None or found[0] <= level:
                break
            run.append(j)
        if run:
            out[index] = run
    return out


BODY_SENTENCE_RUN = (
    3  # “2.积极安排部署。3.重点跟踪督办。” may end as an office does; three bodies in a row do not
)


def bodies_as_sentences(lines: list[str]) -> list[str]:
    """Numbered items each opening with an office's name as a sentence of its own answer to it.

    Rule: “1.街道消委办。牵头开展……⏎2.派出所。配合开展……⏎3.服务办。负责……”, three such items
    or more one after another (blank lines between them aside), each name reading as a body: the
    body answers for its item's words.
    """
    from tracker.drafting.units import looks_like_unit

    def opening(line: str) -> tuple[str, re.Match[str]] | None:
        found = heading_of(line.strip())
        if found is None or is_label_line(found[2]):
            return None
        match = UNIT_STOP.match(found[2])
        if match is None or not looks_like_unit(match.group("who")):
            return None
        return line.strip()[: len(line.strip()) - len(found[2])].strip(), match

    marks = [opening(line) for line in lines]
    out = list(lines)
    run: list[int] = []
    for index in [*range(len(lines)), len(lines)]:
        if index < len(lines) and marks[index] is not None:
            if run and _level(lines[index]) != _level(lines[run[0]]):
                _answer_run(run, marks, out)
                run = []
            run.append(index)
            continue
        if index < len(lines) and not lines[index].strip():
            continue
        if index < len(lines) and run and _inside_item(lines[index], _level(lines[run[0]])):
            continue  # the sub-items of “（五）各街道办事处。……⏎1.……” are inside the run's item
        _answer_run(run, marks, out)
        run = []
    return out


def _level(line: str) -> int:
    found = heading_of(line.strip())
    return found[0] if found is not None else -1


def _inside_item(line: str, level: int) -> bool:
    """A line inside an item of the given level: a paragraph, or an item numbered deeper."""
    found = heading_of(line.strip())
    return found is None or found[0] > level


def _answer_run(run: list[int], marks: list[tuple[str, re.Match[str]] | None], out: list[str]) -> None:
    """Writes each item of a run long enough with its body in brackets (bodies_as_sentences)."""
    if len(run) < BODY_SENTENCE_RUN:
        return
    for i in run:
        code, match = marks[i] or ("", None)
        assert match is not None
        out[i] = f"{code}{_answered_by(match.group('duty').strip(), match.group('who'))}"


# “（二）社会事业局职责。社会事业局民政处要……”: an item headed by a body's duties
DUTY_HEADING = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5（）()、]{2,20}?)(?:的)?(?:主要|工作)?职责[。：:]\s*\S.{4,}$"
)


def items_headed_by_duties(lines: list[str]) -> list[str]:
    """Numbered items headed “X职责。……” answer to X, whoever their sentences name.

    Rule: two such items or more in a row, at least two of their X reading as bodies; each
    item's words are kept whole (its title stays “X职责”) and X answers for it, so the bodies
    its sentences work with (“配合民政、教育等部门”) are not its units.
    """
    from tracker.drafting.units import find_units, looks_like_unit, split_units

    def opening(line: str) -> str | None:
        found = heading_of(line.strip())
        if found is None or is_label_line(found[2]):
            return None
        match = DUTY_HEADING.match(found[2])
        if match is None:
            return None
        labelled = find_units(found[2])
        if labelled is not None and labelled.span[0] > len(match.group("who")) + 3:
            return None  # the item closes with its own units: read as it is
        return match.group("who")

    marks = [opening(line) for line in lines]
    out = list(lines)
    start = 0
    while start < len(lines):
        if marks[start] is None:
            start += 1
            continue
        end = start
        while end + 1 < len(lines) and (marks[end + 1] is not None or not lines[end + 1].strip()):
            end += 1
        run = [i for i in range(start, end + 1) if marks[i] is not None]
        bodies = [i for i in run if any(looks_like_unit(n) for n in split_units(marks[i] or ""))]
        if len(run) >= 2 and len(bodies) >= 2:
            for i in run:
                out[i] = _answered_by(lines[i].strip(), marks[i] or "")
        start = end + 1
    return out


# “2016年平潭综合实验区经济发展局环境保护目标责任”: a line naming a body and the list of its own
# duties that follows (目标责任, 工作职责, 责任清单 …)
BODY_LIST_TAIL = re.compile(
    r"^(?:的)?[\u4e00-\u9fa5]{0,10}?(?:目标责任|工作职责|主要职责|职责|责任清单|任务清单|工作任务|重点任务|目标任务|责任制)"
    r"(?:书|表|清单|分解表|范围内?)?$"
)
# (“属住建局职责范围”: a 督查 notice grouping its problems by the body they fall to)
BODY_LIST_YEAR = re.compile(r"^(?:(?:19|20)\d\d\s*年(?:度)?|属于?)")
BODY_LIST_ENDS = (
    "责任",
    "职责",
    "清单",
    "任务",
    "书",
    "表",
    "责任制",
    "范围",
    "范围内",
)  # how BODY_LIST_TAIL can end
BODY_LIST_MOST = 40  # a heading of a body's list is one short line


def _body_of_list_heading(line: str) -> str | None:
    """The body a line heads the duties of (“2016年X局环境保护目标责任” → X局), or None."""
    from tracker.drafting.units import looks_like_unit

    text = BODY_LIST_YEAR.sub("", line.strip())
    if not text.endswith(BODY_LIST_ENDS):  # (most lines: one test, not a search for a name)
        return None
    if len(text) > BODY_LIST_MOST or re.search(r"[。；;，,：:]", text) or heading_of(text):
        return None
    for end in range(len(text) - 2, 2, -1):  # the longest name the rest of the line follows
        if BODY_LIST_TAIL.match(text[end:]) and looks_like_unit(text[:end]):
            # “各职能部门业务保安责任制”, “成员单位工作职责”: the bodies of a list, no one body
            return None if MANY_BODIES.search(text[:end]) else text[:end]
    return None


# “三义街社区（责任单位：西城街道三义街社区）” over its own “1、…2、…” problems
POINT_WITH_UNITS = re.compile(
    r"^(?P<name>[^，,。；;：:（()）\d]{2,20}?)[：:]?\s*"
    r"(?P<bracket>[（(](?:整改)?责任(?:单位|部门|主体)[：:][^（()）]{2,80}[）)])[：:。]?$"
)
POINT_PROBLEMS = "存在问题："


def _first_item(line: str) -> bool:
    found = heading_of(line.strip())
    return found is not None and number_of(found[1]) == 1


def points_over_problems(lines: list[str]) -> list[str]:
    """Unnumbered points, each naming its units in a bracket over its own numbered problems.

    Rule: where two lines or more read “X社区（责任单位：Y）” and each is followed by problems
    numbered from 1 that name no units of their own, each point is one task for Y (numbered in
    order, as the page prints none) and its problems are the task's words.
    """
    from tracker.drafting.units import find_units

    points = [
        i
        for i, line in enumerate(lines)
        if heading_of(line.strip()) is None
        and POINT_WITH_UNITS.match(line.strip())
        and i + 1 < len(lines)
        and _first_item(lines[i + 1])
    ]
    if len(points) < 2:
        return lines
    out = list(lines[: points[0]])
    for n, start in enumerate(points, start=1):
        end = points[n] if n < len(points) else len(lines)
        problems: list[str] = []
        index = start + 1
        while index < end and heading_of(lines[index].strip()) is not None:
            if find_units(lines[index]) is not None:
                return lines  # a problem with its own units: read as printed
            problems.append(lines[index].strip())
            index += 1
        match = POINT_WITH_UNITS.match(lines[start].strip())
        assert match is not None
        out.append(f"{n}.{match.group('name').strip()}{match.group('bracket')}")
        out.append(POINT_PROBLEMS + "；".join(p.rstrip("。；;") for p in problems) + "。")
        out.extend(lines[index:end])
    return out


MANY_BODIES = re.compile(r"^(?:各|其他|其它|有关|相关)|(?:职能部门|成员单位|责任单位|相关部门|有关部门)$")


def items_under_body_headings(lines: list[str]) -> list[str]:
    """Numbered items under an unnumbered line that heads one body's duties are that body's.

    Rule: after a line “[year]X局[field]目标责任/工作职责/责任清单”, each numbered item that prints
    no units of its own answers to X, up to the next such line; it takes two such lines or more in
    the document, so a title that happens to end in 工作任务 binds nothing.
    """
    from tracker.drafting.units import find_units

    bodies = [_body_of_list_heading(line) for line in lines]
    if sum(1 for b in bodies if b) < 2:
        return lines
    out: list[str] = []
    who: str | None = None
    for line, body in zip(lines, bodies, strict=True):
        if body:
            who = body
            out.append(line)
            continue
        item = heading_of(line.strip())
        if who and item is not None and find_units(line) is None and not is_label_line(item[2]):
            out.append(_answered_by(line.strip(), who))
        else:
            out.append(line)
    return out


def _answered_by(words: str, who: str) -> str:
    """The item's words with the body that answers for them in brackets, read as any task's."""
    words = words.rstrip("；;，, ")
    return f"{words}（{who}负责）" if words.endswith("。") else f"{words}。（{who}负责）"


def _duty_of(line: str) -> re.Match[str] | None:
    """“区公安局：负责……” → the match naming the body and its duty, for names that read as bodies."""
    from tracker.drafting.units import looks_like_unit

    match = UNIT_COLON.match(line)
    if match is None or is_label_line(line) or heading_of(line.strip()) is not None:
        return None
    who = match.group("who")
    if who.endswith(("单位", "部门", "机关")):
        # “区渔业行政主管部门：”, “教育部门：”, “公安机关：” name a party; “有关部门：”,
        # “责任单位：”, “主管部门：” do not
        generic = r"^(?:各|其他|其它)?(?:有关|相关|责任|牵头|配合|协办|主办|主管|职能|业务|行业|各)?(?:单位|部门|机关)$"
        return match if len(who) >= 4 and not re.match(generic, who) else None
    return match if looks_like_unit(who) else None


# what a 督查 finding says went wrong (“环境整治不到位”, “未落实……规定”, “预检分诊无人上班”)
FAULT = re.compile(
    r"不到位|不规范|不完善|不健全|不及时|不彻底|不力|不严|无人|没有|仍有|仍在|缺少|缺乏|滞后|较慢|偏低|"
    # what an inspector saw: “空调温度低于26℃”, “杂物乱堆乱放”, “地面有积灰”, “……较差”
    r"低于|超过规定|超标|较差|脏乱|乱堆|乱放|乱扔|乱贴|乱停|占道|积灰|积存|堵塞|破损|损坏|闲置|漂浮|倾倒|焚烧|"
    r"(?<![对将把])(?:未|尚未|仍未)(?:严格|及时|按要求|全面|有效)?(?:落实|建立|设置|开展|完成|执行|做到|清理|清运|整改|到位)"
)
DUTY_OPENING = re.compile(r"^(?:负责|牵头|配合|参与|协助|指导|组织|做好|加强|落实|推进|统筹|承担|会同)")


def _findings_beside(faults: list[bool], marks: Sequence[object | None]) -> list[bool]:
    """For each line: whether another line of its run of body-and-colon lines is a finding.

    One pass over the runs, so a hostile file of a hundred thousand such lines stays linear.
    """
    beside = [False] * len(marks)
    start = 0
    while start < len(marks):
        if marks[start] is None:
            start += 1
            continue
        end = start
        while end + 1 < len(marks) and marks[end + 1] is not None:
            end += 1
        count = sum(faults[start : end + 1])
        for k in range(start, end + 1):
            beside[k] = count - faults[k] > 0
        start = end + 1
    return beside


def _first_clause(words: str) -> str:
    """A duty's words to its first stop or comma; empty where they open with a duty verb."""
    words = words.strip()
    if DUTY_OPENING.match(words):
        return ""
    return re.split(r"[。；;，,]", words, maxsplit=1)[0]


def duty_lines(lines: list[str]) -> list[str]:
    """A list of duties, a unit a paragraph (“区公安局：负责打击……。⏎区资源生态局：负责……。”):
    each is that unit's task, written with its unit in brackets so it is read as any task; a
    duty opening 牵头 (“法规处：牵头协调……”) makes its unit the lead.

    Only where two such lines or more follow each other, and only for names that read as bodies.
    """
    marks = [_duty_of(line) for line in lines]
    faults = [m is not None and bool(FAULT.search(_first_clause(m.group("duty")))) for m in marks]
    among_findings = _findings_beside(faults, marks)
    out: list[str] = []
    for index, (line, match) in enumerate(zip(lines, marks, strict=True)):
        if match is None or not _beside(marks, index):
            out.append(line)
            continue
        if faults[index]:
            # “光辉镇：未落实……规定，……。”: a finding against the body keeps the body in its name
            out.append(_answered_by(line.strip(), match.group("who")))
            continue
        if among_findings[index] and not FAULT.search(match.group("duty")):
            continue  # “测井中心：空调温度均符合规定；……较好。” among findings: a pass, no task to draft
        for who, words in _sentences_by_subject(match.group("who"), match.group("duty").rstrip()):
            # “法规处：牵头协调……” leads the work it names; “区公安局：负责……” answers for it
            role = "牵头" if words.startswith("牵头") else "负责"
            closing = f"（{who}{role}）"
            out.append(f"{words}{closing}" if words.endswith("。") else f"{words}。{closing}")
    return out


MIN_APPENDIX_DUTIES = 3


def duties_appendix_replaces_body(lines: list[str]) -> list[str]:
    """The lines with the body's numbered items set aside where an 附件 divides the work by duties.

    Rule: where the lines after an 附件 heading hold three duties of bodies or more, one a
    paragraph following another (“区财政局：负责……”), and no numbered item before the heading names a unit or
    prints a unit label, the body sets up a meeting or a group (its 主要任务 are the group's)
    and the 附件's division of work is the plan.
    """
    from tracker.drafting.units import find_units

    start = next((i for i, line in enumerate(lines) if is_appendix_heading(line)), None)
    if start is None:
        return lines
    marks = [_duty_of(line) if i > start else None for i, line in enumerate(lines)]
    if sum(mark is not None and _beside(marks, i) for i, mark in enumerate(marks)) < MIN_APPENDIX_DUTIES:
        return lines
    numbered = [i for i in range(start) if heading_of(lines[i].strip()) is not None]
    if not numbered:
        return lines
    for i in range(start):
        line = lines[i].strip()
        if labels_units(line) or (i in numbered and find_units(line) is not None):
            return lines
    return ["" if numbered[0] <= i < start else line for i, line in enumerate(lines)]


# an office inside a body (处, 科, 室, 股, 办), not another body the sentence sets to work
OFFICE_SUBJECT = re.compile(
    r"(?P<who>[\u4e00-\u9fa5]{1,13}?[处科室股办])负责(?!单位|部门)(?=[\u4e00-\u9fa5“])"
)


def _sentences_by_subject(who: str, words: str) -> list[tuple[str, str]]:
    """A body's duty paragraph, parted where a sentence opens with one of its offices' duties.

    Rule: in “区台湾工作部：新闻调研处负责……。联络交流处负责……。”, each sentence opening
    “X负责” with X an office (a body's name ending 处, 科, 室, 股 or 办) starts X's own task, up to the next such sentence; the words
    before the first belong to the paragraph's body.
    """
    from tracker.drafting.units import looks_like_unit

    starts: list[tuple[int, str]] = []
    for at in [0, *(m.end() for m in re.finditer("。", words))]:
        subject = OFFICE_SUBJECT.match(words, at)
        if subject and subject.group("who") != who and looks_like_unit(subject.group("who")):
            starts.append((at, subject.group("who")))
    if not starts:
        return [(who, words)]
    parts = [(who, words[: starts[0][0]])] if starts[0][0] > 0 else []
    ends = [at for at, _ in starts[1:]] + [len(words)]
    parts.extend((office, words[at:end]) for (at, office), end in zip(starts, ends, strict=True))
    return parts


SUBJECT_DUTY = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5、（）()]{3,30}?)(?:分别)?(?:(?P<lead>牵头)(?:负责)?|负责|承担|协同|会同|配合|做好"
    # “管委会的主要职责是……”, “综合执法局作为园区管理工作牵头部门，负责……”
    r"|的(?:主要)?职责(?:是|为)|作为[\u4e00-\u9fa5]{2,24}?(?P<named_lead>牵头)?(?:部门|单位)[，,]\s*负责)(?!单位|部门)"
    r"(?=[\u4e00-\u9fa5“])"
)
DUTY_RUN_MIN = 3  # paragraphs in a row: two could be any two sentences that open with a name
# “财政审计局保障……”, “区派出所及时处置……”: a clause of a duty paragraph opening with another body
CLAUSE_BODY = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5（）()]{2,20}?(?:局|委|办|部|中心|公司|所|院|队|站|处|科|室|镇|街道|管委会))"
    r"(?=[\u4e00-\u9fa5])(?!单位|部门)"
)

CLAUSE_VERB = re.compile(
    r"^(?:扶持|支持|培育|建设|组织|抓好|负责|统筹|协调|引导|鼓励|服务|保障|监督|管理|整合|争创|创建)"
)


def _told(clause: str) -> tuple[list[str], bool] | None:
    """The body a duty paragraph's later clause opens with, told its work without 负责."""
    match = CLAUSE_BODY.match(clause.strip())
    if match is None or CLAUSE_VERB.match(match.group("who")) or not _actor(match.group("who")):
        return None  # (“扶持企业技术中心建设”: the clause opens with what is done to a body)
    return [match.group("who")], False


def subject_duty_lines(lines: list[str]) -> list[str]:
    """Unnumbered paragraphs in a run, each opening with a different body and its duty
    (“市财政局负责……。⏎市教育局负责……。⏎市统计局负责……。”), are each that body's task.

    Rule: three paragraphs or more in a row (blank lines aside), each opening with names that
    read as bodies and 负责/承担/协同/会同/配合/牵头, naming three bodies or more; each is written
    with its body in brackets (“……。（市财政局负责）”) so it is read as any task. The body
    cooperated with (“会同有关部门”) is no unit of the task: only the sentence's subject is.
    """
    from tracker.drafting.units import find_units, split_units

    def duty(line: str) -> tuple[list[str], bool] | None:
        text = line.strip()
        if not text or is_label_line(text) or heading_of(text) is not None:
            return None
        match = SUBJECT_DUTY.match(text)
        if match is None:
            return None
        names = split_units(match.group("who"))
        if not names or not all(_actor(n) for n in names):
            return None
        found = find_units(text)
        if found is not None and found.span[0] > len(match.group("who")):
            return None  # the paragraph closes with its own units: read as it is
        return names, bool(match.group("lead") or match.group("named_lead"))

    def clause_duties(line: str) -> list[tuple[str, tuple[list[str], bool]]] | None:
        """“A做好……；B保障……；C及时处置……”: clauses each opening with another body's duty."""
        clauses = [c for c in re.split(r"[；;]", line.strip().rstrip("。")) if c.strip()]
        if len(clauses) < 2:
            return None
        read = [(c, duty(c) or _told(c)) for c in clauses]
        if any(m is None for _, m in read) or len({"、".join(m[0]) for _, m in read if m}) < len(read):
            return None
        return [(c, m) for c, m in read if m is not None]

    def closed(words: str, names: list[str], leads: bool) -> str:
        words = words.rstrip().rstrip("；;，, ")
        closing = f"（{'、'.join(names)}{'牵头' if leads else '负责'}）"
        return f"{words}{closing}" if words.endswith("。") else f"{words}。{closing}"

    marks = [duty(line) for line in lines]
    split = [
        clause_duties(line) if mark is not None else None for line, mark in zip(lines, marks, strict=True)
    ]
    out = list(lines)
    run: list[int] = []

    def close_run() -> None:
        bodies = {"、".join(marks[i][0]) for i in run if marks[i] is not None}  # type: ignore[index]
        bodies |= {"、".join(m[0]) for i in run for _, m in split[i] or []}
        if len(run) >= DUTY_RUN_MIN and len(bodies) >= DUTY_RUN_MIN:
            for i in run:
                names, leads = marks[i]  # type: ignore[misc]
                parts = split[i]
                out[i] = (
                    "".join(closed(c, m[0], m[1]) for c, m in parts)
                    if parts
                    else closed(lines[i], names, leads)
                )
        run.clear()

    for index, (line, mark) in enumerate(zip(lines, marks, strict=True)):
        if mark is not None:
            run.append(index)
        elif line.strip():
            close_run()
    close_run()
    return out


GROUP_PHRASE_MAX = 20  # a lead phrase this short names a group of work, not one task
DIVISION_HEADING = re.compile(r"(?:职责|责任|任务|工作)分工$|分工负责$|分工协作$|部门职责$|职责分工与协作$")
OPENS_WITH_ACTOR = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5、（）()]{2,24}?)(?:要|负责|围绕|牵头|做好|承担|落实|会同|抓好)"
)


DUTY_OPENER = re.compile(
    r"^(?P<who>[\u4e00-\u9fa5、（）()]{2,24}?)(?:(?:要|应|需)?(?:具体|分别)?(?P<lead>牵头)?负责(?P<leading>牵头)?"
    r"|(?:要|应|需)?(?P<leads>牵头)|要(?![素点求件闻案])|应(?![急用收届])|需(?!求))"
    r"(?!单位|部门)(?=[\u4e00-\u9fa5])"
)


def _leading_body(sentence: str) -> str | None:
    """The body a sentence opens with, its verb following at once (“区公安局（烟花办）建立……”).

    Rule: the shortest opening that ends as a body does (局, 委, 办 …), with its line of business
    in brackets after it if printed, must read as a body and be followed by a word, not a mark.
    """
    from tracker.drafting.units import split_units

    match = re.match(r"^[\u4e00-\u9fa5]{1,20}?(?:局|委|办|厅|院|所|站|队|中心|政府)", sentence)
    if match is None:
        return None
    who = match.group(0)
    names = split_units(who)
    if not names or not all(_actor(n) for n in names):
        return None
    business = re.match(r"^（[^（）]{1,8}）", sentence[len(who) :])
    if business:
        who += business.group(0)
    return who if re.match(r"[\u4e00-\u9fa5]", sentence[len(who) :]) else None


def _says_lead(opening: re.Match[str]) -> bool:
    """A DUTY_OPENER match that says its bodies lead (“X牵头”, “X负责牵头”, “X牵头负责”)."""
    return bool(opening.group("lead") or opening.group("leads") or opening.group("leading"))


def actors_in_duty_lists(nodes: list[Node], excluded: Callable[[Node], bool]) -> None:
    """Items side by side that mostly open “X负责……” (“1.区公安局负责……；2.区教育局负责……”) each
    name the body answering for them.

    One sentence opening with a name may say anything; a run of sibling items each opening
    with a body and 负责/牵头 is a duty list. Two thirds of the items, and at least two, must
    open so; the sections that say how (工作要求, 保障措施) are left as they are.
    """
    from tracker.drafting.units import find_units, split_units

    for node in nodes:
        actors_in_duty_lists(node.children, excluded)
        leaves = [c for c in node.children if not c.children]
        if len(leaves) < 2 or excluded(node):
            continue
        opened: list[tuple[Node, str]] = []
        inside: list[tuple[Node, str]] = []  # items whose bodies are named inside their sentences
        named = 0  # items that name their units already count towards the run
        for child in leaves:
            opening = DUTY_OPENER.match(_opening_sentence(child))
            if child.labels or find_units(child.text) is not None:
                named += 1
                continue
            names = split_units(opening.group("who")) if opening else []
            if opening and names and all(_actor(n) for n in names):
                leads = _says_lead(opening)
                opened.append((child, f"{'牵头单位' if leads else '责任单位'}：{'、'.join(names)}"))
            elif line := _clause_actors(child):
                inside.append((child, line))
        run = len(opened) + len(inside) + named
        if len(opened) >= 2 and (len(opened) + named) * 3 >= len(leaves) * 2:
            # in such a list, an item opening with a body and its verb alone (“区公安局（烟花办）
            # 建立……”, no 负责) is that body's as well
            taken = {id(child) for child, _ in opened}
            for child in leaves:
                who = _leading_body(_opening_sentence(child)) if id(child) not in taken else None
                if who and not child.labels and find_units(child.text) is None:
                    opened.append((child, f"责任单位：{who}"))
            for child, line in opened:
                child.body.append(line)
        elif opened and len(opened) + len(inside) >= 2 and run * 3 >= len(leaves) * 2:
            # a run whose bodies mostly open a sentence somewhere in the item (“……。食品处、各分局要……”)
            for child, line in [*opened, *inside]:
                child.body.append(line)


def duty_sentences(nodes: list[Node], excluded: Callable[[Node], bool]) -> None:
    """An item whose sentences each open with a different body's duty holds a task a sentence.

    Rule: “一、保护职能划分。区环土局负责……。区旅发委负责……。区规划局负责……。” is three
    tasks when two thirds of the sentences after the short lead phrase, and at least two, open
    with a body and 负责/要/应, naming at least two bodies, and an item beside it names its units;
    each sentence is closed by its body so the item splits as one whose sentences close with
    their own units.
    """
    from tracker.drafting.units import find_units, split_units

    def names_units(node: Node) -> bool:
        return bool(node.labels) or find_units(node.text) is not None

    # (only among items that name their units: elsewhere bodies told what to do say how; counted
    # once for the list, not once for each item, so a long list stays linear)
    named = [node for node in nodes if not node.children and names_units(node)]
    for node in nodes:
        if excluded(node):
            continue  # (保障措施: who does what there says how the work is done, not more tasks)
        duty_sentences(node.children, excluded)
        if node.children or node in named or not named:
            continue
        whole = "".join([node.heading.strip(), *(b.strip() for b in node.body if b.strip())])
        phrase, dot, rest = whole.partition("。")
        if not dot or len(phrase) > GROUP_PHRASE_MAX or not rest:
            continue
        sentences = [x for x in rest.split("。") if x.strip()]
        closed: list[str] = []
        bodies: set[str] = set()
        for sentence in sentences:
            opening = DUTY_OPENER.match(sentence.strip())
            names = split_units(opening.group("who")) if opening else []
            if opening and names and all(_actor(n) for n in names):
                leads = _says_lead(opening)
                closed.append(f"{sentence}。（{'、'.join(names)}{'牵头' if leads else '负责'}）")
                bodies.add("、".join(names))
            else:
                closed.append(f"{sentence}。")
        actors = sum(1 for c in closed if c.endswith("）"))
        if actors >= 2 and len(bodies) >= 2 and actors * 3 >= len(sentences) * 2:
            node.heading = phrase + "。" + "".join(closed)
            node.body = []


CLAUSE_BREAK = re.compile(r"[。；;，,：:]")


def _actor(name: str) -> bool:
    from tracker.drafting.subjects import opens_with_what_is_done
    from tracker.drafting.units import looks_like_unit

    # (“依据工业和信息化部……”, “归集汇聚各区……”: a clause opening with what is done names no body)
    return (
        looks_like_unit(name)
        and (len(name) >= 3 or name.startswith("各"))
        and not opens_with_what_is_done(name)
    )


def _clause_actors(node: Node) -> str | None:
    """The bodies that open a clause of the item (“……，其中：区住建局牵头开展……；区市场监管局
    要……”) as a label line, leads first; None when no clause opens with a body."""
    from tracker.drafting.units import split_units

    text = "。".join([node.heading, *(b for b in node.body if b.strip() and not is_label_line(b))])
    leads: list[str] = []
    others: list[str] = []
    for clause in CLAUSE_BREAK.split(text):
        opening = DUTY_OPENER.match(re.sub(r"^\s*(?:由|其中|同时|并)", "", clause.strip()))
        names = split_units(opening.group("who")) if opening else []
        if not opening or not names or not all(_actor(n) for n in names):
            continue
        lead = _says_lead(opening)
        for name in names:
            if name not in leads and name not in others:
                (leads if lead else others).append(name)
    if leads and others:
        return f"牵头单位：{'、'.join(leads)}\n配合单位：{'、'.join(others)}"
    if leads or others:
        return f"{'牵头单位' if leads else '责任单位'}：{'、'.join(leads or others)}"
    return None


# “工作职责：负责……” (the label goes), “主要任务是负责……” (a sentence, kept whole)
DUTY_OF_BODY = re.compile(
    r"(?:^|[，,。；;])\s*(?:(?:工作|主要)?职责\s*[：:]\s*(?P<duty>\S.*)|(?P<said>主要(?:任务|职责)(?:是|为)\S.*))$"
)


def roster_duties(nodes: list[Node]) -> None:
    """A working group set up by the plan: its name as the item, its roster, then “工作职责：……”.

    “（二）北厝片排查整治组⏎组 长：某某⏎成 员：……⏎工作职责：负责北厝片的……”: the duties are
    the group's task, the group answers for them, and the roster (persons) is no part of it.
    """
    from tracker.drafting.units import looks_like_unit

    for node in nodes:
        roster_duties(node.children)
        name = node.heading.strip().rstrip("：:。")
        if node.children or not looks_like_unit(name) or re.search(r"[，,。；;：:]", name):
            continue
        duties = [m for line in node.body if (m := DUTY_OF_BODY.search(line.strip()))]
        if len(duties) != 1:
            continue
        duty = (duties[0].group("duty") or duties[0].group("said")).strip().rstrip("；;")
        node.heading = f"{duty}（{name}负责）" if duty.endswith("。") else f"{duty}。（{name}负责）"
        node.body = []


WORK_HEADING = re.compile(r"^(?!.*(?:建议|参考|途径|经验|做法)).*(?:工作|任务|措施|行动|举措|重点)")


def actors_of_the_intro(nodes: list[Node]) -> None:
    """A section whose paragraph opens with bodies doing its work (“各业务处室、各村（居）要按照……”)
    over items that name no units: those bodies answer for each item.
    """
    from tracker.drafting.units import looks_like_unit, split_units

    for node in nodes:
        actors_of_the_intro(node.children)
        intro = [b for b in node.body if b.strip() and not is_label_line(b)]
        if not intro or len(node.children) < 2 or any(c.children or _prints_units(c) for c in node.children):
            continue
        opening = DUTY_OPENER.match(intro[0].strip())
        if opening is None or _prints_units(node) or not WORK_HEADING.search(node.title):
            continue  # (“四、发展途径建议”: what the bodies may do, not work given to them)
        names = split_units(opening.group("who"))
        if names and all(looks_like_unit(n) and len(n) >= 2 for n in names):
            leads = _says_lead(opening)
            label = "牵头单位" if leads else "责任单位"
            for child in node.children:
                child.body.append(f"{label}：{'、'.join(names)}")


def _opening_sentence(node: Node) -> str:
    """The words an item opens with: its heading, or the paragraph under a short heading."""
    heading = node.heading.strip()
    named = re.match(r"^[^。；;，,]{2,30}。(?=.)", heading)
    if named:  # “主管部门核查。主管部门要……”: a short name, then the sentence that says who
        return heading[named.end() :]
    if re.search(r"[。；;，,]", heading) or len(heading) > 30:
        return heading
    body = [b for b in node.body if b.strip() and not is_label_line(b)]
    return body[0].strip() if body else heading


def _duties_in_order(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each line opening with a body's duty, with the lines after it that open with no body."""
    from tracker.drafting.units import split_units

    items: list[tuple[str, list[str]]] = []
    for line in lines:
        opening = DUTY_OPENER.match(line)
        names = split_units(opening.group("who")) if opening else []
        if opening and names and all(_actor(n) for n in names):
            items.append((line, names))
        elif items and (who := _leading_body(line)):
            items.append((line, [who]))  # “区公安局（烟花办）建立……”: a body and its verb, no 负责
        elif items:
            items[-1] = (items[-1][0] + line, items[-1][1])
    return items


def duty_paragraphs(nodes: list[Node]) -> None:
    """Under a “职责分工” heading with no numbered items, paragraphs that each open with a body's
    duty (“区公安局负责提供……；”) are that body's tasks, numbered in order.

    Rule: two thirds of the paragraphs, and at least two, must open so; a paragraph that opens
    with no body (“负责协调汇总……”) goes on the duty before it.
    """
    for node in nodes:
        duty_paragraphs(node.children)
        if node.children or not DIVISION_HEADING.search(node.title.rstrip("。：: ")):
            continue
        lines = [b.strip() for b in node.body if b.strip() and not is_label_line(b)]
        items = _duties_in_order(lines)
        if len(items) < 2 or len(items) * 3 < len(lines) * 2:
            # one paragraph giving each body its duty a sentence (“X负责……。Y负责……。”)
            sentences = [s for line in lines for s in re.findall(r"[^。]+(?:。|$)", line) if s.strip()]
            items = _duties_in_order(sentences) if len(lines) <= 2 < len(sentences) else []
            if len(items) < 3 or len(items) * 3 < len(sentences) * 2:
                continue
        node.body = [b for b in node.body if is_label_line(b)]
        node.children = [
            Node(
                level=node.level + 1,
                code=str(number),
                heading=text.rstrip("；;"),
                body=[f"责任单位：{'、'.join(names)}"],
                line=node.line,
                generated=True,
            )
            for number, (text, names) in enumerate(items, start=1)
        ]


def actors_under_division(nodes: list[Node]) -> None:
    """Under a “职责分工” heading, an item that opens with a body's name (“（二）财政经管办要结合……”)
    is that body's task. Only there: elsewhere a sentence opening with a name may say anything."""
    from tracker.drafting.units import find_units, looks_like_unit, split_units

    for node in nodes:
        if DIVISION_HEADING.search(node.title.rstrip("。：: ")):
            for child in node.children:
                opening = OPENS_WITH_ACTOR.match(child.heading.strip())
                if child.children or child.labels or opening is None or find_units(child.text) is not None:
                    continue
                names = split_units(opening.group("who"))
                if names and all(looks_like_unit(n) and len(n) >= 3 for n in names):
                    child.body.append(f"责任单位：{'、'.join(names)}")
        actors_under_division(node.children)


def every_node(nodes: list[Node]) -> list[Node]:
    """The nodes and every node under them, in document order."""
    return [x for n in nodes for x in (n, *every_node(n.children))]


def body_gives_way_to_appendix(roots: list[Node], lines: list[str]) -> list[Node]:
    """The roots to read: the 附件's alone where it lists the tasks with their units.

    Rule: where the items after an 附件 heading print their units (label lines or a closing
    bracket, three or more), and the items before it print no label and name units in under a quarter of them,
    the body only frames the plan (指导思想, 主要举措 …) and its 附件 (整改措施清单) is the plan.
    """
    from tracker.drafting.units import find_units

    start = next((i for i, line in enumerate(lines) if is_appendix_heading(line)), None)
    if start is None:
        return roots
    body = [r for r in roots if r.line < start]
    attached = [r for r in roots if r.line > start]
    labelled = [
        n
        for n in every_node(attached)
        if any(labels_units(b.strip()) for b in n.body) or (not n.children and find_units(n.text) is not None)
    ]
    if not body or len(labelled) < 3:
        return roots
    items = [n for n in every_node(body) if not n.children]
    if any(n.labels for n in every_node(body)):
        return roots
    if sum(find_units(n.text) is not None for n in items) * 4 >= max(len(items), 1):
        return roots
    return attached
