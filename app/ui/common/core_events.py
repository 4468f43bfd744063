"""The one bridge from the core's typed events (app/domain/events.py) to Qt signals.

Core objects publish what happened on their ``news`` (an :class:`app.domain.events.Hub`): the Outbox, the session,
the account's queue keeper, a mail merge run, the settings file, autosave. A window has ONE :class:`CoreEvents`; it follows
the one object of each kind in use (``follow(outbox)``, ``follow_session(session)``, ...; following another
unsubscribes from the previous one) and re-emits its events as the signals below. Features connect to these
signals; nothing in the UI subscribes to the core itself, nor reassigns a core object's callbacks
(tests/test_rules.py).

The core publishes on the event loop's thread (under qasync: the UI thread), so the signals are emitted there
and connected slots run at once, in order; a slot of a QObject living on another thread is queued to it by Qt.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from app.domain.events import (AutosaveFailed, CommandHandedOver, DraftKept, DraftSaved, MergeHeld, MergeProgress,
                               OutboxChanged, QueueHeldElsewhere, QueueStarted, ReportsRead, ScheduledListed,
                               SessionStateChanged,
                               SettingsProblem, SubmissionFinished)


class CoreEvents(QObject):
    # the Outbox followed (the account in use): changed (many in one turn: many signals), a draft reached the server
    # (the Draft), a submission's outcome is final (the Submission). ``saved_first`` / ``finished_first`` come
    # before ``saved`` / ``finished``: the journal slice keeps Compose, the journal and the lists in line with the
    # queue there, before anyone says what happened
    changed = Signal()
    saved_first = Signal(object)
    saved = Signal(object)
    finished_first = Signal(object)
    finished = Signal(object)
    # the session in use: (session, (ConnectionState, MailError | None))
    session_state = Signal(object, object)
    # the account's queue: who sends for it instead of this window (words; "" : this window does now), and the
    # queue waited for runs here now (its Outbox); a command's message came through its door (its local id)
    queue_held_elsewhere = Signal(object)
    queue_started = Signal(object)
    command_handed_over = Signal(str)
    # the mail merge run shown: it moved on; its sends wait in the undo-send window (the held submissions)
    merge_progress = Signal()
    merge_held = Signal(object)
    # the settings file could not be read or written (the words)
    settings_problem = Signal(object)
    # autosave: a draft's write is on disk in the local journal (its local id); a write failed (the error)
    draft_kept = Signal(str)
    autosave_failed = Signal(object)
    # did it arrive: the account's delivery watch read new reports (a tuple of app.domain.delivery.Report)
    reports_read = Signal(object)
    # send later kept by the server: its Outbox folder was read again, or a message left it by the user's hand
    scheduled_listed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outbox = self.session = self.queue = self.merge = self.settings = self.autosave = self.delivery = None
        self.scheduled = None
        self._stop: dict[str, list[Callable[[], None]]] = {}

    # ---- what is followed ----
    def follow(self, outbox) -> None:
        """Re-emit ``outbox``'s events from now on (None: nobody's); the previous one's no more."""
        on = self._follow("outbox", outbox)
        if on is not None:
            on(OutboxChanged, lambda _e: self.changed.emit())
            on(DraftSaved, lambda e: (self.saved_first.emit(e.draft), self.saved.emit(e.draft)))
            on(SubmissionFinished, lambda e: (self.finished_first.emit(e.submission), self.finished.emit(e.submission)))

    def follow_session(self, session) -> None:
        """The session in use: its connection state's changes as ``session_state``."""
        on = self._follow("session", session)
        if on is not None:
            on(SessionStateChanged, lambda e: self.session_state.emit(session, (e.state, e.error)))

    def follow_queue(self, queue) -> None:
        """The account's queue (an :class:`app.core.account_queue.driver.AccountQueue`): who holds it, its
        start once waited for, and the commands' messages its door takes in."""
        on = self._follow("queue", queue)
        if on is not None:
            on(QueueHeldElsewhere, lambda e: self.queue_held_elsewhere.emit(e.words))
            on(QueueStarted, lambda e: self.queue_started.emit(e.outbox))
            on(CommandHandedOver, lambda e: self.command_handed_over.emit(e.local_id))

    def follow_merge(self, run) -> None:
        """The mail merge run shown (an :class:`app.core.merge.run.MergeRun`)."""
        on = self._follow("merge", run)
        if on is not None:
            on(MergeProgress, lambda _e: self.merge_progress.emit())
            on(MergeHeld, lambda e: self.merge_held.emit(list(e.submissions)))

    def follow_settings(self, settings) -> None:
        """The settings file (an :class:`app.storage.settings.Settings`): its problems as they appear."""
        on = self._follow("settings", settings)
        if on is not None:
            on(SettingsProblem, lambda e: self.settings_problem.emit(e.text))

    def follow_autosave(self, autosave) -> None:
        """Autosave into the local journal (an :class:`app.core.compose.autosave.Autosave`): what is kept, what failed."""
        on = self._follow("autosave", autosave)
        if on is not None:
            on(DraftKept, lambda e: self.draft_kept.emit(e.local_id))
            on(AutosaveFailed, lambda e: self.autosave_failed.emit(e.error))

    def follow_delivery(self, watch) -> None:
        """The account's delivery watch (an :class:`app.core.delivery.watch.DeliveryWatch`): the reports it reads."""
        on = self._follow("delivery", watch)
        if on is not None:
            on(ReportsRead, lambda e: self.reports_read.emit(e.reports))

    def follow_scheduled(self, listing) -> None:
        """The account's list of what its server keeps for a time (an :class:`app.core.scheduled.held.ScheduledList`)."""
        on = self._follow("scheduled", listing)
        if on is not None:
            on(ScheduledListed, lambda _e: self.scheduled_listed.emit())

    # ---- how ----
    def _follow(self, kind: str, source) -> Callable[[type, Callable], None] | None:
        """``source`` is the one of its ``kind`` followed now: the previous one's subscriptions end. The call that
        subscribes to one of its events (None: nothing new to follow)."""
        if source is getattr(self, kind):
            return None
        for stop in self._stop.pop(kind, []):
            stop()
        setattr(self, kind, source)
        if source is None:
            return None
        stops = self._stop[kind] = []
        return lambda event, emit: stops.append(source.news.subscribe(event, emit))
