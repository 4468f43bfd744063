"""The per-item rules of Graph's $batch sends (app/mail/graph/batch.py) when a whole chunk fails, on a scripted
HTTP layer (each rule is also met over the sandbox in test_graph_backend.py where the sandbox can provoke it):
one outcome per item in order, whatever happens to a chunk.

Why a test double here: the sandbox's faults hit the next request of an operation, so it cannot answer the
first chunk of a send and then throttle or lose the second, and no fault makes it answer a batch with one
response missing; these sequences are scripted. Named in the README's "Test doubles"."""

from __future__ import annotations

import pytest

from app.domain.models import ErrorKind, ItemRef, OutcomeStatus
from app.mail.errors import MalformedResponse, OutcomeUnknown, ServerBusy

pytest.importorskip("httpx")


class ScriptedHttp:
    """Answers each $batch from ``script``: "ok" (every send 202), an exception to raise, or "missing" (an
    answer without the last response)."""

    def __init__(self, script):
        self.script = list(script)
        self.batches = 0

    def call(self, method, path, *, json=None, params=None, headers=None):
        from app.mail.graph.http import Reply

        assert (method, path) == ("POST", "/$batch")
        self.batches += 1
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        responses = [{"id": r["id"], "status": 202, "headers": {}} for r in json["requests"]]
        if step == "missing":
            responses.pop()
        return Reply(200, {}, {"responses": responses})


def _refs(n):
    return [ItemRef(f"id{i}", "") for i in range(n)]


def _send(script, n):
    from app.mail.graph import batch

    http = ScriptedHttp(script)
    return batch.send(http, _refs(n)), http


def test_a_throttled_chunk_stops_the_rest_which_are_not_sent():
    out, http = _send(["ok", ServerBusy("busy", retry_after=5, code="ApplicationThrottled"), "ok"], 45)
    assert http.batches == 2, "after a throttled chunk the next one is not tried"
    assert [o.status for o in out] == [OutcomeStatus.SENT] * 20 + [OutcomeStatus.FAILED] * 25
    assert {o.kind for o in out[20:]} == {ErrorKind.THROTTLED}
    assert [o.ref for o in out] == _refs(45)


def test_a_lost_chunk_is_unknown_and_the_next_chunk_still_goes():
    out, http = _send([OutcomeUnknown(), "ok", "missing"], 45)
    assert http.batches == 3
    assert [o.status for o in out] == ([OutcomeStatus.UNKNOWN] * 20 + [OutcomeStatus.SENT] * 20
                                       + [OutcomeStatus.UNKNOWN] * 5)  # an incomplete answer: unknown too
    assert out[44].code == MalformedResponse().code


def test_when_no_chunk_is_answered_the_error_itself_is_raised():
    with pytest.raises(ServerBusy) as err:
        _send([ServerBusy("busy", retry_after=3)], 5)
    assert err.value.retry_after == 3
