"""A real Secret Service for tests that need a keyring shared by several processes: a private D-Bus session
bus (``dbus-daemon --session``) with ``gnome-keyring-daemon`` on it, its login keyring unlocked, all in a
throw-away home. The ``keyring`` package's SecretService backend reaches it as it reaches a desktop's
(``env()``: the environment a child process needs). scripts/bootstrap.sh installs dbus and gnome-keyring
for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"
_PROBE = ("import keyring, sys; kr = keyring.get_keyring(); kr.set_password('dispatch-probe', 'p', 'ok'); "
          "sys.exit(0 if kr.get_password('dispatch-probe', 'p') == 'ok' else 1)")


def available() -> bool:
    return bool(shutil.which("dbus-daemon") and shutil.which("gnome-keyring-daemon"))


class SecretService:
    def __init__(self, where: Path):
        self.where = where
        self.bus = self.daemon = None
        self.address = ""

    def env(self, **more) -> dict:
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address, HOME=str(self.where / "home"),
                   XDG_DATA_HOME=str(self.where / "home" / ".local" / "share"),
                   XDG_RUNTIME_DIR=str(self.where / "run"), PYTHON_KEYRING_BACKEND=SECRET_SERVICE_BACKEND)
        env.update(more)
        return env

    def start(self) -> "SecretService":
        for d in ("home", "run"):
            (self.where / d).mkdir(mode=0o700, parents=True, exist_ok=True)
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.address = self.bus.stdout.readline().strip()
        assert self.address, "dbus-daemon printed no address"
        self.daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                       stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       env=self.env())
        self.daemon.stdin.write(b"test-keyring-password")  # the login keyring's own password, then EOF
        self.daemon.stdin.close()
        deadline = time.monotonic() + 30
        while True:  # the daemon registers on the bus a moment after it starts
            if subprocess.run([sys.executable, "-c", _PROBE], env=self.env(), capture_output=True).returncode == 0:
                return self
            assert self.daemon.poll() is None, "gnome-keyring-daemon ended"
            assert time.monotonic() < deadline, "the Secret Service did not come up"
            time.sleep(0.2)

    def stop(self) -> None:
        for proc in (self.daemon, self.bus):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(10)
        if self.bus is not None:
            self.bus.stdout.close()
