"""The mail engine's process (:mod:`app.mail.engine`): builds the account's backend and answers calls.

Reads frames ``(number, method, args, kwargs)`` from its input and writes ``(number, ok, value)`` to its
output, each call in a thread of its own pool (a backend is safe to call from several threads), so a slow
send does not hold up a list. The first call, ``__init__``, builds the backend; ``__configure__`` hands it the
account's changed settings, answered before the next frame is read. Closed by the window
(a close frame), it finishes the calls it has begun and leaves; when its input ends without one, the
window's process died (kill -9, a crash), and it leaves at once, with the window, as a backend in the
window's threads would have.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from app.mail import engine_wire as wire

CALLS = wire.CALLS
# As many calls at once as the window's mail client makes (app.core.accounts.mailclient), and a few to spare.
WORKERS = 8


class Host:
    def __init__(self, out):
        self._out = out
        self._out_lock = threading.Lock()
        self._service = None
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="engine")

    def serve(self, stream) -> None:
        while (frame := wire.read_frame(stream)) is not None:
            number, method, args, kwargs = frame
            if method == wire.CLOSE:
                break
            if method == "__init__":
                self._answer(number, self._build, args, kwargs)  # before any other call is read
            elif method == wire.CONFIGURE:
                self._answer(number, self._configure, args, kwargs)  # so every later call has the new settings
            else:
                self._pool.submit(self._answer, number, self._invoke, (method, args, kwargs), {})
        else:  # the input ended without a close: the window's process died; so does its engine, at once
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))  # Windows: TerminateProcess
        self._pool.shutdown(wait=True)
        if self._service is not None:
            self._service.close()

    def _build(self, account, password, options) -> dict:
        from app.mail.backends import create_local_service

        self._service = create_local_service(account, password, **options)
        return {"send_settle_seconds": self._service.send_settle_seconds}

    def _configure(self, account) -> None:
        if self._service is None:
            raise wire.EngineFault("no backend to configure")
        self._service.account_changed(account)

    def _invoke(self, method: str, args, kwargs):
        if method not in CALLS or self._service is None:
            raise wire.EngineFault(f"no such call: {method}")
        return getattr(self._service, method)(*args, **kwargs)

    def _answer(self, number: int, fn, args, kwargs) -> None:
        try:
            frame = (number, True, fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the caller
            frame = (number, False, wire.error_state(exc))
        with self._out_lock:
            wire.write_frame(self._out, frame)


def _log_privately() -> None:
    """Warnings to stderr (the window's, or the command's), formatted as the window formats its own
    (app/domain/log_privacy.py): exchangelib's record of a reply it cannot read holds the whole request."""
    from app.domain.log_privacy import PrivateFormatter

    err = logging.StreamHandler(sys.stderr)
    err.setFormatter(PrivateFormatter())
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    root.addHandler(err)


def main() -> None:
    _log_privately()
    out = sys.stdout.buffer
    with contextlib.redirect_stdout(sys.stderr):  # nothing printed may end up inside a frame
        Host(out).serve(sys.stdin.buffer)


if __name__ == "__main__":
    main()
