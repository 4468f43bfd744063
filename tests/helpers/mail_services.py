"""The backend's MailService for sandbox users (``Services``), Graph tokens minted by the sandbox's authority
(``Tokens``), and the sandbox's request log (``ops``)."""

from __future__ import annotations

from app.domain.account import AccountConfig
from tests.helpers.backends import ALICE, GRAPH_SETTLE


def account_info(sb, email: str) -> dict:
    return next(a for a in sb.accounts if a["email"].lower() == email.lower())


class Tokens:
    """A token provider for GraphMailService from the sandbox's authority (minted in-process: these tests are
    not about signing in; tests/graph and tests/authority sign in through MSAL). ``calls`` records each
    ``force_refresh``; ``bad`` hands out a token the server refuses."""

    def __init__(self, sb, email: str, bad: bool = False):
        self.sb, self.email, self.bad = sb, email, bad
        self.calls: list[bool] = []

    def __call__(self, force_refresh: bool) -> str:
        self.calls.append(force_refresh)
        return "not-a-token" if self.bad else self.sb.authority.access_token_for(self.email)


class Services:
    """Builds the backend's MailService for sandbox users and closes them after the test."""

    def __init__(self, sb, backend: str = "ews"):
        self.sb = sb
        self.backend = backend
        self.made = []

    def config(self, email=ALICE, **kw) -> AccountConfig:
        info = account_info(self.sb, email)
        return AccountConfig(email=info["email"], ews_url=self.sb.ews_url, username=info["username"], **kw)

    def make(self, email=ALICE, password=None, *, timeout=15.0, **kw):
        if self.backend == "graph":
            info = account_info(self.sb, email)
            bad = password is not None and password != info["password"]
            return self.graph(email, timeout=timeout, tokens=Tokens(self.sb, info["email"], bad=bad))
        if self.backend == "ews-engine":
            return self.engine(email, password, timeout=timeout, **kw)
        return self.ews(email, password, timeout=timeout, **kw)

    def engine(self, email=ALICE, password=None, *, timeout=15.0, **kw):
        """EWS in the mail engine's own process, as the app runs it."""
        from app.mail.engine import RemoteService

        info = account_info(self.sb, email)
        svc = RemoteService(self.config(email, **kw), info["password"] if password is None else password,
                            timeout=timeout)
        self.made.append(svc)
        return svc

    def ews(self, email=ALICE, password=None, *, timeout=15.0, **kw):
        from app.mail.ews import EwsMailService

        info = account_info(self.sb, email)
        svc = EwsMailService(self.config(email, **kw), info["password"] if password is None else password, timeout=timeout)
        self.made.append(svc)
        return svc

    def graph(self, email=ALICE, *, timeout=15.0, tokens=None, settle_seconds=GRAPH_SETTLE, url=None, time_zone=None):
        from app.mail.graph import GraphMailService

        svc = GraphMailService(email, url or self.sb.graph_url, tokens or Tokens(self.sb, email), timeout=timeout,
                               send_settle_seconds=settle_seconds, time_zone=time_zone)
        self.made.append(svc)
        return svc

    def close(self):
        for s in self.made:
            s.close()


def ops(sb, since: int = 0) -> list[str]:
    return list(sb.request_log[since:])
