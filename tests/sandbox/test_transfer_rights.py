"""Rights on another mailbox's folder (core/folder_rights.py) for UploadItems and the UserConfiguration
operations, as for any item or folder operation: Alice in Bob's Drafts with no rights, then with the levels
Bob grants her (UpdateFolder's PermissionSet, as Microsoft documents it), each operation checked against the
right it needs (create, edit, read, delete). Raw SOAP (each body checked against the schema by the wire
validator); the Data uploaded is exchangelib's own export."""

from __future__ import annotations

import pytest
from exchangelib import Message

from tests.helpers.soap import DEFAULTS, folder, perm, post, response_codes, update_permissions

ALICE, BOB = "alice@example.com", "bob@example.com"
BOBS_DRAFTS = folder("drafts", BOB)


def _grant(sb, level: str) -> None:
    """Bob gives Alice ``level`` on his Drafts (Default and Anonymous none)."""
    assert update_permissions(sb, folder("drafts"), DEFAULTS + perm(level, ALICE), user=BOB) == "NoError"


# ---------------- UploadItems ----------------

def _upload(sb, folder_id: str, data: str, action: str = "CreateNew", item_id: str | None = None) -> str:
    ident = f'<t:ItemId Id="{item_id}"/>' if item_id else ""
    body = (f'<m:UploadItems><m:Items><t:Item CreateAction="{action}"><t:ParentFolderId Id="{folder_id}"/>'
            f"{ident}<t:Data>{data}</t:Data></t:Item></m:Items></m:UploadItems>")
    [code] = response_codes(post(sb, body))
    return code


@pytest.fixture
def data(alice):
    m = Message(account=alice, folder=alice.drafts, subject="alice's backup")
    m.save()
    return alice.export([m])[0]


def test_upload_into_another_mailboxs_folder_needs_the_right_to_create_there(sandbox, alice, bob, data):
    drafts = bob.drafts.id
    assert _upload(sandbox, drafts, data) == "ErrorAccessDenied"  # no rights
    _grant(sandbox, "Reviewer")  # reads, creates nothing
    assert _upload(sandbox, drafts, data) == "ErrorAccessDenied"
    assert bob.drafts.all().count() == 0
    _grant(sandbox, "Contributor")  # creates items, reads and edits none
    assert _upload(sandbox, drafts, data) == "NoError"
    assert [i.subject for i in bob.drafts.all()] == ["alice's backup"]


def test_update_or_create_never_replaces_another_mailboxs_item_without_the_right_to_edit(sandbox, alice, bob, data):
    bobs = Message(account=bob, folder=bob.drafts, subject="bob's own")
    bobs.save()
    # into Alice's own Drafts, naming Bob's item: his item is not hers to replace
    assert _upload(sandbox, alice.drafts.id, data, "UpdateOrCreate", bobs.id) == "ErrorAccessDenied"
    _grant(sandbox, "Contributor")  # may create in his Drafts, but not edit what is there
    assert _upload(sandbox, bob.drafts.id, data, "UpdateOrCreate", bobs.id) == "ErrorAccessDenied"
    assert _upload(sandbox, bob.drafts.id, data, "Update", bobs.id) == "ErrorAccessDenied"
    assert bob.drafts.get(id=bobs.id).subject == "bob's own"
    _grant(sandbox, "Editor")
    assert _upload(sandbox, bob.drafts.id, data, "UpdateOrCreate", bobs.id) == "NoError"
    assert bob.drafts.get(id=bobs.id).subject == "alice's backup"


# ---------------- UserConfiguration ----------------

def _name(name: str = "Prefs") -> str:
    return f'<t:UserConfigurationName Name="{name}">{BOBS_DRAFTS}</t:UserConfigurationName>'


def _create(sb, user=ALICE, name="Prefs") -> str:
    [code] = response_codes(post(sb, f"<m:CreateUserConfiguration><m:UserConfiguration>{_name(name)}"
                             "<t:XmlData>PGEvPg==</t:XmlData></m:UserConfiguration></m:CreateUserConfiguration>",
                         user=user))
    return code


def _get(sb, name="Prefs") -> str:
    [code] = response_codes(post(sb, f'<m:GetUserConfiguration><m:UserConfigurationName Name="{name}">{BOBS_DRAFTS}'
                             "</m:UserConfigurationName><m:UserConfigurationProperties>All"
                             "</m:UserConfigurationProperties></m:GetUserConfiguration>"))
    return code


def _update(sb, name="Prefs") -> str:
    [code] = response_codes(post(sb, f"<m:UpdateUserConfiguration><m:UserConfiguration>{_name(name)}"
                             "<t:BinaryData>Yg==</t:BinaryData></m:UserConfiguration></m:UpdateUserConfiguration>"))
    return code


def _delete(sb, name="Prefs") -> str:
    [code] = response_codes(post(sb, f'<m:DeleteUserConfiguration><m:UserConfigurationName Name="{name}">{BOBS_DRAFTS}'
                             "</m:UserConfigurationName></m:DeleteUserConfiguration>"))
    return code


def _all(sb, name="Prefs") -> list[str]:
    return [_create(sb, name=name), _get(sb, name), _update(sb, name), _delete(sb, name)]


def test_user_configurations_of_another_mailboxs_folder_follow_its_rights(sandbox):
    assert _create(sandbox, user=BOB) == "NoError"  # Bob's own "Prefs" on his Drafts
    denied = "ErrorAccessDenied"
    assert _all(sandbox) == [denied] * 4  # no rights: create, read, change and delete all refused
    _grant(sandbox, "Contributor")  # sees the folder and creates there, reads nothing
    assert _get(sandbox) == denied
    _grant(sandbox, "Reviewer")  # reads, nothing more
    assert _all(sandbox) == [denied, "NoError", denied, denied]
    _grant(sandbox, "Editor")  # creates, reads, changes and deletes
    assert _all(sandbox, name="Alices") == ["NoError"] * 4
    assert [_update(sandbox), _delete(sandbox), _get(sandbox)] == ["NoError", "NoError", "ErrorItemNotFound"]
