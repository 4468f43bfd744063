"""Issue 75 in the window: an account set to Automatic signs in by the server's offer (Basic, NTLM, Negotiate with
Kerberos, Negotiate+NTLM, Extended Protection required where Windows sign-in is served) against the sandbox's IIS-like
Windows authentication and a real MIT KDC (tests/helpers/kdc.py), lists Drafts and sends once from the keyboard; a
Basic account against an NTLM-only server is told so with no password prompt, and Alt+A switches it to Automatic,
which connects. Real window, real exchangelib, real keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from app.core.accounts.session import ConnectionState, Session
from app.domain.account import AccountConfig, AuthType
from app.domain.models import Recipient
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window, make_window

MODES = [(("basic",), "off"), (("ntlm",), "require"), (("negotiate",), "require"), (("negotiate", "ntlm"), "require")]


def _sandbox(sandbox_factory, methods, ep, kdc=None):
    options = {"host": "localhost", "tls": True, "auth_methods": methods, "extended_protection": ep}
    if kdc is not None:
        options["keytab"] = str(kdc.keytab)
    return sandbox_factory(**options)


def _window(qtbot, sb, settings, auth_type):
    user = next(a for a in sb.accounts if a["email"] == ALICE)
    acc = AccountConfig(email=ALICE, ews_url=sb.ews_url, username=user["username"], auth_type=auth_type,
                        pinned_cert_sha256=sb.cert_sha256)
    settings.set_account(acc)
    session = Session.for_account(acc, user["password"])
    return make_window(qtbot, session, settings), session


@pytest.mark.parametrize("methods, ep", MODES, ids=["+".join(m) + "-ep-" + e for m, e in MODES])
def test_automatic_signs_in_lists_drafts_and_sends_once(qtbot, aloop, sandbox_factory, settings, request, methods,
                                                         ep):
    kdc = request.getfixturevalue("kdc_realm") if "negotiate" in methods else None
    sb = _sandbox(sandbox_factory, methods, ep, kdc)
    win, session = _window(qtbot, sb, settings, AuthType.AUTOMATIC)
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        kerberos = "negotiate" in methods
        expected = "Signed in with Kerberos as alice@DISPATCH.TEST" if kerberos else \
            f"Signed in with {'Basic' if methods == ('basic',) else 'NTLM'} as "
        assert win.status.state_label.accessibleDescription().startswith(expected)
        assert not win.flows.security.prompt  # no password asked
        c = win.compose
        c.to.set_recipients([Recipient(BOB)])
        c.subject.setText(f"over {methods[0]}")
        c.body.setPlainText("hello")
        c.body.setFocus()
        qtbot.keyClick(c.body, Qt.Key_Return, Qt.ControlModifier)  # Ctrl+Enter: send
        qtbot.waitUntil(lambda: sb.mailbox(BOB).count("inbox") == 1, timeout=20000)
        qtbot.waitUntil(lambda: not win.busy, timeout=10000)
        assert sb.mailbox(BOB).count("inbox") == 1
    finally:
        close_window(win, session)


def test_a_basic_account_against_ntlm_only_is_offered_automatic(qtbot, aloop, sandbox_factory, settings,
                                                                 screenshot_dir):
    sb = _sandbox(sandbox_factory, ("ntlm",), "off")
    win, session = _window(qtbot, sb, settings, AuthType.BASIC)
    try:
        qtbot.waitUntil(lambda: win.banner.choice_pending, timeout=20000)
        text = win.banner.text()
        assert text == (f"This server asks for Windows sign-in (NTLM/Kerberos), not a plain password: switch {ALICE} "
                        "to Automatic?")
        assert win.banner.accept_button.text() == "Switch to &Automatic"
        assert not win.flows.security.prompt  # no password prompt: a password would not help
        win.grab().save(str(screenshot_dir / "switch-to-automatic-banner.png"))
        qtbot.keyClick(win.compose.to.edit, Qt.Key_A, Qt.AltModifier)  # Alt+A: the button's mnemonic
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        assert not win.banner.choice_pending and not win.flows.security.prompt
        assert session.account.auth_type == AuthType.AUTOMATIC and session.account.auth_used == "ntlm"
        assert settings.account().auth_type == AuthType.AUTOMATIC  # kept
        win.grab().save(str(screenshot_dir / "switched-to-automatic.png"))
    finally:
        close_window(win, session)


def test_a_kerberos_account_starts_without_asking_a_password(qtbot, aloop, sandbox_factory, tmp_path, kdc_realm,
                                                            fake_keyring, screenshot_dir):
    """A saved Kerberos account with no password anywhere: the window signs in with the user's ticket, no prompt,
    and the connected state says who (Signed in with Kerberos as alice@DISPATCH.TEST)."""
    from app.storage.settings import Settings
    from tests.helpers.m365 import signin_window

    sb = _sandbox(sandbox_factory, ("negotiate",), "require", kdc_realm)
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(AccountConfig(email=ALICE, ews_url=sb.ews_url, username="alice",
                                       auth_type=AuthType.KERBEROS, pinned_cert_sha256=sb.cert_sha256))
    win, ctl = signin_window(qtbot, settings)  # the real window and its controller, as the app starts them
    ctl.start()
    try:
        assert ctl._prompt is None  # no password asked
        qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED,
                        timeout=20000)
        qtbot.waitUntil(lambda: win.status.state_label.accessibleDescription() != "", timeout=5000)
        assert win.status.state_label.accessibleDescription() == "Signed in with Kerberos as alice@DISPATCH.TEST"
        assert not win.flows.security.prompt
        # the account page (Ctrl+,) says it in words on the page, not only to a screen reader
        qtbot.keyClick(win.compose.to.edit, Qt.Key_Comma, Qt.ControlModifier)
        qtbot.waitUntil(lambda: getattr(win, "account_dialog", None) is not None
                        and win.account_dialog.isVisible(), timeout=5000)
        dialog = win.account_dialog
        assert dialog.signed_in.isVisible()
        assert dialog.signed_in.text() == "Signed in with Kerberos as alice@DISPATCH.TEST"
        assert dialog.auth.currentData() == AuthType.KERBEROS.value
        # every method's name whole in the closed list, in the window's theme (a longer one was cut to "…as the
        # server offe")
        opt = QStyleOptionComboBox()
        dialog.auth.initStyleOption(opt)
        room = dialog.auth.style().subControlRect(QStyle.CC_ComboBox, opt, QStyle.SC_ComboBoxEditField,
                                                  dialog.auth).width()
        for i in range(dialog.auth.count()):
            assert dialog.auth.fontMetrics().horizontalAdvance(dialog.auth.itemText(i)) <= room, \
                (dialog.auth.itemText(i), room)
        dialog.grab().save(str(screenshot_dir / "account-page-signed-in-with-kerberos.png"))
        # another method chosen from the keyboard: the line was of the old one, and goes
        dialog.auth.setFocus()
        qtbot.keyClick(dialog.auth, Qt.Key_Up)
        assert dialog.auth.currentData() != AuthType.KERBEROS.value
        assert not dialog.signed_in.isVisible() and dialog.signed_in.text() == ""
        qtbot.keyClick(dialog, Qt.Key_Escape)
    finally:
        close_window(win)


def test_the_dialog_offers_automatic_first_and_kerberos_without_a_password(qtbot):
    """A new account's method is Automatic; Kerberos (chosen from the keyboard) needs no password to Connect."""
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(None, keyring_ok=False)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    assert dlg.auth.currentData() == AuthType.AUTOMATIC.value
    assert dlg.auth.currentText() == "Automatic (as the server offers)"
    entered = []
    dlg.account_entered.connect(lambda acc, pw: entered.append((acc, pw)))
    for field, text in ((dlg.email, ALICE), (dlg.url, "https://mail.example.com/EWS/Exchange.asmx"),
                        (dlg.username, "alice")):
        field.setFocus()
        qtbot.keyClicks(field, text)
    dlg.auth.setFocus()
    qtbot.keyClick(dlg.auth, Qt.Key_End)  # the last: Kerberos
    assert dlg.auth.currentData() == AuthType.KERBEROS.value
    qtbot.keyClick(dlg.auth, Qt.Key_Return)  # Connect, with no password typed
    qtbot.waitUntil(lambda: bool(entered), timeout=5000)
    acc, password = entered[0]
    assert acc.auth_type == AuthType.KERBEROS and password == ""


def test_no_kerberos_ticket_is_said_in_the_window_without_a_password_prompt(qtbot, aloop, sandbox_factory, settings,
                                                                           kdc_realm, monkeypatch, tmp_path):
    sb = _sandbox(sandbox_factory, ("negotiate",), "require", kdc_realm)
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{tmp_path / 'no-ticket'}")  # the user's ccache: empty
    win, session = _window(qtbot, sb, settings, AuthType.AUTOMATIC)
    try:
        qtbot.waitUntil(lambda: "Kerberos ticket" in win.banner.text(), timeout=20000)
        assert "You have no Kerberos ticket: run kinit, or sign in to your desktop session again" in win.banner.text()
        assert "could not be read" not in win.banner.text()  # never "an unreadable reply"
        # nor the Drafts list's "Could not load Drafts: …" in front of the same words, once the list has tried
        qtbot.waitUntil(lambda: not win.drafts.model.loading, timeout=20000)
        assert not win.banner.text().startswith("Could not load"), win.banner.text()
        assert "Kerberos ticket" in win.banner.text()
        assert session.state == ConnectionState.AUTH_FAILED
        assert not win.flows.security.prompt  # a password would not help
        # do what it says: kinit (into the user's ccache, as the user's shell would), then the banner's Retry by
        # keys; the window signs in with the ticket, and the banner goes
        kdc_realm.kinit(tmp_path / "no-ticket")
        assert win.banner.retry_button.isVisible()
        win.banner.retry_button.setFocus()
        qtbot.keyClick(win.banner.retry_button, Qt.Key_Space)
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        qtbot.waitUntil(lambda: not win.banner.isVisible(), timeout=10000)
        assert win.status.state_label.accessibleDescription() == "Signed in with Kerberos as alice@DISPATCH.TEST"
    finally:
        close_window(win, session)
