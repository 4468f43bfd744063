"""Issue 50, Microsoft 365 for everyone who has it: the organisation's defaults file (app/storage/org_defaults.py,
checked by app/domain/m365.py), national clouds (the Graph URL and the scopes follow the authority) and the
check of a Graph URL. Files in tmp dirs, their paths injected."""

from __future__ import annotations

import json

import pytest

from app.domain.account import AccountConfig, Backend
from app.domain.m365 import check_authority, check_graph_endpoint, registration_steps
from app.mail.graph import graph_url_for
from app.mail.graph.signin import DEFAULT_SCOPES, SignInSettings
from app.storage import org_defaults

APP_ID = "5f1d7a8e-0c3b-4d8e-9a61-3e2b7c9d4f10"
OTHER_ID = "0b0e5ab6-7f6e-4c55-9c2c-d150a7c4c11e"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def write(path, doc) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    return tmp_path / "etc" / "defaults.json", tmp_path / "user" / "defaults.json"


# ---- the defaults file -------------------------------------------------------------------------------------
def test_a_good_file_gives_the_application_id_and_the_tenants_authority(files):
    system, user = files
    write(system, {"client_id": APP_ID, "tenant": TENANT})
    got = org_defaults.load([system, user])
    assert got.problems == [] and got.sources == [str(system)]
    assert got.client_id == APP_ID and got.authority == f"https://login.microsoftonline.com/{TENANT}"
    assert got.graph_url == ""


def test_the_per_user_file_wins_over_the_machines_key_by_key(files):
    system, user = files
    write(system, {"client_id": APP_ID, "authority": "https://login.microsoftonline.us/contoso.onmicrosoft.us",
                   "graph_url": "https://dod-graph.microsoft.us/v1.0"})
    write(user, {"client_id": OTHER_ID, "tenant": "fabrikam.com"})
    got = org_defaults.load([system, user])
    assert got.problems == [] and got.sources == [str(system), str(user)]
    assert got.client_id == OTHER_ID
    assert got.authority == "https://login.microsoftonline.com/fabrikam.com"  # the user's tenant, not the machine's
    assert got.graph_url == "https://dod-graph.microsoft.us/v1.0"  # not set by the user: the machine's stands


def test_the_per_user_file_is_in_the_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "home"))
    paths = org_defaults.default_paths()
    assert paths == [org_defaults.SYSTEM_DEFAULTS, tmp_path / "home" / "config" / "defaults.json"]
    assert str(org_defaults.SYSTEM_DEFAULTS) == "/etc/dispatch/defaults.json"


def test_no_file_is_no_problem(files):
    got = org_defaults.load(list(files))
    assert got.values == {} and got.problems == [] and got.client_id == "" and got.authority == ""


@pytest.mark.parametrize("text, words", [
    ("{\"client_id\": ", "is not valid JSON"),
    ("[\"client_id\"]", "must hold a JSON object"),
    (json.dumps({"client_id": APP_ID, "tennant": TENANT}), "unknown key \"tennant\""),
    (json.dumps({"client_id": APP_ID, "client_secret": "s3cr3t"}), "\"client_secret\", which looks like a secret"),
    (json.dumps({"client_id": APP_ID, "password": "pw"}), "\"password\", which looks like a secret"),
    (json.dumps({"refresh_token": "x"}), "\"refresh_token\", which looks like a secret"),
    (json.dumps({"client_id": "dispatch"}), "must be the application (client) ID, a GUID"),
    (json.dumps({"client_id": 12}), "must be a non-empty text"),
    (json.dumps({"authority": "http://login.microsoftonline.com/organizations"}), "clear text"),
    (json.dumps({"authority": "https://login.evil.example/organizations"}), "none of Microsoft's sign-in hosts"),
    (json.dumps({"authority": "https://login.microsoftonline.com/"}), "must end with the tenant"),
    (json.dumps({"tenant": "not a tenant"}), "must be the tenant's ID"),
    (json.dumps({"graph_url": "https://graph.evil.example/v1.0"}), "none of Microsoft's Graph hosts"),
])
def test_a_bad_file_is_refused_naming_the_file_and_the_other_file_still_applies(files, text, words):
    system, user = files
    write(system, {"client_id": APP_ID})
    write(user, text)
    got = org_defaults.load([system, user])
    assert len(got.problems) == 1 and got.problems[0].startswith(str(user)), got.problems
    assert words in got.problems[0], got.problems
    assert got.values == {"client_id": APP_ID} and got.sources == [str(system)]  # nothing of the bad file


def test_a_secret_is_never_repeated_in_the_error(files):
    system, _ = files
    write(system, {"client_secret": "the-very-secret-value"})
    got = org_defaults.load([system])
    assert "client_secret" in got.problems[0] and "the-very-secret-value" not in got.problems[0]


def test_an_unreadable_or_huge_file_is_said_not_read(files):
    system, user = files
    write(system, " " * (org_defaults.MAX_BYTES + 1))
    got = org_defaults.load([system, user])
    assert got.problems and "larger than" in got.problems[0] and got.values == {}


# ---- national clouds ---------------------------------------------------------------------------------------
def graph_account(authority: str, **extra) -> AccountConfig:
    return AccountConfig(email="ann@contoso.us", ews_url="", username="ann@contoso.us", backend=Backend.GRAPH,
                         extra={"graph_signin": {"client_id": APP_ID, "authority": authority}, **extra})


@pytest.mark.parametrize("authority, graph", [
    ("https://login.microsoftonline.us/contoso.onmicrosoft.us", "https://graph.microsoft.us"),
    (f"https://login.chinacloudapi.cn/{TENANT}", "https://microsoftgraph.chinacloudapi.cn"),
    ("https://login.partner.microsoftonline.cn/contoso.partner.onmschina.cn", "https://microsoftgraph.chinacloudapi.cn"),
    ("https://login.microsoftonline.com/organizations", "https://graph.microsoft.com"),
])
def test_the_graph_url_and_the_scopes_follow_the_authority(authority, graph):
    acc = graph_account(authority)
    assert graph_url_for(acc) == graph + "/v1.0"
    scopes = SignInSettings.from_account(acc).scopes
    assert scopes == tuple(f"{graph}/{p}" for p in ("Mail.ReadWrite", "Mail.Send", "Mail.Send.Shared", "People.Read"))


def test_us_dod_is_picked_by_its_graph_url_and_the_scopes_follow_it():
    acc = graph_account("https://login.microsoftonline.us/contoso.onmicrosoft.us",
                        graph_url="https://dod-graph.microsoft.us/v1.0")
    assert graph_url_for(acc) == "https://dod-graph.microsoft.us/v1.0"
    assert all(s.startswith("https://dod-graph.microsoft.us/") for s in SignInSettings.from_account(acc).scopes)


def test_a_global_default_saved_earlier_follows_the_cloud_and_a_chosen_list_stays():
    saved = {"client_id": APP_ID, "authority": "https://login.microsoftonline.us/x.us", "scopes": list(DEFAULT_SCOPES)}
    assert SignInSettings.from_dict(saved).scopes[0] == "https://graph.microsoft.us/Mail.ReadWrite"
    chosen = {**saved, "scopes": ["https://graph.microsoft.us/Mail.Send"]}
    assert SignInSettings.from_dict(chosen).scopes == ("https://graph.microsoft.us/Mail.Send",)


def test_the_sandbox_authority_keeps_the_global_scopes_and_its_own_graph():
    acc = graph_account("https://127.0.0.1:8443/common", graph_url="http://127.0.0.1:8080/v1.0")
    assert graph_url_for(acc) == "http://127.0.0.1:8080/v1.0"
    assert SignInSettings.from_account(acc).scopes == DEFAULT_SCOPES  # what the sandbox's `aud` check expects


# ---- the Graph URL check -----------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["https://graph.microsoft.com/v1.0", "https://graph.microsoft.us/v1.0",
                                 "https://dod-graph.microsoft.us/v1.0", "https://microsoftgraph.chinacloudapi.cn/v1.0",
                                 "http://127.0.0.1:8080/v1.0", "https://localhost:9443/v1.0"])
def test_a_graph_url_of_microsofts_clouds_or_this_computer_is_accepted(url):
    assert check_graph_endpoint(url) is None


@pytest.mark.parametrize("url, words", [
    ("http://graph.microsoft.com/v1.0", "clear text"),
    ("https://graph.microsoft.com.evil.example/v1.0", "none of Microsoft's Graph hosts"),
    ("https://user:pw@graph.microsoft.com/v1.0", "user name or password"),
    ("ftp://graph.microsoft.com/v1.0", "must start with https://"),
])
def test_a_graph_url_elsewhere_is_refused(url, words):
    assert words in (check_graph_endpoint(url) or "")


def test_the_sign_in_authority_check_knows_the_national_login_hosts():
    assert check_authority("https://login.microsoftonline.us/contoso.onmicrosoft.us") is None
    assert check_authority(f"https://login.chinacloudapi.cn/{TENANT}") is None
    assert "none of Microsoft's" in check_authority("https://login.microsoftonline.com.evil.example/common")


def test_the_registration_steps_name_the_redirect_the_permissions_and_no_secret():
    steps = registration_steps()
    assert "http://127.0.0.1" in steps and "Allow public client flows" in steps
    assert all(p in steps for p in ("Mail.ReadWrite", "Mail.Send", "Mail.Send.Shared", "People.Read"))
    assert "/etc/dispatch/defaults.json" in steps and "never put one" in steps


def test_a_pinned_authority_is_the_only_host_msal_speaks_to():
    """With a pinned certificate MSAL's instance discovery (a request to Microsoft's global host) is off:
    the one trusted certificate is the authority's."""
    us = {"client_id": APP_ID, "authority": "https://login.microsoftonline.us/contoso.onmicrosoft.us"}
    assert SignInSettings.from_dict(us).instance_discovery
    assert not SignInSettings.from_dict({**us, "authority_pin_sha256": "AB" * 32}).instance_discovery
