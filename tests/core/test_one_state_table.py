"""Every submission state change goes through the one table (issue 47, item 2): the source rule itself (a
submission's ``state`` set only in app/core/submission.py, events applied only by the Outbox, a merge row's state
never assigned, a send held only as it is made) is in tests/helpers/rules.py, run by tests/test_rules.py over
app/, bench/ and scripts/. Here: the states the journal holds."""

def test_the_journal_holds_the_same_states_as_before_deleting_is_never_written():
    """Journal compatibility: the states a submission is stored in are those older versions wrote and read
    (DELETING is persisted as its entry leaving the journal, as SENT is), and each resumes per RESTART."""
    from app.core.submission import RESTART, STORED, SubState

    assert {s.value for s in STORED} == {"queued", "send_saving", "submitting", "unknown", "failed", "held"}
    assert set(RESTART) == set(STORED) and SubState.DELETING not in STORED
