"""The one bridge from the Outbox's news (``Outbox.news.subscribe``, app/core/listeners.py) to Qt signals.

One :class:`OutboxSignals` follows the Outbox of the account in use (the journal bridge points it at each
new one) and re-emits its news as signals; views connect to the signals and never subscribe to the core
themselves, nor reassign its callbacks. Emitted on the thread that told the news (the event loop's, under
qasync: the UI thread), so connected slots run at once, in order.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class OutboxSignals(QObject):
    changed = Signal()  # something in the followed Outbox changed (many in one turn: many signals)
    saved = Signal(object)  # a draft reached the server (the Draft)
    finished = Signal(object)  # a submission's outcome is final (the Submission)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outbox = None
        self._unsubscribe = []

    def follow(self, outbox) -> None:
        """Re-emit ``outbox``'s news from now on (None: nobody's); the previous one's no more."""
        if outbox is self.outbox:
            return
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self.outbox, self._unsubscribe = outbox, []
        if outbox is not None:
            self._unsubscribe = [outbox.news.subscribe("changed", self.changed.emit),
                                 outbox.news.subscribe("saved", self.saved.emit),
                                 outbox.news.subscribe("finished", self.finished.emit)]
