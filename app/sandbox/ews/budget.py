"""The answer budget: how much one EWS answer may hold before its remaining per-id responses are stopped.

A request is bounded (app/sandbox/ews/soap.py: 10,000 elements), but an answer per id is not: a GetItem naming
one real item 10,000 times (a 0.9 MB request) built an answer of 10,000 copies of it (+266 MB in the server).
So the operations that answer per id with content (GetItem, GetAttachment, FindItem per folder) count the
bytes of each response message as they build it; once the count has passed the budget, every remaining id is
answered with ResponseClass="Warning" and ResponseCode ErrorBatchProcessingStopped, Microsoft's answer for
exactly this: "A warning may be returned if an error occurred while an item in the request was processing and
subsequent items could not be processed" (ResponseMessage / ResponseClassType, learn.microsoft.com,
exchange/client-developer/web-service-reference/responsemessage; ErrorBatchProcessingStopped is in
messages.xsd's ResponseCodeType). A client retries those ids in a further request (exchangelib returns the
warning as an ErrorBatchProcessingStopped per item).

The first response message is always built whole, whatever its size, so one item (a 35 MB message with its
MIME, 47 MB in base64) is always answered; an answer holds at most the budget plus one response message.
"""

from __future__ import annotations

from lxml import etree

from ..core.errors import MailboxError
from .soap import error_message

#: Bytes of response messages an answer may hold before the rest are stopped: far above any legitimate
#: request (a 35 MB message, Exchange Online's largest, is 47 MB in base64; exchangelib fetches 100 ids a
#: request, and Dispatch a message's attachments in one GetAttachment), and as large as the request limit
#: (Exchange's EWS maxReceivedMessageSize, 64 MiB). ``Sandbox(max_answer_bytes=...)`` / ``--max-answer-bytes``.
DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024
STOPPED = ("The answer reached this server's size limit for one response; the remaining items were not "
           "processed. Request them again.")


class AnswerBudget:
    """Counts the serialized bytes of the response messages of one answer."""

    def __init__(self, limit: int):
        self.limit = int(limit)
        self.used = 0

    @property
    def spent(self) -> bool:
        return self.used > self.limit

    def count(self, rm) -> None:
        """Add the bytes of ``rm`` (one response message, just built) to the answer's count."""
        self.used += len(etree.tostring(rm))


def budget_of(ctx) -> AnswerBudget:
    return AnswerBudget(getattr(ctx.sandbox, "max_answer_bytes", DEFAULT_MAX_ANSWER_BYTES))


def stopped_message(parent, op: str):
    """m:<op>ResponseMessage ResponseClass="Warning" ErrorBatchProcessingStopped (with the container the
    schema requires of that operation's response message, empty)."""
    return error_message(parent, op, MailboxError("ErrorBatchProcessingStopped", STOPPED))
