"""What every ``dispatch-mail`` command takes, and what the window's own command line takes, as data: one record
(:class:`Option`). The parsers are built from it (:mod:`app.command.send_args`, :mod:`app.command.window_args`,
:mod:`app.command.signin`, :mod:`app.command.accounts`), and so are the man page (``dispatch-mail.1``:
:mod:`app.command.manpage`) and the bash and zsh completions the ``.deb`` installs (:mod:`app.command.completion`).

Light on purpose: ``dispatch-mail --version`` reads it (no ``typing``, no ``dataclasses``)."""

from __future__ import annotations

from app import APP_NAME, __version__
from app.domain.words import QT_TRANSLATE_NOOP


class Option:
    """One argument of a command line, as argparse takes it: ``flags`` (or a positional's name), its help (words
    the man page translates) and its keywords. A plain class: ``typing`` or ``dataclasses`` would add milliseconds
    to ``--version``."""

    __slots__ = ("flags", "help", "kwargs")

    def __init__(self, flags: tuple[str, ...], help: str, kwargs: dict | None = None):
        self.flags, self.help, self.kwargs = flags, help, dict(kwargs or {})

    def __repr__(self) -> str:
        return f"Option({self.flags!r})"


def add_options(parser, options: tuple[Option, ...]) -> None:
    """Every one of ``options`` into an argparse parser (or one of its groups): the one way a parser is made."""
    for opt in options:
        parser.add_argument(*opt.flags, help=opt.help, **opt.kwargs)


#: the window's options as data, (group title or "", its options): the parser is built from it, and so are the
#: man page and the shell completions (app/command/manpage.py, app/command/completion.py)
WINDOW_OPTIONS: tuple[tuple[str, tuple[Option, ...]], ...] = (
    ("", (
        Option(("--version",), QT_TRANSLATE_NOOP("ManPage", "print the version and exit"),
            {"action": "version", "version": f"{APP_NAME} {__version__}"}),
        Option(("--sandbox",), QT_TRANSLATE_NOOP("ManPage", "use the built-in sandbox mailbox (signs in as "
                                                         "alice@example.com)"), {"action": "store_true"}),
        Option(("--sandbox-graph",), QT_TRANSLATE_NOOP("ManPage", "the built-in sandbox mailbox through Microsoft "
                                                               "Graph (signs in to the sandbox's own authority)"),
            {"action": "store_true"}),
        Option(("--self-test",), QT_TRANSLATE_NOOP("ManPage", "check this installation end to end (built-in sandbox, "
                                                           "offscreen) and print one line"), {"action": "store_true"}),
        Option(("link",), QT_TRANSLATE_NOOP("ManPage", "a mailto: link to open as a new message in Compose (what the "
                                                    "desktop gives its mail program), or an .eml file to send as it "
                                                    "is once its preview is confirmed"),
            {"nargs": "?", "metavar": "MAILTO|FILE.eml"}),
    )),
    (QT_TRANSLATE_NOOP("ManPage", "an account for this run only, not saved (all four together; to set one up: "
                                  "dispatch-mail account add)"), (
        Option(("--ews-url",), QT_TRANSLATE_NOOP("ManPage", "the EWS endpoint, e.g. "
                                                         "https://mail.example.com/EWS/Exchange.asmx (http:// only for "
                                                         "this computer: localhost, 127.0.0.1, ::1)"),
            {"metavar": "URL"}),
        Option(("--email",), QT_TRANSLATE_NOOP("ManPage", "the mailbox's e-mail address"), {"metavar": "ADDR"}),
        Option(("--username",), QT_TRANSLATE_NOOP("ManPage", "the sign-in user name (DOMAIN\\user or UPN)"),
            {"metavar": "USER"}),
        Option(("--password-env",), QT_TRANSLATE_NOOP("ManPage", "name of an environment variable holding the "
                                                                "password"),
            {"metavar": "VARNAME"}),
        Option(("--auth",), QT_TRANSLATE_NOOP("ManPage", "sign-in method: automatic (the server's offer: Kerberos with "
                                                     "your ticket, NTLM, then Basic), basic, ntlm or kerberos "
                                                     "(default automatic)"),
            {"choices": ["automatic", "basic", "ntlm", "kerberos"], "default": "automatic"}),
        Option(("--no-verify-tls",), QT_TRANSLATE_NOOP("ManPage", "do not verify the server's TLS certificate"),
            {"action": "store_true"}),
    )),
)
# an address in one of the organisation's own domains is sent without asking the directory (send and sendmail:
# a long option, which none of sendmail(8)'s or msmtp's single-letter flags can be mistaken for)
NO_CHECK = Option(("--no-check",), QT_TRANSLATE_NOOP("ManPage", "send to an address in one of the organisation's own "
                                                              "domains (the account's, and those of the mailboxes "
                                                              "it sends from) that the directory does not know; "
                                                              "without it, such an address is refused (65) with the "
                                                              "directory's names like it"),
                  {"action": "store_true"})
SEND_OPTIONS: tuple[Option, ...] = (
    Option(("file",), QT_TRANSLATE_NOOP("ManPage", "an RFC 5322 message file (.eml) to send as it is"),
           {"nargs": "?", "metavar": "FILE.eml"}),
    Option(("--to",), QT_TRANSLATE_NOOP("ManPage", "a recipient (repeatable; one may hold several addresses, "
                                                   "separated by commas), or a name the organisation's directory "
                                                   "knows (one name per option: the one person it names, else 65 "
                                                   "with the candidates)"),
           {"action": "append", "default": [], "metavar": "ADDR|NAME"}),
    Option(("--cc",), QT_TRANSLATE_NOOP("ManPage", "a Cc recipient, an address or a name (repeatable)"),
           {"action": "append", "default": [], "metavar": "ADDR|NAME"}),
    Option(("--bcc",), QT_TRANSLATE_NOOP("ManPage", "a Bcc recipient, an address or a name (repeatable)"),
           {"action": "append", "default": [], "metavar": "ADDR|NAME"}),
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
    Option(("--read-receipt",), QT_TRANSLATE_NOOP("ManPage", "ask each recipient's mail program for a read receipt "
                                                             "(Compose's defaults for new messages do not apply to "
                                                             "scripts)"),
           {"action": "store_true"}),
    Option(("--delivery-receipt",), QT_TRANSLATE_NOOP("ManPage", "ask the server for a delivery receipt"),
           {"action": "store_true"}),
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
    NO_CHECK,
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
    NO_CHECK,
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

QUEUE_COMMANDS = {
    "send": (QT_TRANSLATE_NOOP("ManPage", "send a message built from options, or an .eml file as it is"),
             SEND_OPTIONS),
    "sendmail": (QT_TRANSLATE_NOOP("ManPage", "send the RFC 5322 message on standard input (a drop-in for "
                                              "sendmail); its Disposition-Notification-To header asks for a read "
                                              "receipt, Return-Receipt-To for a delivery receipt"),
                 SENDMAIL_OPTIONS),
    "outbox": (QT_TRANSLATE_NOOP("ManPage", "list what waits in the account's Outbox and the messages a report "
                                            "says did not reach someone in the last 7 days, or retry or cancel one "
                                            "entry"), OUTBOX_OPTIONS),
}



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

STATUS_OPTIONS: tuple[Option, ...] = (
    Option(("message_id",), QT_TRANSLATE_NOOP("ManPage", "the Message-ID of a sent message (with or without its "
                                                         "angle brackets), as dispatch-mail send --json prints it"),
           {"nargs": "?", "metavar": "MESSAGE-ID"}),
    Option(("--failed",), QT_TRANSLATE_NOOP("ManPage", "every message a report says did not reach someone (with "
                                                       "--since: reported in that time)"), {"action": "store_true"}),
    Option(("--since",), QT_TRANSLATE_NOOP("ManPage", "with --failed: only reports of the last N minutes, hours or "
                                                      "days (30m, 12h, 1d; at most 30d, the default)"),
           {"metavar": "AGE"}),
    Option(("--account",), QT_TRANSLATE_NOOP("ManPage", "the account whose messages to look at, when more than one is "
                                                        "set up"), {"metavar": "ADDRESS"}),
    Option(("--json",), QT_TRANSLATE_NOOP("ManPage", "print each message's recipients and their state as JSON"),
           {"action": "store_true"}),
    PASSWORD_ENV,
)

LOOKUP_OPTIONS: tuple[Option, ...] = (
    Option(("name",), QT_TRANSLATE_NOOP("ManPage", "a name, or the beginning of a name or an address"),
           {"nargs": "+", "metavar": "NAME"}),
    Option(("--account",), QT_TRANSLATE_NOOP("ManPage", "the account whose organisation to look in, when more than "
                                                        "one is set up"), {"metavar": "ADDRESS"}),
    Option(("--json",), QT_TRANSLATE_NOOP("ManPage", "print the matches as a JSON list of objects (name, address, "
                                                     "and title, department and office when the directory has "
                                                     "them)"), {"action": "store_true"}),
    PASSWORD_ENV,
)

# name -> (what it does, its options), in the order the man page lists them
COMMANDS: dict[str, tuple[str, tuple[Option, ...]]] = {
    **QUEUE_COMMANDS,
    "status": (QT_TRANSLATE_NOOP("ManPage", "did it arrive? each recipient of a sent message delivered, read, not "
                                            "delivered (and why) or no news, from the reports in the Inbox"),
               STATUS_OPTIONS),
    "lookup": (QT_TRANSLATE_NOOP("ManPage", "who the organisation's directory knows by a name: each match's name, "
                                            "address, title, department and office (exit 1: no one)"),
               LOOKUP_OPTIONS),
    "sign-in": (QT_TRANSLATE_NOOP("ManPage", "sign in without the window: Microsoft 365 by device code, or an "
                                             "Exchange password into the system keyring"), SIGNIN_OPTIONS),
    "account": (QT_TRANSLATE_NOOP("ManPage", "set up the account without the window (a server with no desktop), "
                                             "show it, or take it off"), ACCOUNT_OPTIONS),
}
