"""Send selected over the account's sending limits asks BEFORE anything is sent, as the merge window does:
the words are the core planner's (:func:`app.core.merge.send.limits_question`), the box is
window-modal and opened with ``open()`` (never ``exec()``); Enter and Esc send nothing, Alt+S sends the part
that fits and keeps the rest in the Outbox. A screen reader reads the question as the box opens (a message box
is an alert that takes the keyboard: announcing it too would say it twice) and, once answered, hears the plan as
it now goes (polite). Wiring only."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QMessageBox

from app.core.merge.send import limits_answer, limits_question, send_part_label
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.dialog_return import return_focus
from app.ui.common.port import ShellPort
from app.ui.common.tr import shown, translate
from app.ui.common import spoken

TITLE = QT_TRANSLATE_NOOP("LimitsQuestion", "Send these drafts?")
# the box's objectName (tests and accessibility find it by it)
NAME = "sendLimitsQuestion"


async def ask_send_part(port: ShellPort, plan, when) -> bool:
    """Ask whether to send the part of ``plan`` that fits (True) or nothing (False: the default); ``port``: the
    shell's (app.ui.common.port)."""
    parent = port.dialog_parent
    title = translate("LimitsQuestion", TITLE)
    box = QMessageBox(QMessageBox.Question, title, shown(limits_question(plan, when)), QMessageBox.NoButton, parent)
    box.setObjectName(NAME)
    box.setAccessibleName(title)
    send = box.addButton(shown(send_part_label(plan)), QMessageBox.AcceptRole)
    box.setDefaultButton(box.addButton(translate("LimitsQuestion", "Don't send"), QMessageBox.RejectRole))
    box.setEscapeButton(box.defaultButton())
    return_focus(box, parent)  # the keyboard back in the list, on the rows it was on
    answer = asyncio.get_running_loop().create_future()
    box.finished.connect(lambda _r: answer.done() or answer.set_result(box.clickedButton() is send))
    box.open()  # window-modal: the window stays alive, its loop runs
    try:
        yes = await answer
    finally:
        box.deleteLater()
    spoken.polite(port, shown(limits_answer(plan, when, yes)))  # the plan as it now goes
    return yes
