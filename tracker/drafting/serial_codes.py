"""A task's 序号 kept unique when a document prints the same number twice."""

from __future__ import annotations

CODE_BASE_MOST = 30  # a 序号 and its mark stay well inside a plan file's 40 characters


def unique_code(code: str, seen: set[str], again: dict[str, int]) -> str:
    """The code itself, or 一′, 一′2, 一′3 … when it came before: a 序号 stays short however many
    times it repeats, and each repeat costs a look or two, not one per repeat before it."""
    base = code[:CODE_BASE_MOST]
    while code in seen:
        again[base] = again.get(base, 0) + 1
        code = f"{base}′" if again[base] == 1 else f"{base}′{again[base]}"
    seen.add(code)
    return code
