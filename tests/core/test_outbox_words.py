"""The status bar's words about a send in the Outbox follow its state (app.core.outbox_words, issue 59)."""

from __future__ import annotations

from app.core.outbox_words import final, words_now
from app.core.submission import SubState, Submission
from app.domain.models import Draft, ErrorKind


def _sub(state: SubState, **kw) -> Submission:
    sub = Submission(Draft(subject="Hi"), "acct", state)
    for k, v in kw.items():
        setattr(sub, k, v)
    return sub


def test_words_follow_the_send():
    assert words_now(_sub(SubState.QUEUED), "Server busy — waiting 10 min", "Hi") == \
        "In the Outbox (server busy — waiting 10 min): it goes out by itself (Ctrl+4)"
    refused = words_now(_sub(SubState.FAILED, reason="No valid recipients", kind=ErrorKind.PERMANENT), "", "Hi")
    assert refused.startswith("Not sent: No valid recipients") and "In the Outbox (" not in refused
    assert words_now(_sub(SubState.SENT), "Sent", "Hi") == "Sent: Hi"
    assert words_now(_sub(SubState.CANCELLED), "", "Hi") == "" and words_now(None, "", "Hi") == ""
    assert words_now(_sub(SubState.FAILED, kind=ErrorKind.OUTCOME_UNKNOWN), "", "Hi") == ""
    assert final(None) and final(_sub(SubState.FAILED)) and not final(_sub(SubState.QUEUED))
