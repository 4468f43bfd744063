"""t:Message <-> stored item dict. Keys of the dict are the EWS element names; order follows types.xsd.

Parsing is strict: unknown or out-of-order elements and bad enumeration values raise ErrorSchemaValidation.
"""

from __future__ import annotations

import base64

from ..core import ids, keys, threads
from ..core.bodies import html_to_text, text_to_html
from ..core import promoted
from ..core.errors import MailboxError
from ..core.model import FLAG_STATUS, IMPORTANCE, MAILBOX_TYPES, SENSITIVITY
from . import extprops
from .itemfields import (  # BY_NAME, BY_URI and Shape are also imported from here by the operation modules
    BY_NAME, BY_URI, FIELDS, FIND_EXCLUDED, MESSAGE_ONLY, ORDER, SPECIAL_URIS, Shape,
)
from .soap import (
    T_NS, SoapFault, check_enum, decode_base64, local, ns, parse_bool, parse_dt, parse_int, schema_error, sub, t,
    wire_dt, xbool,
)


def parse_field_uri(el) -> str | None:
    """FieldURI -> FieldURI string; Extended/Indexed field URIs -> None (unknown properties come back empty)."""
    if el.tag == t("FieldURI"):
        uri = el.get("FieldURI") or ""
        if ":" not in uri or " " in uri:
            raise schema_error(f"The 'FieldURI' attribute is invalid - The value '{uri}' is invalid.")
        return uri
    if el.tag in (t("ExtendedFieldURI"), t("IndexedFieldURI")):
        return None
    raise schema_error(f"The element '{local(el)}' is not a property path.")


def parse_shape(el) -> Shape:
    shape = Shape()
    if el is None:
        return shape
    for c in el:
        name = local(c)
        if name == "BaseShape":
            shape.base = check_enum((c.text or "").strip(), ("IdOnly", "Default", "AllProperties", "PcxPeopleSearch"),
                                    "BaseShape")
        elif name == "IncludeMimeContent":
            shape.include_mime = parse_bool(c.text, "IncludeMimeContent")
        elif name == "BodyType":
            shape.body_type = check_enum((c.text or "").strip(), ("Best", "HTML", "Text"), "BodyType")
        elif name == "AdditionalProperties":
            for p in c:
                uri = parse_field_uri(p)
                if p.tag == t("ExtendedFieldURI"):
                    try:
                        shape.ext.append(extprops.parse_uri(p))
                    except MailboxError as e:
                        raise SoapFault(e.code, e.text) from None
                elif uri in BY_URI:
                    shape.props.add(BY_URI[uri][0])
                elif uri == "item:MimeContent":
                    shape.include_mime = True
                elif uri in SPECIAL_URIS:
                    shape.props.add(uri.split(":")[1])
        elif name in ("UniqueBodyType", "NormalizedBodyType", "FilterHtmlContent", "ConvertHtmlCodePageToUTF8",
                      "InlineImageUrlTemplate", "BlockExternalImages", "AddBlankTargetToLinks", "MaximumBodySize",
                      "FolderShape"):
            continue
        else:
            raise schema_error(f"The element 'ItemShape' has invalid child element '{name}'.")
    return shape


# ---------------- parsing ----------------

def parse_mailbox(el) -> dict:
    box = {}
    for c in el:
        name = local(c)
        if name in ("Name", "EmailAddress", "RoutingType", "OriginalDisplayName"):
            box[name] = c.text or ""
        elif name == "MailboxType":
            box[name] = check_enum((c.text or "").strip(), MAILBOX_TYPES, "MailboxType")
        elif name == "ItemId":
            continue
        else:
            raise schema_error(f"The element 'Mailbox' has invalid child element '{name}'.")
    if box.get("EmailAddress") == "":
        raise schema_error("The 'EmailAddress' element is invalid - the actual length is less than the MinLength "
                           "value.")
    return box


def _parse_recipients(el) -> list[dict]:
    out = []
    for c in el:
        if c.tag != t("Mailbox"):
            raise schema_error(f"The element '{local(el)}' has invalid child element '{local(c)}'.")
        out.append(parse_mailbox(c))
    return out


def _parse_strings(name: str, el) -> list[str]:
    vals = []
    for c in el:
        if c.tag != t("String"):
            raise schema_error(f"The element '{name}' has invalid child element '{local(c)}'.")
        vals.append(c.text or "")
    return vals


def _parse_recipient(name: str, el) -> dict:
    kids = list(el)
    if len(kids) != 1 or kids[0].tag != t("Mailbox"):
        raise schema_error(f"The element '{name}' must hold exactly one Mailbox.")
    return parse_mailbox(kids[0])


#: t:FlagType's children, in schema order (FlagStatus required; the dates optional)
FLAG_DATES = ("StartDate", "DueDate", "CompleteDate")


def _parse_flag(name: str, el) -> dict:
    """t:Flag -> the store's Flag (types.xsd FlagType: FlagStatus, then StartDate, DueDate, CompleteDate)."""
    kids = list(el)
    if not kids or kids[0].tag != t("FlagStatus"):
        raise schema_error(f"The element '{name}' has incomplete content: 'FlagStatus' expected.")
    flag = {"FlagStatus": check_enum((kids[0].text or "").strip(), FLAG_STATUS, "FlagStatus")}
    last = -1
    for c in kids[1:]:
        date = local(c)
        if ns(c) != T_NS or date not in FLAG_DATES or FLAG_DATES.index(date) <= last:
            raise schema_error(f"The element '{name}' has invalid child element '{date}'.")
        last = FLAG_DATES.index(date)
        flag[date] = parse_dt(c.text, date)
    return flag


#: a property's kind (itemxml's field table) -> its parser, (property name, element) -> value
_VALUE_PARSERS = {
    "str": lambda name, el: el.text or "",
    "bool": lambda name, el: parse_bool(el.text, name),
    "int": lambda name, el: parse_int(el.text, name),
    "dt": lambda name, el: parse_dt(el.text, name),
    "sensitivity": lambda name, el: check_enum((el.text or "").strip(), SENSITIVITY, name),
    "importance": lambda name, el: check_enum((el.text or "").strip(), IMPORTANCE, name),
    "body": lambda name, el: {"BodyType": check_enum(el.get("BodyType"), ("HTML", "Text"), "BodyType"),
                              "text": el.text or ""},
    "strings": _parse_strings,
    "recipients": lambda name, el: _parse_recipients(el),
    "recipient": _parse_recipient,
    "flag": _parse_flag,
    # stored canonical (no whitespace)
    "base64": lambda name, el: base64.b64encode(decode_base64(el.text, name)).decode(),
}


def parse_value(name: str, kind: str, el):
    parse = _VALUE_PARSERS.get(kind)
    if parse is None:
        raise schema_error(f"The property '{name}' cannot be set.")
    return parse(name, el)


def parse_attachments(el) -> list[dict]:
    out = []
    for a in el:
        kind = local(a)
        if kind not in ("FileAttachment", "ItemAttachment"):
            raise schema_error(f"The element 'Attachments' has invalid child element '{kind}'.")
        att = {"kind": kind, "content": b"", "is_inline": False}
        for c in a:
            name = local(c)
            if name in ("Name", "ContentType", "ContentId", "ContentLocation"):
                att[{"Name": "name", "ContentType": "content_type", "ContentId": "content_id",
                     "ContentLocation": "content_location"}[name]] = c.text or ""
            elif name == "IsInline":
                att["is_inline"] = parse_bool(c.text, name)
            elif name == "Content":
                att["content"] = decode_base64(c.text, "Content")
            elif name in ("AttachmentId", "Size", "LastModifiedTime", "IsContactPhoto", "AttachmentOriginalUrl",
                          "Item", "Message"):
                if kind == "ItemAttachment" and name in ("Item", "Message"):
                    att["item_xml"] = c
                continue
            else:
                raise schema_error(f"The element '{kind}' has invalid child element '{name}'.")
        out.append(att)
    return out


def parse_item(el) -> tuple[dict, list[dict], str | None]:
    """Parse a t:Message / t:Item from a request. Returns (fields, attachments, MimeContent text or None);
    fields["_error"] holds an MailboxError the item is to be answered with (a bad extended property)."""
    if ns(el) != T_NS or local(el) not in ("Message", "Item"):
        raise schema_error(f"Items of type '{local(el)}' are not supported by this server.")
    is_message = local(el) == "Message"
    data, atts, mime = {}, [], None
    last = -1
    for c in el:
        name = local(c)
        if ns(c) != T_NS or name not in ORDER or (not is_message and name in MESSAGE_ONLY):
            raise schema_error(f"The element '{local(el)}' has invalid child element '{name}'.")
        if ORDER[name] < last or (ORDER[name] == last and name != "ExtendedProperty"):  # it alone repeats
            raise schema_error(f"The element '{local(el)}' has invalid child element '{name}' (order).")
        last = ORDER[name]
        if name == "MimeContent":
            mime = c.text or ""  # decoded per item (mime_bytes): t:MimeContentType is an xs:string
        elif name == "Attachments":
            atts = parse_attachments(c)
        else:
            _parse_property(data, name, c)
    return data, atts, mime


def _parse_property(data: dict, name: str, c) -> None:
    """One property of an item being created or replaced, into ``data`` (an extended property's error as
    ``data["_error"]``). Raises SoapFault for a read-only one."""
    if name in BY_NAME and BY_NAME[name][3]:
        data[name] = parse_value(name, BY_NAME[name][2], c)
    elif name == "ExtendedProperty":
        try:
            key, value = extprops.parse_property(c)
            if not promoted.store(data, key, value):  # an X- header or the flag: the item's own field
                data.setdefault("_ext", {})[key] = value
        except MailboxError as e:  # the item's error, answered in its response message
            data["_error"] = e
    else:
        raise schema_error(f"The property '{name}' is read-only and cannot be set.")


def mime_bytes(text: str) -> bytes:
    """The MIME stream a MimeContent text encodes. Its schema type is a string, so text that is not base64 is
    the item's error, ErrorMimeContentInvalidBase64String (not a schema fault)."""
    try:
        return decode_base64(text, "MimeContent")
    except SoapFault:
        raise MailboxError("ErrorMimeContentInvalidBase64String", "The MIME content is not a valid base64 string.") \
            from None


# ---------------- rendering ----------------

def display(recips) -> str:
    """DisplayTo / DisplayCc / DisplayBcc: "the concatenated string of all To recipient display names" (the
    DisplayTo reference page); [MS-OXOMSG] PidTagDisplayTo: the display names "separated by semicolons" (Exchange
    writes "; "). A recipient without a name (an address outside the directory) shows its address."""
    return "; ".join((r.get("Name") or r.get("EmailAddress") or "") for r in recips or [])


def _mailbox(parent, tag, box):
    mb = sub(parent, t(tag))
    for k in ("Name", "EmailAddress", "RoutingType", "MailboxType", "OriginalDisplayName"):
        if k in box:
            sub(mb, t(k), box[k])
    return mb


def render_body(parent, tag, body: dict, want: str):
    kind, text = body.get("BodyType", "Text"), body.get("text", "")
    if want == "Text" and kind == "HTML":
        kind, text = "Text", html_to_text(text)
    elif want == "HTML" and kind == "Text":
        kind, text = "HTML", text_to_html(text)
    sub(parent, t(tag), text, BodyType=kind)


def render_attachment_ref(parent, item_key: str, att_key: str, root_change_key: str, kind: str = "FileAttachment"):
    """t:FileAttachment (or t:ItemAttachment) holding only its AttachmentId (with the root item's id and
    ChangeKey)."""
    fa = sub(parent, t(kind))
    sub(fa, t("AttachmentId"), Id=ids.attachment_id(item_key, att_key), RootItemId=ids.item_id(item_key),
        RootItemChangeKey=root_change_key)
    return fa


def render_attachment_meta(parent, item_key: str, a: dict, content: bool = False):
    """t:FileAttachment with its Content when asked; a t:ItemAttachment without its item (itematt adds it)."""
    is_file = a.get("kind", "FileAttachment") == "FileAttachment"
    fa = sub(parent, t("FileAttachment" if is_file else "ItemAttachment"))
    if item_key is not None:  # an attached item's own attachments have no id: their content comes inline
        sub(fa, t("AttachmentId"), Id=ids.attachment_id(item_key, a["key"]))
    if a.get("name") is not None:
        sub(fa, t("Name"), a["name"])
    if a.get("content_type") is not None:
        sub(fa, t("ContentType"), a["content_type"])
    if a.get("content_id"):
        sub(fa, t("ContentId"), a["content_id"])
    sub(fa, t("Size"), str(a["size"]))
    if a.get("modified"):
        sub(fa, t("LastModifiedTime"), wire_dt(a["modified"]))
    sub(fa, t("IsInline"), xbool(a.get("is_inline")))
    if not is_file:
        return fa
    sub(fa, t("IsContactPhoto"), "false")
    if content:
        sub(fa, t("Content"), base64.b64encode(a["content"]).decode())
    return fa


def render_item(parent, item: dict, shape: Shape, *, atts=None, mime=None, find=False, parent_folder_id=None):
    """Append a t:Message for a stored item, honouring the shape."""
    data = item["data"]
    msg = sub(parent, t("Message"))
    if shape.include_mime and not find and mime is not None:
        sub(msg, t("MimeContent"), base64.b64encode(mime).decode(), CharacterSet="UTF-8")
    if item["key"] is not None:  # an attached item has none
        sub(msg, t("ItemId"), Id=ids.item_id(item["key"]), ChangeKey=item["change_key"])
    if shape.wants("ParentFolderId") and parent_folder_id:
        sub(msg, t("ParentFolderId"), Id=parent_folder_id, ChangeKey=keys.FOLDER_CHANGE_KEY)
    for name, _uri, kind, _w in FIELDS:
        if kind != "extended" and (not shape.wants(name) or (find and name in FIND_EXCLUDED)):
            continue
        if kind == "extended":
            extprops.render_item_props(msg, data, shape.ext)
        elif kind == "computed":
            _render_computed(msg, name, data, atts, shape)
        elif name == "Attachments":
            if atts:
                box = sub(msg, t("Attachments"))
                for a in atts:
                    render_attachment_meta(box, item["key"], a, content=item["key"] is None)
        elif name not in data:
            continue
        else:
            _render_value(msg, name, kind, data[name], shape)
    return msg


def _render_computed(msg, name, data, atts, shape):
    if name == "DisplayTo":
        sub(msg, t(name), display(data.get("ToRecipients")))
    elif name == "DisplayCc":
        sub(msg, t(name), display(data.get("CcRecipients")))
    elif name == "DisplayBcc":
        sub(msg, t(name), display(data.get("BccRecipients")))
    elif name == "HasAttachments":
        # "the EWS HasAttachments element [does] not reflect the presence of inline attachments" (Microsoft
        # Learn, "Attachments and EWS in Exchange"): a message whose only picture is inline has none
        visible = any(not a.get("is_inline") for a in atts) if atts is not None \
            else data.get("_has_visible_attachments", data.get("_has_attachments"))
        sub(msg, t(name), xbool(bool(visible)))
    elif name == "ConversationId":
        key = threads.conversation_key(data.get("ConversationIndex"),
                                       data.get("ConversationTopic") or data.get("Subject") or "")
        cid = base64.b64encode(b"DSC\x01" + key).decode()  # the same conversation as Graph's conversationId
        sub(msg, t(name), Id=cid)
    elif name == "TextBody" and "Body" in data:
        render_body(msg, "TextBody", data["Body"], "Text")


def _render_value(msg, name, kind, value, shape):
    if kind == "bool":
        sub(msg, t(name), xbool(value))
    elif kind == "int":
        sub(msg, t(name), str(value))
    elif kind == "dt":
        sub(msg, t(name), wire_dt(value))
    elif kind == "body":
        render_body(msg, name, value, shape.body_type)
    elif kind == "strings":
        box = sub(msg, t(name))
        for s in value:
            sub(box, t("String"), s)
    elif kind == "recipients":
        box = sub(msg, t(name))
        for r in value:
            _mailbox(box, "Mailbox", r)
    elif kind == "recipient":
        _mailbox(sub(msg, t(name)), "Mailbox", value)
    elif kind == "flag":
        box = sub(msg, t(name))
        sub(box, t("FlagStatus"), value.get("FlagStatus") or "NotFlagged")
        for date in FLAG_DATES:
            if value.get(date):
                sub(box, t(date), wire_dt(value[date]))
    else:
        sub(msg, t(name), value)


def simple_value(item: dict, uri: str):
    """Python value of a property for restrictions/sorting (None when absent)."""
    data = item["data"]
    f = BY_URI.get(uri)
    if uri == "item:ItemId":
        return ids.item_id(item["key"])
    if f is None:
        return None
    name, _, kind, _ = f
    if name == "DisplayTo":
        return display(data.get("ToRecipients"))
    if name == "DisplayCc":
        return display(data.get("CcRecipients"))
    if name == "HasAttachments":
        return data.get("_has_attachments", False)
    v = data.get(name)
    if kind == "body" and v is not None:
        return v.get("text")
    if kind == "recipient" and v is not None:
        return v.get("EmailAddress")
    if kind == "recipients" and v is not None:
        return " ".join(r.get("EmailAddress", "") for r in v)
    return v
