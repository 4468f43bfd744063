"""A big body is cleaned for XML piece by piece (issue 16): one regular-expression pass over a 10 MB body
held the GIL ~30 ms in the mail worker, twice per save (ours, then exchangelib's), and the UI thread
waited. Each pass now sees at most ``convert.PIECE`` (256 K) characters at a time, with the same result."""

from __future__ import annotations

import re

import exchangelib.util as xutil

from app.domain.models import Draft
from app.mail.ews import convert, splice

PIECE = getattr(convert, "PIECE", 256 * 1024)


class _Spy:
    """A compiled pattern that records how long each text it is given is."""

    def __init__(self, pattern: re.Pattern):
        self.pattern, self.lengths = pattern, []

    def sub(self, repl, text, *a):
        self.lengths.append(len(text))
        return self.pattern.sub(repl, text, *a)


def _big() -> str:
    line = "plain words, ünïcode, a form feed\x0c a bell\x07 and a tab\t end\n"
    return line * (3 * PIECE // len(line) + 7)  # more than three pieces, not a multiple of one


def test_our_cleaning_of_a_body_goes_piece_by_piece(monkeypatch):
    body = _big()
    expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", body.replace("\x0c", "\n"))
    spy = _Spy(convert._XML_ILLEGAL)
    monkeypatch.setattr(convert, "_XML_ILLEGAL", spy)
    token = str(convert.body_of(Draft(subject="s", body=body)))  # a big body is stood in for (splice.py)
    pieces = splice._pending()[token]
    splice.forget()
    assert "".join(pieces) == expected
    assert len(spy.lengths) > 3 and max(spy.lengths) <= PIECE
    assert str(convert.body_of(Draft(subject="s", body="small\x0cbody\x07"))) == "small\nbody"


def test_exchangelibs_pass_over_request_text_goes_piece_by_piece(monkeypatch):
    text = _big()
    expected = xutil._ILLEGAL_XML_CHARS_RE.sub("?", text)
    spy = _Spy(xutil._ILLEGAL_XML_CHARS_RE)
    monkeypatch.setattr(xutil, "_ILLEGAL_XML_CHARS_RE", spy)
    # exchangelib's own value_to_xml_text (set_xml_value's now stands in for a text this long: splice.py)
    assert splice._original_value_to_xml_text(text) == expected
    assert len(spy.lengths) > 3 and max(spy.lengths) <= PIECE
    assert xutil.value_to_xml_text("short\x07") == "short?"
