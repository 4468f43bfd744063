"""app.core.gc_pause: while held, no automatic full (generation 2) collection starts; young ones go on; when
the last hold ends the collector's thresholds come back and what is alive is frozen (issue 16: the merge's
longest stalls were full collections of its ~50,000 live objects)."""

from __future__ import annotations

import gc

import pytest

from app.core import gc_pause


@pytest.fixture
def fresh_gc():
    """Generation 2 empty (everything alive frozen), so objects that pile up trigger a full collection soon
    (CPython waits until those promoted since the last one are a quarter of what it found then); then the
    frozen objects are handed back to the collector."""
    before = gc.get_threshold()
    gc.freeze()
    gc.collect()
    yield
    gc.set_threshold(*before)
    gc.unfreeze()


def _generations_collected_while(work) -> list[int]:
    seen: list[int] = []

    def note(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        work()
    finally:
        gc.callbacks.remove(note)
    return seen


def _pile_up():
    """~200,000 objects that live on (each survives into generation 2), as a big merge's rows do."""
    keep = [[n] for n in range(200_000)]
    return len(keep)


def test_objects_piling_up_start_full_collections_without_a_hold(fresh_gc):
    """The control: the same work without a hold does run full collections (the test below can fail)."""
    seen = _generations_collected_while(_pile_up)
    assert 2 in seen, seen


def test_while_held_no_full_collection_starts_and_young_ones_go_on(fresh_gc):
    before = gc.get_threshold()
    with gc_pause.held():
        assert gc_pause.holding()
        assert gc.get_threshold()[:2] == before[:2]
        seen = _generations_collected_while(_pile_up)
        kept = [[n] for n in range(1000)]
    assert 2 not in seen, seen
    assert 0 in seen and 1 in seen, seen  # cycles among short-lived objects are still freed
    assert not gc_pause.holding()
    assert gc.get_threshold() == before
    # what the work left alive is frozen: no full collection goes over it again
    assert gc.get_freeze_count() >= len(kept)
    assert not any(o is kept[0] for o in gc.get_objects())
    after = _generations_collected_while(_pile_up)  # and full collections start again once released
    assert 2 in after, after


def test_holds_nest_and_an_exception_ends_one(fresh_gc):
    before = gc.get_threshold()
    with gc_pause.held():
        with pytest.raises(RuntimeError):
            with gc_pause.held():
                raise RuntimeError("the work failed")
        assert gc_pause.holding()  # the outer hold is still taken
        assert gc.get_threshold()[2] == gc_pause.HELD_THRESHOLD
    assert not gc_pause.holding()
    assert gc.get_threshold() == before
