"""The in-memory mailbox the submission core's tests send through (no Qt, no network; the same paths run
against the real sandbox in tests/mail/ and tests/reliability/), a fast retry policy, a draft, and a
coroutine run on a loop of its own."""

from __future__ import annotations

import asyncio
import itertools

from app.core.outbox.policy import RetryPolicy
from app.domain.models import Draft, ErrorKind, Folder, ItemOutcome, ItemRef, MessageSummary, OutcomeStatus, Recipient
from app.mail.errors import ItemFailed, OutcomeUnknown
from app.mail.service import MessageLimits

FAST = RetryPolicy(max_attempts=4, base=0.01, factor=2.0, cap=0.05, jitter=0.0, settle_delay=0.01, settle_lookups=2)


class Mailbox:
    """Drafts and Sent Items in memory; ``script`` makes the next calls of an operation fail."""

    message_limits = MessageLimits()  # what a client answers (a test sets a lower one)
    send_settle_seconds = 0.0  # and how long it asks the Outbox to wait before looking up a lost send

    def __init__(self):
        self.drafts: dict[str, Draft] = {}
        self.sent: list[Draft] = []
        self.calls: list[str] = []
        self.script: dict[str, list[Exception]] = {}
        self._ids = itertools.count(1)

    def _maybe_fail(self, op: str):
        self.calls.append(op)
        queue = self.script.get(op) or []
        if queue:
            raise queue.pop(0)

    async def save_draft(self, draft: Draft) -> Draft:
        self._maybe_fail("save")
        if draft.ref is not None and draft.ref.id not in self.drafts:  # sent or deleted: as Exchange says
            raise ItemFailed("ErrorItemNotFound", "The specified object was not found in the store.",
                             kind=ErrorKind.NOT_FOUND)
        ref = draft.ref or ItemRef(f"d{next(self._ids)}", "ck")
        saved = draft.copy(ref=ItemRef(ref.id, f"ck{next(self._ids)}"))
        self.drafts[ref.id] = saved
        return saved

    async def send_drafts(self, refs, save_copy=True):
        self._maybe_fail("send")
        out = []
        for r in refs:
            d = self.drafts.pop(r.id, None)
            if d is None:
                out.append(ItemOutcome(r, OutcomeStatus.FAILED, "ErrorItemNotFound", kind=ErrorKind.NOT_FOUND))
            else:
                self.sent.append(d)
                out.append(ItemOutcome(r, OutcomeStatus.SENT))
        return out

    async def find_by_message_ids(self, mids):
        self._maybe_fail("find")
        return {m: {Folder.DRAFTS: [d.ref for d in self.drafts.values() if d.internet_message_id == m],
                    Folder.SENT: [ItemRef("s" + d.ref.id) for d in self.sent if d.internet_message_id == m]}
                for m in mids}

    async def get_message(self, ref):
        self._maybe_fail("get")
        if ref.id not in self.drafts:
            raise OutcomeUnknown("gone")
        return self.drafts[ref.id]


def run_coro(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def draft_to_bob(subject: str) -> Draft:
    return Draft(to=[Recipient("bob@example.com")], subject=subject, body="b", internet_message_id=f"<{subject}@t>")


async def saved_summaries(box: Mailbox, n: int) -> list[MessageSummary]:
    """``n`` drafts already on the server (Send selected's rows)."""
    out = []
    for i in range(n):
        d = await box.save_draft(Draft(to=[Recipient("bob@example.com")], subject=f"Batch {i}", body="b",
                                       internet_message_id=f"<batch-{i}@t>"))
        out.append(MessageSummary(d.ref, d.subject, "bob@example.com", None, False,
                                  internet_message_id=d.internet_message_id))
    return out
