"""Issue 45 (part D): every command within reach of the keyboard, one undo key, lists and palette that do
what they say, and an F1 sheet that lists every key. Real window on the real sandbox over HTTP; real key
events on the focused widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.compose import fill, new_message

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


def key(qtbot, win, k, mods=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or win, k, mods)


# ---------------------------------------------------------------- item 6: rich text from the keyboard
def test_a_formatting_key_in_plain_text_switches_to_rich_text_and_formats(qtbot, window, screenshot_dir):
    from PySide6.QtGui import QKeySequence

    from tests.helpers.compose import runs

    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Plain first", body="plain ")
    assert not c.rich.isChecked() and QApplication.focusWidget() is c.body
    key(qtbot, win, Qt.Key_B, CTRL)
    assert c.rich.isChecked() and c.fmt.rich_action.isChecked()
    assert "Rich text" in win.statusBar().currentMessage()
    qtbot.keyClicks(c.body, "bold")
    assert runs(c.body) == [("plain ", False, False, False), ("bold", True, False, False)]
    assert c.draft().body_format.value == "HTML" and "font-weight" in c.draft().body
    win.grab().save(str(screenshot_dir / "compose-rich-by-key.png"))
    # the switch: in the Format menu with its own key, and in the palette (in Compose)
    menu = win.menus["&Format"]
    assert c.fmt.rich_action in menu.actions() and c.bold_action in menu.actions()
    assert c.fmt.rich_action.shortcut() == QKeySequence("Ctrl+Shift+X")
    # Ctrl+Shift+X back to plain: formatting would be lost, so it asks first (nothing changes yet)
    key(qtbot, win, Qt.Key_X, CTRL | SHIFT)
    assert c.fmt.question.isVisible() and c.rich.isChecked() and c.fmt.rich_action.isChecked()
    assert QApplication.focusWidget() is c.fmt.question.accept_button
    key(qtbot, win, Qt.Key_Space)  # "Remove formatting"
    assert not c.rich.isChecked() and not c.fmt.rich_action.isChecked() and c.draft().body == "plain bold"
    # on again from the palette (the same switch), and off again with the key alone (nothing to lose)
    p = open_palette(qtbot, win)
    qtbot.keyClicks(p.field, "rich text")
    assert p.shown()[0] == "Rich text" and p.model.rows[0].where == "Format"
    key(qtbot, win, Qt.Key_Return)
    assert c.rich.isChecked() and c.fmt.rich_action.isChecked()
    c.body.setFocus(Qt.TabFocusReason)
    c.body.selectAll()
    qtbot.keyClicks(c.body, "new words")
    key(qtbot, win, Qt.Key_X, CTRL | SHIFT)
    assert not c.rich.isChecked() and not c.fmt.question.isVisible() and c.draft().body_format.value == "Text"


# ---------------------------------------------------------------- item 9: one undo key
def test_ctrl_z_undoes_a_discard_and_still_undoes_typing_first(qtbot, window):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Second thoughts", body="typing")
    key(qtbot, win, Qt.Key_D, CTRL | SHIFT)
    bar = win.flows._discard.bar
    assert bar.isVisible() and "Ctrl+Z" in bar.label.text() and c.subject.text() == ""
    # typing in the body after the discard: Ctrl+Z undoes that typing first (the bar stays)
    c.body.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(c.body, "x")
    key(qtbot, win, Qt.Key_Z, CTRL)
    assert c.body.toPlainText() == "" and bar.isVisible() and c.subject.text() == ""
    # nothing of its own left to undo: Ctrl+Z is the bar's, the message comes back
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "Second thoughts", timeout=3000)
    assert not bar.isVisible() and c.body.toPlainText() == "typing"
    # the next Ctrl+Z is the field's again (To has the focus; nothing to undo there, nothing happens)
    key(qtbot, win, Qt.Key_Z, CTRL)
    assert c.subject.text() == "Second thoughts"


# ---------------------------------------------------------------- item 10: lists and the palette
def test_home_and_end_go_to_the_first_and_last_row_of_the_lists(qtbot, aloop, sandbox, settings):
    from tests.helpers.windows import close_window
    from tests.helpers.lists import open_loaded, selected
    from tests.helpers.mailbox import seed_drafts, seed_sent

    seed_drafts(sandbox, 30)
    for s in ("Sent one", "Sent two", "Sent three"):
        seed_sent(sandbox, s)
    win, session = open_loaded(qtbot, sandbox, settings)
    try:
        for view, shortcut, rows in ((win.drafts, Qt.Key_2, 30), (win.sent, Qt.Key_3, 3)):
            qtbot.waitUntil(lambda v=view, n=rows: v.model.rowCount() == n, timeout=20000)
            key(qtbot, win, shortcut, CTRL)
            assert QApplication.focusWidget() is view.table and selected(view) == [0]
            key(qtbot, win, Qt.Key_End)
            assert view.table.currentIndex().row() == rows - 1 and selected(view) == [rows - 1]
            key(qtbot, win, Qt.Key_Home)
            assert view.table.currentIndex().row() == 0 and selected(view) == [0]
    finally:
        close_window(win, session)


def open_palette(qtbot, win):
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    return win.power.palette


def test_the_palette_offers_only_what_applies_here_and_says_when_nothing_matches(qtbot, window, screenshot_dir):
    win = window
    key(qtbot, win, Qt.Key_1, CTRL)
    p = open_palette(qtbot, win)
    shown = p.shown()
    assert "Open draft" not in shown and "Delete draft" not in shown, "the Drafts list's keys do nothing here"
    assert "Retry sending" not in shown and "Bold" in shown
    qtbot.keyClicks(p.field, "qqzzxxjj")
    assert p.shown() == [] and p.nothing.isVisible() and "No command" in p.nothing.text()
    win.grab().save(str(screenshot_dir / "palette-no-command.png"))
    key(qtbot, win, Qt.Key_Escape)
    key(qtbot, win, Qt.Key_2, CTRL)
    p = open_palette(qtbot, win)
    shown = p.shown()
    assert "Open draft" in shown and "Delete draft" in shown and "Bold" not in shown
    assert not p.nothing.isVisible()
    key(qtbot, win, Qt.Key_Escape)


# ---------------------------------------------------------------- item 16: the F1 sheet
def _cut_cells(sheet) -> list[str]:
    """The shown cells whose words are wider than their column (drawn elided), and whether the columns
    go past the visible width."""
    t = sheet.table
    fm = t.fontMetrics()
    cut = []
    for r in range(t.rowCount()):
        if t.isRowHidden(r) or t.item(r, 1) is None:
            continue
        for c in (0, 1):
            text = t.item(r, c).text()
            if fm.horizontalAdvance(text) + 8 > t.visualRect(t.model().index(r, c)).width():
                cut.append(text)
    if t.horizontalHeader().length() > t.viewport().width():
        cut.append("(columns wider than the sheet)")
    return cut


def test_the_f1_sheet_lists_every_key_uncut_and_typing_filters_it(qtbot, window, screenshot_dir):
    from PySide6.QtGui import QKeySequence

    win = window
    native = lambda k: QKeySequence(k).toString(QKeySequence.NativeText)  # noqa: E731
    key(qtbot, win, Qt.Key_F1)
    qtbot.waitUntil(lambda: win._sheet is not None and win._sheet.isVisible())
    sheet = win._sheet
    qtbot.waitExposed(sheet)
    rows = sheet.rows()
    send_selected = ("Send selected drafts", f"{native('Ctrl+Shift+Return')}, {native('Ctrl+Shift+Enter')}")
    assert send_selected in rows
    # the keys that are no menu command are listed too
    for text, keys in (("Recipient suggestion: take it, go to the next field", ("Tab",)),
                       ("Snippet: its trigger word, then Tab", ("Tab",)),
                       ("Tomorrow morning / Monday morning", ("Alt+T", "Alt+M")),
                       ("First / last row", ("Home", "End")),
                       ("Extend the selection", ("Shift+Up", "Shift+Down")),
                       ("Rich text", ("Ctrl+Shift+X",))):
        assert (text, ", ".join(native(k) for k in keys)) in rows, text
    assert _cut_cells(sheet) == [], "every row is shown whole"
    sheet.grab().save(str(screenshot_dir / "shortcuts-uncut.png"))
    # typing filters it (the field has the keyboard as it opens)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sheet.filter, timeout=3000)
    qtbot.keyClicks(sheet.filter, "send sel")
    shown = sheet.rows(shown_only=True)
    assert send_selected in shown and all("Quit" != t for t, _k in shown) and len(shown) < len(rows) / 4
    qtbot.keyClicks(sheet.filter, "zzqq")
    assert sheet.rows(shown_only=True) == []
    sheet.filter.selectAll()
    qtbot.keyClicks(sheet.filter, "alt+m")
    assert [t for t, _k in sheet.rows(shown_only=True)] == ["Tomorrow morning / Monday morning"]
    sheet.grab().save(str(screenshot_dir / "shortcuts-filtered.png"))
    key(qtbot, win, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible())


def test_home_and_end_in_the_outbox(qtbot, window):
    import time

    from app.core.outbox import holds
    from app.domain.models import Draft, Recipient
    from tests.helpers.backends import BOB
    from tests.helpers.windows import wait_task

    win = window
    ob = win.flows.outbox()
    later = holds.Hold(holds.LATER, time.time() + 86400)  # scheduled for tomorrow: they wait in the Outbox
    for i in range(3):
        wait_task(qtbot, ob.submit(Draft(to=[Recipient(BOB)], subject=f"Later {i}", body="b"), hold=later))
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: view.table.rowCount() == 3, timeout=5000)
    view.table.setFocus(Qt.TabFocusReason)
    key(qtbot, win, Qt.Key_Home)
    assert QApplication.focusWidget() is view.table and view.table.currentRow() == 0
    key(qtbot, win, Qt.Key_End)
    assert view.table.currentRow() == 2 and view.table.selectionModel().isRowSelected(2)
    key(qtbot, win, Qt.Key_Home)
    assert view.table.currentRow() == 0 and view.table.selectionModel().isRowSelected(0)
