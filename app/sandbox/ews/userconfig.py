"""Create/Get/Update/DeleteUserConfiguration: a folder's named settings objects (core/userconfig.py).

Each request names one configuration (t:UserConfigurationName: a Name and the folder, by FolderId or
DistinguishedFolderId) and is answered with one response message. GetUserConfiguration answers the parts
UserConfigurationProperties asks for ("Id", "Dictionary", "XmlData", "BinaryData" or "All": the identifier and
every part; UserConfigurationProperties, learn.microsoft.com); a part the object does not have is left out.
Dictionary entries keep their types (types.xsd UserConfigurationDictionaryObjectTypesType) and values as sent.

What Microsoft does not document, the sandbox chooses (docs/sandbox.md): a name that breaks the rule Exchange
enforces (exchangelib's test against Exchange: "fewer than 237 characters, can contain only the characters
"A-Z", "a-z", "0-9", and ".", and must not start with "IPM.Configuration"") and a dictionary value its type
cannot hold are ErrorInvalidArgument.
"""

from __future__ import annotations

import base64
import binascii
import copy
import datetime as _dt
import re

from ..core import ids, userconfig
from ..core.clock import parse_iso
from ..core.errors import FOLDER_NOT_FOUND, MailboxError
from ..core.model import XS_INT
from ..core.session import Ctx
from .folders import resolve_folder, target_folder
from .soap import (
    T_NS, XSI_NS, decode_base64, error_message, local, m, ns, response_message, response_root,
    schema_error, sub, t,
)

_NAME = re.compile(r"[A-Za-z0-9.]{1,236}")
BAD_NAME = ("The user configuration name is invalid: it must have fewer than 237 characters, only the characters "
            "A-Z, a-z, 0-9 and '.', and must not start with 'IPM.Configuration'.")
PROPERTIES = ("Id", "Dictionary", "XmlData", "BinaryData", "All")
_INTS = {"Byte": (0, 255), "Integer32": XS_INT, "UnsignedInteger32": (0, 2**32 - 1),
         "Integer64": (-2**63, 2**63 - 1), "UnsignedInteger64": (0, 2**64 - 1)}
_ARRAYS = ("StringArray", "ByteArray")
_XS_INTEGER = re.compile(r"[+-]?[0-9]+")


def op_create_user_configuration(ctx: Ctx, req):
    return _answer(ctx, req, "CreateUserConfiguration", _create)


def op_update_user_configuration(ctx: Ctx, req):
    return _answer(ctx, req, "UpdateUserConfiguration", _update)


def op_delete_user_configuration(ctx: Ctx, req):
    return _answer(ctx, req, "DeleteUserConfiguration", _delete)


def op_get_user_configuration(ctx: Ctx, req):
    return _answer(ctx, req, "GetUserConfiguration", _get)


def _answer(ctx: Ctx, req, op: str, run):
    resp = response_root(op)
    msgs = sub(resp, m("ResponseMessages"))
    try:
        run(ctx, req, msgs)
    except MailboxError as e:
        error_message(msgs, op, e)
    return resp


def _create(ctx: Ctx, req, msgs) -> None:
    name_el, parts = _parse_configuration(req)
    userconfig.create(ctx.store, _folder(ctx, name_el, "create", target_folder), _name(name_el), parts)
    response_message(msgs, "CreateUserConfiguration")


def _update(ctx: Ctx, req, msgs) -> None:
    name_el, parts = _parse_configuration(req)
    userconfig.update(ctx.store, _folder(ctx, name_el, "edit"), _name(name_el), parts)
    response_message(msgs, "UpdateUserConfiguration")


def _delete(ctx: Ctx, req, msgs) -> None:
    name_el = _only(req, "UserConfigurationName")
    userconfig.delete(ctx.store, _folder(ctx, name_el, "delete"), _name(name_el))
    response_message(msgs, "DeleteUserConfiguration")


def _get(ctx: Ctx, req, msgs) -> None:
    name_el = _only(req, "UserConfigurationName")
    props_el = req.find(m("UserConfigurationProperties"))
    props = set((props_el.text or "").split()) if props_el is not None else set()
    if not props or not props <= set(PROPERTIES):
        raise schema_error("The element 'UserConfigurationProperties' has an invalid value: the Enumeration "
                           "constraint failed.")
    if "All" in props:
        props = set(PROPERTIES)
    config = userconfig.get(ctx.store, _folder(ctx, name_el, "read"), _name(name_el))
    rm = response_message(msgs, "GetUserConfiguration")
    _render(sub(rm, m("UserConfiguration")), name_el, config, props)


# ---------------- parsing ----------------

def _only(req, tag: str):
    el = req.find(m(tag))
    if el is None:
        raise schema_error(f"The element '{local(req)}' has incomplete content: '{tag}' expected.")
    return el


def _name(name_el) -> str:
    name = name_el.get("Name") or ""
    if not _NAME.fullmatch(name) or name.lower().startswith("ipm.configuration"):
        raise MailboxError("ErrorInvalidArgument", BAD_NAME)
    return name


def _folder(ctx: Ctx, name_el, need: str, resolve=resolve_folder) -> tuple[str, str]:
    """The folder a t:UserConfigurationName names (an AddressListId is no folder: ErrorFolderNotFound). The folder a
    configuration is created in receives it, so a missing one is ErrorFolderNotFound there as for any target folder
    (its caller passes folders.target_folder as ``resolve``); to read, change or delete, a folder id naming no
    folder is ErrorItemNotFound as in GetFolder (folders.resolve_folder)."""
    kids = [c for c in name_el if isinstance(c.tag, str)]
    if len(kids) != 1:
        raise schema_error("The element 'UserConfigurationName' must hold one folder id.")
    if local(kids[0]) == "AddressListId":
        raise MailboxError("ErrorFolderNotFound", FOLDER_NOT_FOUND)
    return resolve(ctx, kids[0], need)


def _parse_configuration(req) -> tuple:
    """m:UserConfiguration -> (its t:UserConfigurationName, {part: value} for the parts it holds)."""
    conf = _only(req, "UserConfiguration")
    name_el, parts = None, {}
    for c in conf:
        if not isinstance(c.tag, str):
            continue
        name = local(c)
        if ns(c) != T_NS:
            raise schema_error(f"The element 'UserConfiguration' has invalid child element '{name}'.")
        if name == "UserConfigurationName":
            name_el = c
        elif name == "Dictionary":
            parts["dictionary"] = _parse_dictionary(c)
        elif name == "XmlData":
            parts["xml_data"] = decode_base64(c.text, "XmlData")
        elif name == "BinaryData":
            parts["binary_data"] = decode_base64(c.text, "BinaryData")
        elif name != "ItemId":
            raise schema_error(f"The element 'UserConfiguration' has invalid child element '{name}'.")
    if name_el is None:
        raise schema_error("The element 'UserConfiguration' has incomplete content: 'UserConfigurationName' "
                           "expected.")
    return name_el, parts


def _parse_dictionary(el) -> list:
    entries, seen = [], set()
    for entry in el.findall(t("DictionaryEntry")):
        key = _parse_object(entry.find(t("DictionaryKey")), nillable=False)
        if key is None:
            raise schema_error("The element 'DictionaryEntry' has incomplete content: 'DictionaryKey' expected.")
        if (key[0], tuple(key[1])) in seen:
            raise MailboxError("ErrorInvalidArgument", "The dictionary holds the same key twice.")
        seen.add((key[0], tuple(key[1])))
        entries.append([key, _parse_object(entry.find(t("DictionaryValue")), nillable=True)])
    return entries


def _parse_object(el, *, nillable: bool):
    """t:DictionaryKey / t:DictionaryValue -> [type, [values]] (None: a nil value), each value in its type's
    canonical form, as Exchange keeps a typed value (not the text it was sent as: exchangelib writes a
    Boolean as "1" and reads back "true")."""
    if el is None:
        return None
    if nillable and el.get(f"{{{XSI_NS}}}nil") in ("true", "1"):
        return None
    kind = (el.findtext(t("Type")) or "").strip()
    values = [v.text or "" for v in el.findall(t("Value"))]
    if not values:
        raise schema_error(f"The element '{local(el)}' has incomplete content: 'Value' expected.")
    canonical = [_canonical(kind, v) for v in values] if kind in _ARRAYS or len(values) == 1 else [None]
    if None in canonical:
        raise MailboxError("ErrorInvalidArgument", f"A dictionary value is not a valid {kind[:40]}.")
    return [kind, canonical]


def _canonical(kind: str, value: str) -> str | None:
    """``value`` as a dictionary object of type ``kind`` holds it, or None when it cannot."""
    s = value.strip()
    if kind in _INTS:
        lo, hi = _INTS[kind]
        return str(int(s)) if _XS_INTEGER.fullmatch(s) and lo <= int(s) <= hi else None
    if kind == "Boolean":
        return {"true": "true", "1": "true", "false": "false", "0": "false"}.get(s)
    if kind == "DateTime":
        return _datetime(s)
    if kind == "ByteArray":
        return _base64(s)
    return value if kind in ("String", "StringArray") else None


def _datetime(s: str) -> str | None:
    """An xs:dateTime in UTC, as EWS writes one ("Z"; no fraction when it is whole seconds); one without an
    offset is taken as UTC."""
    try:
        d = parse_iso(s).astimezone(_dt.timezone.utc)
    except (ValueError, OverflowError):
        return None
    return d.replace(tzinfo=None).isoformat(timespec="microseconds" if d.microsecond else "seconds") + "Z"


def _base64(s: str) -> str | None:
    try:
        raw = base64.b64decode(re.sub(r"[ \t\r\n]+", "", s), validate=True)
    except (binascii.Error, ValueError):
        return None
    return base64.b64encode(raw).decode("ascii")


# ---------------- rendering ----------------

def _render(conf, name_el, config: dict, props: set) -> None:
    """The parts ``props`` names of ``config`` into an empty m:UserConfiguration, in types.xsd order."""
    name = sub(conf, t("UserConfigurationName"), Name=config["name"])
    folder_el = copy.deepcopy(next(c for c in name_el if isinstance(c.tag, str)))
    name.append(folder_el)
    if "Id" in props:
        sub(conf, t("ItemId"), Id=ids.item_id(config["key"]), ChangeKey=config["change_key"])
    if "Dictionary" in props and config["dictionary"] is not None:
        box = sub(conf, t("Dictionary"))
        for key, value in config["dictionary"]:
            entry = sub(box, t("DictionaryEntry"))
            _render_object(sub(entry, t("DictionaryKey")), key)
            _render_object(sub(entry, t("DictionaryValue")), value)
    for part, tag in (("xml_data", "XmlData"), ("binary_data", "BinaryData")):
        if tag in props and config[part] is not None:
            sub(conf, t(tag), base64.b64encode(config[part]).decode("ascii"))


def _render_object(el, obj) -> None:
    if obj is None:
        el.set(f"{{{XSI_NS}}}nil", "true")
        return
    sub(el, t("Type"), obj[0])
    for v in obj[1]:
        sub(el, t("Value"), v)
