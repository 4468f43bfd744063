"""What an option definition (:class:`app.command.spec.Option`: ``flags``, ``help``,
``kwargs`` as argparse takes them) means for a reader: a positional or a flag, whether it takes a value, and what
kind of value (a file, an environment variable's name, one of some words). The man page and the shell completions
are written from these answers (:mod:`app.command.manpage`, :mod:`app.command.completion`)."""

from __future__ import annotations

import re
from typing import Protocol

# argparse actions that take no value on the command line
_NO_VALUE = frozenset({"store_true", "store_false", "store_const", "append_const", "count", "help", "version"})
# what a flag or a word offered by a completion may be: anything else would have to be quoted in the scripts
SAFE_WORD = re.compile(r"^-{0,2}[A-Za-z0-9][A-Za-z0-9_.-]*$")


class OptionLike(Protocol):
    flags: tuple[str, ...]
    help: str
    kwargs: dict


def is_positional(opt: OptionLike) -> bool:
    return not opt.flags[0].startswith("-")


def takes_value(opt: OptionLike) -> bool:
    return is_positional(opt) or opt.kwargs.get("action") not in _NO_VALUE


def repeatable(opt: OptionLike) -> bool:
    return opt.kwargs.get("action") in ("append", "append_const", "count") or opt.kwargs.get("nargs") in ("*", "+")


def optional(opt: OptionLike) -> bool:
    """A positional that may be left out."""
    return opt.kwargs.get("nargs") in ("?", "*")


def metavar(opt: OptionLike) -> str:
    """The value's name as the usage line shows it (argparse's rule: metavar, else the dest in capitals)."""
    if opt.kwargs.get("metavar"):
        return str(opt.kwargs["metavar"])
    choices = opt.kwargs.get("choices")
    if choices:
        return "{" + ",".join(choices) + "}"
    if is_positional(opt):
        return opt.flags[0]
    return opt.flags[-1].lstrip("-").replace("-", "_").upper()


def choices(opt: OptionLike) -> tuple[str, ...]:
    return tuple(str(c) for c in opt.kwargs.get("choices") or ())


def value_kind(opt: OptionLike) -> str:
    """``"words"`` (:func:`choices`), ``"file"``, ``"variable"`` (an environment variable's name) or ``""`` (free
    text: an address, a time, a number)."""
    if choices(opt):
        return "words"
    name = metavar(opt).upper()
    if "FILE" in name:
        return "file"
    if name == "VARNAME":
        return "variable"
    return ""


def checked_word(word: str) -> str:
    """``word`` if a shell script may hold it unquoted; ValueError otherwise (the data would break the scripts)."""
    if not SAFE_WORD.match(word):
        raise ValueError(f"{word!r} cannot be offered by a shell completion as it is")
    return word
