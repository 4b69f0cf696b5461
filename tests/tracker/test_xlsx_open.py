"""Opening sent-in .xlsx files: each kind of wrong file gets its own clear refusal."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tracker import office_package, xlsx_open
from tracker.errors import BadInput


def test_a_real_workbook_opens(tmp_path: Path) -> None:
    path = tmp_path / "任务 表.xlsx"
    wb = Workbook()
    wb.active["A1"] = "序号"
    wb.save(path)
    assert xlsx_open.open_xlsx(path, "任务表").active["A1"].value == "序号"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空文件"),
        (xlsx_open.OLE_MAGIC + b"\x00" * 600, "旧版 Office 文件"),
        (xlsx_open.OLE_MAGIC + "EncryptionInfo".encode("utf-16-le"), "设有打开密码"),
        (b"just some text", "不是 Excel .xlsx 文件"),
    ],
)
def test_wrong_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=message):
        xlsx_open.open_xlsx(path, "填报表")


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office_package, "MAX_UNPACKED_BYTES", 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (4 * 1024 * 1024))
    assert path.stat().st_size < 64 * 1024
    with pytest.raises(BadInput, match="解压后达"):
        xlsx_open.open_xlsx(path, "任务表")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(BadInput, match="不是有效的 Excel"):
        xlsx_open.open_xlsx(path, "任务表")


def test_a_part_whose_local_name_is_no_longer_utf8_is_a_damaged_file(tmp_path: Path) -> None:
    # the central directory still names 文档.xml; the local header's name bytes were overwritten
    # (a mutation Hypothesis found): zipfile raises UnicodeDecodeError on opening the part
    path = tmp_path / "政策 文件.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/文档.xml", "<w:document/>")
    data = bytearray(path.read_bytes())
    name = "word/文档.xml".encode()
    at = data.index(name)  # the local header's copy comes first
    data[at + 5] = 0xB5
    path.write_bytes(bytes(data))
    with pytest.raises(BadInput, match="已损坏"):
        office_package.check_package(path, "政策文件")
