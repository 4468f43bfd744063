"""Exchange response codes in words a user understands.

The UI shows ``"<explanation> (<ResponseCode>)"``; the server's own MessageText is kept for details.
"""

from __future__ import annotations

import unicodedata

from app.domain.words import QT_TRANSLATE_NOOP, Words, translate

_PLAIN = {
    "NoError": QT_TRANSLATE_NOOP("MailErrors", "Done"),
    "ErrorMessageSizeExceeded": QT_TRANSLATE_NOOP("MailErrors", "Too large to send"),
    "ErrorInvalidRecipients": QT_TRANSLATE_NOOP("MailErrors", "No valid recipients"),
    "ErrorItemNotFound": QT_TRANSLATE_NOOP("MailErrors", "Deleted on the server"),
    "ErrorInvalidIdMalformed": QT_TRANSLATE_NOOP("MailErrors", "The server did not recognise this item"),
    "ErrorInvalidChangeKey": QT_TRANSLATE_NOOP("MailErrors", "The item changed on the server; refresh and try again"),
    "ErrorIrresolvableConflict": QT_TRANSLATE_NOOP("MailErrors", "The item was changed elsewhere; reopen it and try again"),
    "ErrorStaleObject": QT_TRANSLATE_NOOP("MailErrors", "The item was changed elsewhere; reopen it and try again"),
    "ErrorAccessDenied": QT_TRANSLATE_NOOP("MailErrors", "You do not have permission to do this"),
    "ErrorServerBusy": QT_TRANSLATE_NOOP("MailErrors", "The server is busy; try again shortly"),
    "ErrorMailRecipientNotFound": QT_TRANSLATE_NOOP("MailErrors", "A recipient could not be found"),
    "ErrorQuotaExceeded": QT_TRANSLATE_NOOP("MailErrors", "Your mailbox is full"),
    "ErrorSendAsDenied": QT_TRANSLATE_NOOP("MailErrors", "You are not allowed to send as this sender"),
    "ErrorSubmissionQuotaExceeded": QT_TRANSLATE_NOOP("MailErrors", "You have sent too many messages; try again later"),
    "ErrorItemSave": QT_TRANSLATE_NOOP("MailErrors", "The server could not save the item"),
    "ErrorCorruptData": QT_TRANSLATE_NOOP("MailErrors", "The item is damaged on the server"),
    "ErrorItemCorrupt": QT_TRANSLATE_NOOP("MailErrors", "The item is damaged on the server"),
    "ErrorMimeContentConversionFailed": QT_TRANSLATE_NOOP("MailErrors", "The server could not convert the message"),
    "ErrorMimeContentInvalid": QT_TRANSLATE_NOOP("MailErrors", "The server could not read the message file (its MIME content is invalid)"),
    "ErrorMimeContentInvalidBase64String": "The server could not read the message file (its MIME content is invalid)",
    "ErrorSchemaValidation": QT_TRANSLATE_NOOP("MailErrors", "The server rejected the request as malformed"),
    "ErrorInvalidRequest": QT_TRANSLATE_NOOP("MailErrors", "The server rejected the request"),
    "ErrorTimeoutExpired": QT_TRANSLATE_NOOP("MailErrors", "The server took too long to answer"),
    "ErrorInternalServerError": QT_TRANSLATE_NOOP("MailErrors", "The server had an internal error"),
    "ErrorNameResolutionNoResults": QT_TRANSLATE_NOOP("MailErrors", "No matching name in the directory"),
    "ErrorNameResolutionMultipleResults": QT_TRANSLATE_NOOP("MailErrors", "Several names match"),
    "ErrorConnectionFailed": QT_TRANSLATE_NOOP("MailErrors", "Could not reach the server"),
    "ErrorAuthenticationFailed": QT_TRANSLATE_NOOP("MailErrors", "The server did not accept your user name or password"),
    # a Microsoft 365 account has no password: its sign-in lapsed (app.mail.errors.SignInNeeded)
    "ErrorSignInRequired": QT_TRANSLATE_NOOP("MailErrors", "Microsoft 365 needs you to sign in again"),
    "ErrorTLS": QT_TRANSLATE_NOOP("MailErrors", "The server's certificate is not trusted"),
    "ErrorMalformedResponse": QT_TRANSLATE_NOOP("MailErrors", "The server sent a reply that could not be read"),
    # said of any request (a connect, a list, a save): a send's row says on its own that it is being checked
    "ErrorOutcomeUnknown": QT_TRANSLATE_NOOP("MailErrors", "The connection dropped before the server answered"),
    "ErrorCancelled": QT_TRANSLATE_NOOP("MailErrors", "Cancelled"),
    "ErrorEwsBlockedUseGraph": QT_TRANSLATE_NOOP("MailErrors", "Exchange Online no longer accepts EWS for this mailbox; sign in with Microsoft 365"),
}

# the longest piece of a server's own explanation quoted to the user (it is untrusted data)
SERVER_REASON_LIMIT = 160


def server_reason(text: str | None, limit: int = SERVER_REASON_LIMIT) -> str:
    """A server-supplied explanation made safe to show: control and format characters (newlines, bidi
    overrides, zero-width marks...) become spaces, runs of white space one space, and it is cut to
    ``limit`` characters. Untrusted data: never interpreted, only quoted."""
    chars = [" " if unicodedata.category(c)[0] in "CZ" else c for c in str(text or "")]
    clean = " ".join("".join(chars).split())
    return clean if len(clean) <= limit else clean[: limit - 1].rstrip() + "…"


def ews_blocked_message(address: str, reason: str | None) -> str:
    """What the user reads when Exchange Online refuses EWS for ``address`` (the EWS retirement)."""
    why = server_reason(reason) or translate("MailErrors", "no reason given")
    who = server_reason(address, 254) or translate("MailErrors", "this mailbox")
    return translate("MailErrors", "Exchange Online no longer accepts EWS for {who} ({why}). Sign in with "
                     "Microsoft 365 to keep using this mailbox: nothing waiting to be sent is lost.").format(
        who=who, why=why)


def sign_in_message(address: str) -> str:
    """What the user reads when a Microsoft 365 account's sign-in lapsed (it has no password to ask for)."""
    who = server_reason(address, 254) or translate("MailErrors", "this account")
    return translate("MailErrors", "Microsoft 365 needs you to sign in again for {who}. Nothing waiting to be "
                     "sent is lost: it goes out once you are signed in.").format(who=who)


def explain(code: str, message: str = "") -> str:
    """A short plain-words explanation for a response code (:class:`Words` for a known code; the server's
    own words, shown as they are, otherwise)."""
    if code in _PLAIN:
        return Words("MailErrors", _PLAIN[code])
    if isinstance(message, Words):
        return message  # the app's own words for a code the table does not name: translated as they are
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
    return "".join(out) or translate("MailErrors", "Unknown error")


def describe(code: str, message: str = "") -> str:
    """The inline text for a failed row: 'Too large to send (ErrorMessageSizeExceeded)'."""
    return translate("MailErrors", "{explanation} ({code})").format(explanation=explain(code, message), code=code)
