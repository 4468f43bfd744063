"""Send selected's closing words (issue 59, item 7a): drafts taken back are said to stay in Drafts, never
counted as not sent."""

from app.core.sending.batch_report import batch_summary


def test_a_batch_taken_back_whole_says_it_stays_in_drafts():
    assert batch_summary(2, 0, 2) == "Taken back: the 2 drafts stay in Drafts, not sent"
    assert batch_summary(1, 0, 1) == "Taken back: the draft stays in Drafts, not sent"


def test_a_mixed_batch_names_each_part():
    assert batch_summary(3, 3, 0) == "Sent 3 of 3"
    assert batch_summary(3, 1, 0) == "Sent 1 of 3; 2 not sent (see Status)"
    assert batch_summary(4, 1, 2) == "Sent 1 of 4; 2 drafts taken back, kept in Drafts; 1 not sent (see Status)"
    assert batch_summary(3, 2, 1) == "Sent 2 of 3; 1 draft taken back, kept in Drafts"


def test_drafts_kept_for_later_by_the_users_choice_are_not_counted_as_not_sent():
    assert batch_summary(3, 2, 0, later=1) == "Sent 2 of 3; 1 kept in the Outbox for later"
    assert batch_summary(4, 1, 0, later=2) == "Sent 1 of 4; 2 kept in the Outbox for later; 1 not sent (see Status)"
