"""A save queued while an earlier save of the same message is ending must not create a second draft
(Outbox.save, not waiting). Found by the mail merge's kill -9 test (tests/reliability/test_merge_kill.py): the
new save looked up the message's server identity (``known``) before its journal write, the earlier save
ended during that write (its confirm_saved just ahead of the write on the journal thread), and the new save
then created the message again. Here the interleaving is forced: the second save is queued from inside the
first one's confirm_saved, against the sandbox over HTTP."""

from __future__ import annotations

import asyncio
import threading

from app.domain.models import Draft, Folder, Recipient
from tests.helpers.backends import ALICE, BOB


def test_a_save_queued_as_the_previous_one_ends_saves_over_it(box, sandbox):
    ob, journal = box.ob, box.journal
    draft = Draft(to=[Recipient(BOB)], subject="Race", body="first", internet_message_id="<race@dispatch>")
    second: list[asyncio.Task] = []
    recorded = threading.Event()  # the second save's journal write is queued (behind confirm_saved)
    real_confirm, real_write = journal.confirm_saved, ob.parts.write

    class Write:  # the Outbox's journal writer, telling when the second save's record is handed to it
        def __getattr__(self, name):
            return getattr(real_write, name)

        def __call__(self, fn, *args, **kw):
            fut = real_write(fn, *args, **kw)
            if fn == journal.record and second:
                recorded.set()
            return fut

    ob.parts.write = Write()

    def confirm_saved(local_id, ref, version=None):  # on the journal thread
        if not second:  # queue the next save now: its known-check runs before this save is remembered
            box.loop.call_soon_threadsafe(
                lambda: second.append(asyncio.ensure_future(ob.save(draft.copy(body="second"), wait=False))))
            assert recorded.wait(5), "the second save never reached its journal write"
        return real_confirm(local_id, ref, version)

    journal.confirm_saved = confirm_saved

    async def go():
        job = await ob.save(draft, wait=False)
        await ob.wait(job.local_id)
        while not second:
            await asyncio.sleep(0.01)
        job2 = await second[0]
        await ob.wait(job2.local_id)
        await ob.waits.drain(10)

    box.run(go())
    drafts = sandbox.mailbox(ALICE).items(Folder.DRAFTS.value)
    assert len(drafts) == 1, "one message, one draft: the second save goes over the first"
    assert drafts[0]["fields"]["Body"]["text"] == "second"
    assert journal.get(draft.local_id) is None
