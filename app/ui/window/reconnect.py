"""Connecting again by itself: after a connect that failed in a way that may pass (policy.reconnects: the
network, a busy server, a reply that could not be read), the window tries again after 2, 4, 8… s (up to
two minutes), or after what the server asked. The banner says when; its Retry tries at once; a success
ends it, so a single hiccup at start-up never leaves the window offline until the user presses Retry.

A call that fails for the network while connected (a list, a save) takes the session offline too: the window
then connects again by itself in the same way (:meth:`Reconnector.state`) rather than staying offline until some
later call happens to go through or the user presses Retry."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from app.core.outbox.policy import RetryPolicy, kind_of, reconnects

# never sooner than this, whatever the server asked (a Retry-After of 0 must not spin)
MIN_WAIT = 1.0


class Reconnector:
    def __init__(self, window, flows):
        self.w = window
        self.flows = flows
        self.attempt = 0
        self.policy = RetryPolicy(jitter=0.0)
        self.timer = QTimer(window)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self._state = ""  # the session's last state, as the window showed it

    def state(self, state: str) -> None:
        """The window's ``state_changed``: offline straight from connected (a call failed for the network)
        arms the timer as a failed connect does (a failed connect comes from "connecting" and arms it itself,
        with the banner's words)."""
        before, self._state = self._state, state
        session = self.w.session
        if state == "offline" and before == "connected" and session is not None and session.last_error is not None:
            self.after_failure(session.last_error)

    def after_failure(self, exc: BaseException) -> float | None:
        """A connect failed: the seconds until the next try, or None when the user must act first."""
        if not reconnects(kind_of(exc)):
            self.stop()
            return None
        self.attempt += 1
        wait = max(MIN_WAIT, self.policy.delay(self.attempt, getattr(exc, "retry_after", None)))
        self.timer.start(int(wait * 1000))
        return wait

    def connected(self) -> None:
        self.attempt = 0
        self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def _fire(self) -> None:
        w = self.w
        session = w.session
        if session is None or session.closed or not w.isVisible():
            return
        if session.ready:
            return  # connected meanwhile (the user's Retry)
        # connected only by the way (a list or a save went through since): the connect itself is still due,
        # and with it the banner goes and the server's limits are learnt
        w.connect_again()
