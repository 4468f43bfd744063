"""FindPeople on the global address list (Exchange 2013 and later; learn.microsoft.com/exchange/client-developer/
web-service-reference/findpeople-operation).

The GAL is named by ``m:ParentFolderId`` holding ``t:AddressListId`` with the sandbox's GAL id (``GAL_ID``) or
``t:DistinguishedFolderId Id="directory"`` (messages.xsd lists that distinguished folder; exchangelib's
Directory folder uses it). Microsoft: "When searching the GAL as the primary search folder, you must specify a
query string instead of a restriction, because this operation does not allow for browsing of the GAL": without
``m:QueryString`` (or with a Restriction) the answer is ErrorInvalidArgument. The query matches as ResolveNames
does (core/directory.py), in directory order; ``m:IndexedPageItemView`` pages it (MaxEntriesReturned, Offset
from the beginning). Another folder (a Contacts folder, whose items the sandbox does not index as personas):
ErrorInvalidArgument too, said so in its text. Each match is a ``t:Persona`` (PersonaId, PersonaType Person or
DistributionList, DisplayName, GivenName, Surname, Title, Department, CompanyName, EmailAddress, PhoneNumber)."""

from __future__ import annotations

import base64

from ..core import directory
from ..core.errors import MailboxError
from ..core.session import Ctx
from .names import render_mailbox
from .paging import parse_paging
from .soap import m, response_root, schema_error, sub, t

GAL_ID = "7c5bd7b5-5b6a-4b3c-9d43-2f0a8b8e0f1a"  # the sandbox's Default Global Address List
NOT_GAL = "The sandbox's FindPeople searches the global address list only (AddressListId or 'directory')."
NO_QUERY = "A search of the global address list needs a QueryString; the global address list cannot be browsed."


def persona_id(address: str) -> str:
    return base64.b64encode(b"persona:" + address.lower().encode()).decode()


def _is_gal(parent) -> bool:
    if parent is None or len(parent) != 1:
        return False
    target = parent[0]
    if target.tag == t("AddressListId"):
        return target.get("Id") == GAL_ID
    return target.tag == t("DistinguishedFolderId") and target.get("Id") == "directory"


def _render_persona(parent, e: dict):
    p = sub(parent, t("Persona"))
    sub(p, t("PersonaId"), Id=persona_id(e["email"]))
    sub(p, t("PersonaType"), "DistributionList" if directory.is_group(e) else "Person")
    name = e.get("name") or e["email"]
    words = name.split()
    sub(p, t("DisplayName"), name)
    if not directory.is_group(e) and words:
        sub(p, t("GivenName"), words[0])
        if len(words) > 1:
            sub(p, t("Surname"), words[-1])
    for field, tag in (("title", "Title"), ("department", "Department"), ("company", "CompanyName")):
        if e.get(field):
            sub(p, t(tag), e[field])
    render_mailbox(p, e, "EmailAddress")
    if e.get("phone"):
        ph = sub(p, t("PhoneNumber"))
        sub(ph, t("Number"), e["phone"])
        sub(ph, t("Type"), "Business")


def _query(req) -> str:
    if not _is_gal(req.find(m("ParentFolderId"))):
        raise MailboxError("ErrorInvalidArgument", NOT_GAL)
    query = req.findtext(m("QueryString"))
    if req.find(m("Restriction")) is not None or not (query or "").strip():
        raise MailboxError("ErrorInvalidArgument", NO_QUERY)
    return query


def op_find_people(ctx: Ctx, req):
    view = req.find(m("IndexedPageItemView"))
    if view is None:
        raise schema_error("The element 'FindPeople' has incomplete content: 'IndexedPageItemView' expected.")
    try:
        paging = parse_paging(view, None)
        if paging.from_end:
            raise MailboxError("ErrorInvalidArgument", "FindPeople pages from the beginning of the view.")
        found = directory.search(ctx.sandbox.users, ctx.sandbox.groups, _query(req))
    except MailboxError as e:
        return _answer("Error", e.code, e.text)
    start, stop = paging.window(len(found))
    resp = _answer("Success", "NoError")
    people = sub(resp, m("People"))
    for e in found[start:stop]:
        _render_persona(people, e)
    sub(resp, m("TotalNumberOfPeopleInView"), str(len(found)))
    sub(resp, m("FirstMatchingRowIndex"), "0")
    sub(resp, m("FirstLoadedRowIndex"), str(start))
    return resp


def _answer(klass: str, code: str, text: str | None = None):
    """m:FindPeopleResponse is itself the response message (FindPeopleResponseMessageType, no ResponseMessages)."""
    resp = response_root("FindPeople")
    resp.set("ResponseClass", klass)
    if text is not None:
        sub(resp, m("MessageText"), text)
    sub(resp, m("ResponseCode"), code)
    if code != "NoError":
        sub(resp, m("DescriptiveLinkKey"), "0")
    return resp
