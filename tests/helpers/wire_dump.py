"""The directory sandboxes in other processes (CLI, kill soak, the packaged --self-test) write every body to
(they inherit ``DISPATCH_SANDBOX_WIRE_DUMP``; app/sandbox/wiredump.py), and the trap that counts the requests a
unit test's sandbox serves (tests/conftest.py ``_unit_tests_meet_no_sandbox``)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

#: Sandboxes in other processes (CLI, kill soak, the packaged --self-test) inherit this variable and write
#: every SOAP body here (app/sandbox/wiredump.py); the ``wire_validator`` fixture checks them.
WIRE_DUMP = Path(tempfile.mkdtemp(prefix="dispatch-wire-"))
os.environ["DISPATCH_SANDBOX_WIRE_DUMP"] = str(WIRE_DUMP)
atexit.register(shutil.rmtree, WIRE_DUMP, ignore_errors=True)


class _UnmarkedSandboxTrap:
    """The wire observer of a test that gets no validator (a ``unit`` test): every body still goes to the dump
    directory (the next validated test checks it), and each request is counted, so that a unit test that
    starts a sandbox fails with the reason instead of going unchecked."""

    def __init__(self):
        from app.sandbox import wiredump

        self.requests = 0
        self._ews, self._graph = wiredump.from_environment(), wiredump.graph_from_environment()

    def ews(self, direction, body, injected=False):
        self.requests += direction == "request"
        self._ews(direction, body, injected=injected)

    def graph(self, direction, body, **kw):
        self.requests += direction == "request"
        self._graph(direction, body, **kw)


def _requests_dumped_by_other_processes(before: set[str]) -> int:
    """Requests that sandboxes in other processes (a child that runs one: the app's --self-test, the CLI)
    wrote to the dump directory since ``before`` (its file names then)."""
    mine = f"{os.getpid()}-"
    return sum(1 for p in WIRE_DUMP.iterdir() if p.name not in before and not p.name.startswith(mine)
               and "-request" in p.name and not p.name.endswith(".part"))
