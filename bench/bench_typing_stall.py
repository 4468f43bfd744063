"""Typing and queue stalls: does the journal (autosave, the send queue's state changes) ever make the UI
thread wait? Prints a table; not a test.

The longest gap between ticks of a 1 ms QTimer heartbeat (= the longest event-loop stall) while:

1. (baseline) a bare PySide6 QPlainTextEdit receives the same keystrokes, in the same run;
2. the real window's Compose receives them, with autosave writing the journal (a real file);
3. the same, while 20 messages go through the Outbox (each state change is written to the journal);
4. the same with a 1 MB body already in Compose (autosave reads the whole draft on the UI thread).

Keystrokes are single-character inserts, 60 a second for 8 s (about 100 words a minute... times six,
to give autosave plenty to do). The sandbox runs in its own process, as a real server would. The table
also says on which threads the journal writes ran (never the UI thread: ``MainThread``).

Run: ``python bench/bench_typing_stall.py [--seconds 8] [--rate 60]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.bench_startup_stall import Heartbeat, _until, start_server  # noqa: E402


async def _type(edit, seconds: float, rate: int) -> None:
    """Insert one character at a time, ``rate`` a second, like keystrokes."""
    text = "the quick brown fox jumps over the lazy dog. "
    n = int(seconds * rate)
    t0 = time.perf_counter()
    for i in range(n):
        edit.insertPlainText(text[i % len(text)])
        delay = t0 + (i + 1) / rate - time.perf_counter()
        await asyncio.sleep(max(0.0, delay))


async def bench(seconds: float, rate: int) -> list[tuple[str, float, str]]:
    from PySide6.QtWidgets import QPlainTextEdit

    from app.core.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from app.domain.models import Draft, Recipient
    from app.storage.journal import Journal
    from app.storage.settings import Settings
    from app.ui.main_window import MainWindow

    rows = []
    hb = Heartbeat()
    bare = QPlainTextEdit()
    bare.resize(800, 500)
    bare.show()
    hb.start()
    await _type(bare, seconds, rate)
    worst, p99 = hb.stop()
    rows.append(("bare QPlainTextEdit, typing", worst, f"p99 {p99:.1f} ms (baseline of this run)"))
    bare.close()

    proc, url, user = start_server()
    tmp = Path(tempfile.mkdtemp(prefix="bench-typing-"))
    journal = Journal(tmp / "journal.sqlite3")
    threads: Counter = Counter()
    record, set_state = journal.record, journal.set_state

    def spy(fn):
        def run(*a, **kw):
            threads[threading.current_thread().name.split("_")[0]] += 1
            return fn(*a, **kw)
        return run

    journal.record, journal.set_state = spy(record), spy(set_state)
    acc = AccountConfig(email=user["email"], ews_url=url, username=user.get("username") or user["email"])
    session = Session.for_account(acc, user["password"])
    win = MainWindow(session, settings=Settings(tmp / "settings.json"), journal=journal)
    win.show()
    try:
        await _until(lambda: session.state == ConnectionState.CONNECTED, 60)
        c = win.compose
        c.to.set_recipients([Recipient("bob@example.com")])
        c.subject.setText("typing bench")
        c.body.setFocus()
        hb.start()
        await _type(c.body, seconds, rate)
        worst, p99 = hb.stop()
        rows.append(("Dispatch Compose, typing (autosave on)", worst,
                     f"p99 {p99:.1f} ms; {win.journal_bridge.autosave.records} journal writes"))

        outbox = session.outbox
        hb.start()
        sends = [outbox.submit(Draft(to=[Recipient("bob@example.com")], subject=f"queued {i}", body="x"))
                 for i in range(20)]
        typing = asyncio.ensure_future(_type(c.body, seconds, rate))
        for s in sends:
            await s
        await outbox.drain(120)
        await typing
        worst, p99 = hb.stop()
        rows.append(("typing while 20 sends go through the Outbox", worst,
                     f"p99 {p99:.1f} ms; every state change journaled"))

        c.body.setPlainText(("y" * 79 + "\n") * 13_000)  # about 1 MB in lines, as mail is
        c.body.moveCursor(c.body.textCursor().MoveOperation.End)
        hb.start()
        await _type(c.body, seconds, rate)
        worst, p99 = hb.stop()
        rows.append(("typing into a 1 MB body (autosave on)", worst,
                     f"p99 {p99:.1f} ms; {hb.attribution()}"))
    finally:
        win._force_close = True
        win.close()
        win.journal_bridge.close()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=30)
    where = ", ".join(f"{name}: {n}" for name, n in threads.most_common())
    rows.append(("journal writes by thread", float(threads.get("MainThread", 0)), where))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--rate", type=int, default=60, help="keystrokes a second")
    args = ap.parse_args()
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _ = app
    rows = qasync.run(bench(args.seconds, args.rate))
    print(f"# Typing and queue stalls ({time.strftime('%Y-%m-%d')}, load average "
          f"{os.getloadavg()[0]:.1f}, {os.cpu_count()} CPUs)")
    print("| measure | longest stall (ms) | notes |")
    print("|---|---:|---|")
    for name, value, note in rows:
        print(f"| {name} | {value:.1f} | {note} |")


if __name__ == "__main__":
    main()
