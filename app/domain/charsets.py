"""The one rule for the character sets a mail file names: a name is read only when it resolves to a
*text* encoding mail uses, through this allow-list; anything else is unknown 8-bit.

Python's codec registry holds more than character sets: bytes-to-bytes codecs (``zlib_codec``, ``bz2``,
``base64``, ``hex``, ``uu``, ``quopri``: a decompressing one is a bomb in waiting), text-to-text ones
(``rot13``), codecs that are not mail charsets and fail on bad input in ways of their own (``idna``,
``punycode``, ``unicode_escape``, ``raw_unicode_escape``, ``undefined``), and platform ones (``mbcs``). So a
charset name from a file is never handed to :func:`codecs.lookup`: it is normalised the way Python's
``encodings`` package normalises names (:func:`encodings.normalize_encoding`, then its public alias table),
and only a name that lands on one of :data:`MAIL_CHARSETS` is used. The set is the IANA charsets Python's
``email`` package knows, the Unicode encodings, and the ISO 8859, Windows, DOS, Mac and East Asian code
pages mail programs write.

Unknown 8-bit (RFC 1428, Python's ``unknown-8bit``) is read as UTF-8 with every byte that is not UTF-8
replaced by U+FFFD: ASCII stays ASCII, and the most common undeclared 8-bit text today is UTF-8.
"""

from __future__ import annotations

import re
from encodings import aliases as _aliases_module, normalize_encoding

# the codecs (Python's canonical module names) a mail charset may resolve to
MAIL_CHARSETS = frozenset(
    ["ascii", "latin_1", "utf_8", "utf_8_sig", "utf_7", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le",
     "utf_32_be"]
    + [f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)]
    + [f"cp{n}" for n in (1250, 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258, 874, 932, 949, 950, 1125,
                          437, 720, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 866, 869)]
    + ["koi8_r", "koi8_u", "koi8_t", "kz1048", "ptcp154", "tis_620",
       "mac_roman", "mac_cyrillic", "mac_greek", "mac_iceland", "mac_latin2", "mac_turkish",
       "big5", "big5hkscs", "gb2312", "gbk", "gb18030", "hz", "euc_jp", "euc_jis_2004", "euc_jisx0213", "euc_kr",
       "johab", "shift_jis", "shift_jis_2004", "shift_jisx0213", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2",
       "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr"])

# names mail programs write that Python's alias table does not hold
_MAIL_ALIASES = {"windows_874": "cp874", "iso_8859_8_i": "iso8859_8", "iso_8859_6_i": "iso8859_6",
                 "x_sjis": "shift_jis", "x_mac_roman": "mac_roman", "x_mac_cyrillic": "mac_cyrillic",
                 "x_euc_jp": "euc_jp", "x_gbk": "gbk", "cp936": "gbk", "x_cp1250": "cp1250", "x_cp1251": "cp1251",
                 "x_cp1252": "cp1252", "ks_c_5601_1987": "cp949", "ansi_x3_4_1968": "ascii"}
# what a charset name may look like (RFC 2978 mime-charset characters, and not too long)
_NAME = re.compile(r"[a-z0-9][a-z0-9!#$%&+^_`{}~.:-]{0,39}")

UNKNOWN_8BIT = "unknown-8bit"
_SURROGATE = re.compile("[\ud800-\udfff]")
# surrogates that are not the parser's escapes of one raw byte (U+DC80..U+DCFF)
_NOT_A_BYTE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def resolve(name: object) -> str | None:
    """The codec to read text labelled ``name`` with (a name :func:`codecs.lookup` knows), or None when
    ``name`` is not a mail charset (then the text is unknown 8-bit: :func:`decode`)."""
    if not isinstance(name, str):
        return None
    name = name.strip().lower()
    if not _NAME.fullmatch(name):  # a NUL, a space, 200 characters: not a charset name
        return None
    norm = normalize_encoding(name).replace(".", "_")
    codec = _MAIL_ALIASES.get(norm) or _aliases_module.aliases.get(norm) or norm
    return codec if codec in MAIL_CHARSETS else None


def decode(data: bytes, name: object) -> tuple[str, bool]:
    """``data`` read in the charset ``name`` (bytes it does not hold as U+FFFD), and whether ``name`` was a mail
    charset; one that is not (or none) is read as unknown 8-bit."""
    codec = resolve(name)
    if codec is None or codec == "ascii":  # 8-bit text labelled ASCII is common: UTF-8 reads ASCII the same
        return data.decode("utf-8", errors="replace"), codec is not None
    text = data.decode(codec, errors="replace")
    return (_SURROGATE.sub("\ufffd", text) if codec == "utf_7" else text), True  # UTF-7 can spell a lone one


def unknown_8bit(text: str) -> str:
    """A header's text with the raw bytes the parser kept undecoded (surrogate escapes: RFC 6532 UTF-8, or an
    encoded word in unknown 8-bit) read as UTF-8, a byte that is not UTF-8 as U+FFFD."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    text = _NOT_A_BYTE.sub("\ufffd", text)  # a lone surrogate an encoded word spelt (UTF-7 can): no byte
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
