"""Writing output files safely: a crash or an error never leaves half a file behind."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tracker.errors import BadInput


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write` on a temporary file beside `path`, then move it into place."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise BadInput(f"输出路径 {path} 是文件夹 (output is a directory)")
    if not path.parent.exists():
        raise BadInput(f"输出文件夹 {path.parent} 不存在 (folder does not exist)")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    except PermissionError:
        raise BadInput(f"无法写入 {path}：文件被占用或没有写入权限（是否在 Excel/WPS 中打开着？）") from None
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write_text(path: Path, text: str) -> None:
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    atomic_write(path, write)
