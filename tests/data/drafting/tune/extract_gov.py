"""Turn six State Council pages of the gov.cn SQL dump into corpus documents 250–255.

    python tests/data/drafting/tune/extract_gov.py /tmp/gov/raw.sql

The dump is db/ge_policy_raw20190217.sql of the public repository ZhouYNF/platform-1 (pages of
www.gov.cn crawled in February 2019), one ``insert into ge_policy_raw (...) values (...);`` per
page. (Written as held-out set 9 by two helpers; measured once, then moved to tune/.) Only the row's ``content`` column is read (the page's body as HTML, not the ``html``
column) and turned into the text a reader sees: one paragraph (``<p>``, or a ``<br>`` inside one)
a line, entities decoded, tags dropped, whitespace the browser would not show trimmed at the
line's ends, empty paragraphs left out. Nothing is reworded, added or dropped otherwise. Four
documents are written as UTF-8 .txt, two as .docx (one Word paragraph a line, laid out with the
corpus's make_docx.py helpers, as an officer who pasted the page into Word would have it).

A tool, not a test: importing it does nothing; run it to rebuild the six files.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent

# gov.cn page id -> file name (without extension) and whether it is kept as .docx
DOCUMENTS: dict[str, tuple[str, bool]] = {
    "5361158": ("250_national_2019_zonghebaoshuiqu", False),
    "5357723": ("251_national_2018_xiaofei_fupin", True),
    "5353308": ("252_national_2018_nongye_jixiehua", False),
    "5350734": ("253_national_2018_tiyujingsai", False),
    "5347465": ("254_national_2018_duchajili", True),
    "5345808": ("255_national_2018_jiuye", False),
}

_INSERT = re.compile(r"^insert into ge_policy_raw \(([^)]*)\) values \(", re.MULTILINE | re.IGNORECASE)
_BARE = re.compile(r"[^,)]*")


def _rows(dump: str) -> Iterator[dict[str, str]]:
    """Yield each inserted row as column -> value (SQL strings with '' and backslash escapes)."""
    for match in _INSERT.finditer(dump):
        columns = [c.strip() for c in match.group(1).split(",")]
        values: list[str] = []
        i = match.end()
        while True:
            while dump[i].isspace():
                i += 1
            if dump[i] == "'":
                j = i + 1
                chars: list[str] = []
                while True:
                    c = dump[j]
                    if c == "'":
                        if dump[j + 1] == "'":
                            chars.append("'")
                            j += 2
                            continue
                        break
                    if c == "\\":
                        chars.append(dump[j + 1])
                        j += 2
                        continue
                    chars.append(c)
                    j += 1
                values.append("".join(chars))
                i = j + 1
            else:
                bare = _BARE.match(dump, i)
                assert bare is not None
                values.append(bare.group(0).strip())
                i = bare.end()
            while dump[i].isspace():
                i += 1
            if dump[i] == ",":
                i += 1
                continue
            break
        yield dict(zip(columns, values, strict=False))


class _Paragraphs(HTMLParser):
    """Collect the visible text, one string per paragraph (<p>, <br>, table cell)."""

    _BREAKS = frozenset({"p", "br", "div", "td", "tr", "li", "h1", "h2", "h3", "h4"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []

    def _flush(self) -> None:
        # the browser collapses runs of ASCII whitespace; &nbsp; pads the 落款 to the right
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self._current)).replace("\xa0", " ").strip()
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def page_text(content_html: str) -> list[str]:
    """The paragraphs a reader sees in a page's content HTML."""
    parser = _Paragraphs()
    parser.feed(content_html)
    parser.close()
    return parser.paragraphs


def extract(dump_path: Path, out_dir: Path) -> list[Path]:
    """Write the six documents from the dump into out_dir; return the files written."""
    dump = dump_path.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for row in _rows(dump):
        page = re.search(r"content_(\d+)\.htm", row.get("crawl_url", ""))
        if page and page.group(1) in DOCUMENTS:
            found[page.group(1)] = page_text(row["content"])
    missing = sorted(set(DOCUMENTS) - set(found))
    if missing:
        raise SystemExit(f"转储文件 {dump_path} 中没有找到这些页面：{'、'.join(missing)}")
    written: list[Path] = []
    for page_id, (name, as_docx) in DOCUMENTS.items():
        lines = found[page_id]
        if as_docx:
            sys.path.insert(0, str(HERE.parent))
            from make_docx import new_document

            document = new_document()
            for line in lines:
                document.add_paragraph(line)
            target = out_dir / f"{name}.docx"
            document.save(str(target))
        else:
            target = out_dir / f"{name}.txt"
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("dump", type=Path, help="ge_policy_raw20190217.sql")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: this folder)")
    args = parser.parse_args(argv)
    if not args.dump.is_file():
        raise SystemExit(f"找不到转储文件：{args.dump}")
    for path in extract(args.dump, args.out):
        print(path)


if __name__ == "__main__":
    main()
