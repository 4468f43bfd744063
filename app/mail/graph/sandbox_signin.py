"""Signing in to the built-in sandbox's authority ("sandbox mailbox (Graph)"), with nothing stubbed: MSAL's
authorization code + PKCE flow and the loopback listener of :mod:`.signin`, exactly as for Microsoft 365.

Only the browser step is done here, in-process, instead of in the system browser: the sandbox's authority
serves HTTPS with a certificate it made for itself on this computer, which a browser would (rightly) warn
about, and Dispatch already holds the sandbox user's password (the sandbox is its own). This module plays
the browser: it opens the authority's sign-in page, fills in the sandbox user's name and password, approves
the consent, and posts the answer (``response_mode=form_post``) to Dispatch's loopback listener. It trusts
only the authority's own certificate and never talks to any other host than the authority and 127.0.0.1.

Never used for a real Microsoft 365 account: there the user signs in in the system browser, or by device
code.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from app.mail.errors import AuthFailed, ConnectionFailed

from .signin import GraphSignIn, SignedIn


class _Form(HTMLParser):
    """The first form of a page: its action and its fields (hidden ones included)."""

    def __init__(self):
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.action is None:
            self.action = a.get("action") or ""
            self._in_form = True
        elif tag == "input" and self._in_form and a.get("name"):
            self.fields[a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False


def _form(page_html: str) -> tuple[str, dict]:
    parser = _Form()
    parser.feed(page_html)
    if not parser.action:
        raise AuthFailed("The sandbox's sign-in page held no form to fill in.")
    return parser.action, parser.fields


def _loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "") in ("localhost", "127.0.0.1", "::1")


def browser_step(url: str, authority_cert: str, login: str, password: str, *, timeout: float = 20.0) -> None:
    """What the user would do in the browser on the sandbox authority's page at ``url``: sign in as
    ``login``, approve, and let the page post its answer to the loopback redirect."""
    import ssl

    import httpx

    ctx = ssl.create_default_context(cafile=authority_cert)
    try:
        with httpx.Client(verify=ctx, trust_env=False, follow_redirects=False, timeout=timeout) as b:
            page = b.get(url)
            if page.status_code != 200:
                raise AuthFailed(f"The sandbox's sign-in page answered HTTP {page.status_code}.")
            action, fields = _form(page.text)
            answer = b.post(urljoin(str(page.url), action),
                            data={**fields, "login": login, "password": password, "action": "approve"})
        if answer.status_code != 200:
            raise AuthFailed(f"The sandbox refused the sign-in (HTTP {answer.status_code}).")
        target, fields = _form(answer.text)
        if not _loopback(target):
            raise AuthFailed("The sandbox's sign-in answer did not go back to Dispatch.")
        with httpx.Client(trust_env=False, timeout=timeout) as plain:
            plain.post(target, data=fields)
    except httpx.HTTPError as exc:
        raise ConnectionFailed(f"Could not reach the sandbox's sign-in server ({type(exc).__name__}).") from None


def sign_in_to_sandbox(signin: GraphSignIn, login: str, password: str, *, timeout: float = 30.0) -> SignedIn:
    """A full sign-in of ``signin`` (whose settings name the sandbox's authority and its certificate):
    MSAL starts the flow and listens on loopback; the browser step is :func:`browser_step`. Blocks: call it
    in a worker thread."""
    if not signin.settings.authority_cert:
        raise AuthFailed("Only the sandbox's own authority can be signed in to without a browser.")
    pending = signin.begin_interactive(timeout=timeout)
    try:
        browser_step(pending.url, signin.settings.authority_cert, login, password, timeout=timeout)
        return pending.result(timeout)
    finally:
        pending.cancel()
