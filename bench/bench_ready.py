"""Start-up's budgets, quiet and beside CPU hogs, in one run.

Measures, per run, a fresh ``python -m app --sandbox`` (``DISPATCH_FIRST_PAINT=1 DISPATCH_SWITCHES=1``, see
app/app_main.py) against the floor row, a bare qasync + PySide6 window of the same platform started the
same way in the same run (bench/bench_startup_stall.py's ``FLOOR``):

- **ready**: the first view (Compose) shown and its keys working. Budget: the floor + 150 ms.
- **first switch** to each other view (Drafts, Sent, the Outbox): its key's action triggered to its page
  painted, once everything is built. Budget: 100 ms each, quiet.
- **all built**: every view, menu, action and the journal (built in idle turns after ready): printed, not
  budgeted.

Everything twice: on the machine as it is ("quiet") and with ``--hog N`` (default 2) busy-looping processes
beside it (bench/hog.py). Medians of ``--runs`` runs. Saved to ``bench/out/ready.json``; copied to
bench/results/ (``python scripts/gen_docs.py --collect``) it is docs/performance.md's start-up table.

Run: ``python bench/bench_ready.py [--runs 7] [--hog 2 | --quiet-only] [--no-save]``
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.bench_startup_stall import (  # noqa: E402
    FIRST_SWITCH_MS, READY_OVER_FLOOR_MS, bench_startup, ready_rows)
from bench.hog import describe, machine, save  # noqa: E402


def met(d: dict) -> dict:
    """Whether each budget held (quiet budgets; under hogs they are printed beside)."""
    return {"ready": d["ready_ms"] - d["floor_ready_ms"] <= READY_OVER_FLOOR_MS,
            "first_switch": all(ms <= FIRST_SWITCH_MS for ms in d["first_switch_ms"].values())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--hog", type=int, default=2, metavar="N", help="CPU hogs beside the second measurement")
    ap.add_argument("--quiet-only", action="store_true")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/out/ready.json")
    args = ap.parse_args()
    modes = {"quiet": 0} if args.quiet_only or args.hog <= 0 else {"quiet": 0, f"hog x{args.hog}": args.hog}
    out = {"bench": "bench_ready.py", "args": vars(args), "budgets": {"ready_over_floor_ms": READY_OVER_FLOOR_MS,
           "first_switch_ms": FIRST_SWITCH_MS}, "modes": {}}
    for mode, hogs in modes.items():
        d = bench_startup(args.runs, hogs)
        d["met"] = met(d)
        d["table"] = [list(r) for r in ready_rows(d)]
        out["modes"][mode] = d
        rows = ready_rows(d)
        w = max(len(r[0]) for r in rows)
        print(f"\n## {mode} ({describe(d['machine'])}; {args.runs} runs)")
        print(f"{'measure'.ljust(w)}  {'ms':>9}  note")
        print("-" * (w + 40))
        for name, ms, note in rows:
            print(f"{name.ljust(w)}  {ms:9.1f}  {note}")
    out["machine"] = machine()
    if not args.no_save:
        print(f"saved {save('ready', out)}")


if __name__ == "__main__":
    main()
