"""Authorization code + PKCE with real MSAL over real HTTPS: the happy path and each refusal."""

from __future__ import annotations

import warnings

import jwt
import pytest
from msal.oauth2cli import oidc

from tests.authority.helpers import (
    CLIENT_ID, REDIRECT, SCOPES, browser, form_of, msal_app, redirect_params, sign_in, submit,
)

# MSAL recommends form_post for web apps; a desktop client reads the query of its loopback redirect
pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


def _signed_in(auth, login="alice", password="alice-sandbox-pw", **flow_kwargs):
    app = msal_app(auth)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT, **flow_kwargs)
    with browser(auth) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], login, password))
    return app, flow, params


def test_auth_code_flow_gives_msal_tokens_an_account_and_valid_id_token(authority):
    app, flow, params = _signed_in(authority)
    assert set(params) == {"code", "state", "session_state"} and params["state"] == flow["state"]
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert "access_token" in result, result
    claims = result["id_token_claims"]
    assert claims["preferred_username"] == "alice@example.com" and claims["name"] == "Alice Anderson"
    assert claims["aud"] == CLIENT_ID and claims["tid"] == authority.tenant_id
    [account] = app.get_accounts()
    assert account["username"] == "alice@example.com"
    assert account["home_account_id"] == f"{claims['oid']}.{authority.tenant_id}"  # from client_info
    assert result["refresh_token"] and result["token_type"] == "Bearer"

    # the id_token passes MSAL's own (legacy) validation: issuer = the metadata's, audience, nonce
    with browser(authority) as b:
        issuer = b.get(f"{authority.authority_url}/v2.0/.well-known/openid-configuration").json()["issuer"]
    assert issuer == authority.issuer == claims["iss"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        checked = oidc.decode_id_token(result["id_token"], client_id=CLIENT_ID, issuer=issuer,
                                       nonce=oidc._nonce_hash(flow["nonce"]))
    assert checked["nonce"] == oidc._nonce_hash(flow["nonce"])

    # and a JWT library checks both signatures against the published keys
    with browser(authority) as b:
        keys = b.get(f"{authority.authority_url}/discovery/v2.0/keys").json()["keys"]
    key = jwt.PyJWK(keys[0], algorithm="RS256")
    jwt.decode(result["id_token"], key.key, algorithms=["RS256"], audience=CLIENT_ID, issuer=issuer)
    access = jwt.decode(result["access_token"], key.key, algorithms=["RS256"],
                        audience="https://graph.microsoft.com", issuer=issuer)
    assert access["scp"] == "Mail.ReadWrite Mail.Send" and access["upn"] == "alice@example.com"
    assert authority.verify_access_token(result["access_token"])["oid"] == claims["oid"]

    # the cache answers by itself for the same scopes while the token is fresh (MSAL: >5 min left)
    assert app.acquire_token_silent(SCOPES, account=account)["access_token"] == result["access_token"]
    assert authority.request_log.count("token:authorization_code") == 1
    assert "token:refresh_token" not in authority.request_log


def test_a_wrong_pkce_verifier_is_refused_and_spends_the_code(authority):
    app, flow, params = _signed_in(authority)
    good = flow["code_verifier"]
    flow["code_verifier"] = good[::-1]
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert result["error"] == "invalid_grant" and result["error_codes"] == [501481], result
    assert result["error_description"].startswith("AADSTS501481: The Code_Verifier does not match")
    flow["code_verifier"] = good  # the code was used by that attempt
    assert app.acquire_token_by_auth_code_flow(flow, params)["error_codes"] == [54005]


def test_a_code_is_redeemed_once(authority):
    app, flow, params = _signed_in(authority)
    assert "access_token" in app.acquire_token_by_auth_code_flow(flow, params)
    again = app.acquire_token_by_auth_code_flow(flow, params)
    assert again["error"] == "invalid_grant" and again["error_codes"] == [54005], again
    assert "already redeemed" in again["error_description"]


def test_an_expired_code_is_refused(authority, clock):
    app, flow, params = _signed_in(authority)
    clock.advance(601)
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert result["error"] == "invalid_grant" and result["error_codes"] == [70008], result


def test_a_wrong_password_shows_the_form_again_and_the_right_one_then_signs_in(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        page = sign_in(b, flow["auth_uri"], "alice", "not-her-password")
        assert page.status_code == 200 and "location" not in page.headers
        assert "AADSTS50126" in page.text and "not-her-password" not in page.text
        ok = submit(b, page, login="alice@example.com", password="alice-sandbox-pw", action="approve")
        params = redirect_params(ok)
    assert app.acquire_token_by_auth_code_flow(flow, params)["id_token_claims"]["preferred_username"] == \
        "alice@example.com"


def test_another_users_password_does_not_sign_in(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        page = sign_in(b, flow["auth_uri"], "alice", "bob-sandbox-pw")
    assert page.status_code == 200 and "AADSTS50126" in page.text and "location" not in page.headers


def test_five_wrong_passwords_end_the_sign_in(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        page = b.get(flow["auth_uri"])
        for _ in range(5):
            last = submit(b, page, login="alice", password="guess", action="approve")
        assert last.status_code == 400 or "AADSTS50126" in last.text
        gone = submit(b, page, login="alice", password="alice-sandbox-pw", action="approve")
    assert gone.status_code == 400 and "AADSTS50089" in gone.text and "location" not in gone.headers


@pytest.mark.parametrize("uri", ["https://evil.example/callback", "http://evil.example:8080/",
                                 "http://localhost.evil.example/", "http://127.0.0.1@evil.example/",
                                 "https://localhost:8443/", "http://127.0.0.1:80/cb#frag", "urn:ietf:wg:oauth:2.0:oob"])
def test_a_foreign_redirect_uri_is_refused_without_redirecting(authority, uri):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=uri)
    with browser(authority) as b:
        page = b.get(flow["auth_uri"])
    assert page.status_code == 400 and "location" not in page.headers
    assert "AADSTS50011" in page.text and "<form" not in page.text


def test_loopback_redirects_any_port_and_ipv4(authority):
    app = msal_app(authority)
    for uri in ("http://127.0.0.1:40001/callback", "http://localhost:1/", "http://localhost"):
        flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=uri)
        with browser(authority) as b:
            params = redirect_params(sign_in(b, flow["auth_uri"], "bob", "bob-sandbox-pw"), uri)
        assert app.acquire_token_by_auth_code_flow(flow, params)["id_token_claims"]["preferred_username"] == \
            "bob@example.com"


def test_a_state_mismatch_is_refused_by_msal(authority):
    app, flow, params = _signed_in(authority)
    with pytest.raises(ValueError, match="state mismatch"):
        app.acquire_token_by_auth_code_flow(flow, dict(params, state="forged"))


def test_the_redirect_uri_must_match_at_the_token_endpoint(authority):
    app, flow, params = _signed_in(authority)
    flow["redirect_uri"] = "http://localhost:9999"
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert result["error"] == "invalid_grant" and result["error_codes"] == [500112], result


def test_declining_sends_access_denied_to_the_client(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], "", "", action="deny"))
    assert params["error"] == "access_denied" and params["state"] == flow["state"]
    assert app.acquire_token_by_auth_code_flow(flow, params)["error"] == "access_denied"


def test_pkce_is_required(authority):
    with browser(authority) as b:
        resp = b.get(f"{authority.authority_url}/oauth2/v2.0/authorize", params={
            "client_id": CLIENT_ID, "response_type": "code", "redirect_uri": REDIRECT, "scope": "openid Mail.Send",
            "state": "s1"})
    params = redirect_params(resp)
    assert params["error"] == "invalid_request" and params["state"] == "s1"
    assert params["error_description"].startswith("AADSTS50147")


def test_form_post_response_mode_posts_to_the_redirect_uri(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT, response_mode="form_post")
    with browser(authority) as b:
        page = sign_in(b, flow["auth_uri"], "alice", "alice-sandbox-pw")
    assert page.status_code == 200
    action, fields = form_of(page.text)
    assert action == REDIRECT and fields["state"] == flow["state"]
    assert "form-action http://localhost:53117" in page.headers["content-security-policy"]
    assert "access_token" in app.acquire_token_by_auth_code_flow(flow, fields)
