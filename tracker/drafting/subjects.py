"""The bodies an item's own sentences give its work to, where it prints no unit list.

“（三）落实资金保障。……由区财政金融局根据总体方案制定资金配套方案……” names no bracket,
label or column of units, yet says who does the work: 区财政金融局.

Rule: where an item prints no units, each body that opens one of its clauses and is told what to
do (“X要……”, “由X负责……”, “X会同Y……”) is a unit of the item, in the order printed: responsible,
or lead where its clause says 牵头 (and the others then support); a clause addressed to a class of
bodies (“各单位要……”, “相关部门要……”, “各乡镇、各职能部门应……”) names none.
"""

from __future__ import annotations

import re

from tracker.drafting.units import looks_like_unit, split_units

# a body told its work without 要/应: “公安部门做好……”, “市交通管理部门依法落实……” (not 组织/监督,
# which open names: 区委组织部, 市场监督管理局). Read only in a sentence's first clause, and only
# where the words before them hold no verb of handing over (“属地乡镇移送区综合执法局依法……”).
TOLD_WORDS = r"做好|落实|依法|持续|加强|严格|开展|完善|强化|加快|指导|配合|督促|制定|承担|履行|做实|推动"
_TOLD = re.compile(rf"^(?:{TOLD_WORDS})$")
_HANDED = re.compile(r"移送|移交|交由|报送|提交|告知|通知|参加|认可|及时|定期|应(?!急)|要(?!素)")
# a clause that opens with bodies and what they are told: “区财政部门要加大……”, “由X根据……制定”
_OPENS = re.compile(
    r"^(?:同时|并|另外|其中|此外)?(?:由|请|责成)?(?P<who>[^。；;，,：:“”《》]{2,40}?)"
    r"(?P<verb>要(?![求素点件闻])|应当|应(?!急)|须|必须|需|将(?![来近要])|负责|牵头|作为|会同|联合|联动|根据|按照|依据|结合|具体|统筹|尽快|抓紧|积极|主动|"
    r"切实|认真|定期|及时|" + TOLD_WORDS + r")"
)
_ITEM_CODE = re.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*"
)
# “由区财政局制定……”: after 由 the body is named whatever it is told to do
_BY_OPENS = re.compile(
    r"^(?:同时|并|另外|其中|此外)?由(?P<who>[^。；;，,：:“”《》]{2,40}?)"
    r"(?P<verb>负责|牵头|会同|联合|委托|根据|按照|依据|结合|制定|组织|开展|落实|做好|推进|建立|完善|编制|实施|加强|加快|指导|统筹|"
    r"协调|督促|研究|出台|对|在|于|及时|定期|统一)"
)
NAME_NOTE = re.compile(r"[（(][^（）()]{1,12}[)）]$")  # “区建管委（区水务局）”: the name is before it
_CLAUSE = re.compile(r"[^。；;，,！!？?]+")
# “各乡镇、各职能部门应……”, “相关创建单位要……”: a class of bodies told how to work, not a body given a task
CLASS = re.compile(r"^(?:全区|全市|全县|全省|区直|市直|县直|省直)?(?:各|有关|相关|其他|其它)")
# …but “各基层医疗卫生机构要……”, “各区应急管理局要……” name every body of one kind: a whole-class
# name, kept as printed (README: a generic name standing as one of the names is kept)
WHOLE_CLASS = re.compile(
    r"^各(?!(?:有关|相关|级|地|类|方|成员|责任|职能|部门|单位|乡镇|街道|村|社区|企业|学校))"
    r"[^各、，,]{1,16}?(?:[（(][^（）()]{1,8}[)）][^各、，,]{0,8}?)?"
    r"(?:局|委|办|厅|中心|管委会|委员会|办公室|机构|部门|政府|人民政府|卫生院|医院)$"
)
# a body's name ends as an office does (局, 委, 办公室, 中心, 公司, 镇 …), not as a class (企业, 平台)
_BODY_END = re.compile(
    r"(?:局|委|办|厅|部|部门|政府|中心|公司|集团|管委会|委员会|办公室|站|队|处|科|室|馆|社|署|镇|乡|街道|指挥部|小组|院|所|报|台|机构)$"
)
# (“鼓励行业龙头企业……”, “以全市……”, “始终把……”: the clause opens with what is done, not who)
_NOT_WHO = re.compile(
    r"^(?:鼓励|引导|支持|推动|加快|依托|围绕|通过|以|把|将|对|在|始终|坚持|全面|积极|力争|确保|"
    r"配合|协助|会同|提升|提高|优化|推进|深化|建立|健全|做好|落实|开展|实施|督促|指导|这|此|该|[一二三四五六七八九十两\d])"
)
# words that open a clause with what is done or on what grounds (“依据……”, “重点结合……”, “归集汇聚……”)
_DOING_FIRST = re.compile(
    r"^(?:依据|依照|根据|按照|结合|重点|归集|汇聚|统筹|为了|为|由于|随着|针对|聚焦|加强|强化|完善)"
)


def opens_with_what_is_done(name: str) -> bool:
    """A name read off a clause's opening that is really its action or grounds, not a body."""
    # (a count opens a group of bodies as well as a figure: “八个区直单位负责……”)
    counted = re.match(r"[一二三四五六七八九十两\d]", name) is not None
    return bool(_DOING_FIRST.match(name) or (_NOT_WHO.match(name) and not counted))


MOST_CLAUSES = 200  # an item of more clauses than this is no item that tells bodies their work


def subject_units(text: str) -> tuple[list[str], list[str]] | None:
    """(names, leads) of the bodies the item's clauses give its work to (see the module's rule)."""
    body = _ITEM_CODE.sub("", text.strip())
    clauses = [
        (m.group(), m.start() == 0 or body[m.start() - 1] in "。；;！!？?") for m in _CLAUSE.finditer(body)
    ]
    if len(clauses) > MOST_CLAUSES:
        return None
    names: list[str] = []
    leads: list[str] = []
    for clause, first in clauses:
        opening = _OPENS.match(clause.strip())
        if (
            opening is not None
            and _TOLD.match(opening.group("verb"))
            and (not first or _HANDED.search(opening.group("who")))
        ):
            opening = None
        by = _BY_OPENS.match(clause.strip())
        if by is not None and (opening is None or len(by.group("who")) < len(opening.group("who"))):
            opening = by
        if opening is None:
            continue
        who = split_units(opening.group("who"))
        if not who or not all(
            looks_like_unit(n)
            and len(n) >= 3
            and "的" not in n
            and (not CLASS.match(n) or WHOLE_CLASS.match(n))
            and _BODY_END.search(NAME_NOTE.sub("", n))
            and not _NOT_WHO.match(n)
            for n in who
        ):
            continue
        names.extend(who)
        if opening.group("verb") == "牵头":
            leads.extend(who)
    names = list(dict.fromkeys(names))
    return (names, list(dict.fromkeys(leads))) if names else None
