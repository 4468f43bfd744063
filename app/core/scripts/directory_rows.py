"""``dispatch-mail lookup``'s answer: the directory's entries as lines of columns, or as JSON. No Qt, no server:
the entries are given (:class:`app.domain.directory.DirectoryEntry`), whichever call of the account found them.

Text: one entry a line, its name, address, and its title, department and office where any entry has them,
in columns; every value is the server's data, shown with its control characters made harmless
(:func:`app.domain.validation.printable`). JSON: a list of objects, ``name`` and ``address`` always, ``kind``,
``title``, ``department`` and ``office`` when the directory gave them.
"""

from __future__ import annotations

import json

from app.domain.directory import DirectoryEntry, EntryKind
from app.domain.validation import printable

# the columns after the name and the address, shown when an entry has them
EXTRA = ("title", "department", "office")
# the widest a column grows (a longer value is shortened with an ellipsis; an address never is)
WIDEST = 40


def as_json(entries: list[DirectoryEntry]) -> str:
    return json.dumps([_object(e) for e in entries], ensure_ascii=False) + "\n"


def _object(e: DirectoryEntry) -> dict:
    out = {"name": e.name or e.email, "address": e.email}
    if e.kind != EntryKind.PERSON:
        out["kind"] = e.kind.value
    out.update({key: getattr(e, key) for key in EXTRA if getattr(e, key)})
    return out


def as_text(entries: list[DirectoryEntry]) -> str:
    """One line an entry: the columns any entry fills, padded to the widest value (two spaces between)."""
    keys = ["name", "email", *(k for k in EXTRA if any(getattr(e, k) for e in entries))]
    rows = [[printable(_value(e, k), 254 if k == "email" else WIDEST) for k in keys] for e in entries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(keys))] if rows else []
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    return "".join(f"{line}\n" for line in lines)


def _value(e: DirectoryEntry, key: str) -> str:
    if key == "name":
        return e.name or e.email
    return str(getattr(e, key) or "")
