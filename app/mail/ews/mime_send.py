"""EWS: a whole message sent as its MIME bytes hold it (an ``.eml`` file sent as it is).

ONE ``CreateItem`` with ``MessageDisposition="SendAndSaveCopy"``, ``SavedItemFolderId`` Sent Items, whose
``t:Message`` holds nothing but ``t:MimeContent``: Exchange reads every field (recipients, Bcc included,
subject, importance, sensitivity, receipts, headers, Message-ID) from the bytes. exchangelib's ``Message``
would write its defaults too (``Sensitivity`` Normal, ``Importance`` Normal, ``IsReadReceiptRequested``
false...), which Exchange applies over what the file says; :class:`MimeOnlyMessage` is a ``t:Message`` with
only that one field, sent through exchangelib's public ``CreateItem`` service, and the receipts the bytes ask for
(``Disposition-Notification-To``, ``Return-Receipt-To``: app.domain.mime_edits.receipts_asked) as
``t:IsReadReceiptRequested`` / ``t:IsDeliveryReceiptRequested`` true: said in so many words rather than left to
the server's reading of the headers (``sendmail``'s messages). Never written false: a message that asks
for none is the bytes alone, as before.
"""

from __future__ import annotations

from exchangelib.fields import BooleanField, MimeContentField
from exchangelib.items import SEND_AND_SAVE_COPY, SEND_TO_NONE
from exchangelib.properties import EWSElement
from exchangelib.services import CreateItem
from exchangelib.util import TNS

from app.domain.mime_edits import receipts_asked


class MimeOnlyMessage(EWSElement):
    """``<t:Message><t:MimeContent>…</t:MimeContent></t:Message>`` and, when the bytes ask for a receipt, its
    ``IsReadReceiptRequested`` / ``IsDeliveryReceiptRequested`` (in the schema's order: MessageType's, after
    ItemType's MimeContent); nothing else."""

    ELEMENT_NAME = "Message"
    NAMESPACE = TNS
    __slots__ = ("account",)  # CreateItem asks each item for its account, as of exchangelib's own items

    mime_content = MimeContentField(field_uri="item:MimeContent")
    is_read_receipt_requested = BooleanField(field_uri="message:IsReadReceiptRequested")
    is_delivery_receipt_requested = BooleanField(field_uri="message:IsDeliveryReceiptRequested")

    def __init__(self, account, mime: bytes):
        read, delivery = receipts_asked(mime)
        super().__init__(mime_content=mime, is_read_receipt_requested=True if read else None,
                         is_delivery_receipt_requested=True if delivery else None)  # None: not written
        self.account = account


def send(account, mime: bytes, *, sent_folder) -> None:
    """Send ``mime`` and keep a copy in ``sent_folder``; raises exchangelib's error for a refusal."""
    results = list(CreateItem(account=account).call(items=[MimeOnlyMessage(account, bytes(mime))], folder=sent_folder,
                                                    message_disposition=SEND_AND_SAVE_COPY,
                                                    send_meeting_invitations=SEND_TO_NONE))
    for res in results:
        if isinstance(res, Exception):
            raise res
