"""Fixtures for the backend tests: real exchangelib (EWS) or real httpx (Microsoft Graph) over HTTP against
the in-process sandbox.

The backend-contract tests run once per backend: ``@every_backend`` parametrises the ``backend`` fixture over
("ews", "ews-engine": EWS in the mail engine's process, "graph"); ``sandbox``, ``services`` and ``svc`` follow it (a Graph run gets a sandbox that also
serves Graph, ``sandbox_factory(graph=True)``, and GraphMailService with tokens from the sandbox's
authority). A test without ``@every_backend`` is EWS-only and says why. ``op`` / ``logged`` name an operation for
fault injection / the request log of the backend at hand; ``settle`` waits for Graph's asynchronous
delivery (a no-op over EWS, whose SendItem delivers before it answers)."""

from __future__ import annotations

import pytest

from tests.helpers.mail_services import Services


@pytest.fixture
def backend(request):
    return getattr(request, "param", "ews")


@pytest.fixture
def sandbox(sandbox_factory, backend):
    """A running sandbox; with the Graph backend it serves Graph too (on the same mailboxes)."""
    return sandbox_factory(graph=True) if backend == "graph" else sandbox_factory()


@pytest.fixture
def small_sandbox(sandbox_factory, backend):
    """A sandbox that accepts at most 64 KB per message (to provoke ErrorMessageSizeExceeded cheaply)."""
    return sandbox_factory(max_send_bytes=64 * 1024, graph=backend == "graph")


@pytest.fixture
def services(sandbox, backend):
    s = Services(sandbox, backend)
    yield s
    s.close()


@pytest.fixture
def svc(services):
    return services.make()


@pytest.fixture
def box(services, tmp_path):
    """An Outbox over the backend's service (tests/mail/outbox_harness.py)."""
    from tests.mail.outbox_harness import Box

    b = Box(services.make(), tmp_path / "journal.sqlite3")
    yield b
    b.close()


@pytest.fixture
def clocked_box(services, tmp_path):
    """The ``box`` on a clock the test moves (``clocked_box.clock``, tests/helpers/clocks.py): its settle
    delays and back-offs pass when the test says, not in real time."""
    from tests.helpers.clocks import ManualClock
    from tests.mail.outbox_harness import Box

    b = Box(services.make(), tmp_path / "journal.sqlite3", clock=ManualClock())
    yield b
    b.close()


