"""The window shell is usable (issue 11, part C): Enter on the welcome buttons, an F1 sheet built from the
real actions, banners that do not move the form, the log file named, an Edit menu and Help → About,
dark mode that follows the system, and a window that tiles to half of a 1366 px screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.storage.settings import Settings
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import close_window


def _welcome_window(qtbot, tmp_path):
    from app.ui.window.main_window import MainWindow

    win = MainWindow(settings=Settings(tmp_path / "settings.json"), keyring_ok=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    return win


def test_enter_on_a_focused_welcome_button_activates_it(qtbot, aloop, tmp_path):
    win = _welcome_window(qtbot, tmp_path)
    assert win.current_view() == "welcome"
    win.welcome.setFocus()
    qtbot.waitUntil(lambda: win.welcome.sandbox_button.hasFocus())
    with qtbot.waitSignal(win.sandbox_requested, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert win.welcome.exchange_button.hasFocus()
    with qtbot.waitSignal(win.welcome.exchange_chosen, timeout=2000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Enter)  # the keypad's Enter too
    qtbot.waitUntil(lambda: win.account_dialog is not None and win.account_dialog.isVisible())
    win.account_dialog.reject()
    close_window(win)


def _shortcut_actions(win):
    out = []
    for act in win.findChildren(QAction):
        keys = [s for s in act.shortcuts() if not s.isEmpty()]
        if keys and act.menu() is None:
            out.append((act.text().replace("&", "").strip(), keys))
    return out


def _sheet_rows(sheet):
    t = sheet.table
    return [(t.item(r, 0).text().strip(), t.item(r, 1).text()) for r in range(t.rowCount()) if t.item(r, 1) is not None]


def test_f1_sheet_lists_every_action_with_a_shortcut(qtbot, window, screenshot_dir):
    from PySide6.QtGui import QKeySequence

    win = window
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F1)
    qtbot.waitUntil(lambda: win._sheet is not None and win._sheet.isVisible())
    sheet = win._sheet
    assert not sheet.isModal()
    rows = _sheet_rows(sheet)
    texts = {t for t, _k in rows}
    for text, keys in _shortcut_actions(win):
        assert text in texts, (text, sorted(texts))
        listed = [k for t, k in rows if t == text]
        for k in keys:
            assert any(k.toString(QKeySequence.NativeText) in row for row in listed), (text, k.toString(), listed)
    assert ("Outbox", QKeySequence("Ctrl+4").toString(QKeySequence.NativeText)) in rows
    assert len(rows) == len(set(rows)), "each shortcut once"
    # grouped by menu / view
    cells = [sheet.table.item(r, 0).text() for r in range(sheet.table.rowCount()) if sheet.table.item(r, 1) is None]
    for group in ("File", "Edit", "Drafts", "View", "Help"):
        assert group in cells, cells
    # an action added later shows up the next time the sheet opens
    sheet.close()
    extra = QAction("A brand new command", win.compose)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    win.compose.addAction(extra)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F1)
    qtbot.waitUntil(sheet.isVisible)
    assert ("A brand new command", QKeySequence("Ctrl+Alt+J").toString(QKeySequence.NativeText)) in _sheet_rows(sheet)
    sheet.grab().save(str(screenshot_dir / "shortcuts.png"))
    sheet.close()


def test_edit_menu_acts_on_the_focused_field_and_find_bar(qtbot, window, screenshot_dir):
    win = window
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&File", "&Edit", "F&ormat", "&Drafts", "&View", "&Help"]  # Format: issue 45
    edit = win.menus["&Edit"]
    names = [a.text().replace("&", "") for a in edit.actions() if not a.isSeparator()]
    for want in ("Undo", "Redo", "Cut", "Copy", "Paste", "Paste as plain text", "Select all", "Find in message…"):
        assert want in names, names
    acts = {a.text().replace("&", ""): a for a in edit.actions()}
    subject = win.compose.subject
    subject.setFocus()
    qtbot.waitUntil(subject.hasFocus)
    qtbot.keyClicks(subject, "hello world")
    acts["Select all"].trigger()
    assert subject.selectedText() == "hello world"
    acts["Copy"].trigger()
    assert QGuiApplication.clipboard().text() == "hello world"
    acts["Cut"].trigger()
    assert subject.text() == ""
    acts["Undo"].trigger()
    assert subject.text() == "hello world"
    acts["Redo"].trigger()
    assert subject.text() == ""
    acts["Paste"].trigger()
    assert subject.text() == "hello world"
    # the keys work in the field (the field's own handling, once)
    qtbot.keyClick(subject, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(subject, Qt.Key_X, Qt.ControlModifier)
    assert subject.text() == ""
    qtbot.keyClick(subject, Qt.Key_V, Qt.ControlModifier)
    assert subject.text() == "hello world"
    # paste as plain text into the rich body: no formatting comes along
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setHtml("<b>bold words</b>")
    mime.setText("bold words")
    QGuiApplication.clipboard().setMimeData(mime)
    win.compose.rich.setChecked(True)
    body = win.compose.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    acts["Paste as plain text"].trigger()
    assert "bold words" in body.toPlainText()
    from PySide6.QtGui import QTextCursor

    cur = QTextCursor(body.document())
    cur.setPosition(3)
    assert cur.charFormat().fontWeight() < 600, "pasted without its bold"
    # Find in message: Ctrl+F opens the bar on the body; Enter goes to the next match; Esc closes it
    body.setPlainText("one two one two one")
    qtbot.keyClick(body, Qt.Key_F, Qt.ControlModifier)
    bar = win.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.edit.hasFocus())
    qtbot.keyClicks(bar.edit, "two")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert body.textCursor().selectedText() == "two" and body.textCursor().selectionStart() == 4
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert body.textCursor().selectionStart() == 12
    qtbot.keyClick(bar.edit, Qt.Key_Return)  # wraps around
    assert body.textCursor().selectionStart() == 4
    bar.edit.selectAll()
    qtbot.keyClicks(bar.edit, "absent")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert bar.result.text() == "Not found"
    assert bar.result.width() >= bar.result.sizeHint().width(), "the words are not cut"
    win.grab().save(str(screenshot_dir / "find-bar.png"))
    qtbot.keyClick(bar.edit, Qt.Key_Escape)
    assert not bar.isVisible() and body.hasFocus()
    # a view without a message to search says where Find works, and opens nothing
    qtbot.keyClick(body, Qt.Key_2, Qt.ControlModifier)
    qtbot.waitUntil(lambda: win.current_view() == "drafts")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F, Qt.ControlModifier)
    assert not bar.isVisible() and "Find works in the message" in win.statusBar().currentMessage()


def test_help_about_names_the_version_without_blocking(qtbot, window):
    from app import APP_NAME, __version__

    win = window
    about = next(a for a in win.menus["&Help"].actions() if "About" in a.text())
    about.trigger()
    box = win.about_box
    qtbot.waitUntil(box.isVisible)
    assert not box.isModal() and box.windowModality() == Qt.NonModal
    assert APP_NAME in box.text() and __version__ in box.text()
    box.close()


def test_a_banner_covers_nothing_of_the_page_and_leaves_no_room_behind(qtbot, window, screenshot_dir):
    # issue 45: no empty room kept above the page for a banner; issue 59: a banner covers nothing the user
    # needs (floating over the title row, it hid page titles and the Outbox's buttons): the page makes way
    win = window
    win.show_view("compose")
    to, title = win.compose.to.edit, win.compose.title
    qtbot.waitUntil(to.isVisible)
    before = to.mapToGlobal(QPoint(0, 0))
    win.show_error("Could not reach the server: the connection timed out.", retry=True)
    qtbot.waitUntil(win.banner.isVisible)

    def banner_ends_above_the_title():
        return win.banner.mapTo(win, QPoint(0, win.banner.height())).y() <= title.mapTo(win, QPoint(0, 0)).y()

    qtbot.waitUntil(banner_ends_above_the_title, timeout=3000)
    # the banner lies inside the window, above the page's title and its form
    assert win.banner.mapTo(win, QPoint(0, 0)).y() >= 0
    assert win.banner.mapTo(win, QPoint(0, win.banner.height())).y() <= to.mapTo(win, QPoint(0, 0)).y()
    win.grab().save(str(screenshot_dir / "banner-over-compose.png"))
    # a long message (several lines) covers nothing either (issue 45: a certificate's banner hid the To field)
    win.show_error("Something went wrong. " * 30)

    def whole_and_above_the_title():
        whole = win.banner.height() >= win.banner.height_for(win.banner.width()) > 100
        return whole and banner_ends_above_the_title()

    qtbot.waitUntil(whole_and_above_the_title, timeout=3000)
    # every line of it shown (its words wrapped in what its buttons leave them, nothing cut)
    label = win.banner.label
    assert win.banner.height() >= win.banner.height_for(win.banner.width()) and label.height() > 30
    assert label.height() >= label.heightForWidth(label.width()), (label.height(), label.width())
    qtbot.keyClick(win.banner.close_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: not win.banner.isVisible())
    qtbot.waitUntil(lambda: to.mapToGlobal(QPoint(0, 0)) == before, timeout=3000)  # no room kept behind


def test_unexpected_error_names_the_log_file(qtbot, window):
    import sys

    from app.app_main import install_excepthook
    from app.storage.settings import log_dir

    win = window
    old = sys.excepthook
    try:
        install_excepthook(win)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert str(log_dir() / "dispatch.log") in win.banner.text()


# ---- look: light and dark, half a 1366 px screen ----

VIEWS = ("compose", "drafts", "sent", "outbox")


def _luminance(img, x: int, y: int) -> float:
    c = img.pixelColor(x, y)
    return 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()


def _fill_some_mail(qtbot, win, sandbox):
    """One draft saved and one message sent, through the window's keys, so the lists have rows."""
    from tests.helpers.backends import BOB
    from tests.helpers.windows import wait_idle

    c = win.compose
    for subject, keys in (("Quarterly figures (draft)", (Qt.Key_S,)), ("Lunch on Friday?", (Qt.Key_Return,))):
        c.to.setFocus()
        qtbot.keyClicks(c.to.edit, BOB)
        qtbot.keyClicks(c.subject, subject)
        qtbot.keyClicks(c.body, "See you there, and bring the slides.")
        qtbot.keyClick(c.body, keys[0], Qt.ControlModifier)
        wait_idle(qtbot, win)
        if keys[0] == Qt.Key_S:
            qtbot.keyClick(c.body, Qt.Key_N, Qt.ControlModifier)
            qtbot.waitUntil(lambda: c.subject.text() == "")
    qtbot.waitUntil(lambda: bool(sandbox.mailbox("alice@example.com").items("sentitems")), timeout=20000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F5)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() >= 1 and win.sent.model.rowCount() >= 1, timeout=20000)


def _show(qtbot, win, name):
    key = {"compose": Qt.Key_1, "drafts": Qt.Key_2, "sent": Qt.Key_3, "outbox": Qt.Key_4}[name]
    qtbot.keyClick(QApplication.focusWidget() or win, key, Qt.ControlModifier)
    qtbot.waitUntil(lambda: win.current_view() == name)
    QApplication.processEvents()


def test_dark_and_light_schemes_paint_every_view(qtbot, aloop, sandbox, settings, monkeypatch, screenshot_dir):
    from tests.helpers.windows import open_window

    for scheme in ("light", "dark"):
        monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
        settings.set_window_geometry("")  # each at the default size (the last one's is remembered otherwise)
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            if scheme == "light":
                _fill_some_mail(qtbot, win, sandbox)
            else:
                qtbot.waitUntil(lambda: win.drafts.model.rowCount() >= 1 and win.sent.model.rowCount() >= 1,
                                timeout=20000)
            for name in VIEWS:
                _show(qtbot, win, name)
                if name == "sent":
                    win.sent.table.setCurrentIndex(win.sent.model.index(0, 1))
                    qtbot.waitUntil(lambda: "Lunch" in win.sent.subject_label.text(), timeout=10000)
                img = win.grab().toImage()
                img.save(str(screenshot_dir / f"{name}-{scheme}.png"))
                view = win.stack.currentWidget()
                page = view.mapTo(win, QPoint(view.width() - 8, 8))  # the page's margin
                side = win.sidebar.mapTo(win, QPoint(8, win.sidebar.height() - 8))
                status = win.statusBar().mapTo(win, QPoint(4, win.statusBar().height() // 2))
                menubar = win.menuBar().mapTo(win, QPoint(win.menuBar().width() - 4, 4))
                for where, p in (("page", page), ("sidebar", side), ("status bar", status), ("menu bar", menubar)):
                    lum = _luminance(img, p.x(), p.y())
                    if scheme == "dark":
                        assert lum < 60, (name, where, lum)
                    else:
                        assert lum > 200, (name, where, lum)
                table = getattr(view, "table", None)
                if table is not None and table.isVisible():
                    vp = table.viewport()
                    timg = vp.grab().toImage()
                    lum = _luminance(timg, vp.width() // 2, vp.height() - 4)  # below the rows
                    assert (lum < 60) if scheme == "dark" else (lum > 200), (name, "table", lum)
            # the F1 sheet (a dialog of the window) and the welcome page take the scheme too
            qtbot.keyClick(QApplication.focusWidget() or win, Qt.Key_F1)
            qtbot.waitUntil(lambda: win._sheet is not None and win._sheet.isVisible())
            sheet = win._sheet.grab().toImage()
            sheet.save(str(screenshot_dir / f"shortcuts-{scheme}.png"))
            lum = _luminance(sheet, sheet.width() - 6, 6)
            assert (lum < 60) if scheme == "dark" else (lum > 200), ("shortcut sheet", lum)
            win._sheet.close()
            win.set_session(None)
            qtbot.waitUntil(lambda: win.current_view() == "welcome")
            QApplication.processEvents()  # the status bar's new words laid out
            img = win.grab().toImage()
            img.save(str(screenshot_dir / f"welcome-{scheme}.png"))
            p = win.welcome.mapTo(win, QPoint(win.welcome.width() - 8, 8))
            lum = _luminance(img, p.x(), p.y())
            assert (lum < 60) if scheme == "dark" else (lum > 200), ("welcome", lum)
        finally:
            close_window(win, session)


def test_the_scheme_follows_the_system(qtbot, window, monkeypatch):
    """colorSchemeChanged re-themes the open window (the offscreen platform cannot change its scheme, so
    the system's answer is stood in for and the signal emitted as the platform would)."""
    from app.ui.common import theme

    monkeypatch.delenv("DISPATCH_COLOR_SCHEME", raising=False)
    hints = QGuiApplication.styleHints()
    assert window.property("colorScheme") == "light"
    monkeypatch.setattr(theme, "system_scheme", lambda: "dark")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: window.property("colorScheme") == "dark", timeout=5000)
    assert "#0f172a" in window.styleSheet()
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", "light")  # forcing wins over the system
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: window.property("colorScheme") == "light", timeout=5000)


def _fully_shown(win, w) -> bool:
    """``w`` is shown, inside the window, and nothing of it is clipped away by its parents."""
    if not w.isVisible() or w.width() <= 0 or w.height() <= 0:
        return False
    tl = w.mapTo(win, QPoint(0, 0))
    inside = win.rect().contains(tl) and win.rect().contains(tl + QPoint(w.width() - 1, w.height() - 1))
    return inside and w.visibleRegion().boundingRect() == w.rect()


def test_the_window_tiles_to_half_of_a_1366_px_screen(qtbot, window, screenshot_dir):
    win = window
    assert win.minimumSizeHint().width() <= 683, win.minimumSizeHint()
    # at its usual width (the default, 1100 px or as much as the screen has: 796 on the offscreen 800 px screen)
    # the sidebar has its full width and names
    usual = min(1000, win.screen().availableGeometry().width() - 10)
    assert win.width() >= usual and win.sidebar.width() >= 150 and win.sidebar.item(0).text() == "Compose"
    win.resize(683, 700)
    qtbot.waitUntil(lambda: win.width() == 683 and win.height() == 700)
    important = {
        "compose": lambda: [win.compose.to.edit, win.compose.subject, win.compose.body, win.compose.attach_button,
                            win.compose.save_button, win.compose.send_button],
        "drafts": lambda: [win.drafts.table, win.drafts.refresh_button, win.drafts.delete_button,
                           win.drafts.send_button],
        "sent": lambda: [win.sent.table, win.sent.preview],
        "outbox": lambda: [v for v in win.stack.currentWidget().findChildren(type(win.compose.send_button))
                           if v.text() in ("Take back", "Delete", "Retry", "Try now")
                           and v.isVisibleTo(win.stack.currentWidget())],  # (shown where they apply)
    }
    for name in VIEWS:
        _show(qtbot, win, name)
        QApplication.processEvents()
        win.grab().save(str(screenshot_dir / f"{name}-683.png"))
        widgets = important[name]()
        assert widgets, name
        for w in widgets:
            assert _fully_shown(win, w), (name, w.accessibleName() or w.objectName())
        if name == "sent":  # the preview goes under the list: the subject column keeps its room
            subject = win.sent.table.columnWidth(win.sent.model.COL_SUBJECT)
            assert subject >= 200, f"the Sent subject column is squeezed to {subject} px"
        # every view stays reachable from the sidebar
        for row in range(win.sidebar.count()):
            r = win.sidebar.visualItemRect(win.sidebar.item(row))
            assert win.sidebar.viewport().rect().contains(r), row
    # the welcome page too (both choices)
    win.set_session(None)
    QApplication.processEvents()
    win.grab().save(str(screenshot_dir / "welcome-683.png"))
    for b in (win.welcome.sandbox_button, win.welcome.exchange_button):
        assert _fully_shown(win, b), b.text()
    assert win.minimumSizeHint().width() <= 683


def test_another_account_shows_nothing_of_the_last_ones_mail_in_the_status_bar(qtbot, window):
    """"Sent: <subject>" stays in the status bar for 5 s: signed out (or another account) within them, the
    subject of the previous account's mail was still shown under the welcome page."""
    from tests.helpers.windows import wait_idle

    win = window
    c = win.compose
    qtbot.keyClicks(c.to.edit, "bob@example.com")
    qtbot.keyClicks(c.subject, "A private subject long enough to be cut at a word in the status bar of this window")
    qtbot.keyClick(c.subject, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "Sent: A private subject" in win.statusBar().currentMessage(), timeout=20000)
    wait_idle(qtbot, win)
    bar = win.statusBar()
    assert bar.currentMessage().endswith("…") and "this window" in whole_message(win)  # cut: whole in its tooltip
    win.set_session(None)
    qtbot.waitUntil(lambda: win.current_view() == "welcome")
    assert "private" not in whole_message(win)
    assert "private" not in bar.toolTip() and not bar.last_cut  # nor in the tooltip of the message that went
    assert not win.banner.isVisible() or "private" not in win.banner.text()


def test_copy_and_select_all_work_in_a_list(qtbot, window):
    """Edit's Ctrl+C and Ctrl+A reach a focused list too: the window's keys never swallow them."""
    from tests.helpers.windows import wait_idle

    win = window
    c = win.compose
    qtbot.keyClicks(c.to.edit, "bob@example.com")
    qtbot.keyClicks(c.subject, "Hello there")
    qtbot.keyClick(c.subject, Qt.Key_S, Qt.ControlModifier)
    wait_idle(qtbot, win)
    qtbot.keyClick(c.subject, Qt.Key_N, Qt.ControlModifier)
    qtbot.keyClicks(c.to.edit, "bob@example.com")
    qtbot.keyClicks(c.subject, "Second one")
    qtbot.keyClick(c.subject, Qt.Key_S, Qt.ControlModifier)
    wait_idle(qtbot, win)
    qtbot.keyClick(c.subject, Qt.Key_2, Qt.ControlModifier)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 2, timeout=10000)
    t = win.drafts.table
    qtbot.waitUntil(t.hasFocus)
    QGuiApplication.clipboard().setText("nothing yet")
    qtbot.keyClick(t, Qt.Key_C, Qt.ControlModifier)
    row = win.drafts.model.summary(t.currentIndex().row())
    copied = QGuiApplication.clipboard().text()
    # the row as shown: its To is the name the directory resolved for bob@example.com (DisplayTo: issue 51)
    assert row.subject in copied and "Bob Brown" in copied and "\n" not in copied
    qtbot.keyClick(t, Qt.Key_A, Qt.ControlModifier)
    assert len(t.selectionModel().selectedRows()) == 2
    qtbot.keyClick(t, Qt.Key_C, Qt.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and {"Hello there", "Second one"} == {ln.split("\t")[0] for ln in lines}


def test_copy_in_the_attachment_list(qtbot, window, tmp_path):
    """Ctrl+C in a list whose model is a list model (the attachments): it raised a TypeError (asking the
    model its columns as a table's is asked), found by tests/ui/test_keyboard_monkey.py."""
    c = window.compose
    for name in ("numbers.csv", "notes.txt"):
        (tmp_path / name).write_text("x")
        c.attachments.add_paths([str(tmp_path / name)])
    lst = c.attachments.list
    lst.setFocus()
    qtbot.waitUntil(lst.hasFocus)
    lst.setCurrentRow(1)
    QGuiApplication.clipboard().setText("nothing yet")
    qtbot.keyClick(lst, Qt.Key_C, Qt.ControlModifier)
    assert QGuiApplication.clipboard().text() == lst.item(1).text() and "notes.txt" in lst.item(1).text()
    qtbot.keyClick(lst, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(lst, Qt.Key_C, Qt.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines() == [lst.item(0).text(), lst.item(1).text()]
