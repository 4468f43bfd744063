"""A process that submits held sends in the real Outbox against a sandbox URL and is then killed
(test_hold_kill.py SIGKILLs it): one send in its undo window (30 s) and one held for later (a sending limit's wait) a few seconds
ahead. Prints HELD once both are on disk. Env: OB_URL, OB_PASSWORD, OB_JOURNAL, OB_LATER_AT (epoch s)."""

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
from app.domain.models import Attachment, BodyFormat, Draft, Recipient  # noqa: E402
from app.storage.journal import Journal  # noqa: E402
from tests.reliability.workload import ALICE, BOB, TEST_POLICY, make_service  # noqa: E402


async def main() -> None:
    svc = make_service(os.environ["OB_URL"], {"email": ALICE, "password": os.environ["OB_PASSWORD"]})
    ob = Outbox(MailClient(lambda: svc), Journal(os.environ["OB_JOURNAL"]), policy=TEST_POLICY)
    ob.start()
    undo = Draft(to=[Recipient(BOB, "Bob")], subject="kill: in the undo window", body="<p>not <b>yet</b></p>",
                 body_format=BodyFormat.HTML, internet_message_id="<kill-undo@dispatch.test>",
                 attachments=[Attachment(name="a.txt", content=b"bytes", content_type="text/plain")])
    # a later hold kept on this computer: a sending limit's wait (the user's own Send later goes to the server)
    later = Draft(to=[Recipient(BOB)], subject="kill: held for a limit", body="at its time",
                  internet_message_id="<kill-later@dispatch.test>")
    await ob.submit(undo, hold=holds.undo_hold(30, time.time()))
    await ob.submit(later, hold=holds.Hold(holds.LATER, float(os.environ["OB_LATER_AT"]), "Waiting for the limit"))
    print("HELD", flush=True)
    await asyncio.sleep(3600)


asyncio.run(main())
