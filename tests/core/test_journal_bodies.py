"""The journal gives back the body it recorded last without reading it out of SQLite (issue 16).

A save to the server reads its message from the journal. When the user typed on after Ctrl+S, autosave
has recorded a newer body, and reading that back meant SQLite's ``json_extract`` of a 10 MB body (~50 ms
of the journal thread's CPU, ~100 ms of wall time) and Python decoding it in one call (~8 ms holding the
GIL, while the UI thread waited for it). The journal now keeps the pieces it recorded last for a few
messages and gives them back while the entry is still at that version. What it gives must always be what
a fresh reader of the file would read: another connection's write, a delete, a failed write and an
entry pushed out of the few kept are all read from SQLite again. Real SQLite files; the statements are
seen through ``sqlite3``'s trace callback.
"""

from __future__ import annotations

import pytest

from app.domain.models import Draft, Recipient
from app.storage import journal as journal_module
from app.storage.journal import Journal
from app.storage.journal_entries import ENTRY_COLUMNS

TRICKY = "Grüße \"quoted\" \\ back\\slash\r\n\ttab — \U0001F600 emoji\n" * 2000


def _reads_of_bodies(j: Journal) -> list[str]:
    """The statements that read an entry with its body from now on."""
    seen: list[str] = []
    j._db.set_trace_callback(lambda sql: seen.append(sql) if ENTRY_COLUMNS in sql else None)
    return seen


def _on_disk(path, local_id: str) -> str:
    """The body as a fresh reader of the file (a restart) reads it."""
    other = Journal(path)
    try:
        return other.get(local_id).draft.body
    finally:
        other.close()


def test_the_body_recorded_last_is_given_back_without_reading_it(tmp_path):
    path = tmp_path / "j.sqlite3"
    j = Journal(path)
    d = Draft(to=[Recipient("bob@example.com")], subject="typed on", body="first words")
    first = j.record(d)
    pieces = tuple(TRICKY[k:k + 4096] for k in range(0, len(TRICKY), 4096))
    j.record(d.copy(body=""), body_pieces=pieces)  # autosave, after Ctrl+S recorded ``first``
    reads = _reads_of_bodies(j)
    entry = j.get(d.local_id, known_body=(first, "first words"))  # the save: the journal's newer body wins
    assert entry.draft.body == TRICKY and entry.draft.subject == "typed on"
    assert entry.draft.to == d.to
    assert reads == [], "the body was read out of SQLite"
    assert j.get(d.local_id).draft.body == TRICKY and reads == []
    assert _on_disk(path, d.local_id) == TRICKY, "what it gives back is what the file holds"
    j.close()


def test_a_long_body_recorded_whole_is_given_back_as_it_was_given(tmp_path):
    """A save or a send records the body as one ``str`` (the queue reads it back to send it, Enter in the
    Outbox takes it back): the journal gives back that very object, not its pieces joined again (a 10 MB
    join on the journal thread held the GIL up to 25 ms while the user typed: bench_typing_stall.py)."""
    path = tmp_path / "j.sqlite3"
    j = Journal(path)
    body = TRICKY * 10
    d = Draft(subject="whole", body=body)
    j.record(d)
    assert j.get(d.local_id).draft.body is body
    assert _on_disk(path, d.local_id) == body
    j.close()


def test_another_connection_writing_the_file_is_read_from_the_file(tmp_path):
    """Even at the same version number: the other side deleted the entry and recorded it again."""
    path = tmp_path / "j.sqlite3"
    j, other = Journal(path), Journal(path)
    d = Draft(subject="shared", body="mine " * 1000)
    assert j.record(d) == 1
    other.discard(d.local_id)
    assert other.record(d.copy(body="theirs " * 1000)) == 1
    reads = _reads_of_bodies(j)
    assert j.get(d.local_id).draft.body == "theirs " * 1000
    assert len(reads) == 1
    other.close()
    j.close()


def test_a_deleted_entry_is_gone_and_a_failed_write_is_not_given_back(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = Draft(subject="x", body="kept")
    j.record(d)
    with pytest.raises(UnicodeEncodeError):
        j.record(d.copy(body="a lone surrogate \ud800 cannot be stored " * 10))
    assert j.get(d.local_id).draft.body == "kept"
    j.discard(d.local_id)
    assert j.get(d.local_id) is None
    j.close()


def test_only_the_last_few_bodies_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(journal_module, "BODIES_KEPT", 2)
    j = Journal(tmp_path / "j.sqlite3")
    drafts = [Draft(subject=str(i), body=f"body {i} " * 100) for i in range(3)]
    for d in drafts:
        j.record(d)
    reads = _reads_of_bodies(j)
    assert [j.get(d.local_id).draft.body for d in drafts] == [d.body for d in drafts]
    assert len(reads) == 1, "the oldest was read from the file, the two newest were not"
    j.close()
