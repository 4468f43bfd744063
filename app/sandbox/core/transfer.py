"""An item as one opaque stream (EWS ExportItems' and UploadItems' Data), protocol-neutral.

Exchange's Data is its own full-fidelity stream of an item's properties, which clients never read: they keep
it and give it back to UploadItems ("Data: contains the data of a single item to upload into a mailbox",
learn.microsoft.com, exchange/client-developer/web-service-reference/item-uploaditemtype). The sandbox's is
its own too: a prefix, a SHA-256 digest of the rest, then JSON of what the store keeps of the item (its fields,
its stored MIME, its attachments with their content). So an upload restores an equal item, in any sandbox.

What comes back is the client's, and the digest proves nothing (anyone can compute a SHA-256): so every value
is checked as strictly as the store's own writes are. Data not in the sandbox's format, or with values the store
cannot hold (a time not in the store's form, clock.fmt_dt; an int its field's XSD type does not allow; an extended
property value its type cannot hold, extvalue.py; text XML cannot carry; more JSON objects and arrays than
MAX_CONTAINERS), is refused
with ErrorCorruptData ("This error occurs when the data is corrupted and cannot be processed", ResponseCode,
learn.microsoft.com), never stored.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import json
import re

from . import attached, extvalue
from .clock import STORE_FORMAT, fmt_dt, utcnow
from .delivery import SUBMITTING, add_attachments, file_item, stamp
from .errors import NOT_FOUND, MailboxError
from .model import FIELDS, FLAG_STATUS, IMPORTANCE, MAILBOX_TYPES, SENSITIVITY, STORED_ONLY, XS_INT
from .outbox import OUTBOX

MAGIC = b"DSX\x01"
_DIGEST = 32
CORRUPT = "The data is corrupted and cannot be processed."
#: Kinds of model.FIELDS that are not kept in an item's data (derived, or kept elsewhere).
_NOT_KEPT = ("computed", "attachments", "extended")
#: The store's own keys an exported item carries (model.py: "_ext" holds the extended properties).
_OWN = ("_ext",)
#: The most JSON objects and arrays one Data (or an item attachment's packed item in it) may hold, counted before
#: it is parsed so that a small request cannot build a large graph. An item holds about one per recipient,
#: attachment, extended property and header, and a few of its own; the EWS front end reads at most
#: ews/soap.MAX_ELEMENTS (10,000) XML elements a request, and each of those takes at least one, so no item a
#: client wrote through EWS comes near this.
MAX_CONTAINERS = 10_000
#: A JSON string (its escapes kept): taken out before counting, so that braces in text do not count.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
#: A character XML 1.0 cannot carry (a control character, a lone surrogate, U+FFFE/U+FFFF): text holding one could
#: not be answered in any XML answer, and no EWS request can write it.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: The values each int field's type in types.xsd allows, as ranges: Size is an xs:int, ReminderMinutesBeforeStart
#: a ReminderMinutesBeforeStartType (0 to 2629800, or the marker 1525252321). Another int field: xs:int.
INT_RANGES = {"Size": (XS_INT,), "ReminderMinutesBeforeStart": ((0, 2_629_800), (1_525_252_321, 1_525_252_321))}
#: Fields an upload stamps afresh, as Exchange does (a new item gets its own creation and modification times).
STAMPED = ("DateTimeCreated", "LastModifiedTime", "Size")
PENDING = "The item is waiting in the Outbox to be sent and cannot be replaced."


def export_item(store, item: dict) -> bytes:
    """The Data of a stored item."""
    fields = {k: v for k, v in item["data"].items() if _kept(k)}
    atts = [dict(attached.to_json(a), modified=a.get("modified"), kind=a.get("kind"))
            for a in store.attachments(item["key"], content=True)]
    mime = store.mime(item["key"])
    body = json.dumps({"fields": fields, "attachments": atts,
                       "mime": base64.b64encode(mime).decode("ascii") if mime is not None else None},
                      separators=(",", ":"), sort_keys=True).encode("utf-8")
    return MAGIC + hashlib.sha256(body).digest() + body


def import_item(raw: bytes) -> tuple[dict, list[dict], bytes | None]:
    """Data -> (the item's fields, its attachments with their content, its MIME or None). Raises MailboxError
    (ErrorCorruptData) for Data not in the sandbox's format, or with values the store cannot hold."""
    head, digest, body = raw[:len(MAGIC)], raw[len(MAGIC):len(MAGIC) + _DIGEST], raw[len(MAGIC) + _DIGEST:]
    if head != MAGIC or len(digest) != _DIGEST or hashlib.sha256(body).digest() != digest:
        raise _corrupt()
    payload = _json(body)
    if not isinstance(payload, dict) or set(payload) != {"fields", "attachments", "mime"}:
        raise _corrupt()
    fields = _fields(payload["fields"])
    atts = payload["attachments"]
    if not isinstance(atts, list):
        raise _corrupt()
    mime = payload["mime"]
    return fields, [_attachment(a) for a in atts], None if mime is None else _b64(mime)


def upload(ctx, folder: tuple[str, str], raw: bytes, existing: dict | None = None) -> dict:
    """Store the item ``raw`` (Data) holds: a new item in ``folder`` (mailbox, folder key), or, given
    ``existing`` (a stored item of that folder), that item replaced by it, keeping its id (a new change key).
    Returns the stored row. Raises MailboxError (ErrorCorruptData; ErrorInvalidOperation for an item waiting in
    the Outbox to be sent). Either the whole item is stored or replaced, in one store transaction, or nothing."""
    fields, atts, mime = import_item(raw)
    for name in STAMPED:
        fields.pop(name, None)
    fields["IsAssociated"] = False  # the sandbox keeps no folder-associated items (the caller refuses them)
    with ctx.store.tx():
        if existing is None:
            return file_item(ctx, folder[0], folder[1], fields, atts, mime=mime)
        return _replace(ctx, existing["key"], fields, atts, mime)


def _replace(ctx, key: str, fields: dict, atts: list[dict], mime: bytes | None) -> dict:
    """The item ``key`` replaced (inside the caller's transaction). A submitted message waiting in the Outbox
    (outbox.py: its ``_submit``) is refused, not replaced: its replacement would lose the submission, and it
    would never go out. Microsoft documents no code for this; ErrorInvalidOperation, as for other uploads the
    sandbox refuses (docs/sandbox.md)."""
    store = ctx.store
    item = store.get(key)  # as it is now, in this transaction: the Outbox worker may have moved it meanwhile
    if item is None or item["folder"] == SUBMITTING:  # gone, or being submitted (outbox.py claimed it)
        raise MailboxError("ErrorItemNotFound", NOT_FOUND)
    if item["folder"] == OUTBOX and "_submit" in item["data"]:
        raise MailboxError("ErrorInvalidOperation", PENDING)
    now = fmt_dt(utcnow())
    fields["DateTimeCreated"] = item["data"].get("DateTimeCreated", now)
    stamp(fields, atts, now)
    for own in ("_iid", "_ck_history"):  # the item stays itself: its immutable id and its change history
        if own in item["data"]:
            fields[own] = item["data"][own]
    for old in store.attachments(item["key"]):
        store.delete_attachment(old["key"])
    add_attachments(store, item["key"], atts, now)
    store.save(item["key"], fields)
    store.set_mime(item["key"], mime)
    return store.get(item["key"])


def _kept(name: str) -> bool:
    if name in _OWN or name in STORED_ONLY:
        return True
    return name in FIELDS and FIELDS[name][0] not in _NOT_KEPT


def _corrupt() -> MailboxError:
    return MailboxError("ErrorCorruptData", CORRUPT)


def _json(raw: bytes):
    """Parsed JSON, once its objects and arrays are known to be at most MAX_CONTAINERS."""
    stripped = _JSON_STRING.sub(b"", raw)
    if stripped.count(b"{") + stripped.count(b"[") > MAX_CONTAINERS:
        raise _corrupt()
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # JSON nested deeper than Python parses
        raise _corrupt() from None
    if not _xml_text(payload):
        raise _corrupt()
    return payload


def _xml_text(payload) -> bool:
    """Whether every string (keys too) of parsed JSON holds only characters XML can carry."""
    todo = [payload]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            todo.extend(node)
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
        elif isinstance(node, str) and _NOT_XML.search(node):
            return False
    return True


def _b64(text) -> bytes:
    if not isinstance(text, str):
        raise _corrupt()
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise _corrupt() from None


def _fields(fields, *, attached_item: bool = False) -> dict:
    """An item's fields as the store keeps them, each checked against its kind (model.py)."""
    if not isinstance(fields, dict):
        raise _corrupt()
    for name, value in fields.items():
        if attached_item and name in ("_has_attachments", "_has_visible_attachments"):
            ok = isinstance(value, bool)
        elif name == "_ext":
            ok = _is_ext(value)
        elif name in STORED_ONLY:
            ok = _is_headers(value)
        else:
            ok = _kept(name) and _CHECKS[FIELDS[name][0]](value) and _in_range(name, value)
        if not ok:
            raise _corrupt()
    return dict(fields)


def _in_range(name: str, value) -> bool:
    """An int field's value within what its XSD type allows (INT_RANGES); any other field's value as it is."""
    if FIELDS[name][0] != "int":
        return True
    return any(lo <= value <= hi for lo, hi in INT_RANGES.get(name, (XS_INT,)))


def _is_str(v) -> bool:
    return isinstance(v, str)


def _is_dt(v) -> bool:
    """A time in the store's own form, exactly (what clock.fmt_dt writes), and nothing else: a date alone or a time
    with another offset would be answered as an invalid or a wrong xs:dateTime."""
    if not isinstance(v, str):
        return False
    try:
        d = _dt.datetime.strptime(v, STORE_FORMAT)
    except ValueError:
        return False
    return fmt_dt(d.replace(tzinfo=_dt.timezone.utc)) == v


def _is_b64(v) -> bool:
    try:
        _b64(v)
    except MailboxError:
        return False
    return True


def _is_recipient(v) -> bool:
    if not isinstance(v, dict) or not set(v) <= {"Name", "EmailAddress", "RoutingType", "MailboxType",
                                                 "OriginalDisplayName"}:
        return False
    return all(isinstance(x, str) for x in v.values()) and v.get("MailboxType", "Mailbox") in MAILBOX_TYPES


def _is_flag(v) -> bool:
    if not isinstance(v, dict) or v.get("FlagStatus") not in FLAG_STATUS:
        return False
    return set(v) <= {"FlagStatus", "StartDate", "DueDate", "CompleteDate"} and all(
        _is_dt(x) for k, x in v.items() if k != "FlagStatus")


def _is_ext(v) -> bool:
    """Extended properties as the store keeps them, each value checked as EWS' writes check it (extvalue.py)."""
    return isinstance(v, dict) and all(extvalue.valid_property(key, prop) for key, prop in v.items())


def _is_headers(v) -> bool:
    return isinstance(v, list) and all(
        isinstance(h, dict) and set(h) == {"Name", "Value"} and all(isinstance(x, str) for x in h.values())
        for h in v)


_CHECKS = {
    "str": _is_str,
    "dt": _is_dt,
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "base64": _is_b64,
    "strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "recipient": _is_recipient,
    "recipients": lambda v: isinstance(v, list) and all(_is_recipient(x) for x in v),
    "body": lambda v: isinstance(v, dict) and set(v) == {"BodyType", "text"} and v["BodyType"] in ("HTML", "Text")
    and isinstance(v["text"], str),
    "sensitivity": lambda v: v in SENSITIVITY,
    "importance": lambda v: v in IMPORTANCE,
    "flag": _is_flag,
}


def _attachment(a) -> dict:
    """One exported attachment, checked; an item attachment's packed item (attached.py) is checked as an item."""
    if not _is_attachment(a, ("modified", "kind")) or not (a["modified"] is None or _is_dt(a["modified"])) \
            or a["kind"] not in ("FileAttachment", attached.KIND):
        raise _corrupt()
    out = dict(a, content=_b64(a["content"]))
    if a["kind"] == attached.KIND:
        _check_attached(out["content"])
    return out


def _check_attached(content: bytes) -> None:
    payload = _json(content)
    if not isinstance(payload, dict) or set(payload) != {"item", "atts"} or not isinstance(payload["atts"], list):
        raise _corrupt()
    _fields(payload["item"], attached_item=True)
    for inner in payload["atts"]:
        if not _is_attachment(inner):
            raise _corrupt()
        _b64(inner["content"])


def _is_attachment(a, more: tuple[str, ...] = ()) -> bool:
    """Whether ``a`` is an attachment as attached.to_json writes one, with the keys ``more`` besides: its name,
    content type and id text or null, whether it is inline a bool (its content is checked by the caller)."""
    return isinstance(a, dict) and set(a) == {"name", "content_type", "content_id", "is_inline", "content", *more} \
        and all(a[k] is None or isinstance(a[k], str) for k in ("name", "content_type", "content_id")) \
        and isinstance(a["is_inline"], bool)
