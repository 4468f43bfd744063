"""Exchange's item, attachment and folder ids as EWS sends them (Graph's REST ids are the same bytes in
URL-safe base64: graph/ids.py): base64 of a prefix plus a uuid (items, attachments) or plus a
mailbox/folder name (folders)."""

from __future__ import annotations

import base64
import binascii

from ..core.errors import MailboxError

_ITEM = b"DSI\x01"
_ATT = b"DSA\x01"
_FOLDER = b"DSF\x01"

MALFORMED = "Id is malformed."


def _malformed() -> MailboxError:
    return MailboxError("ErrorInvalidIdMalformed", MALFORMED)


def _b64decode(s: str | None) -> bytes:
    if not s:
        raise _malformed()
    try:
        return base64.b64decode(s.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise _malformed() from None



def item_id(key: str) -> str:
    return base64.b64encode(_ITEM + bytes.fromhex(key)).decode()


def item_key(ews_id: str | None) -> str:
    raw = _b64decode(ews_id)
    if len(raw) != 20 or not raw.startswith(_ITEM):
        raise _malformed()
    return raw[4:].hex()


def attachment_id(item_key_: str, att_key: str) -> str:
    return base64.b64encode(_ATT + bytes.fromhex(item_key_) + bytes.fromhex(att_key)).decode()


def attachment_keys(ews_id: str | None) -> tuple[str, str]:
    raw = _b64decode(ews_id)
    if len(raw) != 36 or not raw.startswith(_ATT):
        raise _malformed()
    return raw[4:20].hex(), raw[20:].hex()


def folder_id(mailbox: str, name: str) -> str:
    return base64.b64encode(_FOLDER + f"{mailbox.lower()}\x00{name}".encode()).decode()


def folder_parts(ews_id: str | None) -> tuple[str, str]:
    raw = _b64decode(ews_id)
    if not raw.startswith(_FOLDER) or b"\x00" not in raw:
        raise _malformed()
    mailbox, _, name = raw[4:].decode("utf-8", "replace").partition("\x00")
    return mailbox, name
