"""Sending: build the RFC 5322 message, deliver to sandbox Inboxes, queue outside recipients, keep a copy."""

from __future__ import annotations

import email.utils
import logging
import re

from .clock import fmt_dt, parse_dt, utcnow
from . import bounces, reports
from . import limits as _limits
from .errors import MailboxError
from .mime import build_mime
from .permissions import sending_right

log = logging.getLogger("app.sandbox")

NO_RECIPIENTS = "At least one recipient isn't valid."
TOO_LARGE = "The message exceeds the maximum supported size."
SEND_AS_DENIED = ("The user account which was used to submit this request does not have the right to send mail on "
                  "behalf of the specified sending account.")


# An SMTP mailbox (RFC 5321 4.1.2; RFC 6531: characters outside ASCII too): a dot-atom or a quoted local part,
# "@", a domain of labels or an address literal. Transport refuses anything else ("a<b@c.de", "a@b@c.de").
_ATEXT = r"[^\x00-\x20\x7f\"(),.:;<>@\[\\\]]"  # ASCII's atext, or any character outside ASCII (fast to compile)
_LABEL = r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f](?:[^\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]*[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f])?"
_LOCAL = _ATEXT + r"+(?:\." + _ATEXT + r'+)*|"(?:[^"\\\r\n]|\\.)+"'
_MAILBOX = re.compile(r"(?:" + _LOCAL + r")@(?:" + _LABEL + r"(?:\." + _LABEL + r")*|\[[^\[\]\\\s]+\])")


def mailbox_of(user: dict) -> dict:
    return {"Name": user.get("name") or user["email"], "EmailAddress": user["email"], "RoutingType": "SMTP",
            "MailboxType": "Mailbox"}


RECIPIENT_LISTS = ("ToRecipients", "CcRecipients", "BccRecipients", "ReplyTo")


def resolve_recipients(sandbox, data: dict) -> dict:
    """``data`` (changed in place) with each recipient given only an address that is a sandbox mailbox named as
    the directory has it, as Exchange resolves recipients on save and send (the sender is resolved the same
    way: mailbox_of). A name the client gave is kept. An address outside the directory keeps no name: EWS's
    and Graph's reference pages do not say what Exchange stores for one (DisplayTo and Graph's
    emailAddress.name show the address for it)."""
    for key in RECIPIENT_LISTS:
        boxes = data.get(key)
        if not boxes:
            continue
        data[key] = [_resolved(sandbox, box) for box in boxes]
    return data


def _resolved(sandbox, box: dict) -> dict:
    if box.get("Name") or box.get("RoutingType", "SMTP") != "SMTP":
        return box
    user = sandbox.user_by_email(box.get("EmailAddress"))
    if user is None:
        return box
    return dict(box, Name=user.get("name") or user["email"], MailboxType="Mailbox")


def estimate_size(data: dict, atts: list[dict]) -> int:
    body = (data.get("Body") or {}).get("text", "")
    n = 400 + len((data.get("Subject") or "").encode()) + len(body.encode())
    for key in RECIPIENT_LISTS:
        n += 64 * len(data.get(key) or [])
    return n + sum(int(a.get("size", len(a.get("content") or b""))) for a in atts)


def copy_attachments(store, src_key: str, dst_key: str):
    for a in store.attachments(src_key, content=True):
        store.add_attachment(dst_key, a)


def stamp(data: dict, atts: list[dict], now: str) -> None:
    """``data`` (changed in place) stamped for the attachments ``atts`` it now has, as Exchange stamps an item on
    each write: its last-modified time ``now``, whether it has attachments (visible ones: not inline), its size."""
    data["LastModifiedTime"] = now
    data["_has_attachments"] = bool(atts)
    data["_has_visible_attachments"] = any(not a.get("is_inline") for a in atts)
    data["Size"] = estimate_size(data, atts)


def add_attachments(store, item_key: str, atts: list[dict], now: str) -> None:
    """Store ``atts`` (content included) on the item ``item_key``; each gets its key, and ``now`` as its
    last-modified time unless it has one."""
    for a in atts:
        a.setdefault("modified", now)
        a["key"] = store.add_attachment(item_key, a)


def file_item(ctx, mailbox: str, folder: str, data: dict, atts: list[dict], *, mime=None) -> dict:
    """Insert an item with its attachments (content included) and return the stored row."""
    now = fmt_dt(utcnow())
    data.setdefault("DateTimeCreated", now)
    stamp(data, atts, now)
    row = ctx.store.insert(mailbox, folder, data, mime=mime)
    add_attachments(ctx.store, row["key"], atts, now)
    return row


def _recipients(data: dict) -> list[str]:
    """The distinct recipient addresses (ErrorInvalidRecipients for none, or for one that is no address)."""
    rcpts = [r for key in ("ToRecipients", "CcRecipients", "BccRecipients") for r in (data.get(key) or [])]
    addrs = []
    for r in rcpts:
        addr = (r.get("EmailAddress") or "").strip()
        if not _MAILBOX.fullmatch(addr):
            raise MailboxError("ErrorInvalidRecipients", NO_RECIPIENTS)
        if addr.lower() not in (a.lower() for a in addrs):
            addrs.append(addr)
    if not addrs:
        raise MailboxError("ErrorInvalidRecipients", NO_RECIPIENTS)
    return addrs


def count_recipients(data: dict) -> int:
    """How many distinct recipients a message has (the sending limits count these)."""
    return len(_recipients(data))


def _check_sender(ctx, data: dict) -> dict:
    """The message's Sender: the signed-in user, or the From mailbox when the user may send as it (Send As:
    the recipient sees only the principal). ErrorSendAsDenied for a From the user holds no right on."""
    frm = (data.get("From") or {}).get("EmailAddress")
    right = sending_right(ctx.sandbox, ctx.acting, frm)
    if right is None:
        raise MailboxError("ErrorSendAsDenied", SEND_AS_DENIED)
    if right == "send_as":
        return mailbox_of(ctx.sandbox.user_by_email(frm.strip()))
    return mailbox_of(ctx.acting)  # own, or on behalf: "Alice on behalf of Shared Desk" (Sender != From)


def _from_mailbox(ctx, data: dict) -> dict:
    """``data`` with its From: a message sent in another's mailbox (Full Access, ``ctx.actor``) with none is
    from that mailbox, as Exchange sends it (and needs Send As or Send on Behalf on it)."""
    if ctx.actor is None or (data.get("From") or {}).get("EmailAddress"):
        return data
    return dict(data, From=mailbox_of(ctx.user))


def _resolved_from(ctx, data: dict) -> dict:
    """The message's fields with a From naming another mailbox as the directory has it (its display name),
    as Exchange resolves it on submission; others as they are."""
    frm = (data.get("From") or {}).get("EmailAddress")
    if not frm or frm.strip().lower() == ctx.email:
        return data
    principal = ctx.sandbox.user_by_email(frm.strip())
    return dict(data, From=mailbox_of(principal)) if principal is not None else data


def _max_bytes(ctx) -> int:
    own = _limits.limits_of(ctx.sandbox, ctx.user).max_send_bytes
    return own if own is not None else ctx.sandbox.max_send_bytes


def check_submission(ctx, data: dict, atts: list[dict]) -> None:
    """What a send refuses at once (ErrorInvalidRecipients, ErrorSendAsDenied, ErrorMessageSizeExceeded,
    ErrorExceededMaxRecipientLimit), for a send whose delivery comes later (outbox.py)."""
    addrs = _recipients(data)
    _limits.check_message(_limits.limits_of(ctx.sandbox, ctx.user), len(addrs))
    data = _from_mailbox(ctx, data)
    sender = _check_sender(ctx, data)
    mime = build_mime(data, atts, sender=sender, message_id="<check@sandbox>", date=utcnow(),
                      keywords=False)
    if len(mime) > _max_bytes(ctx):
        raise MailboxError("ErrorMessageSizeExceeded", TOO_LARGE)


def admit(ctx, n_recipients: int) -> dict:
    """The sending limits' verdict on a message to ``n_recipients`` submitted now (core/limits.py), counted
    against the sending mailbox: {"not_before": when it may go out (storage form; absent: now),
    "refused": True when it is beyond the recipients a day (a non-delivery report instead)}."""
    sb = ctx.sandbox
    lim = _limits.limits_of(sb, ctx.user)
    if not lim.any:
        return {}
    now = sb.clock()
    if _limits.over_recipient_rate(sb.store, ctx.email, lim, now, n_recipients):
        return {"refused": True}
    release = _limits.release_time(sb.store, ctx.email, lim, now)
    _limits.record(sb.store, ctx.email, release, n_recipients)
    return {"not_before": fmt_dt(release)} if release > now else {}


#: Where a message from an Outbox is while it is being submitted (core/outbox.py claimed it, and the recipients
#: and its copy in Sent Items are still to come): no folder a client can name, so its id answers ErrorItemNotFound
#: from the claim on, as it does once the message has gone (items.load). A take-back either comes before the claim
#: and wins, or after it and finds nothing: never both a moved copy and a sent one.
SUBMITTING = "submitting"


#: PidTagDeferredSendTime (0x3FEF, SystemTime, UTC) as the store keys it: a message submitted with a later time
#: waits in its Outbox until then; an earlier one goes at once ("If PR_DEFERRED_SEND_TIME value is earlier than
#: the current time (UTC), the message is sent immediately", learn.microsoft.com/office/client-developer/outlook/
#: mapi/pidtagdeferredsendtime-canonical-property).
DEFERRED_SEND_KEY = "tag:3fef"


def deferred_until(ctx, data: dict) -> str | None:
    """The storage form of the message's deferred send time when it is still to come by the sandbox's clock;
    None when it has none, or its time has passed."""
    prop = (data.get("_ext") or {}).get(DEFERRED_SEND_KEY)
    if not isinstance(prop, dict) or prop.get("type") != "SystemTime":
        return None
    when = parse_dt(prop["value"])
    return when if when > fmt_dt(ctx.sandbox.clock()) else None


def with_deferral(ctx, data: dict, verdict: dict) -> dict:
    """The sending limits' ``verdict`` with the message's own deferred send time: it waits until the later."""
    when = deferred_until(ctx, data)
    if when is None or when <= verdict.get("not_before", ""):
        return verdict
    return dict(verdict, not_before=when)


def submit(ctx, data: dict, atts: list[dict], *, save_folder: tuple[str, str] | None, draft_key: str | None,
           verdict: dict | None = None):
    """Send a message for ctx.user. Raises MailboxError (ErrorInvalidRecipients, ErrorMessageSizeExceeded,
    ErrorSendAsDenied, ErrorExceededMaxRecipientLimit). ``verdict``: the sending limits' (``admit``), given
    when the message was admitted already (a deferred send, outbox.py); else taken now, and a message beyond
    the message rate waits in the Outbox instead of going out (returns its Message-ID all the same)."""
    addrs = _recipients(data)
    _limits.check_message(_limits.limits_of(ctx.sandbox, ctx.user), len(addrs))
    data = _from_mailbox(ctx, data)
    sender = _check_sender(ctx, data)
    data = resolve_recipients(ctx.sandbox, dict(_resolved_from(ctx, data)))
    sb = ctx.sandbox
    now_dt = sb.clock()  # the sandbox's time: a deferred send is stamped when it goes out
    now = fmt_dt(now_dt)
    domain = ctx.email.split("@", 1)[1]
    imid = data.get("InternetMessageId") or email.utils.make_msgid(domain=domain)
    mime = build_mime(data, atts, sender=sender, message_id=imid, date=now_dt, keywords=False)  # personal
    if len(mime) > _max_bytes(ctx):
        raise MailboxError("ErrorMessageSizeExceeded", TOO_LARGE)
    if verdict is None:
        verdict = with_deferral(ctx, data, admit(ctx, len(addrs)))
        if verdict.get("not_before"):
            return _wait_in_outbox(ctx, dict(data, InternetMessageId=imid), atts, save_folder, draft_key, verdict)

    sent = {k: v for k, v in data.items() if not k.startswith("_")}
    sent.update(DateTimeSent=now, InternetMessageId=imid, IsDraft=False, IsSubmitted=False, Sender=sender)
    sent.setdefault("From", sender)
    sent.setdefault("ConversationTopic", data.get("Subject", ""))
    if verdict.get("refused"):
        _file_rate_ndr(ctx, sent, mime, now_dt)
        addrs = []  # nothing goes out: the copy in Sent Items stays, as Exchange keeps what was submitted
    fates = bounces.route(sb, sender["EmailAddress"], addrs, len(mime))
    for user in fates.mailboxes:
        # categories and the follow-up flag are the sender's own (Exchange delivers neither); X- headers travel
        copy = {k: v for k, v in sent.items() if k not in ("BccRecipients", "Categories", "Flag")}
        copy.update(IsRead=False, DateTimeReceived=now, DateTimeCreated=now, IsFromMe=False,
                    ReceivedBy=mailbox_of(user), ReceivedRepresenting=mailbox_of(user))
        file_item(ctx, user["email"], "inbox", copy, [dict(a) for a in atts], mime=mime)
    if fates.outside:
        sb.store.add_relay(ctx.email, fates.outside, mime)
    _file_reports(ctx, sent, mime, now_dt, fates)
    if save_folder is not None:
        copy = dict(sent, **({"_ext": data["_ext"]} if data.get("_ext") else {}))  # the sender's own copy
        copy.update(IsRead=True, DateTimeCreated=data.get("DateTimeCreated", now), IsFromMe=True)
        if draft_key is not None:  # the draft's immutable id names its copy in Sent Items
            copy["_iid"] = data.get("_iid") or draft_key
        file_item(ctx, save_folder[0], save_folder[1], copy, [dict(a) for a in atts], mime=mime)
    _copy_for_principal(ctx, sent, atts, mime, save_folder)
    if draft_key is not None:
        ctx.store.delete(draft_key)
    return imid


def _wait_in_outbox(ctx, data: dict, atts: list[dict], save_folder, draft_key, verdict: dict) -> str:
    """A message beyond the message rate, or with a deferred send time to come: it waits in the sender's Outbox (submitted) until ``not_before``,
    then core/outbox.py delivers it as any deferred send."""
    sub = {"save": save_folder is not None, "not_before": verdict["not_before"]}
    if save_folder is not None:
        sub["folder"] = list(save_folder)
    if ctx.actor is not None:
        sub["actor"] = ctx.actor["email"]
    parked = {k: v for k, v in data.items() if k != "_submit"}
    parked.update(_submit=sub, IsSubmitted=True)
    if draft_key is not None:
        parked.setdefault("_iid", data.get("_iid") or draft_key)
        ctx.store.delete(draft_key)
    file_item(ctx, ctx.email, "outbox", parked, [dict(a) for a in atts])
    ctx.sandbox.outbox.after_commit_release(ctx.store)
    return data["InternetMessageId"]


def _original(sent: dict, mime: bytes, when) -> reports.Original:
    return reports.Original(mime, when, sent.get("Subject", ""), sent["InternetMessageId"])


def file_report(ctx, owner: str, fields: dict, mime: bytes) -> None:
    """A report (bounces.py) in the Inbox of the mailbox ``owner``, its MIME stored as it was built."""
    file_item(ctx, owner, "inbox", fields, [], mime=mime)


def _file_reports(ctx, sent: dict, mime: bytes, when, fates) -> None:
    """The sender's reports on a message just delivered: one non-delivery report naming every recipient it did not
    reach, and a delivery receipt for each mailbox it reached when it asked for one."""
    owner = mailbox_of(ctx.user)
    original = _original(sent, mime, when)
    if fates.failed:
        file_report(ctx, ctx.email, *bounces.ndr_item(owner, original, fates.failed, when))
    if sent.get("IsDeliveryReceiptRequested"):
        for user in fates.mailboxes:
            file_report(ctx, ctx.email, *bounces.dr_item(owner, original, user["email"], when))


def _file_rate_ndr(ctx, sent: dict, mime: bytes, when) -> None:
    """The non-delivery report Exchange Online gives a message beyond the recipients a day (5.1.90), in the
    sender's Inbox, from the postmaster of its domain, naming the recipients it did not reach."""
    who = [r.get("EmailAddress") for k in ("ToRecipients", "CcRecipients", "BccRecipients")
           for r in (sent.get(k) or [])]
    reply, status = _limits.RATE_NDR_STATUS.split()
    why = reports.Failure(int(reply), status, _limits.RATE_NDR_TEXT, _limits.RATE_NDR_TEXT)
    fields, report = bounces.ndr_item(mailbox_of(ctx.user), _original(sent, mime, when), [(a, why) for a in who],
                                      when)
    file_report(ctx, ctx.email, fields, report)


def _copy_for_principal(ctx, sent: dict, atts: list[dict], mime: bytes, save_folder) -> None:
    """A copy in the From mailbox's Sent Items when that mailbox keeps one of what delegates send from it (its
    data's ``copy_sent``: Exchange's MessageCopyForSentAsEnabled / MessageCopyForSendOnBehalfEnabled, "always
    save a copy", learn.microsoft.com/graph/outlook-send-mail-from-other-user, "Sent Items behavior": kept
    even when the send asked for no copy). Not twice when the send's own copy already goes there."""
    frm = ((sent.get("From") or {}).get("EmailAddress") or "").strip().lower()
    principal = ctx.sandbox.user_by_email(frm) if frm and frm != ctx.acting["email"].lower() else None
    if principal is None or not principal.get("copy_sent") or save_folder == (principal["email"].lower(), "sentitems"):
        return
    copy = {k: v for k, v in sent.items() if k != "_iid"}
    copy.update(IsRead=True, IsFromMe=True)
    file_item(ctx, principal["email"].lower(), "sentitems", copy, [dict(a) for a in atts], mime=mime)
