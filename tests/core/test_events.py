"""The one way core news leaves the core (app.domain.events): typed events on a Hub; subscribe, be told,
unsubscribe; and the core objects that publish on one."""

import logging

import pytest

from app.domain.events import (DraftSaved, Hub, OutboxChanged, QueueHeldElsewhere, SessionStateChanged,
                               SettingsProblem, SubmissionFinished)


def test_every_listener_is_told_in_order_and_an_unsubscribed_one_no_more():
    news, heard = Hub(OutboxChanged), []
    stop_a = news.subscribe(OutboxChanged, lambda _e: heard.append("a"))
    news.subscribe(OutboxChanged, lambda _e: heard.append("b"))
    news.publish(OutboxChanged())
    stop_a()
    news.publish(OutboxChanged())
    assert heard == ["a", "b", "b"]


def test_a_failing_listener_is_logged_and_the_others_still_told(caplog):
    news, heard = Hub(DraftSaved), []
    news.subscribe(DraftSaved, lambda e: 1 / 0)
    news.subscribe(DraftSaved, lambda e: heard.append(e.draft))
    with caplog.at_level(logging.ERROR):
        news.publish(DraftSaved("draft"))
    assert heard == ["draft"]
    assert "DraftSaved listener failed" in caplog.text


def test_an_event_the_hub_does_not_publish_is_refused_and_clear_silences_all():
    news, heard = Hub(OutboxChanged), []
    with pytest.raises(KeyError):
        news.subscribe(SubmissionFinished, heard.append)
    with pytest.raises(KeyError):
        news.publish(SubmissionFinished("sub"))
    news.subscribe(OutboxChanged, heard.append)
    news.clear()
    news.publish(OutboxChanged())
    assert heard == []


def test_events_are_frozen_data():
    event = SettingsProblem("The settings file could not be written")
    with pytest.raises(AttributeError):
        event.text = "other"  # type: ignore[misc]
    assert event == SettingsProblem("The settings file could not be written")


def test_each_core_object_publishes_its_own_events(tmp_path):
    """What each publisher declares: subscribing to one of its events works, to another's is a KeyError."""
    from app.core.account_queue.keeper import QueueKeeper
    from app.core.accounts.demo import demo_session
    from app.core.outbox.owner import Outbox
    from app.storage.journal import Journal

    session = demo_session(tmp_path)
    outbox = Outbox(session, Journal(":memory:"))
    keeper = QueueKeeper("k", lambda: None, lambda _o: None)
    for hub, ours, other in ((session.news, SessionStateChanged, OutboxChanged),
                             (outbox.news, SubmissionFinished, SessionStateChanged),
                             (keeper.news, QueueHeldElsewhere, DraftSaved)):
        hub.subscribe(ours, lambda _e: None)()
        with pytest.raises(KeyError):
            hub.subscribe(other, lambda _e: None)
    session.close()
