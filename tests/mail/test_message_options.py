"""Reply-To, sensitivity and categories (issue 49, "the rest of the message") through each backend against the
sandbox over HTTP: set -> saved -> reopened -> changed -> sent -> what Bob's delivered copy holds. Categories are
the sender's own labels: Exchange keeps them on the sender's copy and does not deliver them."""

from __future__ import annotations

from app.domain.models import Folder, OutcomeStatus, Recipient, Sensitivity
from tests.helpers.backends import ALICE, BOB, every_backend, settle
from tests.helpers.drafts import simple_draft

DESK = Recipient("desk@example.com", "Help, Desk")


def _only(sb, email, folder):
    items = sb.mailbox(email).items(folder)
    assert len(items) == 1, items
    return items[0]


@every_backend
def test_reply_to_sensitivity_and_categories_are_saved_reopened_changed_and_sent(svc, sandbox, backend):
    svc.connect()
    draft = simple_draft("options", reply_to=[DESK, Recipient("erin@example.com")],
                         sensitivity=Sensitivity.PRIVATE, categories=["Red category", "Projet ✓"])
    saved = svc.save_draft(draft)
    back = svc.get_message(saved.ref)
    assert back.reply_to == [DESK, Recipient("erin@example.com")]
    assert back.sensitivity == Sensitivity.PRIVATE
    assert back.categories == ["Red category", "Projet ✓"]
    stored = _only(sandbox, ALICE, "drafts")
    assert (stored["reply_to"], stored["sensitivity"]) == (["desk@example.com", "erin@example.com"], "Private")

    # a second save (update) changes each of them
    changed = svc.save_draft(back.copy(reply_to=[DESK], sensitivity=Sensitivity.CONFIDENTIAL, categories=["Blue"]))
    again = svc.get_message(changed.ref)
    assert (again.reply_to, again.sensitivity, again.categories) == ([DESK], Sensitivity.CONFIDENTIAL, ["Blue"])

    out = svc.send_drafts([changed.ref])
    settle(sandbox)
    assert out[0].status == OutcomeStatus.SENT
    got = _only(sandbox, BOB, "inbox")
    assert got["reply_to"] == ["desk@example.com"] and got["sensitivity"] == "Confidential"
    assert got["categories"] == [], "categories are the sender's own: Exchange does not deliver them"
    assert "Reply-To:" in got["mime"].decode() and "Sensitivity: Company-Confidential" in got["mime"].decode()
    sent = svc.list_messages(Folder.SENT, 0, 10).items[0]
    mine = svc.get_message(sent.ref)
    assert (mine.reply_to, mine.sensitivity, mine.categories) == ([DESK], Sensitivity.CONFIDENTIAL, ["Blue"])


@every_backend
def test_clearing_the_three_fields_on_a_saved_draft_clears_them_on_the_server(svc, sandbox, backend):
    saved = svc.save_draft(simple_draft("clear", reply_to=[DESK], sensitivity=Sensitivity.PERSONAL,
                                        categories=["Green"]))
    first = svc.get_message(saved.ref)
    assert (first.reply_to, first.sensitivity, first.categories) == ([DESK], Sensitivity.PERSONAL, ["Green"])
    cleared = svc.save_draft(saved.copy(reply_to=[], sensitivity=Sensitivity.NORMAL, categories=[]))
    back = svc.get_message(cleared.ref)
    assert (back.reply_to, back.sensitivity, back.categories) == ([], Sensitivity.NORMAL, [])
    stored = _only(sandbox, ALICE, "drafts")
    assert stored["reply_to"] == [] and stored["categories"] == [] and stored["sensitivity"] in (None, "Normal")
