"""``dispatch-mail status``: did it arrive? Each recipient of a sent message delivered, read, not delivered (what
happened and what to do, with the server's code) or no news, from the reports Exchange put in the account's Inbox
(the same watch and book as the window's: :mod:`app.core.delivery.watch`).

- ``status MESSAGE-ID``: that message (its recipients from its copy in Sent Items, and any a report names).
- ``status --failed [--since AGE]``: every message a report of that age says did not reach someone (a cron job
  mails itself the list).
- ``--json``: ``{"messages": [{"message_id", "subject", "recipients": [{"address", "state", "when", "status",
  "what", "fix"}]}]}``.

Exit codes: 0 every recipient delivered, read or no news; 1 a report says one was not reached; sysexits.h's for
the rest, as the other commands (64 usage, 69 the server unreachable, 77 refused, 78 not configured). Read only:
it sends nothing and takes no lock (the window may run meanwhile).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from datetime import datetime, timedelta, timezone

from app.command.spec import STATUS_OPTIONS, add_options
from app.core.scripts.exits import EX_NOPERM, EX_OK, EX_UNAVAILABLE, EX_USAGE, CommandError

EX_FAILED = 1  # a report says a recipient was not reached (the contract for scripts)
_AGE = re.compile(r"^\s*(\d{1,6})\s*([mhd])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise CommandError(EX_USAGE, f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dispatch-mail status", allow_abbrev=False,
                description="did it arrive? each recipient of a sent message, from the reports in the Inbox")
    add_options(p, STATUS_OPTIONS)
    return p


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        since = _since(args)
        code, out = asyncio.run(_run(args, since))
    except CommandError as e:
        print(e.message, file=sys.stderr, flush=True)
        return e.exit_code
    sys.stdout.write(out)
    sys.stdout.flush()
    return code


def _since(args) -> timedelta | None:
    """``--since AGE`` as a time span (None: not given); what does not go together is a usage error."""
    if bool(args.message_id) == bool(args.failed):
        raise CommandError(EX_USAGE, "dispatch-mail status: give a MESSAGE-ID, or --failed (not both)")
    if args.since is None:
        return None
    if not args.failed:
        raise CommandError(EX_USAGE, "dispatch-mail status: --since goes with --failed")
    m = _AGE.match(args.since)
    if m is None:
        raise CommandError(EX_USAGE, f"dispatch-mail status: --since {args.since!r}: an age such as 30m, 12h or 1d")
    return timedelta(**{_UNITS[m.group(2).lower()]: int(m.group(1))})


def message_id(text: str) -> str:
    """A Message-ID as the headers have it: with its angle brackets."""
    text = text.strip()
    return text if text.startswith("<") else f"<{text.strip('<>')}>"


async def _run(args, since: timedelta | None) -> tuple[int, str]:
    from app.command.account import chosen_account, session_for
    from app.core.delivery.watch import DeliveryWatch
    from app.mail.errors import MailError
    from app.storage.delivery_book import DeliveryBookStore
    from app.storage.journal import default_path
    from app.storage.settings import Settings

    account = chosen_account(Settings(), args.account or "")
    session = session_for(account, args.password_env or "")
    try:
        watch = DeliveryWatch(session, DeliveryBookStore(default_path().parent / "delivery"), account.key)
        await watch.check()
        wanted = [message_id(args.message_id)] if args.message_id else _failed_ids(watch, since)
        messages = [await _message(session, watch, mid) for mid in wanted]
    except MailError as exc:
        from app.domain.models import ErrorKind

        raise CommandError(EX_NOPERM if exc.kind == ErrorKind.AUTH else EX_UNAVAILABLE,
                           f"dispatch-mail status: {exc}") from None
    finally:
        session.close()
    code = EX_FAILED if any(r["state"] == "failed" for m in messages for r in m["recipients"]) else EX_OK
    return code, (json.dumps({"messages": messages}, indent=2, ensure_ascii=False) + "\n" if args.json
                  else _text(messages, bool(args.message_id)))


def _failed_ids(watch, since: timedelta | None) -> list[str]:
    """The messages a report received in ``since`` (None: every report kept) says did not reach someone."""
    from app.domain.delivery import failed

    start = datetime.now(timezone.utc) - since if since is not None else None
    ids = {r.original_id for r in watch.book.reports.values() if start is None or r.received >= start}
    return sorted(mid for mid in ids if failed(watch.standing(mid)))


async def _message(session, watch, mid: str) -> dict:
    """One message: its subject and each recipient's state (those of its copy in Sent Items, then any other a
    report names)."""
    from app.domain.delivery import Fate, RecipientNews
    from app.domain.models import Folder

    standing = watch.standing(mid)
    subject, recipients = "", []
    refs = (await session.find_by_message_ids([mid])).get(mid, {}).get(Folder.SENT, [])
    if refs:
        sent = await session.get_message(refs[0])
        subject = sent.subject
        recipients = [r.email.strip().lower() for r in (*sent.to, *sent.cc, *sent.bcc)]
    named = recipients + sorted(a for a in standing if a not in recipients)
    return {"message_id": mid, "subject": subject, "found": bool(refs),
            "recipients": [_recipient(standing.get(a) or RecipientNews(a, Fate.NO_NEWS)) for a in named]}


def _recipient(news) -> dict:
    from app.domain.delivery_words import failure_words, fate_words

    what, fix = failure_words(news) if news.fate.value == "failed" else (fate_words(news), "")
    return {"address": news.address, "state": news.fate.value, "when": news.when.isoformat() if news.when else None,
            "status": news.status, "what": str(what), "fix": str(fix)}


def _text(messages: list[dict], one: bool) -> str:
    if not messages:
        return "No report says a message did not arrive.\n"
    lines = []
    for m in messages:
        lines.append(f"{m['message_id']}" + (f" “{m['subject']}”" if m["subject"] else ""))
        if one and not m["found"] and not m["recipients"]:
            lines.append("  nothing is known of it: no copy in Sent Items, and no report names it")
        for r in m["recipients"]:
            said = r["what"] + (f" {r['fix']}" if r["fix"] else "") + (f" ({r['status']})" if r["status"] else "")
            lines.append(f"  {r['address']}: {said}")
    return "\n".join(lines) + "\n"
