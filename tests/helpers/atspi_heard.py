"""The announcements an AT-SPI session's reader has heard (tests/helpers/atspi_session.py)."""

from __future__ import annotations

import itertools

_barriers = itertools.count(1)


def announcements_until_barrier(desk, since: int) -> list[dict]:
    """The announcement events since ``since``, up to a barrier said now through the app's Announcer: every
    announcement the app made before it has reached the reader by then (one connection to the bus, in order). Each
    barrier has its own words (the Announcer does not say the same words twice within 2 s)."""
    barrier = f"AT-SPI test barrier {next(_barriers)}"
    desk.app.ask(cmd="announce", text=barrier)
    desk.events.wait(lambda e: e["type"] == "object:announcement" and e["data"] == barrier, since=since)
    said = [e for e in desk.events.since(since) if e["type"] == "object:announcement"]
    return said[:[e["data"] for e in said].index(barrier)]
