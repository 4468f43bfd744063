"""Autosave of a rich-text body (issues 16 and 47): what is saved is Qt's own ``QTextDocument.toHtml()`` of
the whole document, exactly what the editor holds, after every kind of edit. ``toHtml()`` is one call on the
UI thread (~15 ms per 100 K characters), so a long rich body is autosaved once typing pauses, not every
``max_delay`` while it goes on (``ComposeView.saves_on_pause``; the policy itself is tested with an injected
clock in tests/reliability/test_autosave.py). Real Compose, real journal file.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.domain.models import BodyFormat, Draft
from app.ui.compose.compose_view import RICH_STEADY_MOST
from tests.helpers.bodies import open_rich, rich_body


def _saved(c, autosave, journal) -> str:
    autosave.flush()
    autosave.drain()
    return journal.get(c.identity().local_id).draft.body


def test_typing_into_a_long_rich_body_saves_exactly_what_the_editor_holds(wired, qtbot):
    """A ~400 K-character rich body typed into in the middle, a save after each burst: the journal holds
    exactly ``toHtml()`` each time."""
    c, autosave, journal = wired
    open_rich(qtbot, c, rich_body(6000))
    doc = c.body.document()
    c.body.setFocus()
    cur = c.body.textCursor()
    cur.setPosition(doc.characterCount() // 2)
    c.body.setTextCursor(cur)
    for _ in range(3):
        qtbot.keyClicks(c.body, "typed on ")
        assert _saved(c, autosave, journal) == doc.toHtml()
    assert autosave.records == 3
    assert "typed on typed on typed on" in doc.toPlainText()


def test_formatting_a_long_rich_body_saves_exactly_what_the_editor_holds(wired, qtbot):
    """Compose's own commands (bold, lists, indent, link, paste, undo) on a long rich body: after each, what
    autosave records is ``toHtml()``."""
    c, autosave, journal = wired
    open_rich(qtbot, c, rich_body(3000))
    doc = c.body.document()
    body = c.body
    body.setFocus()

    def check(what):
        assert _saved(c, autosave, journal) == doc.toHtml(), what

    def select(pos, length):
        cur = body.textCursor()
        cur.setPosition(pos)
        cur.setPosition(pos + length, QTextCursor.KeepAnchor)
        body.setTextCursor(cur)

    mid = doc.characterCount() // 2
    select(mid, 2000)
    c.bold_action.trigger()
    check("bold across paragraphs")
    select(mid + 5000, 10)
    c.bullets_action.trigger()
    check("bulleted list")
    c.indent_action.trigger()
    check("indented list")
    select(mid + 9000, 500)
    c.numbered_action.trigger()
    check("numbered list over several paragraphs")
    c.outdent_action.trigger()
    check("outdent")
    select(1, 3)
    c.indent_action.trigger()
    check("the first paragraph indented")
    select(mid + 20000, 0)
    QApplication.clipboard().setText("pasted\nplain\n")
    c.paste_plain_action.trigger()
    check("paste as plain text")
    body.undo()
    check("undo")
    body.redo()
    check("redo")
    select(doc.characterCount() - 10, 5)
    c.link_action.trigger()
    c.fmt.link_bar.field.setText("example.org")
    c.fmt.link_bar.accept_button.click()
    check("link at the end")


def test_a_long_rich_body_waits_for_a_pause_a_short_or_plain_one_does_not(qtbot, window):
    """The real window's autosave: keys typed into a rich body of ``RICH_STEADY_MOST`` characters or more
    are written once typing pauses; into a short rich body, or a long plain one, at least every
    ``max_delay`` while typing goes on (the crash-safety ceiling)."""
    c, autosave = window.compose, window.journal_bridge.autosave

    def typed_into(draft: Draft) -> bool:
        c.load(draft)
        c.body.ensure_whole()
        c.body.setFocus()
        c.body.moveCursor(QTextCursor.End)
        qtbot.keyClicks(c.body, "typed")
        lid = c.identity().local_id
        assert lid in autosave.pending
        waits = autosave.waits_for_pause(lid)
        autosave.flush()
        autosave.drain()
        return waits

    long_rich = rich_body(1000)
    assert len(long_rich) > RICH_STEADY_MOST
    assert typed_into(Draft(subject="long rich", body=long_rich, body_format=BodyFormat.HTML))
    assert not typed_into(Draft(subject="short rich", body=rich_body(20), body_format=BodyFormat.HTML))
    assert not typed_into(Draft(subject="long plain", body="a line of plain text\n" * 5000))


def test_asking_whether_a_rich_compose_is_empty_takes_no_html(wired, qtbot, monkeypatch):
    """Leaving Compose asks whether it is empty (a view switch, a reopen): a rich body's answer is that of
    its text (nothing typed is empty, though its HTML is a whole document: issue 47), without Qt's
    toHtml() of the whole (~110 ms a MB of text)."""
    c, _autosave, _journal = wired
    taken = []
    real = c._rich_pieces
    monkeypatch.setattr(c, "_rich_pieces", lambda: taken.append(1) or real())
    c.rich.setChecked(True)
    assert c.is_empty() is True
    open_rich(qtbot, c, rich_body(300))
    assert c.is_empty() is False
    assert taken == []
    assert c.draft().is_empty() is False and taken == [1]
