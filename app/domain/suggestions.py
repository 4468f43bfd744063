"""What an address field (To, Cc, Bcc) offers as the user types: no Qt, no network.

- **Who comes first**: the people the user has written to (the account's recent recipients: the most messages sent
  to first, between equals the newest first), then the directory's matches for what is typed (the server's own name
  resolution), each address once.
- **What is never offered**: an entry the app's own address check refuses (``app.domain.validation.sendable``: a
  draft may hold "cathy@example", the directory may answer an odd one), and an address that bounced
  (:func:`bounced`).
- **Bounced, and back**: an address a non-delivery report says a message did not reach (Action: failed, not a
  delay) is not offered while that failure is its newest news. A later report that says a message did reach it
  (a delivery receipt, a read or not-read notification, received after the failure) brings it back. A later
  send alone does not: a server takes a message for an address that does not exist and bounces it afterwards.
  What the app knows of reports is the last :data:`app.domain.delivery.FOLLOWED_DAYS` days' (the delivery book).
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from app.domain.delivery import Fate, Report
from app.domain.validation import sendable

# news that says a copy reached the mailbox (a not-read notification: it was there, deleted unread)
_ARRIVED = (Fate.DELIVERED, Fate.READ, Fate.NOT_READ)


def address_of(entry: str) -> str:
    """The address of an entry ("Name <addr>" or an address), lower case, for comparing."""
    return email.utils.parseaddr(entry)[1].strip().lower() or entry.strip().lower()


def bounced(reports: Iterable[Report]) -> frozenset[str]:
    """The addresses (lower case) whose newest news among ``reports`` is a failure: no later report says a
    message reached them. Each report counts from when it arrived."""
    failed_at, arrived_at = {}, {}
    for report in reports:
        for news in report.news:
            book = failed_at if news.fate is Fate.FAILED else arrived_at if news.fate in _ARRIVED else None
            if book is not None:
                key = news.address.strip().lower()
                book[key] = max(book.get(key, report.received), report.received)
    return frozenset(a for a, when in failed_at.items() if a not in arrived_at or arrived_at[a] < when)


def written_order(entries: list[str], sent: Mapping[str, int]) -> list[str]:
    """``entries`` (newest first) with the addresses most written to first; between equals, the newest first."""
    return sorted(entries, key=lambda e: -sent.get(address_of(e), 0))


@dataclass
class Suggestions:
    """One field's sources: ``written_to`` (newest first), ``directory`` (the server's answers, in its order) and
    ``bounced`` (lower-case addresses). Entries the address check refuses are dropped as they come in."""

    written_to: list[str] = field(default_factory=list)
    directory: list[str] = field(default_factory=list)
    bounced: frozenset[str] = frozenset()

    def set_written_to(self, entries: Iterable[str], sent: Mapping[str, int] | None = None) -> None:
        """``entries``: the recent recipients, newest first; ``sent``: how many messages went to each address."""
        self.written_to = written_order([e for e in entries if sendable(e)], sent or {})

    def add_directory(self, entries: Iterable[str]) -> None:
        """The directory's answers for a prefix, added after those already known (each address once)."""
        known = {address_of(e) for e in self.directory}
        for e in entries:
            if sendable(e) and address_of(e) not in known:
                known.add(address_of(e))
                self.directory.append(e)

    def set_bounced(self, addresses: Iterable[str]) -> None:
        self.bounced = frozenset(a.strip().lower() for a in addresses)

    def offered(self) -> list[str]:
        """Every entry the field can offer, written-to first, then the directory's; one per address, none bounced."""
        seen, out = set(self.bounced), []
        for e in [*self.written_to, *self.directory]:
            key = address_of(e)
            if key not in seen:
                seen.add(key)
                out.append(e)
        return out

    def matches(self, typed: str) -> list[str]:
        """The offered entries that hold ``typed`` (case-blind), in :meth:`offered`'s order; none for nothing typed."""
        t = typed.strip().lower()
        return [e for e in self.offered() if t in e.lower()] if t else []
