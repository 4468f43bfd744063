"""A big body or attachment goes into an EWS request after serialisation, in pieces (issue 16,
``app/mail/ews/splice.py``): lxml setting and serialising a 10 MB text held the GIL ~25-30 ms each in the
mail worker while the UI thread waited to paint the next keystroke.

EWS only: the Graph backend writes JSON, not lxml. Proven here: the bytes on the wire are exactly lxml's
own (same payload, spliced vs. exchangelib's original functions, compared byte for byte, tricky
characters included); lxml is never handed the big text; a payload wrapped twice (exchangelib's retry with
another server version) carries the text both times; the worker thread keeps no text after a call; and a
real save to the sandbox (schema-checked on arrival) reads back the same body and attachment.
"""

from __future__ import annotations

import exchangelib.services.common as xservices
import exchangelib.util as xutil
import pytest
from exchangelib.services import CreateItem

from app.domain.models import Attachment, BodyFormat, Draft, Folder, Recipient
from app.mail.ews import convert, splice
from tests.mail.conftest import BOB

#: what lxml must escape or where UTF-8 matters, and what exchangelib's own pass turns into "?" (\x7f, \x86, \ufdd0)
TRICKY = "Tom & Jerry <b>bold</b> a > b\r\n \"quoted\" 'single' ünïcode ☃ 😀 ]]> \x85 \x7f \x86 \ufdd0 \u2028 tab\t end\n"


def _big_text(pieces: float = 3.3) -> str:
    return TRICKY * int(pieces * splice.PIECE / len(TRICKY))


def _big_draft(fmt=BodyFormat.TEXT) -> Draft:
    return Draft(to=[Recipient(BOB)], subject="big & <tricky>", body=_big_text(), body_format=fmt,
                 attachments=[Attachment("blob.bin", bytes(range(256)) * (5 * splice.SPLICE_MIN // 256 + 7),
                                         "application/octet-stream"),
                              Attachment("small.txt", b"small & plain", "text/plain")],
                 internet_message_id="<splice-test-1@dispatch>")


def _request(svc, draft: Draft) -> bytes:
    acc = svc.account
    msg = convert.new_message(acc, acc.drafts, draft)
    service = CreateItem(account=acc)
    payload = service.get_payload(items=[msg], folder=acc.drafts, message_disposition="SaveOnly",
                                  send_meeting_invitations="SendToNone")
    return service.wrap(payload, api_version=acc.version.api_version)


@pytest.mark.parametrize("fmt", [BodyFormat.TEXT, BodyFormat.HTML])
def test_spliced_request_is_byte_for_byte_what_lxml_writes(svc, monkeypatch, fmt):
    svc.connect()
    draft = _big_draft(fmt)
    made = []
    real_stand_in = splice.stand_in
    monkeypatch.setattr(splice, "stand_in", lambda value: made.append(value) or real_stand_in(value))
    spliced = _request(svc, draft)
    assert len(made) == 2, "the body and the big attachment are stood in for; the small ones go through lxml"
    body, content = sorted(made, key=lambda v: isinstance(v, bytes))
    assert isinstance(body, splice.Pieces) and max(map(len, body)) <= splice.PIECE, "the body is never joined"
    assert "".join(body) == convert.xml_safe(draft.body) and content == draft.attachments[0].content
    assert b"dispatch-splice-" not in spliced

    # the reference: exchangelib's and lxml's own way, every text through lxml
    monkeypatch.setattr(splice, "SPLICE_MIN", 1 << 40)
    monkeypatch.setattr(xutil, "value_to_xml_text", splice._original_value_to_xml_text)
    monkeypatch.setattr(xservices.EWSService, "wrap", splice._original_wrap)
    reference = _request(svc, draft)
    assert len(reference) > 4 * splice.PIECE
    assert spliced == reference


def test_lxml_is_never_handed_the_big_text(svc, monkeypatch):
    """The point of it all: no element text over SPLICE_MIN characters reaches lxml."""
    svc.connect()
    longest = []
    real = xutil.value_to_xml_text  # what set_xml_value puts into ``elem.text``

    def spy(value):
        text = real(value)
        longest.append(len(text))
        return text

    monkeypatch.setattr(xutil, "value_to_xml_text", spy)
    _request(svc, _big_draft())
    assert longest and max(longest) < splice.SPLICE_MIN


def test_a_payload_wrapped_twice_carries_the_text_both_times(svc):
    """exchangelib wraps the same payload again when it retries with another server version."""
    svc.connect()
    acc = svc.account
    draft = _big_draft()
    service = CreateItem(account=acc)
    payload = service.get_payload(items=[convert.new_message(acc, acc.drafts, draft)], folder=acc.drafts,
                                  message_disposition="SaveOnly", send_meeting_invitations="SendToNone")
    first = service.wrap(payload, api_version=acc.version.api_version)
    second = service.wrap(payload, api_version=acc.version.api_version)
    assert first == second and b"dispatch-splice-" not in second
    splice.forget()


def test_a_real_save_round_trips_and_leaves_no_text_behind(svc, sandbox):
    """Create then update a big draft on the sandbox (every body schema-checked as it arrives), read it back."""
    svc.connect()
    draft = _big_draft()
    saved = svc.save_draft(draft)
    assert splice._pending() == {}, "the worker thread dropped the body once the call ended"
    got = svc.get_message(saved.ref)
    expected = xutil.safe_xml_value(convert.xml_safe(draft.body)).replace("\r\n", "\n")
    assert got.body.replace("\r\n", "\n") == expected
    assert {a.name: a.content for a in got.attachments} == {a.name: a.content for a in draft.attachments}

    again = saved.copy(body=draft.body + "and one more line & <done>\n")
    saved2 = svc.save_draft(again)
    assert "UpdateItem" in sandbox.request_log
    got2 = svc.get_message(saved2.ref)
    assert got2.body.replace("\r\n", "\n").endswith("and one more line & <done>\n")
    assert len(sandbox.mailbox("alice@example.com").items(Folder.DRAFTS.value)) == 1


def test_a_stand_in_without_its_text_stops_the_request():
    """Never expected, but if a stand-in's text were dropped before its request was written, the request
    must fail, not carry the stand-in as the message."""
    splice.forget()
    token = splice.stand_in("a text" * splice.SPLICE_MIN)
    first = splice.splice(f"<t:Body>{token}</t:Body>".encode())
    assert first.startswith(b"<t:Body>a texta text") and token.encode() not in first
    splice.stand_in(b"\0" * splice.SPLICE_MIN)  # the next payload: the first text is done with
    with pytest.raises(RuntimeError):
        splice.splice(f"<t:Body>{token}</t:Body>".encode())
    splice.forget()
