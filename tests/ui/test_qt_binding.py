"""The Qt binding must not corrupt Python's own objects over a long session.

PySide6 6.12.0 on CPython 3.11 drops a reference to `True` on every `Signal.emit()`:
after some ten thousand signals (a few hours of progress bars and background reads)
Python aborts with "bool_dealloc". pyproject.toml keeps that release out; this test
fails on any binding that brings the fault back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    with_values = Signal(int, object)
    text = Signal(str)


def test_emitting_signals_leaves_true_and_false_alone(qapp: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.with_values.connect(lambda number, value: received.append(value))
    emitter.text.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(200):
        emitter.plain.emit()
        emitter.with_values.emit(i, None)
        emitter.text.emit("进展")
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 400
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
