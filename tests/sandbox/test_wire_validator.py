"""The wire validator (tests/ews_wire.py) itself: soap:Header elements and EWS fault details are checked,
not only the body. Each case feeds a crafted or real envelope to a private WireValidator."""

from __future__ import annotations

import pytest

from tests.ews_wire import WireValidator
from tests.helpers.soap import post

SVI = ('<h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" MajorVersion="15" '
       'MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2016_10_10"/>')
BODY = ('<m:ResolveNamesResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">'
        '<m:ResponseMessages><m:ResolveNamesResponseMessage ResponseClass="Error"><m:MessageText>none</m:MessageText>'
        '<m:ResponseCode>ErrorNameResolutionNoResults</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>'
        '</m:ResolveNamesResponseMessage></m:ResponseMessages></m:ResolveNamesResponse>')
ENV = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>{header}</s:Header>'
       '<s:Body>{body}</s:Body></s:Envelope>')


def fault(code="ErrorServerBusy", extra=""):
    return ('<s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:' + code +
            '</faultcode><faultstring>x</faultstring><detail>'
            '<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">' + code +
            '</e:ResponseCode><e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">x'
            '</e:Message>' + extra + '</detail></s:Fault>')


@pytest.fixture
def v(ews_schema):
    return WireValidator(ews_schema)


def check(v, direction, header, body):
    v.observe(direction, ENV.format(header=header, body=body).encode())
    return [reason for _, reason, _ in v.reset()]


def test_valid_response_with_server_version_info_passes(v):
    assert check(v, "response", SVI, BODY) == [] and v.checked == 1


@pytest.mark.parametrize("bad", [
    SVI.replace('MajorVersion="15"', 'MajorVersion="fifteen"'),
    SVI.replace("/>", "><h:Build>2507</h:Build></h:ServerVersionInfo>"),  # empty content model
    SVI.replace("/>", ' Colour="blue"/>'),
])
def test_invalid_server_version_info_fails(v, bad):
    problems = check(v, "response", bad, BODY)
    assert len(problems) == 1 and "ServerVersionInfo" in problems[0]


def test_response_without_server_version_info_fails(v):
    assert check(v, "response", "", BODY) == ["response without t:ServerVersionInfo in soap:Header"]


def test_unknown_ews_header_element_fails_other_namespaces_are_ignored(v):
    unknown = '<t:ProxyHop xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">edge-7</t:ProxyHop>'
    assert "not a global element" in check(v, "response", SVI + unknown, BODY)[0]
    wsa = '<a:Action xmlns:a="http://www.w3.org/2005/08/addressing">x</a:Action>'
    assert check(v, "response", SVI + wsa, BODY) == []


def test_request_header_is_validated(v):
    rsv = '<t:RequestServerVersion xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Version="{}"/>'
    req = ('<m:ResolveNames xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
           'ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>')
    assert check(v, "request", rsv.format("Exchange2016"), req) == []
    assert "RequestServerVersion" in check(v, "request", rsv.format("Exchange2099"), req)[0]


def test_fault_detail_response_code_must_be_in_response_code_type(v):
    assert check(v, "response", SVI, fault("ErrorServerBusy")) == []
    assert check(v, "response", "", fault("ErrorSchemaValidation")) == []  # faults need no header
    assert "not in ResponseCodeType" in check(v, "response", SVI, fault("ErrorGremlins"))[0]
    two = '<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">NoError</e:ResponseCode>'
    assert "2 e:ResponseCode" in check(v, "response", SVI, fault("ErrorServerBusy", two))[0]
    busy = ('<t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">'
            '<t:Value Name="BackOffMilliseconds">500</t:Value></t:MessageXml>')
    assert check(v, "response", SVI, fault("ErrorServerBusy", busy)) == []
    assert "MessageXml" in check(v, "response", SVI, fault("ErrorServerBusy", busy.replace(' Name="BackOffMilliseconds"', "")))[0]


def test_fault_without_ews_detail_only_needs_faultcode_and_faultstring(v):
    plain = '<s:Fault><faultcode>s:Client</faultcode><faultstring>proxy says no</faultstring></s:Fault>'
    assert check(v, "response", "", plain) == []
    assert check(v, "response", "", "<s:Fault><faultstring>x</faultstring></s:Fault>") == [
        "soap:Fault without faultcode/faultstring"]


def test_real_sandbox_answers_pass_and_a_corrupted_header_is_caught(sandbox, v):
    ok = post(sandbox, '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>ali</m:UnresolvedEntry>'
                       '</m:ResolveNames>').content
    v.observe("response", ok)
    assert v.reset() == [] and v.checked == 1
    assert b"ServerVersionInfo" in ok
    v.observe("response", ok.replace(b'MinorBuildNumber="6"', b'MinorBuildNumber="six"'))
    assert "ServerVersionInfo" in v.reset()[0][1]
    sandbox.faults.inject("ResolveNames", "server_busy", backoff_ms=100)
    busy = post(sandbox, "<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>x</m:UnresolvedEntry>"
                       "</m:ResolveNames>").content
    v.observe("response", busy)
    assert v.reset() == []
    v.observe("response", busy.replace(b">ErrorServerBusy</e:ResponseCode>", b">ErrorBusyish</e:ResponseCode>"))
    assert "ResponseCodeType" in v.reset()[0][1]


def test_only_injected_bodies_are_skipped_a_non_envelope_fails(v):
    v.observe("response", ENV.format(header="", body=BODY).encode(), injected=True)
    assert v.reset() == [] and (v.checked, v.skipped) == (0, 1)
    v.observe("response", b"<html>oops</html>")
    v.observe("response", b"garbage")
    failures = v.reset()
    assert [reason for _d, reason, _raw in failures] == [
        "not a SOAP envelope (and not a deliberately injected body)"] * 2


def test_an_error_inside_the_validator_fails_instead_of_being_swallowed(v, monkeypatch):
    def broken(*_a, **_kw):
        raise RuntimeError("schema machinery broke")

    monkeypatch.setattr(v, "header_problems", broken)  # a bug in the check itself
    v.observe("response", ENV.format(header="", body=BODY).encode())
    failures = v.reset()
    assert len(failures) == 1 and "the validator itself failed: RuntimeError" in failures[0][1]


def test_a_schema_invalid_sandbox_answer_outside_an_injected_exchange_is_caught(sandbox, v):
    """The harness's own proof: a real answer made schema-invalid without the injected mark fails."""
    from tests.helpers.soap import post

    good = post(sandbox, "<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>bob</m:UnresolvedEntry>"
                         "</m:ResolveNames>").content
    v.reset()
    v.observe("response", good.replace(b"ResolveNamesResponseMessage", b"ResolveNamesAnswer"))
    assert v.reset(), "a renamed response element must fail the test"


def test_big_base64_content_is_still_checked(v):
    import base64

    good = base64.b64encode(b"\0" * 100_000).decode()
    rsv = '<t:RequestServerVersion xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2016"/>'
    create = ('<m:CreateItem xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
              'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" MessageDisposition="SaveOnly">'
              '<m:Items><t:Message><t:Subject>big</t:Subject><t:Attachments><t:FileAttachment><t:Name>a.bin</t:Name>'
              '<t:Content>{}</t:Content></t:FileAttachment></t:Attachments></t:Message></m:Items></m:CreateItem>')
    assert check(v, "request", rsv, create.format(good)) == []
    assert "not base64" in check(v, "request", rsv, create.format(good[:-8] + "!!!!====" ))[0]
    misplaced = create.format(good).replace("<t:Subject>big</t:Subject>", "").replace(
        "</t:Attachments>", "</t:Attachments><t:Subject>big</t:Subject>")
    assert check(v, "request", rsv, misplaced) != []  # structure is still validated around the big value


# ---------------- exemptions cover one exchange; observers are chained; other processes are checked ----

RESOLVE_BODY = '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>'
BAD_BODY = '<m:ResolveNames ReturnFullContactData="maybe"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>'


def _request(body):
    from tests.helpers.soap import SOAP

    return SOAP.format(body=body).encode()


def test_expect_broken_exempts_that_one_exchange_only(v):
    bad = v.expect_broken(_request(BAD_BODY))
    v.observe("request", bad)
    assert v.reset() == [] and v.skipped == 1
    v.observe("request", bad)  # the same body again: the exemption was used up
    assert [(d, raw) for d, _reason, raw in v.reset()] == [("request", bad)]
    v.expect_broken(bad)
    v.observe("response", bad)  # only a request is exempted, never an answer
    assert v.reset() and v.skipped == 1


def test_expect_broken_on_a_valid_body_or_one_never_sent_fails(v):
    good = v.expect_broken(_request(RESOLVE_BODY))
    v.observe("request", good)
    assert [reason for _d, reason, _raw in v.reset()] == ["marked deliberately broken, but schema-valid"]
    v.expect_broken(_request(BAD_BODY))
    assert [reason for _d, reason, _raw in v.reset()] == ["marked deliberately broken, but never sent"]


def test_a_document_type_declaration_fails(v):
    dtd = b'<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "b">]>' + _request(RESOLVE_BODY).split(b"?>", 1)[1]
    v.observe("request", dtd)
    assert "document type declaration" in v.reset()[0][1]


def test_a_tests_own_observer_is_chained_after_the_check(sandbox, v, monkeypatch):
    """A test that sets ``sandbox.wire_observer`` adds to the schema check; it cannot replace it."""
    from app.sandbox import Sandbox

    seen = []
    monkeypatch.setattr(Sandbox, "default_wire_observer", v.observe)  # a private validator for this proof
    sandbox.wire_observer = lambda d, body, injected=False: seen.append(d)
    post(sandbox, BAD_BODY)  # not marked broken
    assert seen == ["request", "response"]
    failures = v.reset()
    assert [d for d, _reason, _raw in failures] == ["request"] and v.checked == 2


def test_a_sandbox_in_another_process_is_checked_through_its_dump(v, tmp_path):
    """``DISPATCH_SANDBOX_WIRE_DUMP``: a sandbox in its own process writes every body out (0600 files in a
    0700 directory), and ``collect`` validates them; a schema-invalid request there fails like here."""
    import json
    import os
    import stat
    import subprocess
    import sys

    import requests

    from tests.helpers.paths import ROOT

    dump = tmp_path / "dump"
    env = dict(os.environ, DISPATCH_SANDBOX_WIRE_DUMP=str(dump))
    proc = subprocess.Popen([sys.executable, "-m", "app.sandbox", "--port", "0"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        info = json.loads(proc.stdout.readline())
        alice = next(a for a in info["accounts"] if a["email"] == "alice@example.com")
        for body in (RESOLVE_BODY, BAD_BODY):
            r = requests.post(info["ews_url"], data=_request(body), auth=(alice["username"], alice["password"]),
                              headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=10)
            assert r.status_code in (200, 500)
    finally:
        proc.terminate()
        proc.wait(20)
    assert stat.S_IMODE(dump.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in dump.iterdir()} == {0o600}
    assert v.collect(dump) == 4 and not list(dump.iterdir())
    failures = v.reset()
    assert v.checked == 4 and [(d, b"maybe" in raw) for d, _reason, raw in failures] == [("request", True)]


def _insight_and_upload(big: str) -> str:
    """A big value as an insight's t:Data (xs:string, in a t:Item too) and as UploadItems' t:Data (base64)."""
    return ('<m:Root xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" '
            'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<t:Insight><t:ItemList><t:Item xsi:type="t:StringInsightValue">'
            f'<t:Data>{big}</t:Data></t:Item></t:ItemList></t:Insight>'
            f'<m:Items><t:Item CreateAction="CreateNew"><t:Data>{big}</t:Data></t:Item></m:Items></m:Root>')


def test_the_big_base64_shortcut_judges_only_values_the_schema_declares_base64():
    """t:Data is declared as base64 (UploadItems), xs:string (an insight value, in an element also named t:Item)
    and a complex type: the shortcut (the sandbox's and this validator's) is keyed on where the element is, so a
    big string is left to the schema, and a big UploadItems Data is still checked."""
    from xml.etree import ElementTree

    from lxml import etree

    from app.sandbox.ews import validation
    from tests import ews_wire

    big = "not base64, a string. " * 5000
    doc = ElementTree.fromstring(_insight_and_upload(big))
    assert len(ews_wire._shrink_base64(doc)) == 1  # UploadItems' Data only
    insight, upload = [el.text for el in doc.iter("{http://schemas.microsoft.com/exchange/services/2006/types}Data")]
    assert (insight, upload) == (big, "AAAA")

    tree = etree.fromstring(_insight_and_upload(big).encode())
    with validation._small_base64(tree) as bad:
        assert [etree.QName(el.getparent().getparent()).localname for _, el in bad] == ["Items"]
