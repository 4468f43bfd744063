"""A test's hold on the Outbox worker at a named step of a delivery (core/outbox.py), so that a take-back (a move
or a delete) can be made to arrive at exactly that step: the take-back race, interleaved on purpose.

The steps of one delivery, in order:
  before_claim   the worker found the message due in its Outbox and has not claimed it yet: a take-back now
                 wins (the claim then finds nothing, and nothing is sent)
  claimed        the worker claimed it (it is being submitted: its id names nothing a client can reach), the
                 recipients have nothing yet
  delivered      the recipients have it and the copy is in Sent Items (one transaction)

``arm(step)`` makes the next delivery that reaches ``step`` wait there (once) until :meth:`release`, the pause's
``seconds`` (a cap, so a forgotten pause cannot stop the worker for ever), or the sandbox stopping (the delivery
is then left where it is, and finished after the next start). ``wait_paused(step, timeout)`` is the event a test
waits on: True once the worker waits at that step. ``reached`` lists every pause that began (the fault fired)."""

from __future__ import annotations

import math
import threading
import time

STEPS = ("before_claim", "claimed", "delivered")
PAUSE_MAX = 60.0  # seconds a pause lasts unless released first
WAIT_MAX = 30.0  # seconds wait_paused() may be asked to wait


def check_step(step) -> str:
    """``step`` when it is one of STEPS; ValueError otherwise."""
    if not isinstance(step, str) or step not in STEPS:
        raise ValueError(f"a delivery step is one of {', '.join(STEPS)}")
    return step


def check_timeout(timeout) -> float:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not math.isfinite(timeout) \
            or not 0 <= timeout <= WAIT_MAX:
        raise ValueError(f"timeout must be a number of seconds from 0 to {WAIT_MAX:g}")
    return float(timeout)


class DeliveryPauses:
    """One per Outbox worker: ``arm``, ``at`` (the worker's side), ``wait_paused``, ``release``, ``state``."""

    def __init__(self):
        self._cond = threading.Condition()
        self._armed: list[str] = []  # steps the next deliveries pause at, each once
        self._paused_at: str | None = None  # the step the worker waits at now
        self._releases = 0  # bumped by release(): the pause under way ends
        self._stopping = False
        self.reached: list[str] = []  # every pause that began, in order

    def arm(self, step: str) -> None:
        check_step(step)
        with self._cond:
            self._armed.append(step)

    def at(self, step: str) -> bool:
        """The worker reached ``step``: wait there when it is armed. False when the sandbox is stopping (the
        delivery must stop where it is), True to go on."""
        with self._cond:
            if self._stopping:
                return False
            if step not in self._armed:
                return True
            self._armed.remove(step)
            self.reached.append(step)
            self._paused_at, start = step, self._releases
            self._cond.notify_all()
            deadline = time.monotonic() + PAUSE_MAX
            try:
                while self._releases == start and not self._stopping:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
                return not self._stopping
            finally:
                self._paused_at = None
                self._cond.notify_all()

    def wait_paused(self, step: str, timeout: float = 10.0) -> bool:
        """Until the worker waits at ``step`` (True) or ``timeout`` seconds pass (False)."""
        check_step(step)
        deadline = time.monotonic() + check_timeout(timeout)
        with self._cond:
            while self._paused_at != step:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def release(self) -> None:
        """End the pause under way (the delivery goes on)."""
        with self._cond:
            self._releases += 1
            self._cond.notify_all()

    def clear(self) -> None:
        """Forget the pauses armed and not reached yet."""
        with self._cond:
            self._armed.clear()

    def stop(self) -> None:
        """The sandbox stops: a pause under way ends, and the delivery stops where it is."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()

    def start(self) -> None:
        with self._cond:
            self._stopping = False

    def state(self) -> dict:
        """What the admin endpoint reports: {"armed": [...], "paused_at": step or None, "reached": [...]}."""
        with self._cond:
            return {"armed": list(self._armed), "paused_at": self._paused_at, "reached": list(self.reached)}
