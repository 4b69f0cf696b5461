"""Writing output files safely: a crash or an error never leaves half a file behind.

Every export, draft, form and reminder goes through `atomic_write`, which decides by what
the `--out` path is (docs/reliability.md, “Output files”):

- `-`: standard output (binary formats too); no file named “-” is ever made;
- a symlink: written through to its target, which is replaced atomically; the link stays;
- a device or a pipe (/dev/null, /dev/stdout, a FIFO): written directly, never replaced;
- a regular file (or a new name): written to a temporary file in the same folder, flushed
  to disk, then moved into place with one `os.replace`.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from tracker.errors import BadInput

STDOUT = "-"
# A file name longer than this many bytes is refused by most file systems (NTFS counts
# 255 UTF-16 units); the temporary name beside it must stay under it too.
MAX_NAME_BYTES = 255
_COPY_CHUNK = 1024 * 1024


def is_stdout(path: str | Path) -> bool:
    """True for the `-` that means standard output."""
    return str(path) == STDOUT


def _temporary_name(target: Path) -> Path:
    """`.NAME.PID.part` beside `target`, shortened so a long name still fits."""
    suffix = f".{os.getpid()}.part"
    name = target.name
    while len(f".{name}{suffix}".encode()) > MAX_NAME_BYTES and name:
        name = name[: max(1, len(name) // 2)] if len(name) > 1 else ""
    return target.with_name(f".{name}{suffix}")


def _is_device(path: Path) -> bool:
    """Something to write into, never to replace: a device, a pipe or a socket (links
    followed, so `/dev/stdout` → `/proc/self/fd/1` → a pipe counts), and any path under
    /dev or /proc (`/dev/stdout` when the shell sent it to a file)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return True
    return stat.S_ISREG(mode) and str(path).startswith(("/dev/", "/proc/"))


def _stream_into(write: Callable[[Path], None], sink: BinaryIO) -> None:
    """Make the whole output in a private temporary folder, then copy it into `sink`.

    Writers (openpyxl, reportlab, zipfile) need a seekable file; a pipe is not one. Only a
    complete output is copied, so a failure sends nothing half made.
    """
    with tempfile.TemporaryDirectory(prefix="tracker-out-") as folder:
        tmp = Path(folder) / "output"
        write(tmp)
        with tmp.open("rb") as source:
            shutil.copyfileobj(source, sink, _COPY_CHUNK)
        sink.flush()


def _check_name(path: Path) -> None:
    if len(path.name.encode()) > MAX_NAME_BYTES:
        raise BadInput(
            f"输出文件名过长（{len(path.name.encode())} 字节，上限 {MAX_NAME_BYTES}）：{path.name[:40]}…，"
            "请改用较短的名称 (file name too long)"
        )


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write` on a temporary file, then put the result where `path` says (see above)."""
    path = Path(path)
    if is_stdout(path):
        _stream_into(write, sys.stdout.buffer)
        return
    _check_name(path)
    if _is_device(path):
        try:
            with path.open("wb") as device:
                _stream_into(write, device)
        except PermissionError:
            raise BadInput(f"无法写入 {path}：没有写入权限 (permission denied)") from None
        return
    if path.is_symlink():
        link = path
        path = Path(os.path.realpath(link))  # write the target; the link keeps pointing at it
        if path.is_symlink():
            raise BadInput(f"输出路径 {link} 是循环的符号链接，无法写入 (symlink loop)")
    if path.exists() and path.is_dir():
        raise BadInput(f"输出路径 {path} 是文件夹 (output is a directory)")
    if not path.parent.exists():
        raise BadInput(f"输出文件夹 {path.parent} 不存在 (folder does not exist)")
    if not path.parent.is_dir():
        raise BadInput(f"输出路径 {path} 无法使用：{path.parent} 是文件，不是文件夹 (parent is a file)")
    tmp = _temporary_name(path)
    try:
        write(tmp)
        _flush_to_disk(tmp)
        os.replace(tmp, path)
    except PermissionError:
        raise BadInput(f"无法写入 {path}：文件被占用或没有写入权限（是否在 Excel/WPS 中打开着？）") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise BadInput(f"输出路径过长：{path}，请改用较短的路径 (path too long)") from None
        raise
    finally:
        if tmp.exists():
            tmp.unlink()


def _flush_to_disk(tmp: Path) -> None:
    """fsync the finished temporary file, so the rename never exposes an empty one after a crash."""
    with tmp.open("rb+") as handle:
        os.fsync(handle.fileno())


def atomic_write_text(path: Path, text: str) -> None:
    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    atomic_write(path, write)
