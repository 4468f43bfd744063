"""The window with its EWS backend in the mail engine's own process, as the app runs it (issue 47): typed
and sent by keys, through the real engine (app/mail/engine.py), to the real sandbox over HTTP. The other
GUI tests run the backend in the window's threads (the engine is the app's choice, made in app/cli.py);
this one sets ``DISPATCH_MAIL_ENGINE=process`` as the app does.

It also kills the engine (kill -9) between two sends: the next send starts a new engine, and each message
arrives exactly once."""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtCore import Qt

from app import MAIL_ENGINE_VARIABLE
from app.core.accounts.session import ConnectionState, Session
from app.domain.models import Folder
from app.mail import backends
from app.mail.engine import RemoteService
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.processes import pid_gone
from tests.helpers.backends import BOB
from tests.helpers.windows import account_for, close_window, make_window, wait_idle

pytestmark = pytest.mark.gui


def _subjects(sb, folder, who) -> list[str]:
    return sorted(i["subject"] for i in items(sb, folder, who))


def test_typed_and_sent_by_keys_through_the_engine_even_after_it_was_killed(qtbot, aloop, sandbox, settings,
                                                                             monkeypatch):
    monkeypatch.setenv(MAIL_ENGINE_VARIABLE, "process")
    acc, pw = account_for(sandbox)
    made: list = []

    def service():  # the app's own factory, remembering what it built
        made.append(backends.create_service(acc, pw))
        return made[-1]

    session = Session.for_service(acc, service)
    win = make_window(qtbot, session, settings)
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=30000)
        engine = made[0]
        assert isinstance(engine, RemoteService)
        first_pid = engine.pid
        assert first_pid is not None and first_pid != os.getpid()

        type_message(qtbot, win, subject="Through the engine", body="typed in the window, sent by the engine")
        key(qtbot, win, Qt.Key_Return, CTRL)
        wait_idle(qtbot, win)
        assert _subjects(sandbox, "inbox", BOB) == ["Through the engine"]

        os.kill(first_pid, signal.SIGKILL)  # the engine dies between two sends
        assert pid_gone(first_pid, 30)
        type_message(qtbot, win, subject="After the engine died", body="a new engine sends this one")
        key(qtbot, win, Qt.Key_Return, CTRL)
        wait_idle(qtbot, win)
        assert _subjects(sandbox, "inbox", BOB) == ["After the engine died", "Through the engine"]
        assert _subjects(sandbox, Folder.SENT.value, "alice@example.com") == ["After the engine died",
                                                                              "Through the engine"]
        second_pid = engine.pid
        assert second_pid not in (None, first_pid)
        assert win.session.outbox.rows() == [] or all("sent" in r.text.lower() for r in win.session.outbox.rows())
    finally:
        close_window(win, session)
    assert pid_gone(second_pid, 30)  # closing the window's session closes its engine


def test_a_window_started_from_a_shared_folder_sends_through_the_installs_engine(qtbot, aloop, sandbox, settings,
                                                                                  monkeypatch, tmp_path):
    """Issue 74, hole 1: the window started from a folder another user can write to, which holds an ``app``
    package of theirs: the engine it starts runs the installation's code only, and the typed message goes."""
    from tests.helpers.hostile_folder import plant

    ran = plant(tmp_path / "shared")
    monkeypatch.chdir(tmp_path / "shared")
    monkeypatch.setenv(MAIL_ENGINE_VARIABLE, "process")
    acc, pw = account_for(sandbox)
    session = Session.for_service(acc, lambda: backends.create_service(acc, pw))
    win = make_window(qtbot, session, settings)
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=30000)
        type_message(qtbot, win, subject="From a shared folder", body="sent by our engine")
        key(qtbot, win, Qt.Key_Return, CTRL)
        wait_idle(qtbot, win)
        assert _subjects(sandbox, "inbox", BOB) == ["From a shared folder"]
    finally:
        close_window(win, session)
    assert not ran.exists(), "the planted code ran: " + ran.read_text()
