"""FindItem: paging, sorting, restrictions; GetFolder/FindFolder; Move/Copy; MimeContent upload."""

from __future__ import annotations

import base64
from email.message import EmailMessage

from exchangelib import Message, Q
from exchangelib.folders import Drafts, Inbox, SentItems

from tests.helpers.soap import post


def _save(account, subject, **kw):
    m = Message(account=account, folder=account.drafts, subject=subject, **kw)
    m.save()
    return m


def test_restrictions_on_simple_fields(sandbox, alice):
    _save(alice, "alpha report", importance="High", message_id="<a@x>")
    _save(alice, "beta report", importance="Low", message_id="<b@x>")
    _save(alice, "gamma", importance="High", message_id="<c@x>")
    d = alice.drafts
    assert sorted(m.subject for m in d.filter(subject="gamma")) == ["gamma"]
    assert sorted(m.subject for m in d.exclude(subject="gamma")) == ["alpha report", "beta report"]
    assert sorted(m.subject for m in d.filter(subject__contains="report")) == ["alpha report", "beta report"]
    assert sorted(m.subject for m in d.filter(subject__icontains="REPORT")) == ["alpha report", "beta report"]
    assert sorted(m.subject for m in d.filter(subject__startswith="al")) == ["alpha report"]
    assert sorted(m.subject for m in d.filter(Q(importance="High") & ~Q(subject="gamma"))) == ["alpha report"]
    either = d.filter(Q(subject="gamma") | Q(subject="beta report"))
    assert sorted(m.subject for m in either) == ["beta report", "gamma"]
    assert [m.subject for m in d.filter(message_id="<b@x>")] == ["beta report"]
    assert d.filter(subject="nope").count() == 0


def test_sort_orders(sandbox, alice):
    for s in ("b", "c", "a"):
        _save(alice, s)
    d = alice.drafts
    assert [m.subject for m in d.all().order_by("subject")] == ["a", "b", "c"]
    assert [m.subject for m in d.all().order_by("-subject")] == ["c", "b", "a"]
    assert [m.subject for m in d.all().order_by("datetime_created")] == ["b", "c", "a"]
    assert [m.subject for m in d.all().order_by("-last_modified_time")] == ["a", "c", "b"]
    # a restriction plus sorting (evaluated outside SQL) agrees
    assert [m.subject for m in d.filter(subject__in=["a", "c"]).order_by("-subject")] == ["c", "a"]


def test_paging_metadata(sandbox, alice):
    for i in range(5):
        _save(alice, f"p{i}")
    body = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
            '<m:IndexedPageItemView MaxEntriesReturned="2" Offset="{off}" BasePoint="Beginning"/>'
            '<m:ParentFolderIds><t:DistinguishedFolderId Id="drafts"/></m:ParentFolderIds></m:FindItem>')
    r = post(sandbox, body.format(off=0))
    assert b'TotalItemsInView="5"' in r.content and b'IncludesLastItemInRange="false"' in r.content
    assert b'IndexedPagingOffset="2"' in r.content
    r = post(sandbox, body.format(off=4))
    assert b'IncludesLastItemInRange="true"' in r.content and r.content.count(b"<t:ItemId ") == 1


def test_folders_get_and_find(sandbox, alice):
    assert isinstance(alice.drafts, Drafts) and isinstance(alice.sent, SentItems) and isinstance(alice.inbox, Inbox)
    assert alice.drafts.name == "Drafts" and alice.trash.name == "Deleted Items"
    assert alice.junk.name == "Junk Email" and alice.outbox.name == "Outbox"
    _save(alice, "one")
    alice.drafts.refresh()
    assert alice.drafts.total_count == 1
    names = sorted(f.name for f in alice.msg_folder_root.children)
    assert names == ["Archive", "Calendar", "Contacts", "Conversation Action Settings", "Conversation History",
                     "Deleted Items", "Drafts", "Inbox", "Journal", "Junk Email", "Notes", "Outbox", "RSS Feeds",
                     "Sent Items", "Sync Issues", "Tasks"]  # Exchange 2016's (test_folder_fidelity.py)
    r = post(sandbox, '<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape><t:AdditionalProperties>'
                      '<t:ExtendedFieldURI PropertyTag="0x1234" PropertyType="String"/></t:AdditionalProperties>'
                      '</m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="drafts"/></m:FolderIds></m:GetFolder>')
    assert r.status_code == 200 and b"<t:TotalCount>1</t:TotalCount>" in r.content


def test_move_and_copy(sandbox, alice):
    m = _save(alice, "mover")
    moved = m.move(alice.inbox)
    assert alice.drafts.all().count() == 0 and [x.subject for x in alice.inbox.all()] == ["mover"]
    alice.inbox.get(subject="mover").copy(alice.drafts)
    assert alice.drafts.all().count() == 1 and alice.inbox.all().count() == 1
    del moved


def test_create_from_mime_content(sandbox, alice):
    em = EmailMessage()
    em["From"] = "Alice Anderson <alice@example.com>"
    em["To"] = "Bob Brown <bob@example.com>, carol@example.com"
    em["Subject"] = "from MIME"
    em["Message-ID"] = "<mime-1@example.com>"
    em.set_content("hello from mime")
    em.add_attachment(b"PDFDATA", maintype="application", subtype="pdf", filename="doc.pdf")
    body = ('<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/>'
            '</m:SavedItemFolderId><m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">'
            + base64.b64encode(em.as_bytes()).decode() + "</t:MimeContent></t:Message></m:Items></m:CreateItem>")
    r = post(sandbox, body)
    assert r.status_code == 200 and b'ResponseClass="Success"' in r.content
    got = alice.drafts.get(subject="from MIME")
    assert [x.email_address for x in got.to_recipients] == ["bob@example.com", "carol@example.com"]
    assert got.message_id == "<mime-1@example.com>"
    assert got.body.strip() == "hello from mime"
    assert [(a.name, a.content) for a in got.attachments] == [("doc.pdf", b"PDFDATA")]


def test_update_item_edge_cases(sandbox, alice):
    m = _save(alice, "edge", to_recipients=["bob@example.com"])
    r = post(sandbox, '<m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly">'
                      '<m:ItemChanges>'
                      f'<t:ItemChange><t:ItemId Id="{m.id}"/><t:Updates><t:AppendToItemField>'
                      '<t:FieldURI FieldURI="message:ToRecipients"/><t:Message><t:ToRecipients><t:Mailbox>'
                      '<t:EmailAddress>carol@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>'
                      '</t:AppendToItemField><t:SetItemField><t:FieldURI FieldURI="item:DateTimeCreated"/><t:Message>'
                      '<t:DateTimeCreated>2020-01-01T00:00:00Z</t:DateTimeCreated></t:Message></t:SetItemField>'
                      "</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>")
    assert b"ErrorInvalidPropertySet" in r.content  # read-only property: whole change refused
    got = alice.drafts.get(id=m.id)
    assert [x.email_address for x in got.to_recipients] == ["bob@example.com"]
    r = post(sandbox, f'<m:UpdateItem ConflictResolution="AlwaysOverwrite" MessageDisposition="SendAndSaveCopy">'
                      f'<m:ItemChanges><t:ItemChange><t:ItemId Id="{m.id}"/><t:Updates><t:AppendToItemField>'
                      '<t:FieldURI FieldURI="message:ToRecipients"/><t:Message><t:ToRecipients><t:Mailbox>'
                      '<t:EmailAddress>carol@example.com</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>'
                      "</t:AppendToItemField></t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>")
    assert b'ResponseClass="Success"' in r.content
    assert sandbox.mailbox("carol@example.com").count("inbox") == 1
    assert sandbox.mailbox("bob@example.com").count("inbox") == 1
    assert alice.drafts.all().count() == 0 and alice.sent.all().count() == 1


def test_an_uploaded_messages_own_x_headers_and_message_id_travel_when_it_is_sent(sandbox, alice):
    """Delivery rebuilds the message from the item; what the sender set in the uploaded MIME - its X- headers
    and Internet Message-ID - must still reach the recipient (as Exchange keeps them)."""
    em = EmailMessage()
    em["From"] = "alice@example.com"
    em["To"] = "bob@example.com"
    em["Subject"] = "tracked"
    em["Message-ID"] = "<tracked-ews@example.com>"
    em["X-Dispatch-Submission"] = "sub-42"
    em.set_content("hello")
    body = ('<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/>'
            '</m:SavedItemFolderId><m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">'
            + base64.b64encode(em.as_bytes()).decode() + "</t:MimeContent></t:Message></m:Items></m:CreateItem>")
    assert b'ResponseClass="Success"' in post(sandbox, body).content
    alice.drafts.get(subject="tracked").send()
    [copy] = sandbox.mailbox("bob@example.com").items("inbox")
    assert copy["internet_message_id"] == "<tracked-ews@example.com>"
    assert b"X-Dispatch-Submission: sub-42" in copy["mime"]
