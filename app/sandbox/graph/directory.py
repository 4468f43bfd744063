"""Graph's directory over the sandbox's (core/directory.py): ``GET /users``, ``GET /groups`` and
``GET /groups/{id}/members`` (learn.microsoft.com/graph/api/user-list, group-list, group-list-members), with
the query options a client of the address book uses, as Microsoft documents them:

- ``$search="displayName:car"`` (clauses ``"property:text"`` joined with ``OR`` / ``AND``; properties
  displayName, mail, userPrincipalName, givenName, surname, jobTitle, department, mailNickname; a word of the
  property starting with the text, tokenised as Graph does on spaces) is an advanced query: it "only works
  through MSGraph with a special request header: 'ConsistencyLevel: eventual'"; without it the answer is
  400 ``Request_UnsupportedQuery`` (learn.microsoft.com/graph/aad-advanced-queries). ``$count=true`` gives
  ``@odata.count`` and needs the header too.
- ``$filter=startswith(property,'text')`` (also ``eq``, joined with ``or``) on displayName, mail,
  userPrincipalName, givenName, surname, mailNickname; anything else is 400 ``Request_UnsupportedQuery``,
  never ignored.
- ``$select`` (properties of user / group; ``id`` always), ``$top`` (1..999, default 100) and
  ``@odata.nextLink`` with an opaque ``$skiptoken`` while more remain.

Users are every kind of the users file (people, rooms, shared mailboxes: resource accounts are users in
Entra ID), groups the entries with members. A member is ``#microsoft.graph.user``, a nested group
``#microsoft.graph.group`` (not expanded), an address the directory does not know ``#microsoft.graph.orgContact``.
Ids: a user's object id (the token's ``oid``), a group's a UUID of its address. Permissions (permissions.py):
User.ReadBasic.All for users, GroupMember.Read.All for groups and members (or a higher one); a token without
them (the organisation did not grant them) gets 403 ``Authorization_RequestDenied``."""

from __future__ import annotations

import base64
import re
import uuid
from urllib.parse import urlencode

from ..authority.tokens import user_oid
from ..core import directory
from .errors import GraphError, bad_request
from .request import Req, json_resp

DEFAULT_TOP = 100
MAX_TOP = 999
OPTIONS = ("$search", "$filter", "$select", "$top", "$count", "$skiptoken")
NEEDS_HEADER = ("Request with $search query parameter only works through MSGraph with a special request header: "
                "'ConsistencyLevel: eventual'")
COUNT_NEEDS_HEADER = ("Request with $count query parameter only works through MSGraph with a special request "
                      "header: 'ConsistencyLevel: eventual'")
SEARCHABLE = ("displayName", "mail", "userPrincipalName", "givenName", "surname", "jobTitle", "department",
              "mailNickname")
FILTERABLE = ("displayName", "mail", "userPrincipalName", "givenName", "surname", "mailNickname")
USER_DEFAULT = ("businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
                "preferredLanguage", "surname", "userPrincipalName", "id")
USER_PROPS = (*USER_DEFAULT, "department", "companyName", "mailNickname", "userType", "accountEnabled")
GROUP_DEFAULT = ("id", "displayName", "description", "groupTypes", "mail", "mailEnabled", "mailNickname",
                 "securityEnabled", "visibility")
_CLAUSE = re.compile(r'"(?P<prop>[A-Za-z]+):(?P<text>[^"]*)"')
_FILTER = re.compile(r"\s*(?:startswith\(\s*(?P<sp>\w+)\s*,\s*'(?P<sv>(?:[^']|'')*)'\s*\)|"
                     r"(?P<ep>\w+)\s+eq\s+'(?P<ev>(?:[^']|'')*)')\s*", re.IGNORECASE)


def unsupported(message: str = "Unsupported Query.") -> GraphError:
    return bad_request(message, "Request_UnsupportedQuery")


def group_id(address: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "dispatch-sandbox-group:" + address.lower()))


def user_doc(u: dict) -> dict:
    name = u.get("name") or u["email"]
    words = name.split()
    person = u.get("kind") not in ("room", "shared")
    return {"id": user_oid(u["email"]), "displayName": name,
            "givenName": words[0] if person and words else None,
            "surname": words[-1] if person and len(words) > 1 else None,
            "mail": u["email"], "userPrincipalName": u["email"], "mailNickname": u["email"].split("@")[0],
            "jobTitle": u.get("title"), "department": u.get("department"), "companyName": u.get("company"),
            "officeLocation": u.get("office"), "businessPhones": [u["phone"]] if u.get("phone") else [],
            "mobilePhone": u.get("mobile"), "preferredLanguage": None, "userType": "Member", "accountEnabled": True}


def group_doc(g: dict) -> dict:
    return {"id": group_id(g["email"]), "displayName": g.get("name") or g["email"], "description": None,
            "groupTypes": [], "mail": g["email"], "mailEnabled": True, "mailNickname": g["email"].split("@")[0],
            "securityEnabled": False, "visibility": None}


def list_users(req: Req):
    users = sorted(req.ctx.sandbox.users, key=directory.sort_key)
    return _list(req, [user_doc(u) for u in users], (USER_DEFAULT, USER_PROPS), "users", "/users")


def list_groups(req: Req):
    groups = sorted(req.ctx.sandbox.groups, key=directory.sort_key)
    return _list(req, [group_doc(g) for g in groups], (GROUP_DEFAULT, GROUP_DEFAULT), "groups", "/groups")


def list_members(req: Req):
    """A group's members in the users file's order, one level."""
    sb = req.ctx.sandbox
    group = next((g for g in sb.groups if group_id(g["email"]) == req.params["gid"].lower()), None)
    if group is None:
        raise GraphError(404, "Request_ResourceNotFound",
                         f"Resource '{req.params['gid']}' does not exist or one of its queried reference-property "
                         "objects are not present.")
    docs = [_member_doc(e) for e in directory.members(group, sb.users, sb.groups)]
    return _list(req, docs, ((*USER_DEFAULT, *GROUP_DEFAULT), (*USER_PROPS, *GROUP_DEFAULT)), "directoryObjects",
                 f"/groups/{req.params['gid']}/members")


def _member_doc(e: dict) -> dict:
    if directory.is_group(e):
        return {"@odata.type": "#microsoft.graph.group", **group_doc(e)}
    if e.get("kind") == "external":
        return {"@odata.type": "#microsoft.graph.orgContact", "id": group_id("contact:" + e["email"]),
                "displayName": e["email"], "mail": e["email"]}
    return {"@odata.type": "#microsoft.graph.user", **user_doc(e)}


def _list(req: Req, docs: list[dict], props: tuple, what: str, path: str):
    """One page of ``docs`` after the request's $search and $filter; ``props``: (the default properties, the
    ones $select may name)."""
    q = req.query
    for name in q:
        if name.startswith("$") and name not in OPTIONS:
            raise bad_request(f"Query option '{name}' is not allowed.", "BadRequest")
    eventual = (req.headers.get("ConsistencyLevel") or "").strip().lower() == "eventual"
    if "$search" in q and not eventual:
        raise unsupported(NEEDS_HEADER)
    count, select = _count(q, eventual), _select(q.get("$select"), props[1])
    if "$search" in q:
        docs = [d for d in docs if _search(d, q["$search"])]
    if "$filter" in q:
        docs = [d for d in docs if _filter(d, q["$filter"])]
    top, skip = _top(q), _skiptoken(q.get("$skiptoken"))
    names = select or props[0]
    doc = {"@odata.context": f"{req.base}/$metadata#{what}" + (f"({','.join(select)})" if select else "")}
    if count:
        doc["@odata.count"] = len(docs)
    if skip + top < len(docs):
        nxt = {k: v for k, v in q.items() if k != "$skiptoken"}
        token = base64.urlsafe_b64encode(f"skip:{skip + top}".encode()).decode()
        doc["@odata.nextLink"] = f"{req.base}{path}?{urlencode({**nxt, '$skiptoken': token}, safe='$,')}"
    doc["value"] = [{k: v for k, v in d.items() if k in names or k in ("id", "@odata.type")}
                    for d in docs[skip:skip + top]]
    return json_resp(200, doc)


def _count(q: dict, eventual: bool) -> bool:
    value = q.get("$count")
    if value is None:
        return False
    if value not in ("true", "false"):
        raise bad_request(f"Invalid value for $count: '{value}'.")
    if value == "true" and not eventual:
        raise unsupported(COUNT_NEEDS_HEADER)
    return value == "true"


def _top(q: dict) -> int:
    text = q.get("$top", str(DEFAULT_TOP))
    if not re.fullmatch(r"\d{1,9}", text) or not 1 <= int(text) <= MAX_TOP:
        raise bad_request(f"Invalid page size specified: '{text}'. Must be between 1 and {MAX_TOP} inclusive.",
                          "Request_BadRequest")
    return int(text)


def _skiptoken(text: str | None) -> int:
    if text is None:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(text.encode()).decode().partition(":")
        if kind == "skip" and value.isdigit():
            return int(value)
    except (ValueError, UnicodeDecodeError):
        pass
    raise bad_request("Invalid paging token.", "Request_BadRequest")


def _select(text: str | None, known) -> list[str] | None:
    if text is None:
        return None
    props = list(dict.fromkeys(p.strip() for p in text.split(",") if p.strip()))
    for p in props:
        if p not in known:
            raise bad_request(f"Could not find a property named '{p}' on type 'Microsoft.DirectoryServices.User'.",
                              "Request_BadRequest")
    return props or None


def _words(value) -> list[str]:
    return str(value or "").lower().replace("@", " ").replace(".", " ").split() + [str(value or "").lower()]


def _search(doc: dict, text: str) -> bool:
    """``"prop:text" OR "prop:text"`` (or AND): a word of the property (or the whole value) starts with text."""
    parts = re.split(r"\s+(OR|AND)\s+", text.strip())
    results, ops = [], []
    for i, part in enumerate(parts):
        if i % 2:
            ops.append(part)
            continue
        m = _CLAUSE.fullmatch(part)
        if m is None or m["prop"] not in SEARCHABLE:
            raise unsupported(f"Invalid $search value: {part}" if m is None else
                              f"Unsupported or invalid search property '{m['prop']}'.")
        needle = m["text"].lower()
        results.append(bool(needle) and any(w.startswith(needle) for w in _words(doc.get(m["prop"]))))
    if "AND" in ops and "OR" in ops:
        raise unsupported("Mixing AND and OR in $search is not supported by the sandbox.")
    return all(results) if "AND" in ops else any(results)


def _filter(doc: dict, text: str) -> bool:
    clauses = re.split(r"\s+or\s+", text.strip(), flags=re.IGNORECASE)
    hit = False
    for clause in clauses:
        m = _FILTER.fullmatch(clause)
        if m is None:
            raise unsupported()
        prop, value = (m["sp"], m["sv"]) if m["sp"] else (m["ep"], m["ev"])
        if prop not in FILTERABLE:
            raise unsupported(f"Unsupported or invalid query filter clause specified for property '{prop}' "
                              "of resource 'User'.")
        have, want = str(doc.get(prop) or "").lower(), value.replace("''", "'").lower()
        hit = hit or (have.startswith(want) if m["sp"] else have == want)
    return hit
