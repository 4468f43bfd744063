"""What a Drafts or Sent row shows, prepared off the UI thread. No Qt, no I/O.

:func:`display_rows` turns the summaries of a listed page into :class:`ListRow` objects whose texts
(subject, recipients, local date, tooltip, accessible text) are final: the mail client calls it in the
worker thread that fetched the page (``app.core.mailclient``), so the UI thread only inserts the rows and
its table model's ``data()`` only picks a field. Nothing here is formatted per paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Iterable

from app.domain.models import MessageSummary, Page


@dataclass(frozen=True, slots=True)
class ListRow:
    """One listed message and its display texts (the Status column is the model's: it changes)."""

    summary: MessageSummary
    subject: str  # "(no subject)" when empty
    to: str  # "(no recipients)" when empty
    when: str  # local "YYYY-MM-DD HH:MM", or ""
    subject_tip: str | None  # the subject as an escaped rich-text tooltip (shown literally), or None
    accessible: str  # "subject, to …, with attachments" (the model appends the status)

    @property
    def id(self) -> str:
        return self.summary.ref.id

    def with_summary(self, summary: MessageSummary) -> "ListRow":
        """The same texts for a summary whose ref changed (a re-saved draft)."""
        return ListRow(summary, self.subject, self.to, self.when, self.subject_tip, self.accessible)


def when_text(summary: MessageSummary, sent: bool) -> str:
    """Sent lists show when it was sent, Drafts when it was last changed; in local time."""
    dt: datetime | None = (summary.sent or summary.modified) if sent else (summary.modified or summary.sent)
    if dt is None:
        return ""
    try:
        dt = dt.astimezone()
    except (ValueError, OSError):
        pass
    return dt.strftime("%Y-%m-%d %H:%M")


def subject_tooltip(text: str | None) -> str | None:
    """Qt shows this rich-text tooltip as ``text`` literally (escaped; line breaks kept)."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


def display_row(s: MessageSummary, sent: bool) -> ListRow:
    parts = [s.subject or "(no subject)", f"to {s.display_to}" if s.display_to else "",
             "with attachments" if s.has_attachments else ""]
    return ListRow(s, s.subject or "(no subject)", s.display_to or "(no recipients)", when_text(s, sent),
                   subject_tooltip(s.subject), ", ".join(p for p in parts if p))


def display_rows(items: Iterable[MessageSummary], sent: bool) -> tuple[ListRow, ...]:
    """Every row of a page, ready to show (call it where the page was fetched: off the UI thread)."""
    return tuple(display_row(s, sent) for s in items)


def with_rows(page: Page, sent: bool) -> Page:
    """``page`` with its display rows attached (``Page.rows``)."""
    return Page(items=page.items, offset=page.offset, total=page.total, includes_last=page.includes_last,
                rows=display_rows(page.items, sent))
