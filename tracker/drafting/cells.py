"""A table read from any document: cell text by (row, column) and its merged boxes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """A table: cell text by (row, column), 1-based, and the merged boxes (r1, c1, r2, c2).

    The boxes are settled while the table is built and only read afterwards; which box covers
    a cell is indexed once per set of boxes, so reading a table costs its cells, not cells ×
    boxes (a table with every cell merged can have as many boxes as cells).
    """

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)
    rows: int = 0
    cols: int = 0
    _cover: dict[tuple[int, int], tuple[int, int, int, int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _cover_of: tuple[object, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def covering(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        """The merged box that covers cell (r, c), if any (the first listed where boxes overlap)."""
        key = (id(self.boxes), len(self.boxes), self.boxes[-1] if self.boxes else None, self.rows, self.cols)
        if key != self._cover_of:
            cover: dict[tuple[int, int], tuple[int, int, int, int]] = {}
            for box in self.boxes:
                r1, c1, r2, c2 = box
                # a box is clipped to the table's extent, so a hostile box cannot cost more than the table
                for row in range(max(r1, 1), min(r2, max(self.rows, r1)) + 1):
                    for col in range(max(c1, 1), min(c2, max(self.cols, c1)) + 1):
                        cover.setdefault((row, col), box)
            self._cover, self._cover_of = cover, key
        return self._cover.get((r, c))

    def row(self, r: int) -> list[str]:
        """The texts of row r, a merged box's text in every cell it covers."""
        out = []
        for c in range(1, self.cols + 1):
            text = self.cells.get((r, c), "")
            if not text:
                box = self.covering(r, c)
                if box is not None:
                    text = self.cells.get((box[0], box[1]), "")
            out.append(text)
        return out

    def lines(self) -> list[str]:
        """The table as text: one tab-separated line per row (a row's repeated box once).

        A table of one column is a frame around text (a layout table): its paragraphs are
        lines of their own.
        """
        if self.cols == 1:
            return [line for r in range(1, self.rows + 1) for line in self.cells.get((r, 1), "").split("\n")]
        out = []
        for r in range(1, self.rows + 1):
            texts = self.row(r)
            cells: list[str] = []
            for c in range(1, self.cols + 1):
                box = self.covering(r, c)
                if box is None or box[1] >= c:
                    cells.append(" ".join(texts[c - 1].split()))
            out.append("\t".join(cells))
        return out


Block = str | Table  # a paragraph's text, or a table
