"""The Outbox on a real MailClient and a real journal file, driven on a private event loop: the harness of
the submission-path tests (tests/mail/test_submission_*.py)."""

from __future__ import annotations

import asyncio

from app.core.accounts.mailclient import MailClient
from app.core.outbox import Outbox
from app.core.outbox.policy import RetryPolicy
from app.domain.models import MessageSummary
from app.storage.journal import Journal
from app.domain.events import OutboxChanged
from tests.helpers.backends import ALICE, BOB

POLICY = RetryPolicy(max_attempts=3, base=0.01, factor=2.0, cap=0.05, jitter=0.0, settle_delay=0.05,
                     settle_lookups=2)


class Box:
    """An Outbox on a real client and a real journal file, driven on a private event loop."""

    def __init__(self, svc, path, policy=POLICY, clock=None):
        self.svc = svc
        self.clock = clock  # None: the real one; a ManualClock (tests/helpers/clocks.py) the test moves
        self.client = MailClient(lambda: svc, workers=2)
        self.journal = Journal(path)
        self.loop = asyncio.new_event_loop()
        self.ob = Outbox(self.client, self.journal, account="acct", policy=policy,
                         **({"clock": clock} if clock is not None else {}))
        self.texts: list[str] = []
        self.ob.news.subscribe(OutboxChanged, lambda _e: self.texts.extend(r.text for r in self.ob.rows()))

    def run(self, coro, timeout=60):
        return self.loop.run_until_complete(asyncio.wait_for(coro, timeout))

    async def _send(self, draft, final=True):
        sub = await self.ob.submit(draft)
        return await self.ob.wait(sub.local_id, final=final)

    def send(self, draft, final=True):
        return self.run(self._send(draft, final))

    async def _send_saved(self, items):
        subs = await self.ob.submit_saved(items)
        return [await self.ob.wait(s.local_id) for s in subs]

    def send_saved(self, items):
        return self.run(self._send_saved(items))

    async def _save(self, draft):
        job = await self.ob.save(draft, wait=False)
        return await self.ob.wait(job.local_id)  # until saved (or given up)

    def save(self, draft):
        job = self.run(self._save(draft))
        assert job.saved is not None, job.reason
        return job.saved

    def until(self, pred, timeout=30):
        async def poll():
            while not pred():
                await asyncio.sleep(0.02)
        self.run(poll(), timeout)

    def close(self):
        self.run(self.ob.stop())
        self.client.close()
        self.loop.close()


def count(sb, folder, email=ALICE, mid=None, subject=None):
    items = sb.mailbox(email).items(folder)
    return sum(1 for i in items if (mid is None or i["internet_message_id"] == mid)
               and (subject is None or i["subject"] == subject))


def summary(draft) -> MessageSummary:
    return MessageSummary(draft.ref, draft.subject, BOB, None, False, internet_message_id=draft.internet_message_id)
