"""Quantitative targets in running text: years, comparators, ranges, units, 破零 / 全覆盖."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.drafting.header import SPAN
from tracker.numbers import is_finite
from tracker.planfile.model import METRIC_YEAR_MAX, METRIC_YEAR_MIN

UNITS = "万吨标准煤|吨标准煤|个百分点|场次|家次|户次|批次|件次|万剂|剂|期|万标箱|标箱|标准箱|‰|公斤|千克|元|头|只|张|册|间|栋|幢|株|棵|盆|组|盏|艘|架|床|例|宗|起|轮|微克/立方米|毫克/升|万斤|亿斤|斤|万人次|人次|人年|亿美元|万美元|美元|亿元|万元|万吨|吨|万千瓦时|千瓦时|万千瓦|千瓦|兆瓦|平方公里|平方千米|公里|千米|万户|户|万平方米|平方米|立方米|公顷|家|个|项|人|名|件|篇|所|座|次|万人|亩|台|套|条|场|处|批|支|辆|%|％|位|倍"
NUMBER = r"\d+(?:\.\d+)?"
TARGET = re.compile(
    rf"(?P<pre>超过|超|突破|达到|达|不少于|不低于|至少|力争|约|控制在|不超过|小于|低于|大于|高于|保持在|增长|增加|新增|提升|提高|累计|"
    rf"下降|降低|减少|压减|削减)?\s*"
    rf"(?P<value>{NUMBER})\s*(?:(?:%|％)?\s*(?P<dash>[-—–~～至到])\s*(?P<max>{NUMBER}))?\s*"
    rf"(?P<unit>(?:万|亿|千)?(?:{UNITS}))(?P<post>以上|左右|以内|以下)?"
)
YEAR = re.compile(r"(?:到|至|在|于)?\s*(20\d\d)\s*年")
# “在2007年的基础上再提高1%”, “比2020年增长”: a base year, not the year the figure is due
BASE_YEAR = re.compile(
    r"(?:比|较|与|同)\s*(20\d\d)\s*年|(20\d\d)\s*年\s*(?:[\u4e00-\u9fa5]{0,6}的)?(?:基础上|相比|同期|水平)"
)
# “力争……10家”: what an office strives for is a floor
STRIVE = re.compile(r"力争")
DECREASE_WORDS = ("下降", "降低", "减少", "压减", "削减", "减排")
MIN_WORDS = ("超过", "超", "突破", "不少于", "不低于", "至少", "大于", "高于")
# “至少建设1个”: a floor word a few words before the number still makes it a floor
MIN_BEFORE = re.compile(r"(至少|不少于|不低于)[\u4e00-\u9fa5]{0,6}$")
QUOTED_NAME = re.compile(r"“[^”]{0,12}”")
MAX_WORDS = ("控制在", "不超过", "小于", "低于")
INCREMENT_WORDS = ("新增", "增加", "提升", "提高", "增长")
STOP_NAME = re.compile(
    r"^(力争|确保|全市|全县|全区|实现|到\d{4}年|\d{4}年|累计|其中|年均|每年|共|"
    r"(?:\d{1,2}月(?:\d{1,2}日|底|末)?|年底|年内)前?(?:完成|实现|达到)?)+"
)  # “年底前覆盖率达到45%”: when it is due is no part of the name


@dataclass
class FoundTarget:
    name: str
    unit: str | None
    year: int
    value: float | None
    max: float | None
    comparator: str
    kind: str
    recurring: bool
    text: str


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[，,；;。：:]", text) if c.strip()]


def _name_before(clause: str, start: int) -> str:
    name = clause[:start]
    name = re.sub(
        r"(?:(?:提高|提升|增加|增长|降低|下降|减少|扩大)(?:到|至)|增至|降至|达到|达|超过|超|突破|力争|不少于|不低于|约|控制在|保持在|为)$",
        "",
        name.strip(),
    )
    name = YEAR.sub("", name)
    name = STOP_NAME.sub("", name.strip())
    # “①规上企业研发费用”, “1.新增……”, “（2）……”: the point's mark is no part of the name
    return re.sub(r"^(?:[①-⑳]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])\s*", "", name.strip(" 的"))


def _listed_names(listed: str) -> list[str]:
    """“花生种植、收获机械化率” → 花生种植机械化率, 花生收获机械化率: the words around a list shared.

    Items between the first and the last give the items' length; of two names, a short one
    is whole as printed, and longer ones share two-character items (种植/收获).
    """
    parts = [p.strip() for p in listed.split("、") if p.strip()]
    if len(parts) < 2:
        return [listed]
    if len(parts) == 2 and (len(parts[1]) <= 3 or len(parts[0]) <= 2):
        return parts  # “企业数、产值”, “高企、科小企业”: each name whole as printed
    size = len(parts[1]) if len(parts) > 2 else 2
    first, last = parts[0], parts[-1]
    if len(first) < size or len(last) <= size or any(len(p) != size for p in parts[1:-1]):
        return parts
    head, tail = first[:-size], last[size:]
    return [first + tail, *(head + p + tail for p in parts[1:-1]), head + last]


# “由2650元提高到3000元”: the first figure is where it starts from; “按标准的80%确定”,
# “给予10万元奖励”: a policy's parameter, not a result to reach
FROM_TO = re.compile(r"^\s*(?:提高|提升|增加|增长|降低|下降|减少|调整|扩大)(?:到|至)")
PARAMETER_BEFORE = re.compile(
    r"(按[^，,；;。]{0,20}的|给予(?:[^，,；;。]{0,6}(?:最高|不超过|每[^，,；;。]{0,4}))?)\s*$"
)
# “总规划占地面积12.66平方公里”, “规划面积约3平方公里”: the size of a planned place, no goal
# (a share of it, “用地面积50%以上达到……”, is one)
PLACE_SIZE = re.compile(r"(?:规划|占地|用地|辖区|区域|总)面积(?:为|约|达)?\s*$")
# (“家庭年可支配收入10-50万元群体比例”: a figure naming a group of people is no goal either)
PARAMETER_AFTER = re.compile(
    r"^\s*(?:确定|计算|核定|执行|的?(?:奖励|补助|补贴|资助)|的?(?:群体|人群|家庭|档次))"
)


# “以上8项目标”: a count of the items above, not a goal
COUNT_BACK = re.compile(r"(?:以上|上述|这|该|共)\s*$")


def _parameter_or_baseline(clause: str, match: re.Match[str]) -> bool:
    """A figure that is a starting point (“由A提高到B”: A), a policy's parameter or a count of
    the items above (“以上8项”), not a goal."""
    before, after = clause[: match.start()], clause[match.end() :]
    if COUNT_BACK.search(before) and match.group("unit") in ("项", "条", "个", "类", "大类"):
        return True
    if FROM_TO.match(after) and re.search(r"由[^，,；;。]*$", before):
        return True
    if PLACE_SIZE.search(before) and match.group("unit") not in ("%", "％"):
        return True
    return bool(PARAMETER_BEFORE.search(before) or PARAMETER_AFTER.match(after))


WITHIN = re.compile(r"([一二两三四五六七八九十]|\d{1,2})\s*年内")
CN_COUNT = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}


# a sentence or clause of a 督查通报 or progress report that says where the work stands
PROGRESS_OPENER = re.compile(
    # (“截至2030年底，全市高企达到500家” states a goal: only “截至目前/截至9月底” report)
    r"^(?:目前|当前|截[至止](?!\s*(?:19|20)\d\d\s*年(?:底|末)?[，,])|现已|已经|至今|今年以来|年初以来|仅|已有|已完成|已累计|累计已|实际完成|"
    r"\d{1,2}\s*[-—–至]\s*\d{1,2}\s*月(?:份)?[，,]?)"
)
SIGN_WORDS = str.maketrans(
    {"≥": "不低于", "≧": "不低于", "≤": "不超过", "≦": "不超过", "＞": "超过", "＜": "低于"}
)
# (“——2018年，推进13个……”: a year heading a dashed line of a 目标 list opens one too)
GOAL_YEAR_OPENER = re.compile(
    r"^(?:(?:力争)?(?:到|至)\s*((?:19|20)\d\d)\s*年(?:底|末)?|[—－-]{1,2}\s*((?:19|20)\d\d)\s*年)\s*[，,]"
)


def find_targets(text: str, default_year: int | None, start_year: int | None = None) -> list[FoundTarget]:
    """Every number-with-unit that reads as a goal, with its year (or the default).

    “三年内” counts from the plan's first year when it is known.
    """
    out: list[FoundTarget] = []
    carried = default_year
    text = text.translate(SIGN_WORDS)  # “研发投入强度≥2.5%”: the sign read as the words it stands for
    for sentence in re.split(r"[。；;\n]", text):
        # “到2020年，……。全国农机总动力超过10亿千瓦……”: a goal year opening a sentence holds for
        # the sentences after it, until another opens with its own
        opener = GOAL_YEAR_OPENER.match(sentence.strip())
        if opener:
            carried = int(opener.group(1) or opener.group(2))
        year = carried
        if PROGRESS_OPENER.match(sentence.strip()):
            continue  # “目前全市入库412家，仅完成全年目标的68.7%”: where the work stands, not a goal
        for clause in _clauses(sentence):
            if PROGRESS_OPENER.match(clause.strip()):
                continue
            based = BASE_YEAR.sub(lambda m: "\0" * len(m.group(0)), clause)
            # “三年实施方案（2030-2032年）”: a bracketed span names a plan's years, no figure's
            based = SPAN.sub(lambda m: "\0" * len(m.group(0)), based)
            years = YEAR.findall(based)
            within = WITHIN.search(clause)
            if years:
                year = int(years[-1])
            elif within and start_year is not None:
                count = within.group(1)
                year = start_year + (int(count) if count.isdigit() else CN_COUNT[count])
            if year is None or not METRIC_YEAR_MIN <= year <= METRIC_YEAR_MAX:
                continue  # no year, or one no plan file could hold (a mistyped date)
            recurring = "每年" in clause or "年均" in clause
            named = [m.span() for m in QUOTED_NAME.finditer(clause)]
            clause_year = year
            named_from = 0  # “建院士工作站3家、博士后工作站2家”: a name starts after the figure before it
            respective: list[str] = []  # names a “分别” list has still to give its figures
            for match in TARGET.finditer(clause):
                if any(a < match.start() < b for a, b in named):
                    continue  # “22条”, “10项举措”: a number in quotes names a policy, it is no goal
                # “2024年突破3.5万家、2025年突破3.8万家”: each figure takes the year printed before it
                before_years = [m for m in YEAR.finditer(based) if m.end() <= match.start()]
                year = int(before_years[-1].group(1)) if len(years) > 1 and before_years else clause_year
                # the figure as printed, its magnitude kept in the unit (“3.5万家”: 3.5, 万家), so the
                # officer reports progress in the words of the plan
                unit = match.group("unit").replace("％", "%")
                if _parameter_or_baseline(clause, match):
                    continue
                before = clause[max(0, match.start() - 2) : match.start()]
                after = clause[match.end() : match.end() + 2]
                if unit == "位" and "前" not in before:
                    continue
                if re.match(r"\s*年", clause[match.end("value") :]) or (
                    before.endswith(("第", "前")) and unit != "位"
                ):
                    continue
                if after.startswith(("年", "月")):
                    continue
                pre = match.group("pre") or ""
                post = match.group("post") or ""
                value = round(float(match.group("value")), 6)
                maximum = round(float(match.group("max")), 6) if match.group("max") else None
                if not is_finite(value) or (maximum is not None and not is_finite(maximum)):
                    continue  # a figure beyond any real amount stays in the words, never a number
                kind = "level"
                comparator = "="
                if maximum is not None and maximum >= value:
                    comparator = "range"
                elif unit == "位" and "前" in before:
                    comparator = "<="
                elif pre in MIN_WORDS or post == "以上" or MIN_BEFORE.search(clause[: match.start()]):
                    comparator = ">="
                elif pre == "约" or post == "左右":  # “控制在3.5%左右”: about, not at most
                    comparator = "~"
                elif pre in MAX_WORDS or post in ("以内", "以下"):
                    comparator = "<="
                elif STRIVE.search(sentence[: sentence.find(clause)] + clause[: match.start()]):
                    comparator = ">="
                if (
                    pre in INCREMENT_WORDS
                    or unit == "个百分点"
                    or clause[: match.start()].rstrip().endswith("新增")
                    # “全年新增国家高新技术企业40家”: a count of new ones, however far the figure stands
                    or re.match(
                        r"^(?:全年|年内|今年)?(?:新增|新培育)",
                        STOP_NAME.sub("", clause[named_from : match.start()].lstrip("，,、 ")),
                    )
                ):
                    kind = "increment"
                if pre in DECREASE_WORDS or clause[: match.start()].rstrip().endswith(DECREASE_WORDS):
                    # “能耗下降2%”: a change downwards, written as a negative increment
                    kind, value = "increment", -value
                    comparator = {">=": "<=", "<=": ">="}.get(comparator, comparator)
                if maximum is not None and comparator != "range":
                    maximum = None
                words = clause[match.start() : match.end()].strip()
                begin = named_from
                while begin < match.start() and clause[begin] in "、及和与 ":
                    begin += 1
                name = _name_before(clause[begin:], match.start() - begin) or _name_before(
                    clause, match.start()
                )
                named_from = match.end()
                each = re.match(r"^(?P<names>.+、.+?)(?P<how>分别|均|都)$", name)
                if each and each.group("how") == "分别":  # “种植、收获机械化率分别达到65%和55%”
                    respective = _listed_names(each.group("names"))
                    name = respective.pop(0)
                elif (
                    not each
                    and respective
                    and re.fullmatch(r"[和及、与，,]?", clause[begin : match.start()].strip())
                ):
                    name = respective.pop(0)  # the next figure of a 分别 list: its next name
                else:
                    respective = []
                names = _listed_names(each.group("names")) if each and each.group("how") != "分别" else [name]
                for one in names:  # “种植、收获机械化率均达到45%”: one goal for each
                    out.append(
                        FoundTarget(one, unit, year, value, maximum, comparator, kind, recurring, words)
                    )
            year = clause_year
            for word, kind in (("破零", "breakthrough"), ("全覆盖", "full_coverage")):
                if word in clause and year is not None:
                    name = clause[: clause.index(word)].strip()
                    name = STOP_NAME.sub("", YEAR.sub("", name)).strip(" 的")
                    value = 1.0 if kind == "breakthrough" else 100.0
                    out.append(
                        FoundTarget(
                            name or word,
                            "%" if kind == "full_coverage" else None,
                            year,
                            value,
                            None,
                            ">=",
                            kind,
                            False,
                            word,
                        )
                    )
    return out
