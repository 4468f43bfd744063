"""``send``'s options made into the message they describe: each option's addresses read (an invalid one refused),
its headers checked, the :class:`Draft` built and checked as Compose checks a message before it is sent
(:meth:`app.core.sending.request.Sending.check`). Every refusal is a :class:`CommandError` of code 65 naming the
option. No Qt, no file: the command read its files and its text at its edge (app/command/send_args.py).

Called behind the door, by the desk that answers the request (app/core/scripts/desk.py), whoever drives the
queue: the domain's models and checks are loaded by the process that keeps the queue, not by every command on
its way to a door (bench/bench_command.py, the hand-over). ``sendmail`` reads its recipients with the same
:func:`people` at its edge.
"""

from __future__ import annotations

import mimetypes

from app.core.scripts.door_protocol import Options, Submit
from app.core.scripts.exits import EX_DATAERR, CommandError
from app.domain.extras import header_problem
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient
from app.domain.validation import parse_recipients, printable, safe_attachment_name

_IMPORTANCE = {"": Importance.NORMAL, "normal": Importance.NORMAL, "low": Importance.LOW, "high": Importance.HIGH}


def made(asked: Submit, limit: int) -> Submit:
    """``asked`` with its options (if any) made into its draft and sender (:func:`draft_of`)."""
    if asked.options is None:
        return asked
    draft, sender = draft_of(asked.options, limit)
    return asked.changed(draft=draft, sender=sender, options=None)


def draft_of(options: Options, limit: int) -> tuple[Draft, Recipient | None]:
    """The draft ``options`` describe and the sender ``--from`` names (None: the account's own), checked against
    the server's message limit ``limit``; :class:`CommandError` (65) for the first problem."""
    draft = Draft(to=people(options.to, "--to"), cc=people(options.cc, "--cc"), bcc=people(options.bcc, "--bcc"),
                  subject=options.subject, reply_to=people(options.reply_to, "--reply-to"),
                  body_format=BodyFormat.HTML if options.html else BodyFormat.TEXT,
                  importance=_IMPORTANCE[options.importance.lower()], headers=_headers(options.headers),
                  body=options.body, attachments=[_attachment(f) for f in options.attachments],
                  read_receipt=bool(options.read_receipt), delivery_receipt=bool(options.delivery_receipt))
    check(draft, limit)
    return draft, one_address(options.sender, "--from")


def people(values, option: str) -> list[Recipient]:
    """Every address the option was given (each value may hold several), once each, invalid ones refused (65)."""
    out: list[Recipient] = []
    seen: set[str] = set()  # one look-up per address: 60,000 of them are refused at once, not after minutes
    for value in values:
        found, errors = parse_recipients(value, option.lstrip("-"))
        if errors:
            raise CommandError(EX_DATAERR, f"{option}: {errors[0].message}")
        out.extend(new(found, seen))
    return out


def new(found: list[Recipient], seen: set[str]) -> list[Recipient]:
    """Those of ``found`` whose address (any case) is not in ``seen``, once each; ``seen`` takes them."""
    out = []
    for p in found:
        key = p.email.lower()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def one_address(value: str | None, option: str) -> Recipient | None:
    """The one address ``value`` names (None for None); 65 for none, an invalid one or several."""
    if value is None:
        return None
    found = people([value], option)
    if len(found) != 1:
        raise CommandError(EX_DATAERR, f"{option} takes one address, not “{printable(value)}”.")
    return found[0]


def _headers(pairs) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name, text in pairs:
        problem = header_problem(name, text, out)
        if problem:
            raise CommandError(EX_DATAERR, f"--header: {problem} Nothing was sent.")
        out.append((name, text))
    return out


def _attachment(file) -> Attachment:
    name = safe_attachment_name(file.name)
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return Attachment(name, file.data, kind, source_path=file.path, size=len(file.data))


def check(draft: Draft, limit: int) -> None:
    """Compose's own check before a send (:meth:`Sending.check`): its first problem, 65, naming the option."""
    from app.core.sending.request import Sending  # the queue's: loaded by sendmail's edge only when it gets here

    errors = Sending.check(draft, for_send=True, max_send_bytes=limit)
    if errors:
        e = errors[0]
        where = {"to": "recipients", "reply_to": "--reply-to", "headers": "--header"}.get(e.field, e.field)
        raise CommandError(EX_DATAERR, f"{where}: {e.message} Nothing was sent.")

