"""What happens to each recipient of a message the sandbox delivers, and the report items that tell the sender
(their MIME is built by reports.py; delivery.py and items.py file them in the sender's Inbox).

Each recipient address is, in this order: a sandbox mailbox (delivered, unless the users file marks it full,
5.2.2, or the message is over its own receive size, 5.3.4), a group of the users file (delivered to each member
when the sender may write to it, else 5.7.1), an address in an accepted (sandbox) domain with neither (5.1.1), an
address in a domain configured as unreachable (5.4.310: every domain under the reserved TLD ``.invalid``, RFC
2606, and ``Sandbox(unreachable_domains=...)``), or outside (relayed, as before). One non-delivery report per
message names every recipient it did not reach; a delivery receipt goes for each mailbox it reached when the
message asked for one (IsDeliveryReceiptRequested); a read receipt when a recipient's copy that asked for one
(IsReadReceiptRequested) is first marked read. Item classes: REPORT.IPM.Note.NDR / .DR / .IPNRN
(learn.microsoft.com/office/client-developer/outlook/mapi/pidtagmessageclass-canonical-property).
"""

from __future__ import annotations

import datetime as _dt
import email
import email.policy
import email.utils
from dataclasses import dataclass, field

from . import reports
from .clock import fmt_dt

NDR_CLASS, DR_CLASS, READ_CLASS = "REPORT.IPM.Note.NDR", "REPORT.IPM.Note.DR", "REPORT.IPM.Note.IPNRN"
#: RFC 2606's TLD that never resolves: mail to it bounces as a domain DNS does not know
UNREACHABLE_TLD = "invalid"
#: the copy's mark once its read receipt went (Exchange sends one per copy)
RECEIPT_SENT = "_read_receipt_sent"


@dataclass
class Fates:
    """Where a message goes: ``mailboxes`` (users to deliver to, in order, once each), ``outside`` (addresses to
    relay), ``failed`` ((address, Failure) in the order given)."""

    mailboxes: list[dict] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[tuple[str, reports.Failure]] = field(default_factory=list)

    def deliver(self, user: dict) -> None:
        if all(u["email"].lower() != user["email"].lower() for u in self.mailboxes):
            self.mailboxes.append(user)


def is_unreachable(sb, domain: str) -> bool:
    d = domain.strip().lower().rstrip(".")
    return d == UNREACHABLE_TLD or d.endswith("." + UNREACHABLE_TLD) or d in sb.unreachable_domains


def route(sb, sender: str, addrs: list[str], size: int) -> Fates:
    """Each recipient's fate for a message of ``size`` bytes from ``sender`` (an address)."""
    out = Fates()
    for addr in addrs:
        user = sb.user_by_email(addr)
        if user is not None:
            _mailbox(out, addr, user, size)
            continue
        group = sb.group_by_email(addr)
        if group is not None:
            _group(sb, out, (addr, group), sender, size, set())
        elif sb.is_inside(addr):
            out.failed.append((addr, reports.NOT_FOUND))
        elif is_unreachable(sb, addr.rsplit("@", 1)[-1]):
            out.failed.append((addr, reports.no_domain(addr.rsplit("@", 1)[-1].lower())))
        else:
            out.outside.append(addr)
    return out


def _group(sb, out: Fates, named: tuple[str, dict], sender: str, size: int, seen: set) -> None:
    """A group: each member once (a member in two groups, or a group nested twice, gets one copy), a nested group
    expanded in turn with its own restriction, as Exchange's categorizer expands nested groups; a cycle ends
    where it began."""
    addr, group = named
    if group["email"] in seen:
        return
    seen.add(group["email"])
    if not may_write(group, sender):
        out.failed.append((addr, reports.NOT_AUTHORIZED))
        return
    for member in group["members"]:
        _member(sb, out, member, (sender, size, seen))


def _member(sb, out: Fates, member: str, message: tuple) -> None:
    """A member of a group the sender may write to: delivered as any recipient (a member that cannot take it is
    named in the report); a member that is a group is expanded (``message``: sender, size, groups seen)."""
    sender, size, seen = message
    user = sb.user_by_email(member)
    nested = None if user is not None else sb.group_by_email(member)
    if user is not None:
        _mailbox(out, member, user, size)
    elif nested is not None:
        _group(sb, out, (member, nested), sender, size, seen)
    elif sb.is_inside(member):
        out.failed.append((member, reports.NOT_FOUND))
    else:
        out.outside.append(member)


def _mailbox(out: Fates, addr: str, user: dict, size: int) -> None:
    why = _refused_by(user, size)
    if why is None:
        out.deliver(user)
    else:
        out.failed.append((addr, why))


def _refused_by(user: dict, size: int) -> reports.Failure | None:
    if user.get("mailbox_full"):
        return reports.MAILBOX_FULL
    limit = user.get("max_receive_bytes")
    if limit is not None and size > limit:
        return reports.TOO_LARGE
    return None


def may_write(group: dict, sender: str) -> bool:
    """A group with an ``accept_from`` list takes mail only from those addresses (Exchange's
    AcceptMessagesOnlyFrom); without one, from anyone."""
    allowed = group.get("accept_from")
    return not allowed or sender.strip().lower() in allowed


# ---------------- the report items ----------------

def _postmaster(domain: str) -> dict:
    return {"Name": "Microsoft Outlook", "EmailAddress": f"postmaster@{domain}", "RoutingType": "SMTP",
            "MailboxType": "Mailbox"}


def _box_text(box: dict) -> str:
    return email.utils.formataddr((box.get("Name") or "", box["EmailAddress"]))


def _text_of(mime: bytes) -> str:
    msg = email.message_from_bytes(mime, policy=email.policy.default)
    part = msg.get_body(("plain",))
    return part.get_content() if part is not None else ""


def _item(mime: bytes, item_class: str, frm: dict, owner: dict, original: reports.Original,
          when: _dt.datetime) -> dict:
    """A report's stored fields (its MIME is stored beside them): Subject, Body and Message-ID read back from
    the MIME, From/Sender ``frm``, To ``owner``, received ``when``."""
    now = fmt_dt(when)
    head = email.message_from_bytes(mime, policy=email.policy.default)
    return {"Subject": str(head["Subject"] or ""), "Body": {"BodyType": "Text", "text": _text_of(mime)},
            "From": frm, "Sender": frm, "ToRecipients": [owner], "ItemClass": item_class, "IsRead": False,
            "IsDraft": False, "IsFromMe": False, "DateTimeSent": now, "DateTimeReceived": now,
            "DateTimeCreated": now, "InternetMessageId": str(head["Message-ID"]),
            "InReplyTo": original.message_id, "References": original.message_id,
            "ConversationTopic": original.subject}


def ndr_item(owner: dict, original: reports.Original, failed, when: _dt.datetime) -> tuple:
    """(fields, MIME) of the non-delivery report to ``owner`` (a mailbox dict, delivery.mailbox_of) naming
    every recipient in ``failed``."""
    domain = owner["EmailAddress"].rsplit("@", 1)[-1]
    frm = _postmaster(domain)
    mime = reports.ndr(original, failed, frm=_box_text(frm), to=_box_text(owner), date=when, domain=domain)
    return _item(mime, NDR_CLASS, frm, owner, original, when), mime


def dr_item(owner: dict, original: reports.Original, delivered: str, when: _dt.datetime) -> tuple:
    """(fields, MIME) of the delivery receipt to ``owner`` for the mailbox ``delivered``."""
    domain = owner["EmailAddress"].rsplit("@", 1)[-1]
    frm = _postmaster(domain)
    mime = reports.delivery_receipt(original, [delivered], frm=_box_text(frm), to=_box_text(owner), date=when,
                                    domain=domain)
    return _item(mime, DR_CLASS, frm, owner, original, when), mime


def read_receipt_due(data: dict, touched: set) -> bool:
    """A received copy that asked for a read receipt, just marked read, and none sent for it yet."""
    return ("IsRead" in touched and data.get("IsRead") is True and bool(data.get("IsReadReceiptRequested"))
            and not data.get("IsDraft") and not data.get("IsFromMe") and not data.get(RECEIPT_SENT)
            and not str(data.get("ItemClass") or "IPM.Note").upper().startswith("REPORT."))


def read_receipt_item(reader: dict, owner: dict, copy: dict, copy_mime: bytes, when: _dt.datetime) -> tuple:
    """(fields, MIME) of the read receipt ``reader`` (a mailbox dict) sends ``owner`` for its ``copy``."""
    original = reports.Original(copy_mime, _received(copy, when), str(copy.get("Subject") or ""),
                                str(copy.get("InternetMessageId") or ""))
    domain = reader["EmailAddress"].rsplit("@", 1)[-1]
    mime = reports.read_receipt(original, reader["EmailAddress"], frm=_box_text(reader), to=_box_text(owner),
                                date=when, domain=domain)
    return _item(mime, READ_CLASS, reader, owner, original, when), mime


def _received(copy: dict, default: _dt.datetime) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(str(copy.get("DateTimeReceived")).replace("Z", "+00:00"))
    except ValueError:
        return default
