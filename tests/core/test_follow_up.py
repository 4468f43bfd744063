"""Reply all, Forward and Edit as new of a sent message (app/domain/follow_up.py): who it goes to, the subject,
the quote, the attachments and the thread; the journal and an .eml keep the thread (a crash before the first
save loses nothing of it). No Qt, no server."""

from __future__ import annotations

import datetime as _dt
import email

from app.domain import follow_up
from app.domain.eml import to_eml
from app.domain.eml_read import read_eml
from app.domain.models import Attachment, BodyFormat, Draft, ItemRef, Origin, Recipient, Sensitivity
from app.domain.senders import Principal
from app.storage.draft_codec import draft_from_json, draft_to_json

ME = Recipient("alice@example.com", "Alice")
SENT = _dt.datetime(2026, 11, 27, 9, 5, tzinfo=_dt.timezone.utc)
PIC = Attachment("logo.png", b"\x89PNG-logo", "image/png", content_id="logo@x", is_inline=True)
FILE = Attachment("report.pdf", b"%PDF-1", "application/pdf", attachment_id="AAMk-att")


def _sent(**kw) -> Draft:
    d = Draft(to=[Recipient("bob@example.com", "Bob"), Recipient("ALICE@example.com"),
                  Recipient("desk@example.com")],
              cc=[Recipient("carol@example.com"), Recipient("bob@example.com")],
              bcc=[Recipient("erin@example.com")], subject="Numbers", body="Q3 is up.\nQ4 next.",
              attachments=[FILE], ref=ItemRef("AAMk-sent", "CK1"), internet_message_id="<orig@example.com>",
              references="<first@example.com>", reply_to=[Recipient("team@example.com")],
              sensitivity=Sensitivity.PRIVATE, headers=[("X-Project", "Nevada")])
    for k, v in kw.items():
        setattr(d, k, v)
    return d


def test_reply_all_goes_to_the_others_never_to_oneself_once_each():
    r = follow_up.reply_all(_sent(), own=["alice@example.com", "desk@example.com"], sender=ME, sent=SENT)
    assert [x.email for x in r.to] == ["bob@example.com"]
    assert [x.email for x in r.cc] == ["carol@example.com"]  # Bob is already in To; Bcc is never replied to
    assert r.bcc == [] and r.subject == "RE: Numbers"
    assert r.attachments == []  # files are not carried by a reply
    assert r.ref is None and r.internet_message_id == ""


def test_the_subject_gets_its_prefix_once():
    own = ["alice@example.com"]
    assert follow_up.reply_all(_sent(subject="RE: Numbers"), own=own, sender=ME, sent=SENT).subject == "RE: Numbers"
    assert follow_up.reply_all(_sent(subject="Re: x"), own=own, sender=ME, sent=SENT).subject == "RE: x"
    assert follow_up.forward(_sent(subject="FW: Numbers"), sender=ME, sent=SENT).subject == "FW: Numbers"
    assert follow_up.forward(_sent(subject="Fwd: x"), sender=ME, sent=SENT).subject == "FW: x"
    assert follow_up.forward(_sent(subject="RE: x"), sender=ME, sent=SENT).subject == "FW: RE: x"
    assert follow_up.reply_all(_sent(subject=""), own=own, sender=ME, sent=SENT).subject == "RE: "


def test_plain_quote_is_outlooks_header_block_then_the_original_below_room_for_the_new_text():
    r = follow_up.reply_all(_sent(), own=["alice@example.com"], sender=ME, sent=SENT)
    assert r.body_format == BodyFormat.TEXT
    assert r.body.startswith("\n\n" + follow_up.SEPARATOR + "\nFrom: Alice <alice@example.com>\nSent: ")
    assert "\nTo: Bob <bob@example.com>; ALICE@example.com; desk@example.com\n" in r.body
    assert "\nCc: carol@example.com; bob@example.com\nSubject: Numbers\n\nQ3 is up.\nQ4 next." in r.body
    assert "erin" not in r.body  # Bcc is never shown in a quote


def test_rich_quote_keeps_the_originals_body_escapes_the_header_and_its_shown_pictures_stay_inline():
    orig = _sent(body='<html><head><style>p{}</style></head><body><p>Hi <img src="cid:logo@x"></p></body></html>',
                 body_format=BodyFormat.HTML, attachments=[FILE, PIC],
                 to=[Recipient("bob@example.com", "Bob <the builder>")])
    r = follow_up.reply_all(orig, own=["alice@example.com"], sender=ME, sent=SENT)
    assert r.body_format == BodyFormat.HTML
    assert r.body.endswith('<p>Hi <img src="cid:logo@x"></p>') and "<style>" not in r.body
    assert "Bob &lt;the builder&gt;" in r.body and "<b>Subject:</b> Numbers" in r.body
    assert [(a.name, a.is_inline, a.attachment_id) for a in r.attachments] == [("logo.png", True, "")]
    f = follow_up.forward(orig, sender=ME, sent=SENT)
    assert [(a.name, a.is_inline, a.attachment_id, a.content) for a in f.attachments] == [
        ("report.pdf", False, "", b"%PDF-1"), ("logo.png", True, "", b"\x89PNG-logo")]


def test_forward_has_no_recipients_and_the_originals_files():
    f = follow_up.forward(_sent(), sender=ME, sent=SENT)
    assert f.all_recipients() == [] and f.subject == "FW: Numbers"
    assert [(a.name, a.content, a.attachment_id) for a in f.attachments] == [("report.pdf", b"%PDF-1", "")]
    assert "Subject: Numbers\n\nQ3 is up." in f.body


def test_reply_and_forward_carry_the_thread_edit_as_new_is_a_new_message():
    for d in (follow_up.reply_all(_sent(), own=[], sender=ME, sent=SENT),
              follow_up.forward(_sent(), sender=ME, sent=SENT)):
        assert d.in_reply_to == "<orig@example.com>"
        assert d.references == "<first@example.com> <orig@example.com>"
    assert follow_up.forward(_sent(internet_message_id=""), sender=ME, sent=SENT).in_reply_to == ""

    orig = _sent(principal=Principal("desk@example.com", "Desk"))
    n = follow_up.edit_as_new(orig)
    assert (n.to, n.cc, n.bcc, n.subject, n.body, n.reply_to, n.sensitivity, n.headers, n.principal) == (
        orig.to, orig.cc, orig.bcc, orig.subject, orig.body, orig.reply_to, orig.sensitivity, orig.headers,
        orig.principal)
    assert n.ref is None and n.internet_message_id == "" and n.local_id != orig.local_id
    assert [(a.name, a.content, a.attachment_id) for a in n.attachments] == [("report.pdf", b"%PDF-1", "")]


def test_reply_from_a_principal_is_not_sent_back_to_it_and_is_still_from_it():
    orig = _sent(principal=Principal("desk@example.com", "Desk"))
    r = follow_up.reply_all(orig, own=["alice@example.com"], sender=ME, sent=SENT)
    assert [x.email for x in r.to] == ["bob@example.com"] and r.principal == orig.principal
    assert "From: Desk <desk@example.com>" in r.body


def test_the_journal_keeps_the_thread_and_an_old_journal_still_loads():
    r = follow_up.reply_all(_sent(), own=["alice@example.com"], sender=ME, sent=SENT)
    back = draft_from_json(r.local_id, draft_to_json(r), [])
    assert (back.in_reply_to, back.references) == (r.in_reply_to, r.references)
    old = '{"to": [["bob@example.com", ""]], "subject": "s", "body_format": "Text", "importance": "Normal"}'
    assert draft_from_json("x", old, []).in_reply_to == "" and draft_from_json("x", old, []).references == ""


def test_an_eml_carries_the_thread_both_ways():
    r = follow_up.forward(_sent(), sender=ME, sent=SENT).copy(internet_message_id="<new@dispatch>")
    raw = to_eml(r, sender=ME, date=SENT)
    msg = email.message_from_bytes(raw)
    assert msg["In-Reply-To"] == "<orig@example.com>"
    assert msg["References"] == "<first@example.com> <orig@example.com>"
    back = read_eml(raw, max_bytes=1 << 20).draft
    assert (back.in_reply_to, back.references) == (r.in_reply_to, r.references)


def test_edit_as_new_does_not_carry_who_the_sent_one_was_from():
    """The server's From/Sender of the sent message is its identity, not something the user wrote."""
    desk, bob = Recipient("desk@example.com", "Shared Desk"), Recipient("bob@example.com", "Bob")
    orig = Draft(to=[Recipient("a@example.com")], subject="Hi", origin=Origin(frm=desk, sender=bob))
    assert follow_up.edit_as_new(orig).origin is None
