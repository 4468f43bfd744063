"""Protocol details: exchangelib's version guess, strict request checking (+ XSD validation), SMTP relay."""

from __future__ import annotations

import base64
from pathlib import Path

import requests
from exchangelib import BASIC, DELEGATE, Account, Configuration, Credentials, Message
from exchangelib.protocol import close_connections
from lxml import etree

from app.sandbox import Sandbox
from app.sandbox.ews.soap import E_NS as E, S_NS as S, T_NS as T
from tests.ews_wire import SCHEMA_DIR
from tests.helpers.smtp import relaying
from tests.helpers.soap import SOAP, post
from tests.helpers.ews_accounts import make_account


def test_exchangelib_version_guess_against_the_sandbox(sandbox):
    user = sandbox.accounts[0]
    config = Configuration(service_endpoint=sandbox.ews_url, auth_type=BASIC,
                           credentials=Credentials(user["username"], user["password"]))
    acct = Account(user["email"], config=config, autodiscover=False, access_type=DELEGATE)
    assert acct.version.build.major_version == 15 and acct.version.build.minor_version == 1
    assert acct.version.build.major_build == 2507 and acct.version.build.minor_build == 6
    assert sandbox.request_log[0] == "ConvertId"
    assert acct.drafts.total_count == 0


def test_request_children_are_checked(sandbox, wire_validator):
    # Deliberately invalid requests are exempted one by one (broken=...); every response is checked.
    swapped = ('<m:GetItem><m:ItemIds><t:ItemId Id="x"/></m:ItemIds><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>'
               "</m:ItemShape></m:GetItem>")
    r = post(sandbox, swapped, broken=wire_validator)
    assert r.status_code == 500 and b"ErrorSchemaValidation" in r.content
    r = post(sandbox, broken=wire_validator, body='<m:DeleteItem DeleteType="Shred"><m:ItemIds><t:ItemId Id="x"/></m:ItemIds></m:DeleteItem>')
    assert r.status_code == 500 and b"ErrorSchemaValidation" in r.content
    r = post(sandbox, '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry>'
                      "</m:ResolveNames>")
    assert r.status_code == 200


def test_xsd_validation_of_requests_when_schema_dir_given(wire_validator):
    sb = Sandbox(schema_dir=str(SCHEMA_DIR))
    sb.start()
    try:
        # Valid per the strict parser's checks, invalid per the XSD (FieldURI value not in the enumeration).
        r = post(sb, broken=wire_validator, body='<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>'
                 '<t:AdditionalProperties><t:FieldURI FieldURI="item:NoSuchThing"/></t:AdditionalProperties>'
                 '</m:ItemShape><m:ItemIds><t:ItemId Id="x"/></m:ItemIds></m:GetItem>')
        assert r.status_code == 500 and b"ErrorSchemaValidation" in r.content
        ok = post(sb, '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry>'
                      "</m:ResolveNames>")
        assert ok.status_code == 200
    finally:
        sb.stop()
        close_connections()


def test_smtp_relay_hands_outside_mail_to_a_real_smtp_server(wire_validator):
    with relaying() as (sb, smtp):
        alice = make_account(sb, "alice@example.com")
        Message(account=alice, subject="out", body="bye", to_recipients=["x@outside.test", "bob@example.com"],
                bcc_recipients=["y@outside.test"]).send()
        (env,) = smtp.received
        assert env["from"] == "alice@example.com" and sorted(env["rcpts"]) == ["x@outside.test", "y@outside.test"]
        assert b"Subject: out" in env["data"] and b"Bcc:" not in env["data"]
        assert [m.relayed for m in sb.relay_queue()] == [True]


def test_request_server_version_is_checked(sandbox, wire_validator):
    u = sandbox.accounts[0]
    body = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
            'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><s:Header>'
            '<t:RequestServerVersion Version="{v}"/></s:Header><s:Body><m:ResolveNames ReturnFullContactData="false">'
            "<m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames></s:Body></s:Envelope>")
    for v, status in (("Exchange2010_SP2", 200), ("V2016_10_10", 200), ("Exchange2099", 500)):
        data = body.replace("{v}", v).encode()
        if status == 500:
            wire_validator.expect_broken(data)  # not in ExchangeVersionType, on purpose
        # a generous timeout: the schema check of each body runs in the server's thread (slow under load)
        r = requests.post(sandbox.ews_url, data=data, auth=(u["username"], u["password"]), timeout=60)
        assert r.status_code == status, v
    assert b"ErrorInvalidServerVersion" in r.content and b"The specified server version is invalid." in r.content


UNESCAPED_HTML = ('<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId>'
                  '<t:DistinguishedFolderId Id="drafts"/></m:SavedItemFolderId><m:Items><t:Message>'
                  '<t:Subject>forgot to escape</t:Subject>\n<t:Body BodyType="HTML"><p>Hello</p></t:Body>'
                  '</t:Message></m:Items></m:CreateItem>')


def test_a_request_that_breaks_the_schema_is_refused_as_exchange_does(sandbox, wire_validator):
    # A client that forgets to escape an HTML body: types.xsd makes t:Body text-only. Every sandbox
    # validates (no schema_dir given), and answers with Microsoft's documented fault: faultstring with the
    # violation, e:Message "The request failed schema validation." and the line and position of the node.
    r = post(sandbox, UNESCAPED_HTML, broken=wire_validator)
    assert r.status_code == 500
    fault = etree.fromstring(r.content).find(f"{{{S}}}Body/{{{S}}}Fault")
    assert fault.findtext("faultcode") == "a:ErrorSchemaValidation"
    assert fault.findtext("faultstring").startswith("The request failed schema validation: ")
    detail = fault.find("detail")
    assert detail.findtext(f"{{{E}}}ResponseCode") == "ErrorSchemaValidation"
    assert detail.findtext(f"{{{E}}}Message") == "The request failed schema validation."
    mx = detail.find(f"{{{T}}}MessageXml")
    # the <p> sits on line 7 of helpers.soap's envelope, its name at the position after the '<'
    sent = SOAP.format(body=UNESCAPED_HTML).splitlines()
    line = next(i for i, text in enumerate(sent, 1) if "<p>" in text)
    assert (mx.findtext(f"{{{T}}}LineNumber"), mx.findtext(f"{{{T}}}LinePosition")) == (
        str(line), str(sent[line - 1].index("<p>") + 2))
    assert mx.findtext(f"{{{T}}}Violation")
    # nothing was stored: the draft was never created
    alice = make_account(sandbox, "alice@example.com")
    assert alice.drafts.total_count == 0
    escaped = UNESCAPED_HTML.replace("<p>Hello</p>", "&lt;p&gt;Hello&lt;/p&gt;")
    assert post(sandbox, escaped).status_code == 200
    assert [d.body for d in alice.drafts.all()] == ["<p>Hello</p>"]


def test_a_big_attachment_is_checked_as_base64_and_stored_whole(sandbox, wire_validator):
    # Over 64 KB, base64 is checked in C while the schema sees a stand-in; the request keeps its content.
    alice = make_account(sandbox, "alice@example.com")
    draft = Message(account=alice, folder=alice.drafts, subject="with file", body="x")
    draft.save()
    data = bytes(range(256)) * 400  # 100 KB
    content = base64.b64encode(data).decode()

    def attach(text):
        return (f'<m:CreateAttachment><m:ParentItemId Id="{draft.id}"/><m:Attachments><t:FileAttachment>'
                f"<t:Name>f.bin</t:Name><t:Content>{text}</t:Content></t:FileAttachment></m:Attachments>"
                "</m:CreateAttachment>")

    bad = post(sandbox, attach(content[:1000] + "!" + content[1001:]), broken=wire_validator)
    assert bad.status_code == 500 and b"ErrorSchemaValidation" in bad.content and b"base64Binary" in bad.content
    assert post(sandbox, attach(content)).status_code == 200
    (att,) = alice.drafts.get(id=draft.id).attachments
    assert att.content == data


def test_every_sandbox_validates_with_its_own_copy_of_microsofts_schema():
    # The bundled copy is Microsoft's schema as the tests' wire check uses it, byte for byte.
    from app.sandbox.ews import validation

    for name in ("messages.xsd", "types.xsd", "xml.xsd"):
        assert (Path(validation.BUNDLED_SCHEMA_DIR) / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()
    assert Sandbox().schema_dir == validation.BUNDLED_SCHEMA_DIR


def test_a_header_that_breaks_the_schema_is_refused_too(sandbox, wire_validator):
    u = sandbox.accounts[0]
    data = SOAP.format(body='<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob'
                            "</m:UnresolvedEntry></m:ResolveNames>").replace(
        "</s:Header>", '<t:TimeZoneContext><t:TimeZoneDefinition Id="UTC"/>\n<t:Nonsense/></t:TimeZoneContext>'
                       "</s:Header>").encode()
    wire_validator.expect_broken(data)
    r = requests.post(sandbox.ews_url, data=data, auth=(u["username"], u["password"]), timeout=60)
    assert r.status_code == 500 and b"ErrorSchemaValidation" in r.content
    mx = etree.fromstring(r.content).find(f".//{{{T}}}MessageXml")
    line = next(i for i, text in enumerate(data.decode().splitlines(), 1) if "<t:Nonsense/>" in text)
    assert mx.findtext(f"{{{T}}}LineNumber") == str(line) and mx.findtext(f"{{{T}}}LinePosition") == "2"
    assert "Nonsense" in mx.findtext(f"{{{T}}}Violation")
