"""The ONE settle routine: where is a message whose send may or may not have happened?

A send whose answer was lost (dropped connection, timeout, unreadable reply, or the app died while it
was on the wire) is never repeated blindly. After a settle delay (:class:`app.core.outbox.policy.RetryPolicy`)
its Internet Message-ID is looked up in Sent Items, the Outbox and Drafts, in one request per folder for all
the messages that need it: in Sent Items (or in the Outbox, kept there by the server until its time: send
later) it went out; still in Drafts it did not and may be sent again; in neither the user decides. No Qt, no journal: callers act on the verdict.
"""

from __future__ import annotations

import enum

from app.domain.models import Folder, ItemRef


class Verdict(str, enum.Enum):
    SENT = "sent"  # in Sent Items: it went out
    DRAFT = "draft"  # only in Drafts: it did not go out
    NOWHERE = "nowhere"  # in neither (yet): look again later, then ask the user


def verdict(where: dict | None) -> tuple[Verdict, ItemRef | None]:
    """The verdict for one message from ``{Folder: [ItemRef]}``; with DRAFT, the draft's current ref."""
    where = where or {}
    if where.get(Folder.SENT) or where.get(Folder.OUTBOX):  # in the Outbox: submitted (kept until its time)
        return Verdict.SENT, None
    drafts = where.get(Folder.DRAFTS) or []
    if drafts:
        return Verdict.DRAFT, drafts[0]
    return Verdict.NOWHERE, None


async def look_up(client, mids: list[str]) -> dict[str, dict]:
    """``{mid: {Folder: [ItemRef]}}`` for every non-empty mid (raises the backend's MailError)."""
    mids = [m for m in dict.fromkeys(mids) if m]
    if not mids:
        return {}
    return await client.find_by_message_ids(mids)
