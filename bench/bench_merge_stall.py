"""Mail merge of 5,000 rows: UI stalls from Create and send to the last row sent. Prints a table; asserts
nothing.

Measures, in the real window against a sandbox in its own process, over HTTP with real exchangelib: a
template in Compose ("Hello {name}" and a body of ~1,700 characters with two placeholders), the merge
dialog (Ctrl+Shift+M) given a ``--rows`` table (5,000, the maximum), then Ctrl+Return: every row built and
checked, its draft created, all of them sent with SendItem, each row's outcome shown. For the stretch from
Ctrl+Return to the results table on screen, and from there to the last row sent: the longest gap between
ticks of a 1 ms QTimer heartbeat (the longest UI stall; goal <= 16 ms), its p99, and the CPU of the process
and of the UI thread in the longest gap and at most in any gap; the time to the results table and to the
last row sent.

Baseline (same run and window): the window idle for 3 s before the merge (the machine's floor).

Run: ``python bench/bench_merge_stall.py [--rows 5000] [--engine process|thread] [--hog 2 | --quiet-only]
[--no-save]``: quiet and with ``--hog`` busy-looping processes beside it, each in a fresh process.

Results: printed, and saved to ``bench/out/merge_stall.json`` (not rendered in docs/performance.md).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.bench_list_10k import Heartbeat, _until, window_on_sandbox  # noqa: E402

PEOPLE = ("bob@example.com", "carol@example.com", "dave@example.com")
BODY = ("Dear {name},\n\nyour order {order} is on its way. "
        + "It was packed with care and should reach you within three working days. " * 20 + "\n\nRegards")


def table_text(rows: int) -> str:
    lines = ["name\temail\torder"]
    lines += [f"Person {n}\t{PEOPLE[n % 3]}\t{100000 + n}" for n in range(1, rows + 1)]
    return "\n".join(lines) + "\n"


def _done(run) -> int:
    """Rows sent or failed (one count of the 5,000 rows: each count costs ~1 ms of the UI thread
    this bench measures, so it is asked once per poll)."""
    n = run.counts()
    return n["sent"] + n["failed"]


async def bench_app(rows: int) -> dict:
    with window_on_sandbox() as (win, session, _proc):
        return await _merge(rows, win, session)


async def _merge(rows: int, win, session) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.core.accounts.session import ConnectionState
    from app.domain.models import Draft

    hb = Heartbeat()
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
    await _until(lambda: dlg.guard.confirm is not None and dlg.guard.confirm.isVisible()
                 and dlg.guard.confirm.isAncestorOf(QApplication.focusWidget()), 30)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_S, Qt.AltModifier)  # "Send 1,000 messages"
    await _until(lambda: dlg.stack.currentIndex() == 1, 120)
    shown_s = time.perf_counter() - t0
    await asyncio.sleep(0.05)  # a few ticks after: a gap that ends only now is counted too
    building = hb.stop()
    hb.start()
    await _until(lambda: dlg.run is not None and not dlg.run.running and _done(dlg.run) == rows, 900, every=0.05)
    total_s = time.perf_counter() - t0
    await asyncio.sleep(0.05)
    sending = hb.stop()
    counts = dlg.run.counts()
    worst = max((building, sending), key=lambda d: d["worst_ms"])
    return {"rows": rows, "sent": counts["sent"], "failed": counts["failed"], "shown_s": shown_s,
            "total_s": total_s, "idle": idle, "building": building, "sending": sending, "all": worst}


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
    from bench.hog import describe, each_mode, engine_option, machine, mode_args, save, use_engine

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5000)
    mode_args(ap, "merge_stall")
    engine_option(ap)
    args = ap.parse_args()
    use_engine(args)
    if args.one:
        print("RESULT " + json.dumps(_measure_one(args.rows)), flush=True)
        os._exit(0)

    out = {"bench": "bench_merge_stall.py", "args": vars(args), "machine": machine(),  # each mode in a fresh process
           "modes": each_mode(__file__, ["--rows", str(args.rows)], args.hog, args.quiet_only, timeout=1800)}
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
