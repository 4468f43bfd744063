"""A backend that accepts a send before the message reaches Sent Items (Microsoft Graph: 202, then an
asynchronous move) tells the core how long to wait before settling a lost answer
(``MailService.send_settle_seconds``); the Outbox never looks sooner, whatever its own policy says.

Why an in-memory server: the test pins *when* the core looks, to a few milliseconds, which a real HTTP
peer's timing cannot; the same settle against the sandbox's Graph delay runs in tests/mail/test_graph_faults.py."""

from __future__ import annotations

import asyncio

import pytest

from app.core.accounts.mailclient import MailClient
from app.core.outbox import Outbox
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import SubState
from app.domain.models import Draft, Folder, ItemRef, Recipient
from app.mail.errors import OutcomeUnknown
from app.mail.service import MessageLimits
from app.storage.journal import Journal

QUICK = RetryPolicy(max_attempts=3, base=0.01, jitter=0.0, settle_delay=0.01, settle_lookups=1)
MOVE_AFTER = 0.2  # the server's asynchronous move from Drafts to Sent Items


class AsyncSendServer:
    """Takes the send, loses the answer, and files the message in Sent Items only MOVE_AFTER later."""

    message_limits = MessageLimits()

    def __init__(self, settle: float):
        self.send_settle_seconds = settle
        self.drafts: dict[str, Draft] = {}
        self.sent: list[str] = []
        self.sends = 0
        self.lookups: list[float] = []

    async def save_draft(self, draft: Draft) -> Draft:
        saved = draft.copy(ref=ItemRef("d1", "ck"))
        self.drafts["d1"] = saved
        return saved

    async def send_drafts(self, refs, save_copy=True):
        self.sends += 1
        d = self.drafts.pop(refs[0].id)
        asyncio.get_running_loop().call_later(MOVE_AFTER, self.sent.append, d.internet_message_id)
        raise OutcomeUnknown("the answer was lost")

    async def find_by_message_ids(self, mids):
        self.lookups.append(asyncio.get_running_loop().time())
        return {m: {Folder.DRAFTS: [], Folder.SENT: [ItemRef("s1")] if m in self.sent else []} for m in mids}


@pytest.mark.parametrize("settle,state", [(0.0, SubState.FAILED), (0.5, SubState.SENT)],
                         ids=["core-delay-only", "backend-settle"])
def test_the_look_up_waits_what_the_backend_asks(tmp_path, settle, state):
    server = AsyncSendServer(settle)
    loop = asyncio.new_event_loop()

    async def main():
        ob = Outbox(server, Journal(tmp_path / "j.sqlite3"), account="a", policy=QUICK)
        assert ob.parts.policy.settle_delay == max(settle, QUICK.settle_delay)
        t0 = loop.time()
        sub = await ob.submit(Draft(to=[Recipient("bob@example.com")], subject="s", body="b",
                                    internet_message_id="<s@t>"))
        sub = await ob.wait(sub.local_id, timeout=10)
        await ob.stop()
        return sub, t0

    try:
        sub, t0 = loop.run_until_complete(main())
    finally:
        loop.close()
    assert server.sends == 1, "never sent again"
    assert sub.state == state
    if settle:
        assert server.lookups[0] - t0 >= settle and sub.reason.startswith("Sent (confirmed")
    else:  # looked at once: found in neither folder yet, and reported unconfirmed (the trap the floor avoids)
        assert "not sent again" in sub.reason


def test_mail_client_reports_the_backends_settle_once_built():
    class Svc:
        send_settle_seconds = 7.5

        def connect(self):
            return None

    client = MailClient(lambda: Svc(), workers=1)
    loop = asyncio.new_event_loop()
    try:
        assert client.send_settle_seconds == 0.0  # nothing built yet: no send went through it
        loop.run_until_complete(client.connect())
        assert client.send_settle_seconds == 7.5
    finally:
        client.close()
        loop.close()


def test_the_apps_outbox_waits_what_graph_asks(sandbox_factory, tmp_path):
    """The app's Outbox is given the account's Session as its client (app/core/account_queue/runtime.py), not
    the backend: the settle Graph asks for reaches it through the Session. A real Graph session on the sandbox
    (over HTTP, once connected: the backend built) with its settle set to 12.5 s; the Outbox's own policy says
    0.01 s."""
    from app.core.accounts.session import Session
    from app.domain.account import AccountConfig, Backend
    from app.mail.graph import GraphMailService

    sb = sandbox_factory(graph=True)
    email = "alice@example.com"
    acc = AccountConfig(email=email, ews_url=sb.ews_url, username=email, backend=Backend.GRAPH, sandbox=True)
    session = Session.for_service(acc, lambda: GraphMailService(
        email, sb.graph_url, lambda force_refresh: sb.authority.access_token_for(email), timeout=15.0,
        send_settle_seconds=12.5))
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(session.connect())
        ob = Outbox(session, Journal(tmp_path / "j.sqlite3"), account=acc.key, policy=QUICK)
        assert session.send_settle_seconds == 12.5
        assert ob.parts.policy.settle_delay == 12.5
    finally:
        session.close()
        loop.close()
