"""An extended MAPI property's value as the store keeps it: the wire string, checked against its type.

One check for every way a value reaches the store (EWS t:ExtendedProperty, UploadItems' Data), so the store
never holds a value its type cannot hold."""

from __future__ import annotations

import base64
import binascii
import re
import uuid

from .clock import parse_dt

#: types.xsd MapiPropertyTypeType
TYPES = ("ApplicationTime", "ApplicationTimeArray", "Binary", "BinaryArray", "Boolean", "CLSID", "CLSIDArray",
         "Currency", "CurrencyArray", "Double", "DoubleArray", "Error", "Float", "FloatArray", "Integer",
         "IntegerArray", "Long", "LongArray", "Null", "Object", "ObjectArray", "Short", "ShortArray",
         "SystemTime", "SystemTimeArray", "String", "StringArray")
#: The keys ews/extprops.parse_uri makes: a tag, or a property set's GUID with a name (the empty one too: the schema
#: allows PropertyName="", and what a client could store must upload back) or an id.
KEY = re.compile(r"tag:-?[0-9a-f]+|[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}:(name:.*|id:-?[0-9]+)", re.S)


def tag_key(tag: int) -> str:
    """The key of a property named by its tag."""
    return f"tag:{tag:04x}"


def name_key(guid: str, name: str) -> str:
    """The key of a named property: its property set's GUID (lower case, no braces) and its name."""
    return f"{guid}:name:{name}"


def id_key(guid: str, pid: int) -> str:
    """The key of a property named by its property set's GUID (lower case, no braces) and its id."""
    return f"{guid}:id:{pid}"


def fits(ptype: str, many: bool) -> bool:
    """Whether a property of type ``ptype`` holds ``many`` values (a list) or one: an array type holds a list, any
    other type one value."""
    return ptype.endswith("Array") == many


def valid_value(ptype: str, text: str) -> bool:
    """Whether ``text`` is a value of the MAPI property type ``ptype`` (of one element, for an array type)."""
    base = ptype[:-5] if ptype.endswith("Array") else ptype
    try:
        if base in ("Integer", "Long", "Short", "Currency"):
            int(text)
        elif base in ("Double", "Float", "ApplicationTime"):
            float(text)
        elif base == "Boolean":
            if text.strip().lower() not in ("true", "false", "1", "0"):
                return False
        elif base == "SystemTime":
            parse_dt(text)
        elif base == "Binary":
            base64.b64decode(text.encode("ascii"), validate=True)
        elif base == "CLSID":
            uuid.UUID(text)
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return False
    return True


def valid_property(key, prop) -> bool:
    """Whether (``key``, ``prop``) is an extended property as the store keeps it: a key parse_uri makes and
    {"type", "value"} (a single-valued type) or {"type", "values"} (an array type), each value of the type."""
    if not isinstance(key, str) or not KEY.fullmatch(key) or not isinstance(prop, dict):
        return False
    ptype = prop.get("type")
    if ptype not in TYPES:
        return False
    if set(prop) == {"type", "value"}:
        values = [prop["value"]]
        ok = fits(ptype, False)
    else:
        values = prop.get("values")
        ok = set(prop) == {"type", "values"} and fits(ptype, True) and isinstance(values, list)
    return ok and all(isinstance(v, str) and valid_value(ptype, v) for v in values)
