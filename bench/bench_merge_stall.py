"""Mail merge of 5,000 rows: UI stalls from Create and send to the last row sent (issue 16). Prints a table;
not a test.

The real window against a sandbox in its own process, over HTTP with real exchangelib: a template in
Compose ("Hello {name}" and a body of ~1,700 characters with two placeholders), the merge dialog
(Ctrl+Shift+M) given a 5,000-row table (the maximum), then Ctrl+Return: every row is built and checked,
its draft created, all of them sent with SendItem, and each row's outcome shown. Measured:

- the longest gap between ticks of a 1 ms QTimer heartbeat (= the longest UI event-loop stall; goal
  <= 16 ms), its p99, and the CPU this process (all threads) and the UI thread used in the longest gap;
- the same, from Ctrl+Return until the results table is on screen (the rows built and checked);
- the time to the results table and to the last row sent.

Baseline, same run and window: the window idle for 3 s before the merge (the machine's floor).

Run: ``python bench/bench_merge_stall.py [--rows 5000] [--hog 2 | --quiet-only]``
"""

from __future__ import annotations

import argparse
import asyncio
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

from bench.bench_list_10k import SERVER, Heartbeat, _until  # noqa: E402

PEOPLE = ("bob@example.com", "carol@example.com", "dave@example.com")
BODY = ("Dear {name},\n\nyour order {order} is on its way. "
        + "It was packed with care and should reach you within three working days. " * 20 + "\n\nRegards")


def table_text(rows: int) -> str:
    lines = ["name\temail\torder"]
    lines += [f"Person {n}\t{PEOPLE[n % 3]}\t{100000 + n}" for n in range(1, rows + 1)]
    return "\n".join(lines) + "\n"


async def bench_app(rows: int) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.app_main import settle_gc, settle_gc_when_connected, tune_runtime
    from app.core.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from app.domain.models import Draft
    from app.storage.settings import Settings
    from app.ui.main_window import MainWindow

    tune_runtime()
    proc = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    info = json.loads(proc.stdout.readline())
    user = info["user"]
    acc = AccountConfig(email=user["email"], ews_url=info["url"], username=user.get("username") or user["email"])
    session = Session.for_account(acc, user["password"])
    home = Path(tempfile.mkdtemp())
    os.environ["DISPATCH_HOME"] = str(home)
    win = MainWindow(session, settings=Settings(home / "s.json"))
    win.resize(1100, 720)
    win.show()
    settle_gc_when_connected(win)
    settle_gc()
    hb = Heartbeat()
    try:
        await _until(lambda: session.state == ConnectionState.CONNECTED and session.outbox is not None
                     and not win.busy, 60)
        win.compose.load(Draft(subject="Hello {name}", body=BODY))
        QTest.keyClick(win, Qt.Key_M, Qt.ControlModifier | Qt.ShiftModifier)
        await _until(lambda: win.merge_dialog is not None and win.merge_dialog.isVisible(), 30)
        dlg = win.merge_dialog
        dlg.table_edit.setPlainText(table_text(rows))
        await _until(lambda: dlg.table is not None and len(dlg.table.rows) == rows and dlg.send_button.isEnabled(),
                     60)
        await asyncio.sleep(0.3)
        hb.start()
        await asyncio.sleep(3.0)
        idle = hb.stop()
        hb.start()
        t0 = time.perf_counter()
        QTest.keyClick(dlg, Qt.Key_Return, Qt.ControlModifier)
        await _until(lambda: dlg.stack.currentIndex() == 1, 120)
        shown_s = time.perf_counter() - t0
        await asyncio.sleep(0.05)  # a few ticks after: a gap that ends only now is counted too
        building = hb.stop()
        hb.start()
        await _until(lambda: dlg.run is not None and not dlg.run.running
                     and dlg.run.counts()["sent"] + dlg.run.counts()["failed"] == rows, 900)
        total_s = time.perf_counter() - t0
        await asyncio.sleep(0.05)
        sending = hb.stop()
        counts = dlg.run.counts()
        worst = max((building, sending), key=lambda d: d["worst_ms"])
        return {"rows": rows, "sent": counts["sent"], "failed": counts["failed"], "shown_s": shown_s,
                "total_s": total_s, "idle": idle, "building": building, "sending": sending, "all": worst}
    finally:
        win._force_close = True
        win.close()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=60)


def _measure_one(rows: int) -> dict:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(bench_app(rows))


def _cells(d: dict) -> str:
    return (f"{d['worst_ms']:.1f} ms (p99 {d['p99_ms']:.1f}); in it {d['worst_gap_proc_cpu_ms']:.1f} / "
            f"{d['worst_gap_ui_cpu_ms']:.1f} ms; any gap {d['max_gap_proc_cpu_ms']:.1f} / {d['max_gap_ui_cpu_ms']:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--hog", type=int, default=2, metavar="N", help="CPU hogs beside the second measurement")
    ap.add_argument("--quiet-only", action="store_true")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/out/merge_stall.json")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # one measurement, JSON out
    args = ap.parse_args()
    if args.one:
        print("RESULT " + json.dumps(_measure_one(args.rows)), flush=True)
        os._exit(0)

    from bench.hog import cpu_hog, describe, machine, save

    modes = {"quiet": 0} if args.quiet_only or args.hog <= 0 else {"quiet": 0, f"hog x{args.hog}": args.hog}
    out = {"bench": "bench_merge_stall.py", "args": vars(args), "machine": machine(), "modes": {}}
    for mode, hogs in modes.items():
        with cpu_hog(hogs):  # each mode in a fresh process
            run = subprocess.run([sys.executable, __file__, "--one", "--rows", str(args.rows)],
                                 capture_output=True, text=True, cwd=ROOT, timeout=1800)
            got = next((ln for ln in run.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if got is None:
                raise RuntimeError(run.stderr[-3000:])
            m = machine()
        out["modes"][mode] = {"hogs": hogs, "machine": m, **json.loads(got[len("RESULT "):])}
    for mode, d in out["modes"].items():
        print(f"\nMail merge of {d['rows']:,} rows, {mode} — {describe(d['machine'])}: {d['sent']:,} sent, "
              f"{d['failed']} failed; results on screen {d['shown_s'] * 1000:.0f} ms after Ctrl+Return, the last row "
              f"sent after {d['total_s']:.1f} s\n")
        print("| measure (goal: longest stall <= 16 ms) | longest stall; our CPU in it (process / UI thread); "
              "most in any gap |")
        print("|---|---|")
        print(f"| the window idle for 3 s (baseline: the machine's floor) | {_cells(d['idle'])} |")
        print(f"| Ctrl+Return until the results are shown (every row built and checked) | {_cells(d['building'])} |")
        print(f"| from there until the last row is sent (drafts created, one SendItem, outcomes) | "
              f"{_cells(d['sending'])} |")
    if not args.no_save:
        print(f"saved {save('merge_stall', out)}")


if __name__ == "__main__":
    main()
