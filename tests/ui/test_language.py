"""The window's words in the chosen language: the catalogue installed at start, core words translated."""

from __future__ import annotations

import pytest

from app.domain.words import translate as words
from app.ui.common import language
from app.ui.common.tr import shown
from tests.helpers.language import in_language


@pytest.fixture
def french(qapp):
    with in_language("fr") as code:
        yield code


def test_override_wins_and_unknown_falls_back(monkeypatch):
    assert language.chosen_language("de") == "de"
    assert language.chosen_language("xx") == language.system_language()


def test_system_language_from_the_environment(monkeypatch):
    """On Linux Qt reads LANGUAGE / LC_ALL / LC_MESSAGES / LANG; a language Dispatch lacks means English."""
    import subprocess
    import sys

    code = "from app.ui.common.language import system_language as s; print(s())"
    for env, want in (({"LC_ALL": "fr_FR.UTF-8"}, "fr"), ({"LC_ALL": "", "LANG": "de_DE.UTF-8"}, "de"),
                      ({"LC_ALL": "", "LANG": "pt_BR.UTF-8"}, "en"),
                      ({"LC_ALL": "", "LANG": "en_GB.UTF-8", "LANGUAGE": "fr:en"}, "fr")):
        import os
        full = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
        full.update({k: v for k, v in env.items() if v})
        out = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == want, (env, out.stderr)


def test_core_words_shown_in_french(french):
    assert french == "fr"
    w = words("Nothing", "A sentence nobody translated {x}").format(x="1")
    assert shown(w) == "A sentence nobody translated 1"  # no entry: English, filled
    assert shown("ann@example.com") == "ann@example.com"  # data is shown as it is
    assert shown(None) == ""


@pytest.mark.parametrize("lang,want", [("fr", "1,5 Mo"), ("de", "1,5 MB"), ("en", "1.5 MB")])
def test_a_size_is_written_the_locales_way(qapp, lang, want):
    """A file size from the domain (a too-large attachment's, an .eml file's) in the window's language: its
    decimal point and unit as the language writes them."""
    from app.domain.validation import human_size

    with in_language(lang):
        assert shown(human_size(1536 * 1024)) == want


def test_a_subject_is_never_taken_for_one_of_composes_titles(qtbot):
    """A message whose subject is "Draft" or "New message" keeps it as its title in French: only Compose's own
    words (Words) are translated, never a subject that happens to spell them."""
    from app.ui.compose.compose_view import DRAFT, ComposeView

    with in_language("fr"):
        c = ComposeView()
        qtbot.addWidget(c)
        c.show_title("Draft")
        assert c.title.text() == "Draft"
        c.show_title(DRAFT)
        assert c.title.text() == "Brouillon"
