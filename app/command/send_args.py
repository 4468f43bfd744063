"""``dispatch-mail send``, ``sendmail`` and ``outbox``: a command line (and the files it names, and standard input)
made into one typed request (:mod:`app.core.scripts.door_protocol`: :class:`Submit`, :class:`ListQueue`, :class:`Retry`,
:class:`Cancel`), or a :class:`CommandError` that says why not and with which exit code. The command's edge: the
command line is parsed here and nowhere else, its files are read here (never by the process behind a door), and
its message is built here; nothing is queued here. No Qt.

- ``send`` hands over its options (their files and text read here; the addresses read and the message built
  and checked behind the door, as Compose checks one: app/core/scripts/send_options.py), or reads ``FILE.eml`` to send it as it is (as Ctrl+Shift+U
  does); ``sendmail`` reads an RFC 5322 message on standard input, as sendmail(8) and msmtp do, and sends it as it
  is but for its Bcc header, which names recipients and is removed from what is sent. Both are one
  :class:`Submit`: one lane into the queue.

The options are data (:mod:`app.command.spec`), so the man page and shell completions are made from the same
definitions the parser is built from.

Exit codes are sendmail's and msmtp's, from ``sysexits.h`` (:mod:`app.core.scripts.exits`). Every bad input is refused
before anything is handed over: an unreadable file (66), no recipients, an invalid address, a message over the
size limit, a line break in ``--subject`` or ``--header`` (it would start another header), 8-bit text without a
charset, a malformed message (65); options that do not go together, or a time Send later does not understand
(64).
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from app.command.spec import COMMANDS, add_options
from app.core.scripts.door_protocol import (WAIT_VARIABLE, Cancel, File, ListQueue, Options, Request, Retry,  # noqa: F401
                                            Submit, default_wait)
from app.core.scripts.exits import (EX_CANTCREAT, EX_CONFIG, EX_DATAERR, EX_NOINPUT, EX_NOPERM, EX_OK,  # noqa: F401
                            EX_TEMPFAIL, EX_UNAVAILABLE, EX_USAGE, CommandError)
from app.domain.addresses import MAX_RECIPIENTS, is_valid_address, printable
from app.domain.sizes import DEFAULT_MAX_SEND_BYTES, human_size
from app.storage.regular_file import Refused, read_asked, read_regular

# Loaded where they are used, not with the command: the domain's models and checks (send's options are made into
# a draft behind the door: app/core/scripts/send_options.py), a message file's reader and editor (the email
# package) and Send later's words; ``outbox`` and ``send --to ... --body-file -`` need none of them on their way
# to a door (bench/bench_command.py, the hand-over; tests/core/test_send_command.py checks what it loads).

# the commands of an account's queue (the others: sign-in, account)
QUEUE = ("send", "sendmail", "outbox")
# what ``send`` builds a message from; FILE.eml cannot be combined with these
_MESSAGE_OPTIONS = ("to", "cc", "bcc", "subject", "body_file", "html", "attach", "sender", "reply_to", "header",
                    "importance", "later", "read_receipt", "delivery_receipt")


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
    add_options(p, options)
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
    if command not in QUEUE:
        raise CommandError(EX_USAGE, f"dispatch-mail: no command {printable(command)}")
    _utf8(args)
    if len(args) > MAX_ARGUMENTS:  # counted before the parser, which takes time growing with the square of them
        raise CommandError(EX_DATAERR, f"The command line holds {len(args):,} arguments, more than a message can use "
                                       f"(the server allows at most {MAX_RECIPIENTS} recipients per message, To, "
                                       "Cc and Bcc together). Nothing was sent.")
    if command == "sendmail":
        return _sendmail_args(args)
    return build_parser(command).parse_args(args)


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


def _sendmail_args(args: list[str]) -> argparse.Namespace:
    """sendmail's arguments: options before and after the recipients (``parse_intermixed_args``), and everything
    after a ``--`` a recipient, as sendmail(8) and msmtp take it (neomutt gives ``-oem -oi -- ADDR``). The ``--``
    is cut here: argparse's intermixed parse reads options after it (``-i -- -t`` was ``-t``)."""
    cut = args.index("--") if "--" in args else len(args)
    parsed = build_parser("sendmail").parse_intermixed_args(args[:cut])
    parsed.recipients = [*parsed.recipients, *args[cut + 1:]]
    return parsed


Stdin = Callable[[int], bytes]  # reads at most n bytes of standard input (``sys.stdin.buffer.read``)


# ------------------------------------------------------------------ the one way in
def request(argv: list[str], *, stdin: Stdin, cwd: str = ".", max_send_bytes: int = DEFAULT_MAX_SEND_BYTES,
            now: Callable[[], datetime] = datetime.now, args: argparse.Namespace | None = None) -> Request:
    """``dispatch-mail ARGV`` (``argv[0]`` ``send``, ``sendmail`` or ``outbox``) as the typed request it hands over;
    its files read from ``cwd`` and its message checked against ``max_send_bytes`` (the server's limit, as the
    process driving the queue says it). ``args``: ARGV as :func:`parse_command` read it already (the command
    routed it by them), so it is read once. :class:`CommandError` when it cannot be one."""
    command = argv[0]
    args = parse_command(argv) if args is None else args
    if command == "outbox":
        return _outbox_request(args)
    if command == "sendmail":
        return _sendmail_request(args, stdin=stdin, max_send_bytes=max_send_bytes)
    return _send_request(args, stdin=stdin, now=now, max_send_bytes=max_send_bytes, cwd=cwd)


def outbox_request(argv: list[str]) -> Request:
    """``dispatch-mail outbox [list | retry ID | cancel ID]``."""
    return _outbox_request(parse_command(["outbox", *argv]))


def _outbox_request(args: argparse.Namespace) -> Request:
    account = _account(args.account)
    if args.action == "list":
        return ListQueue(account, args.json)
    if not args.id:
        raise CommandError(EX_USAGE, f"dispatch-mail outbox {args.action}: name the entry (its ID).")
    kind = Retry if args.action == "retry" else Cancel
    return kind(args.id, account, args.json)


# ------------------------------------------------------------------ send
def send_request(argv: list[str], *, stdin: Stdin, now: Callable[[], datetime] = datetime.now,
                 max_send_bytes: int = DEFAULT_MAX_SEND_BYTES, cwd: str = ".") -> Submit:
    """``dispatch-mail send ARGV`` as a request; :class:`CommandError` when it cannot be one. A relative file
    name is read from ``cwd`` (the command's folder: a window the command hands over to runs elsewhere)."""
    return _send_request(parse_command(["send", *argv]), stdin=stdin, now=now, max_send_bytes=max_send_bytes,
                         cwd=cwd)


def _send_request(args: argparse.Namespace, *, stdin: Stdin, now: Callable[[], datetime], max_send_bytes: int,
                  cwd: str) -> Submit:
    wait = _wait(args)
    account = _account(args.account)
    if args.file is not None:
        given = [n for n in _MESSAGE_OPTIONS if getattr(args, n) not in (None, [], "", False)]
        if given:
            raise CommandError(EX_USAGE, f"dispatch-mail send: {args.file} is sent as it is; "
                                         f"--{given[0].replace('_', '-').replace('sender', 'from')} cannot be "
                                         "combined with a message file.")
        raw = _read_file(Path(cwd, args.file), max_send_bytes, "The message file", shown=args.file)
        return _mime_request(raw, args.file, max_send_bytes, account=account, json=args.json, wait=wait,
                             no_check=args.no_check)
    return Submit(options=Options(to=tuple(args.to), cc=tuple(args.cc), bcc=tuple(args.bcc),
                                  reply_to=tuple(args.reply_to), sender=args.sender, subject=_subject(args.subject),
                                  body=_body(args.body_file, stdin, max_send_bytes, cwd), html=bool(args.html),
                                  importance=(args.importance or "").lower(), headers=_headers(args.header),
                                  attachments=tuple(_attachment(path, max_send_bytes, cwd) for path in args.attach),
                                  read_receipt=args.read_receipt, delivery_receipt=args.delivery_receipt),
                  later=_later(args.later, now), account=account, json=args.json, wait=wait, no_check=args.no_check)


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


def _subject(text: str) -> str:
    if "\r" in text or "\n" in text:  # it would end the Subject header and start another (header injection)
        raise CommandError(EX_DATAERR, "--subject holds a line break (CR or LF); a subject is one line. "
                                       "Nothing was sent.")
    if any(unicodedata.category(c) == "Cc" and c != "\t" for c in text):
        raise CommandError(EX_DATAERR, "--subject holds a control character. Nothing was sent.")
    return text


def _headers(values: list[str]) -> tuple[tuple[str, str], ...]:
    """Each ``--header`` as (name, value); 64 when it is not written as one (what it may hold is checked with the
    message: app/core/scripts/send_options.py)."""
    out = []
    for value in values:
        name, colon, text = value.partition(":")
        if not colon:
            raise CommandError(EX_USAGE, f"--header “{printable(value)}”: write it as “X-Name: value”.")
        out.append((name.strip(), text.strip(" \t")))
    return tuple(out)


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


def _attachment(path: str, limit: int, cwd: str) -> File:
    full = Path(cwd, path)
    # named by another program: the private files' rule too (app/storage/private_paths.py), as for a link's files
    data, real = _read_file_at(full, limit, "The attachment", shown=path, read=read_asked)
    try:  # the journal keeps where it came from: the command's folder (through a door, the window's own) included
        real.encode("utf-8")
    except UnicodeEncodeError:
        raise CommandError(EX_DATAERR, f"The attachment “{printable(path)}” is in a folder whose name is not UTF-8 "
                                       "text; Dispatch reads file names as UTF-8 (run the command from another "
                                       "folder, or name the file by a path that is UTF-8). Nothing was sent.") from None
    return File(full.name, real, data)


def _read_file(path: Path, limit: int, what: str, *, shown: str) -> bytes:
    return _read_file_at(path, limit, what, shown=shown)[0]


def _read_file_at(path: Path, limit: int, what: str, *, shown: str, read=read_regular) -> tuple[bytes, str]:
    """The bytes of ``path`` and where it resolved to: 66 when it cannot be read, 65 when it is over ``limit``.
    Regular files only, never under /proc, /dev or /sys however the path reaches there
    (app/storage/regular_file.py): read by a window the command hands over to, they would be the window's own
    files (its environment, its open files)."""
    shown = f"“{printable(shown, 400)}”"
    try:
        return read(path.absolute(), limit)
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
    if no.kind in PRIVATE:
        return EX_NOINPUT, f"{what} {shown} {PRIVATE[no.kind]}; Dispatch never attaches it from a command or a link."
    return EX_NOINPUT, f"{what} {shown} is not an ordinary file (a pipe or a device)."


# why a file another program names is never attached (app/storage/private_paths.py's kinds)
PRIVATE = {
    "keys": "is in a folder of keys (~/.ssh, ~/.gnupg or the keyring)",
    "dispatch": "is in Dispatch's own folders (its settings and data)",
    "hidden": "is a hidden file or in a hidden folder",
}


def _too_large(what: str, size: int, limit: int) -> str:
    return f"{what} is {human_size(size)}; the server accepts at most {human_size(limit)} per message."


def _later(text: str | None, now: Callable[[], datetime]) -> datetime | None:
    if text is None:
        return None
    from app.core.outbox.send_times import WhenError, parse_when

    try:
        return parse_when(text, now())
    except WhenError as exc:
        raise CommandError(EX_USAGE, f"--later: {exc}") from None


# ------------------------------------------------------------------ a message as it is
def _mime_request(raw: bytes, what: str, limit: int, *, envelope: list | None = None,
                  **rest) -> Submit:
    """``raw`` read (65 when malformed or 8-bit without a charset), its recipients checked, its Bcc header
    removed when ``envelope`` is given (sendmail: the recipients are the envelope's, not the headers')."""
    from app.core.outbox.mime_send import with_message_id
    from app.core.scripts.send_options import check
    from app.domain.eml_read import EmlError, read_eml
    from app.domain.mime_edits import with_bcc, without_header

    try:
        parsed = read_eml(raw, max_bytes=limit).draft
    except EmlError as exc:
        raise CommandError(EX_DATAERR, f"{what}: {exc}") from None
    _check_message(raw, what)
    if envelope is None:
        check(parsed, limit)
        return Submit(_listed_as(parsed), with_message_id(raw), tuple(parsed.all_recipients()), **rest)
    wanted = {r.email.lower() for r in envelope}
    unasked = [r for r in [*parsed.to, *parsed.cc] if r.email.lower() not in wanted]
    if unasked:  # the server sends to every address of To and Cc: it would go to someone not named
        raise CommandError(EX_DATAERR, f"{what}: its To or Cc header names {printable(unasked[0].email)}, who is "
                                       "not among the recipients given. The server sends to everyone in To and "
                                       "Cc: add the address to the recipients, or use -t.")
    shown = {r.email.lower() for r in [*parsed.to, *parsed.cc]}
    hidden = [r for r in envelope if r.email.lower() not in shown]
    stand_in = parsed.copy(bcc=hidden, headers=[])
    check(stand_in, limit)
    mime = with_message_id(with_bcc(without_header(raw, "Bcc"), hidden))
    return Submit(_listed_as(stand_in), mime, tuple(envelope), **rest)


def _listed_as(parsed):
    """What a message sent as it is is listed by in the Outbox (its bytes go as they are: nothing else is kept)."""
    from app.domain.models import Draft

    return Draft(to=list(parsed.to), cc=list(parsed.cc), bcc=list(parsed.bcc), subject=parsed.subject)


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


# ------------------------------------------------------------------ sendmail
def sendmail_request(argv: list[str], *, stdin: Stdin,
                     max_send_bytes: int = DEFAULT_MAX_SEND_BYTES) -> Submit:
    """``dispatch-mail sendmail ARGV`` with the message on standard input, as a request; :class:`CommandError`
    when it cannot be one."""
    return _sendmail_request(parse_command(["sendmail", *argv]), stdin=stdin, max_send_bytes=max_send_bytes)


def _sendmail_request(args: argparse.Namespace, *, stdin: Stdin, max_send_bytes: int) -> Submit:
    from app.core.scripts.send_options import new, one_address, people

    # cron and mail(1) give the local user's name ("root"): the account's own mailbox is the one that sends
    sender = one_address(args.sender, "-f") if args.sender and "@" in args.sender else None
    full_name = args.full_name or ""
    if any(unicodedata.category(c) == "Cc" for c in full_name):
        raise CommandError(EX_DATAERR, "-F: the name holds a line break or a control character.")
    raw = stdin(max_send_bytes + 1)
    if not raw.strip():
        raise CommandError(EX_NOINPUT, "No message on standard input.")
    if len(raw) > max_send_bytes:
        raise CommandError(EX_DATAERR, f"The message on standard input is larger than {human_size(max_send_bytes)}, "
                                       "the most the server accepts per message. Nothing was sent.")
    if not (args.no_dot or "i" in args.o_options):
        raw = up_to_the_dot(raw)
    envelope = people(args.recipients, "recipient")
    if args.from_headers:  # and the arguments too (msmtp's and Postfix's -t; sendmail(8)'s drops them instead)
        from app.domain.eml_read import EmlError, read_eml

        try:
            parsed = read_eml(raw, max_bytes=max_send_bytes).draft
        except EmlError as exc:
            raise CommandError(EX_DATAERR, f"The message on standard input: {exc}") from None
        envelope += new(parsed.all_recipients(), {e.email.lower() for e in envelope})
    if not envelope:
        raise CommandError(EX_DATAERR, "No recipients: name them as arguments, or use -t to read them from the "
                                       "message's To, Cc and Bcc headers.")
    return _mime_request(raw, "The message on standard input", max_send_bytes, envelope=envelope, sender=sender,
                         full_name=full_name, local_sender=bool(args.sender) and sender is None, quiet=True,
                         no_check=args.no_check)


_DOT = re.compile(rb"(?:^|\n)\.\r?\n|(?:^|\n)\.$")


def up_to_the_dot(raw: bytes) -> bytes:
    """The message up to a line holding a single dot, which ends it (sendmail without -i; RFC 5321 4.1.1.4's
    end of data, which mail(1) and scripts rely on)."""
    m = _DOT.search(raw)
    if m is None:
        return raw
    return raw[: m.start() + (1 if m.group(0).startswith(b"\n") else 0)]
