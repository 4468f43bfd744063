"""Inline images: pictures an HTML body shows from the message's own attachments (``<img src="cid:...">``).

An inline image is an :class:`Attachment` with ``is_inline`` and a ``content_id``; the body names it by
``cid:<content_id>`` (RFC 2392). One the body no longer references (the user deleted the picture) is not
part of the message: :func:`referenced` drops it, so no orphan inline attachment reaches the server.
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import unquote

from app.domain.models import Attachment

#: an ``src`` (quoted or not) that names a ``cid:`` URL, as Qt's toHtml() and other mailers write it
_CID_SRC = re.compile(r"""\bsrc\s*=\s*(?:"cid:([^"]*)"|'cid:([^']*)'|cid:([^\s>"']+))""", re.IGNORECASE)


def new_content_id(domain: str = "dispatch") -> str:
    """A Content-ID no other picture of any message has (no ``<>``)."""
    return f"{uuid.uuid4().hex}@{domain}"


def cid_url(content_id: str) -> str:
    return f"cid:{content_id}"


def cid_refs(html: str) -> set[str]:
    """The Content-IDs the HTML's images name (percent-decoded, as RFC 2392 writes them)."""
    return {unquote(next(g for g in m.groups() if g is not None)) for m in _CID_SRC.finditer(html or "")}


def is_inline_image(att: Attachment) -> bool:
    return att.is_inline and bool(att.content_id)


def split(attachments: list[Attachment]) -> tuple[list[Attachment], list[Attachment]]:
    """(files listed as attachments, inline images) of an HTML message."""
    return [a for a in attachments if not is_inline_image(a)], [a for a in attachments if is_inline_image(a)]


def referenced(html: str, images: list[Attachment]) -> list[Attachment]:
    """The inline images the HTML body still shows, in the order given (once per Content-ID)."""
    refs, seen, out = cid_refs(html), set(), []
    for a in images:
        if a.content_id in refs and a.content_id not in seen:
            seen.add(a.content_id)
            out.append(a)
    return out
