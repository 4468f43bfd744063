"""A search of the organisation's address book as the user types, without Qt.

:class:`DirectorySearch` takes the text as it is typed (:meth:`~DirectorySearch.type`) and asks the server once
typing pauses for :data:`PAUSE` seconds: a fast typist's every key restarts the wait, so one request goes out
per pause, never one per key. An answer for a text the user has typed past (an older request answering
late) is dropped, never shown over the newer one. More of the same search comes page by page when asked for
(:meth:`~DirectorySearch.more`, the list scrolled to its end), never the whole directory.

:class:`GroupMembers` is the same for a group's members: its first page at once, the next ones on demand.

The wait is on an injected ``call_later(seconds, callback) -> handle`` (``handle.cancel()``): the running
event loop's by default, a clock moved by hand in tests. Requests run as tasks of an injected ``spawn`` (the
window's tracked tasks). A refusal or a failure becomes words (:attr:`~Listing.problem`), never an exception
reaching the window.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.errors import MailError
from app.domain.explain import describe
from app.domain.words import translate
from app.mail.errors import DirectoryNotGranted

log = logging.getLogger(__name__)

# seconds of no typing before the text typed is searched: a fast typist's keys are ~80 ms apart, a pause to
# read the list is longer; the first results show well within a few hundred ms of the pause
PAUSE = 0.25

# pages in a row that brought nothing new followed at once before waiting for the user to ask again
MOST_EMPTY_PAGES = 3

Search = Callable[[str, str], Awaitable[DirectoryPage]]  # (text, page token) -> a page
CallLater = Callable[[float, Callable[[], None]], object]
Spawn = Callable[[Awaitable], object]


def problem_words(exc: BaseException):
    """What went wrong, in words for the user (Words: shown in their language). An organisation that has not
    granted the directory says so plainly, with the permission it lacks where the server named it."""
    if isinstance(exc, DirectoryNotGranted):
        why = translate("Directory", "Your organisation has not allowed Dispatch to read its address book")
        if exc.scope:
            why = translate("Directory", "Your organisation has not allowed Dispatch to read its address book "
                                         "(the permission {scope} is not granted)").format(scope=exc.scope)
        if exc.can_ask:
            return translate("Directory", "{why}. “Ask for access…” asks for it when you sign in (your administrator "
                                          "may have to grant it); the suggestions from addresses you already know "
                                          "still work.").format(why=why)
        return translate("Directory", "{why}. Ask your administrator to grant it; the suggestions from addresses "
                                      "you already know still work.").format(why=why)
    if isinstance(exc, MailError):
        return translate("Directory", "The address book could not be searched: {reason}").format(
            reason=describe(exc.code, exc.message))
    return translate("Directory", "The address book could not be searched: {reason}").format(
        reason=type(exc).__name__)


def refused_words(scope: str, reason: str):
    """A sign-in asking for ``scope`` that did not get it (declined, or only an administrator may grant it)."""
    return translate("Directory", "Access to the address book was not given ({reason}). Only an administrator of "
                                  "your organisation can grant Dispatch the permission {scope}: ask them for it; "
                                  "the suggestions from addresses you already know still work.").format(
                                      reason=reason, scope=scope)


def askable(exc: BaseException) -> str:
    """The permission the user may be asked for in a sign-in ("" when none: nothing to ask)."""
    return exc.scope if isinstance(exc, DirectoryNotGranted) and exc.can_ask and exc.scope else ""


def left_out_words(scope: str):
    """A search answered in part: what the organisation withholds, in words."""
    return translate("Directory", "Groups are not listed: your organisation has not granted Dispatch the permission "
                                  "{scope}").format(scope=scope)


@dataclass
class Listing:
    """What a list shows: the entries so far, whether more can be asked for, a request under way, and the
    problem in words ("" when none)."""

    entries: list[DirectoryEntry] = field(default_factory=list)
    more: str = ""
    loading: bool = False
    problem: str = ""
    answered: bool = False  # the server answered this listing at least once (an empty answer: "no match")
    left_out: str = ""  # words for what a permission withheld kept out of the entries shown ("" when nothing)
    ask: str = ""  # the permission the user may be asked for in a sign-in (the problem's), "" when none


def _default_call_later(delay: float, callback: Callable[[], None]):
    return asyncio.get_running_loop().call_later(delay, callback)


def _default_spawn(aw: Awaitable):
    return asyncio.ensure_future(aw)


class _Pager:
    """One listing filled page by page by ``fetch(page)``; a generation number drops answers of a listing
    replaced since (a newer text, another group)."""

    def __init__(self, spawn: Spawn, changed: Callable[[], None]):
        self._spawn, self._changed = spawn, changed
        self.listing = Listing()
        self._generation = 0
        self._fetch: Callable[[str], Awaitable[DirectoryPage]] | None = None
        self.requests = 0  # requests sent (tests count them)
        self._empty_pages = 0  # pages in a row that brought nothing new
        self.dropped = 0  # answers that came for a listing replaced since

    def restart(self, fetch: Callable[[str], Awaitable[DirectoryPage]] | None) -> None:
        """A new listing (``fetch`` None: an empty one); the former's answers still to come are dropped."""
        self._generation += 1
        self._fetch = fetch
        self.listing = Listing()
        if fetch is not None:
            self._ask("")
        self._changed()

    def stop(self) -> None:
        """Nothing more: answers still on their way are dropped and nobody is told (the listener is gone)."""
        self._generation += 1
        self._fetch = None

    def more(self) -> bool:
        """Ask for the next page, when there is one and no request is under way; False when nothing was asked."""
        if self._fetch is None or not self.listing.more or self.listing.loading:
            return False
        self._ask(self.listing.more)
        self._changed()
        return True

    def _ask(self, page: str) -> None:
        self.listing.loading = True
        self.requests += 1
        self._spawn(self._run(self._generation, self._fetch, page))

    async def _run(self, generation: int, fetch, page: str) -> None:
        try:
            answer, problem, ask = await fetch(page), "", ""
        except Exception as exc:  # noqa: BLE001 - every failure is said in words in the list, none is raised
            log.info("directory request failed: %s", getattr(exc, "code", type(exc).__name__))
            answer, problem, ask = None, problem_words(exc), askable(exc)
        if generation != self._generation:
            self.dropped += 1
            return
        listing = self.listing
        listing.loading, listing.answered = False, True
        listing.ask = ask
        if answer is None:
            listing.problem = problem
            self._empty_pages = 0
        else:
            listing.problem = ""
            known = {(e.kind, e.email.lower(), e.key) for e in listing.entries}
            new = [e for e in answer.entries if (e.kind, e.email.lower(), e.key) not in known]
            listing.entries.extend(new)
            listing.more = answer.more if answer.more != page else ""
            if answer.not_granted:
                listing.left_out = left_out_words(answer.not_granted)
                listing.ask = answer.not_granted if answer.can_ask else ""
            # a page that brought nothing new (all listed already: Graph's users after the people found) is
            # followed at once, a few times at most: the key that asked for more gets more
            self._empty_pages = 0 if new else self._empty_pages + 1
            if listing.more and not new and self._empty_pages <= MOST_EMPTY_PAGES:
                self._ask(listing.more)
        self._changed()


class DirectorySearch:
    """The address book searched as the user types. ``search(text, page)``: the server's search (the session's
    ``search_directory``); ``changed()`` is called whenever :attr:`listing` or :attr:`text` changes."""

    def __init__(self, search: Search, changed: Callable[[], None], *, pause: float = PAUSE,
                 call_later: CallLater | None = None, spawn: Spawn | None = None):
        self._search = search
        self._pause = pause
        self._call_later = call_later or _default_call_later
        self._pager = _Pager(spawn or _default_spawn, changed)
        self._timer = None
        self.typed = ""  # the text as typed, stripped
        self.text = ""  # the text the listing is for

    @property
    def listing(self) -> Listing:
        return self._pager.listing

    @property
    def requests(self) -> int:
        return self._pager.requests

    @property
    def dropped(self) -> int:
        return self._pager.dropped

    @property
    def waiting(self) -> bool:
        """Typing has not paused yet: a search is to come."""
        return self._timer is not None

    def type(self, text: str) -> None:
        """The search box's text changed: it is searched once typing pauses (an empty box empties the list at
        once, and drops what was on its way)."""
        self.typed = text.strip()
        self._cancel_timer()
        if not self.typed:
            self.text = ""
            self._pager.restart(None)
            return
        self._timer = self._call_later(self._pause, self._paused)

    def now(self) -> None:
        """Search what is typed at once (Enter in the box before the pause)."""
        if self._timer is not None:
            self._cancel_timer()
            self._paused()

    def again(self) -> None:
        """Search what is typed once more, at once (a permission granted since)."""
        self._cancel_timer()
        if self.typed:
            self.text = ""
            self._paused()

    def more(self) -> bool:
        """The next page of the same search (the list scrolled to its end)."""
        return self._pager.more()

    def close(self) -> None:
        """No search is to come, and the answers still on their way are dropped."""
        self._cancel_timer()
        self._pager.restart(None)

    def stop(self) -> None:
        """As :meth:`close`, telling nobody: the one told of changes is gone (a dialog destroyed)."""
        self._cancel_timer()
        self._pager.stop()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _paused(self) -> None:
        self._timer = None
        text = self.typed
        if text == self.text and (self.listing.loading or self.listing.answered and not self.listing.problem):
            return  # typed back to what is listed (or on its way): nothing new to ask
        self.text = text
        self._pager.restart(lambda page: self._search(text, page))


class GroupMembers:
    """A group's direct members, page by page: ``members(group, page)`` is the session's ``group_members``."""

    def __init__(self, members: Callable[[DirectoryEntry, str], Awaitable[DirectoryPage]],
                 changed: Callable[[], None], *, spawn: Spawn | None = None):
        self._members = members
        self._pager = _Pager(spawn or _default_spawn, changed)
        self.group: DirectoryEntry | None = None

    @property
    def listing(self) -> Listing:
        return self._pager.listing

    @property
    def requests(self) -> int:
        return self._pager.requests

    def show(self, group: DirectoryEntry | None) -> None:
        """List ``group``'s members (None, or not a group: nothing); the same group again changes nothing."""
        if group == self.group:
            return
        self.group = group if group is not None and group.is_group else None
        g = self.group
        self._pager.restart(None if g is None else (lambda page: self._members(g, page)))

    def again(self) -> None:
        """The group's members read once more (a permission granted since)."""
        g = self.group
        if g is not None:
            self._pager.restart(lambda page: self._members(g, page))

    def more(self) -> bool:
        return self._pager.more()

    def close(self) -> None:
        self.group = None
        self._pager.restart(None)

    def stop(self) -> None:
        """As :meth:`close`, telling nobody."""
        self.group = None
        self._pager.stop()


async def every_member(members: Callable[[DirectoryEntry, str], Awaitable[DirectoryPage]],
                       group: DirectoryEntry) -> list[DirectoryEntry]:
    """All of ``group``'s direct members (for Expand), page after page as the server hands them out; a nested
    group stays one entry (expanded again by the user, one level at a time)."""
    out: list[DirectoryEntry] = []
    page = ""
    while True:
        answer = await members(group, page)
        out.extend(answer.entries)
        if not answer.more or answer.more == page:
            return out
        page = answer.more
