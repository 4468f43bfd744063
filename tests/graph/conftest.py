"""Graph tests: a sandbox that speaks Graph, tokens from its sign-in authority through MSAL (auth code +
PKCE, the consent page filled in by a plain HTTP client), and httpx clients with those tokens."""

from __future__ import annotations

import pytest

from tests.helpers.graph_clients import client


@pytest.fixture
def graph_sandbox(sandbox_factory):
    return sandbox_factory(graph=True)


@pytest.fixture
def alice(graph_sandbox):
    with client(graph_sandbox) as c:
        yield c


