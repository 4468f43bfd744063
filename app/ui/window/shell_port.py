"""The window's side of :class:`app.ui.common.port.ShellPort`: built once (the shell slice, as the part ``port``) and
handed to each feature when it is built. The one place where a feature's words reach the status bar and the screen
reader (:meth:`WindowPort.say`)."""

from __future__ import annotations

import logging

from app.ui.common.port import Level
from app.ui.common.quiet_status import show_quietly

log = logging.getLogger(__name__)


class WindowPort:
    """:class:`app.ui.common.port.ShellPort` for ``win`` (an app.ui.window.main_window.MainWindow)."""

    def __init__(self, win):
        self._win = win
        self.session_changed = win.session_changed
        self.state_changed = win.state_changed
        self.session_event = win.session_event
        self.view_changed = win.stack.currentChanged

    # ---- read ----
    @property
    def session(self):
        return self._win.session

    @property
    def settings(self):
        return self._win.settings

    @property
    def keyring_ok(self) -> bool:
        return self._win.keyring_ok

    @property
    def voice(self):
        return self._win.announcer

    @property
    def dialog_parent(self):
        return self._win

    # ---- feedback ----
    def say(self, words: str, level: Level = Level.INFO, *, ms: int = 5000, moved_to: str = "", bar: bool = True,
            retry: bool = False, spoken: bool = True) -> None:
        """The status bar shows ``words`` without its own announcement (quietly), and the voice says them here, once:
        one call, one place. Words the bar shows are the words said (with where the keyboard went, if it did)."""
        from app.ui.common.spoken import speak  # here: its words (app.core) are not on the way to the first view

        win = self._win
        if level == Level.ERROR:
            win.show_error(words, retry=retry, say=spoken)
            return
        if bar:
            show_quietly(win.statusBar(), words, ms)
        if spoken:
            speak(win.announcer, words, level, moved_to)

    def unsay(self, words: set[str]) -> None:
        bar = self._win.statusBar()
        if (getattr(bar, "last_cut", "") or bar.currentMessage()) in words:  # its whole words when shortened
            bar.clearMessage()

    def error_noticed(self, words: str) -> None:
        self._win.error_shown.emit(words)

    def journal_notice(self, text: str, detail: str = "", *, warning: bool = True) -> None:
        self._win.show_journal_notice(text, detail, warning=warning)

    def queue_state(self, short: str, words: str) -> None:
        self._win.status.queue(short, words)

    # ---- views ----
    def show_view(self, name: str) -> None:
        self._win.show_view(name)

    def current_view(self) -> str:
        return self._win.current_view()

    def showing(self, view) -> bool:
        return self._win.stack.currentWidget() is view

    def add_view(self, name: str, label: str, widget, **kw):
        return self._win.add_view(name, label, widget, **kw)

    # ---- the window ----
    def busy_push(self, words: str = "") -> None:
        self._win.busy_push(words)

    def busy_pop(self, words: str = "") -> None:
        self._win.busy_pop(words)

    def activate(self) -> None:
        self._win.activateWindow()

    def connect_again(self):
        return self._win.connect_again()

    def edit_account(self, kind: str | None = None) -> None:
        self._win.edit_account(kind=kind)

    def asks_before_closing(self) -> bool:
        return self._win.asks_before_closing()

    def watch_close(self, watcher) -> None:
        self._win.installEventFilter(watcher)

    def when_gone(self, callback) -> None:
        self._win.destroyed.connect(lambda *_a: callback())

    def add_action(self, action) -> None:
        self._win.addAction(action)

    def menu(self, title: str):
        return (self._win.menus or {}).get(title)

    def add_menu(self, title: str, menu, *, before: str) -> None:
        win = self._win
        win.menuBar().insertMenu(win.menus[before].menuAction(), menu)
        win.menus[title] = menu

    def first_use(self, name: str, build):
        return self._win.first_use(name, build)

    def keep_dialog(self, name: str, dialog):
        return self._win.keep_dialog(name, dialog)

    def centre(self):
        win = self._win
        return win.mapToGlobal(win.rect().center())

    # ---- what the window tells others about ----
    def tell_sent(self, outcome) -> None:
        self._win.message_sent.emit(outcome)

    def tell_batch_sent(self, outcomes: list) -> None:
        self._win.batch_sent.emit(outcomes)

    def tell_saved(self, draft) -> None:
        self._win.draft_saved.emit(draft)
