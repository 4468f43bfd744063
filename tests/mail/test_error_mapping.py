"""map_error on exception chains shaped exactly like exchangelib's (raised inside ``except``, as
exchangelib.util.post_ratelimited and services/common.py do). Pure function, no server needed; the same
cases over real HTTP are in test_ews_errors.py where the sandbox can produce them."""

from __future__ import annotations

import pytest
import requests
from exchangelib import errors as xe

from app.mail.errors import ConnectionFailed, ItemFailed, MalformedResponse, OutcomeUnknown, ServerBusy
from app.mail.ews.errors import map_error


def _reraised(inner: BaseException, outer_factory):
    """Like exchangelib: ``except CONNECTION_ERRORS as e: raise ErrorTimeoutExpired(...)``."""
    try:
        try:
            raise inner
        except BaseException as e:  # noqa: BLE001
            raise outer_factory(e)
    except BaseException as exc:  # noqa: BLE001
        return exc


def test_read_timeout_is_outcome_unknown():
    exc = _reraised(requests.exceptions.ReadTimeout("read timed out"),
                    lambda e: xe.ErrorTimeoutExpired(f"Reraised from {e.__class__.__name__}({e})"))
    assert isinstance(map_error(exc), OutcomeUnknown)


def test_connect_timeout_is_connection_failed():
    exc = _reraised(requests.exceptions.ConnectTimeout("connect timed out"),
                    lambda e: xe.ErrorTimeoutExpired(f"Reraised from {e.__class__.__name__}({e})"))
    assert isinstance(map_error(exc), ConnectionFailed)


def test_connection_error_behind_busy_reraise_is_still_classified_by_its_cause():
    """With a pool > 1 exchangelib re-raises the connection error as ErrorServerBusy(back_off=...)."""
    inner = _reraised(requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected())"),
                      lambda e: xe.ErrorTimeoutExpired(f"Reraised from {e}"))
    exc = _reraised(inner, lambda e: xe.ErrorServerBusy(f"Reraised from {e}", back_off=10))
    assert isinstance(map_error(exc), OutcomeUnknown)


def test_server_side_timeout_reraised_as_busy_is_not_safely_retryable():
    exc = _reraised(xe.ErrorTimeoutExpired("The request timed out"),
                    lambda e: xe.ErrorServerBusy(f"Reraised from {e}", back_off=10))
    err = map_error(exc)
    assert isinstance(err, ItemFailed) and err.code == "ErrorTimeoutExpired" and not err.retryable


def test_plain_busy_keeps_its_back_off():
    err = map_error(xe.ErrorServerBusy("busy", back_off=2.5))
    assert isinstance(err, ServerBusy) and err.retry_after == 2.5


@pytest.mark.parametrize("exc", [
    xe.SOAPError("Bad SOAP response: unexpected end"),
    xe.MalformedResponseError("No Body element in SOAP response"),
    ValueError("something in the reply made no sense"),
])
def test_unreadable_replies_are_malformed(exc):
    assert isinstance(map_error(exc), MalformedResponse)


def test_unknown_response_codes_keep_their_code():
    exc = xe.TransportError("Unknown ResponseCode in ResponseMessage: ErrorBrandNew (MessageText: New thing, MessageXml: None)")
    err = map_error(exc)
    assert isinstance(err, ItemFailed) and err.code == "ErrorBrandNew" and err.message == "New thing"
