"""Chinese line breaking (标点禁则) for every PDF the program draws: one component, pure.

`break_lines(text, measure, width)` cuts a text into lines no wider than `width`, by these
rules (CONVENTIONS.md “Chinese line breaking”):

* no line begins with closing punctuation (，。、；：？！）》”… and the like) and none ends
  with opening punctuation (（《“…): such marks stay with the character they belong to;
* a number stays with its unit and percent sign (“500亿元”, “10%”, “2023年”), a Latin word
  stays whole, and a few words the bulletin prints keep together (“序时推进”, “有限公司”);
* the last line is never one lone character (“报” alone): with `balance` (titles, table
  cells) the lines are evened out, otherwise the last piece of the line before moves down;
* no line is wider than `width` (a piece wider than a whole line is cut, never hung out);
* no space is kept between Chinese and a number or a Latin word (`tidy`);
* with `phrases` (titles) a line never breaks inside “…”, 《…》 or （…） that fits on one line,
  nor inside a period word (“第二季度”); a 《…》 too long for a line breaks inside it, but
  never inside a “…” or （…） within it (“十/四五” is never printed); `keep` names
  more words a line never cuts (a 通报 title's unit in scope: never “温岭市科学技术/局”).

`measure` gives a string's width in points, so the rules are tested without a PDF;
`tracker/reports/textblock.py` draws the lines with reportlab.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CANNOT_START = "，。、；：？！）》〉」』】〕”’…·％%,.;:?!)]}"
CANNOT_END = "（《〈「『【〔“‘([{"

# Words the bulletin prints that read badly when cut (status words, 序时 words, company
# suffixes). Longest first, so “序时进度” wins over a shorter overlap.
KEEP_WHOLE = tuple(
    sorted(
        (
            "序时推进",
            "序时进度",
            "有限公司",
            "有限责任公司",
            "股份有限公司",
            "牵头单位",
            "配合单位",
            "责任单位",
            "未报送",
            "已完成",
            "推进中",
            "未启动",
            "长期坚持",
            "已销号",
            "逾期未完成",
            "基本符合预期",
            "快于预期",
            "提前实现",
            "百分点",
            "管委会",
        ),
        key=len,
        reverse=True,
    )
)

# Words a title keeps whole beyond KEEP_WHOLE: the period words and the phrases `_title` writes.
TITLE_WORDS = (
    "第一季度",
    "第二季度",
    "第三季度",
    "第四季度",
    "上半年",
    "下半年",
    "推进情况",
    "重点任务",
    "承担的",
)
# Marks a title never breaks inside, opener: closer.
PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "(": ")"}

_UNITS = (
    "万千瓦",
    "平方公里",
    "平方米",
    "千瓦",
    "兆瓦",
    "公里",
    "千米",
    "人次",
    "美元",
    "个百分点",
    "元",
    "人",
    "家",
    "个",
    "项",
    "件",
    "所",
    "座",
    "台",
    "套",
    "亩",
    "米",
    "吨",
    "倍",
    "年",
    "月",
    "日",
    "天",
    "次",
    "篇",
    "名",
    "户",
    "批",
    "期",
    "号",
    "条",
    "页",
    "周",
    "岁",
)
_NUMBER = re.compile(
    r"[+\-−±]?\d+(?:[.．]\d+)?(?:[万亿千百]+)?(?:"
    + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
    + r")?[%％‰]?"
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9_\-./]*")
_CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_SPACE_BETWEEN = re.compile(
    rf"(?<={_CJK})[ \u00a0\u3000]+(?=[0-9A-Za-z%％])|(?<=[0-9A-Za-z%％])[ \u00a0]+(?={_CJK})"
    r"|(?<=\d)[ \u00a0]+(?=[%％‰])"
)

Measure = Callable[[str], float]


def tidy(text: str) -> str:
    """No space between a Chinese character and a number or Latin word (“滞后 38 个” → “滞后38个”)."""
    return _SPACE_BETWEEN.sub("", text)


def _atoms(text: str, words: tuple[str, ...] = KEEP_WHOLE) -> list[str]:
    """Pieces that are never cut: a number with its unit, a Latin word, a kept word, a character."""
    atoms: list[str] = []
    i = 0
    while i < len(text):
        for pattern in (_NUMBER, _LATIN):
            found = pattern.match(text, i)
            if found:
                atoms.append(found.group())
                i = found.end()
                break
        else:
            word = next((w for w in words if text.startswith(w, i)), None)
            if word is not None:
                atoms.append(word)
                i += len(word)
            else:
                atoms.append(text[i])
                i += 1
    return atoms


def pieces(text: str, words: tuple[str, ...] = KEEP_WHOLE) -> list[str]:
    """Atoms with their punctuation bound on: closers to the piece before, openers to the one after."""
    result: list[str] = []
    opening = ""
    for atom in _atoms(text, words):
        if atom in CANNOT_START and result and not opening:
            result[-1] += atom
        elif atom in CANNOT_END or (atom in CANNOT_START and opening):
            opening += atom
        elif atom == " " and not opening and result:
            result[-1] += atom  # a space never begins a line
        else:
            result.append(opening + atom)
            opening = ""
    if opening:
        if result:
            result[-1] += opening
        else:
            result.append(opening)
    return result


Phrase = str | list["Phrase"]  # a piece, or a group of phrases inside one pair of marks


def phrase_tree(items: list[str]) -> list[Phrase]:
    """Pieces grouped by the pairs of marks (PAIRS) they stand inside, nested as the marks are.

    A piece carries its openers in front and its closers behind (`pieces`), so a group opens
    at a piece's leading opener and closes at the piece holding the matching closer. Marks
    that do not pair up group nothing."""
    root: list[Phrase] = []
    stack: list[tuple[str, list[Phrase]]] = []  # (awaited closer, the group)
    for piece in items:
        lead = len(piece) - len(piece.lstrip("".join(PAIRS)))
        for opener in piece[:lead]:
            stack.append((PAIRS[opener], []))
        (stack[-1][1] if stack else root).append(piece)
        for char in piece[lead:]:
            if stack and char == stack[-1][0]:
                _, group = stack.pop()
                (stack[-1][1] if stack else root).append(group)
    while stack:  # an opener never closed: its pieces stand on their own
        _, group = stack.pop()
        (stack[-1][1] if stack else root).extend(group)
    return root


def _text(phrase: Phrase) -> str:
    return phrase if isinstance(phrase, str) else "".join(_text(p) for p in phrase)


def _fitting(tree: list[Phrase], measure: Measure, width: float) -> list[str]:
    """Pieces for a line `width` wide: each group that fits whole as one piece, a wider one opened up."""
    result: list[str] = []
    for phrase in tree:
        if isinstance(phrase, str):
            result.append(phrase)
        elif measure(_text(phrase).rstrip()) <= width + 0.001:
            result.append(_text(phrase))
        else:
            result += _fitting(phrase, measure, width)
    return result


def _cut(piece: str, measure: Measure, width: float) -> list[str]:
    """A piece wider than a whole line, cut by characters into even parts (the only way it fits)."""
    count = 1
    while True:
        count += 1
        target = measure(piece) / count
        parts: list[str] = []
        current = ""
        for char in piece:
            if current and (measure(current + char) > width + 0.001 or measure(current) >= target - 0.01):
                parts.append(current)
                current = char
            else:
                current += char
        parts.append(current)
        if len(parts) <= count or count > len(piece):
            return _mend(parts)


def _mend(parts: list[str]) -> list[str]:
    """Cut parts of one piece obey the 禁则 too: a closing mark takes a character down with it."""
    for i in range(1, len(parts)):
        while parts[i][:1] in CANNOT_START and parts[i] and len(parts[i - 1]) > 1:
            parts[i - 1], parts[i] = parts[i - 1][:-1], parts[i - 1][-1] + parts[i]
        while parts[i - 1][-1:] in CANNOT_END and parts[i - 1] and len(parts[i - 1]) > 1:
            parts[i - 1], parts[i] = parts[i - 1][:-1], parts[i - 1][-1] + parts[i]
    return parts


def _greedy(items: list[str], measure: Measure, width: float, first_width: float) -> list[list[str]]:
    lines: list[list[str]] = []
    line: list[str] = []
    limit = first_width
    for piece in items:
        if measure("".join(line) + piece.rstrip()) <= limit + 0.001:
            line.append(piece)
            continue
        if line:
            lines.append(line)
            line = []
            limit = width
        if measure(piece.rstrip()) <= limit + 0.001:
            line.append(piece)
        else:
            parts = _cut(piece, measure, limit)
            lines.extend([part] for part in parts[:-1])
            line = [parts[-1]]
            limit = width
    if line:
        lines.append(line)
    return lines


def _letters(line: str) -> int:
    """Characters on a line that are not punctuation."""
    return sum(1 for c in line if c not in CANNOT_START and c not in CANNOT_END and not c.isspace())


def _lonely(lines: list[list[str]]) -> bool:
    return len(lines) > 1 and _letters("".join(lines[-1])) <= 1


def _one_paragraph(
    text: str,
    measure: Measure,
    width: float,
    indent: float,
    balance: bool,
    phrases: bool = False,
    keep: tuple[str, ...] = (),
) -> list[str]:
    words = KEEP_WHOLE + TITLE_WORDS if phrases else KEEP_WHOLE
    kept = [w for w in keep if w and measure(w) <= width]  # a longer name is cut like any text
    if kept:
        words = tuple(sorted({*words, *kept}, key=len, reverse=True))
    plain = pieces(text, words)
    if not plain:
        return [""]
    # Phrases are chosen against the full width; balancing never narrows a line below the widest.
    items = _fitting(phrase_tree(plain), measure, width) if phrases else plain
    lines = _greedy(items, measure, width, width - indent)
    if balance and len(lines) > 1:
        # The narrowest width that needs no more lines: the lines come out even.
        low, high = width / len(lines), width
        if phrases:
            fitting = [w for w in (measure(piece.rstrip()) for piece in items) if w <= width]
            low = max(low, *fitting)
        best = lines
        for _ in range(18):
            middle = (low + high) / 2
            trial = _greedy(items, measure, middle, middle - indent)
            if len(trial) <= len(lines) and all(measure("".join(x).rstrip()) <= middle for x in trial):
                best, high = trial, middle
            else:
                low = middle
        if not _lonely(best):
            lines = best
    if _lonely(lines) and len(lines[-2]) > 1:
        lines[-1].insert(0, lines[-2].pop())
    return ["".join(line).rstrip() for line in lines]


def break_lines(
    text: str,
    measure: Measure,
    width: float,
    first_indent: float = 0.0,
    balance: bool = False,
    phrases: bool = False,
    keep: tuple[str, ...] = (),
) -> list[str]:
    """`text` as lines no wider than `width` points, by the 禁则 above; "\\n" forces a break.

    `first_indent` narrows the first line (a paragraph's 首行缩进); `balance` evens the lines
    out (titles, table cells) instead of filling each to the edge; `phrases` (titles) breaks
    only between phrases: never inside a pair of quotes, 书名号 or brackets that fits a line;
    `keep`: more words never cut where they fit (names the caller knows, such as a unit's)."""
    result: list[str] = []
    for number, paragraph in enumerate(tidy(text).split("\n")):
        result += _one_paragraph(
            paragraph.strip(), measure, width, first_indent if number == 0 else 0.0, balance, phrases, keep
        )
    return result
