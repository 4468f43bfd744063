"""The ONE rule for many items in chunks of requests (app/mail/chunks.py), and the EWS backend held to it as
Graph is: a failed request's items get its error as their outcome, the rest are not tried only after a
failure the next request would share (auth, TLS, throttling, unreachable), and nothing is sent again inside
the backend, not one item at a time either (issue 47). Pure functions, no server: the chunk calls are plain
functions that answer or raise as a server's request would."""

from __future__ import annotations

import pytest
from exchangelib import errors as xe

from app.domain.models import ErrorKind, ItemRef, OutcomeStatus
from app.mail.chunks import STOP_KINDS
from app.mail.errors import (
    AuthFailed, ClientClosed, ConnectionFailed, EwsBlocked, ItemFailed, MailError, OutcomeUnknown, ServerBusy,
    TlsFailed,
)
from app.mail.ews import batch

REFS = [ItemRef(f"id{i}") for i in range(6)]


class Server:
    """One EWS request per call: every item of a chunk sent, unless the chunk holds a ref of ``failing``
    (then ``error`` is raised for the whole request)."""

    def __init__(self, error: BaseException, failing: set[str]):
        self.error, self.failing, self.calls = error, failing, []

    def __call__(self, chunk: list[ItemRef]):
        self.calls.append([r.id for r in chunk])
        if any(r.id in self.failing for r in chunk):
            raise self.error
        return [True] * len(chunk)


def _send(server: Server, size: int = 2):
    return batch._run_chunks(REFS, server, OutcomeStatus.SENT, "", size=size)


@pytest.mark.parametrize("error", [
    ConnectionFailed(), ServerBusy(retry_after=2.0), AuthFailed(), EwsBlocked("a@example.com"), TlsFailed("no"),
    OutcomeUnknown(), ItemFailed("ErrorInvalidRecipients", "bad", kind=ErrorKind.INVALID_INPUT), ClientClosed(),
], ids=lambda e: type(e).__name__)
def test_a_failed_chunk_stops_the_rest_only_when_the_next_would_fail_the_same_way(error: MailError):
    server = Server(error, failing={"id2"})
    outcomes = _send(server)
    assert [o.ref for o in outcomes] == REFS
    assert [o.status for o in outcomes[:2]] == [OutcomeStatus.SENT] * 2
    unknown = error.kind == ErrorKind.OUTCOME_UNKNOWN  # may have gone out: looked up, never repeated
    for o in outcomes[2:4]:
        assert o.status == (OutcomeStatus.UNKNOWN if unknown else OutcomeStatus.FAILED)
        assert (o.kind, o.code) == (error.kind, error.code)
    if error.kind in STOP_KINDS:
        assert server.calls == [["id0", "id1"], ["id2", "id3"]]  # the last chunk was not tried
        assert all(o.status == OutcomeStatus.FAILED and o.kind == error.kind for o in outcomes[4:])
    else:
        assert server.calls == [["id0", "id1"], ["id2", "id3"], ["id4", "id5"]]  # the same as Graph
        assert [o.status for o in outcomes[4:]] == [OutcomeStatus.SENT] * 2


def test_a_request_refused_as_a_whole_is_not_sent_again_one_item_at_a_time():
    """A SOAP fault rejects the request before any item is processed: its items fail with its kind, the core
    decides what follows; nothing is repeated inside the backend."""
    server = Server(xe.ErrorSchemaValidation("The request failed schema validation"), failing={"id0"})
    with pytest.raises(ItemFailed) as err:  # no request got an answer: the error itself, whole
        _send(server, size=batch.SEND_CHUNK)
    assert server.calls == [[r.id for r in REFS]]
    assert (err.value.code, err.value.kind) == ("ErrorSchemaValidation", ErrorKind.INVALID_INPUT)


def test_a_whole_request_timeout_is_outcome_unknown_and_never_resent():
    server = Server(xe.ErrorTimeoutExpired("The request timed out"), failing={"id2"})
    outcomes = _send(server)
    assert server.calls == [["id0", "id1"], ["id2", "id3"], ["id4", "id5"]]  # no item went twice
    assert [o.status for o in outcomes] == [OutcomeStatus.SENT] * 2 + [OutcomeStatus.UNKNOWN] * 2 + \
        [OutcomeStatus.SENT] * 2
    assert {o.kind for o in outcomes[2:4]} == {ErrorKind.OUTCOME_UNKNOWN}
