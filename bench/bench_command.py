"""``dispatch-mail send`` from a script: its time to return once the message is journaled, with a door open and
without, beside bare Python; and a loop of sends: messages a second and server requests per message.

Measures, each command a fresh ``python -m app send --to bob@example.com --subject ... --body-file -
--password-env VAR`` (wall time from its start to its exit), against an Exchange account on a sandbox served
by this process (its ``request_log`` counts the EWS requests the server was asked):

- **hand-over** (a door open): another process has the account's queue and serves its door. The window's door
  is not on main yet, so that process is this script's ``--hold-door``: Qt-free, it holds the account's lock and
  serves ``Door(key, ScriptDesk(...))`` on the queue built as a command builds it (app/command/queue.py): the
  same desk the window will serve. ``--no-wait``: returns once the holder has journaled it; waiting: once sent.
- **drives the queue itself** (no door): the command imports the core and exchangelib, takes the lock, builds
  the queue, connects. ``--no-wait``: returns once journaled (each run in a fresh ``DISPATCH_HOME``: what a
  ``--no-wait`` run leaves is not left to the next); waiting: once sent.
- **baselines** (same run, in the same rounds as the hand-over: each of these commands once a round, in turn):
  ``python -c pass``, ``python -c "import exchangelib"``, ``python -c "import msal"``. The issue's goal: the
  hand-over (``--no-wait``) within 1.5x ``python -c pass``.
- **a loop of** ``--loop`` sends one after the other (each waits until sent), with the door and without:
  messages a second, and the server's requests per message (from its own ``request_log``).

Everything quiet and with ``--hog N`` (default 2) busy-looping processes beside it (bench/hog.py), each mode in
a fresh process. Medians of ``--runs`` runs. Saved to ``bench/out/command.json``; copied to bench/results/
(``python scripts/gen_docs.py --collect``) it is docs/performance.md's "Sending from scripts" table.

Run: ``python bench/bench_command.py [--runs 15] [--loop 100] [--hog 2 | --quiet-only] [--no-save]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.firstpaint import compile_app  # noqa: E402
from bench.hog import describe, each_mode, machine, mode_args, save  # noqa: E402

GOAL = 1.5  # the hand-over within this many times `python -c pass`
PW_VAR = "BENCH_COMMAND_PW"
ALICE, BOB = "alice@example.com", "bob@example.com"


def _env(home: Path, password: str) -> dict:
    env = dict(os.environ, DISPATCH_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    env[PW_VAR] = password
    env.pop("QT_QPA_PLATFORM", None)
    return env


def _set_up(home: Path, ews_url: str, username: str) -> None:
    home.mkdir(parents=True, exist_ok=True)
    code = ("import sys; from app.domain.account import AccountConfig; from app.storage.settings import Settings; "
            "Settings().set_account(AccountConfig(email=sys.argv[1], ews_url=sys.argv[2], username=sys.argv[3]))")
    subprocess.run([sys.executable, "-c", code, ALICE, ews_url, username], env=_env(home, ""), cwd=str(ROOT),
                   check=True)


def _timed(argv: list[str], env: dict, stdin: bytes = b"", cwd: Path = ROOT) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    done = subprocess.run(argv, input=stdin, env=env, cwd=str(cwd), capture_output=True, timeout=300)
    return (time.perf_counter() - t0) * 1000, done


def _send(i: int, *wait: str) -> list[str]:
    return [sys.executable, "-m", "app", "send", "--to", BOB, "--subject", f"bench command {i}", "--body-file", "-",
            *wait, "--password-env", PW_VAR]


def _ms(argv: list[str], env: dict, expect: bytes = b"") -> float:
    ms, done = _timed(argv, env, b"hello from a script\n")
    if done.returncode != 0 or (expect and expect not in done.stdout):
        raise RuntimeError(f"{argv[3:]}: exit {done.returncode}: {done.stdout!r} {done.stderr[-2000:]!r}")
    return ms


def _medians(runs: int, plan: dict) -> dict:
    """{key: median ms} of ``plan`` ({key: (argv of run i, env of run i, what stdout must hold)}), measured in
    rounds (each key once a round, in turn): a baseline and the rows it is compared with share the machine's
    moment, whatever else it runs meanwhile."""
    times: dict[str, list[float]] = {key: [] for key in plan}
    for i in range(runs):
        for key, (make, env_of, expect) in plan.items():
            times[key].append(_ms(make(i), env_of(i), expect))
    return {key: statistics.median(v) for key, v in times.items()}


def _loop(n: int, env: dict, sb) -> dict:
    before = len(sb.request_log)
    t0 = time.perf_counter()
    for i in range(n):
        _ms, done = _timed(_send(10_000 + i), env, b"one of a loop\n")
        if done.returncode != 0:
            raise RuntimeError(f"loop send {i}: exit {done.returncode}: {done.stderr[-2000:]!r}")
    secs = time.perf_counter() - t0
    ops = sb.request_log[before:]
    by_op: dict[str, int] = {}
    for op in ops:
        by_op[op] = by_op.get(op, 0) + 1
    return {"messages": n, "seconds": round(secs, 2), "per_second": round(n / secs, 2),
            "requests_per_message": round(len(ops) / n, 2), "requests_by_operation": by_op}


def _start_holder(home: Path, env: dict) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, __file__, "--hold-door"], env=env, cwd=str(ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline()
    if line.strip() != b"READY":
        proc.kill()
        raise RuntimeError(f"the door holder did not start: {line!r} {proc.stderr.read()[-3000:]!r}")
    return proc


def _stop_holder(proc: subprocess.Popen) -> None:
    import signal

    proc.send_signal(signal.SIGTERM)
    try:
        proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


def one(args) -> dict:
    """One mode's measurements (this process serves the sandbox)."""
    from app.sandbox import Sandbox

    sb = Sandbox(port=0, poll_interval=0.01)
    sb.start()
    alice = next(a for a in sb.accounts if a["email"] == ALICE)
    work = Path(tempfile.mkdtemp(prefix="bench-command-"))
    try:
        home = work / "home"
        _set_up(home, sb.ews_url, alice["username"])
        env = _env(home, alice["password"])
        base = lambda i: env  # noqa: E731
        res = {"runs": args.runs}
        py = sys.executable

        holder = _start_holder(home, env)
        try:  # the baselines in the same rounds as the hand-over they are the goal's yardstick for
            res.update(_medians(args.runs, {
                "python_pass_ms": (lambda i: [py, "-c", "pass"], base, b""),
                "import_exchangelib_ms": (lambda i: [py, "-c", "import exchangelib"], base, b""),
                "import_msal_ms": (lambda i: [py, "-c", "import msal"], base, b""),
                "handover_no_wait_ms": (lambda i: _send(i, "--no-wait"), base, b"Queued"),
                "handover_sent_ms": (lambda i: _send(100 + i), base, b"Sent"),
            }))
            res["loop_door"] = _loop(args.loop, env, sb)
        finally:
            _stop_holder(holder)

        fresh = {}

        def fresh_env(i: int) -> dict:  # a --no-wait run's message stays journaled there, unsent
            if i not in fresh:
                h = work / f"fresh-{i}"
                shutil.copytree(home / "config", h / "config")
                fresh[i] = _env(h, alice["password"])
            return fresh[i]

        for i in range(args.runs):
            fresh_env(i)  # set up before the clock runs
        own = work / "own"
        shutil.copytree(home / "config", own / "config")
        own_env = _env(own, alice["password"])
        res.update(_medians(args.runs, {
            "own_no_wait_ms": (lambda i: _send(200 + i, "--no-wait"), fresh_env, b"Queued"),
            "own_sent_ms": (lambda i: _send(300 + i), lambda i: own_env, b"Sent"),
        }))
        res["loop_own"] = _loop(args.loop, own_env, sb)
        res["goal_met"] = res["handover_no_wait_ms"] <= GOAL * res["python_pass_ms"]
        return res
    finally:
        sb.stop()
        shutil.rmtree(work, ignore_errors=True)


def hold_door() -> None:
    """``--hold-door``: hold the account's queue and serve its door until SIGTERM (what the window will do)."""
    import asyncio
    import signal

    from app.command.account import session_for
    from app.core.account_queue.driver import AccountQueue, DeskWiring
    from app.core.common.journal_writer import JournalWriter
    from app.storage.journal import Journal
    from app.storage.settings import Settings

    async def serve() -> None:
        settings = Settings()
        account = settings.account()
        account_queue = AccountQueue(account, DeskWiring(configured=settings.account,
                                                     principals=lambda: settings.principals(account)))
        if not account_queue.take_now():
            raise SystemExit("the account's lock is held by another process")
        session = session_for(account, PW_VAR)
        journal, writer = Journal(), JournalWriter()
        outbox = await account_queue.open(session, journal, writer)
        await session.connect()
        outbox.hand.kick()
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        print("READY", flush=True)
        await stop.wait()
        await account_queue.close()
        writer.close()
        session.close()
        journal.close()

    asyncio.run(serve())


ROWS = [
    ("`python -c pass` (**baseline**)", "python_pass_ms"),
    ("`python -c \"import exchangelib\"`", "import_exchangelib_ms"),
    ("`python -c \"import msal\"`", "import_msal_ms"),
    ("hand-over, door open, `--no-wait` (returns once journaled)", "handover_no_wait_ms"),
    ("hand-over, door open, until sent", "handover_sent_ms"),
    ("no door: drives the queue itself, `--no-wait`", "own_no_wait_ms"),
    ("no door: drives the queue itself, until sent", "own_sent_ms"),
]


def table(d: dict) -> list[list]:
    """[measure, ms, x `python -c pass`] rows."""
    base = d["python_pass_ms"]
    return [[name, round(d[key], 1), round(d[key] / base, 2)] for name, key in ROWS]


def loop_rows(d: dict) -> list[list]:
    """[how, messages, messages a second, requests per message] rows."""
    return [[how, d[key]["messages"], d[key]["per_second"], d[key]["requests_per_message"]]
            for how, key in (("door open (the holder sends)", "loop_door"), ("no door (each command sends)",
                                                                          "loop_own"))]


def main() -> None:
    if "--hold-door" in sys.argv:
        hold_door()
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--loop", type=int, default=100, help="sends in the loop, with the door and without")
    mode_args(ap, "command")
    args = ap.parse_args()
    if args.one:
        import json

        print("RESULT " + json.dumps(one(args)))
        return
    compile_app()  # every command starts from .pyc files, as installed (bootstrap.sh compiles too)
    modes = each_mode(__file__, ["--runs", str(args.runs), "--loop", str(args.loop)], args.hog, args.quiet_only)
    out = {"bench": "bench_command.py", "args": {k: v for k, v in vars(args).items() if k != "one"}, "goal": GOAL,
           "modes": {}}
    for mode, d in modes.items():
        d["table"], d["loops"] = table(d), loop_rows(d)
        out["modes"][mode] = d
        print(f"\n## {mode} ({describe(d['machine'])}; median of {args.runs} runs)")
        for name, ms, times in d["table"]:
            print(f"{name:62s} {ms:8.1f} ms  {times:5.2f}x")
        for how, n, per_s, req in d["loops"]:
            print(f"loop, {how:32s} {n} sends: {per_s:6.2f} messages/s, {req:5.2f} requests/message")
        print(f"goal (hand-over <= {GOAL}x python -c pass): {'met' if d['goal_met'] else 'NOT met'}")
    out["machine"] = machine()
    if not args.no_save:
        print(f"saved {save('command', out)}")


if __name__ == "__main__":
    main()
