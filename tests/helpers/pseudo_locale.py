"""The pseudo-locale: every word the code marks for the catalogue, "translated" so that a test can tell it from
a word that escaped translation, and see the room a longer language needs.

``pseudo("Send &later…")`` is ``"[Séñd &látér…·····]"``: in brackets, the letters accented, about 40 % longer;
named placeholders (``{name}``), ``%n`` and ``%1``, one ``&`` mnemonic (on the same, unaccented letter: the key
stays the key), HTML tags and entities, and leading and trailing white space are kept as they are.

``pseudo_catalogues()`` builds ``dispatch_pseudo.qm`` once per test process, in a temporary folder: the words are
extracted from the code by pyside6-lupdate (every area of scripts/translations.py, so it holds exactly what the
catalogues hold), each given its pseudo translation (each plural form), then pyside6-lrelease. Use it as
``with in_language("pseudo", catalogues=pseudo_catalogues()): ...`` (tests/helpers/language.py).
"""

from __future__ import annotations

import functools
import math
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.helpers.paths import ROOT

ACCENTS = str.maketrans("aeiouycnsrzlAEIOUYCNSRZL", "áéíöüýçñšřžĺÁÉÍÖÜÝÇÑŠŘŽĹ")
PAD = "·"
GROWTH = 0.4

#: what a translation keeps as it is: a named placeholder, %n / %Ln / %1 / %L1, an HTML tag or entity, "&&", "&X"
_KEPT = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?\d+|%L?n|%%|<[^<>]*>|&[A-Za-z]+;|&#\d+;|&&|&.", re.S)
_EDGE_TAGS = re.compile(r"^(?:\s*<[^<>]*>)*|(?:<[^<>]*>\s*)*$")


def _accent(part: str) -> str:
    return part.translate(ACCENTS)


def _core(text: str) -> str:
    """``text`` (no leading or trailing white space or tags) accented and padded, the kept tokens as they are."""
    out, visible, at = [], 0, 0
    for m in _KEPT.finditer(text):
        out.append(_accent(text[at:m.start()]))
        visible += m.start() - at
        token = m.group()
        out.append(token)  # "&X": the mnemonic on the same letter, unaccented
        if token.startswith("&") and len(token) == 2 and token != "&&":
            visible += 1
        at = m.end()
    out.append(_accent(text[at:]))
    visible += len(text) - at
    return "".join(out) + PAD * max(1, math.ceil(visible * GROWTH))


def pseudo(text: str) -> str:
    """The pseudo translation of ``text`` (see the module's doc)."""
    if not text.strip():
        return text
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    head = _EDGE_TAGS.match(body).group()  # leading tags stay first: Qt tells rich text by its first tag
    tail_m = re.search(r"(?:<[^<>]*>\s*)*$", body[len(head):])
    tail = tail_m.group() if tail_m else ""
    middle = body[len(head):len(body) - len(tail)]
    if not middle:
        return text
    return text[:lead] + head + "[" + _core(middle) + "]" + tail + text[lead + len(body):]


@functools.cache
def _script():
    """scripts/translations.py, loaded as a module: its areas and its pyside6 tool finder."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dispatch_translations", ROOT / "scripts" / "translations.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def _sources() -> list[str]:
    return [str(p) for files in _script().area_files().values() for p in files]


def fill(ts: Path) -> int:
    """Give every message of ``ts`` its pseudo translation (each plural form); returns how many."""
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "xx")
    count = 0
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        old = message.find("translation")
        if old is not None:
            message.remove(old)
        translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo(source)
        else:
            translation.text = pseudo(source)
        count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def build(folder: Path) -> Path:
    """``folder``/dispatch_pseudo.qm from the code's marked words; returns the .qm."""
    ts = folder / "dispatch_pseudo.ts"
    subprocess.run([_script()._tool("lupdate"), "-extensions", "py", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "en", *_sources(), "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    fill(ts)
    qm = folder / "dispatch_pseudo.qm"
    subprocess.run([_script()._tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@functools.cache
def pseudo_catalogues() -> Path:
    """The folder holding dispatch_pseudo.qm, built once per test process (a temporary folder)."""
    folder = Path(tempfile.mkdtemp(prefix="dispatch-pseudo-"))
    build(folder)
    return folder


#: a pseudo-translated part of a text shown: removed (innermost first) before looking for escaped words
BRACKETED = re.compile(r"\[[^\[\]]*\]")


#: a pseudo-translated part cut short where the widget elides it ("[Fíñd wörkš íñ…"): its "]" is gone
ELIDED = re.compile(r"\[[^\[\]]*…\s*$")


def without_catalogue_words(text: str) -> str:
    """``text`` with every bracketed (pseudo-translated) part removed, nested ones too, and one cut short by an
    ellipsis at the end."""
    while True:
        stripped = ELIDED.sub(" ", BRACKETED.sub(" ", text))
        if stripped == text:
            return text
        text = stripped
