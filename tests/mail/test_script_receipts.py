"""Receipts a script asks for (issue 78, item 4): ``dispatch-mail send --read-receipt --delivery-receipt`` and
``dispatch-mail sendmail`` with a message holding ``Disposition-Notification-To`` (a read receipt, RFC 8098) or
``Return-Receipt-To`` (a delivery receipt, the non-standard header Exchange itself writes for one: MS-OXCMAIL
2.1.3.1.5). The command's request answered by the desk on an Outbox over the real client, against the sandbox
over real HTTP, EWS and Graph; the copy in Sent Items read back over the same protocol: its
IsReadReceiptRequested / IsDeliveryReceiptRequested (Graph: isReadReceiptRequested / isDeliveryReceiptRequested).
Without them both are false: the window's defaults for new messages never apply to a script."""

from __future__ import annotations

import json
import re

import pytest

from app.command import send_args as sc
from app.domain.models import Folder
from tests.helpers.backends import ALICE, BOB, every_backend, settle
from tests.helpers.script_desk import ask, desk_of


def receipts_in_sent(box, mid: str) -> tuple[bool, bool]:
    """(read receipt, delivery receipt) of the copy of ``mid`` in Sent Items, read back over the backend."""
    refs = box.svc.find_by_message_id(mid)[Folder.SENT]
    assert len(refs) == 1, refs
    msg = box.svc.get_message(refs[0])
    return msg.read_receipt, msg.delivery_receipt


def sent_by(box, sandbox, *argv, stdin: bytes | None = None, cwd: str = ".") -> str:
    reply, _recorded = ask(box, desk_of(box), *argv, stdin=stdin, cwd=cwd)
    assert reply.exit == sc.EX_OK, reply
    settle(sandbox)
    return reply


@every_backend
@pytest.mark.parametrize("asked, expected", [
    ((), (False, False)),
    (("--read-receipt",), (True, False)),
    (("--delivery-receipt",), (False, True)),
    (("--read-receipt", "--delivery-receipt"), (True, True)),
])
def test_send_asks_for_the_receipts_its_options_name(box, sandbox, backend, asked, expected):
    reply = sent_by(box, sandbox, "send", "--to", BOB, "--subject", "receipts", "--json", *asked)
    mid = json.loads(reply.out)["message_id"]
    assert receipts_in_sent(box, mid) == expected


def mail(mid: str, *headers: str) -> bytes:
    head = "".join(f"{h}\n" for h in headers)
    return (f"From: Alice <{ALICE}>\nTo: {BOB}\nSubject: nightly report\nMessage-ID: {mid}\n{head}"
            "Content-Type: text/plain; charset=UTF-8\n\nAll green.\n").encode()


@every_backend
@pytest.mark.parametrize("headers, expected", [
    ((), (False, False)),
    ((f"Disposition-Notification-To: Alice <{ALICE}>",), (True, False)),
    ((f"Return-Receipt-To: {ALICE}",), (False, True)),
    ((f"Disposition-Notification-To: {ALICE}", f"Return-Receipt-To: {ALICE}"), (True, True)),
])
def test_sendmail_asks_for_the_receipts_its_message_names(box, sandbox, backend, headers, expected):
    mid = f"<receipts-{len(headers)}-{expected[0]:d}{expected[1]:d}@example.com>"
    sent_by(box, sandbox, "sendmail", "-i", BOB, stdin=mail(mid, *headers))
    assert receipts_in_sent(box, mid) == expected


@pytest.mark.parametrize("backend", ["ews"], indirect=True)
def test_over_ews_sendmail_says_the_receipts_beside_the_mime(box, sandbox):
    """EWS: the CreateItem that sends the message as it is holds ``t:IsReadReceiptRequested`` and
    ``t:IsDeliveryReceiptRequested`` true beside its MimeContent (validated against the XSD with every body):
    Dispatch says them in so many words rather than leaving them to the server's reading of the headers; a
    message that asks for none holds neither (never written false)."""
    bodies: list[bytes] = []
    sandbox.wire_observer = lambda direction, body, injected=False: bodies.append(body) \
        if direction == "request" and b"CreateItem" in body else None
    sent_by(box, sandbox, "sendmail", "-i", BOB, stdin=mail("<wire-both@example.com>",
                                                            f"Disposition-Notification-To: {ALICE}",
                                                            f"Return-Receipt-To: {ALICE}"))
    sent_by(box, sandbox, "sendmail", "-i", BOB, stdin=mail("<wire-none@example.com>"))
    both, none = [b for b in bodies if b"MimeContent" in b]
    for name in (b"IsReadReceiptRequested", b"IsDeliveryReceiptRequested"):  # xs:boolean: "true" or "1"
        assert re.search(rb"<t:" + name + rb">(true|1)</t:" + name + rb">\s*(<t:|</t:Message>)", both), both[-600:]
    assert b"ReceiptRequested" not in none
