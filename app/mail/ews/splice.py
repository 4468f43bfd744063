"""Large texts go into an EWS request after lxml has serialised it, in pieces (issue 16).

exchangelib puts every text into its request with lxml: ``elem.text = value`` (lxml encodes and checks the
whole string) and ``lxml.etree.tostring`` (escapes it again). For a 10 MB body each is one C call holding
the GIL for ~25-30 ms in the mail worker, and the UI thread, which needs the GIL for every keystroke,
waits: two frames lost per save of a big draft while the user types on. Every whole copy of the body
(a join, a ``Body(text)``) is one more such call, ~27 ms the first time (fresh pages) and ~1 ms after.

Here ``set_xml_value`` gets a short unique stand-in for a text of :data:`SPLICE_MIN` characters or more
(and for large ``bytes``, whose base64 would be as long); a message body is stood in for by its pieces
before it is ever joined (:func:`stand_in_pieces`, ``convert.body_of``). The request's bytes get the real
text back after serialisation, cleaned, escaped and encoded exactly as exchangelib and lxml do it ("?"
for what XML cannot carry; ``&``, ``<``, ``>`` and carriage returns as references; UTF-8) one
:data:`PIECE` at a time: the GIL changes hands between pieces. The bytes on the wire are the same as
without this module (``tests/mail/test_ews_splice.py`` compares them byte for byte with what exchangelib
and lxml write), so Microsoft's schema checks them exactly as before.

Stand-ins live per thread: exchangelib builds a request's payload and wraps it on the same thread. A
payload may be wrapped more than once (exchangelib tries another server version with the same payload),
so a wrap keeps what it used until the next payload stands in for something new; the mail service drops
everything at the end of every call (:func:`forget`). A stand-in found in a request without its text
(never expected) stops the request instead of sending the stand-in as the message.
"""

from __future__ import annotations

import base64
import threading
import uuid

import exchangelib.services.common as _exchangelib_services
import exchangelib.util as _exchangelib_util

from app.mail.ews.xml_chars import CharScreen

#: texts (characters) and binary contents (bytes) at least this long are spliced in after serialisation
SPLICE_MIN = 64 * 1024
#: characters escaped and encoded at a time; binary contents are base64-encoded 3 * 64 KiB at a time
PIECE = 256 * 1024
_B64_PIECE = 3 * 64 * 1024

_PREFIX = "dispatch-splice-"
_local = threading.local()
_original_value_to_xml_text = _exchangelib_util.value_to_xml_text
_original_wrap = _exchangelib_services.EWSService.wrap


#: exchangelib's "?" characters, looked for before its pattern is (xml_chars.py)
_EXCHANGELIB_CHARS = CharScreen(_exchangelib_util._ILLEGAL_XML_CHARS_RE)


def exchangelib_pass(text: str, replacement: str = "?") -> str:
    """exchangelib's ``safe_xml_value`` ("?" for what XML cannot carry) on one piece of text; its pattern
    only runs over a text that may hold one of those characters."""
    if not _EXCHANGELIB_CHARS.may_hold(text):
        return text
    return _exchangelib_util._ILLEGAL_XML_CHARS_RE.sub(replacement, text)


class Pieces(tuple):
    """A text as pieces of at most :data:`PIECE` characters, not yet through exchangelib's "?" pass."""


def _pending() -> dict[str, str | bytes | Pieces]:
    texts = getattr(_local, "texts", None)
    if texts is None:
        forget()
        texts = _local.texts
    return texts


def stand_in(value: str | bytes | Pieces) -> str:
    """A short stand-in for ``value`` in this thread's next request: an XML-safe text, :class:`Pieces`,
    or bytes to be base64-encoded."""
    texts = _pending()
    for token in _local.used:  # a new payload: texts a request already carried are done with
        texts.pop(token, None)
    _local.used = set()
    token = _PREFIX + uuid.uuid4().hex
    texts[token] = value
    _local.issued.add(token)
    return token


def stand_in_pieces(pieces) -> str:
    """A stand-in for the text ``"".join(pieces)``, which is never joined (each piece ≤ :data:`PIECE`)."""
    return stand_in(Pieces(pieces))


def forget() -> None:
    """Drop this thread's stand-ins (their texts may be megabytes)."""
    _local.texts = {}
    _local.used = set()
    _local.issued = set()


def _escape(piece: str) -> bytes:
    """``piece`` as lxml writes element content in UTF-8."""
    if "&" in piece:
        piece = piece.replace("&", "&amp;")
    if "<" in piece:
        piece = piece.replace("<", "&lt;")
    if ">" in piece:
        piece = piece.replace(">", "&gt;")
    if "\r" in piece:
        piece = piece.replace("\r", "&#13;")
    return piece.encode("utf-8")


def _encoded(value: str | bytes | Pieces) -> list[bytes]:
    if isinstance(value, bytes):
        view = memoryview(value)
        return [base64.b64encode(view[k:k + _B64_PIECE]) for k in range(0, len(value), _B64_PIECE)]
    if isinstance(value, Pieces):  # exchangelib's own pass ("?" for what XML cannot carry), piece by piece
        return [_escape(exchangelib_pass(piece)) for piece in value]
    return [_escape(value[k:k + PIECE]) for k in range(0, len(value), PIECE)]


def splice(data: bytes) -> bytes:
    """The request ``data`` with this thread's stand-ins replaced by their texts."""
    texts = _pending()
    if not _local.issued:
        return data
    found = sorted((data.find(token.encode("ascii")), token) for token in texts)
    parts: list[bytes] = []
    serialised: list[bytes] = []  # what lxml wrote: a stand-in left there would go out as the message
    pos = 0
    for at, token in found:
        if at < 0:  # from a payload that was not this one
            continue
        serialised.append(data[pos:at])
        parts.append(serialised[-1])
        parts.extend(_encoded(texts[token]))
        _local.used.add(token)
        pos = at + len(token)
    serialised.append(data[pos:])
    parts.append(serialised[-1])
    lost = _local.issued.difference(texts)
    if lost and any(token.encode("ascii") in part for token in lost for part in serialised):
        raise RuntimeError("a large text of this request was dropped before it was sent")
    return b"".join(parts)


def _value_to_xml_text(value):
    """exchangelib's ``value_to_xml_text`` as ``set_xml_value`` calls it, with large values stood in for."""
    if isinstance(value, bytes) and len(value) >= SPLICE_MIN:
        return stand_in(bytes(value))
    text = _original_value_to_xml_text(value)  # str: "?" for what XML cannot carry (see convert.py)
    if isinstance(value, str) and len(text) >= SPLICE_MIN:
        return stand_in(text)
    return text


def _wrap(self, content, api_version=None):
    return splice(_original_wrap(self, content, api_version=api_version))


def install() -> None:
    """Route exchangelib's element texts and request envelopes through this module (idempotent)."""
    _exchangelib_util.value_to_xml_text = _value_to_xml_text
    _exchangelib_services.EWSService.wrap = _wrap
