"""Which of Compose's fields a refused send's reason belongs to, and how long a draft's refusal is remembered
(app.core.sending.refusals, issue 59)."""

from __future__ import annotations

from app.core.sending.refusals import CHECK, FROM, MESSAGE, Refusal, RefusalMemory, check_refusal, refusal_of
from app.domain.models import ErrorKind, ItemOutcome, OutcomeStatus


def _refused(code: str, explanation: str) -> ItemOutcome:
    return ItemOutcome(ref=None, status=OutcomeStatus.FAILED, code=code, explanation=explanation,
                       kind=ErrorKind.PERMANENT)


def test_send_as_denied_is_said_at_from_any_other_refusal_above_the_buttons():
    r = refusal_of(_refused("ErrorSendAsDenied", "You are not allowed to send as this mailbox."))
    assert r == Refusal(FROM, "Not sent: You are not allowed to send as this mailbox.",
                        "You are not allowed to send as this mailbox.")
    for code in ("ErrorInvalidRecipients", "ErrorMessageSizeExceeded", "ErrorQuotaExceeded"):
        assert refusal_of(_refused(code, "why")).field == MESSAGE


def test_compose_s_own_check_is_said_at_each_field():
    r = check_refusal("“bob@@example” is not a valid e-mail address.")
    assert r.field == CHECK and r.row == r.text == "Not sent: “bob@@example” is not a valid e-mail address."


def test_a_refusal_is_given_back_only_while_the_row_says_it():
    memory = RefusalMemory()
    r = refusal_of(_refused("ErrorSendAsDenied", "Not allowed."))
    memory.note("id1", r)
    assert memory.current("id1", "Not allowed.") is r
    assert memory.current("id2", "Not allowed.") is None
    assert memory.current("id1", "") is None, "the row cleared (saved since): nothing to say"
    assert memory.current("id1", "Not allowed.") is None, "forgotten once the row stopped saying it"
    memory.note("id1", r)
    memory.forget("id1")  # sent again
    assert memory.current("id1", "Not allowed.") is None
