"""The mailbox store's errors, protocol-neutral.

A ``MailboxError`` is the failure of one operation on one item or folder, named with Exchange's own codes
(``ErrorItemNotFound``, ``ErrorInvalidRecipients``, ``ErrorSendAsDenied``, ...). Exchange reports these same
codes through both of its protocols, so the core raises them and each front end renders them its way:
EWS as the ResponseCode of that item's response message (ews/soap.py ``error_message``), Graph as
``error.code`` with an HTTP status. A failure of a whole request (a schema error, a SOAP fault) is the
front end's own business, never raised here.
"""

from __future__ import annotations


class MailboxError(Exception):
    """``code``: Exchange's response code; ``text``: the message Exchange gives with it."""

    def __init__(self, code: str, text: str):
        super().__init__(f"{code}: {text}")
        self.code = code
        self.text = text


ACCESS_DENIED = "Access is denied. Check credentials and try again."
NOT_FOUND = "The specified object was not found in the store."
FOLDER_NOT_FOUND = "The specified folder could not be found in the store."
