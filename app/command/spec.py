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

ACCOUNT_OPTIONS: tuple[Option, ...] = (
    Option(("action",), QT_TRANSLATE_NOOP("ManPage", "list (the default): the account set up; add: set one up, "
                                                     "replacing it, once one connection with it worked; remove: take "
                                                     "it off this computer, with its password or sign-in"),
           {"nargs": "?", "default": "list", "choices": ("list", "add", "remove")}),
    Option(("--email",), QT_TRANSLATE_NOOP("ManPage", "add: the mailbox's e-mail address"), {"metavar": "ADDR"}),
    Option(("--ews-url",), QT_TRANSLATE_NOOP("ManPage", "add, Exchange (EWS): the EWS endpoint, e.g. "
                                                        "https://mail.example.com/EWS/Exchange.asmx"),
           {"metavar": "URL"}),
    Option(("--find-server",), QT_TRANSLATE_NOOP("ManPage", "add, Exchange (EWS): find the EWS endpoint from the "
                                                            "address and password (Autodiscover, as Outlook does); a "
                                                            "host you did not type is asked about first"),
           {"action": "store_true"}),
    Option(("--username",), QT_TRANSLATE_NOOP("ManPage", "add, Exchange (EWS): the sign-in user name (DOMAIN\\user "
                                                         "or UPN; default the address)"), {"metavar": "USER"}),
    Option(("--auth",), QT_TRANSLATE_NOOP("ManPage", "add, Exchange (EWS): the sign-in method: automatic (the "
                                                     "server's offer: Kerberos with your ticket, NTLM, then Basic), "
                                                     "basic, ntlm or kerberos (no password asked; default "
                                                     "automatic)"),
           {"choices": ("automatic", "basic", "ntlm", "kerberos"), "default": "automatic"}),
    Option(("--password-env",), QT_TRANSLATE_NOOP("ManPage", "add, Exchange (EWS): the password from the environment "
                                                             "variable VARNAME (else it is asked on the terminal); it "
                                                             "goes into the system keyring"), {"metavar": "VARNAME"}),
    Option(("--microsoft-365",), QT_TRANSLATE_NOOP("ManPage", "add: a Microsoft 365 account, signed in with a code "
                                                              "shown here and entered in a browser on another "
                                                              "device"), {"action": "store_true"}),
    Option(("--application-id",), QT_TRANSLATE_NOOP("ManPage", "add, Microsoft 365: the application (client) ID "
                                                               "your organisation registered (default: the "
                                                               "organisation's defaults file)"), {"metavar": "ID"}),
    Option(("--authority",), QT_TRANSLATE_NOOP("ManPage", "add, Microsoft 365: the sign-in authority (default "
                                                          "https://login.microsoftonline.com/organizations)"),
           {"metavar": "URL"}),
    Option(("--graph-url",), QT_TRANSLATE_NOOP("ManPage", "add, Microsoft 365: the Microsoft Graph URL (default: the "
                                                          "one of the authority's cloud)"), {"metavar": "URL"}),
    Option(("--trust-certificate",), QT_TRANSLATE_NOOP("ManPage", "add: trust exactly the server's (Microsoft 365: "
                                                                  "the sign-in server's) certificate with this SHA-256 "
                                                                  "fingerprint, as the window's Trust this "
                                                                  "certificate does"), {"metavar": "SHA256"}),
    Option(("--plain-token-file",), QT_TRANSLATE_NOOP("ManPage", "add, Microsoft 365, only on a machine with no "
                                                                 "system keyring: keep the tokens in a plain file "
                                                                 "readable by you alone (0600)"),
           {"action": "store_true"}),
    Option(("--json",), QT_TRANSLATE_NOOP("ManPage", "list: print the account as JSON"), {"action": "store_true"}),
)

# name -> (what it does, its options), in the order the man page lists them
COMMANDS: dict[str, tuple[str, tuple[Option, ...]]] = {
    **_QUEUE_COMMANDS,
    "sign-in": (QT_TRANSLATE_NOOP("ManPage", "sign in without the window: Microsoft 365 by device code, or an "
                                             "Exchange password into the system keyring"), SIGNIN_OPTIONS),
    "account": (QT_TRANSLATE_NOOP("ManPage", "set up the account without the window (a server with no desktop), "
                                             "show it, or take it off"), ACCOUNT_OPTIONS),
}
