"""What a mailbox without an archive mailbox and an organization without public folders answer, as Exchange
does: ArchiveItem is ErrorInvalidOperation "Archive mailbox is not enabled for this user." per item (Microsoft's
ArchiveItem operation page), the public folders root is ErrorNoPublicFolderReplicaAvailable (what Exchange Online
answers exchangelib's own FolderTest.test_public_folders_root). Through exchangelib's own calls and raw SOAP; every
body is checked against the schema by the wire validator."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from exchangelib import Message
from exchangelib.errors import (
    ErrorFolderNotFound, ErrorInvalidOperation, ErrorNoPublicFolderReplicaAvailable,
)
from exchangelib.folders import PublicFoldersRoot

from tests.helpers.soap import post

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"
NOT_ENABLED = "Archive mailbox is not enabled for this user."


def _messages(r, op: str) -> list:
    assert r.status_code == 200, r.text[:600]
    return list(ET.fromstring(r.content).iter(f"{M}{op}ResponseMessage"))


def test_exchangelib_archive_is_refused_and_the_item_stays(sandbox, alice):
    item = Message(account=alice, folder=alice.drafts, subject="keep me").save()
    with pytest.raises(ErrorInvalidOperation) as refused:
        item.archive(to_folder=alice.inbox)
    assert str(refused.value) == NOT_ENABLED
    Message(account=alice, folder=alice.drafts, subject="me too").save()
    with pytest.raises(ErrorInvalidOperation) as refused:  # exchangelib's test_archive_via_queryset
        alice.drafts.filter(subject="me too").archive(to_folder=alice.inbox)
    assert str(refused.value) == NOT_ENABLED
    assert sorted(m.subject for m in alice.drafts.all()) == ["keep me", "me too"]
    assert alice.inbox.all().count() == 0


def test_archive_item_answers_each_item_as_microsofts_error_example(sandbox, alice, wire_validator):
    item = Message(account=alice, folder=alice.inbox, subject="inbox item").save()
    body = ('<m:ArchiveItem><m:ArchiveSourceFolderId><t:DistinguishedFolderId Id="inbox"/></m:ArchiveSourceFolderId>'
            f'<m:ItemIds><t:ItemId Id="{item.id}" ChangeKey="{item.changekey}"/><t:ItemId Id="{item.id}"/>'
            "</m:ItemIds></m:ArchiveItem>")
    msgs = _messages(post(sandbox, body), "ArchiveItem")
    assert len(msgs) == 2
    for msg in msgs:
        assert msg.get("ResponseClass") == "Error"
        assert msg.findtext(f"{M}ResponseCode") == "ErrorInvalidOperation"
        assert msg.findtext(f"{M}MessageText") == NOT_ENABLED
        assert msg.find(f"{M}Items") is not None and len(msg.find(f"{M}Items")) == 0
    assert [m.subject for m in alice.inbox.all()] == ["inbox item"]

    swapped = (f'<m:ArchiveItem><m:ItemIds><t:ItemId Id="{item.id}"/></m:ItemIds><m:ArchiveSourceFolderId>'
               '<t:DistinguishedFolderId Id="inbox"/></m:ArchiveSourceFolderId></m:ArchiveItem>')
    r = post(sandbox, swapped, broken=wire_validator)  # out of messages.xsd's order, on purpose
    assert r.status_code == 500 and b"ErrorSchemaValidation" in r.content


def test_exchangelib_public_folders_root_is_missing_as_on_a_mailbox_without_public_folders(sandbox, alice):
    with pytest.raises(ErrorFolderNotFound) as missing:
        _ = alice.public_folders_root
    assert "Could not find distinguished folder 'publicfoldersroot'" in str(missing.value)
    # exchangelib's FolderTest.test_public_folders_root and test_invalid_parent, whose account has no public folders
    with pytest.raises(ErrorNoPublicFolderReplicaAvailable):
        list(PublicFoldersRoot(account=alice).get_children(alice.inbox))
    assert "Inbox" in {f.name for f in alice.root.tois.children}  # the mailbox's own tree is untouched


def test_every_operation_on_the_public_folders_root_is_no_public_folder_replica(sandbox, alice):
    root = '<t:DistinguishedFolderId Id="publicfoldersroot"/>'
    requests = {
        "GetFolder": f"<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
                     f"<m:FolderIds>{root}</m:FolderIds></m:GetFolder>",
        "FindFolder": f'<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape>'
                      f"</m:FolderShape><m:ParentFolderIds>{root}</m:ParentFolderIds></m:FindFolder>",
        "FindItem": f'<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
                    f"<m:ParentFolderIds>{root}</m:ParentFolderIds></m:FindItem>",
        "CreateFolder": f"<m:CreateFolder><m:ParentFolderId>{root}</m:ParentFolderId><m:Folders><t:Folder>"
                        "<t:DisplayName>x</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>",
    }
    for op, body in requests.items():
        (msg,) = _messages(post(sandbox, body), op)
        assert msg.findtext(f"{M}ResponseCode") == "ErrorNoPublicFolderReplicaAvailable", op
