"""httpx clients on a sandbox's Graph with tokens from its sign-in authority through MSAL (auth code + PKCE,
the consent page filled in by a plain HTTP client), and a draft's JSON body."""

from __future__ import annotations

import httpx

from app.mail.graph.signin import DEFAULT_SCOPES
from tests.authority.helpers import REDIRECT, browser, msal_app, redirect_params, sign_in

#: The app's own scopes, and User.Read for translateExchangeIds (which these wire tests call; the app does not).
WIRE_SCOPES = (*DEFAULT_SCOPES, "https://graph.microsoft.com/User.Read")


PASSWORDS = {"alice@example.com": "alice-sandbox-pw", "bob@example.com": "bob-sandbox-pw",
             "carol@example.com": "carol-sandbox-pw", "dave@example.com": "dave-sandbox-pw"}


def token_for(sb, address: str, app=None, scopes=WIRE_SCOPES) -> str:
    """An access token for ``address``, signed in through MSAL's auth code flow (as the app will), granting
    ``scopes`` (the sandbox's Graph enforces them per operation: test_graph_scopes.py)."""
    app = app or msal_app(sb.authority)
    flow = app.initiate_auth_code_flow(list(scopes), redirect_uri=REDIRECT)
    with browser(sb.authority) as b:
        answer = sign_in(b, flow["auth_uri"], address, PASSWORDS[address])
    result = app.acquire_token_by_auth_code_flow(flow, redirect_params(answer))
    assert "access_token" in result, result
    return result["access_token"]


def client(sb, address: str = "alice@example.com", *, immutable: bool = False, token: str | None = None):
    headers = {"Authorization": "Bearer " + (token or token_for(sb, address))}
    if immutable:
        headers["Prefer"] = 'IdType="ImmutableId"'
    return httpx.Client(base_url=sb.graph_url, headers=headers, trust_env=False, timeout=20)


def draft_body(**extra) -> dict:
    doc = {"subject": "Quarterly numbers", "body": {"contentType": "text", "content": "Hello Bob"},
           "toRecipients": [{"emailAddress": {"address": "bob@example.com", "name": "Bob Brown"}}]}
    doc.update(extra)
    return doc
