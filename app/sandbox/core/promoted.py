"""Extended MAPI properties Exchange keeps as item fields: a client writing one through EWS changes the field,
and reading one answers from the field, whichever protocol set it.

- A named property of the PS_INTERNET_HEADERS set (its name an X- header) is one of the item's
  ``InternetMessageHeaders`` (MS-OXCMAIL 2.2.3.2.12 "Arbitrary MIME Headers": MIME writers put it in the
  message as a header of that name) — what Graph's ``internetMessageHeaders`` sets.
- The follow-up flag (MS-OXOFLAG): PidTagFlagStatus (0x1090: 1 complete, 2 flagged), PidLidTaskStartDate and
  PidLidTaskDueDate (PSETID_Task 0x8104 / 0x8105) are the item's ``Flag`` — what Graph's ``flag`` sets.
- A conversation: PidTagConversationIndex (0x0071, Binary) and PidTagConversationTopic (0x0070,
  String), [MS-OXOMSG] 2.2.1.3 / 2.2.1.5, are the item's ``ConversationIndex`` / ``ConversationTopic``: what a
  client computes for a reply as Outlook does (a 22-byte header and 5-byte child blocks; another value is
  kept as an ordinary property and the store makes the index itself), what EWS's message:ConversationIndex
  shows and the ConversationId is derived from.

Keys are extprops.py's canonical ones (``tag:1090``, ``{guid}:id:33028``, ``{guid}:name:X-...``); values its
stored form ({"type", "value"}, wire strings)."""

from __future__ import annotations

import datetime as _dt

from . import threads
from .clock import fmt_dt
from .mime import is_custom_header

INTERNET_HEADERS = "00020386-0000-0000-c000-000000000046"  # PS_INTERNET_HEADERS
TASK = "00062003-0000-0000-c000-000000000046"  # PSETID_Task
FLAG_STATUS = "tag:1090"
FLAG_DATES = {f"{TASK}:id:{0x8104}": "StartDate", f"{TASK}:id:{0x8105}": "DueDate"}
STATUS_CODES = {"1": "Complete", "2": "Flagged"}
_HEADER_PREFIX = f"{INTERNET_HEADERS}:name:"
CONVERSATION = {"tag:0071": "ConversationIndex", "tag:0070": "ConversationTopic"}


def is_promoted(key: str) -> bool:
    return key == FLAG_STATUS or key in FLAG_DATES or key in CONVERSATION or key.startswith(_HEADER_PREFIX)


def store(data: dict, key: str, value: dict | None) -> bool:
    """Set (``value``) or delete (None) the field behind ``key``; False when ``key`` is not promoted."""
    if key.startswith(_HEADER_PREFIX) and is_custom_header(key[len(_HEADER_PREFIX):]):
        name = key[len(_HEADER_PREFIX):]
        rest = [h for h in data.get("InternetMessageHeaders") or [] if h["Name"].lower() != name.lower()]
        data["InternetMessageHeaders"] = rest + ([{"Name": name, "Value": value.get("value", "")}] if value else [])
        return True
    if key in CONVERSATION:
        return _store_conversation(data, key, value)
    if key == FLAG_STATUS or key in FLAG_DATES:
        flag = dict(data.get("Flag") or {"FlagStatus": "NotFlagged"})
        if key == FLAG_STATUS:
            flag["FlagStatus"] = STATUS_CODES.get((value or {}).get("value", ""), "NotFlagged")
        elif value:  # a SystemTime extprops.py has checked, in the store's form
            when = _dt.datetime.fromisoformat(value.get("value", "").strip().replace("Z", "+00:00"))
            flag[FLAG_DATES[key]] = fmt_dt(when if when.tzinfo else when.replace(tzinfo=_dt.timezone.utc))
        else:
            flag.pop(FLAG_DATES[key], None)
        data["Flag"] = flag
        return True
    return False


def _store_conversation(data: dict, key: str, value: dict | None) -> bool:
    """A client's conversation index (only one of an index's shape) or topic; False to keep another value as
    an ordinary extended property."""
    text = (value or {}).get("value")
    if not isinstance(text, str):
        return False
    if key == "tag:0071" and not threads.is_index(text):
        return False
    data[CONVERSATION[key]] = text
    return True


def value_of(data: dict, key: str) -> dict | None:
    """The stored form of a promoted property, from the item's fields (None: not set)."""
    if key in CONVERSATION:
        if (data.get("_ext") or {}).get(key) is not None:
            return data["_ext"][key]
        text = data.get(CONVERSATION[key])
        return {"type": "Binary" if key == "tag:0071" else "String", "value": text} if text else None
    if key.startswith(_HEADER_PREFIX):
        name = key[len(_HEADER_PREFIX):].lower()
        for h in data.get("InternetMessageHeaders") or []:
            if h["Name"].lower() == name:
                return {"type": "String", "value": h.get("Value") or ""}
        return None
    flag = data.get("Flag") or {}
    if key == FLAG_STATUS:
        code = {v: k for k, v in STATUS_CODES.items()}.get(flag.get("FlagStatus"))
        return {"type": "Integer", "value": code} if code else None
    if key in FLAG_DATES and flag.get(FLAG_DATES[key]):
        return {"type": "SystemTime", "value": flag[FLAG_DATES[key]][:19] + "Z"}
    return None


