"""The local journal: complete drafts (attachments included) survive a crash; files are private."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

from app.domain.extras import NO_FLAG, FlagStatus, FollowUpFlag
from app.domain.models import Attachment, BodyFormat, Draft, Importance, ItemRef, Recipient, Sensitivity
from app.storage.draft_codec import draft_from_json, draft_to_json
from app.storage.journal import Journal, State, default_path


def full_draft(**kw) -> Draft:
    d = Draft(
        to=[Recipient("bob@example.com", "Bob, the builder")],
        cc=[Recipient("carol@example.com")],
        bcc=[Recipient("dave@example.com", "Dave")],
        subject="Quarterly ✓ numbers",
        body="Hello Bob,\n\nsee attached — ünïcödé and \x00-free text.\n",
        body_format=BodyFormat.HTML,
        importance=Importance.HIGH,
        read_receipt=True,
        delivery_receipt=True,
        reply_to=[Recipient("desk@example.com", "Help, Desk"), Recipient("erin@example.com")],
        sensitivity=Sensitivity.CONFIDENTIAL,
        categories=["Red category", "Projet ✓"],
        attachments=[
            Attachment("report.pdf", b"%PDF-1.4 " + os.urandom(3000), "application/pdf"),
            Attachment("empty.txt", b"", "text/plain"),
        ],
        internet_message_id="<abc@dispatch.local>",
    )
    for k, v in kw.items():
        setattr(d, k, v)
    return d


def test_a_send_time_kept_on_the_server_survives_the_journal_in_utc(tmp_path):
    """Send later on the server (issue 79): the draft's ``send_at`` is journalled as ISO 8601 UTC and read back
    aware UTC, whatever zone it was given in; a journal row written before it existed reads as None (send at once)."""
    paris = timezone(timedelta(hours=1))
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft(send_at=datetime(2026, 3, 2, 9, 0, tzinfo=paris))
    j.record(d)
    j.close()
    j2 = Journal(tmp_path / "j.sqlite3")
    back = j2.get(d.local_id).draft
    assert back.send_at == datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc) and back.send_at.tzinfo == timezone.utc
    assert back == d
    j2.close()
    row = json.loads(draft_to_json(d))
    assert row["send_at"] == "2026-03-02T08:00:00+00:00"
    del row["send_at"]  # a journal from before the field
    assert draft_from_json(d.local_id, json.dumps(row), d.attachments).send_at is None
    assert draft_from_json(d.local_id, draft_to_json(full_draft()), []).send_at is None


def test_roundtrip_every_field_and_attachment_bytes(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft(ref=ItemRef("ID1", "CK1"))
    v = j.record(d)
    assert v == 1
    e = j.get(d.local_id)
    assert e.state == State.EDITING and e.version == 1 and not e.missing_attachments
    assert e.draft == d  # dataclass equality: every field, recipients, attachment bytes
    j.close()
    # a new process-level open sees the same
    j2 = Journal(tmp_path / "j.sqlite3")
    assert j2.get(d.local_id).draft == d
    drafts, outbox = j2.recover()
    assert [x.local_id for x in drafts] == [d.local_id] and outbox == []


def test_a_journal_written_before_reply_to_sensitivity_and_categories_still_loads(tmp_path):
    """An entry recorded by a version without the three fields (issue 49) opens with their defaults."""
    path = tmp_path / "j.sqlite3"
    j = Journal(path)
    d = full_draft()
    j.record(d)
    j.close()
    with sqlite3.connect(path) as db:  # the entry as the older version wrote it: no such keys at all
        db.execute("UPDATE entries SET draft=json_remove(draft, '$.reply_to', '$.sensitivity', '$.categories')")
        assert db.execute("SELECT instr(draft, 'sensitivity') FROM entries").fetchone() == (0,)
    back = Journal(path).get(d.local_id).draft
    assert (back.reply_to, back.sensitivity, back.categories) == ([], Sensitivity.NORMAL, [])
    assert back.copy(reply_to=d.reply_to, sensitivity=d.sensitivity, categories=d.categories) == d


def test_files_are_private_and_default_path_honours_dispatch_home(tmp_path, monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / "data" / "journal.sqlite3"
    j = Journal()
    j.record(full_draft())
    for suffix in ("", "-wal", "-shm"):
        p = str(default_path()) + suffix
        assert os.path.exists(p), p
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o600, (p, oct(os.stat(p).st_mode))
    assert stat.S_IMODE(os.stat(default_path().parent).st_mode) == 0o700
    j.close()


def test_edit_during_save_keeps_entry_and_confirm_removes(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft()
    v1 = j.record(d, State.SAVING)
    d.body += "more typing while the save was on the wire"
    j.record(d)
    assert not j.confirm_saved(d.local_id, ItemRef("X", "CK"), v1)  # edited since: stays
    e = j.get(d.local_id)
    assert e.state == State.EDITING and e.draft.ref == ItemRef("X", "CK") and e.draft.body == d.body
    assert j.confirm_saved(d.local_id, ItemRef("X", "CK2"), e.version)
    assert j.get(d.local_id) is None and j.count() == 0
    # blobs are collected with the entry
    assert j._db.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0


def test_queued_send_is_not_reverted_by_late_autosave(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft()
    j.record(d)
    j.set_state(d.local_id, "queued", op="send", error="Could not reach the server")  # a submission
    j.record(d)  # a late autosave
    e = j.get(d.local_id)
    assert e.state == "queued" and e.op == "send" and e.last_error
    drafts, outbox = j.recover()
    assert drafts == [] and [x.local_id for x in outbox] == [d.local_id]
    assert not j.confirm_saved(d.local_id, ItemRef("S", "1"), e.version)  # save done, send still owed
    assert j.get(d.local_id).draft.ref == ItemRef("S", "1")
    j.confirm_sent(d.local_id)
    assert j.count() == 0


def test_a_save_in_flight_stays_saving_through_an_autosave_so_a_crash_adopts_it(tmp_path):
    """The kill soak found it: the server had committed a save whose answer was held, the user typed on,
    the autosave recorded the newer text as "editing", and the restart saved the draft again instead of
    adopting the committed one by its Message-ID (a second copy in Drafts)."""
    from app.core.outbox.policy import RetryPolicy
    from app.core.outbox.restore import restore_work

    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft()
    j.record(d)
    j.set_state(d.local_id, State.OUTBOX_WAITING.value, op="save")
    v = j.record(d)
    j.set_state(d.local_id, State.SAVING.value)  # what the save does before its request goes out
    d.body += " typed while the save was on the wire"
    j.record(d)  # the autosave
    assert j.get(d.local_id).state == State.SAVING
    _subs, saves, _report = restore_work(j, "", RetryPolicy(), 0.0, lambda sub: {})
    assert [(s.local_id, s.adopt) for s in saves] == [(d.local_id, True)]
    assert not j.confirm_saved(d.local_id, ItemRef("X", "CK"), v)  # answered after all: edited since
    assert j.get(d.local_id).state == State.EDITING


def test_same_attachment_bytes_stored_once(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    blob = os.urandom(200_000)
    a = full_draft(attachments=[Attachment("a.bin", blob)])
    b = full_draft(attachments=[Attachment("b.bin", blob)])
    for _ in range(5):
        j.record(a)
        j.record(b)
    assert j._db.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 1
    j.discard(a.local_id)
    assert j.get(b.local_id).draft.attachments[0].content == blob
    j.discard(b.local_id)
    assert j._db.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0


def test_huge_attachment_kept_as_path_and_hash(tmp_path):
    src = tmp_path / "big.iso"
    src.write_bytes(os.urandom(5000))
    j = Journal(tmp_path / "j.sqlite3", inline_limit=1000)
    d = full_draft(attachments=[Attachment("big.iso", src.read_bytes(), source_path=str(src))])
    j.record(d)
    e = j.get(d.local_id)
    a = e.draft.attachments[0]
    assert a.content == b"" and a.source_path == str(src) and a.byte_size == 5000 and not e.missing_attachments
    src.write_bytes(b"changed")  # the file changed behind our back: the draft still comes back, flagged
    e = j.get(d.local_id)
    assert e.missing_attachments == ["big.iso"] and e.draft.body == d.body


def test_survives_kill_9_right_after_record(tmp_path):
    """A child records and is SIGKILLed at once (no close, no checkpoint): the entry is there."""
    path = tmp_path / "j.sqlite3"
    code = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(os.getcwd())!r})
        from app.domain.models import Draft, Recipient, Attachment
        from app.storage.journal import Journal
        j = Journal({str(path)!r})
        for i in range(50):
            j.record(Draft(to=[Recipient("bob@example.com")], subject=f"s{{i}}", body="x" * i,
                           attachments=[Attachment("a.txt", bytes([i]) * 100)], local_id=f"id{{i}}"))
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == -9
    j = Journal(path)
    assert j.count() == 50
    e = j.get("id49")
    assert e.draft.subject == "s49" and e.draft.attachments[0].content == bytes([49]) * 100


def test_stale_editor_copy_never_drops_the_server_identity(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft(internet_message_id="")
    j.record(d)
    j.set_server_identity(d.local_id, ItemRef("S1", "C1"), "<m@x>")
    j.record(d)  # the editor's copy, recorded before it learnt the ref
    e = j.get(d.local_id).draft
    assert e.ref == ItemRef("S1", "C1") and e.internet_message_id == "<m@x>"
    j.set_server_identity(d.local_id, None)  # the server lost it: cleared explicitly
    assert j.get(d.local_id).draft.ref is None


def test_journal_lives_in_the_apps_one_data_dir(monkeypatch):
    """Settings, the demo mailbox and the journal share one data dir (no second platform folder)."""
    from app.storage import journal, settings

    monkeypatch.delenv("DISPATCH_HOME", raising=False)
    assert journal.default_path().parent == settings.data_dir()


# ---- custom headers and the follow-up flag survive the journal; an older journal still loads
def test_headers_and_flag_round_trip_through_the_journal(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    d = full_draft(headers=[("X-Project", "Nevada ✓"), ("x-group-id", "NV001")],
                   flag=FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 4)))
    j.record(d)
    j.close()
    back = Journal(tmp_path / "j.sqlite3").get(d.local_id).draft
    assert back.headers == d.headers and back.flag == d.flag and back == d


def test_a_journal_row_written_before_headers_and_flags_still_loads():
    old = json.dumps({"to": [["bob@example.com", ""]], "cc": [], "bcc": [], "subject": "old", "body_format": "Text",
                      "importance": "Normal", "read_receipt": False, "delivery_receipt": False, "ref": None,
                      "internet_message_id": "", "modified": None, "inline": None, "body": "hi"})
    d = draft_from_json("L1", old, [])
    assert d.subject == "old" and d.headers == [] and d.flag == NO_FLAG


_CHURN = """
import sys
from pathlib import Path
from app.storage.journal import Journal
for _ in range(int(sys.argv[2])):
    Journal(Path(sys.argv[1])).close()
"""


def test_processes_opening_and_closing_one_journal_at_once_all_open_it(tmp_path):
    """The window and ``dispatch-mail`` commands share one journal file. SQLite deletes its -wal and -shm files when
    the last connection closes: another process opening the journal at that moment must still open it (it failed
    with "the journal file cannot be written (FileNotFoundError)" from a chmod by name)."""
    import os
    import subprocess
    import sys

    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "journal.sqlite3"
    procs = [subprocess.Popen([sys.executable, "-c", _CHURN, str(path), "200"], cwd=root,
                              env=dict(os.environ, PYTHONPATH=str(root)), stderr=subprocess.PIPE) for _ in range(3)]
    results = [(p.wait(timeout=120), p.stderr.read().decode()[-500:]) for p in procs]
    assert all(code == 0 for code, _ in results), results
