"""Autosave of a big body (issue 16): what the journal holds is what the editor holds, and the UI thread
never reads the whole body to save it.

Compose keeps the body's plain text in a mirror fed by ``QTextDocument.contentsChange`` (only the changed
characters are read); autosave takes the mirror's immutable chunks, which the journal thread streams into
the journal.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.compose import text_mirror
from tests.helpers.bodies import open_body


def _saved(c, autosave, journal) -> str:
    autosave.flush()
    autosave.drain()
    return journal.get(c.identity().local_id).draft.body


def test_what_is_saved_is_what_the_editor_holds_after_every_kind_of_edit(wired, qtbot):
    c, autosave, journal = wired
    body = c.body
    edits = []

    def check(what):
        edits.append(what)
        assert c.mirror.text() == body.toPlainText(), what
        assert _saved(c, autosave, journal) == body.toPlainText(), what

    body.setFocus()
    qtbot.keyClicks(body, "Hello world")
    check("typed")
    qtbot.keyClick(body, Qt.Key_Return)
    qtbot.keyClicks(body, "second line\tend")
    check("new line and tab")
    for _ in range(4):
        qtbot.keyClick(body, Qt.Key_Backspace)
    check("backspace")
    body.moveCursor(QTextCursor.Start)
    qtbot.keyClick(body, Qt.Key_Delete)
    qtbot.keyClicks(body, "J")
    check("delete at the start")
    QApplication.clipboard().setText("pasted\nlines\u00a0with a no-break space\n")
    body.moveCursor(QTextCursor.End)
    body.paste()
    check("paste")
    body.undo()
    check("undo")
    body.redo()
    check("redo")
    cur = body.textCursor()  # select across lines and replace (as a find-and-replace would)
    cur.setPosition(3)
    cur.setPosition(20, QTextCursor.KeepAnchor)
    cur.insertText("REPLACED")
    check("replace a selection")
    cur.beginEditBlock()  # one edit block: Qt reports one merged change
    cur.movePosition(QTextCursor.Start)
    cur.insertText("top\n")
    cur.movePosition(QTextCursor.End)
    cur.insertText("\nbottom")
    cur.endEditBlock()
    check("two places in one edit block")
    body.selectAll()
    qtbot.keyClicks(body, "all new")
    check("select all and type")
    # rich text and formatting: the mirror keeps following (the journal then takes the HTML)
    c.rich.setChecked(True)
    body.selectAll()
    c.bold_action.trigger()
    qtbot.keyClicks(body, " bold")
    c.bullets_action.trigger()
    qtbot.keyClicks(body, "item")
    assert c.mirror.text() == body.toPlainText()
    assert "bold" in _saved(c, autosave, journal) and "<" in _saved(c, autosave, journal)
    c.rich.setChecked(False)  # back to plain: the formatting question; remove it
    c.fmt.question.accept_button.click()
    qtbot.keyClicks(body, " plain again")
    check("after rich text")
    c.body.clear()
    check("cleared")
    assert len(edits) == 12
    # every change was followed from what Qt reported, never by reading the document again
    # (clear() is the one exception Qt forces: it reports the emptied document before the removal)
    assert c.mirror.resyncs <= 1


def test_a_loaded_draft_and_edits_inside_a_big_body_are_saved_exactly(wired, qtbot):
    from app.domain.models import Draft

    c, autosave, journal = wired
    big = "".join(f"line {i} ü\n" for i in range(20000))  # > many chunks
    open_body(qtbot, c, Draft(body=big))
    assert c.mirror.text() == big
    cur = c.body.textCursor()
    for pos, text in ((5, "A"), (70000, "B\nC"), (len(big) - 3, "Z"), (131072, "")):
        cur.setPosition(pos)
        if not text:
            cur.setPosition(pos + 40000, QTextCursor.KeepAnchor)  # a deletion across chunks
            cur.removeSelectedText()
        else:
            cur.insertText(text)
    assert _saved(c, autosave, journal) == c.body.toPlainText()
    assert c.mirror.resyncs == 0


def test_typing_into_a_big_body_never_reads_it_whole_on_the_ui_thread(wired, qtbot, monkeypatch):
    """The UI thread reads only the characters typed; the journal thread streams the mirror's pieces."""
    from app.domain.models import Draft

    c, autosave, journal = wired
    big = ("y" * 39 + "ж" * 40 + "\n") * 12500  # 1 MB, not ASCII
    open_body(qtbot, c, Draft(body=big))
    c.body.setFocus()
    c.body.moveCursor(QTextCursor.End)

    whole_reads = []  # (what, thread)
    for obj, name in ((c.body, "toPlainText"), (c.body, "toHtml"), (c.body.document(), "toPlainText"),
                      (c.body.document(), "toHtml"), (c.body.document(), "toRawText")):
        real = getattr(obj, name)

        def spy(*a, real=real, name=name):
            whole_reads.append((name, threading.current_thread().name))
            return real(*a)
        monkeypatch.setattr(obj, name, spy)
    real_join = text_mirror.join

    def join(chunks):
        whole_reads.append(("join", threading.current_thread().name))
        return real_join(chunks)
    monkeypatch.setattr(text_mirror, "join", join)

    records = []  # (thread, body given as pieces)
    real_record = journal.record

    def record(draft, *a, **kw):
        records.append((threading.current_thread().name, kw.get("body_pieces") is not None))
        return real_record(draft, *a, **kw)
    monkeypatch.setattr(journal, "record", record)

    read_before = c.mirror.read_chars
    typed = 0
    for burst in range(5):  # each burst is followed by the save the timer would make
        for ch in "the quick brown fox ":
            c.body.insertPlainText(ch)
            typed += 1
        autosave.flush()
    autosave.drain()
    assert autosave.records == 5
    on_ui = [w for w in whole_reads if w[1] == threading.main_thread().name]
    assert on_ui == [], f"the whole body was read on the UI thread: {on_ui}"
    assert whole_reads == []  # the journal thread streams the pieces: nobody joins them
    assert len(records) == 5 and all(t.startswith("journal") and pieces for t, pieces in records)
    assert c.mirror.read_chars - read_before == typed  # the UI thread read what was typed, nothing more
    monkeypatch.undo()
    assert journal.get(c.identity().local_id).draft.body == c.body.toPlainText() == big + "the quick brown fox " * 5


def _big_body(lines: int = 5000) -> str:
    return "".join(f"paragraph {i:05d} of a big body, long enough to be a real line of a message.\n"
                   for i in range(lines))  # 5,000 paragraphs, ~400 K characters


def test_a_big_body_is_freed_in_pieces_and_the_next_message_is_followed(wired, qtbot):
    """Issue 16: Qt freed a laid-out 10 MB document in one call (~110 ms on the UI thread) when Compose was
    cleared after sending it. Compose now gets a fresh document at once and the old one is freed a few
    thousand paragraphs per event-loop turn; the mirror (and so autosave) follows the new document only."""
    import shiboken6

    from app.domain.models import Draft
    from app.ui.compose.body.doc_reaper import BIG_DOCUMENT, REAP_BLOCKS

    c, autosave, journal = wired
    big = _big_body()
    assert len(big) > BIG_DOCUMENT and big.count("\n") > 2 * REAP_BLOCKS
    open_body(qtbot, c, Draft(body=big))
    c.body.moveCursor(QTextCursor.End)  # laid out to its end, as after typing or scrolling there
    old = c.body.document()
    with qtbot.waitSignal(c.reaper.freed, timeout=10000):
        c.clear()
        assert type(old.documentLayout()).__name__ != "_NoLayout", "laid out to its end: Qt's layout frees it by pieces"
        assert c.body.document() is not old and c.body.toPlainText() == "" and c.mirror.text() == ""
        assert old.blockCount() > REAP_BLOCKS, "not freed in the same call"
        assert old.receivers(SIGNAL("contentsChange(int,int,int)")) == 0, "nothing follows the old body"
        resyncs = c.mirror.resyncs
        c.body.setFocus()
        qtbot.keyClicks(c.body, "a new message")  # typed while the old body is still being freed
        assert c.mirror.text() == "a new message"
    assert c.reaper.pieces >= 3 and c.reaper.largest_piece <= REAP_BLOCKS
    assert not shiboken6.isValid(old)
    assert c.mirror.resyncs == resyncs  # the typing was followed edit by edit, the freeing not at all
    qtbot.keyClicks(c.body, ", typed on")
    assert c.mirror.text() == c.body.toPlainText() == "a new message, typed on"
    assert _saved(c, autosave, journal) == "a new message, typed on"
    c.body.undo()  # the old body is no step of the new one's history
    c.body.undo()
    assert c.body.toPlainText() == ""


def test_a_rich_body_cleared_while_qt_lays_it_out_is_freed_without_laying_it_out(wired, qtbot, monkeypatch):
    """Issue 16: Qt lays a long rich body out over a few seconds after it is opened; cleared before that,
    the first piece freed made Qt's layout lay the whole document out up to there in one call (2-3 s for
    10 MB). The document being freed now has a layout that lays nothing out."""
    from app.domain.models import BodyFormat, Draft
    from app.ui.compose.body.doc_reaper import BIG_DOCUMENT, REAP_BLOCKS

    c, _autosave, _journal = wired
    html = "<html><body>" + "".join(f"<p>paragraph {i} with <b>bold</b> words and more words to make a line of it"
                                    f"</p>" for i in range(3 * REAP_BLOCKS)) + "</body></html>"
    c.load(Draft(body=html, body_format=BodyFormat.HTML))
    c.body.ensure_whole()  # set in one call, as Find does at once (else it goes to the helper process first)
    assert not c.loader.active
    old = c.body.document()
    assert old.characterCount() > BIG_DOCUMENT

    def laid_out():
        return sum(old.findBlockByNumber(n).layout().lineCount() > 0 for n in range(old.blockCount()))

    before = laid_out()
    assert before < REAP_BLOCKS, "Qt had not laid it out yet"
    seen = []
    real = c.reaper._step

    def step():
        real()
        if shiboken6.isValid(old):
            seen.append(laid_out())
    monkeypatch.setattr(c.reaper, "_step", step)
    c.reaper._timer.timeout.disconnect()
    c.reaper._timer.timeout.connect(step)
    with qtbot.waitSignal(c.reaper.freed, timeout=20000):
        c.clear()
    assert len(seen) >= 2 and max(seen) <= before, (before, seen)
    assert c.reaper.pieces >= 2


def test_opening_a_message_over_a_big_body_and_a_small_body_cleared_in_place(wired, qtbot):
    from app.domain.models import Draft

    c, autosave, journal = wired
    open_body(qtbot, c, Draft(body=_big_body()))
    first = c.body.document()
    other = _big_body(4000).replace("paragraph", "line")
    with qtbot.waitSignal(c.reaper.freed, timeout=10000):
        c.load(Draft(body=other))  # a draft opened over it
    qtbot.waitUntil(lambda: not c.loader.active, timeout=30000)
    assert c.body.document() is not first
    assert c.mirror.text() == c.body.toPlainText() == other
    c.body.moveCursor(QTextCursor.End)
    qtbot.keyClicks(c.body, "and a last line")
    assert _saved(c, autosave, journal) == other + "and a last line" == c.mirror.text()
    with qtbot.waitSignal(c.reaper.freed, timeout=10000):
        c.load(Draft(body="a short one"))
    small = c.body.document()
    c.clear()  # freeing a short body takes no time: the editor keeps its document
    assert c.body.document() is small and not c.reaper.busy() and c.mirror.text() == ""


def test_checking_a_draft_for_a_save_does_not_take_its_body(wired, qtbot, monkeypatch):
    """Ctrl+S checks the subject and the attachments, then takes the message: the check itself must not
    take the body too (a rich body's toHtml() is ~40 ms per MB; a plain one is joined). A send's check
    needs the body's size, so it takes it."""
    c, _autosave, _journal = wired
    c.rich.setChecked(True)
    c.body.setFocus()
    qtbot.keyClicks(c.body, "a rich body")
    taken = []
    real = c._rich_pieces  # a rich body is taken as its HTML (toHtml() of the whole)
    monkeypatch.setattr(c, "_rich_pieces", lambda: taken.append("pieces") or real())
    real_whole = c.body.toHtml
    monkeypatch.setattr(c.body, "toHtml", lambda: taken.append("whole") or real_whole())
    assert c.validate(for_send=False) == []
    assert taken == []
    assert c.validate(for_send=True)  # no recipient yet
    assert taken == ["pieces"]
    c.rich.setChecked(False)
    c.fmt.question.accept_button.click()  # remove the formatting
    qtbot.keyClicks(c.body, ", plain now")
    assert c.validate(for_send=False) == [] and c.mirror.text_._joined is None  # not joined for the check
    assert c.draft().body == c.body.toPlainText()
