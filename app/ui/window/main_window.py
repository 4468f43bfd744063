"""The one window: a sidebar, Compose / Drafts / Sent in a stack, a banner, a status bar.

Public API (tests, ``app.selftest``, ``app.app_main``)::

    win = MainWindow(session)             # or MainWindow() then win.set_session(session)
    # start-up: MainWindow(lazy=True) paints the empty window first, win.build_frame() its frame in the
    # next turn; win.start_setup() builds the views in slices (win.finish_setup(): all at once)
    win.show(); await win.connect_task    # connecting runs by itself once a session is set
    win.add_view("outbox", "Outbox", widget, shortcut="Ctrl+4")   # more views in the sidebar
    win.compose.load(draft)               # or type into win.compose.* widgets
    saved = await win.flows.save_current()      # the Ctrl+S code path; None if not saved
    outcome = await win.flows.send_current()    # Ctrl+Return: submit to the queue, await the attempt
    outcomes = await win.flows.drafts.send_selected_drafts(refs)   # Ctrl+Shift+Return
    await win.flows.wait_idle()           # every operation started from the UI has finished

``win.flows`` (:class:`app.ui.window.workflows.Workflows`) is the window's controller: it reads the window's
views explicitly; the window does not forward attribute reads to it.

Signals: ``state_changed(str)``, ``busy_changed(bool)``, ``draft_saved(Draft)``, ``message_sent(ItemOutcome)``,
``batch_sent(list)``, ``error_shown(str)``, ``sandbox_requested()``, ``account_entered(AccountConfig, str)``,
``session_changed(object)`` (a new account's session is in place; the previous one is closed).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal  # not Qt: its first use builds ~125 enums (20-30 ms)
from PySide6.QtWidgets import QMainWindow  # every other class on first use (each costs its type's set-up)

from app import APP_NAME
from app.ui.window.parts import Part, WindowParts
from app.ui.common.theme import early_scheme, follow_system, paint_background, set_sidebar_icon

if TYPE_CHECKING:  # the parts' types (app/ui/window/parts.py), for a checker only: nothing more on the first paint's path
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QListWidget, QMenu, QStackedWidget

    from app.ui.accounts.account_dialog import WelcomeView
    from app.ui.addressbook.book_action import AddressBookAction
    from app.ui.common.announce import Announcer
    from app.ui.compose.compose_view import ComposeView
    from app.ui.compose.eml_flows import EmlFiles
    from app.ui.compose.find_bar import FindBar
    from app.ui.compose.send_timing import SendTiming
    from app.ui.compose.receipt_defaults import ReceiptDefaults
    from app.ui.lists.delivery_flows import DeliveryFlows
    from app.ui.notify.notifier import Notifier
    from app.ui.compose.spell_menu import Spelling
    from app.ui.lists.drafts_view import DraftsView
    from app.ui.lists.sent_view import SentView
    from app.ui.outbox.journal_bridge import JournalBridge
    from app.ui.common.core_events import CoreEvents
    from app.ui.window.actions import Actions
    from app.ui.window.banner import Banner, BannerSlot
    from app.ui.window.power_compose import PowerCompose
    from app.ui.window.shell_port import WindowPort
    from app.ui.window.sidebar_fit import SidebarFit
    from app.ui.window.status_bar import StatusWidgets
    from app.ui.window.workflows import Workflows

# Only Qt and the theme on the path to the first paint; the frame (app/ui/window/frame.py) is built in the next
# turn, and the views, the workflows (asyncio, qasync) and the domain are imported by the setup slices
# (app/ui/window/setup_steps.py).

log = logging.getLogger(__name__)



class MainWindow(QMainWindow):

    state_changed = Signal(str)
    busy_changed = Signal(bool)
    draft_saved = Signal(object)
    message_sent = Signal(object)
    batch_sent = Signal(list)
    error_shown = Signal(str)
    sandbox_requested = Signal()
    account_entered = Signal(object, str)
    sandbox_graph_requested = Signal()  # the sandbox mailbox through Microsoft Graph
    session_changed = Signal(object)
    first_view_ready = Signal()  # start-up's "ready": the first view is shown and takes the keyboard
    setup_finished = Signal()  # every view, action and menu is built
    session_event = Signal(object, object)

    # its parts (app/ui/window/parts.py, typed there): built by the frame and the set-up slices, each filled once
    sidebar: Part[QListWidget] = Part()
    stack: Part[QStackedWidget] = Part()
    menus: Part[dict[str, QMenu]] = Part()
    sidebar_fit: Part[SidebarFit] = Part()
    status: Part[StatusWidgets] = Part()
    banner: Part[Banner] = Part()
    banner_slot: Part[BannerSlot] = Part()
    announcer: Part[Announcer] = Part()
    port: Part[WindowPort] = Part()  # what each feature is handed instead of the window (app.ui.common.port)
    core_events: Part[CoreEvents] = Part()
    flows: Part[Workflows] = Part()
    compose: Part[ComposeView] = Part()
    drafts: Part[DraftsView] = Part()
    sent: Part[SentView] = Part()
    welcome: Part[WelcomeView] = Part()
    actions_: Part[Actions] = Part()
    views_end: Part[QAction] = Part()
    theme_actions: Part[dict[str, QAction]] = Part()
    language_actions: Part[dict[str, QAction]] = Part()
    eml: Part[EmlFiles] = Part()
    find_bar: Part[FindBar] = Part()
    edit_actions: Part[dict[str, QAction]] = Part()
    spelling: Part[Spelling] = Part()
    power: Part[PowerCompose] = Part()
    merge_action: Part[QAction] = Part()
    address_book: Part[AddressBookAction] = Part()
    journal_bridge: Part[JournalBridge] = Part()
    send_timing: Part[SendTiming] = Part()
    notifier: Part[Notifier] = Part()
    receipt_defaults: Part[ReceiptDefaults] = Part()
    delivery: Part[DeliveryFlows] = Part()

    def __init__(self, session=None, *, settings=None, keyring_ok: bool = True, lazy: bool = False, journal=None,
                 parent=None):
        super().__init__(parent)
        self.parts = WindowParts()
        self.session = None
        # the local journal (None: the journal slices open the default file in the data dir)
        self.local_journal = journal
        self.journal_opening = None  # the default file being opened on a thread (app.ui.window.setup_steps)
        # a restart: the account the controller will start, known from the settings before it is (expect_account)
        self.expected_account = None
        self.reopen_reading = None  # the message that account was writing, being read (setup_steps.Reading)
        self.frame = None  # what the frame built that the slices fill in (build_frame)
        self._views = []  # (name, view) in the sidebar's order, once built (views_built, add_view)
        self._dialogs = {}  # name -> the dialog built on its first use (first_use)
        self.settings = settings
        from app.ui.common.theme import set_choice

        set_choice(settings.theme() if settings is not None else "system")  # View → Theme, as last chosen
        self.keyring_ok = keyring_ok
        self._busy = 0
        self.connect_task = None
        self._close_question = None  # the open QMessageBox asking whether to quit
        self._quit_when_idle = False
        self._force_close = False
        self._kept_said = False  # the quit said that Compose's words are kept (app.ui.window.quit_note)
        self.account_dialog = None  # the open account dialog (the controller answers its test connect)
        self._sheet = None

        self._first_view = False  # Compose shown, the keyboard in it (first_view_built)
        self._early_requests = []  # (signal, stand-in) for Compose's Save and Send until wired
        self._ready = False  # every view, action and menu built (finish_setup / start_setup)
        self._steps = None  # the setup slices still to run
        self._step_clock = None  # run(name, turn): times each setup turn (time_setup_steps)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._lazy = lazy
        if not lazy:
            self.name_itself()
        self._scheme = None  # follows the system's light or dark (build_frame)
        self._framed = False  # the frame is built (build_frame)
        self.resize(1100, 720)
        from app.ui.window.window_geometry import fit_screen, keep_geometry

        self._geometry = keep_geometry(self, settings)  # the size and place it had when it last closed
        self._screen_fit = fit_screen(self)  # within the screen when shown (the default size may be larger)
        self._early = []  # stand-ins for the main shortcuts while the slices run (start_setup)
        self._pending_session = session
        if lazy:
            # the first frame is the empty window in the scheme's background colour, painted as soon as a
            # bare window would; the frame (build_frame) is the next one, the views follow in slices
            paint_background(self, early_scheme())
        else:
            self.finish_setup()

    def name_itself(self) -> None:
        """The window's accessible name, in the language installed (a lazy window: once it is, after the first
        frame, which has no words)."""
        from app.ui.common.tr import translate

        self.setAccessibleName(translate("Window", "{app} main window").format(app=APP_NAME))

    def use_settings(self, settings) -> None:
        """The settings file, given after the first frame (app_main: reading it is not on the first paint's
        path): from now on the window's size and place are remembered in it, and the stored ones are taken
        now. The app's own window is made without settings, so this is where its size starts being stored."""
        self.settings = settings
        if self._geometry is None and settings is not None:
            from app.ui.window.window_geometry import keep_geometry

            self._geometry = keep_geometry(self, settings)

    def expect_account(self, account) -> None:
        """The account this start will sign in to (an AccountConfig; None: not known), given before the slices: the
        status bar names it and says "Connecting…" from its first words, and Compose holds the message it was
        writing when first shown (app.ui.window.setup_steps: shell, reopen_early)."""
        self.expected_account = account

    def build_frame(self) -> None:
        """The window's frame: the theme (light or dark, as the system; DISPATCH_COLOR_SCHEME forces one;
        lazy: guessed from the palette until the first slice asks Qt, which costs Qt's enums), the sidebar,
        the menu bar's titles, an empty page and the status bar (app/ui/window/frame.py). Idempotent."""
        if self._framed:
            return
        self._framed = True
        from app.ui.window.frame import build_frame

        self._scheme = follow_system(self, early=self._lazy)
        self.frame = build_frame(self)

    def finish_setup(self) -> None:
        """Build the views, actions and menus (imports the heavier modules) now: what start_setup has not
        built yet. Idempotent."""
        if self._ready:
            return
        self.build_frame()
        if self._steps is None:
            from app.ui.window.setup_steps import steps

            self._steps = steps()
        while self._steps:
            self._steps.pop(0)(self)
        self._setup_done()

    def start_setup(self) -> None:
        """Build the views, actions and menus in slices, one per event-loop turn; ``setup_finished`` is
        emitted after the last. A main shortcut pressed meanwhile builds the rest at once."""
        if self._ready or self._steps is not None:
            return
        from app.ui.window.frame import early_keys
        from app.ui.window.setup_steps import steps

        self.build_frame()
        self._steps = steps()
        # main shortcuts work from now on (QKeySequence costs Qt's enums: not before the first paint)
        self._early = early_keys(self, self.finish_setup)
        self._step_timer = QTimer(self)  # the window's own: it goes with the window
        self._step_timer.setSingleShot(True)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._next_step)
        self._step_timer.start()

    def run_next(self, step) -> None:
        """A slice that is not done yet: it runs again in the next turn, before the rest."""
        self._steps.insert(0, step)

    def drop_early_keys(self, keys=None) -> None:
        """The real actions for ``keys`` (all when None) come now: their stand-ins go
        (:func:`app.ui.window.frame.drop_early_keys`)."""
        from app.ui.window.frame import drop_early_keys

        self._early = drop_early_keys(self, self._early, keys=keys)

    def time_setup_steps(self, run) -> None:
        """Each turn of :meth:`start_setup` runs as ``run(name, turn)``, ``name`` the slice's (or "setup done"
        for the last turn): measuring start-up (:meth:`app.startup_clock.StartupClock.watch_slices`)."""
        self._step_clock = run

    def _next_step(self) -> None:
        if self._step_clock is None:
            self._run_step()
        else:
            self._step_clock(self._steps[0].__name__ if self._steps else "setup done", self._run_step)

    def _run_step(self) -> None:
        if self._ready:
            return
        if self._steps:
            self._steps.pop(0)(self)
        if self._steps:
            self._step_timer.start()
        else:
            self._setup_done()

    def _setup_done(self) -> None:
        if self._ready:
            return
        self._ready = True
        session, self._pending_session = self._pending_session, None
        if session is not None:
            self.set_session(session)
        else:
            self._show_welcome()
        self.setup_finished.emit()

    @property
    def ready(self) -> bool:
        """Every view, action and menu is built."""
        return self._ready

    # ---- what others ask the window to keep ----
    # the dialogs built on their first use (:meth:`first_use`, :meth:`keep_dialog`)
    DIALOGS = ("about_box", "merge_dialog", "send_from_dialog")

    def first_use(self, name: str, build):
        """The window's dialog ``name``, built by ``build()`` the first time it is asked for."""
        if self._dialogs.get(name) is None:
            self.keep_dialog(name, build())
        return self._dialogs[name]

    def keep_dialog(self, name: str, dialog):
        """``dialog`` is the window's ``name`` dialog from now on (one asked afresh each time)."""
        if name not in self.DIALOGS:
            raise AttributeError(f"the window keeps no dialog {name!r}")
        self._dialogs[name] = dialog
        return dialog

    about_box = property(lambda self: self._dialogs.get("about_box"))
    merge_dialog = property(lambda self: self._dialogs.get("merge_dialog"))
    send_from_dialog = property(lambda self: self._dialogs.get("send_from_dialog"))
    # the status bar's widgets (app/ui/window/status_bar.py)
    account_label = property(lambda self: self.status.account_label)
    state_label = property(lambda self: self.status.state_label)
    progress = property(lambda self: self.status.progress)
    journal_notice = property(lambda self: self.status.journal_notice)

    def connect_again(self):
        """Connect the session (again): the task is kept as :attr:`connect_task` (awaited by tests)."""
        self.connect_task = self.flows.connect_session()
        return self.connect_task

    def use_keyring(self, ok: bool) -> None:
        """Whether the system keyring can keep passwords (the account dialog says so when it cannot)."""
        self.keyring_ok = ok

    def keep_controller(self, controller) -> None:
        """The app's controller lives as long as the window (its signals hold weak references to it)."""
        self.controller = controller

    def journal_is_opening(self, opening) -> None:
        """The journal's file is being opened on a thread (a Future): the journal slices take it."""
        self.journal_opening = opening

    def reopen_is_reading(self, reading) -> None:
        """The message a restart reopens is being read on the journal's thread (a setup_steps.Reading; None: done)."""
        self.reopen_reading = reading

    def journal_opened(self, journal) -> None:
        """The journal's file is open (None: it could not be; the journal bridge tries again and says why)."""
        self.journal_opening = None
        self.local_journal = journal

    # ---- views ----
    @property
    def VIEWS(self) -> tuple:  # noqa: N802 - the sidebar's views in order
        return tuple(name for name, _w in self._views)

    @property
    def views(self) -> tuple:
        """(name, view) of the sidebar's views in order."""
        return tuple(self._views)

    def first_view_built(self) -> None:
        """Compose is built (a slice): it is shown in place of the blank page and takes the keyboard; the
        other views follow in idle turns (app/ui/window/setup_steps.py)."""
        from PySide6.QtCore import Qt

        self.frame.drop_placeholder(self.stack)
        self.stack.setCurrentWidget(self.compose)
        self.sidebar.setCurrentRow(0)
        self.compose.to.setFocus(Qt.OtherFocusReason)
        self._early_requests = [(sig, self._early_request(sig))
                                for sig in (self.compose.save_requested, self.compose.send_requested)]
        self._first_view = True
        self.first_view_ready.emit()

    def _early_request(self, signal):
        """Compose's Save or Send, clicked before the workflows are wired: the rest is built at once, then
        the request is made again, to them (so a click means the same whenever it comes)."""
        def again(*args) -> None:
            self.drop_early_requests()
            self.finish_setup()
            signal.emit(*args)
        signal.connect(again)
        return again

    def drop_early_requests(self) -> None:
        """The workflows take Compose's Save and Send from now on (the wiring slice)."""
        requests, self._early_requests = self._early_requests, []
        for signal, handler in requests:
            signal.disconnect(handler)

    @property
    def first_view_shown(self) -> bool:
        """Start-up's "ready": the first view is shown and its keys work."""
        return self._first_view

    def views_built(self) -> None:
        """Compose, Drafts and Sent are built (the slices): they are the sidebar's views, the blank page goes."""
        self._views = [("compose", self.compose), ("drafts", self.drafts), ("sent", self.sent)]
        self.frame.drop_placeholder(self.stack)

    def show_view(self, name: str) -> None:
        if not self._ready:  # asked for before the slices are done: build the rest now
            self.finish_setup()
        i = self.VIEWS.index(name)
        if self.sidebar.currentRow() != i:
            self.sidebar.setCurrentRow(i)
        self._sidebar_changed(i)

    def current_view(self) -> str:
        w = self.stack.currentWidget() if self._first_view else None
        if not self._ready:
            return "compose" if w is not None and w is self.compose else "starting"
        return next((name for name, v in self._views if v is w), "welcome")

    def add_view(self, name: str, label: str, widget, *, icon_name: str = "", shortcut: str = "", menu_text: str = ""):
        """Another view in the sidebar and the View menu (e.g. the Outbox), after Compose/Drafts/Sent; ``menu_text``:
        the View menu's words, with the entry's Alt+letter ("&Outbox"; the sidebar's ``label`` has none)."""
        from PySide6.QtGui import QAction, QKeySequence

        self.stack.addWidget(widget)
        self._views.append((name, widget))
        from app.ui.window.focus_order import proxy_first

        proxy_first(widget)
        from PySide6.QtWidgets import QListWidgetItem

        from app.ui.common.tr import shown
        from app.ui.window.frame import VIEWS as FRAME_VIEWS, shown_keys

        label = _shown(label)  # the caller's words (translated there), or the core's
        early = [n for n, _label, _key in FRAME_VIEWS]  # the frame's entries (the Outbox's: its page comes later)
        item = self.sidebar.item(early.index(name)) if name in early else QListWidgetItem(label)
        set_sidebar_icon(item, icon_name or "drafts", self.property("colorScheme"))
        item.setToolTip(f"{label} ({shown_keys(shortcut)})" if shortcut else label)
        if name not in early:
            self.sidebar.addItem(item)
        act = QAction(_shown(menu_text) if menu_text else label, self)
        act.setObjectName(f"actView{name.title()}")  # the palette's "Go to" entry stands for it
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _c=False: self.show_view(name))
        self.addAction(act)
        end = self.views_end  # after the views already listed (actions.build_menus)
        if end is not None:
            self.menus["&View"].insertAction(end, act)
        else:
            self.menus["&View"].addAction(act)
        return act

    def enter_view(self, row: int) -> None:
        """Enter (or a click) on a sidebar entry: that view, with the keyboard in it."""
        if 0 <= row < len(self._views):
            self.show_view(self._views[row][0])

    def _sidebar_changed(self, row: int) -> None:
        """Show the view of sidebar ``row`` and put the keyboard in it; a field is entered with nothing
        selected (a stray key never replaces what it holds)."""
        from PySide6.QtCore import Qt
        if row < 0 or not self._ready or row >= len(self._views):
            return
        w = self._views[row][1] if self.session is not None or row else self.welcome
        if self.stack.currentWidget() is not w:
            if w is not self.drafts:
                self.drafts.flush_pending()
            self.stack.setCurrentWidget(w)
        if w is self.compose:
            if not self.compose.focusWidget() or not self.compose.isAncestorOf(self.focusWidget() or self):
                self.compose.to.setFocus(Qt.OtherFocusReason)  # not ShortcutFocusReason: that selects all
        elif hasattr(w, "table"):
            (w.table if w.table.isVisibleTo(w) else self.sidebar).setFocus(Qt.ShortcutFocusReason)
            if w.table.model().rowCount() and not w.table.currentIndex().isValid():
                w.table.setCurrentIndex(w.table.model().index(0, 1))
        else:
            w.setFocus(Qt.ShortcutFocusReason)

    def _show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.sidebar.setCurrentRow(0)  # Compose is the welcome; Drafts/Sent/Outbox say how to add an account
        self.welcome.setFocus()

    # ---- session ----
    def set_session(self, session) -> None:
        if not self._ready:
            self._pending_session = session
            return
        from app.domain.models import Folder
        from app.ui.common.tr import translate

        old, self.session = self.session, session
        if old is not None and old is not session:
            old.close()
        self.sent.clear_preview()  # nothing of the previous account stays on screen
        self.drafts.preview.clear()
        self.statusBar().clearMessage()  # e.g. "Sent: <its subject>", shown for 5 s
        self.banner.hide()
        from app.ui.compose.from_flows import account_changed

        account_changed(self.settings, self.compose, session)  # its mailboxes at From (none: the row stays hidden)
        if session is None:
            self.drafts.model.set_fetch(None)
            self.sent.model.set_fetch(None)
            self.account_label.setText(translate("Status", "No account"))
            self.set_state("idle")
            self.core_events.follow_session(None)  # the closed session's states are no news here
            self.session_changed.emit(None)
            self._show_welcome()
            return
        self.core_events.follow_session(session)  # its states, through the one bridge (app.ui.common.core_events)
        self.sidebar.setEnabled(True)
        acc = session.account
        from app.ui.window.status_bar import account_words

        self.account_label.setText(account_words(acc))
        self.compose.set_max_send_bytes(session.max_send_bytes)
        from app.domain.account import Backend

        self.compose.more.set_backend(graph=acc.backend == Backend.GRAPH)
        # the lists load once connected (Workflows._connect)
        self.drafts.model.set_fetch(lambda off, lim: session.list_messages(Folder.DRAFTS, off, lim), load=False)
        self.sent.model.set_fetch(lambda off, lim: session.list_messages(Folder.SENT, off, lim), load=False)
        if self.settings is not None:
            from app.ui.compose.recent import offer_recent

            offer_recent(self.settings, acc.key, self.compose)
        self.session_changed.emit(session)  # the journal bridge scopes the journal and queue to it
        if session.state.value == "connected":  # tested before it was put in place
            self.set_state("connected")
        typing = old is None and self.compose.isAncestorOf(self.focusWidget() or self)
        self.show_view("compose")
        if not typing:  # the first account, set while the user types in Compose (shown first): left there
            self.compose.to.setFocus()
        self.connect_again()

    def follow_session_events(self) -> None:
        """The status bar shows the state of the session in use from now on (the wiring slice); ``session_event``
        carries the bridge's ``session_state`` to the window's features."""
        self.core_events.session_state.connect(self.session_event)
        self.session_event.connect(self._on_session_event)

    def _on_session_event(self, session, payload) -> None:
        if session is self.session:
            self.set_state(*payload)

    def set_state(self, state, error=None) -> None:
        state = getattr(state, "value", state)
        session = getattr(self, "session", None)
        self.status.set_state(state, error, account=getattr(session, "account", None))
        self.state_changed.emit(state)

    # ---- busy ----
    def busy_push(self, msg: str = "") -> None:
        self._busy += 1
        if msg:
            from app.ui.common.port import Level

            self.port.say(msg, Level.PROGRESS, ms=0)  # a step on the way ("Loading drafts…"): its outcome is said
        if self._busy == 1:
            self.progress.show()
            self.busy_changed.emit(True)

    def busy_pop(self, msg: str = "") -> None:
        self._busy = max(0, self._busy - 1)
        if msg:
            self.port.say(msg, ms=5000)
        if self._busy == 0:
            if not msg:
                self.statusBar().clearMessage()
            self.progress.hide()
            self.busy_changed.emit(False)
            if self._quit_when_idle:
                self._force_close = True
                self.close()

    @property
    def busy(self) -> bool:
        return self._busy > 0

    # ---- misc commands ----
    def show_shortcuts(self) -> None:
        if self._sheet is None:
            from app.ui.common.dialog_return import return_focus
            from app.ui.window.shortcuts import ShortcutSheet

            self._sheet = return_focus(ShortcutSheet(self), self)
        self._sheet.show()
        self._sheet.raise_()

    def edit_account(self, kind: str | None = None) -> None:
        """The account dialog; ``kind="m365"`` opens it on Microsoft 365 sign-in for the address in use
        (offered when Exchange Online refuses EWS for it)."""
        kind = kind if isinstance(kind, str) else None  # a QAction's "checked" is no kind
        acc = self.session.account if self.session and not self.session.account.sandbox else None
        if kind == "m365" and self.session is not None:
            acc = self.session.account  # its address, now through Microsoft 365
        from app.ui.accounts.account_dialog import AccountDialog
        from app.ui.common.dialog_return import return_focus

        in_use = self.session.account if self.session is not None else None
        self.account_dialog = AccountDialog(self, acc, keyring_ok=self.keyring_ok, kind=kind, in_use=in_use,
                                            announcer=self.announcer)
        self.account_dialog.account_entered.connect(self.account_entered)
        self.account_dialog.sandbox_chosen.connect(self.sandbox_requested)
        self.account_dialog.sandbox_graph_chosen.connect(self.sandbox_graph_requested)
        return_focus(self.account_dialog, self)
        self.account_dialog.open()

    def show_journal_notice(self, text: str, detail: str = "", *, warning: bool = True) -> None:
        """A lasting word about the local journal in the status bar (and, for a warning, the banner)."""
        self.status.journal(text, detail, warning)
        if warning:
            self.banner.show_message(detail or text, kind="error")

    def show_settings_problem(self, text: str) -> None:
        """The settings file could not be read (it was set aside) or written: a lasting word in the status
        bar, the whole sentence in the banner and the tooltip."""
        text = _shown(text)
        self.status.settings(text)
        self.banner.show_message(text, kind="error")

    def show_error(self, text: str, *, retry: bool = False, say: bool = True) -> None:
        """``text`` on the error banner, and (``say``) to a screen reader, assertively."""
        log.warning("an error was shown to the user")  # not its words: they may quote a name or a subject
        text = _shown(text)
        self.banner.show_message(text, kind="error", retry=retry, say=say)
        self.error_shown.emit(text)

    # ---- closing ----
    def queued_sends(self) -> int:
        outbox = None if self.session is None else self.session.outbox
        return 0 if outbox is None else outbox.queue.pending_sends()

    def close_now(self) -> None:
        """Close without asking, whatever is being sent or waits to be (measuring start-up quits so)."""
        self._force_close = True
        self.close()

    def asks_before_closing(self) -> bool:
        """Will closing the window be refused to ask first (messages being sent or waiting to be)?"""
        return not self._force_close and (self.flows.sending > 0 or self.queued_sends() > 0)

    def closeEvent(self, event):  # noqa: N802
        if not self._ready:
            event.accept()
            return
        if self.asks_before_closing():
            event.ignore()
            self._ask_close(self.flows.sending > 0, self.queued_sends())
            return
        if self._says_kept_first():
            event.ignore()  # closed a moment later, once the line is up
            return
        self.drafts.flush_pending()
        for m in (self.drafts.model, self.sent.model):  # no more page loads once closed
            m.stop_loading()
        for r in (self.compose.to, self.compose.cc, self.compose.bcc):
            r.stop_lookup()
        self.flows.cancel_on_close()
        if self.journal_bridge is not None:  # the account's door and lock (the commands it took answered first)
            self.journal_bridge.let_go()
        if self._sheet is not None:
            self._sheet.close()
        event.accept()

    # how long "The message in Compose is kept…" shows before the window closes; a second Ctrl+Q closes at once
    # (a test sets its window's: time is injected, never waited)
    quit_note_ms = 1500

    def _says_kept_first(self) -> bool:
        """Unsent words in Compose: the quit says they are kept, in one line, and closes a moment later (a second
        Ctrl+Q, or a quit already asked and answered, closes at once)."""
        from app.ui.window import quit_note

        if self._force_close or self._kept_said or not quit_note.kept_in_compose(self):
            return False
        self._kept_said = True
        quit_note.say_kept_then_close(self, self.quit_note_ms)
        return True

    def _ask_close(self, sending: bool, queued: int) -> None:
        if self._close_question is not None and self._close_question.isVisible():
            return
        from app.ui.common.tr import shown, translate

        if sending:
            text = translate("Window", "A message is still being sent. Quit when it is done, or keep the window open?")
        else:
            from app.core.outbox.quit_words import quit_text

            who = self.session.account.email if self.session is not None else translate("Window", "this account")
            from app.ui.window.quit_note import kept_in_compose

            # per message: what happens to it; and the words in Compose, kept
            text = _shown(quit_text(self.session.outbox.queue.subs.values(), who, kept=kept_in_compose(self)))
        from PySide6.QtWidgets import QMessageBox

        title = translate("Window", "Messages waiting to be sent")
        box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, self)
        wait = box.addButton(translate("Window", "Quit when sent"), QMessageBox.AcceptRole) if sending else None
        quit_now = box.addButton(translate("Window", "Quit"), QMessageBox.DestructiveRole) if not sending else None
        keep = box.addButton(translate("Window", "Keep open"), QMessageBox.RejectRole)
        box.setDefaultButton(keep)  # the safe answer: Enter keeps the window open (Escape too)
        box.setAccessibleName(title)

        def done(_r):
            clicked = box.clickedButton()
            if wait is not None and clicked is wait:
                self._quit_when_idle = True
                self.port.say(translate("Window", "Will quit when sending has finished…"), ms=0)
            elif quit_now is not None and clicked is quit_now:
                self._force_close = True
                self.close()
        box.finished.connect(done)
        self._close_question = box
        box.open()


def _shown(text) -> str:
    """app.ui.common.tr.shown, imported on first use: the catalogue's module (QLocale, the word lists) is not on
    the first paint's path."""
    from app.ui.common.tr import shown

    return shown(text)
