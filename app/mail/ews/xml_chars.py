"""A quick look for the characters XML cannot carry, before a regular expression goes looking for them.

Every text that goes into an EWS request passes two character-class patterns: ours (``convert``: dropped,
page breaks become line breaks) and exchangelib's (``util._ILLEGAL_XML_CHARS_RE``: "?"). Python's ``re``
walks a text one character at a time, ~3-6 ms per MB per pass with the GIL held, and almost every text
holds none of those characters. Asking ``ch in text`` for each character of the class is a ``memchr``-like
scan in C, and a character wider than the text's own storage (``\\ufffe`` in a Latin-1 text) is no scan at
all: for a 10 MB body ~3 ms (ASCII) to ~30 ms (Cyrillic) instead of ~60 ms per pass (issue 16: the mail
worker held the GIL ~140 ms per save of a 10 MB body, and the UI thread typing into it waited).

:class:`CharScreen` answers "might this text hold one?" with no false "no": the characters are read from
the pattern itself, and a pattern that is not one plain class of characters is always answered "yes".
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

#: a class larger than this is looked for with the pattern itself (each ``in`` is a pass over the text)
MOST_CHARS = 256


def class_chars(pattern: re.Pattern) -> tuple[str, ...] | None:
    """The characters ``pattern`` matches if it is one class of single characters (``[...]`` of
    literals and ranges, no negation, no flags), else ``None``."""
    if pattern.flags & (re.IGNORECASE | re.LOCALE) or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unexpected form is only a slower path
        return None
    items = list(tree)
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is _sre_constants.LITERAL:
        return (chr(av),)
    if op is not _sre_constants.IN:
        return None
    chars: list[str] = []
    for kind, value in av:
        if kind is _sre_constants.LITERAL:
            chars.append(chr(value))
        elif kind is _sre_constants.RANGE:
            chars.extend(chr(c) for c in range(value[0], value[1] + 1))
        else:  # NEGATE, CATEGORY (\d, \s): not a plain list of characters
            return None
        if len(chars) > MOST_CHARS:
            return None
    return tuple(dict.fromkeys(chars))


class CharScreen:
    """``may_hold(text)``: ``False`` only if ``text`` holds none of the characters ``pattern`` matches."""

    def __init__(self, pattern: re.Pattern):
        chars = class_chars(pattern)
        self._all = chars
        self._ascii = None if chars is None else tuple(c for c in chars if c.isascii())

    def may_hold(self, text: str) -> bool:
        if self._all is None:
            return True
        for ch in self._ascii if text.isascii() else self._all:
            if ch in text:
                return True
        return False
