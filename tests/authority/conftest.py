"""Fixtures: a started Authority (with a clock the test advances) for the sandbox's users."""

from __future__ import annotations

import pytest

from app.sandbox import DEFAULT_USERS
from app.sandbox.authority import Authority
from tests.authority.helpers import FakeClock
from tests.helpers.signing_keys import RING


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def authority_factory(clock):
    """Started authorities, each with a signing key from the worker's ring none of the others of this test has
    (tests/helpers/signing_keys.py); stopped at teardown."""
    started, keys = [], []

    def make(**options):
        options.setdefault("clock", clock)
        options.setdefault("poll_interval", 0.01)  # stop() waits for the listener's next look: 10 ms, not 100
        if "signing_key" not in options:
            options["signing_key"] = RING.take(keys)
            keys.append(options["signing_key"])
        auth = Authority(DEFAULT_USERS, **options).start()
        started.append(auth)
        return auth

    yield make
    for auth in started:
        auth.stop()


@pytest.fixture
def authority(authority_factory):
    return authority_factory(device_interval=1)
