"""Start, stop, start again; one redemption wins when many race for a code; prompt=none; a stale page."""

from __future__ import annotations

import os
import socket
import threading

import httpx
import pytest

from app.sandbox import DEFAULT_USERS
from app.sandbox.authority import Authority
from tests.authority.helpers import (
    CLIENT_ID, REDIRECT, SCOPES, browser, msal_app, redirect_params, sign_in, submit,
)

pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


def test_start_stop_and_start_again(tmp_path):
    auth = Authority(DEFAULT_USERS, cert_dir=str(tmp_path))
    with auth:
        first_url, cert, sha = auth.url, auth.cert_path, auth.cert_sha256
        assert auth.json_info() == {"authority_url": auth.authority_url, "authority_cert": cert,
                                    "authority_cert_sha256": sha, "tenant_id": auth.tenant_id}
        with browser(auth) as b:
            assert b.get(f"{auth.authority_url}/v2.0/.well-known/openid-configuration").status_code == 200
    with pytest.raises(OSError):
        socket.create_connection((auth.host, auth.port), timeout=1).close()
    with auth:
        with browser(auth) as b:
            assert b.get(f"{auth.url}/devicelogin").status_code == 200
    with Authority(DEFAULT_USERS, cert_dir=str(tmp_path)) as again:  # a cert_dir keeps its certificate
        assert again.cert_sha256 == sha and again.cert_path == cert
    temp = Authority(DEFAULT_USERS).start()
    where = os.path.dirname(temp.cert_path)
    temp.stop()
    assert not os.path.exists(where) and first_url.startswith("https://127.0.0.1:")


def test_concurrent_redemptions_of_one_code_give_one_token(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], "alice", "alice-sandbox-pw"))
    form = {"grant_type": "authorization_code", "client_id": CLIENT_ID, "code": params["code"],
            "redirect_uri": REDIRECT, "code_verifier": flow["code_verifier"], "scope": "openid Mail.Send"}
    statuses, gate = [], threading.Barrier(12)

    def redeem():
        with browser(authority) as b:
            gate.wait()
            r = b.post(f"{authority.authority_url}/oauth2/v2.0/token", data=form)
            statuses.append((r.status_code, r.json().get("error_codes")))

    threads = [threading.Thread(target=redeem) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(statuses, key=str) == sorted([(200, None)] + [(400, [54005])] * 11, key=str), statuses


def test_prompt_none_answers_login_required(authority):
    flow = msal_app(authority).initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT, prompt="none")
    with browser(authority) as b:
        params = redirect_params(b.get(flow["auth_uri"]))
    assert params["error"] == "login_required" and params["state"] == flow["state"]


def test_a_sign_in_page_left_open_too_long_expires(authority, clock):
    flow = msal_app(authority).initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        page = b.get(flow["auth_uri"])
        clock.advance(901)
        late = submit(b, page, login="alice", password="alice-sandbox-pw", action="approve")
    assert late.status_code == 400 and "AADSTS50089" in late.text and "location" not in late.headers


def test_the_authority_speaks_https_only(authority):
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://{authority.host}:{authority.port}/devicelogin", timeout=5, trust_env=False)
