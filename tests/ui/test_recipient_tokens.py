"""The recipient field (issue 45, items 2 and 7): the suggestion list never takes the keyboard, so a key
typed at any moment lands in the field the user tabbed to; Enter takes a suggestion and stays for the next
address, Tab takes it and moves on (issue 59, item 8); recipients are tokens that Backspace removes
whole and Left/Right move between. Real window on the real sandbox over HTTP, real key events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

CTRL = Qt.ControlModifier
BOB, CAROL, DAVE = "Bob Brown <bob@example.com>", "Carol Clark <carol@example.com>", "Dave Davis <dave@example.com>"


def key(qtbot, win, k, mods=Qt.NoModifier):
    """A key through the window, as the platform delivers it: to the focused widget, or to a popup
    window if one held the keyboard."""
    QTest.keyClick(win.windowHandle(), k, mods)


def type_keys(win, text: str) -> None:
    """Lower-case ASCII text, key by key through the window."""
    for ch in text:
        key(None, win, Qt.Key(ord(ch.upper())))


def new_message(qtbot, win):
    key(qtbot, win, Qt.Key_N, CTRL)
    assert QApplication.focusWidget() is win.compose.to.edit


def names(field) -> list[str]:
    return [r.email for r in field.recipients()]


class FocusLog(QObject):
    """Every focus change of the compose fields, with its reason."""

    def __init__(self, widgets):
        super().__init__()
        self.events = []
        self.widgets = {w: w.objectName() for w in widgets}
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() in (QEvent.FocusIn, QEvent.FocusOut):
            self.events.append((self.widgets[obj], event.type().name, event.reason().name))
        return False


class TabAsTheListOpens(QObject):
    """Posts a Tab to the window at the moment a suggestion list is shown (the key the user typed just as
    the list popped up), ahead of whatever the list's opening queues."""

    def __init__(self, win):
        super().__init__()
        self.win, self.fired = win, False

    def eventFilter(self, obj, event):  # noqa: N802
        if not self.fired and event.type() == QEvent.Show and isinstance(obj, QAbstractItemView):
            self.fired = True
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.postEvent(self.win.windowHandle(), QKeyEvent(kind, Qt.Key_Tab, Qt.NoModifier))
        return False


# ---------------------------------------------------------------- item 2: the list never takes the keyboard
def test_a_tab_typed_as_the_list_opens_takes_it_and_moves_on_once(qtbot, window):
    win, c = window, window.compose
    new_message(qtbot, win)
    log = FocusLog([c.to.edit, c.cc.edit, c.bcc.edit, c.subject])
    tab = TabAsTheListOpens(win)
    QApplication.instance().installEventFilter(tab)
    try:
        type_keys(win, "bo")
        qtbot.waitUntil(lambda: tab.fired, timeout=10000)
        # the Tab took the suggestion and moved on to Cc (issue 59, item 8: Tab always moves on)
        qtbot.waitUntil(lambda: c.to.text() == BOB + ", " and QApplication.focusWidget() is c.cc.edit, timeout=5000)
    finally:
        QApplication.instance().removeEventFilter(tab)
    assert QApplication.activePopupWidget() is None, "no popup window holds the keyboard"
    assert log.events == [("toEdit", "FocusOut", "TabFocusReason"), ("ccEdit", "FocusIn", "TabFocusReason")], \
        "the list's opening and closing never moved the focus; the Tab moved it once"
    type_keys(win, "zed")  # the next keys land in Cc
    assert names(c.to) == ["bob@example.com"] and c.cc.text() == "zed"


# ---------------------------------------------------------------- item 7: Enter takes and stays
def test_enter_takes_a_suggestion_and_stays_for_the_next_address(qtbot, window, screenshot_dir):
    win, c = window, window.compose
    new_message(qtbot, win)
    for typed, accept, expected in (("bo", Qt.Key_Return, [BOB]), ("ca", Qt.Key_Return, [BOB, CAROL])):
        type_keys(win, typed)
        qtbot.waitUntil(lambda: c.to.suggestions.isVisible(), timeout=10000)
        win.grab().save(str(screenshot_dir / f"recipients-suggestions-{typed}.png"))
        key(qtbot, win, accept)
        assert c.to.text() == ", ".join(expected) + ", " and not c.to.suggestions.isVisible()
        assert QApplication.focusWidget() is c.to.edit, "still in To, ready for the next address"
    type_keys(win, "da")  # a click on a suggestion takes it too, and the keyboard stays in To
    qtbot.waitUntil(lambda: c.to.suggestions.isVisible(), timeout=10000)
    first = c.to.suggestions.visualRect(c.to.suggestions.model().index(0, 0)).center()
    QTest.mouseClick(c.to.suggestions.viewport(), Qt.LeftButton, Qt.NoModifier, first)
    assert c.to.text() == f"{BOB}, {CAROL}, {DAVE}, " and QApplication.focusWidget() is c.to.edit
    win.grab().save(str(screenshot_dir / "recipients-three-taken.png"))
    key(qtbot, win, Qt.Key_Z, CTRL)  # a suggestion taken is one edit: Ctrl+Z gives the typed "da" back
    assert c.to.text() == f"{BOB}, {CAROL}, da"
    key(qtbot, win, Qt.Key_End)
    type_keys(win, "v")
    qtbot.waitUntil(lambda: c.to.suggestions.isVisible(), timeout=10000)
    key(qtbot, win, Qt.Key_Tab)  # takes Dave and moves on (issue 59, item 8)
    assert QApplication.focusWidget() is c.cc.edit
    assert names(c.to) == ["bob@example.com", "carol@example.com", "dave@example.com"] and c.to.error_text() == ""


def test_a_new_message_closes_the_list(qtbot, window):
    win, c = window, window.compose
    new_message(qtbot, win)
    type_keys(win, "bo")
    qtbot.waitUntil(lambda: c.to.suggestions.isVisible(), timeout=10000)
    key(qtbot, win, Qt.Key_N, CTRL)
    assert c.to.text() == "" and not c.to.suggestions.isVisible()


# ---------------------------------------------------------------- item 7: recipients are tokens
def test_backspace_at_the_typing_position_removes_the_previous_recipient_whole(qtbot, window):
    win, c = window, window.compose
    new_message(qtbot, win)
    type_keys(win, "ann@example.org, zed, ")
    key(qtbot, win, Qt.Key_Tab)
    assert "“zed”" in c.to.error_text(), "a bad entry is marked when the field is left"
    key(qtbot, win, Qt.Key_Tab, Qt.ShiftModifier)
    key(qtbot, win, Qt.Key_End)
    key(qtbot, win, Qt.Key_Backspace)
    assert c.to.text() == "ann@example.org, " and c.to.error_text() == "", "zed went whole, and its mark"
    key(qtbot, win, Qt.Key_Z, CTRL)  # one undo brings it back whole
    assert c.to.text() == "ann@example.org, zed, "
    key(qtbot, win, Qt.Key_Backspace)
    assert c.to.text() == "ann@example.org, "
    type_keys(win, "ab")
    key(qtbot, win, Qt.Key_Backspace)  # inside the address being typed: one character
    assert c.to.text() == "ann@example.org, a"
    key(qtbot, win, Qt.Key_Backspace)
    key(qtbot, win, Qt.Key_Backspace)
    assert c.to.text() == "" and names(c.to) == []


def test_left_and_right_move_between_recipients_and_delete_removes_the_selected_one(qtbot, window):
    win, c = window, window.compose
    new_message(qtbot, win)
    type_keys(win, "ann@example.org, ben <ben@example.org>, cy@example.org, ")
    key(qtbot, win, Qt.Key_Left)
    assert c.to.edit.selectedText() == "cy@example.org"
    key(qtbot, win, Qt.Key_Left)
    key(qtbot, win, Qt.Key_Left)
    assert c.to.edit.selectedText() == "ann@example.org"
    key(qtbot, win, Qt.Key_Left)
    assert c.to.edit.selectedText() == "ann@example.org", "the first one stays selected"
    key(qtbot, win, Qt.Key_Right)
    assert c.to.edit.selectedText() == "ben <ben@example.org>"
    key(qtbot, win, Qt.Key_Delete)
    assert c.to.text() == "ann@example.org, cy@example.org, " and not c.to.edit.hasSelectedText()
    assert c.to.edit.cursorPosition() == len(c.to.text()), "back at the typing position"
    key(qtbot, win, Qt.Key_Left)
    assert c.to.edit.selectedText() == "cy@example.org"
    key(qtbot, win, Qt.Key_Backspace)
    assert c.to.text() == "ann@example.org, "
    assert c.to.edit.cursorPosition() == len(c.to.text()), "back at the typing position"
    key(qtbot, win, Qt.Key_Left)
    key(qtbot, win, Qt.Key_Right)  # past the last one: the typing position again
    assert not c.to.edit.hasSelectedText() and c.to.edit.cursorPosition() == len(c.to.text())
    type_keys(win, "dee@example.org")
    assert names(c.to) == ["ann@example.org", "dee@example.org"]


def test_entries_are_drawn_as_chips_a_wrong_one_in_red(qtbot, window, screenshot_dir):
    from PySide6.QtGui import QColor

    from app.ui.common.theme import DANGER

    win, c = window, window.compose
    new_message(qtbot, win)
    type_keys(win, "ann@example.org, zed, cy")
    assert [c.to.text()[s:e] for (s, e), _rect, _wrong in c.to.edit.chips()] == ["ann@example.org", "zed"], \
        "the entry being typed is not a chip yet"
    key(qtbot, win, Qt.Key_Tab)  # leaving the field: every entry is a chip, "zed" and "cy" marked
    chips = c.to.edit.chips()
    assert [(c.to.text()[s:e], wrong) for (s, e), _rect, wrong in chips] == [
        ("ann@example.org", False), ("zed", True), ("cy", True)]
    image = c.to.edit.grab().toImage()
    win.grab().save(str(screenshot_dir / "recipients-chips.png"))
    danger = QColor(DANGER)
    for (_span, rect, wrong) in chips:
        edge = image.pixelColor(round(rect.left() + 0.5), round(rect.center().y()))  # the chip's left frame
        tint = edge.red() - edge.blue()  # the frame: red for a wrong entry, the accent's blue for the others
        assert (tint > 20) if wrong else (tint < -20), (rect, edge.name(), danger.name())
        assert edge != image.pixelColor(round(rect.left() - 2), round(rect.center().y())), "a frame is drawn"


# ---------------------------------------------------------------- issue 73, item 4: a bad address reopened
def test_a_bad_address_reopened_from_drafts_is_a_marked_chip_removed_whole_and_never_learned(
        qtbot, window, sandbox, screenshot_dir):
    from tests.helpers.mailbox import items

    win, c = window, window.compose
    new_message(qtbot, win)
    qtbot.keyClicks(c.to.edit, "ann@example.org, bob@@example.com")
    for _ in range(3):  # Cc, Bcc, Subject
        key(qtbot, win, Qt.Key_Tab)
    assert QApplication.focusWidget() is c.subject
    qtbot.keyClicks(c.subject, "Fix me")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and c.current_ref() is not None, timeout=20000)
    assert "bob@@example.com" not in " ".join(c.to.offered()), "a draft's invalid address is never learned"
    key(qtbot, win, Qt.Key_N, CTRL)
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: c.subject.text() == "Fix me", timeout=10000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is c.to.edit, timeout=3000)
    # both addresses are whole chips, the bad one marked at once; the keyboard is after them
    chips = [(c.to.text()[s:e], wrong) for (s, e), _rect, wrong in c.to.edit.chips()]
    assert chips == [("ann@example.org", False), ("bob@@example.com", True)]
    assert "“bob@@example.com”" in c.to.error_text()
    win.grab().save(str(screenshot_dir / "recipients-bad-reopened.png"))
    type_keys(win, "cy")  # typed after it: a new entry, never glued to it ("bob@@example.comcy")
    assert c.to.text().endswith("bob@@example.com, cy")
    key(qtbot, win, Qt.Key_Escape)  # the suggestion list, if any, closes
    key(qtbot, win, Qt.Key_Backspace)
    key(qtbot, win, Qt.Key_Backspace)  # the two letters, one by one
    assert c.to.text().endswith("bob@@example.com, ")
    key(qtbot, win, Qt.Key_Backspace)  # the bad address goes whole, and its mark with it
    assert names(c.to) == ["ann@example.org"] and "bob" not in c.to.text() and c.to.error_text() == ""
    key(qtbot, win, Qt.Key_Z, CTRL)  # one undo brings it back whole
    assert "bob@@example.com" in c.to.text()
    key(qtbot, win, Qt.Key_Backspace)
    type_keys(win, "bo")  # typing starts a new address, never glued to the last one
    qtbot.waitUntil(lambda: c.to.suggestions.isVisible(), timeout=10000)
    offered = [c.to.suggestions.model().index(i, 0).data() for i in range(c.to.suggestions.model().rowCount())]
    assert offered and not any("@@" in o for o in offered), offered
    key(qtbot, win, Qt.Key_Return)
    assert names(c.to) == ["ann@example.org", "bob@example.com"] and c.to.error_text() == ""
