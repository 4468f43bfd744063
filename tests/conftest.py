"""Test harness shared by every test.

- Qt runs headless (offscreen) with ONE session-scoped qasync loop (never stopped per test).
- ``ews_schema``: Microsoft's EWS schema, built once per session.
- ``sandbox``: a fresh in-process sandbox EWS server on a free loopback port, per test. Every SOAP body
  it reads or writes is validated against the schema; a test fails if any body is invalid.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Keep the app's config/data/keyring out of the real home dir during tests.
_TEST_HOME = Path(tempfile.mkdtemp(prefix="dispatch-test-home-"))
os.environ.setdefault("DISPATCH_HOME", str(_TEST_HOME))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREENSHOTS = ROOT / "tests" / "screenshots"

from tests.ews_wire import WireValidator, load_schema  # noqa: E402


@pytest.fixture(scope="session")
def ews_schema():
    return load_schema()


@pytest.fixture(scope="session")
def wire_validator(ews_schema):
    return WireValidator(ews_schema)


@pytest.fixture
def sandbox(wire_validator, tmp_path):
    """A running sandbox (fresh in-memory mailboxes), every wire body schema-checked."""
    from app.sandbox import Sandbox

    sb = Sandbox(data=":memory:", port=0)
    sb.wire_observer = wire_validator.observe
    wire_validator.reset()
    sb.start()
    try:
        yield sb
    finally:
        sb.stop()
        _close_exchangelib_connections()
        failures = wire_validator.reset()
        assert not failures, "schema-invalid SOAP bodies on the wire:\n" + "\n".join(
            f"[{d}] {reason}\n{raw[:1500]!r}" for d, reason, raw in failures
        )


def _close_exchangelib_connections():
    mod = sys.modules.get("exchangelib.protocol")
    if mod is not None:
        try:
            mod.close_connections()
        except Exception:
            pass


# ---------------- Qt + qasync ----------------

@pytest.fixture(scope="session")
def qasync_loop(qapp):
    """ONE qasync loop for the whole session, marked as already running (pytest-qt spins Qt)."""
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop


@pytest.fixture
def aloop(qasync_loop):
    """Per-test: hand out the shared loop and cancel whatever tasks a test left behind."""
    yield qasync_loop
    for task in asyncio.all_tasks(qasync_loop):
        if not task.done():
            task.cancel()


@pytest.fixture
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
