"""Big bodies and attachments over EWS, built by exchangelib's public API alone (issue 47: no stand-ins, no
patched exchangelib functions).

EWS only: the Graph backend writes JSON (tests/graph). Proven here against the real sandbox over HTTP (every
body schema-checked as it arrives, tests/conftest.py): the body in the request is exactly the draft's text,
escaped as XML needs, with the characters XML 1.0 cannot carry gone (page breaks as line breaks) and those
exchangelib does not send as "?"; a big attachment goes as its exact bytes; the draft reads back the same and
saves again. And :func:`convert.xml_safe` over every character XML cannot carry, in every kind of text.
"""

from __future__ import annotations

import base64

import exchangelib.util as xutil
import pytest
from lxml import etree

from app.domain.models import Attachment, BodyFormat, Draft, Folder, Recipient
from app.mail.ews import convert
from tests.helpers.backends import BOB

T = "{http://schemas.microsoft.com/exchange/services/2006/types}"
#: what XML must escape or where UTF-8 matters; characters XML 1.0 cannot carry (\x0c \x07 \x00 \x1b);
#: and legal ones exchangelib sends as "?" (\x7f \x85 \x86 \ufdd0)
TRICKY = ("Tom & Jerry <b>bold</b> a > b\r\n \"quoted\" 'single' ünïcode ☃ 😀 ]]> page\x0cbreak bell\x07 nul\x00 "
          "esc\x1b[0m \x85 \x7f \x86 \ufdd0 \u2028 tab\t end\n")
#: what XML 1.0 cannot carry, written out here rather than taken from the code under test
NOT_XML = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)]
#: one text per storage width CPython uses (1, 1, 2 and 4 bytes a character)
KINDS = {"ascii": "plain words\tand lines\n", "latin-1": "ünïcode façade\n", "two-byte": "snow ☃ € дом\n",
         "four-byte": "emoji 😀 end\n"}
BIG = 1024 * 1024


def _expected(body: str) -> str:
    """What the server should hold: page breaks as line breaks, the rest of NOT_XML gone, then exchangelib's
    "?" for what it does not send."""
    cleaned = "".join("\n" if ch in "\x0b\x0c" else "" if ch in NOT_XML else ch for ch in body)
    return xutil.safe_xml_value(cleaned)


def _big_draft(fmt: BodyFormat) -> Draft:
    return Draft(to=[Recipient(BOB)], subject="big & <tricky>\x07", body=TRICKY * (BIG // len(TRICKY)),
                 body_format=fmt,
                 attachments=[Attachment("blob.bin", bytes(range(256)) * (BIG // 256 + 7), "application/octet-stream"),
                              Attachment("small.txt", b"small & plain", "text/plain")],
                 internet_message_id="<big-body-test-1@dispatch>")


def _requests(sandbox) -> list[bytes]:
    seen: list[bytes] = []
    sandbox.wire_observer = lambda direction, body, injected=False: seen.append(body) if direction == "request" else None
    return seen


def _create_item(seen: list[bytes]):
    return next(etree.fromstring(b, etree.XMLParser(huge_tree=True)) for b in seen if b"CreateItem" in b[:2000])


@pytest.mark.parametrize("fmt", [BodyFormat.TEXT, BodyFormat.HTML])
def test_a_big_body_goes_on_the_wire_exactly(svc, sandbox, fmt):
    seen = _requests(sandbox)
    svc.connect()
    draft = _big_draft(fmt)
    svc.save_draft(draft)
    sent = next(b for b in seen if b"CreateItem" in b[:2000])
    body = _create_item(seen).find(f".//{T}Body")
    assert body.get("BodyType") == ("HTML" if fmt == BodyFormat.HTML else "Text")
    assert body.text == _expected(draft.body)
    escaped = _expected(TRICKY).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    assert escaped.encode("utf-8") * 3 in sent, "escaped as XML needs, carriage returns kept, in UTF-8"
    contents = {a.findtext(f"{T}Name"): a.findtext(f"{T}Content") for a in _create_item(seen).iter(f"{T}FileAttachment")}
    assert {n: base64.b64decode(c) for n, c in contents.items()} == {a.name: a.content for a in draft.attachments}


def test_a_big_draft_reads_back_the_same_and_saves_again(svc, sandbox):
    svc.connect()
    draft = _big_draft(BodyFormat.TEXT)
    saved = svc.save_draft(draft)
    got = svc.get_message(saved.ref)
    assert got.body.replace("\r\n", "\n") == _expected(draft.body).replace("\r\n", "\n")
    assert got.subject == "big & <tricky>"
    assert {a.name: a.content for a in got.attachments} == {a.name: a.content for a in draft.attachments}

    again = saved.copy(body=draft.body + "and one more line & <done>\n")
    saved2 = svc.save_draft(again)
    assert "UpdateItem" in sandbox.request_log
    got2 = svc.get_message(saved2.ref)
    assert got2.body.replace("\r\n", "\n").endswith("and one more line & <done>\n")
    assert len(sandbox.mailbox("alice@example.com").items(Folder.DRAFTS.value)) == 1


def test_the_characters_xml_cannot_carry_are_exactly_what_is_cleaned():
    assert [chr(c) for c in range(0x10000) if convert.xml_safe(chr(c), one_line=True) != chr(c)] == NOT_XML


@pytest.mark.parametrize("kind", KINDS)
def test_every_such_character_is_cleaned_from_every_kind_of_text(kind):
    base = KINDS[kind] * 20
    for ch in NOT_XML:
        text = ch + base + ch + base[:33] + "\x0c" + base[33:] + ch
        gone = "\n" if ch in "\x0b\x0c" else ""  # page breaks become line breaks, the rest is dropped
        assert convert.xml_safe(text) == gone + base + gone + base[:33] + "\n" + base[33:] + gone, hex(ord(ch))
        assert convert.xml_safe(text, one_line=True) == base + base, hex(ord(ch))
