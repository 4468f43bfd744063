"""How the outbox retries: backoff policy, error classes, and the row states the UI shows. No Qt."""

from __future__ import annotations

import asyncio
import enum
import random
import uuid
from dataclasses import dataclass

from app.domain.explain import describe
from app.domain.models import Draft, Folder
from app.domain.validation import format_recipients
from app.mail.errors import (
    AuthFailed,
    ConnectionFailed,
    MailError,
    MalformedResponse,
    OutcomeUnknown,
    ServerBusy,
    ServerFault,
    TlsFailed,
)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries. ``max_attempts`` counts failed attempts that reached (or may have reached) the
    server; plain "could not connect" does not count (offline for an hour must not fail the outbox),
    it is retried every ``base * factor**n`` seconds up to ``cap``. A server-given wait (Retry-After,
    BackOffMilliseconds) is honoured, up to ``max_server_wait``."""

    max_attempts: int = 6
    base: float = 2.0
    factor: float = 2.0
    cap: float = 120.0
    max_server_wait: float = 600.0
    jitter: float = 0.1
    # After an unknown outcome, wait at least this long before looking the message up: a request that
    # timed out on our side may still be committing on the server.
    settle_delay: float = 10.0

    def delay(self, attempt: int, retry_after: float | None = None, *, unknown: bool = False) -> float:
        if retry_after is not None and retry_after >= 0:
            return min(float(retry_after), self.max_server_wait)
        d = min(self.cap, self.base * (self.factor ** max(0, attempt - 1)))
        d = d * (1 + random.uniform(-self.jitter, self.jitter)) if self.jitter else d
        return max(d, self.settle_delay) if unknown else d


class Kind(str, enum.Enum):
    OFFLINE = "offline"  # never reached the server: retry, does not count
    BUSY = "busy"  # throttled: wait what the server said
    UNKNOWN = "unknown"  # may have been processed: look it up before repeating
    AUTH = "auth"  # wait for the user to sign in again
    PERMANENT = "permanent"  # the server said no: show the reason


def classify(exc: BaseException) -> Kind:
    if isinstance(exc, (AuthFailed, TlsFailed)):  # the user must act: sign in again / decide on the certificate
        return Kind.AUTH
    if isinstance(exc, ServerBusy):
        return Kind.BUSY
    if isinstance(exc, ConnectionFailed):
        return Kind.OFFLINE
    if isinstance(exc, (OutcomeUnknown, MalformedResponse)):
        return Kind.UNKNOWN
    if isinstance(exc, ServerFault) and getattr(exc, "code", "") in (
        "ErrorInternalServerError",
        "ErrorTimeoutExpired",
        "ErrorServerBusy",
    ):
        return Kind.UNKNOWN
    if isinstance(exc, MailError):
        return Kind.UNKNOWN if getattr(exc, "retryable", False) else Kind.PERMANENT
    return Kind.UNKNOWN  # an unexpected library error: assume the worst (may have gone out)


def reason(exc: BaseException) -> str:
    code = getattr(exc, "code", "") or type(exc).__name__
    return describe(code, getattr(exc, "message", "") or "")


class RowStatus(str, enum.Enum):
    WAITING = "waiting"
    WORKING = "working"
    RETRYING = "retrying"
    AUTH = "auth"
    FAILED = "failed"
    DONE = "done"


@dataclass
class OutboxRow:
    """One line of the Outbox view."""

    local_id: str
    kind: str  # "save" | "send"
    subject: str
    recipients: str
    status: RowStatus = RowStatus.WAITING
    attempts: int = 0
    retry_at: float | None = None  # clock time of the next try
    reason: str = ""
    saved: Draft | None = None  # the saved draft (with its server ref) once a save is done

    @classmethod
    def for_draft(cls, draft: Draft, kind: str) -> "OutboxRow":
        return cls(draft.local_id, kind, draft.subject or "(no subject)", format_recipients(draft.all_recipients()))

    def text(self, now: float) -> str:
        """"Waiting", "Sending…", "Retrying in 4 s", "Waiting 4 s (server busy)", "Failed: …", "Done"."""
        verb = "Sending…" if self.kind == "send" else "Saving…"
        if self.status == RowStatus.WORKING:
            return verb
        if self.status == RowStatus.RETRYING:
            n = max(0, int(round((self.retry_at or now) - now)))
            if "busy" in self.reason.lower():
                return f"Waiting {n} s (server busy)"
            if self.kind == "save":  # the draft exists only on this computer until this succeeds
                return f"Retrying in {n} s — not on server yet" + (f" ({self.reason})" if self.reason else "")
            return f"Retrying in {n} s" + (f" — {self.reason}" if self.reason else "")
        if self.status == RowStatus.AUTH:
            return "Waiting: the server's certificate is not trusted" if "certificate" in self.reason else "Waiting for sign-in"
        if self.status == RowStatus.FAILED:
            return f"Failed: {self.reason}" if self.reason else "Failed"
        if self.status == RowStatus.DONE:
            return "Sent" if self.kind == "send" else "Saved"
        return "Waiting" + (" — not on server yet" if self.kind == "save" else "")


class NotSettled(MailError):
    def __init__(self):
        super().__init__("ErrorOutcomeUnknown", "Not in Drafts and not in Sent Items; it was not sent again")


def new_message_id(domain: str = "dispatch.local") -> str:
    return f"<{uuid.uuid4().hex}@{domain}>"


class NotYet(Exception):
    """Too early to look up an unknown outcome: the lost request may still be committing."""

    def __init__(self, at: float):
        super().__init__("settle later")
        self.at = at


def settle_verdict(where: dict, ref, sending: bool, send_issued: bool):
    """What a Message-ID lookup ({Folder: [ItemRef]}) says about a message whose last attempt's outcome
    is unknown: ("sent", None) | ("draft", server ref) | ("gone", None: create it again) |
    ("unsettled", None: a SendItem went out and it is in neither folder — never resend blindly, the
    same rule as app.core.sending; the user decides)."""
    if sending and where.get(Folder.SENT):
        return "sent", None
    drafts = where.get(Folder.DRAFTS) or []
    if drafts:  # the server's id and current change key
        return "draft", next((r for r in drafts if ref is not None and r.id == ref.id), drafts[0])
    if sending and send_issued:
        return "unsettled", None
    return "gone", None


class ServerCalls:
    """The three server operations the outbox needs. Saves and sends go through
    :class:`app.core.sending.SendPipeline` (validation, Message-ID, adopt-after-unknown-create, verify-
    after-unknown-send, per-item outcomes) with ONE attempt per call: the outbox owns the retrying (it
    persists across restarts, waits ``settle_delay`` before a lookup, and parks on 401). Uses the
    bare :class:`MailClient` when built with ``pipeline=False``. Counts calls for tests and the bench."""

    def __init__(self, client, pipeline=None, on_progress=None):
        self.client = client
        self._pipeline = pipeline
        self._on_progress = on_progress
        self.stats = {"attempts": 0, "lookups": 0, "settled_sent": 0, "settled_draft": 0, "settled_gone": 0, "auth_waits": 0}

    def pipe(self):
        if self._pipeline is None:
            from app.core import sending  # deferred, like Session.pipeline()

            self._pipeline = sending.pipeline_for(
                self.client, policy=sending.RetryPolicy(max_attempts=1), on_progress=self._on_progress
            )
        return self._pipeline or None

    async def save(self, draft: Draft, *, for_send: bool = False) -> Draft:
        self.stats["attempts"] += 1
        pipe = self.pipe()
        if pipe is not None:
            return await pipe.save(draft, for_send=for_send)
        return await self.client.save_draft(draft)

    async def send(self, drafts: list[Draft]) -> list:
        """Send saved drafts (with ref and Message-ID) in one request; one outcome per draft."""
        self.stats["attempts"] += 1
        pipe = self.pipe()
        if pipe is not None:
            return list(await pipe.send_batch(list(drafts)))
        return list(await self.client.send_drafts([d.ref for d in drafts], save_copy=True))

    async def lookup(self, internet_message_id: str) -> dict:
        self.stats["lookups"] += 1
        return await self.client.find_by_message_id(internet_message_id)


class Waiters:
    """Futures waiting for a row's next attempt (``final=False``) or its end (done / failed)."""

    def __init__(self):
        self._w: dict[str, list[tuple[asyncio.Future, bool]]] = {}

    def add(self, local_id: str, final: bool) -> asyncio.Future:
        fut = asyncio.get_running_loop().create_future()
        self._w.setdefault(local_id, []).append((fut, final))
        return fut

    def resolve(self, row: OutboxRow, final: bool | None = None) -> None:
        if final is None:
            final = row.status in (RowStatus.DONE, RowStatus.FAILED)
        keep = []
        for fut, only_final in self._w.pop(row.local_id, []):
            if fut.done():
                continue
            if final or not only_final:
                fut.set_result(row)
            else:
                keep.append((fut, only_final))
        if keep:
            self._w[row.local_id] = keep
