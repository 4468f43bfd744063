"""The one way core news leaves the core (app.core.listeners): subscribe, be told, unsubscribe."""

import logging

import pytest

from app.core.listeners import Listeners


def test_every_listener_is_told_in_order_and_an_unsubscribed_one_no_more():
    news, heard = Listeners("changed"), []
    stop_a = news.subscribe("changed", lambda: heard.append("a"))
    news.subscribe("changed", lambda: heard.append("b"))
    news.tell("changed")
    stop_a()
    news.tell("changed")
    assert heard == ["a", "b", "b"]


def test_a_failing_listener_is_logged_and_the_others_still_told(caplog):
    news, heard = Listeners("saved"), []
    news.subscribe("saved", lambda d: 1 / 0)
    news.subscribe("saved", heard.append)
    with caplog.at_level(logging.ERROR):
        news.tell("saved", "draft")
    assert heard == ["draft"]
    assert "saved listener failed" in caplog.text


def test_an_unknown_topic_is_refused_and_clear_silences_all():
    news, heard = Listeners("changed"), []
    with pytest.raises(KeyError):
        news.subscribe("chnaged", heard.append)
    news.subscribe("changed", lambda: heard.append(1))
    news.clear()
    news.tell("changed")
    assert heard == []
