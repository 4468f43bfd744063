"""``dispatch-mail.1``, the man page, written from the same definitions the parsers are built from: the window's
options (:data:`app.cli.WINDOW_OPTIONS`, passed in) and every command's (:data:`app.command.spec.COMMANDS`), so an
option added there is on the page at the next build. Pure functions, no Qt; packaging/linux/make_packages.py
writes the page into the ``.deb``.

Text is data, never roff: :func:`roff_text` escapes what groff would read as a request or an escape.

The page is written in English, French and German: every sentence on it is marked for the catalogue
(``QT_TRANSLATE_NOOP("ManPage", ...)``, here and where the options are defined), and :func:`man_page` takes the
catalogue's lookup (``tr``: context, English -> translation, "" when it has none). The package build passes a
``QTranslator``'s (packaging/linux/make_packages.py); the commands themselves print English.
"""

from __future__ import annotations

from collections.abc import Callable

from app.command import argshape
from app.command.argshape import OptionLike
from app.core.scripts import exits
from app.domain.words import QT_TRANSLATE_NOOP

# the catalogue context of every sentence on the page
CONTEXT = "ManPage"

NAME = "dispatch-mail"
SUMMARY = QT_TRANSLATE_NOOP("ManPage", "keyboard-driven mail composer for Microsoft Exchange, and its commands for "
                                       "scripts")

# what each exit code of app.core.scripts.exits (sysexits.h) means to a script
EXIT_WORDS: dict[str, str] = {
    "EX_OK": QT_TRANSLATE_NOOP("ManPage", "the message was accepted (sent), or the command did what it was asked"),
    "EX_USAGE": QT_TRANSLATE_NOOP("ManPage", "the command was used wrongly: an unknown option, options that do not "
                                             "go together, a time --later does not understand"),
    "EX_DATAERR": QT_TRANSLATE_NOOP("ManPage", "the message is bad: no recipients, an invalid address, a recipient "
                                               "domain the DNS says does not exist, a name the organisation's "
                                               "directory knows as several entries or none, an address of the "
                                               "organisation's own domains it does not know, too large, a line "
                                               "break in --subject or --header, 8-bit text without a charset, a "
                                               "malformed message; nothing was queued"),
    "EX_NOINPUT": QT_TRANSLATE_NOOP("ManPage", "a file named cannot be read, or there is no message on standard "
                                               "input"),
    "EX_UNAVAILABLE": QT_TRANSLATE_NOOP("ManPage", "the service is unavailable (a recipient named by a name while "
                                                   "the directory cannot be asked: nothing was queued)"),
    "EX_CANTCREAT": QT_TRANSLATE_NOOP("ManPage", "dispatch-mail account: the settings file could not be written; "
                                                 "nothing was set up or taken off"),
    "EX_TEMPFAIL": QT_TRANSLATE_NOOP("ManPage", "not sent yet: the message is queued and is tried again later; do "
                                                "not send it again"),
    "EX_NOPERM": QT_TRANSLATE_NOOP("ManPage", "refused by the server (permission)"),
    "EX_CONFIG": QT_TRANSLATE_NOOP("ManPage", "not configured: no account is set up"),
}

ENVIRONMENT: tuple[tuple[str, str], ...] = (
    ("DISPATCH_HOME", QT_TRANSLATE_NOOP("ManPage", "one folder for everything Dispatch keeps: $DISPATCH_HOME/config, "
                                                   "$DISPATCH_HOME/data (the journal) and $DISPATCH_HOME/logs, "
                                                   "instead of the platform's folders")),
    ("DISPATCH_COLOR_SCHEME", QT_TRANSLATE_NOOP("ManPage", "dark or light: the window's theme, whatever the "
                                                           "desktop's")),
    ("DISPATCH_DNS", QT_TRANSLATE_NOOP("ManPage", "the resolver asked whether each recipient's domain exists "
                                                  "before a send (a domain that does not exist: 65): unset or system, "
                                                  "the system's; off, no look-up; HOST[:PORT], comma-separated, "
                                                  "these. A look-up waits at most 1 s; no answer never stops a "
                                                  "send. The look-ups tell the resolver the recipients' domains")),
    ("DISPATCH_MAIL_WAIT", QT_TRANSLATE_NOOP("ManPage", "how many seconds send and sendmail wait for the outcome when "
                                                        "--wait is not given (default 30); every command ends within "
                                                        "its wait and a few seconds, the message queued (75) when it "
                                                        "is not sent by then")),
    ("DISPATCH_UNDO_SEND_DEFAULT", QT_TRANSLATE_NOOP("ManPage", "the undo-send delay in seconds when the user never "
                                                                "chose one (default 10)")),
    ("LANGUAGE, LC_ALL, LC_MESSAGES, LANG", QT_TRANSLATE_NOOP("ManPage", "the window's language (English, French or "
                                                                         "German), unless one is chosen in its "
                                                                         "settings; the commands print English")),
    ("XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME", QT_TRANSLATE_NOOP("ManPage", "where the platform's folders are "
                                                                                    "(see FILES)")),
    ("XDG_RUNTIME_DIR", QT_TRANSLATE_NOOP("ManPage", "the user's runtime folder, where the running window listens for "
                                                     "the commands (a socket only the user may open)")),
)

FILES: tuple[tuple[str, str], ...] = (
    ("~/.config/Dispatch/", QT_TRANSLATE_NOOP("ManPage", "settings and accounts")),
    ("~/.local/share/Dispatch/", QT_TRANSLATE_NOOP("ManPage", "the journal: drafts and the Outbox, the one queue the "
                                                              "window and the commands share")),
    ("~/.local/state/Dispatch/log/", QT_TRANSLATE_NOOP("ManPage", "logs (no message content, no secrets)")),
)

EXAMPLES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ManPage", "Set up an Exchange account on a server with no desktop (the password is asked on "
                                  "the terminal):"),
     "dispatch-mail account add --email ann@example.com --find-server"),
    (QT_TRANSLATE_NOOP("ManPage", "Set up a Microsoft 365 account, signing in with a code on another device:"),
     "dispatch-mail account add --microsoft-365 --email ann@contoso.com \\\n"
     "    --application-id 11111111-2222-3333-4444-555555555555"),
    (QT_TRANSLATE_NOOP("ManPage", "Send a message built from options, with an attachment:"),
     'dispatch-mail send --to bob@example.com --subject "Nightly report" \\\n'
     "    --body-file report.txt --attach report.pdf"),
    (QT_TRANSLATE_NOOP("ManPage", "Send a message file as it is:"), "dispatch-mail send message.eml"),
    (QT_TRANSLATE_NOOP("ManPage", "A patch series with git send-email:"),
     'git send-email --sendmail-cmd="dispatch-mail sendmail" *.patch'),
    (QT_TRANSLATE_NOOP("ManPage", "neomutt, in ~/.neomuttrc:"), 'set sendmail="dispatch-mail sendmail"'),
    (QT_TRANSLATE_NOOP("ManPage", "cron, a line of crontab(5):"),
     '0 7 * * * df -h | dispatch-mail send --to ops@example.com --subject "disk space" --body-file -'),
    (QT_TRANSLATE_NOOP("ManPage", "Who the directory knows by a name, then a message to one of them by name:"),
     'dispatch-mail lookup carol\ndispatch-mail send --to "Carol Clark" --subject "Budget" --body-file budget.txt'),
    (QT_TRANSLATE_NOOP("ManPage", "What waits in the Outbox, then retry one entry:"),
     "dispatch-mail outbox\ndispatch-mail outbox retry ID"),
)

SEE_ALSO = (("git-send-email", 1), ("neomutt", 1), ("mail", 1), ("crontab", 5), ("systemd.timer", 5),
            ("sendmail", 8), ("msmtp", 1))


# ------------------------------------------------------------------ roff
def roff_text(text: str) -> str:
    """``text`` as roff prints it: backslashes and hyphens escaped, characters beyond ASCII named, and a line
    that starts with a dot or an apostrophe (a request to groff) made plain with ``\\&``. Line breaks stay."""
    out = []
    for line in text.split("\n"):
        line = "".join(_char(c) for c in line)
        out.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(out)


def _char(c: str) -> str:
    if c == "\\":
        return "\\e"
    if c == "-":
        return "\\-"
    if ord(c) < 32 or c == "\x7f":
        return " "  # a control character has no place on a man page
    if ord(c) > 126:
        return f"\\[u{ord(c):04X}]"
    return c


def _bold(text: str) -> str:
    return f"\\fB{roff_text(text)}\\fR"


def _italic(text: str) -> str:
    return f"\\fI{roff_text(text)}\\fR"


# ------------------------------------------------------------------ the page
class _Words:
    """The page's sentences in its language: ``tr(CONTEXT, english)`` or, where it has none, the English."""

    def __init__(self, tr: Callable[[str, str], str] | None):
        self._tr = tr

    def __call__(self, text: str) -> str:
        return (self._tr(CONTEXT, text) if self._tr is not None else "") or text

    def sentence(self, text: str) -> str:
        return _sentence(self(text))


def man_page(commands: dict[str, tuple[str, tuple[OptionLike, ...]]],
             window_options: tuple[tuple[str, tuple[OptionLike, ...]], ...], *, version: str,
             description: str = "", epilog: str = "", tr: Callable[[str, str], str] | None = None) -> str:
    """The whole page (roff, man(7) macros); ``tr`` the catalogue's lookup for a page in another language."""
    t = _Words(tr)
    manual = t(QT_TRANSLATE_NOOP("ManPage", "User Commands"))
    out = [f'.TH {roff_text(NAME.upper())} 1 "" "{roff_text(NAME)} {roff_text(version)}" "{roff_text(manual)}"',
           _heading(t(QT_TRANSLATE_NOOP("ManPage", "NAME"))), f"{roff_text(NAME)} \\- {roff_text(t(SUMMARY))}"]
    out += _synopsis(commands, t)
    out += _description(commands, t(description), t(epilog), t)
    out += [_heading(t(QT_TRANSLATE_NOOP("ManPage", "OPTIONS"))),
            roff_text(t(QT_TRANSLATE_NOOP("ManPage", "The window's options (with no command):")))]
    out += _option(_HELP, t)
    for title, options in window_options:
        if title:
            out += [".PP", _italic(t(title)) + ":"]
        for opt in options:
            out += _option(opt, t)
    out += [_heading(t(QT_TRANSLATE_NOOP("ManPage", "COMMANDS")))]
    for name, (what, options) in commands.items():
        out += [".SS " + _bold(f"{NAME} {name}"), roff_text(t.sentence(what))]
        for opt in (_HELP, *options):
            out += _option(opt, t)
    out += _exit_status(t)
    out += [_heading(t(QT_TRANSLATE_NOOP("ManPage", "ENVIRONMENT")))]
    out += [line for name, words in ENVIRONMENT for line in (".TP", _bold(name), roff_text(t.sentence(words)))]
    out += [_heading(t(QT_TRANSLATE_NOOP("ManPage", "FILES")))]
    out += [line for path, words in FILES for line in (".TP", _italic(path), roff_text(t.sentence(words)))]
    out += [_heading(t(QT_TRANSLATE_NOOP("ManPage", "EXAMPLES")))]
    for words, code in EXAMPLES:
        out += [".PP", roff_text(t(words)), ".PP", ".RS 4", ".nf", roff_text(code), ".fi", ".RE"]
    out += [_heading(t(QT_TRANSLATE_NOOP("ManPage", "SEE ALSO"))),
            ",\n".join(f"{_bold(page)}({section})" for page, section in SEE_ALSO)]
    return "\n".join(out) + "\n"


def _heading(title: str) -> str:
    """A section heading; quoted, as a translated one may have spaces (EXIT STATUS, VOIR AUSSI)."""
    return f'.SH "{roff_text(title)}"'


class _Help:
    flags = ("-h", "--help")
    help = QT_TRANSLATE_NOOP("ManPage", "print the usage and exit")
    kwargs = {"action": "help"}


_HELP = _Help()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _synopsis(commands, t: _Words) -> list[str]:
    out = [_heading(t(QT_TRANSLATE_NOOP("ManPage", "SYNOPSIS"))),
           _bold(NAME) + " [" + _italic(t(QT_TRANSLATE_NOOP("ManPage", "OPTIONS"))) + "]"]
    for name, (_what, options) in commands.items():
        out += [".br", _bold(f"{NAME} {name}") + " " + " ".join(_usage(opt) for opt in options)]
    return out


def _usage(opt: OptionLike) -> str:
    """One option in the synopsis: [--to ADDR]..., [FILE.eml]."""
    if argshape.is_positional(opt):
        shown = _italic(argshape.metavar(opt))
        shown = f"[{shown}]" if argshape.optional(opt) else shown
    else:
        shown = _bold(opt.flags[0])
        if argshape.takes_value(opt):
            shown += " " + _italic(argshape.metavar(opt))
        shown = f"[{shown}]"
    return shown + ("\\&..." if argshape.repeatable(opt) else "")


def _description(commands, description: str, epilog: str, t: _Words) -> list[str]:
    out = [_heading(t(QT_TRANSLATE_NOOP("ManPage", "DESCRIPTION"))), roff_text(description), ".PP", roff_text(epilog),
           ".PP", roff_text(t(QT_TRANSLATE_NOOP("ManPage", "With a command as its first word, dispatch-mail runs "
                                                           "without the window (and without a display), for scripts "
                                                           "and servers:")))]
    for name, (what, _options) in commands.items():
        out += [".TP", _bold(name), roff_text(t.sentence(what))]
    out += [".PP", roff_text(t(QT_TRANSLATE_NOOP(
        "ManPage", "A message a command accepts is recorded in the same journal and Outbox the window uses before "
                   "the command returns. When the window is running for the account, the message is handed to it "
                   "and shows in its Outbox; otherwise the command sends it itself. What is left is sent by the "
                   "next command or the next start of the window, and a message handed over twice (the same "
                   "Message-ID) goes out once.")))]
    return out


def _option(opt: OptionLike, t: _Words) -> list[str]:
    if argshape.is_positional(opt):
        head = _italic(argshape.metavar(opt))
    else:
        head = ", ".join(_bold(flag) for flag in opt.flags)
        if argshape.takes_value(opt):
            head += " " + _italic(argshape.metavar(opt))
    return [".TP", head, roff_text(t.sentence(opt.help))]


def exit_codes() -> list[tuple[int, str]]:
    """(code, its words) for every ``EX_`` constant of app.core.scripts.exits, lowest first; KeyError names a
    constant :data:`EXIT_WORDS` does not explain."""
    names = [n for n in vars(exits) if n.startswith("EX_") and isinstance(getattr(exits, n), int)]
    return sorted((getattr(exits, n), EXIT_WORDS[n]) for n in names)


def _exit_status(t: _Words) -> list[str]:
    out = [_heading(t(QT_TRANSLATE_NOOP("ManPage", "EXIT STATUS"))),
           roff_text(t(QT_TRANSLATE_NOOP("ManPage", "The commands exit with the codes of sysexits.h, as sendmail(8) "
                                                    "and msmtp do:")))]
    for code, words in exit_codes():
        out += [".TP", _bold(str(code)), roff_text(t.sentence(words))]
    return out
