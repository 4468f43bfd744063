"""What a ``dispatch-mail`` command asks of an account's queue, as typed data (protocol :data:`VERSION`), and how it
crosses the account's door. No Qt, no asyncio; nothing here reads a command line or a file.

The command parses its arguments and reads its files and its standard input (app/command/send_args.py); what it
hands over is one of five requests:

- :class:`Submit`: one message for the queue, ``send`` and ``sendmail`` alike: ``send``'s :class:`Options` (made
  into a draft behind the door, app/core/scripts/send_options.py), or a message as it is (``mime``: ``send
  FILE.eml``, ``sendmail``) with its ``envelope``; ``wait``: seconds to wait for the outcome (None:
  :func:`default_wait`; 0: answered once recorded).
- :class:`ListQueue`, :class:`Retry`, :class:`Cancel`: ``dispatch-mail outbox [retry|cancel ID]``.
- :class:`Open`: a second start of the window hands its link to the window that runs (one window).

The answer is a :class:`Reply` (exit code, standard output and error). On the wire (app/core/scripts/doors.py,
app/core/scripts/door_server.py) a request is a JSON head and the bytes it names (a message's text, its attachments, a
message as it is) after it: :func:`encode` / :func:`decode`. Both sides name :data:`VERSION`, and a door and a
command of different versions refuse each other in words (:func:`other_version`).
"""

from __future__ import annotations

import json
import math
import os
from collections import namedtuple
from datetime import datetime

# Light on purpose: a command imports this module on its way to a door, in a process that starts for that one
# request (bench/bench_command.py, the hand-over). The requests are named tuples, not dataclasses (the dataclasses
# module loads inspect and its parsers, the longest import on that path), and the domain's models are loaded only
# where a draft is encoded or decoded. Being tuples, two requests of different kinds holding the same values
# compare equal: tell them apart by their type (``isinstance``), as everything here does.

# the door's protocol: a request's first line names it (app.core.scripts.doors.MAGIC), and a door answers with its own
VERSION = 5

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


class File(namedtuple("File", "name path data")):
    """A file ``send --attach`` read: its ``name`` as the command named it, ``path`` where it resolved to (the
    journal keeps it), its bytes."""

    __slots__ = ()


class Options(namedtuple("Options", "to cc bcc reply_to sender subject body html importance headers attachments "
                                    "read_receipt delivery_receipt",
                         defaults=((), (), (), (), None, "", "", False, "", (), (), False, False))):
    """``send``'s message as its options give it, read at the edge (its files, its text, the shape of each value)
    and made into a :class:`Draft` behind the door (app/core/scripts/send_options.py: the addresses read, the
    headers and the whole message checked, as Compose checks one). ``to``, ``cc``, ``bcc``, ``reply_to``: each
    option's values as typed (one may hold several addresses); ``sender``: ``--from`` as typed (None: the
    account's own); ``importance``: "" (normal), "low" or "high"; ``headers``: (name, value) pairs;
    ``attachments``: :class:`File` records; ``read_receipt``, ``delivery_receipt``: the receipts asked for
    (``--read-receipt``, ``--delivery-receipt``; the window's defaults for new messages never apply here)."""

    __slots__ = ()

    def changed(self, **fields) -> Options:
        """These options with ``fields`` changed (a name in ``to`` replaced by its address, behind the door)."""
        return self._replace(**fields)


class Submit(namedtuple("Submit", "draft mime envelope sender full_name local_sender later account json wait quiet "
                                  "options no_check",
                        defaults=(None, None, (), None, "", False, None, "", False, None, False, None, False))):
    """One message for the queue. ``options``: ``send``'s options (:class:`Options`), made into the ``draft``
    behind the door (``draft`` None until then). Else ``draft``: for a message sent as it is (``mime``, an
    ``app.core.outbox.mime_send.MimeToSend``), the fields the Outbox lists it by (To, Cc, its Bcc: those of
    ``envelope`` (a tuple of recipients) its headers do not show, Subject). ``sender``: ``-f`` (None: the account's own; ``send``'s
    ``--from`` is in its options); ``local_sender``: ``-f`` named a local user ("root", as cron gives it), not an
    address; ``full_name``: ``-F``. ``later``: when Send later sends it (None: now). ``quiet``: nothing said when
    it went (sendmail's way). ``wait``: seconds to wait for the outcome (None: :func:`default_wait`; 0: answered
    once recorded). ``no_check``: an address in one of the organisation's own domains goes without asking the
    directory whether it knows it (``--no-check``; app/core/scripts/directory_check.py)."""

    __slots__ = ()

    def changed(self, **fields) -> Submit:
        """This request with ``fields`` changed (``dataclasses.replace`` of a tuple)."""
        return self._replace(**fields)


class ListQueue(namedtuple("ListQueue", "account json", defaults=("", False))):
    """``dispatch-mail outbox``: what waits in the account's Outbox."""

    __slots__ = ()


class Retry(namedtuple("Retry", "id account json", defaults=("", False))):
    """``dispatch-mail outbox retry ID`` (``id``: the entry's ID, or its first characters)."""

    __slots__ = ()


class Cancel(namedtuple("Cancel", "id account json", defaults=("", False))):
    """``dispatch-mail outbox cancel ID``."""

    __slots__ = ()


class Open(namedtuple("Open", "link account json", defaults=("", "", False))):
    """A second start of the window (``dispatch-mail [LINK]``, from a desktop link, the menu or a script) for the
    account whose window has its door: that window comes forward and opens ``link`` (a ``mailto:`` link, or an
    ``.eml`` file's absolute path; "": nothing more). Only a window answers it; a command driving the queue says
    no, and the start opens a window of its own."""

    __slots__ = ()


Request = Submit | ListQueue | Retry | Cancel | Open
KINDS = {"submit": Submit, "list": ListQueue, "retry": Retry, "cancel": Cancel, "open": Open}


class Reply(namedtuple("Reply", "exit out err", defaults=("", ""))):
    """A command's answer: its exit code and what it says on standard output and error."""

    __slots__ = ()

    def as_dict(self) -> dict:
        return {"exit": self.exit, "out": self.out, "err": self.err}


def other_version(theirs: int | str) -> Reply:
    """The answer when a command and the door it knocks at speak different versions of the protocol."""
    return Reply(69, err=f"This dispatch-mail and the Dispatch that has the account's Outbox open are different "
                         f"versions (door protocol {VERSION} and {theirs}): run the same version of both (after an "
                         "upgrade, restart Dispatch). Nothing was sent.\n")


# ------------------------------------------------------------------ on the wire
# the routes of a start of the window (:class:`Open`), asked in turn: the window that shows the account set up (the
# default account), then a window that runs, whatever account it shows (neither looks like an address, and a
# command's ``--account`` must be one)
SET_UP_WINDOW_ROUTE, WINDOW_ROUTE = "*set-up", "*"


def route(account: str) -> bytes:
    """What a door is told first, to say whether the command is its account's (before the command reads any file):
    the account its ``--account`` names ("": the one set up)."""
    return json.dumps({"account": account}).encode("utf-8")


def account_of(route_bytes: bytes) -> str:
    """The account a :func:`route` names ("": the one set up); ValueError when it is not one."""
    account = json.loads(route_bytes.decode("utf-8")).get("account")
    if not isinstance(account, str):
        raise ValueError("no account")
    return account


def encode(request: Request) -> tuple[bytes, bytes]:
    """``request`` as a JSON head and the bytes it names, one after the other (their sizes in the head)."""
    kind = next(name for name, cls in KINDS.items() if isinstance(request, cls))
    head: dict = {"version": VERSION, "kind": kind, "account": request.account, "json": request.json}
    if not isinstance(request, Submit):
        if isinstance(request, (Retry, Cancel)):
            head["id"] = request.id
        if isinstance(request, Open):
            head["link"] = request.link
        return json.dumps(head, ensure_ascii=False).encode("utf-8"), b""
    if request.options is not None:
        o = request.options
        blobs = [o.body.encode("utf-8"), *(f.data for f in o.attachments)]
        head["options"] = dict(to=list(o.to), cc=list(o.cc), bcc=list(o.bcc), reply_to=list(o.reply_to),
                               sender=o.sender, subject=o.subject, html=o.html, importance=o.importance,
                               headers=[list(h) for h in o.headers], attachments=[[f.name, f.path] for f in o.attachments],
                               read_receipt=o.read_receipt, delivery_receipt=o.delivery_receipt)
    else:
        from app.storage.draft_codec import draft_meta_json

        d = request.draft
        blobs = [d.body.encode("utf-8"), *(a.content for a in d.attachments)]
        head.update(draft=draft_meta_json(d), local_id=d.local_id,
                    attachments=[[a.name, a.content_type, a.source_path, a.size] for a in d.attachments])
    if request.mime is not None:
        blobs.append(request.mime.raw)
    head.update(
        mime=None if request.mime is None else [request.mime.message_id, request.mime.added_id],
        envelope=[[r.email, r.name] for r in request.envelope],
        sender=None if request.sender is None else [request.sender.email, request.sender.name],
        full_name=request.full_name, local_sender=request.local_sender,
        later=None if request.later is None else request.later.isoformat(),
        wait=request.wait, quiet=request.quiet, no_check=bool(request.no_check), blobs=[len(b) for b in blobs])
    return json.dumps(head, ensure_ascii=False).encode("utf-8"), b"".join(blobs)


def read_head(head: bytes) -> dict:
    """A request's head; ValueError for anything that is not one of this version."""
    j = json.loads(head.decode("utf-8"))
    if not isinstance(j, dict) or j.get("version") != VERSION or j.get("kind") not in KINDS:
        raise ValueError("not a request of this version")
    sizes = j.get("blobs", [])
    if not isinstance(sizes, list) or not all(isinstance(n, int) and n >= 0 for n in sizes):
        raise ValueError("bad sizes")
    return j


def blobs_size(head: dict) -> int:
    return sum(head.get("blobs", []))


def message_size(head: dict) -> int:
    """The size of the message as it is a :class:`Submit` carries (-1: none), known before its bytes are read."""
    return head["blobs"][-1] if head.get("mime") and head.get("blobs") else -1


def decode(head: dict, data: bytes) -> Request:
    """The request ``head`` (:func:`read_head`) and the bytes after it make; ValueError (or KeyError, TypeError)
    for anything malformed."""
    kind = KINDS[head["kind"]]
    account, as_json = _text(head.get("account")), bool(head.get("json"))
    if kind is ListQueue:
        return ListQueue(account, as_json)
    if kind in (Retry, Cancel):
        return kind(_text(head.get("id")), account, as_json)
    if kind is Open:
        return Open(_text(head.get("link")), account, as_json)
    blobs, at = [], 0
    for n in head["blobs"]:
        blobs.append(data[at:at + n])
        at += n
    if at != len(data):
        raise ValueError("bytes left over")
    body, rest = blobs[0].decode("utf-8"), blobs[1:]
    raw = rest.pop() if head.get("mime") else None
    if "options" in head:
        if raw is not None:
            raise ValueError("options with a message as it is")
        return Submit(options=_options(head["options"], body, rest), later=_later(head.get("later")),
                      account=account, json=as_json, wait=_seconds(head.get("wait")),
                      no_check=head.get("no_check") is True)
    from app.domain.models import Attachment, Recipient
    from app.storage.draft_codec import draft_from_json

    attachments = [Attachment(name, content, kind_, source_path=path, size=size)
                   for (name, kind_, path, size), content in zip(head["attachments"], rest, strict=True)]
    draft = draft_from_json(_text(head.get("local_id")), head["draft"], attachments, body=body)
    mime = None
    if raw is not None:
        from app.core.outbox.mime_send import MimeToSend

        mime = MimeToSend(raw, _text(head["mime"][0]), bool(head["mime"][1]))
    return Submit(draft, mime, envelope=tuple(Recipient(e, n) for e, n in head.get("envelope") or ()),
                  sender=Recipient(*head["sender"]) if head.get("sender") else None,
                  full_name=_text(head.get("full_name")), local_sender=bool(head.get("local_sender")),
                  later=_later(head.get("later")), account=account, json=as_json, wait=_seconds(head.get("wait")),
                  quiet=bool(head.get("quiet")), no_check=head.get("no_check") is True)


def _options(o: dict, body: str, contents: list[bytes]) -> Options:
    files = [File(_text(name), _text(path), data) for (name, path), data in zip(o["attachments"], contents, strict=True)]
    sender = o.get("sender")
    return Options(to=_texts(o["to"]), cc=_texts(o["cc"]), bcc=_texts(o["bcc"]), reply_to=_texts(o["reply_to"]),
                   sender=None if sender is None else _text(sender), subject=_text(o["subject"]), body=body,
                   html=bool(o.get("html")), importance=_text(o.get("importance")),
                   headers=tuple((_text(n), _text(v)) for n, v in o["headers"]), attachments=tuple(files),
                   read_receipt=o.get("read_receipt") is True, delivery_receipt=o.get("delivery_receipt") is True)


def _later(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _seconds(value) -> float | None:
    return float(value) if value is not None else None


def _texts(values) -> tuple[str, ...]:
    if not isinstance(values, list):
        raise ValueError("not a list")
    return tuple(_text(v) for v in values)


def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value
