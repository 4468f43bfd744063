"""Issue 74, the fuzz residue of the sandbox's front ends, as regression tests over real HTTP: a MIME Date whose
hour or year is beyond a C integer (the sandbox's own date reader missed the client's fix: now both call
app.domain.dates), an AQS size beyond SQLite's integer (numbers are bound before they reach SQLite), and a
request line http.server cannot read (an HTTP/2 preface was answered without a status line) on every listener.
"""

from __future__ import annotations

import base64
import re
import socket
import ssl
from urllib.parse import urlsplit

import pytest

from tests.helpers.eml_attacks import HOSTILE_DATES
from tests.helpers.graph_clients import client
from tests.helpers.soap import post

RESOLVE = '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>'
OVERFLOWING = [b"Mon, 1 Jan 2020 9999999999:00:00 +0000", b"1 Jan 99999999999999999999 00:00:00 +0000",
               *HOSTILE_DATES]


def _code(content: bytes) -> str:
    found = re.findall(rb"<(?:m|e):ResponseCode[^>]*>([^<]+)<", content)
    assert found, content[:2000]
    return found[0].decode()


def _mime(date: bytes) -> bytes:
    return (b"From: alice@example.com\r\nTo: bob@example.com\r\nSubject: far\r\nDate: " + date
            + b"\r\n\r\nbody\r\n")


@pytest.mark.parametrize("date", OVERFLOWING)
def test_an_overflowing_mime_date_is_left_out_over_ews(sandbox, date):
    r = post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId '
                      'Id="drafts"/></m:SavedItemFolderId><m:Items><t:Message><t:MimeContent CharacterSet="UTF-8">'
                      f"{base64.b64encode(_mime(date)).decode()}</t:MimeContent></t:Message></m:Items>"
                      "</m:CreateItem>")
    assert r.status_code == 200 and _code(r.content) == "NoError", r.content[:500]
    assert _code(post(sandbox, RESOLVE).content) == "NoError"


@pytest.mark.parametrize("date", OVERFLOWING[:2])
def test_an_overflowing_mime_date_is_left_out_over_graph(sandbox_factory, date):
    sb = sandbox_factory(graph=True)
    with client(sb) as alice:
        r = alice.post("/me/messages", content=base64.b64encode(_mime(date)), headers={"Content-Type": "text/plain"})
        assert r.status_code == 201, r.text
        assert r.json()["subject"] == "far"


def _find_count(sb, aqs: str) -> str:
    r = post(sb, '<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape>'
                 '<m:ParentFolderIds><t:DistinguishedFolderId Id="drafts"/></m:ParentFolderIds>'
                 f"<m:QueryString>{aqs}</m:QueryString></m:FindItem>")
    assert r.status_code == 200 and _code(r.content) == "NoError", (aqs, r.content[:500])
    return re.search(rb'TotalItemsInView="(\d+)"', r.content)[1].decode()


def test_an_aqs_size_beyond_sqlites_integer_answers_as_the_number_would(sandbox):
    post(sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId '
                  'Id="drafts"/></m:SavedItemFolderId><m:Items><t:Message><t:Subject>s</t:Subject></t:Message>'
                  "</m:Items></m:CreateItem>")
    huge = "9" * 30
    assert _find_count(sandbox, f"size:&gt;{huge}") == "0"
    assert _find_count(sandbox, f"size:&lt;{huge}") == "1"
    assert _find_count(sandbox, f"size:&gt;-{huge}") == "1"
    assert _find_count(sandbox, f"size:0..{huge}") == "1"
    assert _find_count(sandbox, f"size:{huge}") == "0"


def _raw(host: str, port: int, data: bytes, tls: bool) -> bytes:
    sock = socket.create_connection((host, port), timeout=15)
    if tls:  # the authority's own certificate; what is checked here is the HTTP answer inside it
        ctx = ssl.create_default_context()
        ctx.check_hostname, ctx.verify_mode = False, ssl.CERT_NONE
        sock = ctx.wrap_socket(sock, server_hostname=host)
    with sock:
        sock.sendall(data)
        out = b""
        while chunk := sock.recv(65536):
            out += chunk
    return out


BAD_LINES = [b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", b"GET\r\n\r\n", b"GET / x HTTP/1.1\r\n\r\n", b"GET / HTTP/1.x\r\n\r\n",
             b"GET / HTTP/9.9\r\n\r\n", b"GET /\r\n\r\n", b"\x16\x03\x01\x00\r\n\r\n"]


@pytest.mark.parametrize("line", BAD_LINES)
def test_every_listener_answers_a_malformed_request_line_with_an_http11_status_line(sandbox_factory, line):
    sb = sandbox_factory(graph=True)
    listeners = [("ews", sb.ews_url, sb.tls), ("uploads", sb.uploads.origin, sb.uploads.origin.startswith("https")),
                 ("authority", sb.authority.url, True)]
    for name, url, tls in listeners:
        parts = urlsplit(url)
        out = _raw(parts.hostname, parts.port, line, tls)
        assert re.match(rb"HTTP/1\.1 [45]\d\d ", out), (name, line, out[:200])
        assert b"\r\nConnection: close\r\n" in out, (name, out[:300])
