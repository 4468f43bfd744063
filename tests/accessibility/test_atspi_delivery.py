"""Did it arrive? (issue 78) as Orca hears it: the real app (its built-in sandbox, signed in as alice) on a private X
server and AT-SPI bus, driven by real keys from inside (atspi_app_child.py), read over the bus by a pyatspi client in
another process (tests/helpers/atspi_session.py).

By keys: File → Receipts for new messages → Delivery receipt (from the command palette); one message to an address
of the sandbox's domain with no mailbox (nobody@example.com: a non-delivery report, 5.1.1) and to carol (a delivery
receipt); one to bob alone (a delivery receipt). In Sent, F5 looks at the reports: the failure is heard once,
assertively, with its words ("… could not be delivered …"); the delivery receipts are heard not at all; the banner's
"Show in Sent" is on the bus with its name, and Tab reaches it and Space selects the message; the Sent preview's
"Delivery" text reads each recipient's line. A second F5 tells nothing again: no announcement, and no banner (read from
the tree: the Announcer says the same words only once within 2 s, so the banner is the proof that does not hang on
how fast the second look comes).
"""

from __future__ import annotations

import pytest

from tests.helpers import atspi_tree as tree
from tests.helpers.atspi_compose import write
from tests.helpers.atspi_heard import announcements_until_barrier
from tests.helpers.paths import SCREENSHOTS

pytestmark = pytest.mark.process

WINDOW = "Dispatch main window"
ASSERTIVE = 2
FAILED, FINE = "Budget draft", "All well"
NOBODY = "nobody@example.com"
TOLD = f"“{FAILED}” could not be delivered to 1 recipient: {NOBODY}."
SHOW = "Show in Sent"


def _heard(desk, words: str, since: int, timeout: float = 30.0) -> dict:
    try:
        return desk.events.wait(lambda e: e["type"] == "object:announcement" and e["data"] == words, since=since,
                                timeout=timeout)
    except TimeoutError as exc:
        heard = [(e["data"], e["detail1"]) for e in desk.events.since(since) if e["type"] == "object:announcement"]
        raise AssertionError(f"not heard: {words!r}; heard: {heard}") from exc


def _send(desk, subject: str, to: str, n: int) -> None:
    write(desk, subject, "The numbers.", to=to)
    desk.app.ask(cmd="key", keys="Ctrl+Return")
    desk.app.ask(cmd="wait", until="sent", n=n, within=30)
    desk.app.ask(cmd="wait", until="idle", within=30)


def _refresh(desk) -> None:
    """F5, as a user does in Sent: the list reloads and the reports are looked at; waited until the look is over."""
    desk.app.ask(cmd="key", keys="F5")
    desk.app.ask(cmd="wait", until="checked", within=30)
    desk.app.ask(cmd="wait", until="idle", within=30)
    desk.app.ask(cmd="wait", until="rows", n=2, within=30)  # the list reloaded


def _shown_buttons(nodes: list[dict], name: str) -> list[dict]:
    return [n for n in nodes if n["role"] == "push button" and n["name"] == name and "showing" in n["states"]]


def _delivery_lines(desk, since: int, line: str) -> list[str]:
    """The lines of the Sent preview's "Delivery" text, as the reader gets them over AT-SPI, once the text inserted
    there since ``since`` holds ``line`` (the preview follows the row a turn of the loop later)."""
    try:
        desk.events.wait(lambda e: e["type"].startswith("object:text-changed:insert") and e["name"] == "Delivery"
                         and line in e["data"], since=since, timeout=20)
    except TimeoutError as exc:
        said = [e["data"] for e in desk.events.since(since) if e["name"] == "Delivery"]
        raise AssertionError(f"the Delivery text never got {line!r}: {said}") from exc
    shown = [n for n in desk.dump() if n["name"] == "Delivery" and n["role"] == "text" and "showing" in n["states"]]
    assert len(shown) == 1, "one Delivery text on show, read by its name"
    return shown[0]["text"].splitlines()


def _answer_the_banner(desk) -> list[str]:
    """Tab from where the keyboard is to the banner's Show in Sent, and Space: the names Tab passed on the way."""
    path = _tab_to(desk, SHOW)
    desk.app.ask(cmd="key", keys="Space")
    desk.app.ask(cmd="wait", until="focus", name="Sent list", within=10)  # Show in Sent puts the keyboard in the list
    return path


def _tab_to(desk, name: str, most: int = 40) -> list[str]:
    """Tab until the focus is on the control named ``name``; the names passed on the way."""
    passed = []
    for _ in range(most):
        here = desk.app.ask(cmd="state")["focus_name"]
        passed.append(here)
        if here == name:
            return passed
        desk.app.ask(cmd="key", keys="Tab")
        desk.app.ask(cmd="wait", until="focus_not", name=here, within=10)
    raise AssertionError(f"Tab never reached {name!r}: {passed}")


@pytest.fixture(scope="module")
def told(desk):
    """The two messages sent by keys and F5 pressed once in Sent; what was heard from F5 to a barrier, and the tree
    then."""
    app = desk.app
    app.ask(cmd="undo_delay", seconds=0)  # sent at Ctrl+Return: the undo window is another test's
    mark = desk.events.mark()
    app.ask(cmd="key", keys="Ctrl+Shift+P")  # File → Receipts for new messages → Delivery receipt, from the palette
    app.ask(cmd="type", text="Delivery receipt")
    app.ask(cmd="wait", until="text", contains="Delivery receipt", within=10)
    app.ask(cmd="key", keys="Return")
    _heard(desk, "New messages ask for a delivery receipt", mark)
    app.ask(cmd="wait", until="no_dialog", within=15)  # the window has the keyboard again
    _send(desk, FAILED, f"{NOBODY}, carol@example.com", 1)
    _send(desk, FINE, "bob@example.com", 2)
    app.ask(cmd="key", keys="Ctrl+3")
    app.ask(cmd="wait", until="view", name="sent")
    app.ask(cmd="wait", until="rows", n=2, within=30)
    mark = desk.events.mark()
    _refresh(desk)
    heard = announcements_until_barrier(desk, mark)
    nodes = desk.dump()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    app.ask(cmd="grab", path=str(SCREENSHOTS / "atspi-delivery-banner.png"))
    return {"heard": heard, "nodes": nodes, "mark": mark}


def test_a_failure_is_heard_once_assertively_and_a_receipt_not_at_all(desk, told):
    heard = told["heard"]
    print("heard after F5:", *[(e["data"], e["detail1"]) for e in heard], sep="\n  ")
    about = [(e["data"], e["detail1"]) for e in heard if "deliver" in e["data"].lower()
             or "receipt" in e["data"].lower()]
    assert about == [(TOLD, ASSERTIVE)]  # the failure, once; nothing of "All well" nor of carol's receipt
    assert {(e["role"], e["name"], e["app"]) for e in heard} <= {("frame", WINDOW, "Dispatch")}


def test_the_banner_reads_its_words_and_its_show_in_sent_button_by_name(told):
    nodes = told["nodes"]
    assert len(_shown_buttons(nodes, SHOW)) == 1, [(n["role"], n["name"]) for n in nodes if "Show" in n["name"]]
    assert len(_shown_buttons(nodes, "Dismiss")) == 1
    assert any(n["role"] == "label" and TOLD in n["description"] and "showing" in n["states"] for n in nodes), \
        "the banner's words are what its label reads"
    window = tree.subtree(nodes, tree.find(nodes, "frame", WINDOW))
    assert not tree.unnamed(window), [f"{n['role']} at {n['path']}" for n in tree.unnamed(window)]


def test_the_preview_reads_each_recipients_line_and_show_in_sent_by_keys(desk, told):
    """Ctrl+3 put the keyboard on the newest message (to bob): after F5 its preview reads bob's line; Tab to the
    banner's Show in Sent and Space select the failed one, whose preview reads a line for each of its two."""
    app = desk.app
    lines = _delivery_lines(desk, told["mark"], "Bob Brown <bob@example.com>: delivered")
    assert FINE in app.ask(cmd="current_row")["cells"]
    assert lines == ["Bob Brown <bob@example.com>: delivered"], lines

    mark = desk.events.mark()
    print("Tab from the Sent list to the banner's button:", _answer_the_banner(desk))
    assert FAILED in app.ask(cmd="current_row")["cells"], "Show in Sent selects the message"
    assert not _shown_buttons(desk.dump(), SHOW), "the banner goes once answered"
    lines = _delivery_lines(desk, mark, f"{NOBODY}: not delivered")
    print("Delivery reads:", *lines, sep="\n  ")
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{NOBODY}: not delivered (5.1.1).") and "no such address" in lines[0], lines
    assert lines[1] == "Carol Clark <carol@example.com>: delivered", lines


def test_a_second_look_tells_nothing_again(desk, told):
    if _shown_buttons(desk.dump(), SHOW):  # answered first (run alone): the banner then says nothing
        _answer_the_banner(desk)
    mark = desk.events.mark()
    _refresh(desk)
    heard = announcements_until_barrier(desk, mark)
    again = [e["data"] for e in heard if "could not be delivered" in e["data"]]
    assert not again, again
    assert not _shown_buttons(desk.dump(), SHOW), "the banner is not shown again for a failure already told"
    everything = [e["data"] for e in desk.events.since(0) if e["type"] == "object:announcement"]
    assert everything.count(TOLD) == 1, everything
