"""Which server drafts have a newer version on this computer (app.core.compose.recovery.newer_local_versions):
the look Send selected and Enter in Drafts make so that an older version is never sent or shown. Qt-free,
on a real journal file."""

from __future__ import annotations

from app.core.compose import recovery
from app.domain.models import Draft, ItemRef
from app.storage.journal import Journal


def test_edits_and_waiting_saves_of_server_drafts_count_sends_and_unsaved_messages_do_not(tmp_path):
    j = Journal(tmp_path / "journal.sqlite3")
    edited = Draft(subject="edited", body="x" * 200_000, ref=ItemRef("A", "ck"))
    waiting = Draft(subject="save waiting", ref=ItemRef("B", "ck"))
    sending = Draft(subject="being sent", ref=ItemRef("C", "ck"))
    new = Draft(subject="never saved")
    other = Draft(subject="another account's", ref=ItemRef("D", "ck"))
    j.record(edited, account="alice")
    j.record(waiting, account="alice", op="save")
    j.record(sending, "queued", account="alice", op="send")
    j.record(new, account="alice")
    j.record(other, account="bob")
    newer = recovery.newer_local_versions(j, "alice")
    assert {k: e.local_id for k, e in newer.items()} == {"A": edited.local_id, "B": waiting.local_id}
    assert newer["A"].draft.body == ""  # a look without the bodies
    j.confirm_saved(edited.local_id, ItemRef("A", "ck2"), j.get(edited.local_id).version)
    assert set(recovery.newer_local_versions(j, "alice")) == {"B"}  # on the server now
