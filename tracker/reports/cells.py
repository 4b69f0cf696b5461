"""Cells of ledger text that must stay text: formula injection defence for every export.

Text typed by units (progress, problems, file names) may begin with = + - @. Spreadsheet
programs take such a cell for a formula (“=HYPERLINK(…)” runs when clicked; “-2+3” is
computed). Every export writes ledger text through these helpers:

* `text_cell` / `set_text` store it as a string cell (never a formula) and mark it with the
  quote-prefix style, so Excel, WPS and LibreOffice keep it text even when it is edited;
* `csv_text` prefixes a quote for plain-text formats (CSV), where no cell type exists.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def _force_text(cell: Any, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # openpyxl typed "=…" as a formula ('f'); make it a string again
    cell.quotePrefix = True


def set_text(cell: Cell, value: str) -> None:
    """Write ledger text into a normal worksheet cell, always as text."""
    if looks_like_formula(value):
        _force_text(cell, value)
    else:
        cell.value = value


def text_cell(sheet: Any, value: object, proto: WriteOnlyCell | None = None) -> WriteOnlyCell:
    """A write-only cell holding `value`, styled like `proto`; strings never become formulas."""
    cell = WriteOnlyCell(sheet)
    if proto is not None:
        cell._style = copy(proto._style)
    if looks_like_formula(value):
        _force_text(cell, str(value))
    else:
        cell.value = value
    return cell


def csv_text(value: str) -> str:
    """For CSV and other untyped formats: a leading quote keeps the text from running."""
    return "'" + value if looks_like_formula(value) else value
