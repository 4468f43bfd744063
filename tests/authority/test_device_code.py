"""Device code flow with real MSAL: pending until a person approves the code on the verification page."""

from __future__ import annotations

import threading

from tests.authority.helpers import SCOPES, browser, msal_app, submit, wait_until


def _approve(auth, user_code, login="bob", password="bob-sandbox-pw", action="approve"):
    with browser(auth) as b:
        page = b.get(f"{auth.url}/devicelogin")
        assert page.status_code == 200
        return submit(b, page, user_code=user_code, login=login, password=password, action=action)


def test_device_flow_is_pending_until_bob_approves_then_msal_gets_his_tokens(authority):
    app = msal_app(authority)
    flow = app.initiate_device_flow(scopes=SCOPES)
    assert flow["verification_uri"] == f"{authority.url}/devicelogin" and flow["interval"] == 1
    assert flow["user_code"] in flow["message"] and flow["expires_in"] == 900

    pending = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)  # one poll
    assert pending["error"] == "authorization_pending" and pending["error_codes"] == [70016], pending

    result = {}
    poller = threading.Thread(target=lambda: result.update(app.acquire_token_by_device_flow(flow)))
    poller.start()  # MSAL's own polling loop, every `interval` seconds
    wait_until(lambda: authority.request_log.count("token:device_code") >= 2, what="MSAL polling again")
    done = _approve(authority, flow["user_code"].lower())  # codes are case-insensitive, as Microsoft's
    assert "You have signed in" in done.text
    poller.join(timeout=15)
    assert not poller.is_alive()
    assert "access_token" in result, result
    assert result["id_token_claims"]["preferred_username"] == "bob@example.com"
    assert authority.verify_access_token(result["access_token"])["upn"] == "bob@example.com"
    [account] = app.get_accounts()
    assert account["username"] == "bob@example.com"

    again = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)  # a device code works once
    assert again["error"] == "bad_verification_code", again


def test_an_expired_device_code_is_expired_token(authority, clock):
    app = msal_app(authority)
    flow = app.initiate_device_flow(scopes=SCOPES)
    clock.advance(901)
    result = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)
    assert result["error"] == "expired_token" and result["error_codes"] == [70019], result
    page = _approve(authority, flow["user_code"])  # nor can it be approved any more
    assert "AADSTS70018" in page.text and "signed in" not in page.text


def test_a_wrong_password_or_code_on_the_verification_page_approves_nothing(authority):
    app = msal_app(authority)
    flow = app.initiate_device_flow(scopes=SCOPES)
    page = _approve(authority, flow["user_code"], password="alice-sandbox-pw")
    assert "AADSTS50126" in page.text and "alice-sandbox-pw" not in page.text
    page = _approve(authority, "WRONGCODE")
    assert "AADSTS70018" in page.text
    assert app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)["error"] == \
        "authorization_pending"


def test_declining_on_the_verification_page_is_authorization_declined(authority):
    app = msal_app(authority)
    flow = app.initiate_device_flow(scopes=SCOPES)
    _approve(authority, flow["user_code"], action="deny")
    result = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: True)
    assert result["error"] == "authorization_declined", result


def test_a_device_code_is_bound_to_its_client(authority):
    flow = msal_app(authority).initiate_device_flow(scopes=SCOPES)
    _approve(authority, flow["user_code"])
    other = msal_app(authority, client_id="11111111-2222-3333-4444-555555555555")
    result = other.acquire_token_by_device_flow(dict(flow), exit_condition=lambda f: True)
    assert result["error"] == "bad_verification_code", result
