"""A table read from any document: cell text by (row, column) and its merged boxes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    """A table: cell text by (row, column), 1-based, and the merged boxes (r1, c1, r2, c2)."""

    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)
    rows: int = 0
    cols: int = 0

    def row(self, r: int) -> list[str]:
        """The texts of row r, a merged box's text in every cell it covers."""
        out = []
        for c in range(1, self.cols + 1):
            text = self.cells.get((r, c), "")
            if not text:
                for r1, c1, r2, c2 in self.boxes:
                    if r1 <= r <= r2 and c1 <= c <= c2:
                        text = self.cells.get((r1, c1), "")
                        break
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
            cells: list[str] = []
            for c in range(1, self.cols + 1):
                covered = next(
                    (b for b in self.boxes if b[0] <= r <= b[2] and b[1] <= c <= b[3] and b[1] < c), None
                )
                if covered is None:
                    cells.append(" ".join(self.row(r)[c - 1].split()))
            out.append("\t".join(cells))
        return out


Block = str | Table  # a paragraph's text, or a table
