"""ConvertId: the sandbox's item and folder ids between the formats of t:IdFormatType.

EwsId and EwsLegacyId name their mailbox (Exchange puts it in the id), so the answer's Mailbox is the id's
own, whatever Mailbox attribute the request carried (clients send a placeholder and read the address from
the answer). The MAPI formats (EntryId, HexEntryId, StoreId) and OwaId do not: their Mailbox attribute says
whose mailbox to convert in, as on Exchange.
"""

from __future__ import annotations

import base64
import binascii

from ..core import ids
from ..core.errors import MailboxError
from ..core.session import Ctx, check_mailbox
from .soap import (
    XSI_NS, check_enum, error_message, local, m, required_children, response_message, response_root, sub,
)

FORMATS = ("EwsLegacyId", "EwsId", "EntryId", "HexEntryId", "StoreId", "OwaId")
NAMES_MAILBOX = ("EwsId", "EwsLegacyId")


def _raw_from(fmt: str, value: str) -> bytes:
    try:
        if fmt in ("EwsId", "EwsLegacyId", "OwaId"):
            raw = base64.b64decode(value.encode(), validate=True)
        elif fmt in ("EntryId", "StoreId"):
            raw = base64.b64decode(value.encode(), validate=True)[4:]
        else:
            raw = bytes.fromhex(value)[4:]
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise MailboxError("ErrorInvalidIdMalformed", ids.MALFORMED) from None
    if raw[:3] not in (b"DSI", b"DSF"):
        raise MailboxError("ErrorInvalidIdMalformed", ids.MALFORMED)
    return raw


def _to(fmt: str, raw: bytes) -> str:
    if fmt in ("EwsId", "EwsLegacyId", "OwaId"):
        return base64.b64encode(raw).decode()
    entry = b"\x00\x00\x00\x00" + raw
    return entry.hex().upper() if fmt == "HexEntryId" else base64.b64encode(entry).decode()


def _mailbox_in(ctx: Ctx, raw: bytes) -> str | None:
    """The mailbox an EwsId names: a folder id holds it; an item id names a stored item, whose mailbox it is
    (None for an id that names no stored item: then the request's Mailbox is taken)."""
    ews_id = base64.b64encode(raw).decode()
    try:
        if raw.startswith(b"DSF"):
            return ids.folder_parts(ews_id)[0]
        item = ctx.store.get(ids.item_key(ews_id))
    except MailboxError:
        return None
    return item["mailbox"] if item else None


def op_convert_id(ctx: Ctx, req):
    dest = check_enum(req.get("DestinationFormat"), FORMATS, "DestinationFormat")
    resp = response_root("ConvertId")
    msgs = sub(resp, m("ResponseMessages"))
    for alt in required_children(req, "SourceIds"):
        try:
            if local(alt) != "AlternateId":
                raise MailboxError("ErrorInvalidRequest", "Only mailbox ids can be converted.")
            fmt = check_enum(alt.get("Format"), FORMATS, "Format")
            raw = _raw_from(fmt, alt.get("Id") or "")
            own = _mailbox_in(ctx, raw) if fmt in NAMES_MAILBOX else None
            mailbox = check_mailbox(ctx, own or alt.get("Mailbox"))
        except MailboxError as e:
            error_message(msgs, "ConvertId", e)
            continue
        rm = response_message(msgs, "ConvertId")
        a = sub(rm, m("AlternateId"), Format=dest, Id=_to(dest, raw), Mailbox=mailbox)
        a.set(f"{{{XSI_NS}}}type", "t:AlternateIdType")
    return resp
