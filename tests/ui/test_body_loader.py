"""A long plain body goes into Compose a piece per event-loop turn (issue 16; app/ui/compose/body/body_loader.py).

``setPlainText`` of a 10 MB draft froze the UI ~330 ms in one call, then Qt's lazy layout took ~27 ms a
turn for ~50 turns. Now the editor gets the body in pieces, and until the last is in, the message is the
document's text plus the loader's tail: a save, a send or an autosave meanwhile takes the whole body,
typing meanwhile is kept, undo never takes loaded text out, and another message stops the loading.
These tests run the real Compose (and, for the save, the real window on the sandbox over HTTP); none
asserts a time: they assert what is in the document, the journal and the server, and in how many turns.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.models import BodyFormat, Draft
from app.ui.compose.body import body_loader
from app.ui.compose.body.body_loader import PIECEWISE_FROM, cut
from tests.helpers.bodies import LINE, TurnOrder, long_body


def _loaded(qtbot, c) -> None:
    qtbot.waitUntil(lambda: not c.loader.active, timeout=30000)


def test_a_long_body_goes_in_over_many_turns_and_the_message_is_whole_all_along(wired, qtbot):
    c, _autosave, _journal = wired
    body = long_body()
    c.load(Draft(subject="long", body=body))
    assert c.loader.active, "a long body is not set in one call"
    held = len(c.body.toPlainText())
    assert 0 < held < len(body) // 4, "load() put only the first piece in"
    assert c.draft().body == body, "a save or send during loading takes the whole body"
    assert c.state_label.text().startswith("Opening…")
    seen = []
    c.loader.progress.connect(lambda done, total: seen.append(done))
    _loaded(qtbot, c)
    assert c.loader.turns > 3 and len(seen) > 3, "the rest went in over several turns"
    assert seen == sorted(seen) and seen[-1] == len(body)
    assert c.body.toPlainText() == body
    assert c.mirror.text() == body
    assert c.draft().body == body
    assert c.edits == c.saved_edits, "the loader's appends are not edits"
    assert c.state_label.text() == "Not saved"
    doc = c.body.document()
    assert doc.isUndoRedoEnabled() and not doc.isUndoAvailable(), "loading is not an undo step"


def test_the_first_piece_fills_the_screen_and_no_more_goes_in_at_once(wired, qtbot):
    """load() puts in a few screens of text, no more (what it sets in its one call, and what the first
    append adds, is the opening's longest stall); the user sees the editor full from the first frame."""
    c, _autosave, _journal = wired
    c.resize(900, 700)
    body = long_body()
    c.load(Draft(subject="long", body=body))
    held = len(c.body.toPlainText())
    assert held <= body_loader.FIRST_PIECE, "load() set the first piece only"
    assert held > body_loader.FIRST_PIECE - len(LINE), "and the first piece is a whole one"
    doc = c.body.document()
    doc.documentLayout().documentSize()  # laid out as it would be for its first paint
    screens = doc.size().height() / c.body.viewport().height()
    assert screens > 1, "the first piece fills the screen"
    assert screens < 10, "and is a few screens, not a long stall's worth"
    first_turn = []
    c.loader.progress.connect(lambda done, _total: first_turn.append(done) if not first_turn else None)
    qtbot.waitUntil(lambda: bool(first_turn), timeout=10000)
    assert first_turn[0] - held <= body_loader.FIRST_PIECE, "the first append is no bigger than the first piece"
    _loaded(qtbot, c)


def test_a_timer_that_fell_due_during_a_piece_runs_before_the_next_piece(wired, qtbot):
    """Each piece is one turn of the event loop: whatever fell due while a piece went in (a key, a paint,
    another timer) runs before the next piece. A repeating 0 ms timer counts its next timeout from when the
    piece began, so it came first and two pieces ran back to back, one stall of two pieces (7-9 ms in
    bench_typing_stall.py); the loader's timer is started again after each piece. Ordering, not time: a
    piece after which the other timer was due must be followed by its tick."""
    c, _autosave, _journal = wired
    order = TurnOrder()
    c.loader.progress.connect(order.slice)
    body = long_body(PIECEWISE_FROM * 12)
    order.start(qtbot)
    c.load(Draft(subject="long", body=body))
    _loaded(qtbot, c)
    pieces, due, followed = order.back_to_back()
    assert pieces > 10, "the body went in over many turns"
    assert due > 5, "pieces after which the other timer was due (the case this test is about)"
    assert followed == 0, f"{followed} of {due} pieces ran right after the one before"
    assert c.body.toPlainText() == body


def test_a_short_body_is_set_at_once(wired):
    c, _autosave, _journal = wired
    c.load(Draft(subject="short", body="Hello\r\nthere"))
    assert not c.loader.active
    assert c.body.toPlainText() == "Hello\nthere"


@pytest.mark.parametrize("size", [7, 64, 333])
def test_pieces_make_the_same_document_as_one_set_plain_text(qtbot, monkeypatch, size):
    """Qt makes one paragraph of ``\\r\\n`` but two of ``\\r`` and ``\\n`` inserted apart: no piece
    boundary (however small the pieces) makes the document differ from ``setPlainText`` of the whole."""
    from app.ui.common.safe_text import SafeTextEdit

    tricky = ("a\r\nb\rc\n\r\n\u2029d\u2028e\t\U0001F600f\r" * 40) + "x" * 300 + "\r\n" + "end\r"
    tricky += "".join("y" * k + "\r\n" for k in range(1, 400, 3))  # lines longer than a piece, ending \r\n
    monkeypatch.setattr(body_loader, "PIECEWISE_FROM", 10)
    monkeypatch.setattr(body_loader, "FIRST_PIECE", size)
    monkeypatch.setattr(body_loader, "MIN_PIECE", size)
    monkeypatch.setattr(body_loader, "MAX_PIECE", size)
    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    loader = body_loader.BodyLoader(edit)
    loader.start(edit, tricky)
    assert loader.active
    qtbot.waitUntil(lambda: not loader.active, timeout=30000)
    assert loader.turns >= 2
    whole = QTextDocument()
    whole.setPlainText(tricky)
    assert edit.document().blockCount() == whole.blockCount()
    assert edit.toPlainText() == whole.toPlainText()


def test_a_cut_never_falls_between_cr_and_lf():
    text = "ab\r\ncd\r\nef"
    for start in range(len(text)):
        for size in range(1, len(text) + 1):
            end = cut(text, start, size)
            assert start < end <= len(text)
            assert not (text[end - 1] == "\r" and end < len(text) and text[end] == "\n"), (start, size)
    assert cut("x" * 10 + "\n" + "y" * 10, 0, 15) == 11, "a piece ends after a line break if one is near"


def test_typing_while_it_loads_is_kept_and_autosaved_with_the_rest(wired, qtbot):
    c, autosave, journal = wired
    body = long_body()
    c.load(Draft(subject="typed into", body=body))
    assert c.loader.active
    c.body.setFocus()
    qtbot.keyClicks(c.body, "Dear Bob, ")  # the cursor is at the start after a load
    assert c.loader.active, "typed before the body was all in"
    assert c.draft().body == "Dear Bob, " + body
    assert c.edits != c.saved_edits and c.state_label.text() == "Not saved"
    autosave.flush()
    autosave.drain()
    assert journal.get(c.identity().local_id).draft.body == "Dear Bob, " + body, "autosave: doc + tail"
    _loaded(qtbot, c)
    assert c.body.toPlainText() == "Dear Bob, " + body
    for _ in range(5):
        c.body.undo()
    assert c.body.toPlainText().endswith(body), "undo never takes loaded text out"


def test_another_message_stops_the_loading(wired, qtbot):
    c, _autosave, _journal = wired
    c.load(Draft(subject="long", body=long_body()))
    assert c.loader.active
    c.load(Draft(subject="short", body="Only this."))
    assert not c.loader.active
    for _ in range(20):  # turns in which a loader not stopped would append (its timer fires every turn)
        QApplication.processEvents()
    assert c.body.toPlainText() == "Only this."
    assert c.draft().body == "Only this."
    c.load(Draft(subject="long", body=long_body()))
    c.load(Draft(subject="rich", body="<p>Rich <b>words</b></p>", body_format=BodyFormat.HTML))
    for _ in range(20):
        QApplication.processEvents()
    assert c.body.toPlainText() == "Rich words", "a rich message (set in one call) stops the loading too"
    second = long_body(PIECEWISE_FROM * 2).replace("Line", "Row")
    c.load(Draft(subject="long", body=long_body()))
    c.load(Draft(subject="another long", body=second))
    _loaded(qtbot, c)
    assert c.body.toPlainText() == second


def test_what_needs_the_whole_body_gets_it(wired, qtbot):
    """A switch to rich text and a signature read or rewrite the whole document: a body still loading is
    put in whole first. (Find searches it as it comes: tests/ui/test_find_loading.py.)"""
    c, _autosave, _journal = wired
    body = long_body()
    c.load(Draft(subject="long", body=body))
    assert c.loader.active
    c.body.ensure_whole()
    assert not c.loader.active and c.body.toPlainText() == body
    c.load(Draft(subject="long", body=body))
    assert c.loader.active
    c.rich.setChecked(True)  # Ctrl+Shift+T's checkbox
    assert not c.loader.active
    assert c.body.toPlainText() == body
    assert "The last words." in c.draft().body
    c.rich.setChecked(False)

    from app.domain.snippets import Signature
    from app.ui.compose.signature_block import SignatureBlock

    block = SignatureBlock(c)
    c.load(Draft(subject="long", body=body))
    assert c.loader.active
    block.switch(Signature("Work", "Alice\nDispatch Ltd"))
    assert not c.loader.active
    assert c.body.toPlainText().startswith(body) and c.body.toPlainText().endswith("Alice\nDispatch Ltd"), \
        "the signature goes after all of the body, not after the part loaded so far"


def test_a_blank_start_with_words_further_on_is_not_empty(wired):
    c, _autosave, _journal = wired
    c.load(Draft(body=" " * PIECEWISE_FROM + "\n" * 1000 + "words at the end"))
    assert c.loader.active and not c.body.toPlainText().strip()
    assert not c.is_empty()


def test_ctrl_s_while_a_long_draft_opens_saves_all_of_it(qtbot, window, sandbox):
    """The real window and the sandbox over HTTP: a long draft is opened and saved before it is all in;
    the server gets every word."""
    from tests.helpers.compose import type_message
    from tests.helpers.keys import CTRL, key
    from tests.helpers.mailbox import items

    win = window
    c = win.compose
    body = long_body()
    type_message(qtbot, win, subject="long draft", body="short for now")
    c.load(Draft(subject="long draft", body=body))
    assert c.loader.active
    c.body.setFocus()
    qtbot.keyClicks(c.body, "P.S. ")
    key(qtbot, win, Qt.Key_S, CTRL)
    assert c.loader.active, "Ctrl+S came before the body was all in"
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and c.current_ref() is not None, timeout=30000)
    assert items(sandbox, "drafts")[0]["body"] == "P.S. " + body
    _loaded(qtbot, c)
    assert c.body.toPlainText() == "P.S. " + body
