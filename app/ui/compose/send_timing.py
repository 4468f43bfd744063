"""Sending on the user's terms: undo send and send later, in the window. Wiring only: a send is
HELD in the account's Outbox (:mod:`app.core.outbox.holds`); nothing here talks to the server or decides when.

- **Undo send**: Ctrl+Return submits the message HELD for ``undo_send_seconds`` (File > Undo send delay:
  Off, 5, 10, 20, 30 s; default 10 s). Compose shows a bar "Sending “…” in 7 s — Undo / Send now" that
  counts down once a second. Undo (the bar's button, File > Undo send, or Ctrl+Z — see :meth:`eventFilter`
  for when Ctrl+Z is the send's and when it is the text field's) cancels the submission and loads the
  message back into Compose exactly as it was (its journal entry, with its local id, Message-ID,
  attachments and rich text, is the user's message again).
- **Send later** (Ctrl+Shift+T): a small non-modal dialog (``show()``, never ``exec()``) with presets
  (tomorrow 8:00, Monday 8:00) and a typed time (:func:`app.core.outbox.send_times.parse_when`, its error shown
  under the field); the message waits in the Outbox, "Sends at Tue 08:00", where Enter takes it back.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout,
)

from app.core.outbox import countdown_speech

from app.core.outbox import words as outbox_words
from app.core.outbox import NotCancellable, holds
from app.core.sending.request import Result
from app.core.outbox.send_times import WhenError, examples, next_monday, parse_when, tomorrow_morning
from app.core.outbox.rows import send_view
from app.domain import words
from app.domain.models import OutcomeStatus
from app.storage.settings import UNDO_SEND_CHOICES, default_undo_send
from app.ui.lists.batch_undo import BatchUndo
from app.ui.common.port import Flows, ShellPort
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import counted, shown, translate
from app.ui.common import spoken
from app.ui.common.undo_key import UndoKey

log = logging.getLogger(__name__)


@dataclass
class _Held:
    sub: object  # Submission
    outbox: object
    subject: str
    unsaved: bool = True  # taken back: not in Drafts as it is (Outbox.hand.in_drafts_as_is)
    moved_to: str = ""  # where the keyboard went by itself as it was held ("New message"), said with its start
    said: countdown_speech.Said = countdown_speech.Said()  # what a screen reader was told of its countdown


class UndoSendBar(QFrame):
    """"Sending “Lunch” in 7 s — Undo / Send now", above Compose's buttons while a send is held."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setAccessibleName(translate("SendTiming", "Undo send bar"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 6, 8, 6)
        self.label = PlainLabel(self)
        self.label.setAccessibleName(translate("SendTiming", "Undo send countdown"))
        self.label.setWordWrap(True)  # a long countdown or subject wraps: it never widens the window
        self.undo_button = QPushButton(translate("SendTiming", "Undo"), self)
        self.undo_button.setAccessibleName(translate("SendTiming", "Undo send"))
        self.undo_button.setToolTip(translate("SendTiming", "Take the message back into Compose ({keys})").format(
            keys=QKeySequence("Ctrl+Z").toString(QKeySequence.NativeText)))
        self.now_button = QPushButton(translate("SendTiming", "Send now"), self)
        self.now_button.setAccessibleName(translate("SendTiming", "Send now, without waiting"))
        for b in (self.undo_button, self.now_button):
            b.setFocusPolicy(Qt.TabFocus)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.undo_button)
        lay.addWidget(self.now_button)
        self.hide()


#: Undo too late: the send is on the wire
TOO_LATE = words.translate("SendTiming", "It is being sent right now and can no longer be taken back")
#: Send later's refusal before anything was created is headed so (Workflows.send_compose's ``not_done``)
NOT_SCHEDULED = words.translate("SendTiming", "Not scheduled")
#: the undo bar's words while more sends are held behind the newest (pyside6-lupdate makes an entry plural only
#: when its count is a literal: marked with 0 here, counted in :func:`countdown_words`)
SENDING_AND_MORE = words.translate("SendTiming", "Sending “{subject}” in {seconds} s (and %n more) — Ctrl+Z or Undo "
                                                 "takes it back", None, 0)

# the most of a subject the undo bar quotes (an unbroken subject is one word: it would set the bar's width)
SUBJECT_SHOWN = 40


def short_subject(subject: str) -> str:
    """``subject`` as the undo bar quotes it: its first SUBJECT_SHOWN characters and "…" when longer."""
    return subject if len(subject) <= SUBJECT_SHOWN else subject[:SUBJECT_SHOWN - 1].rstrip() + "…"


def no_subject() -> str:
    """How a message without a subject is named in the window's words."""
    return translate("SendTiming", "(no subject)")


def why(exc: Exception) -> str:
    """What a refusal from the core says, in the user's language (its words are Words when the core marked
    them; ``str()`` of an exception would drop that)."""
    said = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    return shown(said)


def when_shown(when: datetime, *, spoken: bool = False) -> str:
    """A preset's day and time in the user's locale ("Tue 01 Dec 08:00"; spoken: the day and month whole)."""
    fmt = "dddd dd MMMM HH:mm" if spoken else "ddd dd MMM HH:mm"
    return QLocale().toString(QDateTime(when.date(), when.time()), fmt)


def clock_shown(release_at: float, wall: float | None = None) -> str:
    """When a scheduled message goes, in the user's locale: "Tue 08:00" within the coming week, else
    "Tue 3 Dec 08:00" (and the year when it is not this one)."""
    when = QDateTime.fromSecsSinceEpoch(int(release_at))
    wall = time.time() if wall is None else wall
    if 0 <= release_at - wall < 6 * 86400:
        return QLocale().toString(when, "ddd HH:mm")
    same_year = when.date().year() == QDateTime.fromSecsSinceEpoch(int(wall)).date().year()
    return QLocale().toString(when, "ddd d MMM HH:mm" if same_year else "ddd d MMM HH:mm yyyy")


# the Send later dialog's width: inside half of a 1366 px screen (683 px), with room around it
WIDTH = 480


class SendLaterDialog(QDialog):
    """When to send: Alt+T tomorrow 8:00, Alt+M Monday 8:00, or a typed time (Enter schedules it)."""

    chosen = Signal(float)  # the release time, wall-clock epoch seconds
    refused = Signal(str)  # why what was typed is not a time: said to a screen reader (the field keeps the keyboard)

    def __init__(self, parent, now: datetime | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("SendLater", "Send later"))
        self.setAccessibleName(translate("SendLater", "Send later"))
        self.setModal(False)
        self._now = now
        when_now = self.now()
        lay = QVBoxLayout(self)
        intro = PlainLabel(translate("SendLater", "The message goes to the server now, and Exchange keeps it in "
                                                  "the Outbox until this time: it goes out then even with this "
                                                  "computer off."), self)
        intro.setWordWrap(True)  # one line of it made the dialog ~950 px wide: wider than half a small screen
        lay.addWidget(intro)
        self.presets = []
        for text, when in ((translate("SendLater", "&Tomorrow morning"), tomorrow_morning(when_now)),
                           (translate("SendLater", "&Monday morning"), next_monday(when_now))):
            b = QPushButton(translate("SendLater", "{preset} — {when}").format(preset=text, when=when_shown(when)),
                            self)
            b.setAccessibleName(translate("SendLater", "{preset}, {when}").format(
                preset=text.replace("&", ""), when=when_shown(when, spoken=True)))
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, ts=when.timestamp(): self._choose(ts))
            lay.addWidget(b)
            self.presets.append(b)
        row = QHBoxLayout()
        label = QLabel(translate("SendLater", "&At:"), self)
        self.when = QLineEdit(self)
        self.when.setAccessibleName(translate("SendLater", "Send at (type a date and time)"))
        self.when.setPlaceholderText(shown(examples(when_now, short=True)))
        self.when.setMinimumWidth(0)
        label.setBuddy(self.when)
        row.addWidget(label)
        row.addWidget(self.when, 1)
        lay.addLayout(row)
        self.error = PlainLabel("", self)
        self.error.setObjectName("fieldError")
        self.error.setAccessibleName(translate("SendLater", "Send later error"))
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.schedule_button = QPushButton(translate("SendLater", "&Schedule"), self)
        self.schedule_button.setDefault(True)
        self.schedule_button.clicked.connect(self._typed)
        cancel = QPushButton(translate("SendLater", "Cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(cancel)
        lay.addLayout(buttons)
        self.when.setFocus(Qt.OtherFocusReason)
        self.setMaximumWidth(WIDTH)
        self._fit()
        from app.ui.common.room_for_text import make_room

        make_room(self)  # a long error under the time gets its lines

    def _fit(self) -> None:
        """As tall as its wrapped lines need at :data:`WIDTH` (the size hint is computed for one long line,
        which left the intro cut off at the top)."""
        self.resize(WIDTH, max(self.sizeHint().height(), self.heightForWidth(WIDTH)))

    def now(self) -> datetime:
        return self._now or datetime.now()

    def _typed(self) -> None:
        try:
            when = parse_when(self.when.text(), self.now())
        except WhenError as exc:
            text = why(exc)
            self.error.setText(text)
            self.error.setAccessibleDescription(text)
            self.error.show()
            self._fit()
            self.when.setFocus(Qt.OtherFocusReason)
            self.when.selectAll()
            self.refused.emit(text)
            return
        self._choose(when.timestamp())

    def _choose(self, release_at: float) -> None:
        self.accept()
        self.chosen.emit(release_at)


class SendTiming(QObject):
    """Built with the window's journal bridge (the window's part ``send_timing``); Workflows asks it for the hold of a
    send (:meth:`undo_hold`) and hands it a held submission (:meth:`held`)."""

    def __init__(self, port: ShellPort, news, flows: Flows, compose, drafts, journal_bridge: Callable[[], object], *,
                 after=None):
        """``port``: the shell's (app.ui.common.port); ``news``: the Outbox's news as signals
        (app.ui.common.core_events); ``flows``: the window's workflows (the send request, the Outbox notice);
        ``compose`` and ``drafts``: the views (Send selected's countdown goes under the Drafts list);
        ``journal_bridge()``: the account's, once built; ``after``: the File menu's action its own follow."""
        super().__init__(port.dialog_parent)
        self.port, self.flows, self.compose, self.journal_bridge = port, flows, compose, journal_bridge
        self.news = news
        news.changed.connect(self._changed)
        c = compose
        self.bar = UndoSendBar(c)
        lay = c.layout()
        lay.insertWidget(max(lay.count() - 1, 0), self.bar)  # above the Attach / Save / Send row
        self.bar.undo_button.clicked.connect(self.undo)
        self.bar.now_button.clicked.connect(self.send_now)
        self._held: list[_Held] = []  # in their undo window, oldest first
        self._watch: list[_Held] = []  # released from their window: their outcome goes to the status bar
        # Ctrl+Z while the bar shows (Compose is on screen) undoes the send, unless the focused field has
        # typing of its own to undo (the bar's Undo button and File > Undo send still take the send back)
        self.undo_key = UndoKey(port.dialog_parent, self.bar.isVisible, self.undo)
        self.dialog: SendLaterDialog | None = None
        self._followed = None  # the Outbox whose changes the bar follows (:meth:`_follow`)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self._install_actions(after)
        self.batch = BatchUndo.for_drafts(port, self.delay, drafts, UndoSendBar)  # Send selected: one countdown for the batch

    # ---- settings ----
    def delay(self) -> float:
        s = self.port.settings
        return s.undo_send_seconds() if s is not None else default_undo_send()

    def set_delay(self, seconds: float) -> None:
        if self.port.settings is not None:
            self.port.settings.set_undo_send_seconds(seconds)
        self._check_delay()
        self.port.say(
            translate("SendTiming", "Undo send: off — Ctrl+Return sends at once") if not seconds else
            translate("SendTiming", "Undo send: Ctrl+Return waits {seconds} s, Ctrl+Z takes it back").format(
                seconds=_number(seconds)), ms=5000)

    def undo_hold(self) -> holds.Hold | None:
        outbox = self.flows.outbox()  # on the Outbox's own (injected) wall clock, as a batch's hold is
        return holds.undo_hold(self.delay(), outbox.parts.wall() if outbox is not None else time.time())

    # ---- actions ----
    def _install_actions(self, send) -> None:
        """Its actions, in the File menu after ``send`` (Send)."""
        self.later_action = self._action(translate("SendTiming", "Send &later…"), "Ctrl+Shift+T", self.send_later,
                                         "actSendLater")
        self.undo_action = self._action(translate("SendTiming", "&Undo send"), None, self.undo, "actUndoSend")
        self.undo_action.setEnabled(False)
        self.delay_menu = QMenu(translate("SendTiming", "Undo send dela&y"), self.port.dialog_parent)
        self.delay_menu.setObjectName("menuUndoSendDelay")
        group = QActionGroup(self.delay_menu)
        group.setExclusive(True)
        self.delay_actions = {}
        for n in UNDO_SEND_CHOICES:
            a = QAction(translate("SendTiming", "&Off") if n == 0 else translate("SendTiming", "{number} seconds").format(
                number=f"&{_number(n)}"), self.delay_menu)
            a.setObjectName(f"actUndoSendDelay{n}")
            a.setCheckable(True)
            a.triggered.connect(lambda _c=False, n=n: self.set_delay(n))
            group.addAction(a)
            self.delay_menu.addAction(a)
            self.delay_actions[n] = a
        self._check_delay()
        m = self.port.menu("&File")
        if m is not None:
            acts = m.actions()
            after = acts[acts.index(send) + 1] if send in acts and acts.index(send) + 1 < len(acts) else None
            for a in (self.later_action, self.undo_action, self.delay_menu.menuAction()):
                m.insertAction(after, a) if after is not None else m.addAction(a)

    def _action(self, text, keys, slot, name) -> QAction:
        a = QAction(text, self.port.dialog_parent)
        a.setObjectName(name)
        if keys:
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.WindowShortcut)
            a.setToolTip(translate("SendTiming", "{command} ({keys})").format(
                command=text.replace("&", "").rstrip("…"), keys=QKeySequence(keys).toString(QKeySequence.NativeText)))
        a.triggered.connect(lambda _c=False: slot())
        self.port.add_action(a)
        return a

    def _check_delay(self) -> None:
        d = self.delay()
        for n, a in self.delay_actions.items():
            a.setChecked(n == d)

    # ---- undo send ----
    @staticmethod
    def is_held(sub) -> bool:
        return send_view(sub).held

    def held(self, sub, draft):
        """Ctrl+Return made a held submission: Compose is cleared for the next message and the countdown
        shows. Returns its outcome now (queued)."""
        flows, c = self.flows, self.compose
        if c.identity().local_id == draft.local_id:
            c.clear()
        moved_to = flows.fresh_compose()
        self._held.append(_Held(sub, flows.outbox(), draft.subject.strip() or no_subject(), moved_to=moved_to))
        self._follow(flows.outbox())
        self._start()
        self._tick()
        return sub.outcome()

    def follows(self, local_id: str) -> bool:
        """The send ``local_id`` is in its undo window or was released from it: what becomes of it is said here."""
        return any(h.sub.local_id == local_id for h in self._held + self._watch)

    def _follow(self, outbox) -> None:
        """The bar follows the Outbox's changes at once, not only at its next second, so a send
        refused or taken back never shows "Sending … in 11 s" for up to a second more."""
        if outbox is not None:
            self._followed = outbox

    def _changed(self) -> None:
        """The Outbox's ``changed`` news (``CoreEvents.changed``)."""
        outbox = self._followed
        if (self._held or self._watch) and outbox is not None and outbox is self.news.outbox:
            QTimer.singleShot(0, self._tick)  # after the change's turn: one tick for a burst

    def _start(self) -> None:
        if not self.tick.isActive():
            self.tick.start()
        self.undo_key.watch()

    def _tick(self) -> None:
        outbox = self.flows.outbox()
        still = []
        for h in self._held:
            if h.outbox is not outbox or send_view(h.sub).taken_back:
                continue  # another account is signed in now, or it was taken back (e.g. from the Outbox)
            (still if send_view(h.sub).held else self._watch).append(h)
        self._held = still
        self._report()
        if self._held:
            h = self._held[-1]
            left = max(0, int(h.sub.retry_at - h.outbox.parts.clock() + 0.999))
            self.bar.label.setText(countdown_words(short_subject(h.subject), left, len(self._held) - 1))
            self.bar.label.setAccessibleDescription(self.bar.label.text())
            self.bar.show()
            self._speak(h, left)
        else:
            self.bar.hide()
        self.undo_action.setEnabled(bool(self._held))
        if not self._held and not self._watch:
            self.tick.stop()
            self.undo_key.unwatch()

    def _speak(self, h: _Held, left: int) -> None:
        """The countdown to a screen reader: its start and its last seconds, once each (not every second)."""
        what, h.said = countdown_speech.cue(left, h.said)
        if what is not None:
            spoken.countdown(self.port, self.bar.label.text(), h.moved_to if what == countdown_speech.Cue.START else "")

    def _report(self) -> None:
        """A released send's outcome in the status bar (and ``message_sent``), as a send without a delay."""
        port, keep = self.port, []
        for h in self._watch:
            sub = h.sub
            o, said = sub.outcome(), send_view(sub)
            if said.sent:
                # the bar's words; the reader hears the Outbox's words for it (the same in English)
                port.say(translate("SendTiming", "Sent: {subject}").format(subject=h.subject), ms=5000, spoken=False)
                spoken.sent(port, h.subject)
            elif said.refused:
                spoken.show(port, shown(outbox_words.refused(o.explanation)), 10000, loud=True)  # a per-item error
            elif said.queued and h.outbox.queue.is_resting(sub):
                self.flows.notice.say(h.outbox, sub.local_id, h.subject)  # its words follow it (refused, sent)
            elif not said.taken_back:
                keep.append(h)
                continue
            if o.status in (OutcomeStatus.SENT, OutcomeStatus.FAILED):
                port.tell_sent(o)
        self._watch = keep

    def undo(self) -> None:
        """Undo the newest held send: the message comes back into Compose exactly as it was sent."""
        self._tick()
        if not self._held:
            return
        h = self._held[-1]
        if not self.flows.stash_current():  # what is typed now goes to Drafts first (refused: it stays)
            return
        h.unsaved = not h.outbox.hand.in_drafts_as_is(h.sub.local_id)  # asked before it is taken back
        try:
            taking = h.outbox.hand.cancel(h.sub.local_id)  # decided now: it no longer goes out
        except NotCancellable:
            spoken.show(self.port, shown(TOO_LATE), 8000, loud=True)
            return
        self._held.remove(h)
        self._tick()
        self.flows.spawn(self._back_in_compose(h, taking))

    async def _back_in_compose(self, h, taking) -> None:
        """The message, read back on the journal's thread, goes into Compose."""
        port, c = self.port, self.compose
        draft = await taking
        if draft is not None and not self.flows.stash_current():
            # typed meanwhile, and what is on screen cannot be saved as it is: it stays, and the message
            # taken back goes to Drafts instead
            await h.outbox.save(draft, wait=False)
            said = translate("SendTiming", "Not sent: “{subject}” was put in Drafts (fix this message first)").format(
                subject=h.subject)
            spoken.show(port, said, 10000)
            return
        if draft is not None:
            c.load(draft)
            if h.unsaved:  # not in Drafts: leaving it saves it there (it never lives only in the journal)
                bridge = self.journal_bridge()
                c.show_unsaved_edits(kept=bridge is not None and bridge.journal.persistent, edited=False)
        port.show_view("compose")
        c.to.setFocus(Qt.OtherFocusReason)
        said = translate("SendTiming", "Not sent: “{subject}” is back in Compose").format(subject=h.subject)
        spoken.show(port, said, 8000)
        self._tick()

    def send_now(self) -> None:
        if self._held:
            h = self._held[-1]
            h.outbox.hand.send_now(h.sub.local_id)
            QTimer.singleShot(50, lambda: self._tick())

    # ---- send later ----
    def send_later(self) -> None:
        """Ctrl+Shift+T: ask when (non-modal); the message is checked as for a send first. In the Outbox, on a message
        the server keeps for later: its time changes (Change time…)."""
        port = self.port
        if port.session is None:
            return
        bridge = self.journal_bridge()
        if port.current_view() == "outbox" and bridge is not None and bridge.change_time_here():
            return  # on a message the server keeps for later: its time changes (the same key, the same meaning)
        if port.current_view() != "compose":
            port.show_view("compose")
            port.say(translate("SendTiming", "Press Ctrl+Shift+T again to send this message later"), ms=5000)
            return
        if self.compose.validate(for_send=True):
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()
            return
        self.dialog = SendLaterDialog(port.dialog_parent)
        self.dialog.chosen.connect(lambda ts: self.flows.spawn(self.schedule(ts)))
        self.dialog.refused.connect(lambda words: spoken.assertive(port, words))
        self.dialog.finished.connect(lambda _r: port.activate())
        self.dialog.show()
        self.dialog.activateWindow()
        self.dialog.when.setFocus(Qt.OtherFocusReason)

    async def schedule(self, release_at: float):
        """Put the message in Compose in the Outbox, held until ``release_at`` (epoch seconds): the same send
        request as Ctrl+Return (app.core.sending.request: checked once, "Send anyway?" asked, a full journal refused),
        held for later instead of for undo."""
        c, flows = self.compose, self.flows
        r = await flows.send_compose(lambda: holds.Hold(holds.LATER, release_at), NOT_SCHEDULED)
        if r is None or r.result != Result.SCHEDULED:
            return None
        if c.identity().local_id == r.draft.local_id:
            c.clear()
        moved_to = flows.fresh_compose()
        bridge = self.journal_bridge()
        if bridge is not None:  # the words send the user to its row (the queue's, then the server's): Ctrl+4 lands on it
            bridge.point_at(r.sub.draft.internet_message_id)
        said = translate("SendTiming", "Scheduled: “{subject}” sends at {when}. Exchange keeps it in the Outbox "
                                       "(Ctrl+4), even with Dispatch closed; Enter there takes it back.").format(
            subject=r.draft.subject.strip() or no_subject(), when=clock_shown(release_at))
        spoken.show(self.port, said, 10000, moved_to=moved_to)
        return r.sub


def _number(n: float) -> str:
    """A number in the user's locale (a whole one without decimals)."""
    return QLocale().toString(int(n)) if float(n).is_integer() else QLocale().toString(float(n), "g", 6)


def countdown_words(subject: str, left: int, more: int) -> str:
    """The undo bar's words: "Sending “Lunch” in 7 s — Ctrl+Z or Undo takes it back", with how many more sends
    are held behind it."""
    if more > 0:
        return counted(SENDING_AND_MORE, more).format(
            subject=subject, seconds=_number(left))
    return translate("SendTiming", "Sending “{subject}” in {seconds} s — Ctrl+Z or Undo takes it back").format(
        subject=subject, seconds=_number(left))
