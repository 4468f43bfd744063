"""A mail merge sent as Compose's Send is. No Qt.

- more than a few rows, or a batch that meets the account's sending limits, ask first (:func:`go_ahead`, through
  :class:`app.core.sending.request.SendQuestions`; :func:`confirm_question`; the keyboard's default is not to send);
- the rows handed to the Outbox are HELD in the undo-send window with one release time for all of them
  (:func:`submit_held`; the ``hold_for`` given to :meth:`MergeRun.send` gives the hold: Compose's delay on the
  Outbox's clock), so Undo takes the whole batch back; the run publishes :class:`app.domain.events.MergeHeld`
  (the merge window shows the countdown).
  A run killed in its window sends nothing: :func:`app.core.outbox.restore.restore_work` drops the held sends and
  :meth:`MergeRun.resume` finds the rows' drafts still in Drafts.
"""

from __future__ import annotations

from app.core.sending.request import hand_over
from app.core.common.word_lists import clauses, counted, sentences
from app.domain.words import Number, Words, translate

# a merge of more rows than this asks first ("Send 12 messages?"; the keyboard's default is not to)
CONFIRM_ABOVE = 3


def confirm_question(rows: int) -> Words | str:
    """The question asked before a merge of ``rows`` rows is sent ("" when it goes without one)."""
    if rows <= CONFIRM_ABOVE:
        return ""
    return translate("MergeSend", "Send {rows} messages? Each row of the table becomes one message, sent to its own "
                                  "address. A row that cannot be sent as it is is not sent and says why.").format(
        rows=Number(rows))


def asks_first(rows: int, plan=None) -> bool:
    """Does a merge of ``rows`` rows ask before it goes: more than a few rows, or something about the account's
    sending limits to say (``plan``)? Without a question it goes at once."""
    return bool(confirm_question(rows)) or (plan is not None and bool(limits_question(plan, str)))


async def go_ahead(rows: int, plan, questions) -> bool:
    """Whether the merge goes: at once when nothing needs asking, else as the face answers
    (``questions.send_merge``, :class:`app.core.sending.request.SendQuestions`; its default is not to send)."""
    if not asks_first(rows, plan):
        return True
    return await questions.send_merge(rows, plan)


def limits_question(plan, when) -> Words | str:
    """What a batch that meets the account's sending limits says BEFORE anything is sent ("" when nothing
    needs saying): the refused-today count, the too-many-recipients messages, the offer to send the part that
    fits and keep the rest in the Outbox, and when the message rate lets the last one go. ``when(epoch)``
    renders a time for the user."""
    parts = [plan.warning()] if plan.warning() else []
    if plan.later:
        first = min(at for _, at in plan.later)
        parts.append(translate("MergeSend", "Send the {now} that fit now and keep the other {later} in the Outbox, "
                                            "to go from {time}?").format(
            now=Number(len(plan.send_now)), later=Number(len(plan.later)), time=when(first)))
    if plan.last_goes_at is not None:
        parts.append(translate("MergeSend", "At {rate} messages a minute, the last one goes out at about "
                                            "{time}.").format(rate=Number(plan.limits.messages_per_minute),
                                                              time=when(plan.last_goes_at)))
    return sentences(parts) if parts else ""


def limits_answer(plan, when, send_part: bool) -> Words:
    """What a screen reader hears once the limits question is answered: the plan as it now goes ("Sending 2
    now; 1 kept in the Outbox, to go from Tue 09:00."), or that nothing was sent. ``when`` as for
    :func:`limits_question`."""
    if not send_part:
        return translate("MergeSend", "Nothing sent: kept in Drafts.")
    parts = [translate("MergeSend", "Sending {count} now").format(count=Number(len(plan.send_now)))]
    if plan.later:
        parts.append(counted(translate("MergeSend", "{count} kept in the Outbox, to go from {time}", None, 1),
                             len(plan.later)).format(
            count=Number(len(plan.later)), time=when(min(at for _, at in plan.later))))
    if plan.too_many:
        parts.append(counted(translate("MergeSend", "{count} not sent (more than {limit} recipients)", None, 1),
                             len(plan.too_many)).format(count=Number(len(plan.too_many)),
                                                          limit=Number(plan.limits.recipients_per_message)))
    return translate("MergeSend", "{plan}.").format(plan=clauses(parts))


def send_part_label(plan) -> Words:
    """The question's button that sends the part of a batch that fits (Alt+S): "Send 3 now, keep 2 for later"."""
    if plan.later:
        return translate("MergeSend", "&Send {now} now, keep {later} for later").format(
            now=Number(len(plan.send_now)), later=Number(len(plan.later)))
    return translate("MergeSend", "&Send the other {now}").format(now=Number(len(plan.send_now)))


async def submit_held(run, items: list, plan=None) -> list:
    """Hand the rows' drafts (``items``) to the Outbox as ONE send through :func:`app.core.sending.request.hand_over`,
    HELD when the send's ``run.hold_for`` gives a hold (the run then tells :class:`app.domain.events.MergeHeld`). ``plan`` (:func:`app.core.sending.limits.plan_batch`, in ``items``'
    order): when some of them meet the account's sending limits, only the part that fits goes now; the rest
    waits HELD in the Outbox for the day that has room, and None stands for a message not handed over."""
    handed = await hand_over(run.outbox, items, plan, run.hold_for() if run.hold_for is not None else None)
    if handed.held:
        run.held(handed.held)
    return handed.subs
