"""The autouse ``graph_wire_validator`` (tests/conftest.py) sees every Graph body of a test that meets a
sandbox: a schema-invalid request that the test did not declare broken is reported."""

from __future__ import annotations


def test_an_undeclared_invalid_graph_body_is_reported(request, alice, graph_wire_validator):
    assert request.node.get_closest_marker("sandbox")
    r = alice.post("/me/messages", json={"subject": 12345})  # subject is Edm.String
    assert r.status_code in (201, 400)
    failures = graph_wire_validator.reset()  # taken here, so that this test itself passes
    assert [d for d, _reason, _raw in failures] == ["request POST /v1.0/me/messages"], failures
    assert "subject" in failures[0][1]
