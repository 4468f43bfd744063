"""The REAL app (``app.cli.main(["--sandbox"])``: its built-in sandbox, signed in as alice@example.com) in its own
process, on the AT-SPI session of tests/helpers/atspi_session.py, driven from inside: real key events through the
window (QTest on the window's handle, as the platform delivers them), one JSON command a line on standard input,
one JSON answer a line on the pipe ``ATSPI_REPLY_FD``. The first answer says the window is up and signed in.

Commands (``cmd``): ``key`` (``keys``: in QKeySequence's words, to the active window), ``type`` (``text``, into
the widget with the focus), ``wait`` (``until``: ``view`` NAME, ``dialog``, ``no_dialog``, ``focus`` /
``focus_not`` (the focused widget's accessible name is / is not ``name``), ``rows`` of the current
view >= ``n``, ``text`` (the focused field holds ``contains``), ``saved`` / ``sent`` (the window's draft_saved /
message_sent came ``n`` times in all), ``idle``, ``checked`` (no look at the account's delivery reports is under way:
the one F5 started is over); answered once true, or with ok false at ``timeout``), ``state``, ``cells`` (the current
view's table as the app holds it: each cell's display text and accessible text), ``announce`` (``text``,
``assertive``: said through app.ui.common.announce.Announcer on the window), ``undo_delay`` (``seconds``: File > Undo
send delay's setting), ``fault`` (``operation``, ``kind`` and its parameters: injected into the built-in sandbox, as
the sandbox's own tests inject faults), ``skip`` (``left``: the Outbox's clocks moved on to when the newest held send
has that many seconds left, and held still there; time injected, not waited), ``hold_time`` (the Outbox's clocks held still at now: a countdown then
moves only by ``skip``), ``real_time`` (the Outbox's own clocks again), ``current_row`` (the current view's current row: its
cells' display text), ``grab`` (``path``: the window's picture saved there), ``quit``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSocketNotifier, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

POLL_MS = 20


class Driver:
    def __init__(self):
        self.out = os.fdopen(int(os.environ["ATSPI_REPLY_FD"]), "w", buffering=1, encoding="utf-8")
        self.win = None
        self.buffer = b""
        self.announcer = None
        self.request_id = None
        self.counts: dict[str, int] = {}  # the window's draft_saved and message_sent, as they come

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def reply(self, **answer) -> None:
        answer.setdefault("id", self.request_id)
        self.out.write(json.dumps(answer) + "\n")
        self.out.flush()

    # ---- start: the window up, signed in, every view built -------------------------------------------------
    def start(self) -> None:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow":
                s = getattr(w, "session", None)
                if s is None or getattr(s.state, "value", s.state) != "connected" or "outbox" not in w.VIEWS:
                    continue
                if not w.isActiveWindow():  # an X server with no window manager activates no window by itself
                    w.activateWindow()
                    continue
                self.win = w
        if self.win is None:
            QTimer.singleShot(POLL_MS, self.start)
            return
        self.win.draft_saved.connect(lambda *_: self.count("saved"))
        self.win.message_sent.connect(lambda *_: self.count("sent"))
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Read)
        self.notifier.activated.connect(self.on_stdin)
        self.reply(ok=True, ready=True, title=self.win.windowTitle())

    # ---- commands ----------------------------------------------------------------------------------------------
    def on_stdin(self, *_):
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self.notifier.setEnabled(False)
            QApplication.quit()
            return
        self.buffer += chunk
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            if line.strip():
                self.run(json.loads(line))

    def run(self, request: dict) -> None:
        cmd, self.request_id = request.get("cmd"), request.get("id")
        try:
            if cmd == "wait":
                self.wait(request["until"], request, time.monotonic() + request.get("within", 20))
                return
            answer = getattr(self, f"cmd_{cmd}")(request)
        except Exception as exc:  # noqa: BLE001 - the test reads the error
            self.reply(ok=False, error=f"{type(exc).__name__}: {exc}")
            return
        if answer is not None:
            self.reply(ok=True, **answer)

    def target(self):
        w = QApplication.activeModalWidget() or QApplication.activeWindow() or self.win
        return w.windowHandle() or self.win.windowHandle()

    def cmd_key(self, request) -> dict:
        seq = QKeySequence(request["keys"])
        combo = seq[0]
        QTest.keyClick(self.target(), combo.key(), combo.keyboardModifiers())
        return {}

    def cmd_type(self, request) -> dict:
        focus = QApplication.focusWidget()
        QTest.keyClicks(focus, request["text"])
        return {"focus": focus.objectName()}

    def cmd_link(self, request) -> dict:
        """A ``mailto:`` link opened as the desktop opens one (app/ui/window/start_link.py)."""
        from app.ui.window.start_link import open_at_start

        open_at_start(self.win, request["link"])
        return {}

    def cmd_state(self, _request) -> dict:
        focus = QApplication.focusWidget()
        dialog = self.dialog()
        return {"view": self.win.current_view(), "focus": focus.objectName() if focus else None,
                "focus_class": type(focus).__name__ if focus else None,
                "focus_name": focus.accessibleName() if focus else None,
                "dialog": dialog.windowTitle() if dialog else None, "title": self.win.windowTitle()}

    def cmd_announce(self, request) -> dict:
        if self.announcer is None:
            self.announcer = self.win.announcer  # the window's own voice: the test's words follow the app's
        (self.announcer.assertive if request.get("assertive") else self.announcer.polite)(request["text"])
        return {}

    def cmd_cells(self, _request) -> dict:
        table = self.table()
        model = table.model()
        headers = [str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "") for c in range(model.columnCount())]
        rows = []
        for r in range(model.rowCount()):
            rows.append([{"display": _text(model.index(r, c).data(Qt.DisplayRole)),
                          "accessible": _text(model.index(r, c).data(Qt.AccessibleTextRole)),
                          "hidden": table.isColumnHidden(c)} for c in range(model.columnCount())])
        return {"view": self.win.current_view(), "name": table.accessibleName(), "headers": headers, "rows": rows}

    def cmd_undo_delay(self, request) -> dict:
        self.win.settings.set_undo_send_seconds(request["seconds"])
        return {}

    def cmd_fault(self, request) -> dict:
        params = {k: v for k, v in request.items() if k not in ("cmd", "id", "operation", "kind")}
        self.win.session.demo.sandbox.faults.inject(request["operation"], request["kind"], **params)
        return {}

    def cmd_skip(self, request) -> dict:
        """The Outbox's clocks (``Outbox.parts.clock`` / ``wall``, injected) moved on and held still: the undo bar's next
        second and the Outbox's worker see the time it would be when the newest held send has ``left`` seconds to
        go, however late the next tick comes (a busy machine)."""
        ob = self.win.flows.outbox()
        held = [s.retry_at for s in ob.queue.submissions() if getattr(s.state, "value", s.state) == "held"]
        if not held:
            raise LookupError("no send is held")
        by = max(held) - ob.parts.clock() - request["left"]
        clock, wall = ob.parts.clock, ob.parts.wall
        self.real_clocks = getattr(self, "real_clocks", None) or (clock, wall)
        mono, epoch = clock() + by, wall() + by
        ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: epoch)
        ob.parts.worker.poke()
        return {"by": by}

    def cmd_hold_time(self, _request) -> dict:
        ob = self.win.flows.outbox()
        clock, wall = ob.parts.clock, ob.parts.wall
        self.real_clocks = getattr(self, "real_clocks", None) or (clock, wall)
        mono, epoch = clock(), wall()
        ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: epoch)
        return {}

    def cmd_real_time(self, _request) -> dict:
        ob, real = self.win.flows.outbox(), getattr(self, "real_clocks", None)
        if real is not None:
            ob.parts.clock, ob.parts.wall = real
            self.real_clocks = None
        return {}

    def cmd_current_row(self, _request) -> dict:
        table = self.table()
        model, row = table.model(), table.currentIndex().row()
        return {"row": row, "cells": [_text(model.index(row, c).data(Qt.DisplayRole))
                                      for c in range(model.columnCount())] if row >= 0 else []}

    def cmd_grab(self, request) -> dict:
        self.win.grab().save(request["path"])
        return {}

    def cmd_quit(self, _request) -> dict:
        QTimer.singleShot(0, self.win.close)
        QTimer.singleShot(0, QApplication.quit)
        return {}

    # ---- waits ---------------------------------------------------------------------------------------------
    def dialog(self):
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return modal
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()), None)

    def view_widget(self):
        name = self.win.current_view()
        return next((v for n, v in self.win.views if n == name), None)

    def table(self):
        table = getattr(self.view_widget(), "table", None)
        if table is None:
            raise LookupError(f"the view {self.win.current_view()!r} has no table")
        return table

    def check(self, until: str, request: dict):
        """The wait's answer once ``until`` holds, else None."""
        if until == "view":
            return {} if self.win.current_view() == request["name"] else None
        if until in ("focus", "focus_not"):  # the focus moves in a later turn of the loop than the key
            focus = QApplication.focusWidget()
            name = focus.accessibleName() if focus is not None else None
            return {"focus_name": name} if (name == request["name"]) == (until == "focus") else None
        if until == "dialog":
            d = self.dialog()
            return {"title": d.windowTitle(), "class": type(d).__name__} if d is not None and d.isActiveWindow() else None
        if until == "no_dialog":
            if self.dialog() is not None:
                return None
            if not self.win.isActiveWindow():  # with no window manager, X gives the window no focus back by itself
                self.win.activateWindow()
                return None
            return {}
        if until == "rows":
            view = self.view_widget()
            model = getattr(view, "model", None)
            if getattr(model, "loading", False):
                return None
            n = self.table().model().rowCount()
            return {"rows": n} if n >= request["n"] else None
        if until in ("saved", "sent"):  # the window said so n times in all (its draft_saved / message_sent)
            return {"count": self.counts.get(until, 0)} if self.counts.get(until, 0) >= request["n"] else None
        if until == "idle":
            return {} if not self.win.busy else None
        if until == "checked":  # F5 starts the look at the reports in the key's own turn; its end marks and tells
            return {} if not self.win.delivery._checking else None
        if until == "text":  # the focused field holds ``contains`` (what was typed has landed)
            focus = QApplication.focusWidget()
            text = focus.toPlainText() if hasattr(focus, "toPlainText") else getattr(focus, "text", lambda: "")()
            return {"text": text} if request["contains"] in text else None
        raise ValueError(f"unknown wait {until!r}")

    def wait(self, until: str, request: dict, deadline: float) -> None:
        self.request_id = request.get("id")
        try:
            answer = self.check(until, request)
        except Exception as exc:  # noqa: BLE001
            self.reply(ok=False, error=f"{type(exc).__name__}: {exc}")
            return
        if answer is not None:
            self.reply(ok=True, **answer)
        elif time.monotonic() > deadline:
            self.reply(ok=False, error=f"timed out waiting for {until} {request}", state=self.cmd_state({}))
        else:
            QTimer.singleShot(POLL_MS, lambda: self.wait(until, request, deadline))


def _text(value) -> str | None:
    return None if value is None else str(value)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # app_main.run reuses it
    driver = Driver()
    QTimer.singleShot(50, driver.start)
    from app.cli import main as app_main

    _ = app
    return app_main(["--sandbox"])


if __name__ == "__main__":
    sys.exit(main())
