""""Sign in to Microsoft 365 again": the non-modal prompt a Graph account gets when its sign-in has lapsed
(the refresh token expired or was revoked, the password changed, an administrator signed the user out).

It shows the Microsoft 365 sign-in panel (browser or device code) for the account's own address; the
window keeps working meanwhile, and the Outbox waits for the sign-in (the submission core parks sends on
"auth"). Nothing here blocks the event loop or calls ``exec()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from app.domain.account import AccountConfig
from app.ui.accounts.account_dialog import show_non_modal
from app.ui.accounts.m365_signin import MicrosoftSignInPanel
from app.ui.common.dialog_return import return_focus
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate


class SignInPrompt(QDialog):
    signed_in_again = Signal(object)  # AccountConfig

    def __init__(self, account: AccountConfig, parent=None, *, reason: str = "", keyring_ok: bool = True,
                 announcer=None):
        super().__init__(parent)
        self.setWindowTitle(translate("SignInPrompt", "Sign in to Microsoft 365"))
        self.setAccessibleName(translate("SignInPrompt", "Microsoft 365 sign-in prompt"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 16)
        self.reason = PlainLabel(shown(reason), self)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(translate("SignInPrompt", "Why sign-in is asked"))
        self.reason.setMinimumWidth(460)
        self.reason.setVisible(bool(reason))
        lay.addWidget(self.reason)
        self.panel = MicrosoftSignInPanel(self, account, email_fixed=True, keyring_ok=keyring_ok, announcer=announcer)
        lay.addWidget(self.panel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.Close).setAutoDefault(False)
        self.panel.browser_button.setDefault(True)  # Return signs in, from any field
        self.panel.signed_in.connect(self._done)
        if parent is not None:
            return_focus(self, parent.window())  # closed or signed in: the keyboard back to the message being written
        from app.ui.common.room_for_text import make_room

        make_room(self)  # the reason's and the panel's wrapped messages get their lines

    def ask(self, reason: str | None = None) -> None:
        """Show (again) without blocking anything: the user may keep writing."""
        show_non_modal(self, self.reason, reason, self.panel.browser_button)

    def _done(self, acc) -> None:
        self.accept()
        self.signed_in_again.emit(acc)

    def done(self, result: int) -> None:
        self.panel.close_sign_in()
        super().done(result)
