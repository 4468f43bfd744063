"""The follow-up flag and custom Internet headers over EWS, as extended properties (exchangelib's documented way
to reach a property it has no field for: an ``ExtendedProperty`` subclass registered on ``Message``,
"Extended properties" in exchangelib's docs).

- The flag (MS-OXOFLAG): PidTagFlagStatus (0x1090: 1 complete, 2 flagged), PidLidTaskStartDate and
  PidLidTaskDueDate (PSETID_Task 0x8104 / 0x8105). exchangelib has no field for EWS's own ``t:Flag``
  (Exchange 2013 and later); these properties are what that element shows, on every Exchange version.
- An X- header is a named property of the PS_INTERNET_HEADERS set, named as the header (MS-OXCMAIL
  2.2.3.2.12): the transport writes it into the sent message's MIME. One class per header name, registered
  when first used. So a draft can be read back without knowing its names first, the (name, value) pairs are
  also kept in one string array of Dispatch's own (PublicStrings "Dispatch-Custom-Headers").
- A reply's or forward's conversation: PidTagConversationIndex (0x0071, Binary) and
  PidTagConversationTopic (0x0070, String), [MS-OXOMSG] 2.2.1.3 / 2.2.1.5, which the client sets as Outlook does
  (the MAPI "Tracking Conversations" page: "It is a client's responsibility to set PR_CONVERSATION_INDEX for
  each outgoing message"). EWS shows them as the read-only message:ConversationIndex / ConversationTopic; a
  client writes them as these properties.
- Send later kept on the server: PidTagDeferredSendTime (0x3FEF, SystemTime, UTC; [MS-OXOMSG] 2.2.3.4), which
  Outlook's "Delay delivery" sets: a message sent with it later than now waits in the Outbox until then.
"""

from __future__ import annotations

import datetime as _dt
import threading

from exchangelib import ExtendedProperty
from exchangelib.ewsdatetime import EWSDateTime, UTC
from exchangelib.items import Message

from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from app.mail.service import as_utc


class FlagStatusProperty(ExtendedProperty):
    property_tag = 0x1090
    property_type = "Integer"


class FlagStartProperty(ExtendedProperty):
    distinguished_property_set_id = "Task"
    property_id = 0x8104
    property_type = "SystemTime"


class FlagDueProperty(ExtendedProperty):
    distinguished_property_set_id = "Task"
    property_id = 0x8105
    property_type = "SystemTime"


class HeaderListProperty(ExtendedProperty):
    distinguished_property_set_id = "PublicStrings"
    property_name = "Dispatch-Custom-Headers"
    property_type = "StringArray"


class ConversationIndexProperty(ExtendedProperty):
    property_tag = 0x0071
    property_type = "Binary"


class ConversationTopicProperty(ExtendedProperty):
    property_tag = 0x0070
    property_type = "String"


class DeferredSendProperty(ExtendedProperty):
    property_tag = 0x3FEF
    property_type = "SystemTime"


THREAD_INDEX, THREAD_TOPIC = "dispatch_conversation_index", "dispatch_conversation_topic"
FLAG_FIELDS = ["dispatch_flag_status", "dispatch_flag_start", "dispatch_flag_due"]
HEADER_LIST = "dispatch_headers"
SEND_AT = "dispatch_send_at"
_STATUS = {FlagStatus.COMPLETE: 1, FlagStatus.FLAGGED: 2}
_lock = threading.Lock()
_registered: dict[str, str] = {}  # header name -> its attribute on Message
_fixed: list[bool] = []


def register() -> None:
    """The fixed properties on Message (once, when app/mail/ews/convert.py is imported)."""
    with _lock:
        if not _fixed:
            for attr, cls in zip([*FLAG_FIELDS, HEADER_LIST, THREAD_INDEX, THREAD_TOPIC, SEND_AT],
                                 (FlagStatusProperty, FlagStartProperty, FlagDueProperty, HeaderListProperty,
                                  ConversationIndexProperty, ConversationTopicProperty, DeferredSendProperty)):
                Message.register(attr, cls)
            _fixed.append(True)


def header_attr(name: str) -> str:
    """The Message attribute of the X- header ``name`` (a PS_INTERNET_HEADERS String), registered once."""
    with _lock:
        attr = _registered.get(name)
        if attr is None:
            attr = "dispatch_xh_" + name.encode("utf-8").hex()
            cls = type("InternetHeader_" + name.encode("utf-8").hex(), (ExtendedProperty,),
                       {"distinguished_property_set_id": "InternetHeaders", "property_name": name,
                        "property_type": "String"})
            Message.register(attr, cls)
            _registered[name] = attr
        return attr


def _when(day: _dt.date | None):
    """A flag's day as PidLidTaskStartDate/DueDate hold it: "the date is in the user's local time zone" with a
    time of 12:00 midnight (MS-OXOTASK 2.2.2.2.4/2.2.2.2.5), i.e. the local day's midnight written as is, not
    converted to UTC (Graph's followupFlag, a dateTimeTimeZone, differs: app/mail/graph/timezones.py)."""
    return None if day is None else EWSDateTime(day.year, day.month, day.day, tzinfo=UTC)


def set_flag(msg: Message, flag: FollowUpFlag) -> None:
    msg.dispatch_flag_status = _STATUS.get(flag.status)
    msg.dispatch_flag_start = _when(flag.start) if flag.is_set else None
    msg.dispatch_flag_due = _when(flag.due) if flag.is_set else None


def flag_of(msg: Message) -> FollowUpFlag:
    status = {v: k for k, v in _STATUS.items()}.get(getattr(msg, "dispatch_flag_status", None), FlagStatus.NOT_FLAGGED)
    if status == FlagStatus.NOT_FLAGGED:
        return NO_FLAG
    day = lambda v: v.astimezone(UTC).date() if v is not None else None  # noqa: E731
    return FollowUpFlag(status, day(getattr(msg, "dispatch_flag_start", None)),
                        day(getattr(msg, "dispatch_flag_due", None)))


def set_headers(msg: Message, headers, old_names=()) -> list[str]:
    """Put ``headers`` on ``msg`` (and remove ``old_names`` no longer there); the attributes an update writes."""
    attrs = [HEADER_LIST]
    msg.dispatch_headers = [f"{n}: {v}" for n, v in headers] or None
    for n, v in headers:
        setattr(msg, header_attr(n), v)
        attrs.append(header_attr(n))
    now = {n.lower() for n, _v in headers}
    for n in old_names:
        if n.lower() not in now:
            setattr(msg, header_attr(n), None)  # DeleteItemField
            attrs.append(header_attr(n))
    return attrs


def headers_of(msg: Message) -> list[tuple[str, str]]:
    out = []
    for line in getattr(msg, "dispatch_headers", None) or []:
        name, _sep, value = line.partition(": ")
        out.append((name, value))
    return out


def set_send_at(msg: Message, when: _dt.datetime | None) -> list[str]:
    """The deferred send time on ``msg`` when there is one; the attributes an update writes ([] for none: a save
    without a send time leaves the server's property as it is)."""
    if when is None:
        return []
    # whole seconds: exchangelib writes a fraction it cannot read back (its SystemTime format has none)
    setattr(msg, SEND_AT, EWSDateTime.from_datetime(as_utc(when).replace(microsecond=0)))
    return [SEND_AT]


def clear_send_at(msg: Message) -> list[str]:
    """The deferral removed (UpdateItem DeleteItemField of its ExtendedFieldURI: exchangelib deletes a field
    saved as None); the attributes the update writes."""
    setattr(msg, SEND_AT, None)
    return [SEND_AT]


def send_at_of(msg) -> _dt.datetime | None:
    """The message's deferred send time, aware UTC (None when it has none)."""
    value = getattr(msg, SEND_AT, None)
    return as_utc(value) if isinstance(value, _dt.datetime) else None
