"""Start-up: QApplication, qasync loop, the window first, the account and backend after.

The window is shown before anything heavy is imported: the mail backend (exchangelib) and the sandbox
are built lazily in a worker thread by the session's MailClient.

The first paint is the empty window in the theme's colour; its frame (sidebar, menu titles, status bar)
is built and painted in the next turn, the views in slices after that.

``DISPATCH_FIRST_PAINT=1`` prints ``DISPATCH_FIRST_PAINT <unix time>`` when the window first paints,
``DISPATCH_FRAME_PAINT`` when its frame does, ``DISPATCH_READY`` when the first view is shown and takes
its keys, ``DISPATCH_ALL_BUILT`` when every view is built (with ``DISPATCH_REPORT_WORDS=1`` then
``DISPATCH_WORDS <json>``: the window's title, menu titles and views' names, in the language it speaks);
with ``DISPATCH_SWITCHES=1`` it then shows each other view once (``DISPATCH_SWITCH <view> <ms>``: its action
triggered to its page painted), and quits (used by bench/bench_startup_stall.py and bench/bench_ready.py).
"""

from __future__ import annotations

import importlib
import os
import sys
import time

from app import APP_ID, APP_NAME
from app.runtime import settle_gc_after_start
from app.domain.words import translate

# asyncio, logging and qasync are imported after the first paint (they cost ~40 ms on a cold start).


# the names of the log handlers the app adds (logging.Handler.set_name): each is added once
STDERR_LOG, FILE_LOG = "dispatch-stderr", "dispatch-file"


def setup_logging(file: bool = True) -> None:
    """Warnings to stderr; with ``file=True`` also the log file (in the log dir). Both are private:
    no message content and no secret reaches them (app/storage/logfile.py)."""
    import logging

    from app.storage.logfile import PrivateFormatter

    root = logging.getLogger()
    if not any(h.get_name() == STDERR_LOG for h in root.handlers):
        root.setLevel(logging.INFO)
        err = logging.StreamHandler(sys.stderr)
        err.setLevel(logging.WARNING)
        err.setFormatter(PrivateFormatter())
        err.set_name(STDERR_LOG)
        root.addHandler(err)
    if not file or any(h.get_name() == FILE_LOG for h in root.handlers):
        return
    from app.storage.logfile import file_handler
    from app.storage.settings import log_dir

    try:
        fh = file_handler(log_dir())
        fh.set_name(FILE_LOG)
        root.addHandler(fh)
    except OSError as exc:
        logging.getLogger("app").warning("no log file (%s)", type(exc).__name__)


def watch_settings(window, settings) -> None:
    """The window says when the settings file could not be read (it was set aside) or written: its problems reach
    the window through the one bridge of the core's events (app.ui.common.core_events)."""
    window.core_events.settings_problem.connect(window.show_settings_problem)
    window.core_events.follow_settings(settings)
    if settings.problem:
        window.show_settings_problem(settings.problem)


def log_file():
    """The log file the app writes (app/storage/settings.py log_dir(), the name file_handler() gives it)."""
    from app.storage.settings import log_dir

    return log_dir() / "dispatch.log"


def install_excepthook(window) -> None:
    """Unexpected errors (e.g. in a slot) become a log line and a non-modal banner, never a dialog."""

    import logging

    log = logging.getLogger("app")

    def hook(etype, value, tb):
        if issubclass(etype, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        from app.storage.local_errors import local_reason, what_to_do

        reason = local_reason(value)
        if reason is not None:  # Dispatch's own files, not a bug: said as what it is
            log.warning("local data could not be written: %s", etype.__name__)
            try:
                window.show_journal_notice(
                    translate("AppMain", "Not written on this computer"),
                    translate("AppMain", "Dispatch could not write its data on this computer: {reason}. "
                                         "{what_to_do}; until then, messages are only kept once saved to the "
                                         "server.").format(reason=reason, what_to_do=what_to_do(reason)))
            except Exception:  # noqa: BLE001 - the hook itself must never raise
                pass
            return
        log.error("unexpected error", exc_info=(etype, value, tb))
        try:
            window.show_error(translate("AppMain", "Something went wrong ({error}: {value}). The details are in the "
                                                   "log: {log}").format(error=etype.__name__, value=str(value),
                                                                        log=str(log_file())))
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            pass

    sys.excepthook = hook


class Controller:
    """Chooses the account (command line, settings, or first-run choice) and builds the session."""

    def __init__(self, args, window, settings):
        self.args = args
        self.window = window
        self.settings = settings
        self._prompt = None
        self._tasks: set = set()
        window.keep_controller(self)  # the window's signals hold only weak references to our methods
        window.sandbox_requested.connect(self.use_sandbox)
        window.sandbox_graph_requested.connect(self.use_sandbox_graph)
        window.account_entered.connect(self.use_account)

    def start(self) -> None:
        from app.domain.account import AccountConfig, AuthType
        from app.domain.validation import check_ews_url

        a = self.args
        if getattr(a, "sandbox_graph", False):
            self._start_sandbox(graph=True)
        elif getattr(a, "sandbox", False):
            self._start_sandbox()
        elif getattr(a, "ews_url", None):
            acc = AccountConfig(email=a.email, ews_url=a.ews_url, username=a.username,
                                auth_type=AuthType(a.auth), verify_tls=not a.no_verify_tls)
            self._start_account(acc, a.password)
        else:
            acc = self.settings.account()
            if acc is None:
                return  # the welcome page offers the sandbox or an Exchange account
            if acc.sandbox:
                self._start_sandbox(graph=acc.backend.value == "graph")
            elif acc.backend.value == "graph":
                self._start_account(acc, "")  # Microsoft 365: the sign-in in the keyring, or "sign in again"
            elif check_ews_url(acc.ews_url) is not None:
                # refused before any password is asked for or sent: the session says why in the window
                self._start_account(acc, "")
            else:
                from app.storage import secrets

                pw = secrets.load(acc.email, acc.username)
                if pw is None and acc.auth_type.value == "kerberos":
                    self._start_account(acc, "")  # the user's Kerberos ticket signs in: no password is asked
                elif pw is None:
                    self._ask_password(acc)
                else:
                    self._start_account(acc, pw)

    def _ask_password(self, acc) -> None:
        from app.ui.accounts.account_dialog import PasswordPrompt

        self.window.set_state("idle")  # not "Connecting…" (said from the start): the password is asked first

        self._prompt = PasswordPrompt(acc, self.window)
        self._prompt.password_entered.connect(lambda pw: self._got_password(acc, pw))
        self._prompt.open()

    def _got_password(self, acc, pw: str) -> None:
        from app.storage import secrets

        secrets.store(acc.email, acc.username, pw)
        self._start_account(acc, pw)

    def use_sandbox(self) -> None:
        from app.core.accounts.demo import sandbox_account

        self.settings.set_account(sandbox_account())
        self._start_sandbox()

    def use_sandbox_graph(self) -> None:
        from app.core.accounts.demo import sandbox_account

        self.settings.set_account(sandbox_account(graph=True))
        self._start_sandbox(graph=True)

    def use_account(self, acc, password: str) -> None:
        """The account dialog's Connect: the new account is tried (one connect) before it replaces the
        one in use. A failure is shown at the dialog's form and changes nothing."""
        import asyncio

        task = asyncio.ensure_future(self._try_account(acc, password))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _try_account(self, acc, password: str) -> bool:
        from app.core.accounts.setup import try_account
        from app.domain.explain import describe
        from app.mail.errors import MailError

        dialog = self.window.account_dialog
        try:  # one connection; then the account and its secret are kept (the same for dispatch-mail account add)
            kept = await try_account(self.settings, acc, password, on_server_info=self._remember_build)
        except MailError as exc:
            if dialog is not None:
                dialog.connection_failed(translate("AppMain", "Could not connect: {why}. The account in use has not "
                                                              "changed.").format(why=describe(exc.code, exc.message)))
            return False
        if dialog is not None:
            dialog.connected()
        if self.window.flows is not None:  # what is typed goes to its own account's Drafts first
            await self.window.flows.save_before_switching()
        self.window.set_session(kept.session)
        if not kept.stored:
            self._say_not_stored(acc)
        return True

    def _say_not_stored(self, acc) -> None:
        if acc.backend.value == "graph":
            words = translate("AppMain", "No system keyring: the Microsoft 365 sign-in is kept for this session "
                                         "only.")
        else:
            words = translate("AppMain", "No system keyring: the password is kept for this session only.")
        self.window.banner.show_message(words, kind="info")

    def _remember_build(self, info) -> None:
        if not self.args or not getattr(self.args, "ews_url", None):
            self.settings.remember_server_build(info.build, info.version_name)

    def _start_sandbox(self, graph: bool = False) -> None:
        from app.core.accounts.demo import demo_session
        from app.storage.settings import data_dir

        self.window.set_session(demo_session(data_dir(), graph=graph))

    def _start_account(self, acc, password: str) -> None:
        from app.core.accounts.session import Session

        stored = self.settings.account()
        if stored is not None and stored.email == acc.email and stored.ews_url == acc.ews_url and not acc.server_build:
            acc.server_build, acc.server_version_name = stored.server_build, stored.server_version_name
        self.window.set_session(Session.for_account(acc, password, on_server_info=self._remember_build))


def expected_account(args, settings):
    """The account :meth:`Controller.start` will sign in to, as far as the command line and the settings tell
    before it starts (None: not known; the window then says "No account" until it is set). Read cheaply: no
    session, no sandbox, nothing of the mail backends."""
    stored = settings.account()
    graph = bool(getattr(args, "sandbox_graph", False))
    if graph or getattr(args, "sandbox", False):  # the sandbox: known when it is the one stored
        return stored if stored is not None and stored.sandbox and (stored.backend.value == "graph") == graph else None
    if getattr(args, "ews_url", None):
        return None  # an account given on the command line: said once it is started
    return stored


def _first_paint_watcher(window):
    """Counts the window's first paints, and prints ``DISPATCH_FIRST_PAINT <unix time>`` at the first and
    ``DISPATCH_FRAME_PAINT <unix time>`` at the first after its frame was built (when asked to)."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        paints = 0  # paints seen, up to the first after the frame
        framed = False  # the frame is built: the next paint shows it

        def eventFilter(self, obj, ev):  # noqa: N802
            if ev.type() != QEvent.Paint:
                return False
            self.paints += 1
            if self.framed:
                window.removeEventFilter(self)  # done: no more Python for each of the window's events
                if os.environ.get("DISPATCH_FIRST_PAINT"):
                    print(f"DISPATCH_FRAME_PAINT {time.time():.6f} cpu={time.process_time():.6f}", flush=True)
            elif self.paints == 1:
                if os.environ.get("DISPATCH_FIRST_PAINT"):
                    extra = ""
                    if os.environ.get("DISPATCH_REPORT_MODULES") == "1":
                        extra = (f" exchangelib={'exchangelib' in sys.modules}"
                                 f" sandbox={any(m.startswith('app.sandbox.') for m in sys.modules)}"
                                 f" asyncio={'asyncio' in sys.modules}"
                                 f" frame={'app.ui.window.frame' in sys.modules}"
                                 f" modules={','.join(sorted(sys.modules))}")  # what the first paint waited for
                    # and the CPU time this process had used (less at the mercy of the machine's load)
                    print(f"DISPATCH_FIRST_PAINT {time.time():.6f} cpu={time.process_time():.6f}{extra}", flush=True)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    return watcher


def _shown_words(window) -> str:
    """The window's title, its name to a screen reader, menu bar titles and views' names, as JSON (ASCII:
    whatever the console's encoding)."""
    import json

    views = window.sidebar
    return json.dumps({"title": window.windowTitle(), "name": window.accessibleName(),
                       "menus": [a.text() for a in window.menuBar().actions() if a.menu() is not None],
                       "views": [views.item(i).text() for i in range(views.count())]})


def _language(window) -> None:
    """Install the language's catalogues (the settings' override, else the system's), then give the window its
    name in it."""
    from app.storage.folders import language_at_start
    from app.ui.common.language import install as install_language

    install_language(language_at_start())
    window.name_itself()


def _frame(app, window, watcher) -> None:
    """Build the window's frame and let it paint (a turn of its own after the first paint)."""
    window.build_frame()
    watcher.framed, seen = True, watcher.paints
    deadline = time.monotonic() + 0.5
    while watcher.paints == seen and time.monotonic() < deadline:
        app.processEvents()


def close_on_sigterm(window) -> None:
    """A plain ``kill`` (SIGTERM: a log-out, a service stop) closes the window as Ctrl+Q does without asking: the
    door is closed and its socket removed, the commands it took answered, the queue left in the journal. (After
    kill -9 the socket stays: the next start replaces it, and a command finds nobody behind it.)"""
    import asyncio
    import signal

    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, window.close_now)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or a loop without signals
        pass


async def amain(args, window, clock=None, refresh_scheme=None) -> int:
    first_turn = time.thread_time()
    import asyncio
    import logging

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.storage import secrets
    from app.storage.settings import Settings

    app = QApplication.instance()
    measuring = os.environ.get("DISPATCH_FIRST_PAINT") == "1"
    if not measuring:
        setup_logging(file=True)  # first: what goes wrong from here on (a damaged settings file) is logged
    settings = Settings()  # damaged or unwritable: defaults and settings.problem, never an exception
    window.use_settings(settings)  # its size and place: the stored ones now, stored again when it closes
    if not measuring:  # a restart names its account and shows the message it was writing from the first frame
        window.expect_account(expected_account(args, settings))
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    close_on_sigterm(window)
    built = asyncio.Event()
    window.setup_finished.connect(built.set)
    first_view = asyncio.Event()
    window.first_view_ready.connect(first_view.set)
    if measuring:
        window.first_view_ready.connect(
            lambda: print(f"DISPATCH_READY {time.time():.6f} cpu={time.process_time():.6f}", flush=True))
    if clock is not None:
        clock.watch_slices(window)
    window.start_setup()  # the views, actions and menus: in slices after the first frame, one a turn
    if clock is not None:
        clock.note("amain_first_turn", time.thread_time() - first_turn)
    if not measuring:
        if not window.first_view_shown:
            await first_view.wait()
        # the account is chosen once the first view shows: a session set before everything is built is put
        # in place when it is, with no welcome page in between
        window.use_keyring(secrets.keyring_available())
        settle_gc_after_start(window)  # the one freeze, once the first connect attempt has ended
        Controller(args, window, settings).start()
        if getattr(args, "link", None):  # a mailto: link or an .eml file the desktop gave (app/ui/window/start_link.py)
            from app.ui.window.start_link import open_at_start

            open_at_start(window, args.link)
    if not window.ready:
        await built.wait()
    if refresh_scheme is not None:
        refresh_scheme()  # the app's palette: the scheme Qt reports (the first frame went by a guess)
    watch_settings(window, settings)
    install_excepthook(window)
    if measuring:  # measuring start-up: quit now (after the first switches, when asked for)
        pieces = f" {clock.report()}" if clock is not None else ""
        print(f"DISPATCH_ALL_BUILT {time.time():.6f} cpu={time.process_time():.6f}{pieces}", flush=True)
        if os.environ.get("DISPATCH_REPORT_WORDS") == "1":  # the words it shows (a test of the language at start)
            print(f"DISPATCH_WORDS {_shown_words(window)}", flush=True)
        if os.environ.get("DISPATCH_SWITCHES") == "1":
            from app.ui.window.first_switch import first_switches

            for name, ms in await first_switches(window):
                print(f"DISPATCH_SWITCH {name} {ms:.3f}", flush=True)
        QTimer.singleShot(0, window.close_now)
    await closed.wait()
    letting_go = window.journal_bridge.let_go() if window.journal_bridge is not None else None
    if letting_go is not None:  # the commands its door took are answered before the queue stops
        await letting_go
    session = window.session
    if session is not None:
        try:
            await asyncio.wait_for(window.flows.wait_idle(), timeout=30)
        except asyncio.TimeoutError:
            logging.getLogger("app").warning("gave up waiting for running operations at exit")
        session.close()
    return 0


# imported one per event-loop turn between the first paint and the loop's start (together 60-80 ms; asyncio
# with what it imports ~40 ms: socket and ssl build their IntEnums, and PySide6 reads the source of every
# module imported after it), so that no turn holds them all
_PRE_LOOP_IMPORTS = ("selectors", "socket", "signal", "subprocess", "ssl", "concurrent.futures",
                     "asyncio", "qasync", "logging.handlers", "app.storage.logfile", "json", "uuid", "datetime",
                     "dataclasses", "app.domain.models", "app.domain.validation", "app.storage.settings")


def run(args) -> int:
    """Paint the window frame first (Qt only), then start qasync and build everything else."""
    from PySide6.QtWidgets import QApplication

    from app.ui.window.application import DispatchApplication

    # its own class: a link macOS hands the running application comes to it (app/ui/window/application.py)
    app = QApplication.instance() or DispatchApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)
    from app.ui.window.main_window import MainWindow
    from app.ui.common.theme import follow_system_app

    # light or dark as the system (DISPATCH_COLOR_SCHEME=dark|light forces one); guessed from the palette
    # for the first frame (asking Qt costs its enums: 20-30 ms), asked after it
    refresh_scheme = follow_system_app(app, early=True)
    window = MainWindow(lazy=True)
    watcher = _first_paint_watcher(window)
    window.show()
    deadline = time.monotonic() + 0.5
    while not watcher.paints and time.monotonic() < deadline:
        app.processEvents()

    clock = None
    if os.environ.get("DISPATCH_FIRST_PAINT") == "1":  # measuring: each piece's CPU time (app/startup_clock.py)
        from app.startup_clock import StartupClock

        clock = StartupClock()
    piece = clock.run if clock is not None else (lambda _name, work, *a: work(*a))
    # the language after the first frame (the empty window: no words) and before the frame, whose widgets take
    # their words as they are built: reading the settings for it and loading the catalogues are not on the
    # first paint's path
    piece("language", _language, window)
    # the next frame: the sidebar, the menu bar's titles, the status bar (timed with its paint: one piece)
    piece("frame", _frame, app, window, watcher)
    # what qasync and amain import, a piece per event-loop turn: input and paints are handled in between
    for module in _PRE_LOOP_IMPORTS:
        piece(f"import_{module}", importlib.import_module, module)
        app.processEvents()
    from app.ui.window.setup_steps import qt_namespace

    # a turn of its own: else qasync's first timer (its killTimer) builds them in amain's
    piece("qt_namespace", qt_namespace, window)
    app.processEvents()
    import asyncio

    import qasync

    setup_logging(file=False)
    try:
        return qasync.run(amain(args, window, clock, refresh_scheme))
    except (KeyboardInterrupt, asyncio.CancelledError):
        return 130
