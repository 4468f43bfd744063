"""The reports in the Inbox over EWS: found by one restricted FindItem, read by one GetItem of their
MimeContent.

- The search is the server's: FindItem on the Inbox (shallow) with the restriction "ItemClass is one of
  :data:`app.domain.delivery.REPORT_CLASSES` AND DateTimeReceived >= since" (exchangelib's ``Q``: an Or of
  IsEqualTo, And IsGreaterThanOrEqualTo), sorted by DateTimeReceived descending, only the item's id, ItemClass
  and DateTimeReceived asked for (BaseShape IdOnly plus the two), paged by the server (IndexedPageItemView, its
  Offset moved on by exchangelib) up to the limit.
- EWS has no item type of its own for reports: the answer holds each as a ``t:Message`` (the sandbox's, read by
  exchangelib as a Message) whose ItemClass says which. Only fields every item has are read (ItemId, ItemClass,
  DateTimeReceived), so a server that answered ``t:Item`` instead would be read the same (exchangelib knows both
  tags in any folder), with no hint given to exchangelib.
- The MIME is GetItem's ``item:MimeContent`` (base64 in the answer, decoded by exchangelib): the server sends the
  whole item, which is all the memory this takes; what is handed on is cut at :data:`MAX_REPORT_BYTES`.
"""

from __future__ import annotations

from datetime import datetime

from exchangelib import EWSDateTime
from exchangelib.fields import FieldOrder, FieldPath
from exchangelib.folders import SHALLOW
from exchangelib.items import ID_ONLY, Message
from exchangelib.restriction import Q, Restriction
from exchangelib.services import FindItem, GetItem

from app.domain.delivery import REPORT_CLASSES, report_kind
from app.domain.models import ItemRef
from app.mail.service import MAX_REPORT_BYTES, ReportItem, as_utc

_FIELDS = ("item_class", "datetime_received")


def _path(name: str) -> FieldPath:
    return FieldPath(field=Message.get_field_by_fieldname(name))


def find(account, inbox, since: datetime, *, limit: int, page_size: int, check) -> list[ReportItem]:
    """The reports in ``inbox`` received at ``since`` or later, newest first, at most ``limit``. ``check`` turns an
    item the answer holds as an error into its MailError (the service's rule)."""
    limit, page_size = max(1, int(limit)), max(1, int(page_size))
    after = EWSDateTime.from_datetime(as_utc(since))
    q = Q(item_class__in=list(REPORT_CLASSES)) & Q(datetime_received__gte=after)
    items = FindItem(account=account, page_size=min(page_size, limit)).call(
        folders=[inbox], additional_fields={_path(n) for n in _FIELDS},
        restriction=Restriction(q, folders=[inbox], applies_to=Restriction.ITEMS),
        order_fields=[FieldOrder(field_path=_path("datetime_received"), reverse=True)],
        shape=ID_ONLY, query_string=None, depth=SHALLOW, calendar_view=None, max_items=limit, offset=0)
    out = []
    for item in map(check, items):
        item_class = item.item_class or ""
        if report_kind(item_class) and item.datetime_received is not None:
            out.append(ReportItem(ItemRef(item.id, item.changekey or ""), item_class, item.datetime_received))
    return out[:limit]


def mime(account, ref: ItemRef, *, check) -> bytes:
    """The report's MIME, cut at :data:`MAX_REPORT_BYTES` (b"" when the server holds none)."""
    [item] = [check(i) for i in GetItem(account=account).call(
        items=[(ref.id, None)], additional_fields={_path("mime_content")}, shape=ID_ONLY)]
    return bytes(item.mime_content or b"")[:MAX_REPORT_BYTES]

