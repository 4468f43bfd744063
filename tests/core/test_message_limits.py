"""Every client a send goes through answers its message limits (``client.message_limits``,
app.mail.service.MessageLimits); the checks before a send read them there (tests/test_rules.py: nothing guesses
with ``getattr(client, "max_send_bytes", default)`` any more). The values are today's: the Session's is what
its connect learnt (else the default every backend reports), a bare MailClient's the default.

No server here: the Session is given what a connect learns (its public ``server_info``) and never calls its
backend; the limit's effect on a real send is tested against the sandbox (tests/core/test_sending.py, the UI's
Send selected checks)."""

from __future__ import annotations

import pytest

from app.core.accounts.mailclient import MailClient
from app.core.outbox import Outbox
from app.core.accounts.session import Session
from app.domain.account import AccountConfig
from app.domain.errors import DraftInvalid
from app.domain.models import Draft, Recipient
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from app.mail.service import MessageLimits, ServerInfo
from app.storage.journal import Journal
from tests.helpers.submission import run_coro


def _never_built():
    raise AssertionError("no backend call is made here")


def test_a_session_answers_what_its_connect_learnt_and_the_default_before():
    session = Session(AccountConfig(email="a@example.com", ews_url="", username="a"), MailClient(_never_built))
    assert session.message_limits == MessageLimits() == MessageLimits(DEFAULT_MAX_SEND_BYTES)
    session.server_info = ServerInfo(build="15.2", version_name="Exchange2019", max_send_bytes=4000)
    assert session.message_limits == MessageLimits(4000)
    assert MailClient(_never_built).message_limits == MessageLimits()


def test_a_limit_is_a_positive_size():
    with pytest.raises(ValueError):
        MessageLimits(0)


def test_the_outbox_refuses_what_its_session_says_the_server_will_not_take(tmp_path):
    session = Session(AccountConfig(email="a@example.com", ews_url="", username="a"), MailClient(_never_built))
    session.server_info = ServerInfo(build="15.2", version_name="Exchange2019", max_send_bytes=4000)
    big = Draft(to=[Recipient("bob@example.com")], subject="Big", body="x" * 6000)
    journal = Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = Outbox(session, journal, account="a")
        try:
            with pytest.raises(DraftInvalid):
                await ob.submit(big)
        finally:
            ob.close()

    run_coro(main())
    assert journal.entries() == []
