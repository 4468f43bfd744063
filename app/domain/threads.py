"""A reply's place in its conversation as Outlook computes it on the client. No Qt.

Outlook sets a reply's or forward's PidTagConversationIndex itself (MAPI ScCreateConversationIndex: "It is a
client's responsibility to set PR_CONVERSATION_INDEX for each outgoing message", learn.microsoft.com
office/client-developer/outlook/mapi/tracking-conversations), so Exchange files the sender's Sent copy and
every recipient's copy into the original's conversation (the conversation's id comes from the index's GUID).
The layout is [MS-OXOMSG] 2.2.1.3 PidTagConversationIndex:

- a 22-byte header: a reserved byte 0x01, the 40 high bits of a FILETIME (big-endian), a 16-byte GUID;
- per reply a 5-byte child block: DC (1 bit) and Time Delta (31 bits), from TimeDiff, the time now less the
  header's time: when TimeDiff < 2**49 (its high part AND 0x00FE0000 is 0) DC is 0 and Time Delta is TimeDiff's
  bits 18..48, else DC is 1 and Time Delta is its bits 23..53; then Random (8 bits).

The sandbox keeps its own implementation of the same section (app/sandbox/core/threads.py): it is a server and
imports no client code.
"""

from __future__ import annotations

import datetime as _dt

HEADER = 22
CHILD = 5
# FILETIME's epoch: 100-nanosecond intervals since 1601-01-01 UTC ([MS-DTYP] 2.3.3)
_EPOCH = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)


def is_index(raw: bytes) -> bool:
    """Whether ``raw`` has an index's shape: the 22-byte header (reserved byte 0x01) and whole child blocks."""
    return len(raw) >= HEADER and raw[0] == 0x01 and (len(raw) - HEADER) % CHILD == 0


def filetime(when: _dt.datetime) -> int:
    """``when`` (aware) as a FILETIME: 100 ns intervals since 1601 UTC."""
    delta = when.astimezone(_dt.timezone.utc) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


def child_index(parent: bytes, now: _dt.datetime, random: int) -> bytes:
    """``parent`` with one child block for a reply written at ``now``; ``random``: the block's last byte (Outlook
    takes GetTickCount's low byte). ValueError when ``parent`` is no index."""
    if not is_index(parent):
        raise ValueError("not a conversation index")
    start = int.from_bytes(parent[1:6], "big") << 24  # the header keeps the 40 high bits of its FILETIME
    diff = max(filetime(now) - start, 0)
    if diff >> 49 == 0:
        block = (diff >> 18) & 0x7FFFFFFF
    else:
        block = (1 << 31) | ((diff >> 23) & 0x7FFFFFFF)
    return parent + block.to_bytes(4, "big") + bytes([random & 0xFF])


def conversation_guid(index: bytes) -> bytes:
    """The 16-byte GUID of ``index``'s header: what every message of the conversation shares."""
    return index[6:HEADER] if is_index(index) else b""
