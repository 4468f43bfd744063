"""Focus is visible on every focusable widget (issue 11, part C): walking the Tab order of every view, the
focused widget paints a focus indicator at its edge (its grab focused differs from its grab unfocused
around the border, not just by a text cursor), never lands on a hidden widget, and the cycle comes back
to where it started. In the light and the dark scheme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.backends import BOB
from tests.helpers.windows import close_window, open_window, wait_idle

RING = 3  # px from the edge where the indicator must show


def _ring_changed(a, b) -> int:
    """How many pixels within RING px of the edge differ clearly between two grabs of one widget."""
    w, h = min(a.width(), b.width()), min(a.height(), b.height())
    changed = 0
    for y in range(h):
        edge_row = y < RING or y >= h - RING
        xs = range(w) if edge_row else list(range(RING)) + list(range(max(RING, w - RING), w))
        for x in xs:
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if abs(p.red() - q.red()) + abs(p.green() - q.green()) + abs(p.blue() - q.blue()) > 60:
                changed += 1
    return changed


def _name(w) -> str:
    return f"{type(w).__name__}({w.accessibleName() or w.objectName()})"


def _check_indicator(qtbot, win, w) -> None:
    assert w.isVisible() and not w.visibleRegion().isEmpty(), f"focus on a widget that cannot be seen: {_name(w)}"
    tl = w.mapTo(win, QPoint(0, 0))
    assert win.rect().intersects(w.rect().translated(tl)), _name(w)
    QApplication.processEvents()
    focused = w.grab().toImage()
    w.clearFocus()
    qtbot.waitUntil(lambda: not w.hasFocus())
    QApplication.processEvents()
    unfocused = w.grab().toImage()
    w.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(w.hasFocus)
    QApplication.processEvents()
    perimeter = 2 * (w.width() + w.height())
    changed = _ring_changed(focused, unfocused)
    assert changed >= perimeter // 4, f"no visible focus indicator on {_name(w)}: {changed} of ~{perimeter} edge px changed"


def _walk_tab_cycle(qtbot, win, start, max_steps=60) -> list:
    start.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = []
    for _ in range(max_steps):
        w = QApplication.focusWidget()
        assert w is not None and w.window() is win, f"focus left the window after {[_name(s) for s in seen]}"
        _check_indicator(qtbot, win, w)
        seen.append(w)
        qtbot.keyClick(w, Qt.Key_Tab)
        if QApplication.focusWidget() is start:
            return seen
    raise AssertionError(f"the Tab cycle never came back to {_name(start)}: {[_name(s) for s in seen]}")


def _prepare(qtbot, win):
    """A draft and a sent message (rows in the lists), an attachment in Compose."""
    c = win.compose
    for subject, key in (("Plans for Monday", Qt.Key_S), ("Lunch on Friday?", Qt.Key_Return)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_N, Qt.ControlModifier)
        qtbot.waitUntil(c.to.edit.hasFocus)
        qtbot.keyClicks(c.to.edit, BOB)
        qtbot.keyClicks(c.subject, subject)
        qtbot.keyClicks(c.body, "See you there.")
        qtbot.keyClick(c.body, key, Qt.ControlModifier)
        wait_idle(qtbot, win)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F5)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() >= 1 and win.sent.model.rowCount() >= 1, timeout=20000)


def _show(qtbot, win, key):
    qtbot.keyClick(QApplication.focusWidget() or win, key, Qt.ControlModifier)
    QApplication.processEvents()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tab_walks_every_view_and_focus_is_always_visible(qtbot, aloop, sandbox, settings, monkeypatch, tmp_path,
                                                          screenshot_dir, scheme):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", scheme)
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        _prepare(qtbot, win)
        # Compose, with an attachment in its list
        _show(qtbot, win, Qt.Key_1)
        f = tmp_path / "notes.txt"
        f.write_text("notes")
        win.compose.attachments.add_paths([str(f)])
        qtbot.waitUntil(lambda: win.compose.attachments.list.count() >= 1)
        seen = _walk_tab_cycle(qtbot, win, win.compose.to.edit)
        for must in (win.compose.to.edit, win.compose.subject, win.compose.body, win.compose.attachments.list,
                     win.compose.send_button, win.compose.save_button, win.sidebar):
            assert must in seen, (_name(must), [_name(s) for s in seen])
        win.compose.to.edit.setFocus()
        win.grab().save(str(screenshot_dir / f"focus-compose-{scheme}.png"))
        # Drafts: the list, its buttons, and the Undo button after a delete
        _show(qtbot, win, Qt.Key_2)
        qtbot.waitUntil(lambda: win.current_view() == "drafts")
        seen = _walk_tab_cycle(qtbot, win, win.drafts.table)
        for must in (win.drafts.table, win.drafts.send_button, win.sidebar):
            assert must in seen, (_name(must), [_name(s) for s in seen])
        win.drafts.table.setFocus()
        win.drafts.table.selectRow(0)
        qtbot.keyClick(win.drafts.table, Qt.Key_Delete)
        qtbot.waitUntil(win.drafts.undo_bar.isVisible)
        seen = _walk_tab_cycle(qtbot, win, win.drafts.table)
        assert win.drafts.undo_bar.button in seen, [_name(s) for s in seen]
        win.drafts.undo_bar.button.setFocus()
        win.grab().save(str(screenshot_dir / f"focus-drafts-undo-{scheme}.png"))
        win.drafts.undo_bar.button.click()
        # Sent: the list and the preview
        _show(qtbot, win, Qt.Key_3)
        qtbot.waitUntil(lambda: win.current_view() == "sent")
        seen = _walk_tab_cycle(qtbot, win, win.sent.table)
        assert win.sent.table in seen and win.sidebar in seen, [_name(s) for s in seen]
        # Outbox
        _show(qtbot, win, Qt.Key_4)
        qtbot.waitUntil(lambda: win.current_view() == "outbox")
        seen = _walk_tab_cycle(qtbot, win, win.sidebar)
        from PySide6.QtWidgets import QPushButton

        page = win.stack.currentWidget()
        for b in page.findChildren(QPushButton):
            if b.isVisible() and b.isEnabled():  # the Outbox's buttons that can act now
                assert b in seen, (_name(b), [_name(s) for s in seen])
        assert page.table in seen or not page.table.isVisible()
        win.grab().save(str(screenshot_dir / f"focus-outbox-{scheme}.png"))
    finally:
        close_window(win, session)
