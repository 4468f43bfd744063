"""Attachments over Graph against the sandbox (httpx): a file under 3 MB posted on the message, one of
3 MB and more through an upload session on the second loopback origin, item attachments, and what each
refuses; the attachments seen over EWS (exchangelib) too."""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import stat
from urllib.parse import urlsplit

import httpx
import pytest

from tests.helpers.graph_clients import draft_body
from tests.helpers.ews_accounts import make_account

def broken(request, doc, **where) -> bytes:
    """``doc`` as the bytes of a request that is invalid on purpose, registered with the suite's Graph wire
    check (when it runs: its fixture) as the one exchange it lets through."""
    raw = json.dumps(doc).encode()
    for name in ("graph_wire_validator", "graph_wire"):
        try:
            validator = request.getfixturevalue(name)
        except pytest.FixtureLookupError:
            continue
        validator.expect_broken(raw, **where)
        break
    return raw


PIECE = 10 * 320 * 1024  # 3,200 KiB: a multiple of 320 KiB, under 4 MiB
SMALL = 320 * 1024


def _draft(alice, **extra) -> dict:
    r = alice.post("/me/messages", json=draft_body(**extra))
    assert r.status_code == 201, r.text
    return r.json()


def _file(name="notes.txt", content=b"hello attachment", **extra) -> dict:
    return {"@odata.type": "#microsoft.graph.fileAttachment", "name": name, "contentType": "text/plain",
            "contentBytes": base64.b64encode(content).decode(), **extra}


def _session(alice, message_id: str, size: int, **extra) -> dict:
    r = alice.post(f"/me/messages/{message_id}/attachments/createUploadSession",
                   json={"attachmentItem": {"attachmentType": "file", "name": "big.bin", "size": size,
                                            "contentType": "application/pdf", **extra}})
    assert r.status_code == 201, r.text
    return r.json()


def _put(url: str, data: bytes, start: int, total: int, **headers) -> httpx.Response:
    headers = {"Content-Type": "application/octet-stream",
               "Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}", **headers}
    return httpx.put(url, content=data, headers=headers, trust_env=False, timeout=30)


def _upload(url: str, data: bytes) -> httpx.Response:
    for start in range(0, len(data), PIECE):
        r = _put(url, data[start:start + PIECE], start, len(data))
        if start + PIECE < len(data):
            assert r.status_code == 200, r.text
            assert r.json()["nextExpectedRanges"] == [str(start + PIECE)]
    return r


def test_a_file_is_attached_listed_read_and_removed(graph_sandbox, alice):
    msg = _draft(alice)
    assert msg["hasAttachments"] is False
    r = alice.post(f"/me/messages/{msg['id']}/attachments", json=_file(contentId="pic1"))
    assert r.status_code == 201, r.text
    att = r.json()
    assert att["@odata.type"] == "#microsoft.graph.fileAttachment" and att["name"] == "notes.txt"
    assert att["size"] == 16 and att["isInline"] is False and att["contentId"] == "pic1"
    assert base64.b64decode(att["contentBytes"]) == b"hello attachment" and att["contentType"] == "text/plain"
    after = alice.get(f"/me/messages/{msg['id']}").json()
    assert after["hasAttachments"] is True and after["changeKey"] != msg["changeKey"]
    listed = alice.get(f"/me/messages/{msg['id']}/attachments").json()["value"]
    assert [a["id"] for a in listed] == [att["id"]] and listed[0]["contentBytes"] == att["contentBytes"]
    meta = alice.get(f"/me/messages/{msg['id']}/attachments", params={"$select": "name,size"}).json()["value"]
    assert meta == [{"@odata.type": "#microsoft.graph.fileAttachment", "id": att["id"], "name": "notes.txt",
                     "size": 16}]
    one = alice.get(f"/me/messages/{msg['id']}/attachments/{att['id']}").json()
    assert one["id"] == att["id"] and one["contentBytes"] == att["contentBytes"]
    raw = alice.get(f"/me/messages/{msg['id']}/attachments/{att['id']}/$value")
    assert raw.status_code == 200 and raw.content == b"hello attachment"
    assert raw.headers["content-type"].startswith("text/plain")
    r = alice.delete(f"/me/messages/{msg['id']}/attachments/{att['id']}")
    assert r.status_code == 204 and r.content == b""
    gone = alice.get(f"/me/messages/{msg['id']}").json()
    assert gone["hasAttachments"] is False and gone["changeKey"] != after["changeKey"]
    r = alice.get(f"/me/messages/{msg['id']}/attachments/{att['id']}")
    assert r.status_code == 404 and r.json()["error"]["code"] == "ErrorItemNotFound"
    assert alice.get(f"/me/messages/{msg['id']}/attachments").json()["value"] == []


def test_what_a_post_of_an_attachment_refuses(graph_sandbox, alice, request):
    msg = _draft(alice)
    url = f"/me/messages/{msg['id']}/attachments"

    def post(doc):
        return alice.post(url, content=broken(request, doc), headers={"Content-Type": "application/json"})

    r = post(_file() | {"contentBytes": "not base64 !!"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "RequestBodyRead"
    r = post(_file() | {"contentBytes": "aGVsbG8"})  # unpadded: strict base64 refuses it
    assert r.status_code == 400
    r = post(_file() | {"contentBytes": "aGVsbG8=!"})  # a character outside the alphabet, never skipped
    assert r.status_code == 400
    r = post({"name": "no type", "contentBytes": "aGVsbG8="})  # attachment is abstract: @odata.type says which
    assert r.status_code == 400
    r = alice.post(url, json={"@odata.type": "#microsoft.graph.referenceAttachment", "name": "link"})
    assert r.status_code == 400 and "OneDrive" in r.json()["error"]["message"]
    r = post(_file(colour="blue"))
    assert r.status_code == 400 and "colour" in r.json()["error"]["message"]
    big = os.urandom(3 * 1024 * 1024 + 1)  # 3 MB and more: an upload session, never one POST
    r = alice.post(url, json=_file(content=big))
    assert r.status_code == 413
    assert alice.get(f"/me/messages/{msg['id']}").json()["hasAttachments"] is False
    other = _draft(alice)
    r = alice.post(f"/me/messages/{other['id']}/attachments",
                   json=_file() | {"contentBytes": "aGVs\r\nbG8="})  # whitespace is skipped, as .NET's decoder does
    assert r.status_code == 201 and base64.b64decode(r.json()["contentBytes"]) == b"hello"
    att = alice.post(url, json=_file()).json()
    r = alice.get(f"/me/messages/{other['id']}/attachments/{att['id']}")  # another message's attachment
    assert r.status_code == 404


def test_a_message_attached_as_an_item(graph_sandbox, alice):
    msg = _draft(alice)
    r = alice.post(f"/me/messages/{msg['id']}/attachments", json={
        "@odata.type": "#microsoft.graph.itemAttachment", "name": "the minutes",
        "item": {"@odata.type": "microsoft.graph.message", "subject": "Minutes of Monday",
                 "body": {"contentType": "text", "content": "We met."}}})
    assert r.status_code == 201, r.text
    att = r.json()
    assert att["@odata.type"] == "#microsoft.graph.itemAttachment" and att["name"] == "the minutes"
    assert "contentBytes" not in att
    raw = alice.get(f"/me/messages/{msg['id']}/attachments/{att['id']}/$value")
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("message/rfc822")
    assert b"Subject: Minutes of Monday" in raw.content and b"We met." in raw.content
    ews = make_account(graph_sandbox, "alice@example.com")
    [item] = ews.drafts.all()
    assert [a.name for a in item.attachments] == ["the minutes"]
    assert item.attachments[0].item.subject == "Minutes of Monday"


def test_an_attachment_added_over_graph_is_read_over_ews_and_the_other_way_round(graph_sandbox, alice):
    from exchangelib import FileAttachment

    msg = _draft(alice)
    alice.post(f"/me/messages/{msg['id']}/attachments", json=_file(name="a.txt", content=b"from Graph"))
    ews = make_account(graph_sandbox, "alice@example.com")
    [item] = ews.drafts.all()
    assert item.has_attachments and [(a.name, a.content) for a in item.attachments] == [("a.txt", b"from Graph")]
    item.attach(FileAttachment(name="b.txt", content=b"from EWS", content_type="text/plain"))
    seen = alice.get(f"/me/messages/{msg['id']}/attachments").json()["value"]
    assert [(a["name"], base64.b64decode(a["contentBytes"])) for a in seen] == [("a.txt", b"from Graph"),
                                                                              ("b.txt", b"from EWS")]
    refreshed = ews.drafts.get(id=item.id)
    assert alice.get(f"/me/messages/{msg['id']}").json()["changeKey"] == refreshed.changekey


def test_a_large_file_goes_up_in_pieces_and_travels_with_the_message(graph_sandbox, alice):
    seen = []
    graph_sandbox.graph_observer = lambda direction, body, **kw: seen.append((direction, len(body), kw))
    data = os.urandom(7_000_000)
    msg = _draft(alice)
    session = _session(alice, msg["id"], len(data), isInline=False)
    assert session["nextExpectedRanges"] == ["0-"] and session["expirationDateTime"].endswith("Z")
    assert session["@odata.context"].endswith("$metadata#microsoft.graph.uploadSession")
    upload_url = session["uploadUrl"]
    assert urlsplit(upload_url).netloc != urlsplit(graph_sandbox.graph_url).netloc  # a second origin
    assert urlsplit(upload_url).hostname == "127.0.0.1" and "authtoken=" in upload_url
    last = _upload(upload_url, data)
    assert last.status_code == 201 and last.content == b"", last.text
    found = re.search(r"/messages\('([^']+)'\)/attachments\('([^']+)'\)$", last.headers["location"])
    assert found and found.group(1) == msg["id"] and last.headers["location"].startswith(graph_sandbox.graph_url)
    aid = found.group(2)
    meta = alice.get(f"/me/messages/{msg['id']}/attachments/{aid}",
                     params={"$select": "name,size,contentType,isInline"}).json()
    assert meta["name"] == "big.bin" and meta["size"] == len(data) and meta["contentType"] == "application/pdf"
    assert alice.get(f"/me/messages/{msg['id']}/attachments/{aid}/$value").content == data
    assert alice.get(f"/me/messages/{msg['id']}").json()["hasAttachments"] is True
    puts = [kw for d, n, kw in seen if kw["method"] == "PUT" and d == "request"]
    assert len(puts) == 3 and {p["content_type"] for p in puts} == {"application/octet-stream"}
    assert all("authtoken" not in kw["path"] for _, _, kw in seen)  # the token never reaches a log or a dump
    assert [kw["status"] for d, _, kw in seen if kw["method"] == "PUT" and d == "response"] == [200, 200, 201]
    assert alice.post(f"/me/messages/{msg['id']}/send").status_code == 202
    assert graph_sandbox.outbox.wait_idle(20)
    [copy] = graph_sandbox.mailbox("bob@example.com").items("inbox")
    assert [(a["name"], a["content"] == data) for a in copy["attachments"]] == [("big.bin", True)]
    bob = make_account(graph_sandbox, "bob@example.com")
    [received] = bob.inbox.all()
    assert received.attachments[0].content == data  # over EWS too, through the suite's wire check


def test_the_upload_url_refuses_an_authorization_header_and_a_wrong_token(graph_sandbox, alice):
    msg = _draft(alice)
    url = _session(alice, msg["id"], 3 * 1024 * 1024)["uploadUrl"]
    bearer = alice.headers["Authorization"]
    r = _put(url, b"x" * SMALL, 0, 3 * 1024 * 1024, Authorization=bearer)
    assert r.status_code == 401 and r.json()["error"]["code"] == "InvalidAudienceForResource"
    r = _put(url.replace("authtoken=", "authtoken=x"), b"x" * SMALL, 0, 3 * 1024 * 1024)
    assert r.status_code == 401
    state = httpx.get(url, trust_env=False).json()
    assert state["nextExpectedRanges"] == ["0"]  # nothing of the refused pieces was kept


def test_pieces_out_of_order_too_large_or_mislabelled_are_refused(graph_sandbox, alice):
    size = 4 * 1024 * 1024
    data = os.urandom(size)
    msg = _draft(alice)
    url = _session(alice, msg["id"], size)["uploadUrl"]
    r = _put(url, data[PIECE:], PIECE, size)  # the second piece first
    assert r.status_code == 416, r.text
    assert r.json()["error"]["code"] == "ErrorInvalidRange" and "['0']" in r.json()["error"]["message"]
    assert httpx.get(url, trust_env=False).json()["nextExpectedRanges"] == ["0"]
    r = _put(url, data[:PIECE], 0, size + 1)  # not the size the session was made for
    assert r.status_code == 400
    r = httpx.put(url, content=data[:100], headers={"Content-Range": f"bytes 0-199/{size}"}, trust_env=False)
    assert r.status_code == 400
    r = httpx.put(url, content=data[:100], trust_env=False)  # no Content-Range
    assert r.status_code == 400
    big = os.urandom(4 * 1024 * 1024 + 1)
    r = _put(url, big, 0, size)
    assert r.status_code == 413
    r = _put(url, data[:PIECE], 0, size)
    assert r.status_code == 200 and r.json()["nextExpectedRanges"] == [str(PIECE)]
    r = _put(url, data[:PIECE], 0, size)  # the same piece again: the upload went on past it
    assert r.status_code == 416 and f"['{PIECE}']" in r.json()["error"]["message"]
    r = _put(url, data[PIECE:], PIECE, size)
    assert r.status_code == 201
    aid = re.search(r"attachments\('([^']+)'\)", r.headers["location"]).group(1)
    assert alice.get(f"/me/messages/{msg['id']}/attachments/{aid}/$value").content == data


def test_an_upload_session_is_cancelled_or_expires_and_keeps_its_bytes_private(graph_sandbox, alice):
    msg = _draft(alice)
    size = 3 * 1024 * 1024
    url = _session(alice, msg["id"], size)["uploadUrl"]
    assert _put(url, b"a" * SMALL, 0, size).status_code == 200
    sessions = graph_sandbox.uploads.sessions
    [path] = [os.path.join(sessions.root, n) for n in os.listdir(sessions.root)]
    assert stat.S_IMODE(os.stat(sessions.root).st_mode) == 0o700 and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    r = httpx.delete(url, trust_env=False)
    assert r.status_code == 204 and os.listdir(sessions.root) == []
    r = _put(url, b"a" * SMALL, SMALL, size)
    assert r.status_code == 404 and r.json()["error"]["code"] == "ErrorItemNotFound"
    url = _session(alice, msg["id"], size)["uploadUrl"]
    clock = sessions.clock
    sessions.clock = lambda: clock() + sessions.lifetime + 1  # the session's expirationDateTime has passed
    assert _put(url, b"a" * SMALL, 0, size).status_code == 404
    assert os.listdir(sessions.root) == [] and len(sessions) == 0
    assert alice.get(f"/me/messages/{msg['id']}").json()["hasAttachments"] is False


@pytest.mark.parametrize("item, code", [
    ({"attachmentType": "file", "name": "small.bin", "size": 3 * 1024 * 1024 - 1},
     "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize"),
    ({"attachmentType": "file", "name": "huge.bin", "size": 150 * 1024 * 1024 + 1}, "ErrorMessageSizeExceeded"),
    ({"attachmentType": "item", "name": "x", "size": 4 * 1024 * 1024}, "ErrorInvalidRequest"),
    ({"attachmentType": "file", "size": 4 * 1024 * 1024}, "ErrorInvalidRequest"),
    ({"attachmentType": "file", "name": "x", "size": "4194304"}, "RequestBodyRead"),
])
def test_what_create_upload_session_refuses(graph_sandbox, alice, request, item, code):
    msg = _draft(alice)
    doc = {"attachmentItem": item}
    raw = broken(request, doc) if isinstance(item["size"], str) else json.dumps(doc).encode()
    r = alice.post(f"/me/messages/{msg['id']}/attachments/createUploadSession", content=raw,
                   headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == code, r.text
    assert len(graph_sandbox.uploads.sessions) == 0


def test_create_upload_session_takes_its_parameter_as_microsofts_examples_write_it(graph_sandbox, alice, request):
    msg = _draft(alice)
    doc = {"AttachmentItem": {"attachmentType": "file", "name": "x.bin", "size": 3 * 1024 * 1024}}
    r = alice.post(f"/me/messages/{msg['id']}/attachments/createUploadSession", headers={
        "Content-Type": "application/json"}, content=json.dumps(doc))  # the CSDL's name; the docs write attachmentItem
    assert r.status_code == 201 and r.json()["nextExpectedRanges"] == ["0-"]


def test_the_attachment_lands_on_the_message_wherever_it_moved_and_nowhere_once_it_is_gone(graph_sandbox, alice):
    size = 3 * 1024 * 1024
    data = os.urandom(size)
    msg = _draft(alice)
    url = _session(alice, msg["id"], size)["uploadUrl"]
    assert _put(url, data[:SMALL], 0, size).status_code == 200
    moved = alice.post(f"/me/messages/{msg['id']}/move", json={"destinationId": "inbox"}).json()
    assert moved["id"] != msg["id"]  # a REST id changes on a move; the session follows the message
    r = _put(url, data[SMALL:], SMALL, size)
    assert r.status_code == 201, r.text
    assert f"/messages('{moved['id']}')/" in r.headers["location"]
    [att] = alice.get(f"/me/mailFolders/inbox/messages/{moved['id']}/attachments",
                      params={"$select": "name,size"}).json()["value"]
    assert att["size"] == size
    url = _session(alice, moved["id"], size)["uploadUrl"]
    ews = make_account(graph_sandbox, "alice@example.com")
    ews.inbox.get(id=moved["id"].replace("-", "+").replace("_", "/")).delete()  # a hard delete over EWS
    r = _put(url, data, 0, size)
    assert r.status_code == 404 and r.json()["error"]["code"] == "ErrorItemNotFound"
    assert len(graph_sandbox.uploads.sessions) == 0


def _raw(sb, data: bytes) -> bytes:
    origin = urlsplit(sb.uploads.origin)
    with socket.create_connection((origin.hostname, origin.port), timeout=5) as s:
        s.sendall(data)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


def test_the_upload_origin_checks_framing_and_never_reads_a_refused_body_as_a_request(graph_sandbox, alice):
    msg = _draft(alice)
    size = 3 * 1024 * 1024
    url = urlsplit(_session(alice, msg["id"], size)["uploadUrl"])
    target = f"{url.path}?{url.query}"
    smuggled = "DELETE " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"  # would cancel the session if ever read
    for refused in (f"Authorization: Bearer x\r\nContent-Range: bytes 0-{len(smuggled) - 1}/{size}\r\n",
                    f"Content-Range: bytes 100-{99 + len(smuggled)}/{size}\r\n",  # out of order
                    f"Content-Range: bytes 0-{len(smuggled) - 1}/{size + 1}\r\n"):  # the wrong total
        answer = _raw(graph_sandbox, (f"PUT {target} HTTP/1.1\r\nHost: x\r\n{refused}"
                                      f"Content-Length: {len(smuggled)}\r\n\r\n{smuggled}").encode())
        assert b"Connection: close" in answer and answer.count(b"HTTP/1.1 ") == 1, answer
    answer = _raw(graph_sandbox, f"PUT {target} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                                 "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 400") and b"Connection: close" in answer
    answer = _raw(graph_sandbox, f"PUT {target} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                 f"Content-Range: bytes 0-4/{size}\r\n\r\n5\r\nhello\r\n0\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 411") and b"Connection: close" in answer
    assert b"authtoken" not in answer and url.query.split("=", 1)[1].encode() not in answer
    with httpx.Client(trust_env=False) as c:  # pieces on one kept-alive connection
        full = f"{url.scheme}://{url.netloc}{target}"
        for start in range(0, size, 1024 * 1024):
            r = c.put(full, content=b"z" * (1024 * 1024), headers={
                "Content-Range": f"bytes {start}-{start + 1024 * 1024 - 1}/{size}", "Expect": "100-continue"})
            assert r.status_code in (200, 201) and r.headers.get("connection") != "close", r.text
    assert r.status_code == 201


def test_attachments_under_a_folder_path(graph_sandbox, alice):
    msg = _draft(alice)
    base = f"/me/mailFolders/drafts/messages/{msg['id']}/attachments"
    att = alice.post(base, json=_file(isInline=True, contentId="pic1")).json()
    [listed] = alice.get(base).json()["value"]
    assert listed["id"] == att["id"] and listed["isInline"] is True and listed["contentId"] == "pic1"
    assert alice.get(f"{base}/{att['id']}/$value").content == b"hello attachment"
    assert alice.delete(f"{base}/{att['id']}").status_code == 204


def test_a_dropped_or_refused_piece_is_resumed_from_the_sessions_state(graph_sandbox, alice):
    size = 3 * 1024 * 1024
    data = os.urandom(size)
    msg = _draft(alice)
    url = _session(alice, msg["id"], size)["uploadUrl"]
    faults = graph_sandbox.faults
    faults.inject("UploadAttachmentPiece", "http_503", retry_after=2)
    r = _put(url, data[:SMALL], 0, size)
    assert r.status_code == 503 and r.headers["retry-after"] == "2"
    faults.inject("UploadAttachmentPiece", "drop_before_commit")
    with pytest.raises(httpx.TransportError):
        _put(url, data[:SMALL], 0, size)
    assert httpx.get(url, trust_env=False).json()["nextExpectedRanges"] == ["0"]  # not kept
    faults.inject("UploadAttachmentPiece", "drop_after_commit")
    with pytest.raises(httpx.TransportError):
        _put(url, data[:SMALL], 0, size)
    state = httpx.get(url, trust_env=False).json()
    assert state["nextExpectedRanges"] == [str(SMALL)]  # kept: the client goes on from there
    assert _put(url, data[:SMALL], 0, size).status_code == 416
    assert _put(url, data[SMALL:], SMALL, size).status_code == 201
    assert faults.fired[-3:] == [("UploadAttachmentPiece", "http_503"), ("UploadAttachmentPiece", "drop_before_commit"),
                                 ("UploadAttachmentPiece", "drop_after_commit")]
    assert "graph:UploadAttachmentPiece" in graph_sandbox.request_log
    [att] = alice.get(f"/me/messages/{msg['id']}/attachments", params={"$select": "size"}).json()["value"]
    assert att["size"] == size


def test_has_attachments_leaves_inline_pictures_out_as_graph_documents(graph_sandbox, alice):
    """Graph: "hasAttachments ... doesn't include inline attachments, so if a message contains only inline
    attachments, this property is false." Posted inline with the new message, and added afterwards."""
    logo = _file("logo.png", b"\x89PNG", contentType="image/png", isInline=True, contentId="logo@x")
    only_inline = alice.post("/me/messages", json=draft_body(subject="inline only", attachments=[logo])).json()
    assert only_inline["hasAttachments"] is False
    later = _draft(alice, subject="real file")
    assert alice.post(f"/me/messages/{later['id']}/attachments", json=_file()).status_code == 201
    assert alice.get(f"/me/messages/{later['id']}").json()["hasAttachments"] is True
    found = alice.get("/me/mailFolders/drafts/messages", params={"$filter": "hasAttachments eq true"}).json()
    assert [m["subject"] for m in found["value"]] == ["real file"]
    atts = alice.get(f"/me/messages/{only_inline['id']}/attachments").json()["value"]
    assert [(a["name"], a["isInline"]) for a in atts] == [("logo.png", True)]  # it is there all the same
