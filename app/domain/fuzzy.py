"""Fuzzy matching for the command palette (no Qt): a query matches a text when its characters appear in
the text in order (a subsequence), case-insensitively.

The query's words are matched one after the other ("sen sel" = "sen", then "sel" further on: "**Sen**d
**sel**ected drafts"). Among the ways a word can match, the best one counts:

- a character that starts a word of the text (after a space or punctuation, an upper-case letter after a
  lower-case one, the text's first character) earns :data:`WORD_START`;
- a character right after the previous matched one earns :data:`CONSECUTIVE`;
- each skipped character inside a word's match costs :data:`GAP`; characters skipped before a word's
  first match cost :data:`LEAD` each (earlier is better, a little);
- a text that starts with the whole query earns :data:`PREFIX`.

:func:`rank` orders candidates best first; equal scores keep the shorter text first, then the given order.
A caller may ``demote`` some matches below all the others (the palette: a draft matched only weakly, so
that typing ``dark`` offers the Dark theme before "Open draft: Unsaved work — to Dave Davis").
A match is *strong* (:attr:`Match.strong`) when each query word is found whole, at the start of a
word of the text ("dar" in "**Dar**k", "sen sel" in "**Sen**d **sel**ected"); any other match is weak.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")

MATCH = 1.0
WORD_START = 8.0
CONSECUTIVE = 4.0
GAP = 0.5
LEAD = 0.05
PREFIX = 6.0
_NONE = float("-inf")


@dataclass(frozen=True)
class Match:
    score: float
    positions: tuple[int, ...]  # the text's matched characters, for highlighting
    strong: bool = False  # every query word found whole at the start of a word of the text


def word_starts(text: str) -> list[bool]:
    """For each character: does a word of ``text`` start here?"""
    out = []
    prev = ""
    for i, c in enumerate(text):
        start = i == 0 or (c.isalnum() and not prev.isalnum()) or (c.isupper() and prev.islower())
        out.append(start)
        prev = c
    return out


def _word(token: str, low: str, starts: list[bool], begin: int, end: int) -> tuple[float, list[int]] | None:
    """The best match of ``token`` in ``low[begin:end]``: (score, positions), or None."""
    n, m = end, len(token)
    if m == 0:
        return 0.0, []
    # best[i][j]: the best score of token[:i+1] with token[i] at j; back[i][j]: where token[i-1] was
    best = [[_NONE] * n for _ in range(m)]
    back = [[-1] * n for _ in range(m)]
    for i, ch in enumerate(token):
        run, run_at = _NONE, -1  # the best of best[i-1][k] - GAP * (j - k - 1) over k < j - 1
        for j in range(begin + i, n):
            if i > 0 and j - 1 >= begin:
                if run != _NONE:
                    run -= GAP
                if j - 2 >= begin and best[i - 1][j - 2] != _NONE and best[i - 1][j - 2] - GAP > run:
                    run, run_at = best[i - 1][j - 2] - GAP, j - 2
            if low[j] != ch:
                continue
            gain = MATCH + (WORD_START if starts[j] else 0.0)
            if i == 0:
                best[i][j] = gain - LEAD * (j - begin)
                continue
            prev = best[i - 1][j - 1] if j - 1 >= begin else _NONE
            cand, at = (prev + CONSECUTIVE, j - 1) if prev != _NONE else (_NONE, -1)
            if run != _NONE and run > cand:
                cand, at = run, run_at
            if cand != _NONE:
                best[i][j], back[i][j] = cand + gain, at
    last = best[m - 1]
    j = max(range(n), key=lambda k: last[k], default=-1)
    if j < 0 or last[j] == _NONE:
        return None
    score, pos = last[j], []
    for i in range(m - 1, -1, -1):
        pos.append(j)
        j = back[i][j]
    return score, pos[::-1]


def match(query: str, text: str) -> Match | None:
    """How well ``text`` matches ``query`` (None: it does not). An empty query matches everything (0)."""
    words = _folded(query).split()
    if not words:
        return Match(0.0, ())
    low = _folded(text)
    starts = word_starts(text)
    ends = _latest_ends(words, low)
    if ends is None:
        return None
    total, positions, begin = 0.0, [], 0
    for w, end in zip(words, ends):
        found = _word(w, low, starts, begin, end)
        if found is None:
            return None
        score, pos = found
        total += score
        positions += pos
        begin = pos[-1] + 1
    if low.startswith(" ".join(words)):
        total += PREFIX
    return Match(total, tuple(positions), _whole_words(words, low, starts))


def _folded(text: str) -> str:
    """``text`` in lower case without its accents, a character for a character (positions stay those of
    ``text``): "boite" finds "Boîte d'envoi", "entwurfe" "Entwürfe", as people type them."""
    return "".join(unicodedata.normalize("NFKD", c)[:1] or c for c in text.lower())


def _latest_ends(words: list[str], low: str) -> list[int] | None:
    """For each word, where its match must end (exclusive) so that the words after it still fit in ``low``; None
    when they cannot all fit. The best match of a word alone may take a letter the next word needs ("show who":
    the "w" that starts "who" scores better for "show" than its own), so each word is kept within its bound."""
    ends, end = [], len(low)
    for w in reversed(words):
        ends.append(end)
        at = end
        for ch in reversed(w):  # the rightmost match of the word before ``end``: where it starts
            at = low.rfind(ch, 0, at)
            if at < 0:
                return None
        end = at
    return ends[::-1]


def _whole_words(words: list[str], low: str, starts: list[bool]) -> bool:
    """Each of ``words``, in order, is a run of ``low`` that begins a word of it."""
    begin = 0
    for w in words:
        at = next((i for i in range(begin, len(low) - len(w) + 1) if starts[i] and low.startswith(w, i)), -1)
        if at < 0:
            return False
        begin = at + len(w)
    return True


def rank(query: str, items: Iterable[T], key: Callable[[T], str] = str,
         extra: Callable[[T], Sequence[str]] | None = None,
         demote: Callable[[T, Match], bool] | None = None) -> list[tuple[T, Match]]:
    """The items that match ``query``, best first. ``extra(item)``: more texts the item may match by
    (e.g. its group or shortcut), each scored at half weight; the best one counts. ``demote(item, match)``:
    True puts the item after every item it is False for (each part still best first)."""
    scored = []
    for order, item in enumerate(items):
        text = key(item)
        m = match(query, text)
        if m is None and extra is not None:
            alts = [a for a in (match(query, x) for x in extra(item)) if a is not None]
            if alts:
                m = Match(max(a.score for a in alts) / 2, ())
        if m is not None:
            low = bool(demote is not None and demote(item, m))
            scored.append((low, -m.score, len(text), order, item, m))
    scored.sort(key=lambda s: s[:4])
    return [(s[4], s[5]) for s in scored]
