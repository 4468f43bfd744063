"""A process that sends one .eml file as it is through the real Outbox against a sandbox URL, prints
QUEUED, and works until killed (test_eml_as_is_kill.py SIGKILLs it while the server holds the committed
reply). Env: OB_URL, OB_PASSWORD, OB_JOURNAL, OB_EML."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.compose.eml_files import open_eml, read_file_as_is  # noqa: E402
from app.core.accounts.mailclient import MailClient  # noqa: E402
from app.core.outbox import Outbox  # noqa: E402
from app.storage.journal import Journal  # noqa: E402
from tests.reliability.workload import ALICE, TEST_POLICY, make_service  # noqa: E402


async def main() -> None:
    svc = make_service(os.environ["OB_URL"], {"email": ALICE, "password": os.environ["OB_PASSWORD"]})
    ob = Outbox(MailClient(lambda: svc), Journal(os.environ["OB_JOURNAL"]), policy=TEST_POLICY)
    raw, parsed = await open_eml(os.environ["OB_EML"], 1 << 22, read=read_file_as_is)
    await ob.submit_mime(raw, parsed.draft)
    print("QUEUED", flush=True)
    await ob.waits.drain()
    print("DONE", flush=True)
    await asyncio.sleep(3600)


asyncio.run(main())
