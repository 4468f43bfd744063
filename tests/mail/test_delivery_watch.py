"""Did it arrive? The core's watch over the reports in the Inbox (app/core/delivery/watch.py), through the app's
session against the sandbox over HTTP (EWS and Graph): a message to bob (a read and a delivery receipt asked) and
to an address in the domain with no mailbox; bob reads his copy. The reports Exchange makes (an NDR, a delivery
receipt, a read receipt: app/sandbox/core/bounces.py) are read once, kept in the account's book on disk, and each
recipient's news stands; a failure is told once, only for a message sent in the last 7 days. The clock is
injected (days pass when the test says)."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta, timezone

import pytest
from exchangelib import Mailbox, Message

from app.core.accounts.session import Session
from app.core.delivery.watch import DeliveryWatch
from app.domain.delivery import Fate
from app.domain.events import ReportsRead
from app.storage.delivery_book import DeliveryBookStore
from tests.helpers.aio import run
from tests.helpers.backends import ALICE, BOB
from tests.helpers.ews_accounts import make_account
from tests.helpers.mail_services import Services

NOBODY = "nobody@example.com"
BACKENDS = pytest.mark.parametrize("backend", ["ews", "graph"], indirect=True)


class Clock:
    def __init__(self):
        self.now = datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def sent(sandbox_factory, backend):
    """The sandbox after alice's message and bob's reading of it; (sandbox, Message-ID)."""
    sb = sandbox_factory(graph=backend == "graph", graph_send_delay=0)
    alice = make_account(sb, ALICE)
    Message(account=alice, subject="quarterly figures", body="see the figures",
            to_recipients=[Mailbox(email_address=BOB), Mailbox(email_address=NOBODY)],
            is_read_receipt_requested=True, is_delivery_receipt_requested=True).send(save_copy=True)
    bob = make_account(sb, BOB)
    copy = bob.inbox.get(subject="quarterly figures")
    copy.is_read = True  # exchangelib's save() suppresses read receipts (SuppressReadReceipts): bob's program does not
    bob.bulk_update([(copy, ["is_read"])], suppress_read_receipts=False)
    mid = next(iter(sb.mailbox(ALICE).items("sentitems")))["internet_message_id"]
    return sb, mid


@pytest.fixture
def session(sent, backend):
    services = Services(sent[0], backend)
    s = Session.for_service(services.config(), services.make)
    yield s
    s.close()
    services.close()


@BACKENDS
def test_each_recipients_news_stands_and_each_report_is_read_once(sent, session, tmp_path):
    _sb, mid = sent
    store, clock = DeliveryBookStore(tmp_path / "delivery"), Clock()
    watch = DeliveryWatch(session, store, "alice", now=clock)
    told = []
    watch.news.subscribe(ReportsRead, told.append)

    fresh = run(watch.check())

    assert len(fresh) == 3 and {r.original_id for r in fresh} == {mid} and len(told) == 1
    standing = watch.standing(mid)
    assert standing[BOB].fate is Fate.READ
    assert (standing[NOBODY].fate, standing[NOBODY].status) == (Fate.FAILED, "5.1.1")
    # kept on disk, private: another watch (the command's, a restart) reads none of them again
    again = DeliveryWatch(session, store, "alice", now=clock)
    assert run(again.check()) == [] and again.standing(mid) == standing
    [book] = list((tmp_path / "delivery").iterdir())
    assert stat.S_IMODE(os.stat(book).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "delivery").st_mode) == 0o700


@BACKENDS
def test_a_failure_is_told_once_and_only_for_a_message_of_the_last_seven_days(sent, session, tmp_path):
    _sb, mid = sent
    clock = Clock()
    watch = DeliveryWatch(session, DeliveryBookStore(tmp_path), "alice", now=clock)
    run(watch.check())
    assert watch.untold({mid: clock.now - timedelta(days=8)}) == [], "sent 8 days ago: not told"
    assert watch.untold({mid: clock.now}) == [mid]
    run(watch.mark_told([mid]))
    assert watch.untold({mid: clock.now}) == []
    assert DeliveryWatch(session, DeliveryBookStore(tmp_path), "alice", now=clock).untold({mid: clock.now}) == []


@BACKENDS
def test_reports_of_messages_no_longer_followed_are_neither_looked_for_nor_kept(sent, session, tmp_path):
    _sb, mid = sent
    clock = Clock()
    watch = DeliveryWatch(session, DeliveryBookStore(tmp_path), "alice", now=clock)
    run(watch.check())
    clock.now += timedelta(days=31)
    assert watch.since() > max(r.received for r in watch.book.reports.values())
    assert run(watch.check()) == [] and watch.standing(mid) == {}, "forgotten after 30 days"
    later = DeliveryWatch(session, DeliveryBookStore(tmp_path / "fresh"), "alice", now=clock)
    assert run(later.check()) == [], "a new book looks back 30 days only (the server's filter)"


@BACKENDS
def test_a_damaged_book_is_read_as_empty_and_the_reports_are_read_again(sent, session, tmp_path):
    _sb, mid = sent
    store = DeliveryBookStore(tmp_path)
    watch = DeliveryWatch(session, store, "alice")
    run(watch.check())
    [book] = list(tmp_path.iterdir())
    book.write_bytes(b"{not json")
    again = DeliveryWatch(session, store, "alice")
    assert len(run(again.check())) == 3 and again.standing(mid)[NOBODY].fate is Fate.FAILED
