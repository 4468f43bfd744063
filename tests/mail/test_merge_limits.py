"""A mail merge under Exchange Online's sending limits, against the sandbox with its limits profile over HTTP
(real exchangelib, the real Outbox and journal file): what fits in today's recipients is sent, the rest waits
in the Outbox HELD until the rolling day has room (nothing over a limit reaches the server: no NDR), and a
message with too many recipients is named, not sent (app/core/merge/run.py, app/core/sending/limited.py)."""

from __future__ import annotations

import copy
import datetime as dt

from app.core.merge.run import MergeRun, RowState
from app.core.sending.limits import DAY, ServerLimits
from app.core.outbox.submission import SubState
from app.domain import merge as dm
from app.domain.models import Draft, Recipient
from app.sandbox.sandbox import DEFAULT_USERS
from tests.helpers.mail_services import Services
from app.storage.merges import MergeStore
from tests.mail.outbox_harness import Box

TEMPLATE = Draft(subject="Hello {name}, row {n}", body="Dear {name}")
DAILY = 3  # Exchange Online's limits, its 10,000 a day made 3 for a test of 5 rows


def bob_run(box, tmp_path, rows: int):
    """A run of ``rows`` rows (P1..Pn), each to Bob."""
    table = dm.parse_table(("name,email,n\n" + "".join(f"P{n},bob@example.com,{n}\n"
                                                        for n in range(1, rows + 1))).encode("utf-8"))
    return MergeRun.create(box.ob, MergeStore(tmp_path / "merges"), TEMPLATE, table,
                           dm.recipient_column(table.header), account="acct")


def _sandbox(sandbox_factory, clock_now):
    users = copy.deepcopy(DEFAULT_USERS)
    users[0]["limits"] = {"profile": "exchange-online", "recipient_rate": DAILY}  # alice, on the server too
    return sandbox_factory(users=users, clock=lambda: clock_now)


def _ndrs(sb):
    return [i for i in sb.mailbox("alice@example.com").items("inbox")
            if i["fields"].get("ItemClass") == "REPORT.IPM.Note.NDR"]


def test_a_merge_over_the_day_sends_what_fits_and_keeps_the_rest_held_in_the_outbox(sandbox_factory, tmp_path):
    sb = _sandbox(sandbox_factory, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc))
    box = Box(Services(sb, "ews").make(), tmp_path / "journal.sqlite3")
    try:
        run = bob_run(box, tmp_path, 5)
        run.send_limits = ServerLimits("Exchange Online", recipients_per_day=DAILY, recipients_per_message=500,
                                       messages_per_minute=30)
        plan = run.plan(run.rows)
        assert plan.warning().startswith("2 of these 5 recipients would be refused today by Exchange Online's "
                                         "3-a-day limit.")
        box.run(run.send(), timeout=120)
        assert sb.mailbox("bob@example.com").count("inbox") == DAILY
        assert not _ndrs(sb), "nothing over the limit reached the server"
        states = [r.state for r in run.rows]
        assert states.count(RowState.SENT) == DAILY
        waiting = [r for r in run.rows if r.sub is not None and r.sub.state == SubState.HELD]
        assert [r.number for r in waiting] == [4, 5]  # nothing lost: they wait in the Outbox, in order
        assert {r.sub.hold_kind for r in waiting} == {"later"}
        assert all(r.sub.release_at > run.wall() + DAY - 60 for r in waiting)  # tomorrow, by the rolling day
        entries = {e.local_id: e for e in box.journal.entries()}
        assert {entries[r.sub.local_id].meta["hold"] for r in waiting} == {"later"}  # a restart keeps them
        assert {r.sub.reason for r in waiting} == {"Waiting for Exchange Online's 3-recipients-a-day limit"}
    finally:
        box.close()


def test_a_merge_row_with_too_many_recipients_is_named_and_not_sent(sandbox_factory, tmp_path):
    sb = _sandbox(sandbox_factory, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc))
    box = Box(Services(sb, "ews").make(), tmp_path / "journal.sqlite3")
    try:
        template = Draft(subject="Hello {name}", body="Dear {name}", cc=[Recipient("carol@example.com")])
        table = dm.parse_table(b"name,email\nP1,bob@example.com\nP2,bob@example.com\n")
        run = MergeRun.create(box.ob, MergeStore(tmp_path / "merges"), template, table,
                              dm.recipient_column(table.header), account="acct")
        run.send_limits = ServerLimits("Exchange Online", recipients_per_day=10_000, recipients_per_message=1,
                                       messages_per_minute=30)  # 500 made 1: each row has Bob and Carol
        box.run(run.send(), timeout=120)
        assert sb.mailbox("bob@example.com").count("inbox") == 0 and not _ndrs(sb)
        assert [r.not_sent for r in run.rows] == ["Not sent: more than 1 recipients, which Exchange Online refuses"] * 2
    finally:
        box.close()
