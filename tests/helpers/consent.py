"""The system browser on the sandbox authority's consent page, for a sign-in the app started (its URL): the page
filled in as ``login`` and approved or denied, then its answer posted to the app's loopback listener
(response_mode=form_post)."""

from __future__ import annotations

import threading

import httpx
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tests.authority.helpers import browser, form_of, sign_in


def browse(authority, url: str, login: str = "alice", password: str = "alice-sandbox-pw",
           action: str = "approve") -> httpx.Response:
    with browser(authority) as b:
        answer = sign_in(b, url, login, password, action=action)
    assert answer.status_code == 200, (answer.status_code, answer.text)
    target, fields = form_of(answer.text)
    with httpx.Client(trust_env=False, timeout=20) as plain:
        return plain.post(target, data=fields)


def consented(authority, signin, permission: str = "", **kw):
    """``signin`` signed in interactively (asking for ``permission`` besides its scopes when one is named)."""
    pending = signin.begin_asking(permission) if permission else signin.begin_interactive()
    try:
        browse(authority, pending.url, **kw)
        return pending.result(timeout=20)
    finally:
        pending.cancel()


def signed_in_session(sb):
    """A session for Alice's Microsoft 365 account on ``sb`` wired as the app wires it (its GraphSignIn from
    app/core/accounts/services.py, tokens in memory), signed in for the sign-in's own scopes: no directory
    permission. Returns (session, signin)."""
    from app.core.accounts.services import graph_signin, service_factory_for
    from app.core.accounts.session import Session
    from app.mail.graph.tokens import MemoryTokenCacheStore
    from tests.helpers.m365 import m365_account

    account = m365_account(sb)
    signin = graph_signin(account, store=MemoryTokenCacheStore())
    consented(sb.authority, signin)
    return Session.for_service(account, service_factory_for(account)), signin


class _Receiver(QObject):
    """What QDesktopServices hands the URLs to (a slot of a QObject, as setUrlHandler wants)."""

    def __init__(self, browser: "ConsentBrowser"):
        super().__init__()
        self.browser = browser

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:  # noqa: A003 - the slot QDesktopServices calls
        self.browser.opened.append(url.toString(QUrl.FullyEncoded))
        threading.Thread(target=self.browser.answer, args=(self.browser.opened[-1],), daemon=True).start()


class ConsentBrowser:
    """The system browser for the https URLs the app opens (Qt's own hook, QDesktopServices.setUrlHandler): each
    is answered on the sandbox's consent page with ``action`` ("approve" or "deny") in a thread of its own, as a
    browser would, while the window goes on. Use as a context manager (the hook is removed at its end)."""

    def __init__(self, authority, action: str = "approve"):
        self.authority, self.action = authority, action
        self.opened: list[str] = []
        self.errors: list[BaseException] = []
        self.done = threading.Event()
        self._receiver = _Receiver(self)

    def answer(self, url: str) -> None:
        try:
            browse(self.authority, url, action=self.action)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(exc)
        finally:
            self.done.set()

    def __enter__(self):
        QDesktopServices.setUrlHandler("https", self._receiver, "open")
        return self

    def __exit__(self, *exc):
        QDesktopServices.unsetUrlHandler("https")
