"""A page of new rows: UI stalls and our CPU while the Drafts list grows, a page at a time, to 10,000 drafts.
Prints a table; asserts nothing.

Measures, in the real window against a sandbox in its own process (its work must not count as ours), over
HTTP with real exchangelib, ``--drafts`` drafts in Drafts:

1. Ctrl+2 and a reload of Drafts -> the first page of rows painted (goal <= 150 ms);
2. scrolling to the end a page at a time (fetchMore, as a user holding End would), with a 1 ms QTimer
   heartbeat: the longest gap between its ticks (the longest UI stall; goal <= 16 ms) and its p99; in each
   gap, the CPU of the UI thread and of the whole process, split into Qt's repaints (an ``UpdateRequest``
   or ``Paint`` event, timed by the bench's own ``QApplication.notify``; the model's ``data()`` calls made
   during a repaint count in it) and the rest. The budget for a page of new rows: Qt's repaint of a page
   is Qt's, printed beside the baseline's; **our UI-thread CPU outside the repaints is <= 8 ms in any
   gap**;
3. the process's RSS with every draft listed (goal <= 250 MB).

Baseline (same run, a process of its own): a bare ``QTableView`` over a ``QStandardItemModel`` of the same
five columns, given the same rows a page at a time (the list model's page size) and scrolled to the end
after each, measured the same way with the same instrument.

Run: ``python bench/bench_list_10k.py [--drafts 10000] [--engine process|thread] [--hog 2 | --quiet-only]
[--no-save]``: once quiet and once beside ``--hog`` busy-looping processes (bench/hog.py), each in a fresh
process.

Results: printed, and saved to ``bench/out/list_10k.json``; ``python scripts/gen_docs.py --collect`` copies it
to bench/results/ and ``python scripts/gen_docs.py`` generates docs/performance.md from it ("A page of new
rows").
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

SERVER = r"""
import copy, json, sys
from app.sandbox import Sandbox
sb = Sandbox(data=":memory:", port=0)
sb.start()
user = next(a for a in sb.accounts if a["email"] == "alice@example.com")
print(json.dumps({"url": sb.ews_url, "user": user}), flush=True)
for line in sys.stdin:
    cmd, n = line.split()
    if cmd == "clone":  # copy the one draft saved through EWS n times, straight into the store (fast)
        store = sb.store
        tpl = next(i for i in store.all_in(user["email"]) if i["subject"] == "Bench template")
        with store.tx():
            for i in range(int(n)):
                data = copy.deepcopy(tpl["data"])
                data["Subject"] = f"Bench {i:05d} — a subject of a usual length for a draft"
                data["InternetMessageId"] = f"<bench-{i}@example.com>"
                store.insert(user["email"], tpl["folder"], data)
        print("ok", flush=True)
sb.stop()
"""

BASELINE = r"""
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView
sys.path.insert(0, sys.argv[1])
from bench.bench_list_10k import Heartbeat, RepaintClock, rss_mb, timed_application
n, page = int(sys.argv[2]), int(sys.argv[3])
clock = RepaintClock()
app = timed_application(clock)
view = QTableView(); view.resize(1100, 640); view.show()
model = QStandardItemModel(0, 5)
model.setHorizontalHeaderLabels(["", "Subject", "To", "Modified", "Status"])
view.setModel(model)
app.processEvents()
hb = Heartbeat(clock); hb.start()
out = {}
t0 = time.perf_counter()
def add_page():
    start = model.rowCount()
    for i in range(start, min(n, start + page)):
        model.appendRow([QStandardItem(""), QStandardItem(f"Bench {i:05d} — a subject of a usual length for a draft"),
                         QStandardItem("bob@example.com"), QStandardItem("2026-11-22 20:00"), QStandardItem("")])
    view.scrollToBottom()
    QTimer.singleShot(5, add_page if model.rowCount() < n else done)
def done():
    out["fill_ms"] = (time.perf_counter() - t0) * 1000
    out.update(hb.stop())
    out["rows"] = model.rowCount()
    out["rss_mb"] = rss_mb()
    print(json.dumps(out), flush=True)
    app.quit()
QTimer.singleShot(20, add_page)
app.exec()
"""


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class RepaintClock:
    """The UI thread's CPU inside Qt's repaints: an ``UpdateRequest`` (the backing store repaints every
    dirty widget of a window) or a ``Paint`` event, the outermost one when they nest. Fed by
    :func:`timed_application`."""

    def __init__(self):
        from PySide6.QtCore import QEvent

        self.kinds = (QEvent.Type.UpdateRequest, QEvent.Type.Paint)
        self.depth = 0
        self.cpu = 0.0  # seconds, all repaints so far
        self.each: list[float] = []  # seconds, one per outermost repaint
        self._t0 = 0.0

    def enter(self) -> None:
        if self.depth == 0:
            self._t0 = time.thread_time()
        self.depth += 1

    def leave(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            spent = time.thread_time() - self._t0
            self.cpu += spent
            self.each.append(spent)


def timed_application(clock: RepaintClock):
    """The bench's QApplication: ``notify`` (Qt's public hook around every event's delivery) times the
    repaints into ``clock``. Bench only; the same instrument runs in the baseline, so its own cost is
    in both columns (and counts as "our CPU")."""
    from PySide6.QtWidgets import QApplication

    class TimedApplication(QApplication):
        def notify(self, receiver, event):  # noqa: D401
            if event.type() in clock.kinds:
                clock.enter()
                try:
                    return super().notify(receiver, event)
                finally:
                    clock.leave()
            return super().notify(receiver, event)

    return TimedApplication(sys.argv[:1])


class Heartbeat:
    """A 1 ms QTimer: the longest gap between its ticks is the longest stall of the UI event loop. Per gap
    it notes the CPU this process (all threads) and the UI thread used: a gap much longer than that was
    spent waiting for the OS (other processes), not on work of ours. Given a :class:`RepaintClock`, it
    also splits each gap's CPU into Qt's repaints and the rest ("outside the repaint")."""

    def __init__(self, repaint: RepaintClock | None = None):
        from PySide6.QtCore import QTimer

        self.repaint = repaint
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def start(self):
        self.last = self.last_ui = self.last_proc = None
        self.last_paint = 0.0
        self.gaps: list[float] = []
        self.worst = self.worst_ui = self.worst_proc = self.max_proc = self.max_ui = 0.0
        self.worst_paint = self.max_paint = self.max_ui_outside = self.max_proc_outside = 0.0
        self.first_repaint = len(self.repaint.each) if self.repaint else 0
        self.timer.start()

    def _tick(self):
        now, ui, proc = time.perf_counter(), time.thread_time(), time.process_time()
        paint = self.repaint.cpu if self.repaint else 0.0
        if self.last is not None:
            gap, d_ui, d_proc, d_paint = now - self.last, ui - self.last_ui, proc - self.last_proc, paint - self.last_paint
            self.gaps.append(gap)
            self.max_proc = max(self.max_proc, d_proc)
            self.max_ui = max(self.max_ui, d_ui)
            self.max_paint = max(self.max_paint, d_paint)
            self.max_ui_outside = max(self.max_ui_outside, d_ui - d_paint)
            self.max_proc_outside = max(self.max_proc_outside, d_proc - d_paint)
            if gap > self.worst:
                self.worst, self.worst_ui, self.worst_proc, self.worst_paint = gap, d_ui, d_proc, d_paint
        self.last, self.last_ui, self.last_proc, self.last_paint = now, ui, proc, paint

    def stop(self) -> dict:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        out = {"worst_ms": self.worst * 1000, "p99_ms": gaps[int(len(gaps) * 0.99)] * 1000,
               "worst_gap_proc_cpu_ms": self.worst_proc * 1000, "worst_gap_ui_cpu_ms": self.worst_ui * 1000,
               "max_gap_proc_cpu_ms": self.max_proc * 1000, "max_gap_ui_cpu_ms": self.max_ui * 1000}
        if self.repaint:
            each = sorted(self.repaint.each[self.first_repaint:]) or [0.0]
            out.update({"repaints": len(self.repaint.each) - self.first_repaint,
                        "repaint_median_ms": each[len(each) // 2] * 1000, "repaint_max_ms": each[-1] * 1000,
                        "worst_gap_repaint_ms": self.worst_paint * 1000, "max_gap_repaint_ms": self.max_paint * 1000,
                        "max_gap_ui_outside_ms": self.max_ui_outside * 1000,
                        "max_gap_proc_outside_ms": self.max_proc_outside * 1000})
        return out


async def _until(pred, timeout=600.0, every=0.005):
    """Wait until ``pred()``, asked every ``every`` seconds on the UI thread (a costly ``pred`` asked often is
    the bench's own load on the thread it measures: ask it seldom)."""
    t0 = time.monotonic()
    while not pred():
        if time.monotonic() - t0 > timeout:
            raise TimeoutError
        await asyncio.sleep(every)


async def scroll_to_end(model, table) -> None:
    """Page by page to the last row, as a user holding End would: each page is fetched as the view nears
    the end (fetchMore)."""
    while True:
        await _until(lambda: not model.loading)
        if not model.canFetchMore():
            break
        table.scrollToBottom()
        await asyncio.sleep(0)
        if not model.loading and model.canFetchMore():
            model.fetchMore()


@contextlib.contextmanager
def window_on_sandbox():
    """The real window (run as the app runs it: ``settle_gc_after_start``) on alice's mailbox of a
    sandbox in its own process (:data:`SERVER`, which takes commands on its stdin), in a fresh data folder;
    yields (window, session, the sandbox's process) and closes all three."""
    from app.runtime import settle_gc_after_start
    from app.core.accounts.session import Session
    from app.domain.account import AccountConfig
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    proc = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    info = json.loads(proc.stdout.readline())
    user = info["user"]
    acc = AccountConfig(email=user["email"], ews_url=info["url"], username=user.get("username") or user["email"])
    session = Session.for_account(acc, user["password"])
    home = Path(tempfile.mkdtemp(prefix="dispatch-bench-"))
    os.environ["DISPATCH_HOME"] = str(home)  # the journal and merges of this run only
    win = MainWindow(session, settings=Settings(home / "s.json"))
    win.resize(1100, 720)
    win.show()
    settle_gc_after_start(win)  # as app_main.amain does
    try:
        yield win, session, proc
    finally:
        win.close_now()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=60)


async def bench_app(n: int, repaint: RepaintClock | None = None) -> dict:
    with window_on_sandbox() as (win, session, proc):
        return await _list_all(n, win, session, proc, repaint)


async def _list_all(n: int, win, session, proc, repaint: RepaintClock | None = None) -> dict:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest

    from app.core.accounts.session import ConnectionState
    from app.domain.models import Draft, Recipient

    hb = Heartbeat(repaint)
    await _until(lambda: session.state == ConnectionState.CONNECTED, 60)
    t0 = time.perf_counter()
    await session.client.save_draft(Draft(to=[Recipient("bob@example.com", "Bob Example")],
                                          subject="Bench template", body="x"))
    proc.stdin.write(f"clone {n - 1}\n")
    proc.stdin.flush()
    if proc.stdout.readline().strip() != "ok":
        raise RuntimeError("the sandbox did not seed")
    seed_s = time.perf_counter() - t0
    model, table = win.drafts.model, win.drafts.table
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, o, e):  # noqa: N802
            if e.type() == QEvent.Paint and model.rowCount() > 0 and not painted:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    QTest.keyClick(win, Qt.Key_1, Qt.ControlModifier)
    await asyncio.sleep(0.2)
    rss_before = rss_mb()
    hb.start()
    t0 = time.perf_counter()
    QTest.keyClick(win, Qt.Key_2, Qt.ControlModifier)
    if win.current_view() != "drafts":
        raise RuntimeError(f"Ctrl+2 showed {win.current_view()!r}")
    model.reload()  # what a 10,000-draft mailbox costs from nothing (the list may have loaded at connect)
    table.viewport().installEventFilter(watch)
    await _until(lambda: painted, 60)
    first_page_ms = (painted[0] - t0) * 1000
    table.viewport().removeEventFilter(watch)
    await scroll_to_end(model, table)
    total_s = time.perf_counter() - t0
    stalls = hb.stop()
    await asyncio.sleep(0.2)
    rows = model.rowCount()
    return {"rows": rows, "seed_s": seed_s, "first_page_ms": first_page_ms, "total_s": total_s,
            "rss_mb": rss_mb(), "rss_before_mb": rss_before, **stalls}


def bench_baseline(n: int) -> dict:
    """The bare QTableView (:data:`BASELINE`) in a process of its own, given the rows a page at a time (the
    list model's page size), scrolled to the end after each."""
    from app.ui.lists.message_models import PAGE_SIZE

    out = subprocess.run([sys.executable, "-c", BASELINE, str(ROOT), str(n), str(PAGE_SIZE)], capture_output=True, text=True,
                         cwd=ROOT, timeout=600, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _measure_one(n: int) -> dict:
    """This process: the bare table's run (in a process of its own), then Dispatch's."""
    import qasync

    base = bench_baseline(n)
    clock = RepaintClock()
    app = timed_application(clock)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        res = loop.run_until_complete(bench_app(n, clock))
    return {"app": res, "baseline": base}


def _met(ms: float, goal: float) -> str:
    return "met" if ms <= goal else "**over**"


def table(res: dict, base: dict) -> list[tuple[str, str, str, str]]:
    """The printed rows: (measure, goal, Dispatch, the bare table)."""
    def repaints(d: dict) -> str:
        return f"{d['repaint_median_ms']:.1f} / {d['repaint_max_ms']:.1f} ms ({d['repaints']:,} repaints)"

    outside = res["max_gap_ui_outside_ms"]
    return [
        ("Ctrl+2 -> first page painted", "<= 150 ms", f"{res['first_page_ms']:.0f} ms",
         f"all rows in {base['fill_ms']:.0f} ms, a page at a time"),
        ("Qt's repaint of the table (our model's data() it calls included): UI thread CPU of one repaint, median / worst", "printed",
         repaints(res), repaints(base)),
        ("Qt's repaints, most UI thread CPU in any gap", "printed", f"{res['max_gap_repaint_ms']:.1f} ms",
         f"{base['max_gap_repaint_ms']:.1f} ms"),
        ("**our CPU outside the repaints, most in any gap: UI thread**", "<= 8 ms",
         f"**{outside:.1f} ms** ({_met(outside, 8)})", f"{base['max_gap_ui_outside_ms']:.1f} ms"),
        ("the same, the whole process (other threads too)", "", f"{res['max_gap_proc_outside_ms']:.1f} ms",
         f"{base['max_gap_proc_outside_ms']:.1f} ms"),
        ("longest UI stall, to the end", "<= 16 ms", f"{res['worst_ms']:.1f} ms", f"{base['worst_ms']:.1f} ms"),
        ("p99 UI stall", "", f"{res['p99_ms']:.1f} ms", f"{base['p99_ms']:.1f} ms"),
        ("CPU in the longest gap: process / UI thread / of it Qt's repaints", "",
         f"{res['worst_gap_proc_cpu_ms']:.1f} / {res['worst_gap_ui_cpu_ms']:.1f} / {res['worst_gap_repaint_ms']:.1f} ms",
         f"{base['worst_gap_proc_cpu_ms']:.1f} / {base['worst_gap_ui_cpu_ms']:.1f} / {base['worst_gap_repaint_ms']:.1f} ms"),
        ("most CPU in any gap, repaints included: process / UI thread", "",
         f"{res['max_gap_proc_cpu_ms']:.1f} / {res['max_gap_ui_cpu_ms']:.1f} ms",
         f"{base['max_gap_proc_cpu_ms']:.1f} / {base['max_gap_ui_cpu_ms']:.1f} ms"),
        ("total, Ctrl+2 to the last row", "", f"{res['total_s']:.1f} s", ""),
        (f"RSS with {res['rows']:,} listed", "<= 250 MB", f"{res['rss_mb']:.0f} MB (before: {res['rss_before_mb']:.0f})",
         f"{base['rss_mb']:.0f} MB"),
    ]


HEADER = "| measure | goal | Dispatch | bare QTableView + QStandardItemModel (baseline) |\n|---|---|---:|---:|"


def main() -> None:
    from bench.hog import describe, each_mode, engine_option, machine, mode_args, save, use_engine

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=10_000)
    mode_args(ap, "list_10k")
    engine_option(ap)
    args = ap.parse_args()
    use_engine(args)
    if args.one:
        print("RESULT " + json.dumps(_measure_one(args.drafts)), flush=True)
        os._exit(0)

    out = {"bench": "bench_list_10k.py", "args": vars(args), "machine": machine(),  # each mode in a fresh process
           "modes": each_mode(__file__, ["--drafts", str(args.drafts)], args.hog, args.quiet_only, timeout=900)}
    for mode, d in out["modes"].items():
        res, base = d["app"], d["baseline"]
        print(f"\nListing {res['rows']:,} drafts, {mode} — {describe(d['machine'])} "
              f"(seeding, not measured: {res['seed_s']:.1f} s)\n")
        d["table"] = table(res, base)
        print(HEADER)
        for r in d["table"]:
            print("| " + " | ".join(r) + " |")
    if not args.no_save:
        print(f"saved {save('list_10k', out)}")


if __name__ == "__main__":
    main()
