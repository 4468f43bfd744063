"""``python -m app.sandbox`` serves Graph and the sign-in authority by default and says where in its JSON
line; a client that knows only that line signs in with MSAL and reads the mailbox over Graph."""

from __future__ import annotations

import httpx

from tests.authority.helpers import REDIRECT, SCOPES, browser, redirect_params, sign_in
from tests.helpers.sandbox_cli import served_sha256, start_cli, stop_cli


class _Printed:
    """What a client knows of the authority: the printed line."""

    def __init__(self, info):
        self.authority_url, self.cert_path = info["authority_url"], info["authority_cert"]


def test_the_json_line_names_graph_and_the_authority_and_they_work(tmp_path):
    import msal

    from tests.authority.helpers import msal_http_client

    proc, info = start_cli("--data", str(tmp_path / "data"))
    try:
        assert info["graph_url"] == info["ews_url"].replace("/EWS/Exchange.asmx", "/v1.0")
        assert info["authority_url"].startswith("https://127.0.0.1:")
        assert info["authority_cert_sha256"].lower() == served_sha256(info["authority_url"])
        printed = _Printed(info)
        app = msal.PublicClientApplication("dispatch-test", authority=info["authority_url"], instance_discovery=False,
                                           http_client=msal_http_client(info["authority_cert"]))
        flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
        with browser(printed) as b:
            answer = sign_in(b, flow["auth_uri"], "alice@example.com", "alice-sandbox-pw")
        token = app.acquire_token_by_auth_code_flow(flow, redirect_params(answer))["access_token"]
        r = httpx.get(info["graph_url"] + "/me/mailFolders/inbox", headers={"Authorization": "Bearer " + token},
                      trust_env=False, timeout=10)
        assert r.status_code == 200 and r.json()["displayName"] == "Inbox"
    finally:
        stop_cli(proc)


def test_no_graph_serves_ews_only():
    proc, info = start_cli("--no-graph")
    try:
        assert "graph_url" not in info and "authority_url" not in info
        r = httpx.get(info["ews_url"].replace("/EWS/Exchange.asmx", "/v1.0/me/messages"), trust_env=False, timeout=10)
        assert r.status_code == 404
    finally:
        stop_cli(proc)
