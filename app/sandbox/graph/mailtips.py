"""``POST /me/getMailTips`` (and ``/users/{id}/getMailTips``): MailTips of recipients for the mailbox's user as
the sender (learn.microsoft.com/graph/api/user-getmailtips; the answer a mailTips collection,
learn.microsoft.com/graph/api/resources/mailtips). Parameters: ``EmailAddresses`` (required, strings) and
``MailTipsOptions`` (mailTipsType, a flags enum: comma-separated names). The sandbox knows two tips
(core/directory.mail_tips): ``totalMemberCount`` ("the number of members if the recipient is a distribution
list") and ``deliveryRestricted`` (the group takes mail only from others). A tip asked for that does not apply
is left out; every answer names its ``emailAddress``."""

from __future__ import annotations

from ..core import directory
from .errors import bad_request
from .params import action_params
from .request import Req, json_resp

OPTIONS = ("automaticReplies", "mailboxFullStatus", "customMailTip", "externalMemberCount", "totalMemberCount",
           "maxMessageSize", "deliveryRestriction", "moderationStatus", "recipientScope", "recipientSuggestions")


def _options(value) -> set[str]:
    if value is None:
        return set()
    names = [v.strip() for v in value.split(",")] if isinstance(value, str) else None
    by_lower = {o.lower(): o for o in OPTIONS}
    if names is None or not all(n.lower() in by_lower for n in names):
        raise bad_request(f"Requested value '{value}' was not found.", "RequestBodyRead")
    return {by_lower[n.lower()] for n in names}


def _addresses(value) -> list[str]:
    if value is None:
        raise bad_request("Value cannot be null. Parameter name: EmailAddresses", "ErrorInvalidParameter")
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise bad_request("EmailAddresses must be a collection of strings.", "RequestBodyRead")
    return value


def _tips(req: Req, address: str, asked: set[str]) -> dict:
    entry = req.ctx.sandbox.group_by_email(address)
    tips = directory.mail_tips(entry, req.ctx.email)
    out: dict = {"emailAddress": {"name": (entry or {}).get("name") or "", "address": address}}
    if "totalMemberCount" in asked and tips["total_member_count"] is not None:
        out["totalMemberCount"] = tips["total_member_count"]
    if "deliveryRestriction" in asked:
        out["deliveryRestricted"] = tips["delivery_restricted"]
    return out


def get_mail_tips(req: Req):
    doc = action_params(req.json(), "getMailTips", ("emailAddresses", "mailTipsOptions"))
    asked = _options(doc.get("mailTipsOptions"))
    out = [_tips(req, a.strip(), asked) for a in _addresses(doc.get("emailAddresses"))]
    return json_resp(200, {"@odata.context": f"{req.base}/$metadata#Collection(microsoft.graph.mailTips)",
                           "value": out})
