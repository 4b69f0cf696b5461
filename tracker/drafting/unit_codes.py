"""Units printed as codes (A1, B2) with a key giving their names: read with the names.

Provincial lists save room by writing each unit as a code and printing the key once, as a
table (代码 | 单位名称) or a note (“责任单位代码：A1—省科技厅，A2—省发展改革委”). Read as
printed, every task would be given units called A1 and B1. The key is found and each code,
wherever it stands as a word of its own, is written as the name it stands for.
"""

from __future__ import annotations

import re

from tracker.drafting.cells import Block, Table

CODE = r"[A-Z]\d{1,2}"
# “A1—省科技厅”, “A1：省科技厅”, “A1 省科技厅” in a note that gives the key
KEY_PAIR = re.compile(
    rf"(?<![A-Za-z0-9])({CODE})\s*[—\-－–:：=＝]\s*([\u4e00-\u9fa5（）()、]{{2,30}}?)(?=[，,；;。）)\s]|$)"
)
CODE_WORD = re.compile(rf"(?<![A-Za-z0-9])({CODE})(?![A-Za-z0-9])")
KEY_HEADER = re.compile(r"^(?:单位)?代码|代号$")
NAME_HEADER = re.compile(r"单位(?:名称)?$|名称$")


def _pairs_of_table(table: Table) -> dict[str, str]:
    """代码 | 单位名称 (perhaps twice across the table): code → name."""
    key: dict[str, str] = {}
    header = table.row(1)
    for c in range(len(header) - 1):
        if KEY_HEADER.search(header[c].strip()) and NAME_HEADER.search(header[c + 1].strip()):
            for r in range(2, table.rows + 1):
                row = table.row(r)
                code, name = row[c].strip(), row[c + 1].strip()
                if re.fullmatch(CODE, code) and name:
                    key[code] = name
    return key


def _pairs_of_text(line: str) -> dict[str, str]:
    """A note listing two pairs or more (“A1—省科技厅，A2—省发展改革委”)."""
    found = {m.group(1): m.group(2) for m in KEY_PAIR.finditer(line)}
    return found if len(found) >= 2 else {}


def unit_code_key(blocks: list[Block]) -> dict[str, str]:
    """The code → unit name key a document prints, or {}."""
    key: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, str):
            key.update(_pairs_of_text(block))
        else:
            key.update(_pairs_of_table(block))
    return key


def decode(blocks: list[Block], key: dict[str, str]) -> list[Block]:
    """The blocks with every code of the key written as its unit's name (the key itself kept)."""

    def named(text: str) -> str:
        return CODE_WORD.sub(lambda m: key.get(m.group(1), m.group(1)), text)

    out: list[Block] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block if _pairs_of_text(block) else named(block))
        elif _pairs_of_table(block):
            out.append(block)
        else:
            table = Table(rows=block.rows, cols=block.cols)
            table.cells = {pos: named(text) for pos, text in block.cells.items()}
            table.boxes = list(block.boxes)
            out.append(table)
    return out
