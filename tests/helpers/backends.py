"""The backends a test runs on (EWS, EWS in the mail engine's process, Microsoft Graph) and their names:
``every_backend`` parametrises the ``backend`` fixture (tests/mail/conftest.py); ``op`` / ``logged`` name an
operation for fault injection / the request log of the backend at hand; ``settle`` waits for Graph's
asynchronous delivery (a no-op over EWS, whose SendItem delivers before it answers)."""

from __future__ import annotations

import pytest

ALICE = "alice@example.com"


BOB = "bob@example.com"


#: EWS in this process (exchangelib in worker threads), EWS in the mail engine's process (app/mail/engine.py:
#: the app's own way, its calls and answers through a pipe), and Microsoft Graph. The engine's runs start a
#: process each (Python and exchangelib, about a second of CPU): they are in the process tier, so the quick
#: tier (``--quick``: unit and sandbox) runs the contract on EWS and Graph and the full run on all three
BACKENDS = ("ews", "ews-engine", "graph")


every_backend = pytest.mark.parametrize(
    "backend", [pytest.param(b, marks=pytest.mark.process) if b == "ews-engine" else b for b in BACKENDS],
    indirect=True)


#: the seconds a Graph test service asks the core to wait before settling a lost send (the sandbox
#: delivers 0.3 s after the 202)
GRAPH_SETTLE = 1.0


#: EWS operation -> the Graph operation doing the same (fault injection names; "graph:" + it in the log)
GRAPH_OPS = {"CreateItem": "CreateMessage", "UpdateItem": "UpdateMessage", "SendItem": "SendMessage",
             "FindItem": "ListMessages", "CreateAttachment": "CreateAttachment",
             "DeleteAttachment": "DeleteAttachment", "GetFolder": "GetFolder", "GetItem": "GetMessage"}


def protocol(backend: str) -> str:
    """What the backend speaks on the wire: "ews" (in this process or the engine's) or "graph"."""
    return "graph" if backend == "graph" else "ews"


def op(backend: str, ews_op: str) -> str:
    """The operation name to inject a fault on."""
    return ews_op if backend != "graph" else GRAPH_OPS[ews_op]


def logged(backend: str, ews_op: str) -> str:
    """The operation's name in ``sandbox.request_log``."""
    return ews_op if backend != "graph" else "graph:" + GRAPH_OPS[ews_op]


def settle(sb) -> None:
    """Until the sandbox has delivered every accepted send (Graph answers 202 first, delivers later)."""
    assert sb.outbox.wait_idle(10), "the sandbox's outbox did not deliver"
