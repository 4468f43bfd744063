"""REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE (set on this machine) silently replace MSAL's ``verify=``: MSAL gets
an HTTP client that ignores the environment, and works whatever those variables say."""

from __future__ import annotations

import certifi
import msal
import pytest
import requests

from tests.authority.helpers import CLIENT_ID, REDIRECT, SCOPES, browser, msal_app, redirect_params, sign_in

pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended:UserWarning")


@pytest.fixture(params=["bogus", "another-bundle"])
def ca_env(request, monkeypatch):
    """A CA bundle in the environment that does not hold the authority's certificate."""
    bundle = "/nonexistent/bogus-ca-bundle.pem" if request.param == "bogus" else certifi.where()
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.setenv(name, bundle)
    return bundle


def test_the_trap_msal_verify_is_overridden_by_the_environment(authority, ca_env):
    with pytest.raises((OSError, requests.exceptions.SSLError)):  # OSError: "invalid path: <bundle>"
        msal.PublicClientApplication(CLIENT_ID, authority=authority.authority_url, instance_discovery=False,
                                     verify=authority.cert_path)
    trusting = requests.Session()  # trust_env=True: the same trap for a client of our own
    trusting.verify = authority.cert_path
    with pytest.raises((OSError, requests.exceptions.SSLError)):
        msal.PublicClientApplication(CLIENT_ID, authority=authority.authority_url, instance_discovery=False,
                                     http_client=trusting)


def test_msal_with_an_environment_ignoring_client_signs_in(authority, ca_env):
    app = msal_app(authority)  # http_client: trust_env=False, verify=the authority's certificate
    flow = app.initiate_auth_code_flow(SCOPES, redirect_uri=REDIRECT)
    with browser(authority) as b:
        params = redirect_params(sign_in(b, flow["auth_uri"], "alice", "alice-sandbox-pw"))
    result = app.acquire_token_by_auth_code_flow(flow, params)
    assert result["id_token_claims"]["preferred_username"] == "alice@example.com"
    assert "metadata" in authority.request_log and "token:authorization_code" in authority.request_log


def test_msal_refuses_an_http_authority(authority):
    with pytest.raises(ValueError, match="https"):
        msal_app(type("Plain", (), {"authority_url": authority.authority_url.replace("https://", "http://"),
                                    "cert_path": authority.cert_path})())
