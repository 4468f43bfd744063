"""What To offers, by real keys on the real window against the sandbox over EWS and Graph (app/domain/suggestions.py):
alice writes to carol and to an address with no mailbox (the sandbox bounces it: 5.1.1), and saves a draft to
"cathy@example" (not an address). Typing "ca" in a new message's To offers carol, whom she wrote to, before Carl
Carter, whom only the directory knows (and whom the directory lists first); never "cathy@example"; "no" offers
nothing, although the send learned the bounced address. When the directory refuses (the organisation has not
granted it), "ca" still offers carol, and the window goes on taking keys, as it does while the server holds the
directory's answer. A window that starts with the server out of reach does not offer the bounced address either."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.accounts.session import ConnectionState
from app.domain.models import Folder
from tests.helpers.compose import new_message, type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.lists import select_sent
from tests.helpers.mailbox import items
from tests.helpers.receipts import active
from tests.helpers.windows import close_window, open_window, wait_idle

ALICE, CARL, CAROL, NOBODY = "alice@example.com", "carl@example.com", "carol@example.com", "nobody@example.com"
USERS = [{"email": ALICE, "name": "Alice Anderson", "password": "alice-sandbox-pw"},
         {"email": CARL, "name": "Carl Carter", "password": "carl-sandbox-pw"},
         {"email": CAROL, "name": "Carol Clark", "password": "carol-sandbox-pw"}]
INVALID = "cathy@example"
# the directory's operation each backend's name look-up is (the fault injected there)
LOOKUP = {"ews": "ResolveNames", "graph": "ListPeople"}


@pytest.fixture
def learned(qtbot, aloop, sandbox_factory, ui_backend, settings):
    sb = sandbox_factory(users=USERS, graph=ui_backend == "graph", graph_send_delay=0)
    win, session = open_window(qtbot, sb, settings, connected=True, backend=ui_backend)
    qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
    yield win, sb
    close_window(win, session)


def _send(qtbot, win, sb, to: str, subject: str) -> None:
    type_message(qtbot, win, to=to, cc="", bcc="", subject=subject, body="Hello.")
    active(qtbot, win)
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == subject for m in items(sb, Folder.SENT.value)), timeout=20000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "" and not win.busy, timeout=10000)


def _save_draft(qtbot, win, sb, to: str, subject: str) -> None:
    type_message(qtbot, win, to=to, cc="", bcc="", subject=subject, body="To finish.")
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == subject for m in items(sb, Folder.DRAFTS.value)), timeout=20000)
    wait_idle(qtbot, win)


def _read_reports(qtbot, win, subject: str) -> None:
    """Sent, the message, F5: the reports are read, the message marked "1 failed"."""
    select_sent(qtbot, win, subject, Qt.Key_Home)
    key(qtbot, win, Qt.Key_F5)
    qtbot.waitUntil(lambda: win.sent.shown_message() is not None
                    and win.sent.model.shown_status(win.sent.shown_message().ref.id) == "1 failed", timeout=20000)


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_to_offers_the_people_written_to_first_and_never_an_invalid_or_bounced_address(qtbot, learned, ui_backend):
    win, sb = learned
    c = win.compose
    _send(qtbot, win, sb, f"{CAROL}, {NOBODY}", "Plans")
    _save_draft(qtbot, win, sb, INVALID, "Unfinished")
    _read_reports(qtbot, win, "Plans")
    key(qtbot, win, Qt.Key_1, CTRL)

    new_message(qtbot, win)
    qtbot.keyClicks(c.to.edit, "ca")
    assert not any(INVALID in e for e in c.to.suggestions.entries()), "the draft's invalid address is not offered"
    qtbot.waitUntil(lambda: any(CARL in e for e in c.to.suggestions.entries()), timeout=10000)  # the directory
    entries = c.to.suggestions.entries()
    assert CAROL in entries[0] and c.to.suggestions.current() == entries[0], entries
    assert not any(INVALID in e for e in entries), entries
    key(qtbot, win, Qt.Key_Return)  # takes carol, the cursor stays for the next address
    assert CAROL in c.to.text() and CARL not in c.to.text()

    key_account = win.session.account.key
    assert any(NOBODY in r for r in win.settings.recent_recipients(key_account)), "the send learned it"
    qtbot.keyClicks(c.to.edit, "no")
    assert c.to.matches("no") == [] and not c.to.suggestions.isVisible(), "a bounced address is not offered"


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_directory_not_granted_leaves_the_people_written_to(qtbot, learned, ui_backend):
    win, sb = learned
    c = win.compose
    _send(qtbot, win, sb, CAROL, "Plans")
    sb.faults.inject(LOOKUP[ui_backend], "scope_not_granted", count=-1)
    new_message(qtbot, win)
    qtbot.keyClicks(c.to.edit, "ca")
    qtbot.waitUntil(lambda: (LOOKUP[ui_backend], "scope_not_granted") in sb.faults.fired, timeout=10000)
    wait_idle(qtbot, win)
    assert c.to.suggestions.isVisible() and len(c.to.suggestions.entries()) == 1, c.to.suggestions.entries()
    assert CAROL in c.to.suggestions.entries()[0]
    qtbot.keyClicks(c.to.edit, "rol")  # the window still takes keys: the list follows them
    assert c.to.text().endswith("carol") and CAROL in c.to.suggestions.current()
    assert not win.banner.isVisible(), "a directory refused is no error of the user's"



@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_slow_directory_never_holds_the_field(qtbot, learned, ui_backend):
    """The server holds the directory's answer: the keys typed meanwhile are in the field at once, the people
    written to offered; the answer, when it comes, adds the directory's matches after them."""
    win, sb = learned
    c = win.compose
    _send(qtbot, win, sb, CAROL, "Plans")
    sb.faults.inject(LOOKUP[ui_backend], "hold_after_commit", then="answer", seconds=60)
    new_message(qtbot, win)
    qtbot.keyClicks(c.to.edit, "ca")
    qtbot.waitUntil(lambda: sb.faults.holding() == 1, timeout=10000)  # the look-up waits on the server
    qtbot.keyClicks(c.to.edit, "r")
    assert c.to.text() == "car" and len(c.to.suggestions.entries()) == 1 and CAROL in c.to.suggestions.current()
    sb.faults.release_held()
    qtbot.waitUntil(lambda: any(CARL in e for e in c.to.suggestions.entries()), timeout=10000)
    assert CAROL in c.to.suggestions.entries()[0]

def test_an_address_that_bounced_is_not_offered_by_a_window_that_never_connects(qtbot, aloop, sandbox_factory,
                                                                              settings):
    """What the reports said is kept on this computer: the next start, with the server out of reach, still does not
    offer the address."""
    sb = sandbox_factory(users=USERS)
    win, session = open_window(qtbot, sb, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        _send(qtbot, win, sb, NOBODY, "Plans")
        _read_reports(qtbot, win, "Plans")
    finally:
        close_window(win, session)
    sb.stop()  # the server out of reach
    win, session = open_window(qtbot, sb, settings)
    try:
        new_message(qtbot, win)
        qtbot.keyClicks(win.compose.to.edit, "no")
        assert any(NOBODY in r for r in win.settings.recent_recipients(session.account.key)), "learned when sent"
        assert win.compose.to.matches("no") == [] and not win.compose.to.suggestions.isVisible()
        assert session.state != ConnectionState.CONNECTED
    finally:
        close_window(win, session)
