"""A reply's conversation index computed on the client as Outlook does (app/domain/threads.py), checked against
the layout of [MS-OXOMSG] 2.2.1.3 PidTagConversationIndex; Reply all / Forward carry it, Edit as new does not;
the journal and an .eml keep it (Thread-Index, Thread-Topic). No Qt, no server."""

from __future__ import annotations

import base64
import datetime as _dt
import email
import email.policy
import uuid

import pytest

from app.domain import follow_up, threads
from app.domain.eml import to_eml
from app.domain.eml_read import read_eml
from app.domain.models import Draft, ItemRef, Recipient
from app.storage.draft_codec import draft_from_json, draft_to_json

ME = Recipient("alice@example.com", "Alice")
GUID = uuid.UUID("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0").bytes
EPOCH = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)
#: a header time (the 40 high bits of a FILETIME of 2026-11-27), a multiple of 5 so the FILETIME is whole microseconds
HIGH40 = (134_089_000_000_000_000 >> 24) // 5 * 5
START = HIGH40 << 24


def _header() -> bytes:
    return b"\x01" + HIGH40.to_bytes(5, "big") + GUID


def _at(filetime: int) -> _dt.datetime:
    """The datetime of ``filetime`` rounded up to a whole microsecond (under 10 units: no bit a block keeps)."""
    return EPOCH + _dt.timedelta(microseconds=-(-filetime // 10))


def test_the_header_time_is_a_filetime_and_a_child_block_is_dc_time_delta_random():
    assert threads.filetime(_at(START)) == START
    parent = _header()
    child = threads.child_index(parent, _at(START + (5 << 18)), 0xA7)
    # under 2**49 (1.7 years): DC 0, Time Delta = TimeDiff's bits 18..48, then the random byte
    assert child == parent + bytes([0x00, 0x00, 0x00, 0x05, 0xA7])
    late = threads.child_index(parent, _at(START + (1 << 49) + (7 << 23)), 0x01)
    # from 2**49 on: DC 1, Time Delta = bits 23..53
    assert late == parent + (0x80000000 | (1 << 26) | 7).to_bytes(4, "big") + b"\x01"


def test_a_reply_to_a_reply_adds_a_block_measured_from_the_header_not_the_last_block():
    first = threads.child_index(_header(), _at(START + (3 << 18)), 0x10)
    second = threads.child_index(first, _at(START + (9 << 18)), 0x20)
    assert second == first + bytes([0, 0, 0, 9, 0x20]) and len(second) == 22 + 2 * 5
    assert threads.conversation_guid(second) == GUID == threads.conversation_guid(_header())


@pytest.mark.parametrize("raw", [b"", b"\x01" * 21, _header()[:-1], _header() + b"\0\0\0\0", b"\x02" + _header()[1:]])
def test_what_is_no_index_is_refused(raw):
    assert not threads.is_index(raw)
    with pytest.raises(ValueError):
        threads.child_index(raw, _at(START), 0)


def _sent(**kw) -> Draft:
    return Draft(to=[Recipient("bob@example.com")], subject="RE: Numbers", body="Q3.", ref=ItemRef("AAMk", "CK"),
                 internet_message_id="<orig@example.com>", thread_index=_header(), thread_topic="Numbers", **kw)


def test_reply_all_and_forward_carry_the_originals_index_plus_one_block_and_its_topic():
    now = _at(START + (5 << 18))
    for d in (follow_up.reply_all(_sent(), own=[], sender=ME, sent=None, now=now),
              follow_up.forward(_sent(), sender=ME, sent=None, now=now)):
        assert d.thread_index[:22] == _header() and d.thread_index[22:26] == bytes([0, 0, 0, 5])
        assert len(d.thread_index) == 27 and d.thread_topic == "Numbers"
    # an original read without a topic: the normalized subject (MS-OXOMSG 2.2.1.5)
    r = follow_up.forward(_sent().copy(thread_topic="", subject="RE: FW: Numbers"), sender=ME, sent=None, now=now)
    assert r.thread_topic == "Numbers"
    # no index on the original: none made up (the server threads it from In-Reply-To)
    bare = follow_up.reply_all(_sent().copy(thread_index=b""), own=[], sender=ME, sent=None, now=now)
    assert (bare.thread_index, bare.thread_topic, bare.in_reply_to) == (b"", "", "<orig@example.com>")
    n = follow_up.edit_as_new(_sent())
    assert (n.thread_index, n.thread_topic) == (b"", "")


def test_the_journal_keeps_the_index_and_an_old_journal_still_loads():
    r = follow_up.reply_all(_sent(), own=[], sender=ME, sent=None, now=_at(START + (5 << 18)))
    back = draft_from_json(r.local_id, draft_to_json(r), [])
    assert (back.thread_index, back.thread_topic) == (r.thread_index, r.thread_topic)
    old = '{"to": [["bob@example.com", ""]], "subject": "s", "body_format": "Text", "importance": "Normal"}'
    assert (draft_from_json("x", old, []).thread_index, draft_from_json("x", old, []).thread_topic) == (b"", "")


def test_an_eml_carries_thread_index_and_thread_topic_both_ways():
    r = follow_up.forward(_sent(), sender=ME, sent=None, now=_at(START + (5 << 18)))
    raw = to_eml(r.copy(thread_topic="Zahlen für Q3"), sender=ME)
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert base64.b64decode(msg["Thread-Index"]) == r.thread_index and msg["Thread-Topic"] == "Zahlen für Q3"
    back = read_eml(raw, max_bytes=1 << 20).draft
    assert (back.thread_index, back.thread_topic) == (r.thread_index, "Zahlen für Q3")
    bad = raw.replace(msg["Thread-Index"].encode(), base64.b64encode(b"\x01short"))
    got = read_eml(bad, max_bytes=1 << 20)
    assert got.draft.thread_index == b"" and any("Thread-Index" in n for n in got.notes)
