"""Send selected (Ctrl+Shift+Return in Drafts) over the account's sending limits, by keys in the real window on
the sandbox over HTTP: it asks BEFORE anything is sent (Enter sends nothing; Alt+S sends the drafts that fit
in today's recipients and keeps the rest HELD in the Outbox with their time and reason in their rows), nothing
over the limit reaches the server; within the limits it does not ask (app/ui/lists/send_selected.py)."""

from __future__ import annotations

import pytest
from exchangelib import Mailbox
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers.keys import CTRL, key, press
from tests.helpers.mailbox import items
from tests.helpers.ews_accounts import make_account, seed_drafts
from app.ui.lists.limits_question import NAME
from app.ui.lists.send_selected import KEPT_WORDS
from tests.helpers.backends import ALICE
from tests.helpers.heard import Heard, read_as_alert
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import wait_task

SHIFT = Qt.ShiftModifier
DRAFTS = {"One": "bob@example.com", "Two": "carol@example.com", "Three": "dave@example.com"}


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


def _asked(qtbot, win) -> QMessageBox:
    """The question, with the keyboard in it."""
    def box():
        return win.findChild(QMessageBox, NAME)
    qtbot.waitUntil(lambda: box() is not None and box().isVisible()
                    and box().isAncestorOf(QApplication.focusWidget()), timeout=20000)
    return box()


def _inboxes(sandbox) -> int:
    return sum(sandbox.mailbox(a).count("inbox") for a in DRAFTS.values())


@pytest.mark.parametrize("answer", [Qt.Key_Return, Qt.Key_Escape])  # the default, and Esc: nothing is sent
def test_send_selected_over_the_day_asks_first_and_its_default_sends_nothing(qtbot, window, sandbox, answer):
    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 2}
    seed_drafts(sandbox, ALICE, DRAFTS)
    d = _drafts_page(qtbot, win, 3)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    box = _asked(qtbot, win)
    assert box.text().startswith("1 of these 3 recipients would be refused today by Exchange Online's 2-a-day "
                                 "limit. Send the 2 that fit now and keep the other 1 in the Outbox, to go from ")
    assert box.windowModality() == Qt.WindowModal
    press(qtbot, answer)
    wait_task(qtbot, win.flows.wait_idle())
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, NAME) is None, timeout=5000)  # closed and gone
    assert _inboxes(sandbox) == 0 and not items(sandbox, Folder.SENT.value)
    assert not win.session.outbox.queue.subs, "nothing handed to the Outbox"
    assert {_status(d, s) for s in DRAFTS} == {KEPT_WORDS}
    assert win.journal_bridge.runtime.sent_count.ledger().entries == [], "nothing counted as sent"


def test_send_selected_sends_what_fits_today_and_keeps_the_rest_held_in_the_outbox(qtbot, window, sandbox):
    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 2}
    seed_drafts(sandbox, ALICE, DRAFTS)
    d = _drafts_page(qtbot, win, 3)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    _asked(qtbot, win)
    assert _inboxes(sandbox) == 0, "nothing is sent before the answer"
    press(qtbot, Qt.Key_S, Qt.AltModifier)  # "Send 2 now, keep 1 for later"
    qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 2, timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())  # not the queue's drain: one message waits a day in it
    held = [s for s in win.session.outbox.queue.submissions() if s.state == SubState.HELD]
    assert len(held) == 1 and held[0].hold_kind == "later"
    [waiting] = [s for s in ("One", "Two", "Three") if _status(d, s) != "(gone)"]
    assert _status(d, waiting).startswith("In the Outbox until ")
    assert _status(d, waiting).endswith("waiting for Exchange Online's 2-recipients-a-day limit")
    assert _inboxes(sandbox) == 2


def test_send_selected_within_the_limits_sends_without_asking_and_counts_every_recipient(qtbot, window, sandbox):
    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 4}
    seed_drafts(sandbox, ALICE, DRAFTS)
    alice = make_account(sandbox, ALICE)
    two = alice.drafts.get(subject="Two")  # To carol, Cc dave (Bcc carol again: one address, counted once)
    two.cc_recipients, two.bcc_recipients = [Mailbox(email_address="dave@example.com")], \
        [Mailbox(email_address="CAROL@example.com")]
    two.save(update_fields=["cc_recipients", "bcc_recipients"])
    _drafts_page(qtbot, win, 3)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 3, timeout=20000)
    wait_task(qtbot, win.flows.wait_idle())
    assert win.findChild(QMessageBox, NAME) is None, "no question within the limits"
    counter = win.journal_bridge.runtime.sent_count
    assert sorted(n for _, n in counter.ledger().entries) == [1, 1, 2], "each draft's distinct To+Cc+Bcc"


@pytest.mark.parametrize("answer", ["send part", "escape"])
def test_the_question_is_read_as_its_box_opens_and_the_answer_said_as_the_plan_goes(qtbot, window, sandbox, answer):
    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 2}
    seed_drafts(sandbox, ALICE, DRAFTS)
    _drafts_page(qtbot, win, 3)
    heard = Heard(win.announcer)
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    box = _asked(qtbot, win)
    question = box.text()
    assert read_as_alert(box) == question
    assert heard.said == [], "read as the box opens: not announced as well (it would be said twice)"
    if answer == "escape":
        press(qtbot, Qt.Key_Escape)
        qtbot.waitUntil(lambda: len(heard.said) > 0, timeout=20000)
        wait_task(qtbot, win.flows.wait_idle())
        # said once, and true: no batch end after it ("Sent 0 of 3; 3 not sent" would contradict it)
        assert heard.said == [("Nothing sent: kept in Drafts.", False)], heard.said
        assert whole_message(win) == "Nothing sent: kept in Drafts"
    else:
        press(qtbot, Qt.Key_S, Qt.AltModifier)  # "Send 2 now, keep 1 for later"
        qtbot.waitUntil(lambda: len(heard.said) > 0, timeout=20000)
        words, loud = heard.said[0]
        assert words.startswith("Sending 2 now; 1 kept in the Outbox, to go from ") and not loud, heard.said
        assert question.split(", to go from ")[1].startswith(words.split(", to go from ")[1].rstrip("."))
        wait_task(qtbot, win.flows.wait_idle())
        # the one kept for later was the user's choice, not a refusal: said politely, and not "not sent"
        assert heard.said == [(words, False), ("Sent 2 of 3; 1 kept in the Outbox for later", False)], heard.said
        assert whole_message(win) == "Sent 2 of 3; 1 kept in the Outbox for later"
    assert question not in heard.words()
