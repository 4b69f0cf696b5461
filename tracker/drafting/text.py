"""Loading a document's text: .txt (UTF-8 or GB18030) and .docx (paragraphs and tables)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from tracker.errors import BadInput

# Half-width brackets and colons appear beside full-width ones in published texts.
_TRANSLATE = str.maketrans({"(": "（", ")": "）", ":": "：", "\u3000": " ", "\xa0": " "})


_MARKUP = re.compile(r"\[bookmark:[^\]]*\]|\*\*|\{[^}]*\}")


def normalise_line(line: str) -> str:
    line = _MARKUP.sub("", line).translate(_TRANSLATE).strip()
    while line.startswith("#"):
        line = line[1:]
    return line.strip().rstrip("\\").strip()


def read_txt(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput(f"{path.name} 的文字编码无法识别（应为 UTF-8 或 GBK）")


def read_docx(path: Path) -> str:
    """Paragraphs and tables in document order; a table row becomes tab-separated cells."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        raise BadInput(f"{path.name} 不是有效的 Word .docx 文件（{exc}）") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                cells: list[str] = []
                previous = None
                for cell in row.cells:
                    # a merged cell is repeated by python-docx: keep it once per row
                    if previous is not None and cell._tc is previous:
                        continue
                    previous = cell._tc
                    cells.append(" ".join(cell.text.split()))
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)


def load_text(path: Path) -> str:
    path = Path(path)
    if not path.exists():
        raise BadInput(f"找不到文件 {path}")
    if path.stat().st_size == 0:
        raise BadInput(f"{path.name} 是空文件")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_txt(path)
    if suffix == ".docx":
        return read_docx(path)
    raise BadInput(f"{path.name}：只能从 .txt 或 .docx 起草方案")
