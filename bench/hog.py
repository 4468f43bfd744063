"""CPU hogs beside a measurement, and what each bench records about the machine (a helper, not a bench).

``with cpu_hog(2):`` starts two ``python -c "while True: pass"`` processes at nice 0 (the same priority as
the measured process: the OS shares the CPUs between them) and ends exactly those processes (by their pid)
when the block ends: the goals must hold with the machine busy as well as quiet. :func:`each_mode` runs a
bench's measurement quiet and beside the hogs, each in a fresh process; :func:`save` writes its output to
``bench/out/<name>.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


@contextlib.contextmanager
def cpu_hog(n: int):
    """``n`` busy-looping processes for the duration of the block (``n == 0``: nothing)."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL)
             for _ in range(n)]
    try:
        time.sleep(0.2 if procs else 0)  # let them get going (not a measurement)
        yield procs
    finally:
        for p in procs:
            p.kill()
        for p in procs:
            p.wait()


def machine() -> dict:
    """The date (UTC), the load average and the CPU count, for the printed table."""
    la = os.getloadavg()
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load": [round(x, 2) for x in la],
            "cpus": os.cpu_count()}


def describe(m: dict) -> str:
    return f"{m['date']}, load average {m['load'][0]:.1f} / {m['load'][1]:.1f} / {m['load'][2]:.1f} on {m['cpus']} CPUs"


def save(name: str, data: dict) -> Path:
    """Write ``data`` to ``bench/out/<name>.json`` (``scripts/gen_docs.py --collect`` copies it to
    bench/results/, from which bench/perf_doc.py writes docs/performance.md)."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(data, indent=1) + "\n")
    return path


def each_mode(script: str, argv: list[str], hog: int, quiet_only: bool, timeout: float = 1800) -> dict:
    """Run ``script --one <argv>`` in a fresh process quiet and, unless ``quiet_only``, with ``hog`` CPU
    hogs beside it; each prints ``RESULT <json>``. Returns {mode: {"hogs", "machine", **result}}."""
    modes = {"quiet": 0} if quiet_only or hog <= 0 else {"quiet": 0, f"hog x{hog}": hog}
    out = {}
    for mode, hogs in modes.items():
        with cpu_hog(hogs):
            run = subprocess.run([sys.executable, script, "--one", *argv], capture_output=True, text=True,
                                 cwd=Path(script).resolve().parents[1], timeout=timeout)
            got = next((ln for ln in run.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if got is None:
                raise RuntimeError(run.stderr[-3000:])
            m = machine()
        out[mode] = {"hogs": hogs, "machine": m, **json.loads(got[len("RESULT "):])}
    return out


def mode_args(ap, saved_as: str) -> None:
    """The options of a bench run by :func:`each_mode`: ``--hog N``, ``--quiet-only``, ``--no-save`` and the
    hidden ``--one`` (one measurement in this process, printed as ``RESULT <json>``)."""
    ap.add_argument("--hog", type=int, default=2, metavar="N", help="CPU hogs beside the second measurement")
    ap.add_argument("--quiet-only", action="store_true")
    ap.add_argument("--no-save", action="store_true", help=f"do not write bench/out/{saved_as}.json")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)


def engine_option(ap) -> None:
    """``--engine``: where the EWS backend runs, as the app runs it (``process``, app/mail/engine.py) or in
    the window's worker threads (``thread``), for the comparison."""
    ap.add_argument("--engine", choices=("process", "thread"), default="process",
                    help="the EWS backend in its own process (the app's way) or in the window's threads")


def use_engine(args) -> None:
    """Build every EWS backend of this run (and of the app processes it starts) where ``--engine`` says."""
    from app import MAIL_ENGINE_VARIABLE

    os.environ[MAIL_ENGINE_VARIABLE] = args.engine
