"""Runs the REAL app (``app.cli.main(["--sandbox"])``, i.e. ``python -m app --sandbox``) and types into
its Compose view through the widgets (so the real signals -> journal bridge -> autosave -> journal path
runs), saving and sending now and then. The parent (test_kill.py) SIGKILLs it at a random moment.

Every keystroke is logged (line-buffered, so it reaches the OS before the next one) as
``T <subject>\t<body length>\t<unix time>``; the body is deterministic (see ``body_text``) so the parent
knows exactly what had been typed at any moment.

Env: KILL_LOG (log file), KILL_SEED, KILL_TAG, DISPATCH_HOME, QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

CHARS_PER_TICK = 3
TICK_MS = 15


TO, CC = "bob@example.com", "carol@example.com"


def attachment_bytes(subject: str) -> bytes:
    """The file attached to the message ``subject`` (deterministic, so the parent can check it)."""
    return (f"attachment of {subject}\n".encode() + bytes(range(256))) * 4


def body_text(subject: str, n: int) -> str:
    """The first n characters of what gets typed into the message ``subject``."""
    out, k = [], 0
    while sum(map(len, out)) < n:
        out.append(f"{subject} word {k:05d}. ")
        k += 1
    return "".join(out)[:n]


class Typist:
    def __init__(self, log, seed: int, tag: str):
        self.log = log
        self.rnd = random.Random(seed)
        self.tag = tag
        self.w = None
        self.subject = ""
        self.typed = 0
        self.next_action = 0
        self.msg_no = 0
        self.busy = False

    def emit(self, *parts) -> None:
        self.log.write("\t".join(str(p) for p in parts) + "\n")
        self.log.flush()

    def find_window(self) -> bool:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow" and getattr(w, "journal_bridge", None) is not None:
                s = getattr(w, "session", None)
                if s is not None and getattr(s.state, "value", s.state) == "connected":
                    self.w = w
                    return True
        return False

    def start(self) -> None:
        if not self.find_window():
            QTimer.singleShot(50, self.start)
            return
        c = self.w.compose
        d = c.draft()
        atts = ",".join(f"{a.name}:{a.content == attachment_bytes(d.subject)}" for a in d.attachments)
        self.emit("RECOVERED", d.subject, len(d.body), time.time(), ",".join(r.email for r in d.to),
                  ",".join(r.email for r in d.cc), atts)
        self.w.message_sent.connect(self._sent)
        self.url = self.w.session.account.ews_url.split("/EWS/")[0] + "/sandbox/admin/faults"
        if d.subject.startswith("kill ") and body_text(d.subject, len(d.body)) == d.body:
            self.subject, self.typed = d.subject, len(d.body)  # go on with the reopened message
        else:
            self.new_message()
        self.next_action = self.typed + self.rnd.randint(40, 200)
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)

    def new_message(self) -> None:
        from app.domain.models import Attachment, Recipient

        self.msg_no += 1
        self.subject = f"kill {self.tag} m{self.msg_no}"
        self.typed = 0
        c = self.w.compose
        c.to.set_recipients([Recipient(TO)])
        c.cc.set_recipients([Recipient(CC)])
        c.attachments.set_attachments([Attachment(f"{self.subject}.txt", attachment_bytes(self.subject), "text/plain")])
        c.subject.setText(self.subject)  # the first change recorded: recipients and file are already in
        self.emit("NEW", self.subject, time.time())

    def tick(self) -> None:
        if self.busy:
            return
        c = self.w.compose
        cur = c.body.textCursor()
        cur.movePosition(QTextCursor.End)
        c.body.setTextCursor(cur)
        full = body_text(self.subject, self.typed + CHARS_PER_TICK)
        for ch in full[self.typed:]:
            c.body.insertPlainText(ch)  # one edit per character, like keystrokes
            self.typed += 1
        self.emit("T", self.subject, self.typed, time.time())
        if self.typed >= self.next_action:
            self.next_action = self.typed + self.rnd.randint(40, 200)
            what = self.rnd.random()
            if what < 0.3:
                self.fault("CreateItem" if c.current_ref() is None else "UpdateItem")
                self.emit("SAVE", self.subject, self.typed, time.time())
                c.save_requested.emit()
            elif what < 0.55:
                self.fault("SendItem")
                self.emit("SEND", self.subject, self.typed, time.time())
                self.busy = True  # stop typing into a message being sent (the app clears it when sent)
                QTimer.singleShot(3000, self._unbusy)
                c.send_requested.emit()

    def fault(self, op: str) -> None:
        """Widen the window in which a kill lands mid-request: the in-process sandbox answers late."""
        if self.rnd.random() < 0.7:
            body = json.dumps({"operation": op, "kind": "delay", "seconds": 1.0}).encode()
            try:
                urllib.request.urlopen(urllib.request.Request(self.url, body, method="POST"), timeout=2).read()
            except OSError:
                pass

    def _sent(self, outcome) -> None:
        self.emit("SENT", self.subject, getattr(outcome, "ok", None), time.time())
        self.busy = False
        if getattr(outcome, "ok", False):
            self.new_message()

    def _unbusy(self) -> None:
        self.busy = False


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # app_main.run reuses it
    log = open(os.environ["KILL_LOG"], "a", buffering=1, encoding="utf-8")
    typist = Typist(log, int(os.environ.get("KILL_SEED", "1")), os.environ.get("KILL_TAG", "t"))
    QTimer.singleShot(50, typist.start)
    from app.cli import main as app_main

    _ = app
    return app_main(["--sandbox"])


if __name__ == "__main__":
    sys.exit(main())
