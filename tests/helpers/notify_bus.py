"""A notification server on a private session bus, for the desktop notification tests (tests/ui/test_notifications.py,
tests/ui/test_outbox_delivery.py): tests/helpers/notify_server.py (GLib's D-Bus server, under the system's Python)
on a ``dbus-daemon`` of the test's own; every Notify call it gets is a line of its record, and it emits
ActionInvoked as a click on the notification does."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.helpers.atspi_session import SYSTEM_PYTHON, Lines

SERVER = Path(__file__).resolve().parent / "notify_server.py"


def missing() -> str:
    if shutil.which("dbus-daemon") is None:
        return "dbus-daemon"
    if subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Gio', '2.0')"],
                      capture_output=True).returncode != 0:
        return f"PyGObject for {SYSTEM_PYTHON} (python3-gi)"
    return ""


class NotifyServer:
    """The private bus and the notification server on it: :meth:`records` (the Notify calls so far), :meth:`click`."""

    def __init__(self, tmp: Path):
        self.record = tmp / "notifications.jsonl"
        self.record.touch()
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.address = Lines(self.bus.stdout.fileno(), "dbus-daemon").read(10.0).strip()
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address}
        self.server = subprocess.Popen([SYSTEM_PYTHON, str(SERVER), str(self.record)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=open(tmp / "server.err", "wb"), env=env)
        self.lines = Lines(self.server.stdout.fileno(), "notification server")
        assert self.lines.read(10.0) == "ready"

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.record.read_text().splitlines() if line.strip()]

    def click(self, nid: int) -> None:
        """The user clicks notification ``nid`` (its ``default`` action)."""
        self.server.stdin.write(f"invoke {nid} default\n".encode())
        self.server.stdin.flush()
        assert self.lines.read(10.0) == f"invoked {nid}"

    def stop(self) -> None:
        for proc in (self.server, self.bus):
            proc.terminate()
            proc.wait(10)
