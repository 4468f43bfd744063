"""A command's stderr and log when a reply cannot be read (issue 74, item 4).

The sandbox labels its reply to the send ``Content-Encoding: gzip`` although it is not (its ``wrong_encoding``
fault): exchangelib then logs at ERROR the whole request XML (subject, body, recipients). A command is what cron
mails and systemd journals: its stderr is one line of words; what happened goes to the private log (states and
codes, app/storage/logfile.py), and neither holds anything of the message.
"""

from __future__ import annotations

import pytest

from tests.helpers.commands import BOB

SUBJECT = "Quarterly-figures-SUBJECT-7d1c"
BODY = "the-secret-body-text-41f0"


@pytest.mark.timeout(180)
def test_a_reply_that_cannot_be_read_puts_nothing_of_the_message_on_stderr_or_in_the_log(server, home):
    server.inject("*", "wrong_encoding", count=-1)
    body = home.home / "body.txt"
    body.write_text(BODY)
    done = home.run("send", "--to", BOB, "--subject", SUBJECT, "--body-file", str(body), "--wait", "8")
    fired = server.fired()
    assert any(k == "wrong_encoding" for _, k in fired), (fired, done.returncode)  # a reply it cannot read
    err = done.stderr.decode(errors="replace")
    logs = "".join(p.read_text(errors="replace") for p in (home.home / "logs").glob("*.log*"))
    for text, where in ((err, "stderr"), (logs, "the log")):
        for secret in (SUBJECT, BODY, "bob@", "Request XML", "Authorization"):
            assert secret.lower() not in text.lower(), f"{secret!r} in {where}: {text[-3000:]}"
    assert len(err.strip().splitlines()) <= 1, err  # one line of words (or none, when it was sent)
    assert "--start--> send_saving" in logs, "the private log says what happened: states and codes"
