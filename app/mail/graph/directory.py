"""The address book over Microsoft Graph (app/mail/service.py: search_directory, group_members).

- A search asks, in this order, and keeps the first entry of each address:
  1. ``GET /me/people?$search="text"`` (List people: People.Read, which the sign-in asks for): the people most
     relevant to the user first, with the user's own contacts (personType PersonalContact) and groups it writes to;
     one request, on the first page only;
  2. ``GET /users?$search="displayName:text" OR "mail:text"`` (List users, least privileged delegated permission
     User.ReadBasic.All, learn.microsoft.com/graph/api/user-list);
  3. ``GET /groups?$search=...`` the same way (List groups: GroupMember.Read.All, learn.microsoft.com/graph/api/
     group-list).
  ``$search`` on the directory is an advanced query: it needs the ``ConsistencyLevel: eventual`` header
  (learn.microsoft.com/graph/aad-advanced-queries). Each request asks ``$top`` of what the page still holds and
  ``$select`` of what a row shows. A page stops at the first ``@odata.nextLink`` (followed by the next page) so
  it never holds more than ``limit``; ``more`` is an opaque token of where to go on (which list, its next link, the
  addresses /me/people already gave).
- A group's members: ``GET /groups/{id}/members`` (List group members: GroupMember.Read.All), ``$top`` a page,
  ``more`` the ``@odata.nextLink``; a nested group is a member of type ``#microsoft.graph.group`` (one level). A
  group known only by its address is found first by ``$filter=mail eq '...'``.
- The groups of a page get their size and whether the user may write to them from one ``POST /me/getMailTips``
  (mailtips.py); without an answer they stay without.
- The user's own contacts come through /me/people (``GET /me/contacts`` is not asked: the sandbox does not serve it,
  and a Contacts.Read permission would be one more to grant).
- A next link, from the server or from a token, is followed only on the configured Graph base and only under the
  list it belongs to (GraphHttp.url refuses another origin): a token cannot send the bearer token elsewhere.
- 403 ``Authorization_RequestDenied``: the request is tried once more with a token for the permission it needs,
  got silently (directory_access.py: incremental consent); when none is to be had: on /users, and on a
  group's members, :class:`DirectoryNotGranted` naming the permission; on /groups during a search the page keeps
  what the other lists found and names the permission in ``not_granted`` (GroupMember.Read.All needs an
  administrator's consent, which many organisations do not give: people and users still work without it).
"""

from __future__ import annotations

import base64
import binascii
import json
from urllib.parse import quote

from app.domain.directory import DirectoryEntry, DirectoryPage, EntryKind, group_addresses, with_tips
from app.domain.m365 import DIRECTORY_PERMISSIONS
from app.mail.errors import DirectoryNotGranted, ErrorKind, ItemFailed, MailError, MalformedResponse
from app.mail.graph import convert
from app.mail.graph.directory_access import DENIED, DirectoryAccess
from app.mail.graph.mailtips import group_tips

USERS_PERMISSION, GROUPS_PERMISSION = DIRECTORY_PERMISSIONS  # what the organisation grants (app/domain/m365.py)
EVENTUAL = {"ConsistencyLevel": "eventual"}
# the largest $top of List users / List groups / List group members ("1 and 999")
MAX_TOP = 999
PEOPLE_SELECT = "displayName,scoredEmailAddresses,jobTitle,department,officeLocation,companyName,phones,personType"
USER_SELECT = "id,displayName,mail,jobTitle,department,officeLocation,businessPhones,companyName"
GROUP_SELECT = "id,displayName,mail"
MEMBER_SELECT = USER_SELECT
LISTS = ("people", "users", "groups")
CONTACT_SUBCLASSES = ("PersonalContact", "ImplicitContact")
GROUP_TYPE = "#microsoft.graph.group"
CONTACT_TYPE = "#microsoft.graph.orgContact"  # a member the directory holds as a mail contact
# the permission each list needs beyond the sign-in's scopes ("": none)
PERMISSION_OF = {"people": "", "users": USERS_PERMISSION, "groups": GROUPS_PERMISSION}


# ---------------------------------------------------------------- search
def search(http: DirectoryAccess, text: str, *, limit: int, page: str = "") -> DirectoryPage:
    """One page of the search for ``text`` (module docstring)."""
    where, link, seen = decode_search(http, page) if page else ("people", "", ())
    limit = _top(limit)
    entries: list[DirectoryEntry] = []
    addresses = {a.lower() for a in seen}
    from_people = list(seen)
    not_granted, can_ask = "", False
    while where and len(entries) < limit:
        try:
            doc = _list_page(http, where, link, text, limit - len(entries))
        except MailError as exc:
            if where == "groups" and exc.code == DENIED:
                not_granted, where, link = GROUPS_PERMISSION, "", ""
                can_ask = isinstance(exc, DirectoryNotGranted) and exc.can_ask
                break
            if where == "people" and exc.code in ("ErrorAccessDenied", DENIED):  # People.Read withheld
                where, link = _after(where), ""
                continue
            raise _not_granted(exc, USERS_PERMISSION) from exc
        for entry in _entries(where, doc):
            if entry.email.lower() not in addresses:
                addresses.add(entry.email.lower())
                entries.append(entry)
                if where == "people":
                    from_people.append(entry.email)
        link = _next_link(http, doc, "/" + where) if where != "people" else ""
        if link:
            break
        where = _after(where)
    more = encode_search(where, link, from_people) if where else ""
    found = DirectoryPage(entries, more, not_granted=not_granted, can_ask=can_ask)
    return with_tips(found, group_tips(http, group_addresses(found)))


def _list_page(http: DirectoryAccess, where: str, link: str, text: str, top: int):
    permission = PERMISSION_OF[where]
    if link:
        return http.call(permission, "GET", link, headers=EVENTUAL).doc
    plain = text.replace('"', "").replace("\\", "")
    if where == "people":
        params = {"$search": f'"{plain}"', "$top": str(top), "$select": PEOPLE_SELECT}
        return http.call(permission, "GET", "/me/people", params=params).doc
    params = {"$search": f'"displayName:{plain}" OR "mail:{plain}"', "$top": str(top),
              "$select": USER_SELECT if where == "users" else GROUP_SELECT}
    return http.call(permission, "GET", "/" + where, params=params, headers=EVENTUAL).doc


def _after(where: str) -> str:
    i = LISTS.index(where) + 1
    return LISTS[i] if i < len(LISTS) else ""


def encode_search(where: str, link: str, seen: list[str]) -> str:
    data = json.dumps({"list": where, "link": link, "seen": seen}, separators=(",", ":"))
    return base64.urlsafe_b64encode(data.encode()).decode()


def decode_search(http, page: str) -> tuple[str, str, tuple[str, ...]]:
    """(the list to go on with, its next link or "", the addresses /me/people gave) of a former page's ``more``.
    ValueError for a token this module did not write, or whose link is not the Graph base's list it names."""
    try:
        doc = json.loads(base64.urlsafe_b64decode(page.encode()))
        where, link, seen = doc["list"], doc["link"], doc["seen"]
    except (ValueError, TypeError, KeyError, binascii.Error) as exc:
        raise ValueError("This is not a page of the address book that Microsoft 365 answered") from exc
    if where not in LISTS[1:] or not isinstance(link, str) or not isinstance(seen, list) \
            or not all(isinstance(a, str) for a in seen):
        raise ValueError("This is not a page of the address book that Microsoft 365 answered")
    if link:
        check_link(http, link, "/" + where)
    return where, link, tuple(seen)


# ---------------------------------------------------------------- members
def members(http: DirectoryAccess, group: DirectoryEntry, *, limit: int, page: str = "") -> DirectoryPage:
    """One page of the group's direct members (module docstring)."""
    try:
        if page:
            check_link(http, page, "/groups/")
            doc = http.call(GROUPS_PERMISSION, "GET", page).doc
        else:
            gid = group.key or _group_id(http, group.email)
            params = {"$top": str(_top(limit)), "$select": MEMBER_SELECT}
            doc = http.call(GROUPS_PERMISSION, "GET", f"/groups/{quote(gid, safe='')}/members", params=params).doc
    except MailError as exc:
        raise _not_granted(exc, GROUPS_PERMISSION) from exc
    return DirectoryPage(list(_entries("members", doc)), _next_link(http, doc, "/groups/"))


def _group_id(http: DirectoryAccess, address: str) -> str:
    value = address.strip().replace("'", "''")
    doc = http.call(GROUPS_PERMISSION, "GET", "/groups", params={"$filter": f"mail eq '{value}'", "$select": GROUP_SELECT}).doc
    for g in convert.values(doc):
        if isinstance(g, dict) and isinstance(g.get("id"), str) and g["id"]:
            return g["id"]
    raise ItemFailed("Request_ResourceNotFound", "This address is not a group the directory knows",
                     kind=ErrorKind.NOT_FOUND)


# ---------------------------------------------------------------- shared
def _top(limit: int) -> int:
    return max(1, min(int(limit), MAX_TOP))


def _on_base(http, link: str, under: str) -> bool:
    """Whether ``link`` is on the configured Graph base, under the list it continues (``under``)."""
    return link.startswith(http.base + under)


def check_link(http, link: str, under: str) -> None:
    """A token's link (ours, written by a former page): ValueError unless on the Graph base, under its list."""
    if not _on_base(http, link, under):
        raise ValueError("This page of the address book points elsewhere than Microsoft Graph; not followed")


def _next_link(http, doc, under: str) -> str:
    """The answer's ``@odata.nextLink`` ("" without one); MalformedResponse when the server points elsewhere."""
    link = doc.get("@odata.nextLink") if isinstance(doc, dict) else None
    if not isinstance(link, str) or not link:
        return ""
    if not _on_base(http, link, under):
        raise MalformedResponse("The server pointed the next page elsewhere than Microsoft Graph; not followed")
    return link


def _not_granted(exc: MailError, permission: str) -> MailError:
    if exc.code == DENIED and not isinstance(exc, DirectoryNotGranted):
        return DirectoryNotGranted(scope=permission, code=DENIED)
    return exc


def _entries(where: str, doc):
    for item in convert.values(doc):
        if not isinstance(item, dict):
            raise MalformedResponse("An entry of the directory's answer is not an object")
        entry = _person(item) if where == "people" else _object(item, where)
        if entry is not None:
            yield entry


def _s(doc: dict, name: str) -> str:
    value = doc.get(name)
    return value.strip() if isinstance(value, str) else ""


def _person(doc: dict) -> DirectoryEntry | None:
    scored = doc.get("scoredEmailAddresses")
    first = scored[0] if isinstance(scored, list) and scored and isinstance(scored[0], dict) else {}
    address = _s(first, "address")
    if not address:
        return None
    kind = doc.get("personType") if isinstance(doc.get("personType"), dict) else {}
    if kind.get("class") == "Group":
        entry_kind = EntryKind.GROUP
    else:
        entry_kind = EntryKind.CONTACT if kind.get("subclass") in CONTACT_SUBCLASSES else EntryKind.PERSON
    phones = [p for p in doc.get("phones") or [] if isinstance(p, dict) and isinstance(p.get("number"), str)]
    phone = next((p["number"] for p in phones if p.get("type") == "business"), phones[0]["number"] if phones else "")
    return DirectoryEntry(name=_s(doc, "displayName") or address, email=address, kind=entry_kind,
                          title=_s(doc, "jobTitle"), department=_s(doc, "department"),
                          office=_s(doc, "officeLocation"), phone=phone, company=_s(doc, "companyName"))


def _object(doc: dict, where: str) -> DirectoryEntry | None:
    """A user or a group of /users, /groups or a group's members (a member's ``@odata.type`` says which)."""
    address = _s(doc, "mail")
    if not address:  # no mailbox: nothing to write to
        return None
    group = where == "groups" or doc.get("@odata.type") == GROUP_TYPE
    kind = EntryKind.GROUP if group else EntryKind.CONTACT if doc.get("@odata.type") == CONTACT_TYPE else EntryKind.PERSON
    phones = [p for p in doc.get("businessPhones") or [] if isinstance(p, str) and p]
    return DirectoryEntry(name=_s(doc, "displayName") or address, email=address,
                          kind=kind, title=_s(doc, "jobTitle"),
                          department=_s(doc, "department"), office=_s(doc, "officeLocation"),
                          phone=phones[0] if phones else "", company=_s(doc, "companyName"), key=_s(doc, "id"))
