"""Issue 50, the Microsoft 365 page by keys: the application ID explained up front with "Copy the
registration steps" (Alt+S), the organisation's defaults prefilled (the user types only the address), a bad
defaults file said on the page, the Graph URL in the Advanced part, and the fingerprint question for a sign-in
authority whose certificate the system does not trust (the sandbox's, self-made).

Everything is real - the dialog, the window's Controller, MSAL against the sandbox's authority over HTTPS,
the loopback listener, Graph over httpx - except the system browser (tests/helpers/m365.py: BrowserUser)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.core.accounts.session import ConnectionState
from app.domain.account import Backend
from app.domain.m365 import registration_steps
from app.storage.settings import Settings, same_fingerprint
from tests.helpers.heard import Heard
from tests.helpers.keys import mnemonic
from tests.helpers.m365 import CLIENT_ID, BrowserUser, signin_window
from tests.helpers.windows import close_window

ALICE = "alice@example.com"


def deploy(home, doc) -> None:
    """What an administrator deploys: the per-user defaults file in the config folder ($DISPATCH_HOME/config)."""
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "defaults.json").write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")


def open_m365(qtbot, win):
    win.edit_account(kind="m365")
    dlg = win.account_dialog
    qtbot.waitUntil(lambda: dlg.isVisible(), timeout=5000)
    qtbot.waitExposed(dlg)
    focus_in(qtbot, dlg)
    return dlg


def focus_in(qtbot, dlg) -> None:
    """The dialog holds the keyboard (as when the user opens it)."""
    dlg.activateWindow()
    dlg.m365.email.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.m365.email, timeout=5000)


def test_defaults_prefilled_type_only_the_address_trust_the_authority_by_fingerprint_and_connect(
        qtbot, aloop, sandbox_factory, tmp_path, fake_keyring, monkeypatch, screenshot_dir):
    home = tmp_path / "dispatch-home"
    monkeypatch.setenv("DISPATCH_HOME", str(home))
    sb = sandbox_factory(graph=True)
    # the organisation's defaults: its application ID, its authority (the sandbox's) and Graph URL; no cert file
    deploy(home, {"client_id": CLIENT_ID, "authority": sb.authority.authority_url, "graph_url": sb.graph_url})
    user = BrowserUser(sb, monkeypatch)
    settings = Settings(home / "config" / "settings.json")
    win, ctl = signin_window(qtbot, settings)
    dlg = open_m365(qtbot, win)
    heard = Heard(win.announcer)
    panel = dlg.m365
    assert panel.client_id.text() == CLIENT_ID and panel.authority.text() == sb.authority.authority_url
    assert panel.graph_url.text() == sb.graph_url and not panel.defaults_error.isVisible()
    assert "administrator registers Dispatch once" in panel.explained.text()
    # the registration steps, by keys, on the clipboard as plain text
    QGuiApplication.clipboard().clear()
    mnemonic(qtbot, Qt.Key_S, until=lambda: QGuiApplication.clipboard().text() == registration_steps())
    assert "registration steps are on the clipboard" in panel.status.text()
    assert heard.said == [(panel.status.text(), False)]
    # the user types only the address, and Enter
    panel.email.setFocus()
    qtbot.keyClicks(panel.email, ALICE)
    qtbot.keyClick(panel.email, Qt.Key_Return)
    # the authority's certificate is not trusted by the system: the question, with its fingerprint
    qtbot.waitUntil(lambda: panel.state == "trust" and panel.trust_button.isVisible(), timeout=20000)
    assert same_fingerprint(panel.fingerprint, sb.authority.cert_sha256)
    said = " ".join(panel.status.text().split())
    assert panel.fingerprint[:48] + " " + panel.fingerprint[48:] in said and "is not trusted" in said
    assert heard.said[-1] == (said, True), "the question, assertively, as plain words"
    assert user.opened == [] and not sb.authority.request_log, "nothing sent before the user decides"
    dlg.grab().save(str(screenshot_dir / "m365-page-trust-authority.png"))
    mnemonic(qtbot, Qt.Key_T, until=lambda: bool(user.opened))
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    assert not user.errors, user.errors
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED
                    and win.session.account.email == ALICE, timeout=30000)
    stored = settings.account()
    assert stored.backend == Backend.GRAPH and stored.extra["graph_url"] == sb.graph_url
    assert same_fingerprint(stored.extra["graph_signin"]["authority_pin_sha256"], sb.authority.cert_sha256)
    assert "authority_cert" not in stored.extra["graph_signin"] or not stored.extra["graph_signin"]["authority_cert"]
    close_window(win)


def test_a_bad_defaults_file_is_said_on_the_page_and_the_fields_stay_free(qtbot, aloop, tmp_path, monkeypatch,
                                                                          screenshot_dir):
    home = tmp_path / "dispatch-home"
    monkeypatch.setenv("DISPATCH_HOME", str(home))
    deploy(home, {"client_id": CLIENT_ID, "client_secret": "do-not-show"})
    opened = []
    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", opened.append)
    win, ctl = signin_window(qtbot, Settings(home / "config" / "settings.json"))
    dlg = open_m365(qtbot, win)
    panel = dlg.m365
    assert panel.defaults_error.isVisible()
    said = panel.defaults_error.text()
    assert str(home / "config" / "defaults.json") in said and "client_secret" in said and "do-not-show" not in said
    assert panel.client_id.text() == ""  # nothing of the refused file
    assert dlg.height() >= dlg.layout().heightForWidth(dlg.width()), "the error squeezes nothing"
    dlg.grab().save(str(screenshot_dir / "m365-page-bad-defaults.png"))
    panel.client_id.setFocus()
    qtbot.keyClicks(panel.client_id, CLIENT_ID)
    assert panel.client_id.text() == CLIENT_ID
    close_window(win)


def test_the_graph_url_is_in_the_advanced_part_follows_the_authority_and_is_checked(qtbot, aloop, tmp_path,
                                                                                   monkeypatch):
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "dispatch-home"))
    opened = []
    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", opened.append)
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(None, kind="m365")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    focus_in(qtbot, dlg)
    panel = dlg.m365
    assert not panel.graph_url.isVisible()  # collapsed by default
    panel.authority.setFocus()
    qtbot.keyClicks(panel.authority, "https://login.microsoftonline.us/contoso.onmicrosoft.us")
    mnemonic(qtbot, Qt.Key_V, until=panel.graph_url.isVisible)
    assert panel.graph_url.placeholderText() == "https://graph.microsoft.us/v1.0"
    for field, text in ((panel.email, ALICE), (panel.client_id, CLIENT_ID), (panel.graph_url, "https://graph.evil.example/v1.0")):
        field.setFocus()
        qtbot.keyClicks(field, text)
    panel.browser_button.setFocus()
    qtbot.keyClick(panel.browser_button, Qt.Key_Return)
    assert panel.state == "failed" and "none of Microsoft's Graph hosts" in panel.status.text()
    assert opened == []
    panel.graph_url.clear()
    qtbot.keyClicks(panel.graph_url, "https://dod-graph.microsoft.us/v1.0")
    assert panel.problems() == []
    acc = panel.account()
    assert acc.extra["graph_url"] == "https://dod-graph.microsoft.us/v1.0"
    assert acc.extra["graph_signin"]["authority"] == "https://login.microsoftonline.us/contoso.onmicrosoft.us"


def test_a_stored_account_whose_sign_in_server_changed_certificate_asks_in_the_window_then_signs_in(
        qtbot, aloop, sandbox_factory, tmp_path, fake_keyring, monkeypatch, screenshot_dir):
    """The window's banner asks the same question for a Microsoft 365 account's sign-in authority as for an
    EWS server: the fingerprint, Trust (Alt+T); trusting pins it in the account's sign-in settings (saved),
    MSAL is built again around exactly that certificate, and the account goes on to its sign-in."""
    from tests.helpers.m365 import m365_account

    sb = sandbox_factory(graph=True)
    acc = m365_account(sb)
    del acc.extra["graph_signin"]["authority_cert"]  # a real tenant's authority: the system's trust only
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(acc)
    win, ctl = signin_window(qtbot, settings)
    ctl.start()
    qtbot.waitUntil(lambda: win.banner.isVisible() and "sign-in server's certificate is not trusted" in win.banner.text(), timeout=20000)
    text = win.banner.text()
    assert same_fingerprint(win.flows.security.fingerprint, sb.authority.cert_sha256)
    assert win.flows.security.fingerprint in text and sb.authority.url.split("//")[1] in text
    assert not sb.authority.request_log, "nothing sent to the authority before the user decides"
    win.grab().save(str(screenshot_dir / "m365-window-trust-authority.png"))
    win.banner.accept_button.setFocus()
    qtbot.keyClick(win.banner.accept_button, Qt.Key_Space)
    # trusted: MSAL reaches the authority with that certificate; no sign-in is held yet, so the prompt asks
    qtbot.waitUntil(lambda: win.flows.security.prompt is not None and win.flows.security.prompt.isVisible(),
                    timeout=20000)
    assert sb.authority.request_log, "MSAL reached the authority through the pinned certificate"
    stored = settings.account()
    assert same_fingerprint(stored.extra["graph_signin"]["authority_pin_sha256"], sb.authority.cert_sha256)
    close_window(win)


def test_the_sign_in_again_prompt_asks_about_the_certificate_and_the_session_keeps_the_choice(
        qtbot, aloop, sandbox_factory, tmp_path, fake_keyring, monkeypatch):
    """The "sign in again" prompt shows the same panel: an untrusted sign-in server is asked about there too;
    once trusted and signed in, the session's account adopts the pin (saved) and connects through it."""
    from tests.helpers.m365 import m365_account

    sb = sandbox_factory(graph=True)
    user = BrowserUser(sb, monkeypatch)
    acc = m365_account(sb)
    del acc.extra["graph_signin"]["authority_cert"]
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(acc)
    win, ctl = signin_window(qtbot, settings)
    ctl.start()
    qtbot.waitUntil(lambda: win.banner.isVisible() and "is not trusted" in win.banner.text(), timeout=20000)
    win.flows.security.ask_sign_in(win.session)  # the user signs in again from the prompt instead
    prompt = win.flows.security.prompt
    qtbot.waitUntil(prompt.isVisible, timeout=5000)
    qtbot.keyClick(prompt.panel.browser_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: prompt.panel.state == "trust" and prompt.panel.trust_button.isVisible(), timeout=20000)
    assert same_fingerprint(prompt.panel.fingerprint, sb.authority.cert_sha256) and user.opened == []
    qtbot.keyClick(prompt.panel.trust_button, Qt.Key_Space)
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    assert not user.errors, user.errors
    qtbot.waitUntil(lambda: win.session.state == ConnectionState.CONNECTED, timeout=30000)
    assert same_fingerprint(win.session.account.extra["graph_signin"]["authority_pin_sha256"], sb.authority.cert_sha256)
    assert same_fingerprint(settings.account().extra["graph_signin"]["authority_pin_sha256"], sb.authority.cert_sha256)
    close_window(win)
