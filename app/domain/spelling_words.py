"""Which parts of a line of text spell check looks at (pure Python, no Qt, no enchant).

:func:`words` yields ``(start, length, word)`` for each word of one line (a block of the Compose body).
Decided, and kept simple so a line is tokenised in a few microseconds:

- a word is letters (any script), with apostrophes inside (``don't``, ``l’homme``); a hyphen ends a word,
  so ``well-known`` is two words;
- left out, never underlined: web addresses (``https://…``, ``www.…``), e-mail addresses, anything with
  a digit or an underscore in it (``3rd``, ``A4``, ``snake_case``), words in ALL CAPITALS (acronyms:
  ``EWS``, ``NATO``) and single letters;
- mixed case (``iPhone``, ``McDonald``) is checked like any word (the dictionary knows or not).

:func:`normal` is the spelling the dictionary is asked about (typographic apostrophe → ASCII ``'``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r"""(?P<skip>
          (?:[a-z][a-z0-9+.\-]*://|www\.)\S+          # a web address
        | [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+              # an e-mail address
        | \w*[\d_]\w*                                  # anything with a digit or an underscore
        )
      | (?P<word>[^\W\d_]+(?:['\u2019][^\W\d_]+)*)     # letters, apostrophes inside
    """,
    re.IGNORECASE | re.VERBOSE,
)


def words(line: str) -> Iterator[tuple[int, int, str]]:
    """``(start, length, word)`` for each word of ``line`` that spell check looks at."""
    for m in _TOKEN.finditer(line):
        w = m.group("word")
        if w is None or len(w) < 2 or w.isupper():
            continue
        yield m.start(), len(w), w


def normal(word: str) -> str:
    """The spelling the dictionary is asked about."""
    return word.replace("\u2019", "'")


def word_at(line: str, pos: int) -> tuple[int, int, str] | None:
    """The checked word of ``line`` that holds position ``pos`` (a cursor at its end counts), or None."""
    for start, n, w in words(line):
        if start <= pos <= start + n:
            return start, n, w
        if start > pos:
            break
    return None
