"""The merge window sends as Compose's Send does: a merge of more than a few rows asks
first ("Send 12 messages?", non-modal; Enter — the default — and Esc do not send), and its sends are held in
the undo-send window with one countdown in the merge window (Ctrl+Z or Undo takes every row back). The rules
are Qt-free in :mod:`app.core.merge_send`; this is their wiring."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QMessageBox

from app.core.merge_send import confirm_question, limits_question, send_part_label
from app.ui.lists.batch_undo import BatchUndo


def _local_time(epoch: float) -> str:
    return datetime.fromtimestamp(epoch).strftime("%a %H:%M")


class SendGuard:
    """``dialog.guard``: the question (``confirm``) and the countdown (``batch``) of a merge window."""

    def __init__(self, dialog, page, layout):
        from app.ui.compose.send_timing import UndoSendBar

        self.dialog = dialog
        self.confirm: QMessageBox | None = None
        self.batch = BatchUndo(dialog.win, page, layout, layout.count(), UndoSendBar, kept="Drafts")

    def ask_first(self, rows: int, go, plan=None) -> bool:
        """Ask before a merge of ``rows`` rows (True: asked; ``go()`` runs if the user says Send). ``plan``: what
        the rows meet of the account's sending limits (app.core.send_limits), said first when it matters."""
        limits = limits_question(plan, _local_time) if plan is not None else ""
        question = " ".join(q for q in (limits, confirm_question(rows)) if q)
        if not question:
            return False
        if self.confirm is not None and self.confirm.isVisible():
            return True
        box = QMessageBox(QMessageBox.Question, "Send these messages?", question, QMessageBox.NoButton, self.dialog)
        label = send_part_label(plan) if plan is not None and plan.later else f"&Send {rows:,} messages"
        send = box.addButton(label, QMessageBox.AcceptRole)
        box.setDefaultButton(box.addButton("Don't send", QMessageBox.RejectRole))
        box.setEscapeButton(box.defaultButton())
        box.setAccessibleName("Send these messages?")
        box.finished.connect(lambda _r: self.dialog.activateWindow())  # the keyboard comes back to the merge
        box.finished.connect(lambda _r: box.clickedButton() is send and go())
        self.confirm = box
        box.open()
        return True

    def hold(self, run) -> None:
        """``run``'s sends are held in the undo-send window (Compose's delay), one countdown for all of them."""
        outbox, batch = run.outbox, self.batch
        run.hold_for = lambda: batch.hold(outbox)
        run.on_held = lambda subs: batch.held(subs, outbox, f"{len(subs):,} messages")
