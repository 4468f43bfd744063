"""The exit codes of ``dispatch-mail send | sendmail`` end to end (``sysexits.h``, as sendmail and msmtp): each
from a real subprocess against the sandbox in its own process, and nothing journaled for a bad input (the
journal under ``DISPATCH_HOME`` read with the app's own :class:`app.storage.journal.Journal`).

====  =========================================  ===========================================================
code  meaning                                    made here by
====  =========================================  ===========================================================
0     sent                                       a good message
64    usage                                      an unknown option; --wait with --no-wait
65    bad message                                an invalid address; a CR/LF in --subject; no recipients
66    no input                                   --body-file naming no file; sendmail with nothing on stdin
69    taken out of the Outbox                    ``outbox cancel`` (through the door) while the command waits
75    not sent yet (queued)                      the server down: queued, then sent by the next command
77    refused by the server                      the server refuses send-as (ErrorSendAsDenied) / access
78    not configured                             no account set up; --password-env naming no variable
====  =========================================  ===========================================================
"""

from __future__ import annotations

import socket

import pytest

from tests.helpers.commands import BOB, CommandHome, ServerProcess, kill_9, rfc822, wait_until

HOLD = 120.0


def _sends(home: CommandHome) -> list:
    return [e for e in home.journal() if e.op == "send"]


BAD_INPUTS = [
    # (exit code, command line, standard input, words on stderr)
    (64, ["send", "--to", BOB, "--subject", "s", "--no-such-option"], b"", "unrecognized arguments"),
    (64, ["send", "--to", BOB, "--subject", "s", "--wait", "3", "--no-wait"], b"", "cannot be combined"),
    (65, ["send", "--to", "bob at example", "--subject", "s", "--body-file", "-"], b"hi\n", "--to"),
    (65, ["send", "--to", BOB, "--subject", "one\r\nBcc: eve@example.com", "--body-file", "-"], b"hi\n",
     "line break"),
    (65, ["sendmail"], rfc822("<no-rcpt@scripts.example>", "no recipients").replace(
        f"To: {BOB}\r\n".encode(), b""), "No recipients"),
    (66, ["send", "--to", BOB, "--subject", "s", "--body-file", "missing.txt"], b"", "does not exist"),
    (66, ["sendmail", BOB], b"", "No message on standard input"),
]


@pytest.mark.timeout(300)
def test_bad_input_exit_codes_and_nothing_journaled(server, home):
    seen = []
    for code, argv, stdin, words in BAD_INPUTS:
        done = home.run(*argv, stdin=stdin)
        err = done.stderr.decode()
        seen.append((done.returncode, argv[0], words in err))
        assert _sends(home) == [], (argv, "journaled a bad input")
        assert "Traceback" not in err, err
    assert seen == [(code, argv[0], True) for code, argv, _s, _w in BAD_INPUTS]
    assert not any(server.copies()["inbox"].values())


@pytest.mark.timeout(120)
def test_sent_is_0(server, home):
    mid = "<exit-0@scripts.example>"
    done = home.run("sendmail", BOB, stdin=rfc822(mid, "exit 0"))
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")  # sendmail says nothing when it went
    sent = home.run("send", "--to", BOB, "--subject", "exit 0 too", "--body-file", "-", stdin=b"hi\n")
    assert sent.returncode == 0 and sent.stdout.startswith(b"Sent (<"), sent.stderr
    assert server.copies()["inbox"][mid] == 1
    assert _sends(home) == []


@pytest.mark.timeout(120)
@pytest.mark.parametrize("code", ["ErrorSendAsDenied", "ErrorAccessDenied"])
def test_refused_by_the_server_is_77_and_stays_in_the_outbox_as_not_sent(server, home, code):
    mid = f"<refused-{code}@scripts.example>"
    server.inject("CreateItem", "item_error", code=code)
    done = home.run("sendmail", BOB, stdin=rfc822(mid, "refused"))
    assert ("CreateItem", "item_error") in server.fired()
    assert done.returncode == 77, done.stderr
    assert b"Not sent:" in done.stderr and b"outbox retry" in done.stderr
    assert [e.draft.internet_message_id for e in _sends(home)] == [mid]  # kept, said as not sent
    assert server.copies()["inbox"][mid] == 0


@pytest.mark.timeout(180)
def test_taken_out_of_the_outbox_while_the_command_waits_is_69(server, home):
    """The command waits (the server busy for minutes); ``outbox cancel`` from another command, handed over
    through the waiting command's door, takes the message out: the waiting command says 69."""
    mid = "<taken-out@scripts.example>"
    server.inject("CreateItem", "server_busy", backoff_ms=int(HOLD * 1000))
    proc = home.start("sendmail", BOB, stdin=rfc822(mid, "taken out"))
    wait_until(lambda: [e.state for e in _sends(home)] == ["queued"], 60, proc)
    local_id = _sends(home)[0].local_id
    cancel = home.run("outbox", "cancel", local_id[:8])
    assert cancel.returncode == 0, cancel.stderr
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 69, err
    assert b"taken out of the Outbox" in err
    assert server.copies()["inbox"][mid] == 0


def test_not_configured_is_78(tmp_path, server, home):
    bare = dict(home.env, DISPATCH_HOME=str(tmp_path / "nobody"))
    done = home.run("sendmail", BOB, stdin=rfc822("<x@scripts.example>", "x"), env=bare)
    assert done.returncode == 78 and b"No account is set up" in done.stderr
    no_var = dict(home.env)
    del no_var["DISPATCH_TEST_PW"]
    done = home.run("sendmail", BOB, stdin=rfc822("<y@scripts.example>", "y"), env=no_var)
    assert done.returncode == 78 and b"--password-env" in done.stderr
    assert _sends(home) == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(240)
def test_server_unreachable_is_75_queued_then_sent_by_the_next_command(tmp_path):
    port = _free_port()
    server = ServerProcess(tmp_path / "server", port=port)
    home = CommandHome(tmp_path / "home", server)
    server.stop()  # down: nothing listens on its address
    nxt = "<back-again@scripts.example>"
    try:
        done = home.run("send", "--to", BOB, "--subject", "while down", "--wait", "2", "--body-file", "-",
                        stdin=b"queued while the server was down\n")
        assert done.returncode == 75, done.stderr
        assert b"waits in the Outbox" in done.stderr
        assert [e.state for e in _sends(home)] == ["queued"]
        mid = _sends(home)[0].draft.internet_message_id
        # with no --wait: 75 as soon as the server is found unreachable (never a command hanging for ever)
        unbounded = home.run("send", "--to", BOB, "--subject", "no wait given")
        assert unbounded.returncode == 75 and b"waits in the Outbox" in unbounded.stderr, unbounded.stderr
        assert len(_sends(home)) == 2
        # a message with its own Message-ID is queued too (75: do not send it again): it is looked up in Sent Items
        # before each try (tests/reliability/test_command_queue.py)
        own = home.run("sendmail", BOB, stdin=rfc822("<own-id@scripts.example>", "its own id"))
        assert own.returncode == 75 and own.stderr.startswith(b"Not sent yet: "), own.stderr
        assert len(_sends(home)) == 3

        server = ServerProcess(tmp_path / "server", port=port)  # back, same address, same mailboxes
        again = home.run("sendmail", BOB, stdin=rfc822(nxt, "back again"))
        assert again.returncode == 0, again.stderr
        copies = server.copies()
        assert (copies["inbox"][mid], copies["inbox"][nxt], copies["inbox"]["<own-id@scripts.example>"]) == (1, 1, 1)
        assert _sends(home) == []
    finally:
        server.stop()
