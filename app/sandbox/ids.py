"""Opaque ids: base64 of a prefix plus a uuid (items, attachments) or plus a mailbox/folder name (folders)."""

from __future__ import annotations

import base64
import binascii
import os
import uuid

from .soap import EwsError

_ITEM = b"DSI\x01"
_ATT = b"DSA\x01"
_FOLDER = b"DSF\x01"

MALFORMED = "Id is malformed."


def _malformed() -> EwsError:
    return EwsError("ErrorInvalidIdMalformed", MALFORMED)


def _b64decode(s: str | None) -> bytes:
    if not s:
        raise _malformed()
    try:
        return base64.b64decode(s.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise _malformed() from None


def new_uuid() -> str:
    return uuid.uuid4().hex


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


def new_change_key() -> str:
    return base64.b64encode(b"CQAAABYA" + os.urandom(12)).decode()


FOLDER_CHANGE_KEY = "AQAAABYAAAA="
BAD_CHANGE_KEY = "The change key is invalid."


def check_change_key(ck: str | None) -> None:
    """A ChangeKey that is not one a server could have given (not base64, or under 8 bytes: a change key
    is a type and a length before the change number) is ErrorInvalidChangeKey. Absent or empty is no key."""
    if not ck:
        return
    try:
        raw = base64.b64decode(ck.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raw = b""
    if len(raw) < 8:
        raise EwsError("ErrorInvalidChangeKey", BAD_CHANGE_KEY)
