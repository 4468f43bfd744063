"""A process that queues N sends (and N saves) in the real Outbox against a sandbox URL, prints QUEUED,
and works until killed (test_outbox_crash.py SIGKILLs it mid-batch). Env: OB_URL, OB_PASSWORD,
OB_JOURNAL, OB_TAG, OB_N."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.accounts.mailclient import MailClient  # noqa: E402
from app.core.outbox import Outbox  # noqa: E402
from app.domain.models import Draft, Recipient  # noqa: E402
from app.storage.journal import Journal  # noqa: E402
from tests.reliability.workload import ALICE, BOB, TEST_POLICY, make_service  # noqa: E402


async def main() -> None:
    svc = make_service(os.environ["OB_URL"], {"email": ALICE, "password": os.environ["OB_PASSWORD"]})
    ob = Outbox(MailClient(lambda: svc), Journal(os.environ["OB_JOURNAL"]), policy=TEST_POLICY, batch_size=5)
    tag, n = os.environ["OB_TAG"], int(os.environ["OB_N"])
    for i in range(n):
        await ob.submit(Draft(to=[Recipient(BOB)], subject=f"crash {tag} send {i}", body=f"body {i}"))
        await ob.save(Draft(to=[Recipient(BOB)], subject=f"crash {tag} save {i}", body=f"draft {i}"), wait=False)
    print("QUEUED", flush=True)
    await ob.waits.drain()
    print("DONE", flush=True)
    await asyncio.sleep(3600)


asyncio.run(main())
