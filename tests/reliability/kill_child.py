"""Runs the REAL app (``app.cli.main(["--ews-url", URL, ...])``, i.e. ``python -m app`` signed in to a
sandbox that runs in ANOTHER process and outlives every kill; with ``KILL_BACKEND=graph``
``app.cli.main([])``: the app started from its settings file holding a Microsoft 365 account on the
sandbox's Graph, see :func:`sign_in_to_graph`) and types into its Compose view through the widgets (so
the real signals -> journal bridge -> autosave -> journal path runs). Once per run it does what the parent
planned (``KILL_PLAN``: "save", "send" or "type"): the parent has made the server
hold or refuse that request, and SIGKILLs this process at the moment it chose (test_kill.py).

Every keystroke is logged (line-buffered, so it reaches the OS before the next one) as
``T <subject>\t<body length>\t<unix time>``; the body is deterministic (see ``body_text``) so the parent
knows exactly what had been typed at any moment.

Env: KILL_LOG (log file), KILL_SEED, KILL_TAG, KILL_PLAN, KILL_GO (the planned action waits until this
file exists), KILL_URL, KILL_USER, KILL_PW, DISPATCH_HOME, QT_QPA_PLATFORM=offscreen; for Graph also
KILL_BACKEND=graph, KILL_GRAPH_URL, KILL_AUTHORITY, KILL_AUTHORITY_CERT.
"""

from __future__ import annotations

import os
import random
import sys
import time
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
    def __init__(self, log, seed: int, tag: str, plan: str = "type"):
        self.log = log
        self.plan = plan  # what to do at the first action point: "save", "send" or "type" (nothing)
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
            go = os.environ.get("KILL_GO", "")
            if self.plan != "type" and go and not os.path.exists(go):
                return  # the parent has not set the server up for it yet: type on
            plan, self.plan = self.plan, "type"  # once per run
            if plan == "save":
                self.emit("SAVE", self.subject, self.typed, time.time())
                c.save_requested.emit()
            elif plan == "send":
                self.emit("SEND", self.subject, self.typed, time.time())
                self.busy = True  # stop typing into a message being sent (the app clears it when sent)
                QTimer.singleShot(3000, self._unbusy)
                c.send_requested.emit()

    def _sent(self, outcome) -> None:
        status = getattr(getattr(outcome, "status", None), "value", "")
        self.emit("SENT", self.subject, status, time.time())
        self.busy = False
        if status in ("sent", "queued", "unknown"):  # it left Compose (sent, or the Outbox has it)
            self.new_message()

    def _unbusy(self) -> None:
        self.busy = False


def sign_in_to_graph(email: str, password: str) -> None:
    """What a user of a Microsoft 365 account has done before this start: the account in the settings file
    (``DISPATCH_HOME/config/settings.json``: backend Graph, no EWS URL, the sandbox's Graph and sign-in
    authority) and a real sign-in (MSAL's auth code flow against the sandbox's authority). The app caches
    one sign-in per account and process (app/core/accounts/services.py), so the session the app builds from the
    settings file uses this signed-in one; its tokens stay in memory (the keyring is the null backend)."""
    import uuid

    from app.core.accounts import services as accounts
    from app.domain.account import AccountConfig, Backend
    from app.mail.graph import sign_in_to_sandbox
    from app.mail.graph.tokens import MemoryTokenCacheStore
    from app.storage.settings import Settings

    settings = Settings()
    acc = settings.account()
    if acc is None:  # the first start: the account as the account dialog stores it
        acc = AccountConfig(email=email, ews_url="", username=email, backend=Backend.GRAPH, extra={
            "graph_url": os.environ["KILL_GRAPH_URL"],
            "graph_signin": {"client_id": str(uuid.uuid4()), "authority": os.environ["KILL_AUTHORITY"],
                             "authority_cert": os.environ["KILL_AUTHORITY_CERT"]}})
        settings.set_account(acc)
        acc = Settings().account()  # as the app will read it
    signin = accounts.graph_signin(acc, store=MemoryTokenCacheStore())
    sign_in_to_sandbox(signin, email, password)


def main() -> int:
    if os.environ.get("KILL_BACKEND", "ews") == "graph":
        sign_in_to_graph("alice@example.com", os.environ["KILL_PW"])
    app = QApplication.instance() or QApplication(sys.argv[:1])  # app_main.run reuses it
    log = open(os.environ["KILL_LOG"], "a", buffering=1, encoding="utf-8")
    typist = Typist(log, int(os.environ.get("KILL_SEED", "1")), os.environ.get("KILL_TAG", "t"),
                    os.environ.get("KILL_PLAN", "type"))
    QTimer.singleShot(50, typist.start)
    from app.cli import main as app_main

    _ = app
    if os.environ.get("KILL_BACKEND", "ews") == "graph":
        return app_main([])  # the account from the settings file
    return app_main(["--ews-url", os.environ["KILL_URL"], "--email", "alice@example.com",
                     "--username", os.environ["KILL_USER"], "--password-env", "KILL_PW"])


if __name__ == "__main__":
    sys.exit(main())
