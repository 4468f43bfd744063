""".eml files: Draft -> RFC 5322 bytes -> Draft round trips, real-world samples (tests/resources/eml, written
by hand after what Outlook, Thunderbird and newsletters send), hostile files refused quickly with words for
the user, and the file I/O (a worker thread, 0600, atomic)."""

from __future__ import annotations

import asyncio
import datetime as dt
from datetime import date
import email
import email.policy
import os
from pathlib import Path
import stat
import threading

import pytest

from app.core.compose import eml_files
from app.domain.eml import to_eml
from app.domain.eml_read import MAX_DEPTH, MAX_FILE_BYTES, MAX_PARTS, EmlError, read_eml
from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient, Sensitivity

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "eml"
LIMIT = 20 * 1024 * 1024
ALICE = Recipient("alice@example.com", "Alice Liddell")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + os.urandom(64)


def full_draft(**changes) -> Draft:
    d = Draft(
        to=[Recipient("bob@example.com", "Bob, Jr."), Recipient("zoe@example.com", "Zoë Ünal 📊 ✅")],
        cc=[Recipient("carol@example.com")], bcc=[Recipient("dave@example.com", "Dave")],
        subject="Quartalszahlen 📊 ✅ für März – final", body='<p>Hallo <b>Bob</b>,</p><p><img src="cid:chart@dispatch"></p>',
        body_format=BodyFormat.HTML, importance=Importance.HIGH, read_receipt=True, delivery_receipt=True,
        attachments=[Attachment("Überweisung März 2026.pdf", b"%PDF-1.4\n" + os.urandom(3000), "application/pdf"),
                     Attachment("日本語の名前.xlsx", os.urandom(500), "application/vnd.openxmlformats-officedocument."
                                "spreadsheetml.sheet"),
                     Attachment("empty.txt", b"", "text/plain"),
                     Attachment("chart.png", PNG, "image/png", content_id="chart@dispatch", is_inline=True)],
        internet_message_id="<0123456789abcdef@dispatch>",
        reply_to=[Recipient("desk@example.com", "Help, Desk"), Recipient("erin@example.com")],
        sensitivity=Sensitivity.PRIVATE, categories=["Red category", "Projet ✓"])
    return d.copy(**changes)


def same(a: Draft, b: Draft) -> None:
    for f in ("to", "cc", "bcc", "subject", "body", "body_format", "importance", "read_receipt", "delivery_receipt",
              "internet_message_id", "reply_to", "sensitivity", "categories"):
        assert getattr(a, f) == getattr(b, f), f
    assert [(x.name, x.content, x.content_type, x.content_id, x.is_inline) for x in a.attachments] == \
        [(x.name, x.content, x.content_type, x.content_id, x.is_inline) for x in b.attachments]


# ---------------------------------------------------------------- round trips
def test_an_html_draft_round_trips_with_inline_and_non_ascii_attachments():
    d = full_draft()
    when = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)
    raw = to_eml(d, sender=ALICE, date=when)
    back = read_eml(raw, max_bytes=LIMIT)
    same(back.draft, d)
    assert back.sender == ALICE and back.date == when and back.notes == []
    # what any mail program sees (Python's own parser): the headers and the shape Outlook writes
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert b"\r\n" in raw and raw.isascii(), "CRLF, 7-bit clean: non-ASCII only as encoded-words / RFC 2231"
    assert str(msg["Subject"]) == d.subject and msg["Message-ID"] == d.internet_message_id
    assert msg["Importance"] == "high" and msg["X-Priority"].startswith("1")
    assert "alice@example.com" in msg["Disposition-Notification-To"] and "alice@example.com" in msg["Return-Receipt-To"]
    assert [a.addr_spec for a in msg["Bcc"].addresses] == ["dave@example.com"], "Bcc is kept in the saved file"
    assert str(msg["From"]) == "Alice Liddell <alice@example.com>"
    assert [p.get_content_type() for p in msg.walk()] == [
        "multipart/mixed", "multipart/related", "multipart/alternative", "text/plain", "text/html", "image/png",
        "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain"]
    plain = msg.get_body(preferencelist=("plain",)).get_content()
    assert "Hallo Bob," in plain and "<" not in plain, "the text alternative is the HTML's words"
    img = [p for p in msg.walk() if p.get_content_type() == "image/png"][0]
    assert img["Content-ID"] == "<chart@dispatch>" and img.get_content_disposition() == "inline"
    assert b"filename*=utf-8''%C3%9Cberweisung%20M%C3%A4rz%202026.pdf" in raw, "RFC 2231"


def test_a_plain_text_draft_round_trips_exactly():
    body = ("Hi Bob,\n\n. a line starting with a dot\nFrom here on (mbox would mangle this)\n"
            + "x" * 2000 + "\n  indented  \ntrailing spaces   \n\tand a tab\nü and 日本\n\n")
    d = full_draft(body=body, body_format=BodyFormat.TEXT, importance=Importance.LOW, read_receipt=False,
                   delivery_receipt=False, attachments=[Attachment("notes.txt", b"one\r\ntwo\n", "text/plain")])
    raw = to_eml(d, sender=ALICE)
    back = read_eml(raw, max_bytes=LIMIT).draft
    same(back, d)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["X-Priority"].startswith("5") and msg["Disposition-Notification-To"] is None
    assert [p.get_content_type() for p in msg.walk()] == ["multipart/mixed", "text/plain", "text/plain"]


def test_reply_to_sensitivity_and_keywords_are_the_headers_outlook_writes_and_reads():
    d = full_draft(sensitivity=Sensitivity.CONFIDENTIAL, categories=["Red category", "Projet ✓", "Blue"])
    raw = to_eml(d, sender=ALICE)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert [(a.display_name, a.addr_spec) for a in msg["Reply-To"].addresses] == [
        ("Help, Desk", "desk@example.com"), ("", "erin@example.com")]
    assert msg["Sensitivity"] == "Company-Confidential"
    assert [w.strip() for w in str(msg["Keywords"]).split(",")] == ["Red category", "Projet ✓", "Blue"]
    assert read_eml(raw, max_bytes=LIMIT).draft.sensitivity == Sensitivity.CONFIDENTIAL
    plain = read_eml(to_eml(d.copy(sensitivity=Sensitivity.NORMAL, categories=[], reply_to=[])), max_bytes=LIMIT)
    assert b"Sensitivity:" not in to_eml(plain.draft) and b"Keywords:" not in to_eml(plain.draft)
    # as another program writes them: two Keywords headers, a lower-case value, "Personal"
    other = (b"From: x@example.com\r\nReply-To: desk@example.com\r\nSensitivity: personal\r\n"
             b"Keywords: one, two\r\nKeywords: =?utf-8?q?tr=C3=A8s?=\r\nSubject: s\r\n\r\nbody\r\n")
    got = read_eml(other, max_bytes=LIMIT).draft
    assert (got.reply_to, got.sensitivity, got.categories) == (
        [Recipient("desk@example.com")], Sensitivity.PERSONAL, ["one", "two", "très"])


def test_the_simplest_draft_round_trips_and_an_unfinished_address_is_kept_as_typed():
    d = Draft(to=[Recipient("bob@"), Recipient("carol")], subject="", body="")
    back = read_eml(to_eml(d), max_bytes=LIMIT)
    assert [r.email for r in back.draft.to] == ["bob@", "carol"]
    assert back.draft.subject == "" and back.draft.body == "" and back.draft.attachments == []
    assert back.sender is None


def test_international_addresses_round_trip_in_utf8_headers():
    """An internationalised address (RFC 6531: Dispatch accepts "jörg@bücher.de") is written as it is, in
    UTF-8 (RFC 6532), not as encoded-words inside the address (which RFC 2047 forbids, and which came back
    as a malformed header); everything else in the file stays ASCII, attachment names RFC 2231."""
    d = full_draft(to=[Recipient("jörg@bücher.de", "Jörg Müller"), Recipient("bob@example.com", "Bob, Jr.")],
                   cc=[Recipient("дмитрий@пример.рф")], bcc=[Recipient("山田@例え.jp", "山田 太郎")])
    raw = to_eml(d, sender=ALICE)
    back = read_eml(raw, max_bytes=LIMIT)
    same(back.draft, d)
    assert back.notes == [] and back.sender == ALICE
    head, _, body = raw.partition(b"\r\n\r\n")
    assert "To: Jörg Müller <jörg@bücher.de>, \"Bob, Jr.\" <bob@example.com>\r\n".encode() in head
    assert "Cc: дмитрий@пример.рф\r\n".encode() in head and b"=?utf-8?" not in head.split(b"Subject:")[0]
    assert body.isascii(), "the parts and their headers stay ASCII (attachment names RFC 2231)"
    assert max(len(line.decode()) for line in head.split(b"\r\n")) <= 78, "folded as any header"
    # what another mail program written to RFC 6532 reads (the header section as UTF-8)
    msg = email.message_from_string(head.decode("utf-8") + "\r\n\r\n" + body.decode(), policy=email.policy.default)
    assert [(a.display_name, a.addr_spec) for a in msg["To"].addresses] == [
        ("Jörg Müller", "jörg@bücher.de"), ("Bob, Jr.", "bob@example.com")]
    assert str(msg["Subject"]) == d.subject


def test_a_header_in_utf8_that_is_not_utf8_is_read_with_a_replacement_character():
    raw = b"From: a@example.com\r\nTo: \"J\xf6rg\" <j\xc3\xb6rg@example.com>\r\nSubject: x\r\n\r\nhi\r\n"
    (to,) = read_eml(raw, max_bytes=LIMIT).draft.to
    assert (to.name, to.email) == ("J\ufffdrg", "jörg@example.com")


def test_inline_attachments_without_an_html_body_are_plain_attachments():
    d = full_draft(body="text", body_format=BodyFormat.TEXT)
    back = read_eml(to_eml(d, sender=ALICE), max_bytes=LIMIT).draft
    assert [a.name for a in back.attachments] == [a.name for a in d.attachments]
    assert back.attachments[-1].content == PNG and back.attachments[-1].content_id == "chart@dispatch"


# ---------------------------------------------------------------- real-world samples
def sample(name: str):
    return read_eml((SAMPLES / name).read_bytes(), max_bytes=LIMIT)


def test_outlook_alternative_and_related():
    m = sample("outlook-related.eml")
    d = m.draft
    assert m.sender == Recipient("juergen.mueller@example.com", "Jürgen Müller")
    assert d.to == [Recipient("bob@example.com", "Bob Example"), Recipient("carol@example.com", "Smith, Carol")]
    assert d.cc == [Recipient("dave@example.com")] and d.bcc == []
    assert d.subject == "Quartalszahlen – Q3 überarbeitet"
    assert d.body_format == BodyFormat.HTML and "anbei die Zahlen für Q3." in d.body
    assert 'src="cid:image001.png@01DB3F2A.5E8C9A10"' in d.body
    assert d.importance == Importance.HIGH and d.read_receipt and not d.delivery_receipt
    assert d.internet_message_id.startswith("<AM0PR07MB4450") and m.date == dt.datetime(2026, 11, 16, 8, 14, 2,
                                                                                         tzinfo=dt.timezone.utc)
    pdf, png = d.attachments
    assert (pdf.name, pdf.content_type, pdf.is_inline) == ("Quartalszahlen – März.pdf", "application/pdf", False)
    assert pdf.content.startswith(b"%PDF-1.4") and pdf.size == len(pdf.content) < 100, "its 1 GB 'size=' is not believed"
    assert (png.name, png.content_id, png.is_inline) == ("image001.png", "image001.png@01DB3F2A.5E8C9A10", True)
    assert png.content.startswith(b"\x89PNG")


def test_thunderbird_flowed_text_and_rfc2231_names():
    d = sample("thunderbird.eml").draft
    assert d.body_format == BodyFormat.TEXT and d.body == "Hi Bob,\n\nthe itinerary is attached – see you in Zürich!\n\nErin"
    assert d.cc == [Recipient("zoe@example.com", "Zoë Ünal")]
    assert d.read_receipt and d.delivery_receipt
    txt, jpg = d.attachments
    assert (txt.name, txt.content) == ("Reiseplan Zürich.txt", "Day 1: arrive\nDay 2: Üetliberg\n".encode())
    assert (jpg.name, jpg.content_type, jpg.content[:4], len(jpg.content)) == ("photo.jpg", "image/jpeg",
                                                                               b"\xff\xd8\xff\xe0", 262)


def test_quoted_printable_latin1():
    m = sample("quoted-printable.eml")
    assert m.sender == Recipient("francois@example.fr", "François")
    assert m.draft.subject == "Réunion de lundi" and m.draft.importance == Importance.LOW
    assert "La réunion de lundi est déplacée à 14h. Cette ligne est très longue et coupée" in m.draft.body
    assert m.draft.body.endswith("À lundi,\nFrançois")


def test_base64_html_only_keeps_the_html_as_data():
    d = sample("base64-html.eml").draft
    assert d.body_format == BodyFormat.HTML and "Café news — " in d.body
    assert "https://tracker.example.net/pixel.gif" in d.body, "kept as written: Compose loads nothing from it"


def test_rfc2047_subject_in_several_charsets():
    m = sample("rfc2047-subject.eml")
    assert m.draft.subject == "Café naïve and 📊 ✅ done"
    assert m.draft.to == [Recipient("gregoire@example.com", "Grégoire")]
    assert m.sender == Recipient("yamada@example.jp", "山田太郎")


def test_a_bad_charset_and_malformed_headers_are_read_with_notes():
    m = sample("bad-charset.eml")
    assert m.draft.body.startswith("Café ok ") and "\ufffd" in m.draft.body
    assert m.draft.to[0] == Recipient("bob@example.com") and "bob@example.com" in [r.email for r in m.draft.to]
    assert m.date is None
    assert any("x-no-such-charset" in n for n in m.notes) and any("To header is malformed" in n for n in m.notes)


# ---------------------------------------------------------------- hostile files
# (How long the worst files inside the limits take is measured by bench/bench_eml.py, not asserted here.)

def test_a_file_over_the_limit_is_refused_before_parsing():
    with pytest.raises(EmlError, match="at most 1.0 MB"):
        read_eml(b"Subject: x\r\n\r\n" + b"a" * (1024 * 1024), max_bytes=1024 * 1024)


def test_a_sparse_1_gb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.eml"
    with open(big, "wb") as f:
        f.truncate(1024 ** 3)
    with pytest.raises(EmlError, match=f"1024.0 MB; at most {MAX_FILE_BYTES / 2**20:.1f} MB"):
        eml_files.read_file(str(big), LIMIT)


def nested(depth: int) -> bytes:
    head = b"".join(b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1) for i in range(depth))
    tail = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth + 1)))
    return b"Subject: deep\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n" + head + \
        b"--b%d\r\nContent-Type: text/plain\r\n\r\nbottom\r\n" % depth + tail


def test_deep_nesting_is_refused():
    assert "bottom" in read_eml(nested(MAX_DEPTH - 2), max_bytes=LIMIT).draft.body
    with pytest.raises(EmlError, match=f"nest more than {MAX_DEPTH} deep"):
        read_eml(nested(MAX_DEPTH + 5), max_bytes=LIMIT)
    with pytest.raises(EmlError, match=f"more than {MAX_PARTS} parts"):  # counted before the parser recurses
        read_eml(nested(5000), max_bytes=LIMIT)


def test_too_many_parts_are_refused():
    parts = b"".join(b"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a%d.txt\r\n\r\nx\r\n"
                     % i for i in range(MAX_PARTS + 10))
    raw = b"Subject: many\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" + parts + b"--b--\r\n"
    with pytest.raises(EmlError, match=f"more than {MAX_PARTS} parts"):
        read_eml(raw, max_bytes=LIMIT)


def test_a_huge_header_and_a_comment_bomb_are_refused():
    with pytest.raises(EmlError, match="To header is .* characters long"):
        read_eml(b"Subject: x\r\nTo: " + b"(" * 200_000 + b"\r\n\r\nbody", max_bytes=LIMIT)
    # just under the header limit: the address parser is given pathological input and still answers
    m = read_eml(b"Subject: x\r\nTo: " + b"(" * 20_000 + b"bob@example.com\r\n\r\nbody", max_bytes=LIMIT)
    assert m.draft.body == "body"


def test_an_encoding_bomb_decodes_only_what_the_file_holds():
    # a base64 part that fills the limit decodes to 3/4 of it (MIME has no compression); a garbage base64
    # part and a quoted-printable soft-break storm are read, not feared
    data = b"QUFB" * (4 * 1024 * 1024 // 4)
    raw = (b"Subject: bomb\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/x-a\r\n"
           b"Content-Transfer-Encoding: base64\r\nContent-Length: 1073741824\r\n\r\n" + data + b"\r\n--b\r\n"
           b"Content-Type: application/x-b\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!***%%%\r\n--b\r\n"
           b"Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + b"=\r\n" * 200_000 +
           b"end\r\n--b--\r\n")
    m = read_eml(raw, max_bytes=LIMIT)
    assert m.draft.body == "end"
    a, b = m.draft.attachments
    assert len(a.content) == 3 * len(data) // 4 and a.size == len(a.content)
    assert len(b.content) < 16


@pytest.mark.parametrize("raw", [os.urandom(5000), b"\x89PNG\r\n\x1a\n" + os.urandom(300), b"", b"just some words\n"])
def test_something_that_is_not_a_mail_message_is_said_so(raw):
    with pytest.raises(EmlError, match="does not look like an e-mail message"):
        read_eml(raw, max_bytes=LIMIT)


# ---------------------------------------------------------------- the files
def test_saving_writes_0600_atomically(tmp_path, monkeypatch):
    target = tmp_path / "msg.eml"
    target.write_bytes(b"the old file")
    os.chmod(target, 0o644)
    d = full_draft()
    asyncio.run(eml_files.save_eml(str(target), d, sender=ALICE))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    same(read_eml(target.read_bytes(), max_bytes=LIMIT).draft, d)
    # a failure half-way (here: the rename) leaves the old file as it was, and no temporary file
    before = target.read_bytes()

    def broken(*_a):
        raise OSError(28, "No space left on device")

    from app.storage import files

    monkeypatch.setattr(files.os, "replace", broken)  # the rename of app/storage/files.py's replace_file
    with pytest.raises(OSError, match="No space left"):
        asyncio.run(eml_files.save_eml(str(target), full_draft(subject="new"), sender=ALICE))
    assert target.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["msg.eml"]


def test_reading_runs_in_a_worker_thread_and_a_slow_parse_is_given_up(tmp_path, monkeypatch):
    path = tmp_path / "a.eml"
    path.write_bytes(to_eml(full_draft(), sender=ALICE))
    seen = []
    real = eml_files.read_eml
    monkeypatch.setattr(eml_files, "read_eml", lambda raw, **kw: (seen.append(threading.current_thread()),
                                                                   real(raw, **kw))[1])
    m = asyncio.run(eml_files.open_eml(str(path), LIMIT))
    assert m.draft.subject == full_draft().subject
    assert seen and seen[0] is not threading.main_thread() and seen[0].daemon
    release = threading.Event()
    monkeypatch.setattr(eml_files, "read_eml", lambda raw, **kw: release.wait(10))
    with pytest.raises(EmlError, match="took more than 0 s"):
        asyncio.run(eml_files.open_eml(str(path), LIMIT, timeout=0.3))
    release.set()


def test_files_that_cannot_be_opened_say_why(tmp_path):
    os.mkfifo(tmp_path / "pipe.eml")
    (tmp_path / "dir.eml").mkdir()
    (tmp_path / "environ.eml").symlink_to("/proc/self/environ")  # the system's own files (issue 74, item 5)
    for name, words in (("pipe.eml", "not an ordinary file"), ("dir.eml", "is a folder"),
                        ("gone.eml", "no longer exists"), ("environ.eml", "not an ordinary file"),
                        ("../" * 40 + "proc/self/status", "not an ordinary file")):
        with pytest.raises(EmlError, match=words):
            eml_files.read_file(str(tmp_path / name), LIMIT)


# ---- custom X- headers go in as themselves and come back; the follow-up flag is not a MIME header and stays out
def test_custom_headers_round_trip_and_the_flag_stays_out():
    d = full_draft(headers=[("X-Project", "Nevada 📊 Zoë"), ("x-group-id", "NV001")],
                   flag=FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 2)))
    raw = to_eml(d, sender=ALICE)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(parsed["X-Project"]) == "Nevada 📊 Zoë" and parsed["x-group-id"] == "NV001"
    assert b"flag" not in raw.lower().split(b"\r\n\r\n", 1)[0]  # no flag header of any kind
    back = read_eml(raw, max_bytes=LIMIT).draft
    assert back.headers == d.headers and back.flag == NO_FLAG


def test_stamped_headers_are_not_custom_ones_and_at_most_five_are_read():
    mine = "".join(f"X-Mine-{i}: {i}\r\n" for i in range(7))
    raw = ("From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nX-Priority: 1\r\nX-MS-Has-Attach: yes\r\n"
           "X-Mailer: Outlook\r\nX-MS-Exchange-Organization-AuthAs: Internal\r\n" + mine + "\r\nbody\r\n").encode()
    got = read_eml(raw, max_bytes=LIMIT)
    assert got.draft.headers == [(f"X-Mine-{i}", str(i)) for i in range(5)]
    assert any("2 custom headers left out" in n for n in got.notes)
