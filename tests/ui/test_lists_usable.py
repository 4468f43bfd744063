"""Drafts and Sent are usable from the keyboard and show what they act on (issue 11, part B).

Real window, real sandbox over HTTP; keys go to the focused widget.
"""

from __future__ import annotations

import asyncio
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit

from app.ui.compose.attachment_saver import safe_file_name, write_new
from app.ui.lists.message_models import MessageTableModel
from tests.helpers.keys import key
from tests.helpers.lists import open_loaded, selected
from tests.helpers.mailbox import seed_drafts, seed_sent
from tests.helpers.backends import ALICE
from tests.helpers.windows import close_window, make_window, wait_idle, wait_task

CTRL = Qt.ControlModifier
SHIFT = Qt.ShiftModifier


def row_on_screen(table, row: int) -> bool:
    rect = table.visualRect(table.model().index(row, MessageTableModel.COL_SUBJECT))
    return rect.isValid() and table.viewport().rect().contains(rect.center())


# ---- 1. Ctrl+Z after a delete; the Undo button is reachable and visibly focused ----------------------------
def test_ctrl_z_undoes_a_draft_delete_and_the_undo_button_is_reachable(qtbot, aloop, sandbox, settings,
                                                                       screenshot_dir):
    seed_drafts(sandbox, 3)
    win, session = open_loaded(qtbot, sandbox, settings)
    try:
        qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 3, timeout=20000)
        key(qtbot, win, Qt.Key_2, CTRL)
        assert win.focusWidget() is win.drafts.table
        first = win.drafts.model.summary(0).subject
        key(qtbot, win, Qt.Key_Delete)
        assert win.drafts.model.rowCount() == 2 and win.drafts.undo_bar.isVisible()
        key(qtbot, win, Qt.Key_Z, CTRL)
        assert win.drafts.model.rowCount() == 3, "Ctrl+Z brought the draft back"
        assert not win.drafts.undo_bar.isVisible()
        assert [win.drafts.model.summary(r).subject for r in selected(win.drafts)] == [first]
        # Delete again; Tab reaches the Undo button, which shows that it has the keyboard
        key(qtbot, win, Qt.Key_Delete)
        assert win.drafts.undo_bar.isVisible()
        button = win.drafts.undo_bar.button
        unfocused = button.grab().toImage()
        key(qtbot, win, Qt.Key_Tab)
        assert win.focusWidget() is button
        focused = button.grab().toImage()
        win.grab().save(str(screenshot_dir / "drafts-undo-focused.png"))
        assert focused != unfocused, "focus is visible on the Undo button"
        ring = QColor(focused.pixel(1, focused.height() // 2))
        assert ring.lightness() > 150, "a light ring on the dark bar"
        key(qtbot, win, Qt.Key_Space)
        assert win.drafts.model.rowCount() == 3
        # Ctrl+Z with nothing to undo does nothing (and never deletes)
        key(qtbot, win, Qt.Key_Z, CTRL)
        wait_idle(qtbot, win)
        assert len(sandbox.mailbox(ALICE).items("drafts")) == 3, "nothing was deleted on the server"
    finally:
        close_window(win, session)


def test_a_delete_in_its_undo_window_is_done_when_the_window_quits_and_never_after_the_account_closed(
        qtbot, aloop, sandbox, settings):
    """Delete, then Quit while "Deleted 1 draft — Ctrl+Z to undo" still shows: the delete was asked for, so
    it goes to the server before the account closes (app_main waits for what the window started, as
    here). Were the account closed first (the walk across a restart in tests/ui/test_keyboard_monkey.py
    closes it at once), the delete finds it closed: a plain error, not a RuntimeError escaping from the
    closed thread pool."""
    seed_drafts(sandbox, 3)
    for how in ("as Quit does", "account closed at once"):
        win, session = open_loaded(qtbot, sandbox, settings)
        errors = []
        loop = asyncio.get_event_loop()
        old = loop.get_exception_handler()
        loop.set_exception_handler(lambda _loop, context: errors.append(context))
        try:
            qtbot.waitUntil(lambda: not win.drafts.model.loading and win.drafts.model.rowCount() > 0,
                            timeout=20000)
            before = len(sandbox.mailbox(ALICE).items("drafts"))
            key(qtbot, win, Qt.Key_2, CTRL)
            first = win.drafts.model.summary(0).subject
            key(qtbot, win, Qt.Key_Delete)
            assert win.drafts.undo_bar.isVisible()
            win._force_close = True
            win.close()
            if how == "account closed at once":
                session.close()
            wait_task(qtbot, win.flows.wait_idle(), timeout=20000)
        finally:
            session.close()
            loop.set_exception_handler(old)
        subjects = [m["subject"] for m in sandbox.mailbox(ALICE).items("drafts")]
        assert not errors, errors
        if how == "as Quit does":
            assert first not in subjects and len(subjects) == before - 1
        else:
            assert len(subjects) == before, "nothing asked of a closed account"


# ---- 2. The current row is selected and visible; Enter and Delete act on it -------------------------------
def test_entering_a_list_selects_the_current_row_and_keys_act_only_on_what_is_seen(qtbot, aloop, sandbox,
                                                                                    settings, screenshot_dir):
    seed_drafts(sandbox, 40)
    seed_sent(sandbox, "Sent one")
    win, session = open_loaded(qtbot, sandbox, settings)
    d = win.drafts
    try:
        qtbot.waitUntil(lambda: d.model.rowCount() == 40, timeout=20000)
        key(qtbot, win, Qt.Key_2, CTRL)
        assert selected(d) == [0] and d.table.currentIndex().row() == 0, "entering Drafts selects its row"
        assert row_on_screen(d.table, 0)
        win.grab().save(str(screenshot_dir / "drafts-entered.png"))
        # Enter opens exactly the selected row
        key(qtbot, win, Qt.Key_Down)
        want = d.model.summary(1).subject
        assert selected(d) == [1]
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.compose.subject.text() == want, timeout=20000)
        # back: the same row is selected and scrolled into view, even after scrolling away meanwhile
        key(qtbot, win, Qt.Key_2, CTRL)
        last = d.model.rowCount() - 1
        for _ in range(last):  # Page Down to the last row (each press selects where it lands)
            if d.table.currentIndex().row() == last:
                break
            key(qtbot, win, Qt.Key_PageDown)
        assert selected(d) == [last] and row_on_screen(d.table, last)
        key(qtbot, win, Qt.Key_1, CTRL)
        d.table.scrollToTop()  # the list scrolled away from the selection (e.g. the mouse wheel)
        key(qtbot, win, Qt.Key_2, CTRL)
        assert selected(d) == [last] and row_on_screen(d.table, last), "the current row is shown again"
        # Delete with the selection scrolled out of sight: nothing goes, the selection is shown first
        d.table.scrollToTop()
        assert not row_on_screen(d.table, last)
        gone = d.model.summary(last).subject
        key(qtbot, win, Qt.Key_Delete)
        assert d.model.rowCount() == 40 and not d.undo_bar.isVisible(), "nothing unseen was deleted"
        assert row_on_screen(d.table, last)
        key(qtbot, win, Qt.Key_Delete)  # now it is on screen: this deletes it
        assert d.model.rowCount() == 39 and gone not in [s.subject for s in d.model.summaries()]
        d.flush_pending()
        qtbot.waitUntil(lambda: len(sandbox.mailbox(ALICE).items("drafts")) == 39, timeout=20000)
        # Sent: entering it selects (and previews) the first row
        key(qtbot, win, Qt.Key_3, CTRL)
        qtbot.waitUntil(lambda: win.sent.model.rowCount() == 1, timeout=20000)
        assert selected(win.sent) == [0]
        qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Sent one", timeout=20000)
    finally:
        close_window(win, session)


def test_scrolling_down_loads_more_without_jumping_back(qtbot, aloop, sandbox, settings):
    seed_drafts(sandbox, 150)
    win, session = open_loaded(qtbot, sandbox, settings)
    d = win.drafts
    try:
        key(qtbot, win, Qt.Key_2, CTRL)
        qtbot.waitUntil(lambda: d.model.rowCount() == 100, timeout=20000)  # the first page
        assert selected(d) == [0]
        d.table.verticalScrollBar().setValue(d.table.verticalScrollBar().maximum())  # the mouse wheel
        qtbot.waitUntil(lambda: d.model.rowCount() == 150 and not d.model.loading, timeout=20000)
        assert not row_on_screen(d.table, 0), "the next page did not pull the view back to the selection"
        assert selected(d) == [0]
    finally:
        close_window(win, session)


# ---- 3. Sent: highlight, columns, refresh on delivery, Ctrl+Shift+S ------------------------------------
def test_sent_columns_fit_and_the_previewed_row_stays_highlighted(qtbot, aloop, sandbox, settings, screenshot_dir):
    seed_sent(sandbox, "A subject that deserves the room it needs to be read in full",
              to="carol@example.com")
    seed_sent(sandbox, "Second")
    seed_drafts(sandbox, 2)
    win, session = open_loaded(qtbot, sandbox, settings)
    s = win.sent
    try:
        key(qtbot, win, Qt.Key_3, CTRL)
        qtbot.waitUntil(lambda: s.model.rowCount() == 2, timeout=20000)
        qtbot.waitUntil(lambda: s.subject_label.text() == s.model.summary(0).subject, timeout=20000)
        t, h = s.table, s.table.horizontalHeader()
        date_w = t.fontMetrics().horizontalAdvance("2026-11-22 20:50")
        assert date_w <= h.sectionSize(MessageTableModel.COL_TIME) <= date_w + 60, "dates are as wide as a date"
        assert t.isColumnHidden(MessageTableModel.COL_STATUS)
        to_w = h.sectionSize(MessageTableModel.COL_TO)
        shown = [s.model.summary(i).display_to for i in range(2)]  # the directory's names (DisplayTo)
        assert "Carol Clark" in shown, shown
        assert to_w >= max(t.fontMetrics().horizontalAdvance(x) for x in shown), "names are not cut"
        assert h.sectionSize(MessageTableModel.COL_SUBJECT) >= max(to_w, h.sectionSize(MessageTableModel.COL_TIME)), \
            "the subject gets the room"
        # the previewed row stays highlighted when the keyboard is in the preview
        s.body.setFocus()
        qtbot.waitUntil(lambda: not t.hasFocus(), timeout=2000)
        img = t.viewport().grab().toImage()
        y0 = t.visualRect(s.model.index(0, 1)).center().y()
        y1 = t.visualRect(s.model.index(1, 1)).center().y()
        x = t.visualRect(s.model.index(0, 1)).right() - 4
        row0, row1 = QColor(img.pixel(x, y0)), QColor(img.pixel(x, y1))
        win.grab().save(str(screenshot_dir / "sent-unfocused-selection.png"))
        assert row0 != row1 and row0.lightness() < 250 and row0.blue() > row0.red(), \
            f"the selected row is tinted ({row0.name()} vs {row1.name()})"
        # Drafts: no Status column while no row has a status; it appears, sized to fit, with one
        key(qtbot, win, Qt.Key_2, CTRL)
        d = win.drafts
        assert d.table.isColumnHidden(MessageTableModel.COL_STATUS), "an empty Status column takes no room"
        d.model.set_status(d.model.summary(0).ref.id, "Too large to send (ErrorMessageSizeExceeded)")
        assert not d.table.isColumnHidden(MessageTableModel.COL_STATUS)
        assert d.table.horizontalHeader().sectionSize(MessageTableModel.COL_STATUS) <= 340
        win.grab().save(str(screenshot_dir / "drafts-status-column.png"))
        d.model.set_status(d.model.summary(0).ref.id, "")
        assert d.table.isColumnHidden(MessageTableModel.COL_STATUS)
    finally:
        close_window(win, session)


def test_sent_reloads_when_the_outbox_delivers(qtbot, aloop, sandbox, settings):
    from tests.helpers.compose import type_message

    win, session = open_loaded(qtbot, sandbox, settings)
    try:
        key(qtbot, win, Qt.Key_3, CTRL)
        assert win.sent.model.rowCount() == 0
        # the server is busy for a while: the message waits in the Outbox, then goes out by itself
        sandbox.faults.inject("CreateItem", "server_busy", count=1, backoff_ms=1500)
        type_message(qtbot, win, cc="", bcc="", subject="Queued then delivered", body="hello")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: any(r[0] == "Queued then delivered" for r in win.flows.outbox().queue.row_texts()),
                        timeout=20000)
        key(qtbot, win, Qt.Key_3, CTRL)
        qtbot.waitUntil(lambda: any(m["subject"] == "Queued then delivered"
                                    for m in sandbox.mailbox(ALICE).items("sentitems")), timeout=30000)
        qtbot.waitUntil(lambda: [x.subject for x in win.sent.model.summaries()] == ["Queued then delivered"],
                        timeout=20000)
        qtbot.waitUntil(lambda: selected(win.sent) == [0], timeout=5000)  # selected and previewed
        qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Queued then delivered", timeout=20000)
    finally:
        close_window(win, session)


@pytest.mark.parametrize("name, clean", [
    ("report.pdf", "report.pdf"),
    ("../../.bashrc", "bashrc"),
    ("..\\..\\Windows\\evil.exe", "evil.exe"),
    ("a\x07b\u202ec.txt", "abc.txt"),
    (".hidden", "hidden"),
    ("CON", "_CON"),
    ("nul.txt", "_nul.txt"),
    ("Com1.tar.gz", "_Com1.tar.gz"),
    ('what?<>:"|*.txt', "what_______.txt"),
    ("trailing. . ", "trailing"),
    ("", "attachment"),
    ("...", "attachment"),
])
def test_attachment_file_names_are_sanitised(name, clean):
    assert safe_file_name(name) == clean


def test_long_names_keep_their_extension_and_existing_files_are_kept(tmp_path):
    long = "é" * 300 + ".pdf"
    out = safe_file_name(long)
    assert out.endswith(".pdf") and len(out.encode()) <= 255
    (tmp_path / "a.txt").write_bytes(b"old")
    os.symlink(tmp_path / "elsewhere", tmp_path / "b.txt")  # a dangling link is not followed
    assert write_new(tmp_path, "a.txt", b"new").name == "a (1).txt"
    assert write_new(tmp_path, "a.txt", b"newer").name == "a (2).txt"
    assert write_new(tmp_path, "b.txt", b"x").name == "b (1).txt"
    assert (tmp_path / "a.txt").read_bytes() == b"old" and not (tmp_path / "elsewhere").exists()


def test_ctrl_shift_s_saves_the_previewed_attachments_to_a_chosen_folder(qtbot, aloop, sandbox, settings,
                                                                        tmp_path, monkeypatch, screenshot_dir):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    target = tmp_path / "saved here"
    target.mkdir()
    (target / "report.pdf").write_bytes(b"keep me")
    data = {"report.pdf": os.urandom(5000), "../../.profile": b"export EVIL=1\n", "CON.txt": b"device"}
    seed_sent(sandbox, "With files", attachments=list(data.items()))
    win, session = open_loaded(qtbot, sandbox, settings)
    try:
        key(qtbot, win, Qt.Key_3, CTRL)
        qtbot.waitUntil(lambda: win.sent.subject_label.text() == "With files", timeout=20000)
        qtbot.waitUntil(lambda: "report.pdf" in win.sent.attachments_label.text(), timeout=20000)
        assert win.sent.save_action in win.menus["&File"].actions()  # and a menu entry
        key(qtbot, win, Qt.Key_S, CTRL | SHIFT)
        dlg = win.sent.saver.dialog
        qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=5000)
        assert win.isEnabled() and not dlg.isModal() or dlg.windowModality() != Qt.ApplicationModal
        assert os.path.realpath(dlg.directory().absolutePath()) == os.path.realpath(home), "starts at home"
        name_edit = dlg.findChild(QLineEdit, "fileNameEdit")
        qtbot.waitUntil(name_edit.hasFocus, timeout=5000)
        qtbot.keyClicks(name_edit, str(target))
        qtbot.keyClick(name_edit, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.sent.saver.dialog is None, timeout=5000)  # closed, and deleted
        qtbot.waitUntil(lambda: (target / "report (1).pdf").exists() and (target / "_CON.txt").exists()
                        and (target / "profile").exists(), timeout=10000)
        server = {a["name"]: a["content"] for a in sandbox.mailbox(ALICE).items("sentitems")[0]["attachments"]}
        assert (target / "report (1).pdf").read_bytes() == server["report.pdf"] == data["report.pdf"]
        assert (target / "_CON.txt").read_bytes() == data["CON.txt"]
        assert (target / "profile").read_bytes() == data["../../.profile"]
        assert (target / "report.pdf").read_bytes() == b"keep me", "an existing file is never replaced"
        assert sorted(p.name for p in target.iterdir()) == ["_CON.txt", "profile", "report (1).pdf", "report.pdf"]
        assert not (tmp_path / ".profile").exists() and not (home / ".profile").exists()
        qtbot.waitUntil(lambda: "Saved 3 attachments" in win.sent.save_note.text(), timeout=5000)
        win.grab().save(str(screenshot_dir / "sent-attachments-saved.png"))
    finally:
        close_window(win, session)


# ---- 4. No account: the lists say why they are empty ---------------------------------------------------
def test_without_an_account_the_lists_say_how_to_add_one(qtbot, aloop, settings, screenshot_dir):
    win = make_window(qtbot, None, settings)
    try:
        assert win.current_view() == "welcome" and win.sidebar.isEnabled()
        for k, name, view in ((Qt.Key_2, "drafts", win.drafts), (Qt.Key_3, "sent", win.sent),
                              (Qt.Key_4, "outbox", win.journal_bridge._outbox_window)):
            key(qtbot, win, k, CTRL)
            assert win.current_view() == name
            assert view.empty.isVisible() and "Ctrl+," in view.empty.text() and "No account" in view.empty.text()
            assert "Account settings" in view.empty.text()
        win.grab().save(str(screenshot_dir / "no-account-drafts.png"))
        # the sidebar goes there too, from the keyboard: the arrow selects, Enter enters (issue 45, item 8)
        win.sidebar.setFocus()
        key(qtbot, win, Qt.Key_Up)
        assert win.current_view() == "outbox"
        key(qtbot, win, Qt.Key_Return)
        assert win.current_view() == "sent" and win.sent.empty.isVisible()
        key(qtbot, win, Qt.Key_1, CTRL)
        assert win.current_view() == "welcome"
    finally:
        close_window(win)


# ---- 5. A stale "Could not load" goes when the list loads ---------------------------------------------
def test_a_list_error_goes_when_that_list_loads(qtbot, aloop, sandbox, settings):
    win, session = open_loaded(qtbot, sandbox, settings)
    try:
        sandbox.faults.inject("FindItem", "http_500_html", count=-1)
        key(qtbot, win, Qt.Key_F5)
        qtbot.waitUntil(lambda: win.banner.text().startswith("Could not load"), timeout=30000)
        qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=30000)
        sandbox.faults.clear()
        key(qtbot, win, Qt.Key_F5)
        qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=30000)
        # another message in the banner is not taken away by a list that loads
        sandbox.faults.inject("FindItem", "http_500_html", count=-1)
        key(qtbot, win, Qt.Key_F5)
        qtbot.waitUntil(lambda: win.banner.text().startswith("Could not load"), timeout=30000)
        qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=30000)
        sandbox.faults.clear()
        win.show_error("Something else went wrong")
        key(qtbot, win, Qt.Key_F5)
        qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=30000)
        wait_idle(qtbot, win)
        assert win.banner.text() == "Something else went wrong"
    finally:
        close_window(win, session)
