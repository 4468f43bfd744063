"""What a SOAP reply must be before exchangelib reads it: whole, and naming only results EWS knows.

exchangelib parses every reply in lxml's recover mode (Exchange may send characters XML forbids), and it
takes any ``ResponseClass`` but "Success", "Warning" and "Error" as success when the code says NoError. So
a damaged reply could pass for a good one:

- cut off anywhere, it is read as the document up to the cut: a listing with fewer items and no error, a
  draft whose body ends half way (opened, edited and saved back, the rest would be lost), a paging element
  without its numbers (a TypeError inside exchangelib);
- a response message whose class is none of the three (a mangling proxy) passed as done: a send that
  failed could look sent, and a listing's results were not found where they belong.

:func:`damage` names what is wrong with a reply, or None; the retry policy
(:class:`app.mail.ews.connection.DispatchRetryPolicy`) refuses such a reply as one that could not be read
(MalformedResponse: for a send the outcome is unknown and the Outbox looks the message up).
"""

from __future__ import annotations

import re

# The end of a whole SOAP reply: its envelope closed (under any prefix), nothing but whitespace after it,
# or comments (XML allows them after the root; a load balancer may sign its replies so)
_ENVELOPE_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?Envelope\s*>(?:\s|<!--(?:(?!-->).)*-->)*\Z", re.S)
# A response message's class, inside its start tag (a '<' in text content is always escaped, so a match
# that starts with one is markup, never a message's subject or body)
_RESPONSE_CLASS = re.compile(rb'<(?:[\w.-]+:)?\w+ResponseMessage\b[^<>]*?\bResponseClass\s*=\s*"([^"<>]*)"')
_CLASSES = {b"Success", b"Warning", b"Error"}
# the response messages come first (each ~250 bytes; a SendItem of 100 drafts answers in ~25 KB): a long
# reply (a 10 MB body) is not scanned to its end
_HEAD = 64 * 1024


def cut_off(body: bytes) -> bool:
    """A SOAP reply that stops before its envelope is closed. A reply that is no SOAP envelope at all is
    left to exchangelib, which says so itself."""
    if b"Envelope" not in body[:1024]:
        return False
    return _ENVELOPE_END.search(body[-4096:]) is None


def strange_class(body: bytes) -> str | None:
    """The first ResponseClass in the reply's head that EWS does not define (the schema's enumeration:
    Success, Warning, Error), or None."""
    for m in _RESPONSE_CLASS.finditer(body, 0, _HEAD):
        if m.group(1) not in _CLASSES:
            return m.group(1).decode("utf-8", "replace")[:40]
    return None


def damage(body: bytes) -> str | None:
    """Why this reply cannot be trusted, in words for the user, or None."""
    if cut_off(body):
        return "The server's reply was cut off before its end"
    strange = strange_class(body)
    if strange is not None:
        return f"The server's reply was damaged (it named a result class EWS does not have: {strange!r})"
    return None
