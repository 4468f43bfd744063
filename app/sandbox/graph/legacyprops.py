"""singleValueExtendedProperties of a message: the MAPI properties Graph v1.0 shows no property for.

One is mapped today: PidTagSensitivity (``Integer 0x0036``; 0 normal, 1 personal, 2 private, 3 confidential,
[MS-OXCMSG] 2.2.1.13), the same store field as EWS's item:Sensitivity, so both protocols see one value.
Written in a create or PATCH body (``[{"id": "Integer 0x0036", "value": "2"}]``), read back with
``$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x0036')``; Graph answers the id normalised
("Integer 0x36") and leaves the collection out when the message has no such property
(learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). Other ids are ignored, as before."""

from __future__ import annotations

import re

from ..core.model import SENSITIVITY
from .errors import bad_request

SENSITIVITY_TAG = 0x36
_EXPAND = re.compile(r"\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*id\s+eq\s+'([^']*)'\s*\)\s*", re.I)


def _tag(prop_id) -> int | None:
    """The property tag of a ``"Integer 0x…"`` id, None for any other id."""
    kind, _, tag = str(prop_id).strip().partition(" ")
    if kind.lower() != "integer":
        return None
    try:
        return int(tag.strip(), 16)
    except ValueError:
        return None


def parse(value) -> dict:
    """A body's ``singleValueExtendedProperties`` -> the store fields it sets."""
    if not isinstance(value, list) or not all(isinstance(p, dict) and isinstance(p.get("id"), str) for p in value):
        raise bad_request("Invalid value for property 'singleValueExtendedProperties'.", "RequestBodyRead")
    fields: dict = {}
    for p in value:
        if _tag(p["id"]) != SENSITIVITY_TAG:
            continue
        try:
            fields["Sensitivity"] = SENSITIVITY[int(str(p.get("value")))]
        except (ValueError, IndexError):
            raise bad_request(f"Cannot convert the literal '{p.get('value')}' to the expected type 'Edm.Int32'.",
                              "RequestBodyRead") from None
    return fields


def expanded(expand: str | None, data: dict) -> dict:
    """The ``singleValueExtendedProperties`` member an ``$expand`` asked for (empty: none, not set, or an
    expansion the sandbox does not serve)."""
    if not expand:
        return {}
    m = _EXPAND.fullmatch(expand)
    if m is None or _tag(m.group(1)) != SENSITIVITY_TAG or data.get("Sensitivity") not in SENSITIVITY:
        return {}
    return {"singleValueExtendedProperties": [{"id": "Integer 0x36",
                                               "value": str(SENSITIVITY.index(data["Sensitivity"]))}]}
