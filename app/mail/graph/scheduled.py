"""Send later kept on the server, over Microsoft Graph: the messages waiting in the user's own Outbox, and one
taken back.

- The deferral is PidTagDeferredSendTime, ``SystemTime 0x3FEF`` (convert.SEND_AT_ID), on the draft before its
  ``/send``; the message then waits in the mailbox's Outbox until Exchange sends it.
- The list: ``GET /me/mailFolders/outbox/messages`` with ``$select`` of what a row shows and ``$expand`` of the one
  property (Get singleValueLegacyExtendedProperty: "$expand ... is currently the only way to get the
  singleValueLegacyExtendedProperty object"), ``@odata.nextLink`` followed (GET, on Graph's own origin) until the
  limit.
- A take-back: ``POST /me/messages/{id}/move`` ``{"destinationId": "drafts"}``, then the deferral undone on the
  moved copy. Graph cannot remove an extended property: the singleValueLegacyExtendedProperty resource has two
  methods, Post (create) and Get, and no Delete (its resource page, "Methods"). So it is PATCHed to a time long
  past, which sends at once: "If PR_DEFERRED_SEND_TIME value is earlier than the current time (in UTC), the message
  is sent immediately" (PidTagDeferredSendTime canonical property, learn.microsoft.com/office/client-developer/
  outlook/mapi/pidtagdeferredsendtime-canonical-property). A fixed past time, not this computer's "now": a clock
  ahead of the server's would defer the send again. A read treats that time, or any before it, as no deferral.
- An Outbox message is named by its REGULAR id, asked for without ``Prefer: IdType="ImmutableId"`` (the rest of
  the backend's ids are immutable). An immutable id "won't change if the item is moved to a different folder", and
  after a send "Get the message using the ID from the first step. This is the copy in Sent Items" (Obtain immutable
  identifiers for Outlook resources, learn.microsoft.com/graph/outlook-immutable-id): a take-back or delete by it
  that came after the delivery would take the copy out of Sent Items. The regular id "changes when the item is
  moved from one container ... to another", so once Exchange has sent the message it names nothing: the move or
  delete answers 404 (ErrorItemNotFound), raised as the MailError of kind NOT_FOUND the rest of the backend maps,
  and the copy in Sent Items stays where it is. The move's answer (asked with immutable ids) names the copy in
  Drafts as every other draft is named.
"""

from __future__ import annotations

from app.domain.models import ItemRef
from app.mail.errors import MalformedResponse
from app.mail.graph import batch, convert
from app.mail.graph.http import GraphHttp
from app.mail.service import Scheduled, scheduled_order

OUTBOX = "/me/mailFolders/outbox/messages"
SELECT = "id,changeKey,subject,toRecipients,internetMessageId"
# the largest $top Graph takes for messages (List messages: "within the range of 1 and 1000")
MAX_TOP = 1000


def find(http: GraphHttp, *, limit: int) -> list[Scheduled]:
    """The messages in the user's own Outbox, at most ``limit``, in :func:`scheduled_order`."""
    limit = max(1, int(limit))
    params = {"$select": SELECT, "$expand": f"singleValueExtendedProperties($filter=id eq '{convert.SEND_AT_ID}')",
              "$top": str(min(limit, MAX_TOP))}
    doc = http.call("GET", OUTBOX, params=params, immutable_ids=False).doc
    out: list[Scheduled] = []
    while True:
        out.extend(_item(d) for d in convert.values(doc))
        link = doc.get("@odata.nextLink") if isinstance(doc, dict) else None
        if len(out) >= limit or not isinstance(link, str):
            return scheduled_order(out)[:limit]
        doc = http.call("GET", link, immutable_ids=False).doc


def _item(doc) -> Scheduled:
    if not isinstance(doc, dict):
        raise MalformedResponse("A message in the answer is not an object")
    return Scheduled(convert.ref_of(doc), convert.opt_string(doc, "internetMessageId"),
                     convert.opt_string(doc, "subject"), tuple(convert.recipients(doc.get("toRecipients") or [])),
                     convert.send_at_of(doc))


def take_back(http: GraphHttp, ref: ItemRef) -> ItemRef:
    """Move ``ref`` from the Outbox to Drafts and undo its deferral; its ref in Drafts."""
    moved = convert.ref_of(http.call("POST", batch.message_url(ref, "/move"), json={"destinationId": "drafts"}).doc)
    doc = http.call("PATCH", batch.message_url(moved),
                    json={"singleValueExtendedProperties": [convert.send_now_json()]}).doc
    return convert.ref_of(doc) if doc is not None else moved
