"""Start-up time, and UI stalls while sending and listing. Prints a table; asserts nothing.

Measures:

1. the time from process start to the first paint of the main window (``DISPATCH_FIRST_PAINT=1``: the app
   prints a timestamp at first paint and quits; goal <= 1.1x the baseline); to ``DISPATCH_READY`` (the
   first view and its keys; goal: the floor row + 150 ms), the first switch to each other view (goal <= 100
   ms, quiet) and ``DISPATCH_ALL_BUILT`` (printed, not budgeted), as bench/bench_ready.py; with the longest
   piece of UI-thread work (CPU) between the first paint and all built: a pre-loop import, Qt's enums or a
   set-up slice (goal <= 16 ms);
2. the longest gap between ticks of a 1 ms QTimer heartbeat (the longest UI stall; goal <= 16 ms, our CPU
   <= 8 ms per gap) while the real window sends 50 drafts (one batch) and while it lists ``--drafts``
   drafts, against the sandbox over HTTP with real exchangelib, and the first page after Ctrl+2; each
   stall row is followed by the CPU this process (UI thread / all threads) used in the longest gap.

Baselines (same run): a bare PySide6 ``QMainWindow``'s first paint, measured the same way; the "floor" (a
bare window with asyncio and qasync running: what any qasync app pays); the same window idle for 3 s.

Run: ``python bench/bench_startup_stall.py [--runs 5] [--drafts 5000] [--engine process|thread]
[--hog 2 | --quiet-only] [--no-save]``: quiet and with ``--hog`` busy-looping processes at the same
priority beside it, each table naming the date and the load average.

Results: printed, and saved to ``bench/out/startup_stall.json``; ``python scripts/gen_docs.py --collect``
copies it to bench/results/ and ``python scripts/gen_docs.py`` generates docs/performance.md from it
("Start-up").
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.firstpaint import compile_app, first_paint  # noqa: E402
from bench.bench_list_10k import scroll_to_end  # noqa: E402
from bench.hog import cpu_hog, describe, engine_option, machine, save, use_engine  # noqa: E402

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 720)
class F(QObject):
    seen = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Paint and not self.seen:
            self.seen = True
            print(f"DISPATCH_FIRST_PAINT {time.time():.6f} cpu={time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


#: the floor under "all built": a bare window that, after its first paint, loads what any qasync + PySide6
#: app must (asyncio, qasync, Qt's enum namespace, which qasync's timers use) and runs the loop. Everything
#: of Dispatch's own (its ~60 modules, views, menus, journal) comes on top of it.
FLOOR = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1100, 720)
class F(QObject):
    seen = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Paint and not self.seen:
            self.seen = True
            print(f"DISPATCH_FIRST_PAINT {time.time():.6f} cpu={time.process_time():.6f}", flush=True)
        return False
f = F(); w.installEventFilter(f); w.show()
while not f.seen:
    app.processEvents()
import asyncio, qasync
from PySide6.QtCore import Qt
Qt.AlignmentFlag
async def ready():
    print(f"DISPATCH_READY {time.time():.6f} cpu={time.process_time():.6f}", flush=True)
qasync.run(ready())
"""


def bench_startup(runs: int, hog: int = 0) -> dict:
    """Median first paint, ready (the first view and its keys), all-built and first-switch times of the app
    against a bare QMainWindow and the floor, ``hog`` CPU hogs beside."""
    home = tempfile.mkdtemp(prefix="dispatch-bench-")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=home, DISPATCH_FIRST_PAINT="1", DISPATCH_SWITCHES="1")
    bare, app_, ready, bare_cpu, app_cpu, pieces, floor, frame, built = [], [], [], [], [], [], [], [], []
    ready_cpu, floor_cpu = [], []  # CPU seconds used by ready: less at the mercy of the machine's load
    switches: dict[str, list[float]] = {}
    compile_app()
    with cpu_hog(hog):
        for _ in range(runs):  # interleaved so all see the same machine load
            bare.append(first_paint([sys.executable, "-c", BARE], env, cpu=bare_cpu))
            app_.append(first_paint([sys.executable, "-m", "app", "--sandbox"], env, ready, cpu=app_cpu,
                                    pieces=pieces, frame=frame, built=built, switches=switches, ready_cpu=ready_cpu))
            first_paint([sys.executable, "-c", FLOOR], env, floor, ready_cpu=floor_cpu)
        m = machine()
    b, a, r = statistics.median(bare), statistics.median(app_), statistics.median(ready)
    bc, ac = statistics.median(bare_cpu), statistics.median(app_cpu)
    out = {"bare_paint_ms": b * 1000, "app_paint_ms": a * 1000, "paint_ratio": a / b,
           "bare_cpu_ms": bc * 1000, "app_cpu_ms": ac * 1000, "cpu_ratio": ac / bc,
           "ready_ms": r * 1000, "ready_ratio": r / b, "runs": runs, "machine": m,
           "floor_ready_ms": statistics.median(floor) * 1000, "floor_ratio": statistics.median(floor) / b,
           "hogs": hog}
    if built:
        out.update(all_built_ms=statistics.median(built) * 1000)
    if ready_cpu and floor_cpu:
        out.update(ready_cpu_ms=statistics.median(ready_cpu) * 1000, floor_cpu_ms=statistics.median(floor_cpu) * 1000)
    out["first_switch_ms"] = {view: statistics.median(ms) for view, ms in switches.items()}
    out["first_switch_max_ms"] = {view: max(ms) for view, ms in switches.items()}
    if frame:  # the app's second paint: its frame (sidebar, menu titles, status bar)
        out.update(frame_paint_ms=statistics.median(frame) * 1000, frame_ratio=statistics.median(frame) / b)
    if pieces:  # the longest piece of UI-thread work between first paint and ready, per run (app/startup_clock.py)
        ms = sorted(p[0] for p in pieces)
        out.update(longest_piece_ms=statistics.median(ms), longest_piece_max_ms=ms[-1],
                   longest_piece_names=sorted({p[1] for p in pieces}))
    return out


#: the start-up budgets: ready within this of the floor row; each first switch within this (quiet)
READY_OVER_FLOOR_MS = 150
FIRST_SWITCH_MS = 100


def ready_rows(d: dict) -> list[tuple[str, float, str]]:
    """The floor, ready (the first view and its keys) beside it, each view's first switch, all built."""
    over = d["ready_ms"] - d["floor_ready_ms"]
    quiet = not d.get("hogs")
    rows = [
        ("floor: bare window + asyncio, qasync, Qt's enums, loop running (median)", d["floor_ready_ms"],
         "baseline: any qasync + PySide6 app pays this before its own modules and views"),
        ("ready: the first view (Compose) shown and its keys working (median)", d["ready_ms"],
         f"floor {over:+.0f} ms (goal <= +{READY_OVER_FLOOR_MS} ms" + (")" if quiet else "; quiet only)")),
    ]
    if "ready_cpu_ms" in d:
        rows.append(("  CPU time used by ready: app (floor: its ready; median)", d["ready_cpu_ms"],
                     f"floor {d['floor_cpu_ms']:.0f} ms, app {d['ready_cpu_ms'] - d['floor_cpu_ms']:+.0f} ms "
                     "(less at the mercy of the machine's load)"))
    for view, ms in d.get("first_switch_ms", {}).items():
        rows.append((f"  first switch to {view.capitalize()} (its key to its page painted; median)", ms,
                     f"worst run {d['first_switch_max_ms'][view]:.1f} ms (goal <= {FIRST_SWITCH_MS} ms"
                     + (")" if quiet else "; quiet only)")))
    if "all_built_ms" in d:
        rows.append(("  all built: every view, menu, action and the journal (median)", d["all_built_ms"],
                     f"floor {d['all_built_ms'] - d['floor_ready_ms']:+.0f} ms (printed, not budgeted: built in "
                     "idle turns after ready)"))
    return rows


def startup_rows(d: dict) -> list[tuple[str, float, str]]:
    return [
        ("first paint: bare QMainWindow (median)", d["bare_paint_ms"], "baseline"),
        ("first paint: dispatch-mail --sandbox (median)", d["app_paint_ms"],
         f"{d['paint_ratio']:.2f}x  (goal <= 1.10x)"),
        ("  CPU time used by the first paint: app / bare (median)", d["app_cpu_ms"],
         f"{d['cpu_ratio']:.2f}x  (bare {d['bare_cpu_ms']:.0f} ms; less at the mercy of the machine's load)"),
    ] + ([
        ("  its frame painted (sidebar, menu titles, status bar; median)", d["frame_paint_ms"],
         f"{d['frame_ratio']:.2f}x  (the next paint after the first: the empty window in the theme's colour)"),
    ] if "frame_paint_ms" in d else []) + ready_rows(d) + _slice_rows(d)


def _slice_rows(d: dict) -> list[tuple[str, float, str]]:
    rows = []
    if "longest_piece_ms" in d:
        rows.append(("  longest start-up slice: UI thread CPU (median of runs)", d["longest_piece_ms"],
                     f"worst run {d['longest_piece_max_ms']:.1f} ms ({', '.join(d['longest_piece_names'])}); "
                     "goal <= 16 ms"))
    return rows


class Heartbeat:
    """A 1 ms QTimer; records the longest gap between ticks (the longest stall of the UI loop).

    For each gap it also records the CPU time the UI thread and the whole process used during it: a gap
    much longer than the process's own CPU time was spent waiting for the OS to run us (other processes
    on the machine), not on work of ours.
    """

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.start_state()

    def start_state(self):
        self.last = self.last_ui = self.last_proc = None
        self.worst = self.worst_ui = self.worst_proc = 0.0
        self.max_proc = self.max_ui = 0.0
        self.gaps: list[float] = []

    def _tick(self):
        now, ui, proc = time.perf_counter(), time.thread_time(), time.process_time()
        if self.last is not None:
            gap = now - self.last
            self.gaps.append(gap)
            self.max_proc = max(self.max_proc, proc - self.last_proc)
            self.max_ui = max(self.max_ui, ui - self.last_ui)
            if gap > self.worst:
                self.worst, self.worst_ui, self.worst_proc = gap, ui - self.last_ui, proc - self.last_proc
        self.last, self.last_ui, self.last_proc = now, ui, proc

    def start(self):
        self.start_state()
        self.timer.start()

    def stop(self):
        self.timer.stop()
        p99 = sorted(self.gaps)[int(len(self.gaps) * 0.99)] if self.gaps else 0.0
        return self.worst * 1000, p99 * 1000

    def attribution(self) -> str:
        """'worst gap: UI thread a ms / process b ms on CPU; any gap: process <= c ms on CPU'."""
        return (f"worst gap: UI thread {self.worst_ui * 1000:.1f} ms / process {self.worst_proc * 1000:.1f} ms on CPU; "
                f"most CPU of ours in any gap {self.max_proc * 1000:.1f} ms")


def gc_pause_rows() -> list[tuple[str, float, str]]:
    """A full collection's pause with everything loaded, without and with runtime.settle_gc()."""
    import gc

    import exchangelib  # noqa: F401 - loaded by the first connect in the app; here for the measurement

    from app.runtime import settle_gc

    def full() -> float:
        t0 = time.perf_counter()
        gc.collect()
        return (time.perf_counter() - t0) * 1000

    gc.unfreeze()
    n = len(gc.get_objects())
    before = statistics.median(full() for _ in range(3))
    settle_gc()
    after = statistics.median(full() for _ in range(3))
    return [
        (f"full GC pause, {n} tracked objects, not frozen", before, "holds the GIL: the UI thread waits this long"),
        ("full GC pause after runtime.settle_gc() (gc.freeze)", after, "what the app does once, at the end of start-up"),
    ]


async def _until(pred, timeout=600):
    t0 = time.monotonic()
    while not pred():
        if time.monotonic() - t0 > timeout:
            raise TimeoutError
        await asyncio.sleep(0.01)


SERVER = r"""
import json, sys
from app.sandbox import Sandbox
sb = Sandbox(data=":memory:", port=0)
sb.start()
user = next(a for a in sb.accounts if a["email"] == "alice@example.com")
print(json.dumps({"url": sb.ews_url, "user": user}), flush=True)
sys.stdin.read()
sb.stop()
"""


def start_server():
    """The sandbox in its own process, like a real server: its work must not count as UI stalls."""
    import json

    proc = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    info = json.loads(proc.stdout.readline())
    return proc, info["url"], info["user"]


async def _idle(win, hb: Heartbeat, seconds: float = 3.0) -> dict:
    """The baseline: the same window doing nothing for ``seconds`` on the same machine, hogs and all. Its
    longest gap is the machine's floor (the OS running other processes), not work of ours."""
    hb.start()
    await asyncio.sleep(seconds)
    worst, p99 = hb.stop()
    return {"worst_ms": worst, "p99_ms": p99, "seconds": seconds, "ui_cpu_max_gap_ms": hb.max_ui * 1000}


async def _list_all(win, hb: Heartbeat) -> dict:
    """Ctrl+2, then reload Drafts and scroll to the end page by page, as a user holding End would."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    model, table = win.drafts.model, win.drafts.table
    QTest.keyClick(win, Qt.Key_1, Qt.ControlModifier)
    hb.start()
    t0 = time.perf_counter()
    QTest.keyClick(win, Qt.Key_2, Qt.ControlModifier)
    if win.current_view() != "drafts":
        raise RuntimeError(f"Ctrl+2 showed {win.current_view()!r}")
    model.reload()
    await _until(lambda: model.rowCount() > 0 and not model.loading)
    first_page = time.perf_counter() - t0
    await scroll_to_end(model, table)
    took = time.perf_counter() - t0
    worst, p99 = hb.stop()
    return {"rows": model.rowCount(), "worst_ms": worst, "p99_ms": p99, "total_s": took,
            "first_page_ms": first_page * 1000, "cpu_worst_gap_ms": hb.worst_proc * 1000,
            "ui_cpu_worst_gap_ms": hb.worst_ui * 1000, "cpu_max_gap_ms": hb.max_proc * 1000,
            "ui_cpu_max_gap_ms": hb.max_ui * 1000}


async def _send(win, refs, hb: Heartbeat) -> dict:
    """Send ``refs`` as one batch through the window's Ctrl+Shift+Return code path."""
    hb.start()
    t0 = time.perf_counter()
    outcomes = await win.flows.drafts.send_selected_drafts(refs)
    took = time.perf_counter() - t0
    worst, p99 = hb.stop()
    return {"sent": sum(1 for o in outcomes if o.ok), "n": len(refs), "worst_ms": worst, "p99_ms": p99,
            "total_s": took, "cpu_worst_gap_ms": hb.worst_proc * 1000, "ui_cpu_worst_gap_ms": hb.worst_ui * 1000,
            "cpu_max_gap_ms": hb.max_proc * 1000, "ui_cpu_max_gap_ms": hb.max_ui * 1000}


async def bench_stalls(n_drafts: int, modes: dict[str, int]) -> dict:
    """Listing ``n_drafts`` and sending 50, once per mode (name -> number of CPU hogs), in one session."""
    from app.runtime import settle_gc_after_start
    from app.core.accounts.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from app.domain.models import Draft, Recipient
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    result = {}
    proc, url, user = start_server()
    acc = AccountConfig(email=user["email"], ews_url=url, username=user.get("username") or user["email"])
    session = Session.for_account(acc, user["password"])
    win = MainWindow(session, settings=Settings(Path(tempfile.mkdtemp()) / "s.json"))
    win.show()
    settle_gc_after_start(win)  # as app_main.amain does
    hb = Heartbeat()
    try:
        await _until(lambda: session.state == ConnectionState.CONNECTED, 60)
        # seed drafts through the backend (not measured)
        t0 = time.perf_counter()
        sem = asyncio.Semaphore(4)

        async def save_one(i):
            async with sem:
                await session.client.save_draft(Draft(to=[Recipient("bob@example.com")], subject=f"Bench {i}", body="x"))

        await asyncio.gather(*(save_one(i) for i in range(n_drafts + 50 * len(modes))))
        seed = time.perf_counter() - t0
        for mode, hogs in modes.items():
            with cpu_hog(hogs):
                idle = await _idle(win, hb)
                listing = await _list_all(win, hb)
                refs = [s.ref for s in win.drafts.model.summaries()[:50]]
                sending = await _send(win, refs, hb)
                result[mode] = {"hogs": hogs, "idle": idle, "list": listing, "send": sending,
                                "machine": machine()}
        result["seed_s"] = seed
    finally:
        win.close_now()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=30)
    return result


def stall_rows(d: dict) -> list[tuple[str, float, str]]:
    li, se, idle = d["list"], d["send"], d["idle"]
    return [
        ("the same window idle (baseline): longest UI stall", idle["worst_ms"],
         f"p99 {idle['p99_ms']:.1f} ms over {idle['seconds']:.0f} s: the machine's floor"),
        (f"list {li['rows']} drafts: longest UI stall", li["worst_ms"],
         f"p99 {li['p99_ms']:.1f} ms; {li['total_s']:.1f} s for all (goal <= 16 ms)"),
        ("  our CPU in the longest gap / most in any gap", li["cpu_worst_gap_ms"],
         f"UI thread {li['ui_cpu_worst_gap_ms']:.1f} ms; most CPU of ours in any gap {li['cpu_max_gap_ms']:.1f} ms, "
         f"of the UI thread {li.get('ui_cpu_max_gap_ms', 0):.1f} ms (goal <= 8 ms)"),
        ("  first page shown after Ctrl+2 (reload)", li["first_page_ms"], ""),
        (f"send {se['n']} drafts ({se['sent']} sent): longest UI stall", se["worst_ms"],
         f"p99 {se['p99_ms']:.1f} ms; {se['total_s']:.1f} s total (goal <= 16 ms)"),
        ("  our CPU in the longest gap / most in any gap", se["cpu_worst_gap_ms"],
         f"UI thread {se['ui_cpu_worst_gap_ms']:.1f} ms; most CPU of ours in any gap {se['cpu_max_gap_ms']:.1f} ms, "
         f"of the UI thread {se.get('ui_cpu_max_gap_ms', 0):.1f} ms"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--drafts", type=int, default=5000)
    ap.add_argument("--hog", type=int, default=2, metavar="N",
                    help="CPU hogs (python busy loops, nice 0) beside the second measurement (default 2)")
    ap.add_argument("--quiet-only", action="store_true", help="measure the quiet machine only")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/out/startup_stall.json")
    engine_option(ap)
    args = ap.parse_args()
    use_engine(args)
    modes = {"quiet": 0} if args.quiet_only or args.hog <= 0 else {"quiet": 0, f"hog x{args.hog}": args.hog}
    if args.runs <= 0:  # --runs 0: the stalls only (a quick look while working on them)
        startup = {mode: None for mode in modes}
    else:
        startup = {mode: bench_startup(args.runs, hogs) for mode, hogs in modes.items()}

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    stalls = qasync.run(bench_stalls(args.drafts, modes))
    gc_rows = gc_pause_rows()
    del app
    out = {"bench": "bench_startup_stall.py", "args": vars(args), "machine": machine(), "modes": {}}
    for mode in modes:
        out["modes"][mode] = {"startup": startup[mode], **stalls[mode]}
    out["gc"] = [{"measure": n, "ms": ms, "note": note} for n, ms, note in gc_rows]
    out["seed_s"] = stalls["seed_s"]
    for mode, d in out["modes"].items():
        rows = (startup_rows(d["startup"]) if d["startup"] else []) + stall_rows(d)
        d["table"] = [list(r) for r in rows]  # as printed: bench/perf_doc.py renders it
        w = max(len(r[0]) for r in rows)
        begun = describe(d["startup"]["machine"]) if d["startup"] else "not measured"
        print(f"\n## {mode} (start-up: {begun}; stalls: {describe(d['machine'])})")
        print(f"{'measure'.ljust(w)}  {'ms':>9}  note")
        print("-" * (w + 40))
        for name, ms, note in rows:
            print(f"{name.ljust(w)}  {ms:9.1f}  {note}")
    print()
    for name, ms, note in gc_rows:
        print(f"{name}: {ms:.1f} ms  {note}")
    print(f"(seeding {args.drafts} drafts, not measured: {stalls['seed_s']:.1f} s; {describe(out['machine'])}; "
          "stalls include time the OS ran other processes)")
    if not args.no_save and args.runs > 0:
        print(f"saved {save('startup_stall', out)}")
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown (PySide6 + threads at exit are not what is measured)


if __name__ == "__main__":
    main()
