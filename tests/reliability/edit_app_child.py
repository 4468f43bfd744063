"""Runs the REAL app (``app.cli.main(["--ews-url", URL, ...])``) signed in to a sandbox in another process
(the test's) for test_restored_edits_app.py, and drives it with key events sent to the focused widget, a
key every 60-120 ms as a person types. ``EDIT_MODE``:

- ``edit``: Ctrl+2, Enter on the first draft, Tab to the body, Ctrl+End, types ``EDIT_WORDS``; once the
  journal holds them (``TYPED``), Ctrl+Q quits the app as a user does.
- ``observe``: logs what the restarted window shows (``STATE`` lines, JSON: Compose's subject, body, state
  label and the status bar) every 100 ms; once the reopened message is on screen, Ctrl+N (``LEFT``).

Env: EDIT_LOG, EDIT_MODE, EDIT_WORDS, KILL_URL, KILL_USER, KILL_PW, DISPATCH_HOME, QT_QPA_PLATFORM.
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

SUBJECT = "restored edits: plans"


class Driver:
    def __init__(self, log):
        self.log, self.w, self.mode = log, None, os.environ.get("EDIT_MODE", "observe")
        self.left = False

    def emit(self, kind: str, data) -> None:
        self.log.write(f"{kind} {json.dumps(data)}\n")
        self.log.flush()

    def key(self, k, mods=Qt.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget() or self.w, k, mods)

    def later(self, ms: int, fn) -> None:
        QTimer.singleShot(ms, fn)

    def start(self) -> None:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow" and getattr(w, "journal_bridge", None) is not None:
                s = getattr(w, "session", None)
                if s is not None and getattr(s.state, "value", s.state) == "connected" and s.outbox is not None:
                    self.w = w
        if self.w is None or self.w.busy:
            self.later(50, self.start)
            return
        if self.mode == "edit":
            self.key(Qt.Key_2, Qt.ControlModifier)
            self.later(100, self.open_first)
        else:
            self.timer = QTimer()
            self.timer.timeout.connect(self.observe)
            self.timer.start(100)

    def open_first(self) -> None:
        m = self.w.drafts.model
        if m.loading or m.rowCount() == 0:
            self.key(Qt.Key_F5)
            self.later(300, self.open_first)
            return
        self.w.drafts.table.setFocus()  # where Ctrl+2 leaves the keyboard
        self.key(Qt.Key_Home, Qt.ControlModifier)
        self.later(120, lambda: self.key(Qt.Key_Return))
        self.later(200, self.to_body)

    def to_body(self) -> None:
        c = self.w.compose
        if c.subject.text() != SUBJECT:
            self.later(50, self.to_body)
            return
        for i in range(4):  # To -> Cc -> Bcc -> Subject -> Body
            self.later(100 * (i + 1), lambda: self.key(Qt.Key_Tab))
        self.later(600, lambda: self.key(Qt.Key_End, Qt.ControlModifier))
        self.later(700, lambda: self.type_on(os.environ["EDIT_WORDS"]))

    def type_on(self, text: str) -> None:
        if not text:
            self.later(100, self.typed)
            return
        QTest.keyClicks(QApplication.focusWidget(), text[0])
        self.later(60 + (len(text) * 37) % 60, lambda: self.type_on(text[1:]))

    def typed(self) -> None:
        j = self.w.journal_bridge.journal
        bodies = [e.draft.body for e in j.entries()]
        if not any(os.environ["EDIT_WORDS"] in b for b in bodies):
            self.later(100, self.typed)
            return
        self.emit("TYPED", {"focus": type(QApplication.focusWidget()).__name__})
        self.key(Qt.Key_Q, Qt.ControlModifier)

    def observe(self) -> None:
        w, c = self.w, self.w.compose
        self.emit("STATE", {"subject": c.subject.text(), "body": c.draft().body, "label": c.state_label.text(),
                            "status": w.statusBar().currentMessage(), "left": self.left})
        if not self.left and c.subject.text() == SUBJECT:
            self.left = True
            self.key(Qt.Key_N, Qt.ControlModifier)
            self.emit("LEFT", {})


def main() -> int:
    from tests.helpers.app_child import run_real_app

    return run_real_app(Driver, "EDIT_LOG")


if __name__ == "__main__":
    sys.exit(main())
