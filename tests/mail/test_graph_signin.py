"""Microsoft 365 sign-in (app/mail/graph/signin.py): real MSAL against the sandbox's authority over HTTPS.
The browser step is a plain httpx client that fills in the consent page and follows the redirect to the
app's own loopback listener; the device code is approved on the verification page by the test."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import threading
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from app.mail.errors import AuthFailed, ErrorKind
from app.mail.graph.signin import GraphSignIn, SignInCancelled, SignInSettings
from app.mail.graph.tokens import MemoryTokenCacheStore
from app.sandbox import DEFAULT_USERS
from app.sandbox.authority import Authority
from app.storage import secrets
from tests.authority.helpers import FakeClock, browser, form_of, sign_in, submit, wait_until

ALICE, PW = "alice@example.com", "alice-sandbox-pw"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def authority(clock):
    auth = Authority(DEFAULT_USERS, clock=clock, device_interval=1).start()
    yield auth
    auth.stop()


def make(auth, store=None, email=ALICE) -> GraphSignIn:
    return GraphSignIn(email, SignInSettings.sandbox(auth.authority_url, auth.cert_path), store)


def consent(auth, url: str, login="alice", password=PW, action="approve") -> tuple[str, dict]:
    """The system browser on the consent page: what it then posts to the loopback (response_mode=form_post:
    the authority's page holds a form that posts the answer to the redirect URI)."""
    with browser(auth) as b:
        answer = sign_in(b, url, login, password, action=action)
    assert answer.status_code == 200, (answer.status_code, answer.text)
    return form_of(answer.text)


def browse(auth, url: str, **kw) -> httpx.Response:
    """The system browser: the consent page filled in, then its answer posted to the loopback."""
    target, fields = consent(auth, url, **kw)
    with httpx.Client(trust_env=False, timeout=20) as plain:
        return plain.post(target, data=fields)


def interactive(auth, signin: GraphSignIn, **kw):
    pending = signin.begin_interactive()
    page = browse(auth, pending.url, **kw)
    return pending, page, pending.result(timeout=20)


def test_interactive_sign_in_through_the_loopback_listener(authority):
    signin = make(authority)
    pending = signin.begin_interactive()
    assert pending.redirect_uri.startswith("http://127.0.0.1:")  # issue 46: the IP literal, never localhost
    query = dict(parse_qsl(urlsplit(pending.url).query))
    assert pending.url.startswith(authority.authority_url + "/oauth2/v2.0/authorize?")
    assert query["code_challenge_method"] == "S256" and query["redirect_uri"] == pending.redirect_uri
    assert query["response_mode"] == "form_post"  # the code is never in a URL
    assert "People.Read" in query["scope"] and query["login_hint"] == ALICE
    page = browse(authority, pending.url)
    assert page.status_code == 200 and "close this tab" in page.text
    who = pending.result(timeout=20)
    assert who.username == ALICE and not who.in_keyring
    token = signin.token_provider()
    assert authority.verify_access_token(token)["upn"] == ALICE
    assert "token:authorization_code" in authority.request_log
    port = urlsplit(pending.redirect_uri).port
    with pytest.raises(httpx.ConnectError):  # one request, then the listener is closed
        httpx.get(f"http://127.0.0.1:{port}/?state=x", trust_env=False, timeout=5)


def test_a_redirect_with_another_state_is_refused_and_the_real_one_still_completes(authority):
    signin = make(authority)
    pending = signin.begin_interactive()
    port = urlsplit(pending.redirect_uri).port
    forged = httpx.get(f"http://127.0.0.1:{port}/?code=attacker-code&state=not-the-state", trust_env=False,
                       timeout=5)
    assert forged.status_code == 400 and "not the Microsoft 365 sign-in" in forged.text
    assert httpx.get(f"http://127.0.0.1:{port}/favicon.ico", trust_env=False, timeout=5).status_code == 400
    assert not pending.future.done() and "token:authorization_code" not in authority.request_log
    assert browse(authority, pending.url).status_code == 200
    assert pending.result(timeout=20).username == ALICE


def test_the_redirect_names_the_bound_loopback_address_not_localhost(authority):
    """Issue 46: ``localhost`` may resolve to ::1 first, where another local user can take the same port; the
    redirect the browser follows names 127.0.0.1, the one address the listener binds."""
    pending = make(authority).begin_interactive()
    try:
        redirect = urlsplit(dict(parse_qsl(urlsplit(pending.url).query))["redirect_uri"])
        assert (redirect.scheme, redirect.hostname) == ("http", "127.0.0.1")
        target, _ = consent(authority, pending.url)
        assert urlsplit(target).hostname == "127.0.0.1"  # where the consent page posts the answer
        with socket.create_connection(("127.0.0.1", redirect.port), timeout=5):
            pass  # bound there
    finally:
        pending.cancel()


def test_idle_connections_do_not_hold_up_the_real_redirect(authority):
    """Issue 46: the listener served one connection at a time with a 10 s timeout, so a local process that
    connected and sent nothing held the browser's redirect up. Now each connection is served on its own:
    the redirect is answered at once while the silent connections are still open and unanswered."""
    signin = make(authority)
    pending = signin.begin_interactive()
    port = urlsplit(pending.redirect_uri).port
    idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(3)]
    try:
        idle[-1].sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nstate=")  # and no more
        target, fields = consent(authority, pending.url)
        with httpx.Client(trust_env=False, timeout=httpx.Timeout(20, read=8)) as plain:
            page = plain.post(target, data=fields)  # before: a ReadTimeout (stuck behind the first socket)
        assert page.status_code == 200 and "close this tab" in page.text
        assert pending.result(timeout=20).username == ALICE
        for s in idle:  # never answered nor dropped: they were simply not waited for
            s.setblocking(False)
            with pytest.raises(BlockingIOError):
                s.recv(1)
    finally:
        for s in idle:
            s.close()


def test_only_one_of_concurrent_requests_can_claim_the_state():
    """Served concurrently, two requests with the right state could both be redeemed: the first claims it."""
    from app.mail.graph.loopback import LoopbackListener

    listener = LoopbackListener()
    try:
        listener.expect("the-state", lambda params: "redeemed")
        assert listener.matches({"state": "the-state", "code": "c"})
        assert not listener.matches({"state": "the-state", "code": "c"})  # a second, while the first is redeemed
        assert listener.refused == 1
    finally:
        listener.close()


def test_complete_refuses_a_wrong_state_itself(authority):
    signin = make(authority)
    app = signin._msal()
    flow = app.initiate_auth_code_flow(list(signin.settings.scopes), redirect_uri="http://localhost:1",
                                       response_mode="form_post")
    with pytest.raises(AuthFailed, match="state mismatch"):
        signin.complete(flow, {"code": "x", "state": "forged"})
    assert "token:authorization_code" not in authority.request_log


def test_a_declined_consent_fails_the_sign_in_with_the_reason(authority):
    signin = make(authority)
    pending = signin.begin_interactive()
    target, fields = consent(authority, pending.url, action="deny")
    page = httpx.post(target, data=fields, trust_env=False, timeout=10)
    assert page.status_code == 400 and "Sign-in failed" in page.text
    with pytest.raises(AuthFailed, match="access_denied"):
        pending.result(timeout=20)


def test_cancelling_an_interactive_sign_in_closes_the_listener(authority):
    pending = make(authority).begin_interactive()
    pending.cancel()
    with pytest.raises(SignInCancelled):
        pending.result(timeout=10)


def test_awaiting_a_sign_in_from_an_event_loop(authority):
    import asyncio

    signin = make(authority)

    async def main():
        pending = await signin.begin_interactive_async()
        loop = asyncio.get_running_loop()
        ticks = 0

        async def ticker():  # the loop stays free while the sign-in waits for the browser
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        t = asyncio.ensure_future(ticker())
        browsing = loop.run_in_executor(None, browse, authority, pending.url)
        who = await pending.wait()
        await browsing
        t.cancel()
        return who, ticks

    who, ticks = asyncio.run(main())
    assert who.username == ALICE and ticks > 1


# ---------------- device code ----------------

def _approve(auth, user_code, login="alice", password=PW):
    with browser(auth) as b:
        page = b.get(f"{auth.url}/devicelogin")
        return submit(b, page, user_code=user_code, login=login, password=password, action="approve")


def test_device_code_sign_in_completes_when_approved(authority):
    signin = make(authority)
    pending = signin.begin_device_code()
    assert pending.verification_uri == f"{authority.url}/devicelogin" and pending.user_code in pending.message
    wait_until(lambda: authority.request_log.count("token:device_code") >= 1, what="polling")
    assert not pending.future.done()
    assert "signed in" in _approve(authority, pending.user_code).text
    assert pending.result(timeout=20).username == ALICE
    assert authority.verify_access_token(signin.token_provider())["upn"] == ALICE


def test_device_code_cancel_stops_polling_at_once(clock):
    authority = Authority(DEFAULT_USERS, clock=clock, device_interval=60).start()  # polls a minute apart
    try:
        _cancel_device_sign_in(authority)
    finally:
        authority.stop()


def _cancel_device_sign_in(authority):
    pending = make(authority).begin_device_code()
    wait_until(lambda: authority.request_log.count("token:device_code") >= 1, what="polling")
    pending.cancel()
    with pytest.raises(SignInCancelled):
        pending.result(timeout=3)  # not after MSAL's interval: the wait is interrupted
    polls = authority.request_log.count("token:device_code")
    _approve(authority, pending.user_code)
    assert authority.request_log.count("token:device_code") == polls


# ---------------- the token provider ----------------

def test_token_provider_without_a_sign_in_asks_for_one(authority):
    with pytest.raises(AuthFailed, match="Sign in to Microsoft 365 again") as e:
        make(authority).token_provider()
    assert e.value.kind == ErrorKind.AUTH


def test_token_provider_refreshes_after_expiry_and_on_force(sandbox_factory):
    clock = FakeClock()
    sb = sandbox_factory(graph=True, authority_clock=clock, token_lifetime=3600)
    signin = make(sb.authority)
    interactive(sb.authority, signin)
    first = signin.token_provider()

    def me(token):
        return httpx.get(sb.graph_url + "/me/people", params={"$search": "bob"}, trust_env=False, timeout=10,
                         headers={"Authorization": "Bearer " + token})

    assert me(first).status_code == 200
    assert signin.token_provider() == first  # cached: no request to the authority
    assert sb.authority.request_log.count("token:refresh_token") == 0
    clock.advance(3601)
    assert me(first).status_code == 401  # Graph's 401: the service asks again with force_refresh
    fresh = signin.token_provider(force_refresh=True)
    assert fresh != first and me(fresh).status_code == 200
    assert sb.authority.request_log.count("token:refresh_token") == 1

    clock.advance(91 * 86400)  # the refresh token has expired too: a new sign-in is needed
    with pytest.raises(AuthFailed, match="Sign in to Microsoft 365 again for alice@example.com"):
        signin.token_provider(force_refresh=True)


# ---------------- the token cache: OS keyring, or memory only ----------------

def test_the_cache_in_the_keyring_survives_a_new_sign_in_object(authority, fake_keyring):
    store = secrets.KeyringTokenCacheStore()
    first = make(authority, store)
    _, _, who = interactive(authority, first)
    assert who.in_keyring
    keys = {k for (_svc, k) in fake_keyring.store}
    assert any(k.startswith("graph-token-cache|alice@example.com") for k in keys)
    assert all(len(v) <= secrets.CHUNK for v in fake_keyring.store.values())  # Windows: 2560 bytes a secret
    secrets._session.clear()  # a new run of Dispatch: only the keyring remembers
    again = make(authority, secrets.KeyringTokenCacheStore())
    assert again.signed_in()
    codes = authority.request_log.count("token:authorization_code")
    assert authority.verify_access_token(again.token_provider())["upn"] == ALICE
    assert authority.request_log.count("token:authorization_code") == codes  # no new sign-in
    again.sign_out()
    assert not any(k.startswith("graph-token-cache|") for (_s, k) in fake_keyring.store)


def test_two_processes_share_one_cache_and_each_uses_the_newest_refresh_token(clock, fake_keyring):
    """The window and a ``dispatch-mail`` command each hold their own sign-in object on the one keyring cache
    (msal-extensions' PersistedTokenCache): a refresh by one is what the other uses next. The authority here
    accepts a refresh token once only, so a stale copy would be refused (AADSTS70008)."""
    auth = Authority(DEFAULT_USERS, clock=clock, single_use_refresh=True).start()
    try:
        window = make(auth, secrets.KeyringTokenCacheStore())
        interactive(auth, window)
        command = make(auth, secrets.KeyringTokenCacheStore())  # another process: nothing in its memory
        assert command.signed_in()
        assert auth.verify_access_token(command.token_provider())["upn"] == ALICE  # the window's token
        for first, second in ((window, command), (command, window), (window, command)):
            first.token_provider(force_refresh=True)  # its refresh token is spent; the new one is kept
            assert auth.verify_access_token(second.token_provider(force_refresh=True))["upn"] == ALICE
        assert auth.request_log.count("token:refresh_token") == 6
    finally:
        auth.stop()


_HOLD_THE_LOCK = """
import sys, time
from msal_extensions.token_cache import CrossPlatLock
with CrossPlatLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(600)
"""


def test_a_process_killed_while_it_holds_the_cache_lock_blocks_no_later_sign_in(authority, fake_keyring):
    store = secrets.KeyringTokenCacheStore()
    lock = store.persistence(ALICE).location + ".lockfile"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_THE_LOCK, lock], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
    finally:
        holder.kill()  # SIGKILL: no clean-up of its own
        holder.communicate(timeout=30)
    signin = make(authority, store)
    assert interactive(authority, signin)[2].in_keyring
    assert authority.verify_access_token(signin.token_provider(force_refresh=True))["upn"] == ALICE


def test_a_damaged_cache_in_the_keyring_is_no_sign_in_and_a_new_one_replaces_it(authority, fake_keyring):
    store = secrets.KeyringTokenCacheStore()
    store.persistence(ALICE).save('{"AccessToken": {"cut off')
    signin = make(authority, store)
    assert not signin.signed_in()
    with pytest.raises(AuthFailed, match="Sign in to Microsoft 365 again"):
        signin.token_provider()
    assert interactive(authority, signin)[2].in_keyring
    assert make(authority, secrets.KeyringTokenCacheStore()).signed_in()


def test_no_keyring_keeps_the_cache_in_memory_for_this_session_only(authority, monkeypatch):
    monkeypatch.setattr(secrets, "keyring_available", lambda: False)
    secrets._session.clear()
    try:
        first = make(authority, secrets.KeyringTokenCacheStore())
        assert interactive(authority, first)[2].in_keyring is False
        assert make(authority, secrets.KeyringTokenCacheStore()).token_provider()  # same session: signed in
        secrets._session.clear()  # Dispatch restarted
        with pytest.raises(AuthFailed):
            make(authority, secrets.KeyringTokenCacheStore()).token_provider()
    finally:
        secrets._session.clear()


def test_a_memory_store_is_the_default(authority):
    signin = make(authority)
    assert isinstance(signin.store, MemoryTokenCacheStore)
    interactive(authority, signin)
    assert signin.store.load(ALICE) and not signin.in_keyring


# ---------------- no secret in any log; the environment's CA bundle changes nothing ----------------

def test_no_token_or_code_reaches_a_log(authority, caplog, capfd, monkeypatch):
    caplog.set_level(logging.DEBUG)  # the app, MSAL, its HTTP client (urllib3), the authority: all at DEBUG
    for browser_side in ("httpx", "httpcore"):  # the test's "browser" is not the app: it sees the code
        monkeypatch.setattr(logging.getLogger(browser_side), "level", logging.WARNING)
    seen = []
    signin = make(authority)
    pending = signin.begin_interactive()
    target, fields = consent(authority, pending.url)
    code = fields["code"]
    httpx.post(target, data=fields, trust_env=False, timeout=10)
    pending.result(timeout=20)
    token = signin.token_provider()
    refreshed = signin.token_provider(force_refresh=True)
    cache = signin.store.load(ALICE)
    import json

    doc = json.loads(cache)
    seen += [v["secret"] for kind in ("RefreshToken", "AccessToken", "IdToken") for v in doc[kind].values()]
    device = signin.begin_device_code()
    wait_until(lambda: authority.request_log.count("token:device_code") >= 1, what="polling")
    device.cancel()
    with pytest.raises(SignInCancelled):
        device.result(timeout=5)
    logs = "\n".join(r.getMessage() for r in caplog.records) + capfd.readouterr().err
    assert caplog.records, "DEBUG logging was captured"
    for secret in [code, token, refreshed, device.user_code, *seen]:
        assert secret and secret not in logs


def test_an_environment_ca_bundle_changes_nothing(authority, monkeypatch):
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(name, "/nonexistent/bogus-ca-bundle.pem")
    signin = make(authority)
    interactive(authority, signin)
    assert signin.token_provider(force_refresh=True)


def test_msal_is_not_imported_with_the_module():
    code = ("import sys, app.mail.graph.signin, app.mail.graph.tokens, app.storage.secrets, app.command.signin; "
            "print(sorted(m for m in ('msal', 'msal_extensions', 'keyring') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_settings_from_the_account():
    from app.domain.account import AccountConfig

    acc = AccountConfig(email=ALICE, ews_url="", username=ALICE)
    default = SignInSettings.from_account(acc)
    assert default.authority == "https://login.microsoftonline.com/organizations" and default.instance_discovery
    acc.extra["graph_signin"] = {"authority": "https://login.microsoftonline.com/contoso.onmicrosoft.com",
                                 "client_id": "abc", "scopes": ["https://graph.microsoft.com/Mail.Send"]}
    tenant = SignInSettings.from_account(acc)
    assert tenant.client_id == "abc" and tenant.scopes == ("https://graph.microsoft.com/Mail.Send",)
    assert SignInSettings.from_dict(tenant.to_dict()) == tenant
    sandbox = SignInSettings.sandbox("https://127.0.0.1:5/t", "/x/cert.pem")
    assert not sandbox.instance_discovery
    with pytest.raises(AuthFailed, match="client"):
        GraphSignIn(ALICE, SignInSettings(client_id="")).token_provider()
    acc.extra["graph_signin"] = sandbox.to_dict()
    made = GraphSignIn.for_account(acc)
    assert made.email == ALICE and made.settings == sandbox


def test_concurrent_token_requests_are_served_from_one_cache(authority):
    signin = make(authority)
    interactive(authority, signin)
    out = []
    threads = [threading.Thread(target=lambda: out.append(signin.token_provider())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(out) == 8 and len(set(out)) == 1


def test_the_system_store_client_takes_no_ca_from_the_environment(authority, monkeypatch):
    """Microsoft's endpoint: the system's CA store. A REQUESTS_CA_BUNDLE naming the sandbox's certificate
    does not make it trusted (with trust_env it would)."""
    import requests

    from app.mail.graph.tokens import http_client

    monkeypatch.setenv("REQUESTS_CA_BUNDLE", authority.cert_path)
    monkeypatch.setenv("CURL_CA_BUNDLE", authority.cert_path)
    url = f"{authority.authority_url}/v2.0/.well-known/openid-configuration"
    with pytest.raises(requests.exceptions.SSLError):
        http_client().get(url, timeout=10)
    assert http_client(authority.cert_path).get(url, timeout=10).status_code == 200
    trusting = requests.Session()  # the trap this avoids: the environment's bundle replaces verify
    assert trusting.get(url, timeout=10).status_code == 200


def test_an_unreachable_authority_is_a_connection_failure_not_a_new_sign_in(clock, tmp_path):
    """Offline: the queue waits and retries; the user is not asked to sign in again."""
    from app.mail.errors import ConnectionFailed

    authority = Authority(DEFAULT_USERS, clock=clock, cert_dir=str(tmp_path)).start()
    try:
        signin = make(authority)
        interactive(authority, signin)
    finally:
        authority.stop()
    with pytest.raises(ConnectionFailed) as e:
        signin.token_provider(force_refresh=True)
    assert e.value.kind == ErrorKind.UNREACHABLE  # nothing reached the server: safe to try again


def test_the_keyring_store_keeps_long_secrets_in_pieces_and_replaces_them_whole(fake_keyring):
    store = secrets.KeyringTokenCacheStore()
    long_blob, short_blob = "x" * (secrets.CHUNK * 3 + 5), "short"
    assert store.save("Alice@Example.com", long_blob) is True
    assert len(fake_keyring.store) == 5 and all(len(v) <= secrets.CHUNK for v in fake_keyring.store.values())
    secrets._session.clear()
    assert store.load("alice@example.com") == long_blob
    store.save(ALICE, short_blob)  # the earlier pieces go
    assert list(fake_keyring.store.values()) == [short_blob]
    store.save(ALICE, long_blob)
    del fake_keyring.store[(secrets.SERVICE, "graph-token-cache|alice@example.com#2")]
    secrets._session.clear()
    assert store.load(ALICE) is None  # an incomplete secret is no secret (sign in again), never a wrong one
    store.forget(ALICE)
    assert fake_keyring.store == {}
