"""A paragraph drawn line by line from `linebreak.break_lines`: the one text flowable of every PDF.

reportlab's own CJK wrapping breaks anywhere (“序时推/进”, “50/0亿元”, a line ending
in “《”); this flowable lets the 禁则 component choose the lines and only draws them:
justified body lines (the spare width spread between the characters, the last line
left as it is), centred titles, cell text, a page break between lines but never one
line alone at a page's foot or head. A heavy title is the serif face drawn with a thin
outline (fill and stroke), the look of 小标宋 from the shipped 明体.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from tracker.reports.fonts import face_for
from tracker.reports.linebreak import break_lines

HEAVY_STROKE = 0.035  # outline width as a share of the font size, for a heavy title


Row = tuple[str, bool]  # a line, and whether it ends its paragraph (not justified)


class TextBlock(Flowable):
    """`text` in `style` (font, size, leading, indents, alignment, colour, spacing)."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        balance: bool = False,
        heavy: bool = False,
        rows: list[Row] | None = None,
        first: bool = True,
        phrases: bool = False,
        keep: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.balance = balance
        self.heavy = heavy
        self.phrases = phrases  # a title: lines break between phrases (`break_lines`)
        self.keep = keep  # words no line cuts (`break_lines`)
        self.font = face_for(style.fontName, text)
        self._rows = rows
        self._first = first
        self._width = 0.0
        self.spaceBefore = style.spaceBefore if first else 0
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = bool(getattr(style, "keepWithNext", 0))

    def measure(self, words: str) -> float:
        return stringWidth(words, self.font, self.style.fontSize)

    def _usable(self, avail_width: float) -> float:
        return max(self.style.fontSize, avail_width - self.style.leftIndent - self.style.rightIndent)

    @property
    def indent(self) -> float:
        return self.style.firstLineIndent if self._first else 0.0

    @property
    def rows(self) -> list[Row]:
        if self._rows is None:
            rows: list[Row] = []
            for number, paragraph in enumerate(self.text.split("\n")):
                lines = break_lines(
                    paragraph,
                    self.measure,
                    self._usable(self._width),
                    self.indent if number == 0 else 0.0,
                    self.balance,
                    self.phrases,
                    self.keep,
                )
                rows += [(line, i == len(lines) - 1) for i, line in enumerate(lines)]
            self._rows = rows
        return self._rows

    @property
    def lines(self) -> list[str]:
        return [line for line, _end in self.rows]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._rows is not None and avail_width != self._width and self._first:
            self._rows = None  # laid out for another width (a table measuring its cells)
        self._width = avail_width
        self.width = avail_width
        self.height = len(self.rows) * self.style.leading
        return avail_width, self.height

    def minWidth(self) -> float:
        return max((self.measure(c) for c in self.text), default=0.0) + self.style.leftIndent

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        rows = self.rows
        fit = int((avail_height + 0.01) // self.style.leading)
        if fit >= len(rows):
            return [self]
        if len(rows) < 4:
            return []
        fit = min(fit, len(rows) - 2)  # never a line alone at the next page's head
        if fit < 2:  # nor at this page's foot
            return []
        head = TextBlock(
            self.text, self.style, self.balance, self.heavy, rows[:fit], self._first, self.phrases, self.keep
        )
        tail = TextBlock(
            self.text, self.style, self.balance, self.heavy, rows[fit:], False, self.phrases, self.keep
        )
        head.spaceAfter = 0
        for part in (head, tail):
            part._width = avail_width
        return [head, tail]

    def draw(self) -> None:
        canvas: Any = self.canv
        style = self.style
        usable = self._usable(self.width)
        canvas.saveState()
        canvas.setFillColor(style.textColor)
        if self.heavy:
            canvas.setStrokeColor(style.textColor)
            canvas.setLineWidth(style.fontSize * HEAVY_STROKE)
        descent = (style.leading - style.fontSize) / 2 + style.fontSize * 0.12
        for number, (line, ends) in enumerate(self.rows):
            indent = self.indent if number == 0 else 0.0
            room = usable - indent
            used = self.measure(line)
            x = style.leftIndent + indent
            if style.alignment == TA_CENTER:
                x += (room - used) / 2
            elif style.alignment == TA_RIGHT:
                x += room - used
            spread = 0.0
            if style.alignment == TA_JUSTIFY and not ends and len(line) > 1:
                spread = max(0.0, (room - used) / (len(line) - 1))
            words = canvas.beginText(x, self.height - (number + 1) * style.leading + descent)
            words.setFont(self.font, style.fontSize)
            words.setCharSpace(spread)
            if self.heavy:
                words.setTextRenderMode(2)
            words.textOut(line)
            canvas.drawText(words)
        canvas.restoreState()


class KeepTail(Flowable):
    """The last paragraph and what must follow it on the same page (附件说明, 落款).

    GB/T 9704 lets the 落款 never stand alone on a page; keeping the whole last section with it
    pushed it over and left a third of a page empty. Only the paragraph's last lines (at least
    two, as TextBlock.split keeps them) go over with the 落款; the rest stays where it fits.
    """

    def __init__(self, paragraph: TextBlock, tail: list[Flowable]) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.tail = tail

    def _tail_height(self, avail_width: float, avail_height: float) -> float:
        total = 0.0
        for flowable in self.tail:
            _w, height = flowable.wrap(avail_width, avail_height)
            total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return total

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, height = self.paragraph.wrap(avail_width, avail_height)
        self.width = avail_width
        self.height = height + self.paragraph.getSpaceAfter() + self._tail_height(avail_width, avail_height)
        return avail_width, self.height

    def getSpaceBefore(self) -> float:
        return self.paragraph.getSpaceBefore()

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._tail_height(avail_width, avail_height) - self.paragraph.getSpaceAfter()
        parts = self.paragraph.split(avail_width, room) if room > 0 else []
        if len(parts) != 2:
            return []  # the paragraph cannot leave lines here: all of it goes over with the tail
        head, rest = parts
        return [head, KeepTail(rest, self.tail)]

    def draw(self) -> None:
        canvas: Any = self.canv
        y = self.height
        for flowable in [self.paragraph, *self.tail]:
            y -= flowable.getSpaceBefore() if flowable is not self.paragraph else 0
            _w, height = flowable.wrap(self.width, y)
            y -= height
            flowable.drawOn(canvas, 0, y)
            y -= flowable.getSpaceAfter()
