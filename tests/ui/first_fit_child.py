"""The real app's first start on a real X display with a window manager (tests/ui/test_first_fit.py): no stored
size, so the window opens at its default size (1100 x 720) on an 800 x 600 screen. Once the window is built and
the window manager's frame is known, the window's frame is read until it is inside the screen's available
area (or 5 s have passed), written as JSON to ``$FIT_OUT``, and the app quits."""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

WITHIN_S = 5.0
POLL_MS = 20


def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # app_main.run reuses it
    deadline = [None]

    def look() -> None:
        win = next((w for w in app.topLevelWidgets() if w.objectName() == "mainWindow"), None)
        if win is None or not win.ready or win.screen() is None:
            QTimer.singleShot(POLL_MS, look)
            return
        frame, inner, room = win.frameGeometry(), win.geometry(), win.screen().availableGeometry()
        framed = frame != inner  # the window manager's frame is known
        if deadline[0] is None and framed:
            deadline[0] = time.monotonic() + WITHIN_S
        if not framed or (not room.contains(frame) and time.monotonic() < deadline[0]):
            QTimer.singleShot(POLL_MS, look)
            return
        bar = win.statusBar()
        bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
        with open(os.environ["FIT_OUT"], "w", encoding="utf-8") as out:
            json.dump({"frame": _rect(frame), "inner": _rect(inner), "room": _rect(room),
                       "status_bottom": bottom, "language": win.menuBar().actions()[0].text()}, out)
        win.close_now()

    QTimer.singleShot(POLL_MS, look)
    from app.cli import main as app_main

    return app_main([])


if __name__ == "__main__":
    sys.exit(main())
