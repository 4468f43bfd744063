"""What every ``dispatch-mail`` command takes, as data (:class:`Option`): the parsers are built from it, and so
are the man page (``dispatch-mail.1``) and the bash and zsh completions the ``.deb`` installs."""

from __future__ import annotations

from app.core.send_command import COMMANDS as _QUEUE_COMMANDS
from app.core.send_command import Option

SIGNIN_OPTIONS: tuple[Option, ...] = (
    Option(("--device-code",), "Microsoft 365: sign in with a code shown here, on another device's browser",
           {"action": "store_true"}),
    Option(("--account",), "the account to sign in to, when more than one is set up", {"metavar": "ADDRESS"}),
)

#: name -> (what it does, its options), in the order the man page lists them
COMMANDS: dict[str, tuple[str, tuple[Option, ...]]] = {
    **_QUEUE_COMMANDS,
    "sign-in": ("sign in without the window: Microsoft 365 by device code, or an Exchange password into the "
                "system keyring", SIGNIN_OPTIONS),
}
