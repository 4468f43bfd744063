"""An ``.eml`` file's bytes to a :class:`Draft`, with limits: a file is data from anywhere.

:func:`read_eml` gives back what :func:`app.domain.eml.to_eml` wrote (headers, a text or an HTML body,
attachments with their names, types and bytes, inline ones with their Content-ID) and reads what Outlook,
Thunderbird and Exchange write (multipart/alternative + related, quoted-printable, base64, RFC 2047 and
RFC 2231 names). What it cannot read it says in an :class:`EmlError` whose message is for the user:

- more than ``max_bytes`` (the caller passes twice the send limit), never more than :data:`MAX_FILE_BYTES` —
  checked before parsing; decoding only shrinks (base64, quoted-printable), so no part can decode to more than
  the file holds;
- more than :data:`MAX_LINES` lines (the parser ends one at CRLF, LF and a lone CR) or a line of
  :data:`LONG_LINE` or more;
- more than :data:`MAX_PARTS` parts or deeper than :data:`MAX_DEPTH` multiparts; the stdlib parser
  recurses once per level, so the multipart/message headers are counted before it runs;
- a header over :data:`MAX_HEADER_CHARS` (the header parser is slow on pathological values);
- more than :data:`MAX_ENCODED_WORD_CHARS` of RFC 2047 encoded words in a header or
  :data:`MAX_ALL_ENCODED_WORD_CHARS` in the file, more than :data:`MAX_CONTENT_PARAMS` parameters in a
  ``Content-*`` header or :data:`MAX_ALL_CONTENT_PARAMS` in the file: counted as the parser reads each header,
  before the header registry expands them;
- bytes that are not a mail message at all.

Sizes a file claims (Content-Length, ``size=``) are never believed: only the bytes that are there count.
A charset is read only when it is one mail uses (:mod:`app.domain.charsets`: the same rule for a body, an
encoded word and an RFC 2231 name); any other name is unknown 8-bit (UTF-8 where it is, U+FFFD for the other
bytes) with a note, never refused. A date or header that cannot be parsed is its words. Every input is
accepted or refused with an :class:`EmlError` within 2 s of CPU and 100 MB (docs/security.md,
tests/core/test_eml_fuzz.py). The HTML body is
kept as written: it is data, shown only in Compose's ``SafeDocument`` (app/ui/common/safe_text.py), which loads
nothing but ``data:`` images; ``cid:`` references stay and name the inline attachments.
"""

from __future__ import annotations

import base64
import datetime as _dt
import email.errors
import email.header
import email.policy
import email.utils
import re
import time
from dataclasses import dataclass, field
from email.feedparser import BytesFeedParser
from email.message import EmailMessage
from email.headerregistry import HeaderRegistry
from typing import Callable

from app.domain.eml import SENSITIVITY_HEADER
from app.domain.extras import MAX_HEADERS as MAX_CUSTOM_HEADERS, header_name_problem, header_problem
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient, Sensitivity
from app.domain import charsets, threads
from app.domain.dates import read_mail_date
from app.domain.senders import Principal
from app.domain.words import Number, Words, translate

# the largest file read, whatever the server's limit (twice it is asked for): the stdlib's parser and
# ``get_payload`` hold a file in up to ~7 times its size (a 20 MB file of 8-bit text takes 140 MB; one
# 8-bit character makes a long text's every copy 2 bytes a character, and ``get_payload`` looks for such
# characters by encoding the text to UTF-8, 3 bytes a character), so 12 MB keeps every file within 100 MB
MAX_FILE_BYTES = 12 * 1024 * 1024
MAX_PARTS = 500
MAX_DEPTH = 20
MAX_HEADER_CHARS = 64 * 1024
MAX_HEADERS = 2000
# headers in the whole file: each look-up of a part's header goes through all of that part's headers
MAX_ALL_HEADERS = 10_000
# characters of all ``Content-*`` headers together (type, disposition, file names, dates: up to ~400 a part as
# Outlook writes them, for at most 250 attachments): the stdlib parses such a header again at every look-up,
# ~7 µs a character (300 parts with a 60 KB Content-Type each would cost ~37 s of CPU)
MAX_CONTENT_HEADER_CHARS = 128 * 1024
# characters of all address headers together (From, To, Cc, Bcc, Reply-To, Sender): ~800 addresses, more than
# the 500 recipients a message may have; the address parser takes ~6 µs a character
MAX_ADDRESS_CHARS = 32 * 1024
# characters of all headers together: each one the draft reads is parsed by the header registry at every look-up
# (~0.6 µs a character for plain text, ~7 for addresses and parameters: 1,990 headers of 1.9 KB of encoded words
# took 2.4 s, 12 MB of Keywords 130 MB); a long Received chain, DKIM and ARC signatures take ~20 KB
MAX_ALL_HEADER_CHARS = 512 * 1024
_ADDRESS_HEADERS = frozenset(("from", "to", "cc", "bcc", "reply-to", "sender"))
# characters of RFC 2047 encoded words in one header, counted before the email package decodes them: the header
# registry makes a few dozen objects for each word, a note for each one it cannot decode, so 64 KB of
# encoded words in one Subject held 118-350 MB and Keywords of them took 3 s. Outlook encodes a
# Subject of 255 characters (Exchange's limit) in under 2 KB; a file name of 255 in under 2 KB.
MAX_ENCODED_WORD_CHARS = 8 * 1024
# characters of encoded words in all headers together: 250 attachments named in encoded words (name= and
# filename=, ~120 characters each) take ~60 KB
MAX_ALL_ENCODED_WORD_CHARS = 96 * 1024
# parameters of one Content-* header (";" counted, quoted ones too): the stdlib's parameter parser slows with
# their square (15,000 of "; a=b" in 60 KB took over a minute); Outlook writes a handful, and a
# 255-character file name in RFC 2231 sections twice (name*N*=, filename*N*=) takes under 40
MAX_CONTENT_PARAMS = 100
# parameters of all Content-* headers together: each is parsed again at every look-up of its header (150 parts
# of 198 each took over 30 s); 490 attachments as Outlook writes them (type, name, disposition, file name,
# size, two dates) have ~3,500
MAX_ALL_CONTENT_PARAMS = 4_000
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
# a 20 MB message of base64 attachments has ~270,000 lines (76 characters each)
MAX_LINES = 600_000
# the parser looks at every line for the boundary of every multipart the line is in (RFC 2046 §5.1.2: an outer
# boundary ends the inner parts), ~0.12 µs a look: lines times multipart levels is held to this, so a file of
# 590,000 lines may nest 5 multiparts, one of 270,000 (20 MB of base64) 11, one of 150,000 or fewer
# :data:`MAX_DEPTH` (590,000 lines 19 multiparts deep took 2.8 s of CPU)
MAX_BOUNDARY_LOOKS = 3_000_000
# a stretch of the file with no line end that is refused: the parser holds a line it has not seen the end of in
# a buffer of 4 bytes a character (a 20 MB line took 80 MB); RFC 5322 §2.1.1 allows 998 characters a line, and
# base64 written without line breaks (4 MB of it is read, tests/core/test_eml.py) is the longest seen
LONG_LINE = 4 * 1024 * 1024
# how long a parse may take before the user is told the file cannot be read
PARSE_SECONDS = 30.0
# the piece of the file fed to the parser between two looks at the budget
FEED_BYTES = 64 * 1024
_CONTAINER = re.compile(rb"content-type[ \t]*:\s*(?:multipart|message)/", re.IGNORECASE)
_KNOWN = ("from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type", "received",
          "x-unsent", "sender", "bcc", "reply-to")


class EmlError(ValueError):
    """The file cannot be made into a draft; ``str(exc)`` says why (``exc.args[0]``: the words, for the window)."""


@dataclass
class EmlMessage:
    draft: Draft
    sender: Recipient | None = None  # the From
    date: _dt.datetime | None = None
    # the Sender header, when the file has one (who sent it on the From's behalf)
    on_behalf: Recipient | None = None
    # what was read differently from what the file says (an unknown charset, a broken header...)
    notes: list[str] = field(default_factory=list)


class EmlCancelled(EmlError):
    """The caller gave the parse up (``Budget.cancelled``): it stopped where it was."""


class Budget:
    """What one parse may spend, checked as it goes: every part the parser makes (its message factory), every
    header it reads (its policy's ``header_source_parse``) and every piece of the file fed to it. The parser
    stops at the first part, header or piece over the budget, or once ``cancelled()`` says so: a refused or
    abandoned parse uses no more CPU or memory."""

    def __init__(self, seconds: float = PARSE_SECONDS, cancelled: Callable[[], bool] = lambda: False,
                 clock: Callable[[], float] = time.monotonic):
        self.deadline, self.seconds, self.cancelled, self.clock = clock() + seconds, seconds, cancelled, clock
        self.parts = -1  # the parser calls its factory once to try it
        self.lines = 0  # of the file (the caller says): what each multipart level costs
        self.headers = 0  # in the part being read
        self.all_headers = 0
        self.content_chars = 0  # of Content-* headers, in the whole file
        self.address_chars = 0  # of address headers, in the whole file
        self.header_chars = 0  # of all headers, in the whole file
        self.encoded_chars = 0  # of encoded words, in the whole file
        self.content_params = 0  # of Content-* headers, in the whole file

    def part(self) -> None:
        self.parts += 1
        self.headers = 0
        if self.parts > MAX_PARTS:
            raise EmlError(_too_many_parts())

    def nest(self, depth: int, levels: int) -> None:
        """A part begins ``depth`` parts deep, inside ``levels`` multiparts: refused past :data:`MAX_DEPTH`, or
        past the multipart levels :data:`MAX_BOUNDARY_LOOKS` allows a file of this many lines."""
        if depth > MAX_DEPTH:
            raise EmlError(_too_deep())
        allowed = max(1, MAX_BOUNDARY_LOOKS // max(1, self.lines))
        if levels > allowed:
            raise EmlError(translate("EmlRead", "The file's parts nest more than {limit} multiparts deep, more than a "
                                     "file of {lines} lines may (every line is looked at for every boundary it is "
                                     "in); it was not opened.").format(limit=allowed, lines=Number(self.lines)))

    def header(self, lines: list[str]) -> None:
        self.headers += 1
        self.all_headers += 1
        if self.headers > MAX_HEADERS:
            raise EmlError(_too_many_headers())
        if self.all_headers > MAX_ALL_HEADERS:
            raise EmlError(translate("EmlRead", "The file has more than {limit} headers; it was not opened.").format(
                limit=Number(MAX_ALL_HEADERS)))
        n = sum(len(line) for line in lines)
        name = lines[0].split(":", 1)[0] if lines else ""
        if n > MAX_HEADER_CHARS:
            raise EmlError(_long_header(name, n))
        self.header_chars += n
        if self.header_chars > MAX_ALL_HEADER_CHARS:
            raise EmlError(translate("EmlRead", "The file's headers take more than {limit} characters; it was not "
                                     "opened.").format(limit=Number(MAX_ALL_HEADER_CHARS)))
        self._encoded_words(name, lines)
        name = name.strip().lower()
        if name.startswith("content-"):
            self._content_params(lines)
            self.content_chars += n
            if self.content_chars > MAX_CONTENT_HEADER_CHARS:
                raise EmlError(translate("EmlRead", "The file's parts describe themselves in more than {limit} "
                                         "characters of headers; it was not opened.").format(
                    limit=Number(MAX_CONTENT_HEADER_CHARS)))
        elif name in _ADDRESS_HEADERS:
            self.address_chars += n
            if self.address_chars > MAX_ADDRESS_CHARS:
                raise EmlError(translate("EmlRead", "The file's addresses take more than {limit} characters (far "
                                         "more recipients than a message may have); it was not opened.").format(
                    limit=Number(MAX_ADDRESS_CHARS)))

    def _content_params(self, lines: list[str]) -> None:
        """Refuse a Content-* header of more than MAX_CONTENT_PARAMS parameters, or a file whose Content-*
        headers have more than MAX_ALL_CONTENT_PARAMS together, before the parameter parser sees them."""
        params = sum(line.count(";") for line in lines)
        if params > MAX_CONTENT_PARAMS:
            name = _printable(lines[0].split(":", 1)[0])
            raise EmlError(translate("EmlRead", "The file's {name} header has {count} parameters (at most {limit}); "
                                     "it was not opened.").format(name=name, count=Number(params),
                                                                  limit=Number(MAX_CONTENT_PARAMS)))
        self.content_params += params
        if self.content_params > MAX_ALL_CONTENT_PARAMS:
            raise EmlError(translate("EmlRead", "The file's parts have more than {limit} parameters in their headers; "
                                     "it was not opened.").format(limit=Number(MAX_ALL_CONTENT_PARAMS)))

    def _encoded_words(self, name: str, lines: list[str]) -> None:
        """Refuse a header whose encoded words (before decoding) pass MAX_ENCODED_WORD_CHARS, or a file whose
        headers together pass MAX_ALL_ENCODED_WORD_CHARS: counted here, where the parser reads the header, before
        the header registry ever expands them."""
        if not any("=?" in line for line in lines):
            return
        n = sum(len(m[0]) for line in lines for m in _ENCODED_WORD.finditer(line))
        if n > MAX_ENCODED_WORD_CHARS:
            raise EmlError(translate("EmlRead", "The file's {name} header holds {length} characters of encoded "
                                     "words (at most {limit}); it was not opened.").format(
                name=_printable(name), length=Number(n), limit=Number(MAX_ENCODED_WORD_CHARS)))
        self.encoded_chars += n
        if self.encoded_chars > MAX_ALL_ENCODED_WORD_CHARS:
            raise EmlError(translate("EmlRead", "The file's headers hold more than {limit} characters of encoded "
                                     "words; it was not opened.").format(limit=Number(MAX_ALL_ENCODED_WORD_CHARS)))

    def tick(self) -> None:
        if self.cancelled():
            raise EmlCancelled(translate("EmlRead", "The file was not opened."))
        if self.clock() > self.deadline:
            raise EmlError(translate("EmlRead", "The file took more than {seconds} s to read; it was not "
                                     "opened.").format(seconds=f"{self.seconds:.0f}"))


# an encoded word's charset (RFC 2047 ``=?charset*lang?b?...?=``)
_EW_CHARSET = re.compile(r"(=\?)([^?]*)(\?[bBqQ]\?)")
# an RFC 2231 parameter's charset (``name*=charset'lang'...``, ``name*0*=...``)
_RFC2231_CHARSET = re.compile(r"""(\*[ \t]*=[ \t]*"?)([^'"\s;=]*)(?=')""")
# a header that cannot be parsed as its kind is read as plain text (its words, never an exception)
_PLAIN_TEXT = HeaderRegistry(use_default_map=False)


class _Part(EmailMessage):
    """A part the parser makes, which knows how deep it is: the parser attaches each part to its parent (the
    documented ``attach``) as the part begins, before it reads the part's lines, so a part nested deeper than
    the :class:`Budget` allows is refused there, not after every line was looked at for every boundary."""

    budget: Budget | None = None
    depth = 0
    levels = 0  # multiparts this part is in

    def attach(self, payload):
        if isinstance(payload, _Part) and self.budget is not None:
            payload.depth = self.depth + 1
            payload.levels = self.levels + (self.get_content_maintype() == "multipart")
            self.budget.nest(payload.depth, payload.levels)
        super().attach(payload)


class _BudgetPolicy(email.policy.EmailPolicy):
    """``email.policy.default`` whose header parsing is counted against a :class:`Budget` and whose header
    values name only mail charsets. The parser calls ``header_source_parse`` for each header it reads, and
    every look-up of a header goes through ``header_fetch_parse`` (the policy's documented hooks): a look-up
    looks at the budget too (the steps after the parse stop once it is given up), a charset that is not a
    mail one (:mod:`app.domain.charsets`) is named ``unknown-8bit`` before the header registry decodes an
    encoded word or an RFC 2231 value with it, and a header the registry cannot parse is its words."""

    budget: Budget | None = None
    # what was read differently from what the file says: ("charset", name) and ("header", name)
    seen: set | None = None

    def header_source_parse(self, sourcelines):
        self.budget.header(sourcelines)
        return super().header_source_parse(sourcelines)

    def header_fetch_parse(self, name, value):
        self.budget.tick()
        if hasattr(value, "name"):
            return super().header_fetch_parse(name, value)
        value = self._mail_charsets(value)
        try:
            return super().header_fetch_parse(name, value)
        except EmlError:
            raise
        except Exception:  # noqa: BLE001 - a value the registry's parser fails on: read as its words
            self.seen.add(("header", _printable(name)))
            return _PLAIN_TEXT(name, "".join(value.replace("=?", "= ?").splitlines()))

    def _mail_charsets(self, value: str) -> str:
        if "=?" not in value and "'" not in value:
            return value

        def one(m: re.Match) -> str:
            name = m[2].partition("*")[0]
            if not name or name.lower() == charsets.UNKNOWN_8BIT or charsets.resolve(name) is not None:
                return m[0]
            self.seen.add(("charset", _shown(name)))
            return m[1] + charsets.UNKNOWN_8BIT + m[3] if m.lastindex == 3 else m[1] + charsets.UNKNOWN_8BIT

        return _RFC2231_CHARSET.sub(one, _EW_CHARSET.sub(one, value))


def file_limit(max_bytes: int) -> int:
    """The most bytes a file may have when the caller allows ``max_bytes`` (twice the server's limit)."""
    return min(max_bytes, MAX_FILE_BYTES)


def too_large(size: int, max_bytes: int, name: str = "") -> str:
    """Why a file of ``size`` bytes is not opened, for the user (``name``: the file's, shown in quotes)."""
    if max_bytes <= MAX_FILE_BYTES:
        text = (translate("EmlRead", "“{name}” is {size}; at most {limit} can be opened as a draft (twice the "
                          "server's message limit).") if name else
                translate("EmlRead", "The file is {size}; at most {limit} can be opened as a draft (twice the "
                          "server's message limit)."))
    else:
        text = (translate("EmlRead", "“{name}” is {size}; at most {limit} can be opened as a draft (a larger one "
                          "would take more memory to read than Dispatch allows itself).") if name else
                translate("EmlRead", "The file is {size}; at most {limit} can be opened as a draft (a larger one "
                          "would take more memory to read than Dispatch allows itself)."))
    return text.format(name=name, size=_mb(size), limit=_mb(file_limit(max_bytes)))


def read_eml(raw: bytes, *, max_bytes: int, budget: Budget | None = None) -> EmlMessage:
    if len(raw) > file_limit(max_bytes):
        raise EmlError(too_large(len(raw), max_bytes))
    if len(_CONTAINER.findall(raw)) > MAX_PARTS:
        raise EmlError(_too_many_parts())
    lines = _lines(raw)
    if lines > MAX_LINES:  # the parser keeps a string per line: ~100 bytes each
        raise EmlError(translate("EmlRead", "The file has more than {limit} lines; it was not opened.").format(
            limit=Number(MAX_LINES)))
    if _has_a_long_line(raw):
        raise EmlError(translate("EmlRead", "The file has a line of {size} MB or more (mail's lines are at most "
                                 "998 characters); it was not opened.").format(size=LONG_LINE // 2**20))
    budget = budget or Budget()
    budget.lines = lines
    seen: set = set()
    msg = _parse(raw, budget, seen)
    _check_shape(msg)
    notes: list[str] = []
    names = {k.lower() for k in msg.keys()}
    if not names & set(_KNOWN):
        raise EmlError(translate("EmlRead", "The file does not look like an e-mail message (.eml): it has none of "
                                 "From, To, Subject, Date or Message-ID."))
    body_part = _body(msg)
    body, fmt = "", BodyFormat.TEXT
    if body_part is not None:
        body = _decode_text(body_part, notes)
        if body.endswith("\n"):
            body = body[:-1]
        if body_part.get_content_subtype() == "html":
            fmt = BodyFormat.HTML
    atts = _attachments(msg, body_part, notes)
    date = _date(msg, notes)
    draft = Draft(
        to=_people(msg, "To", notes), cc=_people(msg, "Cc", notes), bcc=_people(msg, "Bcc", notes),
        subject=_header_text(msg, "Subject", notes), body=body, body_format=fmt,
        importance=_importance(msg, notes),
        read_receipt=bool(msg.get("Disposition-Notification-To") or msg.get("X-Confirm-Reading-To")),
        delivery_receipt=bool(msg.get("Return-Receipt-To")),
        reply_to=_people(msg, "Reply-To", notes), sensitivity=_sensitivity(msg, notes),
        categories=_keywords(msg, notes),
        attachments=atts, internet_message_id=_header_text(msg, "Message-ID", notes).strip(), modified=date,
        in_reply_to=_header_text(msg, "In-Reply-To", notes).strip(),
        references=" ".join(_header_text(msg, "References", notes).split()),
        thread_index=_thread_index(msg, notes), thread_topic=_header_text(msg, "Thread-Topic", notes).strip(),
        headers=_custom_headers(msg, notes),
    )
    senders = _people(msg, "From", notes)
    by = _people(msg, "Sender", notes) if msg.get("Sender") is not None else []
    budget.tick()
    notes.extend(_seen_notes(seen))
    return EmlMessage(draft=draft, sender=senders[0] if senders else None, date=date, notes=notes,
                      on_behalf=by[0] if by else None)


def principal_of(message: EmlMessage, principals: list[Principal]) -> Principal | None:
    """The mailbox the account sends from that the file's From names (None: the account's own address, or
    one it may not send from: the draft is then from the account, as any file it opens). The right is the
    account's, not the file's: a Sender header says how it was sent then, not how the account may send now."""
    frm = (message.sender.email if message.sender is not None else "").strip().lower()
    return next((p for p in principals if p.email.strip().lower() == frm), None) if frm else None


def _lines(raw: bytes) -> int:
    """The lines the parser makes of ``raw``: it ends one at CRLF, at LF and at a lone CR."""
    return raw.count(b"\n") + raw.count(b"\r") - raw.count(b"\r\n")


def _has_a_long_line(raw: bytes) -> bool:
    """Whether a piece of ``raw`` of :data:`LONG_LINE` bytes (one of those it is cut into) holds no line end:
    then a line is that long at least, and every line of twice that is found (no copy of the file made)."""
    for start in range(0, len(raw) - LONG_LINE + 1, LONG_LINE):
        if raw.find(b"\n", start, start + LONG_LINE) < 0 and raw.find(b"\r", start, start + LONG_LINE) < 0:
            return True
    return False


def _seen_notes(seen: set) -> list[str]:
    """Notes for what the policy read differently (the Date header has its own: :func:`_date`)."""
    names = sorted(n for kind, n in seen if kind == "charset")
    headers = sorted(n for kind, n in seen if kind == "header" and n.lower() != "date")
    out = []
    if names:
        listed = ", ".join(f"“{n}”" for n in names[:3])
        if len(names) == 1:
            text = translate("EmlRead", "The file's headers name {names}, which is not a mail character set: that "
                             "text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).")
        elif len(names) <= 3:
            text = translate("EmlRead", "The file's headers name {names}, which are not mail character sets: that "
                             "text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).")
        else:
            text = translate("EmlRead", "The file's headers name {names} and others, which are not mail character "
                             "sets: that text was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).")
        out.append(text.format(names=listed))
    if headers:
        out.append((translate("EmlRead", "The {names} header could not be parsed; read as written.")
                    if len(headers) == 1 else
                    translate("EmlRead", "The {names} headers could not be parsed; read as written.")).format(
            names=", ".join(headers[:3])))
    return out


def _parse(raw: bytes, budget: Budget, seen: set | None = None) -> EmailMessage:
    """The stdlib's parser fed a piece at a time, its parts and headers counted as it makes them."""

    def new_part(policy=None):
        budget.part()
        part = _Part(policy=policy)
        part.budget = budget
        return part

    parser = BytesFeedParser(new_part, policy=_BudgetPolicy(budget=budget, seen=set() if seen is None else seen))
    try:
        for start in range(0, len(raw), FEED_BYTES):
            budget.tick()
            parser.feed(raw[start:start + FEED_BYTES])
        budget.tick()
        return parser.close()
    except EmlError:
        raise
    except RecursionError:
        raise EmlError(_too_deep()) from None
    except Exception as exc:  # noqa: BLE001 - the stdlib parser's own failures on bad input
        raise EmlError(translate("EmlRead", "The file is not a mail message that can be read ({error}).").format(
            error=type(exc).__name__)) from None


def _mb(n: int) -> str:
    return translate("EmlRead", "{size} MB").format(size=f"{n / (1024 * 1024):.1f}")


def _too_many_parts() -> str:
    return translate("EmlRead", "The file has more than {limit} parts; it was not opened.").format(limit=Number(MAX_PARTS))


def _too_many_headers() -> str:
    return translate("EmlRead", "A part of the file has more than {limit} headers; it was not opened.").format(
        limit=Number(MAX_HEADERS))


def _too_deep() -> str:
    return translate("EmlRead", "The file's parts nest more than {limit} deep; it was not opened.").format(
        limit=MAX_DEPTH)


def _long_header(name: str, n: int) -> str:
    return translate("EmlRead", "The file's {name} header is {length} characters long (at most {limit}); it was "
                     "not opened.").format(name=_printable(name), length=Number(n), limit=Number(MAX_HEADER_CHARS))


def _check_shape(msg: EmailMessage) -> None:
    """Depth, part count and header sizes, without recursion."""
    stack, parts = [(msg, 0)], 0
    while stack:
        part, depth = stack.pop()
        parts += 1
        if parts > MAX_PARTS:
            raise EmlError(_too_many_parts())
        if depth > MAX_DEPTH:
            raise EmlError(_too_deep())
        raw_headers = list(part.raw_items())
        if len(raw_headers) > MAX_HEADERS:
            raise EmlError(_too_many_headers())
        for name, value in raw_headers:
            if len(str(value)) > MAX_HEADER_CHARS:
                raise EmlError(_long_header(name, len(str(value))))
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((p, depth + 1) for p in payload)


def _printable(text: str) -> str:
    return "".join(c for c in str(text)[:60] if c.isprintable())


def _shown(name: str) -> str:
    """A name from the file as a note shows it: every character that cannot be shown as �, at most 40."""
    name = str(name)
    return "".join(c if c.isprintable() else "�" for c in name[:40]) + ("…" if len(name) > 40 else "")


# X- headers servers and mail programs stamp on a message (not the author's own): not read as custom headers
_STAMPED = ("x-ms-", "x-microsoft-", "x-mailer", "x-originating-", "x-received", "x-google-", "x-gm-", "x-forefront-",
            "x-spam", "x-virus", "x-eopattributedmessage", "x-mimeole", "x-unsent")


def _custom_headers(msg, notes: list[str]) -> list[tuple[str, str]]:
    """The author's X- headers (app/domain/extras.py), as many as a message may carry; a note for the rest."""
    out: list[tuple[str, str]] = []
    left = 0
    for name in dict.fromkeys(k for k in msg.keys() if k.lower().startswith("x-")):
        if name.lower().startswith(_STAMPED) or header_name_problem(name) is not None:
            continue
        if len(out) >= MAX_CUSTOM_HEADERS:  # counted, not read: reading is parsing
            left += 1
            continue
        value = " ".join(_header_text(msg, name, notes).replace("\r", " ").replace("\n", " ").split())
        if header_problem(name, value, out) is None:
            out.append((name, value))
    if left:
        notes.append(Words(_LEFT_OUT.context, _LEFT_OUT.source, left).format(limit=Number(MAX_CUSTOM_HEADERS)))
    return out


#: (a plural: lupdate marks it from the literal count; the real one is given where it is said)
_LEFT_OUT = translate("EmlRead", "%Ln custom header(s) left out: a message carries at most {limit}.", None, 0)


def _thread_index(msg, notes: list[str]) -> bytes:
    """The Thread-Index header (base64 of PidTagConversationIndex, MS-OXCMAIL); b"" when absent or not one."""
    text = "".join(_header_text(msg, "Thread-Index", notes).split())
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raw = b""
    if text and not threads.is_index(raw):
        notes.append(translate("EmlRead", "The Thread-Index header is not a conversation index; it was left out."))
        return b""
    return raw


def _header_text(msg, name: str, notes: list[str]) -> str:
    try:
        value = msg.get(name)
        text = "" if value is None else charsets.unknown_8bit(str(value))
    except EmlError:
        raise
    except Exception:  # noqa: BLE001 - a header the registry cannot parse: its raw text, decoded as far as possible
        text = _raw_header(msg, name)
        notes.append(translate("EmlRead", "The {name} header is malformed; it was read as it is.").format(name=name))
    return " ".join(text.replace("\r", " ").replace("\n", " ").split()) if name == "Subject" else text


def _raw_header(msg, name: str) -> str:
    """The first ``name`` header's text as the file has it, its encoded words decoded by the charset rule."""
    for k, v in msg.raw_items():
        if k.lower() == name.lower():
            try:
                chunks = email.header.decode_header(str(v))
            except Exception:  # noqa: BLE001
                return charsets.unknown_8bit(str(v))
            return "".join(charsets.decode(c, cs)[0] if isinstance(c, bytes) else charsets.unknown_8bit(c)
                           for c, cs in chunks)
    return ""


def _people(msg, name: str, notes: list[str]) -> list[Recipient]:
    out: list[Recipient] = []
    try:
        header = msg.get(name)
        if header is None:
            return out
        for addr in getattr(header, "addresses", ()):
            spec = addr.addr_spec.strip() if addr.domain or addr.username else ""
            if len(spec) > 1 and spec[0] == spec[-1] == '"':
                spec = spec[1:-1]  # an unclosed quote: kept as typed (Compose marks it), not dropped
            if spec and spec != "<>":
                out.append(Recipient(email=_utf8(spec), name=_utf8(addr.display_name or "")))
        if not out and str(header).strip():
            raise ValueError("no address parsed")
        if any(isinstance(d, email.errors.InvalidHeaderDefect) for d in getattr(header, "defects", ())):
            notes.append(translate("EmlRead", "The {name} header is malformed ({text}…): check its addresses.").format(
                name=name, text=_printable(_raw_header(msg, name))))
    except Exception:  # noqa: BLE001 - fall back to the lenient parser on the raw text
        raw = _raw_header(msg, name)
        try:
            out = [Recipient(email=a, name=n) for n, a in email.utils.getaddresses([raw]) if a]
        except Exception:  # noqa: BLE001 - RecursionError on thousands of nested comments
            out = []
        if raw.strip() and not out:
            notes.append(translate("EmlRead", "The {name} header could not be read: {text}").format(
                name=name, text=_printable(raw)))
    return out


def _utf8(text: str) -> str:
    """A header's text with its raw bytes read as UTF-8 (RFC 6532: an internationalised address is written
    as it is; the stdlib's parser keeps such bytes undecoded), a byte that is not UTF-8 as U+FFFD."""
    return charsets.unknown_8bit(text)


def _importance(msg, notes: list[str]) -> Importance:
    imp = _header_text(msg, "Importance", notes).strip().lower()
    if imp in ("high", "low", "normal"):
        return Importance(imp.capitalize())
    prio = _header_text(msg, "X-Priority", notes).strip()[:1]
    if prio in ("1", "2"):
        return Importance.HIGH
    if prio in ("4", "5"):
        return Importance.LOW
    ms = (_header_text(msg, "X-MSMail-Priority", notes) or _header_text(msg, "Priority", notes)).strip().lower()
    return {"high": Importance.HIGH, "urgent": Importance.HIGH, "low": Importance.LOW,
            "non-urgent": Importance.LOW}.get(ms, Importance.NORMAL)


_SENSITIVITIES = {v.lower(): k for k, v in SENSITIVITY_HEADER.items()} | {"confidential": Sensitivity.CONFIDENTIAL}


def _sensitivity(msg, notes: list[str]) -> Sensitivity:
    return _SENSITIVITIES.get(_header_text(msg, "Sensitivity", notes).strip().lower(), Sensitivity.NORMAL)


def _keywords(msg, notes: list[str]) -> list[str]:
    """The Keywords header(s), comma-separated: Outlook's categories (each once, in order; a dict keeps the
    order, and seeing whether a word came before costs the same for the 30,000th word as for the first)."""
    out: dict[str, None] = {}
    for value in msg.get_all("Keywords") or []:
        for word in charsets.unknown_8bit(str(value)).split(","):
            word = " ".join(word.split())
            if word:
                out[word] = None
    return list(out)


def _date(msg, notes: list[str]) -> _dt.datetime | None:
    text = _header_text(msg, "Date", notes)
    if not text.strip():
        return None
    when = read_mail_date(text)  # the one date reader (app.domain.dates): an hour of 9999999999 is None
    if when is None:
        notes.append(translate("EmlRead", "The Date header could not be read: “{text}”.").format(text=_printable(text)))
    return when


def _is_attachment(part) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:  # noqa: BLE001
        return False


def _body(msg):
    """The part to show as the body: HTML when there is one, else plain text (never a part marked as an
    attachment)."""
    try:
        part = msg.get_body(preferencelist=("html", "plain"))
    except Exception:  # noqa: BLE001
        part = None
    if part is not None and part.get_content_maintype() == "text" and not _is_attachment(part):
        return part
    return None


def _alternatives_of(msg, body_part) -> set[int]:
    """The ids of the text parts that are another version of the body (its multipart/alternative)."""
    out = {id(body_part)} if body_part is not None else set()
    for part in msg.walk():
        if part.get_content_type() == "multipart/alternative":
            inside = [p for p in part.walk() if p is not part]
            if any(p is body_part for p in inside):
                out.update(id(p) for p in inside if p.get_content_maintype() == "text" and not _is_attachment(p))
    return out


def _attachments(msg, body_part, notes: list[str]) -> list[Attachment]:
    skip = _alternatives_of(msg, body_part)
    out: list[Attachment] = []
    stack = [(msg, False)]
    while stack:
        part, related = stack.pop(0)
        ctype = part.get_content_type()  # parsed again at every look-up: read once a part
        maintype = ctype.partition("/")[0]
        if maintype == "multipart":  # an attached message (message/rfc822) is one file
            inner = part.get_payload() if isinstance(part.get_payload(), list) else []
            stack[0:0] = [(p, ctype == "multipart/related") for p in inner]
            continue
        if id(part) in skip:
            continue
        if ctype == "message/rfc822" or (maintype == "message" and not part.is_multipart()):
            content = _message_bytes(part)
        else:
            try:
                content = _content(part)
            except Exception:  # noqa: BLE001
                content, _ = b"", notes.append(translate("EmlRead", "An attachment's encoding is broken; it is empty."))
        cid = str(part.get("Content-ID") or "").strip().strip("<>")
        disposition = part.get_content_disposition()
        name = _file_name(part, len(out) + 1)
        part.set_payload("")  # read: let its text go from the (throw-away) message before the next part's is read
        out.append(Attachment(name=name, content=content, content_type=ctype, size=len(content),
                              content_id=cid, is_inline=disposition == "inline" or (
                                  related and bool(cid) and disposition != "attachment")))
    return [a for a in out if not a.is_inline] + [a for a in out if a.is_inline]  # inline ones last


def _content(part) -> bytes:
    """A part's content, decoded. Base64, the encoding of nearly every attachment, is decoded from the
    part's text in one pass: ``get_payload(decode=True)`` first copies it line by line (with
    the text and its bytes, five copies of a 14 MB attachment at once, ~110 MB for a 20 MB file). The
    stdlib's own decoder stays for every other encoding and for base64 that is broken (bad padding,
    characters outside ASCII), which it repairs and reports."""
    if str(part.get("Content-Transfer-Encoding", "")).strip().lower() == "base64":
        text = part.get_payload()
        if isinstance(text, str):
            try:
                return base64.b64decode(text)  # skips line breaks and other characters outside base64
            except ValueError:  # binascii.Error (padding) or a character outside ASCII
                pass
    return part.get_payload(decode=True) or b""


def _message_bytes(part) -> bytes:
    """An attached message's bytes: base64 (as Python's email and Exchange write it) decoded to the exact
    file; a 7/8-bit one (as RFC 2046 wants) as the parser understood it."""
    payload = part.get_payload()
    if isinstance(payload, list) and payload:
        cte = str(part.get("Content-Transfer-Encoding") or "").strip().lower()
        try:
            if cte == "base64":
                return base64.b64decode(payload[0].as_bytes(policy=email.policy.compat32))
            return payload[0].as_bytes(policy=email.policy.default.clone(linesep="\r\n"))
        except Exception:  # noqa: BLE001
            return b""
    try:
        return part.get_payload(decode=True) or b""
    except Exception:  # noqa: BLE001
        return b""


def _file_name(part, n: int) -> str:
    try:
        name = part.get_filename() or part.get_param("name") or ""
    except Exception:  # noqa: BLE001
        name = ""
    if isinstance(name, tuple):  # an RFC 2231 value the registry left undecoded
        try:
            name = email.utils.collapse_rfc2231_value(name)
        except Exception:  # noqa: BLE001 - a charset collapse_rfc2231_value fails on
            name = str(name[2])
    name = " ".join(charsets.unknown_8bit(str(name)).split())
    if name:
        return name
    if part.get_content_type() == "message/rfc822":
        return f"message {n}.eml"
    import mimetypes

    return f"attachment {n}{mimetypes.guess_extension(part.get_content_type()) or '.bin'}"


def _decode_text(part, notes: list[str]) -> str:
    """A text part's content in its charset (:mod:`app.domain.charsets`), with ``\n`` line ends; a name that is
    not a mail charset as unknown 8-bit (noted), never an error. One long text at a time, not three: the part's
    text is let go from the (throw-away) message once its bytes are read, and the line ends are changed in the
    bytes where the charset writes CR and LF as ASCII does (every mail charset but UTF-16 and UTF-32)."""
    try:
        data = part.get_payload(decode=True) or b""
    except Exception:  # noqa: BLE001
        notes.append(translate("EmlRead", "The message text's encoding is broken; it was read as it is."))
        data = str(part.get_payload()).encode("utf-8", "replace")
    charset = part.get_content_charset() or "us-ascii"
    part.set_payload("")
    wide = (charsets.resolve(charset) or "").startswith(("utf_16", "utf_32"))
    if not wide:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    text, known = charsets.decode(data, charset)
    del data
    if not known:
        notes.append(translate("EmlRead", "The message text says it is in “{charset}”, which is not a mail character "
                               "set: it was read as unknown 8-bit (UTF-8 where it is, � for the other bytes).").format(
            charset=_shown(charset)))
    return text.replace("\r\n", "\n").replace("\r", "\n") if wide else text
