"""More of the real window against the real sandbox: closing while sending, name completion, the
built-in sandbox mailbox, the server build cache, sign-in failure, unexpected errors, rich text."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.accounts.session import ConnectionState, Session
from app.domain.models import Draft, Folder, Recipient
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import account_for, close_window, make_window, wait_idle, wait_task

CTRL = Qt.ControlModifier


def test_closing_while_a_send_is_in_flight_asks_without_blocking(qtbot, window, sandbox):
    win = window
    sandbox.faults.inject("SendItem", "delay", seconds=1.5)
    win.compose.load(Draft(to=[Recipient(BOB)], subject="Slow one", body="..."))
    qtbot.keyClick(win.compose.body, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.flows.sending > 0, timeout=10000)
    win.close()
    assert win.isVisible(), "the window stays while the send is in flight"
    box = win._close_question
    assert box is not None and box.isVisible()
    qtbot.waitUntil(lambda: win.isVisible())  # the event loop keeps running: the question is not exec()'d
    wait_btn = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole)
    wait_btn.click()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=20000)
    assert any(m["subject"] == "Slow one" for m in sandbox.mailbox(ALICE).items(Folder.SENT.value))


def test_recipient_completion_from_resolve_names_and_recent(qtbot, window, sandbox, settings):
    win = window
    to = win.compose.to
    settings.add_recent_recipients(["Zoe Recent <zoe@example.org>"])
    to.set_recent(settings.recent_recipients())
    to.edit.setFocus()
    qtbot.keyClicks(to.edit, "carol@example.com, bo")
    qtbot.waitUntil(lambda: any(BOB in s for s in to.offered()), timeout=10000)
    assert "ResolveNames" in sandbox.request_log
    assert "Zoe Recent <zoe@example.org>" in to.offered()
    # taking a suggestion (Enter) replaces only the entry being typed
    qtbot.waitUntil(lambda: to.suggestions.isVisible() and any(BOB in s for s in to.matches("bo")), timeout=10000)
    qtbot.keyClick(to.edit, Qt.Key_Return)
    assert [r.email for r in to.recipients()] == ["carol@example.com", BOB]


def test_builtin_sandbox_mailbox_starts_in_process_and_keeps_data(qtbot, aloop, tmp_path, settings):
    from app.core.accounts.demo import demo_session

    session = demo_session(tmp_path)
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=30000)
    assert session.account.email == ALICE and session.account.sandbox
    assert session.account.ews_url.startswith("http://127.0.0.1:")
    assert "sandbox mailbox" in win.account_label.text()
    win.compose.load(Draft(to=[Recipient(BOB)], subject="Kept", body="across restarts"))
    saved = wait_task(qtbot, win.flows.save_current())
    assert saved is not None and saved.ref is not None
    sb = session.demo.sandbox
    assert [d["subject"] for d in sb.mailbox(ALICE).items("drafts")] == ["Kept"]
    close_window(win, session)
    assert any((tmp_path / "sandbox").iterdir()), "sandbox data lives in the data dir"


def test_server_build_is_cached_after_first_connect(qtbot, aloop, sandbox, settings):
    acc, pw = account_for(sandbox)
    acc.sandbox = False
    settings.set_account(acc)
    s1 = Session.for_account(acc, pw, on_server_info=lambda i: settings.remember_server_build(i.build, i.version_name))
    wait_task(qtbot, s1.connect())
    s1.close()
    cached = settings.account()
    assert cached.server_build, "the build is stored after the first connect"
    from tests.helpers.ews_accounts import _close_exchangelib_connections

    _close_exchangelib_connections()
    before = len(sandbox.request_log)
    s2 = Session.for_account(cached, pw)
    wait_task(qtbot, s2.connect())
    s2.close()
    assert sandbox.request_log[before:] == ["GetFolder"], "no version probe once the build is known"


def test_wrong_password_shows_sign_in_banner_with_retry(qtbot, aloop, sandbox, settings):
    acc, _pw = account_for(sandbox)
    session = Session.for_account(acc, "wrong-password")
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=20000)
    assert session.state == ConnectionState.AUTH_FAILED
    assert "ErrorAuthenticationFailed" in win.banner.label.text() and win.banner.retry_button.isVisible()
    assert "Sign-in failed" in win.state_label.text()
    prompt = QApplication.activeWindow()
    if prompt is not win:  # a rejected password may also open the sign-in prompt: never modal
        assert prompt.parent() is win and not prompt.isModal()
    win.close()
    session.close()


def test_unexpected_error_becomes_banner_and_log_line(qtbot, aloop, caplog):
    from app.app_main import install_excepthook
    from app.ui.window.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    old = sys.excepthook
    try:
        install_excepthook(win)
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            with caplog.at_level(logging.ERROR):
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert win.banner.isVisible() and "boom in a slot" in win.banner.label.text()
    assert "Traceback" not in win.banner.label.text()
    assert any("unexpected error" in r.message for r in caplog.records)


def test_a_local_data_failure_that_escapes_is_named_not_something_went_wrong(qtbot, aloop, caplog):
    """Issue 52: a journal write that fails on a full disk and reaches the crash handler (a path with no
    handling of its own) is said as what it is, in the banner and the status bar's journal notice."""
    import sqlite3

    from app.app_main import install_excepthook
    from app.storage.local_errors import FULL
    from app.ui.window.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    old = sys.excepthook
    try:
        install_excepthook(win)
        for exc in (sqlite3.OperationalError("database or disk is full"), OSError(28, "No space left on device")):
            try:
                raise exc
            except Exception:  # noqa: BLE001
                sys.excepthook(*sys.exc_info())
            text = win.banner.label.text()
            assert FULL in text and "Something went wrong" not in text, text
            assert "Not written" in win.status.journal_notice.text()
    finally:
        sys.excepthook = old


def test_rich_text_message_reaches_the_server_as_html(qtbot, window, sandbox):
    win = window
    qtbot.keyClick(win.compose.to.edit, Qt.Key_N, CTRL)
    qtbot.keyClicks(win.compose.to.edit, BOB)
    win.compose.subject.setText("Formatted")
    win.compose.rich.setChecked(True)
    win.compose.body.setFocus()
    win.compose.bold.click()
    qtbot.keyClicks(win.compose.body, "Important")
    qtbot.keyClick(win.compose.body, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(sandbox.mailbox(ALICE).items("drafts")) == 1, timeout=20000)
    body = sandbox.mailbox(ALICE).items("drafts")[0]["body"]
    assert "Important" in body and "<" in body and "font-weight" in body


def test_attach_dialog_is_non_blocking_and_drop_attaches(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    win = window
    f1 = tmp_path / "plan.txt"
    f1.write_text("plan")
    f2 = tmp_path / "photo.jpg"
    f2.write_bytes(b"\xff\xd8" + b"0" * 2048)
    qtbot.keyClick(win.compose.to.edit, Qt.Key_A, CTRL | Qt.ShiftModifier)
    dlg = win.compose.attachments._dialog
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=3000)
    assert win.isEnabled()  # nothing exec()'d: this line runs while the dialog is open
    # The real (Qt) file dialog, driven from the keyboard: in the file's folder, type its name, press Enter.
    from PySide6.QtWidgets import QLineEdit

    dlg.setDirectory(str(tmp_path))
    name_edit = dlg.findChild(QLineEdit, "fileNameEdit")
    qtbot.keyClicks(name_edit, f1.name)
    qtbot.keyClick(name_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    assert [a.name for a in win.compose.draft().attachments] == ["plan.txt"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f2))])
    ev = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    win.compose.dropEvent(ev)
    names = [a.name for a in win.compose.draft().attachments]
    assert names == ["plan.txt", "photo.jpg"]
    assert "photo.jpg" in win.compose.attachments.list.item(1).text() and "KB" in win.compose.attachments.list.item(1).text()


def test_retry_after_sign_in_refused_once(qtbot, aloop, sandbox, settings):
    sandbox.faults.inject("GetFolder", "http_401", count=1)
    acc, pw = account_for(sandbox)
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: win.banner.isVisible(), timeout=20000)
    assert win.banner.retry_button.isVisible()
    qtbot.mouseClick(win.banner.retry_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
    assert not win.banner.isVisible() and "Connected" in win.state_label.text()
    win.close()
    session.close()


def test_stored_account_without_keyring_asks_for_the_password_once(qtbot, aloop, sandbox, settings):
    from types import SimpleNamespace

    from app.app_main import Controller
    from app.storage import secrets
    from app.ui.window.main_window import MainWindow

    acc, pw = account_for(sandbox)
    acc.sandbox = False
    settings.set_account(acc)
    secrets.forget(acc.email, acc.username)
    win = MainWindow(settings=settings, keyring_ok=False)
    qtbot.addWidget(win)
    win.show()
    ctl = Controller(SimpleNamespace(sandbox=False, ews_url=None), win, settings)
    ctl.start()
    prompt = ctl._prompt
    assert prompt is not None and prompt.isVisible() and win.session is None
    prompt.password.setText(pw)
    prompt._accept()
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED, timeout=20000)
    assert pw not in settings.path.read_text()
    # a second start in the same session does not ask again
    win2 = MainWindow(settings=settings, keyring_ok=False)
    qtbot.addWidget(win2)
    ctl2 = Controller(SimpleNamespace(sandbox=False, ews_url=None), win2, settings)
    ctl2.start()
    assert ctl2._prompt is None and win2.session is not None
    for w in (win, win2):
        close_window(w)
    secrets.forget(acc.email, acc.username)


def test_every_interactive_widget_in_the_window_has_an_accessible_name(qtbot, window):
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QTextEdit,
                                   QWidget)

    missing = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, (QAbstractButton, QComboBox, QLineEdit, QTextEdit, QAbstractItemView)):
            continue
        if isinstance(w.parent(), QComboBox) or w.window() is not window or w.objectName().startswith("qt_"):
            continue
        if isinstance(w, QAbstractItemView) and isinstance(w.parent(), QWidget) and w.parent().inherits("QComboBoxPrivateContainer"):
            continue
        if not w.accessibleName():
            missing.append(f"{type(w).__name__}:{w.objectName()}:{getattr(w, 'text', lambda: '')()}")
    assert not missing, missing


def test_new_message_keeps_the_unsaved_one_in_drafts(qtbot, window, sandbox):
    win = window
    qtbot.keyClick(win.compose.to.edit, Qt.Key_N, CTRL)
    qtbot.keyClicks(win.compose.to.edit, BOB)
    win.compose.subject.setText("Half written")
    win.compose.body.setPlainText("not finished yet")
    assert win.compose.dirty
    qtbot.keyClick(win.compose.body, Qt.Key_N, CTRL)
    assert win.compose.subject.text() == "" and win.focusWidget() is win.compose.to.edit
    qtbot.waitUntil(lambda: [d["subject"] for d in sandbox.mailbox(ALICE).items("drafts")] == ["Half written"],
                    timeout=20000)
    # an unfinished address does not block Ctrl+N either: the message goes to Drafts as typed
    qtbot.keyClicks(win.compose.to.edit, "bob@@example")
    win.compose.subject.setText("Broken")
    qtbot.keyClick(win.compose.to.edit, Qt.Key_N, CTRL)
    assert win.compose.subject.text() == "" and win.focusWidget() is win.compose.to.edit
    qtbot.waitUntil(lambda: sorted(d["subject"] for d in sandbox.mailbox(ALICE).items("drafts"))
                    == ["Broken", "Half written"], timeout=20000)
    broken = next(d for d in sandbox.mailbox(ALICE).items("drafts") if d["subject"] == "Broken")
    assert broken["to"] == ["bob@@example"]


def test_first_run_sandbox_choice_and_command_line_account(qtbot, aloop, sandbox, settings, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from app.app_main import Controller
    from app.ui.window.main_window import MainWindow

    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path))
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    Controller(SimpleNamespace(sandbox=False, ews_url=None), win, settings)
    qtbot.mouseClick(win.welcome.sandbox_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED, timeout=30000)
    assert settings.account().sandbox and win.current_view() == "compose"
    close_window(win)
    # --ews-url/--email/--username/--password-env: used as given, not stored
    acc, pw = account_for(sandbox)
    args = SimpleNamespace(sandbox=False, ews_url=sandbox.ews_url, email=acc.email, username=acc.username,
                           password=pw, auth="basic", no_verify_tls=False)
    win2 = MainWindow(settings=settings)
    qtbot.addWidget(win2)
    win2.show()
    Controller(args, win2, settings).start()
    qtbot.waitUntil(lambda: win2.session is not None and win2.session.state == ConnectionState.CONNECTED, timeout=20000)
    assert settings.account().sandbox, "a command-line account does not replace the stored one"
    close_window(win2)


def test_saving_a_draft_deleted_on_the_server_keeps_the_text_as_a_new_draft(qtbot, window, sandbox):
    win = window
    win.compose.load(Draft(to=[Recipient(BOB)], subject="Fragile", body="v1"))
    saved = wait_task(qtbot, win.flows.save_current())
    wait_task(qtbot, win.session.client.delete_items([saved.ref], to_trash=False))  # another client
    win.compose.body.setPlainText("v2 typed after the delete")
    again = wait_task(qtbot, win.flows.save_current())
    assert again is not None and again.ref.id != saved.ref.id
    drafts = sandbox.mailbox(ALICE).items("drafts")
    assert [d["subject"] for d in drafts] == ["Fragile"] and "v2 typed" in drafts[0]["body"]
    assert win.compose.error_text() == ""


def test_send_selected_shortcut_outside_drafts_only_shows_the_list(qtbot, window, sandbox):
    win = window
    wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(BOB)], subject="Not yet", body="x")))
    win.show_view("drafts")
    qtbot.keyClick(win.drafts.table, Qt.Key_F5)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1, timeout=10000)
    win.drafts.select_rows([0])
    win.show_view("compose")
    qtbot.keyClick(win.compose.to.edit, Qt.Key_Return, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: win.current_view() == "drafts", timeout=5000)
    wait_idle(qtbot, win)  # whatever the key started has finished: then "nothing was sent" is final
    assert "SendItem" not in sandbox.request_log


def test_a_closed_windows_timers_look_at_the_server_no_more(qtbot, window, sandbox):
    """A closed window lives on until it is gone (a test keeps it; Qt deletes it later): its timers that look at the
    server every few minutes (delivery reports, the server's Outbox) still fire meanwhile. They stop and start
    nothing: a task begun then, once the window's event loop has ended, would fail in whatever runs next."""
    win = window
    qtbot.waitUntil(lambda: win.session.state == ConnectionState.CONNECTED and win.parts.delivery.timer.isActive(),
                    timeout=10000)
    timers = [win.parts.delivery.timer, win.journal_bridge.kept.timer]
    for t in timers:
        t.start()
    close_window(win)
    for t in timers:
        t.timeout.emit()  # the moment one would fire
    assert [t.isActive() for t in timers] == [False, False]
