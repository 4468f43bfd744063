"""The one runtime setting the app makes: once start-up is over, everything alive (Qt wrappers, modules,
the window and its views, the account's mail backend) is moved out of the cyclic collector's sight
(``gc.freeze``), once. Nothing else of the interpreter, the C library or PySide is tuned.
Called by the app's start (:mod:`app.app_main`) and by the benches that build the window themselves, so
that they measure what the app runs."""

from __future__ import annotations

import gc

# the states that end a connect attempt: by then the account's backend is imported, whatever the outcome
_ATTEMPT_ENDED = frozenset({"connected", "offline", "auth_failed"})


def settle_gc() -> None:
    """Move every object alive now out of the cyclic collector's sight (``gc.freeze``): what start-up made
    lives as long as the process, and a full collection then scans only what was made since. No
    ``gc.collect()`` first; the few garbage cycles alive at this moment are kept."""
    gc.freeze()


def settle_gc_after_start(window) -> None:
    """Call :func:`settle_gc` once, when start-up is over: the window is built (the caller's moment) and
    the first connect attempt has ended. That attempt imports the account's backend on a worker thread
    (exchangelib and lxml, or msal and httpx), which lives as long as the process: left in the collector's
    sight, a full collection of it held the UI thread 28-40 ms in a 1,000-row merge. Later connects freeze nothing."""

    def on_state(state) -> None:
        if getattr(state, "value", state) in _ATTEMPT_ENDED:
            window.state_changed.disconnect(on_state)
            settle_gc()

    window.state_changed.connect(on_state)
