"""Send as / on behalf over Microsoft Graph (issue 49), GraphMailService against the sandbox with delegates.

Microsoft documents one way for both rights (learn.microsoft.com/graph/outlook-send-mail-from-other-user): the
draft is the user's own (``/me/messages``) with ``from`` = the principal; Exchange sets ``sender`` from the
mailbox right (Send As: the principal; Send on Behalf: the user) and keeps the copy in the user's Sent Items, and
in the principal's too when that mailbox keeps copies of what delegates send ("copy_sent" in the sandbox's data).
The recipient's copy is read back over Graph, as the recipient."""

from __future__ import annotations

import pytest

from app.domain.models import ErrorKind, Folder, OutcomeStatus
from app.domain.senders import Principal, SendRight
from app.mail.graph import GraphMailService
from app.core.outbox.submission import SubState
from tests.helpers.graph_clients import client
from tests.helpers.backends import BOB, settle
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Tokens

ALICE, CAROL, DAVE = "alice@example.com", "carol@example.com", "dave@example.com"
DESK, BOSS = "desk@example.com", "boss@example.com"
USERS = [
    {"email": ALICE, "name": "Alice Anderson", "password": "alice-sandbox-pw"},
    {"email": BOB, "name": "Bob Brown", "password": "bob-sandbox-pw"},
    {"email": CAROL, "name": "Carol Clark", "password": "carol-sandbox-pw"},
    {"email": DAVE, "name": "Dave Davis", "password": "dave-sandbox-pw"},
    # a shared mailbox: Alice may send as it, Dave on its behalf; it keeps no copy of what they send
    {"email": DESK, "name": "Shared Desk", "password": "desk-sandbox-pw", "full_access": [ALICE, DAVE],
     "send_as": [ALICE], "send_on_behalf": [DAVE]},
    # a manager: Alice sends on his behalf, and his mailbox keeps a copy ("always save a copy")
    {"email": BOSS, "name": "Big Boss", "password": "boss-sandbox-pw", "send_on_behalf": [ALICE],
     "copy_sent": True},
]
AS_DESK = Principal(DESK, "Shared Desk", SendRight.SEND_AS)
FOR_BOSS = Principal(BOSS, "Big Boss", SendRight.ON_BEHALF)


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(graph=True, users=USERS)


@pytest.fixture
def make(sb):
    made = []

    def build(email=ALICE, principals=(AS_DESK, FOR_BOSS)):
        svc = GraphMailService(email, sb.graph_url, Tokens(sb, email), timeout=15.0, send_settle_seconds=1.0,
                               principals=principals)
        made.append(svc)
        return svc

    yield build
    for s in made:
        s.close()


def recipients_copy(sb, subject: str) -> dict:
    """Bob's copy of ``subject``, read over Graph as Bob (from, sender) and its MIME from the store."""
    [row] = [r for r in sb.mailbox(BOB).items("inbox") if r["fields"].get("Subject") == subject]
    with client(sb, BOB, token=sb.authority.access_token_for(BOB)) as bob:
        found = bob.get("/me/mailFolders/inbox/messages", params={
            "$filter": f"internetMessageId eq '{row['internet_message_id']}'", "$select": "from,sender"})
    [doc] = found.json()["value"]
    return {"from": doc["from"]["emailAddress"]["address"], "sender": doc["sender"]["emailAddress"]["address"],
            "mime": row["mime"]}


def test_send_as_a_shared_mailbox_is_saved_reopened_and_sent_from_it_alone(sb, make):
    svc = make()
    saved = svc.save_draft(simple_draft("from the desk", principal=AS_DESK))
    [stored] = sb.mailbox(ALICE).items("drafts")  # the draft is Alice's own, from the desk
    assert stored["fields"]["From"]["EmailAddress"] == DESK
    assert svc.get_message(saved.ref).principal == AS_DESK
    assert make(principals=()).get_message(saved.ref).principal == AS_DESK  # unknown to the settings: send as
    assert svc.send_drafts([saved.ref])[0].ok
    settle(sb)
    copy = recipients_copy(sb, "from the desk")
    assert copy["from"] == copy["sender"] == DESK  # Send As: no trace of Alice
    assert b"From: Shared Desk <desk@example.com>" in copy["mime"] and b"\nSender:" not in copy["mime"]
    where = svc.find_by_message_ids([saved.internet_message_id])[saved.internet_message_id]
    assert len(where[Folder.SENT]) == 1 and where[Folder.DRAFTS] == []  # Alice's Sent Items, as Exchange does
    assert sb.mailbox(DESK).count("sentitems") == 0  # the desk keeps no copy of what delegates send


def test_on_behalf_the_recipient_sees_both_and_the_principal_keeps_a_copy(sb, make):
    svc = make()
    saved = svc.save_draft(simple_draft("for the boss", principal=FOR_BOSS))
    assert svc.get_message(saved.ref).principal == FOR_BOSS
    assert svc.send_drafts([saved.ref])[0].ok
    settle(sb)
    copy = recipients_copy(sb, "for the boss")
    assert (copy["from"], copy["sender"]) == (BOSS, ALICE)  # "Alice Anderson on behalf of Big Boss"
    assert b"From: Big Boss <boss@example.com>" in copy["mime"]
    assert b"Sender: Alice Anderson <alice@example.com>" in copy["mime"]
    [sent] = svc.find_by_message_ids([saved.internet_message_id])[saved.internet_message_id][Folder.SENT]
    # the Sent copy read back with no settings: its sender says on behalf
    assert make(principals=()).get_message(sent).principal == Principal(BOSS, "Big Boss", SendRight.ON_BEHALF)
    [kept] = sb.mailbox(BOSS).items("sentitems")  # the boss's mailbox keeps a copy of what Alice sent for him
    assert kept["internet_message_id"] == saved.internet_message_id


def test_taking_the_principal_away_makes_the_draft_the_accounts_own_again(sb, make):
    svc = make()
    saved = svc.save_draft(simple_draft("changed my mind", principal=AS_DESK))
    again = svc.save_draft(saved.copy(principal=None))
    assert svc.get_message(again.ref).principal is None
    assert svc.send_drafts([again.ref])[0].ok
    settle(sb)
    copy = recipients_copy(sb, "changed my mind")
    assert copy["from"] == copy["sender"] == ALICE


def test_a_user_without_the_right_is_refused_nothing_goes_out_and_the_draft_stays(sb, make):
    svc = make(CAROL, principals=(AS_DESK,))
    saved = svc.save_draft(simple_draft("not mine to send", principal=AS_DESK))
    [out] = svc.send_drafts([saved.ref])
    assert out.status == OutcomeStatus.FAILED and out.code == "ErrorSendAsDenied"
    assert out.kind == ErrorKind.PERMANENT and out.explanation.startswith("You are not allowed to send as")
    settle(sb)
    assert sb.mailbox(BOB).count("inbox") == 0 and sb.mailbox(CAROL).count("sentitems") == 0
    assert svc.get_message(saved.ref).principal == AS_DESK  # kept in Drafts, as it was


def test_a_lost_send_answer_is_settled_in_the_senders_sent_items_once(sb, make, tmp_path):
    from tests.mail.outbox_harness import Box

    box = Box(make(), tmp_path / "journal.sqlite3")
    try:
        saved = box.save(simple_draft("lost on behalf", principal=FOR_BOSS))
        sb.faults.inject("SendMessage", "drop_after_commit", count=1)
        sub = box.send(saved)
        assert ("SendMessage", "drop_after_commit") in sb.faults.fired
        assert sub.state == SubState.SENT and box.ob.parts.stats["lookups"] == 1 and box.ob.parts.stats["settled_sent"] == 1
    finally:
        box.close()
    assert sb.request_log.count("graph:SendMessage") == 1
    assert sb.mailbox(BOB).count("inbox") == 1 and sb.mailbox(ALICE).count("sentitems") == 1


def test_one_batch_sends_drafts_from_several_mailboxes_each_with_its_own_sender(sb, make):
    svc = make()
    drafts = [svc.save_draft(simple_draft(s, principal=p)) for s, p in
              (("batch own", None), ("batch as desk", AS_DESK), ("batch for boss", FOR_BOSS))]
    n = len(sb.request_log)
    assert all(o.ok for o in svc.send_drafts([d.ref for d in drafts]))
    assert sb.request_log[n:].count("graph:Batch") == 1
    settle(sb)
    got = {m["subject"]: (m["from"], m["sender"]) for m in sb.mailbox(BOB).items("inbox")}
    assert got == {"batch own": (ALICE, ALICE), "batch as desk": (DESK, DESK), "batch for boss": (BOSS, ALICE)}


def test_the_account_settings_principals_reach_the_backend(sb):
    from app.domain.account import AccountConfig
    from app.mail.graph import create

    account = AccountConfig(email=ALICE, ews_url=sb.ews_url, username=ALICE, principals=[FOR_BOSS])
    svc = create(account, token_provider=Tokens(sb, ALICE))
    try:
        assert svc.principals == (FOR_BOSS,)
    finally:
        svc.close()


def _box(address, name=""):
    return {"emailAddress": {"address": address, **({"name": name} if name else {})}}


def test_the_principal_read_back_from_from_and_sender():
    from app.mail.errors import MalformedResponse
    from app.mail.graph.convert import principal_from

    assert principal_from({"from": None}, ALICE) is None
    assert principal_from({}, ALICE) is None
    assert principal_from({"from": _box("")}, ALICE) is None  # an empty mailbox: nobody
    assert principal_from({"from": _box("Alice@Example.com")}, ALICE) is None  # her own address
    assert principal_from({"from": _box(DESK, "Shared Desk")}, ALICE) == AS_DESK  # no sender yet: send as
    assert principal_from({"from": _box(DESK), "sender": _box(ALICE)}, ALICE) == Principal(DESK, "",
                                                                                            SendRight.ON_BEHALF)
    # the account's settings know the right and the name
    assert principal_from({"from": _box(BOSS)}, ALICE, (FOR_BOSS,)) == FOR_BOSS
    with pytest.raises(MalformedResponse):
        principal_from({"from": "desk@example.com"}, ALICE)
