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
    assert isinstance(err, ItemFailed) and err.code == "ErrorTimeoutExpired"
    assert err.kind == ErrorKind.OUTCOME_UNKNOWN


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


# ---- backend-neutral kinds: core and UI decide on these, never on the ResponseCode ----
from app.domain.models import ErrorKind  # noqa: E402


@pytest.mark.parametrize("exc,kind", [
    (xe.ErrorItemNotFound("The specified object was not found in the store."), ErrorKind.NOT_FOUND),
    (xe.ErrorInvalidIdMalformed("Id is malformed."), ErrorKind.NOT_FOUND),
    (xe.ErrorIrresolvableConflict("changed"), ErrorKind.STALE),
    (xe.ErrorInvalidChangeKey("bad key"), ErrorKind.STALE),
    (xe.ErrorStaleObject("stale"), ErrorKind.STALE),
    (xe.ErrorServerBusy("busy", back_off=3), ErrorKind.THROTTLED),
    (xe.ErrorInternalServerTransientError("try again"), ErrorKind.THROTTLED),
    (xe.ErrorInvalidRecipients("At least one recipient isn't valid."), ErrorKind.INVALID_INPUT),
    (xe.ErrorMessageSizeExceeded("too big"), ErrorKind.TOO_LARGE),
    (xe.ErrorSendAsDenied("no"), ErrorKind.PERMANENT),
    (xe.ErrorAccessDenied("no"), ErrorKind.PERMANENT),
    (xe.UnauthorizedError("401"), ErrorKind.AUTH),
    (xe.SOAPError("Bad SOAP response: unexpected end"), ErrorKind.OUTCOME_UNKNOWN),
])
def test_every_mapped_error_carries_the_kind_the_core_acts_on(exc, kind):
    err = map_error(exc)
    assert err.kind == kind, (type(exc).__name__, err.kind)


def test_transport_kinds_follow_the_cause():
    refused = _reraised(requests.exceptions.ConnectionError(ConnectionRefusedError(111, "refused")),
                        lambda e: xe.ErrorTimeoutExpired(f"Reraised from {e}"))
    assert map_error(refused).kind == ErrorKind.UNREACHABLE  # unreachable, never "server busy"
    read = _reraised(requests.exceptions.ReadTimeout("read timed out"),
                     lambda e: xe.ErrorTimeoutExpired(f"Reraised from {e}"))
    assert map_error(read).kind == ErrorKind.OUTCOME_UNKNOWN


def test_per_item_outcomes_carry_their_kind():
    from app.domain.models import ItemRef, OutcomeStatus
    from app.mail.ews.errors import outcome_error

    assert outcome_error(ItemRef("a"), "ErrorInvalidRecipients").kind == ErrorKind.INVALID_INPUT
    assert outcome_error(ItemRef("a"), "ErrorItemNotFound").kind == ErrorKind.NOT_FOUND
    assert outcome_error(ItemRef("a"), "ErrorInvalidRecipients", status=OutcomeStatus.UNKNOWN).kind == \
        ErrorKind.OUTCOME_UNKNOWN


def test_a_result_cut_off_inside_no_error_is_a_damaged_reply_not_a_refusal():
    """A reply cut inside "NoError" parses as far as it goes: exchangelib reports the result "NoEr", which
    no EWS ResponseCode is (all but NoError start with "Error"). It was a PERMANENT refusal "NoEr: None" (the
    window's banner said so at start-up); it is a reply that could not be read: outcome unknown."""
    exc = xe.TransportError("Unknown ResponseCode in ResponseMessage: NoEr (MessageText: None, MessageXml: None)")
    err = map_error(exc)
    assert isinstance(err, MalformedResponse) and err.kind == ErrorKind.OUTCOME_UNKNOWN
    assert "NoEr" in err.message and "damaged" in err.message
