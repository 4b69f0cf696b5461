"""Findings of an inspection notice written as sentences about the places inspected.

A 督查/暗访/检查 通报 often prints no numbered item, label or bracket: it says what was found,
one named place at a time, inside running sentences — “……，发现恒山悬空寺景区存在……等问题。”,
“岗阳村发现多处杂物乱堆乱放；榕树村存在建筑垃圾未清理……”, “市政科106房间地面有茶渍”.
Each such clause is a problem handed to the place it names, which answers for putting it right.

Rule: where nothing else in a notice of inspection names a unit, every clause that opens with a
named place or body and says what is wrong there is a task for that body, titled by the clause.
"""

from __future__ import annotations

import re
from datetime import date

from tracker.drafting.outline import DUE_DATE, FAULT
from tracker.importers.deadlines import parse_deadline
from tracker.planfile import model as pf

# the notice says it reports what an inspection found
INSPECTION = re.compile(r"督查|督察|暗访|检查|巡查|督导|效能|回头看|曝光|抽查")
HEAD_LINES = 10  # a page's attribute lines (索引号, 发布机构 …) may stand above the title

# a place or body an inspector names: a village, a scenic area, a section, a branch …
_KIND = (
    r"村委会|居委会|村|社区|景区|镇|乡|街道|办事处|科|股|室|所|中心|分院|分局|局|公司|学校|医院|市场|"
    r"小区|站|队|厂|店|馆|园|场"
)
# the body, then the words that open a finding about it: 存在, 发现, 有, 辖区内, a room's number
SUBJECT = re.compile(
    rf"(?P<who>[\u4e00-\u9fa5]{{1,12}}?(?:{_KIND}))(?=辖区|存在|发现|仍有|有|[\d０-９]+(?:号|房间|室))"
)
# who is not one body: “各村”, “个别村”, “部分科室”, “被督查村”, “该村”
GENERIC = re.compile(r"(?:各|个别|部分|多数|少数|大部分|一些|有的|其他|其余|被督查|被检查|该|本|全|我|此)")
# what the clause says is wrong there, beyond the faults every finding reader knows
WRONG = re.compile(rf"{FAULT.pattern}|存在|不明显|不足|不够|较多|严重|突出|混乱|未及时|现象|问题")
# a count of what is left undone (“大湖村有两处未整改”) reports progress, it names no problem
COUNT_ONLY = re.compile(
    r"^(?:有|仍有|还有)?[一二两三四五六七八九十\d]+[处个项条家起]未(?:整改|完成|落实)(?:彻底|到位)?$"
)
# “8月7日前金元村、石宝沟村要完成……”: a date the notice sets the bodies it names
DATED_ORDER = re.compile(rf"(?P<words>{DUE_DATE})[^。；;]{{0,40}}?(?:要|须|必须|务必|应)?(?:完成|整改|办结)")
OPENING = re.compile(r"(?:^|(?<=[，,；;：:])|(?<=发现))")
# a notice sets its problems a few dates; a file setting thousands is read for the first ones only
DATES_MOST = 50
SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")


def is_inspection_notice(lines: list[str]) -> bool:
    """The notice's first lines say it reports an inspection (督查、暗访、检查 …)."""
    head = [line for line in lines if line.strip()][:HEAD_LINES]
    return any(INSPECTION.search(line) for line in head)


def _subject_at(sentence: str, start: int) -> str | None:
    """The body a clause opening at `start` names, where it is one named body."""
    match = SUBJECT.match(sentence, start)
    if match is None:
        return None
    who = match.group("who")
    if GENERIC.match(who) or len(who) < 2:
        return None
    return who


def _clauses(sentence: str) -> list[tuple[str, str]]:
    """(body, clause) for each clause of a sentence that opens with a named body and a fault.

    A clause runs to the next clause opening with a body, named (“青龙村存在……”) or not
    (“；个别村……”), or to the sentence's end.
    """
    starts: list[tuple[int, str | None]] = []
    for opening in OPENING.finditer(sentence):
        at = opening.start()
        if starts and at <= starts[-1][0]:
            continue
        who = _subject_at(sentence, at)
        if who is not None:
            starts.append((at, who))
        elif at > 0 and sentence[at - 1] in "；;" and GENERIC.match(sentence, at):
            starts.append((at, None))  # “；个别村巡河记录不全”: a finding about no one body ends the last
    found: list[tuple[str, str]] = []
    for index, (start, who) in enumerate(starts):
        if who is None:
            continue
        end = starts[index + 1][0] if index + 1 < len(starts) else len(sentence)
        clause = sentence[start:end].rstrip("，,；;。！？!? ")
        parts = [part for part in re.split(r"[，,；;]", clause[len(who) :]) if part]
        # what is wrong in some part, other than a count of what is left undone
        if any(WRONG.search(part) and not COUNT_ONLY.match(part) for part in parts):
            found.append((who, clause))
    return found


# a place a numbered problem names where its clauses open: “紫南村和月亮湖村……”, “黄蓬村、严家河村……”
_PLACE = r"[\u4e00-\u9fa5]{1,8}?(?:村委会|居委会|村|社区|镇|乡|街道|景区|分院|公司|学校|医院|市场|小区)"
PLACES_OPENING = re.compile(rf"(?:^|(?<=[。，,；;：:]))(?P<names>{_PLACE}(?:[、和及与]{_PLACE})*)")
PROBLEMS_HEADING = re.compile(r"^(?:存在|发现|检查发现|督查发现)的?(?:主要|突出)?问题(?:及原因)?$")


def places_named(text: str) -> list[str]:
    """The places a problem's clauses open with, in the order printed, once each."""
    names: list[str] = []
    for match in PLACES_OPENING.finditer(text):
        for name in re.split(r"[、和及与]", match.group("names")):
            if len(name) >= 2 and not GENERIC.match(name) and name not in names:
                names.append(name)
    return names


def _dates_set(lines: list[str], year: int | None) -> list[tuple[str, date | None, str | None]]:
    """(words, date, its printed words) for the first sentences setting named bodies a date.

    Where the notice prints no year the date stays open and its words are kept, as any
    deadline the drafter cannot date is.
    """
    found: list[tuple[str, date | None, str | None]] = []
    for line in lines:
        for sentence in SENTENCE.findall(line.strip()):
            for match in DATED_ORDER.finditer(sentence):
                read = parse_deadline(match.group("words"), year)
                if read.deadline is not None or read.text:
                    found.append((match.group(0), read.deadline, read.text))
                    if len(found) >= DATES_MOST:
                        return found
    return found


def finding_tasks(lines: list[str], year: int | None = None) -> list[pf.Task]:
    """The problems a notice of inspection hands to the places it names, in the order printed.

    A finding is due on a date where a sentence of the notice sets that date and names its body.
    """
    if not is_inspection_notice(lines):
        return []
    tasks: list[pf.Task] = []
    for line in lines:
        for sentence in SENTENCE.findall(line.strip()):
            for who, clause in _clauses(sentence):
                tasks.append(
                    pf.Task(
                        code=str(len(tasks) + 1),
                        title=clause[:200],
                        units=[pf.UnitRef(name=who, role="responsible")],
                    )
                )
    by_name: dict[str, list[pf.Task]] = {}
    for task in tasks:
        by_name.setdefault(task.units[0].name, []).append(task)
    for words, due, due_words in _dates_set(lines, year):
        for name in (name for name in by_name if name in words):
            for task in by_name[name]:
                if task.deadline is None and not task.deadline_text:
                    task.deadline, task.deadline_text = due, due_words
    return tasks
