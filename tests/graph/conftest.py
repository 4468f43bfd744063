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




@pytest.fixture(scope="module")
def sdk_sandbox():
    """One sandbox for a module of msgraph-sdk tests (tests/helpers/graph_sdk.py), served over HTTPS (the SDK's
    bearer-token providers refuse plain http), with Alice signed in once through MSAL; each test's Graph bodies
    are still checked by that test's wire check (the sandbox asks ``Sandbox.default_graph_observer`` per body)."""
    from app.sandbox import Sandbox
    from tests.helpers.graph_sdk import MsalTokens, sign_in_with_msal
    from tests.helpers.signing_keys import RING

    sb = Sandbox(data=":memory:", port=0, tls=True, graph=True, poll_interval=0.01, signing_key=RING.take())
    sb.start()
    try:
        yield sb, MsalTokens(sign_in_with_msal(sb, "alice@example.com"), sb.graph_url)
    finally:
        sb.stop()
