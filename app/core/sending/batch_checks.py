"""Send selected runs Compose's own local check on every draft before any of them is sent.
No Qt.

A draft in the list is only its summary (subject, "To" as shown); its recipients are read from the server
(the same read that opens it in Compose), then :func:`app.domain.validation.validate_draft` — exactly what
Compose runs before Send — decides. A row with an error ("“bob@@example” is not a valid e-mail address.")
is not sent and says why; the others go. A draft that cannot be read now (offline) is not held back for
that: the server still checks it when it is sent, and its refusal is shown in its row as before.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

from app.core.outbox.submission import distinct_recipients
from app.core.common.word_lists import sentences
from app.domain.models import Draft, ItemRef, MessageSummary
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, validate_draft

log = logging.getLogger(__name__)

# drafts read at the same time
READS_AT_ONCE = 8


def problem(draft: Draft, max_send_bytes: int = DEFAULT_MAX_SEND_BYTES) -> str:
    """Why ``draft`` cannot be sent as it is ("" when it can): Compose's check before Send."""
    errors = validate_draft(draft, for_send=True, max_send_bytes=max_send_bytes)
    return sentences(e.message for e in errors) if errors else ""


async def check_drafts(items: list[MessageSummary], read: Callable[[ItemRef], Awaitable[Draft]],
                       max_send_bytes: int = DEFAULT_MAX_SEND_BYTES, counts: dict | None = None) -> dict[str, str]:
    """``{ref id: why it cannot be sent}`` for the drafts in ``items`` that fail the check (read with
    ``read``, a few at a time). Drafts that pass, or could not be read, are not in it. ``counts``, when given,
    gets each read draft's number of recipients (the sending limits count them: app.core.sending.limits)."""
    gate = asyncio.Semaphore(READS_AT_ONCE)

    async def one(it: MessageSummary) -> tuple[str, str]:
        async with gate:
            try:
                draft = await read(it.ref)
            except Exception as exc:  # noqa: BLE001 - unread: the server checks it when it is sent
                log.info("send selected: a draft could not be read for its check (%s)",
                         getattr(exc, "code", type(exc).__name__))
                return it.ref.id, ""
        if counts is not None:
            counts[it.ref.id] = distinct_recipients(draft.all_recipients())
        return it.ref.id, problem(draft, max_send_bytes)

    found = await asyncio.gather(*(one(it) for it in items))
    return {ref_id: why for ref_id, why in found if why}
