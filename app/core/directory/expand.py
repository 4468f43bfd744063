"""A group in an address field replaced by its members (Expand), without Qt: which entries the field holds
after it. Each address once: a member already in the field is not added again, so each gets one copy."""

from __future__ import annotations

from app.domain.directory import DirectoryEntry
from app.domain.models import Recipient


def expanded(field: list[Recipient], group: DirectoryEntry, members: list[DirectoryEntry]) -> list[Recipient]:
    """``field``'s entries with ``group`` (by its address) replaced by ``members`` where it stood, each address
    once; the group added nowhere when the field does not hold it (its members go at the end)."""
    group_address = group.email.lower()
    out: list[Recipient] = []
    seen: set[str] = {r.email.lower() for r in field if r.email.lower() != group_address}
    placed = False
    for r in field:
        if r.email.lower() != group_address:
            out.append(r)
            continue
        if not placed:
            out.extend(_new(members, seen))
            placed = True
    if not placed:
        out.extend(_new(members, seen))
    return out


def _new(members: list[DirectoryEntry], seen: set[str]) -> list[Recipient]:
    out = []
    for m in members:
        if m.email and m.email.lower() not in seen:
            seen.add(m.email.lower())
            out.append(m.recipient())
    return out
