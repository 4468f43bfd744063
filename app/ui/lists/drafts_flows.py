"""What the window does in Drafts and Sent: Send selected (one request for many drafts to app.core.sending.request,
each checked as Compose checks it and held in the undo-send window), opening a draft (its newest version: the one in Compose
or kept on this computer when the server's is older), deleting drafts, previewing a sent message. Built by
:class:`app.ui.window.workflows.Workflows` (its ``drafts``); the queue decides what is sent, when."""

from __future__ import annotations

from typing import Callable

from qasync import asyncSlot

from app.core.sending.batch_report import DECLINED, batch_summary
from app.core.sending.refusals import RefusalMemory
from app.core.sending.request import Sending
from app.domain.explain import describe
from app.domain.models import Draft, ErrorKind, ItemOutcome, ItemRef, MessageSummary, OutcomeStatus
from app.domain import words
from app.mail.errors import MailError
from app.storage.local_errors import not_sent_unprotected
from app.ui.common.tr import counted, shown, translate
from app.ui.compose.from_flows import show_at_field
from app.ui.common import spoken
from app.ui.common.port import Flows, Level, ShellPort
from app.ui.lists.send_selected import DraftsQuestions, kept_for_later, request, row_statuses, show_checked

#: Send selected on a draft whose newer version is on this computer only: the server's older one is not sent
#: (Words: the row shows it in the user's language; the outcome's explanation is the core's kind of words)
NOT_SENT_NEWER = words.translate("DraftsFlows", "Not sent: a newer version of this draft is on this computer, not "
                                                "yet saved to the server. Open it (Enter) to check it, then send it "
                                                "from Compose")
#: the batch's rows while Compose's check reads them (what is sent is decided by it: DraftsQuestions.checked)
CHECKING = words.translate("DraftsFlows", "Checking…")
CHECKING_N = words.translate("DraftsFlows", "Checking %Ln draft(s)…", None, 0)
NOT_DELETED = words.translate("DraftsFlows", "%Ln draft(s) could not be deleted: {why}", None, 0)
DELETED = words.translate("DraftsFlows", "Deleted %Ln draft(s)", None, 0)


class DraftsFlows:
    """``port``: the shell's (app.ui.common.port); ``flows``: the window's workflows (tasks, the send request, the
    stash before Compose is replaced); the views; ``journal_bridge()`` and ``timing()``: the account's journal
    bridge and Compose's undo send, once built (None before)."""

    def __init__(self, port: ShellPort, flows: Flows, compose, drafts, sent, *, journal_bridge: Callable[[], object],
                 timing: Callable[[], object]):
        self.port, self.flows = port, flows
        self.compose, self.drafts, self.sent = compose, drafts, sent
        self.journal_bridge, self.timing = journal_bridge, timing
        # why each draft's last send was refused, shown in Compose when it is opened (its row still saying it)
        self.refusals = RefusalMemory()

    @asyncSlot()
    async def send_selected(self, refs=None):
        f = self.flows
        port = self.port
        if not refs and port.session is not None and port.current_view() != "drafts":
            # never send drafts the user is not looking at: show the list instead
            port.show_view("drafts")
            port.say(translate("DraftsFlows", "Select drafts, then press Ctrl+Shift+Return to send them"), ms=6000)
            return
        with f.tracked():
            await self.send_selected_drafts(refs)

    async def send_selected_drafts(self, refs: list[ItemRef] | None = None) -> list[ItemOutcome]:
        """Submit many saved drafts at once (they go out in ONE request); sent rows leave the list,
        refused rows show their error, rows that wait say so."""
        f = self.flows
        port, timing = self.port, self.timing()
        outbox = f.outbox()
        if outbox is None:
            return []
        if refs is None or refs is False:
            refs = self.drafts.selected_refs()
        if not refs:
            port.say(translate("DraftsFlows", "Select drafts to send (Shift+Up/Down, Ctrl+A)"), ms=5000)
            return []
        refs, held = await self._without_newer_versions(refs)
        if not refs:
            port.say(shown(NOT_SENT_NEWER), ms=10000)
            return held
        model = self.drafts.model
        items = [model.summary(model.row_of(r.id)) or _summary_of(r) for r in refs]
        for r in refs:
            self.refusals.forget(r.id)  # sent again: an older refusal is no longer what stands
        model.set_statuses({r.id: (CHECKING, False) for r in refs})  # one change for the batch, not 50
        n = len(refs)
        port.busy_push(counted(CHECKING_N, n))
        try:  # the core: Compose's check per draft, the sending limits, the undo-send hold, refusals taken back
            with f.asking(r.id for r in refs):  # each one's outcome is said in the batch's end
                done = await f.sender.send_saved(outbox, refs,
                                                 request(port.session, self.journal_bridge(), timing, outbox, items),
                                                 DraftsQuestions(port, model, timing, outbox, [r.id for r in refs]))
        finally:
            port.busy_pop()
        show_checked(model, self.refusals, done)
        if done.handover is not None:  # those still in the Outbox (waiting, kept for later): said as they end
            f.handed_over(done.handover.subs)
        if done.declined:  # the user chose to send nothing: the answer was said as the question closed
            port.say(shown(DECLINED), Level.PROGRESS, ms=8000)
            return held
        if done.reason:  # the journal cannot record the sends: none is sent
            text = not_sent_unprotected(done.reason)
            model.set_statuses({r.id: (text, True) for r in done.refs})
            port.journal_notice(translate("DraftsFlows", "Not sent"), shown(text))
            return held
        outcomes, sent_ids, statuses, taken_back = row_statuses(timing, self.refusals, done)
        later = kept_for_later(done)
        model.set_statuses(statuses)
        model.take_rows(sent_ids)
        outcomes += held
        n += len(held)
        # shown quietly: what of it is said, and how, is spoken.batch_done's (all taken back: Undo said so already)
        port.say(shown(batch_summary(n, len(sent_ids), taken_back, later)), Level.PROGRESS, ms=8000)
        spoken.batch_done(port, n, len(sent_ids), taken_back, later)
        port.tell_batch_sent(outcomes)  # the Sent list reloads once, after the batch (JournalBridge._finished)
        return outcomes

    async def _without_newer_versions(self, refs: list[ItemRef]) -> tuple[list[ItemRef], list[ItemOutcome]]:
        """Send selected sends drafts as the server has them, so a draft whose newer version is on this
        computer (in Compose, or kept in the journal) is not sent: that would send an older version than the
        user wrote. Returns (the refs to send, an outcome for each one held back); held rows say why."""
        bridge, c = self.journal_bridge(), self.compose
        newer = set() if bridge is None else set(await bridge.newer_marks.newer_local())
        if c.dirty and c.current_ref() is not None:
            newer.add(c.current_ref().id)
        going, held = Sending.without_newer(refs, newer)
        if held:
            self.drafts.model.set_statuses({r.id: (NOT_SENT_NEWER, True) for r in held})
        return (going,
                [ItemOutcome(ref=r, status=OutcomeStatus.FAILED, code="NewerVersionOnThisComputer",
                             explanation=NOT_SENT_NEWER, kind=ErrorKind.STALE) for r in held])

    @asyncSlot(object)
    async def open_draft(self, ref: ItemRef):
        """Enter on a draft: Compose shows its newest version, the one on screen or kept on this computer
        when the server's is older (never the server's older text over edits not yet saved)."""
        f = self.flows
        port, c = self.port, self.compose
        if c.current_ref() is not None and c.current_ref().id == ref.id:
            port.show_view("compose")  # it is the message in Compose: what is there is its newest version
            port.say(translate("DraftsFlows", "Already open in Compose"), ms=4000)
            c.to.setFocus()
            self._say_refusal(ref)
            return
        with f.tracked(translate("DraftsFlows", "Opening draft…")):
            msg = await self._newer_here(ref)
            newer = msg is not None
            if not newer:
                try:
                    msg = await port.session.get_message(ref)
                except MailError as exc:
                    if not f.transport_error(exc):
                        self.drafts.model.set_status(ref.id, f.explain_exc(exc))
                    return
            if msg.ref is None:
                msg = msg.copy(ref=ref)
            if not f.stash_current():
                return
            c.load(msg)
            if newer:
                bridge = self.journal_bridge()
                c.show_unsaved_edits(kept=bridge is not None and bridge.journal.persistent)
                port.say(translate("DraftsFlows", "Opened the version kept on this computer: it is "
                                                  "newer than the server's (not saved to the server "
                                                  "yet)"), ms=8000)
            port.show_view("compose")
            c.to.setFocus()
            if not newer:  # (a newer version kept here is not what was refused)
                self._say_refusal(ref)

    def _say_refusal(self, ref: ItemRef) -> None:
        """The draft just opened: if its last send was refused and its row still says so, why, at the field it
        concerns, until that field is edited or it is sent again."""
        refused = self.refusals.current(ref.id, self.drafts.model.status(ref.id))
        if refused is not None:
            show_at_field(self.compose, refused)

    async def _newer_here(self, ref: ItemRef) -> Draft | None:
        """The version of the server draft ``ref`` kept on this computer, newer than the server's, if any."""
        bridge = self.journal_bridge()
        if bridge is None:
            return None
        entry = (await bridge.newer_marks.newer_local()).get(ref.id)
        if entry is None:
            return None
        full = await bridge.writer(bridge.journal.get, entry.local_id)
        return None if full is None else full.draft

    @asyncSlot(list)
    async def delete_drafts(self, refs: list[ItemRef]):
        f = self.flows
        port = self.port
        if port.session is None:
            return
        with f.tracked(translate("DraftsFlows", "Deleting…")):
            try:
                outcomes = await port.session.delete_items(refs)
            except MailError as exc:
                port.say(translate("DraftsFlows", "Could not delete: {why}").format(why=shown(f.explain_exc(exc))),
                         Level.ERROR)
                self.drafts.model.reload()
                return
            bad = [o for o in outcomes if not o.ok]
            if bad:
                why = shown(bad[0].explanation or describe(bad[0].code))
                port.say(counted(NOT_DELETED, len(bad)).format(why=why), Level.ERROR)
                self.drafts.model.reload()
            else:
                port.say(counted(DELETED, len(refs)), ms=4000)

    @asyncSlot(object)
    async def preview_draft(self, ref: ItemRef):
        """The current draft in the Drafts preview: its newest version (kept on this computer when the server's
        is older), read-only. Not a busy step: the list stays the user's while it is read."""
        port = self.port
        session = port.session
        if session is None:
            return
        try:
            msg = await self._newer_here(ref) or await session.get_message(ref)
        except MailError as exc:
            if session is port.session:
                self.drafts.preview.body.setPlainText(translate("DraftsFlows", "Could not load the draft: {why}")
                                                      .format(why=shown(self.flows.explain_exc(exc))))
            return
        if session is port.session:  # (signed in as someone else meanwhile: not this list's draft)
            self.drafts.show_draft(msg, ref)

    # ---- sent ----
    @asyncSlot(object)
    async def preview_sent(self, ref: ItemRef):
        f, port, sent = self.flows, self.port, self.sent
        session = port.session
        with f.tracked():
            try:
                msg = await session.get_message(ref)
            except MailError as exc:
                if session is port.session:
                    sent.body.setPlainText(translate("DraftsFlows", "Could not load the message: {why}")
                                           .format(why=shown(f.explain_exc(exc))))
                return
            if session is not port.session:  # signed in as someone else meanwhile
                return
            cur = sent.table.currentIndex()
            s = sent.model.summary(cur.row()) if cur.isValid() else None
            if s is not None and s.ref.id == ref.id:
                sent.show_message(msg, when=s.sent or s.modified, sender=session.account.email)


def _summary_of(ref: ItemRef) -> MessageSummary:
    return MessageSummary(ref=ref, subject="", display_to="", modified=None, has_attachments=False)
