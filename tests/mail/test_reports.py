"""A report's MIME read into what it says of each recipient (app/mail/reports.py): Exchange Online's own shapes,
an older Exchange's NDR that is no DSN, and hostile reports that must neither raise nor cost more than their
first :data:`MAX_REPORT_BYTES`.

The fixtures in tests/resources/reports/ are written in the shapes Exchange Online sends (a ``multipart/report``
with a text/HTML explanation, the ``message/delivery-status`` part and the original's ``text/rfc822-headers``;
``Original-Recipient``/``Final-Recipient``, ``Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound...``)
and, for the NDR that is no DSN, the one Microsoft's KB 251152 shows for Exchange 5.5."""

from __future__ import annotations

import logging
import random
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.domain.delivery import Fate, RecipientNews
from app.mail import reports
from app.mail.reports import MAX_NEWS, MAX_REPORT_BYTES, read_report

pytestmark = pytest.mark.unit
HERE = Path(__file__).resolve().parents[1] / "resources" / "reports"
T = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)
NDR, DR, IPNRN, IPNNRN = (f"REPORT.IPM.Note.{k}" for k in ("NDR", "DR", "IPNRN", "IPNNRN"))
READ_AT_MOST = 512 * 1024  # as a fixed number: a bound that grew with the module's MAX_REPORT_BYTES would never fail
ORIGINAL = "<AM9PR01MB7433A1B2C3D4E5F6@AM9PR01MB7433.eurprd01.prod.exchangelabs.com>"


def _read(raw: bytes, item_class: str = NDR):
    return read_report(raw, item_class=item_class, report_id="r1", received=T)


def _fixture(name: str) -> bytes:
    return (HERE / name).read_bytes()


def _at(h, m, s):
    return datetime(2026, 3, 3, h, m, s, tzinfo=timezone.utc)


REAL = [
    ("exo_ndr_mixed.eml", NDR, ORIGINAL, [
        RecipientNews("carol@contso.com", Fate.FAILED, _at(9, 14, 4), "5.4.310",
                      "550 5.4.310 DNS domain contso.com does not exist [Message=InfoDomainNonexistent] "
                      "[LastAttemptedServerName=contso.com] [AM9PR01MB7432.eurprd01.prod.exchangelabs.com]"),
        # Original-Recipient (what the sender typed) in lower case; no Last-Attempt-Date: the Arrival-Date
        RecipientNews("dave@contoso.com", Fate.FAILED, _at(9, 14, 2), "5.1.10",
                      "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient dave@contoso.com not found by SMTP "
                      "address lookup")]),
    ("exo_delivery_receipt.eml", DR, "<AM9PR01MB7433FEEDFACE0001@AM9PR01MB7433.eurprd01.prod.exchangelabs.com>",
     [RecipientNews("bob@contoso.com", Fate.DELIVERED, _at(9, 20, 9), "2.0.0")]),
    # the read time is the notification's Date
    ("exo_read_receipt.eml", IPNRN, "<AM9PR01MB7433FEEDFACE0002@AM9PR01MB7433.eurprd01.prod.exchangelabs.com>",
     [RecipientNews("erin@contoso.com", Fate.READ, _at(10, 2, 37))]),
    ("exo_not_read.eml", IPNNRN, "<AM9PR01MB7433FEEDFACE0002@AM9PR01MB7433.eurprd01.prod.exchangelabs.com>",
     [RecipientNews("erin@contoso.com", Fate.NOT_READ, _at(10, 2, 37))]),
    # no DSN: flufl.bounce's Exchange detector finds the address; no status code, the report's arrival as the time;
    # the original's id from the report's In-Reply-To
    ("exchange55_ndr.eml", NDR, "<000c01bf6125$2b3c4d50$0a00a8c0@testdomain2.example.com>",
     [RecipientNews("testuser@example.com", Fate.FAILED, T)]),
]


@pytest.mark.parametrize("name,item_class,original,news", REAL, ids=[r[0] for r in REAL])
def test_real_shaped_reports_are_read(name, item_class, original, news):
    report = _read(_fixture(name), item_class)
    assert report is not None
    assert (report.original_id, report.report_id, report.received) == (original, "r1", T)
    assert list(report.news) == news


def _dsn(blocks: str, *, headers: str = "Message-ID: <orig@example.com>\n", original: str | None = None,
         top: str = "", tail: bytes = b"") -> bytes:
    original = headers if original is None else original
    text = (f"From: postmaster@example.com\nSubject: Undeliverable\n{top}MIME-Version: 1.0\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"BB\"\n\n"
            "--BB\nContent-Type: text/plain\n\nIt failed.\n\n"
            f"--BB\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;mx.example.com\n\n{blocks}\n"
            f"--BB\nContent-Type: text/rfc822-headers\n\n{original}\n--BB--\n")
    return text.encode() + tail


def _block(address="carol@example.com", action="failed", status="5.1.1", extra=""):
    return f"Final-Recipient: rfc822;{address}\nAction: {action}\nStatus: {status}\n{extra}\n"


@pytest.mark.parametrize("action,status,item_class,fate", [
    ("failed", "5.1.1", NDR, Fate.FAILED),
    ("delayed", "4.4.7", NDR, Fate.DELAYED),
    ("delivered", "2.0.0", DR, Fate.DELIVERED),
    ("expanded", "2.0.0", DR, Fate.DELIVERED),  # RFC 3464 §2.3.3: delivered to the group, then to its members
    ("relayed", "2.0.0", DR, Fate.NO_NEWS),  # went where no report comes from
    ("", "5.2.2", DR, Fate.FAILED),  # no Action: the status's class
    ("", "", NDR, Fate.FAILED),  # neither: the item's kind
    ("", "", DR, Fate.DELIVERED),
])
def test_each_action_is_its_fate(action, status, item_class, fate):
    block = (f"Final-Recipient: rfc822;carol@example.com\n" + (f"Action: {action}\n" if action else "")
             + (f"Status: {status} (comment)\n" if status else ""))
    report = _read(_dsn(block), item_class)
    assert [(n.address, n.fate, n.status) for n in report.news] == [("carol@example.com", fate, status)]


@pytest.mark.parametrize("status,diagnostic,code", [
    ("5.0.0", "smtp; 550 5.1.1 <carol@example.com>: Recipient address rejected: User unknown", "5.1.1"),
    ("5.0.0", "smtp; 550 4.2.2 mailbox full", "5.0.0"),  # another class: the Status stands
    ("5.0.0", "smtp; 550 Host 10.1.2.3 said no", "5.0.0"),  # an address is no code
    ("5.1.10", "smtp; 550 5.1.1 not found", "5.1.10"),  # a precise Status stands
])
def test_a_status_of_only_its_class_takes_the_replys_code(status, diagnostic, code):
    (news,) = _read(_dsn(_block(status=status, extra=f"Diagnostic-Code: {diagnostic}"))).news
    assert news.status == code


def test_original_recipient_is_preferred_and_an_x400_one_is_not_an_address():
    block = ("Original-Recipient: x400;c=US;a=;p=Contoso\nFinal-Recipient: rfc822;<Carol@Example.COM>\n"
             "Action: failed\nStatus: 5.1.1\n\n"
             "Original-Recipient: rfc822;alias@example.com\nFinal-Recipient: rfc822;real@example.com\n"
             "Action: failed\nStatus: 5.1.1\n\n"
             "Final-Recipient: rfc822;not an address\nAction: failed\n")
    assert [n.address for n in _read(_dsn(block)).news] == ["carol@example.com", "alias@example.com"]


def test_the_diagnostic_loses_its_type_and_control_characters_and_is_cut():
    long = "x" * 2000
    block = _block(extra=f"Diagnostic-Code: smtp; 550 5.1.1 \u202euser\x07 unknown {long}")
    (news,) = _read(_dsn(block)).news
    assert news.diagnostic.startswith("550 5.1.1 user unknown xx")
    assert len(news.diagnostic) == reports.MAX_DIAGNOSTIC and news.diagnostic.endswith("…")


@pytest.mark.parametrize("disposition,fate", [
    ("manual-action/MDN-sent-manually; displayed", Fate.READ),
    ("automatic-action/MDN-sent-automatically; deleted", Fate.NOT_READ),
    ("automatic-action/MDN-sent-automatically; dispatched", Fate.DELIVERED),
    ("automatic-action/MDN-sent-automatically; processed", Fate.DELIVERED),
    ("manual-action/MDN-sent-manually; displayed/error", Fate.READ),
])
def test_each_disposition_is_its_fate(disposition, fate):
    raw = _fixture("exo_read_receipt.eml").replace(b"manual-action/MDN-sent-manually; displayed", disposition.encode())
    (news,) = _read(raw, IPNRN).news
    assert news.fate is fate


# ---- the original's Message-ID, by its sources in order

def test_the_returned_headers_name_the_original_first():
    raw = _dsn(_block(), top="In-Reply-To: <reply@example.com>\n")
    assert _read(raw).original_id == "<orig@example.com>"


def test_a_returned_message_rfc822_names_it():
    raw = _dsn(_block(), original="").replace(
        b"Content-Type: text/rfc822-headers\n\n", b"Content-Type: message/rfc822\n\nMessage-ID:  <whole@example.com> \n"
        b"Subject: x\n\nthe body\n")
    assert _read(raw).original_id == "<whole@example.com>"


def test_without_returned_headers_in_reply_to_then_references_name_it():
    assert _read(_dsn(_block(), original="", top="In-Reply-To: <reply@example.com>\n"
                      "References: <first@example.com> <second@example.com>\n")).original_id == "<reply@example.com>"
    assert _read(_dsn(_block(), original="", top="References: <first@example.com>\n <second@example.com>\n")
                 ).original_id == "<first@example.com>"
    assert _read(_dsn(_block(), original="", top="In-Reply-To: bare@example.com\n")).original_id == "<bare@example.com>"


def test_the_mdns_original_message_id_names_it_when_no_headers_are_returned():
    assert _read(_fixture("exo_read_receipt.eml"), IPNRN).original_id.startswith("<AM9PR01MB7433FEEDFACE0002")


def test_no_original_id_is_no_report_never_a_guess():
    assert _read(_dsn(_block(), original="Subject: no id here\n")) is None
    assert _read(_dsn(_block(), original="Message-ID: <bro ken@example.com>\n")) is None


def test_an_item_that_is_no_report_is_none():
    assert read_report(_fixture("exo_ndr_mixed.eml"), item_class="IPM.Note", report_id="r", received=T) is None
    assert read_report(_fixture("exo_ndr_mixed.eml"), item_class="", report_id="r", received=T) is None


def test_a_read_notification_without_its_part_is_from_the_reader():
    raw = (b"From: Erin <Erin@Contoso.com>\nDate: Tue, 3 Mar 2026 10:02:37 +0000\nSubject: Read: x\n"
           b"In-Reply-To: <orig@example.com>\nContent-Type: text/plain\n\nYour message was read.\n")
    (news,) = _read(raw, IPNRN).news
    assert (news.address, news.fate, news.when) == ("erin@contoso.com", Fate.READ, _at(10, 2, 37))
    # a delivery receipt with no status part says nothing of anyone: the postmaster sent it
    assert _read(raw, DR).news == ()


# ---- hostile reports: never an exception, never more than the first MAX_REPORT_BYTES

def test_a_report_carrying_a_10_mb_original_is_read_and_its_cut_tail_does_not_break_it():
    body = (b"QUFBQUFB" * 9 + b"\n") * (10 * 1024 * 1024 // 73)
    raw = _dsn(_block(), original="").replace(
        b"Content-Type: text/rfc822-headers\n\n", b"Content-Type: message/rfc822\n\nMessage-ID: <big@example.com>\n"
        b"Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n" + body)
    assert len(raw) > 10 * 1024 * 1024
    report = _read(raw)
    assert report.original_id == "<big@example.com>"
    assert [(n.address, n.fate) for n in report.news] == [("carol@example.com", Fate.FAILED)]


BIG = [
    ("10 MB of one line", 200, "", b"x" * (10 * 1024 * 1024)),
    ("10 MB of line ends", 200, "", b"\n" * (10 * 1024 * 1024)),  # the parser keeps a string a line
    ("10 MB of base64", 200, "", (b"QUFBQUFB" * 9 + b"\n") * (10 * 1024 * 1024 // 73)),
    ("10,000 recipient blocks", 10_000, "", b""),  # the parser makes a part a block
    ("30,000 blocks of one field", 30_000, "Final-Recipient: rfc822;r{i}@e.co\n\n", b""),
]


@pytest.mark.parametrize("blocks,block,tail", [b[1:] for b in BIG], ids=[b[0] for b in BIG])
def test_a_10_mb_report_is_read_in_bounded_memory(blocks, block, tail):
    """Measured by what the read allocated (tracemalloc's peak), never by time: the input itself was allocated
    before, and the read holds a fixed multiple of MAX_REPORT_BYTES whatever the input's size."""
    text = "".join(block.format(i=i) if block else _block(f"r{i}@example.com") for i in range(blocks))
    data = _dsn(text, top="In-Reply-To: <orig@example.com>\n", tail=tail)
    tracemalloc.start()
    try:
        report = _read(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.original_id == "<orig@example.com>" and len(report.news) == min(blocks, MAX_NEWS)
    assert peak < 8 * READ_AT_MOST, f"{peak / 2**20:.1f} MB"


def test_ten_thousand_recipient_blocks_give_at_most_max_news():
    raw = _dsn("".join(_block(f"r{i}@example.com") for i in range(10_000)), top="In-Reply-To: <orig@example.com>\n")
    report = _read(raw)
    assert report.original_id == "<orig@example.com>"
    assert len(report.news) == MAX_NEWS
    assert report.news[0].address == "r0@example.com" and report.news[-1].address == f"r{MAX_NEWS - 1}@example.com"


def test_a_status_part_deeper_than_max_depth_is_not_read():
    """The parse stops MAX_DEPTH multiparts deep (every line is looked at for the boundary of every multipart it is
    in): a status part deeper than that is never reached, one just above it is read."""
    def nested(levels):
        opening = "".join(f"--N{i}\nContent-Type: multipart/mixed; boundary=\"N{i + 1}\"\n\n" for i in range(levels))
        return (f"In-Reply-To: <orig@example.com>\nContent-Type: multipart/mixed; boundary=\"N0\"\n\n{opening}"
                f"--N{levels}\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;x\n\n{_block()}\n"
                f"--N{levels}--\n").encode()

    assert len(_read(nested(reports.MAX_DEPTH - 2)).news) == 1  # its blocks are one level below it
    assert _read(nested(reports.MAX_DEPTH + 5)).news == ()


def test_a_deep_nest_stops_at_max_depth_and_what_came_before_is_read():
    nest = "".join(f"--N{i}\nContent-Type: multipart/mixed; boundary=\"N{i + 1}\"\n\n" for i in range(500))
    raw = _dsn(_block(), top="In-Reply-To: <orig@example.com>\n").replace(
        b"--BB--\n", f"--BB\nContent-Type: multipart/mixed; boundary=\"N0\"\n\n{nest}".encode())
    report = _read(raw)
    assert report.original_id == "<orig@example.com>" and [n.address for n in report.news] == ["carol@example.com"]


def test_a_huge_content_type_header_is_cut_before_the_stdlib_reads_its_parameters():
    params = "; a=\"b;c\"" * 50_000
    raw = _dsn(_block(), top="In-Reply-To: <orig@example.com>\n").replace(
        b"report-type=delivery-status;", f"report-type=delivery-status{params};".encode())
    assert len(raw) > READ_AT_MOST // 2
    # the boundary is past the cut: the report has no parts, so no news; what matters is that it ends at once
    assert _read(raw).news == ()


@pytest.mark.parametrize("raw", [
    b"",
    b"\x00\xff\xfe" * 100_000,  # binary garbage
    bytes(range(256)) * 4096,
    b"Content-Type: multipart/report; boundary=\"x\"\n\n--x\nContent-Type: message/delivery-status\n\n",  # cut short
    _dsn(_block()).replace(b"message/delivery-status", b"text/plain"),  # no status part
    _dsn(_block(), original=""),  # original headers missing, no other id
    _dsn(_block()).replace(b"Action: failed", b"Action: \xff\xfe\x80failed"),  # 8-bit bytes in a field
    _dsn(_block()).replace(b"Content-Type: message/delivery-status",
                           b"Content-Type: message/delivery-status; charset=\"x-no-such\"\n"
                           b"Content-Transfer-Encoding: base64"),
    b"Subject: =?x-unknown?B?////?=\nIn-Reply-To: <a@b>\nContent-Type: multipart/report; boundary=\"\"\n\n--\n",
])
def test_hostile_input_never_raises(raw):
    for item_class in (NDR, DR, IPNRN, IPNNRN):
        report = _read(raw, item_class)
        assert report is None or all(n.address and "@" in n.address for n in report.news)


def test_wrong_charsets_and_8bit_addresses_are_read_as_text():
    raw = _dsn(_block(extra="Diagnostic-Code: smtp; 550 5.1.1 caf\xe9 \xff unknown")).replace("\xff".encode(), b"\xff")
    (news,) = _read(raw).news
    assert news.diagnostic == "550 5.1.1 café \ufffd unknown"
    utf8 = _dsn(_block(address="B\xe9b@example.com"))
    assert [n.address for n in _read(utf8).news] == ["b\xe9b@example.com"]  # an SMTPUTF8 address, lower case


def test_a_report_no_detector_can_read_keeps_its_id_and_logs_nothing(caplog):
    """A text NDR with no From: not given to flufl.bounce (a detector fails on it and logs its traceback), so the
    report is read, with no news, and no error is logged."""
    raw = (b"In-Reply-To: <orig@example.com>\nSubject: Undeliverable\nContent-Type: text/plain\n\n"
           b"did not reach the following recipient(s):\n\ncarol@example.com on Mon, 17 Jan 2000 16:49:22 -0500\n")
    with caplog.at_level(logging.INFO):
        report = _read(raw)
    assert report.original_id == "<orig@example.com>" and report.news == ()
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def _mutants(n: int):
    """The fixtures with seeded random changes (bytes flipped, inserted, cut; a piece repeated; line ends
    changed): the same inputs every run."""
    rng = random.Random(78)
    seeds = [(p.read_bytes(), c) for p, c in zip(sorted(HERE.glob("*.eml")), (NDR, DR, NDR, IPNNRN, IPNRN))]
    for _ in range(n):
        raw, item_class = rng.choice(seeds)
        raw = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(raw))
            how = rng.randrange(5)
            if how == 0:
                raw[at] = rng.randrange(256)
            elif how == 1:
                raw[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
            elif how == 2:
                del raw[at:at + rng.randint(1, 200)]
            elif how == 3:
                raw[at:at] = raw[at:at + rng.randint(1, 300)] * rng.randint(2, 50)
            else:
                raw = bytearray(bytes(raw).replace(b"\r\n", rng.choice([b"\n", b"\r", b"\r\r\n"])))
        yield bytes(raw), item_class


def test_mutated_reports_never_raise_and_name_only_addresses():
    for raw, item_class in _mutants(300):
        report = _read(raw, item_class)
        if report is not None:
            assert report.original_id.startswith("<") and report.original_id.endswith(">")
            assert all("@" in n.address and n.address == n.address.lower() for n in report.news)
