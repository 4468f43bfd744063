"""A long rich-text body goes into Compose a piece per event-loop turn (issue 16; app/ui/compose/body/body_loader.py,
app/ui/compose/body/rich_cuts.py).

``setHtml`` of a 10 MB rich draft was one call of seconds on the UI thread. Now HTML that Qt wrote (a draft
Dispatch saved) is cut between its top-level paragraphs and imported a piece per turn. These tests assert
what matters and could go wrong: the document is the one ``setHtml`` makes, character for character in
``toHtml()``, at every place a cut can fall; the message saved, sent or autosaved while it loads is the
whole message; nothing a piece refers to is fetched; HTML Qt did not write is not cut. None asserts a time.
"""

from __future__ import annotations

import os
import re

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app.domain.models import BodyFormat, Draft
from app.ui.compose.body import body_loader, rich_cuts
from app.ui.compose.compose_view import html_head
from tests.helpers.rich import _loaded, ctrl_s_while_it_opens, load_linking_a_served_sheet, set_whole

#: one of everything Qt's exporter writes at the top level, and paragraphs that differ from their
#: neighbours in block and character formats (a piece's first paragraph must keep its own)
MIXED = """<h1>Title</h1><p>plain para with   spaces</p><p align=center style="color:red">centered <b>bold</b>
<i>it</i></p><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><p>after list</p><ol><li>n1</li></ol>
<p style="margin-left:40px">indented</p><p></p><p><br></p><table border=1><tr><td><p>c1</p><p>c1b</p></td>
<td>c2</td></tr></table><p>after table <a href="https://example.com/">link</a></p><hr><p>after hr</p>
<p>z&amp;&lt;&gt; \u00e9 \U0001F600</p><h2>sub</h2><p style="font-size:20pt">big</p><blockquote>quote</blockquote>
<p>x<br>y</p><p style="background-color:yellow">hl</p><p dir="rtl">\u05e9\u05dc\u05d5\u05dd</p>
<p><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
width=4 height=4> image</p>"""


def qt_html(unit: str, times: int, font=None) -> str:
    """What Qt writes for ``unit`` repeated ``times`` times (a draft Dispatch saved)."""
    doc = QTextDocument()
    if font is not None:
        doc.setDefaultFont(font)
    doc.setHtml(unit * times)
    return doc.toHtml()


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of ``size`` characters of HTML: with 1, a cut at every place one may fall."""
    def use(size: int):
        monkeypatch.setattr(body_loader, "RICH_PIECEWISE_FROM", 10)
        monkeypatch.setattr(body_loader, "RICH_FIRST_PIECE", size)
        monkeypatch.setattr(body_loader, "MIN_PIECE", size)
        monkeypatch.setattr(body_loader, "MAX_PIECE", size)
    return use


@pytest.mark.parametrize("size", [1, 700, 5000])
def test_pieces_make_the_same_document_as_one_set_html(qtbot, small_pieces, size):
    from app.ui.common.safe_text import SafeTextEdit

    small_pieces(size)
    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    edit.show()
    html = qt_html(MIXED, 12, edit.document().defaultFont())
    cuts = len(re.findall(r"</p>\n<p ", html))
    loader = body_loader.BodyLoader(edit)
    loader.start(edit, html, rich=True)
    assert loader.active and loader.rich
    _loaded(qtbot, loader)
    assert loader.turns >= (cuts // 3 if size == 1 else 2), "the body went in over many turns"
    assert edit.document().toHtml() == set_whole(html, edit.document().defaultFont())


def test_cuts_fall_only_between_two_top_level_paragraphs():
    html = qt_html(MIXED, 3)
    start, end = rich_cuts.qt_body(html)
    pos, cuts = start, []
    while pos < end:
        pos = rich_cuts.next_cut(html, pos, 1, end)
        cuts.append(pos)
    assert cuts[-1] == end and len(cuts) > 10
    for c in cuts[:-1]:
        assert html[c - 5:c] == "</p>\n" and html.startswith("<p ", c), html[c - 40:c + 40]
        before = html[start:c]
        for tag in ("ul", "ol", "table"):
            assert before.count(f"<{tag}") == before.count(f"</{tag}>"), f"a cut inside a <{tag}>"
    table = html.index("<table")
    assert not any(table < c < html.index("</table>", table) for c in cuts), "never inside the table's cells"


def test_html_that_qt_did_not_write_is_never_cut(qtbot, small_pieces):
    """Short foreign HTML is set in one call, however small the pieces (a long one goes through the
    helper process first: tests/ui/test_foreign_html.py)."""
    from app.ui.common.safe_text import SafeTextEdit

    small_pieces(1000)
    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    foreign = ("<html><head><style>p.MsoNormal {margin:0}</style></head><body><div class=WordSection1>"
               + "<p class=MsoNormal>Outlook's paragraph</p>\n" * 1000 + "</div></body></html>")
    assert body_loader.RICH_PIECEWISE_FROM < len(foreign) < body_loader.FOREIGN_FROM
    assert rich_cuts.qt_body(foreign) is None
    loader = body_loader.BodyLoader(edit)
    loader.start(edit, foreign, rich=True)
    assert not loader.active and not loader.waiting, "not cut: its structure is not Qt's"
    assert edit.document().toHtml() == set_whole(foreign, edit.document().defaultFont())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a FIFO shows each read of the sheet (POSIX only)")
def test_a_piece_fetches_nothing(qtbot, small_pieces, tmp_path):
    """Each piece is imported with the body's head; a style sheet the head links to is asked of the
    editor's SafeDocument (refused), never read by Qt (a fragment imported without the document as its
    resource provider, or into a plain QTextDocument, reads ``file:`` style sheets itself: ``/dev/zero``
    would never end). The sheet is a FIFO served by another process: each open of it is written down."""
    small_pieces(2000)
    html = qt_html("<p>para <b>bold</b></p><p></p>", 400)  # a piece may start with an empty paragraph
    edit, _loader, opened = load_linking_a_served_sheet(qtbot, tmp_path, lambda url: html.replace(
        "</head>", f'<link rel="stylesheet" type="text/css" href="{url}" /></head>', 1))
    assert not opened, "Qt read the linked style sheet"
    out = edit.document().toHtml()
    assert "41pt" not in out and "#123456" not in out
    assert any(u.endswith("evil.css") for u in edit.document().blocked)


def test_a_long_rich_draft_opens_in_pieces_and_the_message_is_whole_all_along(wired, qtbot):
    c, autosave, journal = wired
    html = qt_html(MIXED, 60, c.body.document().defaultFont())
    assert len(html) > body_loader.RICH_PIECEWISE_FROM
    c.load(Draft(subject="rich and long", body=html, body_format=BodyFormat.HTML))
    assert c.loader.active and c.loader.rich, "a long rich body is not set in one call"
    assert len(c.body.document().toHtml()) < len(html) // 4, "load() put only the first piece in"
    assert c.state_label.text().startswith("Opening…")
    during = c.draft().body
    assert c.loader.active, "draft() did not put the rest in"
    c.subject.setText("rich and long, renamed")  # an edit: autosave takes the message while it loads
    edits = c.edits
    autosave.flush()
    autosave.drain()
    journaled = journal.get(c.identity().local_id).draft.body
    _loaded(qtbot, c.loader)
    after = c.draft().body
    assert after == set_whole(html, c.body.document().defaultFont()), "the document setHtml makes"
    assert during == after, "a save or send while it loads takes the whole message"
    assert journaled == after, "autosave while it loads: the document's HTML and the rest"
    assert c.edits == edits, "the loader's appends are not edits"
    doc = c.body.document()
    assert doc.isUndoRedoEnabled() and not doc.isUndoAvailable(), "loading is not an undo step"


def test_typing_while_a_rich_draft_loads_is_kept(wired, qtbot):
    c, autosave, journal = wired
    html = qt_html(MIXED, 60, c.body.document().defaultFont())
    c.load(Draft(subject="typed into", body=html, body_format=BodyFormat.HTML))
    assert c.loader.active
    c.body.setFocus()
    qtbot.keyClicks(c.body, "Dear Bob, ")
    assert c.loader.active, "typed before the body was all in"
    during = c.draft().body
    autosave.flush()
    autosave.drain()
    journaled = journal.get(c.identity().local_id).draft.body
    _loaded(qtbot, c.loader)
    after = c.draft().body
    assert "Dear Bob, " in after and after.count("n1") == 60
    assert during == after and journaled == after
    for _ in range(5):
        c.body.undo()
    assert c.draft().body.count("n1") == 60, "undo never takes loaded text out"


def test_a_head_the_document_would_not_write_puts_the_rest_in_before_a_save(wired, qtbot):
    """Spliced into the document's HTML, the rest of a body must mean what it meant under its own head: when
    the heads differ (another default font), the message is taken after the rest is in."""
    from PySide6.QtGui import QFont

    c, _autosave, _journal = wired
    other = QFont("Serif", 17)
    html = qt_html(MIXED, 60, other)
    c.load(Draft(subject="another font", body=html, body_format=BodyFormat.HTML))
    assert c.loader.active
    assert c.loader.head() != html_head(c.body.document().toHtml())
    body = c.draft().body
    assert not c.loader.active, "the rest went in first"
    assert body == set_whole(html, c.body.document().defaultFont())


def test_ctrl_s_while_a_long_rich_draft_opens_saves_all_of_it(qtbot, window, sandbox):
    """The real window and the sandbox over HTTP: a long rich draft is opened and saved before it is all
    in; the server gets the whole message, the same HTML the editor has once the body is in."""
    c = window.compose
    html = qt_html(MIXED, 60, c.body.document().defaultFont())
    saved = ctrl_s_while_it_opens(qtbot, window, sandbox, html, lambda loader: loader.active)
    _loaded(qtbot, c.loader)
    assert saved == c.draft().body
    assert saved.count("n1") == 60


def test_the_sent_preview_shows_a_long_message_in_pieces(qtbot):
    """The Sent preview set a 10 MB message in one call (and freed it in one when the next was shown): it
    loads the body as Compose does; Find in it puts the rest in first; the next message stops the loading."""
    from app.ui.compose.body.body_loader import PIECEWISE_FROM
    from app.ui.lists.sent_view import SentView

    s = SentView()
    qtbot.addWidget(s)
    s.resize(900, 700)
    s.show()
    html = qt_html(MIXED, 60, s.body.document().defaultFont())
    s.show_message(Draft(subject="long and rich", body=html, body_format=BodyFormat.HTML))
    assert s.preview.loader.active and s.preview.loader.rich, "not set in one call"
    _loaded(qtbot, s.preview.loader)
    assert s.body.document().toHtml() == set_whole(html, s.body.document().defaultFont())
    plain = "A line of a long sent message.\n" * (PIECEWISE_FROM // 20)
    s.show_message(Draft(subject="long and plain", body=plain))
    assert s.preview.loader.active
    s.body.ensure_whole()  # what Find does first
    assert not s.preview.loader.active and s.body.toPlainText() == plain
    s.show_message(Draft(subject="long and rich", body=html, body_format=BodyFormat.HTML))
    assert s.preview.loader.active
    s.show_message(Draft(subject="short", body="Only this."))
    assert not s.preview.loader.active
    assert s.preview.reaper.busy(), "the long message's document is freed a piece per turn"
    for _ in range(20):  # turns in which a loader not stopped would append
        QApplication.processEvents()
    assert s.body.toPlainText() == "Only this."
    qtbot.waitUntil(lambda: not s.preview.reaper.busy(), timeout=30000)
    assert s.preview.reaper.pieces > 1
    s.clear_preview()
    assert s.body.toPlainText() == ""


def test_a_long_rich_draft_with_lists_goes_in_and_saves_exactly_what_the_editor_holds(wired, qtbot):
    """A long rich draft of lists and paragraphs goes in a piece per turn; typed into at its end after, the
    message is exactly Qt's ``toHtml()`` of the document, every paragraph in it once."""
    c, _autosave, _journal = wired
    # a table (and this inline image) make Qt add frames
    no_frames = re.sub(r"<table.*?</table>|<img[^>]*>", "", MIXED, flags=re.S)
    html = qt_html(no_frames, 1200, c.body.document().defaultFont())
    c.load(Draft(subject="lists", body=html, body_format=BodyFormat.HTML))
    assert c.loader.active
    _loaded(qtbot, c.loader)
    c.body.moveCursor(c.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(c.body, " and a few more words")
    assert c.draft().body == c.body.document().toHtml()
    assert c.draft().body.count("n1") == 1200 and "and a few more words" in c.draft().body


def test_the_turns_after_a_long_rich_draft_leave_room_for_what_fell_due(wired, qtbot):
    """The loader's pieces are each one turn: a timer that fell due during one runs before the next
    (TurnOrder in test_body_loader.py; red with the loader's timer repeating instead of started again after
    each turn)."""
    from tests.helpers.bodies import TurnOrder

    c, _autosave, _journal = wired
    no_frames = re.sub(r"<table.*?</table>|<img[^>]*>", "", MIXED, flags=re.S)
    html = qt_html(no_frames, 1500, c.body.document().defaultFont())
    order = TurnOrder()
    c.loader.progress.connect(order.slice)
    order.start(qtbot)
    c.load(Draft(subject="lists", body=html, body_format=BodyFormat.HTML))
    _loaded(qtbot, c.loader)
    turns, due, followed = order.back_to_back()
    assert turns > 20 and due > 5
    assert followed == 0, f"{followed} of {due} turns ran right after the one before"
    assert c.draft().body == c.body.document().toHtml()


def test_qts_html_that_a_server_added_to_is_still_cut(wired, qtbot):
    """A server may add to the head (Exchange writes its own ``<meta>``), turn line ends into CRLF and end
    the body with one: the body is still Qt's, cut the same way and the same document in the end. The
    head is no longer the one the document writes, so a save while it loads puts the rest in first."""
    c, _autosave, _journal = wired
    font = c.body.document().defaultFont()
    html = qt_html(MIXED, 60, font)
    served = html.replace("\n", "\r\n").replace(
        "<head>", '<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">', 1) + "\r\n"
    assert rich_cuts.qt_body(served) is not None
    c.load(Draft(subject="served", body=served, body_format=BodyFormat.HTML))
    assert c.loader.active and c.loader.rich
    assert c.loader.head() != html_head(c.body.document().toHtml())
    during = c.draft().body
    assert not c.loader.active, "the rest went in first"
    assert during == set_whole(served, font) == set_whole(html, font)


def test_typing_at_the_top_while_it_goes_in_saves_exactly_what_the_editor_holds(wired, qtbot):
    """Keys typed before the appended pieces while a long rich draft goes in: once it is in, the message is
    exactly ``toHtml()`` and starts with what was typed."""
    c, _autosave, _journal = wired
    no_frames = re.sub(r"<table.*?</table>|<img[^>]*>", "", MIXED, flags=re.S)
    c.load(Draft(subject="lists", body=qt_html(no_frames, 1200, c.body.document().defaultFont()),
                 body_format=BodyFormat.HTML))
    qtbot.waitUntil(lambda: c.loader.turns > 2, timeout=60000)
    assert c.loader.active, "typed before the body was all in"
    c.body.setFocus()
    c.body.moveCursor(c.body.textCursor().MoveOperation.Start)
    qtbot.keyClicks(c.body, "Dear Bob, ")
    _loaded(qtbot, c.loader)
    assert c.draft().body == c.body.document().toHtml()
    assert c.body.document().toPlainText().startswith("Dear Bob, ")
