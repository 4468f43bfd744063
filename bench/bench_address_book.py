"""The address book: UI stalls while a 500-member group pages in by keys, and the time to the first results. Prints a
table; asserts nothing.

Measures, in the real window against a sandbox in its own process holding the directory
(app/sandbox/directory_seed.py), over HTTP with real exchangelib: Ctrl+Shift+B in Compose, "everyone" typed, the
first results listed (from the last key; the search waits for a pause in typing of
app.core.directory.search.PAUSE first), Down to the group, its first page of members, then End in the members'
list until all 500 are in (each End asks for the next page, ExpandDL's, as a user holding End would). For the
paging: the longest gap between ticks of a 1 ms QTimer heartbeat (the longest UI stall; goal <= 16 ms, one frame),
its p99, and the CPU of the process and of the UI thread in the longest gap.

Baseline (same run and window): the window and the dialog idle for 3 s before the paging (the machine's floor).

Each measurement runs in a fresh process, quiet and beside two CPU hogs (bench/hog.py).

Run: ``python bench/bench_address_book.py [--hog N] [--quiet-only] [--no-save]``. Results: printed, and saved to
``bench/out/address_book.json`` (``scripts/gen_docs.py --collect`` takes it into docs/performance.md).
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
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.bench_list_10k import Heartbeat, _until  # noqa: E402

SERVER = r"""
import json, sys
from app.sandbox import Sandbox
from app.sandbox.directory_seed import DIRECTORY_USERS
sb = Sandbox(data=":memory:", port=0, users=DIRECTORY_USERS)
sb.start()
user = next(a for a in sb.accounts if a["email"] == "alice@example.com")
print(json.dumps({"url": sb.ews_url, "user": user}), flush=True)
for _line in sys.stdin:
    pass
sb.stop()
"""


@contextmanager
def window_on_directory():
    """The real window on alice's mailbox of a sandbox with the directory, in its own process and a fresh data
    folder; yields (window, session) and closes all of them."""
    from app.core.accounts.session import Session
    from app.domain.account import AccountConfig
    from app.runtime import settle_gc_after_start
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    proc = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    info = json.loads(proc.stdout.readline())
    user = info["user"]
    acc = AccountConfig(email=user["email"], ews_url=info["url"], username=user["email"])
    session = Session.for_account(acc, user["password"])
    home = Path(tempfile.mkdtemp(prefix="dispatch-bench-"))
    os.environ["DISPATCH_HOME"] = str(home)
    win = MainWindow(session, settings=Settings(home / "s.json"))
    win.resize(1100, 720)
    win.show()
    settle_gc_after_start(win)
    try:
        yield win, session
    finally:
        win.close_now()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=60)


async def _page_in(win, session) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.core.accounts.session import ConnectionState
    from app.sandbox.directory_seed import LARGE_GROUP_SIZE

    await _until(lambda: session.state == ConnectionState.CONNECTED and not win.busy, 60)
    QTest.keyClick(win, Qt.Key_N, Qt.ControlModifier)
    await _until(lambda: win.compose.to.edit.hasFocus(), 10)
    QTest.keyClick(win.compose.to.edit, Qt.Key_B, Qt.ControlModifier | Qt.ShiftModifier)
    await _until(lambda: win.address_book.book.dialog is not None and win.address_book.book.dialog.isVisible(), 10)
    dlg = win.address_book.book.dialog
    QTest.keyClicks(dlg.box, "everyone")
    t0 = time.perf_counter()
    await _until(lambda: dlg.search.listing.answered and dlg.model.rowCount() > 0, 30, every=0.001)
    first_s = time.perf_counter() - t0
    QTest.keyClick(dlg.box, Qt.Key_Down)
    await _until(lambda: dlg.member_model.rowCount() > 0 and not dlg.members.listing.loading, 30)
    first_page = dlg.member_model.rowCount()
    dlg.member_table.setFocus()
    hb = Heartbeat()
    await asyncio.sleep(0.3)
    hb.start()
    await asyncio.sleep(3.0)
    idle = hb.stop()
    hb.start()
    t0 = time.perf_counter()
    while dlg.members.listing.more:
        count = dlg.member_model.rowCount()
        QTest.keyClick(dlg.member_table, Qt.Key_End)
        await _until(lambda: dlg.member_model.rowCount() > count or not dlg.members.listing.more, 30)
    paging_s = time.perf_counter() - t0
    await asyncio.sleep(0.05)  # a gap that ends only now is counted too
    paging = hb.stop()
    return {"members": dlg.member_model.rowCount(), "group_size": LARGE_GROUP_SIZE, "first_page": first_page,
            "requests": dlg.members.requests, "first_results_s": first_s, "paging_s": paging_s,
            "first_results_ms": round(first_s * 1000), "paging_ms": round(paging_s * 1000), "idle": idle,
            "paging": paging}


def _measure() -> dict:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def run() -> dict:
        with window_on_directory() as (win, session):
            return await _page_in(win, session)

    with loop:
        return loop.run_until_complete(run())


def _cells(d: dict) -> str:
    return (f"{d['worst_ms']:.1f} ms (p99 {d['p99_ms']:.1f}); in it {d['worst_gap_proc_cpu_ms']:.1f} / "
            f"{d['worst_gap_ui_cpu_ms']:.1f} ms")


def main() -> None:
    from bench.hog import describe, each_mode, machine, mode_args, save

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode_args(ap, "address_book")
    args = ap.parse_args()
    if args.one:  # one measurement in this (fresh) process
        print("RESULT " + json.dumps(_measure()), flush=True)
        os._exit(0)
    modes = each_mode(__file__, [], args.hog, args.quiet_only)
    out = {"bench": "bench_address_book.py", "machine": machine(), "modes": modes}
    for mode, d in modes.items():
        print(f"\nThe address book, {mode} ({describe(d['machine'])}): first results "
              f"{d['first_results_s'] * 1000:.0f} ms after the last key (a pause of typing included); {d['members']} of "
              f"{d['group_size']} members in {d['requests']} pages of {d['first_page']} in {d['paging_s'] * 1000:.0f} ms\n")
        print("| measure (goal: longest stall <= 16 ms) | longest stall; our CPU in it (process / UI thread) |")
        print("|---|---|")
        print(f"| the window and the dialog idle for 3 s (baseline: the machine's floor) | {_cells(d['idle'])} |")
        print(f"| End in the members' list until all {d['group_size']} are in | {_cells(d['paging'])} |")
    if not args.no_save:
        print(f"saved {save('address_book', out)}")


if __name__ == "__main__":
    main()
