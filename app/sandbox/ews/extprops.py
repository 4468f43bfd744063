"""Extended MAPI properties (t:ExtendedFieldURI, t:ExtendedProperty): stored on items, computed on folders.

A property is known by its tag (PropertyTag) or by its property set + name or id (PropertySetId, or a
DistinguishedPropertySetId standing for that set's GUID). Stored values are kept as the wire strings under
``data["_ext"][key]``; a GetItem / GetFolder answers the ones its shape names, with the path as it was asked.
"""

from __future__ import annotations

from ..core import extvalue, promoted
from ..core.errors import MailboxError
from .soap import SoapFault, local, sub, t, wire_dt

# MS-OXPROPS: the GUIDs behind DistinguishedPropertySetId
SETS = {
    "Meeting": "6ed8da90-450b-101b-98da-00aa003f1305",
    "Appointment": "00062002-0000-0000-c000-000000000046",
    "Common": "00062008-0000-0000-c000-000000000046",
    "PublicStrings": "00020329-0000-0000-c000-000000000046",
    "Address": "00062004-0000-0000-c000-000000000046",
    "InternetHeaders": "00020386-0000-0000-c000-000000000046",
    "CalendarAssistant": "11000e07-b51b-40d6-af21-caa85edab1d0",
    "UnifiedMessaging": "4442858e-a9e3-4e80-b900-317a210cc15b",
    "Task": "00062003-0000-0000-c000-000000000046",
    "Sharing": "00062040-0000-0000-c000-000000000046",
}
URI_ATTRS = ("DistinguishedPropertySetId", "PropertySetId", "PropertyTag", "PropertyName", "PropertyId",
             "PropertyType")
INVALID = "The extended property attribute combination is invalid."
BAD_VALUE = "The extended property value is inconsistent with its type."

# Tags answered from the item itself (MS-OXPROPS): tag -> (stored field or computed name)
ITEM_TAGS = {
    0x001A: "ItemClass",          # PR_MESSAGE_CLASS
    0x0037: "Subject",            # PR_SUBJECT
    0x0E06: "DateTimeReceived",   # PR_MESSAGE_DELIVERY_TIME
    0x0E08: "Size",               # PR_MESSAGE_SIZE
    0x1035: "InternetMessageId",  # PR_INTERNET_MESSAGE_ID
    0x3007: "DateTimeCreated",    # PR_CREATION_TIME
    0x3008: "LastModifiedTime",   # PR_LAST_MODIFICATION_TIME
}
# Tags answered on folders: PR_MESSAGE_SIZE(_EXTENDED), PR_CONTENT_COUNT, PR_CONTENT_UNREAD, PR_SUBFOLDERS,
# PR_FOLDER_CHILD_COUNT
FOLDER_TAGS = {0x0E08: "size", 0x3602: "total", 0x3603: "unread", 0x360A: "has_subfolders", 0x6638: "children"}


def _tag(text: str) -> int:
    try:
        return int(text, 16) if text.lower().startswith("0x") else int(text)
    except ValueError:
        raise MailboxError("ErrorInvalidExtendedProperty", INVALID) from None


def parse_uri(el) -> tuple[str, dict]:
    """t:ExtendedFieldURI -> (canonical key, its attributes). ErrorInvalidExtendedProperty for an attribute
    combination types.xsd's note rules out (a tag alone, or a set with a name or an id)."""
    attrs = {a: el.get(a) for a in URI_ATTRS if el.get(a) is not None}
    dset, pset, tag = attrs.get("DistinguishedPropertySetId"), attrs.get("PropertySetId"), attrs.get("PropertyTag")
    name, pid = attrs.get("PropertyName"), attrs.get("PropertyId")
    if not attrs.get("PropertyType"):
        raise MailboxError("ErrorInvalidExtendedProperty", INVALID)
    if tag is not None:
        if dset or pset or name is not None or pid is not None:
            raise MailboxError("ErrorInvalidExtendedProperty", INVALID)
        return extvalue.tag_key(_tag(tag)), attrs
    if bool(dset) == bool(pset) or (name is None) == (pid is None):
        raise MailboxError("ErrorInvalidExtendedProperty", INVALID)
    guid = SETS.get(dset) if dset else pset.strip("{}").lower()
    if guid is None:
        raise MailboxError("ErrorInvalidExtendedProperty", INVALID)
    return (extvalue.name_key(guid, name) if name is not None else extvalue.id_key(guid, int(pid))), attrs


def tag_of(key: str) -> int | None:
    return int(key[4:], 16) if key.startswith("tag:") else None


def _check_value(ptype: str, text: str) -> str:
    if not extvalue.valid_value(ptype, text):  # the value is wrong, not the request
        raise MailboxError("ErrorInvalidExtendedPropertyValue", BAD_VALUE)
    return text


def parse_property(el) -> tuple[str, dict]:
    """t:ExtendedProperty (or an update's item holding one) -> (key, {"type", "value" | "values"})."""
    kids = list(el)
    key, attrs = parse_uri(kids[0])
    ptype = attrs["PropertyType"]
    holder = kids[1]
    if local(holder) == "Values":
        values = [_check_value(ptype, v.text or "") for v in holder]
        if not extvalue.fits(ptype, True):
            raise MailboxError("ErrorInvalidExtendedPropertyValue", BAD_VALUE)
        return key, {"type": ptype, "values": values}
    if not extvalue.fits(ptype, False):
        raise MailboxError("ErrorInvalidExtendedPropertyValue", BAD_VALUE)
    return key, {"type": ptype, "value": _check_value(ptype, holder.text or "")}


def render(parent, attrs: dict, stored: dict):
    ep = sub(parent, t("ExtendedProperty"))
    sub(ep, t("ExtendedFieldURI"), **attrs)
    if "values" in stored:
        box = sub(ep, t("Values"))
        for v in stored["values"]:
            sub(box, t("Value"), v)
    else:
        sub(ep, t("Value"), stored["value"])
    return ep


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def item_value(data: dict, key: str) -> dict | None:
    """A stored extended property, else one of ITEM_TAGS answered from the item's own fields."""
    if promoted.is_promoted(key):
        return promoted.value_of(data, key)
    stored = (data.get("_ext") or {}).get(key)
    if stored is not None:
        return stored
    field = ITEM_TAGS.get(tag_of(key))
    if field and data.get(field) is not None:
        value = data[field]
        return {"value": wire_dt(value) if field.startswith(("Date", "LastModified")) else _scalar(value)}
    return None


def render_item_props(parent, data: dict, wanted: list[tuple[str, dict]]):
    for key, attrs in wanted:
        stored = item_value(data, key)
        if stored is not None:
            render(parent, attrs, stored)


def render_folder_props(parent, facts: dict, wanted: list[tuple[str, dict]]):
    """``facts``: size, total, unread, children (ints) of the folder."""
    for key, attrs in wanted:
        fact = FOLDER_TAGS.get(tag_of(key))
        if fact == "has_subfolders":
            render(parent, attrs, {"value": _scalar(facts["children"] > 0)})
        elif fact:
            render(parent, attrs, {"value": str(facts[fact])})


def folder_path(el) -> tuple:
    """A folder shape's t:ExtendedFieldURI as a hashable entry of its ``want`` set (see folder_props)."""
    try:
        key, attrs = parse_uri(el)
    except MailboxError as e:
        raise SoapFault(e.code, e.text) from None
    return ("ext", key, tuple(sorted(attrs.items())))


def folder_props(ctx, parent, mailbox: str, folder: str, want: set, children):
    """The t:ExtendedProperty elements a folder shape asked for (folder_path entries of ``want``);
    ``children()`` counts the folder's subfolders."""
    wanted = [(e[1], dict(e[2])) for e in sorted(w for w in want if isinstance(w, tuple))]
    if not wanted:
        return
    total, unread = ctx.store.count(mailbox, folder)
    facts = {"size": ctx.store.folder_size(mailbox, folder), "total": total, "unread": unread,
             "children": children()}
    render_folder_props(parent, facts, wanted)
