"""The mail engine in its own process: a :class:`MailService` whose calls run in a child process.

Why: the EWS backend turns a message into XML (exchangelib, lxml) and reads the server's XML back with
whole-text calls that hold the interpreter's lock for as long as they take: ~50 ms for a 1 MB body and
~350 ms for a 10 MB one. In the window's process those moments stop the UI thread too, however the work is
threaded. In a process of its own they cost the window nothing: it only writes the call's arguments into a
pipe and reads the answer back (the operating system's copy, which does not hold the lock). Evolution runs
its Exchange backend outside the UI for the same reason.

The child (``python -m app.mail.engine_host``, or ``dispatch-mail --mail-engine`` when packaged) builds the real backend with
:func:`app.mail.backends.create_service` and answers calls in its own threads, in any order; this side
matches answers to calls by number. A change of the account's settings (:meth:`RemoteService.account_changed`: the mailboxes it sends from)
reaches the running child before the next call. The account's password travels through the pipe, never on the command
line or in the environment. When the child dies, every call waiting on it fails as the network would have
failed it: a call that may have changed the mailbox (save, send, delete) with :class:`OutcomeUnknown`, so the
core settles it by Message-ID as after a lost answer; the others with :class:`ConnectionFailed`. The next
call starts a new child.

Only what pickles crosses: the domain's dataclasses, and errors (``app.mail.errors``) as their class name
and attributes (:func:`app.mail.engine_wire.error_state`).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import subprocess
import threading
from concurrent.futures import Future

from app import MAIL_ENGINE_FLAG, own_process
from app.mail import engine_wire as wire
from app.mail.errors import ConnectionFailed, OutcomeUnknown
from app.mail.service import DIRECTORY_PAGE_SIZE, REPORT_PAGE_SIZE, AwaitedCalls, MailService, ServerInfo

log = logging.getLogger(__name__)

# The calls that may change the mailbox: when the child dies during one, nobody knows whether it happened.
CHANGES_MAILBOX = frozenset({"save_draft", "send_drafts", "send_mime", "delete_items"})
# How long a closed engine may go on with the calls it had begun (each is bounded by the backend's own
# timeouts and retries) before it is stopped.
CLOSE_SECONDS = 300.0


class _Child:
    """One running engine process and the thread that reads its answers.

    A call writes its frame and returns a :class:`Future` at once (:meth:`submit`); the reader thread resolves it
    when the answer arrives. Nobody needs a thread that only waits: a thread's caller waits on the future
    (:meth:`call`), the asyncio loop awaits it (:func:`awaitable`)."""

    def __init__(self, account, password: str, options: dict):
        self.proc = subprocess.Popen(engine_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     env=_engine_env(password), close_fds=True,
                                     cwd=own_process.ROOT)
        self._write_lock = threading.Lock()
        self._pending: dict[int, tuple[str, Future]] = {}
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self.alive = True
        self._reader = threading.Thread(target=self._read_answers, name="mail-engine-reader", daemon=True)
        self._reader.start()
        # The backend built in the child (its errors are the backend's own; its answer, what the backend tells
        # the core): every call waits for this before its frame goes.
        self.ready: Future = self.submit("__init__", (account, password, options), {})

    def call(self, method: str, args: tuple, kwargs: dict):
        """The answer, waited for in the caller's thread (the sync face)."""
        return self.submit(method, args, kwargs).result()

    def submit(self, method: str, args: tuple, kwargs: dict) -> Future:
        """Write the call's frame; its answer (or the error it raised) comes in the returned future."""
        number = next(self._numbers)
        future: Future = Future()
        with self._lock:
            if not self.alive:
                future.set_exception(_lost(method))
                return future
            self._pending[number] = (method, future)
        try:
            with self._write_lock:
                wire.write_frame(self.proc.stdin, (number, method, args, kwargs))
        except (OSError, ValueError):
            self._lost_all()
        return future

    def _read_answers(self) -> None:
        try:
            while True:
                frame = wire.read_frame(self.proc.stdout)
                if frame is None:
                    break
                number, ok, value = frame
                with self._lock:
                    method, future = self._pending.pop(number, (None, None))
                if future is None:
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(wire.error_from_state(value))
        except Exception:  # noqa: BLE001 - a broken pipe or frame: the child is as good as dead
            log.exception("the mail engine's answer could not be read")
        finally:
            self._lost_all()

    def _lost_all(self) -> None:
        with self._lock:
            self.alive = False
            pending, self._pending = self._pending, {}
        for method, future in pending.values():
            if not future.done():
                future.set_exception(_lost(method))

    def close(self) -> None:
        """End the engine without waiting for it: it finishes the calls it has begun (their answers still
        arrive), then leaves; one that has not left after :data:`CLOSE_SECONDS` is
        stopped."""
        try:
            with self._write_lock:
                wire.write_frame(self.proc.stdin, (0, wire.CLOSE, (), {}))
                self.proc.stdin.close()
        except (OSError, ValueError):
            pass
        threading.Thread(target=self._reap, name="mail-engine-reaper", daemon=True).start()

    def _reap(self) -> None:
        try:
            self.proc.wait(CLOSE_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join()


def awaitable(future: Future) -> asyncio.Future:
    """``future`` (resolved by the engine's reader thread) as a future of the running loop, resolved there with
    ``loop.call_soon_threadsafe``. Cancelling the awaiting task leaves the call to the engine: it goes on as
    a call already on the wire does (a send may still go out; the core settles it by Message-ID), and its
    answer is dropped."""
    loop = asyncio.get_running_loop()
    into = loop.create_future()

    def arrived(done: Future) -> None:  # in the reader thread, or here when already done
        try:
            loop.call_soon_threadsafe(_copy, done, into)
        except RuntimeError:  # the loop closed meanwhile: nobody awaits the answer any more
            pass

    future.add_done_callback(arrived)
    return into


def _in_thread(fn, name: str) -> Future:
    """``fn()`` run in a daemon thread of its own (a daemon: it never holds up the app's exit)."""
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(fn())
        except BaseException as exc:  # noqa: BLE001 - handed to whoever awaits the future
            future.set_exception(exc)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future


def _copy(done: Future, into: asyncio.Future) -> None:
    if into.done():  # the awaiting task was cancelled
        return
    error = done.exception()
    if error is not None:
        into.set_exception(error)
    else:
        into.set_result(done.result())


def engine_command() -> list[str]:
    """This same program as the engine: the packaged executable with the flag, or Python on this installation's
    code only (app/own_process.py: never a folder the window was started from)."""
    return own_process.command("app.mail.engine_host", frozen_flag=MAIL_ENGINE_FLAG)


def _engine_env(password: str) -> dict:
    """What the engine needs of the window's environment (app/own_process.py), never the password: it crosses
    the pipe only, whatever variable ``--password-env`` named."""
    return own_process.child_env(secrets=(password,))


def _lost(method: str) -> Exception:
    if method in CHANGES_MAILBOX:
        return OutcomeUnknown("The mail engine stopped before the server's answer arrived")
    return ConnectionFailed("The mail engine stopped before the server answered")


class RemoteService(MailService, AwaitedCalls):
    """A backend run by :mod:`app.mail.engine_host` in a child process. Safe to call from many threads; the
    asyncio loop awaits its calls directly (:meth:`acall`)."""

    def __init__(self, account, password: str, **options):
        self.email = account.email
        self._start = (account, password, options)
        self._child: _Child | None = None
        self._child_lock = threading.Lock()
        self._stale = False  # the running engine has the account's settings of before account_changed()

    def _running(self) -> tuple[_Child, Future]:
        """The engine, started when none runs (without waiting for it), and what a call must wait for before
        its frame goes: the engine's start, or the account's new settings (:meth:`account_changed`)."""
        with self._child_lock:
            if self._child is None or not self._child.alive:
                self._child = _Child(*self._start)
                self._stale = False
                return self._child, self._child.ready
            gate = self._child.ready
            if self._stale:  # before any later call: the engine reads frames in order, this one at once
                gate = self._child.submit(wire.CONFIGURE, (self._start[0],), {})
                self._stale = False
            return self._child, gate

    def _passed(self, child: _Child, gate: Future) -> None:
        """After ``gate`` is done: raise what it raised (an engine that could not start is closed, and the
        next call starts another); else learn what the engine's backend told."""
        error = gate.exception()
        if error is not None:
            if gate is child.ready:
                self._discard(child)
            else:  # the new settings did not reach it: the next call hands them again
                with self._child_lock:
                    self._stale = self._stale or self._child is child
            raise error
        self.send_settle_seconds = float(child.ready.result().get("send_settle_seconds", 0.0))

    def _discard(self, child: _Child) -> None:
        with self._child_lock:
            if self._child is not child:
                return
            self._child = None
        child.close()

    def _call(self, method: str, *args, **kwargs):
        """The sync face (a caller's own thread waits): tests, and a backend called outside an event loop."""
        child, gate = self._running()
        gate.exception()  # waits
        self._passed(child, gate)
        return child.call(method, args, kwargs)

    async def acall(self, method: str, *args, **kwargs):
        """The asyncio face: the call's frame is written from the loop's thread and its answer awaited there,
        with no thread in between that only waits (:func:`awaitable`)."""
        if method not in wire.CALLS:
            raise ValueError(f"no such call: {method}")
        child = self._child
        if child is not None and child.alive:
            child, gate = self._running()
        else:  # starting a process takes the loop's thread up to ~25 ms: done in a thread of its own, once
            child, gate = await awaitable(_in_thread(self._running, "mail-engine-start"))
        if not gate.done():
            try:
                await awaitable(gate)
            except Exception:  # noqa: BLE001 - raised below, once the engine that could not start is let go
                pass
        self._passed(child, gate)
        return await awaitable(child.submit(method, args, kwargs))

    def account_changed(self, account) -> None:
        """The account's settings changed: the running engine gets them before the next call (a new one
        starts with them); calls it has begun finish as they began. No I/O here (the UI's thread may call)."""
        with self._child_lock:
            self._start = (account, *self._start[1:])
            self._stale = self._child is not None

    @property
    def pid(self) -> int | None:
        """The engine's process id (None before the first call)."""
        child = self._child
        return child.proc.pid if child is not None else None

    def connect(self) -> ServerInfo:
        return self._call("connect")

    def save_draft(self, draft):
        return self._call("save_draft", draft)

    def send_drafts(self, refs, *, save_copy: bool = True):
        return self._call("send_drafts", list(refs), save_copy=save_copy)

    def send_mime(self, mime: bytes) -> None:
        return self._call("send_mime", bytes(mime))

    def list_messages(self, folder, offset: int, limit: int):
        return self._call("list_messages", folder, offset, limit)

    def get_message(self, ref):
        return self._call("get_message", ref)

    def delete_items(self, refs, *, to_trash: bool = True):
        return self._call("delete_items", list(refs), to_trash=to_trash)

    def resolve_names(self, text: str):
        return self._call("resolve_names", text)

    def find_by_message_ids(self, internet_message_ids):
        return self._call("find_by_message_ids", list(internet_message_ids))

    def find_reports(self, since, *, limit: int = 200, page_size: int = REPORT_PAGE_SIZE):
        return self._call("find_reports", since, limit=limit, page_size=page_size)

    def report_mime(self, ref):
        return self._call("report_mime", ref)

    def list_scheduled(self, limit: int = 200):
        return self._call("list_scheduled", limit)

    def take_back(self, ref):
        return self._call("take_back", ref)

    def search_directory(self, text: str, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = ""):
        return self._call("search_directory", text, limit=limit, page=page)

    def group_members(self, group, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = ""):
        return self._call("group_members", group, limit=limit, page=page)

    def close(self) -> None:
        """Stop the engine (as a backend releases its connections); a later call starts another."""
        with self._child_lock:
            child, self._child = self._child, None
        if child is not None:
            child.close()
