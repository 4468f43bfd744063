"""Which language the window speaks, and installing its catalogues before any widget is built.

The language is the settings' override when there is one (``language``: ``"fr"``, ``"de"``, ``"en"``;
chosen in the settings or the palette, applied at the next start), else the system's: on Linux
``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` (Qt's ``QLocale.system().uiLanguages()`` reads
them), on Windows and macOS the platform's setting (Qt asks the platform). Dispatch's own catalogue is
``dispatch_<lang>.qm`` (built from ``translations/`` by ``scripts/translations.py build``, never committed);
Qt's own dialogs and buttons use the ``qtbase_<lang>.qm`` that PySide6 ships. English has a catalogue too:
its plural forms ("1 file", "2 files").
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

# the languages Dispatch speaks, by code: the name each calls itself (the override's choices)
LANGUAGES = {"en": "English", "fr": "Français", "de": "Deutsch"}
# where the built catalogues are (scripts/translations.py build writes them)
CATALOGUES = Path(__file__).resolve().parent.parent / "translations"

_installed: list[QTranslator] = []


def system_language() -> str:
    """The first of the system's preferred languages that Dispatch speaks; English if none."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def chosen_language(override: str | None) -> str:
    """The override when it names a language Dispatch speaks, else the system's."""
    return override if override in LANGUAGES else system_language()


def install(override: str | None = None, catalogues: Path | None = None) -> str:
    """Install the catalogues of the chosen language (replacing any installed before) and make it the
    default locale's language, so dates and numbers follow it; returns the language's code. ``catalogues``
    is another folder of ``dispatch_<lang>.qm`` (the tests' pseudo-locale); ``override`` may then name a
    language only that folder has."""
    app = QCoreApplication.instance()
    lang = override if catalogues is not None and override else chosen_language(override)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    folder = catalogues or CATALOGUES
    _load(app, f"dispatch_{lang}", folder)
    if lang != "en" and lang in LANGUAGES:
        _load(app, f"qtbase_{lang}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    if override and lang in LANGUAGES:
        # the override's language with the system's country when they agree (fr_CA stays fr_CA)
        system = QLocale.system()
        if system.name().split("_")[0] != lang:
            QLocale.setDefault(QLocale(lang))
    return lang


def _load(app, name: str, folder: Path) -> None:
    translator = QTranslator(app)
    if translator.load(name, str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("no catalogue %s in %s: built by scripts/translations.py build", name, folder)
