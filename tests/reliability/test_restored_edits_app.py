"""The real app, quit and started again (issue 45, item 1): a saved draft opened from Drafts, typed into at a
person's pace and the app quit with Ctrl+Q, comes back after the restart as *Edited — kept on this
computer* (issue 59), never as "Saved draft"; Ctrl+N then saves it, so the server's draft has exactly what was on
screen (one draft, updated, nothing sent). The sandbox runs in this process and outlives the app's; the app
is driven by key events (tests/reliability/edit_app_child.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.models import Draft, Recipient
from app.ui.compose.compose_view import EDITED_KEPT
from tests.helpers.processes import kill_hard, log_lines, poll_until
from tests.reliability.edit_app_child import SUBJECT
from tests.reliability.workload import ALICE, BOB, make_service, user

HERE = Path(__file__).resolve().parent
WORDS = " and the words typed before quitting"


def _app(sandbox, alice, home: Path, log: Path, mode: str) -> subprocess.Popen:
    env = dict(os.environ, DISPATCH_HOME=str(home), QT_QPA_PLATFORM="offscreen", EDIT_LOG=str(log), EDIT_MODE=mode,
               EDIT_WORDS=WORDS, KILL_URL=sandbox.ews_url, KILL_USER=alice.get("username") or ALICE,
               KILL_PW=alice["password"], PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.Popen([sys.executable, str(HERE / "edit_app_child.py")], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _server_bodies(sandbox) -> list[str]:
    return [(d.get("body") or "").replace("\r\n", "\n").strip() for d in sandbox.mailbox(ALICE).items("drafts")]


@pytest.mark.timeout(240)
def test_edits_typed_then_quit_come_back_as_unsaved_and_ctrl_n_puts_them_on_the_server(sandbox, tmp_path):
    alice = user(sandbox, ALICE)
    make_service(sandbox.ews_url, alice).save_draft(Draft(to=[Recipient(BOB)], subject=SUBJECT, body="old body"))
    home, log = tmp_path / "home", tmp_path / "edit.log"

    proc = _app(sandbox, alice, home, log, "edit")
    try:
        poll_until(lambda: log_lines(log, "TYPED"), 90, proc, "the words typed and journalled")
        proc.wait(timeout=60)  # Ctrl+Q: the app quits by itself
        assert proc.returncode == 0, proc.communicate()[1][-3000:]
    finally:
        if proc.poll() is None:
            kill_hard(proc)
    assert _server_bodies(sandbox) == ["old body"]  # quitting saved nothing to the server

    proc = _app(sandbox, alice, home, log, "observe")
    try:
        poll_until(lambda: _server_bodies(sandbox) == ["old body" + WORDS], 90, proc, "the edits on the server")
        seen = log_lines(log, "STATE")
    finally:
        kill_hard(proc)
    reopened = [s for s in seen if s["subject"] == SUBJECT and not s["left"]]
    assert reopened, seen[-3:]
    assert all(s["label"] == EDITED_KEPT for s in reopened), {s["label"] for s in reopened}
    assert reopened[-1]["body"].strip() == "old body" + WORDS
    assert _server_bodies(sandbox) == ["old body" + WORDS]  # the same draft, updated: one draft
    assert "SendItem" not in sandbox.request_log
