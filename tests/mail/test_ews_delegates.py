"""Issues 49 and 59 over EWS: a draft from a principal (the sandbox's Shared Desk, desk@example.com: Alice sends as
it, Bob on its behalf, both with Full Access; Carol holds no right) through the EWS backend against the sandbox over
HTTP: set -> saved -> reopened -> changed -> sent -> what the recipient's copy holds, and where the sent copy is. By
default (Outlook's) the draft and its copy are the account's own (its Drafts, its Sent Items); with the mailbox's
"keep the copy in its Sent Items" (``Principal.keep_copy``) they are the principal's. EWS only: Graph names the
principal in its own way (the Graph backend's tests).

SendItem's reference page documents that a principal's draft sent with its copy to "sentitems" without the
principal's Mailbox silently stays in the principal's Drafts, and that a delegate's own draft sent with its copy to
the principal's Sent Items leaves no copy anywhere; the sandbox reproduces both (tests/sandbox/test_delegates.py),
so these tests show the backend's requests avoid them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.core.outbox.submission import SubState
from app.domain.models import ErrorKind, Folder, OutcomeStatus
from app.domain.senders import Principal, SendRight
from tests.helpers.backends import ALICE, BOB
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Services
from tests.mail.outbox_harness import POLICY, Box, count

CAROL = "carol@example.com"
DESK = "desk@example.com"
AS_DESK = Principal(DESK, "Shared Desk", SendRight.SEND_AS)
FOR_DESK = Principal(DESK, "Shared Desk", SendRight.ON_BEHALF)
#: the same mailboxes with "keep the copy in its Sent Items" (the account's setting; a draft's From is the same)
KEEP_AS_DESK = Principal(DESK, "Shared Desk", SendRight.SEND_AS, keep_copy=True)
KEEP_FOR_DESK = Principal(DESK, "Shared Desk", SendRight.ON_BEHALF, keep_copy=True)
ews_backends = pytest.mark.parametrize(
    "backend", ["ews", pytest.param("ews-engine", marks=pytest.mark.process)], indirect=True)


def _requests(sb) -> list[bytes]:
    seen: list[bytes] = []
    sb.wire_observer = lambda direction, body, injected=False: seen.append(body) if direction == "request" else None
    return seen


def _names_desk(body: bytes, folder: str) -> bool:
    """The body names ``folder`` of the Shared Desk's mailbox: DistinguishedFolderId + Mailbox desk@."""
    return re.search(rb'DistinguishedFolderId Id="' + folder.encode() + rb'"><t:Mailbox><t:EmailAddress>'
                     + DESK.encode(), body) is not None


def _names_own_sentitems(body: bytes, who: str) -> bool:
    """SavedItemFolderId is the account's own Sent Items: DistinguishedFolderId "sentitems" with no Mailbox, or
    with the account's own (exchangelib names the account's mailbox in every DistinguishedFolderId it writes)."""
    m = re.search(rb'<m:SavedItemFolderId><t:DistinguishedFolderId Id="sentitems"(\s*/>|>(.*?)</t:DistinguishedFolderId>)'
                  rb'</m:SavedItemFolderId>', body)
    return m is not None and (m.group(2) is None
                              or m.group(2).startswith(b"<t:Mailbox><t:EmailAddress>" + who.encode() + b"<"))


def _only(sb, email, folder):
    items = sb.mailbox(email).items(folder)
    assert len(items) == 1, items
    return items[0]


@ews_backends
@pytest.mark.parametrize("who,principal,sender", [(ALICE, KEEP_AS_DESK, DESK), (BOB, KEEP_FOR_DESK, BOB)],
                         ids=["send-as", "on-behalf"])
def test_keep_copy_a_principals_draft_is_saved_in_its_drafts_reopened_and_sent_with_its_copy_in_its_sent_items(
        services, sandbox, backend, who, principal, sender):
    svc = services.make(who, principals=[principal])
    wire = _requests(sandbox)
    saved = svc.save_draft(simple_draft("from the desk", to=CAROL, principal=principal))
    stored = _only(sandbox, DESK, "drafts")
    assert stored["from"] == DESK and sandbox.mailbox(who).items("drafts") == []
    assert any(_names_desk(b, "drafts") for b in wire if b"CreateItem" in b), "saved in the principal's Drafts"

    back = svc.get_message(saved.ref)
    assert back.principal == principal, "reopened: From is the principal, with the account's configured right"
    changed = svc.save_draft(back.copy(subject="from the desk, changed"))
    assert _only(sandbox, DESK, "drafts")["subject"] == "from the desk, changed"

    del wire[:]
    out = svc.send_drafts([changed.ref])
    assert [o.status for o in out] == [OutcomeStatus.SENT]
    (send,) = [b for b in wire if b"SendItem" in b]
    assert _names_desk(send, "sentitems"), "SavedItemFolderId names the principal's Sent Items WITH its Mailbox"

    got = _only(sandbox, CAROL, "inbox")
    assert (got["from"], got["sender"], got["subject"]) == (DESK, sender, "from the desk, changed")
    assert _only(sandbox, DESK, "sentitems")["subject"] == "from the desk, changed"
    assert sandbox.mailbox(DESK).items("drafts") == [] and sandbox.mailbox(who).items("sentitems") == []


def test_a_draft_from_the_account_itself_stays_as_it_was(services, sandbox):
    """No principal: the account's own Drafts and Sent Items, no From written, no extra request."""
    svc = services.make(ALICE, principals=[AS_DESK])
    svc.connect()  # the version probe and the Drafts folder
    n = len(sandbox.request_log)
    saved = svc.save_draft(simple_draft("mine", to=CAROL))
    assert svc.get_message(saved.ref).principal is None
    assert svc.send_drafts([saved.ref])[0].ok
    assert sandbox.request_log[n:] == ["CreateItem", "GetItem", "SendItem"]
    assert _only(sandbox, ALICE, "sentitems")["subject"] == "mine" and sandbox.mailbox(DESK).items("sentitems") == []


def test_keep_copy_a_draft_restored_after_a_restart_is_sent_with_its_copy_in_the_principals_sent_items(
        services, sandbox):
    saved = services.make(ALICE, principals=[KEEP_AS_DESK]).save_draft(simple_draft("restored", to=CAROL,
                                                                                    principal=AS_DESK))
    fresh = services.make(ALICE, principals=[KEEP_AS_DESK])  # another process: knows nothing of the draft
    assert fresh.send_drafts([saved.ref])[0].ok
    assert _only(sandbox, DESK, "sentitems")["subject"] == "restored" and sandbox.mailbox(DESK).items("drafts") == []


def test_keep_copy_changing_from_moves_a_saved_draft_to_the_other_mailbox(services, sandbox):
    svc = services.make(ALICE, principals=[KEEP_AS_DESK])
    mine = svc.save_draft(simple_draft("moving", to=CAROL))
    moved = svc.save_draft(mine.copy(principal=AS_DESK))
    assert _only(sandbox, DESK, "drafts")["internet_message_id"] == mine.internet_message_id
    assert sandbox.mailbox(ALICE).items("drafts") == []
    back = svc.save_draft(moved.copy(principal=None))
    assert _only(sandbox, ALICE, "drafts")["from"] in (None, ALICE) and sandbox.mailbox(DESK).items("drafts") == []
    assert svc.send_drafts([back.ref])[0].ok and _only(sandbox, ALICE, "sentitems")["subject"] == "moving"


def test_carol_without_rights_is_refused_send_as_nothing_is_delivered_and_her_draft_is_kept(services, sandbox):
    """Without Full Access the draft stays in her own Drafts (From = the desk), even with "keep the copy in its
    Sent Items" (she cannot open them); the send is refused per item with ErrorSendAsDenied, which the UI
    explains."""
    svc = services.make(CAROL, principals=[KEEP_AS_DESK])
    saved = svc.save_draft(simple_draft("not allowed", to=BOB, principal=AS_DESK))
    assert _only(sandbox, CAROL, "drafts")["from"] == DESK and sandbox.mailbox(DESK).items("drafts") == []
    (out,) = svc.send_drafts([saved.ref])
    assert not out.ok and out.code == "ErrorSendAsDenied" and out.kind == ErrorKind.PERMANENT
    assert out.explanation == "You are not allowed to send as this sender"
    assert sandbox.mailbox(BOB).items("inbox") == [] and sandbox.mailbox(CAROL).items("sentitems") == []
    assert _only(sandbox, CAROL, "drafts")["subject"] == "not allowed"


def test_keep_copy_a_send_whose_answer_is_lost_is_found_in_the_principals_sent_items_and_not_sent_twice(
        sandbox, tmp_path):
    services = Services(sandbox)
    box = Box(services.make(ALICE, principals=[KEEP_AS_DESK]), tmp_path / "journal.sqlite3")
    try:
        saved = box.save(simple_draft("exactly once, desk", to=CAROL, principal=AS_DESK))
        box.ob.parts.policy = replace(POLICY, settle_delay=0.05)
        sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
        sub = box.send(saved)
        assert sub.state == SubState.SENT and sub.reason.startswith("Sent (confirmed in Sent Items)")
        assert ("SendItem", "drop_after_commit") in sandbox.faults.fired
        assert sandbox.request_log.count("SendItem") == 1, "never resent blindly"
        assert count(sandbox, "inbox", email=CAROL, subject="exactly once, desk") == 1
        assert count(sandbox, "sentitems", email=DESK, subject="exactly once, desk") == 1
        assert box.ob.parts.stats["settled_sent"] == 1
    finally:
        box.close()
        services.close()


def test_keep_copy_drafts_and_sent_list_the_principals_too_merged_and_paged(services, sandbox):
    """The account's Drafts and Sent lists show its drafts from the principal (in the principal's Drafts) and
    the principal's sent copies, merged newest first; paging goes through both mailboxes once each."""
    svc = services.make(ALICE, principals=[KEEP_AS_DESK])
    for subject, principal in (("a1", None), ("d1", AS_DESK), ("a2", None), ("d2", AS_DESK)):
        svc.save_draft(simple_draft(subject, to=CAROL, principal=principal))
    first, second = svc.list_messages(Folder.DRAFTS, 0, 3), svc.list_messages(Folder.DRAFTS, 3, 3)
    assert (len(first.items), first.total, first.includes_last) == (3, 4, False)
    assert (len(second.items), second.total, second.includes_last) == (1, 4, True)
    assert sorted(s.subject for s in first.items + second.items) == ["a1", "a2", "d1", "d2"]
    desk = next(s for s in first.items + second.items if s.subject == "d2")
    assert svc.get_message(desk.ref).principal == AS_DESK  # opened from the list: From is the desk
    assert svc.send_drafts([desk.ref])[0].ok
    assert [s.subject for s in svc.list_messages(Folder.SENT, 0, 10).items] == ["d2"]
    assert _only(sandbox, DESK, "sentitems")["subject"] == "d2"


def test_keep_copy_mailboxes_whose_pages_come_back_full_are_counted_in_one_get_folder(services, sandbox):
    """Each mailbox's FindItem came back full, so either may hold more: ONE GetFolder asks both folders'
    TotalCount (the principal's by its DistinguishedFolderId's Mailbox), and the merged total is theirs."""
    svc = services.make(ALICE, principals=[KEEP_AS_DESK])
    for subject, principal in (("a1", None), ("d1", AS_DESK), ("a2", None), ("d2", AS_DESK), ("a3", None)):
        svc.save_draft(simple_draft(subject, to=CAROL, principal=principal))
    n = len(sandbox.request_log)
    first = svc.list_messages(Folder.DRAFTS, 0, 2)
    assert sandbox.request_log[n:] == ["FindItem", "FindItem", "GetFolder"]
    assert (len(first.items), first.total, first.includes_last) == (2, 5, False)
    n = len(sandbox.request_log)
    last = svc.list_messages(Folder.DRAFTS, 2, 3)  # 5 asked of each: both come back short, nothing to count
    assert sandbox.request_log[n:] == ["FindItem", "FindItem"]
    assert (len(last.items), last.total, last.includes_last) == (3, 5, True)
    assert sorted(s.subject for s in first.items + last.items) == ["a1", "a2", "a3", "d1", "d2"]


def test_an_account_without_principals_lists_as_before(services, sandbox):
    svc = services.make(ALICE)
    svc.connect()
    svc.save_draft(simple_draft("plain", to=CAROL))
    n = len(sandbox.request_log)
    assert [s.subject for s in svc.list_messages(Folder.DRAFTS, 0, 10).items] == ["plain"]
    assert sandbox.request_log[n:] == ["FindItem"]


def test_drafts_of_two_mailboxes_sent_together_each_get_their_outcome_in_order(services, sandbox):
    """One SendItem per mailbox; a request that fails as a whole costs only its own items their answer."""
    svc = services.make(ALICE, principals=[KEEP_AS_DESK])
    desk = svc.save_draft(simple_draft("desk one", to=CAROL, principal=AS_DESK))
    mine = svc.save_draft(simple_draft("my one", to=CAROL))
    both = svc.save_draft(simple_draft("desk two", to=CAROL, principal=AS_DESK))
    sandbox.faults.inject("SendItem", "drop_before_commit", count=1)  # the first request: the desk's two
    n = len(sandbox.request_log)
    out = svc.send_drafts([desk.ref, mine.ref, both.ref])
    assert [o.status for o in out] == [OutcomeStatus.UNKNOWN, OutcomeStatus.SENT, OutcomeStatus.UNKNOWN]
    assert [o.ref for o in out] == [desk.ref, mine.ref, both.ref]
    assert sandbox.request_log[n:] == ["SendItem", "SendItem"]
    assert [i["subject"] for i in sandbox.mailbox(CAROL).items("inbox")] == ["my one"]
    assert _only(sandbox, ALICE, "sentitems")["subject"] == "my one"
    again = svc.send_drafts([desk.ref, both.ref])  # still in the desk's Drafts: one request, both sent
    assert [o.status for o in again] == [OutcomeStatus.SENT] * 2
    assert sorted(i["subject"] for i in sandbox.mailbox(DESK).items("sentitems")) == ["desk one", "desk two"]


def test_a_from_the_settings_do_not_list_reopens_as_send_as_with_its_name(services, sandbox):
    saved = services.make(BOB, principals=[FOR_DESK]).save_draft(simple_draft("by bob", to=CAROL, principal=FOR_DESK))
    other = services.make(BOB)  # the same mailbox, with no principal configured (yet)
    assert other.get_message(saved.ref).principal == Principal(DESK, "Shared Desk", SendRight.SEND_AS)


# ---------------------------------------------------------------- issue 59: the copy in the account's own Sent Items

@ews_backends
@pytest.mark.parametrize("who,principal,sender", [(ALICE, AS_DESK, DESK), (BOB, FOR_DESK, BOB)],
                         ids=["send-as", "on-behalf"])
def test_by_default_a_principals_draft_and_its_copy_are_the_accounts_own_and_sent_lists_it(
        services, sandbox, backend, who, principal, sender):
    """Outlook's default: the draft in the account's own Drafts (From = the desk), sent with SavedItemFolderId =
    its own "sentitems" with no Mailbox (a draft in the desk's Drafts sent so would stay there: SendItem's
    reference page), the copy in its own Sent Items, nothing in the desk's; the Sent list shows it."""
    svc = services.make(who, principals=[principal])
    wire = _requests(sandbox)
    saved = svc.save_draft(simple_draft("from the desk", to=CAROL, principal=principal))
    assert _only(sandbox, who, "drafts")["from"] == DESK and sandbox.mailbox(DESK).items("drafts") == []
    assert not any(_names_desk(b, "drafts") for b in wire if b"CreateItem" in b)
    back = svc.get_message(saved.ref)
    assert back.principal == principal

    del wire[:]
    assert [o.status for o in svc.send_drafts([back.ref])] == [OutcomeStatus.SENT]
    (send,) = [b for b in wire if b"SendItem" in b]
    assert _names_own_sentitems(send, who) and not _names_desk(send, "sentitems"), send
    got = _only(sandbox, CAROL, "inbox")
    assert (got["from"], got["sender"]) == (DESK, sender)
    copy = _only(sandbox, who, "sentitems")
    assert (copy["subject"], copy["from"]) == ("from the desk", DESK)
    assert sandbox.mailbox(DESK).items("sentitems") == [] and sandbox.mailbox(who).items("drafts") == []
    listed = svc.list_messages(Folder.SENT, 0, 10).items
    assert [(s.subject, s.internet_message_id) for s in listed] == [("from the desk", saved.internet_message_id)]


def test_by_default_a_send_whose_answer_is_lost_is_found_in_the_accounts_sent_items_and_not_sent_twice(
        sandbox, tmp_path):
    """The exactly-once settle for the default copy: looked up by Message-ID, found in the account's own Sent
    Items, never sent again."""
    services = Services(sandbox)
    box = Box(services.make(BOB, principals=[FOR_DESK]), tmp_path / "journal.sqlite3")
    try:
        saved = box.save(simple_draft("exactly once, mine", to=CAROL, principal=FOR_DESK))
        box.ob.parts.policy = replace(POLICY, settle_delay=0.05)
        sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
        sub = box.send(saved)
        assert sub.state == SubState.SENT and sub.reason.startswith("Sent (confirmed in Sent Items)")
        assert sandbox.request_log.count("SendItem") == 1, "never resent blindly"
        assert count(sandbox, "inbox", email=CAROL, subject="exactly once, mine") == 1
        assert count(sandbox, "sentitems", email=BOB, subject="exactly once, mine") == 1
        assert count(sandbox, "sentitems", email=DESK, subject="exactly once, mine") == 0
        assert box.ob.parts.stats["settled_sent"] == 1
    finally:
        box.close()
        services.close()


def test_when_exchange_also_keeps_a_copy_in_the_desks_sent_items_the_sent_list_shows_it_once(sandbox_factory):
    """The desk's administrator set MessageCopyForSendOnBehalfEnabled (the sandbox's ``copy_sent``): Exchange puts
    a copy in the desk's Sent Items besides Bob's own. Both are the same message: Sent lists it once."""
    from app.sandbox.sandbox import DEFAULT_USERS

    users = [dict(u, copy_sent=True) if u["email"] == DESK else dict(u) for u in DEFAULT_USERS]
    sb = sandbox_factory(users=users)
    services = Services(sb)
    try:
        svc = services.make(BOB, principals=[FOR_DESK])
        saved = svc.save_draft(simple_draft("twice kept", to=CAROL, principal=FOR_DESK))
        assert svc.send_drafts([saved.ref])[0].ok
        assert _only(sb, BOB, "sentitems")["subject"] == _only(sb, DESK, "sentitems")["subject"] == "twice kept"
        page = svc.list_messages(Folder.SENT, 0, 10)
        assert [s.subject for s in page.items] == ["twice kept"] and page.total == 1
    finally:
        services.close()
