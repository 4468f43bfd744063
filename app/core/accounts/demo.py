"""The built-in sandbox mailbox: an Exchange server in this process, on a free loopback port.

Its data lives in the platform data dir (``<data>/sandbox``), so drafts survive restarts. We sign in
as alice@example.com. Everything here runs in a worker thread (the sandbox and exchangelib import
lxml and friends, which must stay off the path to the first frame).

Two ways in, to the same mailbox: EWS (the default), or Microsoft Graph ("sandbox mailbox (Graph)", for a
user with no Microsoft 365 account to try that path): the sandbox then serves Graph and its own sign-in
authority, and Dispatch signs in to it with MSAL like to Microsoft 365 (auth code + PKCE, loopback
redirect); only the browser step is done in-process (app/mail/graph/sandbox_signin.py says why).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from app.core.accounts.session import Session, account_service_factory
from app.domain.account import AccountConfig, Backend
from app.domain.words import translate
from app.mail.errors import LocalDataFailed
from app.mail.service import MailService

log = logging.getLogger(__name__)

DEMO_EMAIL = "alice@example.com"


def sandbox_account(graph: bool = False) -> AccountConfig:
    """What the settings file stores for the demo mailbox (the URL is filled in at each start); with
    ``graph``, reached through Microsoft Graph."""
    return AccountConfig(email=DEMO_EMAIL, ews_url="", username=DEMO_EMAIL, sandbox=True,
                         backend=Backend.GRAPH if graph else Backend.EWS)


class DemoMailbox:
    """Starts the sandbox on first use and stops it on close."""

    def __init__(self, data_dir: Path, *, max_send_bytes: int | None = None, graph: bool = False):
        self.data_dir = Path(data_dir)
        self.max_send_bytes = max_send_bytes
        self.graph = graph
        self.sandbox = None
        self.signin = None  # Graph: the MSAL sign-in to the sandbox's authority (tokens in memory only)
        self._lock = threading.Lock()

    def start(self) -> tuple[AccountConfig, str]:
        with self._lock:
            from app import sandbox as mod  # here, in the worker thread: a real import the contracts see
            if self.sandbox is None:
                sb = self._open(mod)
                sb.start()
                self.sandbox = sb
                log.info("sandbox mailbox listening at %s", sb.ews_url)
            sb = self.sandbox
        user = next((a for a in sb.accounts if a["email"] == DEMO_EMAIL), sb.accounts[0])
        account = AccountConfig(
            email=user["email"], ews_url=sb.ews_url, username=user.get("username") or user["email"], sandbox=True
        )
        return account, user["password"]

    def _open(self, mod):
        """The sandbox on its file in the data folder; a folder that cannot be used is said as such (not
        as "could not reach the server": nothing was tried on a network)."""
        kw = {} if self.max_send_bytes is None else {"max_send_bytes": self.max_send_bytes}
        if self.graph:
            kw["graph"] = True
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            probe = self.data_dir / ".write-test"
            probe.write_bytes(b"")
            probe.unlink()
            return mod.Sandbox(data=str(self.data_dir / "sandbox.sqlite3"), port=0, **kw)
        except (OSError, sqlite3.Error) as exc:
            why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise LocalDataFailed(translate("Demo", "Dispatch cannot write to its data folder {folder} ({why}). The "
                                                    "sandbox mailbox keeps its mail there: check that the folder "
                                                    "exists and that you may write to it").format(
                folder=str(self.data_dir), why=why)) from exc

    def factory(self, into: AccountConfig):
        def build() -> MailService:
            account, password = self.start()
            into.ews_url = account.ews_url
            into.username = account.username
            if into.backend == Backend.GRAPH:
                return self._graph_service(into, password)
            return account_service_factory(account, password)()

        return build

    def _graph_service(self, into: AccountConfig, password: str) -> MailService:
        """The Graph service, signed in to the sandbox's authority (again, when its sign-in has lapsed)."""
        from app.mail import backends
        from app.mail.errors import AuthFailed

        graph = backends.backend_module(Backend.GRAPH)
        sb = self.sandbox
        into.extra = {**(into.extra or {}), "graph_url": sb.graph_url}
        with self._lock:
            signin = self.signin
            if signin is None or signin.settings.authority != sb.authority.authority_url:
                signin = self.signin = graph.sandbox_signin(into.email, sb.authority.authority_url,
                                                            sb.authority.cert_path)
        if not signin.signed_in():
            graph.sign_in_to_sandbox(signin, into.email, password)

        def tokens(force_refresh: bool = False) -> str:
            try:
                return signin.token_provider(force_refresh)
            except AuthFailed:
                graph.sign_in_to_sandbox(signin, into.email, password)  # the sandbox's user signs in again
                return signin.token_provider(False)

        return backends.create_service(into, "", token_provider=tokens)

    def stop(self) -> None:
        with self._lock:
            sb, self.sandbox = self.sandbox, None
        if sb is not None:
            try:
                sb.stop()
            except Exception:  # noqa: BLE001
                log.exception("sandbox stop failed")


def demo_session(data_dir: Path, *, graph: bool = False, **kw) -> Session:
    demo = DemoMailbox(data_dir / "sandbox", graph=graph)
    account = sandbox_account(graph)
    session = Session.for_service(account, demo.factory(account), on_close=demo.stop, **kw)
    session.demo = demo
    return session
