"""Sentences put together from several :class:`~app.domain.words.Words` (the lines of the quit question, the
clauses of a batch's report), still translatable as a whole. No Qt.

Joining Words with ``"\\n".join`` or ``+`` would make a plain English ``str``; these nest them as the values of
one catalogue entry each, so the window (``app.ui.common.tr.shown``) translates every part.
"""

from __future__ import annotations

from typing import Iterable

from app.domain.words import Words, translate


def joined(parts: Iterable[Words | str], template: Words, first: str = "first", then: str = "then") -> Words | str:
    """``parts`` nested, two at a time, in ``template`` (its placeholders ``first`` and ``then``): the first part
    alone as it is, none ``""``."""
    out = None
    for part in parts:
        out = part if out is None else template.format(**{first: out, then: part})
    return out if out is not None else ""


def lines(parts: Iterable[Words | str]) -> Words | str:
    """``parts``, one per line."""
    return joined(parts, translate("Words", "{above}\n{below}"), "above", "below")


def clauses(parts: Iterable[Words | str]) -> Words | str:
    """``parts`` as the clauses of one sentence ("Sent 1 of 4; 2 drafts taken back, …")."""
    return joined(parts, translate("Words", "{first}; {then}"))


def sentences(parts: Iterable[Words | str]) -> Words | str:
    """``parts``, one sentence after the other on one line."""
    return joined(parts, translate("Words", "{first} {then}"))


def counted(words: Words, n: int) -> Words:
    """``words`` (a plural, ``%n``/``%Ln``) for the count ``n``. A plural is marked where it is written,
    ``counted(translate("Ctx", "%n draft(s)", None, 1), n)``: pyside6-lupdate leaves out of the catalogue a
    ``translate`` whose count is an expression (a literal or a plain name is extracted), and
    ``scripts/translations.py update`` makes every entry whose source has ``%n``/``%Ln`` a plural one."""
    return Words(words.context, words.source, n, words.values)
