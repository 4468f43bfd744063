"""The status bar's words about one send handed to the Outbox, kept true while they show: "In the
Outbox (server busy — waiting 10 min)", and the banner repeating it, go once the server has refused the
message. Wiring only: what is said for which state is app.core.outbox.words.

``say`` shows the words (and tells a screen reader, through ``speak``) and follows the Outbox's changes (``CoreEvents.changed``) until the send's
outcome is final or another message took the bar's place (or the words timed out)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from app.core.outbox import words as outbox_words
from app.core.outbox.rows import send_view
from app.ui.common.quiet_status import show_quietly

# how long such words stay when nothing changes them
SHOW_MS = 10000


class OutboxNotice:
    def __init__(self, bar, news, speak=None, point=None):
        """``bar``: the window's status bar; ``news``: the Outbox's news (app.ui.common.core_events);
        ``speak(sub, words, moved_to)``: the words said to a screen reader as they change (app.ui.common.spoken);
        ``point(local_id)``: the words send the user to the Outbox for that message ("… (Ctrl+4); Enter there
        takes it back"): its row is the one Ctrl+4 lands on (app.ui.outbox.outbox_view.OutboxView.point_at)."""
        self.bar = bar
        self.speak = speak or (lambda _sub, _words, _moved_to: None)
        self.point = point or (lambda _local_id: None)
        self.news = news
        news.changed.connect(self._changed)
        self._outbox = self._local_id = None
        self._subject = ""
        self._on_bar = ""  # the bar's message as shown (shortened when it did not fit): ours while it is there
        self._state = None  # the send's state when its words were said (a countdown's minute is not a change)
        self._code_said = ""  # the error last said of the send (a new one is said, the same one again is not)
        self._moved_to = ""  # where the keyboard went by itself as the send was handed over: said with the first words

    def say(self, outbox, local_id: str, subject: str, moved_to: str = "") -> None:
        """Say where the send ``local_id`` stands now, and keep saying it as it moves on. ``moved_to``: where
        the keyboard went by itself meanwhile ("New message"), said with the first words."""
        self._outbox, self._local_id, self._subject = outbox, local_id, subject
        self._on_bar, self._moved_to, self._code_said = "", moved_to, ""
        self._check(first=True)

    def follows(self, local_id: str) -> bool:
        """Its words about the send ``local_id`` are on the bar now (and will say what becomes of it)."""
        return (self._outbox is not None and self._local_id == local_id
                and self.bar.currentMessage() == self._on_bar)

    def _changed(self) -> None:
        if self._outbox is not None and self._outbox is self.news.outbox:
            QTimer.singleShot(0, self.bar, self._check)  # after the change's turn: one look for a burst

    def _check(self, first: bool = False) -> None:
        outbox = self._outbox
        if outbox is None:
            return
        bar = self.bar
        if not first and bar.currentMessage() != self._on_bar:
            self._outbox = None  # replaced by another message, or timed out: not ours to change any more
            return
        sub = outbox.queue.subs.get(self._local_id)
        row = next((r for r in outbox.rows() if r.local_id == self._local_id), None)
        text = outbox_words.words_now(sub, row.text if row is not None else "", self._subject)
        state = None if sub is None else sub.state
        if first or state != self._state:
            self._state = state
            if text:
                if sub is None or not send_view(sub).sent:  # the words name the Outbox (Ctrl+4) and this message in it
                    self.point(self._local_id)
                show_quietly(bar, text, SHOW_MS)  # said below when worth saying: not each step on its way
                if self._worth_saying(sub, first):
                    self.speak(sub, text, self._moved_to if first else "")
            else:
                bar.clearMessage()
            self._on_bar = bar.currentMessage()
        if outbox_words.final(sub) or not text:
            self._outbox = None

    def _worth_saying(self, sub, first: bool) -> bool:
        """Said to a screen reader: where it stands when handed over, a new error while it waits (the server
        busy), and its outcome; not each step on its way ("saving before sending…", "sending…")."""
        code = getattr(sub, "code", "") or ""
        if first or outbox_words.final(sub) or (code and code != self._code_said):
            self._code_said = code
            return True
        return False
