"""The dialogs as Orca reads them, over AT-SPI (the real app on a private X server and bus, as in
test_atspi_reader.py): what a dialog says reaches the reader while the dialog has the keyboard, and when a
dialog closes the keyboard is back where the user was (the in-process proof over every dialog, on the offscreen
platform: tests/ui/test_dialog_focus_return.py)."""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.process

WINDOW = "Dispatch main window"


def _in_compose(desk) -> dict:
    desk.app.ask(cmd="key", keys="Ctrl+1")
    desk.app.ask(cmd="wait", until="view", name="compose")
    return desk.app.ask(cmd="state")


def test_a_dialogs_error_reaches_the_reader_assertively_while_the_dialog_has_the_keyboard(desk):
    _in_compose(desk)
    desk.app.ask(cmd="key", keys="Ctrl+,")
    assert desk.app.ask(cmd="wait", until="dialog", within=15)["title"] == "Account"
    try:
        mark = desk.events.mark()
        desk.app.ask(cmd="key", keys="Alt+F")  # Find server with no address or password
        event = desk.events.wait(lambda e: e["type"] == "object:announcement", since=mark)
        assert event["data"] == "Enter a valid e-mail address. Enter the password."
        assert event["detail1"] == 2  # assertive
        assert (event["role"], event["name"], event["app"]) == ("frame", WINDOW, "Dispatch")
        assert desk.app.ask(cmd="state")["dialog"] == "Account"
    finally:
        desk.app.ask(cmd="key", keys="Escape")
        desk.app.ask(cmd="wait", until="no_dialog", within=15)


@pytest.mark.parametrize("keys", ["Ctrl+,", "F1", "Ctrl+Shift+L"])
def test_the_keyboard_is_back_where_it_was_after_a_dialog_closes(desk, keys):
    before = _in_compose(desk)
    assert before["focus_name"], before
    desk.app.ask(cmd="key", keys=keys)
    desk.app.ask(cmd="wait", until="dialog", within=15)
    desk.app.ask(cmd="key", keys="Escape")
    desk.app.ask(cmd="wait", until="no_dialog", within=15)
    mark = desk.events.mark()
    after = desk.app.ask(cmd="state")
    if after["focus_name"] != before["focus_name"]:  # give the activation its turn
        desk.events.wait(lambda e: e["type"] == "object:state-changed:focused" and e["detail1"] == 1, since=mark)
        after = desk.app.ask(cmd="state")
    assert (after["focus"], after["focus_name"]) == (before["focus"], before["focus_name"]), (before, after)


def _named_with_a_mnemonic(events: list[dict]) -> list[tuple[str, str]]:
    """(role, new name) of each name change whose new name still holds a mnemonic's "&" ("&&" is a literal &)."""
    return [(e["role"], e["data"]) for e in events if e["type"] == "object:property-change:accessible-name"
            and "&" in (e["data"] or "").replace("&&", "")]


def test_no_label_is_announced_with_its_mnemonics_ampersand(desk):
    """A label names its field without the "&" of its Alt+letter, in every name change the reader hears (issue 73:
    "&Type de compte"): from the window's start, and in the dialogs and rows the keys open (the account dialog,
    snippets, mail merge, the mailboxes one sends from; Compose's more options and the find bar)."""
    _in_compose(desk)
    for keys in ("Ctrl+,", "Ctrl+Shift+L", "Ctrl+Shift+M", "Ctrl+Shift+H"):
        desk.app.ask(cmd="key", keys=keys)
        desk.app.ask(cmd="wait", until="dialog", within=15)
        desk.app.ask(cmd="key", keys="Escape")
        desk.app.ask(cmd="wait", until="no_dialog", within=15)
    for keys in ("Ctrl+Shift+O", "Ctrl+F"):
        mark = desk.events.mark()
        desk.app.ask(cmd="key", keys=keys)
        desk.events.wait(lambda e: e["type"] == "object:state-changed:focused" and e["detail1"] == 1, since=mark)
        desk.app.ask(cmd="key", keys="Escape" if keys == "Ctrl+F" else keys)
    said = _named_with_a_mnemonic(desk.events.since(0))
    assert not said, said
