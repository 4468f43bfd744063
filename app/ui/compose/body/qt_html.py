"""Foreign HTML made Qt's, in the helper process (``app/ui/compose/body/html_helper.py``), off the UI thread.

:meth:`QtHtml.start` runs ``dispatch-mail --qt-html`` for one body on a thread of its own (the process is
started, fed and waited for there: the UI thread neither forks nor blocks) and :attr:`QtHtml.ready` brings
Qt's HTML back to the UI thread, or ``None`` when the helper failed (it could not start, died, or ran past
its time). A new :meth:`start` or :meth:`cancel` kills the process still running for the last body.
"""

from __future__ import annotations

import logging
import subprocess
import threading

from PySide6.QtCore import QObject, Signal

from app import own_process
from app.ui.compose.body.html_helper import FLAG, LINK_ENV, seconds_for
log = logging.getLogger(__name__)


def command(font: str) -> list[str]:
    """How this installation starts the helper: the packaged executable takes the flag itself."""
    return own_process.command("app", FLAG, font)


def _link_colour() -> str:
    """The application's link colour (the scheme's: app.ui.common.theme): Qt writes it into the HTML of each link it
    reads, so the helper reads with the same one."""
    from PySide6.QtGui import QGuiApplication, QPalette

    return QGuiApplication.palette().color(QPalette.ColorRole.Link).name()


def _utf8(html: str, piece: int = 256 * 1024) -> bytes:
    """``html`` in UTF-8, encoded a piece at a time: each call holds the GIL ~0.3 ms, not ~4 ms per 4 MB."""
    return b"".join(html[i:i + piece].encode("utf-8", "surrogatepass") for i in range(0, len(html), piece))


class QtHtml(QObject):
    """One helper run at a time."""

    ready = Signal(int, object)  # (ticket of the run, Qt's HTML or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lock = threading.Lock()
        self._ticket = 0
        self._proc: subprocess.Popen | None = None
        self.runs = 0  # helper processes started (tests, the bench)
        self.failure = ""  # why the last run that ended gave no answer ("" when it answered)
        self.command = command  # the fault tests give it a helper that fails

    @property
    def process(self) -> subprocess.Popen | None:
        """The helper process running now, if any."""
        return self._proc

    def start(self, html: str, font: str) -> int:
        """Run the helper on ``html`` (with the editor's default font); :attr:`ready` gets the returned ticket."""
        self.cancel()
        with self._lock:
            ticket = self._ticket
        args = (ticket, html, self.command(font), seconds_for(len(html)), _link_colour())
        threading.Thread(target=self._run, args=args, name="qt-html", daemon=True).start()
        return ticket

    def cancel(self) -> None:
        """Forget the run in progress (its result is dropped) and kill its process."""
        with self._lock:
            self._ticket += 1
            proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()

    def _run(self, ticket: int, html: str, args: list[str], seconds: float, link: str) -> None:
        out, why = None, ""
        try:
            proc = subprocess.Popen(
                args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                cwd=own_process.ROOT, env=own_process.child_env({"QT_QPA_PLATFORM": "offscreen", LINK_ENV: link}),
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
            with self._lock:
                cancelled = ticket != self._ticket
                if not cancelled:
                    self._proc = proc
                    self.runs += 1
            if cancelled:  # while it started: nobody waits for it
                proc.kill()
                proc.communicate()
                return
            try:
                got, _ = proc.communicate(_utf8(html), timeout=seconds)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                why = f"no answer in {seconds:.0f} s"
            else:
                if proc.returncode == 0:
                    out = got.decode("ascii")  # the helper writes ASCII: one short call
                else:
                    why = f"exit status {proc.returncode}"
        except OSError as exc:  # the helper could not be started: the caller sets the body itself
            why = f"could not start ({type(exc).__name__})"
        except UnicodeDecodeError:
            why = "an answer that is not ASCII"
        with self._lock:
            if ticket != self._ticket:
                return  # cancelled (and killed): nobody waits for this run
            self._proc = None
            self.failure = why
        if why:  # the reason only: never the message
            log.warning("the HTML helper process failed: %s; the body is set on the UI thread", why)
        try:
            self.ready.emit(ticket, out)  # queued to the UI thread (this object lives there)
        except RuntimeError:
            pass  # the object was deleted while the helper ran
