"""Issue 2 features proven on the wire: raw capture-shaped requests where the XML itself is the point,
exchangelib where the round trip is. Captures: tests/resources/ews-captures/."""

from __future__ import annotations

import base64
import email
import email.policy
import xml.etree.ElementTree as ET

import pytest
import requests
from exchangelib import FileAttachment, Message
from exchangelib.errors import ErrorMessageSizeExceeded

from app.sandbox import Sandbox
from tests.ews_wire import CAPTURES_DIR
from tests.helpers.soap import post

CAPTURES = CAPTURES_DIR
S = "{http://schemas.xmlsoap.org/soap/envelope/}"
M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"


def post_raw(sb, envelope: bytes, user="alice@example.com"):
    u = next(a for a in sb.accounts if a["email"] == user)
    return requests.post(sb.ews_url, data=envelope, headers={"Content-Type": "text/xml; charset=utf-8"},
                         auth=(u["username"], u["password"]), timeout=30)


def messages(content: bytes) -> list:
    body = ET.fromstring(content).find(f"{S}Body")
    return list(body[0].find(f"{M}ResponseMessages"))


def _draft(account, subject, **kw):
    m = Message(account=account, folder=account.drafts, subject=subject, **kw)
    m.save()
    return m


# ---------------- ResolveNames ----------------

def test_raw_resolve_names_ali_is_a_warning_with_multiple_results(sandbox):
    capture = (CAPTURES / "25_ResolveNames_multiple_warning.request.xml").read_bytes()
    assert b"<m:UnresolvedEntry>ali</m:UnresolvedEntry>" in capture
    r = post_raw(sandbox, capture)
    assert r.status_code == 200
    assert b'ResponseClass="Warning"' in r.content
    assert b"<m:ResponseCode>ErrorNameResolutionMultipleResults</m:ResponseCode>" in r.content
    (msg,) = messages(r.content)
    assert msg.get("ResponseClass") == "Warning"
    assert msg.findtext(f"{M}ResponseCode") == "ErrorNameResolutionMultipleResults"
    rs = msg.find(f"{M}ResolutionSet")
    emails = sorted(e.text for e in rs.iter(f"{T}EmailAddress"))
    assert emails == ["ali.baba@example.com", "alice@example.com"] and rs.get("TotalItemsInView") == "2"


# ---------------- GetItem round trips ----------------

GET = ('<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>{bodytype}<t:AdditionalProperties>'
       '<t:FieldURI FieldURI="item:Body"/><t:FieldURI FieldURI="message:ConversationIndex"/>'
       '<t:FieldURI FieldURI="message:Sender"/><t:FieldURI FieldURI="message:IsRead"/>'
       '</t:AdditionalProperties></m:ItemShape><m:ItemIds><t:ItemId Id="{id}"/></m:ItemIds></m:GetItem>')


def _get_raw(sb, item_id, user="alice@example.com", body_type=""):
    bt = f"<t:BodyType>{body_type}</t:BodyType>" if body_type else ""
    (msg,) = messages(post(sb, GET.format(bodytype=bt, id=item_id), user=user).content)
    assert msg.findtext(f"{M}ResponseCode") == "NoError"
    return msg.find(f"{M}Items")[0]


def test_get_item_round_trips_sender_and_is_read_set_by_update_item(sandbox, alice, bob):
    Message(account=alice, subject="who sent this", body="x", to_recipients=["bob@example.com"]).send()
    got = bob.inbox.get(subject="who sent this")
    assert got.sender.email_address == "alice@example.com" and got.sender.name == "Alice Anderson"
    assert got.is_read is False
    raw = _get_raw(sandbox, got.id, user="bob@example.com")
    assert raw.find(f"{T}Sender/{T}Mailbox/{T}EmailAddress").text == "alice@example.com"
    assert raw.findtext(f"{T}IsRead") == "false"
    got.is_read = True
    got.save(update_fields=["is_read"])  # UpdateItem SetItemField message:IsRead
    assert bob.inbox.get(id=got.id).is_read is True
    assert _get_raw(sandbox, got.id, user="bob@example.com").findtext(f"{T}IsRead") == "true"
    got.is_read = False
    got.save(update_fields=["is_read"])
    assert bob.inbox.get(id=got.id).is_read is False


def test_conversation_index_is_returned_as_written(sandbox):
    index = base64.b64encode(b"\x01" + bytes(range(1, 22))).decode()
    create = ('<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="drafts"/>'
              '</m:SavedItemFolderId><m:Items><t:Message><t:Subject>indexed</t:Subject>'
              f'<t:ConversationIndex>{index}</t:ConversationIndex></t:Message></m:Items></m:CreateItem>')
    (msg,) = messages(post(sandbox, create).content)
    item_id = msg.find(f"{M}Items/{T}Message/{T}ItemId").get("Id")
    assert _get_raw(sandbox, item_id).findtext(f"{T}ConversationIndex") == index


def test_text_body_is_converted_to_html_on_request(sandbox, alice):
    m = _draft(alice, "plain", body="a & b <c>\nline2")
    html = _get_raw(sandbox, m.id, body_type="HTML").find(f"{T}Body")
    assert html.get("BodyType") == "HTML"
    assert "a &amp; b &lt;c&gt;<br>" in html.text and "line2" in html.text and "<html>" in html.text
    text = _get_raw(sandbox, m.id, body_type="Text").find(f"{T}Body")
    assert text.get("BodyType") == "Text" and text.text.replace("\r\n", "\n") == "a & b <c>\nline2"


def test_draft_mime_content_parses_into_headers_body_and_attachments(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="mime me ✓", body="first line\nsecond",
                to_recipients=["bob@example.com"], cc_recipients=["carol@example.com"])
    m.attach(FileAttachment(name="notes.txt", content=b"hello attachment", content_type="text/plain"))
    m.attach(FileAttachment(name="blob.bin", content=bytes(range(256)), content_type="application/octet-stream"))
    m.save()
    mime = alice.drafts.all().only("mime_content").get(id=m.id).mime_content
    parsed = email.message_from_bytes(mime, policy=email.policy.default)
    assert parsed["Subject"] == "mime me ✓"
    # the recipients as the directory names them (issue 51)
    assert "alice@example.com" in parsed["From"] and parsed["To"] == "Bob Brown <bob@example.com>"
    assert parsed["Cc"] == "Carol Clark <carol@example.com>" and parsed["MIME-Version"] == "1.0"
    assert parsed.get_content_type() == "multipart/mixed"
    body = parsed.get_body(preferencelist=("plain", "html"))
    assert body.get_content().replace("\r\n", "\n").strip() == "first line\nsecond"
    atts = {a.get_filename(): a.get_payload(decode=True) for a in parsed.iter_attachments()}
    assert atts == {"notes.txt": b"hello attachment", "blob.bin": bytes(range(256))}


# ---------------- CreateItem / DeleteItem ----------------

def test_create_item_with_three_items_answers_three_messages_in_order(sandbox, alice, wire_validator):
    seen = []

    def observe(direction, body, injected=False):
        seen.append((direction, body))

    alice.drafts
    sandbox.wire_observer = observe
    res = alice.bulk_create(folder=alice.drafts, items=[Message(account=alice, subject=f"bulk {i}") for i in range(3)])
    reply = [b for d, b in seen if d == "response" and b"CreateItemResponse" in b][-1]
    msgs = messages(reply)
    assert [x.tag for x in msgs] == [f"{M}CreateItemResponseMessage"] * 3
    assert [x.findtext(f"{M}ResponseCode") for x in msgs] == ["NoError"] * 3
    ids_in_reply = [x.find(f"{M}Items/{T}Message/{T}ItemId").get("Id") for x in msgs]
    assert [r.id for r in res] == ids_in_reply
    assert [alice.drafts.get(id=i).subject for i in ids_in_reply] == ["bulk 0", "bulk 1", "bulk 2"]


def test_delete_item_soft_delete(sandbox, alice):
    m = _draft(alice, "soft")
    keep = _draft(alice, "keep")
    m.soft_delete()  # DeleteItem DeleteType="SoftDelete"
    assert [x.subject for x in alice.drafts.all()] == ["keep"]
    assert alice.trash.all().count() == 0  # not in Deleted Items: in the dumpster (Recoverable Items/Deletions)
    assert [x.subject for x in alice.recoverable_items_deletions.all()] == ["soft"]
    box = sandbox.mailbox("alice@example.com")
    assert [i["subject"] for i in box.items("recoverableitemsdeletions")] == ["soft"]
    capture = (CAPTURES / "23_DeleteItem_HardDelete.request.xml").read_text()
    raw = capture.replace('DeleteType="HardDelete"', 'DeleteType="SoftDelete"').replace(
        'Id="I-480ffe153be64af4" ChangeKey="CK1"', f'Id="{keep.id}" ChangeKey="{keep.changekey}"')
    (msg,) = messages(post_raw(sandbox, raw.encode()).content)
    assert msg.get("ResponseClass") == "Success" and msg.findtext(f"{M}ResponseCode") == "NoError"
    assert box.items("drafts") == [] and box.items("deleteditems") == []
    assert sorted(i["subject"] for i in box.items("recoverableitemsdeletions")) == ["keep", "soft"]


# ---------------- FindItem: sorting by DateTimeSent, t:Not ----------------

@pytest.fixture
def three_sent(sandbox, alice):
    for s in ("first", "second", "third"):
        Message(account=alice, folder=alice.sent, subject=s, body=s, to_recipients=["bob@example.com"]).send_and_save()
    # each send is a request of its own, answered once stored, and DateTimeSent keeps microseconds: three
    # different times in the order sent (checked, not waited for), so the order is unambiguous
    stored = sandbox.mailbox("alice@example.com").items("sentitems")
    assert len({i["sent"] for i in stored}) == 3
    assert [i["subject"] for i in sorted(stored, key=lambda i: i["sent"])] == ["first", "second", "third"]
    return ["first", "second", "third"]


def test_find_item_order_by_datetime_sent_on_sent_items(sandbox, alice, three_sent):
    newest_first = list(alice.sent.all().order_by("-datetime_sent"))
    assert [m.subject for m in newest_first] == ["third", "second", "first"]
    assert newest_first[0].datetime_sent >= newest_first[1].datetime_sent >= newest_first[2].datetime_sent
    assert [m.subject for m in alice.sent.all().order_by("datetime_sent")] == three_sent


def test_raw_sort_by_date_time_sent(sandbox, alice, three_sent):
    find = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
            '<t:FieldURI FieldURI="item:Subject"/><t:FieldURI FieldURI="item:DateTimeSent"/></t:AdditionalProperties>'
            '</m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="50" Offset="0" BasePoint="Beginning"/>'
            '<m:SortOrder><t:FieldOrder Order="{order}"><t:FieldURI FieldURI="item:DateTimeSent"/></t:FieldOrder>'
            '</m:SortOrder><m:ParentFolderIds><t:DistinguishedFolderId Id="sentitems"/></m:ParentFolderIds></m:FindItem>')
    for order, expect in (("Descending", three_sent[::-1]), ("Ascending", three_sent)):
        (msg,) = messages(post(sandbox, find.format(order=order)).content)
        items = list(msg.find(f"{M}RootFolder/{T}Items"))
        assert [i.findtext(f"{T}Subject") for i in items] == expect
        sent = [i.findtext(f"{T}DateTimeSent") for i in items]
        assert sent == sorted(sent, reverse=order == "Descending") and all(s.endswith("Z") for s in sent)


def test_raw_not_restriction(sandbox, alice):
    for s in ("alpha", "beta", "gamma"):
        _draft(alice, s)
    find = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
            '<t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>'
            '<m:Restriction><t:Not><t:IsEqualTo><t:FieldURI FieldURI="item:Subject"/><t:FieldURIOrConstant>'
            '<t:Constant Value="beta"/></t:FieldURIOrConstant></t:IsEqualTo></t:Not></m:Restriction>'
            '<m:SortOrder><t:FieldOrder Order="Ascending"><t:FieldURI FieldURI="item:Subject"/></t:FieldOrder>'
            '</m:SortOrder><m:ParentFolderIds><t:DistinguishedFolderId Id="drafts"/></m:ParentFolderIds></m:FindItem>')
    (msg,) = messages(post(sandbox, find).content)
    assert msg.findtext(f"{M}ResponseCode") == "NoError"
    assert [i.findtext(f"{T}Subject") for i in msg.find(f"{M}RootFolder/{T}Items")] == ["alpha", "gamma"]
    nested = find.replace("<t:Not><t:IsEqualTo>", "<t:Not><t:Not><t:IsEqualTo>").replace(
        "</t:IsEqualTo></t:Not>", "</t:IsEqualTo></t:Not></t:Not>")
    (msg,) = messages(post(sandbox, nested).content)
    assert [i.findtext(f"{T}Subject") for i in msg.find(f"{M}RootFolder/{T}Items")] == ["beta"]


# ---------------- default send size limit ----------------

def test_default_max_send_size_is_10_mib():
    assert Sandbox().max_send_bytes == 10 * 1024 * 1024  # not started: nothing listens


def test_send_over_10_mib_is_error_message_size_exceeded(sandbox, alice):
    assert sandbox.max_send_bytes == 10 * 1024 * 1024
    m = Message(account=alice, folder=alice.drafts, subject="huge", to_recipients=["bob@example.com"])
    m.attach(FileAttachment(name="huge.bin", content=b"\0" * (10 * 1024 * 1024 + 1)))
    m.save()
    with pytest.raises(ErrorMessageSizeExceeded):
        m.send()
    assert sandbox.mailbox("bob@example.com").count("inbox") == 0
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == ["huge"]  # nothing lost
    ok = Message(account=alice, subject="small", body="x", to_recipients=["bob@example.com"])
    ok.send()
    assert sandbox.mailbox("bob@example.com").count("inbox") == 1
