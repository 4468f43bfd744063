"""What the status bar says once Send selected's batch is over. No Qt.

A draft taken back before it went (Undo in its countdown, or Enter in the Outbox) was not refused: it stays in
Drafts, unsent, and the words say so instead of counting it as "not sent"."""

from __future__ import annotations


def _drafts(n: int) -> str:
    return f"{n} draft{'s' if n != 1 else ''}"


def batch_summary(total: int, sent: int, taken_back: int) -> str:
    """The batch's end in one line: ``total`` drafts, ``sent`` of them sent, ``taken_back`` taken back; the
    rest were not sent (their rows say why)."""
    not_sent = max(0, total - sent - taken_back)
    if taken_back and taken_back == total:
        return (f"Taken back: the draft stays in Drafts, not sent" if total == 1 else
                f"Taken back: the {total} drafts stay in Drafts, not sent")
    words = f"Sent {sent} of {total}"
    if taken_back:
        words += f"; {_drafts(taken_back)} taken back, kept in Drafts"
    if not_sent:
        words += f"; {not_sent} not sent (see Status)"
    return words
