"""Exchange response codes in words a user understands.

The UI shows ``"<explanation> (<ResponseCode>)"``; the server's own MessageText is kept for details.
"""

from __future__ import annotations

_PLAIN = {
    "NoError": "Done",
    "ErrorMessageSizeExceeded": "Too large to send",
    "ErrorInvalidRecipients": "No valid recipients",
    "ErrorItemNotFound": "Deleted on the server",
    "ErrorInvalidIdMalformed": "The server did not recognise this item",
    "ErrorInvalidChangeKey": "The item changed on the server; refresh and try again",
    "ErrorIrresolvableConflict": "The item was changed elsewhere; reopen it and try again",
    "ErrorStaleObject": "The item was changed elsewhere; reopen it and try again",
    "ErrorAccessDenied": "You do not have permission to do this",
    "ErrorServerBusy": "The server is busy; try again shortly",
    "ErrorMailRecipientNotFound": "A recipient could not be found",
    "ErrorQuotaExceeded": "Your mailbox is full",
    "ErrorSendAsDenied": "You are not allowed to send as this sender",
    "ErrorSubmissionQuotaExceeded": "You have sent too many messages; try again later",
    "ErrorItemSave": "The server could not save the item",
    "ErrorCorruptData": "The item is damaged on the server",
    "ErrorItemCorrupt": "The item is damaged on the server",
    "ErrorMimeContentConversionFailed": "The server could not convert the message",
    "ErrorSchemaValidation": "The server rejected the request as malformed",
    "ErrorInvalidRequest": "The server rejected the request",
    "ErrorTimeoutExpired": "The server took too long to answer",
    "ErrorInternalServerError": "The server had an internal error",
    "ErrorNameResolutionNoResults": "No matching name in the directory",
    "ErrorNameResolutionMultipleResults": "Several names match",
    "ErrorConnectionFailed": "Could not reach the server",
    "ErrorAuthenticationFailed": "The server did not accept your user name or password",
    "ErrorTLS": "The server's certificate is not trusted",
    "ErrorMalformedResponse": "The server sent a reply that could not be read",
    "ErrorOutcomeUnknown": "The connection dropped; checking whether it was sent",
    "ErrorCancelled": "Cancelled",
}


def explain(code: str, message: str = "") -> str:
    """A short plain-words explanation for a response code."""
    if code in _PLAIN:
        return _PLAIN[code]
    if message:
        return message.rstrip(".")
    words = code[5:] if code.startswith("Error") else code
    # "ErrorSomethingWentWrong" -> "Something went wrong"
    out = []
    for ch in words:
        if ch.isupper() and out:
            out.append(" " + ch.lower())
        else:
            out.append(ch)
    return "".join(out) or "Unknown error"


def describe(code: str, message: str = "") -> str:
    """The inline text for a failed row: 'Too large to send (ErrorMessageSizeExceeded)'."""
    return f"{explain(code, message)} ({code})"
