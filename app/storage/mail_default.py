"""Whether Dispatch is the desktop's mail program, and making it so, where the desktop allows: freedesktop.org's
default applications (``mimeapps.list``) through xdg-utils' ``xdg-mime``, as ``xdg-email`` and the desktops read
them. No Qt; each call runs ``xdg-mime`` and waits for it (a fraction of a second): the window calls it off its
thread.

None of it where there is no ``xdg-mime`` (Windows and macOS register the installer's way:
packaging/windows/dispatch.iss, packaging/dispatch.spec).
"""

from __future__ import annotations

import shutil
import subprocess

# the desktop entry the .deb installs (resources/dispatch-mail.desktop) and what it is made the default for
DESKTOP_ID = "dispatch-mail.desktop"
HANDLES = ("x-scheme-handler/mailto",)
TIMEOUT = 10.0


def available() -> bool:
    """This desktop has ``xdg-mime`` to ask and to tell."""
    return shutil.which("xdg-mime") is not None


def is_default() -> bool:
    """Dispatch is the desktop's handler of ``mailto:`` links now (False where it cannot be asked)."""
    if not available():
        return False
    try:
        done = subprocess.run(["xdg-mime", "query", "default", HANDLES[0]], capture_output=True, text=True,
                              timeout=TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and done.stdout.strip() == DESKTOP_ID


def make_default() -> str:
    """Make Dispatch the desktop's mail program: "" when done, else why not (in English, for the log and the words
    the window shows around it)."""
    if not available():
        return "xdg-mime is not installed"
    for handled in HANDLES:
        try:
            done = subprocess.run(["xdg-mime", "default", DESKTOP_ID, handled], capture_output=True, text=True,
                                  timeout=TIMEOUT)
        except (OSError, subprocess.SubprocessError) as exc:
            return type(exc).__name__
        if done.returncode != 0:
            return f"xdg-mime exited with {done.returncode}"
    return "" if is_default() else "the desktop did not take it"
