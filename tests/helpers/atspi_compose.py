"""Writing a message with the keyboard in the app of an AT-SPI session (tests/helpers/atspi_session.py), through its
driver (tests/accessibility/atspi_app_child.py): real keys, each step waited for."""

from __future__ import annotations


def focus(desk, name: str) -> None:
    desk.app.ask(cmd="wait", until="focus", name=name, within=10)


def tab_to(desk, field: str, most: int = 4) -> None:
    """Tab until the focus is on the field named ``field``: each Tab waited for until the focus leaves the field
    it was in (a recipient field moves it on in a later turn of the loop)."""
    for _ in range(most):
        here = desk.app.ask(cmd="state")["focus_name"]
        if here == field:
            return
        desk.app.ask(cmd="key", keys="Tab")
        desk.app.ask(cmd="wait", until="focus_not", name=here, within=10)
    focus(desk, field)


def write(desk, subject: str, body: str, to: str = "bob@example.com") -> None:
    """Ctrl+N, then To, Subject and body typed with the keyboard."""
    desk.app.ask(cmd="key", keys="Ctrl+N")
    focus(desk, "To")
    desk.app.ask(cmd="type", text=to)
    tab_to(desk, "Subject")
    desk.app.ask(cmd="type", text=subject)
    desk.app.ask(cmd="key", keys="Tab")
    focus(desk, "Message body")
    desk.app.ask(cmd="type", text=body)
    # the next key (Ctrl+S, Ctrl+Return) only once the body holds what was typed: in loaded full runs a Ctrl+Return
    # right after the typing was seen to act before the typed words were in the body (they then went into the next
    # message), so the test waits for them rather than assume the order
    desk.app.ask(cmd="wait", until="text", contains=body, within=10)
