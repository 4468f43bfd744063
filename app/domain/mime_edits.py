"""Edits of a message's header block that leave the rest of its bytes as they are: a Bcc said to the server, a
header taken out, the From read or replaced, the receipts it asks for read. Pure functions on bytes (the email package only reads)."""

from __future__ import annotations

import re
import unicodedata

from app.domain.models import Recipient


def with_bcc(raw: bytes, people: list[Recipient]) -> bytes:
    """``raw`` with one Bcc header naming ``people`` (none: unchanged). A message sent as it is names its
    recipients in its headers only (EWS MimeContent, Graph's MIME sendMail), and the server takes Bcc from there
    and leaves it out of every copy it delivers (Microsoft: "send a message in MIME format"), so a recipient of
    the envelope alone (a sendmail argument, a Bcc header read with -t) is said to the server this way."""
    if not people:
        return raw
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    return b"Bcc: " + ", ".join(f"<{r.email}>" for r in people).encode("utf-8") + newline + raw


def without_header(raw: bytes, name: str) -> bytes:
    """``raw`` without the top-level header ``name`` (every one, with its folded lines); the rest untouched."""
    m = _HEAD_END.search(raw)
    cut = m.start() + len(m.group(1)) if m else len(raw)  # the header block with its last line's end
    out, dropping = [], False
    target = name.lower().encode("ascii")
    for line in raw[:cut].splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):  # a folded line goes with the header before it
            if not dropping:
                out.append(line)
            continue
        dropping = line.split(b":", 1)[0].strip().lower() == target
        if not dropping:
            out.append(line)
    return b"".join(out) + raw[cut:]


_HEAD_END = re.compile(rb"(\r?\n)\r?\n")


def from_header(raw: bytes) -> tuple[str, str]:
    """The display name and the address of ``raw``'s first From header (``("", "")``: none, or unreadable);
    ``root (Cron Daemon)``, as cron writes it, is ``("Cron Daemon", "root")``."""
    import email.parser
    import email.policy
    import email.utils

    head = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    value = head.get("From")
    if value is None:
        return "", ""
    name, address = email.utils.parseaddr(str(value))
    return name, address


def receipts_asked(raw: bytes) -> tuple[bool, bool]:
    """(a read receipt, a delivery receipt): whether ``raw``'s top-level headers ask for them:
    ``Disposition-Notification-To`` (RFC 8098) and ``Return-Receipt-To`` (non-standard, the one Exchange itself
    writes for a delivery receipt: MS-OXCMAIL 2.1.3.1.5; Disposition-Notification-To: 2.1.3.1.6)."""
    import email.parser
    import email.policy

    head = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    return (bool(str(head.get("Disposition-Notification-To") or "").strip()),
            bool(str(head.get("Return-Receipt-To") or "").strip()))


def own_from(raw: bytes, name: str, address: str) -> bytes:
    """``raw`` with its From header (every one) replaced by one naming ``address``, with ``name`` as its display
    name (RFC 2047-encoded when it is not ASCII); the rest untouched."""
    import email.utils

    name = "".join(c for c in name if unicodedata.category(c) != "Cc")
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    value = email.utils.formataddr((name, address), charset="utf-8")
    return b"From: " + value.encode("ascii") + newline + without_header(raw, "From")
