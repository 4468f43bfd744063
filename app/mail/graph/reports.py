"""The reports in the Inbox over Microsoft Graph: found by the server's ``$filter`` on the item class,
read as MIME (``/$value``), streamed and cut.

- Graph has no property for the item class; it is the MAPI property PidTagMessageClass, extended property
  ``String 0x001A``. Microsoft documents filtering messages on a string-typed extended property with
  ``singleValueExtendedProperties/Any(ep: ep/id eq '{id}' and ep/value eq '{value}')`` (Get
  singleValueLegacyExtendedProperty, "GET resource instances with string-typed extended properties matching a
  filter"; "Filtering the value property of an extended property is case-insensitive"), one property value a
  filter: so one query per class of :data:`app.domain.delivery.REPORT_CLASSES`, the four in ONE ``$batch``.
- Each query also says ``receivedDateTime ge {since}`` and sorts ``receivedDateTime desc``: Graph refuses a sort
  on a property that is not in the ``$filter`` before any other (InefficientFilter; message-list, "Using filter
  and orderby in the same query"), so it comes first. ``$select=id,receivedDateTime`` and ``$expand`` of the one
  property (the class, read back): nothing else of the message crosses.
- Pages: ``$top`` = the page size; ``@odata.nextLink`` followed (GET, on Graph's own origin only) until the limit.
  The classes' lists, each newest first, are merged newest first and cut at the limit.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from app.domain.delivery import REPORT_CLASSES, report_kind
from app.domain.models import ItemRef
from app.mail.errors import MalformedResponse
from app.mail.graph import batch, convert
from app.mail.graph.http import GraphHttp
from app.mail.service import MAX_REPORT_BYTES, ReportItem, as_utc

# PidTagMessageClass as Graph names it (Outlook extended properties overview: "{type} {proptag}")
CLASS_PROPERTY = "String 0x001A"
INBOX = "/me/mailFolders/inbox/messages"
# the largest $top Graph takes for messages (List messages: "use $top to customize the page size, within the range
# of 1 and 1000")
MAX_TOP = 1000


def query(item_class: str, since: datetime, top: int) -> dict:
    """The query parameters of one class's search."""
    when = as_utc(since).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return {
        "$filter": (f"receivedDateTime ge {when} and singleValueExtendedProperties/Any(ep: ep/id eq "
                    f"'{CLASS_PROPERTY}' and ep/value eq '{item_class}')"),
        "$select": "id,receivedDateTime",
        "$expand": f"singleValueExtendedProperties($filter=id eq '{CLASS_PROPERTY}')",
        "$orderby": "receivedDateTime desc",
        "$top": str(top),
    }


def _encoded(params: dict) -> str:
    """The query string of ``params`` (an inner request of a $batch names its whole URL)."""
    return "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())


def find(http: GraphHttp, since: datetime, *, limit: int, page_size: int) -> list[ReportItem]:
    """The reports in the Inbox received at ``since`` or later, newest first, at most ``limit``."""
    limit, top = max(1, int(limit)), max(1, min(int(page_size), int(limit), MAX_TOP))
    answers = batch.run(http, [batch.request("GET", f"{INBOX}?{_encoded(query(c, since, top))}")
                               for c in REPORT_CLASSES])
    found: dict[str, ReportItem] = {}
    for answer in answers:
        err = answer.error()
        if err is not None:
            raise err
        for item in _pages(http, answer.body, limit):
            found.setdefault(item.ref.id, item)
    return sorted(found.values(), key=lambda r: r.received, reverse=True)[:limit]


def _pages(http: GraphHttp, doc, limit: int) -> list[ReportItem]:
    """One class's reports: this page and the ones its ``@odata.nextLink`` leads to, until ``limit``."""
    out: list[ReportItem] = []
    while True:
        out.extend(item for item in map(_item, convert.values(doc)) if item is not None)
        link = doc.get("@odata.nextLink") if isinstance(doc, dict) else None
        if len(out) >= limit or not isinstance(link, str):
            return out[:limit]
        doc = http.call("GET", link).doc


def _item(doc) -> ReportItem | None:
    """A listed message as a report (None: its class is no report's, which a server that ignored the filter
    would list)."""
    if not isinstance(doc, dict):
        raise MalformedResponse("A message in the answer is not an object")
    received = convert.when(doc.get("receivedDateTime"))
    item_class = next((p.get("value") for p in doc.get("singleValueExtendedProperties") or []
                       if isinstance(p, dict) and convert.string_tag(p.get("id")) == 0x001A
                       and isinstance(p.get("value"), str)), "")
    if received is None or not report_kind(item_class):
        return None
    return ReportItem(convert.ref_of(doc), item_class, received)


def mime(http: GraphHttp, ref: ItemRef) -> bytes:
    """The report's MIME (``GET /me/messages/{id}/$value``), at most :data:`MAX_REPORT_BYTES` of it."""
    return http.download(f"{batch.message_url(ref)}/$value", max_bytes=MAX_REPORT_BYTES)

