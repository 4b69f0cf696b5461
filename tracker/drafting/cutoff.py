"""Texts that break off: the last item a web page or a half-saved file cut in two is left out.

Each rule adds a warning that says where the text broke off, so the officer can check the
original; nothing is dropped silently.
"""

from __future__ import annotations

from tracker.drafting.units import find_units
from tracker.planfile import model as pf

CLOSED = tuple("。；;！!？?）)」”】]")


def _last_chain(tasks: list[pf.Task]) -> list[list[pf.Task]]:
    """The lists from the top down to the last item in document order (each ends with its parent)."""
    chain: list[list[pf.Task]] = []
    level = tasks
    while level:
        chain.append(level)
        if not level[-1].children:
            break
        level = level[-1].children
    return chain


def _pop_last(chain: list[list[pf.Task]]) -> None:
    """Remove the last item, and the sections left with no items by it (they only headed it)."""
    chain[-1].pop()
    for upper, lower in zip(reversed(chain[:-1]), reversed(chain[1:]), strict=True):
        if lower or upper[-1].units:
            break
        upper.pop()


def drop_cut_off_item(
    tasks: list[pf.Task],
    printed: dict[int, str],
    words_of: dict[int, str],
    any_units: bool,
    warnings: list[str],
) -> None:
    """The last item, cut off mid-sentence with no units where every other names them (or, in a
    list naming none, where every other ends its sentence), is dropped.

    A text copied from a web page or a half-saved file can end inside an item (“8.大力支持民”):
    it has no closing stop and no units, so nobody could answer for it. It is left out, and the
    warning says where the text broke off so the officer can check the original.
    """
    chain = _last_chain(tasks)
    if not chain:
        return
    last = chain[-1][-1]
    text = printed.get(id(last), "")
    words = words_of.get(id(last), "")
    siblings = [words_of.get(id(t), "") for t in chain[-1][:-1] if not t.children]
    shared = all(
        [(u.name, u.role) for u in t.units] == [(u.name, u.role) for u in last.units] for t in chain[-1]
    )
    if (
        not last.children
        and words
        and not words.endswith(CLOSED)
        and len(siblings) >= 2
        and all(text.endswith(CLOSED) for text in siblings)
        and shared
        and find_units(words) is None
    ):
        # every item before it ends its sentence and this one stops mid-way, naming no units of
        # its own (those it has, it took from its heading like the others): cut off
        _pop_last(chain)
        warnings.append(f"文件在“{words[:20]}”处中断，未起草这一项，请核对原文是否完整")
        return
    if last.children or last.units or not text or text.endswith(CLOSED):
        return
    if any(task.units for level in chain[:-1] for task in level[-1:]):
        return  # its section names units for it: an item that needs no more
    others = [printed.get(id(t), "") for t in pf.iter_tasks(tasks) if not t.children and t is not last]
    if not any_units and not (others and all(other.endswith(CLOSED) for other in others)):
        return  # a list naming no units, whose items need not end with a stop: nothing says it broke off
    _pop_last(chain)
    warnings.append(
        f"文件在“{text[:20]}”处中断（这一项没有句末标点，也没有写明责任单位），未起草这一项，请核对原文是否完整"
    )


def drop_cut_off_units(tasks: list[pf.Task], warnings: list[str]) -> None:
    """The last item whose last unit is the start of another unit's name (“市科” of 市科技局) is cut off.

    A text that breaks off inside the last unit's name leaves a name no office has; the item is
    left out with a warning rather than handed to a unit that does not exist.
    """
    chain = _last_chain(tasks)
    if not chain or not chain[-1][-1].units:
        return
    last = chain[-1][-1]
    cut = last.units[-1].name
    others = {u.name for t in pf.iter_tasks(tasks) if t is not last for u in t.units}
    # only a fragment too short to be a body's name (“市科”, “市人”): “市科技局” beside
    # “市科技局高新科” is a unit of its own
    if len(cut) <= 3 and any(len(name) > len(cut) and name.startswith(cut) for name in others):
        _pop_last(chain)
        warnings.append(f"文件在“{last.title[:20]}”的责任单位“{cut}”处中断，未起草这一项，请核对原文是否完整")
