#!/usr/bin/env python3
"""The catalogues: extract the words from the code into ``translations/`` and build them for the app.

    python scripts/translations.py update [AREA...]   # pyside6-lupdate: new words in, gone words out
    python scripts/translations.py build              # pyside6-lrelease: translations/*/ -> app/ui/translations/*.qm

The catalogue is split by area of the code, so that work on one area touches only its files:
``translations/<lang>/<area>.ts``. French and German hold every entry; English holds only the plural forms
("%n file(s)" -> "1 file" / "2 files"). ``build`` joins each language's areas into
``app/ui/translations/dispatch_<lang>.qm`` (built files, ignored by git; bootstrap.sh and the package build
run it). Locations are left out of the ``.ts`` files (``-locations none``): line numbers would change at
every edit.

A few files are kept by hand (``HAND_KEPT``): ``translations/<lang>/qt.ts`` carries Qt's own words (contexts
``QFileDialog``, ``QAbstractFileIconProvider``) that the catalogue PySide6 ships for that language lacks; they are
not in Dispatch's code, so ``update`` never writes those files, and ``build`` joins them in like the areas.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "app" / "ui" / "translations"
LANGS = ("fr", "de", "en")
#: area -> the code whose words it holds (globs under the repo). A file belongs to the first area that matches
#: it, so every file of the app but the sandbox (a server: its words are Exchange's, not the window's) has one.
AREAS = {
    "addressbook": ["app/ui/addressbook/**/*.py", "app/core/directory/**/*.py"],
    "times": ["app/core/outbox/send_times.py", "app/domain/follow_up.py"],
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
#: catalogue files kept by hand, not extracted from the code (``update`` leaves them alone; ``build`` joins them in)
HAND_KEPT = ("qt",)


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
            kept = _plural_forms(ts) if ts.exists() else {}
            subprocess.run([_tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                            "-source-language", "en", "-target-language", lang, *sources, "-ts", str(ts)],
                           check=True, stdout=subprocess.DEVNULL)
            _mark_plurals(ts, kept, only_plurals=lang == "en")


# ---- plurals ----
# pyside6-lupdate's Python reader marks an entry as a plural only when the count in the call is a literal
# (translate("Ctx", "%n file(s)", None, 3)); with a variable (None, n), the usual case, it writes an ordinary
# entry, and on the next run turns a plural entry back into one, dropping its forms. So every entry whose
# source has a count (%n, %Ln) is made a plural here after each run, its forms kept from before the run.
_COUNT = re.compile(r"%L?n")


def _plural_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the plural forms of each plural entry that has them."""
    forms = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            found = [f.text or "" for f in msg.iter("numerusform")]
            if msg.get("numerus") == "yes" and any(found):
                forms[(ctx.findtext("name") or "", msg.findtext("source") or "")] = found
    return forms


def _mark_plurals(ts: Path, kept: dict[tuple[str, str], list[str]], only_plurals: bool) -> None:
    """Every entry with a count a plural (its forms from ``kept``; an entry that was translated as an ordinary
    one keeps that text in each form, marked unfinished for review); ``only_plurals`` drops the others (English
    translates nothing but its plural forms)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    changed = False
    for ctx in list(root.iter("context")):
        name = ctx.findtext("name") or ""
        for msg in list(ctx.iter("message")):
            source = msg.findtext("source") or ""
            if not _COUNT.search(source):
                if only_plurals:
                    ctx.remove(msg)
                    changed = True
                continue
            if msg.get("numerus") == "yes":
                continue
            changed = True
            msg.set("numerus", "yes")
            tr = msg.find("translation")
            forms = kept.get((name, source))
            old, tr.text = tr.text, None
            for form in forms or [old or "", old or ""]:
                ET.SubElement(tr, "numerusform").text = form
            if forms:
                tr.attrib.pop("type", None)
            else:
                tr.set("type", "unfinished")
        if ctx.find("message") is None:
            root.remove(ctx)
    if not changed:
        return  # as lupdate wrote it
    ET.indent(tree, space="    ")
    # lupdate's own layout: <context> at the margin, its children one level in
    lines = [line[4:] if line.startswith("    ") else line for line in ET.tostring(root, encoding="unicode").split("\n")]
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + "\n".join(lines) + "\n", encoding="utf-8")


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
