"""What Exchange's MailTips say of the groups of an address book page: GetMailTips (exchangelib's
``services.GetMailTips``) for their addresses at once, with the user as the sender, asking TotalMemberCount
("the count of all members in a group") and DeliveryRestriction ("whether delivery restrictions will prevent
the sender's message from reaching the recipient"), learn.microsoft.com/exchange/client-developer/
web-service-reference/getmailtips-operation and mailtipsrequested.

exchangelib writes ``mail_tips_requested`` with its set_xml_value: a string would become the text of
m:GetMailTips itself (the schema refuses it) and an element without children is falsy (left out), so the
m:MailTipsRequested element goes in a list, which is written as it is.

The tips are an extra: a failure of the call, or of one recipient's tips, leaves the groups as the search found
them (member_count and may_send None), never fails the search."""

from __future__ import annotations

import logging

from exchangelib.errors import EWSError
from exchangelib.properties import Mailbox, SendingAs
from exchangelib.services import GetMailTips
from exchangelib.util import create_element

from app.domain.directory import GroupTips

log = logging.getLogger(__name__)
REQUESTED = "TotalMemberCount DeliveryRestriction"


def group_tips(account, addresses: list[str]) -> GroupTips:
    """address (lower case) -> (member_count, may_send) for the groups ``addresses`` names; {} when none or when
    the server would not say."""
    if not addresses:
        return {}
    asked = create_element("m:MailTipsRequested")
    asked.text = REQUESTED
    try:
        found = list(GetMailTips(protocol=account.protocol).call(
            sending_as=SendingAs(email_address=account.primary_smtp_address),
            recipients=[Mailbox(email_address=a) for a in addresses], mail_tips_requested=[asked]))
    except EWSError as exc:
        log.info("GetMailTips failed (%s): groups shown without their size", type(exc).__name__)
        return {}
    tips: GroupTips = {}
    for t in found:
        address = getattr(getattr(t, "recipient_address", None), "email_address", None)
        if isinstance(t, Exception) or not address:
            continue
        restricted = t.delivery_restricted
        tips[address.lower()] = (t.total_member_count, None if restricted is None else not restricted)
    return tips
