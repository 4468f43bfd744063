"""Large texts go into an EWS request after lxml has serialised it, in pieces (issue 16).

exchangelib puts every text into its request with lxml: ``elem.text = value`` (lxml encodes and checks the
whole string) and ``lxml.etree.tostring`` (escapes it again). For a 10 MB body each is one C call holding
the GIL for ~25-30 ms in the mail worker, and the UI thread, which needs the GIL for every keystroke,
waits: two frames lost per save of a big draft while the user types on.

Here ``set_xml_value`` gets a short unique stand-in for a text of :data:`SPLICE_MIN` characters or more
(and for large ``bytes``, whose base64 would be as long), and the request's bytes get the real text
back after serialisation, escaped and encoded exactly as lxml does it (``&``, ``<``, ``>`` and carriage
returns as references, UTF-8) one :data:`PIECE` at a time: the GIL changes hands between pieces. The
bytes on the wire are the same as without this module (``tests/mail/test_ews_splice.py`` compares them
byte for byte with lxml's own serialisation), so Microsoft's schema checks them exactly as before.

Stand-ins live per thread: exchangelib builds a request's payload and wraps it on the same thread. A
payload may be wrapped more than once (exchangelib tries another server version with the same payload),
so a wrap keeps the stand-ins; the next payload's first stand-in drops them, and the mail service drops
them at the end of every call (:func:`forget`).
"""

from __future__ import annotations

import base64
import threading
import uuid

import exchangelib.services.common as _exchangelib_services
import exchangelib.util as _exchangelib_util

#: texts (characters) and binary contents (bytes) at least this long are spliced in after serialisation
SPLICE_MIN = 64 * 1024
#: characters escaped and encoded at a time; binary contents are base64-encoded 3 * 64 KiB at a time
PIECE = 256 * 1024
_B64_PIECE = 3 * 64 * 1024

_PREFIX = "dispatch-splice-"
_local = threading.local()
_original_value_to_xml_text = _exchangelib_util.value_to_xml_text
_original_wrap = _exchangelib_services.EWSService.wrap


def _pending() -> dict[str, str | bytes]:
    texts = getattr(_local, "texts", None)
    if texts is None:
        texts = _local.texts = {}
    return texts


def stand_in(value: str | bytes) -> str:
    """A short stand-in for ``value`` (an XML-safe text, or bytes to be base64-encoded) in this thread's
    next request."""
    if getattr(_local, "wrapped", False):  # a new payload: the last one's texts are done with
        forget()
    token = _PREFIX + uuid.uuid4().hex
    _pending()[token] = value
    return token


def forget() -> None:
    """Drop this thread's stand-ins (their texts may be megabytes)."""
    _local.texts = {}
    _local.wrapped = False


def _escaped(text: str) -> list[bytes]:
    """``text`` as lxml writes element content in UTF-8, one piece at a time."""
    out = []
    for k in range(0, len(text), PIECE):
        piece = text[k:k + PIECE]
        if "&" in piece:
            piece = piece.replace("&", "&amp;")
        if "<" in piece:
            piece = piece.replace("<", "&lt;")
        if ">" in piece:
            piece = piece.replace(">", "&gt;")
        if "\r" in piece:
            piece = piece.replace("\r", "&#13;")
        out.append(piece.encode("utf-8"))
    return out


def _base64(content: bytes) -> list[bytes]:
    view = memoryview(content)
    return [base64.b64encode(view[k:k + _B64_PIECE]) for k in range(0, len(content), _B64_PIECE)]


def splice(data: bytes) -> bytes:
    """The request ``data`` with this thread's stand-ins replaced by their texts (and forgotten)."""
    texts = _pending()
    if not texts:
        return data
    _local.wrapped = True
    found = sorted((data.find(token.encode("ascii")), token) for token in texts)
    parts: list[bytes] = []
    pos = 0
    for at, token in found:
        if at < 0:  # from a payload that was never sent
            continue
        parts.append(data[pos:at])
        value = texts[token]
        parts.extend(_base64(value) if isinstance(value, bytes) else _escaped(value))
        pos = at + len(token)
    parts.append(data[pos:])
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

