"""Office files (.xlsx, .docx) from outside, checked before any XML in them is parsed.

An Office file is a zip of XML parts. Before openpyxl or python-docx sees one, it must
be a readable zip of sane size (a “zip bomb” declares gigabytes; refused before a byte
is inflated: Python's zip reader never inflates past a member's declared size), hold a
sane number of parts, and carry no DTD: Office never writes `<!DOCTYPE` or `<!ENTITY`,
and entity declarations are how “billion laughs” expand a few KB into gigabytes. The
parsers are hardened too (openpyxl uses defusedxml when it is installed, python-docx
parses with entity resolution off); this check makes the refusal a clear message.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from tracker.errors import BadInput

MAX_UNPACKED_BYTES = 500 * 1024 * 1024  # a real ledger sheet or policy document is a few MB
MAX_MEMBERS = 10_000
# A part larger than this may not shrink more than MAX_RATIO times when zipped: real
# sheets shrink 5–30×; repeated filler shrinks by thousands.
RATIO_FLOOR_BYTES = 10 * 1024 * 1024
MAX_RATIO = 1000
PROLOG_BYTES = 64 * 1024  # a DTD must come before the root element
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def check_package(path: Path, what: str) -> None:
    """Refuse `path` unless it is a sane Office zip; `what` (填报表, 政策文件) names it."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise BadInput(f"{path.name} 已损坏，无法作为{what}读取（{exc}）(damaged file)") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise BadInput(f"{path.name} 内含 {len(members)} 个部件，远超正常文件，拒绝读取 (too many parts)")
        unpacked = sum(info.file_size for info in members)
        if unpacked > MAX_UNPACKED_BYTES:
            raise BadInput(
                f"{path.name} 解压后达 {unpacked / 1024 / 1024:.0f} MB，远超正常文件，"
                "疑似“压缩炸弹”，拒绝读取 (zip bomb?)"
            )
        for info in members:
            if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise BadInput(
                    f"{path.name} 中的 {info.filename} 压缩比异常（疑似“压缩炸弹”），拒绝读取 (zip bomb?)"
                )
        for info in members:
            if info.filename.lower().endswith(_XML_SUFFIXES):
                _refuse_dtd(archive, info, path, what)


def _refuse_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, what: str) -> None:
    try:
        with archive.open(info) as member:
            prolog = member.read(PROLOG_BYTES)
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,  # a local header whose name bytes are no longer UTF-8 (UnicodeDecodeError)
    ) as exc:
        raise BadInput(
            f"{path.name} 中的 {info.filename} 已损坏，无法作为{what}读取（{exc}）(damaged part)"
        ) from None
    if any(marker in prolog for marker in _DTD_MARKERS):
        raise BadInput(
            f"{path.name} 中的 {info.filename} 含有 DTD/实体声明（Office 文件从不包含），"
            f"可能是恶意构造的文件，拒绝作为{what}读取 (XML entity declarations refused)"
        )
