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


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection for the block (nestable, across threads too)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
