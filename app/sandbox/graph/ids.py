"""Graph ids. A message's REST id is its EWS id in URL-safe base64 (as Exchange's are: the same bytes,
``-`` and ``_`` for ``+`` and ``/``), so it changes when the message moves; with ``Prefer:
IdType="ImmutableId"`` the id names the item's immutable key (core/items.immutable_key) instead, which a
move keeps. Folder ids are the EWS folder ids, URL-safe. ``translateExchangeIds`` converts between them."""

from __future__ import annotations

import base64
import binascii

from ..core import ids as ews_ids
from .errors import GraphError

_IMMUTABLE = b"DSM\x01"
MALFORMED = "Id is malformed."


def _urlsafe(ews_id: str) -> str:
    return ews_id.replace("+", "-").replace("/", "_")


def _standard(rest_id: str) -> str:
    return rest_id.replace("-", "+").replace("_", "/")


def malformed() -> GraphError:
    return GraphError(400, "ErrorInvalidIdMalformed", MALFORMED)


def message_id(key: str) -> str:
    return _urlsafe(ews_ids.item_id(key))


def immutable_id(iid: str) -> str:
    return base64.urlsafe_b64encode(_IMMUTABLE + bytes.fromhex(iid)).decode()


def parse_message_id(value: str) -> tuple[str, str]:
    """A message id from a URL or body -> ("key", store key) or ("immutable", immutable key)."""
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise malformed() from None
    if len(raw) == 20 and raw.startswith(_IMMUTABLE):
        return "immutable", raw[4:].hex()
    try:
        return "key", ews_ids.item_key(_standard(value))
    except Exception:  # noqa: BLE001 - the EWS codec raises MailboxError for anything malformed
        raise malformed() from None


def folder_id(mailbox: str, key: str) -> str:
    return _urlsafe(ews_ids.folder_id(mailbox, key))


def parse_folder_id(value: str) -> tuple[str, str]:
    try:
        return ews_ids.folder_parts(_standard(value))
    except Exception:  # noqa: BLE001
        raise malformed() from None


def attachment_id(item_key: str, att_key: str) -> str:
    return _urlsafe(ews_ids.attachment_id(item_key, att_key))


def parse_attachment_id(value: str) -> tuple[str, str]:
    try:
        return ews_ids.attachment_keys(_standard(value))
    except Exception:  # noqa: BLE001
        raise malformed() from None
