"""Measuring start-up (``DISPATCH_SWITCHES=1``, bench/bench_ready.py): the first switch to each view but the
one shown, as its key does it (its action triggered), timed to the view's page painted. Each switch
follows a quiet pause, so none pays for the one before it."""

from __future__ import annotations

import asyncio
import time

# the key each view but Compose is shown by
VIEW_KEYS = {"drafts": "Ctrl+2", "sent": "Ctrl+3", "outbox": "Ctrl+4"}


def _action(window, key: str):
    from PySide6.QtGui import QAction, QKeySequence

    seq = QKeySequence(key)
    return next(a for a in window.findChildren(QAction) if seq in a.shortcuts() and a.isEnabled())


def _painted(widget) -> list:
    """A list that gets an item when ``widget`` (or a child of it) is next painted."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    seen = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Paint and not seen:
                seen.append(obj)
            return False

    watch = Watch(widget)  # the widget's child: it lives as long as the widget
    for w in [widget, *widget.findChildren(QWidget)]:
        w.installEventFilter(watch)
    return seen


async def first_switches(window, pause: float = 0.3) -> list[tuple[str, float]]:
    """[(view, ms)] for each view of :data:`VIEW_KEYS` the window has, in that order."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    out = []
    for name, key in VIEW_KEYS.items():
        if name not in window.VIEWS:
            continue
        await asyncio.sleep(pause)
        page = dict(window.views)[name]
        seen = _painted(page)
        act = _action(window, key)
        t0 = time.perf_counter()
        act.trigger()
        deadline = t0 + 5.0
        while not seen and time.perf_counter() < deadline:
            app.processEvents()
        out.append((name, (time.perf_counter() - t0) * 1000 if seen else float("nan")))
    return out
