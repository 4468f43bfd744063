"""PidTagDeferredSendTime as a client sets it with exchangelib (Outlook's "Delay delivery"): the sandbox's deferred-send
tests (tests/sandbox/test_deferred_send.py, tests/sandbox/test_deferred_race.py) use it as a client would."""

from __future__ import annotations

import pytest
from exchangelib import ExtendedProperty
from exchangelib.items import Message


class DeferredSendTime(ExtendedProperty):
    """PidTagDeferredSendTime (0x3FEF, SystemTime, UTC)."""

    property_tag = 0x3FEF
    property_type = "SystemTime"


@pytest.fixture
def deferred_field():
    """exchangelib's documented way to add an extended property to Message, removed again after the test."""
    Message.register("deferred_send_time", DeferredSendTime)
    yield
    Message.deregister("deferred_send_time")
