"""Widget-level behaviour that needs no server: models, inline validation, attachments, accessibility."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QWidget

from app.domain.models import Attachment, BodyFormat, Draft, Importance, ItemRef, MessageSummary, Page, Recipient
from app.ui.compose.compose_view import ComposeView
from app.ui.lists.message_models import MessageTableModel
from app.ui.common.safe_text import SafeBrowser


def _drafts(n):
    base = datetime(2026, 1, 1, tzinfo=timezone.utc)
    return [MessageSummary(ItemRef(f"id{i}"), f"Draft {i}", "bob@example.com", base - timedelta(minutes=i), i % 3 == 0)
            for i in range(n)]


def test_model_pages_lazily_over_10000_drafts(qtbot):
    data = _drafts(10_000)
    calls = []

    def fetch(offset, limit):
        calls.append((offset, limit))
        return Page(data[offset:offset + limit], offset, len(data), offset + limit >= len(data))

    model = MessageTableModel(fetch, page_size=200)
    model.reload()
    assert model.rowCount() == 200 and calls == [(0, 200)]
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 400)
    assert len(calls) < 10, "must page, not load everything"
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10_000 and len(calls) == 50
    assert model.data(model.index(0, MessageTableModel.COL_SUBJECT)) == "Draft 0"  # newest first, as served
    assert model.data(model.index(0, MessageTableModel.COL_ATTACH), Qt.DecorationRole) is not None
    model.set_status("id1", "Too large to send (ErrorMessageSizeExceeded)")
    assert model.data(model.index(1, MessageTableModel.COL_STATUS)) == "Too large to send (ErrorMessageSizeExceeded)"
    assert model.data(model.index(1, MessageTableModel.COL_STATUS), Qt.ForegroundRole) is not None


def test_model_async_pages(qtbot, aloop):
    data = _drafts(450)

    async def fetch(offset, limit):
        return Page(data[offset:offset + limit], offset, len(data), offset + limit >= len(data))

    model = MessageTableModel(fetch, page_size=200)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 200)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 450)
    assert not model.canFetchMore(QModelIndex())


def test_model_row_lookup_survives_overlapping_pages_removal_and_undo(qtbot):
    """The id set / row index kept by the model (so a page costs the page, not the whole list) stays
    right through a page that overlaps the rows already shown, removal, undo, reload and a new id."""
    data = _drafts(300)
    model = MessageTableModel(page_size=100)
    model._add_page(Page(data[0:100], 0, 300, False))
    model._add_page(Page(data[50:150] + [data[120]], 50, 300, False))  # overlaps, and repeats a row
    assert model.rowCount() == 150 and [s.ref.id for s in model.summaries()] == [f"id{i}" for i in range(150)]
    assert model.row_of("id0") == 0 and model.row_of("id149") == 149 and model.row_of("id150") == -1
    taken = model.take_rows({"id3", "id10"})
    assert model.rowCount() == 148 and model.row_of("id3") == -1 and model.row_of("id11") == 9
    model.set_status("id11", "Too large to send (ErrorMessageSizeExceeded)")
    assert model.data(model.index(9, MessageTableModel.COL_STATUS)).startswith("Too large")
    model.restore_rows(taken)
    assert model.row_of("id3") == 3 and model.row_of("id10") == 10 and model.row_of("id11") == 11
    model.update_ref("id5", ItemRef("id5-new", "ck2"))
    assert model.row_of("id5") == -1 and model.row_of("id5-new") == 5
    model._add_page(Page(data[150:300], 150, 300, True))
    assert model.rowCount() == 300 and model.row_of("id299") == 299 and not model.canFetchMore(QModelIndex())
    model.reload()
    assert model.rowCount() == 0 and model.row_of("id0") == -1
    model._add_page(Page(data[0:10], 0, 10, True))
    assert model.row_of("id9") == 9


def test_compose_roundtrips_a_draft_and_emits_changed(qtbot):
    c = ComposeView()
    qtbot.addWidget(c)
    d = Draft(to=[Recipient("bob@example.com", "Bob B")], cc=[Recipient("carol@example.com")],
              bcc=[Recipient("dave@example.com")], subject="Hello", body="Hi Bob",
              importance=Importance.HIGH, read_receipt=True, delivery_receipt=True,
              attachments=[Attachment("a.txt", b"abc", "text/plain", size=3)], ref=ItemRef("X", "CK"))
    c.load(d)
    out = c.draft()
    assert (out.to, out.cc, out.bcc, out.subject, out.body) == (d.to, d.cc, d.bcc, d.subject, d.body)
    assert out.importance == Importance.HIGH and out.read_receipt and out.delivery_receipt
    assert out.ref == d.ref and out.local_id == d.local_id and out.attachments[0].content == b"abc"
    with qtbot.waitSignal(c.changed, timeout=1000):
        c.subject.setText("Hello again")
    with qtbot.waitSignal(c.changed, timeout=1000):
        c.body.insertPlainText("!")
    with qtbot.waitSignal(c.changed, timeout=1000):
        c.importance.setCurrentIndex(0)


def test_rich_text_bold_becomes_html(qtbot):
    c = ComposeView()
    qtbot.addWidget(c)
    c.show()
    c.rich.setChecked(True)
    c.body.setFocus()
    c.bold.click()
    c.body.insertPlainText("strong")
    d = c.draft()
    assert d.body_format == BodyFormat.HTML and "font-weight" in d.body and "strong" in d.body
    c.rich.setChecked(False)  # formatting would be lost: asked first (issue 11), nothing changes yet
    assert c.fmt.question.isVisible() and c.rich.isChecked() and c.draft().body_format == BodyFormat.HTML
    c.fmt.question.accept_button.click()  # "Remove formatting"
    assert c.draft().body_format == BodyFormat.TEXT and c.draft().body.strip() == "strong"


def test_invalid_address_is_marked_inline_and_text_kept(qtbot):
    c = ComposeView()
    qtbot.addWidget(c)
    c.show()
    qtbot.keyClicks(c.to.edit, "Bob <bob@example.com>; not-an-address")
    errors = c.validate(for_send=True)
    assert errors and c.to.edit.property("invalid") is True
    assert "not-an-address" in c.to.error_text() and c.to.error_label.isVisible()
    assert c.to.text() == "Bob <bob@example.com>; not-an-address"   # nothing lost
    c.to.edit.setText("Bob <bob@example.com>")
    c.to.validate()
    assert not c.to.edit.property("invalid") and not c.to.error_label.isVisible()


def test_no_recipients_blocks_send_inline(qtbot):
    c = ComposeView()
    qtbot.addWidget(c)
    c.show()
    c.subject.setText("no one")
    errors = c.validate(for_send=True)
    assert [e.field for e in errors] == ["to"] and "at least one recipient" in c.to.error_text()
    assert c.validate(for_send=False) == []  # a draft may be saved without recipients


def test_oversized_and_unreadable_attachments_are_refused_clearly(qtbot, tmp_path):
    c = ComposeView()
    qtbot.addWidget(c)
    c.attachments.max_bytes = 1000
    ok = tmp_path / "ok.txt"
    ok.write_bytes(b"x" * 10)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2000)
    missing = tmp_path / "gone.pdf"
    c.subject.setText("keep me")
    problems = c.attachments.add_paths([str(ok), str(big), str(missing)])
    assert len(problems) == 2
    assert "big.bin" in c.attachments.error_text() and "at most" in c.attachments.error_text()
    assert "gone.pdf" in c.attachments.error_text() and "could not be read" in c.attachments.error_text()
    assert [a.name for a in c.draft().attachments] == ["ok.txt"] and c.draft().subject == "keep me"


def test_attachment_delete_key_removes_it(qtbot, tmp_path):
    c = ComposeView()
    qtbot.addWidget(c)
    c.show()
    c.activateWindow()
    p = tmp_path / "a.txt"
    p.write_text("a")
    c.attachments.add_paths([str(p)])
    c.attachments.list.setFocus()
    c.attachments.list.setCurrentRow(0)
    with qtbot.waitSignal(c.changed, timeout=1000):
        c.attachments.remove_action.trigger()
    assert c.draft().attachments == []


def test_safe_browser_loads_no_remote_content(qtbot):
    b = SafeBrowser()
    qtbot.addWidget(b)
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from PySide6.QtGui import QImage

    # A placeholder, never None: with None Qt would load the URL itself (test_content_is_data.py)
    assert isinstance(b.loadResource(QTextDocument.ImageResource, QUrl("http://tracker.example/p.gif")), QImage)
    assert isinstance(b.document().loadResource(QTextDocument.ImageResource, QUrl("https://x.example/a.png")), QImage)
    assert b.document().blocked == ["http://tracker.example/p.gif", "https://x.example/a.png"]
    assert not b.openExternalLinks() and not b.openLinks()


def test_every_widget_in_compose_has_an_accessible_name(qtbot):
    c = ComposeView()
    qtbot.addWidget(c)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QTextEdit

    unnamed = [type(w).__name__ for w in c.findChildren(QWidget)
               if isinstance(w, (QAbstractButton, QComboBox, QLineEdit, QListWidget, QTextEdit))
               and w.parent() is not None and not isinstance(w.parent(), QComboBox)
               and not w.accessibleName() and w.objectName() != "qt_scrollarea_viewport"]
    assert not unnamed, unnamed


def test_qt_void_calls_do_not_drop_references_to_none(qtbot):
    """PySide6 6.12.0 on Python 3.11 decremented None's refcount on every void call (setText, killTimer
    in qasync's timers...), aborting the app after a few thousand loop steps. pyproject excludes it."""
    import sys

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel

    label, obj = QLabel(), QObject()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        obj.killTimer(obj.startTimer(1000))
    assert sys.getrefcount(None) >= before - 50, "this PySide6 build leaks None references: use another version"
