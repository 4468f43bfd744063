"""The sandbox's directory of users, as every front end searches it (EWS ResolveNames, Graph's people
search): one matching rule, so a name resolves to the same people whichever protocol asks."""

from __future__ import annotations


def match_users(users: list[dict], query: str) -> list[dict]:
    """The users ``query`` names: the one whose address it is exactly (``smtp:`` prefix allowed), else every
    user with an address, local part, user name, full name or word of the name that starts with it
    (case-insensitive). An empty query names nobody."""
    q = query.strip().lower()
    if q.startswith("smtp:"):
        q = q[5:]
    if not q:
        return []
    exact = [u for u in users if u["email"].lower() == q]
    if exact:
        return exact
    out = []
    for u in users:
        name = (u.get("name") or "").lower()
        keys = [u["email"].lower(), u["email"].split("@")[0].lower(), (u.get("username") or "").lower(), name]
        keys += name.split()
        if any(k.startswith(q) for k in keys if k):
            out.append(u)
    return out
