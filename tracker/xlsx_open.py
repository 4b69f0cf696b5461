"""Open an .xlsx someone sent us, refusing clearly what is not one (or is a trap)."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from tracker.errors import BadInput
from tracker.office_package import check_package

log = logging.getLogger("tracker.xlsx_open")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Office files, and encrypted new ones


def open_xlsx(path: Path, purpose: str) -> Workbook:
    """Load `path` with values only; `purpose` (填报表, 任务表) names it in messages."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise BadInput(f"无法读取 {path}：{exc.strerror or exc}") from None
    if not head:
        raise BadInput(f"{path.name} 是空文件（0 字节），不是{purpose} (empty file)")
    if head.startswith(OLE_MAGIC):
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise BadInput(
                f"{path.name} 设有打开密码（文件已加密），无法读取。请在 Excel/WPS 中取消密码"
                "（文件 → 信息 → 保护工作簿 / 文档加密）后另存为 .xlsx 再导入 (encrypted file)"
            )
        raise BadInput(
            f"{path.name} 是旧版 Office 文件（.xls 或 .doc，可能改过扩展名），不是 .xlsx。"
            "请在 Excel/WPS 中打开后另存为 .xlsx 再导入 (legacy Office file)"
        )
    if not zipfile.is_zipfile(path):
        raise BadInput(f"{path.name} 不是 Excel .xlsx 文件，无法作为{purpose}读取 (not an xlsx file)")
    check_package(path, purpose)  # size, part count, no DTD: before any XML is parsed
    try:
        return load_workbook(path, data_only=True)
    except Exception as exc:  # an untrusted file can break the reader in any way: never a traceback
        log.info("openpyxl refused %s", path, exc_info=exc)
        raise BadInput(
            f"{path.name} 不是有效的 Excel .xlsx 文件，或已损坏（{type(exc).__name__}: {str(exc)[:200]}）"
            "(not a valid xlsx)"
        ) from None
