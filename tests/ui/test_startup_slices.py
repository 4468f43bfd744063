"""Start-up in slices (issue 16): the frame paints first; the views, actions and menus are built one
slice per event-loop turn; a main shortcut pressed before they are all built still works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.storage.settings import Settings
from tests.helpers.windows import _window_or_its_dialog_is_active, account_for, close_window, wait_task


def _lazy_window(qtbot, tmp_path, session=None):
    from app.ui.window.main_window import MainWindow

    win = MainWindow(session, settings=Settings(tmp_path / "settings.json"), lazy=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: _window_or_its_dialog_is_active(win), timeout=5000)
    return win


def test_the_lazy_window_shows_its_background_first_and_its_frame_on_request(qtbot, aloop, tmp_path):
    """Before build_frame the window is empty, in the scheme's background colour (its first frame);
    start_setup builds the frame at once, before the slices."""
    from PySide6.QtGui import QPalette

    from app.ui.common.theme import PALETTES, early_scheme

    win = _lazy_window(qtbot, tmp_path)
    assert win.sidebar is None and win.centralWidget() is None
    assert win.palette().color(QPalette.Window).name() == PALETTES[early_scheme()]["bg"]
    assert win.current_view() == "starting"
    win.start_setup()
    # every view's entry, the Outbox's too (its page comes with the journal): issue 73, item 7
    assert win.sidebar.count() == 4 and win.stack.count() == 1 and not win.ready
    assert win.property("colorScheme") == early_scheme()
    with qtbot.waitSignal(win.setup_finished, timeout=20000):
        pass
    close_window(win)


def test_slices_run_one_per_event_loop_turn_and_finish_by_themselves(qtbot, aloop, tmp_path):
    from app.ui.window.setup_steps import steps

    win = _lazy_window(qtbot, tmp_path)
    assert not win.ready and win.current_view() == "starting"
    ran = []
    win.start_setup()
    assert not win.ready, "start_setup builds nothing before the event loop turns"
    for step in list(win._steps):  # record the order the slices run in, each in its own turn
        name = step.__name__

        def spy(w, _f=step, _n=name):
            ran.append(_n)
            _f(w)
        win._steps[win._steps.index(step)] = spy
    with qtbot.waitSignal(win.setup_finished, timeout=20000):
        pass
    assert ran == [s.__name__ for s in steps()]
    assert win.ready and win.current_view() == "welcome"
    assert win.actions_.view_drafts.shortcuts() and win.find_bar is not None
    rich = [w for w in win.findChildren(QLabel) if w.textFormat() != Qt.PlainText]
    assert rich == [], "the frame's labels are made plain text by the first slice"
    close_window(win)


def test_ctrl_2_before_the_slices_are_done_builds_the_rest_and_shows_drafts(qtbot, aloop, tmp_path, sandbox):
    from app.core.accounts.session import Session

    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    win = _lazy_window(qtbot, tmp_path, session)
    win.start_setup()
    qtbot.keyClick(win, Qt.Key_2, Qt.ControlModifier)  # before the first slice has run
    assert win.ready, "the shortcut built the rest at once"
    assert win.current_view() == "drafts" and win.session is session
    finished = []
    win.setup_finished.connect(lambda: finished.append(True))
    qtbot.keyClick(win, Qt.Key_3, Qt.ControlModifier)  # the real action now: not ambiguous
    assert win.current_view() == "sent"
    qtbot.keyClick(win, Qt.Key_4, Qt.ControlModifier)
    assert win.current_view() == "outbox"
    qtbot.keyClick(win, Qt.Key_1, Qt.ControlModifier)
    assert win.current_view() == "compose"
    assert finished == [], "setup_finished is emitted once"
    qtbot.waitUntil(lambda: win.state_label.text() == "Connected", timeout=30000)
    close_window(win, session)


def test_ctrl_n_before_the_slices_are_done_starts_a_message(qtbot, aloop, tmp_path, sandbox):
    from app.core.accounts.session import Session

    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    win = _lazy_window(qtbot, tmp_path, session)
    from app.ui.window.setup_steps import steps

    # the rest waits: Ctrl+N must come before the actions' slice, whatever the speed
    paused = _pause_setup(win, lambda: len(win._steps) <= len(steps()) // 2)
    win.start_setup()
    qtbot.waitUntil(lambda: bool(paused), timeout=20000)  # some slices built, not all
    assert not win.ready and win.actions_ is None
    qtbot.keyClick(win, Qt.Key_N, Qt.ControlModifier)
    assert win.ready and win.current_view() == "compose"
    qtbot.waitUntil(lambda: win.compose.to.hasFocus() or win.compose.isAncestorOf(win.focusWidget()), timeout=5000)
    close_window(win, session)


def test_views_added_at_start_up_do_not_re_style_the_sidebar(qtbot, aloop, tmp_path):
    """The Outbox's sidebar item (the journal's slice) no longer re-polishes the sidebar (QStyle's enums
    and the style sheet: 5-10 ms in that slice); going compact and back still does."""
    from app.ui.window.sidebar_fit import COMPACT_WIDTH

    win = _lazy_window(qtbot, tmp_path)
    win.start_setup()
    with qtbot.waitSignal(win.setup_finished, timeout=20000):
        pass
    assert win.sidebar.count() == 4 and win.sidebar.item(3).text() == "Outbox"
    assert win.sidebar.property("compact") is None, "re-polished while nothing changed"
    full, page = win.frame.side.maximumWidth(), win.frame.page.parentWidget().minimumSizeHint().width()
    win.resize(full + page - 40, win.height())
    qtbot.waitUntil(lambda: win.sidebar.property("compact") == "true")
    assert [win.sidebar.item(r).text() for r in range(4)] == ["", "", "", ""]
    qtbot.waitUntil(lambda: win.frame.side.width() == COMPACT_WIDTH)  # icons only, as narrow as they are
    win.resize(full + page + 40, win.height())
    qtbot.waitUntil(lambda: win.sidebar.property("compact") == "false")
    qtbot.waitUntil(lambda: win.frame.side.width() == full)
    assert win.sidebar.item(3).text() == "Outbox"
    close_window(win)

_PROBE = r"""
import enum, json, threading
import PySide6.QtCore  # noqa: F401
from app.app_main import run  # noqa: F401 - python -m app imports it before PySide6
import app.ui.window.main_window as mw

phase = ["before main"]
enums = []
create = enum.EnumType._create_


def _create(cls, *a, **k):
    made = create(cls, *a, **k)
    enums.append((phase[0], made))
    return made


def _during(name, f):
    def run(self, *a):
        phase[0] = name(self)
        try:
            return f(self, *a)
        finally:
            phase[0] = "between slices"
    return run


import app.ui.window.setup_steps as ss

ss.qt_namespace = _during(lambda w: "qt_namespace", ss.qt_namespace)
mw.MainWindow.start_setup = _during(lambda w: "start_setup", mw.MainWindow.start_setup)
mw.MainWindow._next_step = _during(lambda w: "slice " + (w._steps[0].__name__ if w._steps else "-"),
                                   mw.MainWindow._next_step)
enum.EnumType._create_ = _create
import app.storage.journal_file as jf

opened_in = []
open_db = jf.open_journal_db
jf.open_journal_db = lambda *a, **k: (opened_in.append(threading.current_thread().name), open_db(*a, **k))[1]
from app.cli import main
try:
    main(["--sandbox"])  # as python -m app --sandbox, with PySide6 imported first
finally:
    print("PROBE " + json.dumps({"enums": [(p, e.__qualname__, e.__module__) for p, e in enums],
                                 "journal_opened_in": opened_in}))
"""


@pytest.fixture(scope="module")
def start_probe(tmp_path_factory):
    """The real start (``python -m app --sandbox`` until every view is built), observed: which slice built
    which of PySide's enum types, the thread that opened the journal's file."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root), DISPATCH_HOME=str(tmp_path_factory.mktemp("home")),
               DISPATCH_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, cwd=root,
                         timeout=120)
    assert "DISPATCH_READY" in out.stdout, out.stdout + out.stderr
    probe = json.loads(next(ln for ln in out.stdout.splitlines() if ln.startswith("PROBE "))[6:])
    probe["ready_line"] = next(ln for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_READY"))
    probe["built_line"] = next(ln for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_ALL_BUILT"))
    probe["order"] = [ln.split()[0] for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_")]
    return probe


def test_qt_namespace_is_built_in_a_slice_of_its_own(start_probe):
    """Qt's ~90 enum types (11-20 ms) are built by ``setup_steps.qt_namespace`` in a turn of its own (before
    the loop starts): not by the early keys' shortcuts (setShortcut would), not by qasync's first timer
    (its killTimer) inside amain's first turn, not inside a slice that has other work to do."""
    where = {p for p, qualname, module in start_probe["enums"] if qualname.startswith("Qt.")
             and module == "PySide6.QtCore"}
    assert where == {"qt_namespace"}


def test_pyside_loads_the_widget_types_in_a_slice_of_its_own(start_probe):
    """The first plain QWidget made by C++ and handed to Python makes PySide load every QWidget subclass
    (~70 enum types, 6-8 ms): the widget_types slice pays it, not the Drafts slice. (The app uses no
    QWizard: when its enums are built tells when that loading happened.)"""
    where = {p for p, qualname, module in start_probe["enums"] if qualname.startswith("QWizard.")}
    assert where == {"slice widget_types"}


def test_the_journal_file_is_opened_off_the_ui_thread(start_probe):
    """SQLite's open, integrity check and schema (3-5 ms, more for a large journal) run on a thread of
    their own while the slices go on; recovery still happens on the UI thread when the session is set."""
    assert start_probe["journal_opened_in"] == ["journal-open"]


def test_a_journal_that_cannot_be_opened_is_explained_as_before(qtbot, aloop, tmp_path, monkeypatch):
    """The thread's failure reaches the bridge, which says typing is not protected and keeps a journal in
    memory, as when it opened the file itself."""
    import app.storage.journal as journal_mod
    from app.storage.journal_file import JournalUnavailable

    real = journal_mod.Journal

    def refuse(path=None, **kw):
        if path is None:
            raise JournalUnavailable("the journal's folder cannot be written (PermissionError)")
        return real(path, **kw)
    monkeypatch.setattr(journal_mod, "Journal", refuse)
    monkeypatch.setattr("app.ui.outbox.journal_bridge.Journal", refuse)
    win = _lazy_window(qtbot, tmp_path)
    win.start_setup()
    with qtbot.waitSignal(win.setup_finished, timeout=20000):
        pass
    assert not win.journal_bridge.journal.persistent
    assert "not protected" in win.journal_notice.text() or "not protected" in win.journal_notice.toolTip()
    close_window(win)


def test_a_measured_start_names_its_longest_piece_of_ui_work(start_probe):
    """bench/bench_startup_stall.py reports the longest piece (a pre-loop import, Qt's enums, a slice)
    from the DISPATCH_ALL_BUILT line: it is there and names a piece (its size is the bench's business)."""
    from app.app_main import _PRE_LOOP_IMPORTS
    from app.ui.window.setup_steps import steps

    longest = next(w for w in start_probe["built_line"].split() if w.startswith("longest="))
    ms, _, name = longest[len("longest="):].partition(":")
    known = {s.__name__.replace(" ", "_") for s in steps()} | {f"import_{m}" for m in _PRE_LOOP_IMPORTS}
    assert float(ms) > 0 and name in known | {"frame", "qt_namespace", "amain_first_turn", "setup_done"}, longest


def test_a_measured_start_is_ready_before_everything_is_built(start_probe):
    """The app says it is ready (the first view and its keys) before every view is built, after its first
    paint and its frame's."""
    order = start_probe["order"]
    assert order.index("DISPATCH_FIRST_PAINT") < order.index("DISPATCH_FRAME_PAINT") < order.index(
        "DISPATCH_READY") < order.index("DISPATCH_ALL_BUILT"), order



def _pause_setup(win, when) -> list:
    """The window's set-up slices stop for good at the first turn where ``when()`` holds, before that turn's slice
    runs (the event, not a poll that more slices may beat: the slices after it wait for the key under test). Returns
    the list that holds the name of the slice it stopped before, once it has."""
    paused: list[str] = []

    def run(name, turn) -> None:
        if paused or when():
            paused[:] = [name]
            return  # not run, and no turn after it: the rest is built by a key (finish_setup)
        turn()
    win.time_setup_steps(run)
    return paused

def _at_ready(qtbot, tmp_path):
    """A lazy window at start-up's "ready": Compose shown and taking keys, the rest not built yet."""
    win = _lazy_window(qtbot, tmp_path)
    # the rest waits: the key must come before it is built, whatever the speed
    paused = _pause_setup(win, lambda: win.first_view_shown)
    win.start_setup()
    qtbot.waitUntil(lambda: bool(paused), timeout=20000)
    assert not win.ready and win.drafts is None and win.sent is None and win.journal_bridge is None
    return win


def test_at_ready_compose_is_shown_and_has_the_keyboard(qtbot, aloop, tmp_path, screenshot_dir):
    win = _at_ready(qtbot, tmp_path)
    assert win.current_view() == "compose" and win.stack.currentWidget() is win.compose
    assert win.compose.isAncestorOf(win.focusWidget())
    qtbot.keyClicks(win.focusWidget(), "bob")  # typing goes into Compose at once
    assert "bob" in win.compose.to.text()
    win.grab().save(str(screenshot_dir / "startup_ready.png"))
    close_window(win)


@pytest.mark.parametrize("key, view", [(Qt.Key_2, "drafts"), (Qt.Key_3, "sent"), (Qt.Key_4, "outbox")])
def test_at_ready_the_first_key_to_each_view_shows_it(qtbot, aloop, tmp_path, key, view, screenshot_dir):
    """A view built after ready is still reached by its key at once: the first press builds what is left
    and shows it."""
    win = _at_ready(qtbot, tmp_path)
    qtbot.keyClick(win.focusWidget(), key, Qt.ControlModifier)
    assert win.ready and win.current_view() == view
    assert win.stack.currentWidget().isVisible()
    win.grab().save(str(screenshot_dir / f"startup_first_key_{view}.png"))
    qtbot.keyClick(win, Qt.Key_1, Qt.ControlModifier)
    assert win.current_view() == "welcome"  # no account yet: Compose's place says how to add one
    close_window(win)


def test_after_the_idle_turns_the_first_key_to_each_view_shows_it(qtbot, aloop, tmp_path):
    win = _lazy_window(qtbot, tmp_path)
    win.start_setup()
    with qtbot.waitSignal(win.setup_finished, timeout=20000):
        pass
    for key, view in ((Qt.Key_2, "drafts"), (Qt.Key_3, "sent"), (Qt.Key_4, "outbox"), (Qt.Key_1, "welcome")):
        qtbot.keyClick(win.focusWidget() or win, key, Qt.ControlModifier)
        assert win.current_view() == view
    close_window(win)



@pytest.mark.parametrize("press", ["ctrl+s", "save click", "ctrl+return", "send click"])
def test_save_or_send_at_ready_builds_the_rest_and_does_it_once(qtbot, aloop, tmp_path, sandbox, press):
    """Ctrl+S, Ctrl+Return or a click on Save draft or Send at ready means what it means later: the rest is
    built at once (the account the window was given is then set) and the message is saved to Drafts, or
    sent, once."""
    from app.core.accounts.session import Session
    from tests.helpers.backends import ALICE, BOB

    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    settings = Settings(tmp_path / "settings.json")
    settings.set_undo_send_seconds(0)  # sent at once: nothing held to wait for
    from app.ui.window.main_window import MainWindow

    win = MainWindow(session, settings=settings, lazy=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    paused = _pause_setup(win, lambda: win.first_view_shown)
    win.start_setup()
    qtbot.waitUntil(lambda: bool(paused), timeout=20000)
    assert not win.ready
    qtbot.keyClicks(win.focusWidget(), BOB)  # the keyboard is in To at ready
    win.compose.subject.setFocus()
    qtbot.keyClicks(win.compose.subject, "typed at ready")
    qtbot.keyClicks(win.compose.body, "hello")
    keys = {"ctrl+s": Qt.Key_S, "ctrl+return": Qt.Key_Return}
    if press in keys:
        qtbot.keyClick(win.compose.subject, keys[press], Qt.ControlModifier)
    else:
        qtbot.mouseClick(win.compose.save_button if press == "save click" else win.compose.send_button,
                         Qt.LeftButton)
    assert win.ready and win.session is session
    saving = press in ("ctrl+s", "save click")
    box, folder = (sandbox.mailbox(ALICE), "drafts") if saving else (sandbox.mailbox(BOB), "inbox")
    qtbot.waitUntil(lambda: [i["subject"] for i in box.items(folder)] == ["typed at ready"], timeout=30000)
    wait_task(qtbot, win.flows.wait_idle())
    assert [i["subject"] for i in box.items(folder)] == ["typed at ready"]  # once
    close_window(win, session)


def test_typing_at_ready_stays_where_it_is_when_the_account_comes(qtbot, aloop, tmp_path, sandbox):
    """The account given at start is put in place once everything is built; the keyboard stays in the
    Compose field the user is typing in (it is not moved to To under their fingers), and no welcome page
    is shown in between."""
    from app.core.accounts.session import Session

    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    win = _lazy_window(qtbot, tmp_path, session)
    win.start_setup()
    qtbot.waitUntil(lambda: win.first_view_shown, timeout=20000)
    shown = []
    win.stack.currentChanged.connect(lambda _i: shown.append(win.stack.currentWidget()))
    win.compose.subject.setFocus()
    qtbot.keyClicks(win.compose.subject, "ab")
    qtbot.waitUntil(lambda: win.ready and win.session is session, timeout=20000)
    qtbot.keyClicks(win.focusWidget(), "cd")
    assert win.compose.subject.text() == "abcd"
    assert win.welcome not in shown and win.current_view() == "compose"
    close_window(win, session)


def test_typing_at_ready_is_recorded_once_the_journal_opens_without_another_key(qtbot, aloop, tmp_path):
    """What is typed before the journal exists is written to it as soon as it opens: a crash after that,
    before another key, loses nothing."""
    win = _lazy_window(qtbot, tmp_path)
    win.start_setup()
    qtbot.waitUntil(lambda: win.first_view_shown, timeout=20000)
    assert win.journal_bridge is None  # the journal comes in a later slice
    win.compose.subject.setFocus()
    qtbot.keyClicks(win.compose.subject, "typed before the journal")
    with qtbot.waitSignal(win.setup_finished, timeout=20000):
        pass
    bridge = win.journal_bridge
    local_id = win.compose.identity().local_id
    qtbot.waitUntil(lambda: local_id in bridge.autosave.pending or bridge.journal.has(local_id), timeout=5000)
    bridge.autosave.flush()  # the settle delay is not waited: the write it would make, made now
    bridge.autosave.drain()
    entry = bridge.journal.get(local_id)
    assert entry is not None and entry.draft.subject == "typed before the journal"
    close_window(win)
