"""A ``mailto:`` link (RFC 6068) read into the message it asks for. Pure data; no Qt, no file is opened.

A link is written by a stranger as often as by a program of the user's (a web page's link reaches the desktop's
mail handler the same way as LibreOffice's "Send document as e-mail"), so what it may ask is limited here:

- ``to`` (the part before ``?`` and ``to=`` fields), ``cc``, ``bcc``, ``subject``, ``body`` and ``in-reply-to``
  are taken, field names in any case (RFC 6068 section 2); every other field is ignored and listed in
  :attr:`MailtoLink.ignored` (section 3: "a mail client SHOULD ... ignore unsafe header fields"; a link never
  sets From, Reply-To or a header of its own).
- Percent-encoding is UTF-8 (section 2); a ``%`` not followed by two hex digits, or bytes that are not UTF-8,
  make the link malformed (:class:`MailtoError`) rather than guessed at. ``+`` is a plus sign, not a space.
- The subject is one line: line breaks and other control characters become spaces (section 7: a link's
  line break must not start another header). The body keeps its line breaks (``%0D%0A``, section 5), as
  ``\\n``, and loses other control characters but tabs.
- Files a link names (``attach=``, ``attachment=``: what ``xdg-email --attach`` writes) are never attached
  here: they are listed in :attr:`MailtoLink.files`, for the user to see and decide ("Mailto: Me Your
  Secrets", 2020: a web page's link made four mail clients attach a private key).
- At most :data:`MAX_LINK` characters: a link is a request, not a transport for a large message.

The message is opened in Compose for the user to read and send: nothing is ever sent from a link.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from app.domain.models import Draft
from app.domain.validation import recipients_as_typed
from app.domain.words import Number, translate

# the longest link read, in characters: a 100 KB body percent-encoded takes up to 300 KB (and browsers cut
# links far shorter: Chromium at 2 MB, older ones at 64 KB)
MAX_LINK = 2 * 1024 * 1024

_FIELDS = ("to", "cc", "bcc", "subject", "body", "in-reply-to")
_FILE_FIELDS = ("attach", "attachment")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_MESSAGE_ID = re.compile(r"<[^<>\s]+@[^<>\s]+>")


class MailtoError(ValueError):
    """The link cannot be read (its words say why, in the user's language)."""


@dataclass(frozen=True)
class MailtoLink:
    """What a ``mailto:`` link asks for. ``to``, ``cc``, ``bcc``: the recipients as written, each field's
    addresses in one text ("a@example.com, b@example.com"), for Compose's fields to read as typed;
    ``in_reply_to``: a Message-ID (``<...@...>``) or ""; ``files``: the paths the link asks to attach (never
    attached by reading it); ``ignored``: the names of the fields not taken."""

    to: str = ""
    cc: str = ""
    bcc: str = ""
    subject: str = ""
    body: str = ""
    in_reply_to: str = ""
    files: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()

    def draft(self) -> Draft:
        """The new message the link asks for (no attachment: :attr:`files` are the user's to confirm)."""
        return Draft(to=recipients_as_typed(self.to, "to"), cc=recipients_as_typed(self.cc, "cc"),
                     bcc=recipients_as_typed(self.bcc, "bcc"), subject=self.subject, body=self.body,
                     in_reply_to=self.in_reply_to)


def is_mailto(text: str) -> bool:
    """``text`` is a ``mailto:`` link (the scheme in any case), not a file name."""
    return text[:7].lower() == "mailto:"


def read_mailto(link: str) -> MailtoLink:
    """``link`` read by RFC 6068; :class:`MailtoError` when it is not a ``mailto:`` link or cannot be read."""
    if not is_mailto(link):
        raise MailtoError(translate("Mailto", "This is not a mailto: link."))
    if len(link) > MAX_LINK:
        raise MailtoError(translate("Mailto", "The mailto: link is longer than {limit} characters; nothing was "
                                              "opened from it.").format(limit=Number(MAX_LINK)))
    path, _q, query = link[7:].partition("?")
    fields: dict[str, list[str]] = {"to": [_decoded(path, "to")] if path else []}
    files: list[str] = []
    ignored: list[str] = []
    for pair in query.split("&") if query else ():
        name, _eq, value = pair.partition("=")
        name = _decoded(name, "").lower()
        if name in _FIELDS:
            fields.setdefault(name, []).append(_decoded(value, name))
        elif name in _FILE_FIELDS:
            files.append(_decoded(value, name))
        elif name and name not in ignored:
            ignored.append(name)
    return MailtoLink(to=_people(fields.get("to")), cc=_people(fields.get("cc")), bcc=_people(fields.get("bcc")),
                      subject=_one_line(_first(fields.get("subject"))), body=_text(_first(fields.get("body"))),
                      in_reply_to=_message_id(_first(fields.get("in-reply-to"))), files=tuple(files),
                      ignored=tuple(ignored))


def _decoded(text: str, field: str) -> str:
    """``text`` percent-decoded as UTF-8; :class:`MailtoError` naming ``field`` when it is malformed."""
    where = field or translate("Mailto", "a field's name")
    if _BAD_PERCENT.search(text):
        raise MailtoError(translate("Mailto", "The mailto: link is malformed: {field} holds a % that is not "
                                              "followed by two hexadecimal digits.").format(field=where))
    try:
        return unquote(text, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise MailtoError(translate("Mailto", "The mailto: link is malformed: {field} holds bytes that are not "
                                              "UTF-8 text.").format(field=where)) from None


def _first(values: list[str] | None) -> str:
    return values[0] if values else ""


def _people(values: list[str] | None) -> str:
    """A field's addresses (every occurrence of it) in one text; control characters (a line break written to
    start another header) are spaces."""
    return ", ".join(v for v in (_one_line(v).strip(" ,") for v in values or ()) if v)


def _one_line(text: str) -> str:
    return "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)


def _text(text: str) -> str:
    """A body: its line breaks as ``\\n``; tabs kept, other control characters dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")


def _message_id(text: str) -> str:
    text = text.strip()
    return text if _MESSAGE_ID.fullmatch(text) else ""


def file_of(link: str, cwd: str) -> str | None:
    """The file ``link`` names, absolute: a path (relative to ``cwd``, the folder Dispatch started in) or a
    ``file:`` URL of this computer (the desktop may give either for an Exec line's ``%u``: Desktop Entry
    Specification, "The Exec key"); None for any other URL."""
    parts = urlsplit(link)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost"):
            return None
        return os.path.normpath(os.path.join(cwd, unquote(parts.path)))
    if len(parts.scheme) > 1:  # another scheme (a one-letter one is a Windows drive)
        return None
    return os.path.normpath(os.path.join(cwd, link))
