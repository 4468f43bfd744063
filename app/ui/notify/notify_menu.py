"""View → Notifications: Off, "A message was sent" (the default: nothing of the message is shown) or the
subject and the recipient; kept in the settings. The three are actions of the window, so the command palette
lists them too."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app.core.outbox.notices import Show
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import translate

#: (choice, its words in the menu, what the status bar says once chosen): translated where shown, context "Notices"
CHOICES = (
    (Show.OFF, QT_TRANSLATE_NOOP("Notices", "&No notifications"), QT_TRANSLATE_NOOP("Notices", "Notifications: off")),
    (Show.NEUTRAL, QT_TRANSLATE_NOOP("Notices", "Only “A &message was sent”"),
     QT_TRANSLATE_NOOP("Notices", "Notifications: they say only that a message was sent")),
    (Show.DETAILS, QT_TRANSLATE_NOOP("Notices", "With its &subject and recipient"),
     QT_TRANSLATE_NOOP("Notices", "Notifications: they show the subject and the recipient")),
)


def add_notify_menu(parent, view_menu: QMenu, notifier, say: Callable[[str], None],
                    add_action: Callable[[QAction], None]) -> dict[Show, QAction]:
    """The Notifications submenu of ``view_menu``, checked as ``notifier`` shows now; the actions by choice."""
    menu = QMenu(translate("Notices", "&Notifications"), parent)
    menu.setObjectName("menuNotifications")
    menu.setToolTip(translate("Notices", "Desktop notifications of sends while Dispatch is in the background"))
    group = QActionGroup(menu)
    group.setExclusive(True)
    actions = {}
    for show, text, told in CHOICES:
        a = QAction(translate("Notices", text), parent)
        a.setObjectName(f"actNotify{show.value.title()}")
        a.setCheckable(True)
        a.setChecked(notifier.show() == show)
        a.triggered.connect(lambda _c=False, s=show, t=told: (notifier.choose(s), say(translate("Notices", t))))
        group.addAction(a)
        menu.addAction(a)
        add_action(a)
        actions[show] = a
    view_menu.addMenu(menu)
    return actions
