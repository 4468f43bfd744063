"""What a Drafts or Sent row shows, prepared off the UI thread. No Qt, no I/O.

:func:`display_rows` turns the summaries of a listed page into :class:`ListRow` objects whose texts
(subject, recipients, local date, tooltip, accessible text) are final: the mail client calls it in the
worker thread that fetched the page (``app.core.accounts.mailclient``), so the UI thread only inserts the rows and
its table model's ``data()`` only picks a field. Nothing here is formatted per paint.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Callable, Iterable

from app.domain.extras import FlagStatus, FollowUpFlag
from app.domain.models import MessageSummary, Page
from app.domain.words import translate


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


def local_when(summary: MessageSummary, sent: bool) -> datetime | None:
    """The date a list shows: Sent lists when it was sent, Drafts when it was last changed; in local time."""
    dt: datetime | None = (summary.sent or summary.modified) if sent else (summary.modified or summary.sent)
    if dt is None:
        return None
    try:
        return dt.astimezone()
    except (ValueError, OSError):
        return dt


def when_text(summary: MessageSummary, sent: bool) -> str:
    """:func:`local_when` as the list shows it: "YYYY-MM-DD HH:MM"."""
    dt = local_when(summary, sent)
    return "" if dt is None else dt.strftime("%Y-%m-%d %H:%M")


def subject_tooltip(text: str | None) -> str | None:
    """Qt shows this rich-text tooltip as ``text`` literally (escaped; line breaks kept)."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>"


# the follow-up flag's marker before a subject
FLAG_MARKS = {FlagStatus.FLAGGED: "⚑", FlagStatus.COMPLETE: "✔"}


#: the words of a row (made once: a list shows thousands of rows)
_NO_SUBJECT = translate("ListRows", "(no subject)")
_NO_RECIPIENTS = translate("ListRows", "(no recipients)")
_TO = translate("ListRows", "to {recipients}")
_WITH_ATTACHMENTS = translate("ListRows", "with attachments")
_MARKED = translate("ListRows", "{mark} {subject}")
_TIP = translate("ListRows", "{tip}<p>{flag}</p>")
_FLAGGED = (translate("ListRows", "flagged for follow-up"), translate("ListRows", "Flagged for follow-up"))
_COMPLETE = (translate("ListRows", "follow-up complete"), translate("ListRows", "Follow-up complete"))
_START, _DUE = translate("ListRows", "start {day}"), translate("ListRows", "due {day}")
#: two, three or four parts of a row said in one line (a list separator may differ by language)
_LISTS = {2: translate("ListRows", "{first}, {second}"), 3: translate("ListRows", "{first}, {second}, {third}"),
          4: translate("ListRows", "{first}, {second}, {third}, {fourth}")}
_PLACES = ("first", "second", "third", "fourth")


def flag_text(flag: FollowUpFlag, capital: bool = False) -> str:
    """The follow-up flag in words ("flagged for follow-up, due 2026-12-04"; ``capital``: "Flagged for
    follow-up, ..." to start a sentence), "" when there is none."""
    if not flag.is_set:
        return ""
    if flag.status != FlagStatus.FLAGGED:
        return _COMPLETE[capital]
    dates = [text.format(day=day.isoformat()) for text, day in ((_START, flag.start), (_DUE, flag.due)) if day]
    return listed([_FLAGGED[capital], *dates])


def listed(parts: list[str]) -> str:
    """Up to four ``parts`` (words or text) in one line, separated by commas: "Lunch, to Bob, with attachments"."""
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return parts[0] if parts else ""
    return _LISTS[len(parts)].format(**dict(zip(_PLACES, parts)))


def display_row(s: MessageSummary, sent: bool) -> ListRow:
    flag = flag_text(s.flag)
    subject = s.subject or _NO_SUBJECT
    parts = [subject, _TO.format(recipients=s.display_to) if s.display_to else "",
             _WITH_ATTACHMENTS if s.has_attachments else "", flag]
    tip = subject_tooltip(s.subject)
    if flag:
        subject = _MARKED.format(mark=FLAG_MARKS[s.flag.status], subject=subject)
        # the flag's words are Dispatch's own (no markup in any language): the tooltip's rich text holds them as they are
        tip = _TIP.format(tip=tip or "", flag=flag_text(s.flag, capital=True))
    return ListRow(s, subject, s.display_to or _NO_RECIPIENTS, when_text(s, sent), tip, listed(parts))


def display_rows(items: Iterable[MessageSummary], sent: bool) -> tuple[ListRow, ...]:
    """Every row of a page, ready to show (call it where the page was fetched: off the UI thread)."""
    return tuple(display_row(s, sent) for s in items)


def with_rows(page: Page, sent: bool) -> Page:
    """``page`` with its display rows attached (``Page.rows``)."""
    return Page(items=page.items, offset=page.offset, total=page.total, includes_last=page.includes_last,
                rows=display_rows(page.items, sent))


def elide_right(text: str, width: int, measure: Callable[[str], int]) -> str:
    """``text`` cut at the end to fit ``width`` (as ``measure`` counts), ending in "…"; "" if not even that fits."""
    if measure(text) <= width:
        return text
    lo, hi = 0, len(text)  # the longest prefix whose "prefix…" fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…" if lo or measure("…") <= width else ""


# a server's response code in brackets, as a status ends with one: "(ErrorMessageSizeExceeded)"
_CODE = re.compile(r"\((?:[A-Z][a-z0-9]*){2,}\)")


def elide_status(text: str, width: int, measure: Callable[[str], int]) -> str:
    """A list row's status in ``width``: whole words and "…" (:func:`elide_words`, never
    "countdo…ends"), and a last "(ResponseCode)" kept after the "…" while it fits."""
    if measure(text) <= width:
        return text
    words = text.split()
    if len(words) > 2 and _CODE.fullmatch(words[-1]):  # not a word in brackets ("(Undo)": "Not … (Undo)" said nothing)
        end = f" … {words[-1]}"
        for n in range(len(words) - 2, 0, -1):
            trial = " ".join(words[:n]).rstrip(",;:—-– ") + end
            if measure(trial) <= width:
                return trial
    return elide_words(text, width, measure)


def shorten_address(address: str, width: int, measure: Callable[[str], int]) -> str:
    """An e-mail address in ``width``: whole when it fits; else its domain stays whole and its local part keeps
    its start and its end ("project-te…alpha@example.com"): the parts where two addresses of one list differ
    (a name's start, a team's or a number's end, a domain's typo), where cutting at the end ("project-team-al…")
    made two rows look alike. Text that is not an address, or whose domain alone does not fit, is cut at its end."""
    if measure(address) <= width:
        return address
    local, at, domain = address.rpartition("@")
    tail = at + domain
    if not at or not local or measure(local[:1] + "…" + tail) > width:
        return elide_right(address, width, measure)
    lo, hi = 1, len(local) - 1  # the most letters of the local part kept (its start a letter more than its end)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(_both_ends(local, mid) + tail) <= width:
            lo = mid
        else:
            hi = mid - 1
    return _both_ends(local, lo) + tail


def _both_ends(text: str, keep: int) -> str:
    """``text``'s first and last letters, ``keep`` of them in all, around "…"."""
    head = (keep + 1) // 2
    end = keep - head
    return text[:head] + "…" + (text[len(text) - end:] if end else "")


def _shorten_entry(entry: str, width: int, measure: Callable[[str], int]) -> str:
    """One recipient in ``width``: "Name <address>" loses letters of its name, never of its address while
    the address fits; an address that does not fit keeps its domain and both ends of its local part
    (:func:`shorten_address`); a bare name is cut at the end."""
    if measure(entry) <= width:
        return entry
    name, sep, addr = entry.rpartition(" <")
    if sep and addr.endswith(">"):
        addr = "<" + addr
        room = width - measure(" " + addr)
        if room >= measure("X…"):
            return elide_right(name, room, measure) + " " + addr
        return shorten_address(addr[1:-1], width, measure)
    return shorten_address(entry, width, measure)


def elide_recipients(text: str, width: int, measure: Callable[[str], int]) -> str:
    """A To cell's "a; b; c" in ``width``: whole recipients first, then "+N" for the ones left out; only
    when not even the first one fits is it shortened (its display name, not its address). Never the
    middle of an address ("bob@exa…ple.com")."""
    if measure(text) <= width:
        return text
    entries = [e.strip() for e in text.split(";") if e.strip()]
    kept: list[str] = []
    for i, entry in enumerate(entries):
        left = len(entries) - i - 1
        trial = "; ".join(kept + [entry]) + (f"; +{left}" if left else "")
        if measure(trial) > width:
            break
        kept.append(entry)
    if kept:
        left = len(entries) - len(kept)
        return "; ".join(kept) + (f"; +{left}" if left else "")
    if not entries:
        return elide_right(text, width, measure)
    more = f" +{len(entries) - 1}" if len(entries) > 1 else ""
    room = width - measure(more)
    return _shorten_entry(entries[0], room, measure) + more if room > 0 else elide_right(text, width, measure)


def share_widths(total: int, needs: tuple[int, int, int], floors: tuple[int, int]) -> tuple[int, int]:
    """The widths of a three-column list's first two columns (the third takes the rest) in ``total``.
    When all fits, each gets what it needs (the rest goes to the last). Otherwise the last column (a
    state: "Sends at Fri 08:00", "Sending…") first gets what it needs, as far as the first two keep their
    ``floors``; the second then what it needs, up to 40 % of what is left unless the first needs less;
    the first the rest."""
    first_need, second_need, last_need = needs
    first_floor, second_floor = floors
    if first_need + second_need + last_need <= total:
        return first_need, second_need
    last = max(0, min(last_need, total - first_floor - second_floor))
    rest = max(0, total - last)
    second = min(second_need, max(second_floor, int(rest * 0.4), rest - first_need))
    second = max(0, min(second, rest))
    return max(0, rest - second), second


def elide_words(text: str, width: int, measure: Callable[[str], int]) -> str:
    """``text`` in ``width``: whole, or its first whole words and "…" (never a word cut in the middle, as
    a status bar message was: "…can no lor"); a first word that alone does not fit is cut at its end."""
    if measure(text) <= width:
        return text
    words = text.split(" ")
    lo, hi = 0, len(words)  # the most words whose "words…" fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(" ".join(words[:mid]).rstrip(" ,;:—-") + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return elide_right(text, width, measure)
    return " ".join(words[:lo]).rstrip(" ,;:—-") + "…"
