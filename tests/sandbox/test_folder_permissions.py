"""Issue 51 item 4: folder permissions, set as Microsoft documents ("How to: Set folder permissions for another
user by using EWS in Exchange": GetFolder for the current PermissionSet, then UpdateFolder with the new one),
stored and returned by GetFolder (asked for by folder:PermissionSet: AllProperties leaves them out since Exchange
2013), and obeyed: a user granted Reviewer on a folder of another mailbox reads its items there and nothing more,
an Editor creates, edits and deletes there; other folders of that mailbox stay closed. Raw SOAP as any client
sends it (each body checked against the schema by the wire validator), the read also through exchangelib."""

from __future__ import annotations

import pytest

from app.sandbox.core import folder_rights as fr
from app.sandbox.core.errors import MailboxError
from tests.helpers.soap import DEFAULTS, answer, entries, folder, perm, permission_set, post, update_permissions

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"
ALICE, CAROL = "alice@example.com", "carol@example.com"


def _code(msg) -> str:
    return msg.findtext(f"{M}ResponseCode")


def permissions(sb, folder_xml: str, shape: str = "path", user: str = ALICE) -> dict:
    """GetFolder -> {address or distinguished user: {flag: text}} of the folder's PermissionSet (``shape``
    "all": AllProperties, which since Exchange 2013 leaves the permissions out)."""
    return entries(permission_set(sb, folder_xml, shape=shape, user=user))


def test_permissions_are_stored_and_returned_as_microsoft_documents(sandbox, alice):
    inbox = folder("inbox")
    assert set(permissions(sandbox, inbox)) == {"Default", "Anonymous"}  # what every folder starts with
    assert permissions(sandbox, inbox)["Default"]["PermissionLevel"] == "None"
    assert update_permissions(sandbox, inbox, DEFAULTS + perm("Reviewer", CAROL)) == "NoError"
    assert permissions(sandbox, inbox, shape="all") == {}  # only when asked for by name (Exchange 2013 on)
    got = permissions(sandbox, inbox)
    assert got[CAROL] == {"CanCreateItems": "false", "CanCreateSubFolders": "false", "IsFolderOwner": "false",
                          "IsFolderVisible": "true", "IsFolderContact": "false", "EditItems": "None",
                          "DeleteItems": "None", "ReadItems": "FullDetails", "PermissionLevel": "Reviewer"}
    custom = ("<t:CanCreateItems>true</t:CanCreateItems><t:IsFolderVisible>true</t:IsFolderVisible>"
              "<t:EditItems>Owned</t:EditItems><t:ReadItems>FullDetails</t:ReadItems>")
    assert update_permissions(sandbox, inbox, perm("Custom", "bob@example.com", flags=custom),
                              action="AppendToFolderField") == "NoError"
    got = permissions(sandbox, inbox)
    assert set(got) == {"Default", "Anonymous", CAROL, "bob@example.com"}
    assert got["bob@example.com"]["EditItems"] == "Owned" and got["bob@example.com"]["DeleteItems"] == "None"
    assert got["bob@example.com"]["PermissionLevel"] == "Custom"
    # one set of permissions per user: a second is refused, by Set and by Append
    assert update_permissions(sandbox, inbox, perm("Editor", CAROL), action="AppendToFolderField") == \
        "ErrorDuplicateUserIdsSpecified"
    assert update_permissions(sandbox, inbox, perm("Editor", CAROL) + perm("Owner", CAROL)) == \
        "ErrorDuplicateUserIdsSpecified"
    assert update_permissions(sandbox, inbox, perm("Editor", "nobody@example.com")) == "ErrorInvalidUserInfo"
    alice.inbox.refresh()  # exchangelib reads the same set (its Permission reads the level from a
    # CalendarPermissionLevel element, so compare the flags)
    flags = {(p.user_id.primary_smtp_address or p.user_id.distinguished_user): (p.read_items, p.edit_items)
             for p in alice.inbox.permission_set.permissions}
    assert flags == {"Default": ("None", "None"), "Anonymous": ("None", "None"), CAROL: ("FullDetails", "None"),
                     "bob@example.com": ("FullDetails", "Owned")}
    body = ("<m:UpdateFolder><m:FolderChanges><t:FolderChange>" + inbox + "<t:Updates><t:DeleteFolderField>"
            '<t:FieldURI FieldURI="folder:PermissionSet"/></t:DeleteFolderField></t:Updates></t:FolderChange>'
            "</m:FolderChanges></m:UpdateFolder>")
    assert _code(answer(post(sandbox, body))) == "NoError"
    assert set(permissions(sandbox, inbox)) == {"Default", "Anonymous"}


def save(sb, user: str, folder: str, subject: str):
    body = (f'<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId>{folder}</m:SavedItemFolderId>'
            f"<m:Items><t:Message><t:Subject>{subject}</t:Subject><t:Body BodyType=\"Text\">hi</t:Body>"
            "</t:Message></m:Items></m:CreateItem>")
    msg = answer(post(sb, body, user=user))
    item = msg.find(f".//{T}ItemId")
    return _code(msg), (item.get("Id") if item is not None else None)


def find(sb, user: str, folder: str):
    body = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
            '<t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>'
            f"<m:ParentFolderIds>{folder}</m:ParentFolderIds></m:FindItem>")
    msg = answer(post(sb, body, user=user))
    return _code(msg), sorted(s.text for s in msg.iter(f"{T}Subject"))


def get(sb, user: str, item_id: str) -> str:
    body = (f'<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ItemIds>'
            f'<t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>')
    return _code(answer(post(sb, body, user=user)))


def rename(sb, user: str, item_id: str, subject: str) -> str:
    body = ('<m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly"><m:ItemChanges>'
            f'<t:ItemChange><t:ItemId Id="{item_id}"/><t:Updates><t:SetItemField>'
            f'<t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>{subject}</t:Subject></t:Message>'
            "</t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>")
    return _code(answer(post(sb, body, user=user)))


def delete(sb, user: str, item_id: str) -> str:
    body = (f'<m:DeleteItem DeleteType="HardDelete"><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds>'
            "</m:DeleteItem>")
    return _code(answer(post(sb, body, user=user)))


def test_a_reviewer_reads_that_folder_and_nothing_more(sandbox):
    inbox, drafts = folder("inbox", ALICE), folder("drafts", ALICE)
    code, item = save(sandbox, ALICE, folder("inbox"), "for review")
    assert code == "NoError"
    assert find(sandbox, CAROL, inbox)[0] == "ErrorAccessDenied"  # nothing granted yet
    assert get(sandbox, CAROL, item) == "ErrorAccessDenied"
    assert update_permissions(sandbox, folder("inbox"), DEFAULTS + perm("Reviewer", CAROL)) == "NoError"
    assert find(sandbox, CAROL, inbox) == ("NoError", ["for review"])
    assert get(sandbox, CAROL, item) == "NoError"
    assert set(permissions(sandbox, inbox, user=CAROL)) >= {CAROL}  # a visible folder can be read
    assert rename(sandbox, CAROL, item, "changed") == "ErrorAccessDenied"
    assert delete(sandbox, CAROL, item) == "ErrorAccessDenied"
    assert save(sandbox, CAROL, inbox, "dropped in")[0] == "ErrorAccessDenied"
    assert find(sandbox, CAROL, drafts)[0] == "ErrorAccessDenied"  # only the folder that was shared
    assert update_permissions(sandbox, inbox, DEFAULTS + perm("Owner", CAROL), user=CAROL) == "ErrorAccessDenied"
    assert sandbox.mailbox(ALICE).items("inbox")[0]["subject"] == "for review"
    private = answer(post(sandbox, '<m:CreateFolder><m:ParentFolderId>' + folder("inbox") + "</m:ParentFolderId>"
                           "<m:Folders><t:Folder><t:DisplayName>Private</t:DisplayName></t:Folder></m:Folders>"
                           "</m:CreateFolder>")).find(f".//{T}FolderId").get("Id")
    assert subfolders(sandbox, CAROL, inbox) == []  # a subfolder is not shared with its parent
    assert update_permissions(sandbox, f'<t:FolderId Id="{private}"/>', perm("Reviewer", CAROL)) == "NoError"
    assert subfolders(sandbox, CAROL, inbox) == ["Private"]
    assert subfolders(sandbox, ALICE, folder("inbox")) == ["Private"]


def subfolders(sb, user: str, folder: str) -> list[str]:
    body = ('<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape>'
            f"<m:ParentFolderIds>{folder}</m:ParentFolderIds></m:FindFolder>")
    msg = answer(post(sb, body, user=user))
    assert _code(msg) == "NoError"
    return [n.text for n in msg.iter(f"{T}DisplayName")]


def test_an_editor_creates_edits_and_deletes_in_that_folder(sandbox):
    inbox = folder("inbox", ALICE)
    assert update_permissions(sandbox, folder("inbox"), DEFAULTS + perm("Editor", CAROL)) == "NoError"
    code, item = save(sandbox, CAROL, inbox, "from carol")
    assert code == "NoError"
    assert rename(sandbox, CAROL, item, "edited by carol") == "NoError"
    assert find(sandbox, ALICE, folder("inbox")) == ("NoError", ["edited by carol"])
    assert delete(sandbox, CAROL, item) == "NoError"
    assert find(sandbox, ALICE, folder("inbox")) == ("NoError", [])
    assert save(sandbox, CAROL, folder("drafts", ALICE), "elsewhere")[0] == "ErrorAccessDenied"


def test_levels_stand_for_the_rights_microsoft_documents():
    """core/folder_rights, without a server: each PermissionLevelType value's meaning (MS-OXWSFOLD 2.2.5.3), the
    Default entry for anyone not listed, a user's own entry before it, and one set per user."""
    def can(level, need, flags=None):
        return fr.allows([fr.entry(CAROL, None, level, flags or {})], CAROL, need)
    assert [n for n in fr.NEEDS if can("Owner", n)] == list(fr.NEEDS)
    assert [n for n in fr.NEEDS if can("Editor", n)] == ["visible", "read", "create", "edit", "delete"]
    assert [n for n in fr.NEEDS if can("PublishingEditor", n)] == ["visible", "read", "create", "subfolders",
                                                                   "edit", "delete"]
    assert [n for n in fr.NEEDS if can("Author", n)] == ["visible", "read", "create"]  # own items only
    assert [n for n in fr.NEEDS if can("Reviewer", n)] == ["visible", "read"]
    assert [n for n in fr.NEEDS if can("Contributor", n)] == ["visible", "create"]  # contents do not appear
    assert [n for n in fr.NEEDS if can("None", n)] == []
    assert [n for n in fr.NEEDS if can("Custom", n, {"ReadItems": "FullDetails"})] == ["read"]
    open_to_all = [fr.entry(None, "Default", "Reviewer", {}), fr.entry(CAROL, None, "None", {})]
    assert fr.allows(open_to_all, "bob@example.com", "read") and not fr.allows(open_to_all, CAROL, "read")
    assert not fr.allows(None, CAROL, "visible")  # nobody set anything: Default is None
    with pytest.raises(MailboxError) as e:
        fr.merged(open_to_all, [fr.entry("Carol@Example.com", None, "Owner", {})])
    assert e.value.code == "ErrorDuplicateUserIdsSpecified"
