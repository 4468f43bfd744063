"""Issue 73, item 5: a small window never squeezes the body to one line. At 683 × 500 (half a 1366 px screen,
and short), with a banner over the page, in English, French and German and in both colour schemes, the body keeps
at least a third of the window's height once the keyboard is in it: the header rows (From to Options, More
options, the toolbar) scroll out of view above it. At the default size nothing scrolls. By keys in the real
window on the sandbox; screenshots of both sizes (item 9's empty new message, with nothing beside its title,
is in them too). The banner shows every line of its words at the new width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.window.banner import BannerSlot
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.language import in_language
from tests.helpers.windows import close_window, open_window

#: a banner as long as the window shows when the server cannot be reached (its German words are the longest)
BANNER = {"en": "The server cannot be reached. What you write is kept on this computer and sent as soon as the "
                "server can be reached again.",
          "fr": "Le serveur est injoignable. Ce que vous écrivez est conservé sur cet ordinateur et envoyé dès que "
                "le serveur est de nouveau joignable.",
          "de": "Der Server ist nicht erreichbar. Was Sie schreiben, bleibt auf diesem Computer erhalten und wird "
                "gesendet, sobald der Server wieder erreichbar ist."}


def _body_seen(c) -> int:
    """How many pixels of the body's height are in view (the form's scroll area clips the rest)."""
    return c.body.visibleRegion().boundingRect().height()


def _third(win) -> int:
    return -(-win.height() // 3)


def _size(qtbot, win, width: int, height: int) -> None:
    win.resize(width, height)
    qtbot.waitUntil(lambda: win.width() == width and win.height() == height, timeout=5000)
    QApplication.processEvents()


def _shot(win, path) -> None:
    """The window as it is once its pending layout is done (a label's new words, the banner's slot)."""
    for _ in range(3):
        QApplication.processEvents()
    win.grab().save(str(path))


def _tab_to_body(qtbot, win) -> None:
    for _ in range(20):
        if QApplication.focusWidget() is win.compose.body:
            return
        key(qtbot, win, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached the body: {QApplication.focusWidget()}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_the_body_keeps_a_third_of_a_small_window(qtbot, aloop, sandbox, settings, monkeypatch, screenshot_dir,
                                                  lang, scheme):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            c = win.compose
            # the default size: nothing scrolls, the body has its third
            _size(qtbot, win, 1100, 720)
            key(qtbot, win, Qt.Key_N, CTRL)
            assert c.state_label.text() == "", "an empty new message says nothing beside its title (item 9)"
            _shot(win, screenshot_dir / f"compose-new-default-{lang}-{scheme}.png")
            assert not c.form_area.scrolls() and c.body.height() >= _third(win)

            # 683 × 500 with a banner over the page: the header rows scroll, the body keeps its third
            _size(qtbot, win, 683, 500)
            win.banner.show_message(BANNER[lang], kind="error", retry=True)  # the condition, not what is tested
            qtbot.waitUntil(lambda: win.banner.isVisible() and win.banner_slot.height() > BannerSlot.HEIGHT,
                            timeout=3000)  # the page made way for it
            QApplication.processEvents()
            label = win.banner.label
            assert label.height() >= label.heightForWidth(label.width()), "every line of the banner shows"
            assert QApplication.focusWidget() is c.to.edit
            _shot(win, screenshot_dir / f"compose-new-683x500-{lang}-{scheme}.png")
            _tab_to_body(qtbot, win)
            qtbot.keyClicks(c.body, "Hello,")
            qtbot.waitUntil(lambda: _body_seen(c) >= _third(win), timeout=3000)
            assert c.body.height() >= _third(win)
            _shot(win, screenshot_dir / f"compose-body-683x500-{lang}-{scheme}.png")

            # More options open: its rows scroll with the others, the body keeps its third
            key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
            qtbot.waitUntil(c.more.isVisible, timeout=3000)
            assert QApplication.focusWidget() is c.more.reply_to.edit
            # the form follows the keyboard up to the panel's first field
            qtbot.waitUntil(lambda: c.more.reply_to.edit.visibleRegion().boundingRect().height()
                            == c.more.reply_to.edit.height(), timeout=3000)
            _tab_to_body(qtbot, win)
            qtbot.waitUntil(lambda: _body_seen(c) >= _third(win), timeout=3000)
            _shot(win, screenshot_dir / f"compose-more-683x500-{lang}-{scheme}.png")
            assert win.width() == 683 and win.height() == 500, "the window kept its size"
        finally:
            close_window(win, session)
