"""A mail-merge row handed to the Outbox ends as its submission ends (issue 47, item 2): the row's outcome is
derived from the submission's state (the one table), for every state the table has. No Qt, no network."""

from __future__ import annotations

import pytest

from app.core.merge.run import DELETED, SENT, TAKEN_BACK, RowState, row_verdict
from app.core.outbox.submission import FINAL, TAKEN_OUT, SubState, Submission
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


def test_a_merge_written_by_an_older_version_loads_each_rows_stored_state_mapped_once(tmp_path):
    """Before issue 47 a row stored its own state; such a record still loads, each state mapped once to what
    a row now holds, and shows as it did (no Outbox listing any of its submissions: the record is all there
    is). What it writes next is the new form, which loads to the same rows."""
    from app.core.merge.run import ALREADY_SENT, IN_DRAFTS, MergeRun
    from app.domain.models import Draft
    from app.storage.merges import MergeStore, template_to_dict

    old = [("ready", "", False, ""), ("invalid", "not a valid e-mail address", False, ""),
           ("saving", "", False, ""), ("sending", "", False, "s4"), ("sent", "Sent", False, "s5"),
           ("sent", ALREADY_SENT, False, ""), ("failed", "refused", False, "s7"), ("failed", "gave up", True, "s8"),
           ("failed", "Not created: the server did not answer", True, ""), ("failed", IN_DRAFTS, True, "s10")]
    data = {"version": 1, "merge_id": "a" * 32, "account": "acct", "created": 1.0, "header": ["email"],
            "recipient_col": 0, "template": template_to_dict(Draft(subject="Hi")), "problems": {},
            "rows": [{"n": n, "line": n + 1, "values": ["bob@example.com"], "state": state, "error": error,
                      "ref": None, "sub": sub, "retry": retry, "fixed": False}
                     for n, (state, error, retry, sub) in enumerate(old, 1)]}
    store = MergeStore(tmp_path / "merges")
    store.save(data["merge_id"], data)

    class NoOutbox:  # nothing listed: an Outbox whose journal holds none of these submissions
        class queue:  # noqa: N801 - its read-only view, as the Outbox's
            subs: dict = {}

    run = MergeRun.load(NoOutbox(), store, data["merge_id"])
    want = [(RowState.READY, "", False), (RowState.INVALID, "not a valid e-mail address", False),
            (RowState.READY, "", False),  # was being created: no submission existed, Resend's look-up decides
            (RowState.SENDING, "", False),  # handed over: resume() follows or looks its submission up
            (RowState.SENT, SENT, False), (RowState.SENT, ALREADY_SENT, False),
            (RowState.FAILED, "refused", False), (RowState.FAILED, "gave up", True),
            (RowState.FAILED, "Not created: the server did not answer", True), (RowState.FAILED, IN_DRAFTS, True)]
    assert [(r.state, r.error, r.retry) for r in run.rows] == want
    again = MergeRun(NoOutbox(), store, run.to_dict())
    assert "state" not in run.to_dict()["rows"][0]
    assert [(r.state, r.error, r.retry) for r in again.rows] == want
