"""Runs the REAL app (``app.cli.main(["--ews-url", URL, ...])``) signed in to a sandbox in another process
(the test's, which outlives every kill) for test_hold_kill.py. ``HOLD_MODE``:

- ``hold``: the undo-send delay set to 60 s, message A (rich text, an attachment) sent through Compose's
  Send (``send_requested``: the Ctrl+Return path), then message B scheduled with send later
  ``HOLD_LATER_IN`` seconds ahead (``send_timing.schedule``, the dialog's call); logs ``HELD <later_at>``
  once A is held in the journal and B has left it (the server took it: Exchange keeps it in its Outbox), then
  waits to be killed.
- ``observe``: logs what the restarted window shows, every 100 ms: Compose's subject, body, attachments,
  the status bar message and the Outbox's rows (``STATE`` lines, JSON), until killed.

Env: HOLD_LOG, HOLD_MODE, HOLD_LATER_IN, KILL_URL, KILL_USER, KILL_PW, DISPATCH_HOME, QT_QPA_PLATFORM.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

A, B = "hold-kill: in the undo window", "hold-kill: send later"
ATTACHED = b"attached to A\n" * 10


class Driver:
    def __init__(self, log):
        self.log, self.w, self.mode = log, None, os.environ.get("HOLD_MODE", "observe")
        self.later_at = 0.0

    def emit(self, kind: str, data) -> None:
        self.log.write(f"{kind} {json.dumps(data)}\n")
        self.log.flush()

    def start(self) -> None:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow" and getattr(w, "send_timing", None) is not None:
                s = getattr(w, "session", None)
                if s is not None and getattr(s.state, "value", s.state) == "connected" and s.outbox is not None:
                    self.w = w
        if self.w is None:
            QTimer.singleShot(50, self.start)
            return
        if self.mode == "hold":
            self.hold()
        else:
            self.timer = QTimer()
            self.timer.timeout.connect(self.observe)
            self.timer.start(100)

    def hold(self) -> None:
        from app.domain.models import Attachment, Recipient

        w, c = self.w, self.w.compose
        w.settings.set_undo_send_seconds(60)
        c.to.set_recipients([Recipient("bob@example.com", "Bob")])
        c.subject.setText(A)
        c.rich.setChecked(True)
        c.body.setHtml("<p>not <b>yet</b></p>")
        c.attachments.set_attachments([Attachment("a.txt", ATTACHED, "text/plain")])
        c.send_requested.emit()
        QTimer.singleShot(50, self.hold_b)

    def hold_b(self) -> None:
        from app.domain.models import Recipient

        w, c = self.w, self.w.compose
        if not w.send_timing.bar.isVisible():  # A is not held yet
            QTimer.singleShot(50, self.hold_b)
            return
        c.to.set_recipients([Recipient("bob@example.com")])
        c.subject.setText(B)
        c.body.setPlainText("at its time")
        self.later_at = time.time() + float(os.environ.get("HOLD_LATER_IN", "20"))
        w.flows.spawn(w.send_timing.schedule(self.later_at))
        QTimer.singleShot(50, self.both_held)

    def both_held(self) -> None:
        j = self.w.journal_bridge.journal
        held = {e.draft.subject: e.meta.get("hold") for e in j.entries()}
        if held != {A: "undo"}:  # B: on the server (kept there), no longer in the journal
            QTimer.singleShot(50, self.both_held)
            return
        self.emit("HELD", self.later_at)

    def observe(self) -> None:
        w, c = self.w, self.w.compose
        d = c.draft()
        self.emit("STATE", {"subject": d.subject, "body": d.body, "rich": d.body_format.value,
                            "attachments": [(a.name, a.content == ATTACHED) for a in d.attachments],
                            "status": w.statusBar().currentMessage(),
                            "banner": w.banner.text() if w.banner.isVisible() else "",
                            "outbox": [(r.subject, r.text) for r in w.session.outbox.rows()]})


def main() -> int:
    from tests.helpers.app_child import run_real_app

    return run_real_app(Driver, "HOLD_LOG")


if __name__ == "__main__":
    sys.exit(main())
