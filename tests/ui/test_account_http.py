"""No password in clear text, in the window: the account dialog refuses an ``http://`` URL to another
host at the field (typed from the keyboard, Connect by Return), and a stored account with such a URL is
refused at start with the reason in the banner, without a name look-up or a connection. Loopback http
(the sandbox) is accepted. The rule itself: tests/test_plain_http.py.
"""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from app.domain.account import AccountConfig
from app.domain.models import ErrorKind
from app.storage import secrets
from app.storage.settings import Settings
from tests.helpers.backends import ALICE
from tests.helpers.windows import close_window

REMOTE_HTTP = "http://mail.example.com/EWS/Exchange.asmx"


@pytest.fixture
def dialog(qtbot):
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(None, keyring_ok=False)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    return dlg


def _type_account(qtbot, dlg, url: str, password: str = "pa55-word") -> None:
    for field, text in ((dlg.email, ALICE), (dlg.url, url), (dlg.username, "alice"), (dlg.password, password)):
        field.setFocus()
        field.clear()
        qtbot.keyClicks(field, text)
    dlg.url.setFocus()


@pytest.mark.parametrize("url, words", [
    (REMOTE_HTTP, ["https://", "clear text", "mail.example.com"]),
    ("http://127.0.0.1.evil.com/EWS/Exchange.asmx", ["clear text"]),
    ("https://alice:pw@mail.example.com/EWS/Exchange.asmx", ["user name or password"]),
])
def test_the_dialog_refuses_plain_http_to_another_host_at_the_field(qtbot, dialog, url, words):
    entered = []
    dialog.account_entered.connect(lambda acc, pw: entered.append((acc, pw)))
    _type_account(qtbot, dialog, url)
    qtbot.keyClick(dialog.url, Qt.Key_Return)  # Connect is the dialog's default button
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    text = dialog.error.text()
    for w in words:
        assert w in text, text
    assert dialog.url.property("invalid") is True and dialog.url.accessibleDescription() == dialog.url_problem()
    assert dialog.url.hasFocus()
    assert entered == [], "nothing emitted: no connection is tried"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled() and ok.text() == "Connect" and dialog.isVisible()
    # correcting the URL clears the mark; a loopback http URL is accepted and emitted
    dialog.url.selectAll()
    qtbot.keyClicks(dialog.url, "http://127.0.0.1:9/EWS/Exchange.asmx")
    assert not dialog.url.property("invalid")
    with qtbot.waitSignal(dialog.account_entered, timeout=5000) as sig:
        qtbot.keyClick(dialog.url, Qt.Key_Return)
    acc, pw = sig.args
    assert acc.ews_url == "http://127.0.0.1:9/EWS/Exchange.asmx" and pw == "pa55-word"
    assert not dialog.error.isVisible()


@pytest.mark.parametrize("url", ["https://mail.example.com/EWS/Exchange.asmx", "http://localhost:9/EWS/Exchange.asmx",
                                 "http://[::1]:9/EWS/Exchange.asmx"])
def test_the_dialog_accepts_https_and_loopback(qtbot, dialog, url):
    _type_account(qtbot, dialog, url)
    with qtbot.waitSignal(dialog.account_entered, timeout=5000) as sig:
        qtbot.keyClick(dialog.url, Qt.Key_Return)
    assert sig.args[0].ews_url == url and not dialog.url.property("invalid")


def test_a_stored_http_account_is_refused_at_start_with_the_reason(qtbot, aloop, tmp_path, fake_keyring,
                                                                   monkeypatch):
    """settings.json edited to plain http to another host, the password in the keyring: the window starts,
    says why in the banner, and never looks the host up nor connects."""
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    looked_up = []

    def getaddrinfo(host, *args, **kwargs):
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "blocked by the test")

    def connect(self, address):
        looked_up.append(address)
        raise ConnectionRefusedError("blocked by the test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    url = "http://mail.example.invalid/EWS/Exchange.asmx"
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(AccountConfig(email=ALICE, ews_url=url, username="alice"))
    assert secrets.store(ALICE, "alice", "pa55-word")
    win = MainWindow(settings=settings, keyring_ok=True)
    qtbot.addWidget(win)
    win.show()
    ctl = Controller(parse([]), win, settings)
    ctl.start()
    assert ctl._prompt is None, "the keyring had the password"
    qtbot.waitUntil(lambda: win.session is not None and win.session.last_error is not None, timeout=20000)
    qtbot.waitUntil(win.banner.isVisible, timeout=10000)
    text = win.banner.label.text()
    assert "https://" in text and "clear text" in text and "mail.example.invalid" in text, text
    assert win.session.last_error.kind == ErrorKind.INVALID_INPUT
    assert win.session.state.value != "connected"
    assert looked_up == [], "refused before any name look-up or connection"
    close_window(win)


def test_a_stored_http_account_without_a_password_is_refused_without_asking_for_one(
        qtbot, aloop, tmp_path, fake_keyring):
    """No password in the keyring: the window does not ask for one (it could only be sent in clear text);
    it says why the account cannot be used."""
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(AccountConfig(email=ALICE, ews_url="http://mail.example.invalid/EWS/Exchange.asmx",
                                       username="alice"))
    win = MainWindow(settings=settings, keyring_ok=True)
    qtbot.addWidget(win)
    win.show()
    ctl = Controller(parse([]), win, settings)
    ctl.start()
    try:
        assert ctl._prompt is None, "no password prompt for an account that cannot be used"
        qtbot.waitUntil(lambda: win.session is not None and win.session.last_error is not None, timeout=20000)
        assert win.session.last_error.kind == ErrorKind.INVALID_INPUT
        qtbot.waitUntil(win.banner.isVisible, timeout=10000)
        assert "clear text" in win.banner.label.text()
    finally:
        close_window(win)


def test_a_stored_graph_account_with_a_plain_http_graph_url_is_reported_and_never_used(
        qtbot, aloop, tmp_path, fake_keyring, screenshot_dir):
    """Issue 46: settings.json edited to name ``http://graph.evil.example/v1.0`` for a Microsoft 365 account.
    The settings are reported damaged at start (the banner and the status bar say why) and the session
    refuses the URL (kind INVALID_INPUT) before a token is asked for: no bearer token in clear text."""
    import json

    from app.app_main import Controller, watch_settings
    from app.cli import parse
    from app.domain.account import Backend
    from app.ui.window.main_window import MainWindow

    path = tmp_path / "config" / "settings.json"
    path.parent.mkdir()
    acc = AccountConfig(email=ALICE, ews_url="", username=ALICE, backend=Backend.GRAPH,
                        extra={"graph_url": "http://graph.evil.example/v1.0",
                               "graph_signin": {"client_id": "d15a7c40-0000-4000-8000-000000000001"}})
    path.write_text(json.dumps({"account": acc.to_json()}))
    settings = Settings(path)
    win = MainWindow(settings=settings, keyring_ok=True)
    qtbot.addWidget(win)
    win.show()
    watch_settings(win, settings)
    try:
        assert win.status.settings_notice.isVisible() and win.banner.isVisible()
        text = win.banner.label.text()
        assert "Microsoft Graph URL" in text and "clear text" in text and "graph.evil.example" in text, text
        ctl = Controller(parse([]), win, settings)
        ctl.start()
        qtbot.waitUntil(lambda: win.session is not None and win.session.last_error is not None, timeout=20000)
        assert win.session.last_error.kind == ErrorKind.INVALID_INPUT
        assert "clear text" in win.session.last_error.message and win.session.state.value != "connected"
        win.grab().save(str(screenshot_dir / "graph-url-plain-http.png"))
    finally:
        close_window(win)
