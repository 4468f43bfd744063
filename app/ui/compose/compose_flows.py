"""Compose's own questions and second chances: "Send anyway?" before a send, and Discard with Undo.

Wiring only. When to ask is decided by :mod:`app.core.sending.request` (what is worth asking about by
:func:`app.domain.send_checks.send_warnings`), which asks through :class:`ComposeQuestions`;
what a discard removes (the journal entry, a queued save, the server's draft) by the account's queue
and session. Neither blocks: the question is a window-modal box opened with ``open()`` (never
``exec()``), the discard is undone from a bar in Compose (Ctrl+Z, the one undo key, or Alt+U) until it expires.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMessageBox, QPushButton

from app.domain import words
from app.domain.models import Draft
from app.domain.send_checks import SendWarning
from app.ui.common.port import Flows, Level, ShellPort
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate
from app.ui.common.undo_key import UndoKey

log = logging.getLogger(__name__)

UNDO_DISCARD_MS = 8000
#: Compose's state while its message is on its way
SENDING = words.translate("Compose", "Sending…")


def ask_send_anyway(parent, warnings: list[SendWarning], on_send: Callable[[], None],
                    on_back: Callable[[], None]) -> QMessageBox:
    """Ask before sending: "Send anyway" or "Go back" (the default: Enter and Esc go back; Alt+S or
    Tab then Enter sends). Opened with ``open()``; the answer arrives through the callbacks."""
    text = translate("Compose", "{warnings}\n\nSend it anyway?").format(
        warnings="\n".join(shown(x.message) for x in warnings))
    codes = [x.code for x in warnings]
    title = translate("Compose", "Send without a subject?") if codes == ["no_subject"] else (
        translate("Compose", "Send without an attachment?") if codes == ["attachment_missing"] else
        translate("Compose", "Send anyway?"))
    box = QMessageBox(QMessageBox.Question, title, "", QMessageBox.NoButton, parent)
    box.setTextFormat(Qt.PlainText)  # it quotes the user's own words: data, never markup
    box.setText(text)
    box.setObjectName("sendQuestion")
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    send = box.addButton(translate("Compose", "&Send anyway"), QMessageBox.AcceptRole)
    send.setAccessibleName(send.text().replace("&", ""))
    back = box.addButton(translate("Compose", "&Go back"), QMessageBox.RejectRole)
    back.setAccessibleName(back.text().replace("&", ""))
    box.setDefaultButton(back)
    box.setEscapeButton(back)

    def done(_result) -> None:
        if box.clickedButton() is send:
            on_send()
        else:
            on_back()

    box.finished.connect(done)
    box.open()
    back.setFocus(Qt.OtherFocusReason)
    return box


def _asked_about(c, warnings: list[SendWarning]):
    """The field Go back returns to: Subject, the recipient field holding a domain that does not exist, or the body."""
    codes = [x.code for x in warnings]
    if "no_subject" in codes:
        return c.subject
    for x in warnings:
        if x.code == "domain_missing":
            for field in (c.to, c.cc, c.bcc):
                if any(r.email.lower().endswith("@" + x.word) for r in field.recipients()):
                    return field.edit
    return c.body


class ComposeQuestions:
    """What app.core.sending.request asks about Compose's message, answered with the window's boxes
    (:class:`app.core.sending.request.SendQuestions`). The open box is ``flows.send_question`` while it shows."""

    def __init__(self, flows: Flows, port: ShellPort, compose):
        self.flows, self.port, self.compose = flows, port, compose
        self.label = compose.state()  # Compose's state before "Sending…", put back if it is not sent

    async def send_anyway(self, warnings: list[SendWarning]) -> bool:
        """"Send anyway?" (no subject, an attachment mentioned but missing, a domain that does not exist); Go back
        focuses that field."""
        flows, port, c = self.flows, self.port, self.compose
        answer = asyncio.get_running_loop().create_future()

        def answered(yes: bool) -> None:
            flows.send_question = None
            port.activate()  # the keyboard back to the window (its focus moves to To once sent)
            if not yes:
                _asked_about(c, warnings).setFocus(Qt.OtherFocusReason)
            if not answer.done():
                answer.set_result(yes)

        flows.send_question = ask_send_anyway(port.dialog_parent, warnings, lambda: answered(True), lambda: answered(False))
        return await answer

    async def send_part(self, plan) -> bool:  # Compose's one message meets no batch limit plan
        return False

    def on_the_way(self, busy: bool) -> None:
        port, c = self.port, self.compose
        if busy:
            self.label = c.state()
            c.set_busy(True, SENDING)
            port.busy_push(shown(SENDING))
        else:
            c.set_busy(False)
            port.busy_pop()

    def handed_over(self, handed) -> None:
        return None


class DiscardBar(QFrame):
    """"Message discarded — Undo" under the composer, for a few seconds."""

    undo = Signal()
    expired = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setAccessibleName(translate("Compose", "Discard undo bar"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 6, 8, 6)
        self.label = PlainLabel(self)
        self.label.setAccessibleName(translate("Compose", "Discard notice"))
        self.button = QPushButton(translate("Compose", "&Undo"), self)
        self.button.setAccessibleName(translate("Compose", "Undo discard"))
        self.button.setToolTip(translate("Compose", "Bring the message back (Ctrl+Z)"))
        self.button.setFocusPolicy(Qt.TabFocus)
        self.button.clicked.connect(self.take_back)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expire)
        self.hide()

    def start(self, text: str, ms: int | None = None) -> None:
        self.label.setText(text)
        self.show()
        self.timer.start(ms or UNDO_DISCARD_MS)

    @property
    def pending(self) -> bool:
        return self.timer.isActive()

    def take_back(self) -> None:
        """Undo the discard (the button, Ctrl+Z)."""
        if not self.timer.isActive():
            return
        self.timer.stop()
        self.hide()
        self.undo.emit()

    def _expire(self) -> None:
        self.timer.stop()
        self.hide()
        self.expired.emit()

    def flush(self) -> None:
        """Make a pending discard final now (another discard, closing the window)."""
        if self.timer.isActive():
            self._expire()


class ComposeDiscard(QObject):
    """Ctrl+Shift+D in Compose: the message leaves the screen at once; Undo (Ctrl+Z or Alt+U) brings it back
    exactly (fields, attachments, its server draft and its place in the journal). When the bar expires
    the discard becomes final: the local copy and any queued save are dropped and its server draft is
    deleted."""

    def __init__(self, port: ShellPort, flows: Flows, compose, drafts_model, *, new_signature: Callable[[], None],
                 journal_bridge: Callable[[], object]):
        super().__init__(port.dialog_parent)
        self.port, self.flows, self.compose, self.drafts_model = port, flows, compose, drafts_model
        self.new_signature = new_signature  # a new message's default signature (as after Ctrl+N)
        self.journal_bridge = journal_bridge  # the account's journal bridge (None until built)
        c = compose
        self.bar = DiscardBar(c)
        lay = c.layout()
        lay.insertWidget(max(lay.count() - 1, 0), self.bar)  # above the Attach / Save / Send row
        self.bar.undo.connect(self._undo)
        self.bar.expired.connect(self._commit)
        # Ctrl+Z while the bar shows, unless the focused field has typing of its own to undo
        self.undo_key = UndoKey(port.dialog_parent, lambda: self.bar.pending and self.bar.isVisible(), self.bar.take_back)
        for sig in (self.bar.undo, self.bar.expired):
            sig.connect(self.undo_key.unwatch)
        self._snapshot: tuple[Draft, bool, str, object] | None = None  # (message, unsaved, state, session)
        port.watch_close(self)  # closing the window makes a pending discard final

    @property
    def pending(self) -> bool:
        return self.bar.pending

    def discard(self) -> None:
        port, c = self.port, self.compose
        if port.session is None:
            return
        port.show_view("compose")
        draft = c.draft()
        if c.is_empty() and c.identity().ref is None:
            port.say(translate("Compose", "Nothing to discard"), ms=4000)
            return
        self.bar.flush()  # an earlier discard becomes final first
        self._snapshot = (draft, c.dirty, c.state(), port.session)
        c.clear()  # flushes autosave first (about_to_load): the journal holds the last keystroke
        self.new_signature()  # a new message, as after Ctrl+N: the account's default signature
        c.to.setFocus(Qt.OtherFocusReason)
        subject = draft.subject.strip()
        self.bar.start(translate("Compose", "Message discarded (it is deleted from Drafts when this bar goes) — Ctrl+Z "
                                            "to undo") if draft.ref else
                       translate("Compose", "Message discarded — Ctrl+Z to undo"))
        self.undo_key.watch()
        port.say(translate("Compose", "Discarded: {subject}").format(
            subject=subject or translate("Compose", "(no subject)")), ms=4000)

    def _undo(self) -> None:
        snap, self._snapshot = self._snapshot, None
        if snap is None:
            return
        draft, dirty, state, session = snap
        c, port = self.compose, self.port
        if session is not port.session:  # signed in as someone else meanwhile: it is not theirs
            self._snapshot = snap
            self._commit()
            port.say(translate("Compose", "That message was written under another account"), ms=6000)
            return
        if c.dirty:  # something new was typed meanwhile: it goes to Drafts, not lost
            self.flows.stash_current()
        c.load(draft)
        if dirty:
            c.edits += 1  # still unsaved, as it was: the next save or autosave takes it
        c.show_state(state)
        port.show_view("compose")
        c.to.setFocus(Qt.OtherFocusReason)
        port.say(translate("Compose", "The message is back"), ms=4000)

    def _commit(self) -> None:
        snap, self._snapshot = self._snapshot, None
        if snap is None:
            return
        draft, session = snap[0], snap[3]
        port = self.port
        if self.compose.identity().local_id == draft.local_id:
            return  # it is on screen again (reopened): nothing to throw away
        bridge = self.journal_bridge()
        if bridge is not None:
            bridge.autosave.forget(draft.local_id)
        if session is not port.session or session is None:  # another account now: its copy stays on its server
            if bridge is not None:
                bridge.journal.discard(draft.local_id)
            return
        outbox = self.flows.outbox()
        ref = draft.ref
        if outbox is not None:
            known = outbox.queue.known.get(draft.local_id)
            ref = ref or (known[0] if known else None)
            try:
                outbox.hand.delete(draft.local_id)  # a queued save and the journal entry
            except Exception:  # noqa: BLE001 - NotCancellable: it is on the wire; it stays in Drafts
                log.info("a discarded message was being saved; it stays in Drafts")
                port.say(translate("Compose", "The discarded message was being saved: it stays in Drafts"), ms=8000)
        elif bridge is not None:
            bridge.journal.discard(draft.local_id)
        if ref is not None and port.session is not None:
            self.flows.spawn(self._delete(port.session, ref), keep_on_close=True)  # not cancelled half-way

    async def _delete(self, session, ref) -> None:
        try:
            outcomes = await session.delete_items([ref])
        except Exception as exc:  # noqa: BLE001 - MailError: say so; the draft stays in Drafts
            if session is self.port.session:
                self.port.say(translate("Compose", "The discarded message is still in Drafts: {reason}").format(
                    reason=shown(self.flows.explain_exc(exc))), Level.ERROR)
            return
        if session is self.port.session:
            bad = [o for o in outcomes if not o.ok and o.code != "ErrorItemNotFound"]
            if bad:
                self.port.say(translate("Compose", "The discarded message is still in Drafts: {reason}").format(
                    reason=shown(bad[0].explanation or bad[0].code)), Level.ERROR)
            self.drafts_model.reload()

    def eventFilter(self, obj, event):  # noqa: N802 - installed on the window only (port.watch_close)
        if event.type() == QEvent.Close and self.bar.pending and not _closing_refused(self.port):
            self.bar.flush()
        return False


def _closing_refused(port: ShellPort) -> bool:
    """The close will be refused (sends in progress ask first): keep the undo open meanwhile."""
    try:
        return port.asks_before_closing()
    except Exception:  # noqa: BLE001
        return False
