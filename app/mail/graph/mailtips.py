"""What Microsoft 365's MailTips say of the groups of an address book page: one ``POST /me/getMailTips`` for
their addresses (user: getMailTips, learn.microsoft.com/graph/api/user-getmailtips: Mail.Read, within the
sign-in's Mail.ReadWrite), ``MailTipsOptions`` totalMemberCount ("the number of members if the recipient is a
distribution list") and deliveryRestriction (learn.microsoft.com/graph/api/resources/mailtips).

The tips are an extra: a failure of the call, or an answer without them, leaves the groups as the search found
them (member_count and may_send None), never fails the search."""

from __future__ import annotations

import logging

from app.domain.directory import GroupTips
from app.mail.errors import MailError
from app.mail.graph import convert
from app.mail.graph.directory_access import DirectoryAccess

log = logging.getLogger(__name__)
OPTIONS = "totalMemberCount, deliveryRestriction"


def group_tips(http: DirectoryAccess, addresses: list[str]) -> GroupTips:
    """address (lower case) -> (member_count, may_send) for the groups ``addresses`` names; {} when none or when
    the server would not say."""
    if not addresses:
        return {}
    try:
        doc = http.call("", "POST", "/me/getMailTips",
                        json={"EmailAddresses": addresses, "MailTipsOptions": OPTIONS}).doc
        found = list(convert.values(doc))
    except MailError as exc:
        log.info("getMailTips failed (%s): groups shown without their size", exc.code)
        return {}
    tips: GroupTips = {}
    for t in found:
        box = t.get("emailAddress") if isinstance(t, dict) else None
        address = box.get("address") if isinstance(box, dict) else None
        if not isinstance(address, str) or not address or t.get("error"):
            continue
        count, restricted = t.get("totalMemberCount"), t.get("deliveryRestricted")
        tips[address.lower()] = (count if isinstance(count, int) and not isinstance(count, bool) and count >= 0
                                 else None, not restricted if isinstance(restricted, bool) else None)
    return tips
