"""First run and account set-up: the welcome page, the account dialog (Exchange Server over EWS with a
password, or Microsoft 365 with Microsoft sign-in: app/ui/accounts/m365_signin.py), the password prompt.

Dialogs are opened with ``open()`` (window-modal, non-blocking) and report through signals; nothing
here calls ``exec()``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLineEdit,
    QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from app.domain.account import AccountConfig, AuthType, Backend, signed_in_words
from app.domain.validation import check_ews_url, is_valid_address
from app.ui.common.field_label import field_label
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate

EWS_KIND, M365_KIND = "ews", "m365"


class AccountDialog(QDialog):
    """The account: Exchange Server (EWS: email, EWS URL, user name, password, auth type, TLS verification)
    or Microsoft 365 (sign in with Microsoft: the panel of app/ui/accounts/m365_signin.py)."""

    account_entered = Signal(object, str)  # AccountConfig, password ("" for Microsoft 365): test it, then connection_failed/accept
    sandbox_chosen = Signal()  # "Use the sandbox mailbox" instead
    sandbox_graph_chosen = Signal()  # the sandbox mailbox through Microsoft Graph

    def __init__(self, parent=None, account: AccountConfig | None = None, *, keyring_ok: bool = True,
                 kind: str | None = None, in_use: AccountConfig | None = None, announcer=None):
        super().__init__(parent)
        self.account = account
        self.announcer = announcer  # the window's voice to a screen reader (None: silent)
        self.setWindowTitle(translate("AccountDialog", "Account"))
        self.setAccessibleName(translate("AccountDialog", "Account"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 16)
        title = PlainLabel(translate("AccountDialog", "Connect your mailbox"), self)
        title.setObjectName("viewTitle")
        lay.addWidget(title)
        self.in_use = PlainLabel(in_use_text(in_use), self)  # what is in use now (the sandbox: not a blank form)
        self.in_use.setObjectName("viewSubtitle")
        self.in_use.setAccessibleName(translate("AccountDialog", "Account in use"))
        self.in_use.setWordWrap(True)
        self.in_use.setVisible(bool(self.in_use.text()))
        lay.addWidget(self.in_use)
        if in_use is not None and in_use.sandbox and in_use.backend == Backend.GRAPH and account is None:
            kind = kind or M365_KIND  # the sandbox through Graph: the Microsoft 365 page, as in use
        self.kind = QComboBox(self)
        self.kind.addItem(translate("AccountDialog", "Exchange Server (EWS)"), EWS_KIND)
        self.kind.addItem(translate("AccountDialog", "Microsoft 365 (sign in with Microsoft)"), M365_KIND)
        self.kind.setAccessibleName(translate("AccountDialog", "Account type"))
        kind_form = QFormLayout()
        kind_form.addRow(field_label(translate("AccountDialog", "&Account type"), self.kind), self.kind)
        lay.addLayout(kind_form)
        self.pages = QStackedWidget(self)
        ews_page = QWidget(self.pages)
        ews_lay = QVBoxLayout(ews_page)
        ews_lay.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(ews_page)
        lay.addWidget(self.pages)
        self.form = form = QFormLayout()  # E-mail … TLS (a test checks its rows stay apart)
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(translate("AccountDialog", "you@company.com"))
        self.url = QLineEdit(self)
        self.url.setPlaceholderText(translate("AccountDialog", "https://mail.company.com/EWS/Exchange.asmx"))
        self.username = QLineEdit(self)
        self.username.setPlaceholderText(translate("AccountDialog", "DOMAIN\\user or you@company.com"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.auth = QComboBox(self)  # Automatic first (the default): the server's offer
        self.auth.addItem(translate("AccountDialog", "Automatic (as the server offers)"),
                          AuthType.AUTOMATIC.value)
        self.auth.addItem("Basic", AuthType.BASIC.value)
        self.auth.addItem("NTLM", AuthType.NTLM.value)
        self.auth.addItem(translate("AccountDialog", "Kerberos (your ticket, no password)"), AuthType.KERBEROS.value)
        self.verify = QCheckBox(translate("AccountDialog", "Verify the server's TLS certificate"), self)
        self.verify.setChecked(True)
        for label, field in ((translate("AccountDialog", "E-mail"), self.email),
                             (translate("AccountDialog", "EWS URL"), self.url),
                             (translate("AccountDialog", "User name"), self.username),
                             (translate("AccountDialog", "Password"), self.password),
                             (translate("AccountDialog", "Authentication"), self.auth), ("", self.verify)):
            field.setAccessibleName(label or translate("AccountDialog", "Verify TLS certificate"))
            form.addRow(label, field)
        # how the account signed in last ("Signed in with Kerberos as alice@CONTOSO.COM"): what Automatic chose;
        # it goes as soon as the user changes what it was said of
        self.signed_in = PlainLabel(shown(signed_in_words(account)) if account is not None else "", self)
        self.signed_in.setObjectName("viewSubtitle")
        self.signed_in.setAccessibleName(translate("AccountDialog", "Last sign-in"))
        form.addRow("", self.signed_in)
        ews_lay.addLayout(form)
        from app.ui.accounts.find_server import FindServer

        self.find = FindServer(ews_page, announcer)  # Autodiscover: the EWS URL from the address and password
        self.find.button.clicked.connect(self._find_server)
        self.find.finished.connect(self._server_found)
        ews_lay.addWidget(self.find)
        note = translate("AccountDialog", "The password is stored in your system keyring.") if keyring_ok else \
            translate("AccountDialog", "No system keyring is available: the password is kept for this session "
                      "only and asked again next time.")
        self.note = PlainLabel(note, self)
        self.note.setObjectName("viewSubtitle")
        self.note.setWordWrap(True)
        ews_lay.addWidget(self.note)
        self.m365 = self._m365_page(account if account is not None and account.backend == Backend.GRAPH else None,
                                    keyring_ok)
        self.error = PlainLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setAccessibleName(translate("AccountDialog", "Account error"))
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(translate("AccountDialog", "Connect"))
        self.sandbox_button = self.buttons.addButton(translate("AccountDialog", "Use the sandbox mailbox"),
                                                     QDialogButtonBox.ResetRole)
        self.sandbox_button.setAccessibleName(translate("AccountDialog", "Use the built-in sandbox mailbox instead"))
        self.sandbox_button.clicked.connect(self._sandbox)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.email.textEdited.connect(self._email_edited)
        self.url.textEdited.connect(self._url_edited)
        self.url.textChanged.connect(self._update_default)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if account is not None and account.backend == Backend.GRAPH:
            kind = kind or M365_KIND
        elif account is not None:
            self.email.setText(account.email)
            self.url.setText(account.ews_url)
            self.username.setText(account.username)
            self.auth.setCurrentIndex(max(0, self.auth.findData(AuthType(account.auth_type).value)))
            self.verify.setChecked(account.verify_tls)
        if kind == M365_KIND:
            if account is not None and account.backend != Backend.GRAPH:
                self.m365.email.setText(account.email)  # the same address, now through Microsoft 365
                self.m365.keep_principals(account)  # and the mailboxes it sends from
            self.kind.setCurrentIndex(1)
        self.signed_in.setVisible(bool(self.signed_in.text()))
        for edit in (self.email, self.url, self.username):
            edit.textEdited.connect(self._sign_in_changed)
        self.auth.currentIndexChanged.connect(self._sign_in_changed)
        self._kind_changed()
        self._update_default()
        # the height the wrapped texts need at that width (a top-level's minimum ignores height-for-width)
        self.resize(560, max(0, self.layout().heightForWidth(560)))
        from app.ui.common.room_for_text import make_room

        make_room(self)  # and a message shown later (Find server's failure, a connection error) gets its lines

    def _m365_page(self, account, keyring_ok: bool):
        from app.ui.accounts.m365_signin import MicrosoftSignInPanel

        page = QWidget(self.pages)
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        panel = MicrosoftSignInPanel(page, account, keyring_ok=keyring_ok, announcer=self.announcer)
        v.addWidget(panel)
        self.sandbox_graph_button = QPushButton(
            translate("AccountDialog", "Try it with the sandbox mailbox (&Graph)"), page)
        self.sandbox_graph_button.setAccessibleName(
            translate("AccountDialog", "Use the built-in sandbox mailbox through Microsoft Graph"))
        self.sandbox_graph_button.clicked.connect(self._sandbox_graph)
        row = QHBoxLayout()
        row.addWidget(self.sandbox_graph_button)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        self.pages.addWidget(page)
        panel.signed_in.connect(lambda acc: self.account_entered.emit(acc, ""))
        return panel

    def is_m365(self) -> bool:
        return self.kind.currentData() == M365_KIND

    def _kind_changed(self, *_args) -> None:
        m365 = self.is_m365()
        self.pages.setCurrentIndex(1 if m365 else 0)
        self.buttons.button(QDialogButtonBox.Ok).setVisible(not m365)  # the panel's own buttons sign in
        self._update_default()
        self.error.hide()
        (self.m365.email if m365 else self.email).setFocus()

    def _sign_in_changed(self, *_args) -> None:
        """The last sign-in was of the account as it was: not of what the user is typing now."""
        self.signed_in.hide()
        self.signed_in.clear()

    def _email_edited(self, text: str) -> None:
        if not self.username.isModified():
            self.username.setText(text)

    def _url_edited(self, _text: str) -> None:
        self._mark_url("")  # being corrected: judged again at Connect

    def _update_default(self, *_args) -> None:
        """Return runs the page's primary action from any of its fields: on the EWS page
        it finds the server while the EWS URL is empty and connects once there is one; on the Microsoft 365
        page it signs in with the browser (without a default there, Return in the authority did nothing)."""
        ews = not self.is_m365()
        empty = not self.url.text().strip()
        self.buttons.button(QDialogButtonBox.Ok).setDefault(ews and not empty)
        self.find.button.setDefault(ews and empty)
        self.m365.browser_button.setDefault(not ews)

    def _find_server(self) -> None:
        """Find server (Alt+F): Autodiscover from the address and password, shown step by step."""
        if self.is_m365() or self.find.running():
            return
        probs = []
        if not is_valid_address(self.email.text().strip()):
            probs.append(translate("AccountDialog", "Enter a valid e-mail address."))
        if not self.password.text():
            probs.append(translate("AccountDialog", "Enter the password."))
        self.error.setText(" ".join(shown(p) for p in probs))
        self.error.setVisible(bool(probs))
        if probs:
            (self.password if self.email.text().strip() else self.email).setFocus()
            self._say(" ".join(shown(p) for p in probs), assertive=True)
            return
        email = self.email.text().strip()
        self.find.start(email, self.username.text().strip() or email, self.password.text())

    def _server_found(self, outcome) -> None:
        """Found: the URL is filled in and the account connects as with a typed one (after the user's choice
        when mailboxes to send from were found too). Exchange Online: the Microsoft 365 page for the address.
        Nothing: what was tried and what to type instead, the keyboard in the EWS URL field."""
        from app.ui.accounts.find_server import failure_text, found_words

        if outcome.exchange_online:
            self.kind.setCurrentIndex(self.kind.findData(M365_KIND))
            self.m365.email.setText(outcome.address)
            self._say(found_words(outcome))
            return
        if not outcome.found:
            failed = failure_text(outcome)
            self.error.setText(failed)
            self.error.setVisible(True)
            self.url.setFocus()  # the field to fix: the failure's advice is to type the EWS URL
            self._say(failed, assertive=True)
            return
        self._say(found_words(outcome))
        self.url.setText(outcome.ews_url)
        self._mark_url("")
        if self.find.also_send.isVisible():
            self.find.also_send.setFocus()  # the user chooses; Return connects (Connect is the default now)
            return
        self._accept()

    def url_problem(self) -> str:
        """Why the EWS URL cannot be used ('' if it can): https://, or http:// to this computer only
        (the password goes with every request; never in clear text over the network)."""
        return shown(check_ews_url(self.url.text().strip()) or "")

    def _mark_url(self, problem: str) -> None:
        """The URL field itself says it is wrong: red border (theme: [invalid="true"]) and, for screen
        readers, the reason as its description. The reason is shown in the error line below the form."""
        invalid = bool(problem)
        if self.url.property("invalid") != invalid:
            self.url.setProperty("invalid", invalid)
            self.url.style().unpolish(self.url)
            self.url.style().polish(self.url)
        self.url.setAccessibleDescription(shown(problem))

    def problems(self) -> list[str]:
        out = []
        if not is_valid_address(self.email.text().strip()):
            out.append(translate("AccountDialog", "Enter a valid e-mail address."))
        url_problem = self.url_problem()
        if url_problem:
            out.append(url_problem)
        if not self.username.text().strip():
            out.append(translate("AccountDialog", "Enter a user name."))
        if not self.password.text() and self.auth.currentData() != AuthType.KERBEROS.value:
            out.append(translate("AccountDialog", "Enter the password."))
        return out

    def _accept(self) -> None:
        probs = self.problems()
        self.error.setText(" ".join(shown(p) for p in probs))
        self.error.setVisible(bool(probs))
        url_problem = self.url_problem()
        self._mark_url(url_problem)
        if probs:
            if url_problem:
                self.url.setFocus()
            self._say(" ".join(shown(p) for p in probs), assertive=True)
            return
        acc = AccountConfig(
            email=self.email.text().strip(), ews_url=self.url.text().strip(), username=self.username.text().strip(),
            auth_type=AuthType(self.auth.currentData()), verify_tls=self.verify.isChecked(),
            principals=self._with_found(self._kept_principals(self.email.text().strip())),
        )
        password = self.password.text()
        self.set_testing(True)
        self.account_entered.emit(acc, password)  # the account in use changes only if this connects

    def _kept_principals(self, email: str) -> list:
        """The mailboxes the account sends from (File > Mailboxes you send from…) stay with it when its
        connection is entered again (a new password, another URL); another address starts with none."""
        acc = self.account
        same = acc is not None and acc.email.strip().lower() == email.lower()
        return list(acc.principals) if same else []

    def _with_found(self, principals: list) -> list:
        """The mailboxes Find server found, when the user ticked them, after those kept (no duplicates)."""
        have = {p.email.lower() for p in principals}
        return principals + [p for p in self.find.principals() if p.email.lower() not in have]

    def set_testing(self, on: bool) -> None:
        """While the new account's connection is tried, the form cannot be changed or sent again."""
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(not on)
        connecting = translate("AccountDialog", "Connecting…")
        self.buttons.button(QDialogButtonBox.Ok).setText(connecting if on else translate("AccountDialog", "Connect"))
        if on:
            self.error.hide()
            self._say(connecting)

    def connection_failed(self, text: str) -> None:
        """The account could not be used: say why at the form; the account in use stays as it was."""
        text = shown(text)  # the core's words, in the user's language
        if self.is_m365():
            self.m365.show_error(text)
            return
        self.set_testing(False)
        self.error.setText(text)
        self.error.setVisible(True)
        self.url.setFocus()
        self._say(text, assertive=True)

    def _say(self, text: str, *, assertive: bool = False) -> None:
        if self.announcer is not None:
            self.announcer.say(text, assertive=assertive)

    def connected(self) -> None:
        self.password.clear()
        self.accept()

    def _sandbox(self) -> None:
        self.password.clear()
        self.accept()
        self.sandbox_chosen.emit()

    def _sandbox_graph(self) -> None:
        self.m365.close_sign_in()
        self.password.clear()
        self.accept()
        self.sandbox_graph_chosen.emit()

    def done(self, result: int) -> None:
        self.find.cancel()  # so does a server search, its questions answered no
        self.m365.close_sign_in()  # a sign-in under way stops with the dialog
        super().done(result)


def in_use_text(account: AccountConfig | None) -> str:
    """The dialog's line about the account in use when it is the built-in sandbox (its form is left blank
    for the user's own mailbox: without this line it read as if nothing, or EWS with Basic, were in use)."""
    if account is None or not account.sandbox:
        return ""
    how = "Microsoft Graph" if account.backend == Backend.GRAPH else "EWS"
    return translate("AccountDialog", "In use now: the built-in sandbox mailbox, {address} ({how}). Fill in your "
                     "own mailbox below to switch to it, or Cancel to keep the sandbox.").format(
        address=account.email, how=how)


def show_non_modal(dialog: QDialog, reason_label, reason: str | None, focus) -> None:
    """Show a prompt (again) without blocking anything, not even its window; ``reason`` (None: unchanged)
    in ``reason_label``, the keyboard in ``focus``."""
    if reason is not None:
        reason = shown(reason)  # the core's words, in the user's language
        reason_label.setText(reason)
        reason_label.setVisible(bool(reason))
    dialog.setWindowModality(Qt.NonModal)
    dialog.adjustSize()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    focus.setFocus()


class PasswordPrompt(QDialog):
    """Asks for the password: when none is stored (no keyring), or when the server refused the one in use
    mid-session (``reason`` says why; the work waits meanwhile). :meth:`ask` shows it without blocking."""

    password_entered = Signal(str)

    def __init__(self, account: AccountConfig, parent=None, *, reason: str = ""):
        super().__init__(parent)
        self.setWindowTitle(translate("PasswordPrompt", "Password"))
        self.setAccessibleName(translate("PasswordPrompt", "Password prompt"))
        lay = QVBoxLayout(self)
        self.reason = PlainLabel(shown(reason), self)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(translate("PasswordPrompt", "Why the password is asked"))
        self.reason.setVisible(bool(reason))
        self.reason.setMinimumWidth(400)
        lay.addWidget(self.reason)
        self.label = PlainLabel(translate("PasswordPrompt", "&Password for {name}").format(
            name=account.username or account.email), self)
        lay.addWidget(self.label)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setAccessibleName(translate("PasswordPrompt", "Password"))
        self.label.setBuddy(self.password)
        lay.addWidget(self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setText(translate("PasswordPrompt", "&Sign in"))
        ok.setAccessibleName(translate("PasswordPrompt", "Sign in"))
        self.buttons.button(QDialogButtonBox.Cancel).setAccessibleName(translate("PasswordPrompt", "Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        from app.ui.common.room_for_text import make_room

        make_room(self)  # a long reason wrapped to many lines gets their height

    def ask(self, reason: str | None = None) -> None:
        """Show (again) without blocking anything: not even the window (the user may keep writing)."""
        show_non_modal(self, self.reason, reason, self.password)

    def _accept(self) -> None:
        if self.password.text():
            pw = self.password.text()
            self.password.clear()
            self.accept()
            self.password_entered.emit(pw)


class WelcomeView(QWidget):
    """Shown when no account is configured: try the sandbox, or connect Exchange."""

    sandbox_chosen = Signal()
    exchange_chosen = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("page")
        self.setAccessibleName(translate("Welcome", "Welcome"))
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 40, 24, 40)
        root.addStretch(1)
        title = PlainLabel(translate("Welcome", "Welcome to Dispatch"), self)
        title.setObjectName("viewTitle")
        title.setAlignment(Qt.AlignCenter)
        sub = PlainLabel(translate("Welcome", "Write, save and send mail through Microsoft Exchange — all from the "
                                   "keyboard."), self)
        sub.setObjectName("viewSubtitle")
        sub.setAlignment(Qt.AlignCenter)
        sub.setWordWrap(True)
        root.addWidget(title)
        root.addWidget(sub)
        root.addSpacing(24)
        cards = QHBoxLayout()
        cards.addStretch(1)
        self.sandbox_button = self._card(
            cards, translate("Welcome", "Try the sandbox mailbox"),
            translate("Welcome", "A built-in Exchange server on this computer. Sign in as Alice and send mail to "
                      "Bob — nothing leaves your machine."), translate("Welcome", "Use sandbox"), True)
        self.exchange_button = self._card(
            cards, translate("Welcome", "Connect your mailbox"),
            translate("Welcome", "Microsoft 365 (sign in with Microsoft) or your organisation's Exchange server "
                      "(EWS). Secrets go into the system keyring."), translate("Welcome", "Set up account…"), False)
        cards.addStretch(1)
        root.addLayout(cards)
        root.addStretch(2)
        self.sandbox_button.clicked.connect(self.sandbox_chosen)
        self.exchange_button.clicked.connect(self.exchange_chosen)
        self.setFocusProxy(self.sandbox_button)

    def _card(self, lay, title: str, text: str, button: str, primary: bool) -> QPushButton:
        card = QFrame(self)
        card.setObjectName("card")
        card.setMinimumWidth(200)  # half of a 1366 px screen still shows both cards
        card.setMaximumWidth(300)
        v = QVBoxLayout(card)
        v.setContentsMargins(20, 18, 20, 18)
        t = PlainLabel(title, card)
        t.setStyleSheet("font-size: 12pt; font-weight: bold;")
        t.setWordWrap(True)  # a longer title (another language) takes two lines, not the card's edge
        d = PlainLabel(text, card)
        d.setWordWrap(True)
        d.setObjectName("viewSubtitle")
        b = QPushButton(button, card)
        b.setAccessibleName(title)
        b.setAutoDefault(True)  # Enter/Return on the focused button activates it, like Space (not only in dialogs)
        if primary:
            b.setObjectName("primary")
        v.addWidget(t)
        v.addWidget(d, 1)
        v.addSpacing(8)
        v.addWidget(b)
        lay.addWidget(card)
        return b
