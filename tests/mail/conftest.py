"""Fixtures for the EWS backend tests: real exchangelib over HTTP against the in-process sandbox."""

from __future__ import annotations

import asyncio

import pytest

from app.domain.account import AccountConfig
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient

ALICE = "alice@example.com"
BOB = "bob@example.com"


def account_info(sb, email: str) -> dict:
    return next(a for a in sb.accounts if a["email"].lower() == email.lower())


@pytest.fixture
def small_sandbox(sandbox_factory):
    """A sandbox that accepts at most 64 KB per message (to provoke ErrorMessageSizeExceeded cheaply)."""
    return sandbox_factory(max_send_bytes=64 * 1024)


class Services:
    """Builds EwsMailService instances for sandbox users and closes them after the test."""

    def __init__(self, sb):
        self.sb = sb
        self.made = []

    def config(self, email=ALICE, **kw) -> AccountConfig:
        info = account_info(self.sb, email)
        return AccountConfig(email=info["email"], ews_url=self.sb.ews_url, username=info["username"], **kw)

    def make(self, email=ALICE, password=None, *, timeout=15.0, **kw):
        from app.mail.ews import EwsMailService

        info = account_info(self.sb, email)
        svc = EwsMailService(self.config(email, **kw), info["password"] if password is None else password, timeout=timeout)
        self.made.append(svc)
        return svc

    def close(self):
        for s in self.made:
            s.close()


@pytest.fixture
def services(sandbox):
    s = Services(sandbox)
    yield s
    s.close()


@pytest.fixture
def svc(services):
    return services.make()


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
