"""Untrusted certificates and 401s mid-session, on the real window and a real sandbox over HTTPS/HTTP
(real exchangelib). Nothing is mocked; the keyring is the null backend of the test run (no keyring:
the password is kept in memory for the session only, which is what these tests check)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument

from app.core.accounts.session import ConnectionState, Session
from app.domain.account import AccountConfig
from app.domain.models import Draft, Recipient
from app.storage import secrets
from app.storage.journal import Journal
from app.storage.settings import Settings, format_fingerprint, normalize_fingerprint
from tests.fake_keyring import FakeKeyring
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import account_for, close_window, make_window, open_window, wait_task

NEW_PASSWORD = "changed-Secret-42"


def test_untrusted_certificate_banner_names_the_fingerprint_and_trust_pins_it_for_that_account(
        qtbot, aloop, sandbox_factory, settings, screenshot_dir):
    sb = sandbox_factory(tls=True)
    assert sb.ews_url.startswith("https://")
    fp = format_fingerprint(sb.cert_sha256)
    assert len(fp) == 95 and fp == fp.upper() and fp.count(":") == 31
    win, session = open_window(qtbot, sb, settings)
    try:
        qtbot.waitUntil(lambda: win.banner.choice_pending, timeout=20000)
        text = win.banner.text()
        assert "certificate" in text and "not trusted" in text and f"SHA-256: {fp}" in text
        assert "Traceback" not in text
        assert session.state == ConnectionState.OFFLINE  # verification on: nothing got through
        assert session.account.verify_tls and not session.account.pinned_cert_sha256
        assert win.banner.accept_button.isVisible() and win.banner.accept_button.text() == "&Trust this certificate"
        assert win.banner.accept_button.accessibleName() == "Trust this certificate"
        assert win.banner.close_button.isVisible() and win.banner.close_button.text() == "&Cancel"
        assert win.isEnabled() and not win.flows.security.prompt  # non-modal; no password asked
        # its five lines hide nothing of the form (issue 45: they covered the To field)
        to = win.compose.to.edit
        qtbot.waitUntil(lambda: win.banner.mapTo(win, QPoint(0, win.banner.height())).y()
                        <= to.mapTo(win, QPoint(0, 0)).y(), timeout=3000)
        win.grab().save(str(screenshot_dir / "tls-banner.png"))
        # every line of it is seen whole: none is wider than the label's room (the fingerprint was cut off)
        label = win.banner.label
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(label.text())
        doc.setTextWidth(label.contentsRect().width())
        assert doc.idealWidth() <= label.contentsRect().width(), (doc.idealWidth(), label.contentsRect().width())
        assert fp.replace(":", "") in doc.toPlainText().replace(":", "").replace("\n", "").replace("\u2029", "")
        # a follow-up error does not hide the question
        win.show_error("something else")
        assert f"SHA-256: {fp}" in win.banner.text()

        qtbot.keyClick(win.compose.to.edit, Qt.Key_T, Qt.AltModifier)  # Alt+T: the button's mnemonic
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        # the question is gone; a list whose first load failed before the trust (Sent, when its answer came after
        # it: once in a loaded suite run) says so until it loads over the pinned connection, then its words go too
        qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=20000)
        assert normalize_fingerprint(session.account.pinned_cert_sha256) == sb.cert_sha256
        assert session.account.verify_tls is True  # pinned, never "verification off"
        # saved for this account, on disk
        on_disk = Settings(settings.path)
        assert normalize_fingerprint(on_disk.pinned_certificate(session.account)) == sb.cert_sha256
        bob, _ = account_for(sb, BOB)
        assert on_disk.pinned_certificate(bob) == ""  # another account stays unpinned
        assert "password" not in settings.path.read_text()
        # real work over the pinned connection
        win.compose.to.set_recipients([Recipient(BOB)])
        win.compose.subject.setText("over pinned TLS")
        win.compose.body.setPlainText("hello")
        from tests.helpers.windows import wait_task

        outcome = wait_task(qtbot, win.flows.send_current())
        assert outcome is not None and outcome.ok
        assert [m["subject"] for m in sb.mailbox(BOB).items("inbox")] == ["over pinned TLS"]
    finally:
        close_window(win, session)

    # Bob, same server, same settings: his account is not pinned, so he is asked (and can cancel)
    win2, session2 = open_window(qtbot, sb, settings, email=BOB)
    try:
        qtbot.waitUntil(lambda: win2.banner.choice_pending, timeout=20000)
        assert f"SHA-256: {fp}" in win2.banner.text() and BOB in win2.banner.text()
        qtbot.mouseClick(win2.banner.close_button, Qt.LeftButton)  # Cancel
        assert session2.state != ConnectionState.CONNECTED
        assert "not trusted" in win2.banner.text() and win2.banner.retry_button.isVisible()
        assert Settings(settings.path).pinned_certificate(session2.account) == ""
        qtbot.mouseClick(win2.banner.retry_button, Qt.LeftButton)  # Retry: asked again, same fingerprint
        qtbot.waitUntil(lambda: win2.banner.choice_pending, timeout=20000)
        assert f"SHA-256: {fp}" in win2.banner.text()
    finally:
        close_window(win2, session2)


def test_a_changed_certificate_fails_the_pin_and_asks_again_with_the_new_fingerprint(
        qtbot, aloop, sandbox_factory, settings):
    old = sandbox_factory(tls=True)  # stands for the certificate the user trusted before
    sb = sandbox_factory(tls=True)
    assert old.cert_sha256 != sb.cert_sha256
    acc, pw = account_for(sb)
    settings.pin_certificate(acc, old.cert_sha256)
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings)
    try:
        qtbot.waitUntil(lambda: win.banner.choice_pending, timeout=20000)
        text = win.banner.text()
        assert f"SHA-256: {format_fingerprint(sb.cert_sha256)}" in text and "changed" in text
        assert format_fingerprint(old.cert_sha256) not in text
        assert session.state == ConnectionState.OFFLINE  # never accepted silently
        assert normalize_fingerprint(session.account.pinned_cert_sha256) == old.cert_sha256
        win.banner.accept_button.setFocus()
        qtbot.keyClick(win.banner.accept_button, Qt.Key_Space)  # keyboard: focus + Space
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        assert normalize_fingerprint(Settings(settings.path).pinned_certificate(acc)) == sb.cert_sha256
        assert session.account.verify_tls
    finally:
        close_window(win, session)


def test_certificate_changing_mid_session_is_caught_by_the_pin_and_asked_about_again(
        qtbot, aloop, sandbox_factory, settings):
    """Connected over a trusted (pinned) certificate; the server restarts with another certificate:
    the next call fails the pin (nothing accepted silently) and the banner names the NEW fingerprint."""
    other = sandbox_factory(tls=True)  # only lends its certificate
    sb = sandbox_factory(tls=True)
    acc, pw = account_for(sb)
    settings.pin_certificate(acc, sb.cert_sha256)
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings)
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        assert not win.banner.isVisible()
        url = sb.ews_url
        sb.stop()
        sb.cert_path, sb.key_path = other.cert_path, other.key_path
        sb.start()
        assert sb.ews_url == url and sb.cert_sha256 == other.cert_sha256
        win.show_view("drafts")
        qtbot.keyClick(win.drafts.table, Qt.Key_F5)  # Refresh: a later call, not a connect
        qtbot.waitUntil(lambda: win.banner.choice_pending, timeout=20000)
        text = win.banner.text()
        assert f"SHA-256: {format_fingerprint(other.cert_sha256)}" in text and "changed" in text
        assert session.state == ConnectionState.OFFLINE
        qtbot.keyClick(win.drafts.table, Qt.Key_T, Qt.AltModifier)
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        assert normalize_fingerprint(Settings(settings.path).pinned_certificate(acc)) == other.cert_sha256
    finally:
        close_window(win, session)


def test_outbox_work_hitting_a_changed_certificate_waits_for_the_decision_then_goes_once(
        qtbot, aloop, sandbox_factory, settings, tmp_path):
    other = sandbox_factory(tls=True)
    sb = sandbox_factory(tls=True)
    acc, pw = account_for(sb)
    settings.pin_certificate(acc, sb.cert_sha256)
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings, journal=Journal(tmp_path / "journal.sqlite3"))
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED and bridge.outbox is not None, timeout=20000)
        sb.stop()
        sb.cert_path, sb.key_path = other.cert_path, other.key_path
        sb.start()
        wait_task(qtbot, bridge.outbox.submit(Draft(to=[Recipient(BOB)], subject="after the certificate", body="x")))
        qtbot.waitUntil(lambda: win.banner.choice_pending, timeout=20000)
        assert f"SHA-256: {format_fingerprint(other.cert_sha256)}" in win.banner.text()
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Waiting: the server's certificate is not trusted",
                        timeout=10000)
        assert sb.mailbox(BOB).items("inbox") == []
        qtbot.mouseClick(win.banner.accept_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Sent", timeout=30000)
        assert [m["subject"] for m in sb.mailbox(BOB).items("inbox")] == ["after the certificate"]
        assert [m["subject"] for m in sb.mailbox(ALICE).items("sentitems")] == ["after the certificate"]
    finally:
        bridge.close()
        close_window(win, session)


def _alice(sb) -> dict:
    return next(u for u in sb.users if u["email"] == ALICE)


def test_password_changed_mid_session_prompts_without_blocking_and_the_send_waits_then_goes_once(
        qtbot, aloop, sandbox, settings, tmp_path, screenshot_dir):
    acc, _pw = account_for(sandbox)
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sandbox, settings, journal=journal)
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED and bridge.outbox is not None, timeout=20000)
        _alice(sandbox)["password"] = NEW_PASSWORD  # changed on the server while we are signed in
        wait_task(qtbot, bridge.outbox.submit(Draft(to=[Recipient(BOB)], subject="after the new password", body="waits")))
        sec = win.flows.security
        qtbot.waitUntil(lambda: sec.prompt is not None and sec.prompt.isVisible(), timeout=20000)
        prompt = sec.prompt
        assert prompt.windowModality() == Qt.NonModal and win.isEnabled()
        assert "did not accept the password" in prompt.reason.text()
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Waiting for sign-in", timeout=20000)
        assert bridge.outbox.queue.needs_sign_in and prompt.isVisible()
        assert sandbox.mailbox(BOB).items("inbox") == []
        prompt.grab().save(str(screenshot_dir / "reauth-prompt.png"))

        qtbot.keyClicks(prompt.password, "wrong-again")  # a wrong one: asked again, still waiting
        qtbot.keyClick(prompt.password, Qt.Key_Return)
        qtbot.waitUntil(lambda: session.state == ConnectionState.AUTH_FAILED and prompt.isVisible(), timeout=20000)
        assert "either" in prompt.reason.text()
        assert bridge.outbox.queue.row_texts()[0][2] == "Waiting for sign-in"

        prompt.activateWindow()
        qtbot.keyClicks(prompt.password, NEW_PASSWORD)
        qtbot.keyClick(prompt.password, Qt.Key_Return)
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Sent", timeout=30000)
        assert not prompt.isVisible() and session.state == ConnectionState.CONNECTED
        assert [m["subject"] for m in sandbox.mailbox(BOB).items("inbox")] == ["after the new password"]
        assert [m["subject"] for m in sandbox.mailbox(ALICE).items("sentitems")] == ["after the new password"]
        # no keyring in tests: kept in memory for this session, never on disk
        assert secrets.load(acc.email, acc.username) == NEW_PASSWORD
        for f in tmp_path.rglob("*"):
            if f.is_file():
                assert NEW_PASSWORD.encode() not in f.read_bytes(), f
        # the window keeps working with the new password
        qtbot.waitUntil(lambda: not win.busy, timeout=10000)
        win.flows.refresh()
        qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=10000)
        assert session.state == ConnectionState.CONNECTED
    finally:
        bridge.close()
        close_window(win, session)
        secrets.forget(acc.email, acc.username)


def test_window_send_during_401_waits_in_the_outbox_and_goes_once_after_sign_in(
        qtbot, aloop, sandbox, settings, tmp_path, caplog):
    import logging

    import keyring

    caplog.set_level(logging.DEBUG)
    previous = keyring.get_keyring()
    kr = FakeKeyring()  # stands in for the OS keyring (none on this machine), kept in memory
    keyring.set_keyring(kr)
    acc, _pw = account_for(sandbox)
    win, session = open_window(qtbot, sandbox, settings, journal=Journal(tmp_path / "journal.sqlite3"))
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED and bridge.outbox is not None, timeout=20000)
        _alice(sandbox)["password"] = NEW_PASSWORD
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.subject.setText("sent with Ctrl+Return")
        c.body.setFocus()
        qtbot.keyClicks(c.body, "typed")
        qtbot.keyClick(c.body, Qt.Key_Return, Qt.ControlModifier)
        sec = win.flows.security
        qtbot.waitUntil(lambda: sec.prompt is not None and sec.prompt.isVisible(), timeout=20000)
        qtbot.waitUntil(lambda: bool(bridge.outbox.queue.row_texts()), timeout=10000)
        assert bridge.outbox.queue.row_texts()[0][0] == "sent with Ctrl+Return"
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Waiting for sign-in", timeout=20000)
        assert sandbox.mailbox(BOB).items("inbox") == []
        sec.prompt.activateWindow()
        qtbot.keyClicks(sec.prompt.password, NEW_PASSWORD)
        qtbot.keyClick(sec.prompt.password, Qt.Key_Return)
        qtbot.waitUntil(lambda: bridge.outbox.queue.row_texts()[0][2] == "Sent", timeout=30000)
        assert [m["subject"] for m in sandbox.mailbox(BOB).items("inbox")] == ["sent with Ctrl+Return"]
        assert [m["subject"] for m in sandbox.mailbox(ALICE).items("sentitems")] == ["sent with Ctrl+Return"]
        assert win.compose.draft().is_empty()  # the Outbox took it; nothing left to send twice
        assert list(kr.store.values()) == [NEW_PASSWORD]  # the new password went to the keyring
        assert NEW_PASSWORD not in caplog.text
        for f in tmp_path.rglob("*"):
            if f.is_file():
                assert NEW_PASSWORD.encode() not in f.read_bytes(), f
    finally:
        bridge.close()
        close_window(win, session)
        secrets.forget(acc.email, acc.username)
        keyring.set_keyring(previous)


def test_certificate_pins_are_kept_per_account_in_the_settings_file(tmp_path):
    s = Settings(tmp_path / "settings.json")
    alice = AccountConfig(email=ALICE, ews_url="https://mail.example.com/EWS/Exchange.asmx", username="alice")
    bob = AccountConfig(email=BOB, ews_url=alice.ews_url, username="bob")
    s.set_account(alice)
    hexfp = "ab" * 32
    assert format_fingerprint(hexfp) == ":".join(["AB"] * 32)
    assert format_fingerprint(format_fingerprint(hexfp)) == format_fingerprint(hexfp)
    assert s.pin_certificate(alice, hexfp) == format_fingerprint(hexfp)
    again = Settings(s.path)
    assert again.pinned_certificate(alice) == format_fingerprint(hexfp)
    assert again.pinned_certificate(bob) == ""
    elsewhere = AccountConfig(email=ALICE, ews_url="https://other.example.com/EWS/Exchange.asmx", username="alice")
    assert again.pinned_certificate(elsewhere) == ""  # another server: not this pin
    stored = again.account()
    assert stored.pinned_cert_sha256 == format_fingerprint(hexfp) and stored.verify_tls
    import pytest

    with pytest.raises(ValueError):
        s.pin_certificate(bob, "not a fingerprint")
    assert Settings(s.path).pinned_certificate(bob) == ""
