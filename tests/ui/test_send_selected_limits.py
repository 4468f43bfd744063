"""Send selected (Ctrl+Shift+Return in Drafts) over the account's sending limits, by keys in the real window on
the sandbox over HTTP: the drafts that fit in today's recipients go, the rest stay HELD in the Outbox with
their time and reason in their rows, nothing over the limit reaches the server (app/ui/lists/send_selected.py)."""

from __future__ import annotations

from exchangelib import Mailbox, Message
from PySide6.QtCore import Qt

from app.core.submission import SubState
from app.domain.models import Folder
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.sandbox.conftest import make_account
from tests.ui.conftest import ALICE, wait_task

SHIFT = Qt.ShiftModifier


def _seed(sandbox, drafts: dict[str, str]) -> None:
    """Drafts in alice's Drafts folder: subject -> To address."""
    alice = make_account(sandbox, ALICE)
    alice.bulk_create(folder=alice.drafts, items=[
        Message(account=alice, folder=alice.drafts, subject=subject, body=f"{subject}: body",
                to_recipients=[Mailbox(email_address=to)]) for subject, to in drafts.items()])


def _drafts_page(qtbot, win, n: int):
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    d.model.reload()
    qtbot.waitUntil(lambda: d.model.rowCount() == n and not d.model.loading, timeout=20000)
    d.table.setFocus()
    return d


def _status(d, subject: str) -> str:
    m = d.model
    s = next((m.summary(r) for r in range(m.rowCount()) if m.summary(r).subject == subject), None)
    return m.status(s.ref.id) if s is not None else "(gone)"


def test_send_selected_sends_what_fits_today_and_keeps_the_rest_held_in_the_outbox(qtbot, window, sandbox):
    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 2}
    _seed(sandbox, {"One": "bob@example.com", "Two": "carol@example.com", "Three": "dave@example.com"})
    d = _drafts_page(qtbot, win, 3)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 2, timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())  # not the queue's drain: one message waits a day in it
    held = [s for s in win.session.outbox.subs.values() if s.state == SubState.HELD]
    assert len(held) == 1 and held[0].hold_kind == "later"
    [waiting] = [s for s in ("One", "Two", "Three") if _status(d, s) != "(gone)"]
    assert _status(d, waiting).startswith("In the Outbox until ")
    assert _status(d, waiting).endswith("waiting for Exchange Online's 2-recipients-a-day limit")
    assert sum(sandbox.mailbox(a).count("inbox") for a in ("bob@example.com", "carol@example.com",
                                                           "dave@example.com")) == 2
