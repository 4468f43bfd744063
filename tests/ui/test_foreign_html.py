"""Long HTML that Qt did not write (Outlook's) is made Qt's in the helper process, then goes in a piece per
turn (issue 16; app/ui/compose/body/html_helper.py, app/ui/compose/body/qt_html.py, app/ui/compose/body/body_loader.py).

``setHtml`` of Outlook's HTML runs at ~4 MB a second here, on the UI thread, and cannot move to a thread
(PySide holds the interpreter lock through it). These tests start the real helper (``python -m app
--qt-html``) and assert what matters: the document is the one ``setHtml`` of the body makes, character for
character in ``toHtml()``; the UI process never sets the foreign HTML itself; the helper fetches nothing;
the message while the helper works is the body as it came (a save takes it whole); a helper that fails or
hangs leaves the body to one ``setHtml`` (these two start a helper that does so: a fault injected on purpose,
each asserted to have happened); a new message kills the helper of the last. None asserts a time.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app import own_process
from app.domain.models import BodyFormat, Draft
from app.ui.compose.body import body_loader, html_helper, qt_html, rich_cuts
from bench.bodies import outlook_html as outlook
from tests.helpers.rich import ctrl_s_while_it_opens, load_linking_a_served_sheet, set_whole


def _done(qtbot, loader) -> None:
    qtbot.waitUntil(lambda: not loader.active, timeout=60000)


def _recording(edit) -> list[str]:
    """Every HTML the editor is given with setHtml, in order."""
    calls: list[str] = []
    base = type(edit).setHtml

    def record(html):
        calls.append(html)
        base(edit, html)

    edit.setHtml = record
    return calls


def test_long_outlook_html_is_made_qts_by_the_helper_and_goes_in_in_pieces(qtbot):
    from app.ui.common.safe_text import SafeTextEdit

    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    edit.show()
    calls = _recording(edit)
    foreign = outlook(200_000)
    assert rich_cuts.qt_body(foreign) is None
    loader = body_loader.BodyLoader(edit)
    loader.start(edit, foreign, rich=True)
    assert loader.waiting and edit.isReadOnly() and edit.toPlainText() == ""
    assert loader.tail() == foreign, "while the helper works, the body is the body as it came"
    _done(qtbot, loader)
    assert loader.helper.runs == 1
    assert not edit.isReadOnly()
    assert loader.turns > 2, "Qt's HTML of it went in over many turns"
    assert edit.document().toHtml() == set_whole(foreign, edit.document().defaultFont())
    assert calls and all(rich_cuts.QT_MARK in h and len(h) < len(foreign) // 4 for h in calls), \
        "the UI process set only a first piece of Qt's HTML, never the foreign HTML"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a FIFO shows each read of the sheet (POSIX only)")
def test_the_helper_fetches_nothing(qtbot, tmp_path):
    """The helper sets the body in a SafeDocument: a style sheet it links to is refused, never read (a plain
    QTextDocument reads ``file:`` style sheets of ``type="text/css"`` itself; ``/dev/zero`` would never end).
    The sheet is a FIFO served by another process: each open of it is written down."""
    foreign = outlook(80_000)
    edit, loader, opened = load_linking_a_served_sheet(qtbot, tmp_path, lambda url: foreign.replace(
        "</head>", f'<link rel="stylesheet" type="text/css" href="{url}"></head>', 1))
    assert loader.helper.runs == 1, "it went through the helper"
    assert not opened, "the helper read the linked style sheet"
    assert "41pt" not in edit.document().toHtml() and "#123456" not in edit.document().toHtml()


def test_a_new_message_kills_the_helper_of_the_last(qtbot):
    from app.ui.common.safe_text import SafeTextEdit

    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    loader = body_loader.BodyLoader(edit)
    loader.start(edit, outlook(3_000_000), rich=True)  # seconds of work for the helper
    qtbot.waitUntil(lambda: loader.helper.process is not None, timeout=30000)
    proc = loader.helper.process
    loader.start(edit, "<p>The next message.</p>", rich=True)
    assert not loader.waiting and not edit.isReadOnly()
    assert proc.wait(30) != 0, "the helper was killed, not left to finish"
    for _ in range(20):  # turns in which a late answer would be taken
        QApplication.processEvents()
    assert edit.toPlainText() == "The next message."


@pytest.mark.parametrize("fault", ["fails", "hangs"])
def test_a_helper_that_fails_or_hangs_leaves_the_body_to_one_set_html(qtbot, tmp_path, monkeypatch, fault):
    """A fault injected on purpose: the helper started is one that exits with an error, or one that never
    answers (killed when its time is up). The body then goes in with one setHtml, as it did before."""
    from app.ui.common.safe_text import SafeTextEdit

    marker = tmp_path / "helper.pid"
    script = {"fails": "import os, sys; open(sys.argv[1], 'w').write(str(os.getpid())); sys.exit(3)",
              "hangs": "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(120)"}
    monkeypatch.setattr(qt_html, "command", lambda font: [sys.executable, "-c", script[fault], str(marker)])
    monkeypatch.setattr(html_helper, "BASE_SECONDS", 1.0)
    monkeypatch.setattr(html_helper, "SECONDS_PER_MB", 0.0)
    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    foreign = outlook(100_000)
    loader = body_loader.BodyLoader(edit)
    loader.start(edit, foreign, rich=True)
    assert loader.waiting
    _done(qtbot, loader)
    assert marker.exists(), "the faulty helper ran"
    pid = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended (a hung one killed) and reaped
    assert not edit.isReadOnly()
    assert edit.document().toHtml() == set_whole(foreign, edit.document().defaultFont())


def test_the_body_goes_to_the_helper_in_utf8_and_comes_back_in_ascii(qtbot):
    """Encoded a piece at a time (each call holds the GIL briefly) and answered in ASCII with character
    references: the same characters, astral ones and a lone surrogate included."""
    text = "caf\u00e9 \U0001F600 \ud800 <p>x</p>" * 50
    assert qt_html._utf8(text, piece=7) == text.encode("utf-8", "surrogatepass")
    out = subprocess.run(qt_html.command(""), input=qt_html._utf8("<p>caf\u00e9 \U0001F600 \u05e9</p>"),
                         capture_output=True, cwd=own_process.ROOT, timeout=60, check=True).stdout
    assert out.isascii() and b"&#233;" in out and b"&#128512;" in out
    doc = QTextDocument()
    doc.setHtml(out.decode("ascii"))
    assert doc.toPlainText() == "caf\u00e9 \U0001F600 \u05e9"


@pytest.mark.skipif(not os.path.exists("/proc/self/limits"), reason="reads the helper's limits in /proc")
def test_the_helper_limits_its_own_cpu_time(tmp_path):
    """A helper the app cannot kill (the app was killed first) must still end: it limits its own CPU time to
    the time the app gives it. Read from the running helper's /proc limits."""
    body = outlook(1_000_000)
    proc = subprocess.Popen(qt_html.command(""), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            cwd=own_process.ROOT)
    try:
        proc.stdin.write(qt_html._utf8(body))
        proc.stdin.close()
        limit = None
        while proc.poll() is None and limit is None:  # until the helper has set it (or ended)
            try:
                line = next(ln for ln in open(f"/proc/{proc.pid}/limits") if ln.startswith("Max cpu time"))
            except (OSError, StopIteration):
                break
            soft = line.split()[3]
            limit = int(soft) if soft.isdigit() else None
    finally:
        proc.wait(60)
    assert proc.returncode == 0
    assert limit == int(html_helper.seconds_for(len(body))) + 1


def test_the_packaged_app_is_its_own_helper(monkeypatch):
    """Packaged, the executable takes the flag (its modules come from inside it, never from a folder); from the
    source or an install, Python runs isolated on the installation's folder (app/own_process.py)."""
    from app.mail.engine import engine_command

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert qt_html.command("Font,11") == [sys.executable, html_helper.FLAG, "Font,11"]
    assert engine_command() == [sys.executable, "--mail-engine"]
    monkeypatch.delattr(sys, "frozen")
    for args, module in ((qt_html.command("Font,11"), "app"), (engine_command(), "app.mail.engine_host")):
        assert args[:3] == [sys.executable, "-I", "-c"] and "-m" not in args
        assert args[4] == own_process.ROOT and args[6] == module
    assert qt_html.command("Font,11")[7:] == [html_helper.FLAG, "Font,11"]


def test_the_helper_started_from_a_shared_folder_runs_only_ours(qtbot, tmp_path, monkeypatch):
    """Issue 74, hole 1: the window started from a folder another user can write to, holding an ``app`` package
    and a ``sitecustomize`` of theirs (and named on ``PYTHONPATH``): the helper runs the installation's code and
    none of theirs, and gets none of the window's secrets (hole 8)."""
    from app.ui.common.safe_text import SafeTextEdit
    from tests.helpers.hostile_folder import plant

    ran = plant(tmp_path / "shared")
    monkeypatch.chdir(tmp_path / "shared")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "shared"))
    monkeypatch.setenv("MY_MAIL_PASSWORD", "a password of the window's")
    edit = SafeTextEdit()
    qtbot.addWidget(edit)
    loader = body_loader.BodyLoader(edit)
    foreign = outlook(400_000)
    loader.start(edit, foreign, rich=True)
    qtbot.waitUntil(lambda: loader.helper.process is not None or not loader.active, timeout=30000)
    proc = loader.helper.process
    environ = open(f"/proc/{proc.pid}/environ", "rb").read() if proc is not None and proc.poll() is None else b""
    _done(qtbot, loader)
    assert loader.helper.runs == 1 and loader.helper.failure == ""
    assert edit.document().toHtml() == set_whole(foreign, edit.document().defaultFont())
    assert not ran.exists(), "the planted code ran in the helper: " + ran.read_text()
    assert b"a password of the window's" not in environ


def test_compose_keeps_the_body_as_it_came_until_the_helper_answers(wired, qtbot):
    c, autosave, journal = wired
    foreign = outlook(150_000)
    c.load(Draft(subject="from Outlook", body=foreign, body_format=BodyFormat.HTML))
    assert c.loader.waiting and c.body.isReadOnly()
    assert c.state_label.text().startswith("Opening…")
    placeholder = "Write your message…"
    assert c.body.placeholderText() == body_loader.WAITING_NOTE, "the empty body says it is opening"
    c.body.setFocus()
    qtbot.keyClicks(c.body, "lost?")
    assert c.draft().body == foreign, "a save or send while the helper works takes the body as it came"
    assert c.loader.waiting, "draft() did not set the body in one call"
    edits = c.edits
    began = []  # when the helper's answer goes in: a long one is loading
    c.loader.began.connect(lambda: began.append(c.loader.active))
    _done(qtbot, c.loader)
    assert began == [True]
    whole = set_whole(foreign, c.body.document().defaultFont())
    assert c.body.document().toHtml() == whole
    assert c.draft().body == whole
    assert c.edits == edits, "putting the body in is not an edit"
    assert not c.body.isReadOnly() and not c.state_label.text().startswith("Opening…")
    assert c.body.placeholderText() == placeholder
    doc = c.body.document()
    assert doc.isUndoRedoEnabled() and not doc.isUndoAvailable(), "loading is not an undo step"
    qtbot.keyClicks(c.body, "Typed after.")
    autosave.flush()
    autosave.drain()
    assert "Typed after." in journal.get(c.identity().local_id).draft.body


def test_find_while_the_helper_works_sets_the_body_whole(wired, qtbot):
    c, _autosave, _journal = wired
    foreign = outlook(2_000_000)  # about a second of work for the helper: it is killed, not waited for
    c.load(Draft(subject="from Outlook", body=foreign, body_format=BodyFormat.HTML))
    assert c.loader.waiting
    qtbot.waitUntil(lambda: c.loader.helper.process is not None, timeout=30000)
    proc = c.loader.helper.process
    c.body.ensure_whole()  # what a format switch and a signature do first
    assert not c.loader.active and not c.loader.waiting and not c.body.isReadOnly()
    assert c.body.document().toHtml() == set_whole(foreign, c.body.document().defaultFont())
    assert proc.wait(30) != 0, "the helper was killed"


def test_ctrl_s_while_the_helper_works_saves_the_body_as_it_came(qtbot, window, sandbox, screenshot_dir):
    """The real window and the sandbox over HTTP: a long Outlook draft is saved before the helper answers;
    the server gets the body as it came."""
    c = window.compose
    foreign = outlook(150_000)
    window.show_view("compose")
    saved = ctrl_s_while_it_opens(qtbot, window, sandbox, foreign, lambda loader: loader.waiting)
    if c.loader.waiting:
        window.grab().save(str(screenshot_dir / "compose-opening-outlook-html.png"))
    assert saved.count("Bob Builder") == foreign.count("Bob Builder") > 40
    _done(qtbot, c.loader)
    assert c.draft().body.count("Bob Builder") == foreign.count("Bob Builder")
    window.grab().save(str(screenshot_dir / "compose-opened-outlook-html.png"))


def test_the_sent_preview_shows_long_outlook_html_the_same_way(qtbot):
    from app.ui.lists.sent_view import SentView

    s = SentView()
    qtbot.addWidget(s)
    s.resize(900, 700)
    s.show()
    foreign = outlook(150_000)
    s.show_message(Draft(subject="from Outlook", body=foreign, body_format=BodyFormat.HTML))
    assert s.preview.loader.waiting
    _done(qtbot, s.preview.loader)
    assert s.preview.loader.helper.runs == 1
    assert s.body.isReadOnly(), "the preview stays read-only"
    assert s.body.document().toHtml() == set_whole(foreign, s.body.document().defaultFont())


def test_each_piece_is_one_change_for_qt_and_the_mirrors(wired, qtbot):
    """Qt's layout visits every top-level frame (table) at each change of the document: a piece that was four
    changes (a paragraph break, the fragment, the break's two formats) cost a body of Outlook's tables four
    times that. Each piece is one change now, and the mirrors still follow it exactly."""
    c, _autosave, _journal = wired
    doc = c.body.document()
    html = SafeTextDocumentHtml(outlook(300_000), doc.defaultFont())
    changes = []
    doc.contentsChange.connect(lambda *a: changes.append(a))
    c.load(Draft(subject="tables", body=html, body_format=BodyFormat.HTML))
    assert c.loader.active and c.loader.rich
    at_load = len(changes)
    _done(qtbot, c.loader)
    assert c.loader.turns > 5
    assert len(changes) - at_load == c.loader.turns, "one change per piece"
    assert doc.toHtml() == set_whole(html, doc.defaultFont())
    assert c.draft().body == doc.toHtml()


def test_typing_into_an_opened_outlook_body_saves_exactly_what_the_editor_holds(wired, qtbot):
    """A long Outlook reply thread (a signature table per message) opened in Compose, typed into in a
    paragraph, in a table's cell and at the start: after each save the journal holds exactly ``toHtml()``."""
    c, autosave, journal = wired
    doc = c.body.document()
    c.load(Draft(subject="tables", body=outlook(300_000), body_format=BodyFormat.HTML))
    assert c.loader.waiting
    _done(qtbot, c.loader)
    tables = doc.rootFrame().childFrames()
    assert len(tables) > 100
    c.body.setFocus()
    cur = c.body.textCursor()
    for at in (doc.characterCount() // 2, tables[len(tables) // 3].firstPosition(), 5):
        cur.setPosition(at)
        c.body.setTextCursor(cur)
        qtbot.keyClicks(c.body, "typed on ")
        assert _saved(c, autosave, journal) == doc.toHtml()
        qtbot.keyClicks(c.body, "and more ")
        assert _saved(c, autosave, journal) == doc.toHtml()
    assert autosave.records == 6
    assert doc.toPlainText().count("typed on and more ") == 3
    assert tables[len(tables) // 3].firstCursorPosition().block().text().startswith("typed on ")


def SafeTextDocumentHtml(html: str, font) -> str:  # noqa: N802 - reads as what it returns
    """Qt's HTML of ``html`` (what the helper answers; a draft Dispatch saved)."""
    from app.ui.common.safe_text import SafeDocument

    doc = SafeDocument()
    doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc.toHtml()


def _saved(c, autosave, journal) -> str:
    autosave.flush()
    autosave.drain()
    return journal.get(c.identity().local_id).draft.body


def test_a_snippet_inserted_while_the_helper_works_is_kept(qtbot, window):
    """The palette inserts a snippet into the body, read-only or not: into the empty document of a body still
    with the helper it would be wiped when the answer came. The body is set first; the snippet goes into it."""
    from app.domain.snippets import Snippet
    from tests.helpers.keys import CTRL, key, press, SHIFT

    win = window
    c = win.compose
    win.power.texts.set_snippets([Snippet("Regards", "rr", "Kind regards, Alice")])
    foreign = outlook(150_000)
    win.show_view("compose")
    c.load(Draft(subject="from Outlook", body=foreign, body_format=BodyFormat.HTML))
    assert c.loader.waiting
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.keyClicks(win.power.palette.field, "snip regards")
    press(qtbot, Qt.Key_Return)
    assert not c.loader.waiting
    for _ in range(20):  # turns in which a late answer of the helper would be taken
        QApplication.processEvents()
    text = c.body.toPlainText()
    assert "Kind regards, Alice" in text and text.count("Bob Builder") == foreign.count("Bob Builder")
