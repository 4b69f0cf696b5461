"""Reading the whole ledger into memory without paying for the garbage collector.

Building tens of thousands of small row objects triggers Python's cyclic collector over
and over, and each run walks every object alive: at 10,000 tasks that was a third of the
window's load time. The rows hold no reference cycles, so pausing the collector while they
are built loses nothing; it runs again, once, afterwards.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the collector was on when the first block began


class Pause:
    """A paused collector; set `keep` before the block ends to freeze what is alive then."""

    def __init__(self, keep: bool) -> None:
        self.keep = keep


@contextmanager
def collector_paused(keep: bool = False) -> Iterator[Pause]:
    """Pause automatic garbage collection for the block (nestable, across threads too).

    `keep` (or `Pause.keep` set within): what is alive at the end is kept out of the
    collector's sight (`gc.freeze`), for the program's start-up. Turned on again, the
    collector would otherwise walk every object built in the block two or three times over
    (60 ms each at 10,000 tasks, a pause the officer feels); frozen objects are still freed
    when nothing refers to them, but garbage cycles alive at that moment never are, so
    this is for once a process, not for every read.
    """
    global _depth, _resume
    pause = Pause(keep)
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield pause
    finally:
        with _lock:
            _depth -= 1
            if pause.keep:
                gc.freeze()
            if _depth == 0 and _resume:
                gc.enable()
