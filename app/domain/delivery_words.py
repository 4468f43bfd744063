"""Did it arrive? What a report says of a recipient, in words: what happened and what to do.

The failures are Microsoft's enhanced status codes (RFC 3463 ``class.subject.detail``) as it documents them for
Exchange Online and Exchange Server; each sentence names the recipient (``{address}``) and, where it helps, its
domain (``{domain}``). A code the table does not have is told by its class (4: a temporary failure the server
gave up on; 5: a permanent one) with the server's own code. Sources:

- learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online (the table
  of the common codes: 4.4.7, 5.1.0, 5.1.1, 5.1.8, 5.1.10, 5.2.2, 5.2.3, 5.4.1, 5.4.6-5.4.20, 5.4.300, 5.4.310,
  5.4.316, 5.6.11, 5.7.1, 5.7.12, 5.7.124, 5.7.133, 5.7.134, 5.7.501-5.7.520, 5.7.606-5.7.649, 5.7.700-5.7.750)
  and its pages per code (``.../ndr/fix-error-code-550-5-1-10-in-exchange-online``,
  ``.../fix-error-code-5-7-700-through-5-7-750-in-exchange-online`` and the like);
- learn.microsoft.com/exchange/mail-flow/non-delivery-reports-and-bounce-messages/non-delivery-reports-and-bounce-
  messages (Exchange Server's: 5.2.1 the mailbox cannot be accessed, 5.3.4 the message is too big for the system,
  5.4.7 delivery expired, 5.5.0 mailbox unavailable).
"""

from __future__ import annotations

from datetime import datetime

from app.domain.delivery import Fate, RecipientNews
from app.domain.words import QT_TRANSLATE_NOOP, Number, Words, translate

CONTEXT = "Delivery"
_CHECK_SPELLING = QT_TRANSLATE_NOOP("Delivery", "Check the spelling of the address.")
_SMALLER = QT_TRANSLATE_NOOP("Delivery", "Send it again smaller: share large files as links instead of attachments.")
_LOOP = QT_TRANSLATE_NOOP("Delivery", "Tell the recipient another way: a forwarding or the mail routing at {domain} "
                          "needs fixing.")
_OUTSIDE = QT_TRANSLATE_NOOP("Delivery", "Ask the owner of {address} or their administrator to accept mail from "
                             "outside the organisation.")
_ADMIN = QT_TRANSLATE_NOOP("Delivery", "Ask your administrator, with the server's words below.")
_UNBLOCK = QT_TRANSLATE_NOOP("Delivery", "Change your password and ask your administrator to have your account "
                             "unblocked.")

# code -> (what happened, what to do)
FAILURES: dict[str, tuple[str, str]] = {
    "4.4.7": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached in time: the message waited in the "
                                "queue until it expired."),
              QT_TRANSLATE_NOOP("Delivery", "Check the address; if it is right, send the message again later.")),
    "5.4.7": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the message could not be delivered "
                                "before it expired."),
              QT_TRANSLATE_NOOP("Delivery", "Check the address; if it is right, send the message again later.")),
    "5.1.0": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the receiving server refused the "
                                "addresses on the message."),
              QT_TRANSLATE_NOOP("Delivery", "Check the address and the address you send from; if both are right, "
                                "ask your administrator.")),
    "5.1.1": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: there is no such address at {domain}."),
              QT_TRANSLATE_NOOP("Delivery", "Check the spelling of the address, or pick the person again from the "
                                "directory.")),
    "5.1.8": (QT_TRANSLATE_NOOP("Delivery", "The message to {address} was not sent: your account is blocked from "
                                "sending, usually because it sent spam."), _UNBLOCK),
    "5.1.10": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: Microsoft 365 has no mailbox with this "
                                 "address."),
               QT_TRANSLATE_NOOP("Delivery", "Check the spelling of the address; if it is right, the recipient's "
                                 "administrator must check that the mailbox exists.")),
    "5.2.1": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the mailbox cannot take messages now "
                                "(it is disabled or unavailable)."),
              QT_TRANSLATE_NOOP("Delivery", "Send the message again later; if it keeps failing, tell the recipient "
                                "another way.")),
    "5.2.2": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the recipient's mailbox is full."),
              QT_TRANSLATE_NOOP("Delivery", "Tell the recipient another way, and send the message again once they "
                                "have made room.")),
    "5.2.3": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the message is larger than this "
                                "recipient accepts."), _SMALLER),
    "5.3.4": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the message is larger than the "
                                "receiving server accepts."), _SMALLER),
    "5.4.1": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server for {domain} refused it "
                                "(no such address there, or it takes no mail for {domain})."),
              QT_TRANSLATE_NOOP("Delivery", "Check the spelling of the address; if it is right, the recipient's "
                                "administrator must check their mail setup.")),
    "5.4.6": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the message went round in a loop "
                                "between servers."), _LOOP),
    "5.4.14": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the message passed through too many "
                                 "servers (a loop, most likely)."), _LOOP),
    "5.4.300": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached in time: the message waited for the "
                                  "server of {domain} until it expired."),
                QT_TRANSLATE_NOOP("Delivery", "Check the address; if it is right, send the message again later: "
                                  "the recipient's server may be down.")),
    "5.4.310": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the domain {domain} does not exist."),
                _CHECK_SPELLING),
    "5.4.316": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server of {domain} refused the "
                                  "connection until the message expired."),
                QT_TRANSLATE_NOOP("Delivery", "Send the message again later; if it keeps failing, the recipient's "
                                  "administrator must check their server.")),
    "5.5.0": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server of {domain} says this "
                                "mailbox is unavailable."),
              QT_TRANSLATE_NOOP("Delivery", "Check the spelling of the address; if it is right, tell the recipient "
                                "another way.")),
    "5.6.11": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server of {domain} refused the "
                                 "message's line endings (bare line feeds)."), _ADMIN),
    "5.7.1": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: you are not allowed to send to this "
                                "recipient (a restricted group or mailbox)."),
              QT_TRANSLATE_NOOP("Delivery", "Ask the owner of {address} to allow you, or send it through someone "
                                "who may.")),
    "5.7.12": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: it accepts mail only from inside its "
                                 "organisation."), _OUTSIDE),
    "5.7.124": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: you are not on the list of senders "
                                  "this group accepts."),
                QT_TRANSLATE_NOOP("Delivery", "Ask the owner of the group {address} to add you to its allowed "
                                  "senders.")),
    "5.7.133": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: this group accepts mail only from "
                                  "inside its organisation."), _OUTSIDE),
    "5.7.134": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: this mailbox accepts mail only from "
                                  "inside its organisation."), _OUTSIDE),
}

# (first, last, what happened, what to do): codes Microsoft documents as a range, each with one meaning
RANGES: list[tuple[str, str, str, str]] = [
    ("5.7.501", "5.7.503", QT_TRANSLATE_NOOP("Delivery", "The message to {address} was not sent: your account is "
                                             "blocked from sending, for spam."), _UNBLOCK),
    ("5.7.504", "5.7.505", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server of {domain} "
                                             "refused this address."), _CHECK_SPELLING),
    ("5.7.506", "5.7.506", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server of {domain} "
                                             "refused how your organisation's server greeted it (HELO)."), _ADMIN),
    ("5.7.507", "5.7.507", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: {domain} blocks mail from "
                                             "your organisation's server."), _ADMIN),
    ("5.7.508", "5.7.508", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: your organisation's server "
                                             "sent more mail than {domain} accepts."),
     QT_TRANSLATE_NOOP("Delivery", "Send the message again later; if it keeps failing, ask your administrator.")),
    ("5.7.509", "5.7.509", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: your domain failed the "
                                             "sender check (DMARC), and its policy says to refuse such mail."),
     QT_TRANSLATE_NOOP("Delivery", "Ask your administrator to check your domain's SPF, DKIM and DMARC records.")),
    ("5.7.510", "5.7.510", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: {domain} does not accept "
                                             "mail over IPv6."), _ADMIN),
    ("5.7.511", "5.7.511", QT_TRANSLATE_NOOP("Delivery", "The message to {address} was not sent: your address is "
                                             "banned from sending."),
     QT_TRANSLATE_NOOP("Delivery", "Ask your administrator to have your address delisted.")),
    ("5.7.512", "5.7.512", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the message's From address "
                                             "is not valid."),
     QT_TRANSLATE_NOOP("Delivery", "Send the message again from your own address; if it keeps failing, ask your "
                       "administrator.")),
    ("5.7.513", "5.7.513", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: {domain} has put your "
                                             "organisation's server on its block list."),
     QT_TRANSLATE_NOOP("Delivery", "Ask the administrator of {domain} to remove the block.")),
    ("5.7.515", "5.7.515", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: your domain does not prove "
                                             "its mail is genuine as well as {domain} requires."),
     QT_TRANSLATE_NOOP("Delivery", "Ask your administrator to check your domain's SPF, DKIM and DMARC records.")),
    ("5.7.520", "5.7.520", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: your organisation does not "
                                             "allow mail to be forwarded outside it."), _ADMIN),
    ("5.7.606", "5.7.649", QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the IP address your "
                                             "organisation sends from is banned."),
     QT_TRANSLATE_NOOP("Delivery", "Ask your administrator to have the IP address delisted.")),
    ("5.7.700", "5.7.749", QT_TRANSLATE_NOOP("Delivery", "The message to {address} was not sent: your organisation "
                                             "is blocked from sending, for sending too much suspicious mail."),
     QT_TRANSLATE_NOOP("Delivery", "Ask your administrator to contact Microsoft support.")),
    ("5.7.750", "5.7.750", QT_TRANSLATE_NOOP("Delivery", "The message to {address} was not sent: your organisation "
                                             "may not send from a domain it has not registered."),
     QT_TRANSLATE_NOOP("Delivery", "Ask your administrator to add and verify the domain in Microsoft 365.")),
]

# the class of a code the table does not name (RFC 3463 §3.1: 4 persistent transient, 5 permanent)
CLASSES: dict[str, tuple[str, str]] = {
    "4": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the server kept failing for a while and "
                            "gave up (code {code})."),
          QT_TRANSLATE_NOOP("Delivery", "Send the message again later.")),
    "5": (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached: the receiving server refused the message "
                            "(code {code})."),
          QT_TRANSLATE_NOOP("Delivery", "Check the address; if it is right, ask your administrator, with the "
                            "server's words below.")),
}
#: (a plural: lupdate marks it from the literal count; the real one is given where it is said)
_FAILED = translate("Delivery", "%Ln failed", None, 0)
#: (a plural: lupdate marks it from the literal count; the real one is given where it is said)
_DELAYED = translate("Delivery", "%Ln delayed", None, 0)
_NO_REASON = (QT_TRANSLATE_NOOP("Delivery", "{address} could not be reached; the report gives no reason."),
              _CHECK_SPELLING)


def _code(status: str) -> tuple[int, ...] | None:
    parts = status.split(".")
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 3 for p in parts):
        return None
    return tuple(int(p) for p in parts)


def failure_entry(status: str) -> tuple[str, str]:
    """The table's (what, fix) source texts for ``status`` (its class's for a code it does not name)."""
    code = _code(status)
    if code is None:
        return _NO_REASON
    key = ".".join(str(n) for n in code)  # "5.01.1" is 5.1.1
    if key in FAILURES:
        return FAILURES[key]
    for first, last, what, fix in RANGES:
        if _code(first) <= code <= _code(last):
            return what, fix
    return CLASSES.get(key[0], _NO_REASON)


def failure_words(news: RecipientNews) -> tuple[Words, Words]:
    """What happened to ``news``'s recipient and what to do, each a sentence with the address (and its domain)
    filled in; the server's code in the first when the table does not know it."""
    what, fix = failure_entry(news.status)
    address = news.address
    values = {"address": address, "domain": address.rpartition("@")[2] or address, "code": news.status}
    return _filled(what, values), _filled(fix, values)


def _filled(source: str, values: dict) -> Words:
    mine = {key: value for key, value in values.items() if "{" + key + "}" in source}
    return Words(CONTEXT, source, -1, mine)


def fate_words(news: RecipientNews | None, now: datetime | None = None) -> Words:
    """One recipient's state in a word or two: "delivered", "read at 09:14", "no news"... (``now``: to say a time
    of today without its date; local time)."""
    fate = news.fate if news is not None else Fate.NO_NEWS
    if fate is Fate.READ and news.when is not None:
        when = news.when.astimezone()
        today = (now or datetime.now().astimezone()).astimezone().date()
        if when.date() == today:
            return translate("Delivery", "read at {time}").format(time=f"{when:%H:%M}")
        return translate("Delivery", "read on {date} at {time}").format(date=f"{when:%Y-%m-%d}", time=f"{when:%H:%M}")
    return {
        Fate.NO_NEWS: translate("Delivery", "no news"),
        Fate.DELAYED: translate("Delivery", "delayed: the server is still trying"),
        Fate.DELIVERED: translate("Delivery", "delivered"),
        Fate.READ: translate("Delivery", "read"),
        Fate.NOT_READ: translate("Delivery", "deleted without being read"),
        Fate.FAILED: translate("Delivery", "not delivered"),
    }[fate]


def summary(standing: dict[str, RecipientNews], recipients: list[str]) -> Words | str:
    """A sent message's mark in a list: "1 failed", "all delivered", "all read", "2 delayed", "1 of 3 delivered";
    "" while there is no news (most servers send none unless asked: no mark is no claim). ``standing``: from
    :func:`app.domain.delivery.fates`; ``recipients``: the message's addresses."""
    n = sum(1 for item in standing.values() if item.fate is Fate.FAILED)
    if n:
        return Words(_FAILED.context, _FAILED.source, n)
    fates = [standing[a.strip().lower()].fate if a.strip().lower() in standing else Fate.NO_NEWS
             for a in dict.fromkeys(r.strip().lower() for r in recipients)]
    arrived = [f for f in fates if f in (Fate.DELIVERED, Fate.READ, Fate.NOT_READ)]
    if fates and len(arrived) == len(fates):
        return translate("Delivery", "all read") if all(f is Fate.READ for f in fates) else translate(
            "Delivery", "all delivered")
    n = sum(1 for f in fates if f is Fate.DELAYED)
    if n:
        return Words(_DELAYED.context, _DELAYED.source, n)
    if arrived:
        return translate("Delivery", "{delivered} of {total} delivered").format(
            delivered=Number(len(arrived)), total=Number(len(fates)))
    return ""
