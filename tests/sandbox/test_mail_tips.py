"""The sandbox's GetMailTips over EWS, with exchangelib's own GetMailTips service: a group's TotalMemberCount
(a nested group counts as one) and DeliveryRestricted for the sender. Every body is checked against
Microsoft's XSD by the suite's wire validator (tests/conftest.py)."""

from __future__ import annotations

import pytest
from exchangelib.properties import Mailbox, SendingAs
from exchangelib.services import GetMailTips
from exchangelib.util import create_element

from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from tests.helpers.ews_accounts import make_account


@pytest.fixture
def org(sandbox_factory):
    return sandbox_factory(users=DIRECTORY_USERS)


def _tips(account, *addresses, requested="TotalMemberCount DeliveryRestriction"):
    """exchangelib's GetMailTips writes ``mail_tips_requested`` with set_xml_value: a string becomes the text of
    m:GetMailTips itself (no m:MailTipsRequested: refused by the schema) and an element without children is
    falsy (left out); a list holding the m:MailTipsRequested element is written as it is."""
    asked = create_element("m:MailTipsRequested")
    asked.text = requested
    found = GetMailTips(protocol=account.protocol).call(
        sending_as=SendingAs(email_address=account.primary_smtp_address),
        recipients=[Mailbox(email_address=a) for a in addresses], mail_tips_requested=[asked])
    return {t.recipient_address.email_address: (t.total_member_count, t.delivery_restricted) for t in found}


def test_groups_say_their_size_and_people_none(org):
    alice = make_account(org, "alice@example.com")
    tips = _tips(alice, "sales@example.com", "everyone@example.com", "carol@example.com")
    assert tips == {"sales@example.com": (3, False), "everyone@example.com": (LARGE_GROUP_SIZE, False),
                    "carol@example.com": (None, False)}


def test_a_restricted_group_is_restricted_only_to_those_it_does_not_accept(org):
    alice, dave = make_account(org, "alice@example.com"), make_account(org, "dave@example.com")
    assert _tips(alice, "board@example.com") == {"board@example.com": (2, True)}
    assert _tips(dave, "board@example.com") == {"board@example.com": (2, False)}


def test_only_the_tips_asked_for_are_answered(org):
    alice = make_account(org, "alice@example.com")
    assert _tips(alice, "board@example.com", requested="TotalMemberCount") == {"board@example.com": (2, None)}
    assert _tips(alice, "board@example.com", requested="All") == {"board@example.com": (2, True)}
