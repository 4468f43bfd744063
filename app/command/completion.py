"""bash and zsh completions of ``dispatch-mail``, written from the same definitions the parsers are built from
(:data:`app.command.spec.COMMANDS`, :data:`app.cli.WINDOW_OPTIONS`): the commands, each one's options, the words
an option takes (``--importance low|normal|high``), files where a file is wanted (``--attach``, ``--body-file``,
``FILE.eml``). Pure functions, no Qt; packaging/linux/make_packages.py writes them into the ``.deb``.

Every flag and word goes into the scripts unquoted, so each is checked (:func:`argshape.checked_word`); help text
goes into zsh's descriptions quoted (:func:`_zsh_quote`)."""

from __future__ import annotations

from app.command import argshape
from app.command.argshape import OptionLike, checked_word

NAME = "dispatch-mail"
Commands = dict[str, tuple[str, tuple[OptionLike, ...]]]
WindowOptions = tuple[tuple[str, tuple[OptionLike, ...]], ...]


def _flat(window_options: WindowOptions) -> tuple[OptionLike, ...]:
    return tuple(opt for _title, options in window_options for opt in options)


def _flags(options) -> list[str]:
    return ["-h", "--help"] + [checked_word(f) for opt in options if not argshape.is_positional(opt)
                               for f in opt.flags]


# ------------------------------------------------------------------ bash
def bash_completion(commands: Commands, window_options: WindowOptions) -> str:
    """A bash completion script (``/usr/share/bash-completion/completions/dispatch-mail``): function
    ``_dispatch_mail``, registered with ``complete -F`` for ``dispatch-mail``."""
    names = [checked_word(n) for n in commands]
    out = ["# bash completion for dispatch-mail; written from its option definitions, do not edit",
           "",
           "_dispatch_mail_files() {",
           "    compopt -o filenames 2>/dev/null",
           "    local IFS=$'\\n'",
           "    COMPREPLY=($(compgen -f -- \"$cur\"))",
           "}",
           "",
           "# the words of COMP_WORDS[2 .. COMP_CWORD-1] that are not options nor option values: how many",
           "_dispatch_mail_positionals() {",
           "    local valued=\" $1 \" i n=0",
           "    for ((i = 2; i < COMP_CWORD; i++)); do",
           "        case \"${COMP_WORDS[i]}\" in",
           "            -*) [[ $valued == *\" ${COMP_WORDS[i]} \"* ]] && ((i++)) ;;",
           "            *) ((n++)) ;;",
           "        esac",
           "    done",
           "    echo \"$n\"",
           "}",
           "",
           "_dispatch_mail() {",
           "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
           "    COMPREPLY=()",
           "    if ((COMP_CWORD == 1)) && [[ $cur != -* ]]; then",
           f"        COMPREPLY=($(compgen -W \"{' '.join(names)}\" -- \"$cur\"))",
           "        return",
           "    fi",
           "    local cmd=\"\"",
           "    ((COMP_CWORD > 1)) && cmd=\"${COMP_WORDS[1]}\"",
           "    case \"$cmd\" in"]
    for name, (_what, options) in commands.items():
        out += [f"        {name})"] + _bash_command(options, positional_index=True) + ["            ;;"]
    out += ["        *)"] + _bash_command(_flat(window_options), positional_index=False) + ["            ;;",
            "    esac",
            "}",
            "",
            f"complete -F _dispatch_mail {NAME}",
            ""]
    return "\n".join(out)


def _bash_command(options, *, positional_index: bool) -> list[str]:
    flags = [o for o in options if not argshape.is_positional(o)]
    valued = [f for o in flags if argshape.takes_value(o) for f in o.flags]
    out = ["            case \"$prev\" in"]
    for opt in flags:
        if argshape.takes_value(opt):
            out.append(f"                {'|'.join(checked_word(f) for f in opt.flags)}) {_bash_value(opt)}; return ;;")
    out += ["            esac",
            "            if [[ $cur == -* ]]; then",
            f"                COMPREPLY=($(compgen -W \"{' '.join(_flags(options))}\" -- \"$cur\"))",
            "                return",
            "            fi"]
    positionals = [o for o in options if argshape.is_positional(o)]
    if positionals and positional_index:
        out.append(f"            case $(_dispatch_mail_positionals \"{' '.join(checked_word(f) for f in valued)}\") in")
        for i, opt in enumerate(positionals):
            many = argshape.repeatable(opt) and i == len(positionals) - 1
            pattern = "*" if many else str(i)
            out.append(f"                {pattern}) {_bash_value(opt)} ;;")
        out.append("            esac")
    return out


def _bash_value(opt: OptionLike) -> str:
    kind = argshape.value_kind(opt)
    if kind == "words":
        words = " ".join(checked_word(c) for c in argshape.choices(opt))
        return f"COMPREPLY=($(compgen -W \"{words}\" -- \"$cur\"))"
    if kind == "file":
        return "_dispatch_mail_files"
    if kind == "variable":
        return "COMPREPLY=($(compgen -v -- \"$cur\"))"
    return ":"  # free text (an address, a time, a number): nothing to offer


# ------------------------------------------------------------------ zsh
def zsh_completion(commands: Commands, window_options: WindowOptions) -> str:
    """A zsh completion function file (``/usr/share/zsh/vendor-completions/_dispatch-mail``)."""
    out = [f"#compdef {NAME}", "# zsh completion for dispatch-mail; written from its option definitions, do not edit",
           ""]
    for name, (_what, options) in commands.items():
        fn = _zsh_function(name)
        out += [f"{fn}() {{", "    _arguments -s -S \\"] + _zsh_specs(options) + ["}", ""]
    out += [f"_{NAME}() {{",
            "    local -a commands",
            "    commands=("]
    out += [f"        {_zsh_quote(checked_word(name) + ':' + _zsh_described(what))}" for name, (what, _o) in
            commands.items()]
    out += ["    )",
            "    if ((CURRENT == 2)) && [[ $PREFIX != -* ]]; then",
            "        _describe -t commands 'dispatch-mail command' commands",
            "        return",
            "    fi",
            "    if ((CURRENT > 2)); then",
            "        case $words[2] in"]
    for name in commands:
        out.append(f"            {name}) shift words; ((CURRENT--)); {_zsh_function(name)}; return ;;")
    out += ["        esac",
            "    fi",
            "    _arguments -s -S \\"] + _zsh_specs(_flat(window_options)) + [
            "}",
            "",
            f'_{NAME} "$@"',
            ""]
    return "\n".join(out)


def _zsh_function(command: str) -> str:
    return f"_{NAME}-{checked_word(command)}"


def _zsh_specs(options) -> list[str]:
    specs = ["'(- *)'{-h,--help}'[print the usage and exit]'"]
    position = 0
    for opt in options:
        if argshape.is_positional(opt):
            position += 1
            many = argshape.repeatable(opt)
            where = "*" if many else str(position)
            colons = ":" if many or not argshape.optional(opt) else "::"
            specs.append(_zsh_quote(f"{where}{colons}{_zsh_described(argshape.metavar(opt))}:{_zsh_action(opt)}"))
            continue
        prefix = "*" if argshape.repeatable(opt) else ""
        value = f":{_zsh_described(argshape.metavar(opt))}:{_zsh_action(opt)}" if argshape.takes_value(opt) else ""
        for flag in opt.flags:
            specs.append(_zsh_quote(f"{prefix}{checked_word(flag)}[{_zsh_bracketed(opt.help)}]{value}"))
    return [f"        {s} \\" for s in specs[:-1]] + [f"        {specs[-1]}"]


def _zsh_action(opt: OptionLike) -> str:
    kind = argshape.value_kind(opt)
    if kind == "words":
        return "(" + " ".join(checked_word(c) for c in argshape.choices(opt)) + ")"
    if kind == "file":
        return "_files"
    if kind == "variable":
        return "_parameters"
    return " "  # free text: zsh shows the description, offers nothing


def _zsh_bracketed(text: str) -> str:
    """Text inside an option's ``[...]`` description: a bracket or a backslash would end or escape it."""
    return " ".join(text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").split())


def _zsh_described(text: str) -> str:
    """Text between the colons of a spec (a value's message): a colon would end it."""
    return " ".join(text.replace("\\", "\\\\").replace(":", "\\:").split())


def _zsh_quote(text: str) -> str:
    """``text`` as one single-quoted shell word."""
    return "'" + text.replace("'", "'\\''") + "'"
