"""The catalogues (translations/) hold every word the code marks, French and German translate all of it,
and a translation keeps what the code fills in: placeholders, the plural count, one mnemonic."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations as catalogue  # noqa: E402  (scripts/translations.py)

LANGS = ("fr", "de")


def _messages(ts: Path):
    """(context, source, message element) of each entry of a .ts file."""
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source") or "", msg


def _keys(folder: Path, lang: str) -> dict[str, set]:
    return {ts.stem: {(c, s) for c, s, _ in _messages(ts)} for ts in sorted((folder / lang).glob("*.ts"))}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The catalogue as pyside6-lupdate extracts it from the code now (into a copy of translations/)."""
    out = tmp_path_factory.mktemp("ts")
    subprocess.run(["cp", "-r", str(catalogue.TS_DIR / "."), str(out)], check=True)
    catalogue.update([], ts_dir=out)
    return out


AREA_LANGS = [(area, lang) for area in catalogue.AREAS for lang in (*LANGS, "en")]


@pytest.mark.parametrize("area,lang", AREA_LANGS)
def test_catalogue_holds_every_marked_word(fresh, area, lang):
    """Every translate()/QT_TRANSLATE_NOOP in the code has its entry (run `scripts/translations.py update`),
    and no entry is left for words the code no longer has."""
    committed, now = _keys(catalogue.TS_DIR, lang), _keys(fresh, lang)
    missing = sorted(now.get(area, set()) - committed.get(area, set()))
    stale = sorted(committed.get(area, set()) - now.get(area, set()))
    assert not missing, f"translations/{lang}/{area}.ts lacks {len(missing)} entries, e.g. {missing[:5]}"
    assert not stale, f"translations/{lang}/{area}.ts keeps {len(stale)} gone entries, e.g. {stale[:5]}"


@pytest.mark.parametrize("area,lang", AREA_LANGS)
def test_every_entry_is_translated(area, lang):
    unfinished = []
    for ts in [catalogue.TS_DIR / lang / f"{area}.ts"]:
        for ctx, src, msg in _messages(ts):
            tr = msg.find("translation")
            forms = [f.text for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text]
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(f and f.strip() for f in forms):
                unfinished.append(f"{ts.parent.name}/{ts.name} [{ctx}] {src!r}")
    assert not unfinished, f"{len(unfinished)} untranslated, e.g.\n" + "\n".join(unfinished[:20])


_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)\w", text.replace("&&", "")))


@pytest.mark.parametrize("area,lang", AREA_LANGS)
def test_translations_keep_what_the_code_fills_in(area, lang):
    """Same named placeholders, %n where the source has it, and a mnemonic exactly where the source has one."""
    wrong = []
    for ts in [catalogue.TS_DIR / lang / f"{area}.ts"]:
        for ctx, src, msg in _messages(ts):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] if msg.get("numerus") == "yes" else [tr.text or ""]
            for form in forms:
                if sorted(_PLACEHOLDER.findall(form)) != sorted(_PLACEHOLDER.findall(src)):
                    wrong.append(f"[{ctx}] {src!r} -> {form!r}: placeholders differ")
                if _mnemonics(form) != _mnemonics(src):
                    wrong.append(f"[{ctx}] {src!r} -> {form!r}: mnemonic count differs")
                if "%n" in src and msg.get("numerus") == "yes" and "%n" not in form and len(forms) < 2:
                    wrong.append(f"[{ctx}] {src!r} -> {form!r}: the count is lost")
    assert not wrong, "\n".join(wrong[:30])


def test_the_catalogues_build(tmp_path):
    built = catalogue.build(qm_dir=tmp_path)
    assert {p.name for p in built} == {"dispatch_fr.qm", "dispatch_de.qm", "dispatch_en.qm"}
    assert all(p.stat().st_size > 0 for p in built)


def _marked_in_code() -> dict[tuple[str, str], str]:
    """(context, source) -> where, for every translate()/QT_TRANSLATE_NOOP call in app/ whose context and text are
    literals (the calls lupdate is meant to find), read with Python's own parser."""
    import ast

    found = {}
    for files in catalogue.area_files().values():
        for path in files:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or len(node.args) < 2:
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                ctx, src = node.args[:2]
                if name in ("translate", "QT_TRANSLATE_NOOP") and all(
                        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (ctx, src)):
                    found[(ctx.value, src.value)] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_lupdate_finds_every_marked_call(fresh):
    """pyside6-lupdate's Python reader silently skips a call whose count is an expression
    (``translate("C", "%n file(s)", None, len(files))``): give the count a name first (``n = len(files)``)."""
    extracted = set().union(*_keys(fresh, "fr").values())
    skipped = {key: where for key, where in _marked_in_code().items() if key not in extracted}
    assert not skipped, "lupdate skips these calls:\n" + "\n".join(f"{w}: {k}" for k, w in sorted(skipped.items())[:30])


def test_hand_kept_files_are_kept_and_built(tmp_path):
    """translations/<lang>/qt.ts (Qt's own words that PySide6's catalogue for the language lacks) is no area of the
    code: `update` leaves it as it is, its contexts are Qt's, every entry translated, and `build` joins it in."""
    import shutil

    kept = [ts for lang in LANGS for name in catalogue.HAND_KEPT if (ts := catalogue.TS_DIR / lang / f"{name}.ts").exists()]
    assert kept, "no hand-kept catalogue file"
    assert not set(catalogue.HAND_KEPT) & set(catalogue.AREAS)
    copy = tmp_path / "ts"
    shutil.copytree(catalogue.TS_DIR, copy)
    catalogue.update(["times"], ts_dir=copy)  # the smallest area: update's loop is over the areas alone
    for ts in kept:
        assert (copy / ts.parent.name / ts.name).read_bytes() == ts.read_bytes(), f"update rewrote {ts}"
        for ctx, src, msg in _messages(ts):
            assert ctx.startswith("Q") and (msg.findtext("translation") or "").strip(), (ctx, src)
    from PySide6.QtCore import QTranslator

    built = catalogue.build(qm_dir=tmp_path / "qm", langs=("fr",))
    qm = QTranslator()
    assert qm.load(str(built[0]))
    assert qm.translate("QFileDialog", "&Look in:") == "&Voir dans\u00a0:"
