"""Reliability fixtures."""

from __future__ import annotations

import pytest

from app.storage.settings import Settings


@pytest.fixture(autouse=True)
def _own_dispatch_home(tmp_path, monkeypatch):
    """Each test gets its own data dir: one test's journal is never recovered into the next."""
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "dispatch-home"))


@pytest.fixture
def settings(tmp_path):
    """The window's settings file (as tests/ui/conftest.py's)."""
    return Settings(tmp_path / "config" / "settings.json")
