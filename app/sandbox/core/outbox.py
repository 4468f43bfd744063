"""Deferred submission: a message sent "asynchronously" (Graph's send answers 202 before anything is
delivered) waits in its mailbox's Outbox and is delivered by one worker thread after a delay.

``submit_later`` runs inside the request's transaction: it checks what a send checks now (recipients,
size, send-as: the errors a client gets at once), then moves the message to the Outbox (a new key; its
immutable key stays) marked with where its copy goes. The worker delivers it in a transaction of its own
(core/delivery.submit: recipients' Inboxes, the relay, the copy in Sent Items, which keeps the immutable
key). A message still in an Outbox when the sandbox stops is delivered after the next start: never lost,
never twice (the delivery and the removal from the Outbox commit together).

The take-back race: a delivery first claims its message (one transaction: it leaves the Outbox for
delivery.SUBMITTING, where no client's id reaches it), then delivers it (a second one: recipients, relay,
reports, the copy in Sent Items, the claimed row gone). A move or delete of the message is one transaction too,
so it comes before the claim (it wins: the claim finds nothing and nothing is sent) or after it (the id names
nothing: ErrorItemNotFound, and the message is sent once). A claimed message the sandbox stopped on is delivered
at the next start. ``pauses`` (core/pauses.py) holds the worker at a step so a test can interleave on purpose.

Under sending limits (core/limits.py) a message beyond the message rate carries a ``not_before`` (the
sandbox's clock, ``Sandbox(clock=...)``): it stays in the Outbox until then. ``release_due()`` schedules
those whose time has come; the worker calls it every ``PACE_POLL`` seconds while any wait, and a test
that moves its clock calls it itself."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time

from . import items
from .clock import fmt_dt
from .delivery import SUBMITTING, admit, check_submission, count_recipients, submit, with_deferral
from .pauses import DeliveryPauses
from .session import Ctx

log = logging.getLogger("app.sandbox")

OUTBOX = "outbox"
PACE_POLL = 1.0  # seconds between the worker's looks at messages waiting for the message rate


class DeferredOutbox:
    """One per Sandbox: ``submit_later(ctx, item, save)``, ``wait_idle(timeout)``, ``start()``, ``stop()``;
    ``delay`` (seconds, mutable) is how long a message waits before delivery."""

    def __init__(self, sandbox, delay: float = 0.3):
        self.sandbox = sandbox
        self.delay = float(delay)
        self._heap: list = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._busy = 0
        self._thread = None
        self._stopping = False
        self._paced = False  # messages wait for the message rate (release_due)
        self.pauses = DeliveryPauses()  # a test's hold on a delivery at a named step

    # ---------------- requests ----------------
    def submit_later(self, ctx: Ctx, item: dict, *, save: bool) -> dict:
        """Check the message as a send would, then park it in the Outbox (inside the caller's transaction)
        and schedule its delivery once that transaction commits. Returns the Outbox row."""
        atts = ctx.store.attachments(item["key"], content=True)
        check_submission(ctx, item["data"], atts)
        verdict = with_deferral(ctx, item["data"], admit(ctx, count_recipients(item["data"])))
        item["data"]["_submit"] = {"save": bool(save), **verdict}
        if ctx.actor is not None:  # sent in another's mailbox: whose rights and Sender the delivery uses
            item["data"]["_submit"]["actor"] = ctx.actor["email"]
        item["data"]["IsSubmitted"] = True
        row = items.move(ctx, item, (item["mailbox"], OUTBOX))
        self._after_commit(ctx.store, row["mailbox"], row["key"])
        if verdict.get("not_before"):  # waits for its time: the worker looks at the due ones
            self.after_commit_release(ctx.store)
        return row

    def after_commit_release(self, store) -> None:
        """A message now waits for the message rate: look for due ones once the transaction commits."""
        store.after_commit(self._wake_paced)

    def _wake_paced(self):
        with self._cond:
            self._paced = True
            self._cond.notify_all()

    def release_due(self) -> int:
        """Schedule every message in an Outbox whose message-rate wait is over (by the sandbox's clock);
        returns how many still wait."""
        sb = self.sandbox
        if sb.store is None:
            return 0
        now = fmt_dt(sb.clock())
        waiting = 0
        for user in sb.users:
            for row in sb.store.all_in(user["email"], OUTBOX):
                nb = (row["data"].get("_submit") or {}).get("not_before")
                if nb is None:
                    continue
                if nb <= now:
                    self._schedule(row["mailbox"], row["key"], 0.0)
                else:
                    waiting += 1
        with self._cond:
            self._paced = waiting > 0
        return waiting

    def _after_commit(self, store, mailbox: str, key: str):
        store.after_commit(lambda: self._schedule(mailbox, key, self.delay))

    def _schedule(self, mailbox: str, key: str, delay: float):
        with self._cond:
            heapq.heappush(self._heap, (time.monotonic() + delay, next(self._seq), mailbox, key))
            self._cond.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Until nothing waits or is being delivered (True), or ``timeout`` seconds (False)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._heap or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(min(left, 0.05))
        return True

    # ---------------- lifecycle ----------------
    def start(self):
        """Start the worker and schedule every message an earlier run left in an Outbox."""
        self._stopping = False
        self.pauses.start()
        store = self.sandbox.store
        for user in self.sandbox.users:
            for row in store.all_in(user["email"], SUBMITTING):  # claimed, not delivered: the run stopped between
                self._schedule(row["mailbox"], row["key"], 0.0)
            for row in store.all_in(user["email"], OUTBOX):
                if "_submit" in row["data"]:
                    self._schedule(row["mailbox"], row["key"], 0.0)
                    self._paced = self._paced or "not_before" in row["data"]["_submit"]
        self._thread = threading.Thread(target=self._run, name="sandbox-outbox", daemon=True)
        self._thread.start()

    def stop(self):
        with self._cond:
            self._stopping = True
            self._heap.clear()  # still in the Outbox: delivered after the next start
            self._cond.notify_all()
        self.pauses.stop()  # a delivery held at a step stops there (finished after the next start)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _run(self):
        while True:
            with self._cond:
                self._wait_for_work()
                if self._stopping:
                    return
                due = bool(self._heap) and self._heap[0][0] <= time.monotonic()
                if due:
                    _, _, mailbox, key = heapq.heappop(self._heap)
                    self._busy += 1
            if not due:
                self._look_at_paced()
                continue
            try:
                self._deliver(mailbox, key)
            except Exception:  # noqa: BLE001 - one message's failure must not stop the others
                log.exception("sandbox: deferred delivery failed")
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def _wait_for_work(self):
        """(Holding the condition) until a message is due, the worker stops, or, while messages wait for
        the message rate, PACE_POLL seconds pass."""
        while not self._stopping and (not self._heap or self._heap[0][0] > time.monotonic()):
            wait = None if not self._heap else max(0.0, self._heap[0][0] - time.monotonic())
            if self._paced:
                wait = PACE_POLL if wait is None else min(wait, PACE_POLL)
            if not self._cond.wait(wait) and self._paced:
                return

    def _look_at_paced(self):
        try:
            self.release_due()
        except Exception:  # noqa: BLE001 - the next look tries again
            log.exception("sandbox: looking at the messages waiting for the message rate failed")

    def _deliver(self, mailbox: str, key: str):
        """Claim the message, then deliver it: two transactions, each step a place ``pauses`` may hold."""
        store = self.sandbox.store
        if store is None:
            return
        look = store.get(key)  # a look only: the claim decides
        if look is not None and look["folder"] == SUBMITTING:  # an earlier run claimed it and stopped there
            self._send(mailbox, look)
            return
        if look is None or not self._claimable(look):
            return  # delivered already, taken back, or not due yet
        if not self.pauses.at("before_claim"):
            return
        row = self._claim(key)
        if row is None or not self.pauses.at("claimed"):
            return  # taken back first; or the sandbox stops: the claimed message goes after the next start
        self._send(mailbox, row)
        self.pauses.at("delivered")

    def _claimable(self, row: dict) -> bool:
        """The message waits in its Outbox and its time has come."""
        data = row["data"]
        return (row["folder"] == OUTBOX and "_submit" in data
                and data["_submit"].get("not_before", "") <= fmt_dt(self.sandbox.clock()))

    def _claim(self, key: str) -> dict | None:
        """Take the message out of its clients' reach for its delivery (one transaction); None when it is no
        longer there to take (delivered already, or taken back out of the Outbox), or not due (it waits for its
        time: release_due schedules it again)."""
        store = self.sandbox.store
        with store.tx():
            row = store.get(key)
            if row is None or not self._claimable(row):
                return None
            store.save(key, row["data"], folder=SUBMITTING, touched=("IsSubmitted",))
        return store.get(key)

    def _send(self, mailbox: str, row: dict):
        """Deliver a claimed message (one transaction): recipients, relay, reports, the copy in Sent Items."""
        sb = self.sandbox
        store = sb.store
        key = row["key"]
        with store.tx():
            data = row["data"]
            submit_ = data.pop("_submit")
            save = submit_["save"]
            folder = tuple(submit_.get("folder") or (mailbox, "sentitems"))
            actor = sb.user_by_email(submit_["actor"]) if submit_.get("actor") else None
            ctx = Ctx(sb, sb.user_by_email(mailbox), actor=actor)
            atts = store.attachments(key, content=True)
            verdict = {"refused": True} if submit_.get("refused") else {}
            submit(ctx, data, atts, save_folder=folder if save else None, draft_key=key, verdict=verdict)
        sb.after_commit()
