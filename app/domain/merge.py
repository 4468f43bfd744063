"""Mail merge, the pure part: a table (CSV file or a table pasted from a spreadsheet) with a header row, and
a template message whose subject and body use ``{column}`` placeholders, become one message per row.

No I/O, no Qt. The table is data from anywhere: it is decoded as UTF-8 (a BOM is dropped), limited
(:data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELL`, :data:`MAX_BYTES`), and every refusal names its
line. A value is put in as it is, never expanded again (a value "{email}" stays "{email}"), and HTML-escaped
in an HTML body. Each row gets an identity derived from (merge id, row number), so a run that stopped half
way finds what it already created instead of creating it twice (:mod:`app.core.merge.run`).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from dataclasses import dataclass, field

from app.domain.models import BodyFormat, Draft
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, parse_recipients, printable, validate_draft
from app.domain.words import Number, Words, translate

MAX_ROWS = 5000
MAX_COLUMNS = 100
MAX_CELL = 64 * 1024  # characters in one cell
MAX_BYTES = 32 * 1024 * 1024  # the whole file or pasted text
# header names taken as the recipient column (compared without case, spaces, "-" and "_")
RECIPIENT_NAMES = ("email", "emailaddress", "mail", "to")

# ``{name}``: no braces, angle brackets or line breaks inside, at most 100 characters; ``{{`` / ``}}`` are
# literal braces
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}<>\r\n]{1,100})\}")
# what of an HTML body is markup, never text: style and script blocks, comments, tags
_MARKUP = re.compile(r"(<style\b.*?</style\s*>|<script\b.*?</script\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)


class TableError(ValueError):
    """The table cannot be used; ``line`` is the 1-based line of the source the problem is on (0: none)."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message, self.line = message, line


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # padded to the header's width
    lines: tuple[int, ...]  # the source line each row starts on
    problems: dict = field(default_factory=dict)  # row index -> why the row cannot be used as it is


#: (a plural: lupdate marks it from the literal count; the real one is given where it is said)
_VALUES = translate("Merge", "Line {line} has %Ln value(s); the header has {columns} columns.", None, 0)


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM); a byte that is not UTF-8 is refused with its line."""
    if len(data) > MAX_BYTES:
        raise TableError(translate("Merge", "The table is {size} MB; Dispatch reads at most {limit} MB.").format(
            size=len(data) // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024)))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TableError(translate("Merge", "Line {line} is not UTF-8 text. Save the table as “CSV UTF-8” and try "
                                   "again.").format(line=line), line) from None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    if "\t" in first:
        return "\t"  # a table pasted from a spreadsheet
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def parse_table(data: bytes | str, delimiter: str | None = None) -> Table:
    """The header row and the data rows (blank lines skipped). Raises :class:`TableError`."""
    text = decode(data) if isinstance(data, (bytes, bytearray)) else str(data)
    if len(text) > MAX_BYTES:
        raise TableError(translate("Merge", "The table is longer than {limit} MB of text.").format(
            limit=MAX_BYTES // (1024 * 1024)))
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise TableError(translate("Merge", "The table is empty: it needs a header row naming the columns, then one "
                                   "row per message."))
    delim = delimiter or _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    header: tuple[str, ...] | None = None
    rows, lines, problems = [], [], {}
    start = 1
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL + 1)
    try:
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                line = reader.line_num or start
                why = (translate("Merge", "Line {line}: a value is longer than {limit} KB.")
                       if "field larger" in str(exc) else
                       translate("Merge", "Line {line}: it is not valid CSV (a quote that is not closed?)."))
                raise TableError(why.format(line=line, limit=MAX_CELL // 1024), line) from None
            line, start = start, reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header = _header(fields, line)
                continue
            for col, value in enumerate(fields):
                if len(value) > MAX_CELL:
                    name = (printable(header[col]) if col < len(header) else
                            translate("Merge", "column {number}").format(number=col + 1))
                    raise TableError(translate("Merge", "Line {line}, “{name}”: a value is longer than {limit} "
                                               "KB.").format(line=line, name=name, limit=MAX_CELL // 1024), line)
            if len(rows) >= MAX_ROWS:
                raise TableError(translate("Merge", "Line {line}: the table has more than {limit} rows; split "
                                           "it.").format(line=line, limit=Number(MAX_ROWS)), line)
            if len(fields) != len(header):
                problems[len(rows)] = Words(_VALUES.context, _VALUES.source, len(fields)).format(
                    line=line, columns=Number(len(header)))
            rows.append(tuple((list(fields) + [""] * len(header))[: len(header)]))
            lines.append(line)
    finally:
        csv.field_size_limit(old_limit)
    if header is None:
        raise TableError(translate("Merge", "The table is empty: it needs a header row naming the columns."))
    if not rows:
        raise TableError(translate("Merge", "The table has a header row but no rows below it."), 1)
    return Table(header, tuple(rows), tuple(lines), problems)


def _header(fields: list[str], line: int) -> tuple[str, ...]:
    names = [f.strip() for f in fields]
    if len(names) > MAX_COLUMNS:
        raise TableError(translate("Merge", "Line {line}: {columns} columns; Dispatch reads at most {limit}.").format(
            line=line, columns=Number(len(names)), limit=Number(MAX_COLUMNS)), line)
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            raise TableError(translate("Merge", "Line {line} (the header row): column {number} has no name.").format(
                line=line, number=i + 1), line)
        if len(name) > 100:
            raise TableError(translate("Merge", "Line {line} (the header row): the name of column {number} is longer "
                                       "than 100 characters.").format(line=line, number=i + 1), line)
        if name.lower() in seen:
            raise TableError(translate("Merge", "Line {line} (the header row): two columns are named “{name}”.").format(
                line=line, name=printable(name)), line)
        seen[name.lower()] = i
    return tuple(names)


def recipient_column(header: tuple[str, ...] | list[str]) -> int | None:
    """The column holding the addresses: named "email", "e-mail", "E-Mail Address", "mail" or "to"."""
    for i, name in enumerate(header):
        if re.sub(r"[\s_\-]", "", name.lower()) in RECIPIENT_NAMES:
            return i
    return None


# ---- placeholders ------------------------------------------------------------------------------------
def _column_of(name: str, header) -> int | None:
    name = name.strip()
    for i, h in enumerate(header):
        if h == name:
            return i
    for i, h in enumerate(header):
        if h.lower() == name.lower():
            return i
    return None


def _expand_text(text: str, header, values, unknown: list[str], *, escape: bool, one_line: bool,
                 unescape_names: bool = False) -> str:
    def sub(m: re.Match) -> str:
        tok = m.group(0)
        if tok == "{{":
            return "{"
        if tok == "}}":
            return "}"
        name = html.unescape(m.group(1)) if unescape_names else m.group(1)
        col = _column_of(name, header)
        if col is None:
            if name.strip() not in unknown:
                unknown.append(name.strip())
            return tok
        value = values[col] if col < len(values) else ""
        if one_line:
            value = " ".join(value.split())
        return html.escape(value, quote=True) if escape else value

    return _TOKEN.sub(sub, text)  # one pass: a value is never looked at again


def expand(text: str, header, values, *, is_html: bool = False, one_line: bool = False,
           unknown: list[str] | None = None) -> str:
    """``text`` with every ``{column}`` replaced by the row's value (HTML: escaped, and only in the text,
    never inside tags or style blocks). Unknown names are left as typed and added to ``unknown``."""
    unknown = [] if unknown is None else unknown
    if not is_html:
        return _expand_text(text, header, values, unknown, escape=False, one_line=one_line)
    parts = _MARKUP.split(text)
    for i in range(0, len(parts), 2):  # even pieces are text, odd ones markup
        parts[i] = _expand_text(parts[i], header, values, unknown, escape=True, one_line=False, unescape_names=True)
    return "".join(parts)


def unknown_placeholders(template: Draft, header) -> list[str]:
    """Placeholders of the template's subject and body that name no column of the table."""
    unknown: list[str] = []
    empty = [""] * len(header)
    expand(template.subject, header, empty, unknown=unknown)
    expand(template.body, header, empty, is_html=template.body_format == BodyFormat.HTML, unknown=unknown)
    return unknown


# ---- rows -------------------------------------------------------------------------------------------
def row_local_id(merge_id: str, number: int) -> str:
    """The row's local id (journal, Outbox): the same for the same merge and row, whatever happens."""
    return hashlib.sha256(f"dispatch-merge:{merge_id}:{number}".encode()).hexdigest()[:32]


def row_message_id(merge_id: str, number: int) -> str:
    """The row's Internet Message-ID: found by it before anything is created again."""
    return f"<merge.{merge_id}.{number}@dispatch>"


@dataclass
class RowMessage:
    number: int  # 1-based data row
    draft: Draft | None
    error: str = ""


def build_message(template: Draft, header, values, recipient_col: int, *, merge_id: str, number: int,
                  max_send_bytes: int = DEFAULT_MAX_SEND_BYTES, problem: str = "") -> RowMessage:
    """Row ``number``'s message, or why it cannot be sent (checked as any send is: nothing is created for
    a row with an error)."""
    if problem:
        return RowMessage(number, None, problem)
    unknown: list[str] = []
    subject = expand(template.subject, header, values, one_line=True, unknown=unknown)
    body = expand(template.body, header, values, is_html=template.body_format == BodyFormat.HTML, unknown=unknown)
    if unknown:
        names = ", ".join("{" + printable(u, 40) + "}" for u in unknown)
        cols = ", ".join(printable(h, 30) for h in header)
        return RowMessage(number, None, translate("Merge", "Unknown placeholder {names}: the columns are "
                                                  "{columns}.").format(names=names, columns=cols))
    address = values[recipient_col].strip() if recipient_col < len(values) else ""
    if not address:
        return RowMessage(number, None, translate("Merge", "No address in “{column}”.").format(
            column=printable(header[recipient_col], 40)))
    to, errors = parse_recipients(address)
    if errors:
        return RowMessage(number, None, errors[0].message)
    draft = template.copy(to=to, subject=subject, body=body, ref=None,
                          internet_message_id=row_message_id(merge_id, number),
                          local_id=row_local_id(merge_id, number), modified=None)
    problems = validate_draft(draft, for_send=True, max_send_bytes=max_send_bytes)
    if problems:
        return RowMessage(number, None, problems[0].message if len(problems) == 1 else translate(
            "Merge", "{first} {second}").format(first=problems[0].message, second=problems[1].message))
    return RowMessage(number, draft)
