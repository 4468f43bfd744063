"""EWS: a whole message sent as its MIME bytes hold it (an ``.eml`` file sent as it is).

ONE ``CreateItem`` with ``MessageDisposition="SendAndSaveCopy"``, ``SavedItemFolderId`` Sent Items, whose
``t:Message`` holds nothing but ``t:MimeContent``: Exchange reads every field (recipients, Bcc included,
subject, importance, sensitivity, receipts, headers, Message-ID) from the bytes. exchangelib's ``Message``
would write its defaults too (``Sensitivity`` Normal, ``Importance`` Normal, ``IsReadReceiptRequested``
false...), which Exchange applies over what the file says; :class:`MimeOnlyMessage` is a ``t:Message`` with
only that one field, sent through exchangelib's public ``CreateItem`` service.
"""

from __future__ import annotations

from exchangelib.fields import MimeContentField
from exchangelib.items import SEND_AND_SAVE_COPY, SEND_TO_NONE
from exchangelib.properties import EWSElement
from exchangelib.services import CreateItem
from exchangelib.util import TNS


class MimeOnlyMessage(EWSElement):
    """``<t:Message><t:MimeContent>…</t:MimeContent></t:Message>`` and nothing else."""

    ELEMENT_NAME = "Message"
    NAMESPACE = TNS
    __slots__ = ("account",)  # CreateItem asks each item for its account, as of exchangelib's own items

    mime_content = MimeContentField(field_uri="item:MimeContent")

    def __init__(self, account, mime: bytes):
        super().__init__(mime_content=mime)
        self.account = account


def send(account, mime: bytes, *, sent_folder) -> None:
    """Send ``mime`` and keep a copy in ``sent_folder``; raises exchangelib's error for a refusal."""
    results = list(CreateItem(account=account).call(items=[MimeOnlyMessage(account, bytes(mime))], folder=sent_folder,
                                                    message_disposition=SEND_AND_SAVE_COPY,
                                                    send_meeting_invitations=SEND_TO_NONE))
    for res in results:
        if isinstance(res, Exception):
            raise res
