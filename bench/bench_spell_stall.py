"""Spell check and UI stalls: does checking while typing ever make the UI thread wait? Prints a table;
asserts nothing.

Measures, in the real window's Compose (autosave on, signed in to the sandbox in its own process), the
longest gap between ticks of a 1 ms QTimer heartbeat (the longest event-loop stall) and its p99:

1. typing into an empty body;
2. opening a draft with a ``--body-mb`` body (real text with a misspelt word in every line or so) as the
   app does (Compose's ``load()``: a piece per turn), then 1 s idle while what is on screen is checked and
   underlined;
3. typing into that body at its end, the view following the cursor.

Keystrokes are single-character inserts, ``--rate`` a second for ``--seconds``, in paragraphs of ~40
words; about one typed word in four is new, so the checker's cache alone cannot answer. The table also
says how many blocks the painter tokenised and how many enchant calls ran, and on which threads (never
``MainThread``).

Baseline (same run): the same with spell check off.

Run: ``python bench/bench_spell_stall.py [--seconds 5] [--rate 600] [--body-mb 10] [--hog 2 | --quiet-only]
[--no-save]``: quiet and with ``--hog`` busy-looping processes beside it.

Results: printed, and saved to ``bench/out/spell_stall.json`` (not rendered in docs/performance.md).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
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

from bench.bench_startup_stall import _until, start_server  # noqa: E402
from bench.bench_typing_stall import SplitHeartbeat, _measure  # noqa: E402
from bench.hog import cpu_hog, describe, machine, save  # noqa: E402

WORDS = ("the a of and to in is that for it as with was on be at by this had not are but from or have an they "
         "which one you were all we when there can more if out so said what up its about into than them only "
         "other new some could time these two may first then do any like my now over such our man me even "
         "most made after also did many before must through back years where much your way well down should "
         "because each just those people how too little state good very make world still own see men work "
         "long get here between both life being under never day same another know while last might us great "
         "old year off come since against go came right used take three message meeting tomorrow attached "
         "report please thanks regards draft budget schedule").split()
TYPOS = "teh recieve seperate definately occured wich becuase untill tommorow accomodate adress begining".split()


def _text(n_chars: int, seed: int) -> str:
    """Lines of mail-like text, a misspelt word in most lines."""
    rnd = random.Random(seed)
    lines, size = [], 0
    while size < n_chars:
        ws = [rnd.choice(WORDS) for _ in range(13)]
        ws[rnd.randrange(13)] = rnd.choice(TYPOS)
        line = " ".join(ws).capitalize() + ".\n"
        lines.append(line)
        size += len(line)
    return "".join(lines)


def _typing_text(seed: int) -> str:
    """What the keystrokes type: real words, typos, and one new made-up word in four."""
    rnd = random.Random(seed)
    out = []
    for i in range(4000):
        r = rnd.random()
        if r < 0.25:  # never seen before: syllables, then the index in letters
            tail = "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in str(i))
            out.append("".join(rnd.choice("bcdfghklmnprstvz") + rnd.choice("aeiou") for _ in range(2)) + tail)
        elif r < 0.35:
            out.append(rnd.choice(TYPOS))
        else:
            out.append(rnd.choice(WORDS))
        if i % 40 == 39:
            out[-1] += ".\n"  # paragraphs of ~250 characters, as mail is
    return " ".join(out).replace("\n ", "\n") + " "


async def _type(edit, seconds: float, rate: int, text: str) -> float:
    n = int(seconds * rate)
    t0 = time.perf_counter()
    for i in range(n):
        edit.insertPlainText(text[i % len(text)])
        if i % 40 == 0:
            edit.ensureCursorVisible()
        delay = t0 + (i + 1) / rate - time.perf_counter()
        await asyncio.sleep(max(0.0, delay))
    return n / (time.perf_counter() - t0)


async def bench(seconds: float, rate: int, body_mb: float, modes: dict[str, int]) -> dict:
    import enchant

    from app.runtime import settle_gc_after_start
    from app.core.accounts.session import ConnectionState, Session
    from app.domain.account import AccountConfig
    from app.domain.models import Draft, Recipient
    from app.storage.journal import Journal
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    threads: Counter = Counter()
    for name in ("check", "suggest"):
        real = getattr(enchant.Dict, name)

        def spy(self, *a, real=real, **kw):
            threads[threading.current_thread().name] += 1
            return real(self, *a, **kw)
        setattr(enchant.Dict, name, spy)

    result = {}
    hb = SplitHeartbeat()
    proc, url, user = start_server()
    tmp = Path(tempfile.mkdtemp(prefix="bench-spell-"))
    os.environ["DISPATCH_HOME"] = str(tmp)  # its own personal dictionary
    settings = Settings(tmp / "settings.json")
    settings.set("spell_language", "en_US")
    acc = AccountConfig(email=user["email"], ews_url=url, username=user.get("username") or user["email"])
    session = Session.for_account(acc, user["password"])
    win = MainWindow(session, settings=settings, journal=Journal(tmp / "journal.sqlite3"))
    win.resize(1100, 720)
    win.show()
    settle_gc_after_start(win)  # as app_main.amain does
    big = _text(int(body_mb * 1_000_000), 1)
    try:
        await _until(lambda: session.state == ConnectionState.CONNECTED, 60)
        sp = win.spelling
        await _until(lambda: sp.state.language == "en_US", 30)
        c = win.compose
        c.to.set_recipients([Recipient("bob@example.com")])
        c.subject.setText("spell bench")
        for mode, hogs in modes.items():
            rows = []
            with cpu_hog(hogs):
                for on in (False, True):
                    sp.set_language("en_US" if on else "off")
                    await _until(lambda on=on: (sp.state.language == "en_US") == on, 30)
                    tag = "spell check on" if on else "spell check off (baseline)"
                    c.body.setPlainText("")
                    c.body.setFocus()
                    done0 = sp.hl.blocks_done
                    hb.start()
                    got = await _type(c.body, seconds, rate, _typing_text(2))
                    await asyncio.sleep(0.3)
                    _measure(hb, rows, f"typing into an empty body, {tag}",
                             f"{got:.0f} keys/s; {sp.hl.blocks_done - done0} blocks tokenised")

                    done0 = sp.hl.blocks_done
                    hb.start()
                    await asyncio.sleep(0.05)  # the heartbeat is ticking: a first turn that stalls is seen
                    t0 = time.perf_counter()
                    # as the app opens a draft: Compose's load(), the body a piece per turn (body_loader.py)
                    c.load(Draft(to=[Recipient("bob@example.com")], subject="spell bench", body=big))
                    await _until(lambda: not c.loader.active, 60)
                    load = time.perf_counter() - t0
                    await asyncio.sleep(1.0)
                    _measure(hb, rows, f"opening a {body_mb:g} MB draft in Compose, then 1 s, {tag}",
                             f"all in after {load:.1f} s ({c.loader.turns} turns); "
                             f"{sp.hl.blocks_done - done0} blocks tokenised; "
                             f"{len(sp.hl.last_paint)} words underlined on screen")

                    c.body.moveCursor(c.body.textCursor().MoveOperation.End)
                    await asyncio.sleep(1.0)  # Qt lays the body out to its end
                    done0 = sp.hl.blocks_done
                    hb.start()
                    got = await _type(c.body, seconds, rate, _typing_text(3))
                    await asyncio.sleep(0.3)
                    _measure(hb, rows, f"typing at the end of the {body_mb:g} MB body, {tag}",
                             f"{got:.0f} keys/s; {sp.hl.blocks_done - done0} blocks tokenised; "
                             f"{len(sp.hl.cache)} words in the cache")
                c.body.setPlainText("")
                result[mode] = {"hogs": hogs, "rows": rows, "machine": machine()}
    finally:
        win.close_now()
        win.journal_bridge.close()
        session.close()
        proc.stdin.close()
        proc.wait(timeout=30)
    result["enchant_threads"] = dict(threads)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rate", type=int, default=600, help="keystrokes a second (100 words/s = about 600)")
    ap.add_argument("--body-mb", type=float, default=10.0, help="size of the big body (MB)")
    ap.add_argument("--hog", type=int, default=2, metavar="N", help="CPU hogs beside the second measurement")
    ap.add_argument("--quiet-only", action="store_true")
    ap.add_argument("--no-save", action="store_true", help="do not write bench/out/spell_stall.json")
    args = ap.parse_args()
    modes = {"quiet": 0} if args.quiet_only or args.hog <= 0 else {"quiet": 0, f"hog x{args.hog}": args.hog}
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _ = app
    res = qasync.run(bench(args.seconds, args.rate, args.body_mb, modes))
    out = {"bench": "bench_spell_stall.py", "args": vars(args), "machine": machine(),
           "modes": {m: res[m] for m in modes}, "enchant_threads": res["enchant_threads"]}
    for mode in modes:
        d = res[mode]
        print(f"\n# Spell check stalls, {mode} ({describe(d['machine'])}; {args.rate} keys/s asked)")
        print("| measure | longest stall (ms) | p99 (ms) | any gap: UI thread CPU / our CPU (ms) | notes |")
        print("|---|---:|---:|---:|---|")
        for r in d["rows"]:
            print(f"| {r['measure']} | {r['worst_ms']:.1f} | {r['p99_ms']:.1f} "
                  f"| {r['ui_cpu_max_gap_ms']:.1f} / {r['cpu_max_gap_ms']:.1f} | {r['note']} |")
    where = ", ".join(f"{name}: {n}" for name, n in Counter(res["enchant_threads"]).most_common())
    print(f"\nenchant calls by thread: {where}")
    if not args.no_save:
        print(f"saved {save('spell_stall', out)}")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
