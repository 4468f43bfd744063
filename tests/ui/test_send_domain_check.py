"""A typing mistake in a recipient's domain, asked about before sending (issue 73, item 16), by keys in the real
window against the sandbox. The resolver is a REAL DNS server on 127.0.0.1 (tests/helpers/dns_server.py) named in
``DISPATCH_DNS`` (the tests have no network: it is injected, not mocked). NXDOMAIN: "Send anyway?" names the
address, Enter goes back and nothing is sent; a resolver that never answers: no question, the message goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.sending import domain_check
from tests.helpers.compose import fill, new_message
from tests.helpers.dns_server import DnsServer
from tests.helpers.keys import CTRL
from tests.helpers.keys import focus_key as key
from tests.helpers.mailbox import items
from tests.helpers.windows import wait_idle


@pytest.fixture
def dns_server(monkeypatch):
    server = DnsServer(missing=["exmaple.com"], silent=["partner.org"])
    monkeypatch.setenv("DISPATCH_DNS", server.setting)
    yield server
    server.close()


def _question(qtbot, win):
    qtbot.waitUntil(lambda: win.flows.send_question is not None and win.flows.send_question.isVisible(),
                    timeout=5000)
    return win.flows.send_question


def test_a_domain_that_does_not_exist_is_asked_about_before_sending(qtbot, window, sandbox, dns_server,
                                                                    screenshot_dir):
    win, c = window, window.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@exmaple.com", subject="Numbers", body="Q3 is up.")
    # asked as To was left (Tab), before Send: the answer waits in the cache (Send never waits for one)
    qtbot.waitUntil(lambda: domain_check.shared().answered("exmaple.com"), timeout=5000)
    key(qtbot, win, Qt.Key_Return, CTRL)
    box = _question(qtbot, win)
    text = box.text()
    assert "“bob@exmaple.com”" in text and "“exmaple.com”" in text and "typing mistake" in text
    assert QApplication.focusWidget() is box.defaultButton() and box.defaultButton().text() == "&Go back"
    box.grab().save(str(screenshot_dir / "compose-domain-question.png"))
    key(qtbot, win, Qt.Key_Return)  # Enter: the safe default, back to the message
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    wait_idle(qtbot, win)
    assert items(sandbox, "sentitems") == [] and c.body.toPlainText() == "Q3 is up."
    assert QApplication.focusWidget() is c.to.edit  # back to the field that holds the address
    assert set(dns_server.asked) == {"exmaple.com"}


def test_a_resolver_that_never_answers_asks_nothing_and_the_message_goes(qtbot, window, sandbox, dns_server):
    win = window
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", cc="dave@partner.org", subject="Slow DNS", body="Still goes.")
    qtbot.waitUntil(lambda: "partner.org" in dns_server.asked, timeout=5000)  # asked as Cc was left
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "sentitems")] == ["Slow DNS"], timeout=20000)
    assert win.flows.send_question is None and set(dns_server.asked) == {"partner.org"}


NBSP = "\u00a0"
IN_LANGUAGE = {
    "fr": f"Le domaine de «{NBSP}bob@exmaple.com{NBSP}» n’existe pas (le DNS ne connaît pas «{NBSP}exmaple.com{NBSP}»)"
          f"{NBSP}: une faute de frappe{NBSP}?",
    "de": "Die Domain von „bob@exmaple.com“ existiert nicht (das DNS kennt „exmaple.com“ nicht): ein Tippfehler?",
}


@pytest.mark.parametrize("lang", list(IN_LANGUAGE))
def test_the_domain_question_in_the_windows_language(qtbot, aloop, sandbox, settings, dns_server, screenshot_dir,
                                                     lang):
    from tests.helpers.language import in_language
    from tests.helpers.windows import close_window, open_window

    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            new_message(qtbot, win)
            fill(qtbot, win, to="bob@exmaple.com", subject="Chiffres", body="Q3.")
            qtbot.waitUntil(lambda: domain_check.shared().answered("exmaple.com"), timeout=5000)
            key(qtbot, win, Qt.Key_Return, CTRL)
            box = _question(qtbot, win)
            assert IN_LANGUAGE[lang] in box.text()
            box.grab().save(str(screenshot_dir / f"compose-domain-question-{lang}.png"))
            key(qtbot, win, Qt.Key_Escape)
            qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
            wait_idle(qtbot, win)
            assert items(sandbox, "sentitems") == []
        finally:
            close_window(win, session)
