"""The one runtime setting the app makes: at the end of start-up, everything alive (Qt wrappers, modules,
the window and its views) is moved out of the cyclic collector's sight once (``gc.freeze``). Nothing else
of the interpreter, the C library or PySide is tuned (issue 47). Called by the app's start
(:mod:`app.app_main`) and by the benches that build the window themselves, so that they measure what the
app runs."""

from __future__ import annotations

import gc


def settle_gc() -> None:
    """Move every object alive now out of the cyclic collector's sight (``gc.freeze``), once, when start-up
    is done: what start-up made lives as long as the process, and a full collection then scans only what
    was made since. No ``gc.collect()`` first; the few garbage cycles alive at this moment are kept."""
    gc.freeze()
