"""A mail-merge row handed to the Outbox ends as its submission ends (issue 47, item 2): the row's outcome is
derived from the submission's state (the one table), for every state the table has. No Qt, no network."""

from __future__ import annotations

import pytest

from app.core.merge import DELETED, SENT, TAKEN_BACK, RowState, row_verdict
from app.core.submission import FINAL, TAKEN_OUT, SubState, Submission
from app.domain.models import Draft, ErrorKind

UNDER_WAY = sorted(set(SubState) - FINAL - TAKEN_OUT, key=lambda s: s.value)


def _sub(state: SubState, **kw) -> Submission:
    return Submission(Draft(subject="row"), "acct", state, **kw)


@pytest.mark.parametrize("state", UNDER_WAY + [SubState.DELETING])
def test_a_row_whose_send_is_still_in_the_outbox_has_no_verdict_yet(state):
    assert row_verdict(_sub(state), listed=True) is None


def test_a_row_ends_as_its_submission_ended():
    assert row_verdict(_sub(SubState.SENT), listed=True) == (RowState.SENT, SENT, False)
    refused = _sub(SubState.FAILED, reason="The address is not valid", kind=ErrorKind.INVALID_INPUT)
    assert row_verdict(refused, listed=True) == (RowState.FAILED, "The address is not valid", False)  # fix first
    unreachable = _sub(SubState.FAILED, reason="gave up", kind=ErrorKind.UNREACHABLE)
    assert row_verdict(unreachable, listed=True) == (RowState.FAILED, "gave up", True)  # Resend as it is
    assert row_verdict(_sub(SubState.CANCELLED), listed=False) == (RowState.FAILED, TAKEN_BACK, True)
    assert row_verdict(_sub(SubState.DELETING), listed=False) == (RowState.FAILED, DELETED, True)


@pytest.mark.parametrize("state", sorted(SubState, key=lambda s: s.value))
def test_every_state_a_submission_can_leave_the_outbox_in_gives_its_row_an_end(state):
    """Gone from the Outbox in any state (sent and removed from the list, taken back, thrown away): the row
    is never left SENDING for ever, and it is SENT only when its submission is."""
    state_of_row, words, _retry = row_verdict(_sub(state), listed=False)
    assert words and (state_of_row == RowState.SENT) == (state == SubState.SENT)
