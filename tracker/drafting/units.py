"""责任单位 from a task's text: the bracketed list, 牵头/配合 labels, split into whole names."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tracker.drafting.labels import BRACKET_LABEL, LABEL, PERSON_NOTE, field_of_label, parse_fields

OPEN = "（〈《[【〔"
CLOSE = "）〉》]】〕"
SEPARATORS = "、，,；;/"
CELL_PADDING = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
DROP_TAIL = re.compile(
    r"(按职责分工负责|按职责分工|按照职责分工负责|分工负责|按职能分工负责|分别负责|负责配合|负责协调|负责|牵头|配合|"
    r"等[^、，,；;（）]{0,10}?(有关|相关)?(单位|部门)|等)$"
)
DEADLINE_TAIL = re.compile(
    r"[，,；;]\s*(?P<words>(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月|第?[一二三四1-4]\s*季度|[上下]半年|年底|年内|全年|底前|内)"
    r"[^，,；;（）]{0,8}|长期坚持|持续推进|常态化推进|(?:每|按)(?:年|半年|季度?|月)(?:度)?[^，,；;（）]{0,6})$"
)
PLACE_END = re.compile(r"(区|县|市|镇|乡|街道|园区|开发区|高新区|经开区|新区|片区)$")
SHARED_SUFFIX = re.compile(
    r"^(?P<head>.+?(?:区|县|市|镇|乡|街道)(?:（[^）]*）)?)(?P<suffix>管委会|管理委员会|人民政府|政府|党委|党工委|办事处)$"
)
BARE_PLACE = re.compile(r"^[\u4e00-\u9fa5]{2,3}$")
PLACE_KIND_BODY = re.compile(
    r"^[\u4e00-\u9fa5]{2,3}?(?P<suffix>(?:片区|新区|园区|开发区|高新区|经开区|保税区|试验区)[\u4e00-\u9fa5]{0,8}"
    r"(?:管理局|管委会|管理委员会|办事处|指挥部|建设局))$"
)
PLACE_KIND = re.compile(
    r"^[\u4e00-\u9fa5]{2,4}?(?P<kind>管理区|片区|新区|园区|开发区|高新区|经开区|保税区|试验区|示范区)$"
)
SHORT_PLACE = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
LIST_NUMBER = re.compile(r"^\d{1,2}\s*[.．、](?!\d)\s*")
REMARK = re.compile(
    r"[（(](?=[^（）()]{5,}[）)]$)[^（）()]*(?:配合|开展|负责|协助|协同|参与)[^（）()]*[）)]$"
)
# “交通与建设处（详见附件1）”: a pointer to where the work is listed, not part of the name
SEE_ALSO = re.compile(r"[（(]\s*(?:详见|具体见|参见|见)附件\s*\d*[^（）()]{0,6}[）)]$")
LEVEL_WORDS = ("省", "市", "县", "区", "州", "镇", "乡")
FIELD_KIND = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?:部门|系统|机关)$")
BARE_FIELD = re.compile(r"^[\u4e00-\u9fa5]{2,6}$")
BARE_PLACE_NAME = re.compile(r"^[\u4e00-\u9fa5]{1,6}(?:市|州|县|区|盟|旗)$")
PLACE_BODY = re.compile(
    r"^[\u4e00-\u9fa5]{1,6}(?:市|州|县|区|盟|旗)(?P<body>[\u4e00-\u9fa5]{0,8}(?:部门|局|委|办|厅|中心|分局))$"
)
# “列第一位的为牵头单位”, also “排名第一的单位为…”, “名列首位者为…”, “第一个单位为牵头单位”,
# “排位靠前的责任单位为牵头单位”
LEAD_RULE = re.compile(
    r"((列|排|排名|位列|名列)(在)?(第一|首)(位|个)?|(第一|首)(个|位)|(排位|排名|排序|排列|排)(靠前|在前|最前))"
    r"(的|者)?(责任)?(单位|部门)?(为|是)"
    r"(工作)?(牵头|汇总|主责|主办)(单位|部门)?(或(工作)?(牵头|汇总)(单位|部门)?)?"
)


@dataclass(frozen=True)
class FoundUnits:
    names: list[str]
    leads: list[str]  # names printed after 牵头单位： or before 牵头 (co-leads: all of them)
    supports: list[str]  # names printed after 配合单位： or after “X牵头，”
    span: tuple[int, int]  # where the list sits in the text
    deadline: str | None = None  # 完成时限 printed with the units
    leader: str | None = None  # 责任领导 printed with the units (a person, never a unit)
    responsible: bool = False  # printed as 责任单位 / “A、B负责”: no lead named
    progress_after: bool = False  # named mid-paragraph (“这项工作由X负责”): what follows is progress
    inline: bool = (
        False  # named inside the task's own sentence (“科技部会同教育部组织开展……”): kept in its words
    )


# a word a unit's name ends with (局, 委, 政府 …) or starts with (各 …)
UNIT_END = re.compile(
    r"(局|委|办|厅|部|院|会|政府|中心|公司|集团|区|县|市|州|盟|旗|镇|乡|街道|所|站|队|行|处|科|股|室|馆|校|"
    r"大学|学院|团|联|协|社|司|署|台|园|组|组织|办公室|单位|部门|企业|高校|机构|银行|法院|检察院|"
    r"海关|税务|人行|管委会|团中央|机关|村居|社区|居委会|村委会|"
    # bodies of the border and farming regions: 兵团第八师, 某某农场/林场/团场/牧场, 嘎查, 苏木
    r"第[一二三四五六七八九十\d]+师|直属库|储备库|粮库|厂|农场|林场|团场|牧场|嘎查|苏木|[\u4e00-\u9fa5]{2}(?<![乡农])村)$"
)
ACTION_FIRST = re.compile(
    r"^(?:全力|大力|积极|着力|全面|持续|进一步)?(?:建成|建设|新建|改建|扩建|推进|实施|开展|完成|打造|组建|培育|引进|提升|加快|加强|深化|推动|创建|设立|举办|"
    r"组织|制定|出台|落实|新增|争创|争取|启动|支持|促进|优化|健全|完善|编制|探索)"
)
# (“标★的为牵头单位”, “其余为配合单位”: the document's rule about names, never a name)
NOT_A_NAME = re.compile(
    r"按职责|负责|要|抓好|落实|做好|加强|推进|确保|切实|的为|其余|所列|为(?:牵头|配合|责任|协办|主办|参与)|[，,。；;：:]"
    r"|^在|撰写|报送|结束后"  # “在活动结束后撰写总结并报送省知识产权局” is what is done, not who
)
PERSON = re.compile(r"^[\u4e00-\u9fa5]{2,3}(同志)?$")
LABEL_WORD = re.compile(r"(?:责任|牵头|配合|协办|主办|参与|协同|承办|实施)(?:单位|部门|科室|处室|股室)")
# “X牵头，A、B配合” and its older wording “X主办，A、B协办”: the same lead and support
SENTENCE_LEAD = re.compile(
    r"^(?:由)?(?P<lead>[^，,；;。]+?)(?:共同|分别)?(?:牵头|主办)(?:负责|抓总|落实)?(?:[，,；;、]\s*(?P<rest>.*))?$"
)
# “各片区管理局，区资源生态局牵头，……”: bodies before the lead's clause, parted by a comma, lead too
COMMA_CO_LEAD = re.compile(
    r"^(?:由)?(?P<first>[^，,；;。、]{2,30}(?:、[^，,；;。、]{2,30}){0,4})[，,](?=[^，,；;。]+?(?:共同|分别)?(?:牵头|主办))"
)
SENTENCE_PAIR = re.compile(
    r"^(?:由)?(?P<lead>[^，,；;。]+?)(?:具体)?负责[，,；;]\s*(?P<rest>[^，,；;。]+?)(?:等(?:单位|部门)?)?(?:配合|协助|协办|参与|参加)$"
)
SENTENCE_REST = re.compile(
    r"^(?P<names>.+?)(?:等(?:单位|部门)?)?(?:按职责分工|按照职责分工|按职责|根据职责)?(?:分工|分别|具体|(?<=[府局委办区县道镇乡部厅院心司所站队协])组织(?=落实))?(?:配合|参与|参加|协同|协办|负责|落实)$"
)
SENTENCE_ONLY = re.compile(
    r"^(?:由)?(?P<names>[^；;。]+?)(?:等(?:单位|部门)?)?(?:按职责分工|按照职责分工|按职责)?(?:分工|分别|具体|(?<=[府局委办区县道镇乡部厅院心司所站队协])组织(?=落实))?(?:负责|落实|牵头负责|共同(?:编制|制定))$"
)  # “由A、B分别与Y共同编制”: the bodies that draw it up together answer for it alike

# “（甲部、乙部指导）” alone: bodies that guide, no one else named, answer for the task alike
SENTENCE_GUIDE = re.compile(r"^(?P<names>[^，,；;。]+?)(?:等(?:单位|部门)?)?(?:具体|业务)?指导$")


def looks_like_unit(name: str) -> bool:
    """A printed name that reads as a body (局, 委, 政府 …), not a person or a phrase."""
    name = re.sub(r"^[★☆▲△●◆＊*]\s*|\s*[★☆＊*]+$", "", name.strip())  # a mark for the lead is no part of it
    if not name or len(name) > 40:
        return False
    bare = re.sub(r"（[^（）]*）$", "", name)  # 温州高新区（经开区）→ judged by 温州高新区
    if len(bare) < 2 or NOT_A_NAME.search(bare):  # “市” alone (a list the page cut off) is no body
        return False
    if LABEL_WORD.fullmatch(bare):  # “（责任单位排在第一位的为牵头单位）”: a label's word, no body
        return False
    if ACTION_FIRST.match(bare) and len(bare) >= 6:  # “建成……转化中心” is a task's words; 建设厅 a body
        return False
    if re.search(r"(?:布|格|大|全|结|开|变|定|骗)局$|(?:场|住|处|寓|厕)所$", bare):
        return False  # “建设布局”, “发展格局”, “其他场所” end as bodies do and are none
    if re.search(r"\d", bare) and not re.match(r"^\d{1,3}个", bare):
        return False  # “新建学校2所” is a task's words; only a counted group (“13个街道”) has a figure
    return (bare.startswith("各") and len(bare) <= 4) or bool(UNIT_END.search(bare))


def looks_like_person(name: str) -> bool:
    """Two or three characters with no body word: more likely a person than a unit."""
    return bool(PERSON.match(name.strip())) and not looks_like_unit(name)


def bracket_closes(text: str) -> dict[int, int]:
    """Each opening bracket's index → the index of the bracket closing it (unclosed ones absent).

    One pass with a stack, so a text of thousands of unclosed brackets (a hostile file) costs
    what a text of one does; looking for each bracket's close from its own start was quadratic.
    """
    closes: dict[int, int] = {}
    stack: list[int] = []
    for index, ch in enumerate(text):
        if ch in OPEN:
            stack.append(index)
        elif ch in CLOSE and stack:
            closes[stack.pop()] = index
    return closes


def _before(text: str, index: int) -> str:
    """The last character before `index` that is not a space (“” at the start)."""
    at = index - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


LEAD_RULE_WORDS = re.compile(
    r"[，,；;（(]?\s*(除[^，,；;（）()]{0,14}外[，,]?\s*)?(责任单位中|以上单位中|多个单位的?，?)?((列|排|排名|位列|名列)(在)?(第一|首)(位|个)?|(第一|首)(个|位)|(排位|排名|排序|排列|排)(靠前|在前|最前))(的|者)?(责任)?(单位|部门)?(为|是)"
    r"(工作)?(牵头|汇总|主责|主办)(单位|部门)?(或(工作)?(牵头|汇总)(单位|部门)?)?[，,；;]?\s*(下同|同上)?[）)]?"
)
SUPPORT_MARK = re.compile(r"[（(]\s*(?:配合|协办|协助|参与|参加)\s*[)）]$")
LEAD_MARK = re.compile(r"[（(]\s*牵头\s*[)）]$|^[★☆▲△●◆＊*]\s*|\s*[★☆＊*]+$")  # “区政府办公室*”: after it too
# the kinds of place a group names, as provinces and autonomous regions print them
_PLACE = r"(?:县级市|自治县|自治州|自治旗|特区|乡镇|街道|园区|县市|区县|市县|州市|盟市|旗县|县区|市区|市州|区|县|市|州|盟|旗|乡|镇|地)"
# (a group may open with the zones of every kind: “各开发区、镇（街道）”, “各园区、乡镇”)
_ZONE = r"(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|高新区|经开区|工业园区|产业园区|片区)"
GROUP_HEAD = re.compile(rf"^各(?:有关|相关)?(?:{_ZONE}|{_PLACE})(?:（[^（）]*）)?$")
PLACE_WORDS = ("市", "区", "县", "乡", "镇", "乡镇", "街道", "园区", "县市", "市区")
# a kind of place inside a group (“各市（州）、县（市）人民政府”, “各市、县、自治县人民政府”)
GROUP_MIDDLE = re.compile(rf"^{_PLACE}(?:（[^（）]*）)?$")
# a kind of body with no name (“省有关部门和单位” is one group, not 省有关部门 + 单位)
BARE_KIND = re.compile(r"^(?:单位|部门|企业|机构|高校|院校|组织|社会组织)$")
# “有关部门”, “相关单位” alone point at whoever is concerned: no body to hold to account (“相关乡镇”
# names the townships the task touches, each of which answers: it is kept)
GENERIC = re.compile(r"^(?:其他|其它)?(?:有关|相关)(?:部门|单位|方面)$")
COUNTED = re.compile(r"^\d{1,3}个(?:区|县|市|乡|镇|乡镇|街道)$")
GROUP_TAIL = re.compile(
    rf"^{_PLACE}(?:（[^（）]*）)?(?:(?:人民)?政府|党委|党委政府|管委会|行署|行政公署|党委和政府)?(?:（[^（）]*）)?(?=$|及|和|以及)"
)


def _balanced(name: str) -> str:
    """A bracket the page left open or closed at a name's edge is no part of it (“（市甲委” → 市甲委)."""
    if name[:1] in "（[【〔" and not any(c in name for c in "）]】〕"):
        name = name[1:].strip()
    if name[-1:] in "）]】〕" and not any(c in name for c in "（[【〔"):
        name = name[:-1].strip()
    return name


BY = re.compile(r"(?<!自)由(?=[\u4e00-\u9fa5]{2})")


# “监测司牵头，会同大气司落实”: the verb of working with is no part of the partner's name
WORKED_WITH = re.compile(r"^(?:并|再)?会同")  # (联合党委, 协同创新中心 are names)


def _after_by(name: str) -> str:
    """“活动由知识产权处”, “具体方案由党群工作处”: the words before 由 name the work, not the body."""
    found = list(BY.finditer(name))
    if found:
        rest = name[found[-1].end() :]
        if looks_like_unit(rest):
            return rest
    partner = WORKED_WITH.sub("", name)
    if partner != name and looks_like_unit(partner):
        return partner
    return name


# a place's name and its body broken over two lines of a cell (“岚城片区” / “开发管理局”)
BROKEN_NAME = re.compile(
    r"(?P<place>[\u4e00-\u9fa5]{2}(?:片区|新区|园区|开发区))\s*\n\s*"
    r"(?P<body>(?:开发|管理|建设)?(?:管理局|管委会|办事处|指挥部))(?=\s*(?:\n|$|、|，|,))"
)
# a line of a cell that is only the other name of the body on the line before, in brackets
ALIAS_LINE = re.compile(
    r"\s*\n\s*(?P<alias>[（(][\u4e00-\u9fa5]{2,16}(?:局|委|办|厅|中心|政府|办公室)[）)])(?=\s*(?:\n|$|、))"
)
ITEM_TAG = re.compile(r"[（(]\s*\d{1,3}(?:\s*[-—–～~、,，]\s*\d{1,3})*\s*[)）]")


# a label of another field printed straight after the units, as a page ran two lines together
NEXT_FIELD = re.compile(r"(?<=\S\S)(?:任务|工作|建设|年度)(?:目标|内容)[：:]")
WORKING_GROUP = re.compile(r"(?:工作小组|小组|工作组|专班|指挥部)$")
# “各乡镇及其所辖村”, “各主管部门及所属单位”: the second half names the first's own bodies
REFERS_BACK = re.compile(r"^(?:其|所属|所辖|下属|直属)")
# “相关联合党委及村居”: a bare class after a 相关/各 group is governed by the same word
QUALIFIED = re.compile(r"^(?:相关|有关|各)")
BARE_CLASS = re.compile(r"^(?:村居|村（居）|村\(居\)|社区|村|村委会|居委会|企业|单位|部门)$")


# “各乡镇党委和人民政府”: the second half names no place, so it is the first's place's
PLACELESS_GOVERNMENT = re.compile(r"^(?:(?:人民)?政府|党委|管委会|党工委)$")


def _one_group(halves: list[str]) -> bool:
    """Rule: “X及Y” is one group when Y refers back to X (其/所属/所辖), is a bare class
    (村居, 社区) after a 相关/有关/各 that governs both, or is a government with no place of its
    own (“各乡镇党委和人民政府”)."""
    first, rest = halves[0], halves[1:]
    return (
        any(REFERS_BACK.match(h) for h in rest)
        or (bool(QUALIFIED.match(first)) and all(BARE_CLASS.match(h) for h in rest))
        or all(PLACELESS_GOVERNMENT.match(h) for h in rest)
    )


JOINED_MOST = 80  # two or three bodies' names; a longer run is a sentence, not names to part


def _split_at_one_join(name: str) -> list[str]:
    """“交通与建设处与资源生态处” → 交通与建设处, 资源生态处: two bodies joined by the one 与/和
    where both sides read as bodies (the 与 inside 交通与建设处 leaves “交通” no body)."""
    if len(name) > JOINED_MOST:
        return [name]
    return list(_joined_bodies(name))


@lru_cache(maxsize=4096)
def _joined_bodies(name: str) -> tuple[str, ...]:
    # (remembered: each tail is parted once, so a run of many 与 costs its length squared, not 2ⁿ)
    for join in re.finditer(r"(?<=[\u4e00-\u9fa5）])[与和](?=[\u4e00-\u9fa5])", name):
        left, right = name[: join.start()], name[join.end() :]
        if (
            len(left) >= 3
            and len(right) >= 3
            and looks_like_unit(left)
            and not BARE_KIND.match(left)
            and not BARE_KIND.match(right)
            and not PLACELESS_GOVERNMENT.match(right)
        ):
            rest = _joined_bodies(right)
            if all(looks_like_unit(n) for n in rest):
                return (left, *rest)
    return (name,)


def split_units(text: str) -> list[str]:
    """Split a printed unit list into whole names, keeping groups and shared brackets right."""
    text = text.replace("〈", "（").replace("〉", "）")
    text = BROKEN_NAME.sub(r"\g<place>\g<body>", text)  # “岚城片区\n开发管理局”: one name the cell wrapped
    text = ALIAS_LINE.sub(r"\g<alias>", text)  # “区建设管理委\n（区水务局）”: the body's other name
    text = ITEM_TAG.sub("、", text)  # “区效能办（1-2）、区党群工作部（3）”: which items each unit takes
    text = text.replace("\n", "、").strip().rstrip("。.、")
    text = _balanced(PERSON_NOTE.sub("", text))
    # the document's rule written into the list: “…，列第一位的为牵头单位，下同”
    text = LEAD_RULE_WORDS.sub("", text).strip(" ，,；;")
    text = re.sub(r"[，,；;]\s*(?:下同|同上|以下同)$", "", text)  # “……按职责分工负责，下同”
    # a note on the lists to come closing this one: “……，以下均需各县市区落实，不再逐一列出”
    text = re.sub(r"[，,；;]\s*(?:以下|下列|此后|不再)[^、]*$", "", text)
    text = ALL_ITEMS_NOTE.sub(r"\1", text)
    text = re.sub(r"等(部门|单位)[、和及与](?:部门|单位)", r"等\1", text)  # “……公司等部门、单位，大碶街道”
    text = DROP_TAIL.sub("", text).strip()
    text = NEXT_FIELD.split(text, maxsplit=1)[0]  # “莲塘镇任务目标：2024年……”: the next line run in
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        if ch in SEPARATORS and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names = [_balanced(DROP_TAIL.sub("", p.strip()).strip()) for p in parts]
    # “1.经济发展处（配合区经发局开展商场排查）”: a list's number and a remark on the unit's part
    names = [SEE_ALSO.sub("", REMARK.sub("", LIST_NUMBER.sub("", n))).strip() for n in names]
    names = [_after_by(n) for n in names if n]
    # “县科技局 县财政局”, “区科技局　区税务局”: bodies a cell or bracket separates by spaces
    spaced: list[str] = []
    for name in names:
        pieces = name.split()
        if len(pieces) > 1 and all(looks_like_unit(p) and len(p) >= 3 for p in pieces):
            spaced.extend(pieces)
        else:
            # “区教 育局”: a space a narrow cell pads a name with, between two characters of it
            spaced.append(CELL_PADDING.sub("", name))
    names = spaced
    # “海峡大桥、客滚码头、各渡口管理工作小组”: a working group named for what it covers, one name
    if len(names) > 1 and WORKING_GROUP.search(names[-1]) and not any(looks_like_unit(n) for n in names[:-1]):
        names = ["、".join(names)]
    # a group printed with 、 outside its bracket: 各区、县（市）政府
    index = 0
    while index < len(names) - 1:
        if GROUP_HEAD.match(names[index]):
            end = index + 1
            while end < len(names) - 1 and GROUP_MIDDLE.match(names[end]):
                end += 1
            # the group ends at the last kind of place that can close it (“各县、区，市商务局”)
            while end > index and not GROUP_TAIL.match(names[end]):
                end -= 1
            if end > index:
                names[index : end + 1] = ["、".join(names[index : end + 1])]
                continue
        index += 1
    # “13个街道、镇”: a count before kinds of places names one group, whatever 、 is inside it
    index = 0
    while index < len(names) - 1:
        if COUNTED.match(names[index]) and names[index + 1] in PLACE_WORDS:
            names[index : index + 2] = ["、".join(names[index : index + 2])]
            continue
        index += 1
    # “州委编办及州直相关单位”: two bodies joined by 及/和
    split: list[str] = []
    for name in names:
        # (“文化和旅游部等和各省级人民政府”: the list's 等 closes it, and only there is it cut)
        closed = re.split(r"(?<=[\u4e00-\u9fa5）])等(?:单位|部门)?(?:及|以及|和)(?=[\u4e00-\u9fa5])", name)
        tries = (
            [closed]
            if len(closed) > 1
            # “市城规局与11个县区政府”: 与 joins two bodies as 和 does, tried only after 和 and 及
            # (“海洋与渔业执法支队和各村”; “自然资源与规划局” is one name: its halves are no bodies)
            else [
                re.split(rf"(?<=[\u4e00-\u9fa5）])(?:{joins})(?=[\u4e00-\u9fa5\d])", name)
                for joins in ("及|以及|和", "与|分别与")
            ]
        )
        halves = next(
            (
                h
                for h in tries
                if len(h) > 1
                and all(looks_like_unit(x) and not BARE_KIND.match(x) for x in h)
                and not _one_group(h)
            ),
            None,
        )
        if halves is not None:
            split.extend(h for h in (DROP_TAIL.sub("", h).strip() for h in halves) if h)
        else:
            split.extend(_split_at_one_join(name))
    names = [n for n in split if not n.startswith("等")]
    # “市直有关部门、单位”: a kind with no name after 、 shares the words before it: one group
    index = 1
    while index < len(names):
        if BARE_KIND.match(names[index]) and not BARE_KIND.match(names[index - 1]):
            names[index - 1 : index + 1] = [f"{names[index - 1]}、{names[index]}"]
            continue
        index += 1
    # A suffix shared by several places: 温州海经区、温州高新区（经开区）管委会
    for index in range(len(names) - 1, 0, -1):
        match = SHARED_SUFFIX.match(names[index])
        if not match:
            continue
        suffix = match.group("suffix")
        back = index - 1
        while back >= 0 and PLACE_END.search(names[back]) and not names[back].startswith("各"):
            names[back] = names[back] + suffix
            back -= 1
        # “长沙、株洲、湘潭市人民政府”: bare place names take the place word and the suffix
        place = PLACE_END.search(match.group("head"))
        while back >= 0 and place and BARE_PLACE.match(names[back]) and not looks_like_unit(names[back]):
            names[back] = names[back] + place.group() + suffix
            back -= 1
    # “金井、澳前片区开发管理局”: bare places before a place whose kind and body follow its name
    # share them (金井片区开发管理局), as a shared 管委会 is shared above
    for index in range(len(names) - 1, 0, -1):
        kind_body = PLACE_KIND_BODY.match(names[index])
        back = index - 1
        while kind_body and back >= 0 and BARE_PLACE.match(names[back]) and not looks_like_unit(names[back]):
            names[back] = names[back] + kind_body.group("suffix")
            back -= 1
    # “人民大垸、荒湖管理区”: bare places before a place named with its kind alone share the kind
    for index in range(len(names) - 1, 0, -1):
        kind = PLACE_KIND.match(names[index])
        back = index - 1
        while kind and back >= 0 and SHORT_PLACE.match(names[back]) and not looks_like_unit(names[back]):
            names[back] = names[back] + kind.group("kind")
            back -= 1
    # “区、县交通与建设局”: a level's word alone shares the body the next name gives its level
    for index in range(len(names) - 1):
        if names[index] in LEVEL_WORDS and names[index + 1][:1] in LEVEL_WORDS and len(names[index + 1]) > 2:
            names[index] = names[index] + names[index + 1][1:]
    # “公安、安监、质监、信息化部门”: fields named bare before the last share its 部门
    kind = FIELD_KIND.search(names[-1]) if len(names) > 1 else None
    if kind:
        back = len(names) - 2
        while back >= 0 and BARE_FIELD.match(names[back]) and not looks_like_unit(names[back]):
            names[back] = names[back] + kind.group()
            back -= 1
    # “甲市、乙市、丙州发展改革部门”: a list of places only, the last with the body they all
    # name, shares that body (a place alone next to bodies stays a place: “省财政厅、甲市”)
    last = PLACE_BODY.match(names[-1]) if len(names) > 1 else None
    if last and all(BARE_PLACE_NAME.match(n) and not n.startswith("各") for n in names[:-1]):
        names = [n + last.group("body") for n in names[:-1]] + [names[-1]]
    # “各市〔州〕、贵安新区数据管理部门”: a group of places before a place with its body shares the body
    for index in range(len(names) - 1):
        body = PLACE_BODY.match(names[index + 1])
        if (
            body
            and len(body.group("body")) >= 3  # “各街道，区市场局”: 区市 is no place before a body “场局”
            and GROUP_HEAD.match(names[index].replace("〔", "（").replace("〕", "）"))
        ):
            names[index] = names[index] + body.group("body")
    # each name once, in printed order (a set, not a search of the list: a hostile list is long)
    return [name for name in dict.fromkeys(names) if not GENERIC.match(name)]


def from_fields(fields: dict[str, str], span: tuple[int, int]) -> FoundUnits | None:
    """Units from labelled fields (牵头单位 / 配合单位 / 责任单位 …, see labels.py)."""
    # the document's rule written into the list (“…，列第一位的为牵头单位，下同”) is no name
    # and a unit list ends at its 。: what follows (“具体任务均涉及…，不再做分工”) is a note
    fields = {
        k: LEAD_RULE_WORDS.sub("", v.split("。")[0]).strip(" ，,；;") if k != "deadline" else v
        for k, v in fields.items()
    }
    for key in ("support", "responsible", "lead"):
        if key in fields and "deadline" not in fields:
            rest, words = split_deadline(fields[key])
            if words:  # “责任单位：…，6月底完成”: the deadline closes the list
                fields[key], fields["deadline"] = rest, words
                break
    sentence = parse_sentence(fields["responsible"]) if "responsible" in fields else None
    if sentence is None and "responsible" in fields and not ({"lead", "support"} & fields.keys()):
        from tracker.drafting.division import read_division  # (it reads names with this module)

        division = read_division(fields["responsible"])
        if division is not None:  # “责任分工：X负责……，Y组织实施，Z配合”: a part a clause
            return FoundUnits(
                division.names,
                division.leads,
                division.supports,
                span,
                deadline=fields.get("deadline"),
                leader=fields.get("leader"),
                responsible=not division.leads,
            )
    if sentence is not None and sentence[1] and "lead" not in fields:
        # “责任单位：市科技局牵头，市财政局配合”: the label holds a sentence
        fields["lead"], fields["support"] = "、".join(sentence[1]), "、".join(sentence[2])
        del fields["responsible"]
    # one character (“责任单位：市”, a list the page cut off) names no body
    leads = [n for n in split_units(fields.get("lead", "")) if len(n) >= 2]
    supports = [n for n in split_units(fields.get("support", "")) if len(n) >= 2]
    responsible = [n for n in split_units(fields.get("responsible", "")) if len(n) >= 2]
    marked = [n for n in responsible if LEAD_MARK.search(n)]
    if marked and not leads:  # 责任单位：市科技局（牵头）、市财政局
        leads = [LEAD_MARK.sub("", n).strip() for n in marked]
        responsible = [n for n in responsible if n not in marked]
    helping = [n for n in responsible if SUPPORT_MARK.search(n)]
    if helping:  # 责任单位：市教育局、市财政局（配合）
        supports = [*supports, *(SUPPORT_MARK.sub("", n).strip() for n in helping)]
        responsible = [n for n in responsible if n not in helping]
        fields.setdefault("support", "")  # listed after the 责任单位 they help, as printed
    listed = {"support": supports, "responsible": responsible}
    printed = list(dict.fromkeys(n for key in fields if key in listed for n in listed[key]))
    if leads:  # beside a lead, 责任单位 and 配合单位 alike support, in the order printed
        supports = [n for n in printed if n not in leads]
        responsible = []
        names = leads + supports
    else:  # 责任单位 and 配合单位 without a lead: in the order printed
        names = printed
    if not names and not fields.get("deadline"):
        return None
    return FoundUnits(
        names,
        leads,
        [n for n in supports if n not in leads],
        span,
        deadline=fields.get("deadline"),
        leader=fields.get("leader"),
        responsible=not leads and not supports,
    )


def split_deadline(body: str) -> tuple[str, str | None]:
    """“…按职责分工负责，6月底完成” → (“…按职责分工负责”, “6月底完成”).

    Deadline clauses in a row are one deadline's words: “2027年12月底前完成，长期坚持”.
    """
    body = body.strip().rstrip("。.；;")
    tail = DEADLINE_TAIL.search(body)
    if tail is None:
        return body, None
    head, words = body[: tail.start()].strip(), tail.group("words").strip()
    before = DEADLINE_TAIL.search(head)
    while before is not None:
        head, words = head[: before.start()].strip(), f"{before.group('words').strip()}，{words}"
        before = DEADLINE_TAIL.search(head)
    return head, words


SENTENCE_WITH = re.compile(
    r"^(?:由)?(?P<lead>[^，,；;。]+?)(?:会同|联合|协调)(?P<rest>[^，,；;。]+?)"
    r"(?:等(?:有关|相关)?(?:单位|部门)(?:[^，,；;。]{0,12})|(?:等)?(?:共同)?(?:负责|落实|推进|实施)+)$"
)
# “这项工作由X负责，……”: the words naming the work are no part of the unit's name
THIS_WORK = re.compile(r"^(?:这|此|该|本|上述|以上)(?:项|些)?(?:工作|任务|事项)?由")
# Rule: a 督查 list's “整改要求：（按照……，）由X、Y负责……” line hands the item to X and Y.
REQUIREMENT_BY = re.compile(
    r"(?:^|[。；;\n])\s*(?:整改要求|整改措施|整改意见|处理意见|督办要求)[：:]\s*(?:[^。；;：:]{0,60}[，,])?"
    r"由(?P<names>[^，,；;。：:]{2,80}?)(?:共同|分别|具体)?负责"
)
# “由包片单位县气象局负责”, “陈家坝沿线包片单位县职教中心”: the unit's part in the work is no part of its name
DESCRIBED = re.compile(r"^[^、，,]{0,10}?(?:包片|包联|挂点|挂联|联系|帮扶|责任)单位(?=\S{2})")


def _without_descriptor(name: str) -> str:
    rest = DESCRIBED.sub("", name)
    return rest if rest != name and looks_like_unit(rest) else name


# “关于……的问题，由X会同A、B等部门负责落实”: the clause closing an item's sentence
CLOSING_CLAUSE = re.compile(
    r"[，,](?P<clause>(?:由[^，,；;。]+?(?:负责|落实|办理|研究|牵头)[^，,；;。]{0,12}|[^，,；;。由]{2,40}?(?:具体)?负责)"
    r"(?:[，,][^，,；;。]{2,30}?(?:配合|协助|参与|参加|支持))*"
    r"(?:[，,][^，,；;。]{0,14}(?:前|底|内|\d{1,2}月\d{1,2}日)[^，,；;。]{0,8})?)[。；;]?$"
)  # “……，由市财政局负责，6月15日提出。”: a day of a month says when, as 底 and 前 do  # “……300亩，镇农技站、镇经管站负责，6月底前完成。”, “……12期，由镇农技站具体负责，各村配合。”


# “X牵头，各项任务均需Y负责”: the note gives Y a part in this item too (and in the rest, draft.py)
ALL_ITEMS_NOTE = re.compile(r"([，,；;])\s*(?:以下)?(?:各项|所有|全部)(?:任务|工作|事项)?均(?:需|由|涉及)")


# Rule: a closing clause of helpers named by kind only (“，有关部门参与”) names no unit.
KIND_HELPS = re.compile(
    r"[，,；;]\s*(?:其他|其它|各)?(?:有关|相关)(?:部门|单位)(?:[、和及](?:部门|单位))?(?:按职责|按照职责|积极)?"
    r"(?:配合|参与|参加|协助|支持)$"
)


def parse_sentence(body: str, *, bare: bool = False) -> tuple[list[str], list[str], list[str]] | None:
    """“X牵头，A、B等按职责分工负责”, “A、B负责”, “由X负责”, “X会同A、B负责” → (names, leads, supports)."""
    body = ALL_ITEMS_NOTE.sub(r"\1", THIS_WORK.sub("", split_deadline(body)[0]))
    kind_only = KIND_HELPS.search(body)
    if kind_only is not None and kind_only.start() > 0:
        # “X负责，有关部门参与”, “由A、B分别与Y共同编制，有关部门参与”: the helpers are named by kind
        # only, so the units are those of the sentence before
        before_kind = parse_sentence(body[: kind_only.start()], bare=bare)
        if before_kind is not None:
            return before_kind
    with_ = SENTENCE_WITH.match(body)
    if with_:  # “X会同A、B负责”: X leads, the others work with it
        heads, others = split_units(with_.group("lead")), split_units(with_.group("rest"))
        # “X会同有关部门负责”: the others are no body by name, and X still leads
        named = others or GENERIC.match(with_.group("rest").strip()) is not None
        if heads and named and all(looks_like_unit(n) for n in heads + others):
            return heads + [n for n in others if n not in heads], heads, others
    pair = SENTENCE_PAIR.match(body)
    if pair:  # “X负责，A、B配合”: the body answering leads those helping it
        heads, others = split_units(pair.group("lead")), split_units(pair.group("rest"))
        if heads and others and all(looks_like_unit(n) for n in heads + others):
            return heads + [n for n in others if n not in heads], heads, others
    co_lead = COMMA_CO_LEAD.match(body)
    if co_lead and all(looks_like_unit(n) for n in split_units(co_lead.group("first")) or ["-"]):
        body = f"{co_lead.group('first')}、{body[co_lead.end() :]}"  # “A，B牵头，……”: A and B lead
    lead = SENTENCE_LEAD.match(body)
    if lead:
        leads = split_units(lead.group("lead"))
        rest = (lead.group("rest") or "").strip()
        supports: list[str] = []
        clauses = [c.strip() for c in re.split(r"[，,；;]", rest) if c.strip()]
        by_clause = [SENTENCE_REST.match(c) for c in clauses]
        if len(clauses) > 1 and all(by_clause):
            # “X牵头，A参加，B按职责分别负责”: each clause names its helpers with their verb
            supports = [n for m in by_clause if m for n in split_units(m.group("names"))]
        elif rest:
            tail = SENTENCE_REST.match(rest)
            # “X牵头，A、B”: the bodies after the lead, with no verb, support it
            supports = split_units(tail.group("names") if tail else rest)
            if tail is None and not (supports and all(looks_like_unit(n) for n in supports)):
                return None
            if not all(looks_like_unit(n) for n in supports):
                # “X牵头，A、B参与，各县政府负责落实”: a clause for each kind of helper
                clauses = [c.strip() for c in re.split(r"[，,；;]", rest) if c.strip()]
                parsed = [SENTENCE_REST.match(c) for c in clauses]
                if not clauses or not all(parsed):
                    return None
                supports = [n for m in parsed if m for n in split_units(m.group("names"))]
        if not leads or not all(looks_like_unit(n) for n in leads + supports):
            return None
        return leads + [s for s in supports if s not in leads], leads, supports
    helping = HELP_CLAUSE.match(re.sub(r"落实$", "", body))
    if helping and not lead:  # “A、B配合落实”: bodies that help, with no lead named here
        names = split_units(helping.group("names"))
        if names and all(looks_like_unit(n) for n in names):
            return names, [], names
    only = SENTENCE_ONLY.match(body) or SENTENCE_GUIDE.match(body)
    if only:
        names = split_units(only.group("names"))
        if names and all(looks_like_unit(n) for n in names):
            return names, [], []
    clauses = [c.strip() for c in re.split(r"[，,；;]", body) if c.strip()]
    if len(clauses) >= 2 and all(SENTENCE_ONLY.match(c) for c in clauses):
        # “A、B等按职责分工负责，地方各级人民政府负责落实”: each clause names bodies that answer alike
        names = list(
            dict.fromkeys(
                n for c in clauses if (m := SENTENCE_ONLY.match(c)) for n in split_units(m.group("names"))
            )
        )
        if names and all(looks_like_unit(n) for n in names):
            return names, [], []
    # a bare list of bodies closing an item: （市科技局、市财政局）
    if bare and not re.search(r"[。：:]", body) and not body.startswith(("含", "包括", "如", "即")):
        names = split_units(body)
        marked = [n for n in names if LEAD_MARK.search(n)]
        names = [LEAD_MARK.sub("", n).strip() for n in names]
        if names and all(looks_like_unit(n) and len(n) >= 3 for n in names):
            # “（县统计局（牵头）、县科技局）”: the mark names the lead, the others help it
            leads = [LEAD_MARK.sub("", n).strip() for n in marked]
            return names, leads, [n for n in names if n not in leads] if leads else []
    return None


def _labelled(body: str) -> tuple[list[str], list[str], list[str]]:
    """牵头单位：…；配合单位：… inside one list."""
    fields = parse_fields(body)
    if fields:
        found = from_fields(fields, (0, 0))
        if found is not None:
            return found.names, found.leads, found.supports
    return split_units(body), [], []


# “张三副县长负责，县科技局牵头……”, “县委常委、副县长赵六负责，……”: who answers for it, a person
LEADER_FIRST = re.compile(
    r"^\s*由?(?P<who>[^，,；;。（）()]{2,30}?(?:省长|市长|县长|区长|州长|旗长|镇长|秘书长|书记|常委|主任)"
    r"[\u4e00-\u9fa5]{0,4}?)(?:负责|牵头负责|分管|协调)\s*[，,；;]\s*(?P<rest>.+)$"
)
# clauses a units bracket may close with that name no unit: when (“2024.6.30前完成”, “即时办结”),
# or who oversees (“县科技局指导”)
EXTRA_CLAUSE = re.compile(
    r"^(?:即时办结|立行立改|长期坚持|持续推进|常态化推进|[^，,；;]{0,12}(?:前|底)(?:完成|印发|出台|办结)?[^，,；;]{0,8}"
    r"|(?:19|20)\d\d\s*年?\s*[—\-–~～至到]+\s*(?:19|20)\d\d\s*年?|(?:19|20)\d\d\s*年起[^，,；;]{0,8}"
    r"|[^，,；;]{2,20}(?:指导|督导|监督|统筹))$"
)


def split_leader(inner: str) -> tuple[str | None, str]:
    """A person named first in a units bracket (“张三副县长负责，县科技局牵头”): (leader, the rest)."""
    match = LEADER_FIRST.match(inner)
    if match is None:
        return None, inner
    return match.group("who").strip(), match.group("rest")


def _parse_tolerant(
    body: str, *, bare: bool
) -> tuple[tuple[list[str], list[str], list[str]] | None, str | None]:
    """The units of a bracket, read again without the clauses after them that name no unit.

    “（县科技局负责，2024.6.30前完成）”, “（镇农业服务中心负责，县科技局指导）”: the units are read
    from the clauses before; closing words of when are returned as the deadline's words.
    """
    parsed = parse_sentence(body, bare=bare)
    if parsed is not None:
        return parsed, None
    clauses = [c for c in re.split(r"[，,；;]", body) if c.strip()]
    for cut in (1, 2):
        if len(clauses) <= cut or not all(EXTRA_CLAUSE.match(c.strip()) for c in clauses[-cut:]):
            continue
        parsed = parse_sentence("，".join(clauses[:-cut]), bare=bare)
        if parsed is not None:
            overseeing = [c.strip() for c in clauses[-cut:] if c.strip().endswith(OVERSEE)]
            when = "，".join(c.strip() for c in clauses[-cut:] if c.strip() not in overseeing)
            # “（各省级人民政府负责，科技部、工业和信息化部指导）”: who guides helps the one who answers
            guides = [n for c in overseeing for n in split_units(c[:-2]) if looks_like_unit(n)]
            names, leads, supports = parsed
            guides = [n for n in guides if n not in names]
            if guides:
                leads = leads or [n for n in names if n not in supports]
                parsed = (names + guides, leads, supports + guides)
            return parsed, when or None
    return None, None


OVERSEE = ("指导", "督导", "监督", "统筹")


def _before_note(inner: str) -> str:
    """A bracket's unit sentence without the note after its 。 (“……负责落实。以下各项……不再列出。”)."""
    head, stop, rest = inner.partition("。")
    return head if stop and rest.strip(" 。") else inner


def unit_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every bracket that holds labelled units or a sentence naming units."""
    out: list[tuple[int, int]] = []
    closes = bracket_closes(text)
    for open_at, ch in enumerate(text):
        if ch not in "（[【〔" or open_at not in closes:
            continue
        close_at = closes[open_at]
        inner = text[open_at + 1 : close_at]
        fields = parse_fields(inner) if LABEL.match(inner.strip()) else {}
        # a bare list of bodies counts where it closes a sentence: “……3家。（甲局、乙局）推进……”
        after_stop = _before(text, open_at) in ("。", "；", ";")
        if any(k in fields for k in ("lead", "support", "responsible")) or (
            not fields and parse_sentence(_before_note(inner), bare=after_stop) is not None
        ):
            out.append((open_at, close_at + 1))
    return out


def find_units(text: str) -> FoundUnits | None:
    """The last unit list in a task's text: a labelled bracket or line, or a sentence form.

    Forms: “（责任单位：…）”, “（牵头单位：X；配合单位：Y、Z）”, “[牵头单位:X;责任单位:A、B]”,
    “牵头单位：…；配合单位：…” in the text, “（X牵头，A、B等按职责分工负责）”, “（A、B负责）”,
    “（由X负责）”, and the same sentences closing the text without a bracket.
    """
    candidates: list[FoundUnits] = []
    closes = bracket_closes(text)
    trimmed = text.rstrip(" 。；;，,\n\t")
    last_word = len(trimmed) - 1  # the last character that is not a stop or a space
    for match in BRACKET_LABEL.finditer(text):
        open_at = match.start()
        close_at = closes.get(open_at, len(text))
        fields = parse_fields(text[open_at + 1 : close_at])
        found = from_fields(fields, (open_at, close_at + 1))
        if found is not None:
            candidates.append(found)
    labelled_at = [
        m.end()
        for m in LABEL.finditer(text)
        if field_of_label(m.group("word")) in ("lead", "support", "responsible")
    ]
    for open_at, ch in enumerate(text):
        if ch not in "（[【〔" or open_at not in closes:
            continue
        close_at = closes[open_at]
        inner = text[open_at + 1 : close_at]
        first_label = LABEL.search(inner)
        if first_label is not None and not _inside_label(text, labelled_at, open_at):
            # “（区科技局、区发改局；完成时限：2027年6月底前）”: bare units, then a labelled deadline
            head = inner[: first_label.start()].strip(" ；;，,")
            fields = parse_fields(inner[first_label.start() :])
            bare_units = (
                parse_sentence(head, bare=True) if head and set(fields) <= {"deadline", "leader"} else None
            )
            unit_fields = {"lead", "support", "responsible"} & fields.keys()
            if unit_fields and "deadline" not in fields and DEADLINE_HEAD.match(head):
                # “（5月底完成，牵头考核单位：市审批服务局）”: the time first, then the labelled units
                timed = from_fields({**fields, "deadline": head}, (open_at, close_at + 1))
                if timed is not None:
                    candidates.append(timed)
                continue
            if bare_units is not None:
                names, leads, supports = bare_units
                candidates.append(
                    FoundUnits(
                        names,
                        leads,
                        supports,
                        (open_at, close_at + 1),
                        deadline=fields.get("deadline"),
                        leader=fields.get("leader"),
                        responsible=not leads,
                    )
                )
            continue
        if _inside_label(text, labelled_at, open_at):
            continue
        closing = close_at >= last_word  # nothing after it but stops and spaces
        # a bare list of bodies names the units where it closes the item or opens it (“【甲局】…”;
        # not a field name such as “【发布单位】” heading a line of a page's header)
        opening = not _before(text, open_at) and not FIELD_NAME.match(inner.strip())
        # the document's rule written into the bracket: “（A、B负责。列第一位的为牵头部门，下同）”
        inner = LEAD_RULE_WORDS.sub("", inner).strip(" ，,；;。") if LEAD_RULE.search(inner) else inner
        leader, inner = split_leader(inner)
        parsed, extra = _parse_tolerant(_before_note(inner), bare=closing or opening)
        if parsed is not None:
            names, leads, supports = parsed
            deadline = split_deadline(inner)[1] or extra
            candidates.append(
                FoundUnits(
                    names,
                    leads,
                    supports,
                    (open_at, close_at + 1),
                    deadline=deadline,
                    leader=leader,
                    responsible=not leads,
                )
            )
    if candidates:
        named = [c for c in candidates if c.names] or candidates
        found = max(named, key=lambda f: f.span[0])
        if found.deadline is None:  # “（牵头单位：X）（完成时限：2024年底）”
            dated = [c for c in candidates if c.deadline]
            if dated:
                found = replace(found, deadline=dated[-1].deadline)
        after = DATE_BRACKET.match(text[found.span[1] :])
        if found.deadline is None and after:
            # “（X牵头，Y配合）（2031年6月底前）”: a bracket of deadline words alone after the units
            words = split_deadline("，" + after.group(1))[1]
            if words and words == after.group(1).strip():
                found = replace(found, deadline=words)
        return found
    asked = REQUIREMENT_BY.search(text)
    if asked is not None:
        names = [_without_descriptor(n) for n in split_units(asked.group("names"))]
        if names and all(looks_like_unit(n) for n in names):
            return FoundUnits(names, [], [], asked.span(), responsible=True)
    plain = LABEL.search(text)
    if plain and field_of_label(plain.group("word")) in ("lead", "support", "responsible"):
        stop = text.find("。", plain.start())
        end = stop if stop >= 0 else len(text)
        # “责任单位：A、B。完成时限：6月底。”: labelled sentences after it carry on the fields
        while end < len(text):
            following = text[end + 1 :].lstrip()
            if not following or not LABEL.match(following):
                break
            stop = text.find("。", len(text) - len(following))
            end = stop if stop >= 0 else len(text)
        fields_text = re.sub(r"。\s*(?=\S)", "；", text[plain.start() : end])
        found = from_fields(parse_fields(fields_text), (plain.start(), end))
        if found is not None:
            return found
    # a closing sentence without a bracket: “……。市科技局牵头，市财政局等按职责分工负责。”
    sentences = [s for s in re.split(r"(?<=[。；;])", text) if s.strip()]
    if sentences:
        last = sentences[-1]
        parsed = parse_sentence(last)
        start = len(text) - len(last)
        clause = CLOSING_CLAUSE.search(last) if parsed is None else None
        if clause is not None:
            parsed = parse_sentence(clause.group("clause"))
            start += clause.start("clause")
        if parsed is not None:
            names, leads, supports = parsed
            words = split_deadline(clause.group("clause") if clause is not None else last)[1]
            return FoundUnits(
                names, leads, supports, (start, len(text)), deadline=words, responsible=not leads
            )
    if len(sentences) >= 3 and len(sentences[-1].strip()) <= 40:
        # “……。县科技局牵头，县发改局等按职责分工负责。2024年6月底前完成主体建设。”: the units
        # sentence, then one short sentence of when or how to report
        units_sentence = sentences[-2]
        parsed = parse_sentence(units_sentence)
        if parsed is not None:
            names, leads, supports = parsed
            start = len(text) - len(sentences[-1]) - len(units_sentence)
            last_words = sentences[-1].strip().rstrip("。；;")
            # “2024年6月底前完成主体建设” says when; “每季度报送进展” how often to report
            when = (
                last_words if TRAILING_DATE.search(last_words) and not last_words.startswith("每") else None
            )
            return FoundUnits(
                names, leads, supports, (start, len(text)), deadline=when, responsible=not leads
            )
    # “……。这项工作由X负责，……” inside a paragraph: what follows reports progress
    start = 0
    for sentence in sentences:
        who = WHO_DOES_IT.match(sentence)
        if who:
            parsed = parse_sentence(who.group("who"))
            if parsed is not None:
                names, leads, supports = parsed
                span = (start, start + who.end())
                return FoundUnits(names, leads, supports, span, responsible=not leads, progress_after=True)
        start += len(sentence)
    return _no_colon_label(text) or _clause_run(text) or _request(text)


# “请市科技局会同各县（市、区）人民政府加快推进，于12月20日前完成……”: a 督查通报 or 催办函 names who
# must act in the sentence that asks it of them
REQUEST = re.compile(
    r"^(?:(?P<ask>请|由|责成)(?P<names>[^，,；;。：:]{2,60}?)|(?P<bare>[^，,；;。：:]{2,40}?)(?:要|应)?(?=会同))"
    r"(?:(?:会同|联合)(?P<with>[^，,；;。：:]{2,60}?)(?:等(?:有关|相关)?(?:单位|部门))?)?"
    r"(?P<verb>牵头|负责|抓紧|加快|尽快|认真|切实|进一步|组织|研究|推进|落实|做好|督促|协调|加强|完成|开展|于|在|按照|按"
    r"|(?(with)$|(?!)))"  # “市金融办要会同市科技局，组织……”: the clause may end after whom it works with
)
ADDRESSEES = re.compile(
    r"各[级地]?各?(?:有关|相关|责任|主办|承办|协办|牵头|配合)?(?:单位|部门|地区|方面|级|地|股室|科室|处室)?(?:各(?:单位|部门))?"
)
REQUEST_DEADLINE = re.compile(
    r"((?:(?:19|20)\d\d\s*年|次年|翌年|明年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|底|末|中旬|上旬)?前|(?:(?:19|20)\d\d\s*)?年底前|年内)"
)


# “会同区建管委、公安分局”: the bodies a lead works with, after its 牵头
WITH_AFTER_LEAD = re.compile(
    r"^\s*(?:并)?(?:会同|联合)(?P<with>[^，,；;。：:]{2,60}?)(?:等(?:有关|相关)?(?:单位|部门))?$"
)


def _partners_after_lead(rest: str, later: list[tuple[int, int, str]], end: int) -> tuple[list[str], int]:
    """The bodies named by “会同……” in the lead's clause or the clause after it, and where they end."""
    match, until = WITH_AFTER_LEAD.match(rest), end
    if match is None and later and not rest.strip():
        match, until = WITH_AFTER_LEAD.match(later[0][2]), later[0][1]
    names = split_units(match.group("with")) if match else []
    if not names or not all(looks_like_unit(n) for n in names):
        return [], end
    return names, until


def _request(text: str) -> FoundUnits | None:
    """Units asked to act in a sentence: “请X会同Y加快推进”, “由X负责，Y配合”, “请X、Y抓紧研究”.

    X leads where it 牵头 or 会同 others, or 负责 beside those who 配合; bodies asked alone answer
    alike. The first “……前” after them is when it is due.
    """
    clauses = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^，,；;。]+", text)]
    for index, (start, end, clause) in enumerate(clauses):
        match = REQUEST.match(clause)
        if match is None:
            continue
        # (“本责任书由市科技局会同……”: who acts follows 由)
        heads = split_units(match.group("names") or (match.group("bare") or "").split("由")[-1])
        others = split_units(match.group("with") or "")
        if not heads or not all(looks_like_unit(n) and not BARE_KIND.match(n) for n in heads + others):
            continue
        if any(ADDRESSEES.fullmatch(n) for n in heads):
            continue  # “请各单位认真做好……”: a notice's call to all, no unit answering
        if match.group("bare") and not others and "有关" not in (match.group("with") or ""):
            continue  # “X会同” must name who it works with, or at least “有关部门”
        supports = list(others)
        if match.group("verb") == "牵头" and not others:
            # “由区市政办牵头会同区建管委、公安分局，……”, “由X牵头，会同A、B，……”: those it works with
            partners, end = _partners_after_lead(clause[match.end() :], clauses[index + 1 :], end)
            supports.extend(n for n in partners if n not in heads)
        for _, after, helper in clauses[index + 1 :]:
            helping = HELP_CLAUSE.match(helper)
            if helping is None:
                break
            named = [n for n in split_units(helping.group("names")) if n not in heads]
            if not named or not all(looks_like_unit(n) for n in named):
                break
            supports.extend(named)
            end = after
        leads = heads if (supports or match.group("with") or match.group("verb") == "牵头") else []
        sentence_end = text.find("。", start)
        rest = text[end : sentence_end if sentence_end >= 0 else len(text)]
        due = REQUEST_DEADLINE.search(clause[match.end() :]) or REQUEST_DEADLINE.search(rest)
        names = heads + [n for n in supports if n not in heads]
        return FoundUnits(
            names,
            leads,
            [n for n in supports if n not in heads],
            (start, end),
            deadline=due.group(1) if due else None,
            responsible=not leads,
            inline=True,
        )
    return None


# “总协调人张某，责任单位区发展计划局、区经贸局……”: the label word with no colon after it, or
# with 为/是 in its place (“……，责任单位为区发改委；”)
NO_COLON_LABEL = re.compile(
    r"(?:^|[，,；;。])\s*(?P<word>牵头单位|责任单位|配合单位|主办单位|协办单位|责任部门|牵头部门)(?![：:])(?:为|是)?"
    r"(?P<names>[^，,；;。]+)"
)


def _no_colon_label(text: str) -> FoundUnits | None:
    """Units after a label word printed without its colon, where every name reads as a body."""
    found: FoundUnits | None = None
    for match in NO_COLON_LABEL.finditer(text):
        names = split_units(match.group("names"))
        if not names or not all(looks_like_unit(n) for n in names):
            continue
        role = field_of_label(match.group("word"))
        found = FoundUnits(
            names,
            names if role == "lead" else [],
            names if role == "support" else [],
            (match.start("word"), match.end()),
            responsible=role == "responsible",
        )
    return found


# “由X副市长负责，市发改委牵头，相关部门配合，尽快完成……”: who answers, opening the work
LEADER_CLAUSE = re.compile(
    r"^由?(?P<who>[\u4e00-\u9fa5]{2,4}(?:副)?(?:省|市|州|县|区|镇|乡)?长|[\u4e00-\u9fa5]{2,4}同志)负责$"
)
LEAD_CLAUSE = re.compile(
    # (“非煤矿山领域：由X牵头组织”: the field the item covers, before its colon, is no body)
    r"^(?:[^，,；;。：:（）]{2,16}[：:]\s*(?=由|请|责成))?(?:拟由|将由|由|请|责成)?(?P<names>[^，,；;。：:]+?)"
    r"(?:共同|分别)?牵头(?:负责|抓总|组织|实施)?$"
)
HELP_CLAUSE = re.compile(
    r"^(?P<names>[^，,；;。：:]+?)(?:等(?:单位|部门)?)?(?:按职责|按照职责)?(?:做好|积极|全力|主动)?"
    r"(?:配合|协助|协办|参与|参加|协同|支持)(?:工作)?$"
)


def _clause_run(text: str) -> FoundUnits | None:
    """Units named in a run of clauses inside a sentence: “X牵头，A、B配合，……”.

    The clause “X牵头” names the lead wherever the sentence puts it, when every name in it is
    a body; the clauses right after it that end in 配合/协助 name those who help, and a
    “由X副市长负责” right before it names the leader (a person, never a unit).
    """
    clauses = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^，,；;。]+", text)]
    for index, (start, end, clause) in enumerate(clauses):
        lead = LEAD_CLAUSE.match(clause)
        if lead is None:
            continue
        leads = split_units(lead.group("names"))
        if not leads or not all(looks_like_unit(n) and not BARE_KIND.match(n) for n in leads):
            continue
        leader = None
        if index > 0 and (who := LEADER_CLAUSE.match(clauses[index - 1][2])):
            leader, start = who.group("who"), clauses[index - 1][0]
        supports: list[str] = []
        for _, after, helper in clauses[index + 1 :]:
            helping = HELP_CLAUSE.match(helper)
            if helping is None:
                break
            named = [n for n in split_units(helping.group("names")) if n not in leads]
            if not all(looks_like_unit(n) for n in named):
                break
            supports.extend(named)
            end = after
        sentence_end = text.find("。", end)
        due = REQUEST_DEADLINE.search(text[end : sentence_end if sentence_end >= 0 else len(text)])
        return FoundUnits(
            leads + supports,
            leads,
            supports,
            (start, end),
            leader=leader,
            deadline=due.group(1) if due else None,
        )
    return None


def _inside_label(text: str, labelled_at: list[int], open_at: int) -> bool:
    """The bracket is part of a name in a labelled list: “责任部门：市市场监管局（知识产权局）”."""
    # (the nearest label before the bracket decides: a stop after it is after every earlier one)
    before = bisect.bisect_right(labelled_at, open_at)
    return before > 0 and not re.search(r"[。；;]", text[labelled_at[before - 1] : open_at])


TRAILING_DATE = re.compile(
    r"(?:19|20)\d\d\s*年|\d{1,2}\s*月(?:底|末)?前|年底前|第?[一二三四]季度|上半年|下半年"
)
# Rule: words of when, opening a bracket before its unit label, are the item's deadline
# (“（6月底完成，牵头单位：X）”, “（持续推进，责任单位：Y）”).
DEADLINE_HEAD = re.compile(
    r"^(?:(?:(?:19|20)\d\d\s*年)?\s*(?:\d{1,2}\s*月|第?[一二三四1-4]\s*季度|[上下]半年|年底|年内|全年)"
    r"[^，,；;（）()：:]{0,16}|(?:长期|持续|常态化)[^，,；;（）()：:]{0,6})$"
)
DATE_BRACKET = re.compile(r"^\s*[（(]([^（）()]{2,20})[）)]")
FIELD_NAME = re.compile(r"^[\u4e00-\u9fa5]{2}(单位|部门|机关|机构)$")
# a sentence naming who does the work, inside a paragraph: “这项工作由发展改革委负责”
WHO_DOES_IT = re.compile(r"^\s*(?:这项|此项|该项|上述)(?:工作|任务)?(?P<who>由[^，,。；;]+?负责)")


def document_names_lead(text: str) -> bool:
    """The document's own rule “列第一位的为牵头单位” (or “……为汇总单位”)."""
    return bool(LEAD_RULE.search(text))
