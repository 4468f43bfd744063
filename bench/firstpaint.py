"""Time from process start to the first paint of a window, shared by bench_install.py and
bench_startup_stall.py. The measured program prints ``DISPATCH_FIRST_PAINT <unix time>`` at its first
paint and quits (the app does so with ``DISPATCH_FIRST_PAINT=1``), ``DISPATCH_READY <unix time>`` once
its first view takes its keys, ``DISPATCH_ALL_BUILT <unix time>`` once all its views are built, and with
``DISPATCH_SWITCHES=1`` ``DISPATCH_SWITCH <view> <ms>`` for the first switch to each other view."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_app() -> None:
    """Byte-compile app/ as scripts/bootstrap.sh and the installer leave it: a start that compiles its
    modules from source (no .pyc, e.g. PYTHONDONTWRITEBYTECODE=1 in the environment) measures the compiler."""
    import compileall

    compileall.compile_dir(str(ROOT / "app"), quiet=2, workers=0)


def first_paint(cmd: list[str], env: dict, ready: list | None = None, cpu: list | None = None,
                pieces: list | None = None, frame: list | None = None, built: list | None = None,
                switches: dict | None = None, ready_cpu: list | None = None) -> float:
    """Seconds from starting ``cmd`` to its first paint; appends the time to DISPATCH_FRAME_PAINT (the
    app's second paint, its frame: sidebar, menu titles, status bar) to ``frame``, to DISPATCH_READY to ``ready``,
    the CPU seconds at DISPATCH_READY to ``ready_cpu``, to DISPATCH_ALL_BUILT to ``built``, each DISPATCH_SWITCH's ms to ``switches[view]``, the CPU seconds the
    process had used at its first paint (``cpu=`` on the line) to ``cpu``, and the longest start-up piece
    (``longest=<ms>:<name>`` on the DISPATCH_READY or DISPATCH_ALL_BUILT line) to ``pieces`` as (ms, name)."""
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    paint = None
    for line in out.stdout.splitlines():
        if line.startswith("DISPATCH_FIRST_PAINT"):
            paint = float(line.split()[1]) - t0
            used = [w[4:] for w in line.split()[2:] if w.startswith("cpu=")]
            if used and cpu is not None:
                cpu.append(float(used[0]))
        elif line.startswith("DISPATCH_FRAME_PAINT"):
            if frame is not None:
                frame.append(float(line.split()[1]) - t0)
        elif line.startswith("DISPATCH_SWITCH "):
            if switches is not None:
                _, view, ms = line.split()
                switches.setdefault(view, []).append(float(ms))
        elif line.startswith(("DISPATCH_READY", "DISPATCH_ALL_BUILT")):
            into = ready if line.startswith("DISPATCH_READY") else built
            if into is not None:
                into.append(float(line.split()[1]) - t0)
            used = [w[4:] for w in line.split()[2:] if w.startswith("cpu=")]
            if used and ready_cpu is not None and line.startswith("DISPATCH_READY"):
                ready_cpu.append(float(used[0]))
            longest = [w[8:] for w in line.split()[2:] if w.startswith("longest=")]
            if longest and pieces is not None:
                ms, _, name = longest[0].partition(":")
                pieces.append((float(ms), name))
    if paint is None:
        raise RuntimeError(f"no first paint from {cmd}: {out.stdout}\n{out.stderr}")
    return paint
