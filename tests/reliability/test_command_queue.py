"""``dispatch-mail`` and its queue when the server is away, as a script and cron meet it (issue 73, items 11-14):
each command a real subprocess (``python -m app ...``), the sandbox server in its own process, or a socket that
takes the connection and never answers.

- ``outbox`` while the server is down says why each message waits, in the Outbox's own words (the window's row,
  :func:`app.core.outbox.rows.submission_text`), and ``retry`` (tries now) and ``cancel`` (kept as a draft) work;
  ``retry`` on a message being tried exits 0 saying so;
- a server that never answers: every command ends within its wait (``--wait``, or ``DISPATCH_MAIL_WAIT``, the
  documented default's override) and a few seconds, 75 with the message queued;
- ``sendmail`` with its own Message-ID while the server is down is queued (75: do not send it again), and the
  next command sends it once;
- cron's own mail (``-f root``, ``From: root (Cron Daemon)``) is sent from the account's address, said on stderr.
"""

from __future__ import annotations

import json
import socket

import pytest

from app.core.outbox.rows import submission_text
from tests.helpers.commands import ALICE, BOB, CommandHome, ServerProcess, rfc822

EX_OK, EX_TEMPFAIL = 0, 75
#: the wait the commands get where the point is that they end within it (seconds; DISPATCH_MAIL_WAIT)
SHORT_WAIT = "2"
#: what "ends within its wait and a few seconds" allows here, at most: the command's start (Python, exchangelib) on
#: a loaded machine, its wait, and its tail. Without the bound the command waits for the server's answer: 60 s
#: (the EWS timeout) and more
BOUND = 45


def _sends(home: CommandHome) -> list:
    return [e for e in home.journal() if e.op == "send"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def down(tmp_path):
    """A command home whose server is down (nothing listens on its address), and a way to bring it back."""
    port = _free_port()
    box = {"server": ServerProcess(tmp_path / "server", port=port)}
    home = CommandHome(tmp_path / "home", box["server"])
    box["server"].stop()

    def back() -> ServerProcess:
        box["server"] = ServerProcess(tmp_path / "server", port=port)  # same address, same mailboxes
        return box["server"]

    yield home, back
    box["server"].stop()


@pytest.mark.timeout(300)
def test_outbox_while_the_server_is_down_says_why_and_retry_and_cancel_work(down):
    home, back = down
    done = home.run("send", "--to", BOB, "--subject", "while down", "--wait", "2", "--body-file", "-",
                    stdin=b"queued while the server was down\n")
    assert done.returncode == EX_TEMPFAIL, done.stderr
    (entry,) = _sends(home)

    listed = home.run("outbox", "--json")
    assert listed.returncode == EX_OK, listed.stderr
    (row,) = json.loads(listed.stdout)["entries"]
    # the window's words for a send the server did not take yet: why it waits, never "Saving before sending…"
    assert row["text"].startswith("Server unreachable — "), row
    assert (row["state"], row["can_retry"], row["can_cancel"]) == ("queued", True, True), row
    words = home.run("outbox")
    assert row["text"] in words.stdout.decode()

    retried = home.run("outbox", "retry", entry.local_id[:8])
    assert (retried.returncode, retried.stdout) == (EX_OK, b"Trying it now.\n"), retried.stderr

    cancelled = home.run("outbox", "cancel", entry.local_id[:8])
    assert cancelled.returncode == EX_OK, cancelled.stderr
    assert b"kept as a draft" in cancelled.stdout
    assert _sends(home) == []
    kept = [e for e in home.journal() if e.local_id == entry.local_id]
    assert [e.state for e in kept] == ["editing"], "kept as a draft on this computer"

    # send later while the server is down: queued here with its time (75: not on the server yet), said so; it goes
    # to the server (which keeps it) once reached, and cancel takes it out meanwhile
    later = home.run("send", "--to", BOB, "--subject", "later", "--later", "in 2 h", "--json", "--wait", "2")
    assert later.returncode == EX_TEMPFAIL, later.stderr
    held = json.loads(later.stdout)
    assert held["send_at"] and held["result"] == "waiting", held
    (row,) = json.loads(home.run("outbox", "--json").stdout)["entries"]
    assert row["id"] == held["id"] and row["text"].startswith("Server unreachable — "), row
    assert home.run("outbox", "cancel", held["id"][:8]).returncode == EX_OK

    server = back()
    after = home.run("outbox", "--json")
    assert (after.returncode, json.loads(after.stdout)["entries"]) == (EX_OK, [])
    assert server.copies()["inbox"][entry.draft.internet_message_id] == 0, "taken out: never sent"


def test_a_send_tried_again_after_the_server_was_unreachable_says_why():
    """The row's words of a send whose last try did not reach the server and which is tried again now (its save
    under way, or due this moment): the reason, not "Saving before sending…" or "Waiting to send"."""
    from app.core.outbox.submission import SubState, Submission
    from app.domain.models import Draft, ErrorKind

    sub = Submission(Draft(subject="s"), "a", state=SubState.SAVING, kind=ErrorKind.UNREACHABLE)
    assert submission_text(sub, 0.0) == "Server unreachable — trying again now"
    sub = Submission(Draft(subject="s"), "a", state=SubState.QUEUED, kind=ErrorKind.UNREACHABLE, retry_at=0.0)
    assert submission_text(sub, 10.0) == "Server unreachable — trying again now"


@pytest.fixture
def silent(server, home):
    """``home``'s account pointed at a socket that takes every connection and never answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(64)  # the kernel completes each connection; nobody reads the request or answers it
        home.point_at(f"http://127.0.0.1:{s.getsockname()[1]}/EWS/Exchange.asmx")
        yield home


@pytest.mark.timeout(300)
def test_a_server_that_never_answers_every_command_ends_within_its_wait(silent):
    home = silent
    short = dict(home.env, DISPATCH_MAIL_WAIT=SHORT_WAIT)
    mid = "<never-answered@scripts.example>"
    mailed = home.run("sendmail", BOB, stdin=rfc822(mid, "never answered"), env=short, timeout=BOUND)
    assert mailed.returncode == EX_TEMPFAIL, mailed.stderr
    assert mailed.stderr.startswith(b"Not sent yet: ") and b"do not send it again" in mailed.stderr
    assert [e.draft.internet_message_id for e in _sends(home)] == [mid]

    sent = home.run("send", "--to", BOB, "--subject", "waited 2 s", "--wait", SHORT_WAIT, timeout=BOUND)
    assert sent.returncode == EX_TEMPFAIL and b"waits in the Outbox" in sent.stderr, sent.stderr
    default = home.run("send", "--to", BOB, "--subject", "the default wait", env=short, timeout=BOUND)
    assert default.returncode == EX_TEMPFAIL and b"waits in the Outbox" in default.stderr, default.stderr
    listed = home.run("outbox", "--json", env=short, timeout=BOUND)
    assert listed.returncode == EX_OK and len(json.loads(listed.stdout)["entries"]) == 3, listed.stderr
    assert len(_sends(home)) == 3, "each is queued, none lost"


@pytest.mark.timeout(300)
def test_sendmail_with_its_own_message_id_while_the_server_is_down_is_queued_then_sent_once(down):
    home, back = down
    mid = "<own-id-while-down@scripts.example>"
    message = rfc822(mid, "own Message-ID while down")
    done = home.run("sendmail", BOB, stdin=message)
    assert done.returncode == EX_TEMPFAIL, done.stderr
    assert done.stderr.startswith(b"Not sent yet: ") and b"do not send it again" in done.stderr, done.stderr
    assert [e.draft.internet_message_id for e in _sends(home)] == [mid]
    again = home.run("sendmail", BOB, stdin=message)  # git send-email run again: the same message, queued once
    assert again.returncode == EX_TEMPFAIL, again.stderr
    assert [e.draft.internet_message_id for e in _sends(home)] == [mid]

    server = back()
    nxt = home.run("sendmail", BOB, stdin=rfc822("<after-own-id@scripts.example>", "after"))
    assert nxt.returncode == EX_OK, nxt.stderr
    copies = server.copies()
    assert (copies["sent"][mid], copies["inbox"][mid]) == (1, 1)
    assert home.run("sendmail", BOB, stdin=message).stdout.startswith(b"Already sent")
    assert server.copies()["inbox"][mid] == 1
    assert _sends(home) == []


CRON_MAIL = (b"From: root (Cron Daemon)\nTo: bob@example.com\nSubject: Cron <root@build> df -h\n"
             b"MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
             b"X-Cron-Env: <SHELL=/bin/sh>\n\nFilesystem Size Used Avail Use% Mounted on\n")


@pytest.mark.timeout(180)
def test_cron_mail_from_root_is_sent_from_the_account_and_the_log_says_so(server, home):
    # cronie runs "sendmail -FCronDaemon -i -odi -oem -oi -t -f root"
    done = home.run("sendmail", "-FCronDaemon", "-i", "-odi", "-oem", "-oi", "-t", "-f", "root", stdin=CRON_MAIL)
    assert done.returncode == EX_OK, done.stderr
    # said in the command's private log (issue 74: a command's stderr carries nothing but its own words, and cron
    # would mail them again)
    logs = "".join(p.read_text(errors="replace") for p in (home.home / "logs").glob("*.log*"))
    assert "sent from the account's own address" in logs, logs[-2000:]
    (item,) = server_inbox(server, "Cron <root@build> df -h")
    assert item["from"] == ALICE, item["from"]
    assert item["fields"]["From"].get("Name") == "Cron Daemon", item["fields"]["From"]
    assert _sends(home) == []


def server_inbox(server: ServerProcess, subject: str) -> list[dict]:
    """Each message with ``subject`` in Bob's Inbox, read from the server's SQLite file."""
    from app.sandbox import Sandbox

    sb = Sandbox(data=str(server.data / "sandbox.sqlite3"), port=0)
    try:
        return [it for it in sb.mailbox(BOB).items("inbox") if it.get("subject") == subject]
    finally:
        sb.store.close()


@pytest.mark.timeout(180)
def test_a_lock_held_by_a_process_that_never_answers_is_69_nothing_queued_within_the_wait(server, home):
    """A process holds the account's queue and never opens its door: the command gives up within its wait (and
    a few seconds), says nothing was queued, and exits 69, not 75 (75 says "queued: do not send it again")."""
    import subprocess
    import sys
    from pathlib import Path

    from tests.helpers.commands import PASSWORD_VAR

    holder = subprocess.Popen([sys.executable, str(Path(__file__).with_name("door_holder_child.py")), PASSWORD_VAR],
                              env=home.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"LOCKED", holder.stderr.read()[-3000:]
        done = home.run("send", "--to", BOB, "--subject", "locked out", "--wait", "1", timeout=25)
        assert done.returncode == 69, done.stderr
        assert b"nothing was queued" in done.stderr
        assert _sends(home) == []
    finally:
        holder.terminate()
        holder.communicate(timeout=60)
