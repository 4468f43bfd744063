"""The send paths in docs/architecture.md are the code's (issue 76, item 8): the window's Ctrl+Return and
``dispatch-mail send`` are run once each against the sandbox, recorded by ``scripts/send_path.py`` (every call of
an ``app/`` function, with its process and thread, from the key press or the command's start to the ``SendItem``
request leaving), and the generated block ``<!-- gen:send-path -->`` must name the same files and the same
boundaries. When this fails, run ``python scripts/send_path.py`` and commit what it wrote.

The engine's side is :class:`app.mail.engine_host.Host` run in this process on a pipe of its own (the engine's
process itself is not recorded: the same code, fed the frame the window writes)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import MAIL_ENGINE_VARIABLE
from app.core.accounts.session import ConnectionState, Session
from app.domain.account import AccountConfig
from app.domain.models import Draft, Recipient
from app.mail import engine_wire as wire
from app.storage.settings import Settings
from tests.helpers import dispatch_mail as dm
from tests.helpers.backends import ALICE, BOB
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.windows import account_for, close_window, make_window, wait_idle

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _send_path():
    spec = importlib.util.spec_from_file_location("send_path", ROOT / "scripts" / "send_path.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["send_path"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


sp = _send_path()


def _engine_side(sandbox, method: str) -> list:
    """The engine's code from the frame of ``method`` (the window's send call: ``send_drafts``, or ``send_mime``
    for a message sent as its MIME) to its request on the wire, in this process."""
    from app.mail.engine_host import Host

    acc, password = account_for(sandbox)
    to_host_r, to_host_w = os.pipe()
    from_host_r, from_host_w = os.pipe()
    into, answers = os.fdopen(to_host_w, "wb"), os.fdopen(from_host_r, "rb")
    host = Host(os.fdopen(from_host_w, "wb"))
    rec = sp.Recorder("engine")
    rec.install()  # before the engine's threads start
    serving = threading.Thread(target=host.serve, args=(os.fdopen(to_host_r, "rb"),), name="engine-main")
    serving.start()
    wire.write_frame(into, (1, "__init__", (acc, password, {}), {}))
    assert wire.read_frame(answers)[1]
    if method == "send_drafts":
        wire.write_frame(into, (2, "save_draft", (Draft(to=[Recipient(BOB)], subject="path", body="x"),), {}))
        call = ([wire.read_frame(answers)[2].ref],), {"save_copy": True}
    else:
        call = (_mime(),), {}
    try:
        rec.arm()
        wire.write_frame(into, (3, method, *call))
        assert rec.done.wait(60)
    finally:
        rec.stop()
    assert wire.read_frame(answers)[1]
    wire.write_frame(into, (0, wire.CLOSE, (), {}))
    into.close()
    serving.join(60)
    answers.close()
    # the engine's side begins where the window's pipe ends: the engine's reading of the frame
    return rec.calls


def _mime() -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = ALICE, BOB, "path"
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content("x")
    return msg.as_bytes()


def _window_side(qtbot, sandbox, settings) -> list:
    rec = sp.Recorder("window")
    rec.install()  # before the window: its pools' threads are started early
    try:
        acc, pw = account_for(sandbox)
        session = Session.for_account(acc, pw)
        win = make_window(qtbot, session, settings)
        try:
            qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=30000)
            wait_idle(qtbot, win)
            type_message(qtbot, win, subject="The path", body="measured")
            rec.arm()
            key(qtbot, win, Qt.Key_Return, CTRL)
            qtbot.waitUntil(rec.done.is_set, timeout=60000)
            rec.stop()
            wait_idle(qtbot, win)
        finally:
            close_window(win, session)
    finally:
        rec.stop()
    return rec.calls, rec.sent


def _command_side(qtbot, sandbox, home, tmp_path) -> tuple[list, list]:
    user = next(a for a in sandbox.accounts if a["email"] == ALICE)
    acc = AccountConfig(email=ALICE, ews_url=sandbox.ews_url, username=user.get("username") or ALICE)
    settings = Settings()
    settings.set_account(acc)
    rec = sp.Recorder("window")
    rec.install()
    try:
        session = Session.for_account(acc, user["password"])
        win = make_window(qtbot, session, settings)
        try:
            qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=30000)
            from app.core.scripts.doors import door_path

            qtbot.waitUntil(lambda: os.path.exists(door_path(acc.key)), timeout=10000)
            wait_idle(qtbot, win)
            body, out = tmp_path / "body.txt", tmp_path / "command.json"
            body.write_text("measured\n", encoding="utf-8")
            rec.arm(start_when="door")
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "scripts" / "send_path.py"), "--trace-command", str(out), "--",
                 "send", "--to", BOB, "--subject", "The command's path", "--body-file", str(body), "--json"],
                cwd=str(ROOT), env=dm.command_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            code, _out, err = dm.finish(qtbot, proc)
            assert code == 0, err
            qtbot.waitUntil(rec.done.is_set, timeout=60000)
            rec.stop()
            wait_idle(qtbot, win)
        finally:
            close_window(win, session)
    finally:
        rec.stop()
    command = [sp.Call(**c) for c in json.loads(out.read_text(encoding="utf-8"))]
    return command, rec.calls, rec.sent


@pytest.fixture
def home(request, monkeypatch):
    """A short DISPATCH_HOME (tests/conftest.py's ``short_home``; scripts/metrics76.py also runs this test in
    checkouts older than that fixture, where it is made here the same way)."""
    try:
        yield request.getfixturevalue("short_home")
    except pytest.FixtureLookupError:
        path = tempfile.mkdtemp(prefix="dm-")
        monkeypatch.setenv("DISPATCH_HOME", path)
        yield path
        shutil.rmtree(path, ignore_errors=True)


def test_the_send_paths_in_the_architecture_page_are_the_codes(qtbot, aloop, sandbox, settings, home, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv(MAIL_ENGINE_VARIABLE, "process")  # as the app runs EWS (app/cli.py)
    window, sent = _window_side(qtbot, sandbox, settings)
    command, window_for_command, sent_for_command = _command_side(qtbot, sandbox, home, tmp_path)
    engine = _engine_side(sandbox, sent)
    engine_for_command = engine if sent_for_command == sent else _engine_side(sandbox, sent_for_command)
    paths = {"window": sp.summary(window + engine),
             "command": sp.summary(command + window_for_command + engine_for_command)}
    want = sp.block(paths)
    sp.OUT.parent.mkdir(parents=True, exist_ok=True)
    sp.OUT.write_text(json.dumps(paths, indent=1), encoding="utf-8")
    if os.environ.get(sp.WRITE_VARIABLE):
        sp.ARCHITECTURE.write_text(sp.between(sp.ARCHITECTURE.read_text(encoding="utf-8"), want), encoding="utf-8")
    have = sp.committed()
    for f in sp.files_in(have):
        assert (ROOT / f).is_file(), f"docs/architecture.md names {f}, which is gone"
    stale = "docs/architecture.md's send paths are stale: run python scripts/send_path.py"
    assert sp.boundaries_in(have) == sp.boundaries_in(want), stale
    assert sp.files_in(have) == sp.files_in(want), stale
    assert window[0].file.startswith("app/ui/") and command[0].file.startswith("app/")
    assert engine[-1].name == "(HTTP request SendItem)" and engine_for_command[-1].name.startswith("(HTTP request")
