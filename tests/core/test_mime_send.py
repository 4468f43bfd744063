"""app/core/outbox/mime_send.py: the Message-ID that names an .eml file sent as it is, the one change ever made to
its bytes (a Message-ID line when it has none), and the stand-in draft it is journaled as."""

from __future__ import annotations

import pytest

from app.core.outbox import mime_send
from app.domain.models import Draft, Recipient

CRLF = b"From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\n\r\nMessage-ID: <in-body@x>\r\n"


def test_the_files_own_message_id_names_it_and_nothing_changes():
    raw = b"Message-ID: <own-1@example.com>\r\n" + CRLF
    got = mime_send.with_message_id(raw, make_id=lambda: pytest.fail("no new id for a file that has one"))
    assert got == mime_send.MimeToSend(raw, "<own-1@example.com>", False)


def test_a_folded_or_lower_case_message_id_header_is_read():
    raw = b"To: b@example.com\nmessage-id:\n <folded-1@example.com>\nSubject: x\n\nbody\n"
    assert mime_send.message_id_of(raw) == "<folded-1@example.com>"


@pytest.mark.parametrize("raw,newline", [(CRLF, b"\r\n"), (CRLF.replace(b"\r\n", b"\n"), b"\n")],
                         ids=["crlf", "lf"])
def test_a_file_without_one_gets_one_as_its_first_line_only(raw, newline):
    """A Message-ID in the body is not the message's; the new line uses the file's own line ends."""
    got = mime_send.with_message_id(raw, make_id=lambda: "<new-1@dispatch>")
    assert got.raw == b"Message-ID: <new-1@dispatch>" + newline + raw
    assert got.message_id == "<new-1@dispatch>" and got.added_id


@pytest.mark.parametrize("value", [b"", b"no-angle@example.com", b"<no-at-sign>", b"<two words@x>"])
def test_a_message_id_that_cannot_name_the_message_is_replaced_by_a_new_line(value):
    raw = b"Message-ID: " + value + b"\r\n" + CRLF
    got = mime_send.with_message_id(raw, make_id=lambda: "<new-2@dispatch>")
    assert got.added_id and got.raw.startswith(b"Message-ID: <new-2@dispatch>\r\n") and got.raw.endswith(raw)


def test_the_stand_in_holds_the_bytes_and_what_the_outbox_lists():
    parsed = Draft(to=[Recipient("b@example.com")], bcc=[Recipient("c@example.com")], subject="hi", body="ignored")
    mime = mime_send.with_message_id(b"Message-ID: <s-1@x.org>\r\n" + CRLF)
    d = mime_send.stand_in(parsed, mime)
    assert (d.to, d.bcc, d.subject, d.internet_message_id) == (parsed.to, parsed.bcc, "hi", "<s-1@x.org>")
    assert d.body == "" and d.local_id != parsed.local_id
    assert mime_send.mime_of(d) == mime.raw


def test_a_stand_in_without_its_bytes_is_never_sent_as_something_else():
    with pytest.raises(ValueError):
        mime_send.mime_of(Draft(subject="lost"))
