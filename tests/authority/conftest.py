"""Fixtures: a started Authority (with a clock the test advances) for the sandbox's users."""

from __future__ import annotations

import pytest

from app.sandbox import DEFAULT_USERS
from app.sandbox.authority import Authority
from tests.authority.helpers import FakeClock


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def authority_factory(clock):
    started = []

    def make(**options):
        options.setdefault("clock", clock)
        auth = Authority(DEFAULT_USERS, **options).start()
        started.append(auth)
        return auth

    yield make
    for auth in started:
        auth.stop()


@pytest.fixture
def authority(authority_factory):
    return authority_factory(device_interval=1)
