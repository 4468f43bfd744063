"""``dispatch-mail --self-test``: prove an installation works, end to end, in a few seconds.

Runs offscreen (``QT_QPA_PLATFORM=offscreen`` unless set), in a throw-away ``DISPATCH_HOME`` (so it never
reads or writes the user's settings, data, logs or keyring), and goes through the real code paths:

1. the real start-up path (``MainWindow`` + ``app_main.Controller`` with ``--sandbox``) starts the
   built-in sandbox EWS server in this process and connects to it with the real backend (exchangelib);
2. fills Compose programmatically (To, Subject, Body widgets) and triggers the window's *Save draft* action;
3. triggers the *Send* action;
4. checks, through the sandbox's own API, that the message is in alice's Sent Items and bob's Inbox;
5. opens a long body of HTML another program wrote: Qt's HTML of it comes from the helper process (the
   packaged app's own executable, ``app/ui/compose/body/html_helper.py``), then goes into Compose a piece per turn.

Prints ONE line and returns 0 on success, e.g.
``self-test: OK (saved, sent, in Sent Items, in bob's Inbox, long HTML opened) in 1.9 s``, or
``self-test: FAILED at <step>: <reason> (log: <path>)`` and a non-zero exit status.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sys
import tempfile
import time
import uuid
from types import SimpleNamespace
from pathlib import Path

from app.storage.logfile import file_handler

SENDER = "alice@example.com"
RECIPIENT = "bob@example.com"
STEP_TIMEOUT = 60.0  # seconds per step; the whole run normally takes 1-3 s


class SelfTestFailed(Exception):
    def __init__(self, step: str, reason: str):
        super().__init__(f"{step}: {reason}")
        self.step = step
        self.reason = reason


def _prepare_environment(home: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    os.environ["DISPATCH_HOME"] = str(home)
    # The demo mailbox needs no keyring; make sure nothing reaches the user's real one.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(file_handler(home / "logs", "self-test.log", rotate=False))
    root.setLevel(logging.INFO)


async def _signal_or_error(window, signal, action, step: str):
    """Trigger ``action`` and wait for ``signal``'s first emission; fail with what the UI shows."""
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def got(value=None):
        if not fut.done():
            fut.set_result(value)

    signal.connect(got)
    try:
        action.trigger()
        deadline = loop.time() + STEP_TIMEOUT
        while not fut.done():
            await asyncio.wait({fut}, timeout=0.05)
            shown = window.compose.error_text() or window.banner.text()  # "" while hidden
            if not fut.done() and shown and not window.busy:
                raise SelfTestFailed(step, shown)
            if loop.time() > deadline:
                raise SelfTestFailed(step, f"no result after {STEP_TIMEOUT:.0f} s")
        return fut.result()
    finally:
        signal.disconnect(got)


async def _wait_for(check, step: str, timeout: float = 10.0):
    """Poll ``check()`` (in a worker thread: it reads the sandbox's store) until it returns truthy."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            found = await loop.run_in_executor(None, check)
        except Exception as exc:  # noqa: BLE001 - report which step could not look, and why
            raise SelfTestFailed(step, f"{type(exc).__name__}: {exc}") from exc
        if found:
            return found
        if loop.time() > deadline:
            raise SelfTestFailed(step, f"not found after {timeout:.0f} s")
        await asyncio.sleep(0.05)


async def _run_steps(done: list[str]) -> None:
    from app.app_main import Controller
    from app.domain.models import Recipient
    from app.storage import secrets
    from app.storage.settings import Settings
    from app.ui.window.main_window import MainWindow

    settings = Settings()
    settings.set_undo_send_seconds(0)  # its own home: the send goes at once (undo send has its own tests)
    window = MainWindow(settings=settings, keyring_ok=secrets.keyring_available())
    window.show()
    try:
        Controller(SimpleNamespace(sandbox=True, ews_url=None), window, settings).start()
        if window.session is None or window.connect_task is None:
            raise SelfTestFailed("start", "the sandbox session did not start")
        try:
            ok = await asyncio.wait_for(window.connect_task, STEP_TIMEOUT)
        except asyncio.TimeoutError:
            raise SelfTestFailed("connect", f"no answer from the built-in sandbox after {STEP_TIMEOUT:.0f} s")
        if not ok:
            raise SelfTestFailed("connect", window.banner.text())
        demo = getattr(window.session, "demo", None)
        sandbox = getattr(demo, "sandbox", None)
        if sandbox is None:
            raise SelfTestFailed("connect", "the built-in sandbox is not running")

        # --- compose, then Save draft (the Ctrl+S action) ---
        subject = f"Dispatch self-test {uuid.uuid4().hex[:12]}"
        compose = window.compose
        window.show_view("compose")
        compose.to.set_recipients([Recipient(RECIPIENT, "Bob")])
        compose.subject.setText(subject)
        compose.body.setPlainText("This message was sent by dispatch-mail --self-test.\n")
        saved = await _signal_or_error(window, window.draft_saved, window.actions_.save, "save")
        if saved is None or saved.ref is None:
            raise SelfTestFailed("save", "the draft has no server id after saving")
        await _wait_for(lambda: any(i["subject"] == subject for i in sandbox.mailbox(SENDER).items("drafts")),
                        "save (draft in alice's Drafts)")
        done.append("saved")

        # --- Send (the Ctrl+Return action) ---
        outcome = await _signal_or_error(window, window.message_sent, window.actions_.send, "send")
        if outcome is None or not outcome.ok:
            why = getattr(outcome, "explanation", "") or getattr(outcome, "code", "") or "no outcome"
            raise SelfTestFailed("send", why)
        done.append("sent")

        await _wait_for(lambda: any(i["subject"] == subject for i in sandbox.mailbox(SENDER).items("sentitems")),
                        "check Sent Items")
        done.append("in Sent Items")
        await _wait_for(lambda: any(i["subject"] == subject for i in sandbox.mailbox(RECIPIENT).items("inbox")),
                        "check bob's Inbox")
        done.append("in bob's Inbox")
        await _open_foreign_html(compose)
        done.append("long HTML opened")
        await window.flows.wait_idle()
    finally:
        session = window.session
        window.close_now()
        if session is not None:
            await asyncio.get_running_loop().run_in_executor(None, session.close)


async def _open_foreign_html(compose) -> None:
    """A long body in HTML Qt did not write goes to the helper process, and Qt's HTML of it into Compose."""
    from app.domain.models import BodyFormat, Draft
    from app.ui.compose.body.body_loader import FOREIGN_FROM

    step = "open long HTML"
    paragraphs = FOREIGN_FROM // 30 + 1
    html = ("<html><head><style>p.x {margin:0}</style></head><body><div class=Section1>"
            + "".join(f"<p class=x>Self-test paragraph {i}</p>" for i in range(paragraphs)) + "</div></body></html>")
    loader = compose.loader
    finished = asyncio.get_running_loop().create_future()

    def on_finished():
        if not finished.done():
            finished.set_result(None)

    loader.finished.connect(on_finished)
    try:
        compose.load(Draft(subject="Dispatch self-test: long HTML", body=html, body_format=BodyFormat.HTML))
        if not loader.waiting:
            raise SelfTestFailed(step, "the body was not handed to the helper process")
        helper = loader.helper
        try:
            await asyncio.wait_for(finished, STEP_TIMEOUT)
        except asyncio.TimeoutError:
            raise SelfTestFailed(step, f"not all in after {STEP_TIMEOUT:.0f} s")
    finally:
        loader.finished.disconnect(on_finished)
    if helper.failure:
        raise SelfTestFailed(step, f"the helper process failed: {helper.failure}")
    if not compose.body.toPlainText().rstrip().endswith(f"Self-test paragraph {paragraphs - 1}"):
        raise SelfTestFailed(step, "the body is not all in Compose")
    compose.clear()


def run(argv: list[str] | None = None) -> int:
    """Entry point for ``dispatch-mail --self-test``. Prints one line; 0 on success."""
    t0 = time.perf_counter()
    home = Path(tempfile.mkdtemp(prefix="dispatch-self-test-"))
    _prepare_environment(home)
    done: list[str] = []
    error: str | None = None
    try:
        import qasync
        from PySide6.QtWidgets import QApplication

        from app import APP_ID, APP_NAME

        from PySide6.QtCore import qInstallMessageHandler

        qt_log = logging.getLogger("qt")
        qInstallMessageHandler(lambda _mode, _ctx, msg: qt_log.info("%s", msg))  # keep stdout to one line
        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "dispatch-mail"])
        app.setApplicationName(APP_NAME)
        app.setDesktopFileName(APP_ID)
        app.setQuitOnLastWindowClosed(False)
        qasync.run(_run_steps(done))
    except SelfTestFailed as exc:
        error = f"FAILED at {exc.step}: {exc.reason}"
    except BaseException as exc:  # noqa: BLE001 - the one line must say what went wrong, no traceback
        logging.getLogger(__name__).exception("self-test crashed")
        error = f"FAILED: {type(exc).__name__}: {exc}"
    elapsed = time.perf_counter() - t0
    logging.shutdown()
    if error is None:
        shutil.rmtree(home, ignore_errors=True)
        print(f"self-test: OK ({', '.join(done)}) in {elapsed:.1f} s", flush=True)
        return 0
    step_list = f" [done: {', '.join(done)}]" if done else ""
    print(f"self-test: {error}{step_list} after {elapsed:.1f} s (log: {home / 'logs' / 'self-test.log'})",
          flush=True)
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
