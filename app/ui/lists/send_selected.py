"""Send selected (Ctrl+Shift+Return in Drafts) asks :mod:`app.core.sending.request` to send, as Compose's Send does: the
core checks each draft with Compose's own check (a bad address is said in its row and never reaches the server),
plans the account's sending limits and asks first when the batch meets one (:func:`ask_send_part`), holds the
batch in the undo-send window with one countdown for all of it (Compose's ``SendTiming.batch``,
:mod:`app.ui.lists.batch_undo`) and takes a refused draft back out of the Outbox. Wiring only: this builds the
request and says in each row where its draft stands."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale

from app.core.sending.limited import row_words
from app.core.sending.refusals import check_refusal, refusal_of
from app.core.sending.request import BatchRequest, Result
from app.core.sending.limits import RecipientLedger, limits_for
from app.domain import words
from app.ui.common.tr import counted
from app.ui.lists.limits_question import ask_send_part
from app.ui.common.port import Level, ShellPort

# A row's Status is kept as Words: the row shows it in the user's language (MessageTableModel), and it compares
# as its English.
#: a held row's words, as the Outbox says them: short enough for the Status column at 683 px (the countdown bar
#: under the list says when, and that Ctrl+Z keeps them)
HELD_WORDS = words.translate("SendSelected", "Waiting to send")
#: a row's words when the user chose not to send a batch over the sending limits
KEPT_WORDS = words.translate("SendSelected", "Not sent: kept in Drafts (you chose not to send over the sending limits)")
NOT_SENT = words.translate("SendSelected", "Not sent: {why}")
#: a draft Compose's check holds back, said from the moment it is known (before the countdown): the core's words
WILL_NOT_SEND = words.translate("SendSelected", "Will not be sent: {why}")
#: a draft that passed the check and goes on (its row, and the status bar's count of them)
SENDING = words.translate("DraftsFlows", "Sending…")
SENDING_N = words.translate("DraftsFlows", "Sending %Ln draft(s)…", None, 0)
IN_THE_OUTBOX = words.translate("SendSelected", "In the Outbox: {why}")
WAITING = words.translate("SendSelected", "waiting to send")
UNDONE = words.translate("SendSelected", "Not sent: taken back (Undo)")
TAKEN_OUT = words.translate("SendSelected", "Not sent: taken out of the Outbox")
#: what a batch is, in its countdown ("Sending 3 drafts in 10 s")
N_DRAFTS = words.translate("SendSelected", "%Ln draft(s)", None, 0)


class DraftsQuestions:
    """What app.core.sending.request asks about a batch of drafts, answered in the window
    (:class:`app.core.sending.request.SendQuestions`); the rows say where their drafts stand."""

    def __init__(self, port: ShellPort, model, timing, outbox, ref_ids=()):
        """``port``: the shell's; ``model``: the Drafts list's; ``timing``: Compose's undo send
        (app.ui.compose.send_timing.SendTiming: its delay, the batch's countdown); ``ref_ids``: the drafts of the
        batch (their rows say what the check decided for each)."""
        self.port, self.model, self.timing = port, model, timing
        self.outbox, self.ref_ids = outbox, list(ref_ids)

    async def send_anyway(self, warnings) -> bool:  # asked of Compose's message only
        return True

    async def send_part(self, plan) -> bool:
        """Over a limit: the user says first whether the part that fits goes."""
        return await ask_send_part(self.port, plan, _local_time)

    def on_the_way(self, busy: bool) -> None:
        return None

    def checked(self, bad: dict[str, str], going: int) -> None:
        """The core's check decided: the drafts it holds back say so in their rows now (never "Sending…" for one
        that will not go). With undo send on, the others wait for the countdown, which alone says when and how
        many go (the status bar said "Sending 2 drafts…" beside it, and, shortened, again in the banner);
        with it off they are "Sending…", and the status bar counts only those."""
        held = self.timing.delay() > 0  # app.core.outbox.holds.undo_hold: held exactly when it is on
        statuses = {ref_id: (HELD_WORDS if held else SENDING, False) for ref_id in self.ref_ids if ref_id not in bad}
        statuses.update({ref_id: (WILL_NOT_SEND.format(why=why), True) for ref_id, why in bad.items()})
        self.model.set_statuses(statuses)
        self.port.say("" if held else counted(SENDING_N, going), Level.PROGRESS, ms=0)

    def handed_over(self, handed) -> None:
        """The planned-out rows say why; a batch in its undo window gets one countdown for all of it."""
        model, batch = self.model, self.timing.batch
        if handed.plan is not None and not handed.plan.blind_ok:
            model.set_statuses({handed.items[i].ref.id: said for i, said in row_words(handed.plan, _local_time).items()})
        going = handed.going
        if handed.held:
            batch.held(going, self.outbox, counted(N_DRAFTS, len(going)))
            ids = {s.local_id for s in going}
            model.set_statuses({it.ref.id: (HELD_WORDS, False)
                                for it, s in zip(handed.items, handed.subs) if s is not None and s.local_id in ids})


def request(session, bridge, timing, outbox, items: list) -> BatchRequest:
    """The batch as the core takes it: the drafts read for their check, the account's limits and today's
    count (kept by ``bridge``, the account's journal bridge, when built), Compose's undo-send delay (``timing``)."""
    runtime = getattr(bridge, "runtime", None)
    counter = getattr(runtime, "sent_count", None)
    return BatchRequest(items, read=session.get_message, limits=limits_for(session.account),
                        ledger=counter.ledger if counter is not None else RecipientLedger,
                        hold=lambda: timing.batch.hold(outbox),
                        max_send_bytes=outbox.limits.max_send_bytes)


def show_checked(model, memory, done) -> None:
    """The drafts Compose's check held back, each in its row of ``model`` (and at its field once opened); all of
    them kept in Drafts when the user chose not to send over the limits."""
    if done.bad:
        model.set_statuses({ref_id: (NOT_SENT.format(why=why), True) for ref_id, why in done.bad.items()})
        for ref_id, why in done.bad.items():  # opened in Compose while its row says so: each problem at its field
            memory.note(ref_id, check_refusal(why))
    if done.declined:
        model.set_statuses({r.id: (KEPT_WORDS, True) for r in done.refs})


def row_statuses(timing, memory, done) -> tuple[list, set, dict, int]:
    """Each handed-over draft's row once its send is decided: (outcomes, sent ids, statuses, taken back).
    The rows planned out (a later day, too many recipients) already say so."""
    plan = done.handover.plan if done.handover is not None else None
    planned_out = set() if plan is None or plan.blind_ok else {i for i, _ in plan.later} | set(plan.too_many)
    outcomes, sent_ids, statuses, taken_back = [], set(), {}, 0
    for i, (ref, r) in enumerate(zip(done.refs, done.results)):
        if i in planned_out:
            continue
        outcomes.append(r.outcome)
        if r.result == Result.SENT:
            sent_ids.add(ref.id)
            statuses[ref.id] = ("", True)
        elif r.result == Result.TAKEN_OUT:  # taken back (Undo, or the Outbox) before its turn: it stays in Drafts
            statuses[ref.id] = (taken_back_words(timing, r.sub), True)
            taken_back += 1
        elif r.result == Result.REFUSED:  # the core took it back: the draft stays in Drafts with its error shown
            statuses[ref.id] = (r.outcome.explanation, True)
            memory.note(ref.id, refusal_of(r.outcome, r.outcome.explanation))
        else:
            statuses[ref.id] = (IN_THE_OUTBOX.format(why=r.outcome.explanation or WAITING), True)
    return outcomes, sent_ids, statuses, taken_back


def kept_for_later(done) -> int:
    """How many of the batch the user chose to keep in the Outbox for a later day (the sending limits' question):
    not sent now, and not refused."""
    plan = done.handover.plan if done.handover is not None else None
    return 0 if plan is None or plan.blind_ok else len(plan.later)


def _local_time(epoch: float) -> str:
    """When a planned-out row goes, in the locale's words ("Fri 08:00", "ven. 08:00", "Fr. 08:00")."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(epoch)), "ddd HH:mm")


def taken_back_words(timing, sub) -> str:
    """A draft's row once its send was taken back before it went: by Undo (``timing``'s batch), or out of the
    Outbox."""
    return UNDONE if timing.batch.was_undone(sub) else TAKEN_OUT
