"""kill -9 of a process sending an .eml file as it is (issue 49), at the worst moment: the server has SENT
it (EWS CreateItem with MimeContent committed) and holds its reply. A fresh Outbox restores the journal
(``submitting`` resumes ``unknown``), finds the file's Message-ID in Sent Items, and never sends it again:
one copy in Bob's Inbox, one in Sent Items, one CreateItem on the wire, nothing left in the journal. (EWS:
the sandbox in this process; the Graph send's lost answer is settled the same way in
tests/mail/test_send_eml_as_is.py.)"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.accounts.mailclient import MailClient
from app.core.outbox import Outbox
from app.core.outbox.submission import SubState
from app.storage.journal import Journal
from tests.reliability.workload import ALICE, BOB, TEST_POLICY, make_service, user

HERE = Path(__file__).resolve().parent
MID = "<killed-as-is-1@outlook.example>"
EML = (f"Message-ID: {MID}\r\nFrom: {ALICE}\r\nTo: {BOB}\r\nSubject: killed mid-send\r\n"
       "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsent once, whatever happens\r\n").encode()


@pytest.mark.timeout(120)
def test_killed_while_the_server_holds_the_committed_reply_sends_once(sandbox, tmp_path):
    alice = user(sandbox, ALICE)
    path, journal_path = tmp_path / "file.eml", tmp_path / "journal.sqlite3"
    path.write_bytes(EML)
    sandbox.faults.inject("CreateItem", "hold_after_commit", seconds=60, then="drop")
    env = dict(os.environ, OB_URL=sandbox.ews_url, OB_PASSWORD=alice["password"], OB_JOURNAL=str(journal_path),
               OB_EML=str(path))
    proc = subprocess.Popen([sys.executable, str(HERE / "eml_as_is_child.py")], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"QUEUED", proc.stderr.read()[-2000:]
        t0 = time.monotonic()  # the server committed the send and holds its reply: the child waits for it
        while ("CreateItem", "hold_after_commit") not in sandbox.faults.fired and time.monotonic() - t0 < 30:
            time.sleep(0.01)
        assert ("CreateItem", "hold_after_commit") in sandbox.faults.fired
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    (entry,) = Journal(journal_path).entries()
    assert entry.state == SubState.SUBMITTING.value and entry.draft.attachments[0].content == EML
    sandbox.faults.release_held()
    assert sandbox.wait_handlers(30), sandbox.active_handlers

    journal = Journal(journal_path)

    async def restart():
        svc = make_service(sandbox.ews_url, alice)
        client = MailClient(lambda: svc)
        ob = Outbox(client, journal, policy=TEST_POLICY)
        report = ob.restore()
        (sub,) = ob.queue.submissions()
        await ob.waits.drain(60)
        await ob.stop()
        client.close()
        return report, sub

    loop = asyncio.new_event_loop()
    try:
        report, sub = loop.run_until_complete(restart())
    finally:
        loop.close()
    assert [(was, now) for _lid, was, now in report] == [("submitting", "unknown")]
    assert sub.state == SubState.SENT and sub.reason.startswith("Sent (confirmed in Sent Items)"), sub.reason
    assert sandbox.request_log.count("CreateItem") == 1, "never sent again"
    inbox = [i for i in sandbox.mailbox(BOB).items("inbox") if i["internet_message_id"] == MID]
    sent = [i for i in sandbox.mailbox(ALICE).items("sentitems") if i["internet_message_id"] == MID]
    assert len(inbox) == 1 and len(sent) == 1 and journal.count() == 0
