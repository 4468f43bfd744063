"""File → Make Dispatch the default mail program (app/storage/mail_default.py), where the desktop allows: shown only
where ``xdg-mime`` is installed; checked, and not offered again, once Dispatch is the default (asked again each time
the File menu opens). Asked and made off the window's thread (``xdg-mime`` is a process)."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtGui import QAction

from app.storage import mail_default
from app.ui.common.port import Level
from app.ui.common.tr import translate

log = logging.getLogger(__name__)


class DefaultMailAction:
    """The action and what it does; ``spawn`` runs a coroutine as the window's tasks (the window's flows)."""

    def __init__(self, port, spawn, file_menu):
        """``file_menu``: where it is shown (it asks the desktop again each time the menu opens)."""
        self.port, self.spawn = port, spawn
        self.action = QAction(translate("DefaultMail", "Ma&ke Dispatch the default mail program"), port.dialog_parent)
        self.action.setObjectName("actDefaultMail")
        self.action.setCheckable(True)
        self.action.setVisible(mail_default.available())
        self.action.triggered.connect(lambda _checked=False: self.spawn(self.make()))
        port.add_action(self.action)  # the command palette lists it
        if file_menu is not None and self.action.isVisible():  # another program may have been made the default
            file_menu.aboutToShow.connect(lambda: self.spawn(self.refresh()))

    async def refresh(self) -> None:
        self._show(await asyncio.to_thread(mail_default.is_default))

    async def make(self) -> None:
        why = await asyncio.to_thread(mail_default.make_default)
        if why:
            log.warning("could not make Dispatch the default mail program: %s", why)
            self.port.say(translate("DefaultMail", "The desktop did not make Dispatch its mail program ({why})")
                          .format(why=why), Level.ERROR)
            self._show(False)
            return
        self._show(True)
        self.port.say(translate("DefaultMail", "Dispatch is now the desktop's mail program: mailto: links open "
                                               "here"), ms=8000)

    def _show(self, default: bool) -> None:
        self.action.setChecked(default)
        self.action.setEnabled(not default)
        self.action.setText(translate("DefaultMail", "Dispatch is the default mail program") if default else
                            translate("DefaultMail", "Ma&ke Dispatch the default mail program"))
