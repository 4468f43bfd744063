#!/usr/bin/env python3
"""The catalogues: extract the words from the code into ``translations/`` and build them for the app.

    python scripts/translations.py update [AREA...]   # pyside6-lupdate: new words in, gone words out
    python scripts/translations.py build              # pyside6-lrelease: translations/*/ -> app/ui/translations/*.qm

The catalogue is split by area of the code, so that work on one area touches only its files:
``translations/<lang>/<area>.ts``. French and German hold every entry; English holds only the plural forms
(``-pluralonly``: "%n file(s)" -> "1 file" / "2 files"). ``build`` joins each language's areas into
``app/ui/translations/dispatch_<lang>.qm`` (built files, ignored by git; bootstrap.sh and the package build
run it). Locations are left out of the ``.ts`` files (``-locations none``): line numbers would change at
every edit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "app" / "ui" / "translations"
LANGS = ("fr", "de", "en")
#: area -> the code whose words it holds (globs under the repo). A file belongs to the first area that matches
#: it, so every file of the app but the sandbox (a server: its words are Exchange's, not the window's) has one.
AREAS = {
    "times": ["app/core/send_times.py", "app/domain/follow_up.py"],
    "composetools": [f"app/ui/compose/{name}.py" for name in (
        "texts_dialog", "snippet_insert", "spell_menu", "spell_highlighter", "eml_as_is", "eml_flows", "find_bar",
        "inline_images", "attachments", "attachment_saver", "more_options")],
    "compose": ["app/ui/compose/**/*.py"],
    "lists": ["app/ui/lists/**/*.py", "app/ui/outbox/**/*.py"],
    "window": ["app/ui/window/**/*.py", "app/ui/common/**/*.py", "app/ui/*.py"],
    "accounts": ["app/ui/accounts/**/*.py", "app/ui/merge/**/*.py"],
    "domain": ["app/domain/**/*.py", "app/mail/**/*.py", "app/storage/**/*.py"],
    "command": ["app/command/**/*.py", "app/cli.py"],
    "core": ["app/**/*.py"],
}
NOT_TRANSLATED = ["app/sandbox/**/*.py"]


def area_files() -> dict[str, list[Path]]:
    """Each area's source files (each file in exactly one area)."""
    taken = {p for pattern in NOT_TRANSLATED for p in ROOT.glob(pattern)}
    files: dict[str, list[Path]] = {}
    for area, patterns in AREAS.items():
        mine = sorted({p for pattern in patterns for p in ROOT.glob(pattern)} - taken)
        taken.update(mine)
        files[area] = mine
    return files


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def update(areas: list[str], ts_dir: Path = TS_DIR) -> None:
    files = area_files()
    for area in areas or list(AREAS):
        sources = [str(p) for p in files[area]]
        for lang in LANGS:
            ts = ts_dir / lang / f"{area}.ts"
            ts.parent.mkdir(parents=True, exist_ok=True)
            extra = ["-pluralonly"] if lang == "en" else []
            subprocess.run([_tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                            "-source-language", "en", "-target-language", lang, *extra, *sources, "-ts", str(ts)],
                           check=True, stdout=subprocess.DEVNULL)


def build(ts_dir: Path = TS_DIR, qm_dir: Path = QM_DIR, langs: tuple[str, ...] = LANGS) -> list[Path]:
    qm_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for lang in langs:
        parts = sorted((ts_dir / lang).glob("*.ts"))
        if not parts:
            continue
        qm = qm_dir / f"dispatch_{lang}.qm"
        subprocess.run([_tool("lrelease"), "-silent", *map(str, parts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0] == "update":
        unknown = [a for a in argv[1:] if a not in AREAS]
        if unknown:
            print(f"unknown area(s): {', '.join(unknown)} (areas: {', '.join(AREAS)})", file=sys.stderr)
            return 2
        update(argv[1:])
    else:
        build()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
