"""The pieces of a big-body autosave that hold no Qt (issue 16): the chunked copy of the body, and a
journal write that leaves the body's escaping to SQLite (where it does not hold Python's GIL)."""

from __future__ import annotations

import json
import random

from app.core.compose import text_mirror
from app.core.compose.text_mirror import ChunkedText
from app.domain.models import Draft, ItemRef, Recipient
from app.storage.journal import Journal


def test_chunked_text_follows_random_edits_exactly(monkeypatch):
    monkeypatch.setattr(text_mirror, "CHUNK", 8)  # many chunks, many boundaries
    rnd = random.Random(16)
    ref = "hello world, a first text that spans some chunks\n" * 3
    t = ChunkedText(ref)
    for _ in range(4000):
        pos = rnd.randint(0, len(ref))
        removed = rnd.choice([0, 0, 1, 2, 9, 30, 200])
        added = rnd.choice(["", "a", "bc", "\n", "x" * 40, "ü€😀"])
        t.replace(pos, removed, added)
        ref = ref[:pos] + added + ref[pos + removed:]
        assert len(t) == len(ref)
        if rnd.random() < 0.05:
            assert t.text() == ref
    snap = t.snapshot()
    t.replace(0, 5, "changed after the snapshot")
    assert "".join(snap) == ref  # a snapshot never changes
    assert t.text() == "changed after the snapshot" + ref[5:]
    assert ChunkedText(" \n\t ").stripped_empty() and not ChunkedText("  x").stripped_empty()


def test_a_journal_write_never_escapes_the_body_in_python(tmp_path, monkeypatch):
    """``json.dumps`` of a 10 MB body holds the GIL ~30 ms (the UI thread waits): SQLite escapes it."""
    import app.storage.draft_codec as codec

    dumped = []
    real = json.dumps

    def spy(obj, *a, **kw):
        out = real(obj, *a, **kw)
        dumped.append(len(out))
        return out
    monkeypatch.setattr(codec.json, "dumps", spy)
    j = Journal(tmp_path / "j.sqlite3")
    body = "ünïcode \"quoted\" \\ \n\t\x01 " * 40000  # 1 MB of characters JSON must escape
    d = Draft(to=[Recipient("bob@example.com")], subject="big", body=body, ref=ItemRef("id1", "ck1"),
              internet_message_id="<m@x>")
    j.record(d)
    j.record(d.copy(ref=None, internet_message_id="", body=body + "more"))  # a stale copy keeps its identity
    assert dumped and max(dumped) < 10_000
    monkeypatch.undo()
    got = j.get(d.local_id).draft
    assert got.body == body + "more"
    assert got.ref == ItemRef("id1", "ck1") and got.internet_message_id == "<m@x>"
    assert got.subject == "big" and got.to == d.to


def test_a_long_body_is_written_in_pieces_and_a_short_one_in_the_json(tmp_path, monkeypatch):
    """Issue 16: a long body is kept in pieces of at most STEP characters, a row each, never in the JSON
    (SQLite growing a 10 MB JSON by realloc held glibc's main arena, and the UI thread waited on it
    30-80 ms); encoding a 10 MB non-ASCII str in one call holds the GIL 30-60 ms: each piece is encoded
    by itself. A short body is in the JSON, and a body that becomes short leaves no stale rows behind."""
    import app.storage.body_blob as body_blob

    monkeypatch.setattr(body_blob, "STEP", 1000)
    monkeypatch.setattr(body_blob, "BIG", 5000)
    j = Journal(tmp_path / "j.sqlite3")

    def stored(local_id):
        in_json, legacy, listed = j._db.execute(
            "SELECT json_extract(draft, '$.body'), body, pieces FROM entries WHERE local_id=?", (local_id,)).fetchone()
        rows = dict(j._db.execute("SELECT id, data FROM body_pieces WHERE local_id=?", (local_id,)))
        order = [int(i) for i in listed.split(",")] if listed is not None else []
        assert sorted(order) == sorted(rows)  # every row listed once, none left over
        return in_json, legacy, [bytes(rows[i]) for i in order]

    body = "Grüße, жёлтый 😀 \"q\" \\ \n" * 3000
    d = Draft(subject="big", body=body)
    j.record(d)
    assert j.get(d.local_id).draft.body == body
    in_json, legacy, pieces = stored(d.local_id)
    assert (in_json, legacy) == ("", None)
    assert len(pieces) == -(-len(body) // 1000) and b"".join(pieces) == body.encode()
    given = ("plain ascii " * 300, "then ünïcode " * 300, "", "and 😀\n" * 10)
    j.record(d.copy(body="ignored"), body_pieces=given)
    in_json, legacy, pieces = stored(d.local_id)
    assert (in_json, legacy) == ("", None) and b"".join(pieces) == "".join(given).encode()
    assert all(len(p.decode()) <= 1000 for p in pieces)
    j2 = Journal(tmp_path / "j.sqlite3")  # read back by another connection (not the bodies kept in memory)
    assert j2.get(d.local_id).draft.body == "".join(given)
    j.record(d.copy(body="short, then ünïcode"))
    assert stored(d.local_id) == ("short, then ünïcode", None, [])
    j.record(d.copy(body="ignored"), body_pieces=("short ", "pieces"))
    assert stored(d.local_id) == ("short pieces", None, [])
    assert j._db.execute("SELECT COUNT(*) FROM body_pieces").fetchone()[0] == 0
    assert Journal(tmp_path / "j.sqlite3").get(d.local_id).draft.body == "short pieces"


def test_a_journal_from_before_the_body_column_reads_and_records(tmp_path):
    """A journal written before long bodies had their own column: its bodies are read out of the JSON,
    and recording adds the column."""
    import sqlite3

    path = tmp_path / "j.sqlite3"
    j = Journal(path)
    big = "an older, long body\n" * 10_000
    d = Draft(subject="old", body="x")
    j.record(d)
    j._db.execute("UPDATE entries SET draft=json_set(draft, '$.body', ?), body=NULL", (big,))
    j._db.close()
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE entries DROP COLUMN body")
    db.execute("ALTER TABLE entries DROP COLUMN pieces")
    db.execute("DROP TABLE body_pieces")
    db.commit()
    db.close()
    old = Journal(path)
    assert old.get(d.local_id).draft.body == big
    old.record(d.copy(body=big + "typed on"))
    assert Journal(path).get(d.local_id).draft.body == big + "typed on"


def test_the_whole_text_is_joined_once_per_change():
    """A save validates the draft and then takes it: one join of a 10 MB body, not two (issue 16)."""
    t = ChunkedText("x" * 100_000)
    first = t.text()
    assert t.text() is first
    t.replace(5, 0, "typed")
    second = t.text()
    assert second is not first and second == "x" * 5 + "typed" + "x" * 99_995
    t.set("new")
    assert t.text() == "new"


def test_utf8_length_counts_without_encoding_the_whole():
    from app.domain.models import utf8_length

    for text in ("", "plain ascii" * 50_000, "ünïcödé ☃ 😀 " * 30_000, "a\ud800b"):
        assert utf8_length(text) == len(text.encode("utf-8", "surrogatepass"))


def test_a_long_body_in_the_column_of_older_journals_moves_into_pieces_when_recorded(tmp_path):
    """Journals from before the pieces kept a long body in the entry's ``body`` column: read as before, and
    the next record keeps the body in pieces and leaves the column empty."""
    path = tmp_path / "j.sqlite3"
    j = Journal(path)
    big = "an older, long body ü\n" * 10_000
    d = Draft(subject="old", body=big)
    j.record(d)
    with j._lock:
        j._db.execute("UPDATE entries SET body=?, pieces=NULL", (big.encode(),))
        j._db.execute("DELETE FROM body_pieces")
    j.close()
    old = Journal(path)
    assert old.get(d.local_id).draft.body == big
    old.record(d.copy(body=big + "typed on"))
    legacy, listed = old._db.execute("SELECT body, pieces FROM entries").fetchone()
    assert legacy is None and listed
    old.close()
    assert Journal(path).get(d.local_id).draft.body == big + "typed on"
