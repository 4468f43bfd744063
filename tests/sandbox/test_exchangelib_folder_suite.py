"""exchangelib 5.6.0's own FolderTest cases, with the logic of the library's tests/test_folder.py (and the random
values of its tests/common.py) against the sandbox over real HTTP: test_update and
test_create_update_empty_delete. Where the library itself sends a body the schema refuses, the test says so and
checks that the sandbox refuses it as Exchange does, and that the schema-valid body is accepted."""

from __future__ import annotations

import random
import string
import xml.etree.ElementTree as ET

import pytest
from exchangelib import Folder, Message
from exchangelib.errors import (
    ErrorDeleteDistinguishedFolder, ErrorFolderExists, ErrorItemNotFound, ErrorObjectTypeChanged,
    ErrorSchemaValidation,
)
from exchangelib.folders import Messages
from exchangelib.properties import Permission, PermissionSet, UserId

from app.sandbox import Sandbox
from app.sandbox.core import folder_rights
from tests.helpers.soap import answer, entries, permission_set, post

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
CAROL = "carol@example.com"


def random_string(length: int) -> str:
    """exchangelib's get_random_string: letters, digits, ':.-_' and spaces, not ending in a space."""
    chars = string.ascii_letters + string.digits + ":.-_ "
    res = "".join(random.choice(chars) for _ in range(length)).strip()
    return res + "".join(random.choice(string.ascii_letters) for _ in range(length - len(res)))


@pytest.fixture
def exchangelibs_permission_echo(wire_validator, monkeypatch):
    """exchangelib 5.6.0 writes a folder's t:Permission against types.xsd's PermissionType: UserId last instead
    of first, CanCreateSubfolders for CanCreateSubFolders, and CalendarPermissionLevel (CalendarPermissionType's)
    for PermissionLevel. The wire validator exempts exactly such a request body, and still checks that it is
    really invalid (so this fixture fails the test once exchangelib writes the element as the schema says)."""
    def observe(direction, raw, injected=False):
        if direction == "request" and b"<t:Permission><t:CanCreateItems>" in raw \
                and b"<t:CalendarPermissionLevel>" in raw:
            wire_validator.expect_broken(raw)
        wire_validator.observe(direction, raw, injected=injected)

    monkeypatch.setattr(Sandbox, "default_wire_observer", observe)


def _set_permission_set(sb, folder_id: str, permission_set_xml: str) -> str:
    msg = answer(post(sb, f'<m:UpdateFolder><m:FolderChanges><t:FolderChange><t:FolderId Id="{folder_id}"/>'
                          '<t:Updates><t:SetFolderField><t:FieldURI FieldURI="folder:PermissionSet"/><t:Folder>'
                          f"{permission_set_xml}</t:Folder></t:SetFolderField></t:Updates></t:FolderChange>"
                          "</m:FolderChanges></m:UpdateFolder>"))
    return msg.findtext(f"{M}ResponseCode")


def test_update_as_exchangelibs_folder_test_does(sandbox, alice, exchangelibs_permission_echo):
    """FolderTest.test_update: every writable field but folder_class gets a random value (the permission set:
    one t:Permission for the account's own address, as common.py's random_val builds it), save(), refresh(),
    every value changed. exchangelib's t:Permission is not the schema's, so a server that checks requests against
    the schema, as Exchange does ("The request failed schema validation: The element ... has invalid child
    element ...", Microsoft's EWS blog "The request failed schema validation... But why?", for an element out of
    its sequence's order), refuses the whole request with ErrorSchemaValidation, and so does the sandbox; the
    rest of the update, saved without it, is kept."""
    f = Folder(parent=alice.inbox, name=random_string(16)).save()
    old_values, new_values = {}, {}
    for field in f.FIELDS:
        if field.name in ("account", "id", "changekey", "folder_class", "parent_folder_id") or field.is_read_only:
            continue
        old_values[field.name] = getattr(f, field.name)
        if field.name == "permission_set":
            new_values[field.name] = PermissionSet(
                permissions=[Permission(user_id=UserId(primary_smtp_address=alice.primary_smtp_address))])
        else:
            new_values[field.name] = random_string(field.max_length)
        setattr(f, field.name, new_values[field.name])
    assert set(old_values) == {"name", "permission_set"}
    with pytest.raises(ErrorSchemaValidation) as refused:
        f.save()
    assert "The element 'Permission'" in str(refused.value) and "'CanCreateItems'" in str(refused.value)
    assert f.refresh().name == old_values["name"]  # refused as a whole: nothing of it was kept

    f.name = new_values["name"]
    f.save(update_fields=["name"])
    f.refresh()
    assert f.name == new_values["name"] != old_values["name"]


def test_the_permission_set_getfolder_returns_is_valid_and_its_echo_is_accepted(sandbox, alice):
    """Every t:Permission GetFolder returns has a PermissionLevel of PermissionLevelType (the wire validator
    checks the answer against types.xsd too); sent back unchanged, as Microsoft's "How to: Set folder
    permissions for another user by using EWS" does (GetFolder, then UpdateFolder with the set), it passes the
    sandbox's schema check and changes nothing."""
    f = Folder(parent=alice.inbox, name="shared").save()
    fresh = permission_set(sandbox, f'<t:FolderId Id="{f.id}"/>')
    assert {who: e["PermissionLevel"] for who, e in entries(fresh).items()} == {"Default": "None",
                                                                                 "Anonymous": "None"}
    custom = ("<t:CanCreateItems>true</t:CanCreateItems><t:ReadItems>FullDetails</t:ReadItems>"
              "<t:PermissionLevel>Custom</t:PermissionLevel>")
    assert _set_permission_set(sandbox, f.id, (
        "<t:PermissionSet><t:Permissions>"
        "<t:Permission><t:UserId><t:DistinguishedUser>Default</t:DistinguishedUser></t:UserId>"
        "<t:PermissionLevel>Reviewer</t:PermissionLevel></t:Permission>"
        f"<t:Permission><t:UserId><t:PrimarySmtpAddress>{CAROL}</t:PrimarySmtpAddress></t:UserId>{custom}"
        "</t:Permission></t:Permissions></t:PermissionSet>")) == "NoError"
    returned = permission_set(sandbox, f'<t:FolderId Id="{f.id}"/>')
    levels = {who: e["PermissionLevel"] for who, e in entries(returned).items()}
    assert levels == {"Default": "Reviewer", CAROL: "Custom"}
    assert set(levels.values()) <= {*folder_rights.LEVELS, "Custom"}

    echo = ET.tostring(returned, encoding="unicode")
    assert _set_permission_set(sandbox, f.id, echo) == "NoError"
    assert entries(permission_set(sandbox, f'<t:FolderId Id="{f.id}"/>')) == entries(returned)


def test_create_update_empty_delete_as_exchangelibs_folder_test_does(sandbox, alice):
    """FolderTest.test_create_update_empty_delete. Its last save(), with the id and change key of the deleted
    folder, is ErrorItemNotFound (a folder id that names no folder any more is answered as an item id is).
    exchangelib's test saves every field there; after refresh() those include the permission set, whose
    t:Permission exchangelib 5.6.0 writes against the schema (test_update above), so this one names the field
    it changes."""
    name = random_string(16)
    f = Messages(parent=alice.inbox, name=name).save()
    with pytest.raises(ErrorFolderExists):
        Messages(parent=alice.inbox, name=name).save()
    assert f.id is not None and f.changekey is not None

    new_name = random_string(16)
    f.name = new_name
    f.save()
    f.refresh()
    assert f.name == new_name

    with pytest.raises(ErrorObjectTypeChanged):
        f.folder_class = random_string(16)
        f.save(update_fields=["folder_class"])

    Messages(parent=f, name=random_string(16)).save()
    Message(account=alice, folder=f, subject="filed").save()
    assert len(list(f.children)) == 1
    f.empty()
    assert len(list(f.children)) == 1 and f.all().count() == 0
    f.empty(delete_sub_folders=True)
    assert len(list(f.children)) == 0

    Messages(parent=f, name=random_string(16)).save()
    assert len(list(f.children)) == 1
    f.wipe()
    assert len(list(f.children)) == 0

    item_id, changekey = f.id, f.changekey
    f.delete()
    with pytest.raises(ValueError):
        f.refresh()  # no longer has an id
    with pytest.raises(ErrorItemNotFound):
        f.id, f.changekey = item_id, changekey
        f.save(update_fields=["name"])
    with pytest.raises(ErrorDeleteDistinguishedFolder):
        alice.inbox.delete()


def test_a_deleted_folders_id_is_item_not_found_and_a_missing_target_folder_stays_folder_not_found(sandbox, alice):
    """Raw SOAP: GetFolder, UpdateFolder, EmptyFolder and DeleteFolder on a deleted folder's id answer
    ErrorItemNotFound; a distinguished folder the mailbox lacks stays ErrorFolderNotFound, and a deleted folder
    named as where something goes keeps its answers (ErrorParentFolderNotFound, ErrorFolderNotFound)."""
    gone = Folder(parent=alice.inbox, name="gone").save()
    gone_id = gone.id
    gone.delete()
    fid = f'<t:FolderId Id="{gone_id}"/>'
    requests = {
        "GetFolder": f"<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
                     f"<m:FolderIds>{fid}</m:FolderIds></m:GetFolder>",
        "UpdateFolder": f"<m:UpdateFolder><m:FolderChanges><t:FolderChange>{fid}<t:Updates><t:SetFolderField>"
                        '<t:FieldURI FieldURI="folder:DisplayName"/><t:Folder><t:DisplayName>x</t:DisplayName>'
                        "</t:Folder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges>"
                        "</m:UpdateFolder>",
        "EmptyFolder": f'<m:EmptyFolder DeleteType="HardDelete" DeleteSubFolders="false"><m:FolderIds>{fid}'
                       "</m:FolderIds></m:EmptyFolder>",
        "DeleteFolder": f'<m:DeleteFolder DeleteType="HardDelete"><m:FolderIds>{fid}</m:FolderIds>'
                        "</m:DeleteFolder>",
        "CreateFolder": f"<m:CreateFolder><m:ParentFolderId>{fid}</m:ParentFolderId><m:Folders><t:Folder>"
                        "<t:DisplayName>child</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>",
        "CreateItem": f'<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId>{fid}'
                      "</m:SavedItemFolderId><m:Items><t:Message><t:Subject>s</t:Subject></t:Message></m:Items>"
                      "</m:CreateItem>",
        "absent distinguished": '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>'
                                '<m:FolderIds><t:DistinguishedFolderId Id="archivemsgfolderroot"/></m:FolderIds>'
                                "</m:GetFolder>",
    }
    codes = {op: answer(post(sandbox, body)).findtext(f"{M}ResponseCode") for op, body in requests.items()}
    assert codes == {"GetFolder": "ErrorItemNotFound", "UpdateFolder": "ErrorItemNotFound",
                     "EmptyFolder": "ErrorItemNotFound", "DeleteFolder": "ErrorItemNotFound",
                     "CreateFolder": "ErrorParentFolderNotFound", "CreateItem": "ErrorFolderNotFound",
                     "absent distinguished": "ErrorFolderNotFound"}
