"""What a merge run writes down (:class:`app.storage.merges.MergeStore`), taken in two halves.

:func:`snapshot` runs on the event loop's thread, where the rows change: one tuple per row of what the
row holds at that moment (~1 ms for 5,000 rows), so the record is of one instant. :func:`record` runs on
the merge's worker thread and makes the stored form of it, a row's dict at a time as the store encodes it.

Building every row's dict on the loop's thread (a ``to_dict`` of the whole run) would hold the UI
thread 17–60 ms at each of the four writes of a 5,000-row merge, and the 5,000 dicts alive at once pushed
the cyclic garbage collector into full collections that stop every thread.

A snapshot shares a row's ``values`` tuple: :meth:`app.core.merge.run.MergeRun.edit` puts a new one in its
place. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from app.core.merge.rows import ending_record, words_record
from app.storage.merges import ref_to_list

# (number, line, values, invalid, ref, sub_id, end, not_sent, fixed): what a row stores, never what it
# shows (:func:`app.core.merge.rows.row_view` derives that); ``end`` is its submission's, read from the
# Outbox's copy while the Outbox lists it
RowTuple = tuple


@dataclass(frozen=True)
class Snapshot:
    head: dict  # everything but the rows: small, and its template part made once per run
    rows: list[RowTuple]


def snapshot(run) -> Snapshot:
    """The run as it is now. On the loop's thread: nothing but the loop changes a row."""
    head = {"version": 2, "merge_id": run.merge_id, "account": run.account, "created": run.created,
            "header": list(run.header), "recipient_col": run.recipient_col, "template": run.template_record,
            "problems": {str(k): v for k, v in run.problems.items()}}
    rows = [(r.number, r.line, r.values, r.invalid, r.ref, r.sub_id, r.ending(), r.not_sent, r.fixed)
            for r in run.rows]
    return Snapshot(head, rows)


def row_record(row: RowTuple) -> dict:
    number, line, values, invalid, ref, sub_id, end, not_sent, fixed = row
    record = {"n": number, "line": line, "values": list(values), "invalid": invalid, "ref": ref_to_list(ref),
              "sub": sub_id, "end": ending_record(end), "not_sent": not_sent, "fixed": fixed}
    words = words_record(invalid, not_sent, end)
    if words:  # the reasons as words, for a restarted window in another language
        record["words"] = words
    return record


def rows_record(snap: Snapshot) -> Iterator[dict]:
    """Each row's stored form, one at a time (each is let go once it is encoded)."""
    return (row_record(row) for row in snap.rows)


def record(snap: Snapshot) -> dict:
    """The stored form, its rows made as the store encodes them (off the loop's thread)."""
    return {**snap.head, "rows": rows_record(snap)}


def record_dict(snap: Snapshot) -> dict:
    """The stored form with its rows in a list (what reading it back gives)."""
    return {**snap.head, "rows": list(rows_record(snap))}
