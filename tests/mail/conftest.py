"""Fixtures for the backend tests: real exchangelib (EWS) or real httpx (Microsoft Graph) over HTTP against
the in-process sandbox.

The backend-contract tests run once per backend: ``@every_backend`` parametrises the ``backend`` fixture over
("ews", "ews-engine": EWS in the mail engine's process, "graph"); ``sandbox``, ``services`` and ``svc`` follow it (a Graph run gets a sandbox that also
serves Graph, ``sandbox_factory(graph=True)``, and GraphMailService with tokens from the sandbox's
authority). A test without ``@every_backend`` is EWS-only and says why. ``op`` / ``logged`` name an operation for
fault injection / the request log of the backend at hand; ``settle`` waits for Graph's asynchronous
delivery (a no-op over EWS, whose SendItem delivers before it answers)."""

from __future__ import annotations

import asyncio

import pytest

from app.domain.account import AccountConfig
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient

ALICE = "alice@example.com"
BOB = "bob@example.com"
#: EWS in this process (exchangelib in worker threads), EWS in the mail engine's process (app/mail/engine.py:
#: the app's own way, its calls and answers through a pipe), and Microsoft Graph. The engine's runs start a
#: process each (Python and exchangelib, about a second of CPU): they are in the process tier, so the quick
#: tier (``--quick``: unit and sandbox) runs the contract on EWS and Graph and the full run on all three
BACKENDS = ("ews", "ews-engine", "graph")
every_backend = pytest.mark.parametrize(
    "backend", [pytest.param(b, marks=pytest.mark.process) if b == "ews-engine" else b for b in BACKENDS],
    indirect=True)
#: the seconds a Graph test service asks the core to wait before settling a lost send (the sandbox
#: delivers 0.3 s after the 202)
GRAPH_SETTLE = 1.0
#: EWS operation -> the Graph operation doing the same (fault injection names; "graph:" + it in the log)
GRAPH_OPS = {"CreateItem": "CreateMessage", "UpdateItem": "UpdateMessage", "SendItem": "SendMessage",
             "FindItem": "ListMessages", "CreateAttachment": "CreateAttachment",
             "DeleteAttachment": "DeleteAttachment", "GetFolder": "GetFolder", "GetItem": "GetMessage"}


def protocol(backend: str) -> str:
    """What the backend speaks on the wire: "ews" (in this process or the engine's) or "graph"."""
    return "graph" if backend == "graph" else "ews"


def op(backend: str, ews_op: str) -> str:
    """The operation name to inject a fault on."""
    return ews_op if backend != "graph" else GRAPH_OPS[ews_op]


def logged(backend: str, ews_op: str) -> str:
    """The operation's name in ``sandbox.request_log``."""
    return ews_op if backend != "graph" else "graph:" + GRAPH_OPS[ews_op]


def settle(sb) -> None:
    """Until the sandbox has delivered every accepted send (Graph answers 202 first, delivers later)."""
    assert sb.outbox.wait_idle(10), "the sandbox's outbox did not deliver"


@pytest.fixture
def backend(request):
    return getattr(request, "param", "ews")


@pytest.fixture
def sandbox(sandbox_factory, backend):
    """A running sandbox; with the Graph backend it serves Graph too (on the same mailboxes)."""
    return sandbox_factory(graph=True) if backend == "graph" else sandbox_factory()


def account_info(sb, email: str) -> dict:
    return next(a for a in sb.accounts if a["email"].lower() == email.lower())


@pytest.fixture
def small_sandbox(sandbox_factory, backend):
    """A sandbox that accepts at most 64 KB per message (to provoke ErrorMessageSizeExceeded cheaply)."""
    return sandbox_factory(max_send_bytes=64 * 1024, graph=backend == "graph")


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


@pytest.fixture
def services(sandbox, backend):
    s = Services(sandbox, backend)
    yield s
    s.close()


@pytest.fixture
def svc(services):
    return services.make()


@pytest.fixture
def box(services, tmp_path):
    """An Outbox over the backend's service (tests/mail/outbox_harness.py)."""
    from tests.mail.outbox_harness import Box

    b = Box(services.make(), tmp_path / "journal.sqlite3")
    yield b
    b.close()


@pytest.fixture
def clocked_box(services, tmp_path):
    """The ``box`` on a clock the test moves (``clocked_box.clock``, tests/helpers/clocks.py): its settle
    delays and back-offs pass when the test says, not in real time."""
    from tests.helpers.clocks import ManualClock
    from tests.mail.outbox_harness import Box

    b = Box(services.make(), tmp_path / "journal.sqlite3", clock=ManualClock())
    yield b
    b.close()


def ops(sb, since: int = 0) -> list[str]:
    return list(sb.request_log[since:])


def run(coro, timeout: float = 60):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(coro, timeout))
    finally:
        loop.close()


def full_draft(subject="Quarterly numbers ✓", **kw) -> Draft:
    d = Draft(
        to=[Recipient(BOB, "Bob Builder"), Recipient("carol@example.com")],
        cc=[Recipient("dave@example.com", "Dave")],
        bcc=[Recipient("erin@example.com")],
        subject=subject,
        body="<p>Hello <b>Bob</b> — ünïcode</p>",
        body_format=BodyFormat.HTML,
        importance=Importance.HIGH,
        read_receipt=True,
        delivery_receipt=True,
        attachments=[
            Attachment("report.pdf", bytes(range(256)) * 4, "application/pdf"),
            Attachment("notes.txt", "zwei Zeilen\nüber Umlaute\n".encode(), "text/plain"),
        ],
        internet_message_id="<full-draft-1@dispatch>",
    )
    for k, v in kw.items():
        setattr(d, k, v)
    return d


def simple_draft(subject: str, to=BOB, **kw) -> Draft:
    return Draft(to=[Recipient(to)] if to else [], subject=subject, body=f"body of {subject}", **kw)
