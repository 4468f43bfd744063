"""What every ``dispatch-mail`` command takes, as data (:class:`Option`): the parsers are built from it, and so
are the man page (``dispatch-mail.1``) and the bash and zsh completions the ``.deb`` installs."""

from __future__ import annotations

from app.core.send_command import COMMANDS as _QUEUE_COMMANDS
from app.core.send_command import Option
from app.domain.words import QT_TRANSLATE_NOOP

SIGNIN_OPTIONS: tuple[Option, ...] = (
    Option(("--device-code",), QT_TRANSLATE_NOOP("ManPage", "Microsoft 365: sign in with a code shown here, entered "
                                                            "in a browser on another device; the tokens go into the "
                                                            "system keyring"), {"action": "store_true"}),
    Option(("--password-env",), QT_TRANSLATE_NOOP("ManPage", "Exchange (EWS): store the password held in the "
                                                             "environment variable VAR in the system keyring, after "
                                                             "one successful connection with it (never a password on "
                                                             "the command line)"), {"metavar": "VAR"}),
    Option(("--plain-token-file",), QT_TRANSLATE_NOOP("ManPage", "Microsoft 365, only on a machine with no system "
                                                                 "keyring: keep the tokens in a plain file readable "
                                                                 "by you alone (0600) instead of for this run only"),
           {"action": "store_true"}),
    Option(("--account",), QT_TRANSLATE_NOOP("ManPage", "the account to sign in to; it must be the one set up"),
           {"metavar": "ADDRESS"}),
)

#: name -> (what it does, its options), in the order the man page lists them
COMMANDS: dict[str, tuple[str, tuple[Option, ...]]] = {
    **_QUEUE_COMMANDS,
    "sign-in": (QT_TRANSLATE_NOOP("ManPage", "sign in without the window: Microsoft 365 by device code, or an "
                                             "Exchange password into the system keyring"), SIGNIN_OPTIONS),
}
