"""The status bar's words about a send in the Outbox follow its state (app.core.outbox.words, issue 59)."""

from __future__ import annotations

from app.core.outbox.words import final, words_now
from app.core.outbox.submission import SubState, Submission
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


def test_an_error_code_keeps_its_spelling():
    """Mid-sentence only an ordinary first word is lower-cased: a code reads as the server spells it."""
    assert words_now(_sub(SubState.QUEUED), "ErrorMalformedResponse: the reply could not be read", "Hi") == (
        "In the Outbox (ErrorMalformedResponse: the reply could not be read): it goes out by itself (Ctrl+4)")
    assert words_now(_sub(SubState.QUEUED), "Retrying in 5 s — The server sent a reply that could not be read "
                     "(ErrorMalformedResponse)", "Hi") == (
        "In the Outbox (retrying in 5 s — The server sent a reply that could not be read (ErrorMalformedResponse)):"
        " it goes out by itself (Ctrl+4)")
    assert words_now(_sub(SubState.QUEUED), "TLS certificate not trusted", "Hi").startswith("In the Outbox (TLS ")
    assert words_now(_sub(SubState.QUEUED), "Exchange Online is busy", "Hi").startswith("In the Outbox (Exchange ")
