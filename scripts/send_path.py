"""The path of a send, measured (issue 76, item 8): the window's Ctrl+Return and ``dispatch-mail send``, from the key
press or the command's start to the EWS ``SendItem`` request leaving for the server.

Each path is run once against the sandbox under ``sys.setprofile``/``threading.setprofile`` (tooling: nothing of
this is in the app), and every call of a function of ``app/`` is recorded with the process and the thread it ran in:

- **window**: the window in this process (offscreen), its EWS backend in the mail engine's process as the app runs
  it; recorded from the key press until the ``send_drafts`` frame is written into the engine's pipe. The engine's
  side is the same code (:class:`app.mail.engine_host.Host`) run in this process on a pipe of its own, recorded
  from that frame until the ``SendItem`` request leaves (requests' ``HTTPAdapter.send``; ``CreateItem`` for a
  message sent as its MIME, ``send_mime``: the engine's side replays the call the window wrote).
- **command**: ``python -m app send ...`` in its own process, recorded by this script (``--trace-command``) from its
  start until it writes to the account's door (a Unix socket); the window's side from its first call of a
  door module until the ``send_drafts`` frame goes into the engine's pipe; then the engine's side as above.

A *boundary* is where the path leaves one thread or process for another: a thread hop (a thread other than
the one before runs the next call of the path), the door socket, the engine pipe, HTTP. Hand-offs between
asyncio tasks on one thread are not boundaries. The result is the generated block of docs/architecture.md
(``<!-- gen:send-path -->``); ``tests/ui/test_send_path.py`` runs the paths and fails when the block is stale.

Run: ``python scripts/send_path.py`` (runs that test in write mode: it rewrites the block), or
``python scripts/send_path.py --print`` (prints the block the last run wrote to bench/out/send_path.json).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app") + os.sep
ARCHITECTURE = ROOT / "docs" / "architecture.md"
OUT = ROOT / "bench" / "out" / "send_path.json"
WRITE_VARIABLE = "DISPATCH_SEND_PATH_WRITE"  # the test rewrites the block instead of comparing it
MARK = "send-path"
#: the engine's send calls and the EWS operation each one's request is
OPERATIONS = {"send_drafts": "SendItem", "send_mime": "CreateItem"}


# ---- recording ----

@dataclass
class Call:
    process: str  # "window", "engine", "command"
    thread: str   # the thread's kind (see thread_kind)
    file: str     # relative to the repository
    name: str     # the function's qualified name


@dataclass
class Recorder:
    """Every call of an ``app/`` function while on, in every thread of this process, in order."""

    process: str
    calls: list[Call] = field(default_factory=list)
    on: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    start_when: str = ""  # begin at the first call of a file whose path contains this ("" = at start())
    _lock: threading.Lock = field(default_factory=threading.Lock)
    armed: bool = False
    sent: str = ""  # the send call the window wrote into the engine's pipe (the engine's side replays it)

    def install(self) -> None:
        """Hook this thread and every thread started from now on (a pool's threads are started early: install
        before the window is built, or their calls go unseen); nothing is recorded before :meth:`arm`."""
        threading.setprofile(self._hook)
        sys.setprofile(self._hook)

    def arm(self, start_when: str = "") -> None:
        self.start_when = start_when
        self.armed = True
        self.on = not start_when

    def stop(self) -> None:
        sys.setprofile(None)
        threading.setprofile(None)
        self.on = False
        self.done.set()

    def _hook(self, frame, event, arg):
        if self.done.is_set():
            return
        if event == "c_call":
            if self.on and self.process == "command" and _door_write(arg):
                self._add(frame, "(door socket write)", last=True)
            return
        code = frame.f_code
        path = code.co_filename
        if event == "return" and self.on and self.process == "engine" and code.co_name == "read_frame":
            self._add(frame, code.co_qualname)  # the engine's reading of the frame: where its side begins
            return
        if event != "call" or (self.process == "engine" and threading.current_thread() is threading.main_thread()):
            return  # the engine's side: its own threads only (the test writes the frame from its main thread)
        if path.startswith(APP):
            if not self.on:
                if not self.armed or self.start_when not in path:
                    return
                self.on = True
            last = self.process == "window" and path.endswith("engine_wire.py") and code.co_name == "write_frame" \
                and bool(method := _sends(frame))
            if last:
                self.sent = method
            self._add(frame, code.co_qualname, last=last)
        elif self.on and code.co_name == "send" and path.endswith(os.path.join("requests", "adapters.py")):
            body = getattr(frame.f_locals.get("request"), "body", b"") or b""
            body = body if isinstance(body, bytes) else body.encode()
            operation = next((op for op in OPERATIONS.values() if f"m:{op}".encode() in body), "")
            if operation:
                self._add(frame, f"(HTTP request {operation})", last=True)

    def _add(self, frame, name: str, *, last: bool = False) -> None:
        """One call recorded; ``last``: the path's end, after which no thread's call is (the check and the end are
        one step under the lock: a call another thread made meanwhile was once recorded after the end)."""
        path = frame.f_code.co_filename
        file = os.path.relpath(path, ROOT) if path.startswith(APP) else "(server)"
        with self._lock:
            if self.done.is_set():
                return
            self.calls.append(Call(self.process, thread_kind(threading.current_thread().name), file, name))
            if last:
                self.finish()

    def finish(self) -> None:
        self.on = False
        self.done.set()


def _sends(frame) -> str:
    """The send call a frame written into the engine's pipe makes ("" for any other)."""
    value = frame.f_locals.get("value")
    return value[1] if isinstance(value, tuple) and len(value) == 4 and value[1] in OPERATIONS else ""


def _door_write(arg) -> bool:
    sock = getattr(arg, "__self__", None)
    return (isinstance(sock, socket.socket) and getattr(arg, "__name__", "") in ("send", "sendall")
            and sock.family == getattr(socket, "AF_UNIX", None))


def thread_kind(name: str) -> str:
    """A thread's name without its number: the pools' threads are one kind each."""
    if name == "MainThread":
        return "main"
    return re.sub(r"[_-]?\d+(_\d+)?$", "", re.sub(r"^Thread-\d+ \((.*)\)$", r"\1", name)) or name


# ---- the picture ----

def segments(calls: list[Call]) -> list[tuple[str, str, list[Call]]]:
    """The path cut where it changes process or thread: (process, thread, its calls)."""
    out: list[tuple[str, str, list[Call]]] = []
    for c in calls:
        if not out or (out[-1][0], out[-1][1]) != (c.process, c.thread):
            out.append((c.process, c.thread, []))
        out[-1][2].append(c)
    return out


def boundary(before: tuple[str, str], after: tuple[str, str]) -> str:
    if before[0] != after[0]:
        how = {"command": "door socket", "window": "engine pipe"}.get(before[0], "process")
        return f"{how}: {before[0]} process → {after[0]} process"
    return f"thread hop: {before[0]} process, {before[1]} thread ↔ {after[1]} thread"


def summary(path: list[Call]) -> dict:
    """What the doc and the metrics show of one path: the places it runs in (process and thread), in the order
    it first reaches them, with their files; the distinct boundaries it crosses (a hop there and back is one)."""
    ours = [c for c in path if c.file != "(server)" and not c.file.startswith(f"app{os.sep}sandbox")]
    segs = segments(ours)
    home: dict[str, str] = {}  # each process's first thread: the path goes out of it and back (two other threads
    for p, t, _cs in segs:     # next to each other in time are two hops, not one between them)
        home.setdefault(p, t)
    bounds: list[str] = []
    for a, b in zip(segs, segs[1:]):
        if a[0] != b[0]:
            bounds.append(boundary((a[0], a[1]), (b[0], b[1])))
        elif home[a[0]] in (a[1], b[1]):
            other = b if a[1] == home[a[0]] else a
            bounds.append(boundary((a[0], home[a[0]]), (other[0], other[1])))
    bounds = list(dict.fromkeys(bounds))
    if path and path[-1].name.startswith("(HTTP request "):
        bounds.append(f"HTTP: {path[-1].process} process → the server ({path[-1].name[14:-1]})")
    stops: dict[tuple[str, str], list[Call]] = {}
    for c in ours:
        stops.setdefault((c.process, c.thread), []).append(c)
    return {"files": list(dict.fromkeys(c.file for c in ours)),
            "calls": list(dict.fromkeys(f"{c.file}:{c.name}" for c in ours)),
            "boundaries": bounds,
            "stops": [{"process": p, "thread": t, "files": list(dict.fromkeys(c.file for c in cs)),
                       "calls": len(dict.fromkeys((c.file, c.name) for c in cs))} for (p, t), cs in stops.items()]}


def block(paths: dict[str, dict]) -> str:
    titles = {"window": "The window's Ctrl+Return", "command": "`dispatch-mail send` (the window running)"}
    lines: list[str] = []
    for key in ("window", "command"):
        s = paths[key]
        lines += [f"**{titles[key]}**: {len(s['files'])} files, {len(s['calls'])} distinct calls, "
                  f"{len(s['boundaries'])} boundaries.", "", "Where it runs (in the order it gets there):", ""]
        for stop in s["stops"]:
            calls = f"{stop['calls']} call" + ("s" if stop["calls"] != 1 else "")
            lines.append(f"- {stop['process']} process, {stop['thread']} thread ({calls}): "
                         + ", ".join(f"`{f}`" for f in stop["files"]))
        lines += ["", "Boundaries:", ""]
        lines += [f"- ↓ {b}" for b in s["boundaries"]]
        lines.append("")
    return "\n".join(lines)


def between(text: str, body: str) -> str:
    pat = re.compile(rf"(<!-- gen:{MARK} -->\n).*?(<!-- /gen:{MARK} -->)", re.S)
    if not pat.search(text):
        raise SystemExit(f"docs/architecture.md has no <!-- gen:{MARK} --> markers")
    return pat.sub(lambda m: m.group(1) + body + m.group(2), text)


def committed() -> str:
    m = re.search(rf"<!-- gen:{MARK} -->\n(.*?)<!-- /gen:{MARK} -->", ARCHITECTURE.read_text(encoding="utf-8"), re.S)
    return m.group(1) if m else ""


def boundaries_in(text: str) -> list[str]:
    return re.findall(r"- ↓ (.*)", text)


def files_in(text: str) -> list[str]:
    return sorted(set(re.findall(r"`(app/[^`]+)`", text)))


# ---- the command's process (``--trace-command OUT -- ARGS``) ----

def trace_command(out: Path, args: list[str]) -> int:
    rec = Recorder("command")
    code = 0
    rec.install()
    rec.arm()
    try:
        from app.cli import main as command  # what ``python -m app`` runs (app/__main__.py)

        code = command(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        rec.stop()
        out.write_text(json.dumps([c.__dict__ for c in rec.calls]), encoding="utf-8")
    return code


def main(argv: list[str]) -> int:
    if argv[:1] == ["--trace-command"]:
        return trace_command(Path(argv[1]), argv[3:])
    if argv[:1] == ["--print"]:
        print(block(json.loads(OUT.read_text(encoding="utf-8"))))
        return 0
    env = dict(os.environ, **{WRITE_VARIABLE: "1", "QT_QPA_PLATFORM": "offscreen"})
    return subprocess.call([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-n", "0",
                            "tests/ui/test_send_path.py"], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
