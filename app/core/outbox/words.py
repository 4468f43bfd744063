"""What the status bar says about one send after Compose handed it to the Outbox, kept true as the send moves
on ("In the Outbox (server busy — waiting 10 min)" goes once the server has refused it). No Qt.

:func:`words_now` is asked at every change of the Outbox while the status bar still shows the words said last;
the window shows what it returns ('' clears the message).
"""

from __future__ import annotations

from app.core.outbox.submission import SubState, Submission
from app.domain.models import ErrorKind
from app.domain.words import Words, translate


def waiting(row_text: str) -> Words:
    """A send that waits in the Outbox, in the row's words ("server busy — waiting 10 min"); short enough for
    the status bar beside the account (a longer one was cut off at 1100 px)."""
    row = mid_sentence(row_text or translate("OutboxStatus", "waiting to send"))
    return translate("OutboxStatus", "In the Outbox ({row}): it goes out by itself (Ctrl+4)").format(row=row)


#: an Outbox row's words as the middle of a sentence, in the catalogue of their own (the row's first word is in
#: lower case there, as in English; a translation may keep it as its language writes it)
_MID = {words.source: words for words in (
    translate("OutboxStatus", "server unreachable — retrying in {wait}"),
    translate("OutboxStatus", "server unreachable — trying again now"),
    translate("OutboxStatus", "server busy — waiting {wait}"),
    translate("OutboxStatus", "retrying in {wait} — {reason}"),
    translate("OutboxStatus", "retrying in {wait}"),
    translate("OutboxStatus", "waiting for sign-in"),
    translate("OutboxStatus", "waiting: the server's certificate is not trusted"),
    translate("OutboxStatus", "waiting: Dispatch cannot use its data folder"),
    translate("OutboxStatus", "saving before sending…"),
    translate("OutboxStatus", "sending…"),
    translate("OutboxStatus", "checking whether it was sent…"),
    translate("OutboxStatus", "sending in {seconds} s — Enter takes it back"),
    translate("OutboxStatus", "sends at {time}"),
    translate("OutboxStatus", "sends at {time} — {reason}"),
)}


class _MidSentence(Words):
    """Core words whose English reads as the middle of a sentence, translated whole (a row's words with no
    mid-sentence entry of their own)."""

    __slots__ = ()

    def __new__(cls, words: Words) -> "_MidSentence":
        self = str.__new__(cls, _mid_sentence_text(str(words)))
        self.context, self.source, self.n, self.values = words.context, words.source, words.n, dict(words.values)
        return self


def mid_sentence(text: str) -> str:
    """``text`` as the middle of a sentence (:func:`_mid_sentence_text`); Words stay translatable."""
    if not isinstance(text, Words):
        return _mid_sentence_text(text)
    mid = _MID.get(_mid_sentence_text(text.source))
    if mid is not None:
        return Words(mid.context, mid.source, text.n, text.values)
    return _MidSentence(text)


def _mid_sentence_text(text: str) -> str:
    """``text`` as the middle of a sentence: its first word in lower case when it is an ordinary capitalised
    word ("Retrying in 5 s" -> "retrying in 5 s"); a code or a name keeps its spelling ("ErrorServerBusy",
    "TLS", "Exchange Online" stay: a reader and the user see the code as the server spells it)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[:1].isupper() and first[1:] == first[1:].lower() and first not in _NAMES:
        return text[:1].lower() + text[1:]
    return text


# words that are names, not sentence-case words
_NAMES = frozenset({"Exchange", "Microsoft", "Outlook", "Graph", "Dispatch"})


def refused(explanation: str) -> Words:
    """A send the server refused for good, kept in the Outbox as failed."""
    return translate("OutboxStatus", "Not sent: {explanation} — it is in the Outbox (Ctrl+4); Enter there takes it "
                                     "back").format(explanation=explanation)


def sent(subject: str) -> Words:
    return translate("OutboxStatus", "Sent: {subject}").format(
        subject=subject or translate("OutboxStatus", "(no subject)"))


def words_now(sub: Submission | None, row_text: str, subject: str) -> str:
    """The words for ``sub`` now: sent, refused (in the Outbox), still in the Outbox (its row's words), or ''
    when it is no longer in the Outbox (taken back, deleted) or its outcome is not known yet."""
    if sub is None or sub.state in (SubState.CANCELLED, SubState.DELETING):
        return ""
    if sub.state == SubState.SENT:
        return sent(subject)
    if sub.state == SubState.FAILED:
        return "" if sub.kind == ErrorKind.OUTCOME_UNKNOWN else refused(sub.outcome().explanation)
    return waiting(row_text)


def final(sub: Submission | None) -> bool:
    """Nothing more will change what is said about ``sub``."""
    return sub is None or sub.final
