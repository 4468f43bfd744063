"""The sandbox's EWS block: what Exchange Online answers when EWS is disabled for a mailbox or an EWS
application policy refuses the caller (app/sandbox/ews/blocked.py, the sources there): HTTP 403, the reason
in ``X-EWS-Policy-Reason``, no body; after authentication, before the request is run."""

from __future__ import annotations

import json

import pytest
import requests

from app.sandbox.sandbox import DEFAULT_USERS, load_users
from tests.helpers.soap import SOAP, post

DISABLED = "EWS is disabled for this user or tenant"
POLICY = "EWS is blocked by policy for this user or tenant"
GET_FOLDER = ('<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds>'
              '<t:DistinguishedFolderId Id="drafts"/></m:FolderIds></m:GetFolder>')
CREATE = ('<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/>'
          '</m:SavedItemFolderId><m:Items><t:Message><t:Subject>blocked?</t:Subject></t:Message></m:Items>'
          '</m:CreateItem>')


def _users(alice):
    return [dict(u, ews=alice) if u["email"].startswith("alice@") else dict(u) for u in DEFAULT_USERS]


def _assert_block(r: requests.Response, reason: str):
    assert r.status_code == 403
    assert r.headers["X-EWS-Policy-Reason"] == reason
    assert r.content == b"" and r.headers["Content-Length"] == "0"
    assert "Content-Type" not in r.headers and r.headers.get("Connection", "").lower() != "close"


@pytest.mark.parametrize("setting,reason", [(False, DISABLED), ("policy", POLICY)])
def test_a_blocked_mailbox_gets_exchange_onlines_403(sandbox_factory, setting, reason):
    sb = sandbox_factory(users=_users(setting))
    _assert_block(post(sb, CREATE), reason)
    assert sb.mailbox("alice@example.com").count("drafts") == 0  # refused before it ran
    assert sb.request_log == ["(ews blocked)"]
    assert post(sb, GET_FOLDER, user="bob@example.com").status_code == 200  # only alice is blocked


def test_authentication_comes_first(sandbox_factory):
    sb = sandbox_factory(users=_users(False))
    assert post(sb, GET_FOLDER, auth=False).status_code == 401
    assert sb.request_log == []


def test_the_connection_stays_usable_after_the_403(sandbox_factory):
    sb = sandbox_factory(users=_users(False))
    with requests.Session() as s:
        body = SOAP.format(body=GET_FOLDER).encode()
        hdrs = {"Content-Type": "text/xml; charset=utf-8"}
        _assert_block(s.post(sb.ews_url, data=body, headers=hdrs, auth=("alice@example.com", "alice-sandbox-pw"),
                             timeout=10), DISABLED)
        ok = s.post(sb.ews_url, data=body, headers=hdrs, auth=("bob@example.com", "bob-sandbox-pw"), timeout=10)
        assert ok.status_code == 200 and b"GetFolderResponse" in ok.content


def test_set_ews_flips_the_block_at_runtime(sandbox):
    assert post(sandbox, GET_FOLDER).status_code == 200
    sandbox.set_ews("ALICE@example.com", False)
    _assert_block(post(sandbox, GET_FOLDER), DISABLED)
    sandbox.set_ews("alice@example.com", "policy")
    _assert_block(post(sandbox, GET_FOLDER), POLICY)
    sandbox.set_ews("alice@example.com", True)
    assert post(sandbox, GET_FOLDER).status_code == 200
    assert sandbox.request_log == ["GetFolder", "(ews blocked)", "(ews blocked)", "GetFolder"]


def test_bad_settings_are_refused(sandbox, sandbox_factory):
    with pytest.raises(ValueError):
        sandbox.set_ews("alice@example.com", "no")
    with pytest.raises(KeyError):
        sandbox.set_ews("nobody@example.com", False)
    with pytest.raises(ValueError):
        sandbox_factory(users=_users("false"))


def test_a_users_file_can_block_ews(sandbox_factory, tmp_path):
    path = tmp_path / "users.json"
    path.write_text(json.dumps([{"email": "erin@example.com", "password": "pw", "ews": False},
                                {"email": "frank@example.com", "password": "pw"}]))
    sb = sandbox_factory(users=load_users(str(path)))
    assert [u["ews"] for u in sb.accounts] == [False, True]
    r = requests.post(sb.ews_url, data=SOAP.format(body=GET_FOLDER).encode(),
                      headers={"Content-Type": "text/xml; charset=utf-8"}, auth=("erin@example.com", "pw"), timeout=10)
    _assert_block(r, DISABLED)


def test_graph_still_serves_a_mailbox_whose_ews_is_blocked(sandbox_factory):
    sb = sandbox_factory(users=_users(False), graph=True)
    token = sb.authority.access_token_for("alice@example.com")
    r = requests.get(sb.graph_url + "/me/mailFolders/drafts/messages", headers={"Authorization": "Bearer " + token},
                     timeout=10)
    assert r.status_code == 200 and r.json()["value"] == []
