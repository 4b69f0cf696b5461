"""Text that must survive an XML file (xlsx, docx) and a file name.

XML 1.0 cannot hold most control characters (U+0000–U+001F except tab, newline and
carriage return), lone surrogates, U+FFFE or U+FFFF; a single one in a unit's name made
openpyxl refuse the whole workbook. Names are cleaned where they enter the ledger, and
every text an export writes into XML is passed through `xml_safe` as well.
"""

from __future__ import annotations

import re

XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# In a name even tab and line breaks are noise: they become one space.
_NAME_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]+")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (they are dropped)."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text


def has_control(text: str) -> bool:
    """True when `text` holds a control character (a name should never)."""
    return _NAME_CONTROL.search(text) is not None


def clean_name(text: str) -> str:
    """A name as stored: control characters (tab, line breaks included) become one space, trimmed.

    Rule: a unit's name never holds a control character.
    """
    return " ".join(_NAME_CONTROL.sub(" ", text).split(" ")).strip()
