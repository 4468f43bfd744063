"""Runs the REAL app (``app.cli.main([...])``) signed in to a sandbox in another process, for
test_typing_race.py, and types into it as a person does: real key events through the window (the
platform's route: a popup window, had one the keyboard, gets them), with a person's timing, each key at
its time on the app's own event loop (directory answers arrive between keys).

Each trial: Ctrl+N, a two-letter prefix (a key every 90 ms: the directory offers one name for it, asked
for 0.3 s after the last key), a Tab ``delay`` seconds after the last key (around 0.3 s: as the suggestions
pop up), then "zed", Tab, "yy". Each trial's prefix is new to the field, so its list waits for the
directory (the field offers the names the directory gave it before at once). Logged, one JSON line each:
``KEY`` (the key, the widget with the focus when it was typed, and the suggestion highlighted in that
field's list as the key is pressed, null when no list is shown), ``FOCUS`` (a compose field's focus change
and its reason) and ``TRIAL`` (the fields' texts at the end). ``DONE`` after the last trial.

Env: TYPE_LOG, TYPE_TRIALS (JSON: [[prefix, delay], ...]), KILL_URL, KILL_USER, KILL_PW, DISPATCH_HOME,
QT_QPA_PLATFORM.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

KEY_GAP, AFTER_TAB, SETTLE = 0.09, 0.12, 0.6


class FocusLog(QObject):
    def __init__(self, driver, widgets):
        super().__init__()
        self.driver, self.names = driver, {w: w.objectName() for w in widgets}
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() in (QEvent.FocusIn, QEvent.FocusOut):
            self.driver.emit("FOCUS", [self.names[obj], event.type().name, event.reason().name])
        return False


class Driver:
    def __init__(self, log):
        self.log, self.w = log, None
        self.trials = json.loads(os.environ["TYPE_TRIALS"])

    def emit(self, kind: str, data) -> None:
        self.log.write(f"{kind} {json.dumps(data)}\n")
        self.log.flush()

    def start(self) -> None:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow":
                s = getattr(w, "session", None)
                if s is not None and getattr(s.state, "value", s.state) == "connected" and w.isActiveWindow():
                    self.w = w
        if self.w is None:
            QTimer.singleShot(50, self.start)
            return
        c = self.w.compose
        self.fields = {"to": c.to.edit, "cc": c.cc.edit, "bcc": c.bcc.edit, "subject": c.subject}
        self.lists = {field.edit: field.suggestions for field in (c.to, c.cc, c.bcc)}
        self.focus_log = FocusLog(self, list(self.fields.values()))
        self.trial(0)

    def press(self, key, mods=Qt.NoModifier) -> None:
        focus = QApplication.focusWidget()
        shown = self.lists[focus].current() if focus in self.lists else None  # what the key meets
        self.emit("KEY", [key.name, focus.objectName() if focus else None, shown])
        QTest.keyClick(self.w.windowHandle(), key, mods)

    def trial(self, n: int) -> None:
        if n == len(self.trials):
            self.emit("DONE", n)
            return
        prefix, delay = self.trials[n]
        first, second = (Qt.Key(ord(ch.upper())) for ch in prefix)
        keys = [(0.0, Qt.Key_N, Qt.ControlModifier), (0.3, first, None), (KEY_GAP, second, None),
                (delay, Qt.Key_Tab, None), (AFTER_TAB, Qt.Key_Z, None), (KEY_GAP, Qt.Key_E, None),
                (KEY_GAP, Qt.Key_D, None), (KEY_GAP, Qt.Key_Tab, None), (KEY_GAP, Qt.Key_Y, None),
                (KEY_GAP, Qt.Key_Y, None)]
        at = 0.0
        for gap, key, mods in keys:
            at += gap
            QTimer.singleShot(round(at * 1000), lambda k=key, m=mods: self.press(k, m or Qt.NoModifier))
        QTimer.singleShot(round((at + SETTLE) * 1000), lambda: self.end_trial(n))

    def end_trial(self, n: int) -> None:
        self.emit("TRIAL", {"n": n, "prefix": self.trials[n][0], "delay": self.trials[n][1],
                            **{name: w.text() for name, w in self.fields.items()}})
        self.trial(n + 1)


def main() -> int:
    from tests.helpers.app_child import run_real_app

    return run_real_app(Driver, "TYPE_LOG")


if __name__ == "__main__":
    sys.exit(main())
