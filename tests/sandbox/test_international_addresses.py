"""Internationalised e-mail addresses (RFC 6531/6532: "jörg@bücher.de"), which Dispatch accepts as valid
and Exchange Online sends: the sandbox saves, shows (MIME included), sends and relays them as UTF-8, where
it answered a send or a GetItem with its MimeContent with an internal server error (the stdlib's
``formataddr`` refuses an address outside ASCII)."""

from __future__ import annotations

import email
import email.policy
import logging

import pytest
from exchangelib import Message

from tests.helpers.smtp import relaying
from tests.helpers.ews_accounts import make_account

ADDRESSES = ["jörg@bücher.de", "jörg@example.com", "дмитрий@пример.рф", "山田@例え.jp"]


def _parsed(raw: bytes):
    """RFC 6532: the header section is UTF-8 (the stdlib's bytes parser would read it as undecodable bytes);
    these messages' bodies are ASCII."""
    return email.message_from_string(raw.decode("utf-8"), policy=email.policy.default)


@pytest.mark.parametrize("to", ADDRESSES)
def test_a_draft_to_an_international_address_is_saved_shown_and_sent(alice, sandbox, to):
    m = Message(account=alice, folder=alice.drafts, subject="grüße", body="hi",
                to_recipients=[to, "bob@example.com"], cc_recipients=["carol@outside.test"])
    m.save()
    got = alice.drafts.get(id=m.id)  # every field, MimeContent included
    assert [r.email_address for r in got.to_recipients] == [to, "bob@example.com"]
    mime = _parsed(got.mime_content)
    assert [a.addr_spec for a in mime["To"].addresses] == [to, "bob@example.com"]
    assert to.encode() in got.mime_content, "the address as it is, in UTF-8 (RFC 6532), not an encoded-word"
    m.send()
    (sent,) = sandbox.mailbox("alice@example.com").items("sentitems")
    assert [a.addr_spec for a in _parsed(sent["mime"])["To"].addresses] == [to, "bob@example.com"]
    (received,) = sandbox.mailbox("bob@example.com").items("inbox")
    assert received["subject"] == "grüße"


def test_a_display_name_beside_an_international_address(alice):
    from exchangelib import Mailbox

    m = Message(account=alice, folder=alice.drafts, subject="x", body="y",
                to_recipients=[Mailbox(name='Jörg "JM" Müller', email_address="jörg@bücher.de")])
    m.save()
    (to,) = _parsed(alice.drafts.get(id=m.id).mime_content)["To"].addresses
    assert (to.display_name, to.addr_spec) == ('Jörg "JM" Müller', "jörg@bücher.de")


SMTPUTF8 = b"250-test\r\n250 SMTPUTF8\r\n"  # the relay's EHLO answer when it takes international addresses


def test_the_relay_hands_an_international_address_to_a_server_that_takes_smtputf8(wire_validator):
    with relaying(SMTPUTF8) as (sb, smtp):
        alice = make_account(sb, "alice@example.com")
        Message(account=alice, subject="out", body="bye", to_recipients=["jörg@bücher.de"]).send()
        (env,) = smtp.received
        assert env["rcpts"] == ["jörg@bücher.de"] and "SMTPUTF8" in env["mail_from_line"]
        assert "jörg@bücher.de".encode() in env["data"]
        assert [m.relayed for m in sb.relay_queue()] == [True]


def test_a_relay_without_smtputf8_keeps_that_message_and_passes_the_next(wire_validator, caplog):
    """The send itself succeeds (the relay runs after the commit: an exception there was a 500 for a send
    that had happened); the message stays queued, and an ASCII one after it still goes out."""
    caplog.set_level(logging.WARNING, logger="app.sandbox")
    with relaying() as (sb, smtp):
        alice = make_account(sb, "alice@example.com")
        Message(account=alice, subject="eai", body="bye", to_recipients=["jörg@bücher.de"]).send()
        # an ASCII envelope, a header naming an international address (one of the sandbox's own domain)
        Message(account=alice, subject="eai header", body="bye", to_recipients=["jörg@example.com"],
                cc_recipients=["y@outside.test"]).send()
        Message(account=alice, subject="ascii", body="bye", to_recipients=["x@outside.test"]).send()
        assert [env["rcpts"] for env in smtp.received] == [["x@outside.test"]]
        assert [(m["Subject"], m.relayed) for m in sb.relay_queue()] == [
            ("eai", False), ("eai header", False), ("ascii", True)]
        assert any("refused a message" in r.getMessage() for r in caplog.records)
        assert all("jörg" not in r.getMessage() for r in caplog.records), "no address in the log"


def test_a_message_uploaded_with_utf8_headers_keeps_its_addresses(alice):
    """MimeContent as Outlook or another EAI client writes it (RFC 6532: the addresses in UTF-8, as they
    are), with a file attachment whose name is RFC 2231-encoded."""
    from exchangelib import FileAttachment

    raw = ("From: Alice Anderson <alice@example.com>\r\nTo: \"Jörg Müller\" <jörg@bücher.de>, bob@example.com\r\n"
           "Cc: дмитрий@пример.рф\r\nSubject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\nHallo Jörg\r\n--b\r\nContent-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename*=utf-8''Bericht%20f%C3%BCr%20J%C3%B6rg.pdf\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\nJVBERg==\r\n--b--\r\n").encode()
    m = Message(account=alice, folder=alice.drafts, mime_content=raw)
    m.save()
    got = alice.drafts.get(id=m.id)
    assert [(r.name, r.email_address) for r in got.to_recipients] == [("Jörg Müller", "jörg@bücher.de"),
                                                                      ("Bob Brown", "bob@example.com")]  # issue 51
    assert [r.email_address for r in got.cc_recipients] == ["дмитрий@пример.рф"]
    assert got.subject == "Grüße" and got.body.strip() == "Hallo Jörg"
    (att,) = got.attachments
    assert isinstance(att, FileAttachment) and att.name == "Bericht für Jörg.pdf" and att.content == b"%PDF"


def test_an_attachment_name_stays_rfc2231_beside_an_international_address(alice):
    """The UTF-8 policy writes every header as it is: the file's name is still written RFC 2231-encoded,
    as in any other message (a reader that knows no RFC 6532 still gets the name right)."""
    from exchangelib import FileAttachment

    m = Message(account=alice, folder=alice.drafts, subject="x", body="y", to_recipients=["jörg@bücher.de"])
    long = "Jahresbericht über die Geschäftsentwicklung der Müller & Söhne GmbH 2026 (endgültig, 第二版).pdf"
    m.attach(FileAttachment(name="Bericht für Jörg.pdf", content=b"%PDF"))
    m.attach(FileAttachment(name=long, content=b"%PDF"))
    m.save()
    raw = alice.drafts.get(id=m.id).mime_content
    head, _, body = raw.partition(b"\r\n\r\n")
    assert "jörg@bücher.de".encode() in head
    assert body.isascii(), "the body parts, their headers included, are ASCII"
    assert max(len(line) for line in body.split(b"\r\n")) <= 78
    assert b"filename*=utf-8''Bericht%20f%C3%BCr%20J%C3%B6rg.pdf" in body
    assert [a.get_filename() for a in _parsed(raw).iter_attachments()] == ["Bericht für Jörg.pdf", long]


def test_an_attached_message_with_an_international_address(alice, sandbox):
    """An item attachment (a message forwarded as an attachment) whose own recipient is international:
    the MIME of the message holding it is UTF-8 too, and the attached message's address comes back."""
    from exchangelib import ItemAttachment

    inner = Message(account=alice, folder=alice.drafts, subject="inner", body="i", to_recipients=["jörg@bücher.de"])
    outer = Message(account=alice, folder=alice.drafts, subject="outer", body="o", to_recipients=["bob@example.com"])
    outer.attach(ItemAttachment(name="inner", item=inner))
    outer.save()
    raw = alice.drafts.get(id=outer.id).mime_content
    assert "jörg@bücher.de".encode() in raw
    (part,) = _parsed(raw).iter_attachments()
    (msg,) = part.get_payload()
    assert [a.addr_spec for a in msg["To"].addresses] == ["jörg@bücher.de"]
    outer.send()
    (received,) = sandbox.mailbox("bob@example.com").items("inbox")
    assert "jörg@bücher.de".encode() in received["mime"]


# what a draft holds as typed (Dispatch saves a draft with an unfinished address, and marks it)
AS_TYPED = ["l<", "a<b@c.de", 'x"y@z.de', "bob@exa mple.com", "(bob", "a@b@c.de", ":;", '"unclosed@x.de', "bob@",
            "é<@x", "a\\"]


@pytest.mark.parametrize("typed", AS_TYPED)
def test_an_address_as_typed_is_kept_in_the_mime_and_refused_by_a_send(alice, sandbox, typed):
    """The draft's MIME says what the draft holds: the address as typed (a quoted string where the stdlib's
    parser failed on it, with IndexError or HeaderParseError: an internal server error, or read it as
    something else: "(bob" swallowed the next address as a comment), the next address intact. A send
    refuses it as Exchange does (ErrorInvalidRecipients), where the sandbox sent "a<b@c.de" and
    "a@b@c.de" on to the relay."""
    from exchangelib.errors import ErrorInvalidRecipients

    m = Message(account=alice, folder=alice.drafts, subject="as typed", body="hi",
                to_recipients=[typed, "bob@example.com"])
    m.save()
    got = alice.drafts.get(id=m.id)
    assert [r.email_address for r in got.to_recipients] == [typed, "bob@example.com"]
    to = _parsed(got.mime_content)["To"].addresses
    assert len(to) == 2 and to[1].addr_spec == "bob@example.com"
    assert to[0].addr_spec in (typed, '"' + typed.replace("\\", "\\\\").replace('"', '\\"') + '"')
    with pytest.raises(ErrorInvalidRecipients):
        m.send()
    assert sandbox.mailbox("bob@example.com").items("inbox") == [] and sandbox.relay_queue() == []
