"""Send selected (Ctrl+Shift+Return in Drafts) goes out as Compose's Send does: each draft
gets Compose's own check first (:mod:`app.core.batch_checks`: a bad address is said in its row and never
reaches the server), and the batch is HELD in the undo-send window with one countdown for all of it
(``window.send_timing.batch``, :mod:`app.ui.lists.batch_undo`). Wiring only: the Outbox decides what is sent, when."""

from __future__ import annotations

import time
from datetime import datetime

from app.core.outbox import holds
from app.core.batch_checks import check_drafts
from app.core.limited_send import row_words, submit_planned
from app.core.refusals import check_refusal
from app.core.send_limits import RecipientLedger, limits_for, plan_batch
from app.core.submission import SubState
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from app.ui.lists.limits_question import ask_send_part

#: a held row's words, as the Outbox says them: short enough for the Status column at 683 px (the countdown bar
#: under the list says when, and that Ctrl+Z keeps them)
HELD_WORDS = "Waiting to send"
#: a row's words when the user chose not to send a batch over the sending limits
KEPT_WORDS = "Not sent: kept in Drafts (you chose not to send over the sending limits)"


async def submit_checked(w, outbox, refs: list, items: list) -> tuple[list, list]:
    """Check each draft, then hand the good ones to the Outbox as ONE batch (held while undo send is on).
    Returns (the refs handed over, their submissions once none is held any more)."""
    model, batch = w.drafts.model, w.send_timing.batch
    counts: dict = {}
    bad = await check_drafts(items, w.session.get_message,
                             getattr(outbox.client, "max_send_bytes", DEFAULT_MAX_SEND_BYTES), counts)
    if bad:
        model.set_statuses({ref_id: (f"Not sent: {why}", True) for ref_id, why in bad.items()})
        for ref_id, why in bad.items():  # opened in Compose while its row says so: each problem at its field
            w.flows.drafts.refusals.note(ref_id, check_refusal(why))
    refs = [r for r in refs if r.id not in bad]
    items = [it for it in items if it.ref.id not in bad]
    plan = _limits_plan(w, items, counts)
    if plan is not None and not plan.blind_ok and not await _asked(w, plan):
        model.set_statuses({r.id: (KEPT_WORDS, True) for r in refs})
        return [], []
    if plan is not None and not plan.blind_ok:  # the part that fits goes; the rest waits, held, in the Outbox
        planned = await submit_planned(outbox, items, plan, batch.hold(outbox))
        model.set_statuses({refs[i].id: words for i, words in row_words(plan, _local_time).items()})
        refs = [refs[i] for i in plan.send_now]
        subs = [planned[i] for i in plan.send_now]
    else:
        subs = await outbox.submit_saved(items, hold=batch.hold(outbox),
                                         recipients=[counts.get(it.ref.id, 0) for it in items]) if items else []
    if any(s.state == SubState.HELD for s in subs):  # the undo-send window: one countdown for all
        batch.held(subs, outbox, f"{len(subs)} draft{'s' if len(subs) != 1 else ''}")
        model.set_statuses({r.id: (HELD_WORDS, False) for r in refs})
        w.flows.sending -= 1  # held: nothing of it is on its way yet (quitting now says so per message)
        try:
            await outbox.wait_released(subs)
        finally:
            w.flows.sending += 1
    return refs, await outbox.wait_past_hold(subs)


async def _asked(w, plan) -> bool:
    """Over a limit: the user says first whether the part that fits goes (nothing is on its way meanwhile)."""
    w.flows.sending -= 1
    try:
        return await ask_send_part(w, plan, _local_time)
    finally:
        w.flows.sending += 1


def _local_time(epoch: float) -> str:
    return datetime.fromtimestamp(epoch).strftime("%a %H:%M")


def _limits_plan(w, items: list, counts: dict):
    """What the drafts meet of the account's sending limits (None: none known); a draft not read counts 1."""
    limits = limits_for(w.session.account) if w.session is not None else None
    if limits is None or not items:
        return None
    runtime = getattr(getattr(w, "journal_bridge", None), "runtime", None)
    counter = getattr(runtime, "sent_count", None)
    ledger = counter.ledger() if counter is not None else RecipientLedger()
    return plan_batch([counts.get(it.ref.id, 1) for it in items], ledger, limits, time.time())


def taken_back_words(w, sub) -> str:
    """A draft's row once its send was taken back before it went: by Undo, or out of the Outbox."""
    return "Not sent: taken back (Undo)" if w.send_timing.batch.was_undone(sub) else "Not sent: taken out of the Outbox"
