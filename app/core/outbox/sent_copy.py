"""Is this message already in Sent Items, and since when?

Before the preview of an ``.eml`` file to be sent as it is, the file's own Message-ID is looked up as the
Outbox's settle path looks a send up (:func:`app.core.outbox.settle.look_up`, :func:`app.core.outbox.settle.verdict`): a
copy in Sent Items is that message, sent, and the Outbox would not send it again ("Already sent"). The
preview says so up front, with the date the copy was sent: read from the Sent list already loaded when it
holds the copy, else from the first page of Sent Items (one more request), else from the file's own Date.
No Qt: the caller awaits it (the requests run on the mail client's worker, never on the UI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from app.core.outbox import settle
from app.domain.models import Folder, ItemRef, MessageSummary

# Sent Items rows read to find the copy's date when the loaded list does not hold it
PAGE = 50


@dataclass(frozen=True)
class SentCopy:
    ref: ItemRef | None  # None: this computer's journal remembers it sent (Sent Items was not asked)
    sent: datetime | None  # when it was sent (None: the server did not say, and the file has no Date)


def _sent_time(summaries: Iterable[MessageSummary], ids: set[str], mid: str) -> datetime | None:
    for s in summaries:
        if s.ref.id in ids or (mid and s.internet_message_id == mid):
            return s.sent or s.modified
    return None


async def find_sent_copy(client, mid: str, *, loaded: Iterable[MessageSummary] = (),
                         file_date: datetime | None = None, dated: bool = True) -> SentCopy | None:
    """The copy of the message named ``mid`` in Sent Items, or None when there is none (raises the backend's
    MailError when the server cannot be asked). ``loaded``: the Sent list's rows already at hand; ``dated``
    False: when it went is not looked for (no request more than the look-up)."""
    if not mid:
        return None
    where = (await settle.look_up(client, [mid])).get(mid)
    if settle.verdict(where)[0] != settle.Verdict.SENT:
        return None
    refs = list(where[Folder.SENT])
    ids = {r.id for r in refs}
    when = _sent_time(loaded, ids, mid)
    if when is None and dated:
        when = _sent_time((await client.list_messages(Folder.SENT, 0, PAGE)).items, ids, mid)
    return SentCopy(refs[0], when or file_date)
