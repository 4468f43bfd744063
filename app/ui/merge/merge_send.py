"""The merge window sends as Compose's Send does: a merge of more than a few rows (or one that meets the
account's sending limits) asks first — decided by :func:`app.core.merge.send.go_ahead`, asked here through
:class:`SendGuard` (``send_merge``; "Send 12 messages?", non-modal; Enter — the default — and Esc do not
send) — and its sends are held in the undo-send window with one countdown in the merge window (Ctrl+Z or Undo
takes every row back). The rules are Qt-free in :mod:`app.core.merge.send`; this is their wiring."""

from __future__ import annotations

import asyncio
from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QMessageBox

from app.core.merge.send import confirm_question, limits_answer, limits_question, send_part_label
from app.domain import words
from app.ui.common.tr import counted, shown, translate
from app.ui.lists.batch_undo import BatchUndo


#: counted words: pyside6-lupdate makes an entry plural only when its count is a literal, so they are marked
#: once with 0 here and counted where shown
SEND_N = words.translate("MailMerge", "&Send %Ln message(s)", None, 0)
N_MESSAGES = words.translate("MailMerge", "%Ln message(s)", None, 0)


def _local_time(epoch: float) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)), "ddd HH:mm")


class SendGuard:
    """``dialog.guard``: the question (``confirm``) and the countdown (``batch``) of a merge window. ``news``: the
    core's events as signals (app.ui.common.core_events), following the run the window shows: its held sends are
    counted down here."""

    def __init__(self, dialog, page, layout, news):
        from app.ui.compose.send_timing import UndoSendBar

        self.dialog = dialog
        self.confirm: QMessageBox | None = None
        self.batch = BatchUndo(dialog.port, dialog.delay, page, layout, layout.count(), UndoSendBar, kept="Drafts")
        self._news = news
        news.merge_held.connect(self._held)

    def asking(self) -> bool:
        """The question is open (Ctrl+Return again does nothing meanwhile)."""
        return self.confirm is not None and self.confirm.isVisible()

    async def send_merge(self, rows: int, plan=None) -> bool:
        """"Send these messages?" (app.core.merge.send.go_ahead asks it): the limits' words first when ``plan``
        says something (app.core.sending.limits), non-modal; Enter and Esc do not send."""
        limits = shown(limits_question(plan, _local_time)) if plan is not None else ""
        question = " ".join(q for q in (limits, shown(confirm_question(rows))) if q)
        title = translate("MailMerge", "Send these messages?")
        box = QMessageBox(QMessageBox.Question, title, question, QMessageBox.NoButton, self.dialog)
        label = shown(send_part_label(plan)) if plan is not None and plan.later else \
            counted(SEND_N, rows)
        send = box.addButton(label, QMessageBox.AcceptRole)
        box.setDefaultButton(box.addButton(translate("MailMerge", "Don't send"), QMessageBox.RejectRole))
        box.setEscapeButton(box.defaultButton())
        box.setAccessibleName(title)
        answer = asyncio.get_running_loop().create_future()

        def answered(_r) -> None:
            self.dialog.activateWindow()  # the keyboard comes back to the merge
            if not answer.done():
                answer.set_result(box.clickedButton() is send)

        box.finished.connect(answered)
        self.confirm = box
        box.open()
        # the question is read as the box opens (an alert with the keyboard in it); once sent over a limit, the
        # plan as it now goes is said
        yes = await answer
        if yes and plan is not None and not plan.blind_ok:
            self.dialog.port.say(shown(limits_answer(plan, _local_time, True)), bar=False)
        return yes

    async def send_anyway(self, warnings) -> bool:  # asked of Compose's message only
        return False

    async def send_part(self, plan) -> bool:  # a merge's limits are said in its own question
        return False

    def on_the_way(self, busy: bool) -> None:
        return None

    def handed_over(self, handed) -> None:
        return None

    def hold_for(self, run):
        """What ``run.send`` asks as it hands its sends over: their undo-send hold (Compose's delay on the Outbox's
        clock; None: undo send is off)."""
        outbox, batch = run.outbox, self.batch
        return lambda: batch.hold(outbox)

    def _held(self, subs: list) -> None:
        """The run shown handed its sends over held (app.domain.events.MergeHeld): one countdown for all of them."""
        run = self._news.merge
        if run is not None:
            self.batch.held(subs, run.outbox, counted(N_MESSAGES, len(subs)))
