"""Every error a composer can meet, as real Exchange reports it: per-item codes and SOAP faults."""

from __future__ import annotations

import base64

import pytest
import requests
from exchangelib import FileAttachment, Mailbox, Message
from exchangelib.errors import (
    ErrorAccessDenied, ErrorInvalidIdMalformed, ErrorInvalidRecipients, ErrorIrresolvableConflict,
    ErrorItemNotFound, ErrorMessageSizeExceeded, ErrorSendAsDenied, ErrorStaleObject, UnauthorizedError,
)

from tests.helpers.soap import SOAP, post
from tests.helpers.ews_accounts import make_account


def test_send_without_recipients_is_error_invalid_recipients(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="nobody")
    m.save()
    with pytest.raises(ErrorInvalidRecipients):
        m.send()
    assert alice.drafts.all().count() == 1  # nothing lost


def test_too_large_is_error_message_size_exceeded(sandbox, alice):
    sandbox.max_send_bytes = 20_000
    m = Message(account=alice, folder=alice.drafts, subject="big", to_recipients=["bob@example.com"])
    m.attach(FileAttachment(name="big.bin", content=b"x" * 50_000))
    m.save()
    small = Message(account=alice, folder=alice.drafts, subject="small", to_recipients=["bob@example.com"])
    small.save()
    res = alice.bulk_send(ids=[(m.id, m.changekey), (small.id, small.changekey)])
    assert isinstance(res[0], ErrorMessageSizeExceeded) and res[1] is True
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("drafts")] == ["big"]


def test_stale_changekey_conflicts(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="v1", to_recipients=["bob@example.com"])
    m.save()
    a = alice.drafts.get(id=m.id)
    b = alice.drafts.get(id=m.id)
    a.subject = "from a"
    a.save(update_fields=["subject"])
    b.subject = "from b"
    with pytest.raises(ErrorIrresolvableConflict):
        b.save(update_fields=["subject"])  # AutoResolve: both changed the subject
    b.subject = "from a"
    b.save(update_fields=["subject"])  # the same value again (a retried request) is no conflict
    b.importance = "High"
    b.save(update_fields=["importance"])  # AutoResolve: a different property merges
    got = alice.drafts.get(id=m.id)
    assert (got.subject, got.importance) == ("from a", "High")
    c = alice.drafts.get(id=m.id)
    a.importance = "Low"
    with pytest.raises(ErrorIrresolvableConflict):
        a.save(update_fields=["importance"], conflict_resolution="NeverOverwrite")
    c.subject = "c wins"
    c.save(update_fields=["subject"], conflict_resolution="AlwaysOverwrite")
    with pytest.raises(ErrorStaleObject):
        alice.bulk_send(ids=[(m.id, b.changekey)])


def test_other_mailbox_is_access_denied(sandbox, alice, bob):
    m = Message(account=bob, folder=bob.drafts, subject="bob's")
    m.save()
    with pytest.raises(ErrorAccessDenied):  # exchangelib raises this code instead of returning it
        list(alice.fetch(ids=[(m.id, m.changekey)]))
    alice_as_bob = make_account(sandbox, "bob@example.com", login_as="alice@example.com")
    with pytest.raises(ErrorAccessDenied):
        alice_as_bob.drafts.all().count()
    r = post(sandbox, '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds>'
                      '<t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>bob@example.com'
                      '</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:FolderIds></m:GetFolder>')
    assert r.status_code == 200 and b"ErrorAccessDenied" in r.content


def test_garbled_and_missing_ids(sandbox, alice):
    missing = base64.b64encode(b"DSI\x01" + b"\x22" * 16).decode()
    res = list(alice.fetch(ids=[("not an id", None), (missing, None)]))
    assert isinstance(res[0], ErrorInvalidIdMalformed) and str(res[0]) == "Id is malformed."
    assert isinstance(res[1], ErrorItemNotFound)


def test_unsupported_operation_is_a_fault_not_a_crash(sandbox):
    r = post(sandbox, "<m:GetServerTimeZones ReturnFullTimeZoneData=\"false\"/>")
    assert r.status_code == 500
    assert b"<faultcode" in r.content and b"ErrorInvalidOperation" in r.content  # not a version mismatch
    # the server still answers afterwards
    r2 = post(sandbox, '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry>'
                       "</m:ResolveNames>")
    assert r2.status_code == 200 and b"bob@example.com" in r2.content


def test_schema_invalid_request_gets_error_schema_validation(sandbox, wire_validator):
    # Schema-invalid requests on purpose: each one is exempted (broken=...); every response is checked.
    bad_enum = ('<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>x</t:Subject>'
                "<t:Importance>Urgent</t:Importance></t:Message></m:Items></m:CreateItem>")
    unknown = ('<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>x</t:Subject>'
               "<t:Colour>red</t:Colour></t:Message></m:Items></m:CreateItem>")
    undefined_entity = "<m:GetItem><m:ItemShape>&xxe;</m:ItemShape></m:GetItem>"
    bad_bool = '<m:SendItem SaveItemToFolder="maybe"><m:ItemIds><t:ItemId Id="x"/></m:ItemIds></m:SendItem>'
    for body in (bad_enum, unknown, undefined_entity, "<m:GetItem><m:ItemShape>", bad_bool):
        r = post(sandbox, body, broken=wire_validator)
        assert r.status_code == 500, body
        assert b"ErrorSchemaValidation" in r.content, body
    u = sandbox.accounts[0]
    dtd = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]>' + SOAP.split("?>", 1)[1].format(
        body="<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>&a;</m:UnresolvedEntry>"
             "</m:ResolveNames>").encode()
    r = requests.post(sandbox.ews_url, data=wire_validator.expect_broken(dtd), auth=(u["username"], u["password"]),
                      timeout=10)
    assert r.status_code == 500 and b"ErrorSchemaValidation" in r.content
    assert sandbox.mailbox("alice@example.com").items("drafts") == []


def test_missing_or_wrong_credentials_get_401(sandbox):
    r = post(sandbox, "<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>bob</m:UnresolvedEntry>"
                      "</m:ResolveNames>", auth=False)
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"].startswith('Basic realm="')
    wrong = make_account(sandbox, "alice@example.com", password="nope")
    with pytest.raises(UnauthorizedError):
        wrong.drafts.all().count()


def test_path_is_case_insensitive_and_other_paths_404(sandbox):
    u = sandbox.accounts[0]
    url = sandbox.ews_url.replace("/EWS/Exchange.asmx", "/ews/exchange.ASMX")
    body = SOAP.format(body='<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob'
                            "</m:UnresolvedEntry></m:ResolveNames>").encode()
    assert requests.post(url, data=body, auth=(u["username"], u["password"]), timeout=10).status_code == 200
    other = sandbox.ews_url.replace("/EWS/Exchange.asmx", "/owa/")
    assert requests.post(other, data=body, auth=(u["username"], u["password"]), timeout=10).status_code == 404


def test_version_probe_convert_id(sandbox):
    r = post(sandbox, '<m:ConvertId DestinationFormat="EntryId"><m:SourceIds>'
                      '<t:AlternateId Id="DUMMY" Format="EwsId" Mailbox="DUMMY"/></m:SourceIds></m:ConvertId>')
    assert r.status_code == 200
    assert b'MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6"' in r.content
    assert b"ErrorInvalidIdMalformed" in r.content


def test_sending_as_someone_else_is_denied(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="spoof", to_recipients=["bob@example.com"],
                author=Mailbox(email_address="bob@example.com"))
    m.save()
    with pytest.raises(ErrorSendAsDenied):
        m.send()
    assert sandbox.mailbox("bob@example.com").items("inbox") == []
