"""Access tokens expire (here after 2 s of the authority's clock, advanced by the test), the Graph check
says so, and MSAL's acquire_token_silent gets a new one through the refresh_token grant."""

from __future__ import annotations

import math

import pytest

from app.sandbox.authority import AccessTokenError
from tests.authority.helpers import CLIENT_ID, REDIRECT, SCOPES, browser, msal_app, redirect_params, sign_in

pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


def _sign_in(auth, app, login="alice", password="alice-sandbox-pw"):
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(auth) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], login, password))
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert "access_token" in result, result
    return result


def _refresh(auth, refresh_token, scope="openid profile offline_access Mail.Send", client_id=CLIENT_ID):
    with browser(auth) as b:
        return b.post(f"{auth.authority_url}/oauth2/v2.0/token", data={
            "grant_type": "refresh_token", "client_id": client_id, "refresh_token": refresh_token, "scope": scope})


def test_an_expired_access_token_is_refused_and_msal_refreshes_it(authority_factory, clock):
    auth = authority_factory(token_lifetime=2)
    app = msal_app(auth)
    issued_at = clock()
    first = _sign_in(auth, app)
    assert first["expires_in"] == 2
    exp = auth.verify_access_token(first["access_token"])["exp"]
    assert issued_at + 2 <= exp < issued_at + 3  # never before expires_in has passed

    clock.now = exp - 0.01
    assert auth.verify_access_token(first["access_token"])  # not yet
    clock.now = exp
    with pytest.raises(AccessTokenError) as e:
        auth.verify_access_token(first["access_token"])
    assert e.value.kind == AccessTokenError.EXPIRED
    assert e.value.message == "Lifetime validation failed, the token is expired."

    [account] = app.get_accounts()
    assert "token:refresh_token" not in auth.request_log
    second = app.acquire_token_silent(SCOPES, account=account)
    assert second and second["access_token"] != first["access_token"]
    assert auth.request_log.count("token:refresh_token") == 1
    claims = auth.verify_access_token(second["access_token"])
    assert claims["upn"] == "alice@example.com" and claims["exp"] == math.ceil(clock()) + 2
    assert second["refresh_token"] != first["refresh_token"]  # rotated on use


def test_a_used_refresh_token_stays_valid_as_microsofts_do(authority):
    app = msal_app(authority)
    old = _sign_in(authority, app)["refresh_token"]
    assert _refresh(authority, old).status_code == 200
    again = _refresh(authority, old)
    assert again.status_code == 200 and again.json()["refresh_token"] != old


def test_single_use_refresh_refuses_a_used_one(authority_factory):
    auth = authority_factory(single_use_refresh=True)
    app = msal_app(auth)
    old = _sign_in(auth, app)["refresh_token"]
    new = _refresh(auth, old).json()["refresh_token"]
    resp = _refresh(auth, old)
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_grant"
    assert resp.json()["error_codes"] == [70008]
    assert _refresh(auth, new).status_code == 200


def test_an_expired_refresh_token_makes_msal_sign_in_again(authority_factory, clock):
    auth = authority_factory(token_lifetime=60, refresh_lifetime=3600)
    app = msal_app(auth)
    _sign_in(auth, app)
    clock.advance(3601)
    [account] = app.get_accounts()
    result = app.acquire_token_silent_with_error(SCOPES, account=account)
    assert result["error"] == "invalid_grant" and result["error_codes"] == [700082], result


def test_refresh_is_refused_for_scopes_never_consented_or_for_another_client(authority):
    app = msal_app(authority)
    rt = _sign_in(authority, app)["refresh_token"]
    more = _refresh(authority, rt, scope="openid offline_access Calendars.ReadWrite")
    assert more.status_code == 400 and more.json()["error_codes"] == [65001]
    other = _refresh(authority, rt, client_id="11111111-2222-3333-4444-555555555555")
    assert other.status_code == 400 and other.json()["error"] == "invalid_grant"
    garbage = _refresh(authority, "not-a-refresh-token")
    assert garbage.status_code == 400 and garbage.json()["error_codes"] == [9002313]
    body = _refresh(authority, rt, scope="openid offline_access https://graph.microsoft.com/Mail.Send").json()
    assert authority.verify_access_token(body["access_token"])["scp"] == "Mail.Send"  # a narrower token
