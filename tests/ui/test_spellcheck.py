"""Issue 15, spell check: underlines while typing, suggestions by keys and in the context menu, the personal
dictionary, the language, where the work runs, and the app without enchant — in the real window on the
real sandbox, with the real enchant and Debian's Hunspell dictionaries (hunspell-en-us, hunspell-en-gb)."""

from __future__ import annotations

import os
import stat
import sys
import threading

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.compose.spelling import SETTING
from app.storage.personal_dictionary import default_path
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import close_window, open_window

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


@pytest.fixture
def spell_window(qtbot, aloop, sandbox, settings):
    """The window with spell check in en_US (the setting, so the test does not depend on the locale)."""
    settings.set(SETTING, "en_US")
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: win.spelling.state.language == "en_US", timeout=10000)
    yield win
    close_window(win, session)


def body_ready(qtbot, win):
    win.show_view("compose")
    win.compose.body.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: win.compose.body.hasFocus(), timeout=3000)
    return win.compose.body


def underlined(body) -> list[str]:
    """The words the body's painter underlines on screen, in order (red_pixels_under: that it draws them)."""
    hl = body.window().spelling.hl
    return [w for block in hl.on_screen() for _s, _n, w in hl.misspelt_in(block, count=False)]


def red_pixels_under(body, start: int, end: int) -> int:
    """How many clearly red pixels the body shows just below the text from ``start`` to ``end``."""
    img = body.viewport().grab().toImage()
    c = QTextCursor(body.document())
    c.setPosition(start)
    left = body.cursorRect(c)
    c.setPosition(end)
    right = body.cursorRect(c)
    n = 0
    for x in range(left.left(), right.right()):
        for y in range(left.bottom() - 4, left.bottom() + 5):
            if 0 <= x < img.width() and 0 <= y < img.height():
                px = img.pixelColor(x, y)
                n += px.red() > 150 and px.green() < 120 and px.blue() < 120
    return n


def settle(qtbot, win, expect=None, timeout=5000):
    hl = win.spelling.hl
    try:
        if expect is None:
            qtbot.waitUntil(hl.settled, timeout=timeout)
        else:
            qtbot.waitUntil(lambda: hl.settled() and underlined(win.compose.body) == expect, timeout=timeout)
    except Exception:
        print("spell:", underlined(win.compose.body)[:10], hl._want, hl._asked, hl._dirty, hl.last_paint[:5])
        raise


def test_misspelt_words_are_underlined_and_correct_ones_are_not(qtbot, spell_window, screenshot_dir):
    win = spell_window
    body = body_ready(qtbot, win)
    qtbot.keyClicks(body, "Helo wrold, this is a fine message. ")
    settle(qtbot, win, ["Helo", "wrold"])
    # the word being typed is not marked until it is finished
    qtbot.keyClicks(body, "speling")
    settle(qtbot, win)
    assert underlined(body) == ["Helo", "wrold"]
    qtbot.keyClick(body, Qt.Key_Space)
    settle(qtbot, win, ["Helo", "wrold", "speling"])
    text = body.toPlainText()
    assert red_pixels_under(body, text.index("wrold"), text.index("wrold") + 5) > 10  # a red wave under it
    assert red_pixels_under(body, text.index("fine"), text.index("fine") + 4) == 0
    win.grab().save(str(screenshot_dir / "spell-check.png"))
    # painting is not editing: no autosave, no "Edited", no undo step of its own
    edits, undo = win.compose.edits, body.document().availableUndoSteps()
    win.spelling.hl._repaint()
    settle(qtbot, win)
    assert (win.compose.edits, body.document().availableUndoSteps()) == (edits, undo)


def test_a_suggestion_chosen_by_keys_replaces_the_word_as_one_undo_step(qtbot, spell_window):
    win = spell_window
    body = body_ready(qtbot, win)
    qtbot.keyClicks(body, "I wrote a lettr to you. ")
    settle(qtbot, win, ["lettr"])
    qtbot.keyClick(body, Qt.Key_Semicolon, CTRL)  # the word nearest before the cursor
    sp = win.spelling
    qtbot.waitUntil(lambda: sp.menu is not None and sp.menu.isVisible() and sp.menu.activeAction() is not None,
                    timeout=5000)
    first = sp.menu.activeAction().text()
    assert first == "letter"
    assert sp.menu.accessibleName() == "Spelling suggestions for “lettr”", "a reader hears which word it is for"
    assert any(a.text() == "&Add “lettr” to dictionary" for a in sp.menu.actions())
    qtbot.keyClick(sp.menu, Qt.Key_Return)
    qtbot.waitUntil(lambda: body.toPlainText() == "I wrote a letter to you. ", timeout=3000)
    settle(qtbot, win, [])
    body.setFocus()
    qtbot.keyClick(body, Qt.Key_Z, CTRL)  # one undo step brings the word back
    assert body.toPlainText() == "I wrote a lettr to you. "


def test_the_context_menu_starts_with_the_suggestions(qtbot, spell_window):
    win = spell_window
    body = body_ready(qtbot, win)
    qtbot.keyClicks(body, "Plese reply. ")
    settle(qtbot, win, ["Plese"])
    c = body.textCursor()
    c.setPosition(2)
    body.setTextCursor(c)
    # the Menu key: the platform turns it into a keyboard context-menu event at the cursor (the offscreen
    # platform of the tests does not, so the test sends that event)
    rect = body.cursorRect()
    QApplication.sendEvent(body.viewport(), QContextMenuEvent(QContextMenuEvent.Keyboard, rect.center(),
                                                              body.viewport().mapToGlobal(rect.center())))
    sp = win.spelling
    qtbot.waitUntil(lambda: sp.menu is not None and sp.menu.isVisible() and sp.menu.activeAction() is not None,
                    timeout=5000)
    texts = [a.text() for a in sp.menu.actions()]
    assert texts[0] == "Please"
    assert "&Add “Plese” to dictionary" in texts and "&Ignore “Plese”" in texts
    assert any("Copy" in t for t in texts) and any("Select All" in t for t in texts)  # the standard items follow
    qtbot.keyClick(sp.menu, Qt.Key_Return)
    qtbot.waitUntil(lambda: body.toPlainText() == "Please reply. ", timeout=3000)
    # on a correct word: only the standard menu
    c.setPosition(9)
    body.setTextCursor(c)
    rect = body.cursorRect()
    QApplication.sendEvent(body.viewport(), QContextMenuEvent(QContextMenuEvent.Keyboard, rect.center(),
                                                              body.viewport().mapToGlobal(rect.center())))
    popup = QApplication.activePopupWidget()
    assert popup is not None and not any("dictionary" in a.text() for a in popup.actions())
    popup.close()


def test_add_to_dictionary_lasts_into_a_new_session_in_a_private_file(qtbot, aloop, sandbox, settings, spell_window):
    win = spell_window
    body = body_ready(qtbot, win)
    qtbot.keyClicks(body, "Greetings from Zorblax and Qwertyville. ")
    settle(qtbot, win, ["Zorblax", "Qwertyville"])
    c = body.textCursor()
    c.setPosition(body.toPlainText().index("Zorblax") + 3)
    body.setTextCursor(c)
    qtbot.keyClick(body, Qt.Key_F7, Qt.AltModifier)
    sp = win.spelling
    qtbot.waitUntil(lambda: sp.menu is not None and sp.menu.isVisible(), timeout=5000)
    qtbot.keyClick(sp.menu, Qt.Key_A)  # &Add
    settle(qtbot, win, ["Qwertyville"])
    path = default_path()
    qtbot.waitUntil(lambda: path.is_file() and "Zorblax" in path.read_text(), timeout=5000)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    close_window(win)

    win2, session2 = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: win2.spelling.state.language == "en_US", timeout=10000)
        body2 = body_ready(qtbot, win2)
        body2.clear()  # (the journal brought back what the first window had in Compose)
        qtbot.keyClicks(body2, "Zorblax met Qwertyville. ")
        settle(qtbot, win2, ["Qwertyville"])
    finally:
        close_window(win2, session2)


def test_switching_the_language_changes_the_verdicts(qtbot, spell_window, settings):
    win = spell_window
    body = body_ready(qtbot, win)
    qtbot.keyClicks(body, "The colour of the organisation. ")
    settle(qtbot, win, ["colour", "organisation"])
    sp = win.spelling
    assert sp.language_action.text().replace("&", "") == "Spelling language: English (United States)…"
    assert sp.language_action in win.menus["&Edit"].actions()
    qtbot.keyClick(body, Qt.Key_F7, CTRL | SHIFT)
    qtbot.waitUntil(lambda: sp.language_menu is not None and sp.language_menu.isVisible(), timeout=3000)
    menu = sp.language_menu
    assert menu.activeAction().text().endswith("en_US") and menu.activeAction().isChecked()
    for _ in range(len(menu.actions())):
        if menu.activeAction().text().endswith("en_GB"):
            break
        qtbot.keyClick(menu, Qt.Key_Up)
    assert menu.activeAction().text() == "English (United Kingdom) — en_GB"
    qtbot.keyClick(menu, Qt.Key_Return)
    qtbot.waitUntil(lambda: sp.state.language == "en_GB", timeout=5000)
    settle(qtbot, win, [])
    assert sp.language_action.text().replace("&", "") == "Spelling language: English (United Kingdom)…"
    assert settings.get(SETTING) == "en_GB"
    qtbot.keyClicks(body, "Its color is nice. ")
    settle(qtbot, win)  # en_GB's Hunspell list knows "color" as well: the verdicts only need to differ above
    # off: no underlines at all
    sp.set_language("off")
    qtbot.waitUntil(lambda: sp.state.language is None, timeout=5000)
    qtbot.keyClicks(body, "Thsi is wrnog. ")
    settle(qtbot, win, [])


def test_enchant_is_never_called_on_the_ui_thread(qtbot, aloop, sandbox, settings, monkeypatch):
    import enchant

    calls: list[str] = []
    for name in ("check", "suggest"):
        real = getattr(enchant.Dict, name)

        def spy(self, *a, real=real, name=name, **kw):
            calls.append(f"{name}:{threading.current_thread().name}")
            return real(self, *a, **kw)
        monkeypatch.setattr(enchant.Dict, name, spy)
    settings.set(SETTING, "en_US")
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: win.spelling.state.language == "en_US", timeout=10000)
        body = body_ready(qtbot, win)
        qtbot.keyClicks(body, "Speling mistaeks everywhere. ")
        settle(qtbot, win, ["Speling", "mistaeks"])
        qtbot.keyClick(body, Qt.Key_Semicolon, CTRL)
        sp = win.spelling
        qtbot.waitUntil(lambda: sp.menu is not None and sp.menu.activeAction() is not None, timeout=5000)
        sp.menu.close()
        win.compose.body.setPlainText("Anothr paragraf.\n" * 2000)
        settle(qtbot, win)
        assert "Anothr" in underlined(body)
    finally:
        close_window(win, session)
    assert any(c.startswith("check:") for c in calls) and any(c.startswith("suggest:") for c in calls)
    assert {c.split(":")[1] for c in calls} == {"spell"}, calls


def test_a_10_mb_body_is_painted_where_it_is_seen(qtbot, spell_window):
    """Only the blocks on screen (and those edited) are tokenised and painted: never the whole body."""
    win = spell_window
    body = body_ready(qtbot, win)
    hl = win.spelling.hl
    edits = win.compose.edits
    body.setPlainText(("Ths line is long enough to fill a row of the body in the window. \n") * 125_000)
    settle(qtbot, win)
    assert hl.blocks_done < 500, hl.blocks_done
    assert underlined(body)[:1] == ["Ths"]
    assert max(num for num, _s, _n in hl.last_paint) < 100  # what is on screen, nothing below it
    body.moveCursor(QTextCursor.End)  # scrolled there (once Qt has laid the body out): painted then
    qtbot.waitUntil(lambda: hl.last_paint and min(num for num, _s, _n in hl.last_paint) > 124_000, timeout=20000)
    assert hl.blocks_done < 1000, hl.blocks_done
    assert win.compose.edits == edits + 1  # the load, nothing for the painting


def test_painting_a_body_just_given_lays_out_no_more_than_qt_would(qtbot, spell_window, monkeypatch):
    """Issue 16: the painter found the first block on screen by a binary search on the blocks' rectangles,
    and asking for a block's rectangle makes Qt lay the document out up to that block: the first paint of
    a 10 MB draft just opened laid out half of it in one turn (~0.8 s). Qt itself lays a new document out
    from its start, a growing piece per turn; the painter now asks only about blocks already laid out."""
    body = body_ready(qtbot, spell_window)
    hl = spell_window.spelling.hl
    laid_out = []  # how many blocks Qt had laid out when each paint was done
    real = hl._paint

    def paint(rect):
        real(rect)
        doc = body.document()
        laid_out.append(sum(doc.findBlockByNumber(n).layout().lineCount() > 0 for n in range(doc.blockCount())))
    monkeypatch.setattr(hl, "_paint", paint)
    body.setPlainText("Ths line is long enough to fill a row of the body in the window. \n" * 12_500)
    qtbot.waitUntil(lambda: bool(laid_out), timeout=10000)
    assert laid_out[0] < 2_000, laid_out[:3]
    settle(qtbot, spell_window)
    assert underlined(body)[:1] == ["Ths"]
    body.moveCursor(QTextCursor.End)  # and down there, once Qt has laid it out, the words are checked
    qtbot.waitUntil(lambda: hl.last_paint and min(num for num, _s, _n in hl.last_paint) > 12_400, timeout=20000)


def test_typing_on_into_a_long_paragraph_keeps_its_words_once(qtbot, spell_window):
    """Issue 16: every keystroke at the end of a long paragraph left its words (a tuple of ~1,000) in the
    painter's cache under that keystroke's text; the garbage collector then scanned them all, stalling
    the UI 5-19 ms while typing. The paragraph typed on is kept once, and a partial repaint uses the
    paragraph's words instead of tokenising a slice of it."""
    body = body_ready(qtbot, spell_window)
    hl = spell_window.spelling.hl
    body.setPlainText("the quick brown fox jumps over the lazy dog " * 60)  # one paragraph, 540 words
    body.moveCursor(QTextCursor.End)
    for k in range(40):
        qtbot.keyClicks(body, "abc "[k % 4])
        body.viewport().repaint()  # a paint per keystroke, as the user sees
    long_ones = [t for t in hl._tokens if len(t) > 1000]
    assert len(long_ones) <= 2, f"{len(long_ones)} versions of the paragraph kept"
    assert body.toPlainText().endswith("abc abc ")
    qtbot.waitUntil(lambda: "abc" in underlined(body), timeout=10000)  # and its words are still checked


def test_after_a_big_body_is_cleared_the_new_body_is_checked(qtbot, spell_window):
    """Compose puts a fresh document under the editor when a big body goes (issue 16, app/ui/compose/body/doc_reaper.py):
    the underlines follow the new document, and the old one being freed paints nothing."""
    win = spell_window
    body = body_ready(qtbot, win)
    body.setPlainText("Ths line is long enough to fill a row of the body in the window. \n" * 5000)
    settle(qtbot, win)
    old = body.document()
    with qtbot.waitSignal(win.compose.reaper.freed, timeout=10000):
        win.compose.clear()
        assert old.receivers(SIGNAL("contentsChange(int,int,int)")) == 0  # nothing follows it any more
    settle(qtbot, win)
    assert body.document() is not old and win.spelling.hl.doc is body.document()
    body.setFocus()
    qtbot.keyClicks(body, "Helo wrold, a fine message. ")
    settle(qtbot, win, ["Helo", "wrold"])
    text = body.toPlainText()
    assert red_pixels_under(body, text.index("wrold"), text.index("wrold") + 5) > 10


def test_without_enchant_the_app_runs_with_spell_check_off_and_says_why(qtbot, aloop, sandbox, settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "enchant", None)  # `import enchant` fails, as with no pyenchant/library
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        sp = win.spelling
        qtbot.waitUntil(lambda: "enchant" in sp.state.notice, timeout=10000)
        assert sp.state.language is None
        assert sp.language_action.text().replace("&", "") == "Spelling language: off…"
        body = body_ready(qtbot, win)
        qtbot.keyClicks(body, "Thsi is wrnog. ")
        settle(qtbot, win, [])
        qtbot.keyClick(body, Qt.Key_F7, CTRL | SHIFT)
        qtbot.waitUntil(lambda: sp.language_menu is not None and sp.language_menu.isVisible(), timeout=3000)
        first = sp.language_menu.actions()[0]
        assert first.text() == ("Spell check is off: the enchant library is missing "
                                "(install libenchant-2-2 and hunspell-en-us).")
        assert not first.isEnabled()
        sp.language_menu.close()
        body.setFocus()
        qtbot.keyClick(body, Qt.Key_Semicolon, CTRL)
        assert "enchant library is missing" in whole_message(win)
        # the window still does its work
        assert win.compose.body.toPlainText() == "Thsi is wrnog. "
    finally:
        close_window(win, session)
    assert os.environ.get("DISPATCH_HOME")  # (the data dir was this test's own)


def test_the_spell_keys_are_in_the_edit_menu_and_the_sheet_and_taken_by_nothing_else(qtbot, spell_window):
    from PySide6.QtGui import QAction, QKeySequence

    win = spell_window
    sp = win.spelling
    edit = win.menus["&Edit"].actions()
    assert sp.suggest_action in edit and sp.language_action in edit
    win.show_shortcuts()
    rows = dict(win._sheet.rows())
    win._sheet.close()
    assert rows["Spelling suggestions"] == ", ".join(QKeySequence(k).toString(QKeySequence.NativeText)
                                                      for k in ("Ctrl+;", "Alt+F7"))
    assert rows["Spelling language: English (United States)…"] == QKeySequence("Ctrl+Shift+F7").toString(
        QKeySequence.NativeText)
    ours = {sp.suggest_action, sp.language_action}
    mine = {s.toString() for a in ours for s in a.shortcuts()}
    others = {s.toString() for a in win.findChildren(QAction) if a not in ours for s in a.shortcuts()}
    assert not mine & others, mine & others


def test_the_underline_is_a_light_red_on_the_dark_scheme(qtbot, aloop, sandbox, settings, monkeypatch):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", "dark")
    settings.set(SETTING, "en_US")
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: win.spelling.state.language == "en_US", timeout=10000)
        body = body_ready(qtbot, win)
        assert body.palette().base().color().lightness() < 128
        qtbot.keyClicks(body, "Helo there. ")
        settle(qtbot, win, ["Helo"])
        assert red_pixels_under(body, 0, 4) > 10
        assert win.spelling.hl._colour.lightness() > 140  # a light red: it stands out on the dark background
        assert red_pixels_under(body, 5, 10) == 0
    finally:
        close_window(win, session)


def test_the_word_being_typed_is_marked_once_the_cursor_leaves_it(qtbot, spell_window):
    win = spell_window
    body = body_ready(qtbot, win)
    for line in ("First wrold here.", "Second line here."):
        qtbot.keyClicks(body, line)
        qtbot.keyClick(body, Qt.Key_Return)
    qtbot.keyClicks(body, "Third wrold")
    settle(qtbot, win)
    assert underlined(body) == ["wrold"]  # the one in the first line; the one being typed is left alone
    c = body.textCursor()
    c.setPosition(3)  # far away, in the first line
    body.setTextCursor(c)
    hl = win.spelling.hl
    # really repainted there (not only known): the paint after the move drew it
    qtbot.waitUntil(lambda: (2, 6, 5) in hl.last_paint, timeout=3000)
    settle(qtbot, win, ["wrold", "wrold"])
    text = body.toPlainText()
    assert red_pixels_under(body, text.rindex("wrold"), text.rindex("wrold") + 5) > 10


def test_a_replys_generated_quote_is_not_checked_only_what_the_user_writes(qtbot, sandbox, spell_window,
                                                                           screenshot_dir):
    """Issue 73: the reply's generated header ("Cc:", the names, the date) and the quoted original were underlined.
    As Outlook ("Ignore original message text in reply or forward", on by default), only the user's own text is
    checked: a message with misspelt words is sent, replied to by keys (Ctrl+3, its row, Ctrl+Shift+R); nothing of
    the quote is underlined, the same words typed above it are."""
    from tests.helpers.compose import type_message
    from tests.helpers.keys import key
    from tests.helpers.mailbox import items

    win = spell_window
    c = win.compose
    type_message(qtbot, win, to="bob@example.com", cc="Carol Smyth <carol@example.com>", bcc="",
                 subject="Numbrs", body="Helo Bob, the nmbers are in.")
    key(qtbot, win, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: any(m["subject"] == "Numbrs" for m in items(sandbox, "inbox", "bob@example.com")),
                    timeout=20000)
    key(qtbot, win, Qt.Key_3, Qt.ControlModifier)
    qtbot.waitUntil(lambda: win.sent.model.rowCount() >= 1 and not win.sent.model.loading, timeout=10000)
    win.sent.table.setFocus()
    qtbot.keyClick(win.sent.table, Qt.Key_Home)
    qtbot.waitUntil(lambda: win.sent.shown_message() is not None, timeout=10000)
    key(qtbot, win, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: c.subject.text() == "RE: Numbrs" and "nmbers" in c.body.toPlainText(), timeout=10000)
    body = c.body
    assert "Cc:" in body.toPlainText() and "Smyth" in body.toPlainText()
    settle(qtbot, win, expect=[])
    win.grab().save(str(screenshot_dir / "spell-reply-quote.png"))
    qtbot.keyClicks(body, "Thnks for the nmbers ")  # above the quote: the keyboard is at the top
    settle(qtbot, win, expect=["Thnks", "nmbers"])


def test_a_divider_the_user_types_is_no_quote_the_words_below_it_are_checked(qtbot, spell_window):
    """The quote starts only where the separator line is followed by the quote's header block, as the attachment
    check reads it (app.domain.follow_up.begins_quote): 32 underscores typed as a divider (Outlook's separator
    line) left every word below it unchecked."""
    from app.domain.follow_up import SEPARATOR

    from PySide6.QtWidgets import QApplication

    win = spell_window
    body = body_ready(qtbot, win)
    qtbot.keyClicks(body, "Helo Bob,")
    qtbot.keyClick(body, Qt.Key_Return)
    # pasted (a paste, not a keystroke, is where the quote is looked for): the divider, then the user's own words
    QApplication.clipboard().setText(f"{SEPARATOR}\nThe nmbers are below.\n")
    qtbot.keyClick(body, Qt.Key_V, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "nmbers" in body.toPlainText(), timeout=3000)
    settle(qtbot, win, ["Helo", "nmbers"])
