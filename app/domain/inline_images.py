"""Inline images: pictures an HTML body shows from the message's own attachments (``<img src="cid:...">``).

An inline image is an :class:`Attachment` with ``is_inline`` and a ``content_id``; the body names it by
``cid:<content_id>`` (RFC 2392). One the body no longer references (the user deleted the picture) is not
part of the message: :func:`referenced` drops it, so no orphan inline attachment reaches the server.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import uuid
from collections.abc import Callable
from urllib.parse import unquote

from app.domain.models import Attachment

# an ``src`` (quoted or not) that names a ``cid:`` URL, as Qt's toHtml() and other mailers write it
_CID_SRC = re.compile(r"""\bsrc\s*=\s*(?:"cid:([^"]*)"|'cid:([^']*)'|cid:([^\s>"']+))""", re.IGNORECASE)


# an image's ``src`` holding its bytes (``data:image/png;base64,...``): how a signature keeps its picture
_DATA_SRC = re.compile(r"""\bsrc\s*=\s*(["'])data:(image/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]*)\1""", re.IGNORECASE)


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


def listed(attachments: list[Attachment], html: str | None) -> list[Attachment]:
    """The attachments a reader sees listed as files: all of them, less the inline images ``html`` (an HTML
    body; None for plain text) shows in place. An inline image the body does not name is listed (nowhere
    else would it be seen)."""
    refs = cid_refs(html) if html is not None else set()
    return [a for a in attachments if not (is_inline_image(a) and a.content_id in refs)]


def data_pictures(html: str, content_id_for: Callable[[Attachment], str],
                  stem: str = "signature") -> tuple[str, list[Attachment]]:
    """``html`` (a rich signature or snippet) with each ``data:`` picture turned into an inline attachment: (the
    HTML naming them by ``cid:``, the pictures, each named ``<stem>-<hash>.<ext>``). ``content_id_for(picture)``
    gives each its Content-ID (the same picture twice: the caller may give the same one). A ``data:`` URI that
    is not valid base64 stays as it is."""
    pictures: dict[str, Attachment] = {}

    def one(m: re.Match) -> str:
        mime = m.group(2).lower()
        try:
            data = base64.b64decode("".join(m.group(3).split()), validate=True)
        except (binascii.Error, ValueError):
            return m.group(0)
        ext = mime.split("/", 1)[1].split("+", 1)[0].replace("jpeg", "jpg")
        name = f"{stem}-{hashlib.sha256(data).hexdigest()[:8]}.{ext}"
        att = Attachment(name, data, mime, size=len(data), is_inline=True)
        cid = content_id_for(att)
        pictures.setdefault(cid, Attachment(name, data, mime, size=len(data), content_id=cid, is_inline=True))
        return f'src="{cid_url(cid)}"'

    return _DATA_SRC.sub(one, html or ""), list(pictures.values())
