"""Issue 49: a shared mailbox over EWS, by raw requests as any client would send them. DEFAULT_USERS' Shared Desk
(desk@example.com) grants Alice Full Access and Send As, Bob Full Access and Send on Behalf, Carol nothing.

SendItem's reference page (seed 000_..., "Remarks") documents two delegate traps that the sandbox reproduces:
(a) a draft in the principal's Drafts sent with a copy to "sentitems" WITHOUT the principal's Mailbox: sent, the
item stays in the principal's Drafts; (b) a delegate's own draft sent with a copy to the principal's Sent Items:
sent, the draft stays in the delegate's Drafts, no copy in either Sent Items, and the answer is success."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.helpers.soap import post

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"
DESK = "desk@example.com"


def _folder(name: str, mailbox: str | None = None) -> str:
    box = f"<t:Mailbox><t:EmailAddress>{mailbox}</t:EmailAddress></t:Mailbox>" if mailbox else ""
    return f'<t:DistinguishedFolderId Id="{name}">{box}</t:DistinguishedFolderId>'


def _answers(r) -> list:
    assert r.status_code == 200, r.text
    root = ET.fromstring(r.content)
    return [el for el in root.iter() if el.tag.endswith("ResponseMessage")]


def _code(msg) -> str:
    return msg.find(f"{M}ResponseCode").text


def save_draft(sb, user: str, subject: str, *, folder_mailbox: str | None, from_: str | None = DESK,
               to: str = "carol@example.com"):
    """CreateItem SaveOnly into the Drafts of ``folder_mailbox`` (the user's own when None): (code, item id)."""
    frm = f"<t:From><t:Mailbox><t:EmailAddress>{from_}</t:EmailAddress></t:Mailbox></t:From>" if from_ else ""
    body = (f'<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId>{_folder("drafts", folder_mailbox)}'
            f'</m:SavedItemFolderId><m:Items><t:Message><t:Subject>{subject}</t:Subject>'
            f'<t:Body BodyType="Text">hello</t:Body><t:ToRecipients><t:Mailbox><t:EmailAddress>{to}</t:EmailAddress>'
            f"</t:Mailbox></t:ToRecipients>{frm}</t:Message></m:Items></m:CreateItem>")
    (msg,) = _answers(post(sb, body, user=user))
    item = msg.find(f".//{T}ItemId")
    return _code(msg), (item.get("Id") if item is not None else None)


def send_item(sb, user: str, item_id: str, copy_to: str) -> str:
    body = (f'<m:SendItem SaveItemToFolder="true"><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds>'
            f"<m:SavedItemFolderId>{copy_to}</m:SavedItemFolderId></m:SendItem>")
    (msg,) = _answers(post(sb, body, user=user))
    return _code(msg)


def subjects(sb, mailbox: str, folder: str) -> list[str]:
    return [i["subject"] for i in sb.mailbox(mailbox).items(folder)]


def get_from_and_sender(sb, user: str, item_id: str) -> tuple[str, str]:
    """GetItem (t:From, t:Sender) of an item, as the recipient's client reads them."""
    body = ('<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
            '<t:FieldURI FieldURI="message:From"/><t:FieldURI FieldURI="message:Sender"/></t:AdditionalProperties>'
            f'</m:ItemShape><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>')
    (msg,) = _answers(post(sb, body, user=user))
    assert _code(msg) == "NoError"
    frm, sender = (msg.find(f".//{T}{name}//{T}EmailAddress") for name in ("From", "Sender"))
    return frm.text, (sender.text if sender is not None else None)  # a draft has no Sender yet


def test_send_as_from_the_principals_drafts_with_its_mailbox_puts_the_copy_in_its_sent_items(sandbox):
    code, item = save_draft(sandbox, "alice@example.com", "as desk", folder_mailbox=DESK)
    assert code == "NoError" and subjects(sandbox, DESK, "drafts") == ["as desk"]
    assert subjects(sandbox, "alice@example.com", "drafts") == []
    assert send_item(sandbox, "alice@example.com", item, _folder("sentitems", DESK)) == "NoError"
    assert subjects(sandbox, DESK, "sentitems") == ["as desk"] and subjects(sandbox, DESK, "drafts") == []
    assert subjects(sandbox, "alice@example.com", "sentitems") == []
    (got,) = sandbox.mailbox("carol@example.com").items("inbox")
    assert (got["from"], got["sender"]) == (DESK, DESK), "Send As: the recipient sees only the principal"
    assert "Sender:" not in got["mime"].decode()
    assert get_from_and_sender(sandbox, "carol@example.com", got["id"]) == (DESK, DESK)


def test_send_on_behalf_shows_the_delegate_as_sender_to_the_recipient(sandbox):
    code, item = save_draft(sandbox, "bob@example.com", "for desk", folder_mailbox=DESK)
    assert code == "NoError"
    assert send_item(sandbox, "bob@example.com", item, _folder("sentitems", DESK)) == "NoError"
    assert subjects(sandbox, DESK, "sentitems") == ["for desk"]
    (got,) = sandbox.mailbox("carol@example.com").items("inbox")
    assert (got["from"], got["sender"]) == (DESK, "bob@example.com"), "Bob Brown on behalf of Shared Desk"
    mime = got["mime"].decode()
    assert "From: Shared Desk <desk@example.com>" in mime and "Sender: Bob Brown <bob@example.com>" in mime
    assert get_from_and_sender(sandbox, "carol@example.com", got["id"]) == (DESK, "bob@example.com")


def test_seed_a_principals_draft_sent_with_a_copy_to_sentitems_without_mailbox_stays_in_its_drafts(sandbox):
    _, item = save_draft(sandbox, "alice@example.com", "trap a", folder_mailbox=DESK)
    assert send_item(sandbox, "alice@example.com", item, _folder("sentitems")) == "NoError"
    assert subjects(sandbox, "carol@example.com", "inbox") == ["trap a"]  # it went out
    assert subjects(sandbox, DESK, "drafts") == ["trap a"], "the item silently stays in the principal's Drafts"
    assert subjects(sandbox, DESK, "sentitems") == [] and subjects(sandbox, "alice@example.com", "sentitems") == []


def test_seed_b_a_delegates_own_draft_sent_with_a_copy_to_the_principals_sent_items_leaves_no_copy(sandbox):
    _, item = save_draft(sandbox, "alice@example.com", "trap b", folder_mailbox=None)
    assert subjects(sandbox, "alice@example.com", "drafts") == ["trap b"]
    assert send_item(sandbox, "alice@example.com", item, _folder("sentitems", DESK)) == "NoError"  # success...
    assert subjects(sandbox, "carol@example.com", "inbox") == ["trap b"]
    assert subjects(sandbox, "alice@example.com", "drafts") == ["trap b"]  # ...the draft stays
    assert subjects(sandbox, DESK, "sentitems") == [] and subjects(sandbox, "alice@example.com", "sentitems") == []


def test_the_principals_items_open_by_id_for_a_full_access_trustee_only(sandbox):
    _, item = save_draft(sandbox, "alice@example.com", "shared", folder_mailbox=DESK)
    assert get_from_and_sender(sandbox, "bob@example.com", item)[0] == DESK  # Bob has Full Access too
    body = f'<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="{item}"/>' \
           "</m:ItemIds></m:GetItem>"
    (msg,) = _answers(post(sandbox, body, user="carol@example.com"))
    assert _code(msg) == "ErrorAccessDenied"
    find = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
            f'<m:ParentFolderIds>{_folder("drafts", DESK)}</m:ParentFolderIds></m:FindItem>')
    (ok,) = _answers(post(sandbox, find, user="bob@example.com"))
    assert _code(ok) == "NoError" and len(ok.findall(f".//{T}ItemId")) == 1
    (denied,) = _answers(post(sandbox, find, user="carol@example.com"))
    assert _code(denied) == "ErrorAccessDenied"


def test_a_user_without_rights_is_refused_the_folder_and_the_from(sandbox):
    code, _ = save_draft(sandbox, "carol@example.com", "no access", folder_mailbox=DESK, to="bob@example.com")
    assert code == "ErrorAccessDenied" and subjects(sandbox, DESK, "drafts") == []
    code, item = save_draft(sandbox, "carol@example.com", "not mine", folder_mailbox=None, to="bob@example.com")
    assert code == "NoError"
    assert send_item(sandbox, "carol@example.com", item, _folder("sentitems")) == "ErrorSendAsDenied"
    assert subjects(sandbox, "bob@example.com", "inbox") == []
    assert subjects(sandbox, "carol@example.com", "drafts") == ["not mine"], "a refused draft is kept"
    assert subjects(sandbox, "carol@example.com", "sentitems") == []


def test_create_and_send_refuses_a_from_without_a_right_per_item_and_files_a_granted_one_in_the_principals(sandbox):
    def create_and_send(user, copy_to):
        body = (f'<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:SavedItemFolderId>{copy_to}'
                '</m:SavedItemFolderId><m:Items><t:Message><t:Subject>at once</t:Subject>'
                '<t:ToRecipients><t:Mailbox><t:EmailAddress>dave@example.com</t:EmailAddress></t:Mailbox>'
                f'</t:ToRecipients><t:From><t:Mailbox><t:EmailAddress>{DESK}</t:EmailAddress></t:Mailbox></t:From>'
                "</t:Message></m:Items></m:CreateItem>")
        (msg,) = _answers(post(sandbox, body, user=user))
        return _code(msg)

    assert create_and_send("carol@example.com", _folder("sentitems")) == "ErrorSendAsDenied"
    assert subjects(sandbox, "dave@example.com", "inbox") == [] and subjects(sandbox, "carol@example.com", "sentitems") == []
    assert create_and_send("alice@example.com", _folder("sentitems", DESK)) == "NoError"
    assert subjects(sandbox, "dave@example.com", "inbox") == ["at once"] and subjects(sandbox, DESK, "sentitems") == ["at once"]


def test_a_principals_folder_id_works_for_a_full_access_trustee_only(sandbox):
    get = ('<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>'
           f'<m:FolderIds>{_folder("drafts", DESK)}</m:FolderIds></m:GetFolder>')
    (msg,) = _answers(post(sandbox, get, user="alice@example.com"))
    folder_id = msg.find(f".//{T}FolderId").get("Id")
    find = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
            f'<m:ParentFolderIds><t:FolderId Id="{folder_id}"/></m:ParentFolderIds></m:FindItem>')
    (ok,) = _answers(post(sandbox, find, user="bob@example.com"))
    (denied,) = _answers(post(sandbox, find, user="carol@example.com"))
    assert (_code(ok), _code(denied)) == ("NoError", "ErrorAccessDenied")
