"""ExportItems and UploadItems, as backup tools use them: exchangelib's own ``account.export`` and
``account.upload`` against the sandbox over HTTP, and raw SOAP for the documented errors. Every request and
answer is checked against the XSD by the suite's wire validator."""

from __future__ import annotations

import base64
import copy
import datetime
import hashlib
import json
from xml.etree import ElementTree

import pytest
from exchangelib import ExtendedProperty, FileAttachment, Folder, HTMLBody, ItemAttachment, Mailbox, Message
from exchangelib.errors import ErrorItemNotFound

from tests.helpers.soap import post, seen_both_ways

M = "{http://schemas.microsoft.com/exchange/services/2006/messages}"
T = "{http://schemas.microsoft.com/exchange/services/2006/types}"


class Colour(ExtendedProperty):
    property_set_id = "aa5e5ab4-7c2b-4b0f-9bb4-6d0d5e3e7a11"
    property_name = "Colour"
    property_type = "String"


class FlagStatus(ExtendedProperty):
    property_tag = 0x1090  # PidTagFlagStatus: 2 is flagged for follow-up
    property_type = "Integer"


@pytest.fixture
def colour():
    Message.register("colour", Colour)
    Message.register("flag_status", FlagStatus)
    yield
    Message.deregister("colour")
    Message.deregister("flag_status")


def test_every_request_and_answer_validates_against_the_xsd(sandbox, alice, wire_validator):
    m = _full_message(alice, "schema")
    missing = base64.b64encode(b"DSI\x01" + b"\x44" * 16).decode()

    def run():
        data = alice.export([m, (missing, None)])[0]
        [(new_id, new_ck)] = alice.upload([(alice.inbox, data)])
        alice.upload([(alice.inbox, ((new_id, new_ck), False, data)), (alice.inbox, "bm90IGRhdGE=")])

    assert {"ExportItems", "ExportItemsResponse", "UploadItems", "UploadItemsResponse"} <= seen_both_ways(
        sandbox, wire_validator, run)


def _full_message(account, subject):
    m = Message(account=account, folder=account.drafts, subject=subject, body=HTMLBody("<p>Dear <b>Bob</b></p>"),
                to_recipients=[Mailbox(email_address="bob@example.com")],
                cc_recipients=["carol@elsewhere.example"], bcc_recipients=["dave@elsewhere.example"],
                categories=["Blue", "Red"], importance="High", sensitivity="Confidential", is_read=False,
                is_read_receipt_requested=True)
    m.attach(FileAttachment(name="notes.txt", content=b"first line\nsecond line\n"))
    m.attach(FileAttachment(name="logo.png", content=b"\x89PNG fake", is_inline=True, content_id="logo@x"))
    m.attach(ItemAttachment(name="inner", item=Message(subject="inner one", body="attached body")))
    m.save()
    return m


FIELDS = ("subject", "body", "to_recipients", "cc_recipients", "bcc_recipients", "categories", "importance",
          "sensitivity", "is_read", "is_read_receipt_requested", "is_draft", "datetime_received", "item_class",
          "conversation_topic", "has_attachments")


# What exchangelib's own test_export_and_upload leaves out of its comparison (the server stamps them afresh)
STAMPED = {"_id", "parent_folder_id", "first_occurrence", "last_occurrence", "datetime_created",
           "last_modified_time", "mime_content", "size", "conversation_id", "adjacent_meeting_count",
           "conflicting_meeting_count", "web_client_read_form_query_string", "web_client_edit_form_query_string"}


def _every_field(item):
    """Every field of the message as exchangelib reads it, but those STAMPED (attachment ids wiped)."""
    out = {f.name: getattr(item, f.name) for f in Message.FIELDS if f.name not in STAMPED}
    out["attachments"] = [copy.copy(a) for a in out["attachments"]]  # the item's own keep their ids
    for a in out["attachments"]:
        a.attachment_id = None
    return out


def _facts(item):
    facts = {f: getattr(item, f) for f in FIELDS}
    facts["attachments"] = sorted(
        (a.name, a.is_inline, getattr(a, "content_id", None),
         a.content if isinstance(a, FileAttachment) else (a.item.subject, a.item.body))
        for a in item.attachments)
    return facts


def test_exchangelib_exports_and_uploads_an_equal_item(sandbox, alice, colour):
    original = _full_message(alice, "back me up")
    original.colour, original.flag_status = "teal", 2
    original.save(update_fields=["colour", "flag_status"])
    original = list(alice.fetch([original]))[0]
    data = alice.export([original])
    assert len(data) == 1 and isinstance(data[0], str)

    restore = Folder(parent=alice.inbox, name="Restored").save()
    [(new_id, new_ck)] = alice.upload([(restore, data[0])])
    assert new_id != original.id
    restored = list(alice.fetch([(new_id, new_ck)]))[0]
    assert restored.parent_folder_id.id == restore.id
    # exchangelib's own comparison first: an attachment whose content was read no longer compares equal
    # (exchangelib hashes its open file object)
    assert _every_field(restored) == _every_field(original)
    assert _facts(restored) == _facts(original)
    assert (restored.colour, restored.flag_status) == ("teal", 2)
    assert alice.drafts.get(id=original.id).subject == "back me up"  # the original stays


def test_upload_update_replaces_the_item_in_place(sandbox, alice):
    first = _full_message(alice, "version one")
    data = alice.export([first])[0]
    target = Message(account=alice, folder=alice.drafts, subject="to be replaced")
    target.save()
    [(same_id, new_ck)] = alice.upload([(alice.drafts, ((target.id, target.changekey), False, data))])
    assert same_id == target.id and new_ck != target.changekey
    replaced, first = list(alice.fetch([(same_id, new_ck), first]))
    assert _every_field(replaced) == _every_field(first)
    assert _facts(replaced) == _facts(first)


def test_export_answers_per_item_and_flags_and_read_state_round_trip(sandbox, alice):
    a = Message(account=alice, folder=alice.drafts, subject="flagged", is_read=True)
    a.save()
    b = Message(account=alice, folder=alice.drafts, subject="gone")
    b.save()
    gone = (b.id, b.changekey)
    b.delete()
    results = alice.export([(a.id, a.changekey), gone])
    assert isinstance(results[0], str) and isinstance(results[1], ErrorItemNotFound)
    [(new_id, _)] = alice.upload([(alice.inbox, results[0])])
    assert alice.inbox.get(id=new_id).is_read is True


def test_an_update_replaces_the_item_in_one_store_transaction(sandbox, alice):
    """transfer.upload on its own (outside a request's transaction): the old attachments' removal, the new ones,
    the fields and the MIME commit together, so no reader sees half a replacement."""
    from app.sandbox.core import transfer
    from app.sandbox.core.session import Ctx

    data = base64.b64decode(alice.export([_full_message(alice, "new version")])[0])
    target = Message(account=alice, folder=alice.drafts, subject="old version")
    target.attach(FileAttachment(name="old.txt", content=b"old"))
    target.save()
    store = sandbox.store
    [row] = [r for r in store.all_in("alice@example.com", "drafts") if r["data"].get("Subject") == "old version"]
    user = next(u for u in sandbox.users if u["email"] == "alice@example.com")
    statements = []
    store.db.set_trace_callback(statements.append)
    try:
        transfer.upload(Ctx(sandbox, user), ("alice@example.com", "drafts"), data, existing=row)
    finally:
        store.db.set_trace_callback(None)
    assert [s for s in statements if s.split()[0] in ("BEGIN", "COMMIT", "ROLLBACK")] == ["BEGIN IMMEDIATE", "COMMIT"]
    replaced = alice.drafts.get(id=target.id)
    assert replaced.subject == "new version" and sorted(a.name for a in replaced.attachments) == [
        "inner", "logo.png", "notes.txt"]


def test_a_message_waiting_in_the_outbox_is_not_replaced_and_still_goes_out(sandbox_factory):
    """Under a message rate of one a minute the second send waits in the Outbox (core/outbox.py); an UploadItems
    Update of it is ErrorInvalidOperation (a replacement would lose its submission), and it goes out when due."""
    from app.sandbox.core import ids
    from tests.helpers.ews_accounts import make_account

    now = [datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.timezone.utc)]
    sb = sandbox_factory(limits={"profile": "exchange-online", "message_rate": 1}, clock=lambda: now[0])
    alice = make_account(sb, "alice@example.com")
    for subject in ("first", "second"):
        Message(account=alice, subject=subject, body="hi", to_recipients=["bob@example.com"]).send(save_copy=True)
    [waiting] = sb.store.all_in("alice@example.com", "outbox")
    data = alice.export([_full_message(alice, "replacement")])[0]
    outbox = alice.outbox
    msgs = _upload(sb, _item(outbox.id, data, "Update", ids.item_id(waiting["key"]))
                   + _item(outbox.id, data, "UpdateOrCreate", ids.item_id(waiting["key"])))
    assert [x.findtext(f"{M}ResponseCode") for x in msgs] == ["ErrorInvalidOperation"] * 2
    assert sb.store.get(waiting["key"])["data"]["Subject"] == "second"
    now[0] += datetime.timedelta(minutes=1)
    assert sb.outbox.release_due() == 0 and sb.outbox.wait_idle(10)
    assert sorted(i["fields"]["Subject"] for i in sb.mailbox("bob@example.com").items("inbox")) == ["first", "second"]
    assert sb.mailbox("alice@example.com").count("outbox") == 0


def _upload(sandbox, items_xml):
    r = post(sandbox, f"<m:UploadItems><m:Items>{items_xml}</m:Items></m:UploadItems>")
    assert r.status_code == 200, r.content
    root = ElementTree.fromstring(r.content)
    return root.findall(f".//{M}UploadItemsResponseMessage")


def _item(folder_id, data, action="CreateNew", item_id=None, extra=""):
    ident = f'<t:ItemId Id="{item_id}"/>' if item_id else ""
    return (f'<t:Item CreateAction="{action}"{extra}><t:ParentFolderId Id="{folder_id}"/>{ident}'
            f"<t:Data>{data}</t:Data></t:Item>")


def test_upload_errors_are_per_item_with_exchanges_codes(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="good")
    m.save()
    good = alice.export([m])[0]
    drafts = alice.drafts.id
    missing_item = base64.b64encode(b"DSI\x01" + b"\x22" * 16).decode()
    missing_folder = base64.b64encode(b"DSF\x01alice@example.com\x00nosuchfolder").decode()
    garbage = base64.b64encode(b"not an export at all").decode()
    flipped = base64.b64encode(base64.b64decode(good).replace(b'"good"', b'"evil"')).decode()  # its digest fails
    forged = _data({"fields": {"Subject": 5}, "attachments": [], "mime": None})  # not the store's shapes
    deep = b"[" * 100_000 + b"]" * 100_000
    nested = base64.b64encode(b"DSX\x01" + hashlib.sha256(deep).digest() + deep).decode()  # deeper than JSON parses
    msgs = _upload(sandbox, "".join([
        _item(drafts, good),
        _item(drafts, garbage),
        _item(drafts, flipped),
        _item(drafts, forged),
        _item(drafts, nested),
        *[_item(drafts, f) for f in _forged_values()],
        _item(missing_folder, good),
        _item(drafts, good, "Update", missing_item),
        _item(drafts, good, "Update"),
        _item(drafts, good, "CreateNew", m.id),
        _item(drafts, good, extra=' IsAssociated="true"'),
        _item(drafts, good, "UpdateOrCreate", missing_item),
        _item(alice.inbox.id, good, "Update", m.id),  # the item is not in that folder
    ]))
    codes = [x.findtext(f"{M}ResponseCode") for x in msgs]
    assert codes == ["NoError", *["ErrorCorruptData"] * (4 + len(_forged_values())), "ErrorFolderNotFound", "ErrorItemNotFound",
                     *["ErrorInvalidOperation"] * 3, "NoError", "ErrorItemNotFound"]
    assert [x.get("ResponseClass") for x in msgs][:2] == ["Success", "Error"]
    assert msgs[0].find(f"{M}ItemId") is not None and msgs[1].find(f"{M}ItemId") is None
    assert sorted(i.subject for i in alice.drafts.all()) == ["good", "good", "good"]  # nothing half-made


def _data(payload) -> str:
    """Data as anyone can make it: the digest is a plain SHA-256, so it proves nothing."""
    body = json.dumps(payload).encode()
    return base64.b64encode(b"DSX\x01" + hashlib.sha256(body).digest() + body).decode()


def _forged_values() -> list[str]:
    """Data in the sandbox's shapes whose values the store cannot hold: each would be answered later as an invalid
    xs:dateTime, a wrong time, an int beyond its XSD type, or an extended property value its type cannot hold."""
    def item(fields=None, atts=()):
        return _data({"fields": {"Subject": "forged", "ItemClass": "IPM.Note", **(fields or {})},
                      "attachments": list(atts), "mime": None})

    def attachment(**over):
        return {"name": "a.txt", "content_type": "text/plain", "content_id": None, "is_inline": False,
                "modified": "2024-01-01T10:00:00.000000Z", "kind": "FileAttachment", "content": "", **over}

    def packed(fields):
        inner = json.dumps({"item": {"Subject": "inner", **fields}, "atts": []}).encode()
        return attachment(kind="ItemAttachment", content=base64.b64encode(inner).decode())

    ext = "00020329-0000-0000-c000-000000000046:name:x"
    return [
        item({"DateTimeReceived": "2024-01-01"}),
        item({"DateTimeSent": "2024-01-01T10:00:00+05:00"}),
        item({"DateTimeSent": "2024-01-01T10:00:00Z"}),  # an xs:dateTime, but not the store's form
        item({"ReminderMinutesBeforeStart": 2**40}),
        item({"ReminderMinutesBeforeStart": -2**31 - 1}),
        item({"ReminderMinutesBeforeStart": -1}),  # an xs:int, but not a ReminderMinutesBeforeStartType
        item({"ReminderMinutesBeforeStart": 2_629_801}),
        item({"Size": 2**31}),
        item({"Subject": "nul \x00 inside"}),  # text no XML answer can carry
        item({"Body": {"BodyType": "Text", "text": "lone \ud800 surrogate"}}),
        item({"Flag": {"FlagStatus": "Flagged", "DueDate": "2024-01-01"}}),
        item({"_ext": {ext: {"type": "Integer", "value": "abc"}}}),
        item({"_ext": {ext: {"type": "NotAType", "value": "abc"}}}),
        item({"_ext": {ext: {"type": "SystemTime", "value": "yesterday"}}}),
        item({"_ext": {ext: {"type": "String", "values": ["a"]}}}),  # an array of a single-valued type
        item({"_ext": {"garbage key": {"type": "String", "value": "a"}}}),
        item(atts=[attachment(modified="2024-01-01")]),
        item(atts=[packed({"DateTimeSent": "2024-01-01"})]),
        item(atts=[packed({"ReminderMinutesBeforeStart": 2**40})]),
        item(atts=[packed({"_ext": {ext: {"type": "Boolean", "value": "maybe"}}})]),
    ]


def test_data_holding_more_json_than_any_item_is_refused_before_it_is_parsed(sandbox, alice):
    """Data's JSON is bounded as the XML is (transfer.MAX_CONTAINERS objects and arrays, counted before parsing):
    a few megabytes of empty objects, or an item of the store's shapes with more recipients than any EWS request
    can write, at the top or packed in an item attachment, is ErrorCorruptData and builds nothing."""
    empties = b'{"fields":{},"mime":null,"attachments":[' + b",".join([b"{}"] * 2_000_000) + b"]}"
    flood = base64.b64encode(b"DSX\x01" + hashlib.sha256(empties).digest() + empties).decode()
    crowd = [{"EmailAddress": f"r{i}@x.test"} for i in range(10_001)]
    many = _data({"fields": {"Subject": "crowd", "ToRecipients": crowd}, "attachments": [], "mime": None})
    inner = json.dumps({"item": {"Subject": "inner", "ToRecipients": crowd}, "atts": []}).encode()
    packed = {"name": "in", "content_type": None, "content_id": None, "is_inline": False, "modified": None,
              "kind": "ItemAttachment", "content": base64.b64encode(inner).decode()}
    many_inside = _data({"fields": {"Subject": "outer"}, "attachments": [packed], "mime": None})
    msgs = _upload(sandbox, "".join(_item(alice.drafts.id, d) for d in (flood, many, many_inside)))
    assert [x.findtext(f"{M}ResponseCode") for x in msgs] == ["ErrorCorruptData"] * 3
    assert alice.drafts.all().count() == 0


def test_a_large_item_within_the_limits_round_trips(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="big {[", body="{[" * 6000,  # text: no structure
                to_recipients=[f"to{i}@x.test" for i in range(1500)],
                cc_recipients=[f"cc{i}@x.test" for i in range(500)])
    for i in range(100):
        m.attach(FileAttachment(name=f"f{i}.txt", content=b"{[" * 50))  # braces in content count for nothing
    m.save()
    m = list(alice.fetch([m]))[0]
    [(new_id, new_ck)] = alice.upload([(alice.inbox, alice.export([m])[0])])
    back = list(alice.fetch([(new_id, new_ck)]))[0]
    assert _facts(back) == _facts(m) and len(back.to_recipients) == 1500 and len(back.attachments) == 100


def test_export_of_an_unknown_or_malformed_id_is_per_item(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="here")
    m.save()
    missing = base64.b64encode(b"DSI\x01" + b"\x33" * 16).decode()
    r = post(sandbox, f'<m:ExportItems><m:ItemIds><t:ItemId Id="{missing}"/><t:ItemId Id="{m.id}"/>'
                      '<t:ItemId Id="garbled"/></m:ItemIds></m:ExportItems>')
    assert r.status_code == 200
    msgs = ElementTree.fromstring(r.content).findall(f".//{M}ExportItemsResponseMessage")
    assert [x.findtext(f"{M}ResponseCode") for x in msgs] == ["ErrorItemNotFound", "NoError",
                                                              "ErrorInvalidIdMalformed"]
    assert msgs[1].find(f"{M}ItemId").get("Id") == m.id and msgs[1].findtext(f"{M}Data")


def test_another_mailboxs_item_is_not_exported_without_rights(sandbox, alice, bob):
    m = Message(account=bob, folder=bob.drafts, subject="bob's own")
    m.save()
    r = post(sandbox, f'<m:ExportItems><m:ItemIds><t:ItemId Id="{m.id}"/></m:ItemIds></m:ExportItems>')
    assert b"<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>" in r.content


def test_an_export_answer_is_bounded_like_getitems(sandbox, alice):
    """The sandbox's answer budget (ews/budget.py): once an answer holds more than it, the remaining ids are
    answered ErrorBatchProcessingStopped (a warning), and exchangelib hands them back for another request."""
    items = [Message(account=alice, folder=alice.drafts, subject=f"bulk {i}", body="x" * 2000) for i in range(3)]
    for m in items:
        m.save()
    sandbox.max_answer_bytes = 1000
    results = alice.export(items)
    assert isinstance(results[0], str)
    assert [type(r).__name__ for r in results[1:]] == ["ErrorBatchProcessingStopped"] * 2
    sandbox.max_answer_bytes = 100_000
    assert all(isinstance(r, str) for r in alice.export(items[1:]))


def test_an_item_with_a_named_property_of_an_empty_name_uploads_back(sandbox, alice):
    """Whatever EWS lets a client store, an export gives back and an upload takes: a property named by the empty
    string (PropertyName="", which the schema allows) included."""
    r = post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId>'
                      '<t:DistinguishedFolderId Id="drafts"/></m:SavedItemFolderId><m:Items><t:Message>'
                      '<t:Subject>unnamed</t:Subject><t:ExtendedProperty><t:ExtendedFieldURI '
                      f'PropertySetId="{Colour.property_set_id}" PropertyName="" PropertyType="String"/>'
                      '<t:Value>blue</t:Value></t:ExtendedProperty></t:Message></m:Items></m:CreateItem>')
    created = ElementTree.fromstring(r.content)
    assert created.findtext(f".//{M}ResponseCode") == "NoError", r.content
    item_id = created.find(f".//{T}ItemId").get("Id")
    r = post(sandbox, f'<m:ExportItems><m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:ExportItems>')
    data = ElementTree.fromstring(r.content).findtext(f".//{M}Data")
    assert data
    msgs = _upload(sandbox, _item(alice.drafts.id, data))
    assert [x.findtext(f"{M}ResponseCode") for x in msgs] == ["NoError"]
    assert sorted(i.subject for i in alice.drafts.all()) == ["unnamed", "unnamed"]
