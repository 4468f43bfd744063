"""One account's watch over the reports in its Inbox: :meth:`DeliveryWatch.check` asks the server for the reports
that arrived since it last looked (a search by the server's own filter: item class and time received, never a
read of every message), reads each new one once (:func:`app.mail.reports.read_report`), keeps what it said in the
account's book (:mod:`app.storage.delivery_book`) and tells who listens (:class:`app.domain.events.ReportsRead`).
What a sent message's recipients are known to have had: :meth:`DeliveryWatch.standing`. Which failures the user
has not been told of yet: :meth:`DeliveryWatch.untold`. No Qt: the window and ``dispatch-mail status`` share it.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from typing import Awaitable, Callable

from app.domain.delivery import FOLLOWED_DAYS, TOLD_DAYS, RecipientNews, Report, failed, fates
from app.domain.events import Hub, ReportsRead
from app.domain.suggestions import bounced
from app.mail.reports import read_report
from app.storage.delivery_book import DeliveryBook, DeliveryBookStore

# each search goes back this far before the newest report already read: a report the server filed a little out of
# order (its time received before that one's) is still found; those already read are not fetched again
OVERLAP = timedelta(hours=6)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class DeliveryWatch:
    """``client``: the account's mail client (``find_reports``, ``report_mime``); ``store``: where its book is
    kept; ``account``: the account's key; ``now``: the clock (injected in tests)."""

    def __init__(self, client, store: DeliveryBookStore, account: str, *,
                 now: Callable[[], datetime] = _utcnow):
        self.client, self.store, self.account, self.now = client, store, account, now
        self.book: DeliveryBook = store.load(account)
        self.news = Hub(ReportsRead)

    def since(self, oldest_sent: datetime | None = None) -> datetime:
        """From when a check looks: the oldest message still followed (sent in the last FOLLOWED_DAYS), and not
        long before the newest report already read."""
        start = self.now() - timedelta(days=FOLLOWED_DAYS)
        if oldest_sent is not None:
            start = max(start, oldest_sent)
        newest = self.book.newest()
        return max(start, newest - OVERLAP) if newest is not None else start

    async def check(self, oldest_sent: datetime | None = None) -> list[Report]:
        """Read the reports that arrived since the last check; the new ones (also published). The book is read,
        each report parsed and the book written on worker threads: none of it holds the event loop (the UI's)."""
        told = self.book.told
        # another process (the command, the window) may have read some meanwhile
        self.book = await asyncio.to_thread(self.store.load, self.account)
        self.book.told |= told
        items = await self.client.find_reports(self.since(oldest_sent))
        fresh = []
        for item in items:
            if self.book.seen(item.ref.id):
                continue
            mime = await self.client.report_mime(item.ref)
            report = await asyncio.to_thread(read_report, mime, item_class=item.item_class, report_id=item.ref.id,
                                             received=item.received)
            if report is None:  # no report Dispatch can read (no Message-ID it is about): fetched once only
                self.book.unread[item.ref.id] = item.received
            else:
                self.book.add(report)
                fresh.append(report)
        self.book.forget_before(self.now() - timedelta(days=FOLLOWED_DAYS))
        await asyncio.to_thread(self.store.save, self.account, self.book)
        if fresh:
            self.news.publish(ReportsRead(tuple(fresh)))
        return fresh

    def standing(self, original_id: str) -> dict[str, RecipientNews]:
        """Each recipient's news (by lower-case address) about the message whose Message-ID is ``original_id``;
        a recipient with no news is not in it."""
        return fates(self.book.about(original_id))

    def bounced(self) -> frozenset[str]:
        """The addresses (lower case) whose newest news in the book is a failure: an address field offers none of
        them (app.domain.suggestions)."""
        return bounced(self.book.reports.values())

    def untold(self, sent: dict[str, datetime]) -> list[str]:
        """Of ``sent`` (Message-ID → when it was sent), the messages sent in the last TOLD_DAYS that a report says
        did not reach someone, and that the user has not been told of: oldest first."""
        recent = self.now() - timedelta(days=TOLD_DAYS)
        return sorted((mid for mid, when in sent.items()
                       if when >= recent and mid not in self.book.told and failed(self.standing(mid))),
                      key=lambda mid: sent[mid])

    def mark_told(self, original_ids: list[str]) -> Awaitable[None]:
        """The user was told of these messages' failures: never again (at once here; on disk once awaited, on a
        worker thread)."""
        self.book.told.update(original_ids)
        return asyncio.to_thread(self._keep_told, frozenset(original_ids))

    def _keep_told(self, original_ids: frozenset[str]) -> None:
        book = self.store.load(self.account)
        book.told |= original_ids
        self.store.save(self.account, book)
