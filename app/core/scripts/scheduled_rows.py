"""``dispatch-mail outbox`` for the messages the server keeps for a time (send later): their lines and JSON entries.
The list, the IDs and the hand on them are :mod:`app.core.scheduled.held`'s. No Qt."""

from __future__ import annotations

from app.core.scheduled.held import kept_id, recipients_of, row_text
from app.domain.validation import printable


def entries(items) -> list[dict]:
    """``outbox --json``'s entries for the server's copies."""
    return [{"id": kept_id(i), "op": "scheduled", "state": "scheduled", "text": str(row_text(i)),
             "subject": i.subject, "recipients": recipients_of(i), "can_retry": False, "can_cancel": True,
             "message_id": i.internet_message_id, "send_at": i.send_at.isoformat() if i.send_at else None,
             "kept_by_server": True, "delivery": "", "bounced": False} for i in items]


def lines(items) -> list[str]:
    return [f"{kept_id(i)[:8]}  {printable(i.subject, 60)} → {printable(recipients_of(i), 60)}\n"
            f"          {row_text(i)}" for i in items]
