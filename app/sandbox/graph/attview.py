"""An attachment as Graph shows it, and the ``$select`` of its properties: for GET .../attachments and for a
message's ``$expand=attachments`` (expand.py)."""

from __future__ import annotations

import base64

from ..core import attached
from . import attparse
from .ids import attachment_id

#: The properties only a fileAttachment has (attparse.PROPS: all of them, in the order Graph answers them).
FILE_ONLY = {"contentId", "contentLocation", "contentBytes"}


class UnknownProperty(ValueError):
    """A ``$select`` names a property attachment does not have; ``message``: Graph's words for it."""

    def __init__(self, name: str):
        self.message = f"Could not find a property named '{name}' on type 'microsoft.graph.attachment'."
        super().__init__(self.message)


def _wire_dt(stored: str | None) -> str | None:
    return None if not stored else stored[:19] + "Z"


def render(item: dict, att: dict, select: list[str] | None = None) -> dict:
    """An attachment as Graph shows it (``select``: the properties asked for; None: all of them)."""
    is_file = att["kind"] != attached.KIND
    values = {
        "id": attachment_id(item["key"], att["key"]),
        "lastModifiedDateTime": _wire_dt(att.get("modified")),
        "name": att.get("name"),
        "contentType": att.get("content_type") if is_file else None,
        "size": att["size"],
        "isInline": bool(att["is_inline"]),
        "contentId": att.get("content_id"),
        "contentLocation": None,
    }
    if is_file and "content" in att:
        values["contentBytes"] = base64.b64encode(att["content"]).decode("ascii")
    out = {"@odata.type": "#microsoft.graph.fileAttachment" if is_file else "#microsoft.graph.itemAttachment"}
    if is_file and select is None:
        out["@odata.mediaContentType"] = att.get("content_type") or "application/octet-stream"
    for name in attparse.PROPS if select is None else ["id"] + [p for p in select if p != "id"]:
        if name in values and (is_file or name not in FILE_ONLY):
            out[name] = values[name]
    return out


def parse_select(text: str) -> list[str]:
    """The properties a ``$select`` of attachments names (a file's own ones plain or cast:
    ``microsoft.graph.fileAttachment/contentBytes``); UnknownProperty for any other."""
    props = []
    for p in (x.strip() for x in text.split(",")):
        p = p.removeprefix("microsoft.graph.fileAttachment/")
        if p not in attparse.PROPS:
            raise UnknownProperty(p)
        props.append(p)
    return props


def wants_content(select: list[str] | None) -> bool:
    """Whether the attachments' bytes are needed (all properties, or contentBytes among those selected)."""
    return select is None or "contentBytes" in select
