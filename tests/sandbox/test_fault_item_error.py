"""The ``item_error`` fault: an operation's item refused with one of Exchange's codes, the operation not run
(here ErrorSendAsDenied on SendItem, as Exchange answers a From the user may not send as), over EWS through
exchangelib, schema-valid on the wire."""

from __future__ import annotations

import pytest
from exchangelib import Message
from exchangelib.errors import ErrorSendAsDenied


def test_item_error_refuses_the_send_with_the_code_and_sends_nothing(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="refused", to_recipients=["bob@example.com"])
    m.save()
    sandbox.faults.inject("SendItem", "item_error", code="ErrorSendAsDenied")
    with pytest.raises(ErrorSendAsDenied) as ei:
        m.send()
    assert "right to send mail" in str(ei.value)  # Exchange's words for the code
    assert sandbox.faults.fired == [("SendItem", "item_error")]
    assert alice.drafts.all().count() == 1 and sandbox.mailbox("bob@example.com").count("inbox") == 0
    m.send()  # used up: the next one goes
    assert sandbox.mailbox("bob@example.com").count("inbox") == 1


@pytest.mark.parametrize("params", [{}, {"code": "NoError"}, {"code": "ErrorSendAsDenied<x/>"}, {"code": 5},
                                    {"code": "ErrorAccessDenied", "text": 3}])
def test_item_error_needs_an_exchange_code(sandbox, params):
    with pytest.raises(ValueError, match="item_error needs code|text must be"):
        sandbox.faults.inject("SendItem", "item_error", **params)
    assert sandbox.faults.pending() == []
