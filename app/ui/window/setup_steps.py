"""The window's views, actions and menus, built after the first paint in slices.

:func:`steps` lists the slices in order; each is a short piece of work. The first view (Compose) comes
first: once it is shown with the keyboard in it the window is *ready* (``MainWindow.first_view_ready``;
the main shortcuts already work, :func:`app.ui.window.frame.early_keys`). Drafts, Sent, the Outbox, the
actions, menus and the journal follow in idle turns after ready; the merge window and the dialogs are built
when first used. ``MainWindow.finish_setup()``
runs them all at once (tests, ``MainWindow(session)``); ``MainWindow.start_setup()`` runs one per
event-loop turn (``QTimer.singleShot(0)``), so the frame stays responsive and keys pressed meanwhile
are handled between slices (a main shortcut finishes the rest at once: ``app.ui.window.frame.early_keys``).
PySide6's ``Qt`` namespace (its ~90 enum types, 11-20 ms) is built by :func:`qt_namespace`, which the app
calls in a turn of its own before the loop starts (app_main.run); as the first slice it then costs nothing.
Each slice is at most ~8 ms of the UI thread on a quiet 2-core machine; the bench prints the longest
(bench/bench_startup_stall.py, app/startup_clock.py).
"""

from __future__ import annotations


def shell(win) -> None:
    """What the frame left out because it needs Qt's enums: the status bar's widgets, the banner, the
    exact colour scheme, the sidebar's narrow-window behaviour and icons."""
    from PySide6.QtCore import Qt

    from app.ui.common.announce import Announcer
    from app.ui.window.banner import Banner, BannerSlot
    from app.ui.window.sidebar_fit import SidebarFit
    from app.ui.window.status_bar import StatusWidgets, account_words
    from app.ui.common.theme import apply, icon, set_sidebar_icon

    apply(win)  # the scheme the system reports (the frame went by the palette); no-op when the same
    frame = win.frame
    frame.brand.setTextFormat(Qt.PlainText)
    banner = Banner(win)
    fit = SidebarFit(frame.side, frame.brand, win.sidebar, frame.page.parentWidget())  # narrow window: it gives way
    win.parts.fill(sidebar_fit=fit,
                   status=StatusWidgets(win), banner=banner,
                   banner_slot=BannerSlot(banner, win.stack.parentWidget(), win.stack),
                   announcer=Announcer(win))  # raised on the window: a reader takes them from the active window
    expected = win.expected_account  # a restart: the account it will sign in to, from the settings
    if expected is not None:
        win.status.account_label.setText(account_words(expected))
    win.set_state("connecting" if expected is not None else "idle")  # the controller starts it moments later
    if hasattr(win.statusBar(), "shown"):  # a FittingStatusBar (not a plain one asked for before the frame)
        win.statusBar().shown.connect(win.announcer.status)  # the status bar is the window's polite live region
    banner.spoken.connect(lambda words, loud: win.announcer.say(words, assertive=loud))
    from app.ui.window.shell_port import WindowPort

    win.parts.fill(port=WindowPort(win))  # what each feature is handed instead of the window
    frame.banner_row.addWidget(win.banner_slot)
    win.setWindowIcon(icon("app"))
    for row, name in enumerate(("compose", "drafts", "sent", "outbox")):
        set_sidebar_icon(win.sidebar.item(row), name, win.property("colorScheme"))


def flows(win) -> None:
    from app.ui.common.core_events import CoreEvents
    from app.ui.window.workflows import Workflows

    win.parts.fill(core_events=CoreEvents(win))  # the core's events as signals (the journal slice follows the Outbox)
    win.parts.fill(flows=Workflows(win))


def compose(win) -> None:
    from app.ui.compose.compose_view import ComposeView

    win.parts.fill(compose=ComposeView(win.stack))
    win.stack.addWidget(win.compose)
    win.compose.pending_files.spoken.connect(lambda words, loud: win.announcer.say(words, assertive=loud))
    for field in win.compose.address_fields():  # the list never has the focus: its highlight is said in words
        field.suggestions.spoken.connect(lambda words, keyed: win.announcer.polite(words, keyed=keyed))


def drafts(win) -> None:
    from app.ui.lists.drafts_view import DraftsView
    from app.ui.window.focus_order import proxy_first

    win.parts.fill(drafts=DraftsView(win.stack))
    win.stack.addWidget(win.drafts)
    proxy_first(win.drafts)  # Tab reaches the list's buttons too


def sent(win) -> None:
    from app.ui.window.focus_order import proxy_first
    from app.ui.lists.sent_view import SentView

    win.parts.fill(sent=SentView(win.stack, port=win.port))
    win.stack.addWidget(win.sent)
    proxy_first(win.sent)


def first_view(win) -> None:
    """Compose is shown and takes the keyboard: start-up's "ready"."""
    win.first_view_built()


def welcome(win) -> None:
    from app.ui.accounts.account_dialog import WelcomeView

    win.parts.fill(welcome=WelcomeView(win.stack))
    win.stack.addWidget(win.welcome)
    win.views_built()


def actions(win) -> None:
    from app.ui.window.actions import build_actions, build_menus

    win.drop_early_keys(_BUILT_HERE)
    win.parts.fill(actions_=build_actions(win))
    build_menus(win, win.actions_)
    win.menus["&File"].insertAction(win.actions_.account, win.sent.save_action)  # Sent: Ctrl+Shift+S
    from app.ui.compose.eml_flows import install as install_eml

    acts = win.actions_
    win.parts.fill(eml=install_eml(win.port, win.flows, win.compose, win.drafts, win.sent, lambda: win.journal_bridge,
                                   before_open=acts.save, before_save=acts.send))  # File: Open .eml file… (Ctrl+O), Save as .eml file… (Ctrl+Shift+E); .eml drops


# stand-in keys whose real action the ``actions`` slice builds (Ctrl+F: the find bar's slice; Ctrl+4: the
# Outbox view, with the journal bridge)
_BUILT_HERE = {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+N", "Ctrl+S", "Ctrl+Return", "Ctrl+Enter", "Ctrl+Q", "F1", "Ctrl+,",
               "Ctrl+Shift+A"}


def edit(win) -> None:
    from app.ui.window.edit_menu import build_edit_menu
    from app.ui.compose.find_bar import FindBar

    win.drop_early_keys({"Ctrl+F"})
    win.parts.fill(find_bar=FindBar(win.stack.parentWidget()))
    win.find_bar.spoken.connect(lambda words, keyed: win.announcer.polite(words, keyed=keyed))
    win.frame.page.addWidget(win.find_bar)
    win.parts.fill(edit_actions=build_edit_menu(win))
    from app.ui.compose.format_menu import build_format_menu

    build_format_menu(win.port, win.compose.fmt)  # Format: Rich text (Ctrl+Shift+X) and the formatting commands


def spelling(win) -> None:
    """Spell check on the Compose body and its two actions in the Edit menu (app/ui/compose/spell_menu.py); enchant
    and the dictionaries load on the checker's own thread, never in a slice."""
    from app.ui.compose.spell_menu import Spelling

    spelling_ = Spelling(win.port, win.compose.body)
    win.parts.fill(spelling=spelling_)
    win.setup_finished.connect(spelling_.start)  # enchant loads once the window is built


def power(win) -> None:
    """The command palette (Ctrl+Shift+P), snippets and signatures (app/ui/window/power_compose.py)."""
    from app.ui.merge.merge_action import build as build_merge
    from app.ui.window.power_compose import build

    win.parts.fill(power=build(win))
    win.parts.fill(merge_action=build_merge(win.port, win.compose, win.flows, win.core_events, journal_bridge=lambda: win.journal_bridge,
                                            timing=lambda: win.send_timing, before=win.actions_.account))  # File → Mail merge… (Ctrl+Shift+M): the dialog is built when first used
    from app.ui.addressbook.book_action import AddressBookAction

    # Edit → Address book… (Ctrl+Shift+B in Compose): the dialog is built when first used
    win.parts.fill(address_book=AddressBookAction(win.port, win.compose, win.flows))


def wiring(win) -> None:
    from app.ui.lists.follow_up_flows import open_follow_up
    from app.ui.lists.list_status import watch_list_errors

    f = win.flows
    win.drop_early_requests()  # Compose's Save and Send reach the workflows from now on
    # the sidebar's arrows move its selection only; Enter (or a click) enters the view
    win.sidebar.itemActivated.connect(lambda item: win.enter_view(win.sidebar.row(item)))
    win.sidebar.itemClicked.connect(lambda item: win.enter_view(win.sidebar.row(item)))
    win.banner.retry.connect(f.retry)
    win.follow_session_events()
    win.compose.save_requested.connect(f.save_draft)
    win.compose.send_requested.connect(f.send)
    win.compose.lookup_requested.connect(f.lookup_names)
    for field in (win.compose.to, win.compose.cc, win.compose.bcc):  # a domain's look-up starts as its field is left
        field.edit.editingFinished.connect(f.look_up_domains)
    win.drafts.open_requested.connect(f.drafts.open_draft)
    win.drafts.delete_requested.connect(f.drafts.delete_drafts)
    win.drafts.send_requested.connect(lambda refs: f.drafts.send_selected(refs))
    win.drafts.refresh_requested.connect(f.refresh)
    from app.ui.common.tr import translate

    # the banner goes once the list loads; the list named as the sidebar names it
    for view, name in ((win.drafts, translate("Views", "Drafts")), (win.sent, translate("Views", "Sent"))):
        watch_list_errors(win.port, f.security.offer_sign_in, f.explain_exc, win.banner, view.model, name)
    win.sent.preview_requested.connect(f.drafts.preview_sent)
    win.drafts.preview_requested.connect(f.drafts.preview_draft)
    win.sent.follow_up_requested.connect(
        lambda kind, msg: open_follow_up(win.port, f.stash_current, win.compose, win.sent, kind, msg))
    win.welcome.sandbox_chosen.connect(win.sandbox_requested)
    win.welcome.exchange_chosen.connect(win.edit_account)


def open_journal(win) -> None:
    """Opens the journal's file on a thread of its own while the slices go on (SQLite: open, integrity
    check, schema: 3-5 ms for a new file, more for a large one, none of it the UI thread's). The
    ``journal`` slice takes it; what it holds is recovered only then, when the session is set, as before.
    A restart (the account known from the settings: ``win.expected_account``) reads there too the message that
    account was writing, for :func:`reopen_early`."""
    if win.journal_opening is not None or (win.local_journal is not None and win.expected_account is None):
        return
    import threading
    from concurrent.futures import Future

    opening, reading, given = Future(), Future(), win.local_journal
    account = win.expected_account.key if win.expected_account is not None else None

    def run() -> None:
        try:
            from app.storage.journal import Journal  # here: its import (sqlite3 and all) is not the UI thread's

            journal_ = given if given is not None else Journal()
        except BaseException as exc:  # noqa: BLE001 - handed to the journal slice
            opening.set_exception(exc)
            reading.set_result(None)
            return
        opening.set_result(journal_)
        try:
            from app.core.compose.recovery import message_to_reopen_early

            reading.set_result(message_to_reopen_early(journal_, account) if account is not None else None)
        except Exception:  # noqa: BLE001 - the journal slice's bridge reopens it, or says what is wrong
            reading.set_result(None)

    threading.Thread(target=run, name="journal-open", daemon=True).start()
    if given is None:
        win.journal_is_opening(opening)
    win.reopen_is_reading(Reading(reading))


def open_journal_early(win) -> None:
    """A restart: the journal opens (on its thread) before Compose is built, so that :func:`reopen_early` finds the
    message being written by the time Compose is shown. A first start (no account yet) opens it after ready."""
    if win.expected_account is not None:
        open_journal(win)


# how long, at most, a restarting window waits for the journal before it shows Compose (seconds): a journal slower
# than this reopens the message a moment later, as the journal slice's bridge always could
REOPEN_WAIT_S = 0.25


class Reading:
    """The message a restart reopens, being read on the journal's thread (``future``: its Entry or None), and until
    when Compose waits for it (set at the first wait)."""

    def __init__(self, future):
        self.future, self.until = future, None


def reopen_early(win) -> None:
    """A restart: Compose holds the message the account was writing when it is first shown, not empty first.
    Waits for the journal's thread at most 8 ms a turn (the slice comes again next turn), and
    :data:`REOPEN_WAIT_S` in all. The journal slice's bridge finds the message there and says "Reopened…"."""
    import time

    reading = win.reopen_reading
    if reading is None:
        return
    if reading.until is None:
        reading.until = time.monotonic() + REOPEN_WAIT_S
    try:
        entry = reading.future.result(timeout=0.008)
    except TimeoutError:
        if time.monotonic() < reading.until:
            win.run_next(reopen_early)
        return
    win.reopen_is_reading(None)
    if entry is not None and win.compose.is_empty():
        win.compose.load(entry.draft)
        win.compose.show_unsaved_edits(kept=True)  # read from the journal: it is there


def journal_opened(win) -> None:
    """Takes the journal :func:`open_journal` opened, waiting at most 8 ms a turn (the slice comes again
    next turn until it is there). Could it not be opened, the journal slice's bridge tries again itself and
    says why (typing is then not protected)."""
    opening = win.journal_opening
    if opening is None:
        return
    try:
        journal_ = opening.result(timeout=0.008)
    except TimeoutError:
        win.run_next(journal_opened)
        return
    except Exception:  # noqa: BLE001 - JournalUnavailable & co: JournalBridge opens it, explains, falls back
        journal_ = None
    win.journal_opened(journal_)


def journal(win) -> None:
    """Autosave, crash recovery and each account's send queue (the one path every send takes); then the
    session the window was given, if any."""
    from app.ui.outbox.journal_bridge import JournalBridge

    win.drop_early_keys()  # Ctrl+4: the Outbox view comes with the bridge
    from app.ui.compose.send_timing import SendTiming

    win.parts.fill(send_timing=SendTiming(win.port, win.core_events, win.flows, win.compose, win.drafts,
                                          lambda: win.journal_bridge, after=win.actions_.send))  # undo send, send later
    from app.ui.window.start_link import open_from_door

    win.parts.fill(journal_bridge=JournalBridge(win.port, win.core_events, win.flows, win.compose, win.drafts, win.sent,
                                                journal=win.local_journal, opener=lambda link: open_from_door(win, link)))
    from PySide6.QtWidgets import QApplication

    from app.ui.window.application import DispatchApplication

    app = QApplication.instance()
    if isinstance(app, DispatchApplication):  # a link macOS hands the running application: as a second start's
        app.deliver_links(lambda link: open_from_door(win, link))


def default_mail(win) -> None:
    """File → Make Dispatch the default mail program, before Quit (app/ui/window/default_mail.py)."""
    from PySide6.QtGui import QAction

    from app.ui.window.default_mail import DefaultMailAction

    menu = win.menus["&File"]
    made = DefaultMailAction(win.port, win.flows.spawn, menu)
    quit_ = win.findChild(QAction, "actQuit")
    if quit_ in menu.actions():
        menu.insertAction(quit_, made.action)
    else:
        menu.addAction(made.action)


def notify(win) -> None:
    """Desktop notifications of the sends the user is not watching (app/ui/notify), and View → Notifications."""
    from datetime import datetime, timezone

    from app.core.outbox.rows import send_view
    from app.ui.notify.notifier import Notifier
    from app.ui.notify.notify_menu import add_notify_menu
    from app.ui.window.start_link import come_forward

    def open_row(local_id: str) -> None:  # the notification's action: the window up, the Outbox on that row
        win.journal_bridge.point_at(local_id)
        win.journal_bridge.show_outbox()
        come_forward(win)

    def active() -> bool:  # the window, or a window of its own (a dialog, the merge window), has the keyboard
        from PySide6.QtWidgets import QApplication

        w = QApplication.activeWindow()
        while w is not None and w is not win:
            w = w.parentWidget()
        return w is win

    def known(message_id: str):  # a message this window sent: its subject and when (the Sent list, the Outbox)
        for s in win.sent.model.summaries():
            if s.internet_message_id == message_id and s.sent is not None:
                return s.subject, s.sent
        ob = win.journal_bridge.outbox
        for sub in ob.queue.submissions() if ob is not None else []:
            if sub.draft.internet_message_id == message_id and send_view(sub).sent:
                return sub.draft.subject, datetime.now(timezone.utc)  # sent in this window's run
        return None

    def open_sent(message_id: str) -> None:  # a bounce's action: the window up, Sent on that message's row
        come_forward(win)
        ids = {s.internet_message_id: s.ref.id for s in win.sent.model.summaries()}
        if message_id in ids and win.delivery is not None:
            win.delivery.show_row(ids[message_id])
        else:
            win.port.show_view("sent")

    notifier = Notifier(win.core_events, lambda: win.settings, active, open_row, win.flows.spawn,
                        known=known, open_sent=open_sent)
    win.parts.fill(notifier=notifier)
    add_notify_menu(win, win.menus["&View"], notifier, lambda words: win.port.say(words, ms=4000), win.addAction)
    win.port.when_gone(notifier.closed)


def receipts(win) -> None:
    """File → Receipts for new messages, after Undo send delay; Compose's new messages follow it
    (app/ui/compose/receipt_defaults.py)."""
    from app.ui.compose.receipt_defaults import ReceiptDefaults

    win.parts.fill(receipt_defaults=ReceiptDefaults(win.port, win.compose, win.menus["&File"],
                                                    after=win.send_timing.delay_menu))


def delivery(win) -> None:
    """Did it arrive: the reports in the Inbox, looked at once connected, on F5 and every few minutes; Sent's marks
    and preview, the banner once per failure (app/ui/lists/delivery_flows.py)."""
    from PySide6.QtGui import QAction

    from app.core.accounts.session import ConnectionState
    from app.ui.lists.delivery_flows import DeliveryFlows, forget_in

    flows = DeliveryFlows(win.port, win.flows, win.sent, win.compose, win.banner,
                          lambda: win.journal_bridge.runtime, forget_in(win.port, win.compose))
    win.parts.fill(delivery=flows)

    def news(session, payload) -> None:  # a session's news: look once the one in use is connected
        if session is win.session and payload[0] == ConnectionState.CONNECTED and not flows.timer.isActive():
            flows.start()

    def account(_session) -> None:  # another account: its book (read as its queue opened), before it connects
        flows.timer.stop()
        flows.keep_suggestions()

    win.session_event.connect(news)
    win.session_changed.connect(account)
    win.findChild(QAction, "actRefresh").triggered.connect(flows.check)
    win.menus["&Drafts"].addAction(win.sent.resend_action)
    flows.keep_suggestions()  # offline too, an address that bounced is not suggested
    if win.session is not None and win.session.state == ConnectionState.CONNECTED:
        flows.start()


def kept(win) -> None:
    """Send later kept by the server: the Outbox reads the server's Outbox folder once connected, on F5 and every
    few minutes while shown (app/ui/outbox/outbox_kept.py)."""
    from PySide6.QtGui import QAction

    from app.core.accounts.session import ConnectionState

    rows = win.journal_bridge.kept
    win.session_event.connect(rows.session_news)
    win.session_changed.connect(lambda _s: rows.timer.stop())
    win.findChild(QAction, "actRefresh").triggered.connect(lambda: rows.read(asked=True))
    if win.session is not None and win.session.state == ConnectionState.CONNECTED:
        rows.session_news(win.session, (ConnectionState.CONNECTED,))


def _importer(module: str):
    """A slice that only imports ``module`` (the import alone is as long as a slice should be)."""
    def step(_win) -> None:
        import importlib

        importlib.import_module(module)
    step.__name__ = f"import {module}"
    return step


def qt_namespace(_win) -> None:
    """PySide6's ``Qt`` namespace: its first use builds its ~90 enum types (11-20 ms), in a slice of its own
    rather than inside the first slice that says ``Qt.``."""
    from PySide6.QtCore import Qt

    Qt.AlignmentFlag  # noqa: B018 - the attribute access is what builds them


def widget_types(win) -> None:
    """The first C++-made plain QWidget handed to Python (a scroll area's viewport) makes PySide6 load
    every QWidget subclass it has not loaded yet to find its type: ~70 enum types, 6-8 ms. The sidebar's
    viewport pays it in a slice of its own, before Compose: else the Compose slice would (its form's scroll
    area sets its viewport: app.ui.compose.form_area), or the Drafts slice (its table measures its viewport)."""
    win.sidebar.viewport()


def steps() -> list:
    return [open_journal_early, qt_namespace, _importer("app.ui.common.safe_text"), _importer("app.ui.window.banner"),
            _importer("app.ui.window.status_bar"), shell,
            # what ComposeView imports when it is built, a slice each; then Compose is the first view (ready)
            _importer("app.ui.compose.recipient_edit"), _importer("app.ui.compose.attachments"), _importer("app.ui.compose.body.body_mirror"),
            _importer("app.ui.compose.formatting"), _importer("app.ui.compose.compose_view"), widget_types, compose,
            reopen_early, first_view,
            # after ready, in idle turns: the journal's file (opened on a thread), the core, the other views
            _importer("sqlite3"), _importer("app.storage.journal"), open_journal,
            _importer("app.core.outbox.submission"), _importer("app.core.outbox.rows"), _importer("app.core.outbox.attempts"),
            _importer("app.core.outbox"), _importer("app.core.accounts.session"), _importer("app.ui.window.workflows"),
            _importer("app.ui.lists.message_models"), _importer("app.ui.lists.list_table"), _importer("app.ui.lists.drafts_view"),
            drafts, sent, flows, welcome, actions, edit, _importer("app.ui.compose.spell_menu"), spelling, wiring,
            _importer("app.ui.window.power_compose"), power,
            _importer("app.ui.outbox.journal_bridge"), _importer("app.ui.outbox.outbox_view"), journal_opened, journal, notify,
            receipts, default_mail, _importer("app.domain.delivery_words"), delivery, kept]
