"""What the status bar says once Send selected's batch is over. No Qt.

A draft taken back before it went (Undo in its countdown, or Enter in the Outbox) was not refused: it stays in
Drafts, unsent, and the words say so instead of counting it as "not sent"; so does a draft the user chose to keep
in the Outbox for a later day (the sending limits' question), and a batch the user chose not to send at all."""

from __future__ import annotations


def _drafts(n: int) -> str:
    return f"{n} draft{'s' if n != 1 else ''}"


#: the batch's end when the user chose not to send over the sending limits (every row says so)
DECLINED = "Nothing sent: kept in Drafts"


def not_sent(total: int, sent: int, taken_back: int, later: int = 0) -> int:
    """How many of the batch were not sent for a reason their rows give (refused, held back by the check)."""
    return max(0, total - sent - taken_back - later)


def batch_summary(total: int, sent: int, taken_back: int, later: int = 0) -> str:
    """The batch's end in one line: ``total`` drafts, ``sent`` of them sent, ``taken_back`` taken back, ``later``
    kept in the Outbox for a later day by the user's choice; the rest were not sent (their rows say why)."""
    refused = not_sent(total, sent, taken_back, later)
    if taken_back and taken_back == total:
        return (f"Taken back: the draft stays in Drafts, not sent" if total == 1 else
                f"Taken back: the {total} drafts stay in Drafts, not sent")
    words = f"Sent {sent} of {total}"
    if taken_back:
        words += f"; {_drafts(taken_back)} taken back, kept in Drafts"
    if later:
        words += f"; {later} kept in the Outbox for later"
    if refused:
        words += f"; {refused} not sent (see Status)"
    return words
