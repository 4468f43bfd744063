"""A process that sends three saved drafts with Send selected's undo-send hold in the real Outbox against a
sandbox URL and is then killed (test_hold_kill.py SIGKILLs it): the drafts are written to the server's Drafts
first, then the batch is submitted HELD for 30 s. Prints HELD once the batch is on disk.
Env: OB_URL, OB_PASSWORD, OB_JOURNAL."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.outbox import holds  # noqa: E402
from app.core.accounts.mailclient import MailClient  # noqa: E402
from app.core.outbox import Outbox  # noqa: E402
from app.domain.models import Draft, MessageSummary, Recipient  # noqa: E402
from app.storage.journal import Journal  # noqa: E402
from tests.reliability.workload import ALICE, BOB, TEST_POLICY, make_service  # noqa: E402

SUBJECTS = ("kill: batch 1", "kill: batch 2", "kill: batch 3")


async def main() -> None:
    svc = make_service(os.environ["OB_URL"], {"email": ALICE, "password": os.environ["OB_PASSWORD"]})
    client = MailClient(lambda: svc)
    ob = Outbox(client, Journal(os.environ["OB_JOURNAL"]), policy=TEST_POLICY)
    ob.start()
    items = []
    for i, subject in enumerate(SUBJECTS):
        saved = await client.save_draft(Draft(to=[Recipient(BOB)], subject=subject, body="in the batch",
                                              internet_message_id=f"<kill-batch-{i}@dispatch.test>"))
        items.append(MessageSummary(saved.ref, subject, BOB, None, False,
                                    internet_message_id=saved.internet_message_id))
    await ob.submit_saved(items, hold=holds.undo_hold(30, time.time()))
    print("HELD", flush=True)
    await asyncio.sleep(3600)


if __name__ == "__main__":
    asyncio.run(main())
