"""Test mode: write every SOAP and Graph body a sandbox reads or writes to a directory, for a schema check elsewhere.

A sandbox that runs in another process than the test suite (``python -m app.sandbox``, the kill soak's
server, the installed app's ``--self-test``) cannot hand its traffic to the suite's in-process validator.
With ``DISPATCH_SANDBOX_WIRE_DUMP=<directory>`` in its environment it writes each body there instead,
one file per body, and the suite validates them against Microsoft's schema after each test.

File names: ``<pid>-<sequence>-<request|response>[-injected].xml``; a body is written under a ``.part``
name and renamed, so a reader never sees half a body. The directory is created 0700 and files 0600:
bodies hold message content. Off unless the variable is set; nothing else reads it.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import threading

ENV = "DISPATCH_SANDBOX_WIRE_DUMP"

log = logging.getLogger("app.sandbox")


class WireDump:
    """Callable with the wire-observer signature ``(direction, body, injected=False)``."""

    def __init__(self, directory: str):
        self.directory = directory
        os.makedirs(directory, mode=0o700, exist_ok=True)
        self._seq = itertools.count(1)
        self._lock = threading.Lock()

    def __call__(self, direction: str, body: bytes, injected: bool = False) -> None:
        with self._lock:
            seq = next(self._seq)
        name = f"{os.getpid()}-{seq:07d}-{direction}{'-injected' if injected else ''}.xml"
        final = os.path.join(self.directory, name)
        part = final + ".part"
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(body)
        os.replace(part, final)


class GraphWireDump(WireDump):
    """The same for Graph: ``(direction, body, *, method, path, status, content_type, injected)``; each body
    is written as ``<pid>-<sequence>-<direction>[-injected].graph``: one JSON line with the exchange's
    method, path, status and content type, then the body's bytes."""

    def __call__(self, direction: str, body: bytes, *, method: str = "", path: str = "", status=None,
                 content_type: str = "", injected: bool = False) -> None:
        with self._lock:
            seq = next(self._seq)
        name = f"{os.getpid()}-{seq:07d}-{direction}{'-injected' if injected else ''}.graph"
        final = os.path.join(self.directory, name)
        part = final + ".part"
        head = json.dumps({"method": method, "path": path, "status": status, "content_type": content_type})
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(head.encode() + b"\n" + body)
        os.replace(part, final)


_dump: WireDump | None = None
_graph_dump: GraphWireDump | None = None
_dump_lock = threading.Lock()


def from_environment() -> WireDump | None:
    """The process's dump, when ``DISPATCH_SANDBOX_WIRE_DUMP`` is set (created once)."""
    global _dump
    directory = os.environ.get(ENV)
    if not directory:
        return None
    with _dump_lock:
        if _dump is None or _dump.directory != directory:
            _dump = WireDump(directory)
        return _dump


def graph_from_environment() -> GraphWireDump | None:
    """The process's Graph dump (same directory as the SOAP one), when ``DISPATCH_SANDBOX_WIRE_DUMP`` is set."""
    global _graph_dump
    directory = os.environ.get(ENV)
    if not directory:
        return None
    with _dump_lock:
        if _graph_dump is None or _graph_dump.directory != directory:
            _graph_dump = GraphWireDump(directory)
        return _graph_dump
