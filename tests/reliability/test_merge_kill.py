"""kill -9 of a process running a mail merge (tests/reliability/merge_child.py), against the real sandbox in
this process: once while its drafts are being created, once while its one SendItem is on the wire (the server
sent everything and holds the reply). A fresh Outbox on the same journal restores, the merge is loaded from
its record and resumed, Resend finishes the rest: every valid row is in Sent Items and Bob's Inbox exactly
once, no draft is left behind (a second draft of a row would be), the invalid rows are never sent."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from app.core.accounts.mailclient import MailClient
from app.core.merge.run import MergeRun, RowState
from app.core.outbox import Outbox
from app.storage.journal import Journal
from app.storage.merges import MergeStore
from tests.reliability.workload import ALICE, BOB, TEST_POLICY, make_service, user

HERE = Path(__file__).resolve().parent
ROWS = 40  # rows 7, 17, 27, 37 have a bad address


def _wait_for(pred, timeout=30.0):
    t0 = time.monotonic()
    while not pred():
        assert time.monotonic() - t0 < timeout, "the child never got there"
        time.sleep(0.01)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("moment", ["creating drafts", "SendItem on the wire"])
def test_merge_killed_then_resumed_sends_every_row_exactly_once(sandbox, tmp_path, moment):
    alice = user(sandbox, ALICE)
    journal_path, store = tmp_path / "journal.sqlite3", tmp_path / "merges"
    before = len(sandbox.request_log)
    if moment == "creating drafts":
        sandbox.faults.inject("CreateItem", "delay", count=ROWS, seconds=0.05)
    else:
        sandbox.faults.inject("SendItem", "hold_after_commit", seconds=60, then="drop")
    env = dict(os.environ, MG_URL=sandbox.ews_url, MG_PASSWORD=alice["password"], MG_JOURNAL=str(journal_path),
               MG_STORE=str(store), MG_ROWS=str(ROWS))
    proc = subprocess.Popen([sys.executable, str(HERE / "merge_child.py")], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    line = proc.stdout.readline().decode().split()
    assert line[:1] == ["MERGE"], proc.stderr.read()[-2000:]
    merge_id = line[1]
    if moment == "creating drafts":
        _wait_for(lambda: sandbox.request_log[before:].count("CreateItem") >= 12)
    else:
        _wait_for(lambda: "SendItem" in sandbox.request_log[before:])
        _wait_for(lambda: len(sandbox.mailbox(ALICE).items("sentitems")) == ROWS - 4)  # sent, reply held
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    sandbox.faults.clear()
    sandbox.faults.release_held()
    assert sandbox.wait_handlers(30), sandbox.active_handlers

    async def finish():
        client = MailClient(lambda: make_service(sandbox.ews_url, alice))
        ob = Outbox(client, Journal(journal_path), policy=TEST_POLICY)
        ob.restore()
        run = MergeRun.load(ob, MergeStore(store), merge_id)
        assert run is not None and len(run.rows) == ROWS
        await run.resume()
        await run.send()
        await ob.waits.drain(60)
        await ob.stop()
        client.close()
        return run

    loop = asyncio.new_event_loop()
    try:
        run = loop.run_until_complete(asyncio.wait_for(finish(), 120))
    finally:
        loop.close()
    states = Counter(r.state for r in run.rows)
    assert states == {RowState.SENT: ROWS - 4, RowState.INVALID: 4}, [(r.number, r.state, r.error) for r in run.rows]
    sent = Counter(i["internet_message_id"] for i in sandbox.mailbox(ALICE).items("sentitems"))
    assert len(sent) == ROWS - 4 and set(sent.values()) == {1}, "each row sent once"
    inbox = Counter(i["subject"] for i in sandbox.mailbox(BOB).items("inbox"))
    assert len(inbox) == ROWS - 4 and set(inbox.values()) == {1}
    assert not sandbox.mailbox(ALICE).items("drafts"), "no second draft of any row"
    # one CreateItem per valid row (+1 at most: a request the kill cut off before the server ran it)
    assert ROWS - 4 <= sandbox.request_log[before:].count("CreateItem") <= ROWS - 4 + 1
