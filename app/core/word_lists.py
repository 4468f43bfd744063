"""Sentences put together from several :class:`~app.domain.words.Words` (the lines of the quit question, the
clauses of a batch's report), still translatable as a whole. No Qt.

Joining Words with ``"\\n".join`` or ``+`` would make a plain English ``str``; these nest them as the values of
one catalogue entry each, so the window (``app.ui.common.tr.shown``) translates every part.
"""

from __future__ import annotations

from typing import Iterable

from app.domain.words import Words, translate


def lines(parts: Iterable[Words | str]) -> Words:
    """``parts``, one per line."""
    out = None
    for part in parts:
        out = part if out is None else translate("Words", "{above}\n{below}").format(above=out, below=part)
    return out if out is not None else translate("Words", "")


def clauses(parts: Iterable[Words | str]) -> Words:
    """``parts`` as the clauses of one sentence ("Sent 1 of 4; 2 drafts taken back, …")."""
    out = None
    for part in parts:
        out = part if out is None else translate("Words", "{first}; {then}").format(first=out, then=part)
    return out if out is not None else translate("Words", "")


def sentences(parts: Iterable[Words | str]) -> Words:
    """``parts``, one sentence after the other on one line."""
    out = None
    for part in parts:
        out = part if out is None else translate("Words", "{first} {then}").format(first=out, then=part)
    return out if out is not None else translate("Words", "")
