"""Canaries for "mail content loads nothing", living in their own processes.

A Qt call that opens a file can hold Python's GIL while it blocks, so a watcher *thread* in the test
process could never run to answer it (the test would hang instead of failing). Both watchers here are
separate processes:

- :class:`FifoCanaries`: named pipes. A child process blocks opening each pipe for writing, closes it
  the moment a reader opens it (the reader sees end-of-file and never hangs) and reports the name, once
  per pipe (the test process may be stuck in Qt holding the GIL, unable to read our reports).
- :class:`Watchdog`: the test's event loop sends a heartbeat byte every 50 ms; if none comes for
  ``stall`` seconds, or the test process's memory grows by ``grow`` bytes, the child aborts the test
  process (SIGABRT: pytest's faulthandler prints every thread's stack) so a regression that freezes the
  UI on ``/dev/zero`` fails the run instead of hanging it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

from PySide6.QtCore import QTimer

_FIFO_CHILD = textwrap.dedent("""
    import os, sys, threading
    def watch(path):
        told = False
        while True:
            fd = os.open(path, os.O_WRONLY)
            os.close(fd)
            if not told:  # once: a reader that loops must never fill our stdout (the test may not read it)
                told = True
                sys.stdout.write(path + "\\n")
                sys.stdout.flush()
    for p in sys.argv[1:]:
        threading.Thread(target=watch, args=(p,), daemon=True).start()
    sys.stdin.read()  # until the test closes our stdin
""")

_WATCHDOG_CHILD = textwrap.dedent("""
    import os, select, signal, sys, time
    pid, stall, grow = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    page = os.sysconf("SC_PAGE_SIZE")
    def rss():
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * page
    base, last = rss(), time.monotonic()
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    while True:
        r, _, _ = select.select([sys.stdin], [], [], 0.2)
        if r:
            if not os.read(sys.stdin.fileno(), 4096):
                break  # the test stopped us
            last = time.monotonic()
        why = ""
        if rss() - base > grow:
            why = f"memory grew by {(rss() - base) >> 20} MB while showing mail content"
        elif time.monotonic() - last > stall:
            why = f"the UI has not ticked for {stall:.0f} s while showing mail content"
        if why:
            sys.stderr.write(f"\\nFAILED (watchdog): {why}; aborting the test process\\n")
            sys.stderr.flush()
            os.kill(pid, signal.SIGABRT)
            break
""")


class FifoCanaries:
    """Named pipes in ``directory``; :meth:`opened` names those anything has opened for reading."""

    def __init__(self, directory, names):
        self.paths = {n: str(directory / n) for n in names}
        for p in self.paths.values():
            os.mkfifo(p)
        self._seen: set[str] = set()
        self._proc = subprocess.Popen([sys.executable, "-c", _FIFO_CHILD, *self.paths.values()],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._hit = threading.Event()

    def _read(self):
        for line in self._proc.stdout:
            self._seen.add(line.strip())
            self._hit.set()

    def wait_any(self, timeout: float) -> bool:
        return self._hit.wait(timeout)

    def opened(self) -> list[str]:
        return sorted(n for n, p in self.paths.items() if p in self._seen)

    def close(self):
        self._proc.stdin.close()
        self._proc.wait(10)
        self._reader.join(5)


class Watchdog:
    def __init__(self, stall: float = 60.0, grow: int = 1 << 30):
        self._proc = subprocess.Popen([sys.executable, "-c", _WATCHDOG_CHILD, str(os.getpid()), str(stall),
                                       str(grow)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._proc.stdout.readline() == b"ready\n"
        self.ticks = 0
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(50)

    def _tick(self):
        self.ticks += 1
        self._proc.stdin.write(b".")
        self._proc.stdin.flush()

    def stop(self):
        self.timer.stop()
        self._proc.stdin.close()
        self._proc.wait(10)

