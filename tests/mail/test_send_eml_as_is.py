"""An ``.eml`` file sent as it is (issue 49): the file's bytes, unchanged, through the one submission path
(app/core/outbox/mime_send.py, ``Outbox.submit_mime``) with each backend against the real sandbox over HTTP — EWS
``CreateItem`` ``SendAndSaveCopy`` with ``MimeContent`` (real exchangelib, in this process and in the mail
engine's), Graph ``POST /me/sendMail`` with the base64 MIME as ``text/plain`` (real httpx). What the
recipients' copies hold is read from the sandbox's mailboxes; every body on the wire is schema-checked by
the suite's wire observer."""

from __future__ import annotations

import asyncio
import base64
import email
import email.policy
from dataclasses import replace
from xml.etree import ElementTree

import pytest

from app.core.compose.eml_files import open_eml
from app.core.outbox.submission import SubState
from app.domain.errors import DraftInvalid
from tests.helpers.backends import ALICE, BOB, every_backend, protocol, settle
from tests.mail.outbox_harness import POLICY, count

CAROL, DAVE = "carol@example.com", "dave@example.com"
MID = "<as-is-1@outlook.example>"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"


def outlook_eml(mid: str | None = MID, subject: str = "Minutes as written", to: str = BOB) -> bytes:
    """A message as Outlook writes one: multipart/mixed, a text body, an attachment, a custom header and a
    Bcc header (which must reach Dave and travel in no delivered copy)."""
    head = [f"From: Alice Able <{ALICE}>", f"To: Bob <{to}>", f"Cc: {CAROL}", f"Bcc: {DAVE}",
            f"Subject: {subject}", "Date: Fri, 27 Nov 2026 09:00:00 +0000", "X-Dispatch-Test: kept as is",
            "Importance: high", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b1"']
    if mid is not None:
        head.insert(0, f"Message-ID: {mid}")
    parts = ["--b1", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
             "Hello Bob — the minutes, byte for byte.", "--b1",
             'Content-Type: text/csv; name="minutes.csv"', 'Content-Disposition: attachment; filename="minutes.csv"',
             "Content-Transfer-Encoding: base64", "", "aXRlbSxvd25lcgpidWRnZXQsYWxpY2UK", "--b1--", ""]
    return "\r\n".join(head + [""] + parts).encode("utf-8")


def opened(tmp_path, raw: bytes, name: str = "minutes.eml"):
    """The file written and opened as Ctrl+O opens it (app/core/compose/eml_files.py): (bytes, parsed draft)."""
    path = tmp_path / name
    path.write_bytes(raw)
    parsed = asyncio.new_event_loop().run_until_complete(open_eml(str(path), 1 << 22))
    return path.read_bytes(), parsed.draft


def send(box, raw: bytes, draft):
    sub = box.run(box.ob.submit_mime(raw, draft))
    return box.run(box.ob.wait(sub.local_id))


def the_op(backend: str) -> str:
    return "graph:SendMail" if protocol(backend) == "graph" else "CreateItem"


@every_backend
def test_an_eml_file_is_sent_as_it_is_once(box, sandbox, backend, tmp_path):
    raw, draft = opened(tmp_path, outlook_eml())
    box.svc.connect()  # as the app does first (EWS: the version probe)
    n = len(sandbox.request_log)
    sub = send(box, raw, draft)
    assert sub.state == SubState.SENT and sub.source == "mime", sub.reason
    assert [e.value for _a, e, _b in sub.history] == ["start", "saved", "accepted"]
    look_up = {"ews": ["FindItem"] * 3, "graph": ["graph:Batch"] + ["graph:ListMessages"] * 3}  # Drafts, Sent, Outbox
    assert sandbox.request_log[n:] == look_up[protocol(backend)] + [the_op(backend)], \
        "its Message-ID looked up in Sent Items first (not sent before), then ONE send; no draft written"
    settle(sandbox)
    for who in (BOB, CAROL, DAVE):
        (got,) = sandbox.mailbox(who).items("inbox")
        assert got["subject"] == "Minutes as written" and got["internet_message_id"] == MID
        assert got["importance"] == "High", "what the file says, not a library's default"
        assert "the minutes, byte for byte" in got["body"]
        assert [(a["name"], a["content"]) for a in got["attachments"]] == [("minutes.csv", b"item,owner\nbudget,alice\n")]
        msg = email.message_from_bytes(got["mime"], policy=email.policy.default)
        assert msg["Bcc"] is None, "Bcc never travels in a delivered copy"
        assert msg["X-Dispatch-Test"] == "kept as is" and msg["Message-ID"] == MID
    assert count(sandbox, "sentitems", mid=MID) == 1 and count(sandbox, "drafts") == 0
    (copy,) = sandbox.mailbox(ALICE).items("sentitems")
    assert copy["bcc"] == [DAVE], "the sender's copy keeps its Bcc"
    assert box.journal.count() == 0


@every_backend
def test_on_the_wire_the_file_is_the_whole_request(box, sandbox, backend, tmp_path):
    """EWS: ONE CreateItem, SendAndSaveCopy into Sent Items, whose item is nothing but MimeContent (the file's
    bytes in base64); Graph: POST /me/sendMail, text/plain, the file's bytes in base64 (Microsoft's "send a
    message in MIME format")."""
    raw, draft = opened(tmp_path, outlook_eml())
    seen = []
    if protocol(backend) == "graph":
        sandbox.graph_observer = lambda d, body, **kw: seen.append((kw["method"], kw["path"], kw["content_type"],
                                                                    body)) if d == "request" else None
    else:
        sandbox.wire_observer = lambda d, body, injected=False: seen.append(body) if d == "request" else None
    assert send(box, raw, draft).state == SubState.SENT
    b64 = base64.b64encode(raw)
    if protocol(backend) == "graph":
        (method, path, ctype, body), = [s for s in seen if s[1].endswith("/sendMail")]
        assert (method, path.split("/v1.0")[-1], ctype.split(";")[0], body) == ("POST", "/me/sendMail", "text/plain", b64)
        return
    (body,) = [b for b in seen if b"CreateItem" in b]
    root = ElementTree.fromstring(body)
    create = root.find(f".//{{{M}}}CreateItem")
    assert create.get("MessageDisposition") == "SendAndSaveCopy"
    folder = create.find(f"{{{M}}}SavedItemFolderId/{{{T}}}DistinguishedFolderId")
    assert folder.get("Id") == "sentitems"
    (msg,) = list(create.find(f"{{{M}}}Items"))
    assert [child.tag for child in msg] == [f"{{{T}}}MimeContent"]
    assert "".join(msg[0].text.split()).encode() == b64


@every_backend
def test_a_file_without_a_message_id_gets_one_and_only_that(box, sandbox, tmp_path):
    raw, draft = opened(tmp_path, outlook_eml(mid=None))
    sub = box.run(box.ob.submit_mime(raw, draft))
    mid = sub.draft.internet_message_id
    journaled = box.journal.get(sub.local_id).draft.attachments[0].content
    assert journaled == f"Message-ID: {mid}\r\n".encode() + raw, "the one change: a first header line"
    assert box.run(box.ob.wait(sub.local_id)).state == SubState.SENT
    settle(sandbox)
    (got,) = sandbox.mailbox(BOB).items("inbox")
    assert got["internet_message_id"] == mid and count(sandbox, "sentitems", mid=mid) == 1


@every_backend
def test_a_lost_answer_is_settled_by_message_id_and_never_resent(box, sandbox, backend, tmp_path):
    """The server sent it, and the answer never arrived: the send is looked up in Sent Items by the file's
    Message-ID (journaled before the request left) and found; nothing is sent twice."""
    raw, draft = opened(tmp_path, outlook_eml())
    name = "SendMail" if protocol(backend) == "graph" else "CreateItem"
    sandbox.faults.inject(name, "drop_after_commit", count=1)
    sub = send(box, raw, draft)
    assert (name, "drop_after_commit") in sandbox.faults.fired
    assert sub.state == SubState.SENT and sub.reason.startswith("Sent (confirmed in Sent Items)"), sub.reason
    assert ("submitting", "lost", "unknown") in [(a.value, e.value, b.value) for a, e, b in sub.history]
    assert sandbox.request_log.count(the_op(backend)) == 1, "never resent blindly"
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, mid=MID) == 1 and count(sandbox, "sentitems", mid=MID) == 1


@every_backend
def test_a_crash_mid_send_recovers_by_message_id_and_sends_once(services, sandbox, backend, tmp_path):
    """The app died with the send on the wire (the journal says ``submitting``): the next start settles it
    by Message-ID in Sent Items; it is not sent again."""
    from tests.mail.outbox_harness import Box

    raw, draft = opened(tmp_path, outlook_eml())
    path = tmp_path / "journal.sqlite3"
    first = Box(services.make(), path)
    sub = first.run(first.ob.submit_mime(raw, draft))
    first.run(first.ob.stop())  # the worker never ran: the file's bytes are on disk, queued
    first.journal.set_state(sub.local_id, SubState.SUBMITTING.value)  # as the app leaves it when it dies mid-send
    first.svc.send_mime(first.journal.get(sub.local_id).draft.attachments[0].content)  # ... the request went out
    first.client.close()
    first.loop.close()
    settle(sandbox)
    again = Box(services.make(), path, policy=replace(POLICY, settle_delay=0.01))
    try:
        report = again.ob.restore()
        assert (sub.local_id, "submitting", "unknown") in report
        (back,) = again.ob.queue.submissions()
        assert back.source == "mime"
        again.run(again.ob.wait(back.local_id))
        assert back.state == SubState.SENT and back.reason.startswith("Sent (confirmed"), back.reason
        assert sandbox.request_log.count(the_op(backend)) == 1, "sent once: by the request before the crash"
        assert count(sandbox, "inbox", email=BOB, mid=MID) == 1 and again.journal.count() == 0
    finally:
        again.close()


@every_backend
def test_mime_the_server_cannot_convert_is_refused_clearly_and_kept(box, sandbox, backend, tmp_path):
    """A file the server cannot read as a message (more nested parts than Exchange converts) is refused
    with the server's code; the send fails for the user to see, its bytes stay in the journal, and nothing
    is delivered."""
    inner = b"".join(b"--b\r\nContent-Type: multipart/mixed; boundary=\"c\"\r\n\r\n--c--\r\n" for _ in range(120))
    raw = (b"Message-ID: <too-deep@example.com>\r\nFrom: alice@example.com\r\nTo: bob@example.com\r\n"
           b"Subject: too deep\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
           + inner + b"--b--\r\n")
    draft = opened(tmp_path, outlook_eml())[1]  # listed as any file is (the check here is the server's)
    sub = send(box, raw, replace(draft, subject="too deep"))
    assert sub.state == SubState.FAILED and sub.code == "ErrorMimeContentInvalid", (sub.code, sub.reason)
    assert sub.reason == "The server could not read the message file (its MIME content is invalid) (ErrorMimeContentInvalid)"
    kept = box.journal.get(sub.local_id)
    assert kept is not None and kept.draft.attachments[0].content == raw, "nothing lost"
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "sentitems") == 0


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_a_file_with_no_recipient_is_refused_before_the_network(box, sandbox, tmp_path):
    """The queue's own guard (EWS only: nothing reaches any server)."""
    raw = b"Message-ID: <nobody@example.com>\r\nFrom: alice@example.com\r\nSubject: nobody\r\n\r\nbody\r\n"
    raw, draft = opened(tmp_path, raw)
    n = len(sandbox.request_log)
    with pytest.raises(DraftInvalid) as err:
        box.run(box.ob.submit_mime(raw, draft))
    assert "recipient" in err.value.message.lower()
    assert sandbox.request_log[n:] == [] and box.journal.count() == 0 and box.ob.rows() == []


@every_backend
def test_taken_back_before_it_went_out_it_leaves_the_journal_and_nothing_is_sent(box, sandbox, backend, tmp_path):
    """Refused while busy (nothing sent), then taken back in the Outbox: its entry goes (the file is the
    user's copy), nothing comes back to Compose, and nothing is ever sent."""
    raw, draft = opened(tmp_path, outlook_eml())
    name = "SendMail" if protocol(backend) == "graph" else "CreateItem"
    sandbox.faults.inject(name, "server_busy", count=1, backoff_ms=60_000)
    sub = box.run(box.ob.submit_mime(raw, draft))
    box.until(lambda: sub.state == SubState.QUEUED and sub.attempts == 1)

    async def take_back():
        return await box.ob.hand.cancel(sub.local_id)

    assert box.run(take_back()) is None, "no message to edit: the file is the original"
    assert sub.state == SubState.CANCELLED and box.journal.get(sub.local_id) is None
    assert box.ob.rows() == []
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "sentitems") == 0


@every_backend
def test_the_same_file_sent_again_is_found_in_sent_items_and_not_sent_twice(box, sandbox, backend, tmp_path):
    """Its Message-ID names the message: a second Send of the same file finds it in Sent Items first."""
    raw, draft = opened(tmp_path, outlook_eml())
    assert send(box, raw, draft).state == SubState.SENT
    settle(sandbox)
    again = send(box, raw, draft)
    assert again.state == SubState.SENT and again.reason == "Already sent (found in Sent Items)", again.reason
    assert [e.value for _a, e, _b in again.history] == ["start", "found_sent"]
    assert sandbox.request_log.count(the_op(backend)) == 1
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, mid=MID) == 1 and count(sandbox, "sentitems", mid=MID) == 1


@every_backend
def test_a_file_from_someone_else_is_refused_as_exchange_refuses_it(box, sandbox, tmp_path):
    """The file says it is from a mailbox the account holds no Send As / on Behalf right on: the server
    refuses it (ErrorSendAsDenied), the user is told, and the file's bytes stay in the journal."""
    raw = outlook_eml().replace(f"From: Alice Able <{ALICE}>".encode(), b"From: Bob <bob@example.com>")
    raw, draft = opened(tmp_path, raw)
    sub = send(box, raw, draft)
    assert sub.state == SubState.FAILED and sub.code == "ErrorSendAsDenied", (sub.code, sub.reason)
    assert sub.reason.startswith("You are not allowed to send as this sender")
    assert box.journal.get(sub.local_id).draft.attachments[0].content == raw
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "sentitems") == 0
