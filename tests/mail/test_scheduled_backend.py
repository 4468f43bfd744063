"""Send later kept on the server (issue 79), the backends: a draft saved with ``send_at`` carries
PidTagDeferredSendTime (0x3FEF) on the server's copy, sent it waits in the account's own Outbox
(``list_scheduled``), ``take_back`` moves it to Drafts and removes its deferral, ``delete_items`` drops it, and
``find_by_message_ids`` finds it under ``Folder.OUTBOX`` while it waits. Over EWS (real exchangelib, in this process
and in the mail engine's) and Microsoft Graph (real httpx), against the sandbox over HTTP; the sandbox's clock is
injected and moved (``Sandbox.advance_clock``), so nothing waits for real minutes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.domain import follow_up
from app.domain.models import ErrorKind, Folder, Recipient
from app.mail.errors import MailError
from app.mail.service import Scheduled
from tests.helpers.aio import run
from tests.helpers.backends import ALICE, BOB, every_backend
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Services

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
AT_TEN = START + timedelta(hours=1)


@pytest.fixture
def sandbox(sandbox_factory, backend):
    """A sandbox on a clock the test moves; a Graph send is delivered at once (no 0.3 s delay to wait for)."""
    return sandbox_factory(clock=lambda: START, graph=backend == "graph", graph_send_delay=0)


@pytest.fixture
def services(sandbox, backend):
    s = Services(sandbox, backend)
    yield s
    s.close()


def _advance(sb, seconds: float) -> None:
    sb.advance_clock(seconds)
    assert sb.outbox.wait_idle(10), "the sandbox's outbox did not deliver"


def _counts(sb) -> tuple[int, int, int, int]:
    """(Bob's Inbox, Alice's Outbox, Sent Items, Drafts)."""
    a = sb.mailbox(ALICE)
    return sb.mailbox(BOB).count("inbox"), a.count("outbox"), a.count("sentitems"), a.count("drafts")


def _scheduled(svc, sb, subject: str, when: datetime = AT_TEN):
    """A draft saved with ``send_at`` and sent: it waits in the Outbox. The saved draft."""
    saved = svc.save_draft(simple_draft(subject).copy(to=[Recipient(BOB, "Bob Brown")], send_at=when))
    assert [o.ok for o in svc.send_drafts([saved.ref])] == [True]
    assert sb.outbox.wait_idle(10)
    return saved


@every_backend
def test_a_draft_saved_with_a_send_time_carries_it_on_create_and_on_update(svc):
    saved = svc.save_draft(simple_draft("later").copy(send_at=AT_TEN))
    assert svc.get_message(saved.ref).send_at == AT_TEN
    moved = AT_TEN + timedelta(minutes=30)
    again = svc.save_draft(saved.copy(subject="later still", send_at=moved))
    back = svc.get_message(again.ref)
    assert (back.subject, back.send_at) == ("later still", moved)
    assert back.send_at.tzinfo == timezone.utc
    # a save without a send time leaves the server's as it was (no DeleteItemField on every save)
    svc.save_draft(back.copy(subject="untouched time", send_at=None))
    assert svc.get_message(again.ref).send_at == moved
    plain = svc.save_draft(simple_draft("at once"))
    assert svc.get_message(plain.ref).send_at is None


@every_backend
def test_a_scheduled_message_waits_in_the_outbox_listed_then_goes_out_once(svc, sandbox):
    saved = _scheduled(svc, sandbox, "at ten")

    [held] = svc.list_scheduled()
    assert held == Scheduled(held.ref, saved.internet_message_id, "at ten", (Recipient(BOB, "Bob Brown"),), AT_TEN)
    assert held.send_at.tzinfo == timezone.utc
    assert _counts(sandbox) == (0, 1, 0, 0)
    where = svc.find_by_message_id(saved.internet_message_id)
    assert (where[Folder.OUTBOX], where[Folder.SENT], where[Folder.DRAFTS]) == ([held.ref], [], [])

    _advance(sandbox, 3600)
    assert svc.list_scheduled() == []
    assert _counts(sandbox) == (1, 0, 1, 0)
    where = svc.find_by_message_id(saved.internet_message_id)
    assert (len(where[Folder.SENT]), where[Folder.OUTBOX], where[Folder.DRAFTS]) == (1, [], [])
    sent = svc.get_message(where[Folder.SENT][0])
    assert sent.send_at == AT_TEN  # the copy in Sent Items keeps the time it was kept for
    assert follow_up.edit_as_new(sent).send_at is None, "a new message from it is not scheduled by the old time"
    _advance(sandbox, 3600)
    assert _counts(sandbox) == (1, 0, 1, 0)  # once


@every_backend
def test_the_outbox_is_listed_the_latest_send_time_last_up_to_the_limit(svc, sandbox):
    for subject, minutes in (("third", 90), ("first", 10), ("second", 40)):
        _scheduled(svc, sandbox, subject, START + timedelta(minutes=minutes))
    assert [s.subject for s in svc.list_scheduled()] == ["first", "second", "third"]
    assert len(svc.list_scheduled(limit=2)) == 2


@every_backend
def test_a_message_taken_back_is_in_drafts_never_sent_and_then_sends_at_once(svc, sandbox):
    tomorrow = START + timedelta(days=1)
    saved = _scheduled(svc, sandbox, "take me back", tomorrow)
    [held] = svc.list_scheduled()

    back = svc.take_back(held.ref)

    assert svc.list_scheduled() == []
    assert _counts(sandbox) == (0, 0, 0, 1)
    draft = svc.get_message(back)
    assert (draft.subject, draft.send_at, draft.internet_message_id) == ("take me back", None,
                                                                          saved.internet_message_id)
    assert svc.find_by_message_id(saved.internet_message_id)[Folder.DRAFTS] == [back]
    _advance(sandbox, 2 * 3600)
    assert _counts(sandbox) == (0, 0, 0, 1), "taken back: not sent"

    # the deferral is gone: a plain send now goes at once, although the time it had (tomorrow) is still to come
    assert [o.ok for o in svc.send_drafts([back])] == [True]
    assert sandbox.outbox.wait_idle(10)
    assert _counts(sandbox) == (1, 0, 1, 0)
    assert svc.list_scheduled() == []


@every_backend
def test_a_take_back_after_delivery_is_not_found_and_sends_nothing_twice(svc, sandbox):
    saved = _scheduled(svc, sandbox, "too late")
    [held] = svc.list_scheduled()
    _advance(sandbox, 3600)

    with pytest.raises(MailError) as err:
        svc.take_back(held.ref)

    assert err.value.kind == ErrorKind.NOT_FOUND
    assert _counts(sandbox) == (1, 0, 1, 0)
    assert len(svc.find_by_message_id(saved.internet_message_id)[Folder.SENT]) == 1


@every_backend
def test_a_scheduled_message_deleted_is_never_delivered_and_a_gone_one_is_not_found(svc, sandbox):
    _scheduled(svc, sandbox, "never mind")
    [held] = svc.list_scheduled()

    [done] = svc.delete_items([held.ref], to_trash=True)

    assert done.ok
    assert svc.list_scheduled() == []
    _advance(sandbox, 2 * 3600)
    assert _counts(sandbox)[:3] == (0, 0, 0)
    [again] = svc.delete_items([held.ref], to_trash=True)
    assert not again.ok and again.kind == ErrorKind.NOT_FOUND

    _scheduled(svc, sandbox, "delivered first", START + timedelta(hours=3))  # the clock is at 11:00 now
    [late] = svc.list_scheduled()
    _advance(sandbox, 3600)
    [gone] = svc.delete_items([late.ref], to_trash=True)
    assert not gone.ok and gone.kind == ErrorKind.NOT_FOUND
    assert _counts(sandbox)[:3] == (1, 0, 1)


@every_backend
def test_the_mail_client_hands_both_calls_through(services, sandbox):
    """What the core awaits (app/core/accounts/mailclient.py: a worker thread, or the mail engine awaited directly)."""
    from app.core.accounts.mailclient import MailClient

    svc = services.make()
    _scheduled(svc, sandbox, "through the client")
    client = MailClient(services.make)
    try:
        [held] = run(client.list_scheduled(limit=5))
        assert (held.subject, held.send_at) == ("through the client", AT_TEN)
        back = run(client.take_back(held.ref))
        assert run(client.get_message(back)).send_at is None
        with pytest.raises(MailError) as err:
            run(client.take_back(held.ref))
        assert err.value.kind == ErrorKind.NOT_FOUND
    finally:
        client.close()
