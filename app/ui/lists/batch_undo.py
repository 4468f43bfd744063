"""The undo-send window for a batch (Send selected in Drafts, a mail merge): one countdown
for the whole batch, "Sending 3 drafts in 7 s — Ctrl+Z or Undo keeps them in Drafts / Send now", under the
Drafts list or in the merge dialog.

Wiring only. The batch is HELD in the Outbox exactly as a Compose send is (:mod:`app.core.outbox.holds`: the same
state, the same release time on the Outbox's injected clocks, journaled; a batch held when Dispatch dies is
never sent: :func:`app.core.outbox.restore.restore_work`). Undo takes back every send of the batch still held
(``Outbox.hand.cancel``: HELD --cancel--> cancelled); the drafts simply stay in Drafts.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QLocale, QObject, QTimer

from app.core.outbox import countdown_speech
from app.core.outbox import holds
from app.core.outbox.rows import send_view
from app.core.outbox import NotCancellable
from app.domain import words as marked
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.port import ShellPort
from app.ui.common.tr import counted, shown, translate
from app.ui.common import spoken
from app.ui.common.undo_key import UndoKey

log = logging.getLogger(__name__)

#: where a batch taken back stays, unless its owner says otherwise
DRAFTS = QT_TRANSLATE_NOOP("BatchUndo", "Drafts")
#: part of a batch taken back: "Not sent: 2 stay in Drafts" (English: "1 stays", "2 stay")
PART_STAYS = marked.translate("BatchUndo", "Not sent: %Ln stay(s) in {kept}", None, 0)


@dataclass
class _Batch:
    subs: list  # Submission
    outbox: object
    what: str  # "3 drafts"
    undone: set = field(default_factory=set)  # local ids taken back by Undo
    said: countdown_speech.Said = countdown_speech.Said()  # what a screen reader was told of its countdown


class BatchUndo(QObject):
    """One batch's countdown bar in ``host`` (a page or dialog): Compose's ``SendTiming.batch`` for Send
    selected (under the Drafts list), the merge dialog's own for a mail merge. Its owner asks it for the hold
    (:meth:`hold`) and hands it the held batch (:meth:`held`); :meth:`was_undone` tells which sends Undo took
    back. ``kept``: where the messages stay when taken back ("Drafts"); ``busy``: another undo of the host
    (a delete's) is pending, and Ctrl+Z is that one's."""

    def __init__(self, port: ShellPort, delay: Callable[[], float], host, layout, index: int, bar_class, *,
                 kept: str = DRAFTS, busy=None):
        """``port``: the shell's (what is said goes through it); ``delay()``: the undo-send delay, in seconds
        (Compose's: app.ui.compose.send_timing)."""
        super().__init__(host)
        # "Drafts" (the owner's English word, or Words) in the user's language
        self.port, self.delay, self.host, self.kept = port, delay, host, translate("BatchUndo", shown(kept))
        kept = self.kept
        self._busy = busy or (lambda: False)
        self.bar = bar_class(host)
        self.bar.setAccessibleName(translate("BatchUndo", "Undo send bar ({kept})").format(kept=kept))
        self.bar.undo_button.setAccessibleName(translate("BatchUndo", "Undo sending these messages"))
        self.bar.undo_button.setToolTip(translate("BatchUndo", "Keep them in {kept}, unsent (Ctrl+Z)").format(kept=kept))
        layout.insertWidget(index, self.bar)
        self.bar.undo_button.clicked.connect(self.undo)
        self.bar.now_button.clicked.connect(self.send_now)
        self._batch: _Batch | None = None
        self._undone: set[str] = set()
        # Ctrl+Z while the countdown shows (its page or dialog has the keyboard) takes the batch back, unless
        # the host's own undo (a delete in Drafts) is pending: that one is newer
        self.undo_key = UndoKey(host, lambda: self.bar.isVisible() and not self._busy(), self.undo)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)

    @classmethod
    def for_drafts(cls, port: ShellPort, delay: Callable[[], float], drafts, bar_class) -> "BatchUndo":
        """Send selected's: under the Drafts list (``drafts``), above the delete's own undo bar."""
        lay = drafts.layout()
        return cls(port, delay, drafts, lay, max(lay.count() - 1, 0), bar_class,
                   busy=lambda: drafts.undo_bar.active)

    def hold(self, outbox) -> holds.Hold | None:
        """The undo-send hold of a batch sent now (None: undo send is off): Compose's delay, on the
        Outbox's own (injected) wall clock."""
        return holds.undo_hold(self.delay(), outbox.parts.wall())

    def held(self, subs: list, outbox, what: str) -> None:
        """The batch is HELD: show its countdown until it is released or taken back."""
        self._batch = _Batch([s for s in subs if send_view(s).held], outbox, what)
        if not self.tick.isActive():
            self.tick.start()
        self.undo_key.watch()
        self._tick()

    def was_undone(self, sub) -> bool:
        return sub.local_id in self._undone

    def _still_held(self) -> list:
        b = self._batch
        if b is None:
            return []
        return [s for s in b.subs if send_view(s).held and b.outbox.queue.subs.get(s.local_id) is s]

    def _tick(self) -> None:
        held = self._still_held()
        if held:
            b = self._batch
            left = max(0, int(max(s.retry_at for s in held) - b.outbox.parts.clock() + 0.999))
            words = translate("BatchUndo", "Sending {what} in {left} s — Ctrl+Z or Undo keeps it in {kept}") \
                if len(b.subs) == 1 else \
                translate("BatchUndo", "Sending {what} in {left} s — Ctrl+Z or Undo keeps them in {kept}")
            self.bar.label.setText(words.format(what=shown(b.what), left=QLocale().toString(left), kept=self.kept))
            self.bar.label.setAccessibleDescription(self.bar.label.text())
            self.bar.show()
            what, b.said = countdown_speech.cue(left, b.said)  # its start and its last seconds, not every second
            if what is not None:
                spoken.countdown(self.port, self.bar.label.text())
            return
        self._batch = None
        self.bar.hide()
        self.tick.stop()
        self.undo_key.unwatch()

    def undo(self) -> None:
        """Take back every send of the batch still held: none of them goes out; they stay in Drafts."""
        held, b = self._still_held(), self._batch
        if not held:
            self._tick()
            return
        kept = 0
        for sub in held:
            try:
                b.outbox.hand.cancel(sub.local_id)  # decided now: it no longer goes out
            except NotCancellable:
                continue
            self._undone.add(sub.local_id)
            kept += 1
        self._tick()
        if kept == len(b.subs):  # all of it: "3 drafts stay in Drafts"
            words = translate("BatchUndo", "Not sent: {what} stays in {kept}") if kept == 1 else \
                translate("BatchUndo", "Not sent: {what} stay in {kept}")
        else:  # part of it: "2 stay in Drafts"
            words = counted(PART_STAYS, kept)
        spoken.show(self.port, words.format(what=shown(b.what), kept=self.kept), 8000)

    def send_now(self) -> None:
        b = self._batch
        for sub in self._still_held():
            b.outbox.hand.send_now(sub.local_id)
        QTimer.singleShot(50, self._tick)
