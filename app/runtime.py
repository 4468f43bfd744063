"""The process's runtime settings for a UI that never waits (issue 16): the GIL's switch interval, glibc's
heap thresholds (:mod:`app.heap`), PySide's source scan answered, and the cyclic collector kept off what
lives as long as the process (``gc.freeze``). Called by the app's start (:mod:`app.app_main`) and by the
benches that build the window themselves, so that they measure what the app runs."""

from __future__ import annotations

import builtins
import sys

#: how long a thread may keep the GIL while another waits for it (Python's default: 5 ms). Each time the
#: UI thread wants it back (a key, a paint, a timer: several times per frame) it may wait this long while
#: a worker holds it, so a frame stretches by a multiple of it: typing on into a 10 MB body while it is
#: saved stalled 13.5-18.2 ms at 1 ms, 8.0-11.9 ms at 0.5 ms (five quiet runs each, 2026-11-24; the other
#: typing rows, listing 10,000 drafts and the saves' own time unchanged; 0.2 ms gained no more there).
#: A repaint that calls into Python for every cell (a table's ``data()``) takes the GIL anew at each call:
#: while a worker encoded a 5,000-row merge's record, each of those calls waited the whole interval, and
#: the merge's longest stalls were 29-41 ms with 5-8 ms of the UI thread's CPU in them; at 0.1 ms, 13-18 ms
#: (bench_merge_stall.py, 2026-11-25; see the README's eleventh round).
GIL_SWITCH_INTERVAL = 0.0001


def tune_runtime() -> None:
    """Hand the GIL over every 0.1 ms (:data:`GIL_SWITCH_INTERVAL`): a worker thread parsing a big EWS
    response or encoding a big request must not keep the UI thread waiting; keep big allocations in
    memory already faulted in (:mod:`app.heap`); and answer PySide's source scan for what is imported from now on (:func:`spare_pyside_source_scan`; the
    app already did at start, the benches that build the window themselves do it here)."""
    from app.heap import keep_freed_memory

    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    keep_freed_memory()
    spare_pyside_source_scan()


#: the packages of this process whose code uses PySide6 (PySide's scan would answer 0: "no feature")
_USES_PYSIDE = frozenset({"app", "qasync"})
#: PySide's own modules: left to PySide
_PYSIDE_OWN = frozenset({"PySide6", "shiboken6", "shibokensupport"})


def spare_pyside_source_scan() -> bool:
    """Answer PySide6's question "does this module use PySide?" before PySide reads the module's source
    to find out.

    For ``from __feature__ import snake_case`` PySide6 replaces ``builtins.__import__``; after every
    import it looks the imported module up in ``PySide6.support.feature.pyside_feature_dict`` and, if it
    is not there, reads the module's whole source (``inspect.getsource``, kept in ``linecache``) to see
    whether it says "PySide6" (entry 0: "no feature" for it; -1: the documented "ignore this module"). That
    was ~14 ms of the UI thread between the first paint and ready (160 modules), and on the first connect
    ~26 ms of a worker holding the GIL and 3.5 MB of source text kept for exchangelib and its 330 modules.
    No module in this process selects a feature (tests/ui/test_startup_slices.py checks the app's; of the
    installed packages only PySide6 itself mentions ``__feature__``), so the entries only ever say "no
    feature" and the answers are known: 0 for the packages that use PySide (:data:`_USES_PYSIDE`), -1 for
    every other (the standard library, exchangelib and the rest never mention PySide6); PySide's own
    modules are left to it. The hook goes where PySide's documentation says an ``__import__`` override
    belongs without breaking features: ``__orig_import__``. Returns whether it is in place (False when this
    PySide has no such hook)."""
    orig = getattr(builtins, "__orig_import__", None)
    known = getattr(sys.modules.get("PySide6.support.feature"), "pyside_feature_dict", None)
    if orig is None or not isinstance(known, dict):
        return False
    if getattr(orig, "_dispatch_spares_scan", False):
        return True

    def import_(name, globals=None, locals=None, fromlist=(), level=0):
        module = orig(name, globals, locals, fromlist, level)
        key = getattr(module, "__name__", None)
        if key.__class__ is str and key not in known:
            top = key.partition(".")[0]
            if top in _USES_PYSIDE:
                known[key] = 0
            elif top not in _PYSIDE_OWN:
                known[key] = -1
        return module

    import_._dispatch_spares_scan = True
    builtins.__orig_import__ = import_
    return True


def settle_gc() -> None:
    """Move every object alive now out of the cyclic collector's sight (``gc.freeze``).

    Qt wrappers, modules and (after the first connect) exchangelib's classes are ~90,000 tracked objects
    that live as long as the process. A full (generation 2) collection scans them all, holding the GIL for
    60-80 ms: in whatever thread it happens to run, the UI thread waits that long. After the freeze a
    full collection scans only objects made since (a few ms). No ``gc.collect()`` first (that would be the
    same 60-80 ms stall); the few garbage cycles alive at this moment are kept, which costs nothing
    noticeable. Cheap (O(1)), so it may be called again.
    """
    import gc

    gc.freeze()


def settle_gc_when_connected(window) -> None:
    """Call :func:`settle_gc` once, when the window first reports a connected session (by then the mail
    backend, exchangelib included, has been imported in a worker thread)."""
    done = []

    def on_state(state) -> None:
        if not done and getattr(state, "value", state) == "connected":
            done.append(True)
            settle_gc()

    window.state_changed.connect(on_state)
    window._settle_gc_slot = on_state  # the signal holds the slot; keep it alive with the window
