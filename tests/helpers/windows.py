"""A connected window with its own settings file and a journal (the reliability tests' window)."""

from __future__ import annotations

from app.storage.journal import Journal
from app.storage.settings import Settings
from tests.ui.conftest import open_window


def journal_window(qtbot, sandbox, tmp_path, journal=None):
    journal = journal if journal is not None else Journal(tmp_path / "journal.sqlite3")
    return open_window(qtbot, sandbox, Settings(tmp_path / "settings.json"), connected=True, journal=journal)
