"""Conversations, as Exchange keeps them: a new message's ConversationIndex, a reply's, and the conversation's id.

- A message that starts a conversation gets a 22-byte header block ([MS-OXOMSG] 2.2.1.3
  PidTagConversationIndex: a reserved byte 0x01, the five high bytes of the time, a 16-byte GUID).
- A message whose In-Reply-To names a message of the same mailbox (a reply or forward written by a client
  that sets the header, or Exchange's own response objects) joins that conversation: the parent's index plus
  a five-byte child block (delta code, 31 bits of time delta, 4 random bits, 4 bits of sequence), and the
  parent's ConversationTopic.
- The conversation's id is derived from the header block's GUID, so every message of a conversation, and
  every recipient's copy of it (the index travels with the message), shows the same one over EWS and Graph.
"""

from __future__ import annotations

import base64
import hashlib
import os
import time
import uuid

HEADER_BLOCK = 22


#: seconds from FILETIME's epoch (1601-01-01 UTC, [MS-DTYP] 2.3.3) to the Unix epoch
_FILETIME_UNIX = 11_644_473_600


def _stamp() -> int:
    """The store's clock as a FILETIME, 100 ns units since 1601 (the header block keeps its 40 high bits)."""
    return int((time.time() + _FILETIME_UNIX) * 1e7)


def new_index() -> str:
    """A header block for a message that starts a conversation (base64)."""
    return base64.b64encode(b"\x01" + _stamp().to_bytes(8, "big")[:5] + uuid.uuid4().bytes).decode()


def is_index(text: str) -> bool:
    """Whether the base64 ``text`` has an index's shape: a 22-byte header (reserved byte 0x01) and whole
    5-byte child blocks ([MS-OXOMSG] 2.2.1.3): what a client may give for its message."""
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        return False
    return len(raw) >= HEADER_BLOCK and raw[0] == 0x01 and (len(raw) - HEADER_BLOCK) % 5 == 0


def child_index(parent: str) -> str | None:
    """``parent``'s index with one more child block (base64), or None when it is not a valid index."""
    try:
        raw = base64.b64decode(parent, validate=True)
    except ValueError:
        return None
    if len(raw) < HEADER_BLOCK or (len(raw) - HEADER_BLOCK) % 5:
        return None
    start = int.from_bytes(raw[1:6] + b"\0\0\0", "big")
    delta = max(_stamp() - start, 0)
    if delta < (1 << 49):  # code 0: bits 48..18 of the delta; code 1: bits 53..23
        head = (delta >> 18) & 0x7FFFFFFF
    else:
        head = (1 << 31) | ((delta >> 23) & 0x7FFFFFFF)
    low = (os.urandom(1)[0] & 0xF0) | ((len(raw) - HEADER_BLOCK) // 5 & 0x0F)
    return base64.b64encode(raw + head.to_bytes(4, "big") + bytes([low])).decode()


def conversation_key(index: str | None, topic: str = "") -> bytes:
    """The 16 bytes a conversation is known by: its header block's GUID (the topic's digest when the item has
    no index, as an item filed before indexes were kept)."""
    if index:
        try:
            raw = base64.b64decode(index)
        except ValueError:
            raw = b""
        if len(raw) >= HEADER_BLOCK:
            return raw[6:HEADER_BLOCK]
        return hashlib.md5(index.encode()).digest()  # noqa: S324 - an id, not a secret
    return hashlib.md5((topic or "").encode()).digest()  # noqa: S324


def join_parent(store, mailbox: str, data: dict) -> None:
    """A new item whose In-Reply-To names an item of ``mailbox`` joins that item's conversation (its own
    ConversationIndex, when the client gave one, is kept)."""
    mid = (data.get("InReplyTo") or "").strip()
    if not mid or data.get("ConversationIndex"):
        return
    parent = next((p["data"] for p in store.all_in(mailbox, equal={"imid": mid}) if p["data"].get("ConversationIndex")),
                  None)
    if parent is None:
        return
    child = child_index(parent["ConversationIndex"])
    if child is not None:
        data["ConversationIndex"] = child
        data["ConversationTopic"] = parent.get("ConversationTopic") or parent.get("Subject") or ""
