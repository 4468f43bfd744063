"""The Graph wire check (tests/graph_schema.py, tests/graph_routes.py, tests/graph_wire.py): schemas derived
from the vendored CSDL accept what Graph takes and sends, and refuse, with a reason, what it does not."""

from __future__ import annotations

import base64
import json
import threading
import xml.etree.ElementTree as ET

import pytest

from tests.graph_schema import CSDL_PATH, load_graph_schemas
from tests.graph_wire import GraphWireValidator

ME = "/v1.0/me"
JSON = "application/json"
MID = "AAMkAGI2TG93AAA="


@pytest.fixture(scope="module")
def schemas():
    return load_graph_schemas()


@pytest.fixture
def v(schemas):
    return GraphWireValidator(schemas)


def problems(v, direction, doc, *, method="POST", path=f"{ME}/messages", status=None, content_type=JSON):
    body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    return v.problems(direction, body, method=method, path=path, status=status, content_type=content_type)


def recipient(address, name=None):
    return {"emailAddress": {"address": address, **({"name": name} if name else {})}}


def full_message(**extra) -> dict:
    """A message with every field issue 13 lists."""
    doc = {
        "subject": "Quarterly numbers", "body": {"contentType": "html", "content": "<p>Hello</p>"},
        "toRecipients": [recipient("bob@example.com", "Bob Brown")], "ccRecipients": [recipient("carol@example.com")],
        "bccRecipients": [recipient("dave@example.com")], "replyTo": [recipient("alice@example.com")],
        "from": recipient("alice@example.com", "Alice"), "sender": recipient("alice@example.com"),
        "importance": "high", "isReadReceiptRequested": True, "isDeliveryReceiptRequested": False,
        "internetMessageId": "<q3@example.com>",
        "internetMessageHeaders": [{"name": "x-dispatch-trace", "value": "42"}],
        "flag": {"flagStatus": "flagged", "startDateTime": {"dateTime": "2026-11-23T12:13:00",
                                                            "timeZone": "Eastern Standard Time"},
                 "dueDateTime": {"dateTime": "2026-11-27T17:00:00", "timeZone": "UTC"}},
        "categories": ["Finance", "Q3"],
    }
    doc.update(extra)
    return doc


def served_message(**extra) -> dict:
    return full_message(**{
        "@odata.context": "https://graph.example/v1.0/$metadata#users('alice%40example.com')/messages/$entity",
        "@odata.etag": 'W/"CQAAABYAAAD"', "id": MID, "changeKey": "CQAAABYAAAD", "hasAttachments": False,
        "createdDateTime": "2026-11-23T08:57:06Z", "lastModifiedDateTime": "2026-11-23T08:57:06.1234567Z",
        "sentDateTime": None, "receivedDateTime": "2026-11-23T09:57:06+01:00", "isDraft": True, "isRead": True,
        "parentFolderId": "AQMkAGDrafts", "conversationId": "AAQkAGconv", "bodyPreview": "Hello",
        "webLink": "https://outlook.example/owa/?ItemID=x", "uniqueBody": None, **extra})


FILE = {"@odata.type": "#microsoft.graph.fileAttachment", "name": "notes.txt", "contentType": "text/plain",
        "contentBytes": base64.b64encode(b"Hello World!").decode()}


# ---------------- derivation ----------------

def test_derivation_covers_every_property_of_message_in_the_csdl(schemas):
    """Read independently of the deriver: every property (structural and navigation) of message and its
    base types is in the derived schema, nothing else is, and each refuses a value of the wrong kind."""
    edm = "{http://docs.oasis-open.org/odata/ns/edm}"
    graph = next(s for s in ET.parse(CSDL_PATH).getroot().iter(f"{edm}Schema") if s.get("Namespace") == "microsoft.graph")
    by_name = {el.get("Name"): el for el in graph if el.tag == f"{edm}EntityType"}
    names, t = set(), by_name["message"]
    while t is not None:
        names |= {p.get("Name") for p in t if p.tag in (f"{edm}Property", f"{edm}NavigationProperty")}
        t = by_name[t.get("BaseType").split(".")[-1]] if t.get("BaseType") else None
    assert {"id", "categories", "changeKey", "subject", "attachments", "internetMessageHeaders"} <= names
    derived = schemas.schemas["message"]["$defs"]["microsoft.graph.message"]["properties"]
    assert {n for n in derived if not n.startswith("@")} == names
    for name in sorted(names):
        found = problems(schemas_validator(schemas), "request", {name: 12345})
        assert found and found[0].startswith(f"message: $.{name}"), (name, found)


def schemas_validator(schemas):
    return GraphWireValidator(schemas)


def test_derivation_is_complete(schemas):
    """(How long deriving takes is measured by bench/bench_graph_schema.py, not asserted.)"""
    fresh = load_graph_schemas()
    expected = {"message", "fileAttachment", "itemAttachment", "attachment", "mailFolder", "recipient",
                "emailAddress", "itemBody", "followupFlag", "dateTimeTimeZone", "internetMessageHeader",
                "attachmentItem", "uploadSession", "action.sendMail", "action.send", "action.move",
                "action.createUploadSession", "action.translateExchangeIds", "return.translateExchangeIds",
                "collection.message", "batch.request", "batch.response", "error"}
    assert expected <= set(fresh.schemas)
    # a parameter by the documentation's name or the CSDL's (Graph reads either; Microsoft's SDKs send the latter)
    assert fresh.schemas["action.sendMail"]["allOf"] == [{"anyOf": [{"required": ["message"]},
                                                                    {"required": ["Message"]}]}]
    assert set(fresh.schemas["action.sendMail"]["properties"]) == {"message", "saveToSentItems", "Message",
                                                                   "SaveToSentItems"}


# ---------------- valid traffic ----------------

def test_a_message_with_every_field_is_valid_both_ways(v):
    assert problems(v, "request", full_message()) == []
    assert problems(v, "request", full_message(**{"from": None, "flag": None, "subject": None})) == []  # Nullable
    assert problems(v, "response", served_message(), status=201) == []
    assert problems(v, "request", {"subject": "changed", "flag": {"flagStatus": "complete"}},
                    method="PATCH", path=f"{ME}/messages/{MID}") == []
    assert problems(v, "response", served_message(), method="GET", path=f"/v1.0/users/alice@example.com/messages/{MID}",
                    status=200) == []
    # attachments inline on POST /me/messages, as Graph takes them
    assert problems(v, "request", full_message(attachments=[FILE])) == []


def test_enum_values_are_matched_case_insensitively(v):
    doc = full_message(body={"contentType": "HTML", "content": "<b>x</b>"}, importance="High",
                       flag={"flagStatus": "Flagged"})
    assert problems(v, "request", doc) == []
    assert problems(v, "request", full_message(body={"contentType": "Text", "content": "x"})) == []


def test_a_file_attachment_a_list_page_an_error_and_the_actions(v):
    at = f"{ME}/messages/{MID}/attachments"
    assert problems(v, "request", FILE, path=at) == []
    served = {**FILE, "@odata.context": "x", "@odata.mediaContentType": "text/plain", "id": "AAMkAtt",
              "size": 12, "isInline": False, "lastModifiedDateTime": "2026-11-23T08:57:06Z", "contentId": None}
    assert problems(v, "response", served, path=at, status=201) == []
    page = {"@odata.context": "x", "@odata.count": 120, "value": [served_message(), served_message(isDraft=False)],
            "@odata.nextLink": f"https://graph.example{ME}/mailFolders/drafts/messages?$skip=10"}
    assert problems(v, "response", page, method="GET", path=f"{ME}/mailFolders/drafts/messages?$top=10",
                    status=200) == []
    error = {"error": {"code": "ErrorItemNotFound", "message": "The specified object was not found in the store.",
                       "innerError": {"date": "2026-11-23T08:57:06", "request-id": "r", "client-request-id": "c"}}}
    assert problems(v, "response", error, method="GET", path=f"{ME}/messages/{MID}", status=404) == []
    assert problems(v, "request", {"destinationId": "deleteditems"}, path=f"{ME}/messages/{MID}/move") == []
    assert problems(v, "response", served_message(), path=f"{ME}/messages/{MID}/move", status=201) == []
    assert problems(v, "request", b"", path=f"{ME}/messages/{MID}/send", content_type="") == []
    assert problems(v, "response", b"", path=f"{ME}/messages/{MID}/send", status=202, content_type="") == []
    item = {"attachmentItem": {"attachmentType": "file", "name": "big.bin", "size": 5_000_000}}
    assert problems(v, "request", item, path=f"{at}/createUploadSession") == []
    session = {"@odata.context": "x", "uploadUrl": "https://127.0.0.1:1/up", "expirationDateTime": "2026-11-23T10:00:00Z",
               "nextExpectedRanges": ["0-"]}
    assert problems(v, "response", session, path=f"{at}/createUploadSession", status=201) == []
    ids = {"inputIds": ["AAMkAGI2"], "sourceIdType": "restId", "targetIdType": "ewsId"}
    assert problems(v, "request", ids, path=f"{ME}/translateExchangeIds") == []
    converted = {"@odata.context": "x", "value": [{"sourceId": "AAMkAGI2", "targetId": "AAMk+GI2"},
                                                  {"sourceId": "bad", "errorDetails": {"code": "genericError"}}]}
    assert problems(v, "response", converted, path=f"{ME}/translateExchangeIds", status=200) == []
    assert problems(v, "response", b"From: a\r\n\r\nhi", method="GET", path=f"{ME}/messages/{MID}/$value",
                    status=200, content_type="message/rfc822") == []


def test_the_seed_documents_valid_examples_pass(v):
    """sendMail Examples 2, 3 (JSON) and 4 (MIME, base64 in lines) of the seed document."""
    example2 = {"message": {"subject": "9/9/2018: concert", "body": {"contentType": "HTML", "content": "The group represents Nevada."},
                            "toRecipients": [{"emailAddress": {"address": "AlexW@contoso.com"}}],
                            "internetMessageHeaders": [{"name": "x-custom-header-group-name", "value": "Nevada"},
                                                       {"name": "x-custom-header-group-id", "value": "NV001"}]}}
    example3 = {"message": {"subject": "Meet for lunch?", "body": {"contentType": "Text", "content": "The new cafeteria is open."},
                            "toRecipients": [{"emailAddress": {"address": "meganb@contoso.com"}}],
                            "attachments": [{"@odata.type": "#microsoft.graph.fileAttachment", "name": "attachment.txt",
                                             "contentType": "text/plain", "contentBytes": "SGVsbG8gV29ybGQh"}]}}
    example4 = (b"RnJvbTogQWRlbGUgVmFuY2UgPEFkZWxlVkBjb250b3NvLmNvbT4KVG86IEFsZXggV2lsYmVyIDxB\n"
                b"bGV4V0Bjb250b3NvLmNvbT4KU3ViamVjdDpUZXN0IE1lc3NhZ2UKQ29udGVudC1UeXBlOiBtdWx0\n")
    for doc in (example2, example3):
        assert problems(v, "request", doc, path=f"{ME}/sendMail") == []
    assert problems(v, "request", example4, path=f"{ME}/sendMail", content_type="text/plain") == []
    assert problems(v, "request", example4, content_type="text/plain") == []  # POST /me/messages with MIME


def test_a_batch_is_checked_envelope_and_every_inner_exchange(v):
    batch = {"requests": [
        {"id": "1", "method": "POST", "url": "/me/messages", "headers": {"Content-Type": JSON}, "body": full_message()},
        {"id": "2", "method": "POST", "url": f"/me/messages/{MID}/send", "dependsOn": ["1"]},
        {"id": "3", "method": "GET", "url": "/me/mailFolders/inbox/messages?$top=5"}]}
    assert problems(v, "request", batch, path="/v1.0/$batch") == []
    answer = {"responses": [
        {"id": "1", "status": 201, "headers": {"Content-Type": JSON}, "body": served_message()},
        {"id": "2", "status": 202, "headers": {}},
        {"id": "3", "status": 429, "headers": {"Retry-After": "1", "Content-Type": JSON},
         "body": {"error": {"code": "ApplicationThrottled", "message": "Too many requests."}}}]}
    assert problems(v, "response", answer, path="/v1.0/$batch", status=200) == []


# ---------------- invalid traffic ----------------

def test_the_seed_documents_own_invalid_examples_fail(v):
    """Example 1 sends saveToSentItems as a string; Example 5 posts message fields without the wrapper."""
    example1 = {"message": {"subject": "Meet for lunch?", "body": {"contentType": "Text", "content": "The new cafeteria is open."},
                            "toRecipients": [{"emailAddress": {"address": "frannis@contoso.com"}}],
                            "ccRecipients": [{"emailAddress": {"address": "danas@contoso.com"}}]},
                "saveToSentItems": "false"}
    example5 = {"subject": "Please respond by Friday",
                "toRecipients": [{"emailAddress": {"address": "meganb@contoso.com"}}],
                "flag": {"flagStatus": "flagged",
                         "startDateTime": {"dateTime": "2023-08-30T12:13:00", "timeZone": "Eastern Standard Time"},
                         "dueDateTime": {"dateTime": "2023-09-01T17:00:00", "timeZone": "Eastern Standard Time"}}}
    found = problems(v, "request", example1, path=f"{ME}/sendMail")
    assert found and "$.saveToSentItems: 'false' is not of type 'boolean'" in found[0]
    found = problems(v, "request", example5, path=f"{ME}/sendMail")
    assert "action.sendMail: $: 'message' is a required property" in found
    assert any("'subject'" in p and "unexpected" in p for p in found)


@pytest.mark.parametrize("doc, reason", [
    (full_message(colour="blue"), "$: 'colour' not a property of microsoft.graph.message"),
    (full_message(importance="urgent"), "$.importance: 'urgent' is not a member of microsoft.graph.importance"),
    (full_message(body={"contentType": "markdown", "content": "x"}), "$.body.contentType: 'markdown' is not a member"),
    (full_message(attachments=[{**FILE, "contentBytes": "aGVsbG8"}]), "$.attachments[0].contentBytes: 'aGVsbG8' is not valid edm-binary"),
    (full_message(attachments=[{**FILE, "contentBytes": "aGVs*G8="}]), "is not valid edm-binary"),
    (full_message(attachments=[{"name": "x.txt", "contentBytes": "aGk="}]), "'@odata.type' is a required property"),
    (full_message(receivedDateTime="2026-02-30T10:00:00Z"), "$.receivedDateTime: '2026-02-30T10:00:00Z' is not valid edm-datetimeoffset"),
    (full_message(sentDateTime="yesterday"), "$.sentDateTime: 'yesterday' is not valid"),
    (full_message(createdDateTime="2026-11-23T10:00:00"), "is not valid edm-datetimeoffset"),  # no zone
    (full_message(toRecipients=[{"emailAddress": {"address": "a@b", "displayName": "A"}}]), "'displayName' not a property of microsoft.graph.emailAddress"),
    (full_message(ccRecipients=None), "$.ccRecipients: None is not of type 'array'"),
    (full_message(isDraft="true"), "$.isDraft: 'true' is not of type 'boolean'"),
    (full_message(attachments=[{"@odata.type": "#microsoft.graph.itemAttachment", "name": "x", "contentBytes": "aGk="}]),
     "$.attachments[0]: 'contentBytes' not a property of microsoft.graph.itemAttachment"),  # validated as the type named
    (full_message(attachments=[{**FILE, "@odata.type": "#microsoft.graph.event"}]), "$.attachments[0]['@odata.type']"),
    (full_message(**{"@odata.type": "#microsoft.graph.eventMessage", "meetingMessageType": "sometime"}),
     "$.meetingMessageType: 'sometime' is not a member of microsoft.graph.meetingMessageType"),
])
def test_an_invalid_message_fails_with_its_reason(v, doc, reason):
    found = problems(v, "request", doc)
    assert found and any(reason in p for p in found), found


def test_a_big_attachment_is_checked_strictly(v):
    """(How long a 10 MB attachment takes to check is measured by bench/bench_graph_schema.py.)"""
    big = base64.b64encode(bytes(range(256)) * 40_000).decode()  # 10 MB of base64
    assert problems(v, "request", {**FILE, "contentBytes": big}, path=f"{ME}/messages/{MID}/attachments") == []
    broken = big[:5_000_000] + "!" + big[5_000_001:]
    assert problems(v, "request", {**FILE, "contentBytes": broken}, path=f"{ME}/messages/{MID}/attachments")


def test_responses_that_break_the_protocol_fail(v):
    sent = f"{ME}/messages/{MID}/send"
    assert problems(v, "response", {"status": "queued"}, path=sent, status=202) == ["a body of 20 bytes where there must be none"]
    assert problems(v, "response", b"", path=sent, status=200, content_type="")[0].startswith("SendMessage does not answer 200")
    found = problems(v, "response", {"message": "bad request"}, status=400)
    assert found and "error: $: 'error' is a required property" in found[0]
    found = problems(v, "response", {"error": {"message": "no code"}}, status=500)
    assert any("'code' is a required property" in p for p in found)
    found = problems(v, "response", b"<html>Bad Gateway</html>", status=502, content_type="text/html")
    assert found and "content type 'text/html' where error JSON is due" in found[0]
    assert problems(v, "response", b"{\"a\": 1, \"a\": 2}", status=400)[0].startswith("not JSON (duplicate name 'a'")


def test_requests_that_break_the_protocol_fail(v):
    assert problems(v, "request", b"not base64 !!", content_type="text/plain") == [
        "the MIME content is not base64 (ErrorMimeContentInvalidBase64String)"]
    assert problems(v, "request", full_message(), content_type="text/xml")[0].startswith("CreateMessage takes no text/xml body")
    assert problems(v, "request", {"x": 1}, method="GET", path=f"{ME}/messages/{MID}")[0].startswith("a body of")
    assert problems(v, "request", {"destination": "inbox"}, path=f"{ME}/messages/{MID}/move")  # no such parameter
    assert problems(v, "request", {}, path=f"{ME}/messages/{MID}/move")  # DestinationId is required
    assert problems(v, "request", {"DestinationId": "inbox"}, path=f"{ME}/messages/{MID}/move") == []  # the CSDL's
    upload = f"{ME}/messages/{MID}/attachments/createUploadSession"
    assert problems(v, "request", {"attachmentItem": {"attachmentType": "file", "name": "x", "size": 2**40}},
                    path=upload) == []  # attachmentItem.size is Edm.Int64
    assert "is greater than the maximum of 9223372036854775807" in problems(
        v, "request", {"attachmentItem": {"attachmentType": "file", "name": "x", "size": 2**63}}, path=upload)[0]
    assert "$.size: 2147483648 is greater than the maximum of 2147483647" in problems(
        v, "request", {**FILE, "size": 2**31}, path=f"{ME}/messages/{MID}/attachments")[0]  # attachment.size: Int32
    assert problems(v, "request", {"AttachmentItem": {"attachmentType": "file", "name": "x", "size": 9}},
                    path=upload) == []  # the CSDL's name (Microsoft's SDKs send it); Graph reads either
    assert problems(v, "request", {"attachment": {"attachmentType": "file", "name": "x", "size": 9}},
                    path=upload)  # not the action's parameter
    assert problems(v, "request", {"inputIds": ["a"], "targetIdType": "graphId", "sourceIdType": "restId"},
                    path=f"{ME}/translateExchangeIds")[0].endswith("'graphId' is not a member of "
                                                                   "microsoft.graph.exchangeIdFormat ['entryId', 'ewsId', "
                                                                   "'immutableEntryId', 'restId', 'restImmutableEntryId']")


@pytest.mark.parametrize("method, path", [("GET", "/v1.0/me/nonsense"), ("PUT", f"{ME}/messages/{MID}"),
                                          ("GET", "/v1.0/organization"), ("POST", "/v1.0/me/messages/x/forward")])
def test_an_unknown_route_fails(v, method, path):
    found = problems(v, "request", b"", method=method, path=path, content_type="")
    assert found and found[0].startswith(f"no Graph route for {method} {path}")


def test_a_batch_with_an_invalid_inner_body_fails(v):
    batch = {"requests": [
        {"id": "1", "method": "GET", "url": "/me/messages"},
        {"id": "2", "method": "POST", "url": "/me/messages", "headers": {"Content-Type": JSON},
         "body": full_message(importance="urgent")},
        {"id": "3", "method": "GET", "url": "/me/nonsense", "dependsOn": ["9"]}]}
    found = problems(v, "request", batch, path="/v1.0/$batch")
    assert "$batch: request '3' depends on '9', not in the batch" in found
    assert any(p.startswith("requests[1] (2, POST /me/messages): message: $.importance: 'urgent'") for p in found)
    assert any(p.startswith("requests[2] (3, GET /me/nonsense): no Graph route") for p in found)
    v.observe("request", json.dumps({"requests": batch["requests"][:1]}).encode(), method="POST", path="/v1.0/$batch",
              content_type=JSON)
    answer = {"responses": [{"id": "1", "status": 200, "headers": {"Content-Type": JSON},
                             "body": {"value": [served_message(importance="urgent")]}}]}
    v.observe("response", json.dumps(answer).encode(), method="POST", path="/v1.0/$batch", status=200, content_type=JSON)
    (where, why, _raw), = v.reset()
    assert why.startswith("responses[0] (1, GET /v1.0/me/messages -> 200): collection.message: $.value[0].importance")


# ---------------- the validator: observe, exemptions, dump files ----------------

def test_observe_records_failures_and_reset_hands_them_back(v):
    v.observe("request", json.dumps(full_message()).encode(), method="POST", path=f"{ME}/messages", content_type=JSON)
    v.observe("response", b"{}", method="POST", path=f"{ME}/sendMail", status=202, content_type=JSON)
    v.observe("request", b"", method="GET", path="/v1.0/me/unknown")
    failures = v.reset()
    assert [f[0] for f in failures] == [f"response POST {ME}/sendMail -> 202", "request GET /v1.0/me/unknown"]
    assert v.checked == 3 and v.reset() == []


def test_injected_bodies_are_exempt_and_counted_also_inside_a_batch(v):
    v.observe("response", b"<html>proxy</html>", method="GET", path=f"{ME}/messages", status=500,
              content_type="text/html", injected=True)
    mangled = {"value": [], "proxyDiagnostics": "added by a misconfigured proxy"}
    v.observe("request", b'{"requests": [{"id": "1", "method": "GET", "url": "/me/messages"}]}', method="POST",
              path="/v1.0/$batch", content_type=JSON)
    v.observe("response", json.dumps(mangled).encode(), method="GET", path=f"{ME}/messages", status=200,
              content_type=JSON, injected=True)
    answer = {"responses": [{"id": "1", "status": 200, "headers": {"Content-Type": JSON}, "body": mangled}]}
    v.observe("response", json.dumps(answer).encode(), method="POST", path="/v1.0/$batch", status=200, content_type=JSON)
    assert v.reset() == []
    assert v.skipped == 3 and v.checked == 2


def test_expect_broken_exempts_one_invalid_request_that_occurs(v):
    bad = json.dumps({"subject": "no wrapper"}).encode()
    v.expect_broken(bad)
    v.observe("request", bad, method="POST", path=f"{ME}/sendMail", content_type=JSON)
    assert v.reset() == [] and v.skipped == 1
    v.expect_broken(bad)
    v.observe("request", bad, method="POST", path=f"{ME}/sendMail", content_type=JSON)
    v.observe("request", bad, method="POST", path=f"{ME}/sendMail", content_type=JSON)  # a second time: checked
    (failure,) = v.reset()
    assert "'message' is a required property" in failure[1]


def test_expect_broken_fails_when_the_exchange_never_occurs_or_is_valid(v):
    v.expect_broken(b'{"subject": "never sent"}')
    v.expect_broken(b"", method="GET", path="/v1.0/me/nonsense")
    (never, never2) = v.reset()
    assert never[1] == never2[1] == "marked deliberately broken, but never sent"
    valid = json.dumps({"message": full_message()}).encode()
    v.expect_broken(valid)
    v.observe("request", valid, method="POST", path=f"{ME}/sendMail", content_type=JSON)
    (failure,) = v.reset()
    assert failure[1] == "marked deliberately broken, but valid"


def test_an_exempt_batch_exempts_its_invalid_inner_requests_once(v):
    inner = full_message(importance="urgent")
    raw = json.dumps({"requests": [{"id": "1", "method": "POST", "url": "/me/messages",
                                    "headers": {"Content-Type": JSON}, "body": inner}]}).encode()
    v.expect_broken(raw, method="POST", path="/v1.0/$batch")
    v.observe("request", raw, method="POST", path="/v1.0/$batch", content_type=JSON)
    v.observe("request", json.dumps(inner).encode(), method="POST", path="/v1.0/me/messages", content_type=JSON)
    assert v.reset() == []
    v.observe("request", json.dumps(inner).encode(), method="POST", path="/v1.0/me/messages", content_type=JSON)
    assert len(v.reset()) == 1


def test_an_error_inside_the_check_is_a_failure(v, monkeypatch):
    monkeypatch.setattr(v, "problems", lambda *a, **k: 1 / 0)
    v.observe("request", b"", method="GET", path=f"{ME}/messages")
    (failure,) = v.reset()
    assert failure[1] == "the validator itself failed: ZeroDivisionError: division by zero"


def test_bodies_dumped_by_another_process_are_collected(v, tmp_path):
    from app.sandbox.wiredump import GraphWireDump

    dump = GraphWireDump(str(tmp_path))
    dump("request", json.dumps(full_message()).encode(), method="POST", path=f"{ME}/messages", content_type=JSON)
    dump("response", b'{"no": "error shape"}', method="POST", path=f"{ME}/messages", status=400, content_type=JSON)
    dump("response", b"<html>", method="POST", path=f"{ME}/messages", status=500, content_type="text/html",
         injected=True)
    assert v.collect(tmp_path) == 3 and list(tmp_path.iterdir()) == []
    (failure,) = v.reset()
    assert failure[0] == f"response POST {ME}/messages -> 400" and v.skipped == 1


def test_observe_is_thread_safe(v):
    good = json.dumps(full_message()).encode()

    def work():
        for _ in range(25):
            v.observe("request", good, method="POST", path=f"{ME}/messages", content_type=JSON)
            v.observe("response", b"{}", method="POST", path=f"{ME}/sendMail", status=202, content_type=JSON)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert v.checked == 400 and len(v.reset()) == 200


def test_a_batch_the_server_may_run_despite_an_invalid_envelope_is_followed(v):
    """An envelope with an unknown member is a failure, yet its requests are known for its answer."""
    sent = {"requests": [{"id": "1", "method": "GET", "url": "/me/messages", "atomicityGroup": "g"}]}
    found = problems(v, "request", sent, path="/v1.0/$batch")
    assert found and "'atomicityGroup' was unexpected" in found[0]
    answer = {"responses": [{"id": "1", "status": 200, "headers": {"Content-Type": JSON}, "body": {"value": []}}]}
    assert problems(v, "response", answer, path="/v1.0/$batch", status=200) == []
    odd = {"requests": [{"id": "1", "method": "POST", "url": "/me/messages", "headers": {"Content-Type": JSON},
                         "body": 7}]}
    assert any("neither JSON nor base64 text" in p for p in problems(v, "request", odd, path="/v1.0/$batch"))
    unseen = {"responses": [{"id": "zz", "status": 204}]}
    assert problems(v, "response", unseen, path="/v1.0/$batch", status=200) == [
        "$batch response with ids ['zz']: no $batch request with those ids was seen"]


def test_a_page_and_the_upload_origin_by_their_routes(v):
    lists = dict(method="GET", path=f"{ME}/mailFolders/inbox/messages?$skip=10", status=200)
    assert "'value' is a required property" in problems(v, "response", {"results": []}, **lists)[0]
    assert "'proxyDiagnostics' was unexpected" in problems(v, "response", {"value": [], "proxyDiagnostics": "x"}, **lists)[0]
    assert problems(v, "response", b"{}", method="GET", path=f"{ME}/messages/{MID}/$value", status=200)
    up = "/api/v2.0/Users('alice@example.com')/Messages('AAMk')/AttachmentSessions('AbC-1_2')"
    assert problems(v, "request", b"\x00" * 10, method="PUT", path=f"{up}?authtoken=t", content_type="") == []
    assert problems(v, "request", b"\x00", method="PUT", path=up, content_type="application/json")
    state = {"expirationDateTime": "2026-11-23T10:00:00Z", "nextExpectedRanges": ["4194304"]}
    assert problems(v, "response", state, method="PUT", path=up, status=200) == []
    assert problems(v, "response", b"", method="PUT", path=up, status=201, content_type="") == []
    assert problems(v, "response", b"", method="DELETE", path=up, status=204, content_type="") == []
    assert problems(v, "response", {"expirationDateTime": "soon"}, method="GET", path=up, status=200)
