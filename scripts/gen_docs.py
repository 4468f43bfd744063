"""Write the generated parts of README.md and docs/ from the code (issue 48); ``--check`` only compares.

- docs/architecture.md, between ``<!-- gen:submission -->`` and ``<!-- /gen:submission -->``: the submission
  state table, read from ``app.core.outbox.submission`` (its ``TRANSITIONS``, ``RESTART`` and state sets); between
  ``<!-- gen:contracts -->`` markers, the import-linter contracts of pyproject.toml.
- docs/user-guide.md, between ``<!-- gen:keys -->`` markers: every key of the window, as the F1 sheet lists
  it (``app.ui.window.shortcuts.sheet_rows``: the window's own actions, then ``app.ui.window.actions.CONTEXT_KEYS``), read
  from a real window built offscreen.
- README.md, between ``<!-- gen:top-keys -->`` markers: the most used of those keys (``TOP_KEYS``).
- docs/fr/prise-en-main.md and docs/de/erste-schritte.md, between ``<!-- gen:keys -->`` markers: the same
  table in French and German, from a window built in that language.
- docs/security.md, between ``<!-- gen:fuzz -->`` markers: the fuzz test's counts (tests/resources/fuzz/).
- docs/performance.md, whole: ``bench/perf_doc.py`` from the committed bench/results/*.json.
- docs/security.md, between ``<!-- gen:eml-fuzz -->`` markers: the counts of the committed run of the ``.eml``
  fuzz test (``tests/core/test_eml_fuzz.py`` writes bench/out/eml_fuzz.json; ``--collect`` copies it to
  bench/results/fuzz/).

Run from the repository: ``python scripts/gen_docs.py`` (write), ``--check`` (exit 1 and name the files
that are stale), ``--collect`` (first copy the benches' bench/out/*.json to bench/results/).
tests/test_docs.py runs the check.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

README = ROOT / "README.md"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
USER_GUIDE = ROOT / "docs" / "user-guide.md"
PERFORMANCE = ROOT / "docs" / "performance.md"
SECURITY = ROOT / "docs" / "security.md"
#: the short getting-started pages in the other languages the window speaks, each with its key table in that
#: language (a window built with that language's catalogue)
GETTING_STARTED = {"fr": ROOT / "docs" / "fr" / "prise-en-main.md", "de": ROOT / "docs" / "de" / "erste-schritte.md"}
#: the key table's header in each language
KEYS_HEADER = {"en": ("where", "action", "keys"), "fr": ("où", "action", "touches"), "de": ("wo", "Aktion", "Tasten")}
#: The fuzz test's counts (tests/sandbox/test_fuzz_front_ends.py writes FUZZ_OUT; --collect copies it here).
FUZZ_RESULTS = ROOT / "tests" / "resources" / "fuzz" / "front-ends.json"
FUZZ_OUT = ROOT / "tests" / "out" / "fuzz-front-ends.json"
EML_FUZZ = ROOT / "bench" / "results" / "fuzz" / "eml_fuzz.json"

#: the README's keys: (the F1 sheet's group, the action's words there), in this order
TOP_KEYS = (
    ("File", "New message"),
    ("File", "Send"),
    ("Compose", "Undo send, delete or discard (while its bar shows)"),
    ("File", "Save draft"),
    ("File", "Send later…"),
    ("File", "Attach files…"),
    ("View", "Command palette…"),
    ("Drafts", "Send selected drafts"),
    ("File", "Account settings…"),
    ("Help", "Keyboard shortcuts"),
)


# ---- the submission state table ----

def submission_table() -> str:
    from app.core.outbox.submission import CANCELLABLE, FINAL, RESTART, STORED, TRANSITIONS, SubState

    def yes(flag: bool) -> str:
        return "yes" if flag else ""

    lines = ["| state | stored in the journal | the user can take it back | final | after a restart |",
             "|---|---|---|---|---|"]
    for s in SubState:
        lines.append(f"| `{s.value}` | {yes(s in STORED)} | {yes(s in CANCELLABLE)} | {yes(s in FINAL)} | "
                     f"{'`' + RESTART[s].value + '`' if s in RESTART else '(leaves the journal)'} |")
    lines += ["", "| from | event | to |", "|---|---|---|"]
    for (state, event), new in TRANSITIONS.items():
        lines.append(f"| `{state.value}` | `{event.value}` | `{new.value}` |")
    return "\n".join(lines)


# ---- the import-linter contracts ----

def contracts_list() -> str:
    """One line per import-linter contract of pyproject.toml: its name and type."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    def line(c: dict) -> str:
        if c["type"] == "layers":
            return f"- {c['name']}, top to bottom: " + " → ".join(f"`{layer}`" for layer in c["layers"])
        return f"- {c['name']} ({c['type']})"

    return "\n".join(line(c) for c in contracts)


# ---- the keys (the F1 sheet's rows, from a real window) ----

def sheet_rows(lang: str = "en") -> list[tuple[str, list[tuple[str, str]]]]:
    """The F1 sheet's rows of a window built offscreen on a throw-away data folder (no account), in ``lang``
    (the catalogues installed as the app installs them at start; English again afterwards)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    _ = app
    from app.storage.journal import Journal
    from app.storage.settings import Settings
    from app.ui.common import language
    from app.ui.window.main_window import MainWindow
    from app.ui.window.shortcuts import sheet_rows as rows_of

    language.install(lang)
    with tempfile.TemporaryDirectory() as home:
        old = os.environ.get("DISPATCH_HOME")
        os.environ["DISPATCH_HOME"] = home
        journal = Journal(":memory:")  # nothing of this window is kept
        win = MainWindow(settings=Settings(Path(home) / "settings.json"), keyring_ok=False, journal=journal)
        try:
            return rows_of(win)
        finally:
            win.close_now()
            win.deleteLater()
            journal.close()
            language.install("en")
            if old is None:
                os.environ.pop("DISPATCH_HOME", None)
            else:
                os.environ["DISPATCH_HOME"] = old


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def keys_table(groups: list[tuple[str, list[tuple[str, str]]]], lang: str = "en") -> str:
    lines = ["| " + " | ".join(KEYS_HEADER[lang]) + " |", "|---|---|---|"]
    for group, rows in groups:
        lines += [f"| {_cell(group)} | {_cell(text)} | {_cell(keys)} |" for text, keys in rows]
    return "\n".join(lines)


def top_keys_table(groups: list[tuple[str, list[tuple[str, str]]]]) -> str:
    index = {(g, text): keys for g, rows in groups for text, keys in rows}
    missing = [k for k in TOP_KEYS if k not in index]
    if missing:
        raise SystemExit(f"scripts/gen_docs.py TOP_KEYS names actions the F1 sheet no longer has: {missing}")
    lines = ["| action | keys |", "|---|---|"]
    lines += [f"| {_cell(text)} | {_cell(index[(g, text)])} |" for g, text in TOP_KEYS]
    return "\n".join(lines)


# ---- the .eml fuzz run's counts ----

FUZZ_CLASSES = (
    ("seed", "hand-written attacks of each class found (charsets, dates, keywords, lone CRs, nesting, encodings) "
             "and the sample files"),
    ("hypothesis", "structured MIME drawn by Hypothesis: nested multiparts and attached messages, hostile "
                   "charsets, dates, encodings, file names and sizes"),
    ("mutated", "the seeds with random bytes flipped, inserted, cut or repeated, line ends changed, hostile "
                "headers inserted"),
    ("sized", "the costliest kinds of file at the size limit, and one over it"),
    ("total", "**all**"),
)


def eml_fuzz_table(path: Path = EML_FUZZ) -> str:
    """The committed fuzz run (tests/core/test_eml_fuzz.py) as a table."""
    import json

    d = json.loads(path.read_text(encoding="utf-8"))
    b = d["budget"]
    lines = [f"`tests/core/test_eml_fuzz.py`, {'a `--soak` run' if d['soak'] else 'a default run'} of "
             f"{d['date']} (seed {d['seed']}, Python {d['python']}, {d['cpus']} CPUs): each input opened the ways Ctrl+O "
             "and Ctrl+Shift+U open a file, then validated, in a worker process; the contract is accepted or "
             f"`EmlError`, within {b['cpu_s']:.0f} s of CPU and {b['mb']:.0f} MB, the file unchanged, for files of "
             f"up to {b['file_bytes'] / 2**20:.0f} MB.",
             "",
             "| inputs | how they were made | accepted | refused (`EmlError`) | broke the contract | most CPU (s) "
             "| most memory (MB) |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    for key, how in FUZZ_CLASSES:
        c = d["classes"][key]
        lines.append(f"| {c['inputs']:,} | {how} | {c['accepted']:,} | {c['refused']:,} | {c['broke']:,} | "
                     f"{c['max_cpu_s']:.2f} | {c['max_mb']:.1f} |")
    return "\n".join(lines)


def collect_fuzz() -> list[Path]:
    """bench/out/eml_fuzz.json (the fuzz test's last run) to bench/results/fuzz/."""
    src = ROOT / "bench" / "out" / "eml_fuzz.json"
    if not src.exists():
        return []
    EML_FUZZ.parent.mkdir(parents=True, exist_ok=True)
    EML_FUZZ.write_bytes(src.read_bytes())
    return [EML_FUZZ]


# ---- putting it in place ----

def between(text: str, name: str, body: str, where: Path) -> str:
    """``text`` with what stands between ``<!-- gen:name -->`` and ``<!-- /gen:name -->`` replaced."""
    pat = re.compile(rf"(<!-- gen:{name} -->\n).*?(<!-- /gen:{name} -->)", re.S)
    if not pat.search(text):
        raise SystemExit(f"{where.relative_to(ROOT)} has no <!-- gen:{name} --> ... <!-- /gen:{name} --> markers")
    return pat.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text, count=1)


def _parts() -> dict[Path, dict]:
    """Each generated file -> {marker name: a function giving its text}."""
    return {ARCHITECTURE: {"contracts": contracts_list, "submission": submission_table},
            USER_GUIDE: {"keys": lambda: keys_table(_groups()), "registration": registration_block},
            README: {"top-keys": lambda: top_keys_table(_groups())},
            SECURITY: {"fuzz": front_end_fuzz_table, "eml-fuzz": eml_fuzz_table},
            **{page: {"keys": (lambda lang=lang: keys_table(_groups(lang), lang))}
               for lang, page in GETTING_STARTED.items()}}


def front_end_fuzz_table() -> str:
    """docs/security.md's table of the sandbox front ends' fuzz run, from the committed FUZZ_RESULTS."""
    import json

    d = json.loads(FUZZ_RESULTS.read_text(encoding="utf-8"))
    rows = ["| front end | inputs | answered 2xx | SOAP fault | 4xx | 5xx or no answer |", "|---|---|---|---|---|---|"]
    for name, label in (("ews", "EWS"), ("graph", "Graph")):
        c = d[name]
        rows.append(f"| {label} | {c.get('inputs', 0):,} | {c.get('2xx', 0):,} | {c.get('soap fault', 0):,} | "
                    f"{c.get('4xx', 0):,} | {c.get('5xx', 0):,} |")
    return "\n".join(rows)


def registration_block() -> str:
    """The registration steps the Microsoft 365 page copies (app/domain/m365.py), as a code block."""
    from app.domain.m365 import registration_steps

    return "```\n" + registration_steps().strip("\n") + "\n```"


_GROUPS: dict[str, list] = {}


def _groups(lang: str = "en") -> list[tuple[str, list[tuple[str, str]]]]:
    """The F1 sheet's rows in ``lang``, read once per process (a window is built for it)."""
    if lang not in _GROUPS:
        _GROUPS[lang] = sheet_rows(lang)
    return _GROUPS[lang]


def expected(path: Path) -> str:
    """``path`` (one of the generated files) as the code and bench/results/ make it now."""
    if path == PERFORMANCE:
        from bench.perf_doc import render

        return render()
    text = path.read_text(encoding="utf-8")
    for name, make in _parts()[path].items():
        text = between(text, name, make(), path)
    return text


GENERATED = (ARCHITECTURE, USER_GUIDE, README, PERFORMANCE, SECURITY, *GETTING_STARTED.values())


def generated() -> dict[Path, str]:
    """Every generated file as it should be now: path -> its whole text."""
    return {p: expected(p) for p in GENERATED}


def stale() -> list[str]:
    """The generated files whose text differs from what the code and bench/results/ give now."""
    return [str(p.relative_to(ROOT)) for p, text in generated().items()
            if not p.exists() or p.read_text(encoding="utf-8") != text]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a generated part is stale")
    ap.add_argument("--collect", action="store_true", help="copy bench/out/*.json to bench/results/ first")
    args = ap.parse_args()
    if args.collect:
        from bench.perf_doc import collect

        for p in collect() + collect_fuzz():
            print(f"collected {p.relative_to(ROOT)}")
        if FUZZ_OUT.exists():
            FUZZ_RESULTS.write_text(FUZZ_OUT.read_text(encoding="utf-8"), encoding="utf-8")
            print(f"collected {FUZZ_RESULTS.relative_to(ROOT)}")
    if args.check:
        bad = stale()
        for p in bad:
            print(f"stale: {p} (run: python scripts/gen_docs.py)")
        return 1 if bad else 0
    for path, text in generated().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
