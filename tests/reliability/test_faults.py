"""Proof by fault injection: for each fault, 100 saves and 100 sends against the real sandbox (every
SOAP body schema-checked by the ``sandbox`` fixture), real exchangelib through EwsMailService, the real
SendPipeline, Outbox and journal. Faults are injected every few operations through the sandbox's fault
API. Then: every saved draft exists exactly once (server or journal), every sent message is exactly
once in Sent Items and once in each recipient's Inbox, nothing lost, no duplicates.

Short timeouts/backoffs come in as parameters (tests/reliability/workload.py: TEST_POLICY, timeouts).
"""

from __future__ import annotations

import asyncio
import socket

import pytest

from app.storage.journal import Journal
from tests.reliability.workload import FAULTS, run_workload

N = 100


def _run(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def _check(rep):
    assert rep.saves >= N and rep.sends >= N
    assert rep.faults_fired >= 10, f"only {rep.faults_fired} faults fired"
    assert rep.lost == 0 and rep.duplicates == 0, "\n".join(rep.problems)
    assert rep.failed_rows == 0, "\n".join(rep.problems)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("fault", list(FAULTS))
def test_workload_under_fault(sandbox, tmp_path, fault):
    journal = Journal(tmp_path / "journal.sqlite3")
    rep = _run(run_workload(lambda: sandbox, journal, fault, n_saves=N, n_sends=N))
    print(f"\n{fault}: {rep}")
    _check(rep)
    assert journal.count() == 0  # everything confirmed by the server, so nothing left locally
    if fault == "http_401":
        assert rep.auth_waits >= 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(240)
def test_workload_across_sandbox_restarts(wire_validator, tmp_path):
    """The server goes away (stop) and comes back (start on the same data dir and port) every 10
    operations, while saves and sends are on the wire."""
    from app.sandbox import Sandbox

    port, data = _free_port(), str(tmp_path / "sandbox")
    box = {}

    def start():
        sb = Sandbox(data=data, port=port)
        sb.wire_observer = wire_validator.observe
        sb.start()
        box["sb"] = sb

    wire_validator.reset()
    start()
    restarts = 0

    async def restart():
        nonlocal restarts
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, box["sb"].stop)
        await asyncio.sleep(0.1)  # offline for a moment: the outbox sees "could not connect"
        await loop.run_in_executor(None, start)
        restarts += 1

    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        rep = _run(run_workload(lambda: box["sb"], journal, "restart", n_saves=N, n_sends=N, between_batches=restart))
    finally:
        box["sb"].stop()
    print(f"\nrestart: {restarts} restarts, {rep}")
    assert restarts >= 20
    assert rep.lost == 0 and rep.duplicates == 0, "\n".join(rep.problems)
    assert rep.failed_rows == 0, "\n".join(rep.problems)
    failures = wire_validator.reset()
    assert not failures, failures[:3]
