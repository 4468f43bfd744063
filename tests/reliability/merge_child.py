"""A process that runs a mail merge (app/core/merge/run.py) with the real Outbox against a sandbox URL, prints
``MERGE <id>``, and works until killed (test_merge_kill.py SIGKILLs it while drafts are being created or while
the send is on the wire). Env: MG_URL, MG_PASSWORD, MG_JOURNAL, MG_STORE, MG_ROWS."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.accounts.mailclient import MailClient  # noqa: E402
from app.core.merge.run import MergeRun  # noqa: E402
from app.core.outbox import Outbox  # noqa: E402
from app.domain import merge as dm  # noqa: E402
from app.storage.journal import Journal  # noqa: E402
from app.storage.merges import MergeStore  # noqa: E402
from tests.reliability.workload import ALICE, TEST_POLICY, make_service  # noqa: E402

TEMPLATE_SUBJECT, TEMPLATE_BODY = "merge {n}", "Hello {n}"


def table(rows: int) -> str:
    return "n,email\n" + "".join(f"{n},{'bob@@example.com' if n % 10 == 7 else 'bob@example.com'}\n"
                                 for n in range(1, rows + 1))


async def main() -> None:
    from app.domain.models import Draft

    svc = make_service(os.environ["MG_URL"], {"email": ALICE, "password": os.environ["MG_PASSWORD"]})
    ob = Outbox(MailClient(lambda: svc), Journal(os.environ["MG_JOURNAL"]), policy=TEST_POLICY)
    t = dm.parse_table(table(int(os.environ["MG_ROWS"])))
    run = MergeRun.create(ob, MergeStore(os.environ["MG_STORE"]), Draft(subject=TEMPLATE_SUBJECT, body=TEMPLATE_BODY),
                          t, dm.recipient_column(t.header))
    print("MERGE", run.merge_id, flush=True)
    await run.send()
    print("DONE", flush=True)
    await asyncio.sleep(3600)


if __name__ == "__main__":
    asyncio.run(main())
