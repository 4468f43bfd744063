"""Issue 65, the sandbox's Graph front end: each signature the fuzz campaign found over HTTP, as a regression test.

Bad input is a 4xx with Graph's error body, never a 500 or a connection closed unanswered, and a normal request
is still answered afterwards: a $filter nested or chained beyond what the parser (a RecursionError) or SQLite's
parser ("parser stack overflow") took is 400 InefficientFilter; a date-time out of range once in UTC is an
invalid filter; a JSON body (direct or a $batch) nested deeper than 64 levels is 400, never decoded.
"""

from __future__ import annotations

import pytest

from app.sandbox.graph import odata
from tests.helpers.graph_clients import draft_body


def _still_answers(client) -> None:
    r = client.get("/me/messages", params={"$top": "1"})
    assert r.status_code == 200, r.text[:300]


def _error(r, status: int, code: str | None = None) -> None:
    assert r.status_code == status, (r.status_code, r.text[:500])
    if code is not None:
        assert r.json()["error"]["code"] == code, r.text[:500]


@pytest.mark.parametrize("text", ["(" * 5000 + "isRead eq true" + ")" * 5000, "not " * 5000 + "isRead eq true",
                                  "(" * (odata.MAX_FILTER_NESTING + 1) + "isRead eq true"
                                  + ")" * (odata.MAX_FILTER_NESTING + 1)])
def test_a_deep_filter_is_too_complex_not_a_recursion_error(graph_sandbox, alice, text):
    _error(alice.get("/me/messages", params={"$filter": text}), 400, "InefficientFilter")
    _still_answers(alice)


@pytest.mark.parametrize("joiner", [" and ", " or "])
def test_a_long_filter_is_too_complex_not_a_sqlite_parser_stack_overflow(graph_sandbox, alice, joiner):
    text = joiner.join(["isRead eq true"] * 1500)
    _error(alice.get("/me/messages", params={"$filter": text}), 400, "InefficientFilter")
    _still_answers(alice)


def test_a_filter_within_the_limits_is_served(graph_sandbox, alice):
    alice.post("/me/messages", json=draft_body(subject="kept"))
    terms = ["isDraft eq true"] * (odata.MAX_FILTER_TERMS - 1)
    deep = "(" * odata.MAX_FILTER_NESTING + "subject eq 'kept'" + ")" * odata.MAX_FILTER_NESTING
    for f in (" and ".join(terms + ["isDraft eq true"]), deep, " and ".join(terms + [deep])):
        r = alice.get("/me/messages", params={"$filter": f})
        assert r.status_code == 200 and [m["subject"] for m in r.json()["value"]] == ["kept"], r.text[:300]


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_filter_date_that_overflows_in_utc_is_an_invalid_filter(graph_sandbox, alice, when):
    _error(alice.get("/me/messages", params={"$filter": f"receivedDateTime ge {when}"}), 400,
           "ErrorInvalidUrlQueryFilter")
    _still_answers(alice)


def test_a_deeply_nested_json_body_is_400_not_500(graph_sandbox, alice, graph_wire_validator):
    raw = b"[" * 100_000 + b"]" * 100_000
    graph_wire_validator.expect_broken(raw, method="POST", path="/v1.0/me/messages")
    _error(alice.post("/me/messages", content=raw, headers={"Content-Type": "application/json"}), 400,
           "BadRequest")
    _still_answers(alice)


def test_a_batch_of_deeply_nested_arrays_is_400_not_a_closed_connection(graph_sandbox, alice, graph_wire_validator):
    raw = b'{"requests": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    graph_wire_validator.expect_broken(raw, method="POST", path="/v1.0/$batch")
    _error(alice.post("/$batch", content=raw, headers={"Content-Type": "application/json"}), 400, "BadRequest")
    _still_answers(alice)


def test_a_batch_request_body_nested_too_deep_is_400(graph_sandbox, alice, graph_wire_validator):
    inner = "[" * 5000 + "]" * 5000
    raw = ('{"requests": [{"id": "1", "method": "POST", "url": "/me/messages", '
           '"headers": {"Content-Type": "application/json"}, "body": ' + inner + "}]}").encode()
    graph_wire_validator.expect_broken(raw, method="POST", path="/v1.0/$batch")
    _error(alice.post("/$batch", content=raw, headers={"Content-Type": "application/json"}), 400, "BadRequest")
    _still_answers(alice)


def test_a_message_date_that_overflows_in_utc_is_400(graph_sandbox, alice):
    doc = draft_body(flag={"flagStatus": "flagged",
                           "dueDateTime": {"dateTime": "9999-12-31T23:59:59", "timeZone": "America/Los_Angeles"},
                           "startDateTime": {"dateTime": "9999-12-31T23:59:59", "timeZone": "America/Los_Angeles"}})
    r = alice.post("/me/messages", json=doc)
    assert 400 <= r.status_code < 500, r.text[:300]
    _still_answers(alice)


def test_a_batch_past_the_answer_budget_runs_no_more_requests_429_each(graph_sandbox, alice):
    """Twenty GETs of one message's MIME would build one answer of twenty messages: past the budget
    (Sandbox.max_answer_bytes, here small) each remaining request is 429 with Retry-After, not run."""
    made = alice.post("/me/messages", json=draft_body(subject="big", body={"contentType": "text",
                                                                           "content": "x" * 30_000})).json()
    graph_sandbox.max_answer_bytes = 50_000  # one MIME of ~30 KB and one more
    requests = [{"id": str(i), "method": "GET", "url": f"/me/messages/{made['id']}/$value"} for i in range(20)]
    r = alice.post("/$batch", json={"requests": requests})
    assert r.status_code == 200, r.text[:300]
    responses = r.json()["responses"]
    assert [x["status"] for x in responses] == [200, 200] + [429] * 18
    assert all(x["headers"]["Retry-After"] == "1" for x in responses[2:])
    assert responses[2]["body"]["error"]["code"] == "ApplicationThrottled"
    assert len(r.content) < 50_000 + 2 * 45_000 + 18 * 1_000
    _still_answers(alice)
