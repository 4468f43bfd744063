"""Typing, saving and opening beside long bodies: does the journal (autosave, the send queue's state changes)
or a long body ever make the UI thread wait? Prints a table; asserts nothing.

Measures the longest gap between ticks of a 1 ms QTimer heartbeat (the longest event-loop stall), its p99,
the UI thread's CPU and the whole process's CPU (the journal thread's SQLite work included) in any gap,
while the real window (the sandbox in its own process, as a real server; one ``runtime.settle_gc`` once
the window is built, as the app does):

1. types into Compose with autosave writing the journal (a real file);
2. the same while 20 messages go through the Outbox (each state change journaled);
3. the same with a ``--body-mb`` body in Compose (autosave streams it to the journal on the journal's
   thread) while 20 more sends go through the Outbox;
4. types on into that body while it is saved to the server twice (Ctrl+S);
5. types on while another message of that size is queued and taken back three times (Enter in the Outbox);
6. opens a rich-text draft of ``--rich-mb`` MB as Dispatch saved it (Qt's HTML) with Compose's ``load()``
   (a few paragraphs per turn), types into it, then pauses (autosave takes ``toHtml()`` whole);
7. opens an Outlook reply thread of ``--outlook-mb`` MB (HTML Qt did not write, bench/bodies.py: the
   helper process makes it Qt's HTML), types into it, then pauses.

Keystrokes are single-character inserts, ``--rate`` a second for ``--seconds``; the notes say the rate
reached and on which threads the journal writes ran (never ``MainThread``).

Baselines (same run): a bare ``QPlainTextEdit`` given the same keystrokes; a bare ``QTextEdit``'s
``setPlainText`` / ``setHtml`` of the same bodies; ``toHtml()`` alone.

Run: ``python bench/bench_typing_stall.py [--seconds 5] [--rate 600] [--body-mb 10] [--rich-mb 10]
[--outlook-mb 4] [--engine process|thread] [--hog 2 | --quiet-only] [--no-save]``: quiet and with ``--hog``
busy-looping processes beside it.

Results: printed, and saved to ``bench/out/typing_stall-<body MB>mb-<engine>.json``;
``python scripts/gen_docs.py --collect`` copies it to bench/results/ and ``python scripts/gen_docs.py``
generates docs/performance.md from it ("Typing, saving and opening").
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
from bench.bodies import outlook_html  # noqa: E402
from bench.hog import cpu_hog, describe, engine_option, machine, save, use_engine  # noqa: E402

#: the Outlook draft opened: its HTML, in MB (Qt's HTML of it is ~1.8 times as long)
OUTLOOK_MB = 4.0


class SplitHeartbeat(Heartbeat):
    """The heartbeat, and for each gap where the UI thread's time went (Linux ``/proc/thread-self/schedstat``):
    on a CPU (its own work), waiting for a CPU (runnable, other threads or processes ran: the OS), or
    neither (blocked: waiting for the GIL or a lock, or idle until the next tick, ~1 ms). Long "blocked"
    time is ours to fix (another thread of ours held the GIL); long "waiting for a CPU" is the machine.
    It also adds up Python's garbage collections within each gap (``gc.callbacks``): a stall that is one
    collection is the collector's, not the code's that ran."""

    def __init__(self):
        import gc

        self._gc_started = None
        self._gc_in_gap = 0.0
        super().__init__()
        gc.callbacks.append(self._gc)

    def _gc(self, phase, _info):
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started is not None:
            self._gc_in_gap += time.perf_counter() - self._gc_started
            self._gc_started = None

    def start_state(self):
        super().start_state()
        self.last_wait = None
        self.worst_wait = self.max_blocked = self.worst_gc = 0.0
        self._gc_in_gap = 0.0

    @staticmethod
    def _runq_wait() -> float:
        try:
            with open("/proc/thread-self/schedstat") as f:
                return int(f.read().split()[1]) / 1e9
        except (OSError, ValueError, IndexError):
            return 0.0

    def _tick(self):
        now, ui, wait = time.perf_counter(), time.thread_time(), self._runq_wait()
        if self.last is not None:
            gap, w = now - self.last, wait - self.last_wait
            self.max_blocked = max(self.max_blocked, gap - (ui - self.last_ui) - w)
            if gap > self.worst:
                self.worst_wait, self.worst_gc = w, self._gc_in_gap
        self.last_wait, self._gc_in_gap = wait, 0.0
        super()._tick()


async def _type(edit, seconds: float, rate: int) -> float:
    """Insert one character at a time, ``rate`` a second, like keystrokes; returns the rate achieved."""
    text = "the quick brown fox jumps over the lazy dog. "
    n = int(seconds * rate)
    t0 = time.perf_counter()
    for i in range(n):
        edit.insertPlainText(text[i % len(text)])
        delay = t0 + (i + 1) / rate - time.perf_counter()
        await asyncio.sleep(max(0.0, delay))
    return n / (time.perf_counter() - t0)


def _measure(hb, rows, name, note=""):
    worst, p99 = hb.stop()
    if hb.worst_gc >= 0.001:
        note += f"; {hb.worst_gc * 1000:.0f} ms of the longest stall Python's garbage collector"
    rows.append({"measure": name, "worst_ms": worst, "p99_ms": p99, "note": note, "gc_worst_gap_ms": hb.worst_gc * 1000,
                 "cpu_worst_gap_ms": hb.worst_proc * 1000, "cpu_max_gap_ms": hb.max_proc * 1000,
                 "ui_cpu_worst_gap_ms": hb.worst_ui * 1000, "ui_cpu_max_gap_ms": hb.max_ui * 1000,
                 "os_wait_worst_gap_ms": hb.worst_wait * 1000, "blocked_max_gap_ms": hb.max_blocked * 1000})


async def _sends(outbox, n, tag):
    from app.domain.models import Draft, Recipient

    sends = [outbox.submit(Draft(to=[Recipient("bob@example.com")], subject=f"{tag} {i}", body="x")) for i in range(n)]
    for s in sends:
        await s
    await outbox.waits.drain(120)


def _rich_body(mb: float) -> str:
    """A long rich-text body: paragraphs of ~80 characters with a bold word, a link now and then, and a
    short bulleted list every hundred paragraphs."""
    parts = ["<html><body>"]
    for i in range(int(mb * 1_000_000 / 80)):
        parts.append(f"<p>{'y' * 50} <b>bold</b> words {i:07d}" + (f" <a href='https://example.com/{i}'>link</a>"
                     if i % 10 == 3 else " more words") + "</p>")
        if i % 100 == 50:
            parts.append("<ul><li>one</li><li>two</li></ul>")
    parts.append("</body></html>")
    return "".join(parts)


async def _opening_rows(hb, rows, c, body: str, rich: bool, name: str) -> None:
    """Opening a long draft: a bare QTextEdit's one call (``setHtml`` or ``setPlainText``, then Qt's lazy
    layout: the baseline), then Compose's ``load()``, which puts the body in a piece per turn
    (app/ui/compose/body/body_loader.py)."""
    from PySide6.QtWidgets import QTextEdit

    from app.domain.models import BodyFormat, Draft, Recipient

    bare = QTextEdit()
    bare.resize(800, 500)
    bare.show()
    await asyncio.sleep(0.2)
    call, call_name = (bare.setHtml, "setHtml") if rich else (bare.setPlainText, "setPlainText")
    hb.start()
    await asyncio.sleep(0.05)  # the heartbeat is ticking: the one call below is a gap it sees
    t0 = time.perf_counter()
    call(body)
    t_set = time.perf_counter() - t0
    await asyncio.sleep(3.0)  # Qt lays it out over the next seconds
    _measure(hb, rows, f"{name}: bare QTextEdit.{call_name} (baseline)",
             f"one call of {t_set * 1000:.0f} ms; then Qt's lazy layout")
    bare.close()
    bare.deleteLater()
    await asyncio.sleep(1.0)
    hb.start()
    await asyncio.sleep(0.05)
    answered: list[float] = []  # when the helper's answer went in (foreign HTML)
    record = c.loader.began.connect(lambda: answered.append(time.perf_counter()))
    t0 = time.perf_counter()
    c.load(Draft(to=[Recipient("bob@example.com")], subject=name, body=body,
                 body_format=BodyFormat.HTML if rich else BodyFormat.TEXT))
    await _until(lambda: not c.loader.active, 300)
    t_in = time.perf_counter() - t0
    c.loader.began.disconnect(record)
    await asyncio.sleep(1.0)
    helper = f"Qt's HTML from the helper process after {answered[0] - t0:.1f} s, " if answered else ""
    _measure(hb, rows, f"{name} in Compose", f"{helper}all in after {t_in:.1f} s ({c.loader.turns} turns)")


async def _rich_rows(hb, rows, c, autosave, seconds: float, rate: int, mb: float) -> None:
    """Opening a long rich-text body as Dispatch saved it and typing into it, then the same with a long
    Outlook reply thread (HTML Qt did not write, a table in each message)."""
    from PySide6.QtGui import QTextDocument

    # opening a long rich draft as Dispatch saved it (Qt's HTML), which Compose imports a few paragraphs per
    # turn (app/ui/compose/body/rich_cuts.py)
    made = QTextDocument()
    made.setDefaultFont(c.body.document().defaultFont())
    made.setHtml(_rich_body(mb))
    html = made.toHtml()
    del made
    await asyncio.sleep(0.5)
    await _opening_rows(hb, rows, c, html, True, f"opening a {mb:g} MB rich-text draft ({len(html) / 1e6:.0f} MB of HTML)")
    del html
    await _typing_rows(hb, rows, c, autosave, seconds, rate, f"a {mb:g} MB rich-text body")
    # HTML that Qt did not write (Outlook's reply thread): Qt's HTML of it comes from the helper process
    # (app/ui/compose/body/html_helper.py), then goes in the same way
    foreign = outlook_html(int(OUTLOOK_MB * 1_000_000))
    c.clear()  # from an empty Compose, as the other opening rows: freeing the typed-into body is not this row's
    await _until(lambda: not c.reaper.busy(), 60)
    await asyncio.sleep(0.5)
    await _opening_rows(hb, rows, c, foreign, True, f"opening a {OUTLOOK_MB:g} MB Outlook draft (HTML Qt did not write)")
    del foreign
    await _typing_rows(hb, rows, c, autosave, seconds, rate, f"the {OUTLOOK_MB:g} MB Outlook body (a table a message)")
    c.clear()
    await asyncio.sleep(1.0)


async def _typing_rows(hb, rows, c, autosave, seconds: float, rate: int, what: str) -> None:
    """Typing into the long rich body Compose holds, a new paragraph at its end, with autosave as the app
    wires it (a long rich body is written when typing pauses: ``ComposeView.saves_on_pause``); then the
    pause: autosave takes Qt's ``toHtml()`` of the whole document. The baseline, in the same run: that one
    ``toHtml()`` call by itself."""
    doc = c.body.document()
    t0 = time.perf_counter()
    doc.toHtml()
    alone = time.perf_counter() - t0
    c.body.setFocus()
    c.body.moveCursor(c.body.textCursor().MoveOperation.End)
    c.body.textCursor().insertBlock()  # a paragraph of its own (a long one costs Qt more per key)
    c.body.moveCursor(c.body.textCursor().MoveOperation.End)
    await asyncio.sleep(0.5)
    takes: list[float] = []
    real = c._rich_pieces

    def timed():
        t = time.perf_counter()
        try:
            return real()
        finally:
            takes.append(time.perf_counter() - t)

    c._rich_pieces = timed
    try:
        before = autosave.records
        hb.start()
        got = await _type(c.body, seconds, rate)
        waits = autosave.waits_for_pause(c.identity().local_id)
        _measure(hb, rows, f"typing into {what}, autosave on",
                 f"{got:.0f} keys/s; {autosave.records - before} journal writes while typing"
                 f"{' (written when typing pauses)' if waits else ''}; "
                 f"{doc.characterCount() // 1000} K characters; toHtml() alone {alone * 1000:.0f} ms")
        hb.start()
        before = autosave.records
        await _until(lambda: autosave.records > before, 10)
        await asyncio.sleep(0.3)
        _measure(hb, rows, f"the pause after typing into {what}: autosave takes toHtml() whole",
                 f"the body taken in {max(takes, default=0) * 1000:.0f} ms")
    finally:
        del c._rich_pieces


async def bench(seconds: float, rate: int, body_mb: float, modes: dict[str, int], rich_mb: float = 10.0) -> dict:
    from PySide6.QtWidgets import QPlainTextEdit

    from app.runtime import settle_gc_after_start
    from app.core.accounts.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from app.domain.models import Draft, Recipient
    from app.storage.journal import Journal
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    result = {}
    hb = SplitHeartbeat()
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
    settle_gc_after_start(win)  # as app_main.amain does
    big = ("y" * 79 + "\n") * int(body_mb * 1_000_000 / 80)  # lines, as mail is
    try:
        await _until(lambda: session.state == ConnectionState.CONNECTED, 60)
        c = win.compose
        for mode, hogs in modes.items():
            rows = []
            with cpu_hog(hogs):
                bare = QPlainTextEdit()
                bare.resize(800, 500)
                bare.show()
                hb.start()
                got = await _type(bare, seconds, rate)
                _measure(hb, rows, "bare QPlainTextEdit, typing (baseline)", f"{got:.0f} keys/s")
                bare.close()

                c.body.setPlainText("")
                c.to.set_recipients([Recipient("bob@example.com")])
                c.subject.setText("typing bench")
                c.body.setFocus()
                before = win.journal_bridge.autosave.records
                hb.start()
                got = await _type(c.body, seconds, rate)
                _measure(hb, rows, "Dispatch Compose, typing, autosave on",
                         f"{got:.0f} keys/s; {win.journal_bridge.autosave.records - before} journal writes")

                hb.start()
                typing = asyncio.ensure_future(_type(c.body, seconds, rate))
                await _sends(session.outbox, 20, f"{mode} queued")
                got = await typing
                _measure(hb, rows, "typing while 20 sends go through the Outbox",
                         f"{got:.0f} keys/s; every state change journaled")

                await _opening_rows(hb, rows, c, big, False, f"opening a {body_mb:g} MB draft")
                assert c.mirror.text() == big

                c.body.setPlainText(big)
                c.body.moveCursor(c.body.textCursor().MoveOperation.End)
                before = win.journal_bridge.autosave.records
                hb.start()
                typing = asyncio.ensure_future(_type(c.body, seconds, rate))
                await _sends(session.outbox, 20, f"{mode} big")
                got = await typing
                _measure(hb, rows, f"typing into a {body_mb:g} MB body, autosave on, 20 sends in the Outbox",
                         f"{got:.0f} keys/s; {win.journal_bridge.autosave.records - before} journal writes")
                hb.start()  # Ctrl+S twice while typing on: the queue saves the 10 MB message to the server
                typing = asyncio.ensure_future(_type(c.body, seconds, rate))
                t_save = time.perf_counter()
                await win.flows.save_current()
                await asyncio.sleep(0.5)
                await win.flows.save_current()
                t_save = time.perf_counter() - t_save
                got = await typing
                _measure(hb, rows, f"typing into the {body_mb:g} MB body while it is saved to the server twice",
                         f"{got:.0f} keys/s; the saves took {t_save:.1f} s")
                # Enter in the Outbox: another 10 MB message queued (as Ctrl+S offline would) and taken back
                # before the worker picks it up, three times, while typing on (app/core/outbox/takeback.py: the
                # journal's write and the read of the message run on the journal's thread)
                c.body.setPlainText("")
                await asyncio.sleep(0.5)
                hb.start()
                typing = asyncio.ensure_future(_type(c.body, seconds, rate))
                t_back = []
                for k in range(3):
                    queued = Draft(to=[Recipient("bob@example.com")], subject=f"taken back {k}", body=big)
                    await session.outbox.save(queued, wait=False)
                    t0 = time.perf_counter()
                    back = await session.outbox.hand.cancel(queued.local_id)  # on this turn: not picked up yet
                    t_back.append(time.perf_counter() - t0)
                    assert back is not None and len(back.body) == len(big)
                got = await typing
                _measure(hb, rows, f"typing while a {body_mb:g} MB message is queued and taken back (Enter in the "
                         "Outbox), three times", f"{got:.0f} keys/s; back in {max(t_back) * 1000:.0f} ms at most")
                c.body.setPlainText("")
                await _rich_rows(hb, rows, c, win.journal_bridge.autosave, seconds, rate, rich_mb)
                result[mode] = {"hogs": hogs, "rows": rows, "machine": machine()}
    finally:
        win.close_now()
        win.journal_bridge.close()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=30)
    result["journal_threads"] = dict(threads)
    return result


def main() -> None:
    global OUTLOOK_MB
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rate", type=int, default=600, help="keystrokes a second (100 words/s = about 600)")
    ap.add_argument("--body-mb", type=float, default=10.0, help="size of the big body (MB)")
    ap.add_argument("--rich-mb", type=float, default=10.0, help="size of the rich-text body's text (MB)")
    ap.add_argument("--hog", type=int, default=2, metavar="N", help="CPU hogs beside the second measurement")
    ap.add_argument("--outlook-mb", type=float, default=OUTLOOK_MB, help="size of the Outlook draft's HTML (MB)")
    ap.add_argument("--quiet-only", action="store_true")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/out/typing_stall.json")
    engine_option(ap)
    args = ap.parse_args()
    use_engine(args)
    OUTLOOK_MB = args.outlook_mb
    modes = {"quiet": 0} if args.quiet_only or args.hog <= 0 else {"quiet": 0, f"hog x{args.hog}": args.hog}
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _ = app
    res = qasync.run(bench(args.seconds, args.rate, args.body_mb, modes, args.rich_mb))
    out = {"bench": "bench_typing_stall.py", "args": vars(args), "machine": machine(),
           "modes": {m: res[m] for m in modes}, "journal_threads": res["journal_threads"]}
    for mode in modes:
        d = res[mode]
        print(f"\n# Typing and queue stalls, {mode} ({describe(d['machine'])}; {args.rate} keys/s asked)")
        print("| measure | longest stall (ms) | p99 (ms) | longest stall: UI thread on CPU / waiting for a CPU (ms) "
              "| any gap: UI thread CPU / UI thread blocked (GIL, locks) / our CPU (ms) | notes |")
        print("|---|---:|---:|---:|---:|---|")
        for r in d["rows"]:
            print(f"| {r['measure']} | {r['worst_ms']:.1f} | {r['p99_ms']:.1f} "
                  f"| {r['ui_cpu_worst_gap_ms']:.1f} / {r['os_wait_worst_gap_ms']:.1f} "
                  f"| {r['ui_cpu_max_gap_ms']:.1f} / {r['blocked_max_gap_ms']:.1f} / {r['cpu_max_gap_ms']:.1f} | {r['note']} |")
    where = ", ".join(f"{name}: {n}" for name, n in Counter(res["journal_threads"]).most_common())
    print(f"\njournal writes by thread: {where}")
    if not args.no_save:
        print(f"saved {save(f'typing_stall-{args.body_mb:g}mb-{args.engine}', out)}")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
