"""The authority over plain HTTP(S): metadata, client registration, Microsoft-shaped errors, and the
request hardening it shares with the EWS front end (framing, body limits, no echo into pages)."""

from __future__ import annotations

import socket
import ssl

import msal
import pytest

from tests.authority.helpers import (
    CLIENT_ID, REDIRECT, SCOPES, browser, msal_app, msal_http_client, redirect_params, sign_in,
)

pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


def _token(auth, data, headers=None):
    with browser(auth) as b:
        if isinstance(data, str):  # a body written by hand
            headers = {**(headers or {}), "Content-Type": "application/x-www-form-urlencoded"}
            return b.post(f"{auth.authority_url}/oauth2/v2.0/token", content=data, headers=headers)
        return b.post(f"{auth.authority_url}/oauth2/v2.0/token", data=data, headers=headers)


def _error(resp, status, error, code):
    body = resp.json()
    assert resp.status_code == status, (resp.status_code, body)
    assert body["error"] == error and body["error_codes"] == [code], body
    assert body["error_description"].startswith(f"AADSTS{code}: ")
    assert {"timestamp", "trace_id", "correlation_id"} <= set(body)
    assert resp.headers["cache-control"].startswith("no-store")
    return body


def test_metadata_per_tenant_alias(authority):
    with browser(authority) as b:
        own = b.get(f"{authority.authority_url}/v2.0/.well-known/openid-configuration").json()
        common = b.get(f"{authority.url}/common/v2.0/.well-known/openid-configuration").json()
        domain = b.get(f"{authority.url}/example.com/v2.0/.well-known/openid-configuration").json()
        unknown = b.get(f"{authority.url}/contoso.com/v2.0/.well-known/openid-configuration")
        keys = b.get(own["jwks_uri"]).json()["keys"]
    assert own["issuer"] == domain["issuer"] == authority.issuer
    assert own["token_endpoint"] == f"{authority.authority_url}/oauth2/v2.0/token"
    assert own["device_authorization_endpoint"].endswith("/oauth2/v2.0/devicecode")
    assert own["code_challenge_methods_supported"] == ["S256"]
    assert common["issuer"] == f"{authority.url}/{{tenantid}}/v2.0"  # as Microsoft's /common answers
    assert common["token_endpoint"] == f"{authority.url}/common/oauth2/v2.0/token"
    _error(unknown, 400, "invalid_tenant", 90002)
    assert keys[0]["kty"] == "RSA" and keys[0]["kid"] and keys[0]["issuer"] == authority.issuer


@pytest.mark.parametrize("tenant", ["common", "organizations", "example.com"])
def test_msal_signs_in_through_a_tenant_alias(authority, tenant):
    app = msal.PublicClientApplication(CLIENT_ID, authority=f"{authority.url}/{tenant}", instance_discovery=False,
                                       http_client=msal_http_client(authority.cert_path))
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], "carol", "carol-sandbox-pw"))
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert result["id_token_claims"]["iss"] == authority.issuer
    assert authority.verify_access_token(result["access_token"])["upn"] == "carol@example.com"
    assert app.acquire_token_silent(SCOPES, account=app.get_accounts()[0])["access_token"] == \
        result["access_token"]


def test_token_endpoint_refusals(authority):
    with browser(authority) as b:
        _error(b.get(f"{authority.authority_url}/oauth2/v2.0/token"), 400, "invalid_request", 900561)
        json_body = b.post(f"{authority.authority_url}/oauth2/v2.0/token", json={"grant_type": "x"})
    _error(json_body, 400, "invalid_request", 90004)
    _error(_token(authority, {"client_id": CLIENT_ID}), 400, "invalid_request", 900144)
    _error(_token(authority, {"grant_type": "password", "client_id": CLIENT_ID, "username": "alice"}), 400,
           "unsupported_grant_type", 70003)
    _error(_token(authority, "grant_type=authorization_code&grant_type=refresh_token&client_id=x"), 400,
           "invalid_request", 9002313)
    _error(_token(authority, {"grant_type": "authorization_code", "client_id": CLIENT_ID, "code": "made-up",
                              "redirect_uri": REDIRECT, "code_verifier": "v" * 43}), 400, "invalid_grant", 9002313)
    corr = "2f0d9b7e-1111-4c2d-9a55-0123456789ab"
    body = _error(_token(authority, {"grant_type": "refresh_token", "client_id": CLIENT_ID},
                         headers={"client-request-id": corr}), 400, "invalid_request", 900144)
    assert body["correlation_id"] == corr and "'refresh_token'" in body["error_description"]
    with browser(authority) as b:
        assert b.get(f"{authority.url}/nothing/here").status_code == 404


def test_registered_clients_public_and_confidential(authority_factory):
    auth = authority_factory(clients={
        CLIENT_ID: {"redirect_uris": ["http://localhost/callback"]},
        "conf-client": {"secret": "s3cret-value"}})
    _error(_token(auth, {"grant_type": "refresh_token", "client_id": "unknown-app", "refresh_token": "x"}), 400,
           "unauthorized_client", 700016)
    _error(_token(auth, {"grant_type": "refresh_token", "client_id": CLIENT_ID, "refresh_token": "x",
                         "client_secret": "anything"}), 401, "invalid_client", 700025)
    _error(_token(auth, {"grant_type": "refresh_token", "client_id": "conf-client", "refresh_token": "x"}), 401,
           "invalid_client", 7000218)
    _error(_token(auth, {"grant_type": "refresh_token", "client_id": "conf-client", "refresh_token": "x",
                         "client_secret": "wrong"}), 401, "invalid_client", 7000215)
    _error(_token(auth, {"grant_type": "refresh_token", "client_id": "conf-client", "refresh_token": "x",
                         "client_secret": "s3cret-value"}), 400, "invalid_grant", 9002313)

    app = msal_app(auth)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri="http://localhost:4711/callback")  # any port
    with browser(auth) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], "alice", "alice-sandbox-pw"),
                                 "http://localhost:4711/callback")
        assert "access_token" in app.acquire_token_by_auth_code_flow(flow, params)
        other_path = b.get(app.initiate_auth_code_flow(SCOPES, redirect_uri="http://localhost:4711/x")["auth_uri"])
        unknown = b.get(msal_app(auth, client_id="unknown-app").initiate_auth_code_flow(
            SCOPES, redirect_uri=REDIRECT)["auth_uri"])
    assert other_path.status_code == 400 and "AADSTS50011" in other_path.text and "location" not in other_path.headers
    assert unknown.status_code == 400 and "AADSTS700016" in unknown.text and "location" not in unknown.headers


def test_pages_escape_what_they_show_and_may_not_be_framed(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT, login_hint='"><script>alert(1)</script>')
    with browser(authority) as b:
        page = b.get(flow["auth_uri"])
        bad = b.get(f"{authority.authority_url}/oauth2/v2.0/authorize",
                    params={"client_id": "<b>x</b>", "redirect_uri": "https://evil.example/<i>"})
    assert page.status_code == 200 and "<script>" not in page.text and "&lt;script&gt;" in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert bad.status_code == 400 and "<i>" not in bad.text and "<b>x" not in bad.text


def _raw(auth, data: bytes) -> bytes:
    ctx = ssl.create_default_context(cafile=auth.cert_path)
    with socket.create_connection((auth.host, auth.port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname=auth.host) as tls:
            tls.sendall(data)
            out = b""
            while chunk := tls.recv(65536):
                out += chunk
            return out


def test_framing_is_checked_and_bodies_are_limited(authority_factory):
    auth = authority_factory(max_body=1024)
    path = f"/{auth.tenant_id}/oauth2/v2.0/token"
    head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
    both = _raw(auth, (head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").encode())
    assert both.startswith(b"HTTP/1.1 400") and b"Connection: close" in both
    big = _raw(auth, (head + "Content-Length: 5000\r\n\r\n").encode())
    assert big.startswith(b"HTTP/1.1 413") and b"Connection: close" in big
    chunked = _raw(auth, (head + "Transfer-Encoding: chunked\r\n\r\n801\r\n" + "a" * 2049 + "\r\n0\r\n\r\n").encode())
    assert chunked.startswith(b"HTTP/1.1 413")
    gzip = _raw(auth, (head + "Transfer-Encoding: gzip\r\n\r\n").encode())
    assert gzip.startswith(b"HTTP/1.1 501")
    smuggled = "GET /devicelogin HTTP/1.1\r\nHost: x\r\n\r\n"
    for refused in (f"POST /contoso.com/oauth2/v2.0/token HTTP/1.1\r\nHost: x\r\n",  # unknown tenant
                    f"POST /{auth.tenant_id}/nothing/v2.0/token HTTP/1.1\r\nHost: x\r\n",  # unknown path
                    head.replace("x-www-form-urlencoded", "json")):  # refused unread
        answer = _raw(auth, (refused + f"Content-Length: {len(smuggled)}\r\n\r\n{smuggled}").encode())
        assert b"Connection: close" in answer and answer.count(b"HTTP/1.1 ") == 1, answer
    with browser(auth) as b:  # a body under the limit is fine, and the connection is kept
        resp = b.post(f"https://{auth.host}:{auth.port}{path}", data={"grant_type": "x", "client_id": "y"})
    assert resp.status_code == 400 and resp.json()["error"] == "unsupported_grant_type"
    assert resp.headers.get("connection") != "close"
