"""The man page (``dispatch-mail.1``) and the bash and zsh completions, written from the options' data
(app/command/manpage.py, app/command/completion.py): rendered by groff and man without a warning, naming every
option of every command (read from the data, so an option added there and missing from the page fails), text
escaped so that it can never become roff or shell; the completion scripts parse, and a real bash completion run
offers the commands, their options and the words and files an option takes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.command import window_args as cli
from app.command import argshape
from app.command.completion import bash_completion, zsh_completion
from app.command.manpage import EXIT_WORDS, exit_codes, man_page, roff_text
from app.command.spec import COMMANDS, WINDOW_OPTIONS
from app.core.scripts import exits as send_command
from app.command.spec import Option

needs_groff = pytest.mark.skipif(shutil.which("groff") is None, reason="groff not installed (scripts/bootstrap.sh test)")
needs_zsh = pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh not installed (scripts/bootstrap.sh test)")
HOSTILE = ".TH evil 9\n'br\n\\fBbold\\fR -- and \\\\ a “quote” ]['x:y"


def page(commands=COMMANDS) -> str:
    return man_page(commands, WINDOW_OPTIONS, version=__version__, description=cli.DESCRIPTION,
                    epilog=cli.EPILOG)


def render(source: str, tmp_path) -> tuple[str, str]:
    """groff's text of ``source`` (no hyphenation, long lines, no bold or underline) and its warnings."""
    path = tmp_path / "dispatch-mail.1"
    path.write_text(source, encoding="ascii")  # every character beyond ASCII is escaped
    r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-rLL=400n", "-rHY=0", "-P-cbou", str(path)],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
    assert r.returncode == 0, r.stderr
    return r.stdout, r.stderr


SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT", "FILES",
            "EXAMPLES", "SEE ALSO"]


def headings(text: str) -> list[str]:
    """The section titles of a rendered page, in order (the lines at the left margin but the header and footer)."""
    return [line for line in text.splitlines()[1:-1] if re.match(r"^\S", line)]


def section(text: str, title: str) -> str:
    """The rendered text of a man page section (``title`` up to the next heading at the left margin)."""
    m = re.search(rf"^{re.escape(title)}\n(.*?)(?=^\S)", text, re.M | re.S)
    assert m, f"no section {title}"
    return m.group(1)


def subsection(text: str, title: str) -> str:
    m = re.search(rf"^   {re.escape(title)}\n(.*?)(?=^ {{0,3}}\S|\Z)", text, re.M | re.S)
    assert m, f"no subsection {title}"
    return m.group(1)


# ------------------------------------------------------------------ the man page
TRANSLATED_SECTIONS = {
    "fr": ["NOM", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDES", "CODE DE RETOUR", "ENVIRONNEMENT", "FICHIERS",
           "EXEMPLES", "VOIR AUSSI"],
    "de": ["BEZEICHNUNG", "ÜBERSICHT", "BESCHREIBUNG", "OPTIONEN", "BEFEHLE", "EXIT-STATUS", "UMGEBUNGSVARIABLEN",
           "DATEIEN", "BEISPIELE", "SIEHE AUCH"],
}


@needs_groff
@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_man_page_in_french_and_german(lang, tmp_path):
    """The page the package installs under man/fr and man/de: every sentence on it from the catalogue (none left
    in English), its section titles in the language, and it renders without a warning."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "linux"))
    import make_packages

    lookup = make_packages.catalogue_lookup(lang)
    missing = []

    def tr(context, text):
        found = lookup(context, text)
        if not found:
            missing.append(text)
        return found

    source = man_page(COMMANDS, WINDOW_OPTIONS, version=__version__, description=cli.DESCRIPTION,
                      epilog=cli.EPILOG, tr=tr)
    assert not missing, f"{len(missing)} sentences of the page are not in the {lang} catalogue: {missing[:5]}"
    text, warnings = render(source, tmp_path)
    assert warnings == ""
    assert headings(text) == TRANSLATED_SECTIONS[lang]
    assert "dispatch-mail sendmail" in text


@needs_groff
def test_the_man_page_renders_without_a_warning(tmp_path):
    text, warnings = render(page(), tmp_path)
    assert warnings == ""
    assert text.startswith("DISPATCH-MAIL(1)")
    assert headings(text) == SECTIONS
    if shutil.which("man"):  # man-db's own checks (its preprocessors and groff's warnings)
        r = subprocess.run(["man", "--warnings", "-l", str(tmp_path / "dispatch-mail.1")], capture_output=True,
                           text=True, env=dict(os.environ, MANPAGER="cat", MANWIDTH="80", LC_ALL="C.UTF-8"))
        assert r.returncode == 0 and r.stderr == "", r.stderr


@needs_groff
def test_the_man_page_names_every_option_of_every_command(tmp_path):
    text, _ = render(page(), tmp_path)
    commands = section(text, "COMMANDS")
    synopsis = " ".join(section(text, "SYNOPSIS").split())
    for name, (what, options) in COMMANDS.items():
        body = subsection(commands, f"dispatch-mail {name}")
        assert " ".join(what.split())[1:] in " ".join(body.split())
        for opt in options:
            shown = opt.flags if not argshape.is_positional(opt) else (argshape.metavar(opt),)
            for flag in shown:
                assert re.search(rf"^       (.*, )?{re.escape(flag)}(?=\s)", body, re.M), f"{name} {flag}"
            assert " ".join(opt.help.split())[1:] in " ".join(body.split()), f"{name} {opt.flags}: its help"
            assert shown[0] in synopsis, f"{name} {opt.flags} not in the synopsis"
    window = section(text, "OPTIONS")
    for _title, options in WINDOW_OPTIONS:
        for opt in options:  # a positional (the window's link) by its metavar, as a command's are
            shown = opt.flags[0] if not argshape.is_positional(opt) else argshape.metavar(opt)
            assert re.search(rf"^       {re.escape(shown)}(?=\s)", window, re.M), opt.flags


@needs_groff
def test_a_new_option_shows_on_the_page_with_its_value_and_words(tmp_path):
    """What an engineer adds to the data is on the page at the next build, with nothing else to edit."""
    extra = Option(("--priority-lane",), "which lane the message takes", {"choices": ("fast", "slow")})
    commands = {**COMMANDS, "send": (COMMANDS["send"][0], (*COMMANDS["send"][1], extra))}
    text, warnings = render(page(commands), tmp_path)
    assert warnings == ""
    body = subsection(section(text, "COMMANDS"), "dispatch-mail send")
    assert "       --priority-lane {fast,slow}\n" in body and "Which lane the message takes." in body


@needs_groff
def test_the_exit_status_table_is_every_sysexits_code_the_commands_use(tmp_path):
    text, _ = render(page(), tmp_path)
    table = section(text, "EXIT STATUS")
    codes = {getattr(send_command, n) for n in vars(send_command) if n.startswith("EX_")}
    assert codes == {0, 64, 65, 66, 69, 73, 75, 77, 78}  # 73: dispatch-mail account, the settings not written
    assert [code for code, _words in exit_codes()] == sorted(codes)
    for code, words in exit_codes():
        assert re.search(rf"^       {code} +{re.escape(words[:20])}", table, re.M | re.I), code
    assert set(EXIT_WORDS) == {n for n in vars(send_command) if n.startswith("EX_")}


@needs_groff
def test_the_examples_are_shown_as_written(tmp_path):
    text, _ = render(page(), tmp_path)
    examples = section(text, "EXAMPLES")
    assert 'git send-email --sendmail-cmd="dispatch-mail sendmail" *.patch' in examples
    assert 'set sendmail="dispatch-mail sendmail"' in examples
    assert "--subject \"Nightly report\" \\\n" in examples  # a backslash stays a backslash
    env = section(text, "ENVIRONMENT")
    assert "DISPATCH_HOME" in env and "XDG_RUNTIME_DIR" in env


def test_roff_escaping():
    assert roff_text(".TH x") == "\\&.TH x"
    assert roff_text("'br") == "\\&'br"
    assert roff_text("a.b 'c'") == "a.b 'c'"  # only at the start of a line does a dot or apostrophe matter
    assert roff_text("one\n.two") == "one\n\\&.two"
    assert roff_text("a\\fBb") == "a\\efBb"
    assert roff_text("--to") == "\\-\\-to"
    assert roff_text("“x”") == "\\[u201C]x\\[u201D]"
    assert roff_text("a\x07b") == "a b"


@needs_groff
def test_text_in_the_data_is_never_read_as_roff(tmp_path):
    """Help text that looks like requests and escapes is printed as it is, and adds no section or font."""
    hostile = Option(("--evil",), HOSTILE, {"metavar": ".SH X"})
    commands = {"send": ("'so /etc/passwd\n.SH INJECTED", (hostile,))}
    source = page(commands)
    assert not re.search(r"^\.(TH evil|SH INJECTED|SH X)|^'(br|so)", source, re.M)
    text, warnings = render(source, tmp_path)
    assert warnings == ""
    assert headings(text) == SECTIONS  # no section added, none lost
    flat = " ".join(text.split())
    assert "--evil .SH X" in flat
    assert " ".join(HOSTILE[1:].split()) in flat  # rendered with the first letter made a capital
    assert "'so /etc/passwd .SH INJECTED." in flat


# ------------------------------------------------------------------ bash
def bash_complete(script: str, words: list[str], cwd=None) -> list[str]:
    """A real completion: the script sourced in bash, COMP_WORDS/COMP_CWORD set as bash sets them for
    ``words`` (the last one is being typed), the function registered for dispatch-mail called; COMPREPLY."""
    fn = re.search(r"^complete -F (\S+) dispatch-mail$", script, re.M).group(1)
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    code = (f"{script}\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMP_LINE=\"${{COMP_WORDS[*]}}\"\n"
            f"COMP_POINT=${{#COMP_LINE}}\n{fn} dispatch-mail \"${{COMP_WORDS[COMP_CWORD]}}\" "
            f"\"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", code], capture_output=True, text=True, cwd=cwd,
                       timeout=30)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    return [line for line in r.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def bash_script() -> str:
    return bash_completion(COMMANDS, WINDOW_OPTIONS)


def test_the_bash_completion_parses(bash_script, tmp_path):
    path = tmp_path / "dispatch-mail"
    path.write_text(bash_script)
    r = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_bash_offers_the_commands_then_each_commands_options(bash_script):
    assert bash_complete(bash_script, ["dispatch-mail", ""]) == list(COMMANDS)
    assert bash_complete(bash_script, ["dispatch-mail", "se"]) == ["send", "sendmail"]
    for name, (_what, options) in COMMANDS.items():
        flags = [f for opt in options if not argshape.is_positional(opt) for f in opt.flags]
        offered = bash_complete(bash_script, ["dispatch-mail", name, "-"])
        assert offered == ["-h", "--help", *flags], name
    assert bash_complete(bash_script, ["dispatch-mail", "send", "--to", "a@example.com", "--s"]) == ["--subject"]
    window = [f for _t, options in WINDOW_OPTIONS for opt in options if not argshape.is_positional(opt)
              for f in opt.flags]
    assert bash_complete(bash_script, ["dispatch-mail", "--"]) == [f for f in ["--help", *window]]


def test_bash_offers_the_words_an_option_takes(bash_script):
    assert bash_complete(bash_script, ["dispatch-mail", "send", "--importance", ""]) == ["low", "normal", "high"]
    assert bash_complete(bash_script, ["dispatch-mail", "send", "--importance", "h"]) == ["high"]
    assert bash_complete(bash_script, ["dispatch-mail", "outbox", ""]) == ["list", "retry", "cancel"]
    assert bash_complete(bash_script, ["dispatch-mail", "outbox", "--account", "a@example.com", "r"]) == ["retry"]
    assert bash_complete(bash_script, ["dispatch-mail", "outbox", "retry", ""]) == []  # the ID: nothing to guess
    assert bash_complete(bash_script, ["dispatch-mail", "--auth", ""]) == ["automatic", "basic", "ntlm", "kerberos"]
    assert bash_complete(bash_script, ["dispatch-mail", "send", "--to", ""]) == []  # an address: nothing offered


def test_bash_offers_files_where_a_file_is_wanted(bash_script, tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    (tmp_path / "message.eml").write_bytes(b"Subject: x\r\n\r\n")
    for words in (["send", "--attach", "rep"], ["send", "--body-file", "rep"], ["send", "--to", "a@b.example", "rep"]):
        assert bash_complete(bash_script, ["dispatch-mail", *words], cwd=tmp_path) == ["report.pdf"], words
    assert bash_complete(bash_script, ["dispatch-mail", "send", "mes"], cwd=tmp_path) == ["message.eml"]
    assert bash_complete(bash_script, ["dispatch-mail", "send", "--subject", "mes"], cwd=tmp_path) == []
    assert bash_complete(bash_script, ["dispatch-mail", "sendmail", "rep"], cwd=tmp_path) == []  # recipients


def test_a_word_a_shell_would_read_as_code_is_refused():
    bad = Option(("--x;rm",), "x", {"action": "store_true"})
    with pytest.raises(ValueError):
        bash_completion({"send": ("x", (bad,))}, ())
    with pytest.raises(ValueError):
        zsh_completion({"send": ("x", (bad,))}, ())
    words = Option(("--importance",), "x", {"choices": ("low", "$(reboot)")})
    with pytest.raises(ValueError):
        bash_completion({"send": ("x", (words,))}, ())


# ------------------------------------------------------------------ zsh
@needs_zsh
def test_the_zsh_completion_parses_with_hostile_help(tmp_path):
    hostile = Option(("--evil",), HOSTILE, {"metavar": "A:B'C"})
    for commands in (COMMANDS, {**COMMANDS, "send": (HOSTILE, (hostile,))}):
        path = tmp_path / "_dispatch-mail"
        path.write_text(zsh_completion(commands, WINDOW_OPTIONS))
        r = subprocess.run(["zsh", "-n", str(path)], capture_output=True, text=True)
        assert r.returncode == 0 and r.stderr == "", r.stderr


def test_the_zsh_completion_names_every_command_and_option():
    script = zsh_completion(COMMANDS, WINDOW_OPTIONS)
    assert script.startswith("#compdef dispatch-mail\n")
    for name, (_what, options) in COMMANDS.items():
        body = re.search(rf"^_dispatch-mail-{re.escape(name)}\(\) {{\n(.*?)^}}", script, re.M | re.S).group(1)
        for opt in options:
            if not argshape.is_positional(opt):
                for flag in opt.flags:
                    assert re.search(rf"'\*?{re.escape(flag)}\[", body), (name, flag)
    assert "'--importance[low, normal or high]:{low,normal,high}:(low normal high)'" in script
    assert "'*--attach[attach FILE (repeatable)]:FILE:_files'" in script


ZSH_SESSION = r"""
zmodload zsh/zpty
zpty z 'TERM=dumb zsh -f -i'
zpty -w z 'PS1="> "; fpath=(%(folder)s $fpath); autoload -U compinit; compinit -u -D'
for typed want in %(pairs)s; do
    zpty -n -w z $'\C-u'"$typed"$'\t'
    zpty -r z seen "*$want*"  # blocks until the completed line is echoed (the test's timeout ends a miss)
    print -r -- "completed: $want"
done
zpty -d z
"""


@needs_zsh
def test_a_real_zsh_completes_commands_options_and_words(tmp_path):
    """An interactive zsh (in a pseudo-terminal, zsh/zpty) with the function on its fpath and compinit run:
    Tab completes a command, an option, an option's word and a file."""
    (tmp_path / "_dispatch-mail").write_text(zsh_completion(COMMANDS, WINDOW_OPTIONS))
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    pairs = [("dispatch-mail out", "dispatch-mail outbox "), ("dispatch-mail send --imp", "send --importance "),
             ("dispatch-mail send --importance h", "--importance high "),
             ("dispatch-mail --au", "dispatch-mail --auth "), ("dispatch-mail send --attach rep", "--attach report.pdf")]
    script = ZSH_SESSION % {"folder": str(tmp_path), "pairs": " ".join(f"'{a}' '{b}'" for a, b in pairs)}
    proc = subprocess.Popen(["zsh", "-f", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=tmp_path, env=dict(os.environ, HOME=str(tmp_path)), start_new_session=True)
    try:
        out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # a completion that never came: the zsh in the terminal goes too
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    assert out.splitlines() == [f"completed: {b}" for _a, b in pairs], out + err
