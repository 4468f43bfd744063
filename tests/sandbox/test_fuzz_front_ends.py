"""Issue 65: a seeded Hypothesis fuzz of the sandbox's two front ends (EWS and Graph), over real HTTP on loopback.

Per input, the contract: a SOAP fault (never ErrorInternalServerError) or a 4xx for bad input, never a 5xx or
an answer later than 15 s (or none); never a word of another user's mailbox (Bob's subject, planted first) in
Alice's answer; and a normal request still answered afterwards. Inputs: mutated real requests, deep nesting,
many attributes and siblings, hostile AQS and $filter text built from their tokens, dates at the ends of
time, MIME uploads whose Date is beyond a C integer and AQS sizes beyond SQLite's (issue 74), JSON of any
shape and depth, $batch envelopes, and header sections with a space before a colon. A malformed request line
(an HTTP/2 preface) on every listener is tests/sandbox/test_fuzz_residue.py's.

A few hundred inputs by default (marked slow: out of the quick tier), thousands with ``--soak``. The counts
are printed and written to tests/out/fuzz-front-ends.json; ``python scripts/gen_docs.py --collect`` copies them
to tests/resources/fuzz/front-ends.json, which docs/security.md's table is generated from.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import uuid
from collections import Counter
from pathlib import Path

import httpx
import pytest
import requests
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from app.sandbox.ews import soap as sandbox_soap
from app.sandbox.graph import odata
from tests.helpers.graph_clients import client
from tests.helpers.soak import size
from tests.helpers.soap import SOAP

pytestmark = [pytest.mark.slow, pytest.mark.soak]

EXAMPLES = size(150, 1500)  # per front end
OUT = Path(__file__).resolve().parents[1] / "out" / "fuzz-front-ends.json"
TIMEOUT = 15.0
RESOLVE = '<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>'
FIND = ('<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>'
        '{extra}<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindItem>')
SEEDS = [RESOLVE, FIND.format(extra=""),
         FIND.format(extra='<m:Restriction><t:IsGreaterThan><t:FieldURI FieldURI="item:DateTimeReceived"/>'
                           '<t:FieldURIOrConstant><t:Constant Value="2020-01-01T00:00:00Z"/></t:FieldURIOrConstant>'
                           "</t:IsGreaterThan></m:Restriction>"),
         '<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="AAMk"/>'
         "</m:ItemIds></m:GetItem>",
         '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>s</t:Subject></t:Message>'
         "</m:Items></m:CreateItem>"]
EXTREME_DATES = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0000-00-00T00:00:00Z",
                 "2020-02-30T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "1-1-1", "2020-01-01T25:61:61Z", ""]
#: RFC 5322 dates of the ends of time and beyond a C integer (issue 74: the sandbox's MIME reader raised on them)
MIME_DATES = [b"Mon, 1 Jan 2020 9999999999:00:00 +0000", b"1 Jan 99999999999999999999 00:00:00 +0000",
              b"Fri, 31 Dec 9999 23:59:59 -0100", b"1 Jan 2 0:0:99999999999999999999", b"Fri, 31 Feb 2026 25:61:61 +9999",
              b"", b"x"]
AQS_TOKENS = ["(", ")", "NOT", "AND", "OR", "-", "subject:", "received:", "sent:>=", "size:>", "12/31/9999",
              "size:99999999999999999999", "size:<-99999999999999999999", "size:0..99999999999999999999",
              "01/01/0001", "9999-12-31", "today", "x", '"a b"*', '"', "kind:email", "10:30", "..", "importance:high"]
FILTER_TOKENS = ["(", ")", "not", "and", "or", "eq", "ne", "gt", "subject", "isRead", "receivedDateTime",
                 "'x'", "''", "true", "1", ",", "contains(subject,'a')", "startswith(", "0001-01-01T00:00:00+01:00",
                 "9999-12-31T23:59:59-01:00", "importance", "'high'", "hasAttachments", "$", "/"]


def _xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _legal(s: str) -> str:
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", s)


@st.composite
def ews_bodies(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["mutated", "deep", "attributes", "siblings", "aqs", "date", "mime", "bytes"]))
    if kind == "mutated":
        base = draw(st.sampled_from(SEEDS))
        at = draw(st.integers(0, len(base)))
        junk = _legal(draw(st.text(max_size=40)))
        raw = SOAP.format(body=base[:at] + junk + base[at:]).encode()
    elif kind == "deep":
        n = draw(st.integers(100, 400))
        raw = SOAP.format(body="<t:And>" * n + "</t:And>" * n).encode()
    elif kind == "attributes":
        n = draw(st.integers(0, 300))
        attrs = " ".join(f'a{i}="x"' for i in range(n))
        raw = SOAP.format(body=f'<m:ResolveNames ReturnFullContactData="false" {attrs}><m:UnresolvedEntry>bob'
                               "</m:UnresolvedEntry></m:ResolveNames>").encode()
    elif kind == "siblings":
        n = draw(st.sampled_from([2, 100, sandbox_soap.MAX_ELEMENTS - 20, sandbox_soap.MAX_ELEMENTS + 1, 20_000]))
        raw = SOAP.format(body='<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds>'
                               + '<t:ItemId Id="AAMk"/>' * n + "</m:ItemIds></m:GetItem>").encode()
    elif kind == "aqs":
        text = " ".join(draw(st.lists(st.sampled_from(AQS_TOKENS), max_size=80)))
        if draw(st.booleans()):
            text = "(" * draw(st.integers(0, 3000)) + text
        raw = SOAP.format(body=FIND.format(extra="").replace(
            "</m:FindItem>", f"<m:QueryString>{_xml_text(text)}</m:QueryString></m:FindItem>")).encode()
    elif kind == "date":
        raw = SOAP.format(body=SEEDS[2].replace("2020-01-01T00:00:00Z",
                                                _xml_text(draw(st.sampled_from(EXTREME_DATES))))).encode()
    elif kind == "mime":
        raw = SOAP.format(body='<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:MimeContent>'
                               + base64.b64encode(_mime(draw(st.sampled_from(MIME_DATES)))).decode()
                               + "</t:MimeContent></t:Message></m:Items></m:CreateItem>").encode()
    else:
        raw = draw(st.binary(max_size=300))
    return kind, raw


def _mime(date: bytes) -> bytes:
    return b"From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: " + date + b"\r\n\r\nbody\r\n"


@st.composite
def graph_requests(draw) -> tuple[str, str, str, bytes]:
    """(kind, method, path with query, body)."""
    kind = draw(st.sampled_from(["filter", "deep-filter", "json", "deep-json", "batch", "date", "mime"]))
    if kind == "filter":
        text = " ".join(draw(st.lists(st.sampled_from(FILTER_TOKENS), max_size=60)))
        return kind, "GET", "/me/messages?" + httpx.QueryParams({"$filter": text}).__str__(), b""
    if kind == "deep-filter":
        n = draw(st.integers(1, 3000))
        text = draw(st.sampled_from(["(" * n + "isRead eq true" + ")" * n, "not " * n + "isRead eq true",
                                     " and ".join(["isRead eq true"] * n)]))
        return kind, "GET", "/me/messages?" + str(httpx.QueryParams({"$filter": text})), b""
    if kind == "date":
        when = draw(st.sampled_from(EXTREME_DATES))
        return kind, "GET", "/me/messages?" + str(httpx.QueryParams({"$filter": f"receivedDateTime ge {when}"})), b""
    if kind == "mime":
        return kind, "POST", "/me/messages", base64.b64encode(_mime(draw(st.sampled_from(MIME_DATES))))
    if kind == "json":
        doc = draw(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                                lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                                    st.sampled_from(["subject", "body", "toRecipients", "flag", "x"]), inner,
                                    max_size=4), max_leaves=30))
        return kind, "POST", "/me/messages", json.dumps(doc).encode()
    if kind == "deep-json":
        n = draw(st.integers(10, 200_000))
        return kind, "POST", "/me/messages", b"[" * n + b"]" * n
    inner = draw(st.integers(1, 100_000))
    body = draw(st.sampled_from([b'{"requests": ' + b"[" * inner + b"]" * inner + b"}",
                                 b'{"requests": [{"id": "1", "method": "GET", "url": "/me/messages?$filter='
                                 + b"(" * min(inner, 5000) + b'"}]}', b"{", b'{"requests": "x"}']))
    return kind, "POST", "/$batch", body


def _ews_code(content: bytes) -> str | None:
    found = re.findall(rb"<(?:m|e):ResponseCode[^>]*>([^<]+)<", content)
    return found[0].decode() if found else None


def _ews_post(sb, raw: bytes, head_line: str | None = None) -> tuple[int, bytes]:
    u = next(a for a in sb.accounts if a["email"] == "alice@example.com")
    if head_line is None:
        r = requests.post(sb.ews_url, data=raw, headers={"Content-Type": "text/xml; charset=utf-8"},
                          auth=(u["username"], u["password"]), timeout=TIMEOUT)
        return r.status_code, r.content
    auth = base64.b64encode(f"{u['username']}:{u['password']}".encode()).decode()
    head = (f"POST /EWS/Exchange.asmx HTTP/1.1\r\nHost: 127.0.0.1:{sb.port}\r\n{head_line}\r\n"
            f"Authorization: Basic {auth}\r\nContent-Type: text/xml\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", sb.port), timeout=TIMEOUT) as s:
        s.sendall(head + b"0\r\n\r\n" + raw)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    return int(out[9:12]), out


def _graph_invalid(validator, body: bytes, method: str, path: str, ctype: str) -> bool:
    """Whether the suite's Graph check refuses this request body (an error inside it, such as the schema
    library's recursion on JSON thousands deep, counts as a refusal, as it does when the check runs)."""
    try:
        return bool(validator.problems("request", body, method=method, path=path, content_type=ctype))
    except Exception:  # noqa: BLE001
        return True


def _record(front: str, counts: Counter) -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    data[front] = dict(sorted(counts.items()))
    data["examples_per_front_end"] = EXAMPLES
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    print(f"\nfuzz {front}: {dict(sorted(counts.items()))}")


def _plant_bobs_secret(sb) -> str:
    secret = f"BOB-SECRET-{uuid.uuid4().hex}"
    u = next(a for a in sb.accounts if a["email"] == "bob@example.com")
    body = ('<m:CreateItem MessageDisposition="SaveOnly"><m:SavedItemFolderId><t:DistinguishedFolderId Id="inbox"/>'
            f"</m:SavedItemFolderId><m:Items><t:Message><t:Subject>{secret}</t:Subject></t:Message></m:Items>"
            "</m:CreateItem>")
    r = requests.post(sb.ews_url, data=SOAP.format(body=body).encode(), auth=(u["username"], u["password"]),
                      headers={"Content-Type": "text/xml; charset=utf-8"}, timeout=60)
    assert _ews_code(r.content) == "NoError"
    return secret


def test_fuzz_ews_front_end(sandbox, wire_validator):
    secret = _plant_bobs_secret(sandbox)
    counts: Counter = Counter()

    @seed(65)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(case=ews_bodies(), head=st.sampled_from([None] * 9 + ["Transfer-Encoding : chunked"]))
    def one(case, head):
        kind, raw = case
        if head is None and raw and wire_validator.problems("request", raw):
            wire_validator.expect_broken(raw)
        status, content = _ews_post(sandbox, raw, head)
        code = _ews_code(content)
        assert status < 500 or (status == 500 and code not in (None, "ErrorInternalServerError")), \
            (kind, status, content[:500])
        assert secret.encode() not in content
        counts["inputs"] += 1
        counts["soap fault" if status == 500 else f"{status // 100}xx"] += 1
        st_ok, ok = _ews_post(sandbox, SOAP.format(body=RESOLVE).encode())
        assert st_ok == 200 and _ews_code(ok) == "NoError", "a normal request after the input was not answered"

    one()
    _record("ews", counts)
    assert counts["inputs"] == EXAMPLES


def test_fuzz_graph_front_end(sandbox_factory, graph_wire_validator):
    sb = sandbox_factory(graph=True)
    secret = _plant_bobs_secret(sb)
    counts: Counter = Counter()
    with client(sb) as alice:

        @seed(65)
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=graph_requests())
        def one(case):
            kind, method, path, body = case
            ctype = "text/plain" if kind == "mime" else "application/json"
            if body and _graph_invalid(graph_wire_validator, body, method, "/v1.0" + path, ctype):
                graph_wire_validator.expect_broken(body, method=method, path="/v1.0" + path.split("?")[0])
            r = alice.request(method, path, content=body or None,
                              headers={"Content-Type": ctype} if body else {}, timeout=TIMEOUT)
            assert r.status_code < 500, (kind, path[:300], r.status_code, r.text[:500])
            assert secret not in r.text
            counts["inputs"] += 1
            counts[f"{r.status_code // 100}xx"] += 1
            assert alice.get("/me/messages", params={"$top": "1"}).status_code == 200, \
                "a normal request after the input was not answered"

        one()
    _record("graph", counts)
    assert counts["inputs"] == EXAMPLES
    assert odata.MAX_FILTER_TERMS  # the limits the deep inputs cross
