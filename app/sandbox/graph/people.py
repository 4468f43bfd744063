"""``GET /me/people``: the people relevant to the user (user: list people; People.Read), here the sandbox's
directory of users and the user's own contacts (Graph's people "from across mail, contacts and social networks",
learn.microsoft.com/graph/people-insights-overview), with ``$search`` as Dispatch's name resolution uses it.

- ``$search="text"`` (the quotes optional, as Graph's own examples write it both ways): the users the
  sandbox's one matching rule finds (core/directory.match_users, shared with EWS ResolveNames): the exact
  address, else any address, local part, user name, full name or word of it that starts with the text.
  No match: an empty ``value``, never an error.
- Without ``$search``: every user of the directory. Ordered by display name, then address.
- ``$top`` (1..1000, default 10) and ``$skip`` page the answer (``@odata.nextLink`` while more remain);
  ``$select`` keeps the named person properties (``id`` always). Other query options are refused (400),
  never ignored.

A person is a directory user as Graph describes an organization user: ``displayName``, ``givenName``,
``surname``, ``userPrincipalName``, ``scoredEmailAddresses`` (the address, relevanceScore,
selectionLikelihood ``notSpecified``), ``personType`` {class Person, subclass OrganizationUser},
jobTitle, department, officeLocation, companyName and phones from the users file's directory fields (one of
the user's own contacts: personType {class Person, subclass PersonalContact}, after the directory's); the
properties the sandbox knows nothing of are null or empty, as Graph answers them for a user with no
profile. ``id`` is the user's object id (the token's ``oid``)."""

from __future__ import annotations

import re

from ..authority.tokens import user_oid
from ..core.directory import match_users
from .errors import bad_request
from .request import Req, json_resp

DEFAULT_TOP = 10
MAX_TOP = 1000
OPTIONS = ("$search", "$top", "$skip", "$select")
PROPS = ("id", "displayName", "givenName", "surname", "birthday", "personNotes", "isFavorite", "jobTitle",
         "companyName", "yomiCompany", "department", "officeLocation", "profession", "userPrincipalName",
         "imAddress", "scoredEmailAddresses", "phones", "postalAddresses", "websites", "personType")


def list_people(req: Req):
    q = req.query
    for name in q:
        if name.startswith("$") and name not in OPTIONS:
            raise bad_request(f"Query option '{name}' is not allowed.", "BadRequest")
    top = _int(q, "$top", DEFAULT_TOP)
    if top < 1:
        raise bad_request(f"Invalid page size specified: '{top}'. Must be between 1 and {MAX_TOP} inclusive.")
    top, skip = min(top, MAX_TOP), _int(q, "$skip", 0)
    select = _select(q.get("$select"))
    found = _people(req.ctx.sandbox.users, req.ctx.user.get("contacts") or [], q.get("$search"))
    page = found[skip:skip + top]
    doc = {"@odata.context": req.context("people"), "value": [_person(u, select) for u in page]}
    if skip + top < len(found):
        nxt = {k: v for k, v in q.items() if k != "$skip"}
        doc["@odata.nextLink"] = req.link("/people", {**nxt, "$top": str(top), "$skip": str(skip + top)})
    return json_resp(200, doc)


def _people(users: list[dict], contacts: list[dict], search: str | None) -> list[dict]:
    """The directory's users, then the user's own contacts the directory does not hold, each in name order."""
    def matching(entries):
        found = match_users(entries, _search_text(search)) if search is not None else list(entries)
        return sorted(found, key=lambda u: ((u.get("name") or u["email"]).lower(), u["email"].lower()))
    known = {u["email"].lower() for u in users}
    return [*matching(users), *matching([c for c in contacts if c["email"].lower() not in known])]


def _search_text(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text


def _int(q: dict, name: str, default: int) -> int:
    if name not in q:
        return default
    if not re.fullmatch(r"\d{1,9}", q[name] or ""):
        raise bad_request(f"Invalid value for {name}: '{q[name]}'.")
    return int(q[name])


def _select(text: str | None) -> list[str] | None:
    if text is None:
        return None
    props = [p.strip() for p in text.split(",") if p.strip()]
    for p in props:
        if p not in PROPS:
            raise bad_request(f"Could not find a property named '{p}' on type 'microsoft.graph.person'.",
                              "RequestBroker--ParseUri")
    return props


def _person(u: dict, select: list[str] | None) -> dict:
    name = u.get("name") or u["email"]
    words, contact = name.split(), u.get("kind") == "contact"
    doc = {
        "id": user_oid(u["email"]), "displayName": name, "givenName": words[0] if words else None,
        "surname": words[-1] if len(words) > 1 else None, "birthday": "", "personNotes": "", "isFavorite": False,
        "jobTitle": u.get("title"), "companyName": u.get("company"), "yomiCompany": "",
        "department": u.get("department"), "officeLocation": u.get("office"),
        "profession": "", "userPrincipalName": "" if contact else u["email"], "imAddress": None,
        "scoredEmailAddresses": [{"address": u["email"], "relevanceScore": 8.0,
                                  "selectionLikelihood": "notSpecified"}],
        "phones": [{"type": kind, "number": u[field]} for field, kind in (("phone", "business"), ("mobile", "mobile"))
                   if u.get(field)],
        "postalAddresses": [], "websites": [],
        "personType": {"class": "Person", "subclass": "PersonalContact" if contact else "OrganizationUser"},
    }
    if select is not None:
        doc = {k: v for k, v in doc.items() if k == "id" or k in select}
    return doc
