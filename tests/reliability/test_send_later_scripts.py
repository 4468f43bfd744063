"""Send later kept by the server, from scripts and across a kill: each command a real subprocess
(``python -m app ...``), the sandbox in its own process, its clock moved over its admin endpoint (never waited for).

- ``send --later``, ``outbox`` and ``outbox cancel``: the server keeps the message, ``outbox`` lists it (kept by
  Exchange), ``cancel`` takes it back to Drafts: never sent;
- scheduled, the command killed while the server's answer was on its way, the clock moved past its time: the
  recipient has one copy, Sent Items one, and the next command sends nothing (it finds the message by its
  Message-ID and leaves it).
"""

from __future__ import annotations

import json

import pytest

from tests.helpers.commands import BOB, CommandHome, ServerProcess, kill_9, wait_until

EX_OK, EX_TEMPFAIL = 0, 75
HOUR = 3600


@pytest.fixture
def server(tmp_path):
    s = ServerProcess(tmp_path / "server")
    yield s
    s.stop()


@pytest.fixture
def home(tmp_path, server):
    return CommandHome(tmp_path / "home", server)


def _copies(server, mid: str) -> tuple[int, int, int]:
    c = server.copies()
    return c["inbox"][mid], c["sent"][mid], c["drafts"][mid]


@pytest.mark.timeout(300)
def test_send_later_then_outbox_then_cancel_leaves_it_in_drafts_never_sent(server, home):
    done = home.run("send", "--to", BOB, "--subject", "in ten", "--later", "in 10 min", "--json", "--body-file", "-",
                    stdin=b"see you\n")
    assert done.returncode == EX_OK, done.stderr
    said = json.loads(done.stdout)
    assert said["result"] == "scheduled" and said["send_at"], said
    mid = said["message_id"]
    assert _copies(server, mid) == (0, 0, 0)  # on the server, in its Outbox: not sent, not a draft

    listed = home.run("outbox", "--json")
    assert listed.returncode == EX_OK, listed.stderr
    (kept,) = [e for e in json.loads(listed.stdout)["entries"] if e.get("kept_by_server")]
    assert (kept["subject"], kept["message_id"], kept["op"]) == ("in ten", mid, "scheduled")
    assert kept["id"].startswith("s") and kept["text"].endswith("(kept by Exchange)")
    words = home.run("outbox")
    assert kept["id"][:8].encode() in words.stdout and b"(kept by Exchange)" in words.stdout

    cancelled = home.run("outbox", "cancel", kept["id"][:8])
    assert cancelled.returncode == EX_OK, cancelled.stderr
    assert b"Taken back: it is in Drafts, not sent" in cancelled.stdout
    again = home.run("outbox", "cancel", kept["id"][:8])  # gone from the server's Outbox: nothing of that ID
    assert again.returncode != EX_OK and b"Nothing in the Outbox has the ID" in again.stderr

    server.admin({"advance_clock": 2 * HOUR})
    assert _copies(server, mid) == (0, 0, 1), "taken back: in Drafts, never sent"
    after = home.run("outbox", "--json")
    assert json.loads(after.stdout)["entries"] == []


@pytest.mark.timeout(300)
def test_scheduled_the_command_killed_before_the_answer_the_restart_finds_it_kept_and_sends_nothing(server, home):
    server.inject("SendItem", "hold_after_commit", seconds=60)  # the server takes it; its answer does not come
    proc = home.start("send", "--to", BOB, "--subject", "killed", "--later", "in 1 h", "--json", "--body-file", "-",
                      stdin=b"scheduled, then the app died\n")
    wait_until(lambda: ("SendItem", "hold_after_commit") in server.fired(), 60, proc)  # the fault fired
    kill_9(proc)  # killed, not closed: the journal still says the send may be on the wire
    (entry,) = [e for e in home.journal() if e.op == "send"]
    assert entry.state == "submitting" and entry.draft.send_at is not None
    mid = entry.draft.internet_message_id
    server.release()

    # the next command drives the queue: the send is looked up by its Message-ID, found in the server's Outbox
    # (kept there until its time): settled as sent, never sent again
    for _run in range(3):  # each is "the next command"; on a loaded machine a look-up may be left for the next
        restarted = home.run("outbox", "--json")
        assert restarted.returncode == EX_OK, restarted.stderr
        if [e for e in home.journal() if e.op == "send"] == []:
            break
    assert [e for e in home.journal() if e.op == "send"] == [], "settled by the next commands"
    listed = json.loads(home.run("outbox", "--json").stdout)["entries"]
    assert [(e["message_id"], e["kept_by_server"]) for e in listed] == [(mid, True)]
    assert _copies(server, mid) == (0, 0, 0)
    server.admin({"advance_clock": 2 * HOUR})  # its time has come: the server's delivery goes on its own thread
    wait_until(lambda: min(_copies(server, mid)[:2]) >= 1, 30)  # then counted: never twice
    assert _copies(server, mid) == (1, 1, 0), "sent once, by the server, at its time"
