"""The window's answers to "the server's certificate is not trusted" and "sign in again" (HTTP 401).

Both are non-modal: the window keeps working while they are open.

- TLS: a certificate that does not verify (or does not match the one pinned) shows a banner naming its
  SHA-256 fingerprint with "Trust this certificate" (Alt+T) / "Cancel". Trusting pins exactly that
  certificate for this account (``AccountConfig.pinned_cert_sha256``, saved per account in
  :class:`~app.storage.settings.Settings`); verification stays on; the backend is built again and
  reconnects. A later, different certificate fails the pin and asks again with its own fingerprint:
  nothing is ever accepted silently, and verification is never switched off from here.
- 401: the password prompt opens (``PasswordPrompt.ask``, never ``exec()``); the new password goes to
  the system keyring (no keyring: memory, this session only; never a file or a log), the backend is
  built again with it and reconnects. Work waiting for sign-in (the Outbox) resumes on "connected".
  A Microsoft 365 account has no password: it gets the "sign in again" prompt (app/ui/accounts/signin_prompt.py),
  and reconnects once signed in. An EWS account that Exchange Online no longer serves over EWS (the
  2026 retirement: HTTP 403 with ``X-EWS-Policy-Reason``) is told so and offered Microsoft 365 sign-in
  for the same address instead of a password prompt.
"""

from __future__ import annotations

import logging
from html import escape
from urllib.parse import urlsplit

from app.core.accounts.session import account_service_factory
from app.domain.explain import sign_in_message as sign_in_text
from app.mail.errors import (AuthFailed, ExtendedProtectionMismatch, NoKerberosTicket, TlsFailed, WrongAuthMethod,
                             is_ews_blocked, needs_sign_in)
from app.storage import secrets
from app.storage.settings import format_fingerprint, same_fingerprint
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.tr import shown, translate
from app.ui.common.port import Level, ShellPort

log = logging.getLogger(__name__)

TRUST = QT_TRANSLATE_NOOP("Security", "&Trust this certificate")


class Security:
    def __init__(self, port: ShellPort, banner):
        """``port``: the shell's (app.ui.common.port); ``banner``: the window's banner, where a certificate to trust
        or a sign-in is offered."""
        self.port = port
        self.banner = banner
        self.prompt = None
        self._prompt_session = None
        self._tries = 0
        self.fingerprint = ""  # the one the banner asks about
        port.session_event.connect(self._on_session_event)

    # ---- session events (connect, and every later call) ----
    def _on_session_event(self, session, payload) -> None:
        if session is not self.port.session:
            return
        state, err = payload
        state = getattr(state, "value", state)
        if self._prompt_session is not None and self._prompt_session is not session:  # another account now
            if self.prompt is not None:
                self.prompt.close()
            self._prompt_session = self.prompt = None
        if state == "connected":
            self._tries = 0
            if self.prompt is not None and self.prompt.isVisible():
                self.prompt.close()
                self.port.say(translate("Security", "Signed in again"), ms=5000)
        elif isinstance(err, TlsFailed):
            self.certificate_refused(session, err)
        elif isinstance(err, AuthFailed) or state == "auth_failed":
            self.ask_password(session)

    # ---- TLS ----
    def apply_stored_pin(self, session) -> None:
        """Before connecting: the certificate this account's user trusted earlier (settings)."""
        settings = self.port.settings
        if settings is None:
            return
        pin = settings.pinned_certificate(session.account)
        if pin and not same_fingerprint(pin, session.account.pinned_cert_sha256):
            session.account.pinned_cert_sha256 = pin
            session.client.reset()  # the backend reads the account when it is built

    def certificate_refused(self, session, exc: TlsFailed) -> bool:
        """Ask whether to trust the certificate. False if there is nothing to trust (no fingerprint). For a
        Microsoft 365 account the certificate is its sign-in authority's (only the sign-in names one)."""
        fp = format_fingerprint(exc.fingerprint)
        pinned = _pin_of(session.account)
        if len(fp) != 95 or same_fingerprint(fp, pinned):
            return False  # the certificate could not be read, or the pinned one failed otherwise
        host = urlsplit(_tls_url(session.account)).netloc or translate("Security", "the server")
        headline = translate("Security", HEADLINES[(session.account.backend.value == "graph", bool(pinned))])
        advice = translate("Security", "Trust it only if this fingerprint is the one your administrator gave you "
                                       "(for {address} only).")
        text = (f"{headline} ({host}).\nSHA-256: {fp}\n{advice.format(address=session.account.email)}")
        # four rows of eight bytes (23 characters each): a row never breaks inside, and four fit the banner's room
        # beside its buttons at the window's default width, where two rows of 47 were cut off
        # (tests/ui/test_tls_and_reauth.py)
        rows = "<br>".join(fp[i:i + 24].rstrip(":") for i in range(0, len(fp), 24))
        html = (f"<b>{escape(headline)}</b> ({escape(host)}).<br>SHA-256:<br><tt>{rows}</tt><br>"
                f"{escape(advice.format(address=session.account.email))}")
        self.fingerprint = fp
        if self.banner.choice_pending and self.banner.text() == text:
            return True
        self.banner.hide()
        self.banner.show_choice(text, translate("Security", TRUST), lambda s=session, f=fp: self.trust(s, f),
                                on_reject=self._declined, html=html)
        log.warning("certificate not trusted for %s: SHA-256 %s", host, fp)
        self.port.error_noticed(text)
        return True

    def trust(self, session, fingerprint: str) -> None:
        """Pin exactly this certificate for this account, keep verification on, reconnect."""
        if session is not self.port.session or session.closed:
            return
        acc = session.account
        pin = format_fingerprint(fingerprint)
        if acc.backend.value == "graph":
            self._trust_authority(session, pin)
            return
        if self.port.settings is not None:
            try:
                pin = self.port.settings.pin_certificate(acc, pin)
            except OSError as exc:
                log.warning("could not save the trusted certificate: %s", exc)
                self.port.say(_not_saved(), ms=8000)
        acc.pinned_cert_sha256 = pin
        acc.verify_tls = True
        self.fingerprint = ""
        session.client.reset()
        self.port.say(translate("Security", "Certificate trusted for {address}: connecting…").format(
            address=acc.email), ms=5000)
        self.port.connect_again()

    def _trust_authority(self, session, pin: str) -> None:
        """A Microsoft 365 account: pin its sign-in authority's certificate (``graph_signin``, saved with the
        account); MSAL is built again around exactly that certificate, and the session reconnects."""
        self._adopt_authority_pin(session, pin)
        self.fingerprint = ""
        self.port.say(translate("Security", "Sign-in server's certificate trusted for {address}: "
                                            "connecting…").format(address=session.account.email), ms=5000)
        self.port.connect_again()

    def _adopt_authority_pin(self, session, pin: str) -> None:
        acc = session.account
        signin = dict((acc.extra or {}).get("graph_signin") or {})
        signin["authority_pin_sha256"] = pin
        acc.extra = {**(acc.extra or {}), "graph_signin": signin}
        self._keep(acc, "the trusted certificate")
        session.client.reset(account_service_factory(acc))

    def _keep(self, acc, what: str) -> None:
        """Save the changed account when it is the stored one; a failure is logged (``what`` failed to save)
        and said in the status bar, and the change still holds for this session."""
        settings = self.port.settings
        stored = settings.account() if settings is not None else None
        if stored is not None and stored.key == acc.key:
            try:
                settings.set_account(acc)
            except OSError as exc:
                log.warning("could not save %s: %s", what, exc)
                self.port.say(_not_saved(), ms=8000)

    def _declined(self) -> None:
        self.fingerprint = ""
        self.port.say(translate("Security", "Not connected: the server's certificate is not trusted. Retry to "
                                            "see it again."), Level.ERROR, retry=True)

    # ---- 401: sign in again ----
    def ask_password(self, session) -> None:
        from app.ui.accounts.account_dialog import PasswordPrompt

        if session is not self.port.session or session.closed:
            return
        acc = session.account
        if acc.backend.value == "graph":
            self.ask_sign_in(session)
            return
        if is_ews_blocked(session.last_error):
            self.offer_microsoft_365(session)
            return
        if self._said_without_password(session):
            return
        again = self._tries > 0
        reason = (translate("Security", "The server did not accept that password either for {address}. Enter the "
                                        "current one: messages waiting in the Outbox go out once you are signed in.")
                  if again else
                  translate("Security", "The server did not accept the password for {address}. Enter the current "
                                        "one: messages waiting in the Outbox go out once you are signed in.")
                  ).format(address=acc.email)
        if self.prompt is None or self._prompt_session is not session:
            if self.prompt is not None:
                self.prompt.close()
                self.prompt.deleteLater()
            self.prompt = PasswordPrompt(acc, self.port.dialog_parent, reason=reason)
            self._prompt_session = session
            self.prompt.password_entered.connect(lambda pw, s=session: self.new_password(s, pw))
        self.prompt.ask(reason)

    def _said_without_password(self, session) -> bool:
        """A refusal no password mends, said in words instead of the password prompt: the server does
        not offer this account's method (the banner offers Automatic), no Kerberos ticket, Extended Protection."""
        err = session.last_error
        if isinstance(err, WrongAuthMethod):
            self.offer_automatic(session, err)
            return True
        if isinstance(err, (NoKerberosTicket, ExtendedProtectionMismatch)):
            self.port.say(translate("Security", "{reason}. Messages waiting in the Outbox go out once you are "
                                                "signed in.").format(reason=shown(err.message)), Level.ERROR, retry=True)
            return True
        return False

    def offer_automatic(self, session, err: WrongAuthMethod) -> None:
        """The server asks for another sign-in method than the account's: say which, offer Automatic."""
        windows = bool(set(err.offered) & {"negotiate", "ntlm"})
        text = shown((translate("Security", "This server asks for Windows sign-in (NTLM/Kerberos), not a plain "
                                            "password: switch {address} to Automatic?") if windows else
                      translate("Security", "This server asks for a plain password, not Windows sign-in: switch "
                                            "{address} to Automatic?")).format(address=session.account.email))
        if self.banner.choice_pending and self.banner.text() == text:
            return
        self.banner.hide()
        self.banner.show_choice(text, translate("Security", "Switch to &Automatic"),
                                lambda s=session: self.switch_to_automatic(s), reject=translate("Security", "&Later"))
        self.port.error_noticed(text)

    def switch_to_automatic(self, session) -> None:
        """The account signs in by the server's offer from now on (saved), and connects again."""
        from app.domain.account import AuthType

        if session is not self.port.session or session.closed:
            return
        acc = session.account
        acc.auth_type = AuthType.AUTOMATIC
        self._keep(acc, "the sign-in method")
        session.client.reset()
        self.port.say(translate("Security", "Automatic sign-in for {address}: connecting…").format(
            address=acc.email), ms=5000)
        self.port.connect_again()

    def offer_microsoft_365(self, session) -> None:
        """Exchange Online refuses EWS for this mailbox (the EWS retirement): say so, and offer Microsoft 365
        sign-in for the same address (the account dialog on its Microsoft 365 page). Asking for the password
        again would not help. The Outbox keeps what waits (parked, not failed)."""
        from app.domain.explain import ews_blocked_message

        err = session.last_error
        text = shown(ews_blocked_message(session.account.email, getattr(err, "reason", "") or ""))
        if self.banner.choice_pending and self.banner.text() == text:
            return
        self.banner.hide()
        self.banner.show_choice(text, translate("Security", "Sign in with &Microsoft 365"),
                                lambda: self.port.edit_account("m365"), reject=translate("Security", "&Later"))
        self.port.error_noticed(text)

    def ask_sign_in(self, session) -> None:
        """A Microsoft 365 account's sign-in lapsed: the non-modal "sign in again" prompt."""
        from app.ui.accounts.signin_prompt import SignInPrompt

        acc = session.account
        err = session.last_error
        message = (err.message or "") if err is not None else ""
        said = shown(message).strip().rstrip(".")
        if not message.startswith("Sign in to Microsoft 365 again"):  # else the error says it already
            said = (translate("Security", "Sign in to Microsoft 365 again for {address} ({reason})") if said else
                    translate("Security", "Sign in to Microsoft 365 again for {address}")).format(
                address=acc.email, reason=said)
        reason = translate("Security", "{reason}. Messages waiting in the Outbox go out once you are signed "
                                       "in.").format(reason=said)
        if acc.sandbox:  # the sandbox's own user signs in by itself: a failure here is the sandbox's
            self.port.say(reason, Level.ERROR, retry=True)
            return
        self.offer_sign_in(session)
        if self.prompt is None or self._prompt_session is not session:
            if self.prompt is not None:
                self.prompt.close()
                self.prompt.deleteLater()
            self.prompt = SignInPrompt(acc, self.port.dialog_parent, reason=reason, keyring_ok=self.port.keyring_ok,
                                       announcer=self.port.voice)
            self._prompt_session = session
            self.prompt.signed_in_again.connect(lambda acc, s=session: self.signed_in_again(s, acc))
        self.prompt.ask(reason)

    def offer_sign_in(self, session, err: BaseException | None = None) -> bool:
        """The banner says a Microsoft 365 account must sign in again and offers the sign-in (the prompt
        may be closed: the banner keeps the offer). Not for a sandbox account (it signs in by itself) nor
        for another error. True if the banner shows the offer."""
        if session is not self.port.session or session.closed or session.account.sandbox \
                or not needs_sign_in(err or session.last_error):
            return False
        text = shown(sign_in_text(session.account.email))
        if not (self.banner.choice_pending and self.banner.text() == text):
            self.banner.hide()
            self.banner.show_choice(text, translate("Security", "&Sign in…"), lambda s=session: self.ask_sign_in(s),
                                    reject=translate("Security", "&Later"))
            self.port.error_noticed(text)
        return True

    def signed_in_again(self, session, signed=None) -> None:
        """Signed in again (``signed``: the account as the prompt signed it in). A sign-in server certificate
        the user trusted in the prompt is adopted by the session's account (saved) before it reconnects."""
        if session is not self.port.session or session.closed:
            return
        pin = _pin_of(signed) if signed is not None and signed.backend.value == "graph" else ""
        if pin and not same_fingerprint(pin, _pin_of(session.account)):
            self._adopt_authority_pin(session, pin)
        else:
            session.client.reset()  # the backend is built again around the sign-in's new tokens
        # the sign-in panel has said "Signed in as …. Connecting…" to a screen reader: shown, not said again
        self.port.say(translate("Security", "Signed in: connecting…"), Level.PROGRESS, ms=5000)
        self.port.connect_again()

    def new_password(self, session, password: str) -> None:
        if session is not self.port.session or session.closed:
            return
        acc = session.account
        in_keyring = secrets.store(acc.email, acc.username, password)
        self._tries += 1
        session.client.reset(account_service_factory(acc, password))
        self.port.say(
            translate("Security", "Signing in…") if in_keyring else
            translate("Security", "Signing in… (no system keyring: the password is kept for this session only)"),
            ms=8000)
        self.port.connect_again()


# the certificate question's first words: (a Microsoft 365 account's sign-in server?, a trusted one changed?)
HEADLINES = {
    (False, False): QT_TRANSLATE_NOOP("Security", "The server's certificate is not trusted"),
    (False, True): QT_TRANSLATE_NOOP("Security", "The server's certificate has changed and is not trusted"),
    (True, False): QT_TRANSLATE_NOOP("Security", "The sign-in server's certificate is not trusted"),
    (True, True): QT_TRANSLATE_NOOP("Security", "The sign-in server's certificate has changed and is not trusted"),
}


def _not_saved() -> str:
    return translate("Security", "Could not save the choice: trusted for this session only")


def _pin_of(account) -> str:
    """The certificate the user trusted for this account: EWS its server's; Microsoft 365 its sign-in
    authority's (``graph_signin["authority_pin_sha256"]``, app/mail/graph/signin.py)."""
    if account.backend.value != "graph":
        return account.pinned_cert_sha256
    return str(((account.extra or {}).get("graph_signin") or {}).get("authority_pin_sha256") or "")


def _tls_url(account) -> str:
    if account.backend.value != "graph":
        return account.ews_url
    return str(((account.extra or {}).get("graph_signin") or {}).get("authority") or "")
