"""Store keys and change keys. A key names an item, attachment or folder inside the store; each front end
turns keys into its protocol's ids (EWS: ews/ids.py). A change key is the same for every protocol: EWS
sends it as ``ChangeKey``, Graph as ``changeKey`` and inside ``@odata.etag``."""

from __future__ import annotations

import base64
import binascii
import os
import uuid

from .errors import MailboxError

FOLDER_CHANGE_KEY = "AQAAABYAAAA="
BAD_CHANGE_KEY = "The change key is invalid."


def new_uuid() -> str:
    return uuid.uuid4().hex


def new_change_key() -> str:
    return base64.b64encode(b"CQAAABYA" + os.urandom(12)).decode()


def check_change_key(ck: str | None) -> None:
    """A change key that is not one a server could have given (not base64, or under 8 bytes: a change key
    is a type and a length before the change number) is ErrorInvalidChangeKey. Absent or empty is no key."""
    if not ck:
        return
    try:
        raw = base64.b64decode(ck.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raw = b""
    if len(raw) < 8:
        raise MailboxError("ErrorInvalidChangeKey", BAD_CHANGE_KEY)
