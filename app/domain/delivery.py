"""Did it arrive? What the reports Exchange puts in the sender's Inbox say about a sent message, recipient by
recipient: pure data, no parsing (the reports are read by :mod:`app.mail.reports`) and no network.

Exchange tells a sender after ``SendItem`` has answered: a non-delivery report (item class
``REPORT.IPM.Note.NDR``, a ``multipart/report; report-type=delivery-status`` message, RFC 3464), a delivery
receipt (``REPORT.IPM.Note.DR``, the same form, ``Action: delivered``) and a read or not-read notification
(``REPORT.IPM.Note.IPNRN`` / ``REPORT.IPM.Note.IPNNRN``, a ``message/disposition-notification``, RFC 8098). Each
names the message it is about by that message's Message-ID. :func:`fates` folds every report about one message
into one :class:`RecipientNews` per recipient.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

# a report's item class is ``REPORT.<the original's class>.<kind>`` (PidTagMessageClass, 0x001A: "DR for a delivery
# report, NDR for a nondelivery report, IPNRN for a read report, IPNNRN for a nonread report",
# learn.microsoft.com/office/client-developer/outlook/mapi/pidtagmessageclass-canonical-property); compared without
# regard to case
REPORT_PREFIX = "REPORT."
NDR, DELIVERED, READ, NOT_READ = "NDR", "DR", "IPNRN", "IPNNRN"
# the classes of the reports about an ordinary message (what a search of the Inbox asks for)
REPORT_CLASSES = tuple(f"REPORT.IPM.Note.{kind}" for kind in (NDR, DELIVERED, READ, NOT_READ))


def report_kind(item_class: str) -> str:
    """The kind of report an item class names (:data:`NDR`, :data:`DELIVERED`, :data:`READ`, :data:`NOT_READ`),
    or "" for an item that is no report."""
    if not item_class.upper().startswith(REPORT_PREFIX):
        return ""
    kind = item_class.rsplit(".", 1)[-1].upper()
    return kind if kind in (NDR, DELIVERED, READ, NOT_READ) else ""


# reports are looked for only about messages sent in this many days (older ones are no longer followed)
FOLLOWED_DAYS = 30
# a failure is told (banner, announcement, notification) only for a message sent in this many days
TOLD_DAYS = 7


class Fate(str, enum.Enum):
    """What is known of one recipient's copy, from the least to the most news."""

    NO_NEWS = "no-news"  # no report (the usual case: most servers send none unless asked)
    DELAYED = "delayed"  # a delay notice (Action: delayed): still trying
    DELIVERED = "delivered"  # a delivery receipt (Action: delivered)
    READ = "read"  # a read notification (Disposition: displayed)
    NOT_READ = "not-read"  # deleted or expired unread (Disposition: deleted)
    FAILED = "failed"  # a non-delivery report (Action: failed)


# which news stands when two reports speak of one recipient: a failure or a read beats a delivery, which beats a
# delay; between equals, the later report
_RANK = {Fate.NO_NEWS: 0, Fate.DELAYED: 1, Fate.DELIVERED: 2, Fate.NOT_READ: 3, Fate.READ: 3, Fate.FAILED: 4}


@dataclass(frozen=True)
class RecipientNews:
    """One recipient's news from one report. ``address``: as the report names it (``Final-Recipient`` or
    ``Original-Recipient``, lower case); ``status``: the enhanced status code (RFC 3463, "5.1.1"; "" when the report
    gives none); ``diagnostic``: the server's own words (``Diagnostic-Code``, cut to :data:`MAX_DIAGNOSTIC`), for
    the administrator; ``when``: when the report says it happened (else when it arrived)."""

    address: str
    fate: Fate
    when: datetime | None = None
    status: str = ""
    diagnostic: str = ""


MAX_DIAGNOSTIC = 500


@dataclass(frozen=True)
class Report:
    """One report in the Inbox, read: about the message whose Message-ID is ``original_id`` (with its angle
    brackets, as the header has it), from the server item ``report_id`` (so it is read once), received
    ``received``."""

    original_id: str
    report_id: str
    received: datetime
    news: tuple[RecipientNews, ...]


def fates(reports: list[Report]) -> dict[str, RecipientNews]:
    """Each recipient's standing news (by lower-case address) from all ``reports`` about one message."""
    standing: dict[str, RecipientNews] = {}
    for report in sorted(reports, key=lambda r: r.received):
        for news in report.news:
            key = news.address.strip().lower()
            old = standing.get(key)
            if old is None or _RANK[news.fate] >= _RANK[old.fate]:
                standing[key] = news
    return standing


def failed(standing: dict[str, RecipientNews]) -> list[RecipientNews]:
    """The recipients a report said the message did not reach, in address order."""
    return sorted((n for n in standing.values() if n.fate is Fate.FAILED), key=lambda n: n.address)
