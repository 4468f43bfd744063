"""Issue 74 (items 3, 7, 9 and 14) end to end: each command a real subprocess (``python -m app ...``) against the
sandbox in its own process, run here (no door open) and handed through the door of a process that has the
account's queue the way a window has it (tests/reliability/door_holder_child.py serves the window's desk):

- sendmail's ``--`` ends its options: ``-i -- -t BOB`` is no ``-t`` (the To header's recipient was sent to),
  ``-i -- --help`` no help (exit 0, nothing sent): 65, nothing queued;
- an abbreviated option is refused (``--acc`` was ``--account`` for the parser, no account for the routing);
  ``--account`` given twice routes by the one the message is built with (the last);
- an argument holding bytes that are not UTF-8 is 65 in words (a traceback before; 75 through a window);
- a ``Bcc :`` header (a space before the colon) with ``-t`` is 65 (it was silently not delivered, exit 0).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.commands import ALICE, BOB, CAROL, PASSWORD_VAR, CommandHome, rfc822

TO_CAROL = rfc822("<to-carol@scripts.example>", "for carol", to=CAROL)
SPACED_BCC = (f"From: Alice <{ALICE}>\r\nTo: {BOB}\r\nBcc : {CAROL}\r\nSubject: spaced bcc\r\n"
              "Message-ID: <spaced-bcc@scripts.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhi\r\n"
              ).encode()
NOT_UTF8 = b"caf\xe9"  # Latin-1, in a UTF-8 locale

#: (exit code, the command's arguments after ``python -m app``, standard input, words on stderr)
REFUSED = {
    "sendmail -- -t": (65, [b"sendmail", b"--password-env", PASSWORD_VAR.encode(), b"-i", b"--", b"-t", BOB.encode()],
                       TO_CAROL, "“-t” is not an e-mail address"),
    "sendmail -- --help": (65, [b"sendmail", b"--password-env", PASSWORD_VAR.encode(), b"-i", b"--", b"--help"],
                           TO_CAROL, "“--help” is not an e-mail address"),
    "--acc": (64, [b"send", b"--to", BOB.encode(), b"--subject", b"abbreviated", b"--acc", ALICE.encode()], b"",
              "unrecognized arguments: --acc"),
    "subject not UTF-8": (65, [b"send", b"--to", BOB.encode(), b"--subject", NOT_UTF8], b"", "not UTF-8"),
    "recipient not UTF-8": (65, [b"sendmail", NOT_UTF8 + b"@example.com"], TO_CAROL, "not UTF-8"),
    "attachment not UTF-8": (65, [b"send", b"--to", BOB.encode(), b"--attach", NOT_UTF8 + b".pdf"], b"",
                             "not UTF-8"),
    "Bcc : with -t": (65, [b"sendmail", b"-t"], SPACED_BCC, "is not a header"),
}


def _run(home: CommandHome, argv: list[bytes], stdin: bytes) -> subprocess.CompletedProcess:
    if PASSWORD_VAR.encode() not in argv:
        argv = [*argv, b"--password-env", PASSWORD_VAR.encode()]
    return subprocess.run([sys.executable.encode(), b"-m", b"app", *argv], input=stdin, env=home.env,
                          cwd=str(home.home), capture_output=True, timeout=120)


@pytest.fixture(params=["here", "door"])
def route(request, home):
    """``here``: no process has the queue, the command drives it; ``door``: a window's desk answers it."""
    if request.param == "here":
        yield request.param
        return
    holder = subprocess.Popen([sys.executable, str(Path(__file__).with_name("door_holder_child.py")), PASSWORD_VAR],
                              env=home.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"LOCKED", holder.stderr.read()[-3000:]
        holder.stdin.write(b"go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == b"OPEN", holder.stderr.read()[-3000:]
        yield request.param
    finally:
        holder.terminate()
        holder.communicate(timeout=60)


@pytest.mark.timeout(300)
def test_refused_command_lines_are_said_and_nothing_is_queued(server, home, route):
    seen = {}
    for case, (code, argv, stdin, words) in REFUSED.items():
        done = _run(home, argv, stdin)
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (case, err)
        seen[case] = (done.returncode, words in err, done.stdout)
        assert [e for e in home.journal() if e.op == "send"] == [], (case, "journaled")
    assert seen == {case: (code, True, b"") for case, (code, _a, _s, _w) in REFUSED.items()}
    copies = server.copies()
    assert not any(copies["inbox"].values()), "nothing was delivered"


@pytest.mark.timeout(300)
def test_account_given_twice_routes_by_the_last(server, home, route):
    """``--account bob --account alice`` routed to bob (not set up here: 78) while the message was built for
    alice; the routing now reads what the parser keeps, the last, and the message goes from alice."""
    done = _run(home, [b"send", b"--account", BOB.encode(), b"--account", ALICE.encode(), b"--to", BOB.encode(),
                       b"--subject", b"twice", b"--json"], b"")
    assert done.returncode == 0, done.stderr
    done = _run(home, [b"send", b"--account", ALICE.encode(), b"--account", BOB.encode(), b"--to", BOB.encode(),
                       b"--subject", b"twice, bob last"], b"")
    assert done.returncode in (64, 78), done.stderr  # bob is no account here: never sent as alice
    assert b"bob@example.com" in done.stderr
