"""A save waiting in the Outbox has a state table of its own (app/core/outbox/saves.py), as a send has
(app/core/outbox/submission.py): a move not in it raises, and only the fields that decide what happens next travel
with an event."""

from __future__ import annotations

import pytest

from app.core.outbox.saves import SAVE_TRANSITIONS, SaveEvent, SaveJob, SaveStatus, next_save_status
from app.core.outbox.submission import Event, IllegalTransition, SubState, Submission
from app.domain.models import Draft


def test_every_save_move_not_in_the_table_raises():
    for status in SaveStatus:
        for event in SaveEvent:
            if (status, event) in SAVE_TRANSITIONS:
                assert next_save_status(status, event) == SAVE_TRANSITIONS[(status, event)]
            else:
                with pytest.raises(IllegalTransition):
                    next_save_status(status, event)


def test_a_finished_save_moves_only_by_the_users_retry():
    assert {e for (s, e) in SAVE_TRANSITIONS if s == SaveStatus.DONE} == set()
    assert {e for (s, e) in SAVE_TRANSITIONS if s == SaveStatus.FAILED} == {SaveEvent.RESUBMIT}
    assert {s for (s, e) in SAVE_TRANSITIONS if e == SaveEvent.START} == {SaveStatus.WAITING, SaveStatus.RETRYING}


def test_an_event_carries_its_facts_and_nothing_else():
    job = SaveJob(Draft(local_id="s"), "acct")
    job.apply(SaveEvent.START, again=False)
    job.apply(SaveEvent.RETRY, attempts=1, retry_at=5.0, reason="busy")
    assert (job.status, job.attempts, job.retry_at, job.reason) == (SaveStatus.RETRYING, 1, 5.0, "busy")
    with pytest.raises(TypeError):
        job.apply(SaveEvent.WAKE, status=SaveStatus.DONE)  # the state is the table's, never a fact
    with pytest.raises(IllegalTransition):
        job.apply(SaveEvent.SAVED)  # not in flight: nothing was saved
    assert job.status == SaveStatus.RETRYING

    sub = Submission(Draft(local_id="q"), "acct")
    sub.apply(Event.START)
    sub.apply(Event.RETRY, attempts=1, retry_at=3.0)
    assert (sub.state, sub.attempts, sub.retry_at) == (SubState.QUEUED, 1, 3.0)
    with pytest.raises(TypeError):
        sub.apply(Event.WAKE, state=SubState.SENT)
    assert sub.state == SubState.QUEUED and sub.moves.count(";") == 2  # a refused move is not recorded
