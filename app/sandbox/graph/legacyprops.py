"""singleValueExtendedProperties of a message: the MAPI properties Graph v1.0 shows no property for.

One is mapped today: PidTagSensitivity (``Integer 0x0036``; 0 normal, 1 personal, 2 private, 3 confidential,
[MS-OXCMSG] 2.2.1.13), the same store field as EWS's item:Sensitivity, so both protocols see one value.
Written in a create or PATCH body (``[{"id": "Integer 0x0036", "value": "2"}]``), read back with
``$expand=singleValueExtendedProperties($filter=id eq 'Integer 0x0036')``; Graph answers the id normalised
("Integer 0x36") and leaves the collection out when the message has no such property
(learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). Also written: the thread's
PidTagInReplyToId and PidTagInternetReferences (THREAD_TAGS), and the conversation a client computed for a reply
as Outlook does: PidTagConversationIndex (``Binary 0x0071``, only a value of an index's shape, [MS-OXOMSG]
2.2.1.3) and PidTagConversationTopic (``String 0x0070``), the same store fields as EWS's. Other ids are ignored,
as before.

Read only: PidTagMessageClass (``String 0x001A``, EWS's item:ItemClass; "IPM.Note" for a message that names none),
which is how Graph v1.0 tells a report from a message (``REPORT.IPM.Note.NDR``, ``.DR``, ``.IPNRN``: no property of
the message resource says it). Expanded as the others, and filtered on with
``singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and ep/value eq 'REPORT.IPM.Note.NDR')``
(odata.py; filter_column gives the SQL of each string property a filter may name)."""

from __future__ import annotations

import re

from ..core import threads
from ..core.extvalue import valid_value
from ..core.model import SENSITIVITY
from .errors import bad_request

SENSITIVITY_TAG = 0x36
#: PidTagInReplyToId ([MS-OXOMSG] 2.2.1.13) and PidTagInternetReferences ([MS-OXCMSG] 2.2.1.26): ``String 0x1042`` and
#: ``String 0x1039``, the In-Reply-To and References a client writes on a reply or forward it composes itself
#: (the same store fields as EWS's t:InReplyTo and t:References)
THREAD_TAGS = {0x1042: "InReplyTo", 0x1039: "References"}
INDEX_TAG, TOPIC_TAG = 0x71, 0x70
CLASS_TAG = 0x1A  # PidTagMessageClass ([MS-OXCMSG] 2.2.1.3)
#: PidTagDeferredSendTime: ``SystemTime 0x3FEF``, the time a sent message waits for in the Outbox (core/delivery.py);
#: kept as the extended property EWS sets (``ext:`` + its key: core/items.apply_changes)
DEFERRED_SEND_TAG = 0x3FEF
DEFERRED_SEND_FIELD = "ext:tag:3fef"
DEFAULT_CLASS = "IPM.Note"
#: the string properties a $filter may name -> the SQL of their value over the items table (NULL: not set)
_FILTER_COLUMNS = {
    CLASS_TAG: f"COALESCE(json_extract(data, '$.ItemClass'), '{DEFAULT_CLASS}')",
    TOPIC_TAG: "json_extract(data, '$.ConversationTopic')",
    **{tag: f"json_extract(data, '$.{name}')" for tag, name in THREAD_TAGS.items()},
}
_ONE_ID = r"id\s+eq\s+'[^']*'"
_EXPAND = re.compile(r"\s*singleValueExtendedProperties\s*\(\s*\$filter\s*=\s*(" + _ONE_ID + r"(?:\s+or\s+"
                     + _ONE_ID + r")*)\s*\)\s*", re.I)
_IDS = re.compile(r"id\s+eq\s+'([^']*)'", re.I)


def _tag(prop_id, kind_wanted: str = "integer") -> int | None:
    """The property tag of a ``"Integer 0x…"`` id (``kind_wanted``: or another type's), None for any other id."""
    kind, _, tag = str(prop_id).strip().partition(" ")
    if kind.lower() != kind_wanted:
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
        if _conversation(p, fields) or _deferred_send(p, fields):
            continue
        thread = THREAD_TAGS.get(_tag(p["id"], "string"))
        if thread is not None:  # a reply's or forward's place in its conversation
            if not isinstance(p.get("value"), str):
                raise bad_request("Invalid value for property 'singleValueExtendedProperties'.", "RequestBodyRead")
            fields[thread] = " ".join(p["value"].split())
            continue
        if _tag(p["id"]) != SENSITIVITY_TAG:
            continue
        try:
            fields["Sensitivity"] = SENSITIVITY[int(str(p.get("value")))]
        except (ValueError, IndexError):
            raise bad_request(f"Cannot convert the literal '{p.get('value')}' to the expected type 'Edm.Int32'.",
                              "RequestBodyRead") from None
    return fields


def _deferred_send(p: dict, fields: dict) -> bool:
    """A draft's deferred send time into ``fields``; True when ``p`` is that property."""
    if _tag(p["id"], "systemtime") != DEFERRED_SEND_TAG:
        return False
    value = p.get("value")
    if not isinstance(value, str) or not valid_value("SystemTime", value):
        raise bad_request(f"Cannot convert the literal '{value}' to the expected type 'Edm.DateTimeOffset'.",
                          "RequestBodyRead")
    fields[DEFERRED_SEND_FIELD] = {"type": "SystemTime", "value": value.strip()}
    return True


def _conversation(p: dict, fields: dict) -> bool:
    """A client's conversation index or topic into ``fields``; True when ``p`` is one of the two."""
    if _tag(p["id"], "binary") == INDEX_TAG:
        value = p.get("value")
        if not isinstance(value, str):
            raise bad_request("Invalid value for property 'singleValueExtendedProperties'.", "RequestBodyRead")
        if threads.is_index(value):  # another value: the store makes the index itself
            fields["ConversationIndex"] = value
        return True
    if _tag(p["id"], "string") == TOPIC_TAG:
        if not isinstance(p.get("value"), str):
            raise bad_request("Invalid value for property 'singleValueExtendedProperties'.", "RequestBodyRead")
        fields["ConversationTopic"] = p["value"]
        return True
    return False


def expansion_ids(term: str) -> tuple[str, ...] | None:
    """The ids a term of an ``$expand`` (expand.py) asks for when it is
    ``singleValueExtendedProperties($filter=id eq '…')``, with one id or several joined with ``or``: the one form
    served. None for any other term."""
    m = _EXPAND.fullmatch(term)
    return None if m is None else tuple(_IDS.findall(m.group(1)))


def filter_column(prop_id: str) -> str | None:
    """The SQL of the value of the string property ``prop_id`` (``"String 0x001A"``) for a $filter's lambda; None
    for an id the sandbox does not filter on."""
    return _FILTER_COLUMNS.get(_tag(prop_id, "string"))


def expanded(ids: tuple[str, ...] | None, data: dict) -> dict:
    """The ``singleValueExtendedProperties`` member the ``$expand`` term's ``ids`` (expansion_ids) asked for
    (empty: no such term, or none of its ids set)."""
    out = []
    for prop_id in ids or ():
        if _tag(prop_id) == SENSITIVITY_TAG and data.get("Sensitivity") in SENSITIVITY:
            out.append({"id": "Integer 0x36", "value": str(SENSITIVITY.index(data["Sensitivity"]))})
        tag = _tag(prop_id, "string")
        if tag in THREAD_TAGS and data.get(THREAD_TAGS[tag]):
            out.append({"id": f"String {tag:#x}", "value": data[THREAD_TAGS[tag]]})
        if tag == CLASS_TAG:
            out.append({"id": f"String {tag:#x}", "value": data.get("ItemClass") or DEFAULT_CLASS})
        if tag == TOPIC_TAG and data.get("ConversationTopic"):
            out.append({"id": f"String {tag:#x}", "value": data["ConversationTopic"]})
        deferred = (data.get("_ext") or {}).get(DEFERRED_SEND_FIELD[4:])
        if _tag(prop_id, "systemtime") == DEFERRED_SEND_TAG and deferred:
            out.append({"id": f"SystemTime {DEFERRED_SEND_TAG:#x}", "value": deferred["value"]})
        if _tag(prop_id, "binary") == INDEX_TAG and data.get("ConversationIndex"):
            out.append({"id": f"Binary {INDEX_TAG:#x}", "value": data["ConversationIndex"]})
    return {"singleValueExtendedProperties": out} if out else {}
