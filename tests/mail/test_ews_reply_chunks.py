"""exchangelib parses each EWS reply with ``to_xml(response.iter_content())``, whose default chunk is one
byte: a 1 MB reply costs ~0.4 s of CPU that way, 10 MB ~4 s (in the mail engine's process). The connection
hands a reply already read into memory over in 64 KB chunks, through requests' public response hook
(app.mail.ews.connection.in_chunks), which wraps the reply — no class swap, no copy of requests' attributes,
no private flag. Real sandbox, real exchangelib."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from app.domain.account import AccountConfig
from app.mail.ews.connection import EwsConnection, InMemoryResponse, in_chunks

pytestmark = pytest.mark.sandbox
ALICE = "alice@example.com"
#: a schema-valid EWS request as exchangelib sends it (GetFolder of Drafts), captured
GET_DRAFTS = (Path(__file__).resolve().parents[1] / "resources" / "ews-captures" / "03_GetFolder_drafts.request.xml").read_bytes()
SOAP = {"Content-Type": "text/xml; charset=utf-8"}


def _connection(sb) -> EwsConnection:
    user = next(a for a in sb.accounts if a["email"] == ALICE)
    return EwsConnection(AccountConfig(email=ALICE, ews_url=sb.ews_url, username=user.get("username") or ALICE),
                         user["password"])


def test_the_connections_sessions_hand_a_whole_reply_over_in_large_chunks(sandbox):
    conn = _connection(sandbox)
    try:
        session = conn.protocol.get_session()
        try:
            reply = session.post(sandbox.ews_url, data=GET_DRAFTS, headers=SOAP, allow_redirects=False)
        finally:
            conn.protocol.release_session(session)
        assert isinstance(reply, InMemoryResponse) and reply.in_memory
        assert reply.status_code == 200 and len(reply.content) > 64
        chunks = list(reply.iter_content())  # exchangelib's call: no chunk size
        assert chunks == [reply.content]  # one chunk, not len(content) chunks of one byte
    finally:
        conn.close()


def test_a_streamed_reply_is_left_as_requests_streams_it(sandbox):
    with requests.Session() as session:
        session.hooks["response"].append(in_chunks)
        user = next(a for a in sandbox.accounts if a["email"] == ALICE)
        reply = session.post(sandbox.ews_url, data=GET_DRAFTS, headers=SOAP, stream=True,
                             auth=(user.get("username") or ALICE, user["password"]))
        assert isinstance(reply, InMemoryResponse) and not reply.in_memory
        first = next(reply.iter_content())
        assert len(first) == 1  # requests' own default, untouched
        reply.close()


#: what requests' Response defines on its class that the wrapper needs not: construction, pickling (a reply
#: is not pickled on its way to exchangelib), Python 2's truth, and the class's own bookkeeping
NOT_PASSED_ON = {"__init__", "__getstate__", "__setstate__", "__nonzero__", "__attrs__", "__annotations__", "__dict__",
                 "__doc__", "__module__", "__weakref__"}


def test_the_hooks_reply_is_requests_reply_itself_read_and_written_through(sandbox):
    """Every public attribute of requests' reply reads the same through the hook's reply (nothing copied:
    a requests with one more attribute loses nothing), what requests sets on it after the hooks lands on
    requests' reply, and what Python looks up on the class (truth, iteration, ``with``) is passed on."""
    seen = []
    with requests.Session() as session:
        session.hooks["response"] = [lambda r, **_kw: seen.append(r), in_chunks]  # the first sees requests' own reply
        user = next(a for a in sandbox.accounts if a["email"] == ALICE)
        reply = session.post(sandbox.ews_url, data=GET_DRAFTS, headers=SOAP,
                             auth=(user.get("username") or ALICE, user["password"]))
    original = seen[0]
    public = [k for k in vars(original) if not k.startswith("_")]
    assert public and all(getattr(reply, k) is getattr(original, k) for k in public)
    assert reply.in_memory and len(reply.content) > 64 and reply.content is original.content  # read once, by requests
    assert reply.ok and bool(reply) and reply.text == original.text and reply.next is None
    reply.encoding = "utf-8"  # set through the hook's reply: set on requests' own
    assert original.encoding == "utf-8"
    assert b"".join(reply) == reply.content and repr(reply) == repr(original)
    on_class = {k for k in vars(requests.Response) if k.startswith("__")} - NOT_PASSED_ON
    assert on_class <= set(vars(InMemoryResponse)), f"not passed on: {sorted(on_class - set(vars(InMemoryResponse)))}"
    with reply as same:
        assert same is reply
