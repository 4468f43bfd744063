"""Snippets and signatures as plain data, and placeholder expansion (no Qt, no I/O).

A :class:`Snippet` is named reusable text (plain, or rich = HTML) with a trigger word: typing the word
then Tab in the Compose body puts the snippet in its place. A :class:`Signature` is named text (plain or
rich) for one account. Both are the user's own content, kept in the settings file
(``app/storage/compose_texts.py``).

Placeholders: ``{first_name}``, ``{last_name}`` (the first To recipient: from the display name, else the
address's local part), ``{date}`` (today, in the locale's format: the UI gives the text), ``{my_name}``,
``{subject}``. :func:`expand` replaces them in one pass: an unknown placeholder stays as typed, and a value
that itself contains braces (a subject "{date}") is put in as it is, never expanded again. In a rich
snippet the values are HTML-escaped.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from html import escape

from app.domain.words import translate
PLACEHOLDERS = ("first_name", "last_name", "date", "my_name", "subject")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
MAX_NAME = 80
MAX_TRIGGER = 40
MAX_TEXT = 100_000


@dataclass(frozen=True)
class Snippet:
    name: str
    trigger: str = ""
    text: str = ""
    rich: bool = False

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Signature:
    name: str
    text: str = ""
    rich: bool = False

    def to_json(self) -> dict:
        return asdict(self)


def _str(d: dict, key: str, limit: int) -> str:
    v = d.get(key, "")
    return v[:limit] if isinstance(v, str) else ""


def snippet_from_json(d) -> Snippet | None:
    """A stored snippet, or None when the entry is not one (a damaged or hand-edited file)."""
    if not isinstance(d, dict):
        return None
    name = _str(d, "name", MAX_NAME).strip()
    if not name:
        return None
    trigger = "".join(_str(d, "trigger", MAX_TRIGGER).split())
    return Snippet(name, trigger, _str(d, "text", MAX_TEXT), d.get("rich") is True)


def signature_from_json(d) -> Signature | None:
    if not isinstance(d, dict):
        return None
    name = _str(d, "name", MAX_NAME).strip()
    if not name:
        return None
    return Signature(name, _str(d, "text", MAX_TEXT), d.get("rich") is True)


def problems(snippets: list[Snippet]) -> list[str]:
    """What stops a list of snippets being saved, in words (empty: none)."""
    out = []
    names, triggers = set(), set()
    for s in snippets:
        if not s.name.strip():
            out.append(translate("Snippets", "Every snippet needs a name."))
        elif s.name.strip().lower() in names:
            out.append(translate("Snippets", "Two snippets are called “{name}”.").format(name=s.name.strip()))
        names.add(s.name.strip().lower())
        if s.trigger and any(c.isspace() for c in s.trigger):
            out.append(translate("Snippets", "The trigger of “{name}” has a space in it: a trigger is one word.").format(
                name=s.name))
        if s.trigger and s.trigger.lower() in triggers:
            out.append(translate("Snippets", "Two snippets have the trigger “{trigger}”.").format(trigger=s.trigger))
        if s.trigger:
            triggers.add(s.trigger.lower())
    return out


def split_name(display_name: str, email: str) -> tuple[str, str]:
    """(first name, last name) of a recipient: "Bob Smith" or "Smith, Bob" from the display name, else the
    address's local part ("bob.smith@…" -> "Bob", "Smith"; "bob@…" -> "Bob", "")."""
    name = " ".join((display_name or "").split()).strip('"\' ')
    if name and "@" not in name:
        if "," in name:
            last, _, first = name.partition(",")
            if first.strip():
                return first.strip().split(" ")[0], last.strip()
            name = last.strip()
        parts = name.split(" ")
        return parts[0], (parts[-1] if len(parts) > 1 else "")
    local = (email or name).split("@", 1)[0]
    parts = [p for p in re.split(r"[._\-+]+", local) if p]
    if not parts:
        return "", ""
    cap = [p[:1].upper() + p[1:] for p in parts]
    return cap[0], (cap[-1] if len(cap) > 1 else "")


def values(*, to_name: str = "", to_email: str = "", my_name: str = "", subject: str = "",
           date: str = "") -> dict[str, str]:
    """The placeholders' values for one message."""
    first, last = split_name(to_name, to_email)
    return {"first_name": first, "last_name": last, "date": date, "my_name": my_name, "subject": subject}


def expand(text: str, vals: dict[str, str], *, html: bool = False) -> str:
    """``text`` with each known ``{placeholder}`` replaced by its value, in one pass (a value is never
    expanded again); unknown ones stay as typed. ``html``: values are escaped for HTML."""
    def one(m: re.Match) -> str:
        key = m.group(1)
        if key not in vals:
            return m.group(0)
        v = vals[key]
        return escape(v, quote=False) if html else v
    return _PLACEHOLDER.sub(one, text)


def trigger_before(text_before_cursor: str, snippets: list[Snippet]) -> Snippet | None:
    """The snippet whose trigger is the word just before the cursor (the word ends at the cursor and
    starts after whitespace or at the start of the line), or None."""
    if not text_before_cursor or text_before_cursor[-1].isspace():
        return None
    word = text_before_cursor.split()[-1] if text_before_cursor.split() else ""
    if not word:
        return None
    for s in snippets:
        if s.trigger and s.trigger == word:
            return s
    for s in snippets:  # case-insensitive second
        if s.trigger and s.trigger.lower() == word.lower():
            return s
    return None
