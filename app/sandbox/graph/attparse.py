"""Attachments as clients post them over Graph (a fileAttachment's strict base64 under 3 MB, an
itemAttachment holding a message), for POST .../attachments and for attachments inline in a new message."""

from __future__ import annotations

import base64
import binascii
import re

from ..core import attached
from . import jsonmap
from .errors import GraphError, bad_request

#: Graph's POST on a message's attachments takes a file under 3 MB (larger: an upload session).
MAX_INLINE = 3 * 1024 * 1024
FILE = "#microsoft.graph.fileattachment"
ITEM = "#microsoft.graph.itemattachment"
REFERENCE = "#microsoft.graph.referenceattachment"
#: Properties of attachment and its derived types, in the order Graph answers them.
PROPS = ["id", "lastModifiedDateTime", "name", "contentType", "size", "isInline", "contentId", "contentLocation",
         "contentBytes"]
#: What a client may set (the rest of PROPS is read-only and ignored on write).
FILE_WRITABLE = {"name", "contentType", "isInline", "contentId", "contentLocation", "contentBytes"}
ITEM_WRITABLE = {"name", "contentType", "isInline", "item"}
_WHITESPACE = re.compile(r"[ \t\r\n]+")


def parse(doc) -> dict:
    """An attachment from a client, by its ``@odata.type``, ready for the core (core/attachments.add)."""
    if not isinstance(doc, dict):
        raise bad_request("The request body must be a JSON object.", "RequestBodyRead")
    kind = str(doc.get("@odata.type") or "").lower()
    if not kind.startswith("#"):
        kind = "#" + kind
    if kind == FILE:
        return parse_file(doc)
    if kind == ITEM:
        return _parse_item(doc)
    if kind == REFERENCE:
        raise bad_request("Reference attachments (links to OneDrive files) are not supported here: attach the file.",
                          "ErrorInvalidRequest")
    if kind == "#":
        raise bad_request("Cannot create an abstract class. Set '@odata.type' to "
                          "'#microsoft.graph.fileAttachment' or '#microsoft.graph.itemAttachment'.", "BadRequest")
    raise bad_request(f"The type '{doc.get('@odata.type')}' is not an attachment type.", "RequestBodyRead")


def _unknown(name: str, type_name: str) -> GraphError:
    return bad_request(f"The property '{name}' does not exist on type 'microsoft.graph.{type_name}'. Make sure to "
                       "only use property names that are defined by the type or mark the type as open type.",
                       "RequestBodyRead")


def _string(doc: dict, name: str) -> str | None:
    value = doc.get(name)
    if value is not None and not isinstance(value, str):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type 'Edm.String'.",
                          "RequestBodyRead")
    return value


def _check_props(doc: dict, writable: set, type_name: str) -> None:
    for name in doc:
        if "@odata." in name or name.startswith("@"):
            continue
        if name not in writable and name not in PROPS:
            raise _unknown(name, type_name)


def _is_inline(doc: dict) -> bool:
    value = doc.get("isInline", False)
    if not isinstance(value, bool):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type 'Edm.Boolean'.",
                          "RequestBodyRead")
    return value


def parse_file(doc: dict) -> dict:
    """A fileAttachment from a client: its bytes strict base64 (whitespace skipped), under 3 MB (413 beyond: use an upload
    session, as Graph answers a request that large)."""
    _check_props(doc, FILE_WRITABLE, "fileAttachment")
    text = doc.get("contentBytes")
    if not isinstance(text, str):
        raise bad_request("The property 'contentBytes' is required for a file attachment.", "ErrorInvalidRequest")
    if len(text) > (MAX_INLINE + 2) // 3 * 4:
        raise GraphError(413, "RequestEntityTooLarge", "The maximum request length supported is 4MB. Attach a "
                         "file of 3 MB or more through an upload session (attachments/createUploadSession).")
    try:  # strict, but whitespace between characters is skipped, as .NET's decoder (Graph's) does
        content = base64.b64decode(_WHITESPACE.sub("", text), validate=True)
    except (binascii.Error, ValueError):
        raise bad_request("Invalid value for property 'contentBytes': not a base64 string.",
                          "RequestBodyRead") from None
    if len(content) > MAX_INLINE:
        raise GraphError(413, "RequestEntityTooLarge", "The maximum request length supported is 4MB. Attach a "
                         "file of 3 MB or more through an upload session (attachments/createUploadSession).")
    return {"kind": "FileAttachment", "name": _string(doc, "name") or "attachment",
            "content_type": _string(doc, "contentType"), "content_id": _string(doc, "contentId"),
            "is_inline": _is_inline(doc), "content": content}


def _parse_item(doc: dict) -> dict:
    """An itemAttachment whose ``item`` is a message (its properties as POST /messages takes them)."""
    _check_props(doc, ITEM_WRITABLE, "itemAttachment")
    inner = doc.get("item")
    if not isinstance(inner, dict):
        raise bad_request("The property 'item' is required for an item attachment.", "ErrorInvalidRequest")
    kind = str(inner.get("@odata.type") or "#microsoft.graph.message").lower().lstrip("#")
    if kind != "microsoft.graph.message":
        raise bad_request(f"Only a message can be attached as an item here, not '{inner.get('@odata.type')}'.",
                          "ErrorInvalidRequest")
    fields = {k: v for k, v in jsonmap.parse(inner, creating=True).items()
              if v is not None and not k.startswith("ext:")}  # an attached message keeps no deferred send
    fields.setdefault("Body", {"BodyType": "Text", "text": ""})
    name = _string(doc, "name") or fields.get("Subject") or "Untitled"
    return attached.from_mime_part(name, fields, []) | {"is_inline": _is_inline(doc)}
