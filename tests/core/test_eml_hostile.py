"""Hostile .eml files found by fuzzing (issue 65), each a small file of its own in tests/resources/eml/hostile/:
each is accepted or refused with an ``EmlError``, through what the app does with a file (``open_eml`` with
``read_file`` for Ctrl+O and a drop, ``read_file_as_is`` for Ctrl+Shift+U, then ``validate_draft``), never an
exception of another kind. And the one charset rule (app/domain/charsets.py) they led to."""

from __future__ import annotations

import asyncio
import codecs
import hashlib
from pathlib import Path

import pytest

from app.core.compose.eml_files import open_eml, read_file, read_file_as_is
from app.domain import charsets
from app.domain.eml_read import MAX_LINES, Budget, EmlCancelled, EmlError, EmlMessage, read_eml
from app.domain.validation import validate_draft

HOSTILE = Path(__file__).resolve().parent.parent / "resources" / "eml" / "hostile"
LIMIT = 20 * 1024 * 1024
UNKNOWN = "read as unknown 8-bit"


def opened(name: str) -> EmlMessage:
    """The file as both of the app's ways of opening it read it (the same message both ways), validated."""
    path = HOSTILE / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    message = asyncio.run(open_eml(str(path), LIMIT))
    raw, as_is = asyncio.run(open_eml(str(path), LIMIT, read=read_file_as_is))
    assert raw == path.read_bytes() and as_is.draft.body == message.draft.body and as_is.notes == message.notes
    for for_send in (False, True):
        validate_draft(message.draft, for_send=for_send)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    return message


def test_a_bytes_to_bytes_codec_named_as_the_charset_is_not_used():
    """``charset=zlib_codec`` (LookupError: not a text encoding): the decompressing codec is never run;
    the base64 text is read as unknown 8-bit, and the note says so."""
    m = opened("charset-zlib.eml")
    assert "A" * 1000 not in m.draft.body and len(m.draft.body) < 1000  # not decompressed
    assert any("zlib_codec" in n and UNKNOWN in n for n in m.notes)


@pytest.mark.parametrize("name, codec", [("charset-idna.eml", "idna"), ("charset-punycode.eml", "punycode")])
def test_codecs_that_are_not_mail_charsets_are_not_used(name, codec):
    """``idna`` raised UnicodeError, ``punycode`` UnicodeDecodeError (each ignores ``errors="replace"``)."""
    m = opened(name)
    assert m.draft.body.startswith(("café", "abc-")) and "\ufffd" in m.draft.body
    assert any(f"“{codec}”" in n and UNKNOWN in n for n in m.notes)


@pytest.mark.parametrize("name", ["charset-nul.eml", "charset-long.eml"])
def test_a_charset_name_with_a_nul_or_200_characters_long_is_no_charset(name):
    """ValueError: embedded null character, from codecs.lookup: a name from a file is never looked up."""
    m = opened(name)
    assert m.draft.body == "café"  # unknown 8-bit: UTF-8 where it is
    assert any(UNKNOWN in n and "�" in n for n in m.notes)  # the NUL shown as �, not dropped


def test_a_date_that_overflows_is_shown_as_the_files_words():
    """``Date: 1 Jan 2 0:9999999999``: OverflowError (Python int too large to convert to C int)."""
    m = opened("date-overflow.eml")
    assert m.date is None and m.draft.body == "hello"
    assert "The Date header could not be read: “1 Jan 2 0:9999999999”." in m.notes


def test_a_file_name_in_a_codec_that_is_not_a_charset_is_read_as_unknown_8bit():
    """``filename*=idna''%FF%FEa.txt`` (RFC 2231): UnicodeError from the header registry's parameter parser."""
    m = opened("filename-idna.eml")
    (att,) = m.draft.attachments
    assert att.name == "\ufffd\ufffda.txt" and att.content == b"x"
    assert any("“idna”" in n and UNKNOWN in n for n in m.notes)


def test_encoded_words_in_codecs_that_are_not_charsets_are_read_as_unknown_8bit():
    m = opened("subject-idna.eml")
    assert "=?" not in m.draft.subject and "\ufffd" in m.draft.subject
    assert not any("\udc80" <= c <= "\udcff" for c in m.draft.subject)  # no raw byte left in the text
    assert any("“idna”" in n and "“zlib_codec”" in n for n in m.notes)


def test_every_hostile_file_is_accepted_or_refused_cleanly():
    files = sorted(HOSTILE.glob("*.eml"))
    assert len(files) >= 8
    for path in files:
        for read in (read_file, read_file_as_is):
            try:
                read(str(path), LIMIT)
            except EmlError:
                pass


# ---- the charset rule ----

@pytest.mark.parametrize("name", ["zlib_codec", "zlib", "bz2", "bz2_codec", "base64", "base_64", "hex", "uu",
                                  "rot13", "rot_13", "quopri", "quoted-printable", "idna", "punycode", "mbcs",
                                  "unicode_escape", "raw_unicode_escape", "undefined", "charmap", "utf\x00-8",
                                  "x" * 200, "", " ", "utf-8; x", "../utf_8", "encodings.zlib_codec", None, 8])
def test_a_name_that_is_not_a_mail_charset_does_not_resolve(name):
    assert charsets.resolve(name) is None
    text, known = charsets.decode(b"caf\xc3\xa9 \xff", name)
    assert (text, known) == ("café \ufffd", False)


@pytest.mark.parametrize("name, codec", [("UTF-8", "utf_8"), ("utf8", "utf_8"), ("us-ascii", "ascii"),
                                         ("ISO-8859-1", "latin_1"), ("iso-8859-15", "iso8859_15"),
                                         ("windows-1252", "cp1252"), ("Windows-1251", "cp1251"),
                                         ("ks_c_5601-1987", "cp949"), ("gb2312", "gb2312"), ("GB18030", "gb18030"),
                                         ("ISO-2022-JP", "iso2022_jp"), ("Shift_JIS", "shift_jis"),
                                         ("koi8-r", "koi8_r"), ("big5", "big5"), ("euc-kr", "euc_kr"),
                                         ("utf-16", "utf_16"), ("windows-874", "cp874"), ("tis-620", "tis_620")])
def test_the_charsets_mail_uses_resolve(name, codec):
    assert charsets.resolve(name) == codec


def test_every_allowed_charset_is_a_text_encoding():
    for codec in charsets.MAIL_CHARSETS:
        assert isinstance(b"abc \xff\xfe".decode(codec, errors="replace"), str), codec
        assert codecs.lookup(codec).name


def test_a_lone_surrogate_spelt_in_utf7_is_no_text():
    assert charsets.decode(b"+2D0-", "utf-7") == ("\ufffd", True)
    m = read_eml(b"From: a@example.com\r\nSubject: =?utf-7?q?+2D0-?=\r\n\r\nx\r\n", max_bytes=LIMIT)
    m.draft.subject.encode("utf-8")  # storable as text


# ---- the budget after the parse, and lines the parser splits at a lone CR ----

def _keywords_file(n: int) -> bytes:
    return (b"From: a@example.com\r\nSubject: s\r\n" + b"".join(
        b"Keywords: " + b", ".join(b"category %d" % i for i in range(j, min(n, j + 1000))) + b"\r\n"
        for j in range(0, n, 1000)) + b"\r\nx\r\n")


@pytest.mark.process  # a worker process
def test_thirty_thousand_distinct_keywords_cost_what_their_length_costs(tmp_path):
    """``_keywords`` looked each word up in the list it was building: 30,000 distinct keywords (~330 KB) cost
    ~4 s of CPU, 240,000 would cost 240 s. Measured in a worker process: CPU time, not the wall clock."""
    from tests.helpers import eml_worker

    path = tmp_path / "keywords.eml"
    path.write_bytes(_keywords_file(30_000))
    assert len(read_eml(path.read_bytes(), max_bytes=LIMIT).draft.categories) == 30_000
    (result,) = eml_worker.run([path], LIMIT)
    assert result["outcome"] == "accepted" and result["cpu"] < 2.0, result


def test_a_given_up_parse_stops_in_the_steps_after_the_parse_too():
    """The budget was looked at only while the file was fed to the parser: a parse given up once the feeding
    was over (in ``_keywords``, ``_attachments``…) went on to its end. Every header look-up looks at it now."""
    raw = _keywords_file(3_000)
    feeds = len(range(0, len(raw), 64 * 1024)) + 1  # the looks while feeding, and the one after it
    looks = []

    def cancelled() -> bool:
        looks.append(1)
        return len(looks) > feeds

    with pytest.raises(EmlCancelled):
        read_eml(raw, max_bytes=LIMIT, budget=Budget(cancelled=cancelled))
    assert len(looks) == feeds + 1  # the first look after the feeding stopped it


@pytest.mark.parametrize("ending", [b"a\r", b"\r"])
def test_lines_ended_by_a_lone_cr_are_counted(ending):
    """MAX_LINES counted ``\\n`` only; the parser also ends a line at a lone CR: 4 MB of ``a\\r`` took +149 MB."""
    raw = b"From: a@example.com\r\nSubject: s\r\n\r\n" + ending * (MAX_LINES + 1)
    budget = Budget()
    with pytest.raises(EmlError, match=f"more than {MAX_LINES:,} lines"):
        read_eml(raw, max_bytes=LIMIT, budget=budget)
    assert budget.parts == -1  # refused before the parser ran
