"""The garbage collector is paused while the ledger is read in bulk, and always resumes."""

from __future__ import annotations

import gc
import threading

import pytest

from tracker.views.bulk import collector_paused


def test_paused_inside_and_resumed_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner block does not resume it early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumes_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("读取失败")
    assert gc.isenabled()


def test_overlapping_blocks_in_two_threads_resume_once_both_end() -> None:
    """The window's background read may overlap a report's read on another thread."""
    gc.collect()  # nothing left over from earlier tests for a collection on the worker to free
    inside = threading.Event()
    leave = threading.Event()

    def reader() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=reader)
    with collector_paused():
        worker.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's block is still open
    leave.set()
    worker.join(5)
    assert gc.isenabled()


def test_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_kept_objects_leave_the_collectors_walks_and_are_still_freed() -> None:
    """`keep` (start-up): what is alive is frozen; a block without it freezes nothing."""
    import weakref

    class Row:
        pass

    gc.unfreeze()
    try:
        with collector_paused():
            pass
        assert gc.get_freeze_count() == 0
        with collector_paused() as pause:
            row = Row()
            pause.keep = True
        assert gc.isenabled() and gc.get_freeze_count() > 0
        gone = weakref.ref(row)
        del row  # frozen, yet freed once nothing refers to it
        assert gone() is None
    finally:
        gc.unfreeze()
