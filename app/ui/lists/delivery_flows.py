"""Did it arrive, in the window (wiring; what the reports say is the core's: app/core/delivery/watch.py, the
account runtime's ``delivery``):

- **When it looks**: once the account is connected, on F5 (Refresh), and every :data:`CHECK_EVERY_MS`; never two
  checks at once. A check that fails (offline) is tried at the next turn, said nowhere: nothing the user asked.
- **The Sent list**: a message a report says did not reach someone is marked in its Status cell ("1 failed", red);
  one still being tried, "1 delayed". Receipts are quiet: the preview says them.
- **The Sent preview**: each recipient delivered, read (with its time), not delivered (what happened, what to do, the
  server's code) or no news; Resend to those that failed (Ctrl+Shift+B: Compose as Edit as new with only them, the
  keyboard in To) and Remove from suggestions (To, Cc and Bcc no longer offer them).
- **Never suggested**: To, Cc and Bcc offer no address whose newest news is a failure (from the book as loaded, and
  again after each check; app/domain/suggestions.py).
- **Told once**: a failure of a message sent in the last 7 days is told once, in the banner (with "Show in Sent",
  which selects it) and to a screen reader; never for a receipt.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Qt

from app.domain.delivery import Fate, failed
from app.domain.delivery_words import failure_words, fate_words, summary
from app.domain.follow_up import resend_to
from app.mail.errors import MailError
from app.ui.common.port import Level
from app.ui.common.tr import counted, shown, translate
from app.domain import words

log = logging.getLogger(__name__)

CHECK_EVERY_MS = 5 * 60 * 1000
NOT_DELIVERED = words.translate("Delivery", "“{subject}” could not be delivered to %Ln recipient(s): {who}.", None, 0)
SEVERAL = words.translate("Delivery", "%Ln sent message(s) could not be delivered to everyone: “{subject}” and the "
                                      "others are marked in Sent.", None, 0)
FORGOTTEN = words.translate("Delivery", "%Ln address(es) will no longer be suggested.", None, 0)


class DeliveryFlows(QObject):
    """``runtime()``: the account runtime in use (None: none yet); ``banner``: the window's; ``stash()``: what
    Compose holds goes to Drafts first; ``forget(addresses)``: To, Cc and Bcc no longer suggest them."""

    def __init__(self, port, flows, sent, compose, banner, runtime: Callable, forget: Callable[[list[str]], int]):
        super().__init__(sent)
        self.port, self.flows, self.sent, self.compose, self.banner = port, flows, sent, compose, banner
        self.runtime, self.forget = runtime, forget
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        sent.message_shown.connect(self.show_news)
        for sig in (sent.model.rowsInserted, sent.model.modelReset):
            sig.connect(self.mark)
        sent.delivery.resend_requested.connect(self.resend)
        sent.delivery.forget_requested.connect(self.forget_failed)

    def watch(self):
        rt = self.runtime()
        return rt.delivery if rt is not None and self.port.session is not None else None

    # ---- looking ----
    def start(self) -> None:
        """The account is connected: look now, then every CHECK_EVERY_MS."""
        self.timer.start()
        self.keep_suggestions()
        self.check()

    def check(self) -> None:
        if self.flows.closed:  # a closed window's timer, still running until the window is gone, looks no more
            self.timer.stop()
        elif self.watch() is not None and not self._checking:
            self._checking = True
            self.flows.spawn(self._check())

    async def _check(self) -> None:
        watch = self.watch()
        try:
            await watch.check(self._oldest_sent())
        except (MailError, OSError) as exc:  # offline, signed out, a disk that refuses: the next turn tries again
            log.info("reports not checked: %s", type(exc).__name__)
            return
        finally:
            self._checking = False
        if watch is self.watch():
            self.keep_suggestions()
            self.mark()
            self.show_news(self.sent.shown_message())

    def _oldest_sent(self):
        times = [s.sent for s in self.sent.model.summaries() if s.sent is not None]
        return min(times) if times else None

    def keep_suggestions(self) -> None:
        """To, Cc and Bcc offer no address that bounced (the account's book; none without a watch)."""
        watch = self.watch()
        gone = watch.bounced() if watch is not None else frozenset()
        for field in (self.compose.to, self.compose.cc, self.compose.bcc):
            field.set_bounced(gone)

    # ---- the list ----
    def mark(self, *_a) -> None:
        """Each listed message a report says did not reach someone, or is still being tried: its Status cell."""
        watch = self.watch()
        if watch is None:
            return
        marks = {}
        for s in self.sent.model.summaries():
            if not s.internet_message_id:
                continue
            standing = watch.standing(s.internet_message_id)
            word = summary(standing, []) if standing else ""
            if word or self.sent.model.status(s.ref.id):
                marks[s.ref.id] = (word, bool(failed(standing)))
        if marks:
            self.sent.model.set_statuses(marks)
        self._tell(watch)

    # ---- the preview ----
    def show_news(self, msg) -> None:
        watch = self.watch()
        if msg is None or watch is None or not msg.internet_message_id:
            self.sent.delivery.clear()
            return
        standing = watch.standing(msg.internet_message_id)
        if not standing:
            self.sent.delivery.clear()
            return
        recipients = list(dict.fromkeys((*msg.to, *msg.cc, *msg.bcc)))
        named = {r.email.strip().lower() for r in recipients}
        lines = [self._line(r.display(), standing.get(r.email.strip().lower())) for r in recipients]
        lines += [self._line(a, n) for a, n in sorted(standing.items()) if a not in named]
        self.sent.delivery.show_news(lines, [n.address for n in failed(standing)])

    @staticmethod
    def _line(who: str, news) -> str:
        if news is not None and news.fate is Fate.FAILED:
            what, fix = failure_words(news)
            code = f" ({news.status})" if news.status else ""
            return translate("SentView", "{who}: not delivered{code}. {what} {fix}").format(
                who=who, what=shown(what), fix=shown(fix), code=code)
        return translate("SentView", "{who}: {state}").format(who=who, state=shown(fate_words(news)))

    # ---- resend, forget ----
    def resend(self) -> None:
        msg, failed_ = self.sent.shown_message(), self.sent.delivery.failed
        if msg is None or not failed_:
            self.port.say(translate("Delivery", "Select a sent message a report says did not reach someone: its "
                                                "preview lists who, and Ctrl+Shift+B writes to them again"))
            return
        if self.port.session is None or not self.flows.stash_current():
            return
        c = self.compose
        c.load(c.new_message(resend_to(msg, failed_)))
        self.port.show_view("compose")
        c.to.setFocus()
        self.port.say(translate("Delivery", "A copy for the recipients it did not reach: check each address, then "
                                            "Ctrl+Return"), ms=8000)

    def forget_failed(self) -> None:
        failed_ = self.sent.delivery.failed
        if failed_:
            self.forget(failed_)
            self.port.say(counted(FORGOTTEN, len(failed_)))

    # ---- told once ----
    def _tell(self, watch) -> None:
        sent = {s.internet_message_id: s.sent for s in self.sent.model.summaries()
                if s.internet_message_id and s.sent is not None}
        untold = watch.untold(sent)
        if not untold:
            return
        by_id = {s.internet_message_id: s for s in self.sent.model.summaries()}
        first = by_id[untold[-1]]  # the newest
        if len(untold) == 1:
            who = [n.address for n in failed(watch.standing(first.internet_message_id))]
            text = counted(NOT_DELIVERED, len(who)).format(subject=first.subject, who=", ".join(who))
        else:
            text = counted(SEVERAL, len(untold)).format(subject=first.subject)
        self.flows.spawn(watch.mark_told(untold))
        if self.banner.choice_pending:  # a question waits in the banner: it stays, this goes to the status bar
            self.port.say(text, Level.ALERT, ms=15000)
        else:
            self.banner.show_choice(text, translate("Delivery", "Show in &Sent"),
                                    lambda ref=first.ref: self.show_row(ref.id),
                                    reject=translate("Delivery", "Dismiss"))

    def show_row(self, ref_id: str) -> None:
        """The Sent view, its row ``ref_id`` selected (its preview follows)."""
        self.port.show_view("sent")
        row = self.sent.model.row_of(ref_id)
        if row >= 0:
            self.sent.table.selectRow(row)
            self.sent.table.setFocus(Qt.OtherFocusReason)


def forget_in(port, compose) -> Callable[[list[str]], int]:
    """Remove from suggestions, for :class:`DeliveryFlows`: app/ui/compose/recent.py."""
    from app.ui.compose.recent import forget_recipients

    return lambda addresses: forget_recipients(port, compose, addresses)


