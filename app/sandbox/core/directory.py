"""The sandbox's directory, as every front end searches it (EWS ResolveNames, FindPeople and ExpandDL; Graph's
people, users and groups): one matching rule, so a name resolves to the same entries whichever protocol asks.

An entry is a user of the users file (a person, a room or a shared mailbox: its ``kind``), a group (an entry
with ``members``), or one of a user's own contacts (``contacts`` on the user: the user's Contacts folder, which
only that user's searches see). Directory fields a user may carry: ``title``, ``department``, ``office``,
``phone``, ``mobile``, ``company``."""

from __future__ import annotations

from .bounces import may_write

KINDS = ("person", "room", "shared")
FIELDS = ("title", "department", "office", "phone", "mobile", "company")


def fields_of(entry: dict) -> dict:
    """The directory fields of a users-file entry (strings; absent: None), and its ``kind`` (person by default).
    ValueError for a kind or a field of another type."""
    kind = entry.get("kind") or "person"
    if kind not in KINDS:
        raise ValueError(f"{entry.get('email')}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    out = {"kind": kind}
    for f in FIELDS:
        value = entry.get(f)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{entry.get('email')}: {f!r} must be a string")
        out[f] = value or None
    return out


def contacts_of(entry: dict) -> list[dict]:
    """A user's own contacts: [{"email", "name"?, and the directory fields}], normalised."""
    contacts = entry.get("contacts") or []
    if not isinstance(contacts, list) or not all(isinstance(c, dict) and c.get("email") for c in contacts):
        raise ValueError(f"{entry.get('email')}: 'contacts' must be a list of objects with an 'email'")
    return [{"email": c["email"].strip(), "name": c.get("name") or c["email"].split("@")[0],
             **{f: v for f, v in fields_of(c).items() if f != "kind"}, "kind": "contact"} for c in contacts]


def _keys(u: dict) -> list[str]:
    name = (u.get("name") or "").lower()
    keys = [u["email"].lower(), u["email"].split("@")[0].lower(), (u.get("username") or "").lower(), name]
    return keys + name.split()


def _query(query: str) -> str:
    q = query.strip().lower()
    return q[5:] if q.startswith("smtp:") else q


def match_users(users: list[dict], query: str) -> list[dict]:
    """The entries ``query`` names: the one whose address it is exactly (``smtp:`` prefix allowed), else every
    entry with an address, local part, user name, full name or word of the name that starts with it
    (case-insensitive). An empty query names nobody."""
    q = _query(query)
    if not q:
        return []
    exact = [u for u in users if u["email"].lower() == q]
    if exact:
        return exact
    return [u for u in users if any(k.startswith(q) for k in _keys(u) if k)]


def sort_key(u: dict) -> tuple:
    """Directory order: display name, then address (case-insensitive)."""
    return ((u.get("name") or u["email"]).lower(), u["email"].lower())


def search(users: list[dict], groups: list[dict], query: str) -> list[dict]:
    """The organisation's entries (users of every kind and groups) ``query`` names, in directory order."""
    return sorted(match_users([*users, *groups], query), key=sort_key)


def members(group: dict, users: list[dict], groups: list[dict]) -> list[dict]:
    """A group's members, one level, in the order the users file lists them: a member that is a group stays a
    group (never expanded here); an address the directory does not know is an entry of its own (kind
    ``external``), as Exchange lists a mail contact."""
    by_address = {e["email"].lower(): e for e in [*users, *groups]}
    return [by_address.get(a) or {"email": a, "name": a, "kind": "external"} for a in group["members"]]


def is_group(entry: dict) -> bool:
    return "members" in entry


def mail_tips(entry: dict | None, sender: str) -> dict:
    """What MailTips say of a recipient to ``sender``: ``total_member_count`` (a group's members; None for anyone
    else) and ``delivery_restricted`` (a group with ``accept_from`` that does not list the sender: the message
    would come back, core/bounces.py). A nested group counts as one member: Microsoft's "Large audience" tip
    counts "a distribution group that is a member of a distribution group" as one recipient (Exchange 2010's
    "Understanding MailTips", as copied at www.1ask2.com/Exchange2010/aPower/mailtips.html; GetMailTips' own
    page says only "the count of all members in a group")."""
    if entry is None or not is_group(entry):
        return {"total_member_count": None, "delivery_restricted": False}
    return {"total_member_count": len(entry["members"]),
            "delivery_restricted": not may_write(entry, sender)}
