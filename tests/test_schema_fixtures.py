"""The schema fixtures of tests/conftest.py: a test that meets a sandbox has every SOAP body validated (the
Graph half: tests/graph/test_graph_wire_fixture.py); a unit test builds no schema, and one that starts a
sandbox all the same is caught rather than left unchecked."""

from __future__ import annotations

import pytest

from tests.helpers.soap import post

#: schema-invalid: ReturnFullContactData is an xs:boolean
BAD_BODY = '<m:ResolveNames ReturnFullContactData="maybe"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>'


def test_a_test_outside_the_sandbox_folders_that_asks_for_a_sandbox_has_its_bodies_validated(request, sandbox,
                                                                                            wire_validator):
    assert request.node.get_closest_marker("sandbox")  # marked by the fixture it asks for, not by its folder
    post(sandbox, BAD_BODY)  # not declared broken: the autouse validator must see it
    failures = wire_validator.reset()  # taken here, so that this test itself passes
    assert [d for d, _reason, _raw in failures] == ["request"], failures
    assert "ReturnFullContactData" in failures[0][1]


def test_a_unit_test_gets_no_validator(request, wire_validator, graph_wire_validator):
    assert request.node.get_closest_marker("unit")
    assert wire_validator is None and graph_wire_validator is None  # no schema built for it


@pytest.mark.sandbox
def test_a_sandbox_in_a_test_that_gets_no_validator_trips_the_trap_and_is_still_dumped(sandbox_factory):
    """What a unit test that starts a sandbox meets (tests/conftest.py ``_unit_tests_meet_no_sandbox``): its
    requests are counted (the test then fails, saying to mark it), and its bodies still go to the dump
    directory, for the next validated test to check."""
    from app.sandbox import Sandbox
    from tests.helpers.wire_dump import WIRE_DUMP, _UnmarkedSandboxTrap

    sb = sandbox_factory()
    checking = Sandbox.default_wire_observer
    trap = _UnmarkedSandboxTrap()
    before = set(WIRE_DUMP.iterdir())
    Sandbox.default_wire_observer = trap.ews
    try:
        post(sb, BAD_BODY.replace("maybe", "false"))
    finally:
        Sandbox.default_wire_observer = checking
    assert trap.requests == 1
    dumped = sorted(p.name for p in set(WIRE_DUMP.iterdir()) - before)
    assert [n.split("-")[-1] for n in dumped] == ["request.xml", "response.xml"], dumped


@pytest.mark.sandbox
def test_a_sandbox_in_a_child_process_is_noticed_through_the_dump():
    """The other half of the trap: a unit test whose child process runs a sandbox (the app's --self-test, the
    CLI) is noticed by the requests that child dumped (tests/test_packaging.py's self-tests were unit tests)."""
    import requests

    from tests.helpers.wire_dump import WIRE_DUMP, _requests_dumped_by_other_processes
    from tests.helpers.sandbox_cli import start_cli, stop_cli
    from tests.helpers.soap import SOAP

    before = {p.name for p in WIRE_DUMP.iterdir()}
    proc, info = start_cli("--port", "0")
    try:
        alice = next(a for a in info["accounts"] if a["email"] == "alice@example.com")
        r = requests.post(info["ews_url"], data=SOAP.format(body=BAD_BODY.replace("maybe", "false")).encode(),
                          auth=(alice["username"], alice["password"]), timeout=60,
                          headers={"Content-Type": "text/xml; charset=utf-8"})
        assert r.status_code == 200
    finally:
        stop_cli(proc)
    assert _requests_dumped_by_other_processes(before) == 1
