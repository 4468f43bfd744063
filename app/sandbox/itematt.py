"""Item attachments (t:ItemAttachment: a message attached to a message, "forward as attachment").

Stored in the attachments table with kind "ItemAttachment"; the content is JSON: {"item": the attached
item's fields, "atts": its own file attachments (content in base64)}. GetAttachment answers the item in full
(all properties, no ItemId: an attached item is not in a folder); on the wire it is a message/rfc822 part.
"""

from __future__ import annotations

import base64
import json

from .itemfields import Shape
from .itemxml import mime_bytes, parse_item, render_item
from .soap import EwsError, t

KIND = "ItemAttachment"


def _pack(fields: dict, atts: list[dict]) -> bytes:
    inner = [{"name": a.get("name"), "content_type": a.get("content_type"), "content_id": a.get("content_id"),
              "is_inline": bool(a.get("is_inline")), "content": base64.b64encode(a.get("content") or b"").decode()}
             for a in atts if a.get("kind") != KIND]
    return json.dumps({"item": {k: v for k, v in fields.items() if k != "_error"}, "atts": inner}).encode()


def unpack(content: bytes) -> tuple[dict, list[dict]]:
    """Stored content -> (the attached item's fields, its file attachments with their bytes)."""
    payload = json.loads(content or b"{}")
    atts = [dict(a, content=base64.b64decode(a.get("content") or "")) for a in payload.get("atts") or []]
    for a in atts:
        a["size"] = len(a["content"])
    return payload.get("item") or {}, atts


def prepare(att: dict) -> dict:
    """A parsed t:ItemAttachment (parse_attachments: ``item_xml`` holds its t:Message / t:Item) made ready to
    store: content packed, a name taken from the attached item's subject when none was given."""
    from .mime import parse_mime  # mime builds item attachments with unpack(): imported here, not above

    el = att.pop("item_xml", None)
    fields, atts = {}, []
    if el is not None:
        fields, atts, mime = parse_item(el)
        if "_error" in fields:
            raise fields["_error"]
        if mime is not None:
            mfields, matts = parse_mime(mime_bytes(mime))
            fields, atts = {**mfields, **fields}, matts + atts
    if any(a.get("kind") == KIND for a in atts):
        raise EwsError("ErrorInvalidRequest", "An attached item cannot itself hold item attachments here.")
    fields.setdefault("ItemClass", "IPM.Note")
    fields["_has_attachments"] = bool(atts)
    att["content"] = _pack(fields, atts)
    att["kind"] = KIND
    if not att.get("name"):
        att["name"] = fields.get("Subject") or "Untitled"
    return att


def from_mime_part(name: str, fields: dict, atts: list[dict]) -> dict:
    """A message/rfc822 part of an uploaded MIME message as an item attachment."""
    fields = dict(fields, ItemClass="IPM.Note", _has_attachments=bool(atts))
    return {"kind": KIND, "name": name or fields.get("Subject") or "Untitled", "content_type": None,
            "content_id": None, "is_inline": False, "content": _pack(fields, atts)}


def render_content(fa, att: dict):
    """Append the attached item (t:Message, its own file attachments with their content) to a
    t:ItemAttachment element."""
    fields, atts = unpack(att["content"])
    render_item(fa, {"key": None, "change_key": None, "data": fields}, Shape(base="AllProperties"), atts=atts)
    return fa.find(t("Message"))
