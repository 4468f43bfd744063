"""verify_access_token, the check the Graph front end runs on every bearer token: each refusal's kind."""

from __future__ import annotations

import pytest

from app.sandbox import DEFAULT_USERS
from app.sandbox.authority import GRAPH_APP_ID, AccessTokenError, Authority
from app.sandbox.authority.jws import b64url, b64url_decode
from tests.authority.helpers import REDIRECT, SCOPES, browser, msal_app, redirect_params, sign_in

pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


@pytest.fixture
def token(authority):
    app = msal_app(authority)
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], "bob", "bob-sandbox-pw"))
    return app.acquire_token_by_auth_code_flow(flow, params)["access_token"]


def _kind(authority, token):
    with pytest.raises(AccessTokenError) as e:
        authority.verify_access_token(token)
    return e.value.kind, e.value.message


def test_a_valid_token_gives_its_claims(authority, token):
    claims = authority.verify_access_token(token)
    assert claims["aud"] == "https://graph.microsoft.com" and claims["iss"] == authority.issuer
    assert claims["tid"] == authority.tenant_id and claims["scp"] == "Mail.ReadWrite Mail.Send"
    assert claims["upn"] == claims["preferred_username"] == "bob@example.com"
    assert claims["iat"] == claims["nbf"] and claims["exp"] - claims["iat"] >= 3600
    assert authority.user_for(claims)["email"] == "bob@example.com"
    assert authority.verify_authorization(f"Bearer {token}") == claims


def test_missing_malformed_tampered_and_foreign_tokens_are_refused(authority, token):
    assert _kind(authority, None) == (AccessTokenError.MISSING, "Access token is empty.")
    assert _kind(authority, "")[0] == AccessTokenError.MISSING
    with pytest.raises(AccessTokenError) as e:
        authority.verify_authorization("Basic Ym9iOnB3")
    assert e.value.kind == AccessTokenError.MISSING
    assert _kind(authority, "not-a-jwt")[0] == AccessTokenError.INVALID
    assert _kind(authority, "a.b.c")[0] == AccessTokenError.INVALID
    header, payload, signature = token.split(".")
    claims = b64url_decode(payload).replace(b"bob@example.com", b"eve@example.com")
    assert _kind(authority, f"{header}.{b64url(claims)}.{signature}")[0] == AccessTokenError.INVALID
    assert _kind(authority, f"{header}.{payload}.{signature[:-4]}AAAA")[0] == AccessTokenError.INVALID
    none_alg = b64url(b'{"alg":"none","typ":"JWT"}')
    assert _kind(authority, f"{none_alg}.{payload}.")[0] == AccessTokenError.INVALID
    with Authority(DEFAULT_USERS) as other:  # another run signs with another key
        assert _kind(other, token)[0] == AccessTokenError.INVALID


def test_a_token_for_another_audience_or_issuer_is_refused(authority, token):
    claims = authority.verify_access_token(token)
    key = authority.tokens.key
    assert authority.verify_access_token(key.sign(dict(claims, aud=GRAPH_APP_ID)))  # Graph's app id: fine
    wrong_aud = _kind(authority, key.sign(dict(claims, aud="api://something-else")))
    assert wrong_aud == (AccessTokenError.INVALID, "Access token validation failure. Invalid audience.")
    assert _kind(authority, key.sign(dict(claims, iss="https://login.microsoftonline.com/x/v2.0")))[0] == \
        AccessTokenError.INVALID
    assert _kind(authority, key.sign(dict(claims, nbf=claims["nbf"] + 600)))[0] == AccessTokenError.INVALID
    assert _kind(authority, key.sign(dict(claims, exp=claims["iat"] - 1)))[0] == AccessTokenError.EXPIRED


def test_a_minted_token_is_checked_and_expires_like_any_other(authority_factory, clock):
    auth = authority_factory(token_lifetime=60)
    token = auth.access_token_for("carol@example.com", ["Mail.Send"])
    claims = auth.verify_authorization(f"Bearer {token}")
    assert claims["upn"] == "carol@example.com" and claims["scp"] == "Mail.Send"
    clock.advance(61)
    assert _kind(auth, token)[0] == AccessTokenError.EXPIRED
    with pytest.raises(KeyError):
        auth.access_token_for("nobody@example.com")
    assert auth.www_authenticate() == (f'Bearer realm="", authorization_uri="{auth.url}/common/oauth2/v2.0/authorize", '
                                       f'client_id="{GRAPH_APP_ID}"')
