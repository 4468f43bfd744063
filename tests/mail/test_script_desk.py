"""The desk that answers a ``dispatch-mail`` command (app/core/scripts/desk.py), on the Outbox over a real client
and a real journal file, against the sandbox over real HTTP (EWS and Graph): what is journaled before the
answer, exit codes and words, one message per Message-ID, the Outbox's list, retry and cancel, and which
commands are this account's. No Qt."""

from __future__ import annotations

import json

import pytest

from app.command import send_args as sc
from app.command.queue import account_of
from app.core.scheduled.held import ScheduledList
from app.core.scripts.desk import ScriptDesk, exit_code
from app.core.outbox.submission import SubState
from app.domain.account import AccountConfig
from app.domain.models import ErrorKind
from app.domain.senders import Principal
from tests.helpers.backends import ALICE, BOB, every_backend, op, protocol, settle
from tests.helpers.script_desk import ACCOUNT, ask, desk_of, typed
from tests.mail.outbox_harness import count


def mail(mid: str, to: str = BOB) -> bytes:
    return (f"From: Alice <{ALICE}>\nTo: {to}\nSubject: nightly report\nMessage-ID: {mid}\n"
            "Content-Type: text/plain; charset=UTF-8\n\nAll green.\n").encode()


@every_backend
def test_send_is_journaled_before_the_answer_and_sent_once(box, sandbox, backend, tmp_path):
    (tmp_path / "body.txt").write_text("Backups done.\n")
    desk = desk_of(box)
    reply, recorded = ask(box, desk, "send", "--to", BOB, "--subject", "backups", "--body-file", "body.txt",
                          "--json", cwd=str(tmp_path))
    assert reply.exit == sc.EX_OK, reply
    out = json.loads(reply.out)
    assert out["result"] == "sent" and recorded == [out["id"]]
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, mid=out["message_id"]) == 1
    assert count(sandbox, "sentitems", mid=out["message_id"]) == 1
    assert box.journal.count() == 0, "the journal lets go once the server confirmed it"


@every_backend
def test_no_wait_answers_once_recorded_and_the_queue_sends_it(box, sandbox, backend):
    desk = desk_of(box)
    seen_on_disk = []
    reply = box.run(desk.answer(typed(desk, ["send", "--to", BOB, "--subject", "q", "--no-wait"]),
                                lambda lid: seen_on_disk.append(box.journal.get(lid) is not None)))
    assert reply.exit == sc.EX_OK and reply.out.startswith("Queued ("), reply
    assert seen_on_disk == [True], "said recorded only once the journal holds it"
    (sub,) = box.ob.queue.submissions()
    box.run(box.ob.wait(sub.local_id))
    assert sub.state == SubState.SENT
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, mid=sub.draft.internet_message_id) == 1


@every_backend
def test_the_same_message_id_twice_goes_out_once(box, sandbox, backend):
    """sendmail with the sender's own Message-ID (git send-email's), run again after it went: not sent again."""
    desk = desk_of(box)
    raw = mail("<nightly-1@example.com>")
    first, _ = ask(box, desk, "sendmail", "-i", BOB, stdin=raw)
    assert (first.exit, first.out, first.err) == (sc.EX_OK, "", ""), "sendmail says nothing when it went"
    settle(sandbox)
    again, recorded = ask(box, desk, "sendmail", "-i", BOB, stdin=raw)
    assert again.exit == sc.EX_OK and again.out.startswith("Already sent (Message-ID <nightly-1@example.com>)")
    assert recorded == []
    settle(sandbox)
    assert count(sandbox, "sentitems", mid="<nightly-1@example.com>") == 1
    assert count(sandbox, "inbox", email=BOB, mid="<nightly-1@example.com>") == 1


@every_backend
def test_a_message_id_already_queued_is_followed_not_queued_again(box, sandbox, backend, tmp_path):
    """The file handed over with --no-wait waits for a retry (the server said "not now"); the same message
    through sendmail meanwhile is that submission, followed until it went: one send."""
    desk = desk_of(box)
    name = "SendMail" if protocol(backend) == "graph" else "CreateItem"
    sandbox.faults.inject(name, "http_503", count=1, retry_after=1)
    (tmp_path / "report.eml").write_bytes(mail("<twice@example.com>"))
    first, rec1 = ask(box, desk, "send", "report.eml", "--no-wait", cwd=str(tmp_path))
    box.run(box.ob.wait(rec1[0], final=False))  # its first attempt is over: it waits for its retry
    assert (name, "http_503") in sandbox.faults.fired
    assert box.ob.queue.submission(rec1[0]).state == SubState.QUEUED
    second, rec2 = ask(box, desk, "sendmail", "-i", BOB, stdin=mail("<twice@example.com>"))
    assert rec1 == rec2 and len(box.ob.queue.submissions()) == 1, "one submission for one Message-ID"
    assert (first.exit, second.exit) == (sc.EX_OK, sc.EX_OK), (first, second)
    assert box.ob.queue.submission(rec1[0]).state == SubState.SENT
    settle(sandbox)
    assert count(sandbox, "sentitems", mid="<twice@example.com>") == 1


@every_backend
def test_a_refusal_is_said_in_the_outbox_words_and_kept_to_retry(box, sandbox, backend):
    desk = desk_of(box)
    sandbox.faults.inject(op(backend, "SendItem"), "item_error", count=1, code="ErrorSendAsDenied")
    reply, (lid,) = ask(box, desk, "send", "--to", BOB, "--subject", "refused")
    assert (op(backend, "SendItem"), "item_error") in sandbox.faults.fired
    assert reply.exit == sc.EX_NOPERM, reply
    row = next(r for r in box.ob.rows() if r.local_id == lid)
    assert reply.err.startswith(f"{row.text}. It stays in the Outbox") and row.text.startswith("Not sent: ")
    assert "ErrorSendAsDenied" in reply.err, "the server's code, as the window shows it"
    assert f"dispatch-mail outbox retry {lid[:8]}" in reply.err
    listed, _ = ask(box, desk, "outbox", "--json")
    (entry,) = json.loads(listed.out)["entries"]
    assert (entry["id"], entry["can_retry"], entry["text"]) == (lid, True, row.text)
    retried, _ = ask(box, desk, "outbox", "retry", lid[:6])
    assert retried.exit == sc.EX_OK
    box.run(box.ob.wait(lid))
    assert box.ob.queue.submission(lid).state == SubState.SENT


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_an_unreachable_server_leaves_it_queued_and_says_75(box, sandbox):
    """EWS only: what is tested is the desk's waiting, not a backend."""
    desk = desk_of(box)
    sandbox.faults.inject("CreateItem", "http_503", count=1, retry_after=2)
    reply, (lid,) = ask(box, desk, "send", "--to", BOB, "--subject", "later", "--wait", "0.3")
    assert ("CreateItem", "http_503") in sandbox.faults.fired
    assert reply.exit == sc.EX_TEMPFAIL and reply.err.startswith("Not sent yet: ") and "do not send it again" in reply.err
    assert box.journal.get(lid) is not None, "queued: nothing lost"
    sandbox.faults.clear()
    box.run(box.ob.wait(lid))
    assert box.ob.queue.submission(lid).state == SubState.SENT


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_cancel_takes_it_out_and_gives_it_back(box, sandbox):
    back = []
    desk = ScriptDesk(box.ob, ACCOUNT, configured=lambda: ACCOUNT, taken_back=back.append)
    sandbox.faults.inject("CreateItem", "http_503", count=50, retry_after=60)  # it waits here, queued
    queued, (lid,) = ask(box, desk, "send", "--to", BOB, "--subject", "not now", "--wait", "0.3")
    assert ("CreateItem", "http_503") in sandbox.faults.fired
    assert queued.exit == sc.EX_TEMPFAIL and "It waits in the Outbox" in queued.err
    assert box.ob.queue.submission(lid).state == SubState.QUEUED
    bad, _ = ask(box, desk, "outbox", "cancel", "zz")
    assert bad.exit == sc.EX_NOINPUT
    done, _ = ask(box, desk, "outbox", "cancel", lid[:8])
    assert done.exit == sc.EX_OK and done.out.startswith("Taken out of the Outbox, not sent.")
    assert [d.subject for d in back] == ["not now"] and box.ob.queue.submission(lid) is None
    assert count(sandbox, "sentitems") == 0


@every_backend
def test_send_later_is_scheduled_on_the_server_listed_and_taken_back_by_its_id(box, sandbox):
    desk = ScriptDesk(box.ob, ACCOUNT, configured=lambda: ACCOUNT, scheduled=ScheduledList(box.client, lambda: box.ob))
    done, (lid,) = ask(box, desk, "send", "--to", BOB, "--subject", "at nine", "--later", "tomorrow 9:00")
    assert done.exit == sc.EX_OK and done.out.startswith("Scheduled (<") and "Exchange keeps it" in done.out
    listed, _ = ask(box, desk, "outbox", "--json")
    (entry,) = json.loads(listed.out)["entries"]  # the queue's sent row gives way to the server's copy
    assert (entry["subject"], entry["op"], entry["kept_by_server"]) == ("at nine", "scheduled", True)
    assert entry["id"].startswith("s") and entry["send_at"]
    taken, _ = ask(box, desk, "outbox", "cancel", entry["id"][:6])
    assert taken.exit == sc.EX_OK and taken.out.startswith("Taken back: it is in Drafts"), taken
    assert json.loads(ask(box, desk, "outbox", "--json")[0].out)["entries"] == []
    sandbox.advance_clock(2 * 24 * 3600)
    settle(sandbox)
    assert count(sandbox, "sentitems") == 0 and count(sandbox, "drafts", subject="at nine") == 1


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_bad_input_queues_nothing(box, sandbox, tmp_path):
    desk = desk_of(box)
    cases = {
        ("send", "--subject", "no one"): sc.EX_DATAERR,
        ("send", "--to", BOB, "--subject", "a\nBcc: eve@example.com"): sc.EX_DATAERR,
        ("send", "--to", BOB, "--attach", "missing.pdf"): sc.EX_NOINPUT,
        ("send", "--to", BOB, "--from", "desk@example.com"): sc.EX_DATAERR,  # not a mailbox alice sends from
        ("send", "--to", BOB, "--frobnicate"): sc.EX_USAGE,
        ("outbox", "retry"): sc.EX_USAGE,
    }
    for argv, code in cases.items():
        reply, recorded = ask(box, desk, *argv, cwd=str(tmp_path))
        assert (reply.exit, recorded) == (code, []), (argv, reply)
        assert reply.err and not reply.out, argv
    assert box.journal.count() == 0 and box.ob.queue.submissions() == []


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_from_a_mailbox_the_account_sends_from(box, sandbox):
    desk = desk_of(box, principals=[Principal("desk@example.com", "Help Desk")])
    reply, (lid,) = ask(box, desk, "send", "--to", BOB, "--subject", "from the desk", "--from", "desk@example.com",
                        "--no-wait")
    assert reply.exit == sc.EX_OK
    assert box.ob.queue.submission(lid).draft.principal == Principal("desk@example.com", "Help Desk")


def test_whose_command_it_is():
    other = AccountConfig(email="bob@example.com", ews_url=ACCOUNT.ews_url, username="bob@example.com")

    def desk(configured):
        return ScriptDesk(None, ACCOUNT, configured=lambda: configured)

    def routed(*argv):  # the account the command's parser reads, as the command routes its request by it
        return account_of(sc.parse_command(list(argv)))

    assert desk(ACCOUNT).is_mine(routed("send", "--to", BOB))
    assert not desk(other).is_mine(routed("send", "--to", BOB)), "the set-up account is another: not this window's"
    assert not desk(None).is_mine(routed("sendmail", BOB))
    assert desk(other).is_mine(routed("send", "--account", "ALICE@example.com"))
    assert not desk(ACCOUNT).is_mine(routed("send", "--account=bob@example.com"))
    with pytest.raises(sc.CommandError):  # refused by the command itself: routed nowhere
        routed("send", "--", "--account", "x@y.z")


def test_exit_codes_of_a_followed_message():
    from app.domain.models import Draft, ErrorKind
    from app.core.outbox.submission import Submission

    def sub(state, kind=None):
        s = Submission(Draft(), "a", state=state)
        s.kind = kind
        return s

    assert exit_code(sub(SubState.SENT), waited_enough=False) == 0
    assert exit_code(sub(SubState.QUEUED), waited_enough=True) == 0
    assert exit_code(sub(SubState.QUEUED), waited_enough=False) == 75
    assert exit_code(sub(SubState.FAILED, ErrorKind.PERMANENT), waited_enough=False) == 77
    assert exit_code(sub(SubState.FAILED, ErrorKind.INVALID_INPUT), waited_enough=False) == 65
    assert exit_code(sub(SubState.FAILED, ErrorKind.OUTCOME_UNKNOWN), waited_enough=False) == 75
    assert exit_code(sub(SubState.FAILED, ErrorKind.THROTTLED), waited_enough=False) == 75, "gave up: try later"
    assert exit_code(sub(SubState.FAILED, ErrorKind.UNREACHABLE), waited_enough=False) == 75
    assert exit_code(sub(SubState.CANCELLED), waited_enough=False) == 69
    assert exit_code(None, waited_enough=False) == 69


@every_backend
def test_the_journal_remembers_what_went_before_the_server_shows_it(services, sandbox, backend, tmp_path):
    """The next command (a new Outbox on the same journal) is handed the same message while the server cannot be
    asked (its look-up refused): the journal's record of what went says it was sent, with no look-up at all."""
    from tests.mail.outbox_harness import Box

    path = tmp_path / "journal.sqlite3"
    first = Box(services.make(), path)
    try:
        reply, _ = ask(first, desk_of(first), "sendmail", "-i", BOB, stdin=mail("<once@example.com>"))
        assert reply.exit == sc.EX_OK
    finally:
        first.close()
    look_up = "ListMessages" if protocol(backend) == "graph" else "FindItem"
    sandbox.faults.inject(look_up, "http_503", count=-1, retry_after=0)
    again = Box(services.make(), path)
    try:
        since = len(sandbox.request_log)
        reply, recorded = ask(again, desk_of(again), "sendmail", "-i", BOB, stdin=mail("<once@example.com>"))
        assert reply.exit == sc.EX_OK and reply.out.startswith("Already sent (Message-ID <once@example.com>)")
        assert recorded == [] and sandbox.request_log[since:] == [], "known here: the server is not asked"
    finally:
        again.close()
    settle(sandbox)
    assert count(sandbox, "sentitems", mid="<once@example.com>") == 1


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_a_message_id_the_server_cannot_be_asked_about_is_queued_and_never_sent_blindly(box, sandbox, monkeypatch):
    """Never seen here, and the look-up in Sent Items fails: it is queued all the same (75: do not send it again),
    and its try looks in Sent Items first, every time: nothing is sent while the server cannot say; once it can,
    it goes once."""
    monkeypatch.setenv(sc.WAIT_VARIABLE, "3")  # sendmail has no --wait: the default's documented override
    box.run(box.ob.parts.client.find_by_message_ids(["<warm@example.com>"]))  # the backend built (slow on a busy machine)
    sandbox.faults.inject("FindItem", "http_503", count=-1, retry_after=0)
    reply, recorded = ask(box, desk_of(box), "sendmail", "-i", BOB, stdin=mail("<unsure@example.com>"))
    assert ("FindItem", "http_503") in sandbox.faults.fired
    assert reply.exit == sc.EX_TEMPFAIL and "in the Outbox" in reply.err, reply  # not "Not queued"
    (lid,) = recorded
    assert box.journal.get(lid) is not None, "queued: journaled"
    assert "CreateItem" not in sandbox.request_log, "never sent before Sent Items is looked at"
    sandbox.faults.clear()
    box.ob.hand.resubmit(lid)  # Retry: a failed one is sent again, one waiting for its next try tries now
    box.run(box.ob.wait(lid))
    assert box.ob.queue.submission(lid).state == SubState.SENT
    settle(sandbox)
    assert count(sandbox, "sentitems", mid="<unsure@example.com>") == 1


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_a_send_not_confirmed_is_never_sent_again_by_a_repeat(box, sandbox):
    """The send's answer was lost and Sent Items never showed it: the Outbox keeps it as not confirmed (75), for
    the user to look and decide. The same message handed over again follows that entry: never sent blindly."""
    sandbox.faults.inject("CreateItem", "drop_before_commit", count=1)
    first, (lid,) = ask(box, desk_of(box), "sendmail", "-i", BOB, stdin=mail("<lost@example.com>"))
    assert ("CreateItem", "drop_before_commit") in sandbox.faults.fired
    sub = box.ob.queue.submission(lid)
    assert (sub.state, sub.kind) == (SubState.FAILED, ErrorKind.OUTCOME_UNKNOWN), sub.history
    assert first.exit == sc.EX_TEMPFAIL, first
    since = sandbox.request_log.count("CreateItem")
    again, recorded = ask(box, desk_of(box), "sendmail", "-i", BOB, stdin=mail("<lost@example.com>"))
    assert recorded == [lid] and again.exit == sc.EX_TEMPFAIL, again
    assert again.err.startswith(f"{box.ob.rows()[0].text}. It stays in the Outbox")
    assert sandbox.request_log.count("CreateItem") == since, "not sent again"
