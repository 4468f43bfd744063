"""Item attachments over EWS (t:ItemAttachment: a message attached to a message, "forward as attachment"):
parsed from and rendered to XML; how they are stored is core/attached.py.

GetAttachment answers the item in full (all properties, no ItemId: an attached item is not in a folder); in
MIME it is a message/rfc822 part.
"""

from __future__ import annotations

from ..core.attached import KIND, pack, unpack
from ..core.errors import MailboxError
from ..core.mime import parse_mime
from .itemfields import Shape
from .itemxml import mime_bytes, parse_item, render_item
from .soap import t


def prepare(att: dict) -> dict:
    """A parsed t:ItemAttachment (parse_attachments: ``item_xml`` holds its t:Message / t:Item) made ready to
    store: content packed, a name taken from the attached item's subject when none was given."""
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
        raise MailboxError("ErrorInvalidRequest", "An attached item cannot itself hold item attachments here.")
    fields.setdefault("ItemClass", "IPM.Note")
    fields["_has_attachments"] = bool(atts)
    att["content"] = pack(fields, atts)
    att["kind"] = KIND
    if not att.get("name"):
        att["name"] = fields.get("Subject") or "Untitled"
    return att


def render_content(fa, att: dict):
    """Append the attached item (t:Message, its own file attachments with their content) to a
    t:ItemAttachment element."""
    fields, atts = unpack(att["content"])
    render_item(fa, {"key": None, "change_key": None, "data": fields}, Shape(base="AllProperties"), atts=atts)
    return fa.find(t("Message"))
