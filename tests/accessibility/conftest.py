"""The AT-SPI modules' shared fixture: one real app per test module (per worker), on its own private X server,
D-Bus and AT-SPI bus, read by a pyatspi client in another process (tests/helpers/atspi_session.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.atspi_session import AtspiSession

CHILD = Path(__file__).with_name("atspi_app_child.py")


@pytest.fixture(scope="module")
def desk(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    session = AtspiSession(base / "session").start()
    try:
        session.start_app(CHILD, base / "home")
        yield session
    finally:
        session.close()
