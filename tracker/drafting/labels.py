"""Labelled fields of a task: 牵头单位：/配合单位：/责任单位：/责任领导：/完成时限：.

They come on lines of their own (blank lines between), or several inside one bracket
(“（牵头单位：X；配合单位：Y、Z）”, “[牵头单位:X;责任单位:A、B]”). Each label's value runs to
the next label, so a label never stays inside a unit's name and two labels never merge.
"""

from __future__ import annotations

import re

# A label is a role word, perhaps 责任/负责/配合, then 单位/部门/主体/领导 …, then a colon:
# 牵头单位, 牵头责任单位, 主要责任单位, 协同责任单位, 配合单位, 责任单位, 牵头负责领导, 责任领导 …;
# two kinds may share the label (“责任处室、单位：”), and 责任对象 names whom an activity is for
_ROLE = r"牵头|成员|主要协作|协作|主责|主办|会办|主抓|落实|承担|执行|主要责任|主要负责|配合|协同|协办|协助|参与|参加|责任|实施|承办|负责|分管|联系|推进"
_KIND = r"单位|部门|主体|对象|处室|科室|股室|领导|市领导|县领导|区领导|州领导|省领导|人"
_DEADLINE = (
    r"完成时限|完成时间|时间节点|时限要求|完成期限|办结时限|办理时限|办理期限|办结期限|办结时间|完成日期|"
    r"时间要求|进度安排|时间安排|完成节点|截止时间|截止日期|整改时限|整改期限|整改时间|实施时间|活动时间|建设时间|时限"
)
DEADLINE_WORDS = _DEADLINE  # the deadline labels' words, for readers that look for them in running text
# “部门分工：X牵头，A、B配合” holds a sentence; 数据提供单位 (who supplies the figures) helps
_SHARE = r"部门分工|责任分工|分工单位|数据提供单位|数据提供部门"
# 督办单 cells label the roles with a bare word: “主办：县科技局⏎协办：县财政局”, “主责：… 协同：…”
# “处室责任人：经建处 林 彦、税金处 陈清耀”: each office, then the officer answering in it
_OFFICE_PERSON = r"(?:处室|科室|股室|单位|部门)(?:责任人|负责人)"
# a 督查 notice's bracket under each problem: “（主体责任：X，监督责任：Y）”, both answer for it
_DUTY_KIND = r"(?:主体|监督|监管|属地|直接|行业监管|领导)责任(?:单位|部门|主体)?"
_WORD = rf"{_OFFICE_PERSON}|{_DUTY_KIND}|(?:{_ROLE})(?:责任|负责|配合|协同|推进|考核|考评)?(?:{_KIND})(?:[、/和及](?:{_KIND}))?|{_DEADLINE}|{_SHARE}|牵头|配合|协同|参与|主办|协办|主责"
# a label may name the level it speaks for: “省牵头单位：”, “市责任单位：”, or say the others are
# concerned: “相关责任单位：”
LABEL = re.compile(
    rf"(?:(?<![\u4e00-\u9fa5])(?:省|市|县|区|州)(?=牵头|配合|协同|责任))?(?:相关|其他|其它|有关)?(?P<word>{_WORD})(?:[（(][\u4e00-\u9fa5、/]{{1,8}}[）)])?\s*[：:]"
)  # a label may name an alternative in brackets: “牵头科室（单位）：”
# “【牵头单位】市科技局”: the label in lenticular brackets instead of before a colon
BOXED_LABEL = re.compile(rf"【\s*({_WORD})\s*】\s*[：:]?")


def unbox_labels(line: str) -> str:
    """“【牵头单位】X【完成时限】Y” → “牵头单位：X；完成时限：Y”, read as any label."""
    return BOXED_LABEL.sub(lambda m: f"{m.group(1)}：", line)


LABEL_LINE = re.compile(rf"^\s*[（(\[【〔]?\s*{LABEL.pattern}")


def field_of_label(word: str) -> str:
    """lead / support / responsible / leader / deadline / member (成员单位) for a label word."""
    if re.fullmatch(_DEADLINE, word):
        return "deadline"
    if re.fullmatch(_OFFICE_PERSON, word):
        return "responsible"
    if word.endswith(("领导", "人")):
        return "leader"
    if word.startswith("成员"):
        return "member"  # 成员单位: who help a lead named beside them, else a roster's members
    if word.startswith(("牵头", "主责", "主办", "主要责任", "主要负责")):
        return "lead"
    if word.startswith(
        ("配合", "协同", "协办", "会办", "协助", "参与", "参加", "数据提供", "协作", "主要协作")
    ):
        return "support"
    return "responsible"


_TRIM = " \t；;，,。.、"


def labels_units(line: str) -> bool:
    """A label line naming units (牵头单位：, 主抓单位：, 责任部门：), not a deadline or a person."""
    match = LABEL_LINE.match(line)
    return match is not None and field_of_label(match.group("word")) in ("lead", "support", "responsible")


def is_label_line(line: str) -> bool:
    """A line that starts with a field label (“牵头单位：…”, “完成时限：…”)."""
    return bool(LABEL_LINE.match(line))


# “市教育局（责任人：王五）”: a person noted beside a unit, inside the unit's own bracket
PERSON_NOTE = re.compile(
    r"[（(]\s*(?:责任人|联系人|负责人|分管领导|责任领导|联系电话|电话)\s*[：:][^（）()]*[）)]"
)


OTHER_LABEL = re.compile(r"[，,；;]\s*[\u4e00-\u9fa5]{2,6}\s*[：:]")


def parse_fields(text: str) -> dict[str, str]:
    """field → value for every label in text; a repeated field's values are joined with 、.

    主要责任单位 leads unless a 牵头 label came before it; then it is read as 责任单位.

    A person noted in a bracket beside a unit (“市教育局（责任人：王五）”) is no field of its own.
    """
    fields: dict[str, str] = {}
    text = PERSON_NOTE.sub("", text)
    matches = list(LABEL.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        value = text[match.end() : end]
        other = OTHER_LABEL.search(value)  # “责任单位：X，所属片区：Y”: Y is no unit of X's label
        value = (value[: other.start()] if other else value).strip(_TRIM)
        name = field_of_label(match.group("word"))
        if name == "lead" and "lead" in fields and match.group("word").startswith(("主要责任", "主要负责")):
            name = (
                "responsible"  # “牵头单位：A⏎主要责任单位：B”: B answers beside the lead, it does not co-lead
            )
        if re.fullmatch(_OFFICE_PERSON, match.group("word")):
            value = _offices_before_officers(value)
        if not value:
            continue
        fields[name] = f"{fields[name]}、{value}" if name in fields and name != "deadline" else value
    members = fields.pop("member", None)
    if members and "lead" in fields:
        # “牵头单位：科技厅⏎成员单位：省发展改革委、教育厅”: the members help the lead; without a
        # lead they are a 领导小组's roster, no unit of a task
        fields["support"] = f"{fields['support']}、{members}" if "support" in fields else members
    return fields


def _offices_before_officers(value: str) -> str:
    """“经建处 林 彦、税金处 陈清耀” → “经建处、税金处”: each office without the officer after it."""
    offices = [part.split()[0] for part in re.split(r"[、，,；;]", value) if part.split()]
    return "、".join(offices)


BRACKET_LABEL = re.compile(rf"[（\[【〔]\s*{LABEL.pattern}")
