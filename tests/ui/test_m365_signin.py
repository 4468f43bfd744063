"""Microsoft 365 in the window: the account dialog's "Microsoft 365 (sign in with Microsoft)", the "sign in
again" prompt, the token cache in the keyring, and the sandbox mailbox through Graph.

Everything is real - the window, the Controller, MSAL against the sandbox's authority over HTTPS, the app's
loopback listener, GraphMailService over httpx against the sandbox's Graph - except the system browser,
which cannot run here: ``app.ui.accounts.m365_signin.open_in_browser`` is replaced by a plain HTTP client that does
what the user does on the authority's page (signs in, approves) and posts the page's answer to the app's
loopback redirect (the README names this stand-in)."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtWidgets import QApplication
from PySide6.QtCore import Qt

from app.core.accounts.session import ConnectionState
from app.domain.account import Backend
from app.domain.models import Draft, Recipient
from app.storage import secrets
from app.storage.settings import Settings
from tests.authority.helpers import browser, form_of, sign_in
from tests.helpers.compose import type_message
from tests.helpers.heard import Heard
from tests.helpers.keys import CTRL, key
from tests.helpers.m365 import CLIENT_ID, m365_account, signin_window
from tests.helpers.status_bar import record_messages
from tests.helpers.windows import close_window, wait_idle, wait_task

ALICE, BOB = "alice@example.com", "bob@example.com"
class Browser:
    """The system browser's stand-in: for each URL the app opens, the user's steps on the authority's page
    (as ``login``, with ``password``), then the page's form post to the app's loopback redirect."""

    def __init__(self, sb, monkeypatch, login=ALICE, password="alice-sandbox-pw"):
        self.sb, self.login, self.password = sb, login, password
        self.opened: list[str] = []
        self.done = threading.Event()
        self.errors: list[BaseException] = []
        monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", self.open)

    def open(self, url: str) -> bool:
        self.opened.append(url)
        threading.Thread(target=self._user, args=(url,), daemon=True).start()
        return True

    def _user(self, url: str) -> None:
        import httpx

        try:
            with browser(self.sb.authority) as b:
                answer = sign_in(b, url, self.login, self.password)
            target, fields = form_of(answer.text)
            with httpx.Client(trust_env=False, timeout=20) as plain:
                plain.post(target, data=fields)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.errors.append(exc)
        finally:
            self.done.set()


def _connected(win):
    return win.session is not None and win.session.state == ConnectionState.CONNECTED


def test_a_stored_m365_account_asks_to_sign_in_then_sends_and_a_restart_needs_no_sign_in(
        qtbot, aloop, sandbox_factory, tmp_path, fake_keyring, monkeypatch, screenshot_dir):
    sb = sandbox_factory(graph=True)
    user = Browser(sb, monkeypatch)
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(m365_account(sb))
    win, ctl = signin_window(qtbot, settings)
    heard = Heard(win.announcer)
    ctl.start()
    # no sign-in held: the window says so with the non-modal prompt (no password field anywhere)
    qtbot.waitUntil(lambda: win.flows.security.prompt is not None and win.flows.security.prompt.isVisible(), timeout=20000)
    prompt = win.flows.security.prompt
    assert prompt.panel.email.text() == ALICE and prompt.panel.email.isReadOnly()
    assert "Sign in to Microsoft 365 again" in prompt.reason.text()
    prompt.grab().save(str(screenshot_dir / "m365-sign-in-prompt.png"))
    qtbot.keyClick(prompt.panel.browser_button, Qt.Key_B, Qt.AltModifier)
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    assert not user.errors, user.errors
    assert user.opened and user.opened[0].startswith(sb.authority.authority_url + "/oauth2/v2.0/authorize?")
    qtbot.waitUntil(lambda: _connected(win), timeout=20000)
    assert not prompt.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)  # the keyboard is back in the window
    signin = [w for w in heard.words() if "sign" in w.lower()]  # the prompt's panel speaks through the window
    assert signin[signin.index("Starting the sign-in…"):][-1] == f"Signed in as {ALICE}. Connecting…", heard.said
    assert "token:authorization_code" in sb.authority.request_log
    # the token cache is in the keyring, nothing of it in the settings file
    cache_keys = [k for k in fake_keyring.store if "graph-token-cache" in k[1]]
    assert cache_keys, fake_keyring.store.keys()
    blob = "".join(v for k, v in fake_keyring.store.items() if "graph-token-cache" in k[1])
    assert "refresh_token" in blob.lower() or "RefreshToken" in blob
    assert "RefreshToken" not in settings.path.read_text() and "eyJ" not in settings.path.read_text()
    # the account works: Ctrl+Return sends over Graph
    type_message(qtbot, win, to=BOB, cc="", bcc="", subject="Hello over Graph", body="Signed in with Microsoft.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    wait_idle(qtbot, win)
    assert "graph:SendMessage" in sb.request_log, sb.request_log[-10:]
    qtbot.waitUntil(lambda: [d["subject"] for d in sb.mailbox(BOB).items("inbox")] == ["Hello over Graph"],
                    timeout=20000)
    close_window(win)
    # a restart: the keyring's sign-in is used, no prompt, no new authorization
    codes = sb.authority.request_log.count("token:authorization_code")
    from app.core.accounts import services as accounts

    accounts._signins.clear()  # a new process holds no sign-in object
    win2, ctl2 = signin_window(qtbot, Settings(settings.path))
    ctl2.start()
    qtbot.waitUntil(lambda: _connected(win2), timeout=20000)
    assert win2.flows.security.prompt is None
    assert sb.authority.request_log.count("token:authorization_code") == codes
    close_window(win2)


def test_the_account_dialog_signs_in_to_microsoft_365_by_keys(qtbot, aloop, sandbox_factory, tmp_path, fake_keyring,
                                                               monkeypatch, screenshot_dir):
    sb = sandbox_factory(graph=True)
    user = Browser(sb, monkeypatch, login=BOB, password="bob-sandbox-pw")
    settings = Settings(tmp_path / "config" / "settings.json")
    win, ctl = signin_window(qtbot, settings)
    # the session's account carries the tenant's overrides; the dialog opens on it
    win.session = None
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(win, m365_account(sb, email=ALICE))
    win.account_dialog = dlg
    dlg.account_entered.connect(win.account_entered)
    dlg.open()
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    assert dlg.is_m365() and dlg.kind.currentText().startswith("Microsoft 365")
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isVisible()  # the panel's buttons sign in
    panel = dlg.m365
    panel.email.setText(BOB)
    dlg.grab().save(str(screenshot_dir / "account-dialog-m365.png"))
    qtbot.keyClick(panel.browser_button, Qt.Key_Return)  # Enter on the focused, default button
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    assert not user.errors, user.errors
    qtbot.waitUntil(lambda: _connected(win) and win.session.account.email == BOB, timeout=20000)
    assert not dlg.isVisible()
    stored = settings.account()
    assert stored.backend == Backend.GRAPH and stored.email == BOB
    assert stored.extra["graph_signin"]["client_id"] == CLIENT_ID
    assert not any(k[1].startswith(secrets._key(BOB, BOB)) for k in fake_keyring.store), "no password stored"
    saved = wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(ALICE)], subject="From Bob", body="x")))
    assert saved.ref is not None
    assert [d["subject"] for d in sb.mailbox(BOB).items("drafts")] == ["From Bob"]
    close_window(win)


def test_a_refused_consent_is_said_in_the_dialog_and_changes_nothing(qtbot, aloop, sandbox_factory, tmp_path,
                                                                     fake_keyring, monkeypatch):
    sb = sandbox_factory(graph=True)
    user = Browser(sb, monkeypatch, password="wrong-password")
    settings = Settings(tmp_path / "config" / "settings.json")
    win, ctl = signin_window(qtbot, settings)
    from app.ui.accounts.account_dialog import AccountDialog

    heard = Heard(win.announcer)
    dlg = AccountDialog(win, m365_account(sb), announcer=win.announcer)
    dlg.account_entered.connect(win.account_entered)
    dlg.open()
    panel = dlg.m365
    panel.start("browser")
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    # the wrong password never reaches the loopback; the user cancels, as they would close the tab
    qtbot.waitUntil(lambda: panel.state == "browser" and panel.cancel_button.isVisible(), timeout=10000)
    qtbot.keyClick(panel.cancel_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.state == "idle", timeout=10000)
    assert "cancelled" in panel.status.text()
    assert heard.said[-1] == ("Sign-in cancelled.", False) and heard.once("Sign-in cancelled.", False)
    assert panel.browser_button.isEnabled() and dlg.isVisible()
    assert settings.account() is None and win.session is None
    close_window(win)


def test_no_application_id_is_a_clear_error_before_any_sign_in(qtbot, aloop, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", opened.append)
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(None, kind="m365")
    qtbot.addWidget(dlg)
    dlg.m365.email.setText(ALICE)
    dlg.m365.start("browser")
    assert dlg.m365.state == "failed" and "application (client) ID" in dlg.m365.status.text()
    assert opened == []


def test_the_sandbox_mailbox_through_graph(qtbot, aloop, tmp_path, monkeypatch):
    """"Try it with the sandbox mailbox (Graph)": the sandbox serves Graph and its authority; Dispatch signs in
    with MSAL (auth code + PKCE, loopback) as the sandbox's user and sends through Graph."""
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "home"))
    settings = Settings(tmp_path / "config" / "settings.json")
    win, ctl = signin_window(qtbot, settings)
    win.edit_account(kind="m365")
    dlg = win.account_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    dlg.sandbox_graph_button.setFocus()
    qtbot.keyClick(dlg.sandbox_graph_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: _connected(win), timeout=30000)
    acc = win.session.account
    assert acc.sandbox and acc.backend == Backend.GRAPH and acc.key == "sandbox:graph:" + ALICE
    assert settings.account().backend == Backend.GRAPH and settings.account().sandbox
    sb = win.session.demo.sandbox
    assert "token:authorization_code" in sb.authority.request_log
    saved = wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(BOB)], subject="Sandbox Graph", body="x")))
    assert saved.ref is not None
    assert "graph:CreateMessage" in sb.request_log
    close_window(win)


def test_device_code_sign_in_shows_the_code_with_copy_and_completes(qtbot, aloop, sandbox_factory, tmp_path,
                                                                    fake_keyring, monkeypatch, screenshot_dir):
    """The fallback: the code and the address to enter it at, a Copy button; the user approves on another
    device (here: a plain HTTP client on the authority's device page) and the dialog carries on by itself."""
    from PySide6.QtGui import QGuiApplication

    from tests.authority.helpers import submit

    opened = []
    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", opened.append)
    sb = sandbox_factory(graph=True)
    settings = Settings(tmp_path / "config" / "settings.json")
    win, ctl = signin_window(qtbot, settings)
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(win, m365_account(sb))
    win.account_dialog = dlg
    dlg.account_entered.connect(win.account_entered)
    dlg.open()
    panel = dlg.m365
    qtbot.keyClick(panel.code_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.state == "device" and panel.code.isVisible() and bool(panel.code.text()), timeout=20000)
    assert f"{sb.authority.url}/devicelogin" in panel.status.text() and opened == []
    dlg.grab().save(str(screenshot_dir / "account-dialog-device-code.png"))
    qtbot.keyClick(panel.copy_button, Qt.Key_Space)
    assert QGuiApplication.clipboard().text() == panel.code.text()
    with browser(sb.authority) as b:
        page = b.get(f"{sb.authority.url}/devicelogin")
        assert "signed in" in submit(b, page, user_code=panel.code.text(), login=ALICE, password="alice-sandbox-pw",
                                     action="approve").text
    qtbot.waitUntil(lambda: _connected(win) and win.session.account.email == ALICE, timeout=30000)
    assert "token:device_code" in sb.authority.request_log and not dlg.isVisible()
    close_window(win)


def test_an_ews_account_that_exchange_online_blocks_is_offered_microsoft_365(qtbot, aloop, sandbox_factory, tmp_path,
                                                                             screenshot_dir):
    """Exchange Online's EWS block (HTTP 403 with X-EWS-Policy-Reason): no password prompt (a password would
    not help); the banner says what happened and offers Microsoft 365 sign-in for the same address."""
    from tests.helpers.windows import open_window

    sb = sandbox_factory(graph=True)
    sb.set_ews(ALICE, False)
    settings = Settings(tmp_path / "config" / "settings.json")
    win, session = open_window(qtbot, sb, settings)
    qtbot.waitUntil(lambda: win.banner.isVisible() and "no longer accepts EWS" in win.banner.text(), timeout=20000)
    text = win.banner.text()
    assert ALICE in text and "EWS is disabled for this user or tenant" in text and "nothing waiting" in text
    assert win.flows.security.prompt is None, "no password prompt for a blocked mailbox"
    assert session.state == ConnectionState.AUTH_FAILED
    win.grab().save(str(screenshot_dir / "ews-blocked-offer.png"))
    assert "Microsoft 365" in win.banner.accept_button.text()
    qtbot.keyClick(win.banner.accept_button, Qt.Key_Space)
    dlg = win.account_dialog
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=5000)
    assert dlg.is_m365() and dlg.m365.email.text() == ALICE
    dlg.reject()
    close_window(win, session)


def test_mail_parked_by_the_ews_block_goes_out_once_through_microsoft_365(qtbot, aloop, sandbox_factory, tmp_path,
                                                                          fake_keyring, monkeypatch):
    """The whole switch by keys: EWS blocked mid-session, a send parks (not failed); the banner's Sign in with
    Microsoft 365, the browser sign-in; the parked message is handed over to the Graph account and delivered
    exactly once."""
    from app.app_main import Controller
    from app.cli import parse
    from app.domain.models import Folder
    from app.core.accounts.session import Session
    from tests.helpers.windows import account_for, make_window

    sb = sandbox_factory(graph=True)
    user = Browser(sb, monkeypatch)
    settings = Settings(tmp_path / "config" / "settings.json")
    acc, pw = account_for(sb, ALICE)
    acc.sandbox = False  # an Exchange account: its key names its EWS URL
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings)
    qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
    Controller(parse([]), win, settings)
    sb.set_ews(ALICE, False)
    type_message(qtbot, win, to=BOB, cc="", bcc="", subject="Parked by the block", body="Still goes out.")
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: win.banner.isVisible() and "no longer accepts EWS" in win.banner.text(), timeout=20000)
    outbox = session.outbox
    qtbot.waitUntil(lambda: any(r.subject == "Parked by the block" for r in outbox.rows()), timeout=10000)
    assert "graph:SendMessage" not in sb.request_log and "SendItem" not in sb.request_log
    qtbot.keyClick(win.banner.accept_button, Qt.Key_Space)
    dlg = win.account_dialog
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible() and dlg.is_m365(), timeout=5000)
    panel = dlg.m365
    assert panel.email.text() == ALICE
    panel.client_id.setText(CLIENT_ID)  # the tenant's registration; the sandbox's authority and Graph:
    panel.authority.setText(sb.authority.authority_url)
    panel._extra = {"graph_url": sb.graph_url, "graph_signin": {"authority_cert": sb.authority.cert_path}}
    said = record_messages(win)
    qtbot.keyClick(panel.browser_button, Qt.Key_Return)
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    assert not user.errors, user.errors
    qtbot.waitUntil(lambda: _connected(win) and win.session.account.backend == Backend.GRAPH, timeout=30000)
    assert any("1 message waiting to be sent" in m and "Microsoft 365" in m for m in said), said
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: [m["subject"] for m in sb.mailbox(BOB).items("inbox")] == ["Parked by the block"],
                    timeout=20000)
    sb.outbox.wait_idle(5)
    assert [m["subject"] for m in sb.mailbox(BOB).items("inbox")] == ["Parked by the block"]
    assert [m["subject"] for m in sb.mailbox(ALICE).items(Folder.SENT.value)] == ["Parked by the block"]
    assert sb.mailbox(ALICE).items("drafts") == []
    assert win.session.outbox.queue.pending_sends() == 0
    close_window(win)


@pytest.mark.parametrize("authority, words", [
    ("https://admin:pw@login.evil.example/organizations", "user name or password"),
    ("http://login.evil.example/organizations", "clear text"),
])
def test_a_sign_in_authority_that_would_carry_the_sign_in_unsafely_is_refused_at_the_field(
        qtbot, aloop, monkeypatch, authority, words):
    """Issue 46: the authority typed in the dialog follows the one rule of every secret-carrying URL
    (app.domain.validation.check_secret_url): nothing is opened and no sign-in starts."""
    opened = []
    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", opened.append)
    from app.ui.accounts.account_dialog import AccountDialog

    dlg = AccountDialog(None, kind="m365")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    panel = dlg.m365
    for field, text in ((panel.email, ALICE), (panel.client_id, CLIENT_ID), (panel.authority, authority)):
        field.setFocus()
        qtbot.keyClicks(field, text)
    panel.browser_button.setFocus()
    qtbot.keyClick(panel.browser_button, Qt.Key_Return)
    assert panel.state == "failed" and words in panel.status.text(), panel.status.text()
    assert opened == []


# ---- a screen reader hears the sign-in's steps (polite) and a failure (assertive) -----------------------------------
def _dialog_heard(qtbot, win, account):
    """The account dialog as the window builds it (with the window's announcer), and what it says from now on."""
    from app.ui.accounts.account_dialog import AccountDialog

    heard = Heard(win.announcer)
    dlg = AccountDialog(win, account, announcer=win.announcer)
    win.account_dialog = dlg
    dlg.account_entered.connect(win.account_entered)
    dlg.open()
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    return dlg, heard


def test_the_browser_sign_in_says_each_step_once(qtbot, aloop, sandbox_factory, tmp_path, fake_keyring, monkeypatch):
    sb = sandbox_factory(graph=True)
    user = Browser(sb, monkeypatch, login=BOB, password="bob-sandbox-pw")
    win, ctl = signin_window(qtbot, Settings(tmp_path / "config" / "settings.json"))
    dlg, heard = _dialog_heard(qtbot, win, m365_account(sb, email=BOB))
    qtbot.keyClick(dlg.m365.browser_button, Qt.Key_Return)
    qtbot.waitUntil(user.done.is_set, timeout=20000)
    qtbot.waitUntil(lambda: _connected(win), timeout=20000)
    steps = [("Starting the sign-in…", False),
             ("Finish signing in in your browser: Dispatch carries on by itself. If no browser opened, use a code "
              "instead.", False),
             (f"Signed in as {BOB}. Connecting…", False)]
    assert heard.said[:3] == steps, heard.said
    assert all(heard.once(w, loud) for w, loud in steps)
    close_window(win)


def test_the_device_code_is_said_with_the_code_and_a_refusal_assertively(qtbot, aloop, sandbox_factory, tmp_path,
                                                                         fake_keyring, monkeypatch):
    from tests.authority.helpers import submit

    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", lambda url: True)
    sb = sandbox_factory(graph=True)
    win, ctl = signin_window(qtbot, Settings(tmp_path / "config" / "settings.json"))
    dlg, heard = _dialog_heard(qtbot, win, m365_account(sb))
    panel = dlg.m365
    qtbot.keyClick(panel.code_button, Qt.Key_Space)
    qtbot.waitUntil(lambda: panel.state == "device" and bool(panel.code.text()), timeout=20000)
    code = panel.code.text()
    assert heard.said == [("Starting the sign-in…", False),
                          (f"Go to {sb.authority.url}/devicelogin on any device and enter the code {code}. Dispatch "
                           "carries on by itself once you have signed in there.", False)]
    qtbot.keyClick(panel.copy_button, Qt.Key_Space)
    assert heard.said[-1] == ("Code copied", False)
    with browser(sb.authority) as b:  # the user says no on the other device
        submit(b, b.get(f"{sb.authority.url}/devicelogin"), user_code=code, login=ALICE, password="alice-sandbox-pw",
               action="deny")
    qtbot.waitUntil(lambda: panel.state == "failed", timeout=30000)
    assert heard.said[-1] == (panel.status.text(), True) and panel.status.text().startswith("Not signed in: ")
    assert heard.once(panel.status.text(), True)
    close_window(win)


def test_a_sign_in_that_cannot_start_says_why_assertively(qtbot, aloop, tmp_path, monkeypatch):
    monkeypatch.setattr("app.ui.accounts.m365_signin.open_in_browser", lambda url: True)
    win, ctl = signin_window(qtbot, Settings(tmp_path / "config" / "settings.json"))
    dlg, heard = _dialog_heard(qtbot, win, None)
    dlg.kind.setCurrentIndex(1)
    panel = dlg.m365
    panel.client_id.clear()
    panel.email.setFocus()
    qtbot.keyClicks(panel.email, ALICE)
    qtbot.keyClick(panel.email, Qt.Key_Return)  # Return signs in with the browser
    assert panel.state == "failed"
    assert heard.said == [(panel.status.text(), True)]
    assert panel.status.text().startswith("Enter the application (client) ID")
    close_window(win)
