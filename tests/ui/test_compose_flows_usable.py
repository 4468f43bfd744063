"""Compose flows that must be usable from the keyboard (issue 11, part D): autocomplete that takes the
highlighted match with Tab or Enter, attachments checked against the send limit together, drafts that
keep unfinished addresses, Discard with Undo, a fresh "New message" after a send, a question before
sending without a subject or without the attachment the text mentions, and the attach dialog's folder
and columns. Real window, real sandbox over HTTP, keys on the focused widget."""

from __future__ import annotations


import pytest
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.compose import fill, new_message
from tests.helpers.keys import focus_key as key
from tests.helpers.backends import logged
from tests.helpers.windows import wait_idle

CTRL = Qt.ControlModifier
ALICE = "alice@example.com"


def items(sb, folder, who=ALICE):
    return sb.mailbox(who).items(folder)


def popup_open(qtbot, edit):
    """Type "bo" into an empty recipient field: the directory (ResolveNames) offers Bob; the list opens."""
    qtbot.keyClicks(edit.edit, "bo")
    qtbot.waitUntil(lambda: edit.suggestions.isVisible(), timeout=10000)
    return edit.suggestions


# ---------------------------------------------------------------- 1. autocomplete
@pytest.mark.parametrize("accept", [Qt.Key_Tab, Qt.Key_Return])
def test_tab_and_enter_take_the_highlighted_match(qtbot, window, accept, screenshot_dir):
    win = window
    new_message(qtbot, win)
    to = win.compose.to
    popup = popup_open(qtbot, to)
    first = popup.currentIndex()
    assert first.isValid() and first.row() == 0, "the first match is highlighted as soon as the list opens"
    assert "bob@example.com" in first.data()
    key(qtbot, win, accept)  # the field keeps the keyboard while the list is open
    qtbot.waitUntil(lambda: [r.email for r in to.recipients()] == ["bob@example.com"], timeout=5000)
    assert to.text().startswith(first.data()) and "bo," not in to.text()
    assert not popup.isVisible()
    assert to.error_text() == "" and not to.edit.property("invalid"), "no error for a name that was completed"
    assert to.text() == first.data() + ", "
    if accept == Qt.Key_Tab:  # Tab takes the match and moves on (issue 59, item 8)
        assert QApplication.focusWidget() is win.compose.cc.edit, "Tab moves on to Cc"
    else:
        assert QApplication.focusWidget() is to.edit, "Enter takes the match and stays for the next address"
    win.grab().save(str(screenshot_dir / f"compose-autocomplete-{'tab' if accept == Qt.Key_Tab else 'enter'}.png"))


def test_down_then_enter_still_takes_the_first_match(qtbot, window):
    win = window
    new_message(qtbot, win)
    popup = popup_open(qtbot, win.compose.to)
    key(qtbot, win, Qt.Key_Down)
    assert popup.currentIndex().row() == 0
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: [r.email for r in win.compose.to.recipients()] == ["bob@example.com"], timeout=5000)


def test_an_error_that_no_longer_applies_disappears_at_once(qtbot, window, screenshot_dir):
    win = window
    c = win.compose
    new_message(qtbot, win)
    popup = popup_open(qtbot, c.to)
    key(qtbot, win, Qt.Key_Escape)  # no completion: "bo" stays, unfinished
    key(qtbot, win, Qt.Key_Tab)  # leaving the field marks it
    assert "“bo”" in c.to.error_text() and c.to.edit.property("invalid") is True
    key(qtbot, win, Qt.Key_Tab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is c.to.edit
    key(qtbot, win, Qt.Key_End)
    qtbot.keyClicks(c.to.edit, "b")
    qtbot.waitUntil(lambda: c.to.suggestions.isVisible(), timeout=10000)
    assert "bob" in c.to.error_text(), "still unfinished: still marked"
    key(qtbot, win, Qt.Key_Return)  # take "Bob <bob@example.com>"
    # without leaving the field: the mark is gone as soon as the text is right
    qtbot.waitUntil(lambda: c.to.error_text() == "", timeout=2000)
    assert not c.to.edit.property("invalid") and QApplication.focusWidget() is c.to.edit
    # a typed fix clears it too
    qtbot.keyClicks(c.to.edit, "zed")
    key(qtbot, win, Qt.Key_Tab)
    assert "“zed”" in c.to.error_text()
    key(qtbot, win, Qt.Key_Tab, Qt.ShiftModifier)
    key(qtbot, win, Qt.Key_End)
    qtbot.keyClicks(c.to.edit, "@example.com")
    assert c.to.error_text() == "" and QApplication.focusWidget() is c.to.edit
    win.grab().save(str(screenshot_dir / "compose-error-cleared.png"))


# ---------------------------------------------------------------- 3. drafts may hold anything; Discard
def test_ctrl_s_saves_unfinished_addresses_as_typed_and_they_come_back(qtbot, window, sandbox, screenshot_dir):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="zed, Carol <carol@example.com>", cc="Quinn <quinn", subject="Unfinished",
         body="Not done yet")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1, timeout=20000)
    qtbot.waitUntil(lambda: c.state_label.text() == "Saved to Drafts", timeout=10000)
    saved = items(sandbox, "drafts")[0]
    assert saved["to"] == ["zed", "carol@example.com"] and saved["cc"] == ["Quinn <quinn"]
    assert "“zed”" in c.to.error_text(), "still marked: it cannot be sent like this"
    win.grab().save(str(screenshot_dir / "compose-unfinished-saved.png"))
    # Ctrl+N is not blocked; the new message starts in To
    key(qtbot, win, Qt.Key_N, CTRL)
    assert c.subject.text() == "" and c.to.text() == "" and c.to.error_text() == ""
    assert QApplication.focusWidget() is c.to.edit
    # reopened from Drafts: the same text in every field
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: c.subject.text() == "Unfinished", timeout=10000)
    # each entry a whole token, the keyboard after them (issue 73, item 4); "Quinn <quinn" is still open
    assert c.to.text() == "zed, Carol <carol@example.com>, " and c.cc.text() == "Quinn <quinn"
    # ... and sending it is still refused at the field, nothing sent
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "“zed”" in c.to.error_text(), timeout=5000)
    wait_idle(qtbot, win)
    assert items(sandbox, "sentitems") == [] and "SendItem" not in sandbox.request_log


def test_ctrl_n_keeps_a_message_with_unfinished_addresses(qtbot, window, sandbox):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="zed", subject="Keep me", body="half written")
    key(qtbot, win, Qt.Key_N, CTRL)
    assert c.subject.text() == "" and QApplication.focusWidget() is c.to.edit, "Ctrl+N was not blocked"
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "drafts")] == ["Keep me"], timeout=20000)
    assert items(sandbox, "drafts")[0]["to"] == ["zed"] and items(sandbox, "drafts")[0]["body"] == "half written"


def test_discard_clears_compose_and_undo_brings_it_back_exactly(qtbot, window, sandbox, tmp_path, screenshot_dir):
    win = window
    c = win.compose
    att = tmp_path / "notes.txt"
    att.write_text("notes")
    new_message(qtbot, win)
    fill(qtbot, win, to="Carol <carol@example.com>, zed", cc="dave@example.com", subject="Second thoughts",
         body="First line")
    c.attachments.add_paths([str(att)])
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and c.current_ref() is not None, timeout=20000)
    c.body.setFocus()
    qtbot.keyClicks(c.body, " and more")  # not saved yet
    before, ident, dirty = c.draft(), c.identity(), c.dirty
    assert dirty
    key(qtbot, win, Qt.Key_D, CTRL | Qt.ShiftModifier)
    bar = win.flows._discard.bar
    assert bar.isVisible() and "discarded" in bar.label.text().lower()
    assert c.draft().is_empty() and c.subject.text() == "" and c.attachments.attachments() == []
    assert QApplication.focusWidget() is c.to.edit
    win.grab().save(str(screenshot_dir / "compose-discarded-undo.png"))
    # Undo (Alt+U): everything back, the same message (its server draft, its id), still unsaved
    key(qtbot, win, Qt.Key_U, Qt.AltModifier)  # the button's mnemonic (it clicks a moment later)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    after = c.draft()
    assert after == before
    assert c.identity().local_id == ident.local_id and c.current_ref() == ident.ref and c.dirty
    assert c.to.text() == "Carol <carol@example.com>, zed, " and c.body.toPlainText() == "First line and more"
    assert [a.name for a in c.attachments.attachments()] == ["notes.txt"]
    # Discard again and let the bar expire: the server draft is deleted and nothing comes back
    import app.ui.compose.compose_flows as compose_flows

    compose_flows.UNDO_DISCARD_MS, saved_ms = 300, compose_flows.UNDO_DISCARD_MS
    try:
        key(qtbot, win, Qt.Key_D, CTRL | Qt.ShiftModifier)
        qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    finally:
        compose_flows.UNDO_DISCARD_MS = saved_ms
    qtbot.waitUntil(lambda: items(sandbox, "drafts") == [], timeout=20000)
    wait_idle(qtbot, win)
    assert win.journal_bridge.journal.get(ident.local_id) is None, "the local copy is gone too"
    assert items(sandbox, "sentitems") == [] and c.draft().is_empty()


def test_discard_of_a_never_saved_message_and_undo(qtbot, window, sandbox):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Scratch", body="typing")
    ident = c.identity()
    key(qtbot, win, Qt.Key_D, CTRL | Qt.ShiftModifier)
    assert c.subject.text() == ""
    key(qtbot, win, Qt.Key_U, Qt.AltModifier)
    qtbot.waitUntil(lambda: c.subject.text() == "Scratch", timeout=3000)
    assert c.subject.text() == "Scratch" and c.identity().local_id == ident.local_id and c.dirty
    key(qtbot, win, Qt.Key_S, CTRL)  # still a normal message: it saves
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "drafts")] == ["Scratch"], timeout=20000)


# ---------------------------------------------------------------- 4. after a send
def test_after_a_send_the_blank_message_is_new_and_focus_is_in_to(qtbot, ui_window, ui_sandbox, ui_backend,
                                                                  screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Done", body="Short and sent")
    assert QApplication.focusWidget() is c.body
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "sentitems")] == ["Done"], timeout=20000)
    wait_idle(qtbot, win)
    assert c.subject.text() == "" and c.body.toPlainText() == ""
    assert c.title.text() == "New message" and c.state_label.text() == "", "nothing written: nothing said"
    assert QApplication.focusWidget() is c.to.edit
    if ui_backend == "ews":
        win.grab().save(str(screenshot_dir / "compose-after-send.png"))


# ---------------------------------------------------------------- 5. asked before sending
def question(qtbot, win):
    qtbot.waitUntil(lambda: win.flows.send_question is not None and win.flows.send_question.isVisible(),
                    timeout=5000)
    return win.flows.send_question


def test_no_subject_asks_first_enter_goes_back_send_anyway_sends(qtbot, ui_window, ui_sandbox, ui_backend,
                                                                 screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="", body="No subject on purpose")
    key(qtbot, win, Qt.Key_Return, CTRL)
    box = question(qtbot, win)
    assert "no subject" in box.text() and box.textFormat() == Qt.PlainText
    assert QApplication.focusWidget() is box.defaultButton() and box.defaultButton().text() == "&Go back"
    if ui_backend == "ews":
        win.grab().save(str(screenshot_dir / "compose-send-question-window.png"))
        box.grab().save(str(screenshot_dir / "compose-send-question.png"))
    key(qtbot, win, Qt.Key_Return)  # Enter: the safe default
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    # back to the field the question was about
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.subject, timeout=3000)
    wait_idle(qtbot, win)
    assert items(sandbox, "sentitems") == [] and logged(ui_backend, "SendItem") not in sandbox.request_log
    assert c.body.toPlainText() == "No subject on purpose"
    # again, and this time Send anyway (Alt+S)
    key(qtbot, win, Qt.Key_Return, CTRL)
    box = question(qtbot, win)
    key(qtbot, win, Qt.Key_S, Qt.AltModifier)
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    assert items(sandbox, "sentitems")[0]["body"] == "No subject on purpose"
    wait_idle(qtbot, win)
    assert c.draft().is_empty()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.to.edit, timeout=3000)


@pytest.mark.parametrize("body, word", [("Anbei die Zahlen.", "Anbei"),
                                        ("Please see the attachment.", "attachment"),
                                        ("Ci-joint le rapport.", "Ci-joint")])
def test_an_attachment_mentioned_but_missing_asks_first(qtbot, window, sandbox, tmp_path, body, word):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Numbers", body=body)
    key(qtbot, win, Qt.Key_Return, CTRL)
    box = question(qtbot, win)
    assert f"“{word}”" in box.text() and "nothing is attached" in box.text()
    key(qtbot, win, Qt.Key_Escape)  # Esc goes back too
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.body, timeout=3000)
    # attach the file, then it goes without a question
    f = tmp_path / "numbers.csv"
    f.write_text("1,2,3")
    c.attachments.add_paths([str(f)])
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    assert win.flows.send_question is None
    assert [a["name"] for a in items(sandbox, "sentitems")[0]["attachments"]] == ["numbers.csv"]


def test_send_anyway_by_tab_and_enter(qtbot, window, sandbox):
    win = window
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Report", body="The report is attached.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    box = question(qtbot, win)
    key(qtbot, win, Qt.Key_Tab, Qt.ShiftModifier)  # from Go back to Send anyway
    assert QApplication.focusWidget().text() == "&Send anyway"
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "sentitems")] == ["Report"], timeout=20000)
    assert not box.isVisible()


# ---------------------------------------------------------------- 2. the send limit, for all files together
def sparse(path, size):
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def test_files_that_fit_alone_but_not_together_are_refused_at_attach(qtbot, window, sandbox, tmp_path,
                                                                     screenshot_dir):
    win = window
    c = win.compose
    assert c.attachments.max_bytes == win.session.max_send_bytes == 10 * 1024 * 1024
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Two videos", body="Two clips.")
    mb = 1024 * 1024
    one = sparse(tmp_path / "clip-1.mp4", int(5.7 * mb))
    two = sparse(tmp_path / "clip-2.mp4", int(5.7 * mb))
    small = tmp_path / "notes.txt"
    small.write_text("fits")
    assert c.attachments.add_paths([str(one)]) == []
    problems = c.attachments.add_paths([str(two), str(small)])
    err = c.attachments.error_text()
    assert len(problems) == 1 and "clip-2.mp4" in err and "was not attached" in err
    assert "total 11.4 MB, about 15.2 MB as sent" in err and "at most 10.0 MB" in err, "the total and the limit"
    assert [a.name for a in c.draft().attachments] == ["clip-1.mp4", "notes.txt"], "the rest is kept"
    win.grab().save(str(screenshot_dir / "compose-attachments-total.png"))
    # what was accepted really goes out
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=60000)
    assert [a["name"] for a in items(sandbox, "sentitems")[0]["attachments"]] == ["clip-1.mp4", "notes.txt"]


def test_the_limit_follows_the_server(qtbot, window, tmp_path):
    c = window.compose
    c.set_max_send_bytes(30_000)
    first, second = sparse(tmp_path / "a.bin", 12_000), sparse(tmp_path / "b.bin", 12_000)
    assert c.attachments.add_paths([str(first)]) == []
    assert len(c.attachments.add_paths([str(second)])) == 1
    assert "“b.bin”" in c.attachments.error_text() and "at most 29.3 KB" in c.attachments.error_text()


# ---------------------------------------------------------------- 6. the attach dialog
def test_attach_dialog_starts_at_home_then_the_last_folder_with_columns_that_fit(
        qtbot, window, tmp_path, monkeypatch, screenshot_dir):
    from PySide6.QtWidgets import QFileDialog, QTreeView

    win = window
    c = win.compose
    home = tmp_path / "home"
    home.mkdir()
    (home / "a-rather-long-file-name-for-the-quarterly-report-2026-final-version-with-comments.pdf").write_text("x")
    monkeypatch.setenv("HOME", str(home))
    assert Path.home() == home
    elsewhere = tmp_path / "projects" / "q4"
    elsewhere.mkdir(parents=True)
    report = elsewhere / "report.txt"
    report.write_text("the report")
    new_message(qtbot, win)
    key(qtbot, win, Qt.Key_A, CTRL | Qt.ShiftModifier)
    dialog = c.attachments._dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=5000)
    assert isinstance(dialog, QFileDialog) and Path(dialog.directory().absolutePath()) == home
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 1, timeout=5000)
    header = view.header()
    # size, type and date fit their contents and are in sight; the name gets the rest (at least 160 px)
    qtbot.waitUntil(lambda: all(header.sectionSize(col) >= view.sizeHintForColumn(col)
                                for col in range(1, header.count())), timeout=5000)
    assert header.length() <= view.viewport().width() + 1
    assert header.sectionSize(0) >= min(view.sizeHintForColumn(0), 160)
    dialog.grab().save(str(screenshot_dir / "attach-dialog.png"))
    # pick a file elsewhere by typing its path (the file name field has the keyboard)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "fileNameEdit", timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), str(report))
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: [a.name for a in c.draft().attachments] == ["report.txt"], timeout=5000)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    # the next time it opens where that file was
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)  # the keyboard is back
    key(qtbot, win, Qt.Key_A, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    assert Path(dialog.directory().absolutePath()) == elsewhere
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    key(qtbot, win, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_closing_the_window_makes_a_pending_discard_final(qtbot, aloop, sandbox, settings):
    from tests.helpers.windows import close_window, open_window

    win, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Throw away", body="never mind")
    ident = c.identity()
    journal = win.journal_bridge.journal
    win.journal_bridge.autosave.flush()
    qtbot.waitUntil(lambda: journal.get(ident.local_id) is not None, timeout=5000)
    key(qtbot, win, Qt.Key_D, CTRL | Qt.ShiftModifier)
    assert win.flows._discard.pending
    close_window(win, session)
    # the discard is queued on the journal's thread at the close; the journal's writes queued before the
    # process ends reach the disk (its pool finishes them at exit). Wait for that queue, then read: a read
    # on the spot raced the write (a clean-clone CI run failed once so, under load)
    win.journal_bridge.writer.submit(lambda: None).result(timeout=10)
    assert journal.get(ident.local_id) is None, "it does not come back at the next start"


def test_no_recipient_mark_goes_as_soon_as_one_is_typed(qtbot, window, sandbox):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="", subject="For whom?", body="Someone")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "at least one recipient" in c.to.error_text(), timeout=5000)
    assert QApplication.focusWidget() is c.to.edit
    qtbot.keyClicks(c.to.edit, "z")
    assert c.to.error_text() == "" and not c.to.edit.property("invalid"), "no longer applies; no nagging mid-word"
    qtbot.keyClicks(c.to.edit, "ed")
    key(qtbot, win, Qt.Key_Tab)
    assert "“zed”" in c.to.error_text(), "an unfinished address is marked when the field is left"
