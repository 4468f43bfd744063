"""Mail merge against the sandbox over HTTP (real exchangelib, the real Outbox and journal file): 200 rows with
5 bad ones → ONE SendItem, 195 delivered, the 5 with their errors; fixed and resent → only those 5, nothing
twice; a run that stopped half way creates nothing twice (app/core/merge/run.py)."""

from __future__ import annotations

from collections import Counter

from app.core.merge.run import MergeRun, RowState
from app.core.outbox.saves import SaveStatus
from app.core.outbox.submission import SubState
from app.domain import merge as dm
from app.domain.models import Draft, Folder
from app.storage.merges import MergeStore
from tests.helpers.backends import ALICE, settle
from tests.helpers.mail_services import Services
from tests.mail.outbox_harness import Box

PEOPLE = ("bob@example.com", "carol@example.com", "dave@example.com")
INVALID = {17: "bob@@example.com", 88: "carol.example.com"}  # refused before anything is created
OVERSIZED = (5, 120, 199)  # refused by the server only: over its 64 KB limit (the client knows 10 MB)
TEMPLATE = Draft(subject="Hello {name}, row {n}", body="Dear {name},\n\n{note}\n{note}\n-- {{not a placeholder}}")


def table_text(rows: int = 200, invalid=INVALID, oversized=OVERSIZED) -> str:
    lines = ["n,name,email,note"]
    for n in range(1, rows + 1):
        email = invalid.get(n, PEOPLE[n % 3])
        note = "x" * 60_000 if n in oversized else f"note {n}, with a comma and {{email}} as data"
        lines.append(f'{n},Person {n},{email},"{note}"')
    return "\r\n".join(lines) + "\r\n"


def sent_mids(sb) -> Counter:
    return Counter(i["internet_message_id"] for i in sb.mailbox(ALICE).items(Folder.SENT.value))


def inbox_subjects(sb) -> Counter:
    return Counter(i["subject"] for p in PEOPLE for i in sb.mailbox(p).items("inbox"))


def new_run(box, tmp_path, text):
    table = dm.parse_table(text.encode("utf-8"))
    col = dm.recipient_column(table.header)
    return MergeRun.create(box.ob, MergeStore(tmp_path / "merges"), TEMPLATE, table, col, account="acct")


def bob_run(box, tmp_path, rows: int):
    """A run of ``rows`` rows (P1..Pn), each to Bob."""
    return new_run(box, tmp_path, "name,email,note,n\n" + "".join(f"P{n},bob@example.com,x,{n}\n"
                                                                 for n in range(1, rows + 1)))


def test_200_rows_five_bad_one_senditem_then_resend_only_the_fixed(small_sandbox, tmp_path):
    sb = small_sandbox
    services = Services(sb, "ews")
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    try:
        run = new_run(box, tmp_path, table_text())
        assert [r.number for r in run.rows if r.state == RowState.INVALID] == sorted(INVALID)
        assert "not a valid e-mail address" in run.row(17).error and "(no @)" in run.row(88).error
        before = len(sb.request_log)
        box.run(run.send(), timeout=180)
        log = sb.request_log[before:]
        assert log.count("SendItem") == 1, "195 drafts in ONE SendItem"
        assert log.count("CreateItem") == 198 and "UpdateItem" not in log  # the invalid ones: nothing created
        states = Counter(r.state for r in run.rows)
        assert states == {RowState.SENT: 195, RowState.FAILED: 3, RowState.INVALID: 2}
        for n in OVERSIZED:
            assert run.outcome(run.row(n)) == "Too large to send (ErrorMessageSizeExceeded)"
        mids = sent_mids(sb)
        assert len(mids) == 195 and set(mids.values()) == {1}
        assert set(mids) == {dm.row_message_id(run.merge_id, r.number) for r in run.rows if r.state == RowState.SENT}
        got = inbox_subjects(sb)
        assert sum(got.values()) == 195 and set(got.values()) == {1}
        assert got["Hello Person 1, row 1"] == 1 and not any(f"Hello Person {n}, row {n}" in got for n in OVERSIZED)
        first = next(i for i in sb.mailbox(PEOPLE[1]).items("inbox") if i["subject"] == "Hello Person 1, row 1")
        text = first["fields"]["Body"]["text"]
        assert text.startswith("Dear Person 1,") and "note 1, with a comma and {email} as data" in text  # data
        assert text.endswith("-- {not a placeholder}")
        # the user fixes the five rows; Resend takes only them
        run.edit(17, 2, "bob@example.com")
        run.edit(88, 2, "carol@example.com")
        for n in OVERSIZED:
            run.edit(n, 3, "short now")
        assert sorted(r.number for r in run.to_send()) == sorted([*INVALID, *OVERSIZED])
        before = len(sb.request_log)
        box.run(run.send(), timeout=120)
        log = sb.request_log[before:]
        assert log.count("SendItem") == 1
        assert log.count("CreateItem") == 2, "only the two rows that had no draft are created"
        assert all(r.state == RowState.SENT for r in run.rows)
        mids = sent_mids(sb)
        assert len(mids) == 200 and set(mids.values()) == {1}, "nothing sent twice"
        got = inbox_subjects(sb)
        assert sum(got.values()) == 200 and set(got.values()) == {1}
        assert not sb.mailbox(ALICE).items(Folder.DRAFTS.value), "no draft left behind"
        # a restart shows the same rows and sends nothing again
        box2 = Box(services.make(), tmp_path / "journal.sqlite3")
        try:
            again = MergeRun.load(box2.ob, MergeStore(tmp_path / "merges"), run.merge_id)
            assert [(r.number, r.state, r.values) for r in again.rows] == [(r.number, r.state, r.values) for r in run.rows]
            before = len(sb.request_log)
            box2.run(again.resume())
            box2.run(again.send())
            assert sb.request_log[before:] == [] and again.to_send() == []
        finally:
            box2.close()
    finally:
        box.close()
        services.close()


def test_a_run_that_stopped_half_way_creates_and_sends_nothing_twice(sandbox, services, tmp_path):
    """The app died after 10 of 30 drafts were created (and before the send): no submission of any row
    existed, so nothing of them can have gone out: the restarted run shows them ready (issue 47: a row being
    created keeps no state of its own), resuming asks the server nothing, and Resend's one look-up finds the
    10 drafts by Message-ID, creates only the 20 others, and sends each row once."""
    sb = sandbox
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    try:
        run = bob_run(box, tmp_path, 30)
        box.run(run.persist())  # what the dead process did: wrote the run down, then created 10 drafts
        for row in run.rows[:10]:
            box.save(run.message(row).draft)
    finally:
        box.close()
    assert len(sb.mailbox(ALICE).items(Folder.DRAFTS.value)) == 10
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    try:
        run = MergeRun.load(box.ob, MergeStore(tmp_path / "merges"), run.merge_id)
        before = len(sb.request_log)
        box.run(run.resume())
        assert sb.request_log[before:] == [], "no submission to settle: resume asks the server nothing"
        assert all(r.state == RowState.READY for r in run.rows) and len(run.to_send()) == 30
        before = len(sb.request_log)
        box.run(run.send(), timeout=120)
        log = sb.request_log[before:]
        assert log.count("CreateItem") == 20 and log.count("SendItem") == 1
        assert all(r.state == RowState.SENT for r in run.rows)
        mids = sent_mids(sb)
        assert len(mids) == 30 and set(mids.values()) == {1}
        assert not sb.mailbox(ALICE).items(Folder.DRAFTS.value)
    finally:
        box.close()


def test_graph_60_rows_five_bad_sends_in_batches_of_20_and_resends_only_the_fixed(sandbox_factory, tmp_path):
    """The same on Microsoft Graph: its $batch holds 20 requests, so 55 sends go in 3 (the backend chunks);
    nothing else differs."""
    sb = sandbox_factory(max_send_bytes=64 * 1024, graph=True)
    services = Services(sb, "graph")
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    invalid, oversized = {17: "bob@@example.com", 33: "carol.example.com"}, (5, 40, 59)
    try:
        run = new_run(box, tmp_path, table_text(60, invalid, oversized))
        before = len(sb.request_log)
        box.run(run.send(), timeout=180)
        log = sb.request_log[before:]
        assert log.count("graph:SendMessage") == 58 and log.count("graph:CreateMessage") == 58
        assert log.count("graph:Batch") == 1 + 3, "one look-up, then 58 sends in 3 $batch requests of <= 20"
        assert Counter(r.state for r in run.rows) == {RowState.SENT: 55, RowState.FAILED: 3, RowState.INVALID: 2}
        assert all(run.outcome(run.row(n)) == "Too large to send (ErrorMessageSizeExceeded)" for n in oversized)
        for n in invalid:
            run.edit(n, 2, "dave@example.com")
        for n in oversized:
            run.edit(n, 3, "short now")
        before = len(sb.request_log)
        box.run(run.send(), timeout=120)
        log = sb.request_log[before:]
        assert log.count("graph:SendMessage") == 5 and log.count("graph:CreateMessage") == 2
        assert all(r.state == RowState.SENT for r in run.rows)
        settle(sb)
        mids = sent_mids(sb)
        assert len(mids) == 60 and set(mids.values()) == {1}, "nothing sent twice"
    finally:
        box.close()
        services.close()


def test_a_busy_server_holds_the_rows_in_the_outbox_then_sends_each_once(sandbox, services, tmp_path):
    """SendItem answered ErrorServerBusy: the rows wait in the Outbox (their outcome says so) and go out by
    themselves, once; the other rows can be fixed meanwhile."""
    sb = sandbox
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    try:
        run = new_run(box, tmp_path, "name,email,note,n\n" + "".join(
            f"P{n},{'bob@@example.com' if n == 3 else 'bob@example.com'},x,{n}\n" for n in range(1, 11)))
        sb.faults.inject("SendItem", "server_busy", count=1, backoff_ms=300)
        task = box.loop.create_task(run.send())
        box.until(lambda: not run.running and run.row(1).state == RowState.SENDING and run.row(1).sub.reason)
        assert run.outcome(run.row(1)).startswith("Waiting in the Outbox: The server is busy")
        run.edit(3, 1, "carol@example.com")  # fixed while the others wait
        box.run(task)
        assert Counter(r.state for r in run.rows) == {RowState.SENT: 9, RowState.READY: 1}
        box.run(run.send())
        assert all(r.state == RowState.SENT for r in run.rows)
        mids = sent_mids(sb)
        assert len(mids) == 10 and set(mids.values()) == {1}
        assert sb.request_log.count("SendItem") == 3  # busy, the retry, the fixed row
    finally:
        box.close()


def test_the_rows_are_built_and_checked_off_the_loops_thread(small_sandbox, tmp_path, monkeypatch):
    """Issue 16: building and checking a row's message (placeholders filled in, the draft validated) costs
    ~35 µs; the 5,000-row maximum held the UI thread ~170 ms at Create and send and twice that again in
    send(). ``MergeRun.prepare`` builds every row on the merge's worker thread and ``send`` takes what it
    built; a run loaded from its record (after a restart) builds its rows there too. Each build's thread is
    recorded through real sends to the sandbox."""
    import threading

    sb = small_sandbox
    box = Box(Services(sb, "ews").make(), tmp_path / "journal.sqlite3")
    store = MergeStore(tmp_path / "merges")
    built_on: list[str] = []
    build = dm.build_message

    def recording(*a, **k):
        built_on.append(threading.current_thread().name)
        return build(*a, **k)

    monkeypatch.setattr(dm, "build_message", recording)
    loop_thread = threading.current_thread().name  # the Box drives its loop on this thread

    def prepared(rows: int, invalid: dict) -> MergeRun:
        table = dm.parse_table(table_text(rows, invalid=invalid, oversized=()).encode("utf-8"))
        return box.run(MergeRun.prepare(box.ob, store, TEMPLATE, table, dm.recipient_column(table.header),
                                        account="acct"))

    try:
        run = prepared(40, {7: "x@@y", 9: "nobody"})
        assert [r.number for r in run.rows if r.state == RowState.INVALID] == [7, 9]
        assert len(built_on) == 40 and loop_thread not in built_on
        box.run(run.send(), timeout=120)
        assert Counter(r.state for r in run.rows) == {RowState.SENT: 38, RowState.INVALID: 2}
        assert len(built_on) == 40, "send() takes what prepare() built: no row is built twice"
        assert all(r.built is None for r in run.rows if r.state == RowState.SENT), "let go once taken"
        # after a restart: the record has no built messages; send() builds the rows it takes, off the loop
        other = prepared(12, {3: "x@@y"})
        box.run(other.persist())
        loaded = MergeRun.load(box.ob, store, other.merge_id)
        built_on.clear()
        box.run(loaded.send(), timeout=120)
        assert Counter(r.state for r in loaded.rows) == {RowState.SENT: 11, RowState.INVALID: 1}
        assert len(built_on) == 11 and loop_thread not in built_on, Counter(built_on)
        assert sb.request_log.count("SendItem") == 2
    finally:
        box.close()


def test_the_record_is_of_the_instant_it_is_asked_for_and_made_off_the_loops_thread(small_sandbox, tmp_path,
                                                                                   monkeypatch):
    """Issue 16: ``persist`` built every row's dict on the loop's thread (17–60 ms for 5,000 rows at each of a
    merge's four writes, and 5,000 dicts at once pushed the cyclic GC into full collections). The loop now
    takes one tuple per row and the merge's thread makes the record (``app.core.merge.record``). Proven: each
    row's record is made off the loop's thread, through real sends to the sandbox; and what is written is the
    run as it was when ``persist`` was called, not as it is when the worker gets to it (a row changed, and a
    cell edited, after the call but before the write, are not in it)."""
    import asyncio
    import json
    import threading

    from app.core.merge import record as merge_record

    sb = small_sandbox
    box = Box(Services(sb, "ews").make(), tmp_path / "journal.sqlite3")
    store = MergeStore(tmp_path / "merges")
    made_on: list[str] = []
    row_record = merge_record.row_record

    def recording(row):
        made_on.append(threading.current_thread().name)
        return row_record(row)

    monkeypatch.setattr(merge_record, "row_record", recording)
    loop_thread = threading.current_thread().name  # the Box drives its loop on this thread
    try:
        run = new_run(box, tmp_path, table_text(30, invalid={4: "x@@y"}, oversized=()))
        box.run(run.send(), timeout=120)
        assert Counter(r.state for r in run.rows) == {RowState.SENT: 29, RowState.INVALID: 1}
        assert made_on and loop_thread not in made_on, Counter(made_on)
        assert len(made_on) % 30 == 0, "every row in every record"

        # the instant: the worker is held until the loop has changed the run after asking for the record
        gate = threading.Event()
        save = store.save

        def held_save(merge_id, data):
            assert gate.wait(10)
            save(merge_id, data)

        monkeypatch.setattr(store, "save", held_save)

        async def persist_then_change():
            task = asyncio.ensure_future(run.persist())
            await asyncio.sleep(0)  # persist() has taken its snapshot and handed it to the worker
            run.row(1).not_sent = "changed after the call"
            run.edit(4, 2, "fixed@example.com")  # the invalid row's e-mail cell
            gate.set()
            await task

        box.run(persist_then_change())
        rows = {r["n"]: r for r in json.loads(store._path(run.merge_id).read_text(encoding="utf-8"))["rows"]}
        assert rows[1]["end"][0] == "sent" and rows[1]["not_sent"] == ""
        assert rows[4]["invalid"] and rows[4]["values"][2] == "x@@y" and not rows[4]["fixed"]
        box.run(run.persist())
        rows = {r["n"]: r for r in json.loads(store._path(run.merge_id).read_text(encoding="utf-8"))["rows"]}
        assert rows[1]["not_sent"] == "changed after the call"
        assert not rows[4]["invalid"] and rows[4]["values"][2] == "fixed@example.com" and rows[4]["fixed"]
        assert run.to_dict()["rows"][3] == rows[4], "to_dict() is the record as persist writes it"
    finally:
        box.close()


def test_while_the_sends_go_out_the_run_holds_no_task_per_row(sandbox, services, tmp_path, monkeypatch):
    """Issue 16: with 5,000 rows every object the run keeps lengthens each of the cyclic GC's full
    collections, which stop the UI thread (30-70 ms were seen). A row is followed by a callback, not a task
    (a task, its coroutines, futures and context: ~12 objects a row) (checked while the rows wait in the
    Outbox: the sandbox answered SendItem "busy"), and what a row keeps is not scanned by the collector.
    Then the rows go out, once each. (Issue 47: the run no longer sets its locals to None for the
    collector nor holds its full collections off, so what it holds mid-send is not pinned here.)"""
    import asyncio
    import gc

    import app.core.merge.run as merge_module

    from tests.helpers.clocks import ManualClock

    monkeypatch.setattr(merge_module, "FOLLOW_BATCH", 7)  # the followers are registered over 9 turns
    sb = sandbox
    # the Outbox's clock moved by hand: the rows wait out the "busy" back-off until the checks below are done (on
    # a loaded machine the real 1.5 s ran out before them, and a row's history had its next try in it)
    box = Box(services.make(), tmp_path / "journal.sqlite3", clock=ManualClock())
    try:
        run = bob_run(box, tmp_path, 60)
        # the first draft's reply is held until the check below is done (deterministic: no race with a delay)
        sb.faults.inject("CreateItem", "hold_after_commit", count=1, seconds=60, then="answer")
        sb.faults.inject("SendItem", "server_busy", count=1, backoff_ms=1500)
        task = box.loop.create_task(run.send())
        box.until(lambda: len(box.ob.queue.saves) == 60 and sb.faults.fired == [("CreateItem", "hold_after_commit")])
        assert all(r.state == RowState.SAVING for r in run.rows)
        sb.faults.release_held()
        box.until(lambda: not run.running and all(r.state == RowState.SENDING for r in run.rows)
                  and run.row(60).sub.reason)
        assert sb.faults.fired == [("CreateItem", "hold_after_commit"), ("SendItem", "server_busy")]
        tasks = asyncio.all_tasks(box.loop)
        assert len(tasks) < 10, f"{len(tasks)} tasks while 60 rows wait"
        # nor does a row, its submission or the submission's stand-in draft keep a container the GC scans at
        # each full collection: a row's values are a tuple of str, a submission's moves one string, the
        # stand-in's recipients and attachments empty tuples (they were a list of values, a list of (state,
        # event, state) tuples and four empty lists: ~45,000 lists and tuples for 5,000 rows)
        gc.collect()
        assert not any(gc.is_tracked(r.values) for r in run.rows)
        kept = Counter(k for r in run.rows for k, v in [*vars(r.sub).items(), *vars(r.sub.draft).items()]
                       if isinstance(v, (list, tuple, dict, set)) and gc.is_tracked(v))
        assert not kept, kept
        assert all([e.value for _a, e, _b in r.sub.history] == ["start", "saved", "retry"] for r in run.rows)
        box.clock.advance(2.0)  # past the back-off: the rows go out
        box.run(task, timeout=120)
        assert all(r.state == RowState.SENT for r in run.rows)
        # what lives on after the send is what the next full collection scans: no saved identity of a sent
        # row is kept by the Outbox, and the backend remembers each draft's attachment ids in a tuple of str
        # (it was a set per draft: 5,000 objects scanned at every full collection after a big merge)
        assert not [r.number for r in run.rows if dm.row_local_id(run.merge_id, r.number) in box.ob.queue.known]
        gc.collect()
        remembered = list(box.svc._server_attachments.values())
        assert len(remembered) >= 60 and not any(gc.is_tracked(ids) for ids in remembered)
        mids = sent_mids(sb)
        assert len(mids) == 60 and set(mids.values()) == {1}
    finally:
        box.close()


def test_a_row_deleted_from_the_outbox_is_said_not_sent_and_the_run_ends(sandbox, services, tmp_path):
    """The user deletes one of a merge's messages while it waits in the Outbox (the server was busy): its row
    says it was deleted and not sent (Resend sends it), the others go out once each, and the run ends
    instead of waiting for a send that no longer exists."""
    sb = sandbox
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    try:
        run = bob_run(box, tmp_path, 5)
        sb.faults.inject("SendItem", "server_busy", count=1, backoff_ms=4000)
        task = box.loop.create_task(run.send())

        def deletable() -> bool:  # back in the queue, waiting for its retry (what the Outbox lets be deleted)
            sub = run.row(3).sub
            return (not run.running and run.row(3).state == RowState.SENDING and sub.reason
                    and sub.state == SubState.QUEUED and sub.local_id not in box.ob.queue.working)

        box.until(deletable)

        async def delete(local_id):  # Delete in the Outbox view
            return await box.ob.hand.delete(local_id)

        assert box.run(delete(run.row(3).sub_id)) is True
        box.run(task, timeout=60)
        assert run.row(3).state == RowState.FAILED and run.row(3).retry
        assert run.outcome(run.row(3)) == "Deleted from the Outbox: not sent"
        assert Counter(r.state for r in run.rows) == {RowState.SENT: 4, RowState.FAILED: 1}
        mids = sent_mids(sb)
        assert len(mids) == 4 and dm.row_message_id(run.merge_id, 3) not in mids
        box.run(run.send(), timeout=60)  # Resend: its draft is still in Drafts; sent from there, once
        assert all(r.state == RowState.SENT for r in run.rows)
        mids = sent_mids(sb)
        assert len(mids) == 5 and set(mids.values()) == {1}
    finally:
        box.close()


def test_a_row_whose_save_is_deleted_from_the_outbox_says_its_draft_was_not_created(sandbox, services, tmp_path):
    """The user deletes a merge's save while it waits in the Outbox behind another (whose reply the server
    holds): its row says its draft was not created (it said "the server did not answer"). Resend creates
    and sends it, once."""
    sb = sandbox
    box = Box(services.make(), tmp_path / "journal.sqlite3")
    try:
        run = bob_run(box, tmp_path, 3)
        sb.faults.inject("CreateItem", "hold_after_commit", count=1, seconds=60, then="answer")
        task = box.loop.create_task(run.send())
        box.until(lambda: sb.faults.holding() == 1 and len(box.ob.queue.saves) == 3)
        lid = next(lid for lid, job in box.ob.queue.saves.items() if job.draft.subject == "Hello P3, row 3")
        assert box.ob.queue.save_job(lid).status == SaveStatus.WAITING

        async def delete(local_id):  # Delete in the Outbox view
            return await box.ob.hand.delete(local_id)

        assert box.run(delete(lid)) is True
        sb.faults.release_held()
        box.run(task, timeout=60)
        assert run.row(3).state == RowState.FAILED and run.row(3).retry
        assert run.outcome(run.row(3)) == "Deleted from the Outbox: its draft was not created"
        assert Counter(r.state for r in run.rows) == {RowState.SENT: 2, RowState.FAILED: 1}
        box.run(run.send(), timeout=60)  # Resend
        assert all(r.state == RowState.SENT for r in run.rows)
        mids = sent_mids(sb)
        assert len(mids) == 3 and set(mids.values()) == {1}
    finally:
        box.close()
