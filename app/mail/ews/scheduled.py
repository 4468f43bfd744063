"""Send later kept on the server, over EWS: the messages waiting in the account's own Outbox, and one taken back.

- A message sent with PidTagDeferredSendTime (0x3FEF, SystemTime, UTC; app/mail/ews/extended.py) later than now
  waits in the mailbox's Outbox until Exchange sends it ("If PR_DEFERRED_SEND_TIME value is earlier than the
  current time (UTC), the message is sent immediately", PidTagDeferredSendTime canonical property).
- The list: ONE FindItem on the distinguished ``outbox`` (shallow, IdOnly plus the subject, the Message-ID and the
  extended property), then ONE GetItem of their To: a recipient list is a "complex" field FindItem does not
  return (exchangelib's own QuerySet asks GetItem for such fields too). An item gone between the two (Exchange
  sent it meanwhile) is not listed.
- A take-back: ``MoveItem`` to Drafts, then ``UpdateItem`` ``DeleteItemField`` of the property's
  ``ExtendedFieldURI`` on the moved copy (exchangelib deletes a field saved as None), so that a later plain
  SendItem goes at once. An Outbox id that names nothing any more (the delivery won the race, or another computer
  took it) is Exchange's ErrorItemNotFound: raised as the service's MailError, kind NOT_FOUND.
"""

from __future__ import annotations

from exchangelib.errors import ErrorItemNotFound
from exchangelib.fields import FieldPath
from exchangelib.folders import SHALLOW
from exchangelib.items import ID_ONLY, Message
from exchangelib.services import FindItem, GetItem, MoveItem

from app.domain.models import ItemRef
from app.mail.errors import MalformedResponse
from app.mail.ews import convert, extended
from app.mail.service import Scheduled, scheduled_order

_LISTED = ("subject", "message_id", extended.SEND_AT)


def _paths(names) -> set[FieldPath]:
    return {FieldPath(field=Message.get_field_by_fieldname(n)) for n in names}


def find(account, outbox, *, limit: int, check) -> list[Scheduled]:
    """The messages in ``outbox`` (the account's own), at most ``limit``, in :func:`scheduled_order`. ``check`` turns
    an item the answer holds as an error into its MailError (the service's rule)."""
    limit = max(1, int(limit))
    listed = [check(i) for i in FindItem(account=account, page_size=min(limit, 100)).call(
        folders=[outbox], additional_fields=_paths(_LISTED), restriction=None, order_fields=None, shape=ID_ONLY,
        query_string=None, depth=SHALLOW, calendar_view=None, max_items=limit, offset=0)]
    if not listed:
        return []
    read = list(GetItem(account=account).call(items=[(i.id, None) for i in listed],
                                              additional_fields=_paths(["to_recipients"]), shape=ID_ONLY))
    if len(read) != len(listed):
        raise MalformedResponse(f"The server answered {len(read)} of {len(listed)} messages")
    out = []
    for item, full in zip(listed, read):
        if isinstance(full, ErrorItemNotFound):
            continue  # sent between the two requests: no longer in the Outbox
        full = check(full)
        out.append(Scheduled(ItemRef(item.id, item.changekey or ""), item.message_id or "", item.subject or "",
                             tuple(convert.recipients_from(full.to_recipients)), extended.send_at_of(item)))
    return scheduled_order(out)[:limit]


def take_back(account, ref: ItemRef, drafts, *, check) -> ItemRef:
    """Move the Outbox item ``ref`` to ``drafts`` and delete its deferred send time; its ref in Drafts."""
    answers = list(MoveItem(account=account).call(items=[(ref.id, None)], to_folder=drafts))
    if len(answers) != 1:
        raise MalformedResponse(f"The server answered {len(answers)} results for one message")
    moved = check(answers[0])
    if not isinstance(moved, tuple) or not moved[0]:
        raise MalformedResponse("The server moved the message but did not say its new id")
    msg = Message(account=account, folder=drafts, id=moved[0], changekey=moved[1] or None)
    msg.is_draft = True
    msg.save(update_fields=extended.clear_send_at(msg))  # UpdateItem DeleteItemField of the ExtendedFieldURI
    return ItemRef(msg.id, msg.changekey or "")
