"""Nothing secret reaches the authority's log: no password, code, verifier, token, device or user code,
nor a query string (state, nonce), even at DEBUG."""

from __future__ import annotations

import logging
import socket
import ssl

import pytest
from msal.oauth2cli.oidc import _nonce_hash

from tests.authority.helpers import SCOPES, REDIRECT, browser, msal_app, redirect_params, sign_in, submit

pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


def test_no_secret_in_the_authoritys_log_records(authority_factory, clock, caplog):
    caplog.set_level(logging.DEBUG)
    auth = authority_factory(token_lifetime=2, device_interval=1)
    app = msal_app(auth)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(auth) as b:
        wrong = sign_in(b, flow["auth_uri"], "alice", "wrong-password-1234")
        params = redirect_params(submit(b, wrong, login="alice", password="alice-sandbox-pw", action="approve"))
    first = app.acquire_token_by_auth_code_flow(flow, params)
    clock.advance(3)
    second = app.acquire_token_silent(SCOPES, account=app.get_accounts()[0])
    device = app.initiate_device_flow(scopes=SCOPES)
    with browser(auth) as b:
        page = b.get(f"{auth.url}/devicelogin")
        submit(b, page, user_code=device["user_code"], login="bob", password="bob-sandbox-pw", action="approve")
    third = app.acquire_token_by_device_flow(device, exit_condition=lambda f: True)
    assert "access_token" in third
    tampered = dict(flow, code_verifier="x" * 43)  # an error answer too
    assert app.acquire_token_by_auth_code_flow(tampered, params)["error"] == "invalid_grant"

    bad_line = f"GET /devicelogin?code={params['code']} HTTP/1.1 {params['code']}\r\n\r\n".encode()
    assert params["code"].encode() not in _raw_request(auth, bad_line)  # nor echoed back
    secrets = {"alice-sandbox-pw", "wrong-password-1234", "bob-sandbox-pw", params["code"], flow["code_verifier"],
               flow["state"], _nonce_hash(flow["nonce"]), device["device_code"], device["user_code"]}
    for result in (first, second, third):
        secrets |= {result[k] for k in ("access_token", "refresh_token", "id_token")}
        secrets |= {part for part in result["access_token"].split(".")}
    records = [r for r in caplog.records if r.name.startswith("app.sandbox")]
    assert len(records) >= 10, "the authority logs its requests"
    assert any("token:refresh_token" in r.getMessage() for r in records)
    for r in records:
        text = r.getMessage() + (r.exc_text or "")
        leaked = [s for s in secrets if s in text]
        assert not leaked, (r.name, text)


def _raw_request(auth, data: bytes) -> bytes:
    """A malformed request (the server's error path logs too)."""
    ctx = ssl.create_default_context(cafile=auth.cert_path)
    with socket.create_connection((auth.host, auth.port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname=auth.host) as tls:
            tls.sendall(data)
            answer = tls.recv(65536)
    assert b"400" in answer, answer
    return answer
