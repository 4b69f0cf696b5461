"""Text copied out of a PDF: lines broken at the page's width, page furniture between them.

A PDF's text layer breaks every line where the printed line ended (“……国家高新技术企业40家、省科⏎
技型中小企业180家。”), splits a figure (“达到8⏎0%”) and carries each page's number and running
title into the text, even inside a bracket. Read as typed lines, the first half of a sentence
becomes a task's name and the running title lands in a unit's name. The lines are joined back
before anything else reads them; a text typed with a line a paragraph is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter

# “— 1 —”, “-2-”, “第 1 页 共 3 页”, “1/3”: a page's number (a bare “1” may be a table's 序号: kept)
PAGE_FOOTER = re.compile(
    r"^[—\-－–―~]+\s*\d{1,3}\s*[—\-－–―~]+$|^第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?$|^\d{1,3}\s*/\s*\d{1,3}$"
)
TABLE_ROW = re.compile(
    r"\t|[|｜].*[|｜]|\S(?: {2,}|\u3000+)\S"
)  # a table's row as text (tabs, bars, aligned columns): never joined
SENTENCE_END = re.compile(r"[。！？!?；;：:]$|[。！？!?][”’）)]$")
MIN_WRAPPED_LINES = 5  # fewer full lines than this: no page width to speak of
SLACK = 2.5  # how far short of the edge a full line may end (half-width figures, a stop pushed over)


def display_width(text: str) -> int:
    """Columns a text takes on screen: a Chinese character two, a Latin letter or a space one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def width(line: str) -> float:
    """Printed width of a line's words, in Chinese characters (a Latin letter or figure is half)."""
    return display_width(line.strip()) / 2


def _page_width(lines: list[str]) -> float | None:
    """The width most lines break at, when the text was wrapped at one; else None.

    Figures and Latin letters print narrower, so a wrapped line ends within a character or two
    of the edge; the edge is taken near the top of the widths, not at the single longest line.
    """
    prose = [line.strip() for line in lines if width(line) >= 12 and not TABLE_ROW.search(line)]
    widths = sorted(width(line) for line in prose)
    if len(widths) < MIN_WRAPPED_LINES:
        return None
    edge = widths[int(0.9 * (len(widths) - 1))]
    at_edge = [line for line in prose if edge - SLACK <= width(line) <= edge + 0.5]
    cut = [line for line in at_edge if not SENTENCE_END.search(line) and not line.endswith(("）", ")"))]
    # a text typed a paragraph a line has lines of every length, ending where sentences end; a
    # wrapped one has most lines at the edge, cut off mid-sentence
    if len(at_edge) < MIN_WRAPPED_LINES or len(at_edge) < 0.4 * len(widths):
        return None
    if len(cut) < 3 or len(cut) < 0.5 * len(at_edge):
        return None
    return edge


def _running_titles(lines: list[str]) -> set[str]:
    """Lines a page prints under or over its number on every page: the document's running title.

    A line right after a page's number is one when it comes back after another, or when the
    document's head already printed it (its title); a line later in a wrapped text that repeats
    the head's title, with no number beside it, is one too.
    """
    head_lines = [line.strip() for line in lines[:8]]
    head = re.sub(r"[《》“”\s]", "", "".join(head_lines))
    after_footer: Counter[str] = Counter()
    for index, line in enumerate(lines):
        if not PAGE_FOOTER.match(line.strip()):
            continue
        for following in lines[index + 1 : index + 3]:
            text = following.strip()
            if text and not PAGE_FOOTER.match(text):
                after_footer[text] += 1
                break
    found = {
        text
        for text, seen in after_footer.items()
        if len(text) <= 40 and (seen >= 2 or (len(text) >= 6 and text in head))
    }
    for line in lines[8:]:
        text = line.strip()
        if 8 <= len(text) <= 40 and text in head and not re.search(r"[，,。；;：:]", text):
            found.add(text)
    return found


def unwrap(lines: list[str]) -> list[str]:
    """The lines of a hard-wrapped text joined back into paragraphs, page furniture taken out.

    A line that reaches the page's width and does not end a sentence runs on into the next
    line that is not a page's number or running title, unless that line opens a numbered item
    or a heading of its own. Where a page's number stands in the text, the sentence the page
    broke (“（区科技局牵头，区财⏎— 3 —⏎临川区……工作要点⏎政局、区税务局配合）”) is joined
    across it too, its running title taken out. Other texts are returned unchanged.
    """
    from tracker.drafting.labels import is_label_line
    from tracker.drafting.outline import heading_of

    edge = _page_width(lines)
    footers = any(PAGE_FOOTER.match(line.strip()) for line in lines)
    if edge is None and not footers:
        return lines
    running = _running_titles(lines)

    def furniture(line: str) -> bool:
        text = line.strip()
        return bool(PAGE_FOOTER.match(text)) or text in running

    out: list[str] = []
    carry = False  # the last line kept runs on into the next one
    broken = False  # a page broke between the last line kept and this one
    for line in lines:
        text = line.strip()
        if furniture(line):
            broken = broken or bool(out and out[-1].strip())
            continue  # a page's number and running title, wherever the page broke
        joins = carry or (broken and bool(out) and not SENTENCE_END.search(out[-1].strip()))
        if (
            joins
            and text
            and heading_of(text) is None
            and not is_label_line(text)
            and not TABLE_ROW.search(text)
        ):
            out[-1] = out[-1].rstrip() + text
        else:
            out.append(line)
        broken = False
        last = out[-1].strip()
        carry = (
            edge is not None and bool(last) and width(text) >= edge - SLACK and not SENTENCE_END.search(last)
        )
    return out
