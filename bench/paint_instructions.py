"""Instructions executed from process start to the first paint: the app against a bare window, counted by
valgrind (callgrind), so the figure does not depend on the machine's load. Prints a table; asserts nothing.

Measures: ``python -m app --sandbox`` (the same program bench/bench_startup_stall.py starts, compiled the same
way) and, with ``--ready``, to ``DISPATCH_READY`` (the first view and its keys). Each runs under
``valgrind --tool=callgrind`` and ends the moment it prints the line (a wrapper ends the process there), so the
count is what ran before it: Python's start, PySide6, the app's imports and work.

Baselines (same run): bench/bench_startup_stall.py's bare ``QMainWindow`` (to its first paint) and its floor
(a bare window with asyncio and qasync running, to its ready), run the same way. The first paint's budget is
1.10x the bare window (wall time, bench/bench_startup_stall.py); the ratio of instructions tells what the app
adds where the wall times of a busy machine cannot. One run each: the counts are the same from run to run
(within 0.1 %).

Run: ``python bench/paint_instructions.py [--ready]`` (needs valgrind; about half a minute a program).

Results: printed only (not rendered in docs/performance.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_startup_stall import BARE, FLOOR  # noqa: E402
from bench.firstpaint import compile_app  # noqa: E402

#: runs ``sys.argv[2]`` (a program's source, or "-m app" and its arguments) and ends the process as soon as it
#: prints a line starting with ``sys.argv[1]``
WRAPPER = r"""
import os, runpy, sys

class EndAt:
    def __init__(self, out, word):
        self.out, self.word = out, word
    def write(self, text):
        self.out.write(text)
        if self.word in text:
            self.out.flush()
            os._exit(0)
        return len(text)
    def flush(self):
        self.out.flush()

word, what = sys.argv[1], sys.argv[2]
sys.stdout = EndAt(sys.stdout, word)
if what == "-m":
    sys.argv = [sys.argv[3]] + sys.argv[4:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    sys.argv = sys.argv[:1]
    exec(compile(what, "<bench>", "exec"))
"""


def instructions(args: list[str], word: str, home: str) -> int:
    """Instructions executed by ``python -c WRAPPER word *args`` until it prints ``word``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=home, DISPATCH_FIRST_PAINT="1",
               QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", WRAPPER, word,
           *args]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    if word not in out.stdout:
        raise RuntimeError(f"no {word} from {args[:1]}: {out.stdout[-1000:]}\n{out.stderr[-3000:]}")
    found = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if found is None:
        raise RuntimeError(f"no count from valgrind: {out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ready", action="store_true", help="also count to DISPATCH_READY, against the floor")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed")
        return 1
    compile_app()
    home = tempfile.mkdtemp(prefix="dispatch-bench-")
    app = ["-m", "app", "--sandbox"]
    # one start first, as bench_startup_stall.py's later runs have: the settings file it leaves (the window's
    # geometry) is read before the first paint (the language)
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=home, DISPATCH_FIRST_PAINT="1",
               QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    subprocess.run([sys.executable, *app], capture_output=True, env=env, cwd=ROOT, timeout=120, check=True)
    rows = []
    bare = instructions([BARE], "DISPATCH_FIRST_PAINT", home)
    paint = instructions(app, "DISPATCH_FIRST_PAINT", home)
    rows += [("first paint: bare QMainWindow (baseline)", bare, ""),
             ("first paint: dispatch-mail --sandbox", paint, f"{paint / bare:.3f}x (wall time goal <= 1.10x)")]
    if a.ready:
        floor = instructions([FLOOR], "DISPATCH_READY", home)
        ready = instructions(app, "DISPATCH_READY", home)
        rows += [("ready: floor (bare window, asyncio, qasync, loop running; baseline)", floor, ""),
                 ("ready: dispatch-mail --sandbox", ready, f"floor {(ready - floor) / 1e6:+.1f} M")]
    w = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(w)}  {'instructions (M)':>16}  note")
    for name, count, note in rows:
        print(f"{name.ljust(w)}  {count / 1e6:16.1f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
