"""Every submission state change goes through the one table (issue 47, item 2): the source rule itself (a
submission's ``state`` set only in app/core/outbox/submission.py, events applied only by the Outbox, a merge row's state
never assigned, a send held only as it is made) is in tests/helpers/rules.py, run by tests/test_rules.py over
app/, bench/ and scripts/. Here: the states the journal holds, and the fields that decide what happens next,
written only with an event (by their table's ``apply``)."""

def test_the_journal_holds_the_same_states_as_before_deleting_is_never_written():
    """Journal compatibility: the states a submission is stored in are those older versions wrote and read
    (DELETING is persisted as its entry leaving the journal, as SENT is), and each resumes per RESTART."""
    from app.core.outbox.submission import RESTART, STORED, SubState

    assert {s.value for s in STORED} == {"queued", "send_saving", "submitting", "unknown", "failed", "held"}
    assert set(RESTART) == set(STORED) and SubState.DELETING not in STORED


# ================================================================ the fields that decide, only with an event
def _writes_outside_the_tables() -> list[str]:
    from tests.helpers import rules

    return [f"{path}:{line} .{field}" for path, tree in rules.trees(*rules.SCANNED)
            if path not in rules.FACT_SETTERS for line, field in rules.decision_writes(tree)]


def test_no_module_writes_a_submissions_or_a_saves_decision_fields_outside_the_owner():
    """``retry_at``, ``kind``, ``code``, ``adopt``, ``attempts``, ``lookups``, ``draft``, the hold's times, a save's
    ``status``...: only the Outbox changes them, and only with an event (``transition(sub, event, **facts)``,
    ``job.apply(event, **facts)``), set by the table's ``apply`` in app/core/outbox/submission.py or
    app/core/outbox/saves.py — never written by hand anywhere in app/, bench/ or scripts/."""
    found = _writes_outside_the_tables()
    assert found == [], f"a decision field written outside its table's apply (no event, not journaled): {found}"


def test_only_the_outbox_applies_a_saves_events():
    from tests.helpers import rules

    found = [f"{path}:{line}" for path, tree in rules.trees(*rules.SCANNED)
             if not path.startswith(rules.OWNER) for line in rules.save_event_applications(tree)]
    assert found == [], f"a save's event applied outside the Outbox: {found}"


def test_the_decision_field_check_sees_each_form_of_a_write():
    import ast

    from tests.helpers import rules

    src = ("sub.retry_at = 0.0\n"
           "sub.draft, sub.adopt = d, False\n"
           "sub.attempts += 1\n"
           "setattr(job, 'version', 0)\n"
           "object.__setattr__(sub, 'hold_kind', '')\n"
           "job.status = SaveStatus.WAITING\n"
           "vars(sub)['kind'] = k\n"
           "self.retry_at = 0.0\n"  # an object's own field (the tables' apply): not a write from outside
           "sub.subject = 'x'\n"  # not a decision field
           "box.ob.queue.saves[lid].reason = 'r'\n"
           "job.status, job.retry_at = SaveStatus.WAITING, 0.0\n")
    found = sorted(rules.decision_writes(ast.parse(src)))
    assert found == [(1, "retry_at"), (2, "adopt"), (2, "draft"), (3, "attempts"), (4, "version"), (5, "hold_kind"),
                     (6, "status"), (7, "kind"), (10, "reason"), (11, "retry_at"), (11, "status")]
    assert list(rules.save_event_applications(ast.parse("job.apply(SaveEvent.START)\nsub.apply(Event.START)\n"))) == [1]
