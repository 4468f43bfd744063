"""Find server (issue 50) by keys: the real window, controller and account dialog; the real Autodiscover
client on a worker thread against the sandbox's Autodiscover over https (its self-made certificate trusted
explicitly; every name mapped to loopback by the injected resolver, no real DNS); then the real connect."""

from __future__ import annotations

import ssl

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.accounts.session import ConnectionState
from app.mail.ews.autodiscover import AutodiscoverTransport, MappedResolver
from app.storage.settings import Settings
from tests.helpers.keys import ALT, focused, press
from tests.helpers.backends import ALICE
from tests.helpers.heard import Heard, read_as_alert
from app.ui.common.announce import Announcer
from tests.helpers.windows import close_window


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(autodiscover=True, autodiscover_names=("mail.example.com",))


@pytest.fixture
def opened(qtbot, aloop, sb, tmp_path):
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    settings = Settings(tmp_path / "config" / "settings.json")
    win = MainWindow(settings=settings, keyring_ok=False)
    qtbot.addWidget(win)
    win.show()
    Controller(parse([]), win, settings)
    win.welcome.exchange_button.click()
    dlg = win.account_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    ctx = ssl.create_default_context(cafile=sb.autodiscover.cert_path)
    dlg.find.transport = AutodiscoverTransport(MappedResolver(sb.autodiscover.hosts()), ctx, timeout=10)
    dlg.activateWindow()
    yield win, dlg, settings
    close_window(win)


def _type_address_and_password(qtbot, dlg, sb, address=ALICE, password=None):
    password = password or next(u["password"] for u in sb.accounts if u["email"] == address)
    dlg.email.setFocus()
    qtbot.keyClicks(dlg.email, address)
    dlg.password.setFocus()
    qtbot.keyClicks(dlg.password, password)


def test_address_and_password_find_the_server_and_connect(qtbot, opened, sb, screenshot_dir):
    win, dlg, settings = opened
    _type_address_and_password(qtbot, dlg, sb)
    assert dlg.url.text() == "" and dlg.find.button.isDefault(), "Find server is the default while the URL is empty"
    press(qtbot, Qt.Key_F, ALT)  # Find server
    qtbot.waitUntil(lambda: dlg.find.also_send.isVisible(), timeout=15000)
    steps = dlg.find.step_texts()
    assert steps[0].startswith("✗ https://example.com/autodiscover/autodiscover.xml")
    assert steps[-1].startswith("✓ https://autodiscover.example.com/autodiscover/autodiscover.xml")
    assert dlg.url.text() == sb.ews_url
    assert "Shared Desk <desk@example.com>" in dlg.find.also_send.text()
    assert focused() is dlg.find.also_send and dlg.buttons.button(dlg.buttons.StandardButton.Ok).isDefault()
    dlg.grab().save(str(screenshot_dir / "account-find-server.png"))
    press(qtbot, Qt.Key_Space)  # send from the desk too
    press(qtbot, Qt.Key_Return)  # Connect
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED,
                    timeout=20000)
    acc = settings.account()
    assert acc.email == ALICE and acc.ews_url == sb.ews_url
    assert [(p.email, p.right.value) for p in acc.principals] == [("desk@example.com", "send_as")]
    assert [r.user for r in sb.autodiscover.requests] == [ALICE, ALICE]


def test_found_without_mailboxes_to_choose_connects_at_once(qtbot, opened, sb):
    win, dlg, settings = opened
    carol = "carol@example.com"  # no Full Access anywhere: nothing to choose, Find server connects
    _type_address_and_password(qtbot, dlg, sb, carol)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED,
                    timeout=20000)
    assert settings.account().email == carol and settings.account().ews_url == sb.ews_url
    assert settings.account().principals == [] and not dlg.isVisible()


def test_a_question_before_the_password_goes_to_the_http_redirects_host(qtbot, opened, sb):
    win, dlg, settings = opened
    sb.autodiscover.set_case("autodiscover.example.com", "http_redirect",
                             to="https://mail.example.com/autodiscover/autodiscover.xml")
    sb.autodiscover.set_case("mail.example.com", "settings")
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_Return)  # Return finds the server while the URL is empty
    qtbot.waitUntil(lambda: dlg.find.prompt is not None and dlg.find.prompt.isVisible(), timeout=15000)
    prompt = dlg.find.prompt
    assert "mail.example.com" in prompt.text() and prompt.windowModality() == Qt.WindowModal
    assert "mail.example.com" not in [r.host for r in sb.autodiscover.requests if r.authorization]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_S, ALT)  # "Send to mail.example.com"
    qtbot.waitUntil(lambda: dlg.find.also_send.isVisible(), timeout=15000)
    assert dlg.url.text() == sb.ews_url
    assert [r.host for r in sb.autodiscover.requests if r.authorization][-1] == "mail.example.com"


def test_nothing_found_says_what_was_tried_and_the_keyboard_goes_to_the_url(qtbot, opened, sb):
    win, dlg, settings = opened
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=404)
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
    text = dlg.error.text()
    assert "https://example.com/autodiscover/autodiscover.xml" in text and "DNS SRV" in text
    assert "Type the EWS URL" in text
    assert focused() is dlg.url and win.session is None
    qtbot.keyClicks(dlg.url, sb.ews_url)  # the manual URL, one key away: Return connects now
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isDefault()
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED,
                    timeout=20000)


def test_exchange_online_goes_to_the_microsoft_365_page_with_the_address(qtbot, opened, sb):
    win, dlg, settings = opened
    sb.autodiscover.set_case("autodiscover.example.com", "exchange_online")
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.is_m365, timeout=15000)
    assert dlg.m365.email.text() == ALICE and dlg.m365.isVisible()
    assert win.session is None


@pytest.mark.parametrize("how", ["escape", "close the dialog"])
def test_no_to_the_question_or_closing_the_dialog_sends_no_password_there(qtbot, opened, sb, how):
    win, dlg, settings = opened
    sb.autodiscover.set_case("autodiscover.example.com", "http_redirect",
                             to="https://mail.example.com/autodiscover/autodiscover.xml")
    sb.autodiscover.set_case("mail.example.com", "settings")
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(lambda: dlg.find.prompt is not None and dlg.find.prompt.isVisible(), timeout=15000)
    if how == "escape":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)  # "Don't send"
        qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
        assert "not confirmed: nothing sent to mail.example.com" in dlg.error.text()
        assert dlg.focusWidget() is dlg.url
    else:
        dlg.reject()
        qtbot.waitUntil(lambda: not dlg.find.running(), timeout=15000)
        assert dlg.find.prompt is None and not dlg.error.isVisible()
    assert "mail.example.com" not in [r.host for r in sb.autodiscover.requests]
    assert win.session is None


# ---- issue 59, item 13: the dialog makes room for the failure; each URL named once -------------------------
def _failure_fits(qtbot, dlg, name, screenshot_dir):
    import re

    from tests.helpers.geometry import all_shown_whole, form_rows_apart, on_screen, settle

    text = dlg.error.text()
    urls = re.findall(r"https?://[^\s);,]+", text.replace(". Type", " Type"))
    assert len(urls) == len(set(urls)), f"a URL named twice: {text}"
    for width in (None, 683):  # the dialog's default size, then 683 px wide
        if width:  # widened as a user would, its left edge moved in so that it stays on the screen
            dlg.move(0, dlg.y())
            dlg.resize(width, dlg.height())
            qtbot.waitUntil(lambda: dlg.width() == width)
        settle()
        on_screen(dlg)
        form_rows_apart(dlg, dlg.form)  # E-mail, EWS URL, User name, Password, Authentication, TLS: none overlap
        all_shown_whole(dlg)  # the failure text, the note, the buttons: whole, inside the dialog
        dlg.grab().save(str(screenshot_dir / f"find-server-{name}-{width or 'default'}.png"))


@pytest.fixture(params=["light", "dark"])
def colour(request, monkeypatch):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", request.param)
    return request.param


def test_a_failed_search_has_room_and_names_each_url_once(qtbot, colour, opened, sb, screenshot_dir):
    win, dlg, settings = opened
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=404)
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
    _failure_fits(qtbot, dlg, f"404-{colour}", screenshot_dir)


def test_a_redirect_loop_is_readable_and_names_each_url_once(qtbot, colour, opened, sb, screenshot_dir):
    win, dlg, settings = opened
    a = "https://autodiscover.example.com/autodiscover/autodiscover.xml"
    b = "https://mail.example.com/autodiscover/autodiscover.xml"
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_url", to=b)
    sb.autodiscover.set_case("mail.example.com", "redirect_url", to=a)
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.error.isVisible, timeout=15000)  # (both hosts are in the typed domain: nothing asked)
    text = dlg.error.text()
    assert "more than 10 redirects" in text and f"{a} (redirects, 6 times)" in text, text
    _failure_fits(qtbot, dlg, f"loop-{colour}", screenshot_dir)



# ---- a screen reader hears each step once, the result, and a failure with its reason --------------------------
def _hear_every_time(dlg) -> Heard:
    """The search's words through an announcer whose clock moves 10 s a call: its own "not twice within 2 s"
    hides no repeat, so a step said twice shows."""
    now = [0.0]

    def clock():
        now[0] += 10
        return now[0]

    dlg.find.announcer = Announcer(dlg, clock=clock)
    return Heard(dlg.find.announcer)


def test_each_step_is_said_once_then_the_server_found(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = Heard(win.announcer)
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(lambda: dlg.find.also_send.isVisible(), timeout=15000)
    assert heard.said == [
        ("Finding the server…", False),
        ("Tried https://example.com/autodiscover/autodiscover.xml: no Autodiscover there (404)", False),
        (f"Server found: {sb.ews_url}", False)]
    assert focused() is dlg.find.also_send  # the reader reads the choice where the keyboard is


def test_found_with_nothing_to_choose_says_found_then_connecting(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = Heard(win.announcer)
    _type_address_and_password(qtbot, dlg, sb, "carol@example.com")
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED,
                    timeout=20000)
    said = heard.said
    assert said[:4] == [("Finding the server…", False),
                        ("Tried https://example.com/autodiscover/autodiscover.xml: no Autodiscover there (404)", False),
                        (f"Server found: {sb.ews_url}", False), ("Connecting…", False)], said


def test_nothing_found_is_said_assertively_with_the_reason_and_the_keyboard_is_in_the_url(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = Heard(win.announcer)
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=404)
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
    text = dlg.error.text()
    assert heard.said[-1] == (text, True) and heard.once(text, True)
    assert text.startswith("The server was not found. Tried: ") and "Type the EWS URL" in text
    steps = heard.said[1:-1]
    assert steps and all(w.startswith("Tried ") and not loud for w, loud in steps), steps
    assert len({w for w, _ in steps}) == len(steps), "each step once"
    assert focused() is dlg.url and QApplication.activeWindow() is dlg


def test_a_redirect_loop_says_each_step_once(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = _hear_every_time(dlg)
    a = "https://autodiscover.example.com/autodiscover/autodiscover.xml"
    b = "https://mail.example.com/autodiscover/autodiscover.xml"
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_url", to=b)
    sb.autodiscover.set_case("mail.example.com", "redirect_url", to=a)
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
    words = heard.words()
    assert len(words) == len(set(words)), words  # tried 6 times each: said once each
    assert f"Tried {a}: redirects to {b}" in words and f"Tried {b}: redirects to {a}" in words
    assert "More than 10 redirects: stopped" in words


def test_the_question_is_read_as_its_box_opens_and_not_said_twice(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = Heard(win.announcer)
    sb.autodiscover.set_case("autodiscover.example.com", "http_redirect",
                             to="https://mail.example.com/autodiscover/autodiscover.xml")
    sb.autodiscover.set_case("mail.example.com", "settings")
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: dlg.find.prompt is not None and dlg.find.prompt.isVisible(), timeout=15000)
    question = dlg.find.prompt.text()
    qtbot.waitUntil(lambda: dlg.find.prompt.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    assert read_as_alert(dlg.find.prompt) == question
    assert question not in heard.words(), "read as the box opens: not announced as well"
    assert question == ("The unencrypted Autodiscover address redirects to mail.example.com. Send your user name "
                        "and password to mail.example.com?")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)  # "Don't send"
    qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
    assert heard.said[-1] == (dlg.error.text(), True) and question not in heard.words()
    assert dlg.focusWidget() is dlg.url


def test_exchange_online_is_said_and_the_keyboard_is_on_the_microsoft_365_page(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = Heard(win.announcer)
    sb.autodiscover.set_case("autodiscover.example.com", "exchange_online")
    _type_address_and_password(qtbot, dlg, sb)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.is_m365, timeout=15000)
    assert heard.said[-1] == (f"{ALICE} is in Microsoft 365: sign in with Microsoft on this page.", False)
    assert focused() is dlg.m365.email


def test_find_server_without_an_address_says_what_is_missing(qtbot, opened, sb):
    win, dlg, settings = opened
    heard = Heard(win.announcer)
    dlg.email.setFocus()
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(dlg.error.isVisible, timeout=5000)
    assert heard.said == [("Enter a valid e-mail address. Enter the password.", True)]
    assert focused() is dlg.email
