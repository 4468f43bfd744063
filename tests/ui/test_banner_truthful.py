"""A banner says only what is true, and covers nothing the user needs (issue 59, item 4), by keys in the real
window on the sandbox over HTTP: Send later's "Scheduled: … sends at …" (longer than the status bar, so it is
shown in the banner too) goes the moment the message is taken back, and while it shows it covers neither the
page's title nor the Outbox's buttons."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.helpers.compose import type_message
from tests.helpers.send_later import schedule_by_keys
from tests.helpers.keys import CTRL, key


def _in_window(win, widget) -> QRect:
    return QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())


def _covers_nothing(win, page, widgets) -> None:
    banner = _in_window(win, win.banner)
    for w in widgets:
        assert w.isVisible(), w
        assert not banner.intersects(_in_window(win, w)), (w.objectName() or w.text(), banner, _in_window(win, w))


def test_the_scheduled_banner_goes_when_the_message_is_taken_back_and_covers_nothing(qtbot, window, screenshot_dir):
    win = window
    type_message(qtbot, win, cc="", bcc="", subject="Agenda for the board meeting", body="1. numbers")
    schedule_by_keys(qtbot, win, "in 5 min")
    qtbot.waitUntil(lambda: win.banner.text().startswith("Scheduled:"), timeout=5000)
    QApplication.processEvents()
    c = win.compose
    _covers_nothing(win, c, [c.title, c.to.edit])

    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    # the server keeps it: its row is the server's copy, with what acts on it (nothing waits here: no "Try now")
    qtbot.waitUntil(lambda: any(t.endswith("(kept by Exchange)") for _s, _r, t in view.rows()), timeout=10000)
    QApplication.processEvents()
    assert win.banner.text().startswith("Scheduled:") and not view.now_button.isVisible()
    title = next(lbl for lbl in view.findChildren(QLabel) if lbl.objectName() == "viewTitle")
    _covers_nothing(win, view, [title, view.edit_button, view.delete_button, view.retry_button, view.time_button,
                                view.table])
    win.grab().save(str(screenshot_dir / "banner-scheduled-outbox.png"))

    view.table.setFocus()
    key(qtbot, win, Qt.Key_Return)  # taken back: the banner's statement is no longer true
    qtbot.waitUntil(lambda: c.subject.text() == "Agenda for the board meeting", timeout=10000)
    QApplication.processEvents()
    # the statement is gone; what shows now is what happened (the take-back's own words, whole, if they did not fit)
    assert "Scheduled" not in win.banner.text()
    assert not win.banner.isVisible() or win.banner.text().startswith("Taken back from Exchange")
    win.grab().save(str(screenshot_dir / "banner-gone-after-take-back.png"))
    # and it does not come back on another page
    for k in (Qt.Key_2, Qt.Key_3, Qt.Key_4, Qt.Key_1):
        key(qtbot, win, k, CTRL)
        QApplication.processEvents()
        assert "Scheduled" not in win.banner.text() or not win.banner.isVisible()
