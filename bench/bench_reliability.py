"""Reliability figures for the README: faults injected, operations, lost, duplicates. Prints a table; not a test.

For each fault the sandbox can inject (drop before/after commit, HTTP 500 HTML page, HTTP 503 with
Retry-After, ErrorServerBusy with BackOffMilliseconds, HTTP 401 mid-session, an answer later than the
client's timeout) plus sandbox restarts (stop + start on the same data and port), runs the workload of
tests/reliability/workload.py — N saves and N sends through the real Outbox, SendPipeline, EwsMailService
(exchangelib) and an in-process sandbox over HTTP — and audits the mailboxes and the journal afterwards.
The "none" row (no faults) is the baseline of the same run. ``--kills K`` adds the kill -9 soak of the
real app (tests/reliability/kill_child.py), K kills.

Writes the table to bench/out/reliability.md. Run: ``python bench/bench_reliability.py [--n 100] [--kills 20]``
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "reliability.md"

from app.storage.journal import Journal  # noqa: E402
from tests.reliability.workload import FAULTS, Report, run_workload  # noqa: E402


def one(fault: str, n: int, tmp: Path) -> Report:
    from app.sandbox import Sandbox

    journal = Journal(tmp / f"journal-{fault}.sqlite3")
    if fault != "restart":
        sb = Sandbox(data=":memory:", port=0)
        sb.start()
        try:
            return asyncio.run(run_workload(lambda: sb, journal, fault, n_saves=n, n_sends=n))
        finally:
            sb.stop()
    sb = Sandbox(data=str(tmp / "sandbox-restart"), port=0)  # stop() + start() keep its port and data
    sb.start()
    restarts = 0

    async def restart():
        nonlocal restarts
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sb.stop)
        await asyncio.sleep(0.1)
        await loop.run_in_executor(None, sb.start)
        restarts += 1

    try:
        rep = asyncio.run(run_workload(lambda: sb, journal, "restart", n_saves=n, n_sends=n, between_batches=restart))
    finally:
        sb.stop()
    rep.faults_injected = rep.faults_fired = restarts
    return rep


def kill_soak(kills: int, tmp: Path) -> tuple[int, int, int, list[str], int]:
    from tests.reliability.killrun import audit_duplicates, audit_run, run_once

    rnd = random.Random(20261121)
    home = tmp / "kill"
    home.mkdir()
    problems, ops, mid = [], 0, 0
    for i in range(kills):
        run = run_once(home, i, rnd, mid_request=i % 2 == 1)
        ops += sum(1 for ln in run.lines if ln[0] in ("SAVE", "SEND"))
        mid += run.killed_mid_request
        problems += audit_run(run, home)
    problems += audit_duplicates(home)
    lost = sum("lost" in p for p in problems)
    return kills, ops, lost, problems, mid


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100, help="saves and sends per fault (default 100 each)")
    ap.add_argument("--kills", type=int, default=20, help="kill -9 soak of the real app (0 to skip)")
    ap.add_argument("--only", nargs="*", help="faults to run (default all)")
    args = ap.parse_args()
    faults = ["none", *FAULTS, "restart"]
    if args.only:
        faults = [f for f in faults if f in args.only]
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-reliability-"))
    header = "| fault | faults injected | saves | sends | lost | duplicates | failed | look-ups | time |"
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for f in faults:
        rep = one(f, args.n, tmp)
        row = (f"| {f} | {rep.faults_fired} | {rep.saves} | {rep.sends} | {rep.lost} | {rep.duplicates} | "
               f"{rep.failed_rows} | {rep.lookups} | {rep.seconds:.1f} s |")
        print(row, flush=True)
        for p in rep.problems[:5]:
            print("   ", p)
        rows.append((row, rep))
    kill_line = ""
    if args.kills:
        t0 = time.monotonic()
        kills, ops, lost, problems, mid = kill_soak(args.kills, tmp)
        kill_line = (f"kill -9 soak of the real app: {kills} kills at random moments ({mid} with a save/send in flight), "
                     f"{ops} saves/sends started, lost = {lost}, duplicates = "
                     f"{sum('lost' not in p for p in problems)} ({time.monotonic() - t0:.0f} s)")
        print(kill_line)
        for p in problems[:5]:
            print("   ", p)
    total_faults = sum(r.faults_fired for _, r in rows)
    total_ops = sum(r.saves + r.sends for _, r in rows)
    lost = sum(r.lost for _, r in rows)
    dups = sum(r.duplicates for _, r in rows)
    summary = f"Total: {total_faults} faults injected over {total_ops} operations; lost = {lost}, duplicates = {dups}."
    print(summary)
    md = [
        "# Reliability (bench/bench_reliability.py)",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {args.n} saves + {args.n} sends per fault, "
        "real exchangelib against the in-process sandbox over HTTP, through the Outbox + SendPipeline + journal. "
        "'failed' = rows the outbox gave up on (they stay in the journal); 'look-ups' = Message-ID look-ups "
        "the outbox made to settle unknown outcomes (the pipeline's own are not counted).",
        "",
        header,
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *[r for r, _ in rows],
        "",
        summary,
    ]
    if kill_line:
        md += ["", kill_line]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0 if lost == 0 and dups == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
