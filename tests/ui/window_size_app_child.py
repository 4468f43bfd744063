"""Runs the REAL app (``app.cli.main([...])``) signed in to a sandbox in another process, for
test_daily_driver_lists.py's window-size test: once connected it logs the window's size (``SIZE``), then,
with ``SIZE_TO`` set, resizes it as a user dragging its edge would and quits with Ctrl+Q (a real key event
through the window), logging ``QUIT``.

Env: SIZE_LOG, SIZE_TO ("683x600" or ""), KILL_URL, KILL_USER, KILL_PW, DISPATCH_HOME, QT_QPA_PLATFORM.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Driver:
    def __init__(self, log):
        self.log, self.w = log, None
        size = os.environ.get("SIZE_TO", "")
        self.to = tuple(int(n) for n in size.split("x")) if size else None

    def emit(self, kind: str, data) -> None:
        self.log.write(f"{kind} {json.dumps(data)}\n")
        self.log.flush()

    def start(self) -> None:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow" and getattr(w, "ready", False):
                s = getattr(w, "session", None)
                if s is not None and getattr(s.state, "value", s.state) == "connected":
                    self.w = w
        if self.w is None:
            QTimer.singleShot(50, self.start)
            return
        self.emit("SIZE", [self.w.width(), self.w.height()])
        if self.to is None:
            self.quit()
            return
        self.w.resize(*self.to)
        QTimer.singleShot(200, self.quit)

    def quit(self) -> None:
        self.emit("QUIT", [self.w.width(), self.w.height()])
        QTest.keyClick(self.w.windowHandle(), Qt.Key_Q, Qt.ControlModifier)


if __name__ == "__main__":
    from tests.helpers.app_child import run_real_app

    sys.exit(run_real_app(Driver, "SIZE_LOG"))
