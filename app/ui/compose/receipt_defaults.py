"""File → Receipts for new messages: a read receipt and a delivery receipt, each asked for by every new message
(Ctrl+N, a reply, a ``mailto:`` link, Edit as new) when ticked; kept in the settings
(``Settings.receipt_defaults``). Compose's own check boxes still change them for one message, and a draft
reopened keeps its own. Scripts never take these (``dispatch-mail send --read-receipt``): a script says what it
wants. The two are actions of the window, so the command palette lists them too."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.port import ShellPort
from app.ui.common.tr import translate

#: (the draft's field, its words in the menu, what the status bar says when ticked, and when not)
CHOICES = (
    ("read_receipt", QT_TRANSLATE_NOOP("Receipts", "&Read receipt"),
     QT_TRANSLATE_NOOP("Receipts", "New messages ask for a read receipt"),
     QT_TRANSLATE_NOOP("Receipts", "New messages do not ask for a read receipt")),
    ("delivery_receipt", QT_TRANSLATE_NOOP("Receipts", "&Delivery receipt"),
     QT_TRANSLATE_NOOP("Receipts", "New messages ask for a delivery receipt"),
     QT_TRANSLATE_NOOP("Receipts", "New messages do not ask for a delivery receipt")),
)


class ReceiptDefaults:
    """The submenu (after Undo send delay in the File menu) and Compose's new messages following it."""

    def __init__(self, port: ShellPort, compose, file_menu: QMenu | None, after: QMenu | None = None):
        """``file_menu``: where the submenu goes, after ``after`` (Undo send delay) when it is there."""
        self.port, self.compose = port, compose
        self.menu = QMenu(translate("Receipts", "Receipts for ne&w messages"), port.dialog_parent)
        self.menu.setObjectName("menuReceiptDefaults")
        self.menu.setToolTip(translate("Receipts", "The receipts every new message asks for; Compose's check boxes "
                                                   "change them for one message"))
        self.actions: dict[str, QAction] = {}
        chosen = self.defaults()
        for name, text, on, off in CHOICES:
            a = QAction(translate("Receipts", text), port.dialog_parent)
            a.setObjectName(f"actNew{name.title().replace('_', '')}")
            a.setCheckable(True)
            a.setChecked(chosen[name])
            a.toggled.connect(lambda checked, n=name, on=on, off=off: self.choose(n, checked, on if checked else off))
            self.menu.addAction(a)
            port.add_action(a)
            self.actions[name] = a
        if file_menu is not None:
            acts = file_menu.actions()
            at = acts.index(after.menuAction()) + 1 if after is not None and after.menuAction() in acts else None
            if at is not None and at < len(acts):
                file_menu.insertMenu(acts[at], self.menu)
            else:
                file_menu.addMenu(self.menu)
        compose.new_message_fields = self.defaults
        if compose.untouched():  # the message on screen at start is a new one too
            compose.clear()

    def defaults(self) -> dict[str, bool]:
        settings = self.port.settings
        return settings.receipt_defaults() if settings is not None else {name: False for name, *_ in CHOICES}

    def choose(self, name: str, on: bool, told: str) -> None:
        settings = self.port.settings
        if settings is not None:
            settings.set_receipt_default(name, on)
        self.port.say(translate("Receipts", told), ms=5000)
