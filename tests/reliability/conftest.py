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


@pytest.fixture
def server(tmp_path):
    """The sandbox in its own process, for ``dispatch-mail`` commands run as processes (tests/helpers/commands.py)."""
    from tests.helpers.commands import ServerProcess

    sb = ServerProcess(tmp_path / "server")
    yield sb
    sb.release()
    sb.stop()


@pytest.fixture
def home(tmp_path, server):
    """A ``DISPATCH_HOME`` with an Exchange account on ``server`` set up, as ``dispatch-mail`` commands read it."""
    from tests.helpers.commands import CommandHome

    return CommandHome(tmp_path / "home", server)
