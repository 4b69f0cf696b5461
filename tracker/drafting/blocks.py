"""A document as Word holds it: paragraphs and tables in order (the drafter's first step).

.docx: `wordfile.py`; .txt: `texttables.py` finds the task tables in the text; .doc/.wps go
through LibreOffice when it is installed; .pdf text is read where it has a text layer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from tracker.drafting.cells import Block, Table
from tracker.drafting.texttables import text_blocks
from tracker.drafting.wordfile import chinese_number, read_docx_blocks
from tracker.errors import BadInput

__all__ = ["Block", "Table", "chinese_number", "load_blocks", "read_docx_blocks", "text_blocks"]


def soffice() -> str | None:
    """LibreOffice's command, if installed (Windows: the usual Program Files place too)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for root in (Path("C:/Program Files/LibreOffice"), Path("C:/Program Files (x86)/LibreOffice")):
        candidate = root / "program" / "soffice.exe"
        if candidate.exists():
            return str(candidate)
    return None


def convert_to_docx(path: Path) -> Path:
    """A .doc/.wps converted to .docx by LibreOffice into a temporary folder (caller cleans up)."""
    command = soffice()
    if command is None:
        raise BadInput(
            f"{path.name} 是旧版 Word（.doc）或 WPS 文件，读取它需要安装 LibreOffice；"
            "也可在 Word/WPS 中“另存为”.docx 后再导入"
        )
    out_dir = Path(tempfile.mkdtemp(prefix="tracker-draft-"))
    source = out_dir / f"source{path.suffix.lower()}"
    shutil.copyfile(path, source)  # a plain ASCII name: soffice mishandles some paths
    try:
        subprocess.run(
            [
                command,
                # a profile of its own: a LibreOffice already open on this PC would otherwise
                # take the job (or refuse it while its profile is locked)
                f"-env:UserInstallation={(out_dir / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "docx",
                "--outdir",
                str(out_dir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(out_dir, ignore_errors=True)
        raise BadInput(f"{path.name} 无法用 LibreOffice 转换为 .docx（{exc}）") from None
    converted = out_dir / "source.docx"
    if not converted.exists():
        shutil.rmtree(out_dir, ignore_errors=True)
        raise BadInput(f"{path.name} 无法用 LibreOffice 转换为 .docx（文件可能已损坏或加密）")
    return converted


PDF_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fa5，。、；：（）“”]) (?=[\d.%])|(?<=[\d%]) (?=[\u4e00-\u9fa5，。、；：（）“”])"
)


def read_pdf_text(path: Path) -> str:
    """The text layer of a PDF, page by page; a scanned PDF (no text) is refused."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise BadInput(f"{path.name} 不是可读取的 PDF 文件（{exc}）") from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    # a PDF sets a space between Chinese and a figure (“新增 100 家”): it was not typed
    text = PDF_SPACE.sub("", text)
    if len(re.sub(r"\s", "", text)) < 20:
        raise BadInput(f"{path.name} 没有文字层（可能是扫描件），请先用 OCR 转成文字或 Word 文件")
    return text


def load_blocks(path: Path) -> list[Block]:
    """The blocks of any document the drafter reads: .txt, .docx, .doc/.wps, .pdf."""
    from tracker.drafting import text
    from tracker.drafting.text import read_txt

    path = Path(path)
    if not path.exists():
        raise BadInput(f"找不到文件 {path}")
    size = path.stat().st_size
    if size == 0:
        raise BadInput(f"{path.name} 是空文件")
    if size > text.MAX_DOCUMENT_BYTES:
        raise BadInput(
            f"{path.name} 有 {size / 1024 / 1024:.0f} MB，政策文件上限 {text.MAX_DOCUMENT_BYTES // 1024 // 1024} MB，"
            "拒绝读取 (document too large)"
        )
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv"):  # a .csv is text: an Excel table saved with commas
        return text_blocks(read_txt(path).splitlines())
    if suffix == ".docx":
        return read_docx_blocks(path)
    if suffix in (".doc", ".wps"):
        if path.read_bytes()[:2] == b"PK":  # a .docx saved under the old name
            return read_docx_blocks(path)
        converted = convert_to_docx(path)
        try:
            blocks = read_docx_blocks(converted)
        finally:
            shutil.rmtree(converted.parent, ignore_errors=True)
        return blocks
    if suffix == ".pdf":
        return text_blocks(read_pdf_text(path).splitlines())
    raise BadInput(f"{path.name}：只能从 .txt、.csv、.docx、.doc、.wps 或 .pdf 起草方案")
