"""Tab in a recipient field moves on, always (issue 59, item 8). Tab takes the highlighted suggestion if one
is shown and goes to the next field; Enter, comma and semicolon take it and stay for the next address. What
the keys do does not depend on whether the list has opened yet: the same keys typed at a person's speed,
once with the list open and once before it opens, give the same fields. Real window, real sandbox, real
key events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.compose import new_message
from tests.helpers.keys import type_as_a_person

BOB = "Bob Brown <bob@example.com>"


def fields(c):
    return ([r.email for r in c.to.recipients()], c.cc.text(), c.bcc.text(), c.subject.text())


@pytest.mark.parametrize("list_open", [True, False], ids=["list-open", "list-not-yet-open"])
def test_the_same_keys_fill_the_same_fields_whatever_the_lists_timing(qtbot, window, list_open, screenshot_dir):
    win, c = window, window.compose
    new_message(qtbot, win)
    type_as_a_person(qtbot, "bob@example.com")
    if list_open:  # the directory (ResolveNames) has answered: Bob Brown is offered and highlighted
        qtbot.waitUntil(lambda: c.to.suggestions.current() == BOB, timeout=10000)
    else:  # typed on at once: the lookup waits for a pause in the typing, so nothing is offered yet
        assert not c.to.suggestions.isVisible()
    type_as_a_person(qtbot, "\t\t\tsubject")
    win.grab().save(str(screenshot_dir / f"recipient-tab-{'open' if list_open else 'not-open'}.png"))
    assert fields(c) == (["bob@example.com"], "", "", "subject"), "Tab Tab Tab from To reaches Subject"
    assert QApplication.focusWidget() is c.subject
    assert c.to.text().rstrip(", ") == (BOB if list_open else "bob@example.com"), "Tab took the shown suggestion"


@pytest.mark.parametrize("separator", [Qt.Key_Return, ",", ";"], ids=["enter", "comma", "semicolon"])
def test_enter_comma_and_semicolon_take_the_suggestion_and_stay(qtbot, window, separator):
    win, c = window, window.compose
    new_message(qtbot, win)
    type_as_a_person(qtbot, "bo")
    qtbot.waitUntil(lambda: c.to.suggestions.current() == BOB, timeout=10000)
    if separator == Qt.Key_Return:
        qtbot.keyClick(c.to.edit, Qt.Key_Return)
    else:
        type_as_a_person(qtbot, separator)
    assert c.to.text() == BOB + ", " and QApplication.focusWidget() is c.to.edit, "taken; still in To"
    assert not c.to.suggestions.isVisible()
    type_as_a_person(qtbot, "zed@example.org\t")
    assert [r.email for r in c.to.recipients()] == ["bob@example.com", "zed@example.org"]
    assert QApplication.focusWidget() is c.cc.edit


def test_a_comma_with_no_list_is_typed_as_a_comma(qtbot, window):
    win, c = window, window.compose
    new_message(qtbot, win)
    type_as_a_person(qtbot, "zed@example.org, ann@example.org;")
    assert c.to.text() == "zed@example.org, ann@example.org;" and QApplication.focusWidget() is c.to.edit
