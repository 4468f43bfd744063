"""Words for the user, from Qt-free code: marked for translation here, translated by the window.

The core and the domain never import Qt, yet what they say (an error explained, an Outbox state, a quit
question, a limits plan) is shown in the user's language. They say it with :func:`translate`, which Qt's
``pyside6-lupdate`` finds by its name and extracts into the catalogue (``translations/``), and which returns
:class:`Words`: the English sentence itself (a ``str``, so logs, commands and scripts read English as
before) that also remembers how to ask for it in another language. The window shows any text through
``app.ui.common.tr.shown``, which translates :class:`Words` with the installed catalogue.

Placeholders are named, ``{address}``, filled by :meth:`Words.format`; ``%Ln`` is the count of a plural
(``translate("Outbox", "%Ln message(s) waiting", None, n)``), written by Qt the locale's way ("10 000"; ``%n``
would be "10000" in every language). A value may itself be :class:`Words` (a reason inside a sentence): it is
translated too; a count, a limit or a size inside a sentence is a :class:`Number`, written the locale's way.
"""

from __future__ import annotations

import re

_PLURAL_PART = re.compile(r"\((s|es)\)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for the catalogue without translating it: for tables built at import time (menus,
    commands, help texts), translated where they are shown (``app.ui.common.tr.translate(context, text)``)."""
    return text


def english(source: str, n: int = -1) -> str:
    """The English sentence of a catalogue entry: ``%Ln`` ("10,000") or ``%n`` filled, and ``(s)`` kept or dropped
    by the count. (The window uses the English catalogue's plural forms; this is for logs, commands and scripts.)"""
    if n < 0:
        return source
    return _PLURAL_PART.sub("" if n == 1 else r"\1", source).replace("%Ln", f"{n:,}").replace("%n", str(n))


class Words(str):
    """An English sentence that can be asked for in the user's language: its catalogue context and source
    text, the plural count, and the values of its placeholders."""

    __slots__ = ("context", "source", "n", "values")

    def __new__(cls, context: str, source: str, n: int = -1, values: dict | None = None) -> Words:
        text = english(source, n)
        if values:
            text = text.format(**values)
        self = super().__new__(cls, text)
        self.context, self.source, self.n, self.values = context, source, n, dict(values or {})
        return self

    def format(self, **values) -> Words:  # type: ignore[override]
        """The same words with their placeholders filled (named placeholders only)."""
        return Words(self.context, self.source, self.n, {**self.values, **values})

    def __reduce__(self):
        return (Words, (self.context, self.source, self.n, self.values))


class Number:
    """A number inside :class:`Words` (a count, a limit, a size's "1.5"): in English with ``decimals`` digits after
    the point and its thousands grouped ("10,000"); the window writes it the way the user's locale does ("10 000"
    and "1,5" in French, "10.000" in German). Not for what is not a quantity (a port, a year, an id)."""

    __slots__ = ("value", "decimals")

    def __init__(self, value: float, decimals: int = 0):
        self.value, self.decimals = value, decimals

    def __str__(self) -> str:
        return f"{self.value:,.{self.decimals}f}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other) -> bool:
        return isinstance(other, Number) and (self.value, self.decimals) == (other.value, other.decimals)

    def __hash__(self) -> int:
        return hash((self.value, self.decimals))

    def __reduce__(self):
        return (Number, (self.value, self.decimals))


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> Words:
    """Words from Qt-free code, in the catalogue under ``context`` (the name and arguments are Qt's own
    ``QCoreApplication.translate``, so ``pyside6-lupdate`` extracts them; ``disambiguation`` is unused)."""
    return Words(context, source, n)


def to_data(text: object) -> object:
    """``text`` as JSON-ready data that :func:`from_data` turns back into it: :class:`Words` with their catalogue
    entry and values (so that words kept on disk, an Outbox row's reason, are translated again after a restart),
    anything else as its text."""
    if isinstance(text, Words):
        return {"context": text.context, "source": text.source, "n": text.n,
                "values": {key: to_data(value) for key, value in text.values.items()}}
    if isinstance(text, Number):
        return {"number": text.value, "decimals": text.decimals}
    return "" if text is None else str(text)


def from_data(data: object) -> Words | Number | str:
    """What :func:`to_data` wrote; ValueError for data it cannot have written (a damaged file)."""
    if isinstance(data, str):
        return data
    if isinstance(data, dict) and isinstance(data.get("source"), str):
        values = data.get("values") or {}
        n = data.get("n", -1)
        if not isinstance(values, dict) or not isinstance(n, int) or isinstance(n, bool):
            raise ValueError("not words")
        try:
            return Words(str(data.get("context", "")), data["source"], n,
                         {str(key): from_data(value) for key, value in values.items()})
        except (KeyError, IndexError, AttributeError) as exc:  # a placeholder without its value
            raise ValueError("not words") from exc
    if isinstance(data, dict) and isinstance(data.get("number"), (int, float)):
        decimals = data.get("decimals", 0)
        return Number(data["number"], decimals if isinstance(decimals, int) and 0 <= decimals <= 6 else 0)
    raise ValueError("not words")
