"""The reports Exchange puts in a sender's Inbox, built as MIME with the standard ``email`` package: non-delivery
reports and delivery receipts (``multipart/report; report-type=delivery-status``, RFC 3464) and read receipts
(``multipart/report; report-type=disposition-notification``, RFC 8098). Pure: bytes in, bytes out; bounces.py
decides who gets which, delivery.py and items.py file them.

The failures modelled, with the enhanced status codes (RFC 3463; the IANA registry,
iana.org/assignments/smtp-enhanced-status-codes) and the diagnostic text Exchange Online gives them ("Email
non-delivery reports and SMTP errors in Exchange Online",
learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online, whose table
links the page of each code: 5.1.1, 5.1.10, 5.2.2, 5.3.4, 5.4.310, 5.7.1):

- 5.1.1, an address in an accepted domain with no mailbox: ``550 5.1.1 RESOLVER.ADR.RecipNotFound; not found``;
- 5.2.2, a full mailbox: ``554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException...``;
- 5.3.4, a message larger than what the recipient takes: ``552 5.3.4 Message size exceeds fixed maximum message
  size`` (Exchange's SmtpResponse.MessageTooLarge, learn.microsoft.com/previous-versions/office/exchange-server-api/
  aa564401(v=exchg.150));
- 5.4.310, a domain DNS does not know: ``550 5.4.310 DNS domain <domain> does not exist
  [Message=InfoDomainNonexistent]``;
- 5.7.1, a group that takes mail only from some senders: ``550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized``.
"""

from __future__ import annotations

import datetime as _dt
import email.policy
import email.utils
from dataclasses import dataclass
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

#: the sandbox's MTA and user agent names in reports (Reporting-MTA, Reporting-UA)
REPORTING_MTA = "sandbox.exchange.invalid"
REPORTING_UA = "Microsoft Exchange (Dispatch sandbox)"


@dataclass(frozen=True)
class Failure:
    """Why one recipient did not get the message: the SMTP reply code, the enhanced status code, the server's
    words after them, and the sentence the report shows its reader."""

    reply: int
    status: str
    words: str
    sentence: str

    @property
    def diagnostic(self) -> str:
        return f"{self.reply} {self.status} {self.words}"


NOT_FOUND = Failure(550, "5.1.1", "RESOLVER.ADR.RecipNotFound; not found",
                    "The email address you entered couldn't be found.")
MAILBOX_FULL = Failure(554, "5.2.2", "mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
                       "MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception",
                       "The recipient's mailbox is full and can't accept messages now.")
TOO_LARGE = Failure(552, "5.3.4", "Message size exceeds fixed maximum message size",
                    "Your message is too large for the recipient's mailbox.")
NOT_AUTHORIZED = Failure(550, "5.7.1", "RESOLVER.RST.NotAuthorized; not authorized",
                         "Your message wasn't delivered because the group only accepts messages from some senders.")


def no_domain(domain: str) -> Failure:
    """5.4.310: the recipient's domain does not exist in DNS."""
    return Failure(550, "5.4.310", f"DNS domain {domain} does not exist [Message=InfoDomainNonexistent] "
                   f"[LastAttemptedServerName={domain}]",
                   "The Domain Name System (DNS) reported that the recipient's domain does not exist.")


@dataclass(frozen=True)
class Original:
    """What a report says of the message it is about: its raw MIME, when it arrived, its subject."""

    mime: bytes
    arrival: _dt.datetime
    subject: str
    message_id: str


def _headers_of(mime: bytes) -> str:
    """The original's header block as text (RFC 3462's text/rfc822-headers)."""
    end = mime.find(b"\r\n\r\n")
    if end < 0:
        end = mime.find(b"\n\n")
    block = mime if end < 0 else mime[:end]
    return block.decode("utf-8", "replace").replace("\r\n", "\n") + "\n"


def _fields(pairs: list[tuple[str, str]]) -> Message:
    """One block of a delivery-status or disposition-notification body."""
    block = Message(policy=email.policy.SMTP)
    for name, value in pairs:
        block[name] = value
    return block


def _report(kind: str, text: str, machine: MIMEBase, original: Original, *, frm: str, to: str, subject: str,
            date: _dt.datetime, domain: str) -> bytes:
    msg = MIMEMultipart("report", report_type=kind, policy=email.policy.SMTP)
    msg["From"] = frm
    msg["To"] = to
    msg["Date"] = email.utils.format_datetime(date)
    msg["Subject"] = subject
    msg["Message-ID"] = email.utils.make_msgid(domain=domain)
    msg["In-Reply-To"] = original.message_id
    msg["References"] = original.message_id
    msg["Auto-Submitted"] = "auto-replied"  # RFC 3834: no one answers a report automatically
    msg.attach(MIMEText(text, "plain", "us-ascii" if text.isascii() else "utf-8"))
    msg.attach(machine)
    headers = _headers_of(original.mime)
    msg.attach(MIMEText(headers, "rfc822-headers", "us-ascii" if headers.isascii() else "utf-8"))
    return msg.as_bytes()


def _delivery_status(original: Original, per_recipient: list[list[tuple[str, str]]]) -> MIMEBase:
    part = MIMEBase("message", "delivery-status", policy=email.policy.SMTP)
    head = _fields([("Reporting-MTA", f"dns; {REPORTING_MTA}"),
                    ("Arrival-Date", email.utils.format_datetime(original.arrival))])
    part.set_payload([head, *(_fields(p) for p in per_recipient)])
    return part


def ndr(original: Original, failures: list[tuple[str, Failure]], *, frm: str, to: str, date: _dt.datetime,
        domain: str) -> bytes:
    """The non-delivery report of one message: every recipient in ``failures`` ((address, why)), in one report."""
    lines = ["Delivery has failed to these recipients or groups:", ""]
    for addr, why in failures:
        lines += [addr, why.sentence, ""]
    lines += ["Diagnostic information for administrators:", "", f"Generating server: {REPORTING_MTA}", ""]
    for addr, why in failures:
        lines += [addr, f"Remote server returned '{why.diagnostic}'", ""]
    status = _delivery_status(original, [
        [("Final-Recipient", f"rfc822;{addr}"), ("Original-Recipient", f"rfc822;{addr}"), ("Action", "failed"),
         ("Status", why.status), ("Diagnostic-Code", f"smtp; {why.diagnostic}")] for addr, why in failures])
    return _report("delivery-status", "\n".join(lines), status, original, frm=frm, to=to,
                   subject=f"Undeliverable: {original.subject}", date=date, domain=domain)


def delivery_receipt(original: Original, delivered: list[str], *, frm: str, to: str, date: _dt.datetime,
                     domain: str) -> bytes:
    """The delivery receipt of one message: Action delivered, Status 2.0.0, for each mailbox it reached."""
    lines = ["Your message has been delivered to the following recipients:", "", *delivered, "",
             f"Subject: {original.subject}", ""]
    status = _delivery_status(original, [
        [("Final-Recipient", f"rfc822;{addr}"), ("Original-Recipient", f"rfc822;{addr}"), ("Action", "delivered"),
         ("Status", "2.0.0"), ("Diagnostic-Code", "smtp; 250 2.0.0 OK")] for addr in delivered])
    return _report("delivery-status", "\n".join(lines), status, original, frm=frm, to=to,
                   subject=f"Delivered: {original.subject}", date=date, domain=domain)


def read_receipt(original: Original, reader: str, *, frm: str, to: str, date: _dt.datetime, domain: str) -> bytes:
    """The read receipt (RFC 8098) the reader's mailbox sends when its copy is marked read."""
    text = (f"Your message\n\n  To: {reader}\n  Subject: {original.subject}\n\n"
            f"was read on {email.utils.format_datetime(date)}.\n")
    part = MIMEBase("message", "disposition-notification", policy=email.policy.SMTP)
    part.set_payload([_fields([("Reporting-UA", f"{REPORTING_MTA}; {REPORTING_UA}"),
                               ("Final-Recipient", f"rfc822;{reader}"),
                               ("Original-Message-ID", original.message_id),
                               ("Disposition", "manual-action/MDN-sent-manually; displayed")])])
    return _report("disposition-notification", text, part, original, frm=frm, to=to,
                   subject=f"Read: {original.subject}", date=date, domain=domain)

