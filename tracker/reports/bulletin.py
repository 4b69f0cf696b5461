"""The 督查通报 as a document: its parts in order, as plain blocks both renderers draw.

`compose(report, options)` builds the structure of a real 通报 once (the PDF in
`pdf_bulletin.py` and the Word edition in `docx_bulletin.py` only lay it out, so they
never differ): 版头, a title that states the scope, 主送, an opening (scope, method,
cut-off date), 一、总体情况 with a per-plan table and a chart of lights per plan,
二、the lead units of late items worst first, 三、滞后事项 by severity, 四、指标完成情况
naming the lagging indicators, 五、存在问题 and 六、下步工作要求 in the officer's words,
附件说明, 落款, the detail tables as 附件, and the 版记.

Never a placeholder in a sent document: without 发文单位, 存在问题 or 下步工作要求 it
refuses (BadInput naming them) unless `draft`, which marks page 1 草稿. A scope holding
no task is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial

from tracker.errors import BadInput
from tracker.facts.counts import UNIT_COLUMNS
from tracker.reports.assemble import IndicatorRow, LateItem, Report
from tracker.reports.selection import (
    NO_UNIT,
    by_severity,
    gap_points,
    lagging,
    late_lead_units,
    plan_summary,
    plans_of_late,
    progress,
)
from tracker.rules.indicators import JUDGEMENTS, UNKNOWN
from tracker.rules.scoring import UnitScore
from tracker.views.plan_metrics import achieved_text

ALL_PARTS = frozenset({"overview", "units", "ranking", "late", "indicators", "problems", "next_steps"})
NAMED_SCORES = 2  # units named at each end of the 单位考核 ranking (all in its 附件)
CN_DIGITS = "〇一二三四五六七八九十"
NAMED_LATE = 3  # named in 三、 (the most severe); all are in 附件1
NAMED_PLANS = 1  # plans named where the late items are (the one with most); 附件1 groups them all
NAMED_UNITS = 3  # lead units named in 二、 (all in its 附件)
NAMED_INDICATORS = 2  # lagging indicators named in 四、
NAMED_TITLE = 24  # characters of a late item's title quoted in 三、
CHART_INDICATORS = 6
QUOTE_IN_TABLE = 32  # a 附件 quotes progress; the Excel 台账 carries it whole
KIND_WORDS = {"task": "重点任务", "platform": "重点平台", "project": "重点项目"}
DEFAULT_RECIPIENTS = "各责任单位"
DRAFT_GAP = "（草稿：此处待填写{0}）"


@dataclass(frozen=True)
class BulletinOptions:
    issue: int = 1
    office: str = ""
    issued_on: date | None = None
    problems: str = ""
    next_steps: str = ""
    parts: frozenset[str] = ALL_PARTS
    recipients: str = ""  # 主送, e.g. 各责任单位 (setting bulletin_recipients)
    copies_to: str = ""  # 抄送 (setting bulletin_cc)
    draft: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph in one of the named styles (the Word edition's style names)."""

    style: str  # 标题 主送 正文 一级标题 二级标题 表题 图题 附件说明 落款 附件标识 附件标题
    text: str


@dataclass(frozen=True)
class Grid:
    """A table: header row repeated on each page, column shares of the width, aligns L/C."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: str  # one letter a column: L or C
    fills: tuple[tuple[int, int, str], ...] = ()  # (row, column, colour) of light cells
    total: bool = False  # the last row is a 合计 row
    groups: tuple[int, ...] = ()  # rows that head a group: their first cell spans the table
    note: str = ""  # a 注 under the table


@dataclass(frozen=True)
class Bars:
    """A chart: stacked light bars per plan, or indicator progress against 序时进度."""

    kind: str  # "lights" or "indicators"
    caption: str
    labels: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]  # lights: counts per Light order; indicators: (ratio, expected)


Block = Para | Grid | Bars


@dataclass(frozen=True)
class Annex:
    number: int
    title: str
    grid: Grid
    landscape: bool = True
    chart: Bars | None = None  # drawn above the table


@dataclass(frozen=True)
class Bulletin:
    office: str
    issue: int
    issued_on: date
    draft: bool
    title: str
    recipients: str
    body: tuple[Block, ...]
    annex_note: tuple[str, ...]
    signature: tuple[str, str]
    annexes: tuple[Annex, ...]
    imprint: tuple[tuple[str, str], ...]  # (left, right) lines of the 版记
    totals: dict[str, int] = field(default_factory=dict)  # what the tests compare across editions
    title_words: tuple[str, ...] = ()  # names the title's lines never cut: the units in scope


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def pct(value: float) -> str:
    return f"{value:.1f}%"


def quote(words: str, limit: int) -> str:
    """`words` cut to `limit` characters, with “……” where it was cut."""
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 2].rstrip() + "……"


def missing_parts(options: BulletinOptions) -> list[str]:
    """What a sent 通报 needs from the officer and does not have."""
    missing = []
    if not options.office.strip():
        missing.append("发文单位")
    if "problems" in options.parts and not options.problems.strip():
        missing.append("存在问题")
    if "next_steps" in options.parts and not options.next_steps.strip():
        missing.append("下步工作要求")
    return missing


def scope_words(report: Report) -> tuple[str, str]:
    """(who, what): “温州市科学技术局承担的” / “《某方案》重点任务”, from the report's scope."""
    who = f"{'、'.join(report.scope.units)}承担的" if report.scope.units else ""
    kinds = "、".join(KIND_WORDS.get(k, k) for k in report.scope.kinds) or "重点任务"
    return who, kinds


def _plans(report: Report) -> str:
    titles = [f"《{t}》" for t in report.plan_titles]
    if len(titles) <= 2:
        return "、".join(titles)
    return f"{titles[0]}等{len(titles)}个方案"


def _title(report: Report) -> str:
    who, kinds = scope_words(report)
    plan = f"{_plans(report)}" if len(report.plan_titles) == 1 else ""
    return f"关于{report.period.label}{who}{plan}{kinds}推进情况的通报"


def _heading(number: int, words: str) -> Para:
    return Para("一级标题", f"{CN_DIGITS[number]}、{words}")


_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\S{1,24}$")


def _officer_text(words: str, what: str, draft: bool) -> list[Para]:
    """The officer's paragraphs; a short line “（一）……” is a 二级标题 (楷体)."""
    paragraphs = [line.strip() for line in words.splitlines() if line.strip()]
    if paragraphs:
        return [Para("二级标题" if _SUBHEADING.match(line) else "正文", line) for line in paragraphs]
    if draft:
        return [Para("正文", DRAFT_GAP.format(what))]
    raise BadInput(f"缺少“{what}”")


def _overview(report: Report, body: list[Block], number: int, refs: dict[str, int]) -> None:
    """一、总体情况: one paragraph of counts (and 较上期), the per-plan table, the lights chart."""
    t = report.totals
    counts = {c.key: c for c in t.by_status}
    lights = {c.key: c for c in t.by_light}
    body.append(_heading(number, "总体情况"))
    words = (
        f"本次督查的任务（事项）共{t.items}项，已完成{counts['done'].count}项"
        + (f"、已销号{counts['closed'].count}项" if counts["closed"].count else "")
        + f"，合计办结{t.done}项，完成率{pct(t.completion_rate)}；推进中{counts['in_progress'].count}项；"
        + (f"长期坚持{counts['ongoing'].count}项；" if counts["ongoing"].count else "")
        + f"滞后{counts['late'].count}项；未启动{counts['not_started'].count}项；本期未报送{t.not_reported}项。"
        f"亮灯：绿灯{lights['green'].count}项、黄灯{lights['yellow'].count}项、"
        f"红灯{lights['red'].count}项（{pct(lights['red'].percent)}）、灰灯{lights['grey'].count}项，"
        f"未报送的{lights['unreported'].count}项不亮灯、单列。"
    )
    changes = report.changes
    if changes is not None and changes.worth_stating:
        # 较上期: what changed since the previous period (tracker.views.changes), in its own words;
        # in the same paragraph (a real 通报 gives 总体情况 in one or two paragraphs)
        words += "".join(changes.sentences())
    rows = plan_summary(report)
    if len(rows) > 1:
        words += "各方案情况见表1、图1。"  # the plan with most red lights is named in 三、
    body.append(Para("正文", words))
    # 表1: the same partition as the units' table (UNIT_COLUMNS): 已办结, then the unfinished by light;
    # the columns add up to 任务数, and 红灯 is the body's 红灯, not the reported 滞后.
    table = [(r.plan, str(r.items), *(str(n) for n in r.columns()), pct(r.rate)) for r in rows]
    grey = lights["grey"].count
    columns = (t.done, t.on_schedule, t.slow, t.late, grey, t.not_reported)
    table.append(("合计", str(t.items), *(str(n) for n in columns), pct(t.completion_rate)))
    body.append(
        Grid(
            "表1　各方案任务推进情况",
            ("方案", "任务数", *(label for _key, label in UNIT_COLUMNS), "完成率"),
            tuple(table),
            (0.4, 0.07, 0.07, 0.09, 0.06, 0.06, 0.06, 0.08, 0.11),
            "LCCCCCCCC",
            total=True,  # no note: the body keeps to three pages; 附件2 and the user guide explain
        )
    )
    if len(rows) > 1:
        body.append(
            Bars(
                "lights",
                "图1　各方案亮灯情况（项）",
                tuple(r.plan for r in rows),
                tuple(
                    (
                        float(r.on_schedule + r.done),
                        float(r.slow),
                        float(r.late),
                        float(r.grey),
                        float(r.not_reported),
                    )
                    for r in rows
                ),
            )
        )


COLUMNS_NOTE = (
    "注：已办结含已完成、已销号；序时推进为未办结的绿灯事项；黄灯、红灯、灰灯按亮灯计"
    "（红灯含报送为滞后和按时限判为滞后、逾期的）；未报送的不亮灯、单列。"
)


def _name(plan: str) -> str:
    return f"《{plan}》"


def _units(
    report: Report,
    body: list[Block],
    number: int,
    refs: dict[str, int],
    late_section: bool = False,
    ranking: bool = False,
) -> None:
    """二、各单位推进情况: the lead units of late items worst first, the silent units, and (`ranking`)
    the 单位考核 at both ends, in one paragraph; late items without a unit are counted in 三、
    when there is one (`late_section`).

    The units counted are the units in scope; in a unit scope, late items led by units outside it
    (that it supports) name their 牵头单位 in a sentence of their own, not in the count."""
    body.append(_heading(number, "各单位推进情况"))
    # A unit scope counts its own units; late items it only supports name their leads apart.
    wanted = set(report.scope.units)
    outside = tuple(
        i for i in report.late if wanted and i.lead_names and not wanted.intersection(i.lead_names)
    )
    ranked, unassigned = late_lead_units(
        replace(report, late=tuple(i for i in report.late if i not in outside))
    )
    others = late_lead_units(replace(report, late=outside))[0]
    silent = [u for u in report.units if u.not_reported]
    words = f"本次督查涉及责任单位{len(report.units)}个。"
    if ranked:
        named = "、".join(f"{unit}（{count}项）" for unit, count in ranked[:NAMED_UNITS])
        words += f"牵头滞后事项较多的是{named}"
        words += f"等{len(ranked)}个单位。" if len(ranked) > NAMED_UNITS else "。"
    else:
        words += "本期各单位牵头的事项均无滞后。"
    if others:  # late items the units in scope support: their leads are named as such, not counted
        named = "、".join(f"{unit}（{count}项）" for unit, count in others[:NAMED_UNITS])
        more = f"等{len(others)}个单位" if len(others) > NAMED_UNITS else ""
        words += f"所涉单位配合的滞后事项，牵头单位为{named}{more}（不在本次督查范围内，未计入单位数）。"
    if unassigned and not late_section:
        words += f"另有{unassigned}项滞后事项未明确责任单位。"
    words += f"{len(silent)}个单位有本期未报送进展的事项。" if silent else "各单位均已按期报送进展。"
    if ranking:
        words += _ranking_words(report, refs, units=refs.get("units", 0))
    elif refs.get("units"):
        words += f"各单位情况见附件{refs['units']}。"
    body.append(Para("正文", words))


def _ranking(report: Report, body: list[Block], number: int, refs: dict[str, int]) -> None:
    """单位考核 under its own heading (when 二、各单位推进情况 is left out)."""
    body.append(_heading(number, "单位考核"))
    body.append(Para("正文", _ranking_words(report, refs)))


def _scores(scores: list[UnitScore]) -> str:
    """“甲、乙（100.0分）”: units of one score share it, as a ranking is read aloud."""
    groups: list[tuple[float, list[str]]] = []
    for s in scores:
        if groups and groups[-1][0] == s.score:
            groups[-1][1].append(s.unit)
        else:
            groups.append((s.score, [s.unit]))
    return "、".join(f"{'、'.join(units)}（{score:.1f}分）" for score, units in groups)


def _ranking_words(report: Report, refs: dict[str, int], units: int = 0) -> str:
    """单位考核: the units at both ends of the ranking; the rule with the scores in the 附件."""
    assessment = report.assessment
    assert assessment is not None
    scores = assessment.scores
    top = scores[:NAMED_SCORES]
    low = [s for s in scores[-NAMED_SCORES:] if s not in top]
    if len(scores) == 1:  # a one-unit 通报: its score, no ranking
        words = f"{scores[0].unit}考核得分{scores[0].score:.1f}分"
        low = []
    else:
        who = "考核" if len(scores) == len(report.units) else f"{len(scores)}个单位参加考核，"  # else all did
        words = f"{who}得分居前的是{_scores(top)}"
    if low:
        words += f"，居后的是{_scores(list(reversed(low)))}"
    if refs.get("ranking"):
        where = f"详见附件{units}、附件" if units else "得分及计分规则见附件"
        return words + f"，{where}{refs['ranking']}。"
    return words + (
        f"。计分只看结果：每项任务满分100分，报送占{assessment.rules.report_points:g}分、"
        f"进度占{assessment.rules.progress_points:g}分，按牵头、配合加权，每次退回、催办扣分。"
    )


def _ranking_annex(report: Report, number: int) -> Annex:
    assessment = report.assessment
    assert assessment is not None
    rows = tuple(
        (
            str(s.rank),
            s.unit,
            f"{s.score:.1f}",
            f"{s.report_part:.1f}",
            f"{s.progress_part:.1f}",
            f"{s.deductions:.1f}",
            str(s.tasks),
            str(s.missing),
            str(s.returns),
            str(s.reminders),
        )
        for s in assessment.scores
    )
    return Annex(
        number,
        "单位考核得分表",
        Grid(
            "",
            ("名次", "责任单位", "得分", "报送", "进度", "扣分", "任务", "未报送", "退回", "催办"),
            rows,
            (0.07, 0.37, 0.08, 0.07, 0.07, 0.07, 0.07, 0.08, 0.06, 0.06),
            "CLCCCCCCCC",
            note="注：" + "".join(assessment.rules.lines()),
        ),
        landscape=False,
    )


def _late(report: Report, body: list[Block], number: int, refs: dict[str, int]) -> None:
    """三、滞后事项: the counts, where they are, the worst few by name; all of them in the 附件."""
    body.append(_heading(number, "滞后事项"))
    if not report.late:
        body.append(Para("正文", "本期无亮红灯的滞后事项。"))
        return
    overdue = len(report.overdue)
    plans = plans_of_late(report)
    spread = "、".join(f"{_name(p)}{n}项" for p, n in plans[:NAMED_PLANS])
    spread += "等" if len(plans) > NAMED_PLANS else ""
    worst = by_severity(report)[:NAMED_LATE]
    named = _late_words(worst)
    rest = len(report.late) - len(worst)
    where = ""  # the 附件 lists every late item, the named ones too, as a real 通报's 附件 does
    if refs.get("late"):
        where = f"全部{len(report.late)}项见附件{refs['late']}。" if rest else f"详见附件{refs['late']}。"
    body.append(
        Para(
            "正文",
            f"本期亮红灯（滞后序时进度或逾期未完成）的事项共{len(report.late)}项（逾期未完成{overdue}项、"
            f"滞后于序时进度{len(report.late) - overdue}项）"
            + (f"，其中{report.late_unassigned}项未明确责任单位" if report.late_unassigned else "")
            + f"；主要集中在{spread}。"
            f"较突出的有：{named}。{where}",
        )
    )


def _late_words(items: list[LateItem]) -> str:
    """The worst late items as the body names them: “title”（lead牵头，why）, items of the same
    lead and reason sharing one bracket (“甲”“乙”（某局牵头，均逾期未完成））."""
    groups: list[tuple[str, str, list[str]]] = []
    for item in items:
        lead = f"{item.lead_unit}牵头" if item.lead_unit and item.lead_unit != NO_UNIT else "未明确牵头单位"
        why = severity_words(item)
        title = f"“{quote(item.title, NAMED_TITLE)}”"
        if groups and groups[-1][:2] == (lead, why):
            groups[-1][2].append(title)
        else:
            groups.append((lead, why, [title]))
    return "；".join(
        f"{'、'.join(titles)}（{lead}，{'均' if len(titles) > 1 else ''}{why}）"
        for lead, why, titles in groups
    )


def _code_words(code: str) -> str:
    return f"第{code}项" if code.isdigit() else code


def _indicators(report: Report, body: list[Block], number: int, refs: dict[str, int]) -> None:
    """四、指标完成情况: the judgements counted, the worst lagging indicators named, the rest in 附件."""
    body.append(_heading(number, "指标完成情况"))
    if not report.indicators:
        body.append(Para("正文", "本次督查范围内没有量化指标。"))
        return
    words = indicator_summary(report.indicators, reasons=not refs.get("indicators"))
    behind = lagging(report)
    if behind:
        named = "、".join(f"“{r.name}”" for r in behind[:NAMED_INDICATORS])
        where = f"附件{refs['indicators']}图2" if refs.get("indicators") else "图2"
        more = f"等{len(behind)}项" if len(behind) > NAMED_INDICATORS else ""
        words += f"滞后于序时进度的有{named}{more}（见{where}）。"
    elif refs.get("indicators"):
        words += f"逐项判断见附件{refs['indicators']}。"
    body.append(Para("正文", words))
    if behind and not refs.get("indicators"):
        body.append(lagging_chart(report))


def lagging_chart(report: Report) -> Bars:
    """图2: the lagging indicators by name, their completion against their 序时进度."""
    chosen = lagging(report)[:CHART_INDICATORS]
    return Bars(
        "indicators",
        "图2　滞后指标进度与序时进度（%）",
        tuple(r.name for r in chosen),
        tuple((progress(r), r.expected or 0.0) for r in chosen),
    )


def severity_words(item: LateItem, short: bool = False) -> str:
    """Why an item is red: 逾期未完成, 落后序时进度N个百分点, or the unit's own report of 滞后."""
    if item.overdue:
        return "逾期未完成"
    gap = gap_points(item)
    if not gap:
        return "报送为滞后"
    return f"落后{gap:.0f}个百分点" if short else f"落后序时进度{gap:.0f}个百分点"


def code_title(code: str, title: str) -> str:
    """“12．title” for a numbered item, “（一）title” as the plan writes it, the title alone without a code."""
    if not code:
        return title
    return f"{code}．{title}" if code.isdigit() else f"{code}{title}"


def _late_annex(report: Report, number: int) -> Annex:
    """All late items, grouped by plan (the plan with most first), each group by severity."""
    rows: list[tuple[str, ...]] = []
    groups: list[int] = []
    ordered = by_severity(report)
    seq = 0
    for plan, count in plans_of_late(report):
        groups.append(len(rows))
        rows.append((f"{_name(plan)}（{count}项）", "", "", "", "", ""))
        for item in (i for i in ordered if i.plan == plan):
            seq += 1
            rows.append(
                (
                    str(seq),
                    code_title(item.code, item.title),
                    item.lead_unit + (f"（配合：{item.support_units}）" if item.support_units else ""),
                    item.deadline or "未明确",
                    severity_words(item, short=True),
                    quote(item.progress, QUOTE_IN_TABLE) if item.progress else "本期未报送进展",
                )
            )
    return Annex(
        number,
        f"{report.period.label}滞后事项清单",
        Grid(
            "",
            ("序号", "任务（事项）", "牵头单位（配合单位）", "完成时限", "滞后情况", "最新进展"),
            tuple(rows),
            (0.05, 0.3, 0.2, 0.09, 0.1, 0.26),
            "CLLCCL",
            groups=tuple(groups),
        ),
    )


def _units_annex(report: Report, number: int) -> Annex:
    rows = tuple(
        (
            str(i),
            u.unit,
            str(u.led),
            str(u.supporting),
            *(str(n) for n in u.columns()),
        )
        for i, u in enumerate(report.units, start=1)
    )
    return Annex(
        number,
        "各责任单位推进情况统计表",
        Grid(
            "",
            ("序号", "责任单位", "牵头", "配合", *(label for _key, label in UNIT_COLUMNS)),
            rows,
            (0.06, 0.38, 0.06, 0.06, 0.08, 0.11, 0.06, 0.06, 0.06, 0.07),
            "CLCCCCCCCC",
            note="注：“已办结”至“未报送”各列为牵头的任务，之和为“牵头”数。" + COLUMNS_NOTE[2:],
        ),
        landscape=False,
    )


INDICATOR_NOTE = (
    "注：进度为自基期值起已完成目标增量的比例（无基期值的新增类指标从规划起始按0计，其余以首次填报值为基期），"
    "与序时进度比较判断快于预期、基本符合预期或滞后；增速和每年数量按年度判断，不累计；"
    "位次和“不高于”类目标越小越好；目标年度已过的，只判断已完成或未完成。"
)


def indicator_summary(indicators: tuple[IndicatorRow, ...], reasons: bool = True) -> str:
    """四、指标完成情况's opening: how many of each judgement, and (`reasons`) why some cannot be judged."""
    judged: dict[str, int] = {}
    for r in indicators:
        judged[r.judgement] = judged.get(r.judgement, 0) + 1
    parts = []
    for word in JUDGEMENTS:
        if word in judged:
            why = unknown_reasons(indicators) if word == UNKNOWN and reasons else ""
            parts.append(f"{word}{judged[word]}项" + (f"（{why}）" if why else ""))
    return f"纳入统计的指标共{len(indicators)}项，其中{'，'.join(parts)}。"


def unknown_reasons(indicators: tuple[IndicatorRow, ...]) -> str:
    """Why indicators cannot be judged, with counts: “本期未填报实际值137项；…”."""
    unknown: dict[str, int] = {}
    for r in indicators:
        if r.judgement == UNKNOWN:
            unknown[r.reason] = unknown.get(r.reason, 0) + 1
    return "；".join(f"{reason}{n}项" for reason, n in unknown.items())


def _judged(report: Report) -> list[IndicatorRow]:
    """Indicators with an actual value (the rest are counted in 四 only)."""
    return [r for r in report.indicators if r.actual is not None]


def _indicators_annex(report: Report, number: int) -> Annex:
    """Each measured indicator with the baseline used, 序时进度 and the rule of its judgement;
    its 注 says why the others cannot be judged (四、 in the body only counts them)."""
    why = unknown_reasons(report.indicators)
    rows = []
    for i, r in enumerate(_judged(report), start=1):
        target = f"{r.target_year}年{r.target_text}" if r.target_year else r.target_text
        rows.append(
            (
                str(i),
                f"{r.name}（{r.plan}）",
                r.baseline_text or "—",
                target,
                f"{r.actual:g}{r.unit}",
                achieved_text(r.achieved),
                "—" if r.expected is None else pct(r.expected),
                f"{r.judgement}：{r.reason or r.rule}",
            )
        )
    return Annex(
        number,
        "主要指标完成情况表",
        Grid(
            "表3　主要指标完成情况",
            ("序号", "指标", "基期", "目标", "实际值", "进度", "序时进度", "判断及依据"),
            tuple(rows),
            (0.05, 0.25, 0.12, 0.15, 0.1, 0.07, 0.08, 0.18),
            "CLLLCCCL",
            note=INDICATOR_NOTE + (f"{UNKNOWN}的：{why}。" if why else ""),
        ),
        chart=lagging_chart(report) if lagging(report) else None,
    )


def compose(report: Report, options: BulletinOptions) -> Bulletin:
    """The whole 通报 for `report`; BadInput for an empty scope or missing officer's parts."""
    if report.totals.items == 0:
        who, kinds = scope_words(report)
        raise BadInput(f"所选范围（{report.period.label}{who}{kinds}）内没有任务（事项），未生成通报")
    missing = missing_parts(options)
    if missing and not options.draft:
        raise BadInput(
            f"督查通报缺少：{'、'.join(missing)}。请填写后再生成（命令行：--office、--problems、"
            "--next-steps），或用 --draft 生成标明“草稿”的稿子"
        )
    office = options.office.strip() or "（草稿：发文单位待定）"
    issued = options.issued_on or date.today()
    who, kinds = scope_words(report)
    body: list[Block] = [
        Para(
            "正文",
            f"{office}对{_plans(report)}中{who}{report.totals.items}项{kinds}"
            f"（事项）截至{chinese_date(report.as_of)}的推进情况进行了督查，对照各单位报送的进展、完成时限"
            "和序时进度逐项亮灯。现将有关情况通报如下：",
        )
    ]
    wanted = {
        "late": bool(report.late),
        "units": bool(report.units),
        "ranking": report.assessment is not None and bool(report.assessment.scores),
        "indicators": bool(_judged(report)),
    }
    refs: dict[str, int] = {}
    for key in ("late", "units", "indicators", "ranking"):
        if key in options.parts and wanted[key]:
            refs[key] = len(refs) + 1
    number = 0
    ranking = "ranking" in options.parts and wanted["ranking"]
    steps: list[tuple[str, Callable[[Report, list[Block], int, dict[str, int]], None]]] = [
        ("overview", _overview),
        ("units", partial(_units, late_section="late" in options.parts, ranking=ranking)),
        ("late", _late),
        ("indicators", _indicators),
    ]
    if ranking and "units" not in options.parts:
        steps.append(("ranking", _ranking))  # else a sentence of 二、
    for key, build in steps:
        if key in options.parts:
            number += 1
            build(report, body, number, refs)
    if "problems" in options.parts:
        number += 1
        body.append(_heading(number, "存在问题"))
        body += _officer_text(options.problems, "存在问题", options.draft)
    if "next_steps" in options.parts:
        number += 1
        body.append(_heading(number, "下步工作要求"))
        body += _officer_text(options.next_steps, "下步工作要求", options.draft)

    makers = {
        "late": _late_annex,
        "units": _units_annex,
        "ranking": _ranking_annex,
        "indicators": _indicators_annex,
    }
    annexes = [makers[key](report, n) for key, n in refs.items()]
    note = tuple(f"{a.number}．{a.title}" for a in annexes)
    copies = options.copies_to.strip()
    imprint: tuple[tuple[str, str], ...] = ((f"抄送：{copies}", ""),) if copies else ()
    imprint += ((office, f"{chinese_date(issued)}印发"),)
    return Bulletin(
        office=office,
        issue=options.issue,
        issued_on=issued,
        draft=options.draft,
        title=_title(report),
        title_words=tuple(report.scope.units),
        recipients=(options.recipients.strip() or DEFAULT_RECIPIENTS).rstrip("：:") + "：",
        body=tuple(body),
        annex_note=note,
        signature=(office, chinese_date(issued)),
        annexes=tuple(annexes),
        imprint=imprint,
        totals={
            "items": report.totals.items,
            "done": report.totals.done,
            "late": report.totals.late,
            "not_reported": report.totals.not_reported,
        },
    )
