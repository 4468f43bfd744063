"""kill -9 of a process whose Outbox is mid-batch (saves and sends on the wire, the sandbox answering
late), against the real sandbox in this process; a fresh Outbox then restores from the journal and
finishes. Every message ends exactly once in Sent Items and Bob's Inbox, every draft exactly once in
Drafts; nothing is left in the journal."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from app.core.accounts.mailclient import MailClient
from app.core.outbox import Outbox
from app.storage.journal import Journal
from tests.reliability.workload import ALICE, BOB, TEST_POLICY, make_service, user

HERE = Path(__file__).resolve().parent
N = 10


@pytest.mark.timeout(180)
def test_outbox_killed_mid_batch_then_restored_sends_exactly_once(sandbox, tmp_path):
    rnd = random.Random(5)
    alice = user(sandbox, ALICE)
    tags = []
    interrupted = []  # per kill: how many sends were restored unfinished, and from which states
    for k in range(5):
        tag = f"k{k}"
        tags.append(tag)
        journal_path = tmp_path / f"journal-{tag}.sqlite3"
        # late answers: kills land while CreateItem/SendItem are on the wire or committing
        sandbox.faults.inject("SendItem", "delay", count=2, seconds=0.4)
        sandbox.faults.inject("CreateItem", "delay", count=3, seconds=0.3)
        env = dict(os.environ, OB_URL=sandbox.ews_url, OB_PASSWORD=alice["password"], OB_JOURNAL=str(journal_path),
                   OB_TAG=tag, OB_N=str(N))
        proc = subprocess.Popen([sys.executable, str(HERE / "outbox_child.py")], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"QUEUED", proc.stderr.read()[-2000:]
        # kill while a request is on the wire: the child's journal (read beside it) says so
        in_flight = ("submitting", "send_saving", "saving")
        t0 = time.monotonic()
        while time.monotonic() - t0 < 10 and not any(
                e.state in in_flight for e in Journal(journal_path).entries()):
            time.sleep(0.01)
        time.sleep(rnd.uniform(0.0, 0.2))
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
        sandbox.faults.clear()
        # a request the child left on the wire (or in the listen queue) finishes on the server first;
        # the child's connections died with it, so nothing else is being served
        assert sandbox.wait_handlers(30), sandbox.active_handlers

        journal = Journal(journal_path)

        async def finish():
            svc = make_service(sandbox.ews_url, alice)
            client = MailClient(lambda: svc)
            ob = Outbox(client, journal, policy=TEST_POLICY)
            unfinished = len(journal.entries())
            restored = ob.restore()
            restored = (unfinished, restored)
            await ob.waits.drain(60)
            await ob.stop()
            client.close()
            return restored, ob

        loop = asyncio.new_event_loop()
        try:
            restored, ob = loop.run_until_complete(finish())
        finally:
            loop.close()
        unfinished, sends = restored
        interrupted.append((unfinished, Counter(was for _lid, was, _now in sends)))
        print(f"\n{tag}: {unfinished} unfinished, sends restored from {interrupted[-1][1]}, stats {ob.parts.stats}")
        assert journal.count() == 0, [(e.draft.subject, e.state, e.last_error) for e in journal.entries()]

    sent = Counter(it["subject"] for it in sandbox.mailbox(ALICE).items("sentitems"))
    inbox = Counter(it["subject"] for it in sandbox.mailbox(BOB).items("inbox"))
    drafts = Counter(it["subject"] for it in sandbox.mailbox(ALICE).items("drafts"))
    problems = []
    for tag in tags:
        for i in range(N):
            s, d = f"crash {tag} send {i}", f"crash {tag} save {i}"
            if sent[s] != 1 or inbox[s] != 1 or drafts[s]:
                problems.append(f"{s}: sent {sent[s]}, inbox {inbox[s]}, drafts {drafts[s]}")
            if drafts[d] != 1:
                problems.append(f"{d}: {drafts[d]}x in Drafts")
    assert not problems, "\n".join(problems)
    # the kills interrupted real work: every kill left unfinished messages, some sends were cut off in
    # flight (restored from "send_saving"/"submitting" and settled by Message-ID)
    assert all(n > 0 for n, _ in interrupted), interrupted
    assert sum(c["submitting"] + c["send_saving"] for _, c in interrupted) > 0, interrupted
