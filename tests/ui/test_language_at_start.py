"""The app speaks the system's language from its start: ``python -m app --sandbox`` started as
scripts/run-app.sh starts it, with ``LANG=fr_FR.UTF-8`` (or ``de_DE.UTF-8``) and no override in the settings (a
fresh DISPATCH_HOME), offscreen. It reports the words its window shows once everything is built
(``DISPATCH_REPORT_WORDS=1``: app/app_main.py prints ``DISPATCH_WORDS <json>`` and quits): its menu titles and
its views' names are the language's (the glossary's words of the shared design), English with ``LANG=C``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers.paths import ROOT

#: the views' names (the sidebar) and the menu bar's first title in each language, mnemonics taken out
# the window's name to a screen reader: given once the catalogue is installed, after the first (wordless) frame
NAMES = {"C.UTF-8": "Dispatch main window", "fr_FR.UTF-8": "Fenêtre principale de Dispatch",
         "de_DE.UTF-8": "Hauptfenster von Dispatch"}
EXPECTED = {
    "C.UTF-8": (["Compose", "Drafts", "Sent", "Outbox"], "File"),
    # the sidebar's names: each page's own name, as its title and the View menu say (issue 73: "Envoyés" was
    # "Éléments envoyés" everywhere else); the sidebar widens for them
    "fr_FR.UTF-8": (["Rédiger", "Brouillons", "Éléments envoyés", "Boîte d'envoi"], "Fichier"),
    "de_DE.UTF-8": (["Verfassen", "Entwürfe", "Gesendete Elemente", "Postausgang"], "Datei"),
}


def _words_at_start(tmp_path, lang: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang, PYTHONPATH=str(ROOT), DISPATCH_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               DISPATCH_FIRST_PAINT="1", DISPATCH_REPORT_WORDS="1")
    out = subprocess.run([sys.executable, "-m", "app", "--sandbox"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=90)
    assert out.returncode == 0, out.stderr
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_WORDS ")), None)
    assert line is not None, out.stdout + out.stderr
    return json.loads(line.split(" ", 1)[1])


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_the_window_speaks_the_systems_language(tmp_path, lang):
    words = _words_at_start(tmp_path, lang)
    views, file_menu = EXPECTED[lang]
    assert words["views"] == views, words
    assert words["menus"][0].replace("&", "") == file_menu, words
    assert words["name"] == NAMES[lang], words
