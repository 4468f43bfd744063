"""A merge row shows what its submission says, never what the merge's own record last said (issue 47, item 2).

The Outbox moves a row's submission on its own (the user takes it back or sends it again from the Outbox,
the worker sends it) while the merge's record on disk says something else (written earlier, or by an
older version that stored a row state). After a reload the row shows its submission's state; and what
the merge writes down next is the submission's end, so a later reload (the sent one has left the journal)
still shows it. The real Outbox, journal file and merge store; the in-memory mailbox of the core tests.
"""

from __future__ import annotations

import asyncio

from app.core.merge.run import TAKEN_BACK, MergeRun, RowState
from app.core.outbox import Outbox
from app.domain import merge as dm
from app.domain.models import Draft, ErrorKind
from app.mail.errors import ItemFailed
from app.storage.journal import Journal
from app.storage.merges import MergeStore
from tests.helpers.submission import FAST, Mailbox, run_coro

REFUSED = "No valid recipients (ErrorInvalidRecipients)"  # the Outbox's words for the server's refusal
TABLE = "name,email\nA,a@example.com\nB,b@example.com\nC,c@example.com\n"


def _outbox(box: Mailbox, path) -> Outbox:
    ob = Outbox(box, Journal(path), account="a", policy=FAST)
    ob.restore()
    return ob


def _view(run: MergeRun) -> list[tuple[RowState, str, bool]]:
    return [(r.state, r.error, r.retry) for r in run.rows]


def _all_refused(box: Mailbox, path, store: MergeStore) -> tuple[str, list[str]]:
    """A 3-row merge whose one send the server refused: each row's submission FAILED, kept in the journal."""
    box.script["send"] = [ItemFailed("ErrorInvalidRecipients", "The address is not valid", kind=ErrorKind.INVALID_INPUT)]

    async def main():
        ob = _outbox(box, path)
        table = dm.parse_table(TABLE.encode())
        run = MergeRun.create(ob, store, Draft(subject="Hi {name}", body="x"), table,
                              dm.recipient_column(table.header))
        await run.send()
        await ob.stop()
        ob.close()
        return run

    run = run_coro(main())
    assert _view(run) == [(RowState.FAILED, REFUSED, False)] * 3
    return run.merge_id, [r.sub_id for r in run.rows]


def _record_says_otherwise(store: MergeStore, merge_id: str) -> None:
    """The merge's record as an older version wrote it, each row's stored state not its submission's."""
    data = store.load(merge_id)
    said = [("sent", "Sent"), ("sending", ""), ("ready", "")]
    data["rows"] = [{"n": r["n"], "line": r["line"], "values": r["values"], "state": state, "error": error,
                     "ref": r["ref"], "sub": r["sub"], "retry": False, "fixed": False}
                    for r, (state, error) in zip(data["rows"], said)]
    store.save(merge_id, data)


def test_after_a_reload_each_row_shows_its_submissions_state_not_the_records(tmp_path):
    path, store, box = tmp_path / "j.sqlite3", MergeStore(tmp_path / "merges"), Mailbox()
    merge_id, subs = _all_refused(box, path, store)
    _record_says_otherwise(store, merge_id)

    async def reloaded():
        ob = _outbox(box, path)
        run = MergeRun.load(ob, store, merge_id)
        loaded = _view(run)
        await ob.hand.cancel(subs[1])  # the user takes row 2's send back in the Outbox
        await asyncio.wrap_future(ob.hand.resubmit(subs[2]))  # and sends row 3's again there (the run follows neither)
        await ob.waits.drain(10)
        moved = _view(run)
        await run.persist()
        await ob.stop()
        ob.close()
        return loaded, moved

    loaded, moved = run_coro(reloaded())
    # the record said sent / sending / ready: each row's submission says refused
    assert loaded == [(RowState.FAILED, REFUSED, False)] * 3
    # moved by the Outbox, not by the run: each row follows
    assert moved == [(RowState.FAILED, REFUSED, False), (RowState.FAILED, TAKEN_BACK, True),
                     (RowState.SENT, "Sent", False)]
    assert len(box.sent) == 1

    async def again():  # row 3's sent submission has left the journal, row 2's taken-back one too
        ob = _outbox(box, path)
        run = MergeRun.load(ob, store, merge_id)
        calls = len(box.calls)
        await run.resume()
        await ob.stop()
        ob.close()
        return _view(run), [r.number for r in run.to_send()], box.calls[calls:]

    view, to_send, asked = run_coro(again())
    assert view == moved and to_send == [2]
    assert asked == [], "every row's submission is the Outbox's or its end is known: nothing looked up"


def _doctor(store: MergeStore, merge_id: str, **rows) -> None:
    """The merge's record as a process that died a moment earlier left it: ``rows`` maps "r<n>" to the
    fields of row n to write (its submission's local id not written down yet, its end not heard yet)."""
    data = store.load(merge_id)
    for r in data["rows"]:
        r.update(rows.get(f"r{r['n']}", {}))
    store.save(merge_id, data)


def test_after_a_crash_rows_meet_their_submissions_and_only_those_the_outbox_let_go_are_looked_up(tmp_path):
    """Died while the Outbox held the rows' send (the server unreachable), two of the rows' local ids not yet
    written down: after the restart every row follows its submission (found by local id, or by Message-ID),
    which the Outbox sends, and nothing is looked up. Died again before the run heard how they ended (the
    sent ones have left the journal): only the rows whose submission it knew are looked up, once, at resume;
    the row it never knew one of is READY and Resend's own look-up finds it sent. Each message sent once."""
    from app.core.merge.run import ALREADY_SENT
    from app.core.outbox.policy import RetryPolicy
    from app.mail.errors import ConnectionFailed

    path, store, box = tmp_path / "j.sqlite3", MergeStore(tmp_path / "merges"), Mailbox()
    box.script["send"] = [ConnectionFailed()]

    async def unreachable():
        ob = Outbox(box, Journal(path), account="a", policy=RetryPolicy(base=30.0, jitter=0.0))
        table = dm.parse_table(TABLE.encode())
        run = MergeRun.create(ob, store, Draft(subject="Hi {name}", body="x"), table,
                              dm.recipient_column(table.header))
        task = asyncio.ensure_future(run.send())
        while run.running or not all(r.sub_id for r in run.rows):
            await asyncio.sleep(0.01)
        for row in run.rows:  # each waits for its retry in 30 s
            await ob.wait(row.sub_id, final=False, timeout=5)
        task.cancel()  # the process dies: its last record written first (send()'s own finally)
        await asyncio.gather(task, return_exceptions=True)
        await ob.stop()
        ob.close()
        return run.merge_id

    merge_id = run_coro(unreachable())
    assert box.sent == []
    _doctor(store, merge_id, r2={"sub": ""}, r3={"sub": ""})

    async def restarted(then_send: bool = False):
        ob = _outbox(box, path)
        run = MergeRun.load(ob, store, merge_id)
        shown, calls = _view(run), len(box.calls)
        await run.resume()
        if then_send:
            await run.send()
        await ob.waits.drain(10)
        await ob.stop()
        ob.close()
        return shown, _view(run), box.calls[calls:]

    shown, after, asked = run_coro(restarted())
    assert shown == [(RowState.SENDING, "", False)] * 3, "each row with its submission, by local id or Message-ID"
    assert after == [(RowState.SENT, "Sent", False)] * 3 and "find" not in asked and len(box.sent) == 3

    _doctor(store, merge_id, r1={"end": None}, r2={"end": None}, r3={"end": None, "sub": ""})
    shown, after, asked = run_coro(restarted(then_send=True))
    assert shown == [(RowState.SENDING, "", False)] * 2 + [(RowState.READY, "", False)]
    assert after == [(RowState.SENT, ALREADY_SENT, False)] * 3
    assert asked == ["find", "find"], "rows 1-2 at resume (their submission gone unheard), row 3 by Resend"
    assert len(box.sent) == 3, "nothing sent twice"
