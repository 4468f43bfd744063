"""kill -9 soak: the real app (``python -m app --sandbox`` code path, offscreen, DISPATCH_HOME in tmp)
types into its own Compose view and saves/sends now and then (kill_child.py); it is SIGKILLed at random
moments — while typing, mid-save and mid-send (the in-process sandbox is told to answer late so kills
land on requests in flight) — and restarted, 20+ times on the same data. After every kill, everything
typed more than 2 s before it is in the journal or on the server, with its To, Cc and attachment; after
every restart the app reopens the journal's copy (text, recipients, attachment bytes); at the end
nothing is in Sent Items / Bob's Inbox / Drafts twice."""

from __future__ import annotations

import os
import random

import pytest

from tests.reliability.killrun import audit_duplicates, audit_run, journal_bodies, run_once

KILLS = int(os.environ.get("DISPATCH_KILLS", "20"))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_kill_9_loses_nothing_typed_2s_before(tmp_path):
    rnd = random.Random(20261121)
    problems, prev_journal, runs = [], {}, []
    for n in range(KILLS):
        run = run_once(tmp_path, n, rnd, mid_request=n % 2 == 1)  # every other kill aims at a request
        runs.append(run)
        rec = run.recovered
        assert rec is not None, f"run {n} never became ready:\n{run.err[-3000:].decode(errors='replace')}"
        # the restart reopened the newest journalled message (if the journal held one being edited)
        if prev_journal:
            subject, length = rec
            if subject in prev_journal and length < max(len(b) for b in prev_journal[subject]):
                problems.append(f"run {n}: reopened {subject!r} with {length} chars, journal had more")
        if run.recovered_fields_problem():  # the reopened message has its recipients and file, too
            problems.append(run.recovered_fields_problem())
        problems += audit_run(run, tmp_path)
        prev_journal = journal_bodies(tmp_path)
    typed = sum(1 for r in runs for ln in r.lines if ln[0] == "T")
    sends = sum(1 for r in runs for ln in r.lines if ln[0] == "SEND")
    saves = sum(1 for r in runs for ln in r.lines if ln[0] == "SAVE")
    mid = sum(r.killed_mid_request for r in runs)
    print(f"\n{KILLS} kills ({mid} mid-save/send), {typed} typing ticks, {saves} saves, {sends} sends")
    assert saves + sends >= 10, "the soak did not exercise save/send enough"
    assert mid >= KILLS // 4, f"only {mid} kills landed on a save/send in flight"
    problems += audit_duplicates(tmp_path)
    assert not problems, "\n".join(problems)
