"""``POST /me/translateExchangeIds``: ids of the mailbox's messages and folders between Exchange's formats
(user: translateExchangeIds; the answer a convertIdResult collection).

Formats (exchangeIdFormat): ``ewsId`` (EWS, standard base64), ``restId`` (Graph's default: the same bytes,
URL-safe), ``restImmutableEntryId`` (Graph's immutable id: graph/ids.immutable_id), and the binary MAPI
formats ``entryId`` and ``immutableEntryId``. The sandbox's MAPI ids are a long-term entry id's shape - 4
flag bytes, a 16-byte store provider UID, a 2-byte type (7 a message, 1 a folder), then what names the item
(its store key; its immutable key for immutableEntryId, under a provider UID of its own) or the folder -
written as Graph documents: URL-safe base64 without its ``=`` padding, followed by the number of padding
characters removed (0, 1 or 2). A folder's id never changes when a message moves, so a folder's immutable
formats are its plain ones.

Every id must name an existing message or folder of the caller's mailbox. An id that cannot be converted
(malformed for its source format, or naming nothing of the mailbox) does not fail the request: its result
has ``sourceId`` and ``errorDetails`` (a genericError: code and message), and no ``targetId``. The request
itself is 400 when its parameters are wrong (a missing or unknown one, a format Graph does not have, more
than 1000 ids)."""

from __future__ import annotations

import base64
import binascii

from ..core import ids as ews_ids
from ..core import items
from ..core.errors import MailboxError
from . import ids
from .errors import GraphError, bad_request, from_mailbox
from .request import Req, json_resp

FORMATS = ("entryId", "ewsId", "immutableEntryId", "restId", "restImmutableEntryId")
MAX_IDS = 1000
_FLAGS = b"\x00\x00\x00\x00"
_STORE_UID = bytes.fromhex("d5a1c0de5a4db0c5a0d1e0f0a1b2c3d4")  # the sandbox's "store provider"
_IMMUTABLE_UID = bytes.fromhex("d5a1c0de5a4db0c5a0d1e0f0a1b2c3d5")
_MESSAGE, _FOLDER = b"\x07\x00", b"\x01\x00"


def translate(req: Req):
    params = _params(req.json())
    out = []
    for sid in params["inputids"]:
        try:
            out.append({"sourceId": sid, "targetId": _encode(req, params["targetidtype"],
                                                             _decode(req, params["sourceidtype"], sid))})
        except GraphError as e:
            out.append({"sourceId": sid, "errorDetails": {"code": e.code, "message": e.message}})
    return json_resp(200, {"@odata.context": f"{req.base}/$metadata#Collection(microsoft.graph.convertIdResult)",
                           "value": out})


def _params(doc) -> dict:
    if not isinstance(doc, dict):
        raise bad_request("The request body must be a JSON object.", "RequestBodyRead")
    params = {}
    for name, value in doc.items():
        if name.lower() not in ("inputids", "sourceidtype", "targetidtype"):
            raise bad_request(f"The parameter '{name}' in the request payload is not a valid parameter for the "
                              "operation 'translateExchangeIds'.", "RequestBodyRead")
        params[name.lower()] = value
    for name, label in (("inputids", "InputIds"), ("sourceidtype", "SourceIdType"), ("targetidtype", "TargetIdType")):
        if params.get(name) is None:
            raise bad_request(f"Value cannot be null. Parameter name: {label}", "ErrorInvalidParameter")
    given = params["inputids"]
    if not isinstance(given, list) or not all(isinstance(i, str) for i in given):
        raise bad_request("InputIds must be a collection of strings.", "RequestBodyRead")
    if len(given) > MAX_IDS:
        raise bad_request(f"InputIds can hold at most {MAX_IDS} ids.", "ErrorInvalidParameter")
    for name in ("sourceidtype", "targetidtype"):
        value = params[name]
        known = {f.lower(): f for f in FORMATS}
        if not isinstance(value, str) or value.lower() not in known:
            raise bad_request(f"The value '{value}' is not a valid exchangeIdFormat.", "RequestBodyRead")
        params[name] = known[value.lower()]
    return params


# ---------------- an id -> ("item", row) or ("folder", key) ----------------
def _decode(req: Req, fmt: str, value: str):
    if fmt in ("ewsId", "restId"):
        return _decode_ews(req, fmt, value)
    if fmt == "restImmutableEntryId":
        try:
            kind, key = ids.parse_message_id(value)
        except GraphError:
            return _decode(req, "restId", value)  # a folder's immutable id is its REST id
        if kind != "immutable":
            raise ids.malformed()  # a message's REST id is not its immutable one
        return "item", _item(req, "immutable", key)
    return _decode_entry_id(req, fmt, value)


def _decode_ews(req: Req, fmt: str, value: str):
    """An EWS id (or its URL-safe REST form): an item's, else a folder's."""
    ews = value.replace("-", "+").replace("_", "/") if fmt == "restId" else value
    if fmt == "restId" and ews == value and ("+" in value or "/" in value):
        raise ids.malformed()  # a REST id is URL-safe
    try:
        return "item", _item(req, "key", ews_ids.item_key(ews))
    except MailboxError as e:
        if e.code != "ErrorInvalidIdMalformed":
            raise from_mailbox(e) from None
    try:
        mailbox, key = ews_ids.folder_parts(ews)
    except MailboxError:
        raise ids.malformed() from None
    return _folder(req, mailbox, key)


def _decode_entry_id(req: Req, fmt: str, value: str):
    """A MAPI entry id (entryId, immutableEntryId): a message's or a folder's."""
    raw = _unpad(value)
    uid = _IMMUTABLE_UID if fmt == "immutableEntryId" else _STORE_UID
    head, kind, rest = raw[:20], raw[20:22], raw[22:]
    if head == _FLAGS + uid and kind == _MESSAGE and len(rest) == 16:
        return "item", _item(req, "immutable" if fmt == "immutableEntryId" else "key", rest.hex())
    if head == _FLAGS + _STORE_UID and kind == _FOLDER and b"\x00" in rest:
        mailbox, _, key = rest.decode("utf-8", "replace").partition("\x00")
        return _folder(req, mailbox, key)
    raise ids.malformed()


def _item(req: Req, kind: str, key: str) -> dict:
    try:
        return items.load_immutable(req.ctx, key) if kind == "immutable" else items.load(req.ctx, key)
    except MailboxError as e:
        raise from_mailbox(e) from None


def _folder(req: Req, mailbox: str, key: str):
    ctx = req.ctx
    row = ctx.store.folder(mailbox, key) if mailbox == ctx.email else None
    if row is None or row["deleted"]:
        raise GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
    return "folder", key


# ---------------- ("item", row) or ("folder", key) -> an id ----------------
def _encode(req: Req, fmt: str, thing) -> str:
    kind, what = thing
    if kind == "folder":
        if fmt in ("entryId", "immutableEntryId"):
            return _pad(_FLAGS + _STORE_UID + _FOLDER + f"{req.ctx.email.lower()}\x00{what}".encode())
        ews = ews_ids.folder_id(req.ctx.email, what)
        return ews if fmt == "ewsId" else ids.folder_id(req.ctx.email, what)
    if fmt == "ewsId":
        return ews_ids.item_id(what["key"])
    if fmt == "restId":
        return ids.message_id(what["key"])
    if fmt == "restImmutableEntryId":
        return ids.immutable_id(items.immutable_key(what))
    if fmt == "entryId":
        return _pad(_FLAGS + _STORE_UID + _MESSAGE + bytes.fromhex(what["key"]))
    return _pad(_FLAGS + _IMMUTABLE_UID + _MESSAGE + bytes.fromhex(items.immutable_key(what)))


def _pad(raw: bytes) -> str:
    """Graph's URL-safe base64 of a binary id: no '=' padding, then how many there were (0, 1 or 2)."""
    text = base64.urlsafe_b64encode(raw).decode()
    stripped = text.rstrip("=")
    return stripped + str(len(text) - len(stripped))


def _unpad(value: str) -> bytes:
    if not value or value[-1] not in "012":
        raise ids.malformed()
    text = value[:-1] + "=" * int(value[-1])
    if len(text) % 4:
        raise ids.malformed()
    try:
        return base64.b64decode(text.encode("ascii"), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise ids.malformed() from None
