"""The app as a screen reader meets it: a private desktop session for the AT-SPI tests (tests/accessibility/).

:class:`AtspiSession` starts, each as its own process, and stops in reverse order:
1. a virtual X server (``Xvfb -displayfd``: it picks a free display and says which);
2. a private D-Bus session bus (``dbus-daemon --session --print-address``);
3. the accessibility bus on it (at-spi2-core's ``at-spi-bus-launcher --launch-immediately``, which starts the
   a11y bus and ``at-spi2-registryd``);
4. the reader (tests/helpers/atspi_reader.py) under Debian's ``/usr/bin/python3``, which has python3-pyatspi;
   it records the events a screen reader listens to into ``events.jsonl`` and answers commands (``dump``);
5. the app itself (:meth:`AtspiSession.start_app`): a real process on the xcb platform with Qt's AT-SPI bridge
   on (``QT_ACCESSIBILITY=1``, ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``), driven from inside by a child driver
   that answers JSON commands (tests/accessibility/atspi_app_child.py).

Every wait is on a line from a pipe or a line in a file, with a deadline; none is a fixed sleep.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
#: where Debian and others put at-spi2-core's bus launcher
LAUNCHER_DIRS = ("/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/x86_64-linux-gnu/at-spi2-core",
                 "/usr/libexec/at-spi2-core")
SETUP_HINT = "install them with scripts/bootstrap.sh test (apt: at-spi2-core python3-pyatspi dbus xvfb)"


class HarnessError(RuntimeError):
    """A part of the session did not come up (its stderr is in the message)."""


def find_launcher() -> str | None:
    for d in LAUNCHER_DIRS:
        p = Path(d) / "at-spi-bus-launcher"
        if p.is_file() and os.access(p, os.X_OK):
            return str(p)
    return None


def missing_parts() -> list[str]:
    """What this machine lacks for the harness (empty when it can run)."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if find_launcher() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    if not os.access(SYSTEM_PYTHON, os.X_OK) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (python3-pyatspi)")
    return missing


class Lines:
    """Lines from a pipe, each waited for with a deadline (select on the pipe, no sleeps)."""

    def __init__(self, fd: int, what: str):
        self.fd, self.what, self.buffer = fd, what, b""
        os.set_blocking(fd, False)

    def read(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise TimeoutError(f"{self.what}: no line within {timeout} s")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise HarnessError(f"{self.what}: the pipe closed (the process ended)")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")


class JsonProcess:
    """A process that takes one JSON command a line on stdin and answers one JSON line on ``reply_fd``."""

    def __init__(self, proc: subprocess.Popen, replies: Lines, name: str, stderr_path: Path):
        self.proc, self.replies, self.name, self.stderr_path = proc, replies, name, stderr_path

    def stderr(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def ask(self, timeout: float = 30.0, **request) -> dict:
        """Send ``request`` (its ``id`` is added) and wait for the answer that carries the same id: an answer to
        an earlier request that timed out is passed over. A request with ``within`` (a wait the process does
        itself) gets that long and 10 s more."""
        self.last_id = getattr(self, "last_id", 0) + 1
        request["id"] = self.last_id
        timeout = max(timeout, request.get("within", 0) + 10)
        try:
            self.proc.stdin.write((json.dumps(request) + "\n").encode())
            self.proc.stdin.flush()
            return self.reply(timeout, self.last_id)
        except (TimeoutError, HarnessError, BrokenPipeError) as exc:
            raise HarnessError(f"{self.name} did not answer {request}: {exc}\n--- its stderr:\n{self.stderr()}") from exc

    def reply(self, timeout: float, request_id: int | None = None) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            answer = json.loads(self.replies.read(max(0.0, deadline - time.monotonic())))
            if request_id is None or answer.get("id") == request_id:
                break
        if not answer.get("ok", False):
            raise HarnessError(f"{self.name} refused: {answer}")
        return answer


class Events:
    """The reader's events file, read as it grows: :meth:`wait` for an event that matches."""

    def __init__(self, path: Path):
        self.path, self.seen, self._offset, self._rest = path, [], 0, b""

    def _more(self) -> None:
        with open(self.path, "rb") as f:
            f.seek(self._offset)
            chunk = f.read()
        self._offset += len(chunk)
        data = self._rest + chunk
        *lines, self._rest = data.split(b"\n")
        self.seen.extend(json.loads(line) for line in lines if line.strip())

    def mark(self) -> int:
        """Where the events seen so far end (wait for events after it)."""
        self._more()
        return len(self.seen)

    def wait(self, match, since: int = 0, timeout: float = 15.0) -> dict:
        """The first event after ``since`` for which ``match(event)`` is true; the file is read again every
        20 ms until the deadline (the reader writes each event as it comes)."""
        deadline = time.monotonic() + timeout
        while True:
            self._more()
            found = next((e for e in self.seen[since:] if match(e)), None)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                kinds = sorted({e["type"] for e in self.seen[since:]})
                raise TimeoutError(f"no matching AT-SPI event within {timeout} s; seen since: {kinds}")
            time.sleep(0.02)

    def since(self, mark: int) -> list[dict]:
        self._more()
        return self.seen[mark:]


class AtspiSession:
    """One private desktop: X server, session bus, accessibility bus and reader; ``start_app`` adds the app."""

    def __init__(self, workdir: Path):
        self.dir = Path(workdir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.procs: list[subprocess.Popen] = []
        self.env = dict(os.environ)
        self.events_path = self.dir / "events.jsonl"
        self.events_path.touch()
        self.events = Events(self.events_path)
        self.reader: JsonProcess | None = None
        self.app: JsonProcess | None = None

    # ---- start -------------------------------------------------------------------------------------------
    def _spawn(self, args, name: str, **kw) -> subprocess.Popen:
        err = open(self.dir / f"{name}.stderr", "wb")
        proc = subprocess.Popen(args, stderr=err, env=kw.pop("env", self.env), start_new_session=True, **kw)
        err.close()
        self.procs.append(proc)
        return proc

    def _first_line(self, fd: int, what: str, timeout: float = 20.0) -> str:
        try:
            return Lines(fd, what).read(timeout).strip()
        except (TimeoutError, HarnessError) as exc:
            raise HarnessError(f"{exc}\n--- its stderr:\n{self._stderr(what)}") from exc
        finally:
            os.close(fd)

    def _stderr(self, name: str) -> str:
        p = self.dir / f"{name}.stderr"
        return p.read_text(errors="replace")[-4000:] if p.exists() else ""

    def start(self) -> "AtspiSession":
        missing = missing_parts()
        if missing:
            raise HarnessError(f"the AT-SPI harness needs {', '.join(missing)}: {SETUP_HINT}")
        try:
            self._start_x()
            self._start_buses()
            self._start_reader()
        except BaseException:
            self.close()
            raise
        return self

    def _start_x(self) -> None:
        r, w = os.pipe()
        self._spawn(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], "xvfb",
                    pass_fds=(w,), stdout=subprocess.DEVNULL)
        os.close(w)
        self.env["DISPLAY"] = ":" + self._first_line(r, "xvfb")
        self.env.pop("WAYLAND_DISPLAY", None)

    def _start_buses(self) -> None:
        r, w = os.pipe()
        self._spawn(["dbus-daemon", "--session", "--nofork", f"--print-address={w}"], "dbus", pass_fds=(w,),
                    stdout=subprocess.DEVNULL)
        os.close(w)
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._first_line(r, "dbus")
        for var in ("AT_SPI_BUS_ADDRESS", "DBUS_SYSTEM_BUS_ADDRESS"):  # never the machine's own buses
            self.env.pop(var, None)
        self.env["XDG_RUNTIME_DIR"] = str(self.dir / "runtime")
        (self.dir / "runtime").mkdir(mode=0o700, exist_ok=True)
        self._spawn([find_launcher(), "--launch-immediately"], "at-spi-bus-launcher", stdout=subprocess.DEVNULL)

    def _start_reader(self) -> None:
        r, w = os.pipe()
        err = self.dir / "reader.stderr"
        # the reader answers on a pipe of its own (fd 3 would do, but stdout is simplest: it prints nothing else)
        proc = self._spawn([SYSTEM_PYTHON, str(READER), str(self.events_path)], "reader", stdin=subprocess.PIPE,
                           stdout=w)
        os.close(w)
        self.reader = JsonProcess(proc, Lines(r, "the AT-SPI reader"), "the AT-SPI reader", err)
        self.reader.ask(timeout=30.0, cmd="ping")  # answered once the a11y bus is up and the listeners are in

    def start_app(self, child: Path, home: Path, extra_env: dict | None = None, timeout: float = 60.0) -> JsonProcess:
        """The app (``child``: a script that runs the real app with a driver) on this session's display and
        buses; returns once the driver says the window is ready."""
        r, w = os.pipe()
        env = dict(self.env, QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   DISPATCH_HOME=str(home), ATSPI_REPLY_FD=str(w), PYTHONPATH=str(ROOT),
                   QT_LOGGING_RULES="qt.qpa.*=false")
        env.update(extra_env or {})
        err = self.dir / "app.stderr"
        proc = self._spawn([sys.executable, str(child)], "app", env=env, stdin=subprocess.PIPE,
                           stdout=subprocess.DEVNULL, pass_fds=(w,))
        os.close(w)
        self.app = JsonProcess(proc, Lines(r, "the app's driver"), "the app's driver", err)
        try:
            self.app.reply(timeout)  # the driver's first line: the window is up and signed in
        except (TimeoutError, HarnessError) as exc:
            raise HarnessError(f"the app did not become ready: {exc}\n--- its stderr:\n{self.app.stderr()}") from exc
        return self.app

    # ---- read --------------------------------------------------------------------------------------------
    def dump(self, app_name: str = "Dispatch", timeout: float = 60.0) -> list[dict]:
        out = self.dir / "tree.json"
        self.reader.ask(timeout=timeout, cmd="dump", app=app_name, out=str(out))
        return json.loads(out.read_text(encoding="utf-8"))

    # ---- stop --------------------------------------------------------------------------------------------
    def close(self) -> None:
        for jp in (self.app, self.reader):
            if jp is not None and jp.proc.poll() is None:
                try:
                    jp.proc.stdin.write(b'{"cmd": "quit"}\n')
                    jp.proc.stdin.flush()
                except (BrokenPipeError, OSError):
                    pass
        for proc in reversed(self.procs):
            if proc.poll() is None:
                try:
                    proc.wait(timeout=3 if proc in (getattr(self.app, "proc", None), getattr(self.reader, "proc", None))
                              else 0)
                except subprocess.TimeoutExpired:
                    pass
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
            if proc.stdin is not None:
                proc.stdin.close()
        self.procs.clear()
