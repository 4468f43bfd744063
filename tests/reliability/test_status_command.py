"""``dispatch-mail status`` end to end (issue 78, item 5): real processes against the sandbox in its own process.
``dispatch-mail sendmail`` to bob and to an address in the domain with no mailbox; the sandbox files Exchange's
non-delivery report (5.1.1) in alice's Inbox; ``status MESSAGE-ID`` says, per recipient, what happened in words
(exit 1: one was not reached), ``--json`` parses, ``--failed --since`` lists it for a cron job; a message that
reached everyone is 0; a command used wrongly is 64 and says how."""

from __future__ import annotations

import json

import pytest

from tests.helpers.commands import BOB, rfc822

NOBODY = "nobody@example.com"


def _sendmail(home, mid: str, subject: str, *to: str) -> None:
    """Sent as it is to ``to``, an address the directory does not know among them (``--no-check``: the server is to
    bounce it, not the command to refuse it)."""
    done = home.run("sendmail", "--no-check", *to, stdin=rfc822(mid, subject, to=", ".join(to)))
    assert done.returncode == 0, done.stderr


@pytest.mark.timeout(240)
def test_status_after_sendmail_to_an_unknown_address_is_1_with_the_reason_in_words(server, home):
    mid = "<status-1@scripts.example>"
    _sendmail(home, mid, "quarterly figures", BOB, NOBODY)

    done = home.run("status", mid)
    out = done.stdout.decode()
    assert done.returncode == 1, (out, done.stderr)
    assert "“quarterly figures”" in out and f"{BOB}: no news" in out, out
    line = next(ln for ln in out.splitlines() if NOBODY in ln)
    assert "(5.1.1)" in line and "Check the spelling" in line, line
    assert b"Traceback" not in done.stderr

    as_json = home.run("status", mid.strip("<>"), "--json")  # with or without its angle brackets
    assert as_json.returncode == 1, as_json.stderr
    [message] = json.loads(as_json.stdout)["messages"]
    states = {r["address"]: (r["state"], r["status"]) for r in message["recipients"]}
    assert message["message_id"] == mid and states == {BOB: ("no-news", ""), NOBODY: ("failed", "5.1.1")}

    failed = home.run("status", "--failed", "--since", "1d", "--json")
    assert failed.returncode == 1 and [m["message_id"] for m in json.loads(failed.stdout)["messages"]] == [mid]


@pytest.mark.timeout(240)
def test_a_message_that_reached_everyone_is_0(server, home):
    mid = "<status-0@scripts.example>"
    _sendmail(home, mid, "all well", BOB)
    done = home.run("status", mid)
    assert done.returncode == 0 and f"{BOB}: no news" in done.stdout.decode(), done.stdout
    none_failed = home.run("status", "--failed")
    assert none_failed.returncode == 0 and b"No report says a message did not arrive" in none_failed.stdout


@pytest.mark.timeout(120)
@pytest.mark.parametrize("argv, words", [
    ((), "give a MESSAGE-ID, or --failed"),
    (("<a@b>", "--failed"), "not both"),
    (("<a@b>", "--since", "1d"), "--since goes with --failed"),
    (("--failed", "--since", "3 weeks"), "30m, 12h or 1d"),
])
def test_a_status_used_wrongly_is_64_and_says_how(server, home, argv, words):
    done = home.run("status", *argv)
    assert done.returncode == 64 and words.encode() in done.stderr, done.stderr


@pytest.mark.timeout(120)
def test_with_the_server_unreachable_status_is_69_in_words(server, home):
    home.point_at("http://127.0.0.1:1/EWS/Exchange.asmx")  # nothing listens there
    done = home.run("status", "<any@scripts.example>")
    assert done.returncode == 69 and done.stderr.startswith(b"dispatch-mail status: "), done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.timeout(240)
def test_outbox_lists_the_failure_status_read_from_the_delivery_book(server, home):
    """``dispatch-mail outbox`` reads the account's delivery book on disk (no network of its own): after
    ``status`` read the non-delivery report, ``--json`` gives the sent entry's news and a ``failures`` list, and the
    words say it in one line."""
    mid = "<outbox-1@scripts.example>"
    _sendmail(home, mid, "quarterly figures", BOB, NOBODY)
    assert home.run("status", mid).returncode == 1  # the report read into the book

    listed = home.run("outbox", "--json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    [failure] = data["failures"]
    # the command's own queue keeps no sent entry once it is done: the subject is not known here (a window's is)
    assert (failure["message_id"], failure["subject"], data["entries"]) == (mid, "", []), failure
    [lost] = failure["failed"]
    assert (lost["address"], lost["status"]) == (NOBODY, "5.1.1") and "Check the spelling" in lost["fix"], lost

    words = home.run("outbox")
    line = next(ln for ln in words.stdout.decode().splitlines() if ln.startswith("Not delivered: "))
    assert mid in line and NOBODY in line and "(5.1.1)" in line, line
