"""``dispatch-mail send`` and ``dispatch-mail sendmail``: a command line (and standard input) made into one
send request, or a :class:`CommandError` that says why not and with which exit code. No Qt, no I/O but the
files the command names and the standard input it is given; nothing is queued here.

- ``send`` builds a :class:`Draft` from its options (:class:`DraftRequest`, for ``Sending.send_draft``), or
  reads ``FILE.eml`` to send it as it is (:class:`MimeRequest`, for ``Sending.send_mime``), as Ctrl+Shift+U does.
- ``sendmail`` reads an RFC 5322 message on standard input, as sendmail(8) and msmtp do, and sends it as it is
  (:class:`MimeRequest`) but for its Bcc header, which names recipients and is removed from what is sent.

The options are data (:data:`SEND_OPTIONS`, :data:`SENDMAIL_OPTIONS`), so a man page and shell completions can
be made from the same definitions the parser is built from.

Exit codes are sendmail's and msmtp's, from ``sysexits.h`` (:data:`EX_USAGE` ...). Every bad input is refused
before anything is handed over: an unreadable file (66), no recipients, an invalid address, a message over the
size limit, a line break in ``--subject`` or ``--header`` (it would start another header), 8-bit text without a
charset, a malformed message (65); options that do not go together, or a time Send later does not understand
(64).
"""

from __future__ import annotations

import argparse
import math
import mimetypes
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from app.core.outbox.mime_send import MimeToSend, with_message_id
from app.core.send_times import WhenError, parse_when
from app.domain.eml_read import EmlError, read_eml
from app.domain.extras import header_problem
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient
from app.domain.validation import (DEFAULT_MAX_SEND_BYTES, MAX_RECIPIENTS, human_size, is_valid_address,
                                   parse_recipients, printable, safe_attachment_name, validate_draft)
from app.domain.words import QT_TRANSLATE_NOOP
from app.storage.regular_file import Refused, read_regular

# sysexits.h: what sendmail(8) and msmtp return, so scripts and mail programs read the outcome as they do
EX_OK = 0  # accepted
EX_USAGE = 64  # the command was used wrongly (options that do not go together, an unknown option)
EX_DATAERR = 65  # the message is bad (no recipients, an invalid address, too large, a header injection ...)
EX_NOINPUT = 66  # a file named cannot be read, or there is no message on standard input
EX_UNAVAILABLE = 69  # the service is unavailable
EX_CANTCREAT = 73  # this computer could not write Dispatch's settings (dispatch-mail account)
EX_TEMPFAIL = 75  # not sent yet: queued, tried again later
EX_NOPERM = 77  # refused by the server (permission)
EX_CONFIG = 78  # not configured (no account set up)


# how long ``send`` and ``sendmail`` wait for the outcome when ``--wait`` is not given (seconds): a command ends
# within its wait and a few seconds more (:data:`app.command.queue.TAIL`), the message queued when not sent by then
DEFAULT_WAIT = 30.0
# the environment variable that changes :data:`DEFAULT_WAIT` (the man page's ENVIRONMENT; the tests set it low)
WAIT_VARIABLE = "DISPATCH_MAIL_WAIT"


def default_wait() -> float:
    """:data:`DEFAULT_WAIT`, or the seconds ``DISPATCH_MAIL_WAIT`` gives (a number from 0 up)."""
    try:
        seconds = float(os.environ.get(WAIT_VARIABLE, "") or DEFAULT_WAIT)
    except ValueError:
        return DEFAULT_WAIT
    return seconds if 0 <= seconds and math.isfinite(seconds) else DEFAULT_WAIT


class CommandError(Exception):
    """The command cannot go on: ``message`` for standard error, ``exit_code`` one of the ``EX_`` codes."""

    def __init__(self, exit_code: int, message: str):
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message


@dataclass(frozen=True)
class Option:
    """One argument of a command, as argparse takes it: ``flags`` (or a positional's name) and its keywords."""

    flags: tuple[str, ...]
    help: str
    kwargs: dict = field(default_factory=dict)


# what ``send`` builds a message from; FILE.eml cannot be combined with these
_MESSAGE_OPTIONS = ("to", "cc", "bcc", "subject", "body_file", "html", "attach", "sender", "reply_to", "header",
                    "importance", "later")

SEND_OPTIONS: tuple[Option, ...] = (
    Option(("file",), QT_TRANSLATE_NOOP("ManPage", "an RFC 5322 message file (.eml) to send as it is"),
           {"nargs": "?", "metavar": "FILE.eml"}),
    Option(("--to",), QT_TRANSLATE_NOOP("ManPage", "a recipient (repeatable; one may hold several, separated by "
                                                   "commas)"),
           {"action": "append", "default": [], "metavar": "ADDR"}),
    Option(("--cc",), QT_TRANSLATE_NOOP("ManPage", "a Cc recipient (repeatable)"),
           {"action": "append", "default": [], "metavar": "ADDR"}),
    Option(("--bcc",), QT_TRANSLATE_NOOP("ManPage", "a Bcc recipient (repeatable)"),
           {"action": "append", "default": [], "metavar": "ADDR"}),
    Option(("--subject",), QT_TRANSLATE_NOOP("ManPage", "the subject (one line)"), {"default": "", "metavar": "TEXT"}),
    Option(("--body-file",), QT_TRANSLATE_NOOP("ManPage", "the message text, UTF-8, from FILE (- : standard input)"),
           {"metavar": "FILE"}),
    Option(("--html",), QT_TRANSLATE_NOOP("ManPage", "the message text is HTML"), {"action": "store_true"}),
    Option(("--attach",), QT_TRANSLATE_NOOP("ManPage", "attach FILE (repeatable)"),
           {"action": "append", "default": [], "metavar": "FILE"}),
    Option(("--from",), QT_TRANSLATE_NOOP("ManPage", "send from this mailbox (one the account may send from)"),
           {"dest": "sender", "metavar": "ADDR"}),
    Option(("--reply-to",), QT_TRANSLATE_NOOP("ManPage", "where replies go (repeatable)"),
           {"action": "append", "default": [], "metavar": "ADDR"}),
    Option(("--header",), QT_TRANSLATE_NOOP("ManPage", "a custom header, “X-Name: value” (repeatable)"),
           {"action": "append", "default": [], "metavar": "'X-NAME: VALUE'"}),
    Option(("--importance",), QT_TRANSLATE_NOOP("ManPage", "low, normal or high"),
           {"choices": ("low", "normal", "high"), "type": str.lower}),
    Option(("--later",), QT_TRANSLATE_NOOP("ManPage", "send at WHEN, the words Send later takes (tomorrow 8:00, mon "
                                                      "9:30, in 2 h ...)"),
           {"metavar": "WHEN"}),
    Option(("--account",), QT_TRANSLATE_NOOP("ManPage", "the account to send with, when more than one is set up"),
           {"metavar": "ADDRESS"}),
    Option(("--json",), QT_TRANSLATE_NOOP("ManPage", "print the outcome as JSON"), {"action": "store_true"}),
    Option(("--wait",), QT_TRANSLATE_NOOP("ManPage", "wait at most SECONDS for the message to be sent (default 30, "
                                                     "DISPATCH_MAIL_WAIT; at once when the server cannot be reached or "
                                                     "a sign-in is needed): not sent by then, it stays queued (75)"),
           {"type": float, "metavar": "SECONDS"}),
    Option(("--no-wait",), QT_TRANSLATE_NOOP("ManPage", "return once the message is recorded in the queue"),
           {"action": "store_true"}),
)

SENDMAIL_OPTIONS: tuple[Option, ...] = (
    Option(("-t",), QT_TRANSLATE_NOOP("ManPage", "read the recipients from the To, Cc and Bcc headers too"),
           {"action": "store_true",
                                                                              "dest": "from_headers"}),
    Option(("-i",), QT_TRANSLATE_NOOP("ManPage", "a line with a single dot does not end the message"),
           {"action": "store_true", "dest": "no_dot"}),
    Option(("-o",), QT_TRANSLATE_NOOP("ManPage", "sendmail's -o options: -oi is -i; the others (-oem ...) are "
                                                 "accepted and ignored, as msmtp does"),
           {"action": "append", "default": [], "dest": "o_options", "metavar": "OPTION"}),
    Option(("-f",), QT_TRANSLATE_NOOP("ManPage", "the envelope sender: checked to be a mailbox the account sends "
                                                 "from; the message's From header says whom it is from. A local user "
                                                 "name, as cron gives (-f root), means the account's own, and a From "
                                                 "that is not a mailbox the account sends from is then sent from the "
                                                 "account's address (said on standard error)"),
           {"dest": "sender", "metavar": "ADDR"}),
    Option(("-F",), QT_TRANSLATE_NOOP("ManPage", "the sender's full name: accepted; the message's From header names "
                                                 "the sender"),
           {"dest": "full_name", "metavar": "NAME"}),
    Option(("-B",), QT_TRANSLATE_NOOP("ManPage", "the body type (7BIT, 8BITMIME), as cron gives it: accepted; the "
                                                 "message's own headers say it"),
           {"dest": "body_type", "metavar": "TYPE"}),
    Option(("recipients",), QT_TRANSLATE_NOOP("ManPage", "the recipients"), {"nargs": "*", "metavar": "RECIPIENT"}),
)

OUTBOX_OPTIONS: tuple[Option, ...] = (
    Option(("action",), QT_TRANSLATE_NOOP("ManPage", "list (the default), retry ID or cancel ID"),
           {"nargs": "?", "default": "list", "choices": ("list", "retry", "cancel")}),
    Option(("id",), QT_TRANSLATE_NOOP("ManPage", "the entry to act on: its ID as the list shows it (its first "
                                                 "characters are enough)"),
           {"nargs": "?", "metavar": "ID"}),
    Option(("--account",), QT_TRANSLATE_NOOP("ManPage", "the account whose queue to show, when more than one is set "
                                                        "up"),
           {"metavar": "ADDRESS"}),
    Option(("--json",), QT_TRANSLATE_NOOP("ManPage", "print the list or the outcome as JSON"),
           {"action": "store_true"}),
)

#: how an Exchange (EWS) password reaches a command with no window to ask for it: the keyring, or this
PASSWORD_ENV = Option(("--password-env",), QT_TRANSLATE_NOOP("ManPage", "an Exchange account's password from this "
                                                                        "environment variable (else the system "
                                                                        "keyring; never on the command line)"),
                      {"metavar": "VARNAME"})
SEND_OPTIONS += (PASSWORD_ENV,)
SENDMAIL_OPTIONS += (PASSWORD_ENV,)
OUTBOX_OPTIONS += (PASSWORD_ENV,)

COMMANDS = {
    "send": (QT_TRANSLATE_NOOP("ManPage", "send a message built from options, or an .eml file as it is"),
             SEND_OPTIONS),
    "sendmail": (QT_TRANSLATE_NOOP("ManPage", "send the RFC 5322 message on standard input (a drop-in for "
                                              "sendmail)"), SENDMAIL_OPTIONS),
    "outbox": (QT_TRANSLATE_NOOP("ManPage", "list what waits in the account's Outbox, or retry or cancel one "
                                            "entry"), OUTBOX_OPTIONS),
}


class _Parser(argparse.ArgumentParser):
    """Usage errors as :class:`CommandError` (64, sysexits' EX_USAGE) instead of argparse's exit status 2; help
    as a :class:`CommandError` of code 0 carrying the text, never printed here nor ending the process: a window
    answering a command through its door parses it too, and must neither print to its own output nor exit."""

    def error(self, message: str):
        raise CommandError(EX_USAGE, f"{self.prog}: {message}")

    def print_help(self, file=None):
        raise CommandError(EX_OK, self.format_help())

    def print_usage(self, file=None):
        raise CommandError(EX_OK, self.format_usage())

    def exit(self, status=0, message=None):
        raise CommandError(EX_USAGE if status else EX_OK, message or "")


def build_parser(command: str) -> argparse.ArgumentParser:
    """The parser of ``dispatch-mail COMMAND``, made from :data:`COMMANDS`."""
    description, options = COMMANDS[command]
    # no abbreviations: ``--acc`` taken for ``--account`` would be read one way by the parser and another by
    # whoever looked for the whole word; every reader of a command line goes through :func:`parse_command`
    p = _Parser(prog=f"dispatch-mail {command}", description=description, allow_abbrev=False)
    for opt in options:
        p.add_argument(*opt.flags, help=opt.help, **opt.kwargs)
    return p


# the most arguments a command line may hold: every recipient a message may have as an option of its own
# (``--to ADDR``: two arguments) and as many again for the rest. argparse's time grows with the square of the
# options given (60,000 ``--to`` would take minutes), so a longer command line is refused before it is parsed
MAX_ARGUMENTS = 4 * MAX_RECIPIENTS


def parse_command(argv: list[str]) -> argparse.Namespace:
    """``dispatch-mail ARGV`` (``argv[0]`` ``send``, ``sendmail`` or ``outbox``) as its parser reads it; the one
    reading of a command line: the account it is routed to, its wait and its password's variable come from here
    as much as what it sends. :class:`CommandError` when the parser refuses it (or for ``--help``: code 0)."""
    command, args = argv[0], argv[1:]
    if command not in COMMANDS:
        raise CommandError(EX_USAGE, f"dispatch-mail: no command {printable(command)}")
    _utf8(args)
    if len(args) > MAX_ARGUMENTS:  # counted before the parser, which takes time growing with the square of them
        raise CommandError(EX_DATAERR, f"The command line holds {len(args):,} arguments, more than a message can use "
                                       f"(the server allows at most {MAX_RECIPIENTS} recipients per message, To, "
                                       "Cc and Bcc together). Nothing was sent.")
    if command == "sendmail":
        return _sendmail_args(args)
    return build_parser(command).parse_args(args)


def parsed_or_none(argv: list[str]) -> argparse.Namespace | None:
    """:func:`parse_command`, or None when the command line is refused (its answer says why, once it is read)."""
    try:
        return parse_command(argv)
    except CommandError:
        return None


def _utf8(args: list[str]) -> None:
    """65 when an argument holds bytes that are not UTF-8 (the system hands them over as lone surrogates, which
    no header, file name or journal line can hold): a subject, a recipient or a file name alike."""
    for n, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise CommandError(EX_DATAERR, f"Argument {n} (“{printable(shown)}”) holds bytes that are not UTF-8 "
                                           "text; Dispatch reads its command line as UTF-8 (rename the file, or "
                                           "convert the text, e.g. with iconv -t UTF-8). Nothing was sent.") from None


def command_option(argv: list[str], dest: str) -> str:
    """The value the option stored as ``dest`` has in ``dispatch-mail ARGV`` as :func:`parse_command` reads it
    ("": not given, or a command line its parser refuses)."""
    value = getattr(parsed_or_none(argv), dest, None)
    return value if isinstance(value, str) else ""


def _sendmail_args(args: list[str]) -> argparse.Namespace:
    """sendmail's arguments: options before and after the recipients (``parse_intermixed_args``), and everything
    after a ``--`` a recipient, as sendmail(8) and msmtp take it (neomutt gives ``-oem -oi -- ADDR``). The ``--``
    is cut here: argparse's intermixed parse reads options after it (``-i -- -t`` was ``-t``)."""
    cut = args.index("--") if "--" in args else len(args)
    parsed = build_parser("sendmail").parse_intermixed_args(args[:cut])
    parsed.recipients = [*parsed.recipients, *args[cut + 1:]]
    return parsed


@dataclass
class DraftRequest:
    """A message built from ``send``'s options, for ``Sending.send_draft``. ``sender``: ``--from`` (None: the
    account's own); ``later``: when Send later sends it (None: now); ``wait``: seconds to wait for the outcome
    (None: :func:`default_wait`, and at once when the server cannot be reached; 0: return once recorded)."""

    draft: Draft
    sender: Recipient | None = None
    account: str = ""
    later: datetime | None = None
    json: bool = False
    wait: float | None = None


@dataclass
class MimeRequest:
    """A message sent as it is, for ``Sending.send_mime``: ``mime`` the bytes and the Message-ID that names them,
    ``parsed`` its fields (the Outbox's row). ``envelope``: whom it goes to; those the To and Cc headers do not
    name are ``parsed.bcc``. ``sender`` (``-f``) and ``full_name`` (``-F``): sendmail's envelope sender;
    ``local_sender``: ``-f`` named a local user ("root", as cron gives it), not an address."""

    mime: MimeToSend
    parsed: Draft
    envelope: list[Recipient] = field(default_factory=list)
    sender: Recipient | None = None
    full_name: str = ""
    local_sender: bool = False
    account: str = ""
    json: bool = False
    wait: float | None = None


Stdin = Callable[[int], bytes]  # reads at most n bytes of standard input (``sys.stdin.buffer.read``)


# ------------------------------------------------------------------ send
def send_request(argv: list[str], *, stdin: Stdin, now: Callable[[], datetime] = datetime.now,
                 max_send_bytes: int = DEFAULT_MAX_SEND_BYTES, cwd: str = ".") -> DraftRequest | MimeRequest:
    """``dispatch-mail send ARGV`` as a request; :class:`CommandError` when it cannot be one. A relative file
    name is read from ``cwd`` (the command's folder: a window the command hands over to runs elsewhere)."""
    args = parse_command(["send", *argv])
    wait = _wait(args)
    account = _account(args.account)
    if args.file is not None:
        given = [n for n in _MESSAGE_OPTIONS if getattr(args, n) not in (None, [], "", False)]
        if given:
            raise CommandError(EX_USAGE, f"dispatch-mail send: {args.file} is sent as it is; "
                                         f"--{given[0].replace('_', '-').replace('sender', 'from')} cannot be "
                                         "combined with a message file.")
        raw = _read_file(Path(cwd, args.file), max_send_bytes, "The message file", shown=args.file)
        return _mime_request(raw, args.file, max_send_bytes, account=account, json=args.json, wait=wait)
    draft = Draft(to=_people(args.to, "--to"), cc=_people(args.cc, "--cc"), bcc=_people(args.bcc, "--bcc"),
                  subject=_subject(args.subject), reply_to=_people(args.reply_to, "--reply-to"),
                  body_format=BodyFormat.HTML if args.html else BodyFormat.TEXT,
                  importance=Importance(args.importance.capitalize()) if args.importance else Importance.NORMAL,
                  headers=_headers(args.header))
    draft.body = _body(args.body_file, stdin, max_send_bytes, cwd)
    draft.attachments = [_attachment(path, max_send_bytes, cwd) for path in args.attach]
    _check(draft, max_send_bytes)
    return DraftRequest(draft, sender=_one_address(args.sender, "--from"), account=account,
                        later=_later(args.later, now), json=args.json, wait=wait)


def _wait(args) -> float | None:
    if args.no_wait and args.wait is not None:
        raise CommandError(EX_USAGE, "dispatch-mail send: --wait and --no-wait cannot be combined.")
    if args.no_wait:
        return 0.0
    if args.wait is not None and not 0 <= args.wait < float("inf"):
        raise CommandError(EX_USAGE, f"dispatch-mail send: --wait takes a number of seconds, not {args.wait}.")
    return args.wait


def _account(text: str | None) -> str:
    if text is None:
        return ""
    if not is_valid_address(text.strip()):
        raise CommandError(EX_USAGE, f"--account: “{printable(text)}” is not an e-mail address; name the account "
                                     "by its address.")
    return text.strip()


def _people(values: list[str], option: str) -> list[Recipient]:
    """Every address the option was given (each value may hold several), invalid ones refused (65)."""
    out: list[Recipient] = []
    seen: set[str] = set()  # one look-up per address: 60,000 of them are refused at once, not after minutes
    for value in values:
        people, errors = parse_recipients(value, option.lstrip("-"))
        if errors:
            raise CommandError(EX_DATAERR, f"{option}: {errors[0].message}")
        out.extend(_new(people, seen))
    return out


def _new(people: list[Recipient], seen: set[str]) -> list[Recipient]:
    """Those of ``people`` whose address (any case) is not in ``seen``, once each; ``seen`` takes them."""
    out = []
    for p in people:
        key = p.email.lower()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _one_address(value: str | None, option: str) -> Recipient | None:
    if value is None:
        return None
    people = _people([value], option)
    if len(people) != 1:
        raise CommandError(EX_DATAERR, f"{option} takes one address, not “{printable(value)}”.")
    return people[0]


def _subject(text: str) -> str:
    if "\r" in text or "\n" in text:  # it would end the Subject header and start another (header injection)
        raise CommandError(EX_DATAERR, "--subject holds a line break (CR or LF); a subject is one line. "
                                       "Nothing was sent.")
    if any(unicodedata.category(c) == "Cc" and c != "\t" for c in text):
        raise CommandError(EX_DATAERR, "--subject holds a control character. Nothing was sent.")
    return text


def _headers(values: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value in values:
        name, colon, text = value.partition(":")
        if not colon:
            raise CommandError(EX_USAGE, f"--header “{printable(value)}”: write it as “X-Name: value”.")
        name, text = name.strip(), text.strip(" \t")
        problem = header_problem(name, text, out)
        if problem:
            raise CommandError(EX_DATAERR, f"--header: {problem} Nothing was sent.")
        out.append((name, text))
    return out


def _body(path: str | None, stdin: Stdin, limit: int, cwd: str) -> str:
    if path is None:
        return ""
    if path == "-":
        data = stdin(limit + 1)
        what = "The message text on standard input"
        if len(data) > limit:
            raise CommandError(EX_DATAERR, f"{what} is larger than {human_size(limit)}, the most the server "
                                           "accepts per message.")
    else:
        data = _read_file(Path(cwd, path), limit, "The message text", shown=path)
        what = f"--body-file “{printable(Path(path).name)}”"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(EX_DATAERR, f"{what} is 8-bit text that is not UTF-8; Dispatch reads the text as "
                                       "UTF-8 (convert it, e.g. with iconv -t UTF-8).") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _attachment(path: str, limit: int, cwd: str) -> Attachment:
    full = Path(cwd, path)
    data, real = _read_file_at(full, limit, "The attachment", shown=path)
    try:  # the journal keeps where it came from: the command's folder (through a door, the window's own) included
        real.encode("utf-8")
    except UnicodeEncodeError:
        raise CommandError(EX_DATAERR, f"The attachment “{printable(path)}” is in a folder whose name is not UTF-8 "
                                       "text; Dispatch reads file names as UTF-8 (run the command from another "
                                       "folder, or name the file by a path that is UTF-8). Nothing was sent.") from None
    name = safe_attachment_name(full.name)
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment(name, data, kind, source_path=real, size=len(data))


def _read_file(path: Path, limit: int, what: str, *, shown: str) -> bytes:
    return _read_file_at(path, limit, what, shown=shown)[0]


def _read_file_at(path: Path, limit: int, what: str, *, shown: str) -> tuple[bytes, str]:
    """The bytes of ``path`` and where it resolved to: 66 when it cannot be read, 65 when it is over ``limit``.
    Regular files only, never under /proc, /dev or /sys however the path reaches there
    (app/storage/regular_file.py): read by a window the command hands over to, they would be the window's own
    files (its environment, its open files)."""
    shown = f"“{printable(shown, 400)}”"
    try:
        return read_regular(path.absolute(), limit)
    except Refused as no:
        raise CommandError(*_refusal(no, what, shown, limit)) from None
    except FileNotFoundError:
        raise CommandError(EX_NOINPUT, f"{what} {shown} does not exist.") from None
    except OSError as exc:
        raise CommandError(EX_NOINPUT, f"{what} {shown} cannot be read "
                                       f"({exc.strerror or type(exc).__name__}).") from None


def _refusal(no: Refused, what: str, shown: str, limit: int) -> tuple[int, str]:
    if no.kind == "large":
        return EX_DATAERR, _too_large(f"{what} {shown}", no.size, limit)
    if no.kind == "folder":
        return EX_NOINPUT, f"{what} {shown} is a folder, not a file."
    if no.kind == "system":
        return EX_NOINPUT, (f"{what} {shown} is not an ordinary file (a device or a process's file); "
                            "for standard input use “-”.")
    return EX_NOINPUT, f"{what} {shown} is not an ordinary file (a pipe or a device)."


def _too_large(what: str, size: int, limit: int) -> str:
    return f"{what} is {human_size(size)}; the server accepts at most {human_size(limit)} per message."


def _later(text: str | None, now: Callable[[], datetime]) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_when(text, now())
    except WhenError as exc:
        raise CommandError(EX_USAGE, f"--later: {exc}") from None


def _check(draft: Draft, limit: int) -> None:
    """Compose's own check before a send (:func:`validate_draft`): its first problem, 65."""
    errors = validate_draft(draft, for_send=True, max_send_bytes=limit)
    if errors:
        e = errors[0]
        where = {"to": "recipients", "reply_to": "--reply-to", "headers": "--header"}.get(e.field, e.field)
        raise CommandError(EX_DATAERR, f"{where}: {e.message} Nothing was sent.")


# ------------------------------------------------------------------ a message as it is
def _mime_request(raw: bytes, what: str, limit: int, *, envelope: list[Recipient] | None = None,
                  **rest) -> MimeRequest:
    """``raw`` read (65 when malformed or 8-bit without a charset), its recipients checked, its Bcc header
    removed when ``envelope`` is given (sendmail: the recipients are the envelope's, not the headers')."""
    try:
        parsed = read_eml(raw, max_bytes=limit).draft
    except EmlError as exc:
        raise CommandError(EX_DATAERR, f"{what}: {exc}") from None
    _check_message(raw, what)
    if envelope is None:
        _check(parsed, limit)
        return MimeRequest(with_message_id(raw), parsed, parsed.all_recipients(), **rest)
    wanted = {r.email.lower() for r in envelope}
    unasked = [r for r in [*parsed.to, *parsed.cc] if r.email.lower() not in wanted]
    if unasked:  # the server sends to every address of To and Cc: it would go to someone not named
        raise CommandError(EX_DATAERR, f"{what}: its To or Cc header names {printable(unasked[0].email)}, who is "
                                       "not among the recipients given. The server sends to everyone in To and "
                                       "Cc: add the address to the recipients, or use -t.")
    shown = {r.email.lower() for r in [*parsed.to, *parsed.cc]}
    hidden = [r for r in envelope if r.email.lower() not in shown]
    stand_in = parsed.copy(bcc=hidden, headers=[])
    _check(stand_in, limit)
    return MimeRequest(with_message_id(with_bcc(without_header(raw, "Bcc"), hidden)), stand_in, envelope, **rest)


def with_bcc(raw: bytes, people: list[Recipient]) -> bytes:
    """``raw`` with one Bcc header naming ``people`` (none: unchanged). A message sent as it is names its
    recipients in its headers only (EWS MimeContent, Graph's MIME sendMail), and the server takes Bcc from there
    and leaves it out of every copy it delivers (Microsoft: "send a message in MIME format"), so a recipient of
    the envelope alone (a sendmail argument, a Bcc header read with -t) is said to the server this way."""
    if not people:
        return raw
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    return b"Bcc: " + ", ".join(f"<{r.email}>" for r in people).encode("utf-8") + newline + raw


_ADDRESS_HEADERS = ("To", "Cc", "Bcc", "Reply-To")


def _check_message(raw: bytes, what: str) -> None:
    """What reading a file for Compose forgives and a send as it is must not (65): an address header that cannot
    be read (Compose shows it to be fixed; sent as it is, its recipients would be lost silently), and 8-bit text
    with no charset to say how to read it (RFC 2045 5.2: text without one is US-ASCII). Called after
    :func:`read_eml` accepted ``raw``, so its limits (parts, lines, header sizes) hold for this parse too."""
    import email.errors
    import email.parser
    import email.policy

    msg = email.parser.BytesParser(policy=email.policy.default).parsebytes(raw)
    _check_head(msg, what)
    as_written = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    for name in _ADDRESS_HEADERS:
        for value, text in zip(msg.get_all(name) or (), as_written.get_all(name) or ()):
            if any(isinstance(d, email.errors.HeaderDefect) for d in getattr(value, "defects", ())):
                raise CommandError(EX_DATAERR, f"{what}: its {name} header holds an address that cannot be read "
                                               f"(“{printable(' '.join(str(text).split()))}”).")
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        payload = part.get_payload(decode=True) or b""
        if not payload.isascii() and part.get_param("charset") is None:
            raise CommandError(EX_DATAERR, f"{what}: the message text holds 8-bit characters but names no "
                                           "charset (add “Content-Type: text/plain; charset=UTF-8”).")


def _check_head(msg, what: str) -> None:
    """65 when the header block holds a line that is not a header (the email package then ends the headers there
    and reads the rest, a Bcc or a Subject included, as the message text). ``Bcc : x``, with a space before the
    colon, is one: RFC 5322 puts the colon right after the name (2.2, 3.6), and only its obsolete syntax allows
    the space (4.5.3 obs-bcc, 4.5.8 obs-optional), and the email package does not read it as a header. Refused
    rather than honoured by a rule of our own: the message is sent as it is, and what the server makes of the
    line is not ours to guess; sent, its recipients would be lost silently, or shown to everyone in the text."""
    import email.errors

    if any(isinstance(d, email.errors.MissingHeaderBodySeparatorDefect) for d in msg.defects):
        raise CommandError(EX_DATAERR, f"{what}: a line of its headers is not a header (its name must be followed "
                                       "by the colon, with no space between, as in “Bcc: address”). Nothing was "
                                       "sent.")


def without_header(raw: bytes, name: str) -> bytes:
    """``raw`` without the top-level header ``name`` (every one, with its folded lines); the rest untouched."""
    m = _HEAD_END.search(raw)
    cut = m.start() + len(m.group(1)) if m else len(raw)  # the header block with its last line's end
    out, dropping = [], False
    target = name.lower().encode("ascii")
    for line in raw[:cut].splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):  # a folded line goes with the header before it
            if not dropping:
                out.append(line)
            continue
        dropping = line.split(b":", 1)[0].strip().lower() == target
        if not dropping:
            out.append(line)
    return b"".join(out) + raw[cut:]


_HEAD_END = re.compile(rb"(\r?\n)\r?\n")


def from_header(raw: bytes) -> tuple[str, str]:
    """The display name and the address of ``raw``'s first From header (``("", "")``: none, or unreadable);
    ``root (Cron Daemon)``, as cron writes it, is ``("Cron Daemon", "root")``."""
    import email.parser
    import email.policy
    import email.utils

    head = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    value = head.get("From")
    if value is None:
        return "", ""
    name, address = email.utils.parseaddr(str(value))
    return name, address


def own_from(raw: bytes, name: str, address: str) -> bytes:
    """``raw`` with its From header (every one) replaced by one naming ``address``, with ``name`` as its display
    name (RFC 2047-encoded when it is not ASCII); the rest untouched."""
    import email.utils

    name = "".join(c for c in name if unicodedata.category(c) != "Cc")
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    value = email.utils.formataddr((name, address), charset="utf-8")
    return b"From: " + value.encode("ascii") + newline + without_header(raw, "From")


# ------------------------------------------------------------------ sendmail
def sendmail_request(argv: list[str], *, stdin: Stdin,
                     max_send_bytes: int = DEFAULT_MAX_SEND_BYTES) -> MimeRequest:
    """``dispatch-mail sendmail ARGV`` with the message on standard input, as a request; :class:`CommandError`
    when it cannot be one."""
    args = parse_command(["sendmail", *argv])
    # cron and mail(1) give the local user's name ("root"): the account's own mailbox is the one that sends
    sender = _one_address(args.sender, "-f") if args.sender and "@" in args.sender else None
    full_name = args.full_name or ""
    if any(unicodedata.category(c) == "Cc" for c in full_name):
        raise CommandError(EX_DATAERR, "-F: the name holds a line break or a control character.")
    raw = stdin(max_send_bytes + 1)
    if not raw.strip():
        raise CommandError(EX_NOINPUT, "No message on standard input.")
    if len(raw) > max_send_bytes:
        raise CommandError(EX_DATAERR, f"The message is larger than {human_size(max_send_bytes)}, the most the "
                                       "server accepts per message.")
    if not (args.no_dot or "i" in args.o_options):
        raw = up_to_the_dot(raw)
    envelope = _people(args.recipients, "recipient")
    if args.from_headers:  # and the arguments too (msmtp's and Postfix's -t; sendmail(8)'s drops them instead)
        try:
            parsed = read_eml(raw, max_bytes=max_send_bytes).draft
        except EmlError as exc:
            raise CommandError(EX_DATAERR, f"The message on standard input: {exc}") from None
        envelope += _new(parsed.all_recipients(), {e.email.lower() for e in envelope})
    if not envelope:
        raise CommandError(EX_DATAERR, "No recipients: name them as arguments, or use -t to read them from the "
                                       "message's To, Cc and Bcc headers.")
    return _mime_request(raw, "The message on standard input", max_send_bytes, envelope=envelope, sender=sender,
                         full_name=full_name, local_sender=bool(args.sender) and sender is None)


_DOT = re.compile(rb"(?:^|\n)\.\r?\n|(?:^|\n)\.$")


def up_to_the_dot(raw: bytes) -> bytes:
    """The message up to a line holding a single dot, which ends it (sendmail without -i; RFC 5321 4.1.1.4's
    end of data, which mail(1) and scripts rely on)."""
    m = _DOT.search(raw)
    if m is None:
        return raw
    return raw[: m.start() + (1 if m.group(0).startswith(b"\n") else 0)]
