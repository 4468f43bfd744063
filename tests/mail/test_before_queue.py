"""The decisions made before the queue (app/core/sending/request.py ``Sending``), one rule each, for the window and the
scripts alike: already sent (the window's ``.eml`` preview, app/ui/compose/eml_as_is.py ``sent_check``, and a
script's ``sendmail``, app/core/scripts/desk.py ``_known``), the mailboxes an account sends from, a newer version
on this computer, and what stops a save or a send. Against the sandbox over real HTTP (EWS and Graph), on a real
journal file. No Qt."""

from __future__ import annotations

from app.core.sending.request import Sending
from app.domain.models import Draft, ItemRef, Recipient
from app.domain.senders import Principal
from tests.helpers.backends import ALICE, BOB, every_backend, settle


def _mail(mid: str) -> bytes:
    return (f"From: Alice <{ALICE}>\nTo: {BOB}\nSubject: nightly\nMessage-ID: {mid}\nDate: Sat, 28 Nov 2026 "
            "09:05:00 +0000\nContent-Type: text/plain; charset=UTF-8\n\nAll green.\n").encode()


@every_backend
def test_already_sent_is_the_journals_memory_or_a_copy_in_sent_items(box, sandbox, backend):
    mid = "<before-queue-1@example.com>"
    asked = []

    async def remembered():
        asked.append(mid)
        return await box.ob.parts.write(box.journal.was_sent, box.ob.account, mid)

    def check(**kw):
        return box.run(Sending.already_sent(box.ob.parts.client, mid, remembered=remembered, patience=30, **kw))

    assert check().copy is None and asked == [mid], "nothing sent with it yet: not sent"
    sub = box.run(box.ob.submit_mime(_mail(mid), Draft(to=[Recipient(BOB)], subject="nightly")))
    box.run(box.ob.wait(sub.local_id))
    settle(sandbox)
    memory = check(file_date="the file's date", dated=False)
    assert memory.copy is not None and memory.copy.ref is None, "the journal remembers it sent: enough for a script"
    assert memory.copy.sent == "the file's date"
    found = check(file_date="the file's date")  # the window's preview says when it went: from its copy
    assert found.copy is not None and found.copy.ref is not None and found.copy.sent != "the file's date"
    gone = box.run(Sending.already_sent(box.ob.parts.client, "<never-on-the-server@example.com>", remembered=_true,
                                        patience=30))
    assert gone.copy is not None and gone.copy.ref is None, "not in Sent Items, but the journal knows it went"
    assert box.run(Sending.already_sent(box.ob.parts.client, "", patience=30)).copy is None, "no Message-ID: none asked"


def test_the_mailboxes_an_account_sends_from():
    desk = Principal("desk@example.com", "Help Desk")
    assert Sending.sender("ALICE@example.com", ALICE, []).allowed
    assert Sending.sender("Desk@Example.com", ALICE, [desk]).principal == desk
    assert not Sending.sender("eve@example.com", ALICE, [desk]).allowed
    assert Sending.sender("", ALICE, []).principal is None


def test_a_draft_with_a_newer_version_here_is_held_back():
    refs = [ItemRef("A", "1"), ItemRef("B", "1"), ItemRef("C", "1")]
    going, held = Sending.without_newer(refs, {"B", "Z"})
    assert [r.id for r in going] == ["A", "C"] and [r.id for r in held] == ["B"]


def test_a_save_is_stopped_by_less_than_a_send():
    empty = Draft(subject="x" * 3000)
    assert [e.field for e in Sending.check(Draft(), for_send=False, max_send_bytes=1 << 20)] == []
    assert "to" in {e.field for e in Sending.check(Draft(), for_send=True, max_send_bytes=1 << 20)}
    assert Sending.check(empty, for_send=False, max_send_bytes=1 << 20), "a subject too long stops a save too"


async def _true():
    return True
