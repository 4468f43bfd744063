"""An in-memory keyring backend for tests.

This is a stand-in for the OS keyring (Secret Service / macOS Keychain / Windows Credential Manager),
which cannot run here: there is no desktop session, D-Bus or login keychain in the test machine. It
implements the real ``keyring.backend.KeyringBackend`` interface, so the app's code path
(``app.storage.secrets`` -> ``keyring.get_password`` / ``set_password``) is exactly the one used with
an OS keyring; only the storage behind it is a dict. Select it in a test with
``keyring.set_keyring(FakeKeyring())`` and restore the previous backend afterwards.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FakeKeyring(KeyringBackend):
    priority = 1  # > 0: a usable keyring (app.storage.secrets.keyring_available() says yes)

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.calls: list[tuple[str, str, str]] = []  # (operation, service, username), never the password

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append(("get", service, username))
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append(("set", service, username))
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append(("delete", service, username))
        if (service, username) not in self.store:
            raise PasswordDeleteError("no such password")
        del self.store[(service, username)]
