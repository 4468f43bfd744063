"""The command palette (Ctrl+Shift+P), by keys against the real window on the sandbox."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from app.domain.models import Draft, Recipient
from tests.helpers.keys import key
from tests.helpers.mailbox import items
from tests.helpers.backends import BOB
from tests.helpers.windows import wait_idle, wait_task

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


def open_palette(qtbot, win):
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    p = win.power.palette
    assert win.focusWidget() is p.field
    return p


def test_palette_finds_send_selected_drafts_and_enter_runs_it(qtbot, window, sandbox, screenshot_dir):
    win = window
    for i in range(2):
        wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(BOB)], subject=f"Palette {i}", body="b")))
    win.drafts.model.reload()
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 2 and not win.drafts.model.loading, timeout=10000)
    win.drafts.select_rows([0, 1])
    back = win.focusWidget()
    p = open_palette(qtbot, win)
    qtbot.keyClicks(p.field, "sen sel")
    assert p.shown()[0] == "Send selected drafts"
    row = p.model.rows[0]
    assert row.keys == QKeySequence("Ctrl+Shift+Return").toString(QKeySequence.NativeText)
    win.grab().save(str(screenshot_dir / "palette.png"))
    requests = len(sandbox.request_log)
    key(qtbot, win, Qt.Key_Return)
    assert not p.isVisible()
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 2 and not items(sandbox, "drafts"), timeout=20000)
    assert "SendItem" in sandbox.request_log[requests:]
    wait_idle(qtbot, win)
    assert win.focusWidget() is back or win.current_view() == "drafts"


def test_palette_lists_actions_views_and_drafts_without_asking_the_server(qtbot, window, sandbox):
    win = window
    wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(BOB)], subject="Budget 2027", body="b")))
    win.drafts.model.reload()
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    win.compose.subject.setFocus()
    before = len(sandbox.request_log)
    p = open_palette(qtbot, win)
    assert len(sandbox.request_log) == before, "opening the palette asked the server"
    labels = p.shown()
    for want in ("Go to Compose", "Go to Drafts", "Go to Sent", "Go to Outbox", "Save draft", "Send",
                 "Refresh", "Keyboard shortcuts", "Snippets and signatures", "Switch signature"):
        assert want in labels, want
    assert "Command palette" not in labels
    assert any(lbl.startswith("Open draft: Budget 2027") for lbl in labels)
    assert sum(1 for lbl in labels if lbl == "Drafts") == 0, "the view's action is the 'Go to Drafts' entry"
    # every entry shows its shortcut
    by_label = {e.label: e.keys for e in p.model.rows}
    assert by_label["Go to Drafts"] == "Ctrl+2" and by_label["Save draft"] == "Ctrl+S"
    # Down/Up move, Esc closes and gives the keyboard back
    qtbot.keyClicks(p.field, "go to")
    assert p.table.currentIndex().row() == 0
    key(qtbot, win, Qt.Key_Down)
    key(qtbot, win, Qt.Key_Down)
    key(qtbot, win, Qt.Key_Up)
    assert p.table.currentIndex().row() == 1
    key(qtbot, win, Qt.Key_Escape)
    assert not p.isVisible() and win.focusWidget() is win.compose.subject
    # a view: Enter goes there
    p = open_palette(qtbot, win)
    qtbot.keyClicks(p.field, "go sent")
    assert p.shown()[0] == "Go to Sent"
    key(qtbot, win, Qt.Key_Return)
    assert win.current_view() == "sent"


def test_an_action_added_later_is_listed_and_the_palette_is_built_once(qtbot, window):
    win = window
    p = open_palette(qtbot, win)
    key(qtbot, win, Qt.Key_Escape)
    ran = []
    act = QAction("Frobnicate the widgets", win)
    act.setShortcut(QKeySequence("Ctrl+Alt+F12"))
    act.triggered.connect(lambda: ran.append(1))
    win.addAction(act)
    win.menus["&Edit"].addAction(act)
    assert open_palette(qtbot, win) is p
    qtbot.keyClicks(p.field, "frob wid")
    assert p.shown()[0] == "Frobnicate the widgets"
    assert p.model.rows[0].where == "Edit"
    key(qtbot, win, Qt.Key_Return)
    assert ran == [1]


def test_the_new_commands_are_in_their_menus_and_the_f1_sheet(qtbot, window):
    from app.ui.window.shortcuts import collect

    win = window
    listed = {(group, text): keys for group, rows in collect(win) for text, keys in rows}
    native = lambda k: QKeySequence(k).toString(QKeySequence.NativeText)  # noqa: E731
    assert listed[("View", "Command palette…")] == native("Ctrl+Shift+P")
    assert listed[("File", "Snippets and signatures…")] == native("Ctrl+Shift+L")
    assert listed[("File", "Switch signature")] == native("Ctrl+Shift+G")
    keys = [k for k in listed.values()]
    for k in ("Ctrl+Shift+P", "Ctrl+Shift+L", "Ctrl+Shift+G"):
        assert keys.count(native(k)) == 1, f"{k} is taken twice"


def test_a_reader_hears_the_highlighted_entry_as_it_moves(qtbot, window):
    """The keyboard stays in the palette's field, so the highlighted row is announced as it changes (issue 62):
    what it does, its keys, where it belongs and its place; "No command matches" when nothing does."""
    win = window
    said = []
    win.announcer.said.connect(lambda words, assertive: said.append((words, assertive)))
    p = open_palette(qtbot, win)
    qtbot.keyClicks(p.field, "go to")
    rows = p.model.rows
    assert len(rows) >= 4

    def words(row):
        keys = f", {rows[row].keys}" if rows[row].keys else ""
        return f"{rows[row].label}{keys}, {rows[row].where}, {row + 1} of {len(rows)}", False

    qtbot.waitUntil(lambda: bool(said) and said[-1] == words(0), timeout=5000)  # once the typing pauses
    assert not [w for w, _a in said if w.startswith("No command matches")], "not a word per letter typed"
    assert len(said) == 1, said
    key(qtbot, win, Qt.Key_Down)
    assert said[-1] == words(1)
    key(qtbot, win, Qt.Key_Up)
    assert said[-1] == words(0), "moving back to an entry just heard says it again"
    qtbot.keyClicks(p.field, " zzqx")
    qtbot.waitUntil(lambda: said[-1] == ("No command matches “go to zzqx”", False), timeout=5000)
    assert not [w for w, _a in said if w.startswith("No command matches “go to z")and not w.endswith("zzqx”")]
    key(qtbot, win, Qt.Key_Escape)
