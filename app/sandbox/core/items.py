"""Item rules, protocol-neutral: look an item up for a user, make a draft's fields, change, move, delete
and send items. Front ends parse their protocol into these calls and render what they return; every
failure is a MailboxError (errors.py) with Exchange's code."""

from __future__ import annotations

import copy

from . import bounces, keys, promoted, threads
from .clock import fmt_dt, utcnow
from .delivery import (SUBMITTING, copy_attachments, estimate_size, file_report, mailbox_of, resolve_recipients,
                       submit)
from .errors import ACCESS_DENIED, NOT_FOUND, MailboxError
from .model import APPENDABLE, FIELDS, REQUIRED_ON_DELETE, STORED_ONLY
from .session import Ctx, check_folder

SUBJECT_MAX = 255
CONFLICT = ("The send or update operation could not be performed because the change key passed in the request "
            "does not match the current change key for the item.")
STALE = "The change key passed in the request does not match the current change key for the item."
#: Where each way of deleting puts an item (None: gone for good).
DELETE_TO = {"HardDelete": None, "SoftDelete": "recoverableitemsdeletions", "MoveToDeletedItems": "deleteditems"}


def load(ctx: Ctx, key: str, change_key: str | None = None, *, delegate: bool = False, need: str = "edit") -> dict:
    """The stored item ``key`` of ctx's user (``delegate``: or of a mailbox that granted ctx's user Full
    Access, or whose folder's permissions give it what ``need`` names: read, edit, delete; as EWS item ids
    allow). ErrorItemNotFound (also for a message being submitted from its Outbox: delivery.SUBMITTING),
    ErrorAccessDenied (another mailbox's), or ErrorInvalidChangeKey (a change key no server could have given)."""
    item = ctx.store.get(key)
    if item is None or item["folder"] == SUBMITTING:
        raise MailboxError("ErrorItemNotFound", NOT_FOUND)
    if item["mailbox"] != ctx.email:
        if not delegate:
            raise MailboxError("ErrorAccessDenied", ACCESS_DENIED)
        check_folder(ctx, item["mailbox"], item["folder"], need)
    keys.check_change_key(change_key)
    return item


def immutable_key(item: dict) -> str:
    """What names the item for as long as it stays in its mailbox, whatever folder it moves to (Graph's
    immutable ids; a sent draft's copy in Sent Items keeps its draft's): the key it was created with."""
    return item["data"].get("_iid") or item["key"]


def load_immutable(ctx: Ctx, iid: str) -> dict:
    """The item of ctx's user whose immutable key is ``iid`` (ErrorItemNotFound when none, or when it is being
    submitted)."""
    item = ctx.store.get_by_immutable(ctx.email, iid)
    if item is None or item["folder"] == SUBMITTING:
        raise MailboxError("ErrorItemNotFound", NOT_FOUND)
    return item


def clip_subject(subject: str) -> str:
    """Exchange keeps 255 characters of a subject (UTF-16 units, as MAPI counts) and drops the rest
    (the Subject element's reference page: "The subject is limited to 255 characters")."""
    units = subject.encode("utf-16-le")
    if len(units) <= 2 * SUBJECT_MAX:
        return subject
    cut = units[:2 * SUBJECT_MAX]
    if 0xD800 <= int.from_bytes(cut[-2:], "little") <= 0xDBFF:  # never half a surrogate pair
        cut = cut[:-2]
    return cut.decode("utf-16-le")


def new_draft_data(ctx: Ctx, fields: dict) -> dict:
    """A new message's fields: what the client gave (an extended property as "ext:" + its key), with Exchange's
    defaults and the draft flags."""
    data = {k: v for k, v in fields.items() if not k.startswith("ext:")}
    for name, value in fields.items():
        if name.startswith("ext:"):
            _apply_extended(data, "set", name[4:], value)
    data.setdefault("ItemClass", "IPM.Note")
    data.setdefault("Sensitivity", "Normal")
    data.setdefault("Importance", "Normal")
    data.setdefault("IsRead", True)
    threads.join_parent(ctx.store, ctx.email, data)  # a reply or forward: the original's conversation
    if "Subject" in data:
        data["Subject"] = clip_subject(data["Subject"])
        data.setdefault("ConversationTopic", data["Subject"])
    if "ConversationIndex" not in data:  # 22 bytes: reserved byte, FILETIME-ish stamp, GUID (as Exchange makes)
        data["ConversationIndex"] = threads.new_index()
    data.update(IsDraft=True, IsSubmitted=False, IsFromMe=False, IsResend=False, IsUnmodified=False,
                IsAssociated=False, LastModifiedName=ctx.user.get("name") or ctx.email)
    return resolve_recipients(ctx.sandbox, data)


def move(ctx: Ctx, item: dict, target: tuple[str, str], copy_: bool = False) -> dict:
    """Move (or copy) an item to a folder (mailbox, folder key): the item there has a new key (Exchange's
    ids name a folder's item), so the old one answers ErrorItemNotFound. Returns the new row."""
    data = item["data"]
    data["LastModifiedTime"] = fmt_dt(utcnow())
    if item.get("folder") == "outbox" and target[1] != "outbox":  # taken back before it went: never sent
        data = {k: v for k, v in data.items() if k != "_submit"}
        data["IsSubmitted"] = False
    if copy_:
        data = dict(data, DateTimeCreated=data["LastModifiedTime"])
        data.pop("_iid", None)  # a copy is another item
    else:
        data["_iid"] = immutable_key(item)  # a move keeps it (Graph's immutable ids)
    row = ctx.store.insert(target[0], target[1], data, mime=ctx.store.mime(item["key"]))
    copy_attachments(ctx.store, item["key"], row["key"])
    if not copy_:
        ctx.store.delete(item["key"])
    return row


def delete(ctx: Ctx, item: dict, how: str) -> None:
    """HardDelete, SoftDelete (to Recoverable Items) or MoveToDeletedItems (a new key there, as a move)."""
    to = DELETE_TO[how]
    if to and item["folder"] not in (to, "recoverableitemsdeletions"):
        move(ctx, item, (item["mailbox"], to))
    else:
        ctx.store.delete(item["key"])


def _apply_extended(data: dict, action: str, key: str, value: dict | None):
    if action in ("set", "delete") and promoted.store(data, key, value if action == "set" else None):
        return  # an X- header or the flag: the item's own field (promoted.py)
    ext = dict(data.get("_ext") or {})
    if action == "set":
        ext[key] = value
    elif action == "delete":
        ext.pop(key, None)
    else:
        raise MailboxError("ErrorInvalidPropertyAppend", "Append action is invalid for property.")
    data["_ext"] = ext


def apply_changes(data: dict, changes) -> set:
    """Apply [(action "set" | "append" | "delete", field name, value)] to an item's fields; an extended
    property is named "ext:" + its key, a field the store does not know "?" + the client's name for it, and
    None is a change accepted but not kept (an indexed property). Returns the names touched."""
    touched = set()
    for action, name, value in changes:
        if name is None:
            continue
        if name.startswith("ext:"):
            _apply_extended(data, action, name[4:], value)
            touched.add(name)
            continue
        if name.startswith("?") or name not in FIELDS and name not in STORED_ONLY:
            if action == "delete":
                raise MailboxError("ErrorInvalidPropertyDelete", "Delete action is invalid for property.")
            raise MailboxError("ErrorInvalidPropertyRequest", "The property cannot be updated.")
        writable = FIELDS[name][1] if name in FIELDS else True  # STORED_ONLY: Graph's flag (a PATCH sets it)
        if action == "set":
            data[name] = clip_subject(value) if name == "Subject" else value
        elif action == "append":
            if name not in APPENDABLE:
                raise MailboxError("ErrorInvalidPropertyAppend", "Append action is invalid for property.")
            if name == "Body":
                old = data.get("Body")
                kind = (old or value)["BodyType"]
                data[name] = {"BodyType": kind, "text": (old or {}).get("text", "") + value["text"]}
            else:
                data[name] = list(data.get(name) or []) + list(value)
        else:
            if not writable or name in REQUIRED_ON_DELETE:
                raise MailboxError("ErrorInvalidPropertyDelete", "Delete action is invalid for property.")
            data.pop(name, None)
        touched.add(name)
    return touched


def _changed_since(data: dict, ck: str) -> set | None:
    hist = data.get("_ck_history") or []
    for i, (key, _fields) in enumerate(hist):
        if key == ck:
            return {f for _, fields in hist[i + 1:] for f in fields}
    return None


def _value(data: dict, field: str):
    return (data.get("_ext") or {}).get(field[4:]) if field.startswith("ext:") else data.get(field)


def check_change_key(item: dict, before: dict, ck: str | None, resolution: str, touched: set):
    """AutoResolve merges a stale update unless a property it sets was changed since that ChangeKey to a
    different value (re-sending the very same update, e.g. after a lost answer, is not a conflict);
    NeverOverwrite refuses any stale one, AlwaysOverwrite none."""
    if not ck or ck == item["change_key"] or resolution == "AlwaysOverwrite":
        return
    if resolution == "NeverOverwrite":
        raise MailboxError("ErrorIrresolvableConflict", CONFLICT)
    since = _changed_since(before, ck)
    if since is None or "*" in since:
        raise MailboxError("ErrorIrresolvableConflict", CONFLICT)
    if any(_value(before, f) != _value(item["data"], f) for f in since & touched):
        raise MailboxError("ErrorIrresolvableConflict", CONFLICT)


def change(ctx: Ctx, item: dict, changes, change_key: str | None, resolution: str = "AutoResolve",
           *, with_content: bool = False) -> tuple[set, list[dict]]:
    """Apply ``changes`` to ``item`` (its ``data`` changed in place), check its change key, stamp it.
    Returns (the names touched, its attachments: their content too when ``with_content``, for a send).
    Nothing is stored: :func:`save` or :func:`send` does that."""
    data = item["data"]
    before = copy.deepcopy(data)
    touched = apply_changes(data, changes)
    resolve_recipients(ctx.sandbox, data)
    check_change_key(item, before, change_key, resolution, touched)
    data["LastModifiedTime"] = fmt_dt(utcnow())
    atts = ctx.store.attachments(item["key"], content=with_content)
    data["Size"] = estimate_size(data, atts)
    return touched, atts


def save(ctx: Ctx, item: dict, touched: set, *, read_receipt: bool = True) -> str:
    """Store a changed item (its stored MIME no longer holds: dropped). Returns the new change key. A received
    copy that asked for a read receipt and is marked read sends it, once (bounces.py), unless ``read_receipt`` is
    False (EWS UpdateItem's SuppressReadReceipts)."""
    receipt = _read_receipt(ctx, item, touched) if read_receipt else None
    ck = ctx.store.save(item["key"], item["data"], touched=touched)
    ctx.store.set_mime(item["key"], None)
    if receipt is not None:
        file_report(ctx, *receipt)
    return ck


def _read_receipt(ctx: Ctx, item: dict, touched: set) -> tuple | None:
    """(owner, fields, MIME) of the read receipt ``item``'s change sends (its data marked as having sent it),
    or None: none due, or its sender has no mailbox in the sandbox (the sandbox relays no receipt outside)."""
    data = item["data"]
    stored = ctx.store.get(item["key"]) or {"data": {}}
    if stored["data"].get("IsRead") or not bounces.read_receipt_due(data, touched):  # read already: no news
        return None
    asker = ((data.get("Sender") or data.get("From") or {}).get("EmailAddress") or "").strip().lower()
    owner, reader = ctx.sandbox.user_by_email(asker), ctx.sandbox.user_by_email(item["mailbox"])
    if owner is None or reader is None:
        return None
    data[bounces.RECEIPT_SENT] = True
    copy_mime = ctx.sandbox.item_mime(item, ctx.store.attachments(item["key"], content=True))
    fields, mime = bounces.read_receipt_item(mailbox_of(reader), mailbox_of(owner), data, copy_mime, utcnow())
    return owner["email"].lower(), fields, mime


def check_stale(item: dict, change_key: str | None) -> None:
    """Sending a draft by a change key that is not its current one is ErrorStaleObject."""
    if change_key and change_key != item["change_key"]:
        raise MailboxError("ErrorStaleObject", STALE)


def send(ctx: Ctx, item: dict, *, save_folder: tuple[str, str] | None, atts: list[dict] | None = None) -> str:
    """Send a saved draft: it leaves its folder, a copy goes to ``save_folder`` when given (see
    delivery.submit for the checks). Returns the Internet Message-ID."""
    if atts is None:
        atts = ctx.store.attachments(item["key"], content=True)
    return submit(ctx, item["data"], atts, save_folder=save_folder, draft_key=item["key"])
