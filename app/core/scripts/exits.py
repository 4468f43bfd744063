"""The exit codes of every ``dispatch-mail`` command, from ``sysexits.h`` (what sendmail(8) and msmtp return, so
scripts and mail programs read the outcome as they do), and the refusal that carries one. Standard library only:
the command, the door's desk and the man page (app/command/manpage.py lists every ``EX_`` name) share them."""

from __future__ import annotations

EX_OK = 0  # accepted
EX_USAGE = 64  # the command was used wrongly (options that do not go together, an unknown option)
EX_DATAERR = 65  # the message is bad (no recipients, an invalid address, too large, a header injection ...)
EX_NOINPUT = 66  # a file named cannot be read, or there is no message on standard input
EX_UNAVAILABLE = 69  # the service is unavailable
EX_CANTCREAT = 73  # this computer could not write Dispatch's settings (dispatch-mail account)
EX_TEMPFAIL = 75  # not sent yet: queued, tried again later
EX_NOPERM = 77  # refused by the server (permission)
EX_CONFIG = 78  # not configured (no account set up)


class CommandError(Exception):
    """The command cannot go on: ``message`` for standard error, ``exit_code`` one of the ``EX_`` codes."""

    def __init__(self, exit_code: int, message: str):
        super().__init__(message)
        self.exit_code = exit_code
        self.message = message
