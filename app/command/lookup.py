"""``dispatch-mail lookup NAME [--json]``: who the organisation's directory knows by a name (or the beginning of a
name or an address), as a script or a shell user asks before writing to someone: each match's name, address and,
where the directory says them, title, department and office (:mod:`app.core.scripts.directory_rows`). The same
look-up ``send --to NAME`` resolves a name with (app/core/scripts/directory_check.py).

Exit codes: 0 one match or more; 1 none (as grep(1)); sysexits.h's for the rest, as the other commands (64 usage,
69 the server unreachable, 77 refused, 78 not configured). Read only: it sends nothing and takes no lock (the window
may run meanwhile).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from app.command.spec import COMMANDS, add_options
from app.core.scripts.exits import EX_NOPERM, EX_OK, EX_UNAVAILABLE, EX_USAGE, CommandError

EX_NONE = 1  # nobody matches (grep's "no line selected")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise CommandError(EX_USAGE, f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    description, options = COMMANDS["lookup"]
    p = _Parser(prog="dispatch-mail lookup", description=description, allow_abbrev=False)
    add_options(p, options)
    return p


def main(argv: list[str]) -> int:
    try:
        args = build_parser().parse_args(argv)
        text = " ".join(args.name).strip()
        if not text:
            raise CommandError(EX_USAGE, "dispatch-mail lookup: give a name (or the beginning of one).")
        code, out, err = asyncio.run(_run(args, text))
    except CommandError as e:
        print(e.message, file=sys.stderr, flush=True)
        return e.exit_code
    sys.stdout.write(out)
    sys.stdout.flush()
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    return code


async def _run(args, text: str) -> tuple[int, str, str]:
    """(exit code, standard output, standard error) of one look-up."""
    from app.command.account import chosen_account, session_for
    from app.command.queue import log_privately
    from app.core.scripts.directory_rows import as_json, as_text
    from app.domain.models import ErrorKind
    from app.domain.validation import printable
    from app.mail.errors import DirectoryNotGranted, MailError
    from app.storage.settings import Settings

    log_privately()  # a library's warning ("Multiple results were found") to the private log, not to stderr
    account = chosen_account(Settings(), args.account or "")
    session = session_for(account, args.password_env or "")
    try:
        page, said = await _found(session, text)
    except MailError as exc:
        refused = exc.kind == ErrorKind.AUTH or isinstance(exc, DirectoryNotGranted)
        raise CommandError(EX_NOPERM if refused else EX_UNAVAILABLE,
                           f"dispatch-mail lookup: the organisation's directory could not be asked: {exc}") from None
    finally:
        session.close()
    entries = list(page.entries)
    code = EX_OK if entries else EX_NONE
    if not entries:
        said += f"No one in the organisation's directory matches “{printable(text)}”.\n"
    return code, as_json(entries) if args.json else as_text(entries), said


async def _found(session, text: str):
    """The directory's first page for ``text`` (app.core.scripts.directory_check.entries_for), and what to say of
    what it leaves out: groups the organisation withholds, or the address book itself (then the people the account's
    own name resolution finds are listed)."""
    from app.core.scripts.directory_check import entries_for
    from app.domain.validation import printable

    page, withheld = await entries_for(session, text)
    if withheld is not None:
        missing = f" ({printable(withheld.scope)})" if withheld.scope else ""
        return page, (f"Only the people you work with are listed: the organisation has not granted Dispatch its "
                      f"address book{missing}.\n")
    if page.not_granted:  # people found, groups withheld
        return page, f"Groups are not listed: the organisation has not granted Dispatch {printable(page.not_granted)}.\n"
    return page, ""
