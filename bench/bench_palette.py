"""Command palette: Ctrl+Shift+P to the palette painted with its entries, and one more letter typed. Prints a
table; asserts nothing (no test asserts a wall time).

Measures, in the real window signed in to the sandbox (in its own process, as a real server), with
``--drafts`` drafts listed and ``--snippets`` snippets, each ``--runs`` times (median and worst):

1. the palette's first open (it is built then: widgets, model), key press to painted;
2. opening it again (built once and reused; the entries are collected from the window's actions, views,
   drafts and snippets at each open), key press to painted;
3. typing one more letter of "sen sel" (fuzzy ranking of every entry, one model reset, painted).

Baseline (same run): a bare ``QWidget`` child of the same window shown and painted (``show()`` +
``repaint()``): what any overlay costs on this machine.

Run: ``python bench/bench_palette.py [--runs 30] [--drafts 50] [--snippets 20]``

Results: printed, and saved to ``bench/out/palette.json``; ``python scripts/gen_docs.py --collect`` copies it
to bench/results/ and ``python scripts/gen_docs.py`` generates docs/performance.md from it ("Command
palette").
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from bench.bench_startup_stall import _until, start_server  # noqa: E402
from bench.hog import describe, machine, save  # noqa: E402


def _median_worst(samples: list[float]) -> list[float]:
    """[median, worst] in ms, rounded as the table prints them."""
    return [round(statistics.median(samples) * 1000, 1), round(max(samples) * 1000, 1)]


def _ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} / {max(samples) * 1000:.1f}"


async def bench(runs: int, n_drafts: int, n_snippets: int) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from app.core.accounts.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from app.domain.models import Draft, Recipient
    from app.domain.snippets import Snippet
    from app.storage.journal import Journal
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    proc, url, user = start_server()
    tmp = Path(tempfile.mkdtemp(prefix="bench-palette-"))
    acc = AccountConfig(email=user["email"], ews_url=url, username=user.get("username") or user["email"])
    session = Session.for_account(acc, user["password"])
    win = MainWindow(session, settings=Settings(tmp / "settings.json"), journal=Journal(tmp / "journal.sqlite3"))
    win.show()
    out: dict = {}
    try:
        await _until(lambda: session.state == ConnectionState.CONNECTED, 60)
        for i in range(n_drafts):
            await session.save_draft(Draft(to=[Recipient("bob@example.com")], subject=f"Draft {i}", body="x"))
        win.power.texts.set_snippets([Snippet(f"Snippet {i}", f"s{i}", f"Text {i} {{first_name}}")
                                      for i in range(n_snippets)])
        win.drafts.model.reload()
        await _until(lambda: win.drafts.model.rowCount() >= min(n_drafts, 50) and not win.drafts.model.loading, 60)
        app = QApplication.instance()
        app.processEvents()

        bare, first, again, typing = [], [], [], []
        for _ in range(runs):
            w = QWidget(win)
            w.setGeometry(200, 48, 640, 420)
            app.processEvents()
            t0 = time.perf_counter()
            w.show()
            w.raise_()
            w.repaint()
            bare.append(time.perf_counter() - t0)
            w.deleteLater()
            app.processEvents()

        def press_open() -> float:
            t0 = time.perf_counter()
            QTest.keyClick(win, Qt.Key_P, Qt.ControlModifier | Qt.ShiftModifier)
            p = win.power.palette
            assert p is not None and p.isVisible(), "the palette did not open"
            p.repaint()
            return time.perf_counter() - t0

        first.append(press_open())
        entries = len(win.power.palette.entries)
        QTest.keyClick(win.power.palette.field, Qt.Key_Escape)
        for _ in range(runs):
            app.processEvents()
            again.append(press_open())
            p = win.power.palette
            for ch in "sen sel":
                t0 = time.perf_counter()
                QTest.keyClicks(p.field, ch)
                p.repaint()
                typing.append(time.perf_counter() - t0)
            assert p.shown()[0] == "Send selected drafts"
            QTest.keyClick(p.field, Qt.Key_Escape)
        out = {"bare": bare, "first": first, "again": again, "typing": typing, "entries": entries}
    finally:
        win.close_now()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=30)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--drafts", type=int, default=50)
    ap.add_argument("--snippets", type=int, default=20)
    args = ap.parse_args()
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _ = app
    r = qasync.run(bench(args.runs, args.drafts, args.snippets))
    m = machine()
    save("palette", {"machine": m, "args": vars(args), "entries": r["entries"],
                     "ms": {k: _median_worst(r[k]) for k in ("bare", "first", "again", "typing")}})
    print(f"\n# Command palette open time ({describe(m)}; {r['entries']} entries: "
          f"{args.drafts} drafts in the list, {args.snippets} snippets; {args.runs} runs)")
    print("| measure | median / worst (ms) |")
    print("|---|---:|")
    print(f"| bare QWidget child shown and painted (baseline) | {_ms(r['bare'])} |")
    print(f"| palette, first open (built then), Ctrl+Shift+P to painted | {_ms(r['first'])} |")
    print(f"| palette, opened again (reused; entries collected anew), Ctrl+Shift+P to painted | {_ms(r['again'])} |")
    print(f"| one more letter typed (fuzzy ranking, list painted) | {_ms(r['typing'])} |")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
