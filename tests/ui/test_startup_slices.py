"""Start-up in slices (issue 16): the frame paints first; the views, actions and menus are built one
slice per event-loop turn; a main shortcut pressed before they are all built still works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.storage.settings import Settings
from tests.ui.conftest import _window_or_its_dialog_is_active, account_for, close_window


def _lazy_window(qtbot, tmp_path, session=None):
    from app.ui.main_window import MainWindow

    win = MainWindow(session, settings=Settings(tmp_path / "settings.json"), lazy=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: _window_or_its_dialog_is_active(win), timeout=5000)
    return win


def test_slices_run_one_per_event_loop_turn_and_finish_by_themselves(qtbot, aloop, tmp_path):
    from app.ui.setup_steps import steps

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
    from app.core.session import Session

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
    from app.core.session import Session

    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    win = _lazy_window(qtbot, tmp_path, session)
    win.start_setup()
    qtbot.waitUntil(lambda: len(win._steps) < 8, timeout=20000)  # some slices built, not all
    assert not win.ready
    qtbot.keyClick(win, Qt.Key_N, Qt.ControlModifier)
    assert win.ready and win.current_view() == "compose"
    qtbot.waitUntil(lambda: win.compose.to.hasFocus() or win.compose.isAncestorOf(win.focusWidget()), timeout=5000)
    close_window(win, session)
