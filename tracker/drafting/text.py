"""A document's lines: .txt decoding (UTF-8 or GB18030), normalising, and noise lines."""

from __future__ import annotations

import re
from pathlib import Path

from tracker.errors import BadInput

# Half-width brackets and colons appear beside full-width ones in published texts.
# The small forms (“1﹒”, U+FE50…) are the same marks.
_TRANSLATE = str.maketrans(
    {
        "(": "（",
        ")": "）",
        ":": "：",
        "\u3000": " ",
        "［": "[",
        "］": "]",
        "\xa0": " ",
        "﹒": ".",
        "﹐": "，",
        "﹑": "、",
        "﹔": "；",
        "﹕": "：",
        # numbers in one character (“⑴”, “⒈”), as Word's older lists print them
        **{chr(0x2474 + i): f"（{i + 1}）" for i in range(20)},
        **{chr(0x2488 + i): f"{i + 1}." for i in range(20)},
        # full-width digits and letters (“２０２４年”, “１．”), as pages copied from Word print them
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    }
)


# A policy document's text is tens of KB; a .txt or .docx file far larger is not one.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

_MARKUP = re.compile(r"\[bookmark:[^\]]*\]|\*\*|\{[^}]*\}")


# a site that printed Chinese text with half-width stops and commas (“增长7%以上,服务业…47.1%.”)
_HALF_STOP = re.compile(r"(?<=[\u4e00-\u9fa5%）”])\.(?=\s|$|[\u4e00-\u9fa5“（])")
_HALF_COMMA = re.compile(r"(?<=[\u4e00-\u9fa5%）”\d])\s?,(?=\s*[\u4e00-\u9fa5“（])")
_HALF_SEMICOLON = re.compile(r"(?<=[\u4e00-\u9fa5%）”\d]);(?=\s*[\u4e00-\u9fa5“（])")


def cjk_punctuation(line: str) -> str:
    """Half-width “.” “,” “;” between Chinese words read as 。，； (not in 1. or 7.5 or 1,000)."""
    if "." not in line and "," not in line and ";" not in line:
        return line
    line = _HALF_STOP.sub("。", line)
    line = _HALF_COMMA.sub("，", line)
    return _HALF_SEMICOLON.sub("；", line)


# a bullet before a paragraph (“● ”, “■”), or one a page lost in its encoding (“? ”, “??? ”)
_BULLET = re.compile(r"^(?:[●○◆◇■□▲△▶►•·◎]+\s*|[?？]{1,3}\s+)(?=\S)")


_FIELD_CELL = re.compile(r"(?<=[\u4e00-\u9fa5])\s*[：:]\s*[|｜]\s*")
# “重点工作：107.建立……”: the field naming the task before the task's own number
_TASK_FIELD = re.compile(
    r"^(?:重点工作|重点任务|工作任务|任务名称|督办事项|工作事项)[：:]\s*(?=\d{1,3}[.．、])"
)


def normalise_line(line: str) -> str:
    from tracker.drafting.labels import unbox_labels

    line = cjk_punctuation(unbox_labels(_MARKUP.sub("", line).translate(_TRANSLATE)).strip())
    line = _BULLET.sub("", line)
    # a two-column table of fields (“牵头单位： | 市科技局 |”): the field and its value, one line
    line = _FIELD_CELL.sub("：", line).rstrip("|｜ ")
    line = _TASK_FIELD.sub("", line)
    while line.startswith("#"):
        line = line[1:]
    return line.strip().rstrip("\\").strip()


PAGE_NUMBER = re.compile(r"^[—\-－–―~]*\s*\d{1,3}\s*[—\-－–―~]*$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$")
NOISE = re.compile(
    r"^(抄送|抄报|主送)\s*[：:]|印发\s*$|^（此件[^）]*）$|^（信息公开[^）]*）$|^[（(]?(主动公开|依申请公开|不予公开)[）)]?$"
)
RED_HEAD = re.compile(r"^[\u4e00-\u9fa5（）]{2,30}(文件|公报|简报|通报)$")
APPENDIX_HEADING = re.compile(r"^附\s*件\s*\d*\s*([：:].{0,40})?$|^附\s*件\s*\d+\s*\S{0,40}$")


# a web page's own fields above a document (发布时间：…, 信息来源：…, 浏览次数：…)
PAGE_FIELD = re.compile(
    r"^(?:发布时间|发布日期|信息来源|来源|访问次数|浏览次数|点击数|阅读次数|索引号|发布机构|发文机关|公开方式|"
    r"公开时限|主题分类|信息类别|有效性|字号|分享|打印|关闭|当前位置)\s*[：:]"
    r"|^\s*(?:>>|»|>\s)|^首页\s*[>»]"  # the page's trail of links (“>>科技局 >>决策部署落实”)
)


def is_noise(line: str) -> bool:
    """Page numbers (“— 3 —”), 抄送/印发 lines, red-head lines (“某某市人民政府办公室文件”), and
    the fields a web page prints above a document (“信息来源：区政府办（外事办）”)."""
    line = line.strip()
    return bool(
        PAGE_NUMBER.match(line) or NOISE.search(line) or RED_HEAD.match(line) or PAGE_FIELD.match(line)
    )


def is_appendix_heading(line: str) -> bool:
    """“附件” / “附件2” / “附件：重点任务分工表”: the body of the document ends here."""
    return bool(APPENDIX_HEADING.match(line.strip())) and len(line.strip()) <= 45


def read_txt(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput(f"{path.name} 的文字编码无法识别（应为 UTF-8 或 GBK）")


# a space before an item's number or a label inside running Chinese text: a line break the page lost
_LOST_BREAK = re.compile(
    r"(?<=[\u4e00-\u9fa5。；;：:）)”%])\s+(?=(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|（[一二三四五六七八九十]{1,3}）"
    r"|(?:责任|牵头|配合|协办|主办)(?:单位|部门)[：:]|完成时限[：:]|责任领导[：:]))"
)


def restore_breaks(line: str) -> list[str]:
    """A long line holding a whole notice (“……通知 一、某某牵头重点工作 1.…… 责任单位：……”) split
    where its items and labels begin; an ordinary line is left whole."""
    if len(line) < 300 or len(_LOST_BREAK.findall(line)) < 3:
        return [line]
    return [part for part in _LOST_BREAK.split(line) if part.strip()]
