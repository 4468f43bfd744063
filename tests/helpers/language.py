"""The window in another language: ``in_language("fr")`` installs the catalogues as the app does at start
(app.ui.common.language.install, with the override), and puts English back afterwards. Widgets take their
words as they are built, so build the window inside it:

    with in_language("fr"):
        win, session = open_window(qtbot, sandbox, settings)
        ...
        close_window(win, session)
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QLocale

from app.ui.common import language


@contextlib.contextmanager
def in_language(code: str, catalogues: Path | None = None):
    """``code``: "en", "fr", "de"; or a language only ``catalogues`` has (the pseudo-locale)."""
    before = QLocale()
    try:
        yield language.install(code, catalogues=catalogues)
    finally:
        language.install("en")
        QLocale.setDefault(before)
