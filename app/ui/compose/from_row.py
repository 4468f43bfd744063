"""Compose's From row: who the message is from, when the account may send from other mailboxes.

The row is shown only when there is a choice (the account lists mailboxes it sends as or on behalf of,
``AccountConfig.principals``) or when the message on screen is from another mailbox: a message is never
silently moved to another From. The account's own address comes first (``Draft.principal`` None), then each
mailbox by its :meth:`~app.domain.senders.Principal.label`. The server's refusal (Send As denied) is said
under the selector, as the recipient fields say theirs.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from app.domain.senders import Principal
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate


class FromRow(QWidget):
    """The selector (``combo``) and its error line; ``changed`` on a choice by the user or the program."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(translate("Compose", "From"))
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.error_label = PlainLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setAccessibleName(translate("Compose", "From error"))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        lay.addWidget(self.combo)
        lay.addWidget(self.error_label)
        self.setFocusProxy(self.combo)
        self.setAccessibleName(translate("Compose", "From field"))
        self._own = ""
        self._principals: list[Principal] = []
        self.label = None  # the row's label in Compose's grid: shown and hidden with it
        self.combo.currentIndexChanged.connect(self._picked)

    def set_account(self, own: str, principals: list[Principal]) -> None:
        """The account's address and the mailboxes it may send from; the choice on screen is kept."""
        chosen = self.principal()
        self._own, self._principals = own, list(principals)
        self._fill(chosen)

    def set_principal(self, principal: Principal | None) -> None:
        """Show ``principal`` (None: the account's own address) as chosen; one the account does not list is
        shown all the same, as the message says."""
        self._fill(principal)

    def principal(self) -> Principal | None:
        return self.combo.currentData()

    def has_choice(self) -> bool:
        """Is the row shown (the account has other mailboxes, or the message is from one)?"""
        return self.combo.count() > 1

    def show_error(self, text: str) -> None:
        """The server's word on this From (e.g. "not allowed to send as"), under the selector; '' clears."""
        text = shown(text)
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.combo.setAccessibleDescription(text)

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _fill(self, chosen: Principal | None) -> None:
        entries: list[Principal | None] = [None, *self._principals]
        at = next((i for i, p in enumerate(entries) if same(p, chosen)), None)
        if at is None:  # from a mailbox the account does not list (any more): shown, never changed
            entries.append(chosen)
            at = len(entries) - 1
        before = self.principal()
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for p in entries:
                self.combo.addItem((self._own or translate("Compose", "Your own address")) if p is None
                                   else shown(p.label()), p)
            self.combo.setCurrentIndex(at)
        finally:
            self.combo.blockSignals(False)
        for part in (self, self.label):
            if part is not None:
                part.setVisible(len(entries) > 1)
        if not same(self.principal(), before):
            self._picked()

    def _picked(self, *_a) -> None:
        self.show_error("")
        self.changed.emit()


def same(a: Principal | None, b: Principal | None) -> bool:
    """The same From: the same address (in any case) with the same right (the name is only shown)."""
    if a is None or b is None:
        return a is b
    return a.email.strip().lower() == b.email.strip().lower() and a.right == b.right
