"""Views read row models, not states (issue 76, item 6): what a row and a send say in fields, for each state a
send reaches through the one table (walked with its events, as the Outbox applies them), and for each save's
status. The Outbox view counts, marks and offers its buttons from these fields; Compose's countdown, a batch's,
the status bar and the announcements follow a send through :func:`send_view`. No Qt, no network."""

from __future__ import annotations

import pytest

from app.core.outbox.rows import row_for, send_view
from app.core.outbox.saves import SaveJob, SaveStatus
from app.core.outbox.submission import Event, Submission
from app.domain.models import Draft, ErrorKind, Recipient

NOW = 1000.0


def _sub(*events: tuple) -> Submission:
    sub = Submission(Draft(to=[Recipient("bob@example.com")], subject="rows"), "a")
    for event, facts in events:
        sub.apply(event, **facts)
    return sub


START, SAVED = (Event.START, {}), (Event.SAVED, {})
#: (the events from queued, what its row says: waiting, not_done, sent, checking, can_cancel; what the send says:
#: held, queued, sent, not_sent, refused, taken_back, final)
WALKS = {
    "queued": ((), (True, False, False, False, True), (False, True, False, False, False, False, False)),
    "saving": ((START,), (True, False, False, False, False), (False, False, False, False, False, False, False)),
    "submitting": ((START, SAVED), (True, False, False, False, False),
                   (False, False, False, False, False, False, False)),
    "unknown": ((START, SAVED, (Event.LOST, {"kind": ErrorKind.OUTCOME_UNKNOWN})),
                (True, False, False, True, False), (False, False, False, False, False, False, False)),
    "sent": ((START, SAVED, (Event.ACCEPTED, {})), (False, False, True, False, False),
             (False, False, True, False, False, False, True)),
    "refused": ((START, SAVED, (Event.REJECTED, {"kind": ErrorKind.PERMANENT, "reason": "refused"})),
                (False, True, False, False, True), (False, False, False, True, True, False, True)),
    "not told": ((START, SAVED, (Event.LOST, {"kind": ErrorKind.OUTCOME_UNKNOWN}),
                  (Event.FOUND_NOWHERE, {"kind": ErrorKind.OUTCOME_UNKNOWN})),
                 (False, True, False, False, True), (False, False, False, True, False, False, True)),
    "held": (((Event.HOLD, {"hold_kind": "undo", "release_at": NOW + 10, "retry_at": NOW + 10}),),
             (True, False, False, False, True), (True, False, False, False, False, False, False)),
    "taken back": (((Event.CANCEL, {}),), (False, False, False, False, False),
                   (False, False, False, False, False, True, True)),
    "deleting": (((Event.DELETE, {}),), (True, False, False, False, False),
                 (False, False, False, False, False, False, False)),
}


@pytest.mark.parametrize("name", list(WALKS))
def test_a_sends_row_and_view_say_in_fields_what_its_state_means(name):
    events, row_says, send_says = WALKS[name]
    sub = _sub(*events)
    row = row_for(sub, NOW)
    assert (row.waiting, row.not_done, row.sent, row.checking, row.can_cancel) == row_says, name
    v = send_view(sub)
    assert (v.held, v.queued, v.sent, v.not_sent, v.refused, v.taken_back, v.final) == send_says, name


@pytest.mark.parametrize("status,waiting,not_done", [
    (SaveStatus.WAITING, True, False), (SaveStatus.WORKING, True, False), (SaveStatus.RETRYING, True, False),
    (SaveStatus.AUTH, True, False), (SaveStatus.FAILED, False, True), (SaveStatus.DONE, False, False),
])
def test_a_saves_row_says_whether_it_waits_or_was_not_saved(status, waiting, not_done):
    row = row_for(SaveJob(Draft(subject="a save"), "a", status), NOW)
    assert (row.waiting, row.not_done, row.sent, row.checking) == (waiting, not_done, False, False)
