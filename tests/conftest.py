"""Test harness shared by every test.

- Qt runs headless (offscreen) with ONE session-scoped qasync loop (never stopped per test).
- ``ews_schema``: Microsoft's EWS schema, built once per session.
- ``wire_validator`` (autouse): every SOAP body that any sandbox (in this process or, through
  ``DISPATCH_SANDBOX_WIRE_DUMP``, another) reads or writes during a test that meets a sandbox (marked
  sandbox, gui, process or slow) is validated against the schema; a test fails if any body is invalid.
  A unit test gets None and builds no schema; one that starts a sandbox all the same fails.
- ``sandbox``: a fresh in-process sandbox EWS server on a free loopback port, per test;
  ``sandbox_factory(**options)`` for custom ones.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Keep the app's config/data/keyring out of the real home dir during tests.
_TEST_HOME = Path(tempfile.mkdtemp(prefix="dispatch-test-home-"))
os.environ.setdefault("DISPATCH_HOME", str(_TEST_HOME))
if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker its own home (a worker inherits the controller's)
    os.environ["DISPATCH_HOME"] = str(_TEST_HOME)
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
# Undo send (issue 15) is on by default (10 s); tests written before it expect Ctrl+Return to send at once.
# Tests of undo send set the delay themselves (Settings.set_undo_send_seconds); so does a kill child.
os.environ.setdefault("DISPATCH_UNDO_SEND_DEFAULT", "0")
# The tests read the window's English words, and its dates and numbers as English writes them, whatever the
# machine's language; the language tests (tests/i18n/) choose theirs. Child processes inherit this.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The helpers the tests share (tests/helpers/) assert as test modules do: pytest explains a failing assert there.
pytest.register_assert_rewrite("tests.helpers")

from tests.helpers.ews_accounts import _close_exchangelib_connections  # noqa: E402
from tests.helpers.paths import README_SHOTS, SCREENSHOTS  # noqa: E402
from tests.helpers.wire_dump import WIRE_DUMP, _requests_dumped_by_other_processes, _UnmarkedSandboxTrap  # noqa: E402
_SESSION_START = __import__("time").time()

from tests.ews_wire import WireValidator, load_schema  # noqa: E402


@pytest.fixture(scope="session")
def ews_schema():
    return load_schema()


@pytest.fixture(scope="session")
def _session_wire_validator(ews_schema):
    return WireValidator(ews_schema)


def _report(failures, when):
    return f"schema-invalid SOAP bodies on the wire{when}:\n" + "\n".join(
        f"[{d}] {reason}\n{raw[:1500]!r}" for d, reason, raw in failures)


@pytest.fixture(scope="session")
def _session_graph_validator():
    from tests.graph_schema import load_graph_schemas
    from tests.graph_wire import GraphWireValidator

    return GraphWireValidator(load_graph_schemas())


#: The tiers whose tests may meet a sandbox (their own, one in another process, or the app's): only these get
#: the schema validators, so a unit test builds no schema. ``slow`` tests carry no tier marker (the packaged
#: app's --self-test runs a sandbox).
_VALIDATED_TIERS = ("sandbox", "gui", "process", "slow")


def _meets_a_sandbox(request) -> bool:
    return any(request.node.get_closest_marker(tier) for tier in _VALIDATED_TIERS)


@pytest.fixture(autouse=True)
def _unit_tests_meet_no_sandbox(request):
    if _meets_a_sandbox(request):
        yield
        return
    from app.sandbox import Sandbox

    trap = _UnmarkedSandboxTrap()
    before = {p.name for p in WIRE_DUMP.iterdir()}
    Sandbox.default_wire_observer, Sandbox.default_graph_observer = trap.ews, trap.graph
    yield
    Sandbox.default_wire_observer = Sandbox.default_graph_observer = None
    served = trap.requests + _requests_dumped_by_other_processes(before)
    assert not served, (f"a sandbox served this test {served} request(s), but it is not marked sandbox "
                        "(pytest_collection_modifyitems below): ask for a sandbox fixture, or mark it, so that "
                        "its bodies are validated against the schema")


@pytest.fixture(autouse=True)
def graph_wire_validator(request):
    """Per test that meets a sandbox (``_VALIDATED_TIERS``): every Graph body any sandbox reads or writes is
    checked against the schemas derived from Microsoft's CSDL (tests/graph_wire.py): in this process through
    ``Sandbox.default_graph_observer``, in others through the dump directory. The test fails if any body was
    invalid or took no known route. None for a unit test (no schema built)."""
    if not _meets_a_sandbox(request):
        yield None
        return
    validator = request.getfixturevalue("_session_graph_validator")
    validator.collect(WIRE_DUMP)
    leftover = validator.reset()
    assert not leftover, _report(leftover, " (Graph) before this test started")
    from app.sandbox import Sandbox

    Sandbox.default_graph_observer = validator.observe
    yield validator
    Sandbox.default_graph_observer = None
    validator.collect(WIRE_DUMP)
    failures = validator.reset()
    assert not failures, _report(failures, " (Graph)")


@pytest.fixture(autouse=True)
def wire_validator(request):
    """Per test that meets a sandbox (``_VALIDATED_TIERS``): every SOAP body any sandbox reads or writes is
    validated against the schema: in this process through ``Sandbox.default_wire_observer``, in others
    through the dump directory. The test fails if any body was invalid; what arrives between tests fails
    the next one. None for a unit test: the schema is built once per worker, by the first test that needs it."""
    if not _meets_a_sandbox(request):
        yield None
        return
    validator = request.getfixturevalue("_session_wire_validator")
    validator.collect(WIRE_DUMP)
    leftover = validator.reset()  # recorded after the previous test ended (a late server thread)
    assert not leftover, _report(leftover, " before this test started")
    from app.sandbox import Sandbox

    Sandbox.default_wire_observer = validator.observe
    yield validator
    Sandbox.default_wire_observer = None
    validator.collect(WIRE_DUMP)
    failures = validator.reset()
    assert not failures, _report(failures, "")


@pytest.fixture
def fake_keyring():
    """The OS keyring replaced by an in-memory one (tests/fake_keyring.py: there is no Secret Service on
    this machine); the session's in-memory secrets cleared before and after."""
    import keyring

    from app.storage import secrets
    from tests.fake_keyring import FakeKeyring

    old = keyring.get_keyring()
    kr = FakeKeyring()
    keyring.set_keyring(kr)
    secrets._session.clear()
    try:
        yield kr
    finally:
        keyring.set_keyring(old)
        secrets._session.clear()


@pytest.fixture
def short_home(monkeypatch):
    """This test's own DISPATCH_HOME, short: a Unix socket's path (the account's door, its lock) holds at most
    107 bytes, more than pytest's tmp_path leaves room for."""
    import shutil
    import tempfile

    path = tempfile.mkdtemp(prefix="dm-")
    monkeypatch.setenv("DISPATCH_HOME", path)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def sandbox_factory():
    """Start sandboxes with custom options (e.g. ``max_send_bytes``); all are stopped at teardown. One that serves
    Graph gets its authority's signing key from the worker's ring (tests/helpers/signing_keys.py): a key none of
    this test's other authorities has."""
    from app.sandbox import Sandbox
    from tests.helpers.signing_keys import RING

    started, keys = [], []

    def make(**options):
        options.setdefault("data", ":memory:")
        options.setdefault("port", 0)
        options.setdefault("poll_interval", 0.01)  # stop() waits for each listener's next look: 10 ms, not 100
        if options.get("graph") and "signing_key" not in options:
            options["signing_key"] = RING.take(keys)
            keys.append(options["signing_key"])
        sb = Sandbox(**options)
        sb.start()
        started.append(sb)
        return sb

    try:
        yield make
    finally:
        for sb in started:
            sb.stop()
        _close_exchangelib_connections()


@pytest.fixture
def sandbox(sandbox_factory):
    """A running sandbox (fresh in-memory mailboxes)."""
    return sandbox_factory()


@pytest.fixture(scope="session")
def kdc_realm(tmp_path_factory):
    """A real MIT Kerberos realm for the process (tests/helpers/kdc.py: DISPATCH.TEST, alice's ticket, the
    HTTP/localhost keytab), its variables (``KRB5_CONFIG``, ``KRB5_KDC_PROFILE``, ``KRB5CCNAME``) set in this
    process for every Kerberos call the tests and their sandboxes make; skipped, saying why, where MIT Kerberos
    or the Python bindings are missing."""
    from tests.helpers.kdc import skip_reason, start_realm

    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    realm = start_realm(tmp_path_factory.mktemp("kdc"))
    with pytest.MonkeyPatch.context() as mp:
        for k, v in realm.env.items():
            mp.setenv(k, v)
        try:
            yield realm
        finally:
            realm.stop()


# ---------------- Qt + qasync ----------------

@pytest.fixture(scope="session")
def qapp_cls():
    """pytest-qt's application is the app's own class (app/ui/window/application.py), as ``app_main.run`` makes
    it: the links macOS hands a running application reach the window through it."""
    from app.ui.window.application import DispatchApplication

    return DispatchApplication


@pytest.fixture(scope="session")
def _window_language(qapp):
    """The catalogues the app installs at start (app.app_main), English: its plural forms ("1 file"). Chosen as
    the app chooses without an override (the system's language: English under LC_ALL=C), so the default locale
    stays the system's C locale and dates and numbers are written as the tests read them (an "en" override
    would make it en_US: "11/28/2026 4:57 AM")."""
    from app.ui.common.language import install

    install()


@pytest.fixture(autouse=True)
def _english_window(request):
    """Every test with a QApplication has the English catalogue installed, as the app does at start."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        request.getfixturevalue("_window_language")


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


@pytest.fixture(autouse=True)
def _qasync_loop_only_runs_in_gui_tests(request):
    """qasync's ``already_running=True`` marks the session loop as the thread's running loop for good;
    a plain asyncio test after any GUI test would then fail ("another loop is running"). Outside tests
    that use the qasync loop, hide it, and put it back afterwards."""
    if {"aloop", "qasync_loop"} & set(request.fixturenames):
        yield
        return
    running = asyncio.events._get_running_loop()
    if running is None:
        yield
        return
    asyncio.events._set_running_loop(None)
    try:
        yield
    finally:
        asyncio.events._set_running_loop(running)


@pytest.fixture
def screenshot_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def pytest_testnodedown(node, error):
    """The controller of a parallel run gathers each worker's reliability reports (printed below)."""
    reports = getattr(node, "workeroutput", {}).get("reliability_reports")
    if reports:
        from tests.helpers.reliability_table import from_worker

        from_worker(reports)


def pytest_terminal_summary(terminalreporter):
    if "tests.helpers.reliability_table" in sys.modules:  # nothing to print unless reliability tests ran or reported
        sys.modules["tests.helpers.reliability_table"].write_table(terminalreporter)


def pytest_addoption(parser):
    parser.addoption("--soak", action="store_true", default=False,
                     help="full workload sizes for the tests marked soak (tests/helpers/soak.py); smaller without")


def pytest_configure(config):
    from tests.helpers import soak

    if config.getoption("--soak"):  # before any test module is imported: their sizes are module constants
        os.environ[soak.ENV] = "1"


def pytest_sessionfinish(session, exitstatus):
    """Refresh the README's screenshots from this run (only those this run saved, only on success), when asked
    (``DISPATCH_REFRESH_SHOTS=1``: scripts/refresh-screenshots.sh): a plain test run writes no tracked file.
    In a pytest-xdist worker, hand the reliability reports to the controller first."""
    out = getattr(session.config, "workeroutput", None)
    if out is not None and "tests.helpers.reliability_table" in sys.modules:
        out["reliability_reports"] = sys.modules["tests.helpers.reliability_table"].to_controller()
    if out is not None:  # a worker: the controller copies the pictures once the whole run has passed
        return
    if exitstatus != 0 or os.environ.get("DISPATCH_REFRESH_SHOTS") != "1":
        return
    docs = ROOT / "docs" / "screenshots"
    for name in README_SHOTS:
        src = SCREENSHOTS / name
        if src.exists() and src.stat().st_mtime >= _SESSION_START:
            (docs / name).parent.mkdir(parents=True, exist_ok=True)  # fr/, de/: each language's pictures
            shutil.copyfile(src, docs / name)


# ---- tiers (docs/testing.md): each test is marked by what it needs, so a quick run can leave out the rest
_PROCESS_DIRS = ("reliability",)  # real app processes, kill -9, fault workloads
_SANDBOX_FIXTURES = {"sandbox", "sandbox_factory", "graph_sandbox", "ui_window", "window", "open_window"}


_TIERS = ("unit", "sandbox", "gui", "process")


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = Path(str(item.fspath)).relative_to(ROOT / "tests").parts
        if item.get_closest_marker("slow") or any(item.get_closest_marker(t) for t in _TIERS):
            continue  # a tier the test declares itself stands
        if parts[0] in _PROCESS_DIRS:
            item.add_marker(pytest.mark.process)
        elif parts[0] == "ui":
            item.add_marker(pytest.mark.gui)
        elif _SANDBOX_FIXTURES & set(getattr(item, "fixturenames", ())) or parts[0] in ("sandbox", "graph", "authority"):
            item.add_marker(pytest.mark.sandbox)
        else:
            item.add_marker(pytest.mark.unit)
    items[:] = _longest_first(items)


#: the tiers from the longest tests to the shortest (docs/testing.md): a parallel run hands the next test to
#: whichever worker is free (scripts/run-tests.sh: ``--maxschedchunk 1``), so the long ones go first and the
#: run ends on short ones, not on a package build or a kill soak that started late
_LONGEST_FIRST = ("slow", "process", "gui", "sandbox", "unit")


def _longest_first(items: list) -> list:
    """The tests in the order the run hands them out (a stable sort: within a tier, as collected). The package
    build comes first of all: the first test that needs it starts it. The others that need it come after the
    slow and process tiers, by when it is mostly built (one that comes sooner waits on its lock, in one worker,
    while the others go on), rather than at the very end, where they would make the run's tail."""
    def rank(item) -> int:
        return next((i for i, tier in enumerate(_LONGEST_FIRST) if item.get_closest_marker(tier)), len(_LONGEST_FIRST))

    build = [item for item in items
             if item.nodeid.startswith("tests/test_packaging.py") and "build" in getattr(item, "fixturenames", ())]
    ordered = sorted((item for item in items if item not in build), key=rank)
    after = sum(1 for item in ordered if rank(item) <= _LONGEST_FIRST.index("process"))
    return build[:1] + ordered[:after] + build[1:] + ordered[after:]
