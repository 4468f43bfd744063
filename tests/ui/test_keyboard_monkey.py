"""Random keys into the real window, over each backend against the sandbox: every shortcut the window has
(as the F1 sheet lists them), typing (addresses, words, characters outside ASCII and the BMP) and the keys
that move around (Tab, Esc, Enter, arrows...), into whatever widget has the keyboard, dialogs included.

What must hold whatever the keys: no exception escapes (a slot's, the event loop's), nothing is logged as
an error (the app's or the sandbox's: an internal server error is one), every message in Sent Items went
out once, none more than the send keys pressed, and the window still answers its keys afterwards. Its
walks found a TypeError in Edit > Copy in the attachment list, a refused draft Send selected could not take
back (tests/mail/test_submission_path.py), a 300-character "address" sent to exchangelib and logged as an
unexpected error (tests/ui/test_bad_user_input.py), and the sandbox's internal server errors on international and
unfinished addresses (tests/sandbox/test_international_addresses.py).

A second kind of walk also meets the sandbox's faults (a fault on the next save, send, list or look-up
now and then: replies lost or held after the server did the work, busy servers, mangled answers) and now
and then writes a message and sends it (random keys alone seldom make a sendable one): nothing may go out
twice or unasked there either, and all the work must end once the server is well. Its walks found a save
taken back while the window waited for it (the window said "Saving…" for ever;
tests/core/test_takeback_waiters.py), a proxy's false Content-Encoding logged as an unexpected error, and
an EWS reply cut off inside its paging element logged as one: exchangelib reads a reply cut off anywhere as
a shorter one (a listing with drafts missing, a draft with half its body; tests/mail/test_ews_errors.py).
No error record is excused: a reply naming a result class EWS does not have or with its items' container
renamed (both in the walk's faults) is a damaged reply, not a shape nobody foresaw.

A third kind restarts half-way: the window closed as Quit does while work may be in flight, a new one on
the same journal, the other half of the walk there; what the first left is resumed, nothing goes out twice.
Its walks found a start-up hiccup (a fault left from the first half met the new window's first connect)
leaving the window offline until Retry, and a reply cut inside "NoError" taken for a refusal; walk 5 on
Graph met it in 4 of 8 runs, tests/ui/test_reconnect.py and tests/mail/test_error_mapping.py every time.
Then a send taken back while the queue saved another, which the queue had picked already (its step failed;
one deleted so was even sent: tests/core/test_takeback_waiters.py), a queued save no server can store sent
to the server (tests/mail/test_submission_saves.py), and a delete flushed by the close meeting the closed
account's thread pool (tests/ui/test_lists_usable.py).

A fourth kind meets the faults and, now and then, the server gone for a while (stopped: connections
refused, requests in flight cut off; then back on the same address with the same mailboxes), as a laptop
off the network or a restarted server would be. Its walks found the EWS account hanging for good:
exchangelib deadlocked its own session pool when four requests at once met a server gone away
(tests/mail/test_ews_pool.py); and on Graph a request refused with 401 inside a $batch (faults that waited
for the server fired one after another) asking for a new sign-in at once (tests/mail/test_graph_faults.py).

``MONKEY_SEEDS=1,2,3``, ``MONKEY_FAULT_SEEDS=4,5/0`` (seed/drafts there before, 8 if not said),
``MONKEY_RESTART_SEEDS=6,7``, ``MONKEY_OUTAGE_SEEDS=8,9``, ``MONKEY_STEPS=2000`` and ``MONKEY_FAULT_RATE=0.15`` run other, longer or
harder walks (the suite runs three short
ones per backend, two with faults, one with a restart and one with outages)."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import random
import sys
import traceback
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog

from app.core.outbox.submission import SubState
from app.domain.models import Folder
from app.ui.window import shortcuts
from tests.helpers.keys import type_text
from tests.helpers.mailbox import seed_drafts
from tests.helpers.soak import size
from tests.helpers.backends import ALICE
from tests.helpers.windows import close_window, open_window, wait_task

#: the suite's walks (600 steps in a soak run, 300 otherwise): on EWS, 4's made drafts whose MIME the sandbox failed to build, 8's pressed
#: Ctrl+C in the attachment list, 56's pasted a 300-character "address" and saved; each red without its fix
SEEDS = [int(s) for s in os.environ.get("MONKEY_SEEDS", "4,8,56").split(",")]
STEPS = int(os.environ.get("MONKEY_STEPS", size(300, 600)))  # 600 in a soak run (--soak)
#: the walks with faults, "seed/drafts" (drafts in the mailbox before it): 14/0's took back a save the window
#: was waiting for (tests/core/test_takeback_waiters.py; red without that fix, as no seed of 1-40 with 8 is)
FAULT_WALKS = [tuple(int(n) for n in (w + "/8").split("/")[:2])
               for w in os.environ.get("MONKEY_FAULT_SEEDS", "14/0,2/8").split(",")]
#: the walks with a restart half-way (the window closed as Quit does, a new one on the same journal)
RESTART_SEEDS = [int(s) for s in os.environ.get("MONKEY_RESTART_SEEDS", "5").split(",")]
#: the walks with faults during which the server also goes away now and then (stopped: connections refused,
#: a request in flight cut off) and comes back on the same address with the same mailboxes
OUTAGE_SEEDS = [int(s) for s in os.environ.get("MONKEY_OUTAGE_SEEDS", "3").split(",")]
OUTAGE_RATE = 0.01  # of the steps while the server is up
OUTAGE_STEPS = (3, 80)  # how many steps the server stays away
CHARS = "abc xyz Hello, Bob! é 😀 <b>x</b> & \"q\" 'a' \t@.;:"
WORDS = ["bob@example.com", "carol@example.com; ", "Bob <bob@example.com>", "jörg@bücher.de", "x@outside.test, ",
         "Hello Bob", "Quarterly numbers", "alice@example.com", "dave@example.com", ", ", "; "]
KEYS = [Qt.Key_Tab, Qt.Key_Backtab, Qt.Key_Escape, Qt.Key_Return, Qt.Key_Down, Qt.Key_Up, Qt.Key_Home,
        Qt.Key_End, Qt.Key_PageDown, Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_Space, Qt.Key_Left, Qt.Key_Right]
NEVER = {"Ctrl+Q"}  # quitting ends the walk; closing is tested elsewhere
#: the faults a walk with faults meets (short pauses and holds: the walk goes on meanwhile)
FAULTS = [("server_busy", {"backoff_ms": 200}), ("http_503", {"retry_after": 0}), ("http_500_html", {}),
          ("http_500_html", {"commit": True}), ("drop_before_commit", {}), ("drop_after_commit", {}),
          ("delay", {"seconds": 0.3}), ("truncated", {}), ("truncated", {"commit": False}), ("garbage_xml", {}),
          ("unexpected_element", {}), ("unexpected_element", {"variant": "response_class"}),
          ("unexpected_element", {"variant": "container"}), ("hold_after_commit", {"seconds": 0.5, "then": "drop"}),
          ("hold_after_commit", {"seconds": 0.5, "then": "answer"}), ("wrong_encoding", {})]
#: Graph's 401 is refreshed and repeated once by the backend (a 401 did nothing); EWS's asks for the
#: password, which random keys would not give
FAULTS_ALSO = {"ews": [], "graph": [("http_401", {})]}
FAULT_RATE = float(os.environ.get("MONKEY_FAULT_RATE", "0.05"))  # of the steps
WRITE_RATE = 0.03
ATTACH_RATE = 0.4  # of the messages a walk writes
#: the operations that save and send (a fault on "*" mostly meets the lists' and the address book's reads)
WRITES = {"ews": ("CreateItem", "UpdateItem", "SendItem", "DeleteItem", "CreateAttachment"),
          "graph": ("CreateMessage", "UpdateMessage", "SendMessage", "DeleteMessage", "CreateAttachment")}
SENDS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+Shift+Return", "Ctrl+Shift+Enter")


def _close_file_dialogs() -> None:
    """A file dialog under random keys could open or attach any file of this machine: it is closed."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QFileDialog) and w.isVisible():
            w.reject()


def _described(errors: list) -> str:
    """Each escaped exception with its traceback (a hook's (type, value, traceback), a loop's context)."""
    out = []
    for e in errors:
        exc = e[1] if isinstance(e, tuple) else e.get("exception")
        out.append("".join(traceback.format_exception(exc)) if exc is not None else str(e))
    return "\n".join(out)


def _activate(qtbot, window) -> None:
    """What a window manager does when a dialog closes: the window gets the keyboard back (the offscreen
    platform leaves no window active; a key then reaches no shortcut)."""
    top = QApplication.activeModalWidget() or window
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow, timeout=5000)


def _stuck(window) -> str:
    """What is still running when the walk cannot settle: each task where it waits, the queue's work."""
    lines = []
    for task in asyncio.all_tasks(asyncio.get_event_loop()):
        buf = io.StringIO()
        task.print_stack(limit=3, file=buf)
        lines.append(buf.getvalue())
    box = window.flows.outbox()
    if box is not None:
        lines += [f"save {lid}: {j.status}" for lid, j in box.queue.saves.items()]
        lines += [f"send {lid}: {s.state}" for lid, s in box.queue.subs.items()]
    return "\n".join(lines)


def _settle(qtbot, window, log: list[str]) -> None:
    """Until what the walk started has finished: the window's tasks, and every save and send in the queue
    but one held for later (a send-later time the walk set: it goes out tomorrow, not in this test)."""
    try:
        wait_task(qtbot, window.flows.wait_idle(), timeout=60000)
    except qtbot.TimeoutError:
        raise AssertionError("the walk's work never ended:\n" + _stuck(window) + "\nthe walk's last steps:\n"
                             + "\n".join(log[-40:])) from None
    box = window.flows.outbox()
    if box is not None:
        qtbot.waitUntil(lambda: all(s.final or s.state == SubState.HELD for s in box.queue.submissions())
                        and all(j.final for j in box.queue.saves.values()), timeout=60000)
        wait_task(qtbot, window.flows.wait_idle(), timeout=60000)


def _write_and_send(qtbot, window, rng: random.Random, step: int, log: list[str], files: Path) -> int:
    """Ctrl+N, a message to someone (now and then with a file or two attached, as a drop or the attach
    dialog attaches them), Ctrl+Return: a walk with faults sends often enough to meet them (random keys
    alone seldom make a sendable message). Returns the send keys pressed."""
    _activate(qtbot, window)
    QTest.keySequence(window, QKeySequence("Ctrl+N"))
    c = window.compose
    if QApplication.focusWidget() is not c.to.edit:
        log.append(f"{step}: write: Ctrl+N left the keyboard in {type(QApplication.focusWidget()).__name__}")
        return 0
    subject = f"walk {step} {rng.randint(0, 10**6)}"
    type_text(qtbot, c.to.edit, rng.choice(["x@outside.test", "bob@example.com, x@outside.test", "carol@example.com"]))
    type_text(qtbot, c.subject, subject)
    type_text(qtbot, c.body, "Hello,\nthe numbers.")
    if rng.random() < ATTACH_RATE:
        paths = []
        for i in range(rng.randint(1, 2)):
            path = files / f"{step}-{i}.txt"
            path.write_bytes(_attached(subject, path.name))
            paths.append(str(path))
        assert not c.attachments.add_paths(paths)
        log.append(f"{step}: attach {len(paths)}")
    log.append(f"{step}: write and send {subject!r}")
    QTest.keySequence(c.body, QKeySequence("Ctrl+Return"))
    return 1


def _attached(subject: str, name: str) -> bytes:
    return f"{subject} / {name}\n".encode()


class _Outages:
    """The server going away now and then during a walk (``stop()``: the listening socket closed, requests in
    flight cut off) and coming back after some steps on the same port with the same mailboxes."""

    def __init__(self, sandbox, rng: random.Random, log: list[str]):
        self.sandbox, self.rng, self.log = sandbox, rng, log
        self.back_at: int | None = None  # the step the server comes back at while it is away
        self.count = 0

    def step(self, step: int) -> None:
        if self.back_at is None and self.rng.random() < OUTAGE_RATE:
            self.back_at = step + self.rng.randint(*OUTAGE_STEPS)
            self.sandbox.stop()
            self.count += 1
            self.log.append(f"{step}: server away until step {self.back_at}")
        elif self.back_at is not None and step >= self.back_at:
            self.end(step)

    def end(self, step: int | str) -> None:
        if self.back_at is not None:
            self.back_at = None
            self.sandbox.start()
            self.log.append(f"{step}: server back")


def _walk(qtbot, window, rng: random.Random, steps: int, log: list[str], errors: list, sandbox=None,
          backend: str = "ews", files: Path | None = None, outages: _Outages | None = None) -> tuple[int, bool]:
    """``steps`` random key actions; returns how many send keys were pressed, and whether one of them may have
    sent many (Send selected, or a key on a button: Send selected's, say). With ``sandbox``, now and then the
    next request (whichever it is) meets one of the sandbox's faults; with ``outages``, now and then the
    server goes away for some steps."""
    seqs = sorted({k for _g, rows in shortcuts.collect(window) for _t, keys in rows for k in keys.split(", ")} - NEVER)
    assert any(s in seqs for s in SENDS) and "Ctrl+S" in seqs, "the walk knows the window's keys"
    sends, bulk = 0, False
    for step in range(steps):
        _close_file_dialogs()
        if outages is not None:
            outages.step(step)
        target = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            _activate(qtbot, window)
            target = QApplication.focusWidget() or QApplication.activeWindow() or window
        if sandbox is not None and rng.random() < FAULT_RATE:
            kind, params = rng.choice(FAULTS + FAULTS_ALSO[backend])
            where = rng.choice(WRITES[backend] + ("*",))
            if kind == "http_401" and any(f["kind"] == kind for f in sandbox.faults.pending()):
                # two waiting (the server away meanwhile) meet a request and its repeat with a fresh token:
                # the user is asked to sign in again, rightly, and random keys would not
                log.append(f"{step}: fault {kind} skipped: one is waiting")
            else:
                sandbox.faults.inject(where, kind, **params)
                log.append(f"{step}: fault {where} {kind} {params}")
        if (sandbox is not None and rng.random() < WRITE_RATE and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None):
            sends += _write_and_send(qtbot, window, rng, step, log, files)
            continue
        r = rng.random()
        pressable = isinstance(target, QAbstractButton)  # a Space in what is typed presses it (Send, say)
        if r < 0.35:
            seq = rng.choice(seqs)
            sends += seq in SENDS
            bulk |= seq in SENDS[2:]
            log.append(f"{step}: {seq} -> {type(target).__name__}")
            QTest.keySequence(target, QKeySequence(seq))
        elif r < 0.75:
            text = rng.choice(WORDS) if rng.random() < 0.5 else \
                "".join(rng.choice(CHARS) for _ in range(rng.randint(1, 12)))
            sends += pressable and " " in text
            bulk |= pressable and " " in text
            log.append(f"{step}: type {text!r} -> {type(target).__name__}")
            type_text(qtbot, target, text)
        else:
            key = rng.choice(KEYS)
            sends += key in (Qt.Key_Return, Qt.Key_Space)  # a dialog's default button, a focused button
            bulk |= pressable and key in (Qt.Key_Return, Qt.Key_Space)
            log.append(f"{step}: key {QKeySequence(key).toString()} -> {type(target).__name__}")
            QTest.keyClick(target, key)
        qtbot.wait(rng.choice([0, 1, 5, 20]))  # sometimes the next key comes before the last one's work
        assert not errors, "\n".join(log[-15:]) + "\n" + _described(errors)
    return sends, bulk


def _sent_once(sandbox, sends: int) -> None:
    """Nothing went out twice (in Sent Items, or to any recipient), none more than the send keys pressed."""
    sent = sandbox.mailbox(ALICE).items(Folder.SENT.value)  # each item's MIME is built: it must not fail
    ids = [m["internet_message_id"] for m in sent]
    assert len(set(ids)) == len(ids), "a message went out twice"
    assert len(sent) <= sends, "a message went out with no send key pressed"
    for m in sent:  # each attachment once, as it was attached
        names = [a["name"] for a in m["attachments"]]
        assert len(set(names)) == len(names), f"an attachment went out twice: {m['subject']!r} {names}"
        if (m["subject"] or "").startswith("walk "):
            assert all(a["content"] == _attached(m["subject"], a["name"]) for a in m["attachments"])
    for who in ("bob@example.com", "carol@example.com"):
        got = [m["internet_message_id"] for m in sandbox.mailbox(who).items("inbox")]
        assert len(set(got)) == len(got), f"{who} got a message twice"


def _close_others(window) -> None:
    for w in QApplication.topLevelWidgets():
        if w is not window and w.isVisible():
            w.close()


def _walk_and_settle(qtbot, window, sandbox, backend: str, seed: int, faults: bool, restart=None,
                     files: Path | None = None, outages: bool = False):
    """A walk (with the sandbox's faults, or without), then everything it started run to its end; no
    exception may escape meanwhile. With ``restart`` (window -> a new window), half a walk, the restart, and
    the other half in the new window. Returns (send keys pressed, whether one may have sent many, the log,
    the window at the end)."""
    errors: list = []
    loop = asyncio.get_event_loop()
    old_hook, old_handler = sys.excepthook, loop.get_exception_handler()
    sys.excepthook = lambda *exc: errors.append(exc)
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    log: list[str] = []
    steps = max(1, STEPS // 2) if restart is not None else STEPS
    away = _Outages(sandbox, random.Random(-seed), log) if outages else None
    try:
        sends, bulk = _walk(qtbot, window, random.Random(seed), steps, log, errors,
                            sandbox=sandbox if faults else None, backend=backend, files=files, outages=away)
        if restart is not None:
            _close_others(window)
            log.append("restart")
            window = restart(window)
            more, more_bulk = _walk(qtbot, window, random.Random(seed + 1), steps, log, errors,
                                    sandbox=sandbox if faults else None, backend=backend, files=files)
            sends, bulk = sends + more, bulk or more_bulk
        if away is not None:
            away.end("end")
        sandbox.faults.clear()
        sandbox.faults.release_held()
        _close_others(window)
        _settle(qtbot, window, log)
    finally:
        sys.excepthook = old_hook
        loop.set_exception_handler(old_handler)
        if away is not None:
            away.end("end")
    assert not errors, "\n".join(log[-15:]) + "\n" + _described(errors)
    if away is not None:
        assert away.count, "the server never went away: the walk proved nothing about it"
    return sends, bulk, log, window


@pytest.mark.soak
@pytest.mark.parametrize("seed", SEEDS)
def test_random_keys_break_nothing(qtbot, ui_window, ui_sandbox, ui_backend, seed, caplog):
    window, sandbox = ui_window, ui_sandbox
    caplog.set_level(logging.WARNING)
    sends, _bulk, log, _window = _walk_and_settle(qtbot, window, sandbox, ui_backend, seed, faults=False)
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not bad, "\n".join(log[-15:]) + "\n" + "\n".join(f"{r.name}: {r.getMessage()}" for r in bad)
    _sent_once(sandbox, sends)
    sandbox.mailbox(ALICE).items("drafts")  # each item's MIME is built: it must not fail
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_3, Qt.ControlModifier)
    assert window.current_view() == "sent", "the window still answers its keys"


@pytest.mark.soak
@pytest.mark.parametrize("seed, drafts", FAULT_WALKS)
def test_random_keys_and_faults_send_nothing_twice(qtbot, ui_window, ui_sandbox, ui_backend, seed, drafts, caplog,
                                                   tmp_path):
    """The same walk with now and then a fault on the next request (a save's, a send's, a list's...): a
    reply lost after the server sent, a held reply, a busy server, a mangled answer. Nothing may go out
    twice or unasked, no exception escape, and all the work must end once the server is well again."""
    window, sandbox = ui_window, ui_sandbox
    caplog.set_level(logging.WARNING)
    if drafts:  # for Send selected, Delete, opening from the list
        seed_drafts(sandbox, drafts, prefix="Seeded")
        qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)
        qtbot.keyClick(window, Qt.Key_F5)
        qtbot.waitUntil(lambda: window.drafts.model.rowCount() >= drafts, timeout=20000)
    sends, bulk, log, _window = _walk_and_settle(qtbot, window, sandbox, ui_backend, seed, faults=True,
                                                 files=tmp_path)
    assert sandbox.faults.fired, "no fault took effect: the walk proved nothing about them"
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("app")]
    assert not bad, "\n".join(log[-15:]) + "\n" + "\n".join(f"{r.name}: {r.getMessage()}" for r in bad)
    _sent_once(sandbox, sends + (drafts if bulk else 0))


@pytest.mark.soak
@pytest.mark.parametrize("seed", RESTART_SEEDS)
def test_random_keys_and_faults_across_a_restart_send_nothing_twice(qtbot, ui_window, ui_sandbox, ui_backend, settings,
                                                                   seed, caplog, tmp_path):
    """Half a walk with faults, then the window closed as Quit does while work may be in flight (a reply
    held, a send waiting for its retry or its look-up, saves waiting), a new window on the same journal, and
    the other half: what the first left is resumed, and still nothing goes out twice or unasked."""
    sandbox = ui_sandbox
    caplog.set_level(logging.WARNING)
    opened = []

    def restart(window):
        close_window(window)
        # not waiting for the connect: faults the first half left may meet it several times in a row, and
        # it then tries again after 2, 4, 8, 16 s by itself while the walk goes on (as a user would)
        win, _session = open_window(qtbot, sandbox, settings, backend=ui_backend)
        opened.append(win)
        return win

    try:
        sends, _bulk, log, _window = _walk_and_settle(qtbot, ui_window, sandbox, ui_backend, seed, faults=True,
                                                      restart=restart, files=tmp_path)
    finally:
        for win in opened:
            close_window(win)
    assert opened, "the walk restarted"
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("app")]
    assert not bad, "\n".join(log[-15:]) + "\n" + "\n".join(f"{r.name}: {r.getMessage()}" for r in bad)
    _sent_once(sandbox, sends)


@pytest.mark.soak
@pytest.mark.parametrize("seed", OUTAGE_SEEDS)
def test_random_keys_faults_and_outages_send_nothing_twice(qtbot, aloop, sandbox_factory, ui_backend, settings, seed,
                                                          caplog, tmp_path):
    """The walk with faults, and now and then the server gone for a while (a laptop off the network, a server
    restarted): sends and saves meanwhile wait and go once it is back, nothing twice or unasked, nothing
    logged as an error, and the window connects again by itself."""
    sandbox = sandbox_factory(data=str(tmp_path / "sb"), graph=ui_backend == "graph")  # stop/start keep port, data
    caplog.set_level(logging.WARNING)
    window, session = open_window(qtbot, sandbox, settings, connected=True, backend=ui_backend)
    try:
        sends, bulk, log, _window = _walk_and_settle(qtbot, window, sandbox, ui_backend, seed, faults=True,
                                                     files=tmp_path, outages=True)
        bad = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("app")]
        assert not bad, "\n".join(log[-15:]) + "\n" + "\n".join(f"{r.name}: {r.getMessage()}" for r in bad)
        _sent_once(sandbox, sends)
        qtbot.waitUntil(lambda: window.session.ready, timeout=150000)  # by itself (reconnects within 2 min)
    finally:
        close_window(window, session)
