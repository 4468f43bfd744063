"""kill -9 soak with a surviving server: the sandbox runs in its own process (python -m app.sandbox) and
outlives every kill; the real app (``python -m app --ews-url ...``, offscreen) types into its own Compose
view (kill_child.py) and is SIGKILLed 20 times at chosen moments:

- ``send_commit`` (8 of 20): the server has SENT the message and holds its reply; the app dies before it
  learns the outcome. The restart must take the "settle" branch — ``submitting`` resumes as ``unknown``,
  the Message-ID is found in Sent Items (``found_sent``) — and never send it again;
- ``save_commit``: the server saved the draft and holds the reply; the restart adopts that draft by its
  Message-ID (no second draft);
- ``send_queued``: the server refused the send as busy for minutes; the restart resumes it ``queued``
  and sends it once;
- ``type``: killed while typing; the restart reopens the message in Compose.

For each kill the test asserts which recovery branch the restart took (from the app's log, which names
submissions by id only). Afterwards: every message is in Bob's Inbox at most once and every message the
server committed exactly once; nothing typed more than 2 s before a kill is missing; nothing that the
user did not send was sent.

It runs on both backends: EWS (the app started with ``--ews-url``) and Microsoft Graph (the app started from
its settings file with a Microsoft 365 account, signed in through MSAL against the sandbox's authority; the
same holds injected on CreateMessage / UpdateMessage / SendMessage; a Graph send answers 202 and the
restart settles it by the Internet Message-ID the app set on the draft, after its settle delay).
"""

from __future__ import annotations

import os
import random
import time

import pytest

from tests.helpers.soak import size
from tests.reliability.killrun import (
    SandboxProcess, audit_mailboxes, audit_run, journal_bodies, kill, op_name, read_app_log, sandbox_items,
    start_app, wait_delivered, wait_for,
)

KILLS = int(os.environ.get("DISPATCH_KILLS", size(5, 20)))  # 5: each plan once; 20 in a soak run
PLANS = {0: "send_commit", 1: "type", 2: "send_commit", 3: "save_commit", 4: "send_queued"}
HOLD = 120.0  # seconds the server holds a committed reply (the app is killed long before)


def _inject(sb: SandboxProcess, plan: str, backend: str = "ews") -> None:
    if plan == "send_commit":
        sb.inject(op_name(backend, "SendItem"), "hold_after_commit", seconds=HOLD, then="drop")
    elif plan == "save_commit":
        sb.inject(op_name(backend, "CreateItem"), "hold_after_commit", seconds=HOLD, then="drop")
        sb.inject(op_name(backend, "UpdateItem"), "hold_after_commit", seconds=HOLD, then="drop")
    elif plan == "send_queued":  # Graph: HTTP 429 with Retry-After
        sb.inject(op_name(backend, "SendItem"), "server_busy", backoff_ms=int(HOLD * 1000))


def _fault_fired(sb: SandboxProcess, plan: str, before: int, backend: str = "ews") -> bool:
    new = sb.fired()[before:]
    want = {"send_commit": {("SendItem", "hold_after_commit")},
            "save_commit": {("CreateItem", "hold_after_commit"), ("UpdateItem", "hold_after_commit")},
            "send_queued": {("SendItem", "server_busy")}}[plan]
    return any(f in {(op_name(backend, o), k) for o, k in want} for f in new)


def _branch_done(prev, text: str) -> tuple[bool, str]:
    """Did this run's app log show the recovery branch the previous kill calls for? (done, what)."""
    if prev.plan == "send_commit":
        lids = prev.in_flight()
        if not lids:
            return False, f"run {prev.n}: no send was in flight when it was killed"
        ok = all(f"recovery: send {lid} was submitting, resumes unknown" in text
                 and f"send {lid}: unknown --found_sent--> sent" in text for lid in lids)
        resent = [lid for lid in lids if f"send {lid}: send_saving --saved--> submitting" in text]
        return ok and not resent, f"settled in Sent Items, not resent: {lids} (resent: {resent})"
    if prev.plan == "send_queued":
        lids = [i for i, _a, e, b in __import__("re").findall(r"send (\w+): (\w+) --(\w+)--> (\w+)", prev.app_log)
                if e == "retry" and b == "queued"]
        ok = bool(lids) and all(f"recovery: send {lid} was queued, resumes queued" in text
                                and f"send {lid}: submitting --accepted--> sent" in text for lid in lids)
        return ok, f"resumed queued, then sent once: {lids}"
    if prev.plan == "save_commit":
        return "was saving, resumes adopt" in text, "the held save is adopted by Message-ID"
    if prev.must_survive():  # something was journalled: it comes back in Compose
        return "reopened" in text, "typing: reopened in Compose"
    return True, "typing: killed before anything was journalled"


@pytest.mark.slow
@pytest.mark.soak
@pytest.mark.timeout(1500)
@pytest.mark.parametrize("backend", ["ews", "graph"])
def test_kill_9_with_a_surviving_server(tmp_path, backend):
    rnd = random.Random(20261122)
    home, data = tmp_path / "home", tmp_path / "sandbox"
    home.mkdir()
    data.mkdir()
    sb = SandboxProcess(data)
    problems, runs, branches = [], [], []
    prev_journal: dict = {}
    proc = None
    try:
        for n in range(KILLS + 1):  # the last run only checks the last kill's recovery
            plan = PLANS[n % 5] if n < KILLS else "type"
            run, proc, offset = start_app(home, sb, n, plan, backend)
            assert wait_for(lambda: run.log.exists() and "RECOVERED" in run.log.read_text(), 90, proc), (
                f"run {n} never became ready:\n{proc.stderr.read()[-3000:].decode(errors='replace')}"
                if proc.poll() is not None else f"run {n} never became ready")
            prev = runs[-1] if runs else None
            if prev is not None:  # which branch did this restart take for the previous kill?
                done = wait_for(lambda: _branch_done(prev, read_app_log(home, offset))[0], 60, proc)
                ok, what = _branch_done(prev, read_app_log(home, offset))
                branches.append((prev.n, prev.plan, ok, what))
                if not done:
                    problems.append(f"after kill {prev.n} ({prev.plan}): expected {what}")
            if n == KILLS:
                kill(run, proc, home, offset)
                break
            before = len(sb.fired())
            _inject(sb, plan, backend)
            run.go.touch()  # the app may do its planned save/send now
            if plan == "type":
                time.sleep(rnd.uniform(0.3, 3.0))
            else:
                fired = wait_for(lambda: _fault_fired(sb, plan, before, backend), 60, proc, step=0.02)
                if plan == "send_queued":  # the app has put it back in the queue: wait for that
                    fired = fired and wait_for(lambda: "--retry--> queued" in read_app_log(home, offset), 20, proc)
                assert fired, f"run {n}: the planned {plan} never reached the server"
                time.sleep(rnd.uniform(0.0, 0.3))
            kill(run, proc, home, offset)
            sb.clear()
            if backend == "graph":
                sb.release()  # the dead app's held request gives its place in the mailbox's limit back
                assert wait_delivered(data), f"run {n}: the sandbox did not deliver what it accepted"
            runs.append(run)
            rec = run.recovered
            if prev_journal and rec is not None:  # the restart reopened the newest journalled message
                subject, length = rec
                if subject in prev_journal and length < max(len(b) for b in prev_journal[subject]):
                    problems.append(f"run {n}: reopened {subject!r} with {length} chars, journal had more")
            if run.recovered_fields_problem():
                problems.append(run.recovered_fields_problem())
            problems += audit_run(run, home, data)
            prev_journal = journal_bodies(home)
        assert wait_delivered(data), "the sandbox did not deliver what it accepted"
    finally:
        if proc is not None and proc.poll() is None:  # a wait that failed: the app must not type on after the test
            proc.kill()
            proc.communicate()
        sb.stop()
    after_commit = [b for b in branches if b[1] == "send_commit"]
    print(f"\n{backend}: {KILLS} kills; recovery branches: " + "; ".join(f"{n}:{p}:{'ok' if ok else 'NO'}"
                                                          for n, p, ok, _ in branches))
    for n, plan, ok, what in branches:
        print(f"  kill {n:2d} {plan:12s} {'ok ' if ok else 'NO '} {what}")
    assert len(after_commit) >= (KILLS * 2) // 5 and (KILLS < 20 or len(after_commit) >= 8), after_commit
    assert all(ok for *_, ok, _w in branches), [b for b in branches if not b[2]]
    committed = {ln[1] for r in runs if r.plan == "send_commit" for ln in r.lines if ln[0] == "SEND"}
    inbox = [it.get("subject") for it in sandbox_items(data)["inbox"]]
    for subject in committed:
        if inbox.count(subject) != 1:
            problems.append(f"{subject!r} (sent while the app died) is {inbox.count(subject)}x in Bob's Inbox")
    problems += audit_mailboxes(data, runs)
    assert not problems, "\n".join(problems)
