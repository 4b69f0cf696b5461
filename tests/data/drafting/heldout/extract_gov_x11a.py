"""Turn three State Council pages of an SQL dump into held-out documents 250–252.

    python tests/data/drafting/heldout/extract_gov_x11a.py [DUMP] [OUT_DIR]

DUMP is db/ge_policy_raw20190217.sql of the public repository ZhouYNF/platform-1 (pages of
www.gov.cn crawled in February 2019; default /tmp/gov/raw.sql), OUT_DIR defaults to this
folder. Each row's `content` column (the page's body as HTML, not the `html` column with the
site's frame) becomes the text a reader of the page sees: one paragraph a line (a `<br>`
inside a paragraph breaks the line, as on the page), entities decoded, tags dropped, the
runs of spaces that HTML collapses collapsed, empty paragraphs (spacing) left out. Nothing
is reworded, added or dropped otherwise: the title, 发文字号, 落款 and date are the page's own
lines. 251 is written as a .docx (each line a Word paragraph, as an officer who pasted the
page into Word has it), the other two as UTF-8 .txt.

A tool, not a test: importing it does nothing, and without the dump it says so and stops.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DUMP = Path("/tmp/gov/raw.sql")

# gov.cn content id → file name (without suffix) and suffix
DOCUMENTS: dict[str, tuple[str, str]] = {
    "5361158": ("250_national_2019_zonghebaoshuiqu", ".txt"),
    "5357723": ("251_national_2018_xiaofei_fupin", ".docx"),
    "5353308": ("252_national_2018_nongye_jixiehua", ".txt"),
}

_INSERT = re.compile(r"insert\s+into\s+(\w+)\s*\(([^)]*)\)\s*values\s*\(", re.IGNORECASE)
_BARE = re.compile(r"[^,)\s]+")


def parse_rows(sql: str) -> Iterator[dict[str, str | None]]:
    """The rows of the dump's `insert into t (cols) values (…);` statements.

    Strings are single-quoted with a doubled quote for a quote (the dump's style); `null`
    is None; other bare values are kept as text.
    """
    pos = 0
    while match := _INSERT.search(sql, pos):
        columns = [c.strip() for c in match.group(2).split(",")]
        values: list[str | None] = []
        i = match.end()
        while True:
            while sql[i].isspace():
                i += 1
            if sql[i] == "'":
                parts: list[str] = []
                j = i + 1
                while True:
                    k = sql.index("'", j)
                    parts.append(sql[j:k])
                    if sql.startswith("''", k):
                        parts.append("'")
                        j = k + 2
                        continue
                    i = k + 1
                    break
                values.append("".join(parts))
            else:
                bare = _BARE.match(sql, i)
                if bare is None:
                    raise ValueError(f"第 {sql.count(chr(10), 0, i) + 1} 行的值读不懂：{sql[i : i + 40]!r}")
                values.append(None if bare.group(0).lower() == "null" else bare.group(0))
                i = bare.end()
            while sql[i].isspace():
                i += 1
            if sql[i] == ",":
                i += 1
                continue
            if sql[i] == ")":
                i += 1
                break
            raise ValueError(f"第 {sql.count(chr(10), 0, i) + 1} 行的值列表读不懂：{sql[i : i + 40]!r}")
        if len(values) != len(columns):
            raise ValueError(f"{match.group(1)} 的一行有 {len(values)} 个值，列有 {len(columns)} 个")
        yield dict(zip(columns, values, strict=True))
        pos = i


class _Lines(HTMLParser):
    """Collect the text of an HTML fragment, one line per paragraph or line break."""

    BREAKS = frozenset({"p", "br", "div", "tr", "td", "li", "h1", "h2", "h3", "h4", "table", "tbody"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._buf: list[str] = []

    def _flush(self) -> None:
        # HTML collapses runs of ordinary white space; a no-break space (&nbsp;) is kept,
        # and white space at a line's ends is layout (right alignment of 落款 and date)
        text = re.sub(r"[ \t\r\n\f]+", " ", "".join(self._buf)).strip(" \t\r\n\f\u00a0\u3000")
        if text:
            self.lines.append(text)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BREAKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_lines(html: str) -> list[str]:
    """The lines a reader of the page sees, in order."""
    parser = _Lines()
    parser.feed(html)
    parser.close()
    return parser.lines


def write_docx(lines: list[str], path: Path) -> None:
    """Each line a Word paragraph, typed numbers kept as typed (a page pasted into Word)."""
    sys.path.insert(0, str(HERE.parent))
    from make_docx import new_document

    document = new_document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))


def extract(dump: Path, out_dir: Path) -> list[Path]:
    """Write the three documents from the dump into out_dir; return their paths."""
    wanted = dict(DOCUMENTS)
    written: list[Path] = []
    for row in parse_rows(dump.read_text(encoding="utf-8")):
        url = row.get("crawl_url") or ""
        key = next((k for k in wanted if f"content_{k}.htm" in url), None)
        if key is None:
            continue
        name, suffix = wanted.pop(key)
        lines = html_to_lines(row.get("content") or "")
        path = out_dir / f"{name}{suffix}"
        if suffix == ".docx":
            write_docx(lines, path)
        else:
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    if wanted:
        raise SystemExit(f"{dump} 中没有这些页面：{'、'.join(sorted(wanted))}")
    return written


def main(argv: list[str]) -> int:
    dump = Path(argv[0]) if argv else DEFAULT_DUMP
    out_dir = Path(argv[1]) if len(argv) > 1 else HERE
    if not dump.is_file():
        print(
            f"找不到 SQL 转储文件：{dump}（ZhouYNF/platform-1 的 db/ge_policy_raw20190217.sql）",
            file=sys.stderr,
        )
        return 2
    for path in extract(dump, out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
