"""What the status bar says once Send selected's batch is over. No Qt.

A draft taken back before it went (Undo in its countdown, or Enter in the Outbox) was not refused: it stays in
Drafts, unsent, and the words say so instead of counting it as "not sent"; so does a draft the user chose to keep
in the Outbox for a later day (the sending limits' question), and a batch the user chose not to send at all."""

from __future__ import annotations

from app.core.common.word_lists import clauses, counted
from app.domain.words import Number, Words, translate


#: the batch's end when the user chose not to send over the sending limits (every row says so)
DECLINED = translate("BatchReport", "Nothing sent: kept in Drafts")


def not_sent(total: int, sent: int, taken_back: int, later: int = 0) -> int:
    """How many of the batch were not sent for a reason their rows give (refused, held back by the check)."""
    return max(0, total - sent - taken_back - later)


def batch_summary(total: int, sent: int, taken_back: int, later: int = 0) -> Words:
    """The batch's end in one line: ``total`` drafts, ``sent`` of them sent, ``taken_back`` taken back, ``later``
    kept in the Outbox for a later day by the user's choice; the rest were not sent (their rows say why)."""
    refused = not_sent(total, sent, taken_back, later)
    if taken_back and taken_back == total:
        if total == 1:
            return translate("BatchReport", "Taken back: the draft stays in Drafts, not sent")
        return counted(translate("BatchReport", "Taken back: the %Ln drafts stay in Drafts, not sent", None, 1), total)
    parts = [translate("BatchReport", "Sent {sent} of {total}").format(sent=Number(sent), total=Number(total))]
    if taken_back:
        parts.append(counted(translate("BatchReport", "%Ln draft(s) taken back, kept in Drafts", None, 1), taken_back))
    if later:
        parts.append(counted(translate("BatchReport", "%Ln kept in the Outbox for later", None, 1), later))
    if refused:
        parts.append(counted(translate("BatchReport", "%Ln not sent (see Status)", None, 1), refused))
    return clauses(parts)
