"""Microsoft 365 sign-in, as a panel: the account dialog's "Microsoft 365" page and the "sign in again"
prompt both show it.

Two ways, neither of which blocks the event loop or opens a modal dialog:

- **Sign in with the browser** (Enter): the system browser opens Microsoft's page (authorization code +
  PKCE, MSAL's flow); Dispatch listens on a loopback port for the answer. The panel says it is waiting and
  offers Cancel.
- **Use a code instead**: a device code and the address to enter it at, with a Copy button; for when the
  browser is on another device or the loopback port cannot be reached.

The sign-in itself runs in app/core/accounts/services.py (worker threads); this panel only starts it, awaits it
(a tracked task) and reports ``signed_in(AccountConfig)`` or shows why it failed. Tokens never pass
through here.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.domain.account import AccountConfig
from app.domain.m365 import (APP_ID_EXPLAINED, DEFAULT_AUTHORITY, DEFAULT_GRAPH_URL, OrgDefaults, check_graph_endpoint,
                             graph_account, graph_root_for_authority, registration_steps)
from app.domain.validation import check_authority_url, is_valid_address
from app.mail.errors import TlsFailed
from app.storage.settings import format_fingerprint, same_fingerprint
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate

log = logging.getLogger(__name__)

TRUST = QT_TRANSLATE_NOOP("MicrosoftSignIn", "&Trust this certificate")


def open_in_browser(url: str) -> bool:
    """The system browser (replaced in tests, where there is none: tests/ui/test_m365_signin.py)."""
    return QDesktopServices.openUrl(QUrl(url))


class MicrosoftSignInPanel(QWidget):
    """E-mail, application (client) id and tenant, two ways to sign in, and what is happening."""

    signed_in = Signal(object)  # AccountConfig (backend GRAPH), signed in
    state_changed = Signal(str)  # "idle", "browser", "device", "failed", "done"

    def __init__(self, parent=None, account: AccountConfig | None = None, *, email_fixed: bool = False,
                 keyring_ok: bool = True, defaults: OrgDefaults | None = None, announcer=None):
        super().__init__(parent)
        self.setAccessibleName(translate("MicrosoftSignIn", "Microsoft 365 sign-in"))
        self.announcer = announcer  # the window's (app.ui.common.announce.Announcer): each step said; None: silent
        self._task: asyncio.Task | None = None
        self._pending = None
        self._mode = "browser"
        self.state = "idle"
        self.fingerprint = ""  # the one the trust question asks about
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if not email_fixed:
            self._explain(lay)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.email = QLineEdit(self)
        self.email.setPlaceholderText(translate("MicrosoftSignIn", "you@company.com"))
        self.email.setReadOnly(email_fixed)
        self.client_id = QLineEdit(self)
        self.client_id.setPlaceholderText(
            translate("MicrosoftSignIn", "the application (client) ID your organisation registered"))
        self.authority = QLineEdit(self)
        self.authority.setPlaceholderText(DEFAULT_AUTHORITY)
        self.graph_url = QLineEdit(self)
        self.graph_url.setPlaceholderText(DEFAULT_GRAPH_URL)
        for label, field in ((translate("MicrosoftSignIn", "E-mail"), self.email),
                             (translate("MicrosoftSignIn", "Application ID"), self.client_id),
                             (translate("MicrosoftSignIn", "Sign-in authority"), self.authority)):
            field.setAccessibleName(label)
            form.addRow(label, field)
        self._form = form
        lay.addLayout(form)
        self.advanced = QToolButton(self)
        self.advanced.setText(translate("MicrosoftSignIn", "Ad&vanced"))
        self.advanced.setCheckable(True)
        self.advanced.setArrowType(Qt.RightArrow)
        self.advanced.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.advanced.setAccessibleName(translate("MicrosoftSignIn", "Advanced: the Microsoft Graph URL"))
        self.advanced.toggled.connect(self._show_advanced)
        form.addRow("", self.advanced)
        self.graph_url.setAccessibleName(translate("MicrosoftSignIn", "Graph URL"))
        form.addRow(translate("MicrosoftSignIn", "Graph URL"), self.graph_url)
        form.setRowVisible(self.graph_url, False)
        self.authority.textChanged.connect(self._derive_graph_url)
        self._extra: dict = {}
        self._principals: tuple[str, list] = ("", [])  # (the address they belong to, the mailboxes it sends from)
        self.defaults_error = PlainLabel(self)
        self.defaults_error.setObjectName("fieldError")
        self.defaults_error.setAccessibleName(translate("MicrosoftSignIn", "Organisation defaults error"))
        self.defaults_error.setWordWrap(True)
        self.defaults_error.hide()
        lay.addWidget(self.defaults_error)
        if account is not None:
            self.set_account(account)
        elif not email_fixed:
            self.apply_defaults(defaults if defaults is not None else _load_defaults())
        if email_fixed and self.client_id.text():  # signing in again: the account's settings stand
            form.setRowVisible(self.client_id, False)
            form.setRowVisible(self.authority, False)
            form.setRowVisible(self.advanced, False)
        note = (translate("MicrosoftSignIn", "Dispatch never sees your Microsoft password: you sign in on Microsoft's "
                          "page. The sign-in is kept in your system keyring.") if keyring_ok else
                translate("MicrosoftSignIn", "Dispatch never sees your Microsoft password. No system keyring is "
                          "available: you will sign in again next time."))
        self.note = PlainLabel(note, self)
        self.note.setObjectName("viewSubtitle")
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        row = QHBoxLayout()
        self.browser_button = QPushButton(translate("MicrosoftSignIn", "Sign in with the &browser"), self)
        self.browser_button.setObjectName("primary")
        self.browser_button.setAutoDefault(True)
        self.code_button = QPushButton(translate("MicrosoftSignIn", "Use a &code instead"), self)
        self.cancel_button = QPushButton(translate("MicrosoftSignIn", "Cancel sign-in"), self)
        self.cancel_button.hide()
        for b in (self.browser_button, self.code_button, self.cancel_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.status = PlainLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("MicrosoftSignIn", "Sign-in status"))
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.status.hide()
        lay.addWidget(self.status)
        code_row = QHBoxLayout()
        self.code = QLineEdit(self)
        self.code.setReadOnly(True)
        self.code.setAccessibleName(translate("MicrosoftSignIn", "Device code"))
        self.code.setStyleSheet("font-family: monospace; font-size: 14pt; font-weight: bold;")
        self.copy_button = QPushButton(translate("MicrosoftSignIn", "Co&py code"), self)
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy_button)
        lay.addLayout(code_row)
        self.code.hide()
        self.copy_button.hide()
        trust_row = QHBoxLayout()
        self.trust_button = QPushButton(translate("MicrosoftSignIn", TRUST), self)
        self.trust_button.setAccessibleName(translate("MicrosoftSignIn", "Trust the sign-in server's certificate"))
        trust_row.addWidget(self.trust_button)
        trust_row.addStretch(1)
        lay.addLayout(trust_row)
        self.trust_button.hide()
        self.trust_button.clicked.connect(self.trust)
        self.browser_button.clicked.connect(lambda: self.start("browser"))
        self.code_button.clicked.connect(lambda: self.start("device"))
        self.cancel_button.clicked.connect(self.cancel)
        self.copy_button.clicked.connect(self._copy)

    # ---- what the application ID is, up front ----
    def _explain(self, lay: QVBoxLayout) -> None:
        self.explained = PlainLabel(shown(APP_ID_EXPLAINED), self)
        self.explained.setObjectName("viewSubtitle")
        self.explained.setWordWrap(True)
        self.explained.setAccessibleName(translate("MicrosoftSignIn", "What the application ID is"))
        lay.addWidget(self.explained)
        row = QHBoxLayout()
        self.steps_button = QPushButton(translate("MicrosoftSignIn", "Copy the registration &steps"), self)
        self.steps_button.setAccessibleName(translate("MicrosoftSignIn", "Copy the registration steps for your "
                                                                         "administrator"))
        self.steps_button.setAutoDefault(False)
        self.steps_button.clicked.connect(self.copy_steps)
        row.addWidget(self.steps_button)
        row.addStretch(1)
        lay.addLayout(row)

    def copy_steps(self) -> None:
        QGuiApplication.clipboard().setText(shown(registration_steps()))
        self._show(self.state, translate("MicrosoftSignIn", "The registration steps are on the clipboard: send them "
                                                            "to your administrator."), assertive=False)

    # ---- the organisation's defaults ----
    def apply_defaults(self, defaults: OrgDefaults) -> None:
        """Fill in what an administrator deployed (app/storage/org_defaults.py); a bad file is said here
        and costs nothing else (the fields stay free to type in)."""
        self.defaults = defaults
        self.client_id.setText(defaults.client_id)
        self.authority.setText("" if defaults.authority == DEFAULT_AUTHORITY else defaults.authority)
        self.graph_url.setText(defaults.graph_url)
        if defaults.graph_url:
            self.advanced.setChecked(True)
        self.defaults_error.setText(" ".join(shown(p) for p in defaults.problems))
        self.defaults_error.setVisible(bool(defaults.problems))

    def _show_advanced(self, on: bool) -> None:
        self._form.setRowVisible(self.graph_url, on)
        self.advanced.setArrowType(Qt.DownArrow if on else Qt.RightArrow)

    def _derive_graph_url(self) -> None:
        """The Graph URL follows the authority's cloud (shown as the field's placeholder)."""
        root = graph_root_for_authority(self.authority.text().strip() or DEFAULT_AUTHORITY)
        self.graph_url.setPlaceholderText(f"{root}/v1.0" if root else DEFAULT_GRAPH_URL)

    # ---- the account ----
    def set_account(self, account: AccountConfig) -> None:
        from_extra = (account.extra or {}).get("graph_signin") or {}
        self.email.setText(account.email)
        self.client_id.setText(str(from_extra.get("client_id") or ""))
        authority = str(from_extra.get("authority") or "")
        self.authority.setText("" if authority == DEFAULT_AUTHORITY else authority)
        self._extra = dict(account.extra or {})
        self.graph_url.setText(str(self._extra.pop("graph_url", "") or ""))
        self.keep_principals(account)

    def keep_principals(self, account: AccountConfig) -> None:
        """The mailboxes ``account`` sends from go with the signed-in account when its address is the same."""
        self._principals = (account.email.strip().lower(), list(account.principals))

    def problems(self) -> list[str]:
        out = []
        if not is_valid_address(self.email.text().strip()):
            out.append(translate("MicrosoftSignIn", "Enter a valid e-mail address."))
        if not self.client_id.text().strip():
            out.append(translate("MicrosoftSignIn", "Enter the application (client) ID: your administrator registers "
                                 "Dispatch in Microsoft Entra once for your organisation (Copy the registration steps, "
                                 "{keys}, and send them).").format(keys=_steps_key()))
        authority = self.authority.text().strip()
        problem = check_authority_url(authority) if authority else None  # the one rule for secret-carrying URLs
        if problem:
            out.append(shown(problem))
        graph_url = self.graph_url.text().strip()
        problem = check_graph_endpoint(graph_url) if graph_url else None
        if problem:
            out.append(shown(problem))
        return out

    def account(self) -> AccountConfig:
        email = self.email.text().strip()
        owner, principals = self._principals
        return graph_account(email, self.client_id.text(), self.authority.text(), self.graph_url.text(),
                             extra=self._extra, principals=principals if email.lower() == owner else [])

    # ---- signing in ----
    def start(self, mode: str) -> None:
        probs = self.problems()
        if probs:
            self._show("failed", " ".join(shown(p) for p in probs))
            return
        if self._task is not None and not self._task.done():
            return
        self._mode = mode
        self._hide_trust()
        self._task = asyncio.ensure_future(self._sign_in(self.account(), mode))

    async def _sign_in(self, acc: AccountConfig, mode: str) -> None:
        from app.core.accounts import services as accounts
        from app.domain.explain import describe
        from app.mail.errors import MailError

        self._busy(True)
        self._show(mode, translate("MicrosoftSignIn", "Starting the sign-in…"))
        try:
            self._pending = pending = await accounts.begin_sign_in(acc, mode)
            if mode == "device":
                self.code.setText(pending.user_code)
                self.code.show()
                self.copy_button.show()
                self._show("device", translate("MicrosoftSignIn", "Go to {url} on any device and enter the code below. "
                                               "Dispatch carries on by itself once you have signed in there.").format(
                                                   url=pending.verification_uri),
                           said=translate("MicrosoftSignIn", "Go to {url} on any device and enter the code {code}. "
                                          "Dispatch carries on by itself once you have signed in there.").format(
                                              url=pending.verification_uri, code=pending.user_code))
            else:
                self._show("browser", translate("MicrosoftSignIn", "Finish signing in in your browser: Dispatch "
                                                "carries on by itself. If no browser opened, use a code instead."))
                if not open_in_browser(pending.url):
                    self._show("browser", translate("MicrosoftSignIn", "No browser could be opened. Use a code "
                                                    "instead."), assertive=True)
            who = await pending.wait()
        except MailError as exc:
            if isinstance(exc, TlsFailed) and self._ask_trust(acc, exc):
                return
            if not (self._pending is not None and self._pending.cancelled):
                self._show("failed", translate("MicrosoftSignIn", "Not signed in: {reason}").format(
                    reason=shown(describe(exc.code, exc.message))))
            else:
                self._show("idle", translate("MicrosoftSignIn", "Sign-in cancelled."))
            return
        except Exception as exc:  # noqa: BLE001 - a sign-in that breaks is said, never a crash
            log.warning("sign-in failed: %s", type(exc).__name__)
            self._show("failed", translate("MicrosoftSignIn", "Not signed in ({error}).").format(
                error=type(exc).__name__))
            return
        finally:
            self._pending = None
            self._busy(False)
            self.code.hide()
            self.copy_button.hide()
        self._show("done", translate("MicrosoftSignIn", "Signed in as {user}. Connecting…").format(user=who.username))
        self.signed_in.emit(acc)

    def cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()

    # ---- a sign-in server whose certificate the system does not trust (as EWS: security.py) ----
    def _ask_trust(self, acc: AccountConfig, exc: TlsFailed) -> bool:
        """Ask whether to trust exactly this certificate. False if there is nothing to ask about (the
        certificate could not be read, or it is the pinned one and failed otherwise)."""
        fp = format_fingerprint(exc.fingerprint)
        pinned = str(((acc.extra or {}).get("graph_signin") or {}).get("authority_pin_sha256") or "")
        if len(fp) != 95 or same_fingerprint(fp, pinned):
            return False
        from urllib.parse import urlsplit

        host = urlsplit(self.authority.text().strip() or DEFAULT_AUTHORITY).netloc
        self.fingerprint = fp
        question = (translate("MicrosoftSignIn", "The sign-in server's certificate has changed and is not trusted "
                                                 "({host}).") if pinned else
                    translate("MicrosoftSignIn", "The sign-in server's certificate is not trusted ({host}).")).format(
            host=host)
        advice = translate("MicrosoftSignIn", "Trust it only if this fingerprint is the one your administrator gave "
                                              "you.")
        self._show("trust", f"{question}\nSHA-256: {fp[:48]}\n         {fp[48:]}\n{advice}")
        self.trust_button.show()
        self.trust_button.setFocus()
        return True

    def trust(self) -> None:
        """Pin exactly the certificate asked about (for this account's sign-in; verification stays on) and
        sign in again the same way."""
        if not self.fingerprint:
            return
        signin = dict(self._extra.get("graph_signin") or {})
        signin["authority_pin_sha256"] = self.fingerprint
        self._extra = {**self._extra, "graph_signin": signin}
        self._hide_trust()
        self.start(self._mode)

    def _hide_trust(self) -> None:
        self.fingerprint = ""
        self.trust_button.hide()

    def close_sign_in(self) -> None:
        """The dialog holding the panel closes: a sign-in under way stops (its listener closes)."""
        self.cancel()

    def show_error(self, text: str) -> None:
        self._show("failed", shown(text))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        copied = translate("MicrosoftSignIn", " (code copied)")
        self._show(self.state, self.status.text().split(copied)[0] + copied,
                   said=translate("MicrosoftSignIn", "Code copied"), assertive=False)

    def _busy(self, on: bool) -> None:
        self.browser_button.setEnabled(not on)
        self.code_button.setEnabled(not on)
        self.cancel_button.setVisible(on)
        self.email.setEnabled(not on)
        self.client_id.setEnabled(not on)
        self.authority.setEnabled(not on)
        self.graph_url.setEnabled(not on)
        if on:
            self.cancel_button.setFocus()

    def _show(self, state: str, text: str, *, said: str | None = None, assertive: bool | None = None) -> None:
        """Show ``text`` and say it (``said``: other words for a reader, e.g. with the device code in them):
        assertive for a failure or a question (the certificate to trust), polite for a step."""
        self.state = state
        error = state in ("failed", "trust")
        self.status.setObjectName("fieldError" if error else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.state_changed.emit(state)
        if self.announcer is not None:
            loud = error if assertive is None else assertive
            self.announcer.say(said if said is not None else text, assertive=loud)

    def wait_task(self) -> asyncio.Task | None:
        return self._task


def _steps_key() -> str:
    """The Alt key of "Copy the registration steps" in the user's language, as the keyboard names it ("Alt+S")."""
    from PySide6.QtGui import QKeySequence

    label = translate("MicrosoftSignIn", "Copy the registration &steps")
    return QKeySequence.mnemonic(label).toString(QKeySequence.NativeText)


def _load_defaults() -> OrgDefaults:
    from app.storage import org_defaults

    return org_defaults.load()
