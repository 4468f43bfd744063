"""The quick look for characters XML cannot carry (``app/mail/ews/xml_chars.py``, issue 16) never misses
one, and spares the regular expressions a text that holds none.

The regular-expression passes over a 10 MB body (ours and exchangelib's) held the mail worker on the GIL
~140 ms per save while the UI thread typed into it, and ``str.translate`` of the page breaks took ~80 ms per
MB of text that is not ASCII. Proven here: the screen's characters are exactly what each pattern matches
(checked against the pattern over the whole Basic Multilingual Plane and the astral noncharacters); every
one of them is found in ASCII, Latin-1, two-byte and four-byte texts, with the same cleaned result as the
pattern alone; a clean body never reaches a pattern; an unusual pattern is always looked through.
"""

from __future__ import annotations

import re

import exchangelib.util as xutil
import pytest

from app.domain.models import Draft
from app.mail.ews import convert, splice
from app.mail.ews.xml_chars import CharScreen, class_chars

PATTERNS = {"ours": convert._XML_ILLEGAL, "exchangelib's": xutil._ILLEGAL_XML_CHARS_RE}
#: one text per storage width CPython uses (1, 1, 2 and 4 bytes a character)
KINDS = {"ascii": "plain words\tand lines\n", "latin-1": "ünïcode façade\n", "two-byte": "snow ☃ € дом\n",
         "four-byte": "emoji 😀 end\n"}


def _matched(pattern: re.Pattern) -> set[str]:
    bmp = (chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    astral = (chr(plane * 0x10000 + low) for plane in range(1, 17) for low in (0, 0xFFFE, 0xFFFF))
    return {ch for ch in (*bmp, *astral) if pattern.fullmatch(ch)}


@pytest.mark.parametrize("name", PATTERNS)
def test_the_screen_knows_exactly_the_characters_of_the_pattern(name):
    pattern = PATTERNS[name]
    chars = class_chars(pattern)
    assert chars is not None, "both patterns are one class of characters: the quick path must apply"
    assert set(chars) == _matched(pattern)


@pytest.mark.parametrize("name", PATTERNS)
@pytest.mark.parametrize("kind", KINDS)
def test_every_such_character_is_found_in_every_kind_of_text(name, kind):
    pattern, screen = PATTERNS[name], CharScreen(PATTERNS[name])
    base = KINDS[kind] * 50
    assert not screen.may_hold(base)
    for ch in class_chars(pattern):
        for text in (ch + base, base[:333] + ch + base[333:], base + ch):
            assert screen.may_hold(text), (name, kind, hex(ord(ch)))


@pytest.mark.parametrize("kind", KINDS)
def test_cleaning_is_what_the_patterns_alone_give(kind):
    base = KINDS[kind] * 20
    for ch in sorted(set(class_chars(convert._XML_ILLEGAL)) | set(class_chars(xutil._ILLEGAL_XML_CHARS_RE))):
        text = base + ch + base + "\x0c" + ch
        ours = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "",
                      text.translate(str.maketrans({"\x0b": "\n", "\x0c": "\n"})))
        assert convert._clean(text, False) == ours, hex(ord(ch))
        assert convert._clean(text, True) == convert._XML_ILLEGAL.sub("", text), hex(ord(ch))
        assert splice.exchangelib_pass(text) == xutil._ILLEGAL_XML_CHARS_RE.sub("?", text), hex(ord(ch))
        assert xutil.safe_xml_value(text, "!") == xutil._ILLEGAL_XML_CHARS_RE.sub("!", text)


class _Spy:
    def __init__(self, pattern: re.Pattern):
        self.pattern, self.texts = pattern, 0

    def sub(self, repl, text, *a):
        self.texts += 1
        return self.pattern.sub(repl, text, *a)


def test_a_clean_body_never_reaches_either_pattern(monkeypatch):
    ours, theirs = _Spy(convert._XML_ILLEGAL), _Spy(xutil._ILLEGAL_XML_CHARS_RE)
    monkeypatch.setattr(convert, "_XML_ILLEGAL", ours)
    monkeypatch.setattr(xutil, "_ILLEGAL_XML_CHARS_RE", theirs)
    body = "".join(KINDS.values()) * (3 * splice.PIECE // 60)
    token = str(convert.body_of(Draft(subject="clean", body=body)))
    pieces = splice._pending()[token]
    assert b"".join(splice._encoded(pieces)) == body.replace("&", "&amp;").encode("utf-8")
    splice.forget()
    assert xutil.safe_xml_value("a clean subject") == "a clean subject"
    assert (ours.texts, theirs.texts) == (0, 0)
    dirty = body + "\x07"
    token = str(convert.body_of(Draft(subject="dirty", body=dirty)))
    assert "".join(splice._pending()[token]) == body
    splice.forget()
    assert ours.texts == 1, "only the piece holding the bell goes through the pattern"


@pytest.mark.parametrize("pattern", [
    re.compile(r"\s"), re.compile("[^a-z]"), re.compile("[a-c]", re.I), re.compile("ab"), re.compile("[a-z]|xy"),
    re.compile(r"[\sa]"), re.compile("[\x00-\uffff]"),
])
def test_a_pattern_that_is_not_a_short_plain_class_is_always_looked_through(pattern):
    assert class_chars(pattern) is None
    assert CharScreen(pattern).may_hold("anything at all")
