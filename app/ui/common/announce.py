"""What a screen reader is told when something changes by itself: one :class:`Announcer` per window.

Qt (6.8+) carries an announcement to the platform's accessibility bus as ``QAccessibleAnnouncementEvent``
(AT-SPI's ``object:announcement``, which Orca speaks): **polite** for progress and state (it waits for what is
being read), **assertive** for errors and questions (it interrupts), as WAI-ARIA's live regions are.

Every announcement of the app goes through :meth:`Announcer.polite` / :meth:`Announcer.assertive`:
- the core's words are said in the user's language (:func:`app.ui.common.tr.shown`);
- the text is said as written, on one line (never read as HTML: a subject or an address is data);
- the same words again within :data:`REPEAT_AFTER` seconds are not said twice (no flood: a countdown or a
  retry that repeats itself is said once), unless they answer a key the user pressed (``keyed``: moving back
  to a suggestion just heard says it again);
- :attr:`Announcer.said` tells what was announced, in order (the live status region, and tests);
- the status bar is the window's polite live region (:meth:`Announcer.status`): every message it shows is said,
  at the end of the loop's turn, unless the words were just said (or are part of words just said, "Sent: Lunch"
  in "Sent: Lunch. New message.") by the code that showed them; a progress step is shown quietly
  (``FittingStatusBar.show_quietly``).
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from app.ui.common.tr import shown

# the same words are said again only after this many seconds
REPEAT_AFTER = 2.0

def plain(text: str) -> str:
    """``text`` as one line of words, as a reader should speak it. The text is never read as HTML: what it says is
    what is said, "<b>Q3</b>" or "Ann <a.smith@example.com>" included (a subject, an address, a line of a message
    are data). A caller with rich text gives its plain words (``QTextDocumentFragment.toPlainText``)."""
    return " ".join(text.split())


class Announcer(QObject):
    """The window's voice to a screen reader. ``anchor``: the widget the announcements are raised on (the
    window: a reader takes them from the active window)."""

    said = Signal(str, bool)  # (the words, assertive)

    def __init__(self, anchor, clock: Callable[[], float] = time.monotonic):
        super().__init__(anchor)
        self._anchor, self._clock = anchor, clock
        self._last: dict[str, float] = {}
        self._status: list[str] = []  # the status bar's messages of this turn of the loop, to be said at its end

    def polite(self, text: str, *, keyed: bool = False) -> None:
        """Progress and state: "Draft saved to Drafts", "Sent". ``keyed``: the answer to a key the user pressed,
        said even when the same words were just said."""
        self._say(shown(text), assertive=False, keyed=keyed)

    def assertive(self, text: str) -> None:
        """Errors and questions: "Not sent: …"."""
        self._say(shown(text), assertive=True)

    def say(self, text: str, *, assertive: bool = False) -> None:
        """:meth:`assertive` or :meth:`polite`, as ``assertive`` says."""
        self._say(shown(text), assertive=assertive)

    def status(self, text: str) -> None:
        """The status bar showed ``text``: said politely at the end of this turn of the loop, unless the code that
        showed it has said it (or words holding it) by then or within :data:`REPEAT_AFTER` s."""
        if not self._status:
            QTimer.singleShot(0, self, self._say_status)
        self._status.append(shown(text))

    def _say_status(self) -> None:
        shown, self._status = self._status, []
        now = self._clock()
        recent = [w for w, t in self._last.items() if now - t < REPEAT_AFTER]
        for text in shown:
            words = plain(text)
            if words and not any(words in said for said in recent):
                self._say(words, assertive=False)
                recent.append(words)

    def _say(self, text: str, *, assertive: bool, keyed: bool = False) -> None:
        words = plain(shown(text))
        if not words:
            return
        now = self._clock()
        last = self._last.get(words)
        if last is not None and now - last < REPEAT_AFTER and not keyed:
            return
        self._last = {w: t for w, t in self._last.items() if now - t < REPEAT_AFTER}
        self._last[words] = now
        event = QAccessibleAnnouncementEvent(self._anchor, words)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
        self.said.emit(words, assertive)
