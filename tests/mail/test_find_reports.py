"""Finding the reports in the Inbox (issue 78, item 2's fetching): ``MailService.find_reports`` and ``report_mime``
over EWS (real exchangelib, in this process and in the mail engine's) and Microsoft Graph (real httpx), against the
sandbox over HTTP, by the server's own filter.

The reports are the sandbox's own, after messages exchangelib sends as another client would: a non-delivery report
(REPORT.IPM.Note.NDR) for each message beyond the sender's recipients a day, and (the last test, nothing changed by
hand) the NDR, delivery receipt and read receipt Exchange makes after one send (app/sandbox/core/bounces.py). What a
test needs of a report's time, class or size is set in the sandbox's store (reports that arrived an hour apart; one
of each class; a DSN of 1 MiB): the sandbox has no clock for arrivals, and no message makes an NDR that big."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from exchangelib import Mailbox, Message

from app.core.accounts.session import ConnectionState, Session
from app.domain.delivery import REPORT_CLASSES
from app.domain.models import ErrorKind
from app.mail.errors import MailError, ServerBusy
from app.mail.service import MAX_REPORT_BYTES
from tests.helpers.aio import run
from tests.helpers.backends import ALICE, BOB, every_backend
from tests.helpers.ews_accounts import make_account
from tests.helpers.mail_services import Services, Tokens, ops

NDR = "REPORT.IPM.Note.NDR"
# alice may send to one recipient a day: each later message is refused with an NDR in her Inbox
USERS = [{"email": ALICE, "password": "alice-sandbox-pw", "name": "Alice Example", "limits": {"recipient_rate": 1}},
         {"email": BOB, "password": "bob-sandbox-pw", "name": "Bob Brown"}]
LONG_AGO = datetime(2000, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def sandbox(sandbox_factory, backend):
    return sandbox_factory(users=USERS, graph=backend == "graph")


@pytest.fixture
def services(sandbox, backend):
    s = Services(sandbox, backend)
    yield s
    s.close()


def _send(sb, sender: str, subject: str, to: str = BOB) -> None:
    account = make_account(sb, sender)
    Message(account=account, subject=subject, body="hello", to_recipients=[Mailbox(email_address=to)]).send()


BASE = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _reports(sb, n: int) -> list[datetime]:
    """``n`` NDRs in alice's Inbox (her first message of the day goes out; the next ``n`` are refused), one an hour
    from BASE: those times, oldest first. They arrived in the opposite order from the one they were made in, so
    that only a sort by arrival (not the server's default order, by creation) lists them newest first."""
    _send(sb, ALICE, "the day's one")
    for i in range(n):
        _send(sb, ALICE, f"refused {i}")
    rows = [r for r in sb.store.all_in(ALICE, "inbox") if r["data"].get("ItemClass") == NDR]
    assert len(rows) == n
    times = [BASE + timedelta(hours=i) for i in range(n)]
    for row, when in zip(rows, reversed(times)):
        _set(sb, row, DateTimeReceived=_stamp(when))
    return times


def _set(sb, row, **fields) -> None:
    """Change a stored item's fields (its arrival time, its class) as if it had come so."""
    sb.store.save(row["key"], dict(row["data"], **fields))


def _inbox_row(sb, subject: str) -> dict:
    return next(r for r in sb.store.all_in(ALICE, "inbox") if r["data"].get("Subject") == subject)


def _ordinary(sb, when: datetime) -> None:
    """An ordinary message from bob in alice's Inbox, arrived at ``when``."""
    _send(sb, BOB, "an ordinary message", to=ALICE)
    _set(sb, _inbox_row(sb, "an ordinary message"), DateTimeReceived=_stamp(when))


@every_backend
def test_reports_since_a_time_are_found_newest_first_and_older_ones_are_not(svc, sandbox):
    t0, t1, t2 = _reports(sandbox, 3)
    _ordinary(sandbox, t1 + timedelta(minutes=30))

    found = svc.find_reports(t1)

    assert [r.received for r in found] == [t2, t1]
    assert all(r.item_class == NDR and r.received.tzinfo is timezone.utc for r in found)
    assert len({r.ref.id for r in found}) == 2
    assert [r.received for r in svc.find_reports(t1 + timedelta(seconds=1))] == [t2]
    assert [r.received for r in svc.find_reports(LONG_AGO)] == [t2, t1, t0]
    assert svc.find_reports(t2 + timedelta(seconds=1)) == []


@every_backend
def test_every_kind_of_report_is_found_and_an_ordinary_message_never(svc, sandbox, backend):
    _reports(sandbox, len(REPORT_CLASSES))
    rows = [r for r in sandbox.store.all_in(ALICE, "inbox") if r["data"].get("ItemClass") == NDR]
    for row, item_class in zip(rows, REPORT_CLASSES):
        _set(sandbox, row, ItemClass=item_class)
    _ordinary(sandbox, BASE)
    _send(sandbox, BOB, "a custom class", to=ALICE)
    _set(sandbox, _inbox_row(sandbox, "a custom class"), ItemClass="IPM.Note.Custom.REPORT")

    svc.connect()

    n = len(sandbox.request_log)
    found = svc.find_reports(LONG_AGO, page_size=len(REPORT_CLASSES))

    assert sorted(r.item_class for r in found) == sorted(REPORT_CLASSES)
    assert sandbox.mailbox(ALICE).count("inbox") == len(REPORT_CLASSES) + 2
    # the server filtered: one page held every report (the two others, read too, would have made a second)
    if backend == "graph":
        assert ops(sandbox, n).count("graph:ListMessages") == len(REPORT_CLASSES)
    else:
        assert ops(sandbox, n) == ["FindItem"]


@every_backend
def test_the_servers_pages_are_followed_up_to_the_limit(svc, sandbox, backend):
    times = _reports(sandbox, 5)
    svc.connect()  # the version probe (EWS) before the requests are counted

    n = len(sandbox.request_log)
    found = svc.find_reports(LONG_AGO, page_size=2)
    assert [r.received for r in found] == times[::-1]
    assert len({r.ref.id for r in found}) == 5
    if backend == "graph":  # one $batch (a query per class), then the NDRs' two further pages
        assert ops(sandbox, n).count("graph:ListMessages") == len(REPORT_CLASSES) + 2
    else:
        assert ops(sandbox, n) == ["FindItem"] * 3  # 2 + 2 + 1

    n = len(sandbox.request_log)
    assert [r.received for r in svc.find_reports(LONG_AGO, limit=3, page_size=2)] == times[:-4:-1]
    if backend == "graph":
        assert ops(sandbox, n).count("graph:ListMessages") == len(REPORT_CLASSES) + 1, "no page beyond the limit"
    else:
        assert ops(sandbox, n) == ["FindItem"] * 2, "no page beyond the limit"


@every_backend
def test_report_mime_is_the_stored_report(svc, sandbox):
    _reports(sandbox, 1)
    [found] = svc.find_reports(LONG_AGO)
    [stored] = [r for r in sandbox.mailbox(ALICE).items("inbox") if r["fields"].get("ItemClass") == NDR]

    mime = svc.report_mime(found.ref)

    assert mime == stored["mime"]
    assert b"Undeliverable: refused 0" in mime


@every_backend
def test_a_big_report_is_cut_at_the_limit(svc, sandbox):
    _reports(sandbox, 1)
    [row] = [r for r in sandbox.store.all_in(ALICE, "inbox") if r["data"].get("ItemClass") == NDR]
    head = b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\n"
    big = head + b"x" * (2 * MAX_REPORT_BYTES)
    sandbox.store.set_mime(row["key"], big)
    [found] = svc.find_reports(LONG_AGO)

    mime = svc.report_mime(found.ref)

    assert len(mime) == MAX_REPORT_BYTES and mime == big[:MAX_REPORT_BYTES]
    small = head + b"y" * 100
    sandbox.store.set_mime(row["key"], small)
    assert svc.report_mime(found.ref) == small


@every_backend
def test_the_session_hands_both_calls_through_its_mail_client(services, sandbox):
    """What the core awaits (app/core/accounts/session.py, through MailClient: a worker thread, or the mail engine
    awaited directly): the same reports and bytes, the limit and page size passed on."""
    times = _reports(sandbox, 3)
    session = Session.for_service(services.config(), services.make)
    try:
        found = run(session.find_reports(LONG_AGO, limit=2, page_size=1))
        assert [r.received for r in found] == times[:0:-1]
        assert b"Undeliverable: refused" in run(session.report_mime(found[0].ref))
        assert session.state == ConnectionState.CONNECTED
    finally:
        session.close()


@every_backend
def test_a_report_deleted_since_it_was_found_is_not_found(svc, sandbox):
    _reports(sandbox, 1)
    [found] = svc.find_reports(LONG_AGO)
    assert [o.ok for o in svc.delete_items([found.ref], to_trash=False)] == [True]

    with pytest.raises(MailError) as err:
        svc.report_mime(found.ref)

    assert err.value.kind == ErrorKind.NOT_FOUND


@pytest.mark.parametrize("backend", ["graph"], indirect=True)
def test_graph_a_401_on_the_mime_stream_is_refreshed_once_and_the_request_repeated(services, sandbox):
    """The stream has the 401 rule of every Graph request (app/mail/graph/http.py)."""
    tokens = Tokens(sandbox, ALICE)
    svc = services.graph(tokens=tokens)
    _reports(sandbox, 1)
    [found] = svc.find_reports(LONG_AGO)
    sandbox.faults.inject("GetMessageMime", "http_401", count=1)

    mime = svc.report_mime(found.ref)

    assert ("GetMessageMime", "http_401") in sandbox.faults.fired
    assert b"Undeliverable: refused 0" in mime and tokens.calls == [False, True]
    assert sandbox.request_log.count("graph:GetMessageMime") == 2


@pytest.mark.parametrize("backend", ["graph"], indirect=True)
def test_graph_a_busy_server_on_the_mime_stream_is_server_busy_with_its_retry_after(svc, sandbox):
    _reports(sandbox, 1)
    [found] = svc.find_reports(LONG_AGO)
    sandbox.faults.inject("GetMessageMime", "http_503", count=1, retry_after=7)

    with pytest.raises(ServerBusy) as err:
        svc.report_mime(found.ref)

    assert ("GetMessageMime", "http_503") in sandbox.faults.fired
    assert err.value.retry_after == 7.0 and err.value.kind == ErrorKind.THROTTLED


@every_backend
def test_the_reports_exchange_makes_after_a_send_are_found_and_read_as_multipart_reports(sandbox_factory, backend):
    """No store changed: a message to an address in the domain with no mailbox (an NDR, 5.1.1) and to bob, asking
    for a delivery and a read receipt (a DR at once, an IPNRN when bob marks his copy read); an ordinary message
    beside them. Each report's MIME names the message it is about."""
    sb = sandbox_factory(graph=backend == "graph", graph_send_delay=0)
    services = Services(sb, backend)
    try:
        svc = services.make()
        alice = make_account(sb, ALICE)
        sent = Message(account=alice, subject="quarterly figures", body="see attached",
                       to_recipients=[Mailbox(email_address=BOB), Mailbox(email_address="nobody@example.com")],
                       is_read_receipt_requested=True, is_delivery_receipt_requested=True)
        sent.send(save_copy=True)
        _send(sb, BOB, "an ordinary message", to=ALICE)
        mid = next(i for i in sb.mailbox(ALICE).items("sentitems"))["internet_message_id"]
        bob = make_account(sb, BOB)
        copy = bob.inbox.get(subject="quarterly figures")
        copy.is_read = True  # exchangelib's save() suppresses read receipts (SuppressReadReceipts): not bob's program
        bob.bulk_update([(copy, ["is_read"])], suppress_read_receipts=False)

        found = svc.find_reports(LONG_AGO)

        assert sorted(r.item_class for r in found) == sorted([NDR, "REPORT.IPM.Note.DR", "REPORT.IPM.Note.IPNRN"])
        assert [r.received for r in found] == sorted((r.received for r in found), reverse=True)
        for report in found:
            mime = svc.report_mime(report.ref)
            assert b"multipart/report" in mime and mid.encode() in mime
    finally:
        services.close()
