"""Measuring start-up (``DISPATCH_FIRST_PAINT=1``, bench/bench_startup_stall.py): the UI thread's CPU time
of each piece of work between the first paint and all built, a piece being what runs in one event-loop turn
(a pre-loop import, Qt's enum namespace, a setup slice of app/ui/window/setup_steps.py). The goal: each
fits in a frame (<= 16 ms). The longest is printed on the ``DISPATCH_ALL_BUILT`` line as ``longest=<ms>:<name>``.
Qt-free, and nothing runs when not measuring."""

from __future__ import annotations

import time


class StartupClock:
    def __init__(self) -> None:
        self.longest = 0.0  # seconds of the UI thread's CPU
        self.longest_name = ""

    def run(self, name: str, work, *args):
        """``work(*args)``, timed as one piece."""
        t0 = time.thread_time()
        try:
            return work(*args)
        finally:
            self.note(name, time.thread_time() - t0)

    def note(self, name: str, used: float) -> None:
        """A piece timed by the caller (``used``: seconds of the UI thread's CPU)."""
        if used > self.longest:
            self.longest, self.longest_name = used, name

    def watch_slices(self, window) -> None:
        """Time each of ``window``'s setup slices (call before ``window.start_setup()``)."""
        window.time_setup_steps(lambda name, turn: self.run(name.replace(" ", "_"), turn))

    def report(self) -> str:
        return f"longest={self.longest * 1000:.1f}:{self.longest_name or '-'}"
