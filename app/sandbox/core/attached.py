"""Item attachments as the store keeps them (a message attached to a message, "forward as attachment").

Stored in the attachments table with kind "ItemAttachment"; the content is JSON: {"item": the attached
item's fields, "atts": its own file attachments (content in base64)}. Each front end parses and renders
them its own way (EWS: ews/itematt.py); in MIME they are message/rfc822 parts (mime.py).
"""

from __future__ import annotations

import base64
import json

KIND = "ItemAttachment"


def to_json(a: dict) -> dict:
    """A stored attachment as JSON keeps it: its name, content type and id, whether it is inline, its content in
    base64 (an item attachment's packed item, and Data's attachments, transfer.py)."""
    return {"name": a.get("name"), "content_type": a.get("content_type"), "content_id": a.get("content_id"),
            "is_inline": bool(a.get("is_inline")), "content": base64.b64encode(a.get("content") or b"").decode()}


def pack(fields: dict, atts: list[dict]) -> bytes:
    inner = [to_json(a) for a in atts if a.get("kind") != KIND]
    return json.dumps({"item": {k: v for k, v in fields.items() if k != "_error"}, "atts": inner}).encode()


def unpack(content: bytes) -> tuple[dict, list[dict]]:
    """Stored content -> (the attached item's fields, its file attachments with their bytes)."""
    payload = json.loads(content or b"{}")
    atts = [dict(a, content=base64.b64decode(a.get("content") or "")) for a in payload.get("atts") or []]
    for a in atts:
        a["size"] = len(a["content"])
    return payload.get("item") or {}, atts


def from_mime_part(name: str, fields: dict, atts: list[dict]) -> dict:
    """A message/rfc822 part of an uploaded MIME message as an item attachment."""
    fields = dict(fields, ItemClass="IPM.Note", _has_attachments=bool(atts),
                  _has_visible_attachments=any(not a.get("is_inline") for a in atts))
    return {"kind": KIND, "name": name or fields.get("Subject") or "Untitled", "content_type": None,
            "content_id": None, "is_inline": False, "content": pack(fields, atts)}
