"""A journalled draft's server identity (ref, Message-ID) is kept and changed without Python ever parsing
or writing the stored draft, body included (issue 16): ``json.loads`` + ``json.dumps`` of a draft with a
10 MB body held the GIL 6-40 ms each on the journal thread after every save to the server, and SQLite's
``json_extract`` of the identity parsed the whole body again at every autosave."""

from __future__ import annotations

import json

from app.domain.models import Draft, ItemRef, Recipient
from app.storage.journal import Journal

BIG = 10_000  # no JSON text this long passes through Python's json module


def _spy_json(monkeypatch) -> list[int]:
    """Sizes of everything json.loads reads and json.dumps writes from now on."""
    sizes: list[int] = []
    loads, dumps = json.loads, json.dumps

    def spy_loads(s, *a, **kw):
        sizes.append(len(s))
        return loads(s, *a, **kw)

    def spy_dumps(obj, *a, **kw):
        out = dumps(obj, *a, **kw)
        sizes.append(len(out))
        return out
    monkeypatch.setattr(json, "loads", spy_loads)
    monkeypatch.setattr(json, "dumps", spy_dumps)
    return sizes


def test_identity_changes_never_read_or_write_the_body_in_python(tmp_path, monkeypatch):
    j = Journal(tmp_path / "j.sqlite3")
    body = "ünïcode \"quoted\" \\ \n" * 50_000  # 1 MB that JSON must escape
    d = Draft(to=[Recipient("bob@example.com")], subject="big", body=body)
    j.record(d)
    sizes = _spy_json(monkeypatch)
    j.set_server_identity(d.local_id, ItemRef("id1", "ck1"), "<m@x>")  # after a save
    assert j.ensure_message_id(d.local_id, "<other@x>") == "<m@x>"  # it has one: kept
    assert j.confirm_saved(d.local_id, ItemRef("id2", "ck2"), version=-1) is False  # typed on meanwhile
    assert max(sizes, default=0) < BIG, "the stored draft went through Python's json module"
    monkeypatch.undo()
    got = j.get(d.local_id).draft
    assert got.ref == ItemRef("id2", "ck2") and got.internet_message_id == "<m@x>"
    assert got.body == body and got.subject == "big" and got.to == d.to

    sizes = _spy_json(monkeypatch)
    j.set_server_identity(d.local_id, None)  # the server no longer has it
    monkeypatch.undo()
    got = j.get(d.local_id).draft
    assert got.ref is None and got.internet_message_id == "<m@x>" and got.body == body
    j.record(d.copy(internet_message_id=""))
    assert j.ensure_message_id(d.local_id, "<new@x>") == "<m@x>"  # a stale copy did not lose it
    assert j.has(d.local_id)
    j.discard(d.local_id)
    assert not j.has(d.local_id)
    assert j.ensure_message_id(d.local_id, "<gone@x>") == "<gone@x>"


def test_an_autosave_keeps_the_identity_without_parsing_the_stored_draft(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    statements: list[str] = []
    j._db.set_trace_callback(statements.append)
    body = "line of a long message\n" * 20_000
    d = Draft(to=[Recipient("bob@example.com")], subject="big", body=body)
    j.record(d)
    j.set_server_identity(d.local_id, ItemRef("id1", "ck1"), "<m@x>")
    j.record(d.copy(body=body + "a"))  # the editor's copy has no ref yet: the stored one is kept
    statements.clear()
    for k in range(3):  # steady typing: autosave after autosave
        j.record(d.copy(body=body + "a" * (k + 2)))
    # the identity is read with json_extract at each autosave (issue 47: the cache of this connection's own
    # writes that spared it went): what it parses is the draft's JSON without the long body
    draft_json = j._db.execute("SELECT length(draft) FROM entries WHERE local_id=?", (d.local_id,)).fetchone()[0]
    assert draft_json < BIG < len(body), "the long body is in the draft's JSON: json_extract parses it"
    got = j.get(d.local_id).draft
    assert got.ref == ItemRef("id1", "ck1") and got.internet_message_id == "<m@x>" and got.body == body + "aaaa"

    # another connection (another process) changes the identity: the next autosave sees it
    other = Journal(tmp_path / "j.sqlite3")
    other.set_server_identity(d.local_id, ItemRef("id9", "ck9"))
    other.close()
    j.record(d.copy(body="after"))
    got = j.get(d.local_id).draft
    assert got.ref == ItemRef("id9", "ck9") and got.internet_message_id == "<m@x>" and got.body == "after"


def test_a_failed_write_forgets_what_it_would_have_stored(tmp_path, monkeypatch):
    j = Journal(tmp_path / "j.sqlite3")
    d = Draft(subject="s", body="b", ref=ItemRef("id1", "ck1"), internet_message_id="<m@x>")
    j.record(d)

    def broken(db, draft):
        raise OSError("disk full")
    monkeypatch.setattr(j, "_write_attachments", broken)
    try:
        j.record(d.copy(ref=ItemRef("id2", "ck2")))
    except OSError:
        pass
    monkeypatch.undo()
    j.record(d.copy(ref=None, internet_message_id=""))  # a stale copy: the stored identity is id1
    assert j.get(d.local_id).draft.ref == ItemRef("id1", "ck1")


def test_reading_an_entry_leaves_the_body_to_sqlite(tmp_path, monkeypatch):
    """The Outbox reads a message on the journal thread before saving or sending it: ``json.loads`` of a
    10 MB draft there held the GIL ~40 ms while the user typed. SQLite takes the body out of the JSON."""
    j = Journal(tmp_path / "j.sqlite3")
    body = "ünïcode \"quoted\" \\ tab\t \u2028\n" * 40_000
    d = Draft(to=[Recipient("bob@example.com")], subject="big", body=body, internet_message_id="<m@x>")
    j.record(d)
    nul = Draft(subject="nul", body="before\x00after " * 2_000)  # json_extract would stop at the NUL
    j.record(nul)
    sizes = _spy_json(monkeypatch)
    got = j.get(d.local_id).draft
    assert max(sizes, default=0) < BIG, "the stored body went through Python's json module"
    monkeypatch.undo()
    assert got.body == body and got.subject == "big" and got.internet_message_id == "<m@x>"
    assert j.get(nul.local_id).draft.body == nul.body
    assert {e.draft.body for e in j.entries()} == {body, nul.body}
