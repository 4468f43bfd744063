"""``dispatch-mail send | sendmail`` against faults, as a script meets them: each command a real subprocess
(``python -m app ...``, no window), the sandbox server in its own process that outlives every kill -9 of a
command (tests/helpers/commands.py).

- killed after the server committed the send (its answer held by ``hold_after_commit``), then the same
  command again: one copy in Sent Items and in Bob's Inbox, and the second command says sent (0);
- killed at other points (while starting, with the message journaled and its send on the wire, before the
  server ran it): never lost (the next command sends what was left), never twice;
- two commands at once on one account, several rounds: no duplicate and no lost message.
"""

from __future__ import annotations

import pytest

from tests.helpers.commands import BOB, CommandHome, ServerProcess, kill_9, rfc822, wait_until

EX_OK = 0
HOLD = 120.0  # seconds the server holds a committed answer (the command is killed long before)


@pytest.fixture
def server(tmp_path):
    sb = ServerProcess(tmp_path / "server")
    yield sb
    sb.release()
    sb.stop()


@pytest.fixture
def home(tmp_path, server):
    return CommandHome(tmp_path / "home", server)


def _sends(entries) -> list:
    return [e for e in entries if e.op == "send"]


@pytest.mark.timeout(180)
def test_sendmail_killed_after_the_server_committed_then_run_again_sends_once(server, home):
    mid = "<kill-after-commit-1@scripts.example>"
    message = rfc822(mid, "killed after commit")
    server.inject("CreateItem", "hold_after_commit", seconds=HOLD, then="drop")
    proc = home.start("sendmail", BOB, stdin=message)
    wait_until(lambda: ("CreateItem", "hold_after_commit") in server.fired(), 60, proc)
    # the server has the message in Sent Items and Bob's Inbox; the command has not heard so
    assert server.copies()["inbox"][mid] == 1
    kill_9(proc)
    journaled = _sends(home.journal())
    assert [(e.draft.internet_message_id, e.state) for e in journaled] == [(mid, "submitting")]
    server.release()  # the held answer is dropped (its command is gone)

    again = home.run("sendmail", BOB, stdin=message)
    assert again.returncode == EX_OK, again.stderr
    copies = server.copies()
    assert (copies["sent"][mid], copies["inbox"][mid], copies["drafts"][mid]) == (1, 1, 0)
    assert _sends(home.journal()) == []  # settled: nothing left to send
