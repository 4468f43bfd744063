"""Freeing a long body when Compose is cleared: the longest UI-thread call it takes. Prints a table; asserts
nothing.

Measures: a ``--mb`` body (rich: paragraphs with a bold word and a link now and then, opened with
``setHtml``; plain: lines, ``setPlainText``) is put in a shown editor and cleared after ``--early`` seconds
(Qt has laid out little of it, as when a message just opened is sent or discarded), ``--mid`` seconds (Qt
half way) or ``--late`` seconds (all laid out), by ``app.ui.compose.body.doc_reaper.DocumentReaper``
(``reap()``, then one piece per event-loop turn), each call timed: the longest call is the longest stall
freeing adds to the UI thread.

Baseline (same run): Qt frees the document in one call (``shiboken6.delete``).

Run: ``python bench/bench_reap.py [--mb 10] [--early 0.2] [--mid 2] [--late 8] [--hog 2 | --quiet-only]``:
quiet, and with ``--hog`` busy-looping processes beside it.

Results: printed only.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hog import cpu_hog, describe, machine  # noqa: E402


def _rich(mb: float) -> str:
    from bench_typing_stall import _rich_body

    return _rich_body(mb)


def _editor(app, kind: str, mb: float, wait: float):
    from app.ui.common.safe_text import SafeTextEdit

    e = SafeTextEdit()
    e.resize(800, 600)
    e.show()
    if kind == "rich":
        e.setHtml(_rich(mb))
    else:
        e.setPlainText(("y" * 79 + "\n") * int(mb * 1_000_000 / 80))
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < wait:  # Qt lays the document out a piece per turn meanwhile
        app.processEvents()
    return e


def _run(app, kind: str, mb: float, wait: float) -> list[dict]:
    import shiboken6

    from app.ui.compose.body.doc_reaper import DocumentReaper

    rows = []
    e = _editor(app, kind, mb, wait)
    doc = e.fresh_document()
    t0 = time.perf_counter()
    shiboken6.delete(doc)
    one = time.perf_counter() - t0
    rows.append({"measure": f"{kind}, cleared after {wait:g} s: Qt frees it in one call (baseline)",
                 "longest_ms": one * 1000, "median_ms": one * 1000, "calls": 1})
    e.close()

    e = _editor(app, kind, mb, wait)
    r = DocumentReaper()
    doc = e.fresh_document()
    t0 = time.perf_counter()
    r.reap(doc)
    calls = [time.perf_counter() - t0]
    while r.busy():
        t0 = time.perf_counter()
        r._step()  # what the reaper's timer runs once per turn
        calls.append(time.perf_counter() - t0)
    e.close()
    ordered = sorted(calls)
    rows.append({"measure": f"{kind}, cleared after {wait:g} s: Dispatch's reaper, a piece per turn",
                 "longest_ms": ordered[-1] * 1000, "median_ms": ordered[len(ordered) // 2] * 1000,
                 "calls": len(calls)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--early", type=float, default=0.2)
    ap.add_argument("--mid", type=float, default=2.0)
    ap.add_argument("--late", type=float, default=8.0)
    ap.add_argument("--hog", type=int, default=2)
    ap.add_argument("--quiet-only", action="store_true")
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    modes = {"quiet": 0} if args.quiet_only else {"quiet": 0, f"hog x{args.hog}": args.hog}
    for mode, hogs in modes.items():
        with cpu_hog(hogs):
            rows = []
            for kind in ("rich", "plain"):
                for wait in (args.early, args.mid, args.late):
                    rows += _run(app, kind, args.mb, wait)
            print(f"\n# Freeing a {args.mb:g} MB body, {mode} ({describe(machine())})")
            print("| measure | longest call (ms) | median call (ms) | calls |")
            print("|---|---:|---:|---:|")
            for r in rows:
                print(f"| {r['measure']} | {r['longest_ms']:.1f} | {r['median_ms']:.1f} | {r['calls']} |")


if __name__ == "__main__":
    main()
