"""Unnumbered paragraphs that are each a task: a task ends where its units are printed.

“加快建设……（市科技局牵头，市财政局等按职责分工负责）” closes one task; a paragraph with two
such brackets holds two tasks; label lines (“牵头单位：…”) after a paragraph close it too.
Used where an item has no numbered children but its text names units two or more times.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tracker.drafting.labels import is_label_line, parse_fields
from tracker.drafting.outline import FINDING_LABEL, GROUP_PHRASE_MAX, Node, heading_of
from tracker.drafting.units import find_units, looks_like_unit, parse_sentence, split_units, unit_brackets


def _pieces(line: str) -> list[str]:
    """A line cut after each bracket that names units (and the 。 after it), and after each
    sentence that only names units (“……。省发展改革委牵头，省财政厅等按职责分工负责。……”)."""
    cuts: list[int] = []
    for _, close in unit_brackets(line):
        end = close
        while end < len(line) and line[end] in "。；;，, ":
            end += 1
        if end < len(line):
            cuts.append(end)
    start = 0
    depth = 0  # brackets open before the sentence
    for sentence in re.findall(r"[^。]*。", line):
        end = start + len(sentence)
        after = _depth(sentence, depth)
        # a sentence inside a bracket (or opening one it does not close) is the bracket's own
        outside = depth == 0 and after == 0
        if (
            outside
            and start > 0
            and end < len(line)
            and parse_sentence(sentence.strip().rstrip("。")) is not None
        ):
            cuts.append(end)  # a units sentence closing a task mid-paragraph
        start, depth = end, after
    cuts = sorted(set(cuts))
    out: list[str] = []
    start = 0
    for cut in cuts:
        if cut > start:
            out.append(line[start:cut])
            start = cut
    out.append(line[start:])
    return [p for p in out if p.strip()]


# “由X牵头，A、B配合，在9月底前完成……；由Y牵头，……”: clauses each giving their own lead
LEAD_OPENING = re.compile(r"\s*由[^，,；;。（）()]{2,40}?牵头")
LEAD_CLAUSE = re.compile(rf"(?<=[；;。，,：:]){LEAD_OPENING.pattern}")


def _lead_clauses(line: str) -> list[str]:
    """Rule: a paragraph with two clauses or more that each open “由X牵头” is a task a clause;
    what comes before the first (“……，县长要求，”) introduces them."""
    starts = [m.start() + len(m.group()) - len(m.group().lstrip()) for m in LEAD_CLAUSE.finditer(line)]
    if len(starts) < 2:
        return [line]
    bounds = [0, *starts, len(line)]
    return [line[a:b] for a, b in pairwise(bounds) if line[a:b].strip()]


CLAUSE_END = re.compile(r"[^；;]*[；;]|[^；;]+$")


def _closing_clauses(line: str) -> tuple[list[str], int]:
    """Rule: a sentence whose clauses (cut at ；) mostly close with their own units (“涉及经费的事项，
    由区财政局负责；涉及宣传的事项，由区委宣传部负责；……”) is a task a clause, two thirds of the
    clauses and at least two; the sentences before it introduce them.

    The line cut so, and the index of the first clause (0 when the line is left whole).
    """
    start = 0
    for sentence in re.findall(r"[^。]*。?", line):
        if not sentence:
            continue
        end = start + len(sentence)
        if ("；" in sentence or ";" in sentence) and _depth(sentence) == 0 and "（" not in sentence[:1]:
            clauses = [c for c in CLAUSE_END.findall(sentence) if c.strip()]
            closed = []
            for clause in clauses:
                found = find_units(clause)
                bare = clause.rstrip("。；;，, ")
                # (a bracket closing a clause is read by _pieces; one here may note a place)
                closed.append(
                    found is not None
                    and found.span[0] > 0
                    and found.span[1] >= len(bare)
                    and not bare.endswith(("）", ")"))
                )
            if sum(closed) >= 2 and sum(closed) * 3 >= len(clauses) * 2:
                pieces = [line[:start]] if start else []
                first = len(pieces)
                pieces.extend(clauses)
                if end < len(line):
                    pieces.append(line[end:])
                return pieces, first
        start = end
    return [line], 0


def _depth(text: str, depth: int = 0) -> int:
    """How many brackets are open at the end of text, `depth` being open before it."""
    for ch in text:
        if ch in "（([【〔":
            depth += 1
        elif ch in "）)]】〕":
            depth = max(0, depth - 1)
    return depth


ORDINAL = re.compile(r"^(?:其)?([一二三四五六七八九十]+是)\s*(\S.*)$")


def _has_units(text: str, labels: list[str]) -> bool:
    fields = parse_fields("；".join(labels)) if labels else {}
    if any(k in fields for k in ("lead", "support", "responsible")):
        return True
    return find_units(text) is not None


def _join_open_brackets(lines: list[str]) -> list[str]:
    """A bracket opened on one line and closed on a later one (text wrapped by the page) is one line."""
    out: list[str] = []
    carry = ""
    for line in lines:
        if is_label_line(line) and not carry:
            out.append(line)
            continue
        carry += line
        depth = carry.count("（") - carry.count("）")
        if depth > 0 and len(carry) < 400:
            continue
        out.append(carry)
        carry = ""
    if carry:
        out.append(carry)
    return out


def segments(lines: list[str]) -> list[tuple[str, list[str], bool]]:
    """(text, label lines, names units) per task-sized piece of the lines, in order."""
    out: list[tuple[str, list[str], bool]] = []
    headings: set[int] = set()  # indexes into out of heading lines over the paragraphs
    text: list[str] = []
    labels: list[str] = []
    named = [False]  # some piece so far names its units (kept, not searched for each line)

    def close() -> None:
        if text or labels:
            joined = "".join(text)
            has = _has_units(joined, labels)
            out.append((joined, list(labels), has))
            named[0] = named[0] or has
        text.clear()
        labels.clear()

    lines = _join_open_brackets(lines)
    for index, line in enumerate(lines):
        if is_label_line(line):
            labels.append(line)
            continue
        if labels:
            close()
        elif (
            text
            and not (len(text) == 1 and ORDINAL.match(text[0]))  # “一是X。” opens the next piece
            and not (len(text) == 1 and FINDING_LABEL.match(line.strip()))  # a point over its problem
            and (not named[0] or (out and len(out) - 1 in headings))
            and "".join(text).rstrip().endswith(("。", "：", ":", "——", "…", "！", "!"))
        ):
            # before the first task or right under a heading, a finished paragraph that names
            # no units is an introduction (“现将任务分工如下：”), not the next task's opening
            close()
            if out and len(out) - 2 in headings:
                headings.add(len(out) - 1)  # an introduction under a heading: like the heading
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not text and ORDINAL.match(line.strip()) and is_subheading(line, following):
            # “一是保障征地拆迁⏎为保障……，区财金局……”: an ordinal opens the piece and names it
            text.append(line.strip() + "。")
            continue
        if FINDING_LABEL.match(following.strip()) and is_subheading(line):
            # “明馨园小区⏎存在问题：……⏎责任单位：X”: the point is the task's name, its problem its words
            close()
            text.append(line.strip() + "。")
            continue
        if not text and is_subheading(line, following):
            # “主要预期目标完成良好”, a signature or a date line: not the next task's opening
            headings.add(len(out))
            out.append((line, [], False))
            continue
        clauses = _lead_clauses(line)
        first_clause = None
        if len(clauses) == 1:
            clauses, first = _closing_clauses(line)
            first_clause = clauses[first] if len(clauses) > 1 else None
        for piece in [
            p for clause in clauses for p in (_pieces(clause) if first_clause is None else [clause])
        ]:
            if text and len(clauses) > 1 and (LEAD_OPENING.match(piece) or piece is first_clause):
                close()  # the clause before (or the introduction) ends where this lead is named
            text.append(piece)
            units = find_units(piece)
            if units is not None and units.span[1] >= len(piece.rstrip("。；;， ")):
                close()
        if text and line.rstrip().endswith("。"):
            found = find_units("".join(text))
            if found is not None and found.progress_after:
                close()  # “……。这项工作由X负责，……。”: the paragraph named its units mid-way
    close()
    return [piece for i, piece in enumerate(out) if i not in headings]


def is_subheading(line: str, following: str = "") -> bool:
    """A short line with no punctuation that names no units, not followed by the units of a
    task: a heading over paragraphs, or a line of the notice's header (issuer, date, title)."""
    text = line.strip()
    if not 0 < len(text) <= 30 or re.search(r"[。；;，,：:！？!?]", text) or find_units(text) is not None:
        return False
    after = following.strip()
    if is_label_line(after):
        return False  # “建设智慧园区⏎牵头单位：…”: a short task, its labels below it
    return not (after.startswith(("（", "[", "【", "〔")) and find_units(after) is not None)


# “县卫生健康局、县公安局等相关单位负责人参加检查”: a report's line of who attended
ATTENDANCE = re.compile(
    r"(?:负责人|负责同志|同志|领导|人员)(?:一同|一起|共同)?(?:参加|参与|陪同)(?:了)?(?:检查|督查|暗访|巡查|活动|会议|调研)[。]?$"
)
# “图①：九龙大道……。” / “图3：……”: a picture caption's mark, the problem's printed number
CAPTION = re.compile(r"^(?P<mark>图\s*[\u2460-\u2473\d]{1,3})\s*[：:]\s*(?P<rest>\S.*)$")


def split_items(heading_node: Node, lines: list[str], minimum: int = 2) -> list[Node] | None:
    """Items made from unnumbered paragraphs, or None when fewer than `minimum` name units.

    Paragraphs before the first one that names units are the section's introduction and
    stay out; each later piece becomes an item numbered 1, 2, 3 … (marked as generated).
    """
    found = segments(lines)
    if sum(1 for _, _, has in found if has) < minimum:
        return None
    first = next(i for i, (_, _, has) in enumerate(found) if has)
    items: list[Node] = []
    for text, labels, has in found[first:]:
        if not text.strip() or (not has and ATTENDANCE.search(text)):
            continue  # (“……等相关单位负责人参加检查。”: who came along, not work handed out)
        numbered = heading_of(text.strip())  # “……（X负责）2.推进……”: numbers run on in one line
        ordinal = ORDINAL.match(text.strip())
        if numbered is None and ordinal:  # “一是建设……；二是培育……”: the ordinal numbers the piece
            numbered = (0, ordinal.group(1), ordinal.group(2))
        caption = CAPTION.match(text.strip()) if numbered is None else None
        if caption:  # “图①：……。责任单位：X。”: a report's picture captions number its problems
            numbered = (0, caption["mark"].replace(" ", ""), caption["rest"])
        items.append(
            Node(
                level=heading_node.level + 1 if heading_node.level >= 0 else 3,
                code=numbered[1] if numbered else str(len(items) + 1),
                heading=numbered[2] if numbered else text.strip(),
                body=list(labels),
                line=heading_node.line,
                generated=True,
            )
        )
    return items or None


# a report naming tasks in quotes, each with its units: “新开工加固海塘18.4公里”（市水利局）、……
# or 县发改局负责的“严格落实重点项目前期工作计划……”
QUOTED_TASK = re.compile(r"“(?P<title>[^“”]{4,80})”\s*[（(](?P<units>[^（）()]{2,80})[）)]")
UNIT_OWNS_QUOTE = re.compile(
    r"(?:(?:例如|比如|如|像)(?=\S{2}))?(?P<units>[^，,。；;：:“”]{2,60}?)负责的“(?P<title>[^“”]{4,120})”"
)  # “……，如县发改局负责的“严格落实……。””: the example's words are not the unit's


def quoted_tasks(line: str) -> list[str]:
    """A line naming two tasks or more in quotes with their units, one line a task; else the line."""
    found = [(m.group("title"), m.group("units")) for m in QUOTED_TASK.finditer(line)]
    found += [(m.group("title"), m.group("units")) for m in UNIT_OWNS_QUOTE.finditer(line)]
    found = [(t, u) for t, u in found if (names := split_units(u)) and all(looks_like_unit(n) for n in names)]
    if len(found) < 2:
        return [line]
    return [f"{title.rstrip('。')}。（{units}负责）" for title, units in found]


def _opens_a_paragraph(text: str, openings: set[str], paragraphs: list[str]) -> bool:
    """Whether a piece's words open one of the item's paragraphs (their first 16 characters)."""
    if len(text) >= 16:
        return text[:16] in openings
    return any(line.startswith(text) for line in paragraphs)


def _introduces_its_pieces(node: Node) -> bool:
    """The item's own line names no unit and ends in a colon: it leads into the lines under it."""
    line = node.heading.strip()
    return line.endswith(("：", ":")) and not unit_brackets(line) and bool(node.body)


def split_multi_unit_items(nodes: list[Node]) -> None:
    """An item whose sentences are each closed by their own units holds as many tasks.

    “1.制定准入清单。完成……。（甲局牵头，乙局参与）按省的要求……。（甲局、丙局牵头）” is task 1
    (its lead sentence its name, as any item's) and task 1-2 beside it, each with its units.
    """
    index = 0
    while index < len(nodes):
        node = nodes[index]
        split_multi_unit_items(node.children)
        pieces = None
        runs_on = len(node.heading.strip()) > len(node.title) + 1  # the item's line goes on past its name
        if not node.children and not node.labels and runs_on and len(unit_brackets(node.text)) >= 2:
            top = Node(level=node.level - 1, code="", heading="")
            pieces = split_items(top, ["".join([node.heading, *node.body])])
        if pieces is None or len(pieces) < 2:
            index += 1
            continue
        # “（十）鼓励创新创业。大力推进……（甲负责）加强……（乙负责）”: the lead phrase names what the
        # pieces share, so each piece is named by its own first sentence, the phrase kept as their group
        phrase = node.title
        group = ""
        first = pieces[0].heading
        if _introduces_its_pieces(node) and first.startswith(node.heading) and len(first) > len(node.heading):
            # “二、部分二级单位情况。……情况如下：⏎能源分院：……（能源分院负责）⏎电法所：……”: the item's
            # line only leads into the pieces under it, so the first piece is the first line under it
            pieces[0].heading, group = first[len(node.heading) :].lstrip(), phrase
        elif (
            len(phrase) <= GROUP_PHRASE_MAX
            and first.startswith(phrase + "。")
            and len(first) > len(phrase) + 1
        ):
            pieces[0].heading, group = first[len(phrase) + 1 :].lstrip(), phrase
        groups = [group] * len(pieces)
        # a later paragraph of the item holding several pieces opens with its own lead phrase:
        # “开展绿色设计……。大力推行……（甲指导）以铅酸蓄电池……（乙指导）” — the same rule, per paragraph
        starts = [line.strip() for line in node.body if line.strip()]
        openings = {line[:16] for line in starts}
        for k in range(1, len(pieces) - 1):
            text = pieces[k].heading
            begins = _opens_a_paragraph(text, openings, starts)
            goes_on = not _opens_a_paragraph(pieces[k + 1].heading, openings, starts)
            stop = text.find("。")
            if begins and goes_on and 0 < stop <= GROUP_PHRASE_MAX and len(text) > stop + 1:
                pieces[k].heading, groups[k] = text[stop + 1 :].lstrip(), text[:stop]
        replaced = [
            Node(
                node.level,
                node.code if k == 0 else f"{node.code}-{k + 1}",
                piece.heading,
                list(piece.body),
                line=node.line,
                group=groups[k],
            )
            for k, piece in enumerate(pieces)
        ]
        nodes[index : index + 1] = replaced
        index += len(replaced)
