"""No secret in clear text over Microsoft Graph either (issue 46): the bearer token, the sign-in (code and
refresh token) and a pre-authenticated upload URL go only over ``https://``, or ``http://`` to this computer.

It is the one rule of the EWS URL (``app.domain.validation.check_secret_url``, tests/test_plain_http.py),
applied to every URL that carries a secret: the Graph URL and the authority an edited ``settings.json``
names (reported when the settings are read, at start), and the upload URL a server hands back. Whatever
lets such a URL through, the Graph layer refuses it before the token provider is asked or the network used.
"""

from __future__ import annotations

import json

import pytest

from app.domain.account import AccountConfig, Backend
from app.domain.models import ErrorKind
from app.domain.validation import check_authority_url, check_graph_url, check_upload_url
from app.mail.errors import MailError, MalformedResponse
from app.storage.settings import Settings
from tests.helpers.network import network_spy

ALICE = "alice@example.com"
EVIL_GRAPH = "http://graph.evil.example/v1.0"
EVIL_AUTHORITY = "http://login.evil.example/organizations"


class Tokens:
    """A token provider that says whether it was ever asked."""

    def __init__(self):
        self.asked = 0

    def __call__(self, force_refresh: bool = False) -> str:
        self.asked += 1
        return "secret-bearer-token"


def _graph_account(graph_url: str = "", authority: str = "") -> AccountConfig:
    extra: dict = {"graph_signin": {"client_id": "d15a7c40-0000-4000-8000-000000000001"}}
    if graph_url:
        extra["graph_url"] = graph_url
    if authority:
        extra["graph_signin"]["authority"] = authority
    return AccountConfig(email=ALICE, ews_url="", username=ALICE, backend=Backend.GRAPH, extra=extra)


# ---------------------------------------------------------------------------------------------- the rule
@pytest.mark.parametrize("check", [check_graph_url, check_authority_url, check_upload_url])
@pytest.mark.parametrize("url, words", [
    (EVIL_GRAPH, ["https://", "clear text", "graph.evil.example"]),
    ("http://10.0.0.5/v1.0", ["clear text"]),
    ("http://127.0.0.1.evil.example/v1.0", ["clear text"]),
    ("http://localhost.evil.example/v1.0", ["clear text"]),
    ("ftp://graph.example.com/v1.0", ["https://"]),
    ("https://user:pw@graph.example.com/v1.0", ["user name or password"]),
    ("https://graph.example.com\\@127.0.0.1/v1.0", ["backslash"]),
])
def test_every_secret_carrying_url_follows_the_one_rule(check, url, words):
    problem = check(url)
    assert problem, url
    assert all(w in problem for w in words), (url, problem)


@pytest.mark.parametrize("check", [check_graph_url, check_authority_url, check_upload_url])
@pytest.mark.parametrize("url", ["https://graph.microsoft.com/v1.0", "http://127.0.0.1:8080/v1.0",
                                 "http://[::1]:8080/v1.0", "http://localhost:1/x"])
def test_https_and_this_computer_are_accepted(check, url):
    assert check(url) is None


# ------------------------------------------------------------------------- the settings file, at start
@pytest.mark.parametrize("account, words", [
    (_graph_account(graph_url=EVIL_GRAPH), ["Microsoft Graph URL", "graph.evil.example", "clear text"]),
    (_graph_account(authority=EVIL_AUTHORITY), ["sign-in authority", "login.evil.example", "clear text"]),
])
def test_a_settings_file_naming_a_plain_http_graph_address_is_reported_when_read(tmp_path, account, words):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"account": account.to_json()}))
    settings = Settings(path)
    assert settings.problem, "reported when the settings are read (the window shows it at start)"
    assert all(w in settings.problem for w in words), settings.problem
    assert str(path) in settings.problem and path.exists()  # the file is kept: the user corrects it


def test_https_and_sandbox_graph_settings_are_not_reported(tmp_path):
    from app.core.accounts.demo import sandbox_account

    for account in (_graph_account("https://graph.microsoft.com/v1.0", "https://login.microsoftonline.com/x"),
                    sandbox_account(graph=True), _graph_account()):
        path = tmp_path / "settings.json"
        path.write_text(json.dumps({"account": account.to_json()}))
        assert Settings(path).problem == ""


# ------------------------------------------------------------------------------ the layer that sends
def test_the_spy_sees_a_graph_request_with_an_allowed_url(network_spy):  # noqa: F811
    """Control: an https Graph URL on an unresolvable host does ask for the token and reach for the network.
    So an empty spy below means the refusal came first."""
    from app.mail.graph import GraphMailService

    tokens = Tokens()
    svc = GraphMailService(ALICE, "https://graph.example.invalid/v1.0", tokens, timeout=5)
    try:
        with pytest.raises(MailError) as exc:
            svc.connect()
    finally:
        svc.close()
    assert exc.value.kind == ErrorKind.UNREACHABLE and tokens.asked
    assert any(call[0] == "getaddrinfo" for call in network_spy)


def test_the_graph_backend_refuses_a_plain_http_url_before_asking_for_the_token(network_spy):  # noqa: F811
    from app.mail import backends

    tokens = Tokens()
    with pytest.raises(MailError) as exc:
        backends.create_service(_graph_account(graph_url=EVIL_GRAPH), "", token_provider=tokens)
    err = exc.value
    assert err.kind == ErrorKind.INVALID_INPUT  # the settings, not the network
    assert "Microsoft Graph URL" in err.message and "clear text" in err.message
    assert tokens.asked == 0 and network_spy == []


def test_a_plain_http_authority_is_refused_before_any_network_use(network_spy):  # noqa: F811
    from app.mail.graph.signin import GraphSignIn, SignInSettings

    signin = GraphSignIn(ALICE, SignInSettings(client_id="d15a7c40-0000-4000-8000-000000000001",
                                               authority=EVIL_AUTHORITY))
    for attempt in (signin.token_provider, signin.begin_interactive, signin.begin_device_code):
        with pytest.raises(MailError) as exc:
            attempt()
        assert exc.value.kind == ErrorKind.INVALID_INPUT and "login.evil.example" in exc.value.message
    assert network_spy == []


def test_an_upload_url_in_clear_text_to_another_host_gets_no_byte(network_spy):  # noqa: F811
    from app.mail.graph.http import GraphHttp

    tokens = Tokens()
    http = GraphHttp("https://graph.example.invalid/v1.0", tokens, timeout=5)
    try:
        with pytest.raises(MalformedResponse) as exc:
            http.upload("PUT", "http://upload.evil.example/session?key=pre-authenticated", content=b"file")
    finally:
        http.close()
    assert "clear text" in exc.value.message and "upload.evil.example" in exc.value.message
    assert tokens.asked == 0 and network_spy == []
