"""What a screen-reader user hears of compose → save → send → a per-item failure → take-back, as Orca hears it: the
real app (its built-in sandbox) on a private X server and AT-SPI bus, driven by real keys from inside
(atspi_app_child.py), and the ``object:announcement`` events read over the bus by a pyatspi client in another
process (tests/helpers/atspi_session.py). Each announcement is asserted once, in order, with its words and its
politeness (AT-SPI's live-region values: 1 polite, 2 assertive). The undo window ends on the Outbox's injected
clocks (``skip``), never waited for; the refusal is the built-in sandbox's fault injection.
"""

from __future__ import annotations

import pytest

from tests.helpers.atspi_compose import write
from tests.helpers.atspi_heard import announcements_until_barrier

pytestmark = pytest.mark.process

WINDOW = "Dispatch main window"
POLITE, ASSERTIVE = 1, 2


def _heard(desk, words: str, since: int, timeout: float = 30.0) -> None:
    try:
        desk.events.wait(lambda e: e["type"] == "object:announcement" and e["data"] == words, since=since,
                         timeout=timeout)
    except TimeoutError as exc:
        heard = [(e["data"], e["detail1"]) for e in desk.events.since(since) if e["type"] == "object:announcement"]
        raise AssertionError(f"not heard: {words!r}; heard: {heard}") from exc


def _to_row(desk, subject: str) -> None:
    """The arrow keys down the current view's table to the row of ``subject``."""
    for _ in range(10):
        if subject in desk.app.ask(cmd="current_row")["cells"]:
            return
        desk.app.ask(cmd="key", keys="Down")
    raise AssertionError(f"no row {subject!r}: {desk.app.ask(cmd='cells')}")


def test_compose_save_send_fail_and_take_back_are_each_heard_once_in_order(desk):
    app = desk.app
    app.ask(cmd="undo_delay", seconds=10)  # the app's default
    app.ask(cmd="hold_time")  # the countdowns move only when the test says so
    mark = desk.events.mark()

    write(desk, "Team lunch", "Friday at noon?")
    app.ask(cmd="key", keys="Ctrl+S")
    app.ask(cmd="wait", until="saved", n=1, within=30)
    _heard(desk, "Saved to Drafts", mark)

    app.ask(cmd="key", keys="Ctrl+Return")
    _heard(desk, "Sending “Team lunch” in 10 s — Ctrl+Z or Undo takes it back. New message.", mark)
    app.ask(cmd="wait", until="focus", name="To", within=10)  # the keyboard went to the new message by itself
    app.ask(cmd="skip", left=3)
    _heard(desk, "Sending “Team lunch” in 3 s — Ctrl+Z or Undo takes it back", mark)
    app.ask(cmd="skip", left=-1)  # the undo window is over
    app.ask(cmd="wait", until="sent", n=1, within=30)
    _heard(desk, "Sent: Team lunch", mark)
    app.ask(cmd="wait", until="idle", within=30)

    app.ask(cmd="fault", operation="SendItem", kind="item_error", count=1, code="ErrorInvalidRecipients",
            text="No valid recipients")
    write(desk, "Budget", "The numbers.")
    app.ask(cmd="key", keys="Ctrl+Return")
    _heard(desk, "Sending “Budget” in 10 s — Ctrl+Z or Undo takes it back. New message.", mark)
    app.ask(cmd="skip", left=-1)
    app.ask(cmd="wait", until="sent", n=2, within=30)  # its outcome (refused) is final
    refused = ("Not sent: No valid recipients (ErrorInvalidRecipients) — it is in the Outbox (Ctrl+4); Enter there "
               "takes it back")
    _heard(desk, refused, mark)
    app.ask(cmd="wait", until="idle", within=30)

    app.ask(cmd="key", keys="Ctrl+4")
    app.ask(cmd="wait", until="view", name="outbox")
    _to_row(desk, "Budget")
    app.ask(cmd="key", keys="Return")
    app.ask(cmd="wait", until="view", name="compose", within=10)
    _heard(desk, "Sending cancelled: the message is back in Compose", mark)
    app.ask(cmd="wait", until="focus", name="To", within=10)  # back in Compose with the keyboard in it

    app.ask(cmd="real_time")
    heard = announcements_until_barrier(desk, mark)
    print("heard:", *[(e["data"], e["detail1"]) for e in heard], sep="\n  ")
    # the address suggestions answer the typing (whether the directory answers before the Tab is the directory's
    # timing): said, but not part of this run's states
    heard = [e for e in heard if not e["data"].endswith((" suggestion", " suggestions"))]
    assert [(e["data"], e["detail1"]) for e in heard] == [
        ("Saved to Drafts", POLITE),
        ("Sending “Team lunch” in 10 s — Ctrl+Z or Undo takes it back. New message.", POLITE),
        ("Sending “Team lunch” in 3 s — Ctrl+Z or Undo takes it back", POLITE),
        ("Sent: Team lunch", POLITE),
        ("Sending “Budget” in 10 s — Ctrl+Z or Undo takes it back. New message.", POLITE),
        (refused, ASSERTIVE),
        ("Sending cancelled: the message is back in Compose", POLITE),
    ]
    assert {(e["role"], e["name"], e["app"]) for e in heard} == {("frame", WINDOW, "Dispatch")}
