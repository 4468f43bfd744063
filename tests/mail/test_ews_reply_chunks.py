"""exchangelib parses each EWS reply with ``to_xml(response.iter_content())``, whose default chunk is one
byte: a 1 MB reply costs ~0.4 s of CPU that way, 10 MB ~4 s (in the mail engine's process). The connection
hands a reply already read into memory over in 64 KB chunks, through requests' public response hook
(app.mail.ews.connection.in_chunks) — no class swap, no private flag. Real sandbox, real exchangelib."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from app.domain.account import AccountConfig
from app.mail.ews.connection import RESPONSE_FIELDS as FIELDS
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


def test_the_hook_carries_every_public_attribute_of_requests_reply_over(sandbox):
    """requests is pinned for in_chunks' copy (pyproject.toml): a requests whose replies have a public
    attribute the copy leaves behind fails here, before a reply loses it."""
    seen = []
    with requests.Session() as session:
        session.hooks["response"] = [lambda r, **_kw: seen.append(r), in_chunks]  # the first sees requests' own reply
        user = next(a for a in sandbox.accounts if a["email"] == ALICE)
        reply = session.post(sandbox.ews_url, data=GET_DRAFTS, headers=SOAP,
                             auth=(user.get("username") or ALICE, user["password"]))
    original = seen[0]
    public = {k for k in vars(original) if not k.startswith("_")}
    assert public == set(FIELDS), f"requests' reply has {sorted(public - set(FIELDS))} the copy leaves behind"
    assert all(getattr(reply, k) is getattr(original, k) for k in FIELDS)
    assert reply.in_memory and len(reply.content) > 64  # read once, by requests, through the copy
