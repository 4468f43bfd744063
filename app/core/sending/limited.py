"""A batch (a mail merge, Send selected) handed to the Outbox as its sending-limits plan says
(:func:`app.core.sending.limits.plan_batch`). No Qt, no network.

The part that fits in today's recipients goes as before (held in the undo-send window when that is on); each
message that does not fit is kept in the Outbox HELD as a send-later message (:mod:`app.core.outbox.holds`,
``"later"``) until the time the rolling day has room for it, so the Outbox lists it with that time and the
reason (:data:`WAIT_REASON`), and a restart keeps it (the journal has the hold); a message with more
recipients than one may have is not handed over (the caller says so in its row). Nothing is lost: every
message of the batch is sent now, waits in the Outbox, or is named as not sent.
"""

from __future__ import annotations

from app.core.outbox import holds
from app.core.sending.limits import Plan
from app.domain.words import Number, Words, translate

#: why a message waits in the Outbox (its row's reason; the time is the hold's)
WAIT_REASON = translate("SendingLimits", "Waiting for {name}'s {limit}-recipients-a-day limit")
#: a row's words when its message has more recipients than one message may have
TOO_MANY = translate("SendingLimits", "Not sent: more than {limit} recipients, which {name} refuses")


async def submit_planned(outbox, items: list, plan: Plan, hold_now: holds.Hold | None) -> list:
    """``items`` (MessageSummary, drafts on the server) handed over as ``plan`` says. Returns a list aligned
    with ``items``: each one's Submission, or None for one not handed over (too many recipients)."""
    subs: list = [None] * len(items)
    now_items = [items[i] for i in plan.send_now]
    handed = await outbox.submit_saved(now_items, hold=hold_now, recipients=_counts(plan, plan.send_now)) \
        if now_items else []
    for i, sub in zip(plan.send_now, handed):
        subs[i] = sub
    by_time: dict[float, list[int]] = {}
    for i, at in plan.later:
        by_time.setdefault(at, []).append(i)
    reason = _wait_reason(plan)
    for at, idx in sorted(by_time.items()):
        held = await outbox.submit_saved([items[i] for i in idx], hold=holds.Hold(holds.LATER, at, reason),
                                         recipients=_counts(plan, idx))  # the reason journaled with the hold
        for i, sub in zip(idx, held):
            subs[i] = sub
    return subs


def _counts(plan: Plan, idx: list[int]) -> list[int] | None:
    """The planned recipients of the messages ``idx`` (the sent count records them; None: not known)."""
    return [plan.recipients[i] for i in idx] if plan.recipients else None


def _wait_reason(plan: Plan) -> Words:
    return WAIT_REASON.format(name=plan.limits.name, limit=Number(plan.limits.recipients_per_day or 0))


def too_many_words(plan: Plan) -> Words:
    return TOO_MANY.format(limit=Number(plan.limits.recipients_per_message or 0), name=plan.limits.name)


def row_words(plan: Plan, when) -> dict[int, tuple[str, bool]]:
    """Each planned-out message's words for its row (index -> (text, is an error)): the ones waiting say
    until when and why, the ones with too many recipients that they are not sent."""
    out = {i: (too_many_words(plan), True) for i in plan.too_many}
    for i, at in plan.later:
        out[i] = (translate("SendingLimits", "In the Outbox until {time}: waiting for {name}'s "
                                             "{limit}-recipients-a-day limit").format(
            time=when(at), name=plan.limits.name, limit=Number(plan.limits.recipients_per_day or 0)), False)
    return out
