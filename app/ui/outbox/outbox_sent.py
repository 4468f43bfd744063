"""Enter on a sent row of the Outbox: the Sent page with that message selected (found by its Message-ID).

The Sent list may still be loading (or reloading after the send): the message is selected as soon as a
loaded page has it, further pages are loaded to find it (up to MAX_PAGES), and when the list has finished
loading without it (a backend that files sends late, a copy kept where this account cannot list it) nothing is
left selected and the status bar says so: never another message selected in silence.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import shown, translate

# pages loaded beyond the first to find the message before saying it is not there
MAX_PAGES = 5
NOT_FOUND = QT_TRANSLATE_NOOP("OutboxView", "That message is not in the Sent list yet: its copy may still be on its way. "
             "Press F5 to reload the list, then look again.")


def row_with_message_id(model, internet_message_id: str) -> int:
    """The row of the loaded message with this Message-ID, or -1."""
    if not internet_message_id:
        return -1
    for i, s in enumerate(model.summaries()):
        if s.internet_message_id == internet_message_id:
            return i
    return -1


class _Finder(QObject):
    """Selects the message once the list has it; gone when it did, or when the list finished loading without it
    (then nothing is selected and ``say`` tells the user)."""

    def __init__(self, view, internet_message_id: str, say=None):
        super().__init__(view)
        self.view, self.mid, self.say = view, internet_message_id, say
        self.pages = 0
        m = view.model
        for sig in (m.rowsInserted, m.modelReset, m.loading_changed, m.page_loaded):
            sig.connect(self.look)

    def look(self, *_a) -> bool:
        m = self.view.model
        row = row_with_message_id(m, self.mid)
        if row >= 0:
            self.view.table.setCurrentIndex(m.index(row, 0))
            self.view.table.setFocus(Qt.OtherFocusReason)
            self.stop()
            return True
        if m.loading:
            return False
        if m.canFetchMore() and self.pages < MAX_PAGES:
            self.pages += 1
            m.fetchMore()
            return False
        self.view.table.clearSelection()
        self.view.table.setCurrentIndex(QModelIndex())
        if self.say is not None:
            self.say(translate("OutboxView", NOT_FOUND))
        self.stop()
        return True

    def stop(self) -> None:
        m = self.view.model
        for sig in (m.rowsInserted, m.modelReset, m.loading_changed, m.page_loaded):
            sig.disconnect(self.look)
        self.deleteLater()


def select_in_sent(view, internet_message_id: str, say=None) -> None:
    """Select the sent message in ``view`` (app.ui.lists.sent_view.SentView) now, or once the list has it;
    ``say(text)`` tells the user when the loaded list does not have it."""
    for old in view.findChildren(_Finder):  # the last Enter wins
        old.stop()
    _Finder(view, internet_message_id, say).look()


def wire_sent_rows(view, bridge) -> None:
    """The Outbox view's sent rows (and its notices) wired through ``bridge`` (JournalBridge: its port and the Sent
    view)."""
    port, sent = bridge.port, bridge.sent

    def open_in_sent(local_id: str) -> None:
        """Enter on a sent row: the Sent page, with that message selected once the list has it."""
        sub = bridge.outbox.queue.subs.get(local_id) if bridge.outbox is not None else None
        port.show_view("sent")
        if sub is not None:
            select_in_sent(sent, sub.draft.internet_message_id, lambda text: port.say(text, ms=10000))

    def forget(local_id: str) -> None:
        """Delete on a sent row: off this list (the message stays in Sent; nothing to ask)."""
        if bridge.outbox is not None and bridge.outbox.hand.forget(local_id):
            port.say(translate("OutboxView", "Removed from this list: the message is in Sent (Ctrl+3)"), ms=8000)

    view.open_sent_requested.connect(open_in_sent)
    view.forget_requested.connect(forget)
    view.notice.connect(lambda text: port.say(shown(text), ms=8000))
