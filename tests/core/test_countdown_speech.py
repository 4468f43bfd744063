"""Which seconds of an undo-send countdown are spoken (app/core/outbox/countdown_speech.py): its start once, its last
3 seconds once, never every second."""

from __future__ import annotations

from app.core.outbox.countdown_speech import LAST_SECONDS, Cue, Said, cue, spoken_seconds


def test_a_ten_second_countdown_is_said_at_its_start_and_once_in_its_last_three_seconds():
    assert spoken_seconds([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]) == [(10, Cue.START), (3, Cue.LAST)]


def test_ticks_that_skip_seconds_still_say_the_last_seconds_once():
    # a busy loop may miss a tick: the first tick inside the last seconds says it
    assert spoken_seconds([10, 8, 5, 2, 1, 0]) == [(10, Cue.START), (2, Cue.LAST)]
    # the same second seen twice (a tick and an Outbox change in one second) is said once
    assert spoken_seconds([5, 5, 4, 3, 3, 2]) == [(5, Cue.START), (3, Cue.LAST)]


def test_a_countdown_that_starts_inside_its_last_seconds_is_said_once():
    for start in range(1, LAST_SECONDS + 1):
        assert spoken_seconds(list(range(start, -1, -1))) == [(start, Cue.START)], start


def test_a_countdown_that_jumps_to_its_end_says_no_last_seconds():
    # Send now, or the window released at once: the outcome is said instead
    assert spoken_seconds([10, 9, 0]) == [(10, Cue.START)]


def test_cue_is_a_pure_function_of_its_inputs():
    said = Said(start=True)
    assert cue(3, said) == (Cue.LAST, Said(start=True, last=True))
    assert cue(3, said) == (Cue.LAST, Said(start=True, last=True))  # the same answer again
    assert cue(4, said) == (None, said)
    assert cue(2, Said(start=True, last=True)) == (None, Said(start=True, last=True))
