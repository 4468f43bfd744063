"""Find in a long body that is still going in a piece per turn (issue 16): Find put the rest in first, in
one call (~0.3 s for a 10 MB plain body, seconds for a rich one; a foreign one still with the helper
process was set whole, ~0.5 s for 4 MB). It now searches what is in, and searches each piece as it comes
until the match is there (app/ui/compose/find_bar.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.models import BodyFormat, Draft
from app.ui.compose.find_bar import SEARCHING, FindBar
from bench.bodies import outlook_html as outlook
from tests.helpers.bodies import LINE, long_body


@pytest.fixture
def bar(wired, qtbot, monkeypatch):
    """Compose and its Find bar; the loader's finish() while a body is loading (the rest in one call) fails."""
    c = wired[0]
    b = FindBar(c)
    qtbot.addWidget(b)
    _no_whole(monkeypatch, c.loader)
    return c, b


def _no_whole(monkeypatch, loader) -> None:
    real = loader.finish

    def whole_at_once():
        if loader.active:
            raise AssertionError("the rest of the body was put in in one call")
        real()
    monkeypatch.setattr(loader, "finish", whole_at_once)


def _search(b, target, text: str, backward: bool = False) -> bool:
    b.open_for(target)
    b.edit.setText(text)
    return b.find(backward)


def _loaded(qtbot, c) -> None:
    qtbot.waitUntil(lambda: not c.loader.active, timeout=30000)


def test_find_searches_a_long_body_as_it_comes_not_all_at_once(bar, qtbot):
    c, b = bar
    c.load(Draft(subject="long", body=long_body()))
    assert c.loader.active
    assert not _search(b, c.body, "The last words."), "the last words are not in yet"
    assert b.result.text() == SEARCHING and c.loader.active
    turns = c.loader.turns
    qtbot.waitUntil(lambda: c.body.textCursor().selectedText() == "The last words.", timeout=30000)
    assert c.loader.turns > turns + 5, "it went on a piece per turn"
    assert b.result.text() == ""
    _loaded(qtbot, c)
    assert c.body.textCursor().selectedText() == "The last words.", "the selection stays on the match"


def test_a_match_already_in_is_selected_at_once(bar, qtbot):
    c, b = bar
    c.load(Draft(subject="long", body=long_body()))
    assert _search(b, c.body, LINE[:20])
    assert c.body.textCursor().selectedText() == LINE[:20] and c.loader.active
    assert b.result.text() == ""


def test_no_match_says_not_found_once_all_is_in(bar, qtbot):
    c, b = bar
    c.load(Draft(subject="long", body=long_body()))
    assert not _search(b, c.body, "in no line at all")
    assert b.result.text() == SEARCHING
    _loaded(qtbot, c)
    qtbot.waitUntil(lambda: b.result.text() == "Not found", timeout=5000)


def test_backward_wraps_to_the_end_when_all_is_in(bar, qtbot):
    c, b = bar
    c.load(Draft(subject="long", body=long_body()))
    c.body.moveCursor(c.body.textCursor().MoveOperation.Start)
    assert not _search(b, c.body, "The last words.", backward=True), "nothing before the start"
    assert b.result.text() == SEARCHING
    _loaded(qtbot, c)
    qtbot.waitUntil(lambda: c.body.textCursor().selectedText() == "The last words.", timeout=5000)


def test_another_message_or_closing_the_bar_ends_the_search(bar, qtbot):
    c, b = bar
    c.load(Draft(subject="long", body=long_body()))
    assert not _search(b, c.body, "The last words.")
    c.load(Draft(subject="another", body=long_body().replace("The last words.", "Other words.")))
    _loaded(qtbot, c)
    assert b.result.text() == "" and not c.body.textCursor().hasSelection()
    c.load(Draft(subject="long", body=long_body()))
    assert not _search(b, c.body, "The last words.")
    qtbot.keyClick(b.edit, Qt.Key_Escape)
    _loaded(qtbot, c)
    assert not c.body.textCursor().hasSelection(), "a closed bar searches nothing"


def test_find_while_the_helper_works_waits_for_its_answer(bar, qtbot):
    """Long HTML Qt did not write: the body is empty until the helper answers; Find neither sets it whole
    nor kills the helper, and finds the match when its piece goes in."""
    c, b = bar
    foreign = outlook(300_000).replace("</div></body>", "<p>The very end.</p></div></body>")
    c.load(Draft(subject="from Outlook", body=foreign, body_format=BodyFormat.HTML))
    assert c.loader.waiting
    assert not _search(b, c.body, "The very end.")
    assert b.result.text() == SEARCHING and c.loader.waiting
    qtbot.waitUntil(lambda: c.body.textCursor().selectedText() == "The very end.", timeout=30000)
    assert c.loader.helper.runs == 1 and c.loader.helper.failure == ""


def test_the_sent_preview_is_searched_as_it_comes_too(qtbot, monkeypatch):
    from app.ui.lists.sent_view import SentView

    s = SentView()
    qtbot.addWidget(s)
    s.show()
    b = FindBar(s)
    s.show_message(Draft(subject="long", body=long_body()))
    _no_whole(monkeypatch, s.preview.loader)
    assert s.preview.loader.active
    assert not _search(b, s.body, "The last words.")
    qtbot.waitUntil(lambda: s.body.textCursor().selectedText() == "The last words.", timeout=30000)


def test_in_the_window_ctrl_f_and_enter_while_a_long_draft_opens(qtbot, window, screenshot_dir):
    """The keys in the real window: the bar says it is searching, in words that fit, and the match is
    selected when its piece is in."""
    c = window.compose
    window.show_view("compose")
    c.load(Draft(subject="long", body=long_body(2_000_000)))
    assert c.loader.active
    c.body.setFocus()
    qtbot.waitUntil(c.body.hasFocus)
    qtbot.keyClick(c.body, Qt.Key_F, Qt.ControlModifier)
    bar = window.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.edit.hasFocus())
    qtbot.keyClicks(bar.edit, "The last words.")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    if c.loader.active:
        assert bar.result.text() == SEARCHING
        assert bar.result.width() >= bar.result.sizeHint().width(), "the words are not cut"
        window.grab().save(str(screenshot_dir / "find-bar-searching.png"))
    qtbot.waitUntil(lambda: c.body.textCursor().selectedText() == "The last words.", timeout=30000)
    assert bar.result.text() == ""
    qtbot.keyClick(bar.edit, Qt.Key_Escape)
    assert c.body.hasFocus()


def test_a_reader_hears_where_each_match_is_and_when_there_is_none(qtbot, window):
    """The match is selected in the body, which does not have the focus: each search's outcome is announced
    (issue 62), with the words around the match, each time Enter is pressed."""
    c = window.compose
    said = []
    window.announcer.said.connect(lambda words, assertive: said.append((words, assertive)))
    window.show_view("compose")
    c.load(Draft(subject="short", body="First line about lunch.\nSecond line: lunch on Friday at noon.\n"))
    qtbot.waitUntil(lambda: not c.loader.active)
    c.body.setFocus()
    qtbot.waitUntil(c.body.hasFocus)
    qtbot.keyClick(c.body, Qt.Key_F, Qt.ControlModifier)
    bar = window.find_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.edit.hasFocus())
    qtbot.keyClicks(bar.edit, "lunch")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert said[-1] == ("Found: First line about lunch.", False)
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert said[-1] == ("Found: Second line: lunch on Friday at noon.", False)
    qtbot.keyClick(bar.edit, Qt.Key_Return)  # wraps round: the same words as a moment ago, said again
    assert said[-1] == ("Found: First line about lunch.", False) and len(said) == 3
    bar.edit.setText("dinner")
    qtbot.keyClick(bar.edit, Qt.Key_Return)
    assert said[-1] == ("Not found", False)
    qtbot.keyClick(bar.edit, Qt.Key_Escape)


def test_a_long_line_is_heard_around_the_match():
    from app.ui.compose.find_bar import around

    line = "a" * 300 + " lunch " + "b" * 300
    heard = around(line, 305)
    assert "lunch" in heard and heard.startswith("…") and heard.endswith("…") and len(heard) <= 122
    assert around("  short line ", 3) == "short line"
