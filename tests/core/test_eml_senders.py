""".eml out and in for a draft from another mailbox (issue 49): From is the mailbox the draft is sent from
(send as), with the account as Sender for send on behalf; a file whose From is one of the account's mailboxes
opens as a draft from it."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

from app.domain.eml import to_eml
from app.domain.eml_read import principal_of, read_eml
from app.domain.models import Draft, Recipient
from app.domain.senders import Principal, SendRight

ALICE = Recipient("alice@example.com", "Alice Liddell")
DESK = Principal("desk@example.com", "Shared Desk", SendRight.SEND_AS)
BOSS = Principal("boss@example.com", "The Boss", SendRight.ON_BEHALF)
WHEN = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone.utc)
LIMIT = 20 * 1024 * 1024


def headers(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def draft(principal=None, **kw) -> Draft:
    return Draft(to=[Recipient("bob@example.com")], subject="Rota", body="See the rota.", principal=principal,
                 read_receipt=True, **kw)


def test_send_as_writes_the_mailbox_as_from_and_no_sender():
    msg = headers(to_eml(draft(DESK), sender=ALICE, date=WHEN))
    assert msg["From"].addresses[0].addr_spec == "desk@example.com"
    assert msg["From"].addresses[0].display_name == "Shared Desk"
    assert msg["Sender"] is None, "send as: the recipient sees only the mailbox"
    assert msg["Disposition-Notification-To"] == "Alice Liddell <alice@example.com>", "receipts come to the account"


def test_on_behalf_writes_the_account_as_sender():
    msg = headers(to_eml(draft(BOSS), sender=ALICE, date=WHEN))
    assert msg["From"].addresses[0].addr_spec == "boss@example.com"
    assert msg["Sender"].addresses[0].addr_spec == "alice@example.com"


def test_own_address_is_the_from_as_before():
    msg = headers(to_eml(draft(), sender=ALICE, date=WHEN))
    assert msg["From"].addresses[0].addr_spec == "alice@example.com" and msg["Sender"] is None


def test_a_principal_without_a_known_account_is_still_the_from():
    msg = headers(to_eml(draft(BOSS), sender=None, date=WHEN))
    assert msg["From"].addresses[0].addr_spec == "boss@example.com" and msg["Sender"] is None


def test_reading_a_file_from_one_of_the_accounts_mailboxes_sets_it():
    raw = to_eml(draft(BOSS), sender=ALICE, date=WHEN)
    parsed = read_eml(raw, max_bytes=LIMIT)
    assert parsed.sender == Recipient("boss@example.com", "The Boss")
    assert parsed.on_behalf == Recipient("alice@example.com", "Alice Liddell")
    assert principal_of(parsed, [DESK, BOSS]) == BOSS
    # case differs in the file: still the account's mailbox, with the account's own right
    upper = raw.replace(b"boss@example.com", b"BOSS@Example.com")
    assert principal_of(read_eml(upper, max_bytes=LIMIT), [DESK, BOSS]) == BOSS


def test_reading_a_file_from_another_address_keeps_the_account():
    parsed = read_eml(to_eml(draft(), sender=ALICE, date=WHEN), max_bytes=LIMIT)
    assert parsed.on_behalf is None
    assert principal_of(parsed, [DESK, BOSS]) is None
    assert principal_of(parsed, []) is None
    no_from = read_eml(b"To: bob@example.com\r\nSubject: x\r\n\r\nbody\r\n", max_bytes=LIMIT)
    assert principal_of(no_from, [DESK]) is None
