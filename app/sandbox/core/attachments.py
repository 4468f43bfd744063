"""An item's attachments, added or removed one by one (EWS CreateAttachment / DeleteAttachment, Graph's
POST and DELETE on a message's attachments, a finished upload session): the rule every front end follows.

Exchange restamps the item on each change: ``hasAttachments`` follows what is left, the size is counted
again, the last-modified time and the change key are new, and a stored MIME (uploaded or as sent) is
dropped so the item's MIME is built again from its fields and attachments."""

from __future__ import annotations

from .clock import fmt_dt, utcnow
from .delivery import SUBMITTING, stamp
from .errors import ACCESS_DENIED, MailboxError
from .session import Ctx

NOT_FOUND = "The attachment could not be found."


def load(ctx: Ctx, item_key: str, att_key: str) -> tuple[dict, dict]:
    """(item, attachment) for the keys an attachment id names: ErrorInvalidAttachmentId when either is
    gone or they do not belong together, ErrorAccessDenied for another mailbox's."""
    item = ctx.store.get(item_key)
    att = ctx.store.attachment(att_key)
    if item is None or att is None or att["item_key"] != item_key or item["folder"] == SUBMITTING:
        raise MailboxError("ErrorInvalidAttachmentId", NOT_FOUND)
    if item["mailbox"] != ctx.email:
        raise MailboxError("ErrorAccessDenied", ACCESS_DENIED)
    return item, att


def attach(ctx: Ctx, item: dict, att: dict, now: str | None = None) -> str:
    """Store one attachment (content included) on ``item`` without restamping it; its key."""
    att["modified"] = now or fmt_dt(utcnow())
    return ctx.store.add_attachment(item["key"], att)


def restamp(ctx: Ctx, item: dict) -> str:
    """After attachments were added or removed: hasAttachments, size, last-modified time and change key
    again (the new change key is returned and set on ``item``); a stored MIME no longer holds."""
    data = item["data"]
    atts = ctx.store.attachments(item["key"])
    stamp(data, atts, fmt_dt(utcnow()))
    ck = ctx.store.save(item["key"], data, touched={"Attachments"})
    ctx.store.set_mime(item["key"], None)
    item["change_key"] = ck
    return ck


def add(ctx: Ctx, item: dict, att: dict) -> str:
    """Add one attachment and restamp the item; the attachment's key."""
    key = attach(ctx, item, att)
    restamp(ctx, item)
    return key


def remove(ctx: Ctx, item: dict, att_key: str) -> str:
    """Remove one attachment and restamp the item; the item's new change key."""
    ctx.store.delete_attachment(att_key)
    return restamp(ctx, item)
