"""Did it arrive, in the Outbox's history and in ``dispatch-mail outbox``: a sent row's delivery news in a few
words ("Sent — 1 failed", "Sent — all delivered"), and the recent failures a script is told of. No Qt: the
Outbox view (app/ui/outbox) and the account's desk (:mod:`app.core.scripts.desk`) read the same.

``standing(message_id)`` is what the account's reports say of each recipient of that message
(:meth:`app.core.delivery.watch.DeliveryWatch.standing`, or :func:`standing_in` of a book read from disk).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable

from app.core.outbox.rows import OutboxRow
from app.domain.delivery import TOLD_DAYS, RecipientNews, failed, fates
from app.domain.delivery_words import failure_words, summary
from app.domain.words import translate

Standing = Callable[[str], dict[str, RecipientNews]]


def standing_in(book) -> Standing:
    """``standing`` read from an account's :class:`app.storage.delivery_book.DeliveryBook`."""
    return lambda message_id: fates(book.about(message_id))


def with_news(rows: list[OutboxRow], standing: Standing) -> list[OutboxRow]:
    """``rows`` with each sent row's delivery news in its words ("Sent — 1 failed"), ``delivery`` and
    ``bounced``; a row without news (most: servers send no report unless asked) as it was."""
    return [_with_news(r, standing) if r.sent and r.message_id else r for r in rows]


def _with_news(row: OutboxRow, standing: Standing) -> OutboxRow:
    known = standing(row.message_id)
    word = summary(known, list(row.addresses)) if known else ""
    if not word:
        return row
    text = translate("OutboxRow", "{state} — {news}").format(state=row.text, news=word)
    return replace(row, text=text, delivery=word, bounced=bool(failed(known)))


def recent_failures(book, now: datetime, subjects: dict[str, str] | None = None,
                    days: int = TOLD_DAYS) -> list[dict]:
    """The messages a report received in the last ``days`` says did not reach someone, oldest report first: each
    ``{message_id, subject, failed: [{address, status, what, fix}]}`` (``subjects``: by Message-ID, where known;
    the words in English, for scripts)."""
    start = now - timedelta(days=days)
    first: dict[str, datetime] = {}
    for report in book.reports.values():
        if report.received >= start:
            first[report.original_id] = min(first.get(report.original_id, report.received), report.received)
    out = []
    for mid in sorted(first, key=lambda m: first[m]):
        lost = failed(fates(book.about(mid)))
        if lost:
            out.append({"message_id": mid, "subject": (subjects or {}).get(mid, ""),
                        "failed": [_failure(n) for n in lost]})
    return out


def _failure(news: RecipientNews) -> dict:
    what, fix = failure_words(news)
    return {"address": news.address, "status": news.status, "what": str(what), "fix": str(fix)}


def failure_line(item: dict) -> str:
    """One failure of :func:`recent_failures` on one line (``dispatch-mail outbox``'s words)."""
    subject = f"“{item['subject']}” " if item["subject"] else ""
    who = "; ".join(f"{f['what']}" + (f" ({f['status']})" if f["status"] else "") for f in item["failed"])
    return f"Not delivered: {subject}{item['message_id']}: {who}"
