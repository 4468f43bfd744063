"""Issue 12, items: the sandbox behaves like Exchange for clients nobody here wrote (exchangelib over HTTP;
every body is schema-checked by the suite's wire validator)."""

from __future__ import annotations

import email
import email.message
import email.policy
from datetime import date
from xml.etree import ElementTree

import pytest
from exchangelib import ExtendedProperty, FileAttachment, Folder, ItemAttachment, Message
from exchangelib.errors import (
    ErrorInvalidChangeKey, ErrorInvalidExtendedPropertyValue, ErrorIrresolvableConflict, ErrorItemNotFound,
    ErrorNonExistentMailbox,
)
from exchangelib.properties import AlternateId

from tests.helpers.soap import post

PLACEHOLDER = "placeholder@nowhere.invalid"


def _draft(account, subject, **kw):
    m = Message(account=account, folder=account.drafts, subject=subject, **kw)
    m.save()
    return m


def _get(account, item_id, changekey=None):
    return list(account.fetch(ids=[(item_id, changekey)]))[0]


# ---------------- ConvertId ----------------

def test_convert_id_answers_the_mailbox_an_ews_id_names_whatever_mailbox_was_passed(sandbox, alice):
    m = _draft(alice, "convert me")
    out = list(alice.protocol.convert_ids([
        AlternateId(id=m.id, format="EwsId", mailbox=PLACEHOLDER),
        AlternateId(id=alice.inbox.id, format="EwsLegacyId", mailbox=PLACEHOLDER),
    ], destination_format="HexEntryId"))
    assert [a.mailbox for a in out] == ["alice@example.com", "alice@example.com"]
    back = list(alice.protocol.convert_ids([AlternateId(id=out[0].id, format="HexEntryId",
                                                        mailbox="alice@example.com")], destination_format="EwsId"))
    assert back[0].id == m.id and back[0].mailbox == "alice@example.com"


def test_convert_id_from_an_entry_id_takes_the_mailbox_attribute(sandbox, alice):
    m = _draft(alice, "entry id")
    (hex_id,) = alice.protocol.convert_ids([AlternateId(id=m.id, format="EwsId", mailbox=PLACEHOLDER)],
                                           destination_format="HexEntryId")
    with pytest.raises(ErrorNonExistentMailbox):  # a MAPI id does not say whose it is
        list(alice.protocol.convert_ids([AlternateId(id=hex_id.id, format="HexEntryId", mailbox=PLACEHOLDER)],
                                        destination_format="EwsId"))
    (answer,) = alice.protocol.convert_ids([AlternateId(id=hex_id.id, format="HexEntryId",
                                                        mailbox="alice@example.com")], destination_format="EwsId")
    assert answer.id == m.id


# ---------------- new ids on the way to Deleted Items ----------------

@pytest.mark.parametrize("how, folder", [("move_to_trash", "deleteditems"),
                                         ("soft_delete", "recoverableitemsdeletions")])
def test_deleting_to_a_folder_gives_the_item_a_new_id(sandbox, alice, how, folder):
    m = _draft(alice, f"gone by {how}", body="kept")
    old = m.id
    getattr(m, how)()
    assert isinstance(_get(alice, old), ErrorItemNotFound)
    (moved,) = sandbox.mailbox("alice@example.com").items(folder)
    assert moved["subject"] == f"gone by {how}" and moved["body"] == "kept"
    assert moved["id"] != old
    assert _get(alice, moved["id"]).subject == f"gone by {how}"


# ---------------- Subject: 255 characters ----------------

CREATE = ('<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>{subject}</t:Subject>'
          '</t:Message></m:Items></m:CreateItem>')
UPDATE = ('<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite"><m:ItemChanges>'
          '<t:ItemChange><t:ItemId Id="{id}"/><t:Updates><t:SetItemField><t:FieldURI FieldURI="item:Subject"/>'
          '<t:Message><t:Subject>{subject}</t:Subject></t:Message></t:SetItemField></t:Updates></t:ItemChange>'
          '</m:ItemChanges></m:UpdateItem>')


def test_subject_is_cut_to_255_characters_on_create_and_update(sandbox, alice):
    # exchangelib refuses a longer subject itself: the requests are written out
    assert b"NoError" in post(sandbox, CREATE.format(subject="x" * 300)).content
    (m,) = alice.drafts.all()
    assert m.subject == "x" * 255
    assert _get(alice, m.id).subject == "x" * 255
    assert b"NoError" in post(sandbox, UPDATE.format(id=m.id, subject="z" * 256)).content
    assert _get(alice, m.id).subject == "z" * 255
    m = _get(alice, m.id)
    m.subject = "y" * 254 + "\N{GRINNING FACE}"  # 256 UTF-16 units: the pair is not split, it goes
    m.save(update_fields=["subject"])
    got = _get(alice, m.id)
    assert got.subject == "y" * 254
    m.subject = "short"
    m.save(update_fields=["subject"])
    assert _get(alice, m.id).subject == "short"


# ---------------- ChangeKey ----------------

def test_a_malformed_change_key_is_error_invalid_change_key_and_nothing_changes(sandbox, alice):
    m = _draft(alice, "keep me")
    (deleted,) = alice.bulk_delete(ids=[(m.id, "XXX")])
    assert isinstance(deleted, ErrorInvalidChangeKey)
    r = post(sandbox, '<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AutoResolve">'
                      f'<m:ItemChanges><t:ItemChange><t:ItemId Id="{m.id}" ChangeKey="XXXX"/><t:Updates>'
                      '<t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>changed'
                      '</t:Subject></t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges>'
                      '</m:UpdateItem>')
    assert b"<m:ResponseCode>ErrorInvalidChangeKey</m:ResponseCode>" in r.content
    assert _get(alice, m.id).subject == "keep me"


def test_a_stale_change_key_conflicts_on_update_and_still_deletes(sandbox, alice):
    m = _draft(alice, "v1")
    stale = m.changekey
    m.subject = "v2"
    m.save(update_fields=["subject"])
    r = post(sandbox, '<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="NeverOverwrite">'
                      f'<m:ItemChanges><t:ItemChange><t:ItemId Id="{m.id}" ChangeKey="{stale}"/><t:Updates>'
                      '<t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:Message><t:Subject>v3'
                      '</t:Subject></t:Message></t:SetItemField></t:Updates></t:ItemChange></m:ItemChanges>'
                      '</m:UpdateItem>')
    assert b"<m:ResponseCode>ErrorIrresolvableConflict</m:ResponseCode>" in r.content
    assert ErrorIrresolvableConflict
    (deleted,) = alice.bulk_delete(ids=[(m.id, stale)])
    assert deleted is True
    assert isinstance(_get(alice, m.id), ErrorItemNotFound)


# ---------------- Categories are personal ----------------

def test_categories_stay_with_the_sender(sandbox, alice, bob):
    m = Message(account=alice, folder=alice.sent, subject="labelled", body="b", categories=["Secret", "Red"],
                to_recipients=["bob@example.com", "carol@elsewhere.test"])
    m.send_and_save()
    (relayed,) = sandbox.relay_queue()
    assert relayed["Keywords"] is None
    (got,) = sandbox.mailbox("bob@example.com").items("inbox")
    assert got["categories"] == []
    assert email.message_from_bytes(got["mime"], policy=email.policy.default)["Keywords"] is None
    assert bob.inbox.get(subject="labelled").categories is None
    (sent,) = sandbox.mailbox("alice@example.com").items("sentitems")
    assert sent["categories"] == ["Secret", "Red"]


def test_a_draft_mime_content_keeps_its_categories(sandbox, alice):
    m = _draft(alice, "mine", categories=["Blue"])
    mime = alice.fetch(ids=[m], only_fields=["mime_content"])
    msg = email.message_from_bytes(list(mime)[0].mime_content, policy=email.policy.default)
    assert msg["Keywords"] == "Blue"


# ---------------- extended properties ----------------

class NamedString(ExtendedProperty):
    distinguished_property_set_id = "PublicStrings"
    property_name = "DispatchNote"
    property_type = "String"


class NamedInt(ExtendedProperty):
    property_set_id = "c11ff724-aa03-4555-9952-8fa248a11c3e"
    property_id = 0x8001
    property_type = "Integer"


class TaggedStrings(ExtendedProperty):
    property_tag = 0x6781
    property_type = "StringArray"


class MessageSize(ExtendedProperty):
    property_tag = 0x0E08
    property_type = "Integer"


ITEM_PROPS = {"x_note": NamedString, "x_count": NamedInt, "x_words": TaggedStrings, "x_size": MessageSize}


@pytest.fixture
def registered():
    for name, cls in ITEM_PROPS.items():
        Message.register(name, cls)
    try:
        yield
    finally:
        for name in ITEM_PROPS:
            Message.deregister(name)


def test_extended_properties_are_stored_updated_deleted_and_returned(sandbox, alice, registered):
    m = _draft(alice, "props", body="x" * 100, x_note="hello", x_count=42, x_words=["a", "b"])
    got = _get(alice, m.id)
    assert (got.x_note, got.x_count, got.x_words) == ("hello", 42, ["a", "b"])
    assert got.x_size == got.size and got.size > 100
    got.x_note, got.x_count = "changed", 7
    got.save(update_fields=["x_note", "x_count"])
    again = _get(alice, m.id)
    assert (again.x_note, again.x_count, again.x_words) == ("changed", 7, ["a", "b"])
    again.x_words = None
    again.save(update_fields=["x_words"])
    assert _get(alice, m.id).x_words is None
    (found,) = alice.drafts.filter(subject="props").only("subject", "x_note")
    assert found.x_note == "changed"


def test_an_extended_property_value_of_the_wrong_type_is_refused(sandbox, alice):
    r = post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>bad</t:Subject>'
                      '<t:ExtendedProperty><t:ExtendedFieldURI PropertyTag="0x6782" PropertyType="Integer"/>'
                      '<t:Value>twelve</t:Value></t:ExtendedProperty></t:Message></m:Items></m:CreateItem>')
    assert b"<m:ResponseCode>ErrorInvalidExtendedPropertyValue</m:ResponseCode>" in r.content
    assert ErrorInvalidExtendedPropertyValue
    assert sandbox.mailbox("alice@example.com").count("drafts") == 0


def test_the_sent_copy_keeps_extended_properties(sandbox, alice, bob, registered):
    Message(account=alice, folder=alice.sent, subject="tagged send", body="b", x_note="mine",
            to_recipients=["bob@example.com"]).send_and_save()
    assert alice.sent.get(subject="tagged send").x_note == "mine"


# ---------------- item attachments ----------------

def test_an_item_attachment_is_stored_listed_and_returned(sandbox, alice):
    m = _draft(alice, "carrier")
    inner = Message(subject="the original", body="original body", to_recipients=["bob@example.com"])
    m.attach(ItemAttachment(name="fwd: the original", item=inner))
    got = _get(alice, m.id)
    (att,) = got.attachments
    assert isinstance(att, ItemAttachment) and att.name == "fwd: the original"
    assert att.item.subject == "the original" and att.item.body == "original body"
    assert [r.email_address for r in att.item.to_recipients] == ["bob@example.com"]


def test_an_item_attachment_in_create_item_travels_with_the_message(sandbox, alice, bob):
    inner = Message(subject="inner one", body="inner body",
                    attachments=[FileAttachment(name="deep.txt", content=b"deep down")])
    Message(account=alice, folder=alice.sent, subject="outer", body="see attached",
            to_recipients=["bob@example.com", "dave@elsewhere.test"],
            attachments=[ItemAttachment(name="inner one", item=inner),
                         FileAttachment(name="a.txt", content=b"file")]).send_and_save()
    got = bob.inbox.get(subject="outer")
    kinds = sorted(type(a).__name__ for a in got.attachments)
    assert kinds == ["FileAttachment", "ItemAttachment"]
    ia = next(a for a in got.attachments if isinstance(a, ItemAttachment))
    assert ia.item.subject == "inner one"
    assert [(a.name, a.content) for a in ia.item.attachments] == [("deep.txt", b"deep down")]
    (relayed,) = sandbox.relay_queue()
    parts = [p for p in relayed.iter_attachments() if p.get_content_type() == "message/rfc822"]
    assert len(parts) == 1 and parts[0].get_payload()[0]["Subject"] == "inner one"
    (deep,) = parts[0].get_payload()[0].iter_attachments()
    assert deep.get_filename() == "deep.txt" and deep.get_payload(decode=True) == b"deep down"
    assert alice.sent.get(subject="outer").attachments[0].item.subject == "inner one"


# ---------------- MarkAsJunk ----------------

def test_mark_as_junk_moves_to_junk_email_and_back_with_new_ids(sandbox, alice, bob):
    Message(account=alice, subject="spammy", body="b", to_recipients=["bob@example.com"]).send()
    m = bob.inbox.get(subject="spammy")
    first = m.id
    m.mark_as_junk(is_junk=True, move_item=True)
    assert [i["subject"] for i in sandbox.mailbox("bob@example.com").items("junkemail")] == ["spammy"]
    assert m.id != first and isinstance(_get(bob, first), ErrorItemNotFound)
    assert _get(bob, m.id).subject == "spammy"
    m.mark_as_junk(is_junk=False, move_item=True)
    assert [i["subject"] for i in sandbox.mailbox("bob@example.com").items("inbox")] == ["spammy"]
    kept = m.id
    m.mark_as_junk(is_junk=True, move_item=False)
    assert m.id == kept and sandbox.mailbox("bob@example.com").count("junkemail") == 0


def test_a_message_rfc822_part_of_uploaded_mime_is_an_item_attachment(sandbox, alice):
    inner = email.message.EmailMessage()
    inner["Subject"], inner["From"] = "the attached one", "eve@elsewhere.test"
    inner.set_content("inner text")
    outer = email.message.EmailMessage()
    outer["Subject"], outer["From"] = "upload", "alice@example.com"
    outer.set_content("outer text")
    outer.add_attachment(inner, filename="attached.eml")
    m = Message(account=alice, folder=alice.drafts, mime_content=outer.as_bytes())
    m.save()
    (att,) = _get(alice, m.id).attachments
    assert isinstance(att, ItemAttachment) and att.name == "attached.eml"
    assert att.item.subject == "the attached one" and att.item.body.strip() == "inner text"


def test_a_stale_update_of_an_extended_property_changed_since_conflicts(sandbox, alice, registered):
    m = _draft(alice, "race", x_note="first")
    stale = m.changekey
    m.x_note = "second"
    m.save(update_fields=["x_note"])
    m.changekey, m.x_note = stale, "third"
    with pytest.raises(ErrorIrresolvableConflict):
        m.save(update_fields=["x_note"])
    assert _get(alice, m.id).x_note == "second"


class FolderSize(ExtendedProperty):
    property_tag = 0x0E08  # PR_MESSAGE_SIZE: the folder's items added up
    property_type = "Integer"


class FolderContent(ExtendedProperty):
    property_tag = 0x3602  # PR_CONTENT_COUNT
    property_type = "Integer"


class FolderUnread(ExtendedProperty):
    property_tag = 0x3603  # PR_CONTENT_UNREAD
    property_type = "Integer"


class FolderHasSubfolders(ExtendedProperty):
    property_tag = 0x360A  # PR_SUBFOLDERS
    property_type = "Boolean"


FOLDER_PROPS = {"x_size": FolderSize, "x_count": FolderContent, "x_unread": FolderUnread,
                "x_subfolders": FolderHasSubfolders}


def test_folders_answer_their_size_and_counts_as_extended_properties(sandbox, alice):
    for name, cls in FOLDER_PROPS.items():
        Folder.register(name, cls)
    try:
        _draft(alice, "one", body="a" * 1000, is_read=True)
        _draft(alice, "two", body="b" * 2000, is_read=False)
        drafts = alice.drafts
        drafts.refresh()
        sizes = [i.size for i in drafts.all().only("size")]
        assert drafts.x_size == sum(sizes) and drafts.x_size > 3000
        assert (drafts.x_count, drafts.x_unread, drafts.x_subfolders) == (2, 1, False)
        root = alice.msg_folder_root
        root.refresh()
        assert root.x_subfolders is True
    finally:
        for name in FOLDER_PROPS:
            Folder.deregister(name)


# ---------------- t:Flag (Exchange 2013+): one flag, whichever way it is set ----------------

T_NS = "{http://schemas.microsoft.com/exchange/services/2006/types}"
FLAG = ("<t:Flag><t:FlagStatus>Flagged</t:FlagStatus><t:StartDate>2026-12-01T00:00:00Z</t:StartDate>"
        "<t:DueDate>2026-12-04T00:00:00Z</t:DueDate></t:Flag>")
WITH_FLAG = ("<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>"
             '<t:FieldURI FieldURI="item:Subject"/><t:FieldURI FieldURI="item:Flag"/></t:AdditionalProperties>'
             "</m:ItemShape>")


def _flag_in(xml_bytes) -> dict | None:
    """{element: text} of the one t:Flag an answer holds (None: no t:Flag)."""
    root = ElementTree.fromstring(xml_bytes)
    flags = root.findall(f".//{T_NS}Flag")
    assert len(flags) <= 1
    return {c.tag[len(T_NS):]: c.text for c in flags[0]} if flags else None


def _get_flag(sandbox, item_id):
    return _flag_in(post(sandbox, f'<m:GetItem>{WITH_FLAG}<m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds>'
                                  '</m:GetItem>').content)


def _set_flag(sandbox, item_id, change):
    r = post(sandbox, '<m:UpdateItem MessageDisposition="SaveOnly" ConflictResolution="AlwaysOverwrite">'
                      f'<m:ItemChanges><t:ItemChange><t:ItemId Id="{item_id}"/><t:Updates>{change}</t:Updates>'
                      '</t:ItemChange></m:ItemChanges></m:UpdateItem>')
    assert b'ResponseClass="Success"' in r.content, r.content


def test_the_flag_element_is_stored_returned_found_updated_and_deleted(sandbox, alice):
    r = post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>flagged'
                      f'</t:Subject>{FLAG}</t:Message></m:Items></m:CreateItem>')
    assert b"NoError" in r.content
    item_id = ElementTree.fromstring(r.content).find(f".//{T_NS}ItemId").get("Id")
    want = {"FlagStatus": "Flagged", "StartDate": "2026-12-01T00:00:00Z", "DueDate": "2026-12-04T00:00:00Z"}
    assert _get_flag(sandbox, item_id) == want
    found = post(sandbox, f'<m:FindItem Traversal="Shallow">{WITH_FLAG}<m:ParentFolderIds>'
                          '<t:DistinguishedFolderId Id="drafts"/></m:ParentFolderIds></m:FindItem>')
    assert _flag_in(found.content) == want
    assert [m.subject for m in alice.drafts.filter("isflagged:true")] == ["flagged"]
    # not asked for: not answered
    plain = post(sandbox, f'<m:GetItem><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>'
                          f'<m:ItemIds><t:ItemId Id="{item_id}"/></m:ItemIds></m:GetItem>')
    assert _flag_in(plain.content) is None

    _set_flag(sandbox, item_id, '<t:SetItemField><t:FieldURI FieldURI="item:Flag"/><t:Message><t:Flag>'
                                '<t:FlagStatus>Complete</t:FlagStatus><t:CompleteDate>2026-12-03T09:30:00Z'
                                '</t:CompleteDate></t:Flag></t:Message></t:SetItemField>')
    assert _get_flag(sandbox, item_id) == {"FlagStatus": "Complete", "CompleteDate": "2026-12-03T09:30:00Z"}
    assert alice.drafts.filter("isflagged:true").count() == 0
    _set_flag(sandbox, item_id, '<t:DeleteItemField><t:FieldURI FieldURI="item:Flag"/></t:DeleteItemField>')
    assert _get_flag(sandbox, item_id) is None


def test_the_flag_element_and_the_flag_properties_are_one_flag(sandbox, alice):
    """What t:Flag sets, PidTagFlagStatus and the task dates answer (Dispatch's EWS client reads those), and
    the other way round."""
    from app.domain.extras import FlagStatus, FollowUpFlag
    from app.mail.ews import extended

    extended.register()
    post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>by element'
                  f'</t:Subject>{FLAG}</t:Message></m:Items></m:CreateItem>')
    got = alice.drafts.get(subject="by element")
    assert extended.flag_of(got) == FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 4))

    m = Message(account=alice, folder=alice.drafts, subject="by properties")
    extended.set_flag(m, FollowUpFlag(FlagStatus.FLAGGED, date(2027, 1, 5), date(2027, 1, 8)))
    m.save()
    assert _get_flag(sandbox, m.id) == {"FlagStatus": "Flagged", "StartDate": "2027-01-05T00:00:00Z",
                                        "DueDate": "2027-01-08T00:00:00Z"}


@pytest.mark.parametrize("flag", [
    "<t:Flag><t:DueDate>2026-12-04T00:00:00Z</t:DueDate></t:Flag>",  # FlagStatus is required
    "<t:Flag><t:FlagStatus>Flagged</t:FlagStatus><t:DueDate>2026-12-04T00:00:00Z</t:DueDate>"
    "<t:StartDate>2026-12-01T00:00:00Z</t:StartDate></t:Flag>",  # out of order
    "<t:Flag><t:FlagStatus>Urgent</t:FlagStatus></t:Flag>",  # not a FlagStatusType
], ids=["no-status", "out-of-order", "unknown-status"])
def test_a_flag_element_the_schema_refuses_is_a_schema_error(sandbox, wire_validator, flag):
    r = post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>bad'
                      f'</t:Subject>{flag}</t:Message></m:Items></m:CreateItem>', broken=wire_validator)
    assert b"ErrorSchemaValidation" in r.content
    assert sandbox.mailbox("alice@example.com").count("drafts") == 0
