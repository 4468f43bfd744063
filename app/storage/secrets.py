"""Passwords: in the OS keyring, or (with no usable keyring) in memory for this session only.

Never written to the settings file or to logs. ``keyring.backends.fail`` / ``null`` mean "no keyring":
then :func:`store` keeps the password in memory and returns False so the UI can say it will ask again
next time, instead of writing plain text anywhere.

The Microsoft 365 token cache (:class:`KeyringTokenCacheStore`) is kept in the keyring too; in a plain file
(0600, in a 0700 folder) only where the user asked for one on a machine with no keyring.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)

SERVICE = "dispatch-mail"
_session: dict[str, str] = {}


def _key(email: str, username: str = "") -> str:
    return f"{(username or email).lower()}|{email.lower()}"


def keyring_available() -> bool:
    try:
        import keyring

        kr = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring setup is "no keyring"
        return False
    mod = type(kr).__module__
    if mod.startswith("keyring.backends.fail") or mod.startswith("keyring.backends.null"):
        return False
    try:
        return float(getattr(kr, "priority", 1)) > 0
    except Exception:  # noqa: BLE001
        return True


def load(email: str, username: str = "") -> str | None:
    key = _key(email, username)
    if key in _session:
        return _session[key]
    if not keyring_available():
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, key)
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring read failed: %s", type(exc).__name__)
        return None


def store(email: str, username: str, password: str) -> bool:
    """Keep a password. True if it went into the OS keyring, False if only for this session."""
    key = _key(email, username)
    _session[key] = password
    if not keyring_available():
        return False
    try:
        import keyring

        keyring.set_password(SERVICE, key, password)
        return True
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring write failed (%s); password kept for this session only", type(exc).__name__)
        return False


def forget(email: str, username: str = "") -> None:
    key = _key(email, username)
    _session.pop(key, None)
    if keyring_available():
        try:
            import keyring

            keyring.delete_password(SERVICE, key)
        except Exception:  # noqa: BLE001
            pass


# ---------------- other secrets (the Microsoft 365 sign-in's token cache) ----------------
# Windows' credential store takes at most 2560 bytes a secret: larger ones are kept in pieces.
CHUNK = 1200
_CHUNKED = "dispatch-chunks:"


def load_secret(name: str) -> str | None:
    """A secret kept with :func:`store_secret` (this session's copy first), or None."""
    if name in _session:
        return _session[name]
    return read_keyring(name)


def read_keyring(name: str) -> str | None:
    """A secret as the OS keyring holds it now (another process may have written it), or None."""
    if not keyring_available():
        return None
    try:
        import keyring

        head = keyring.get_password(SERVICE, name)
        if head is None or not head.startswith(_CHUNKED):
            return head
        parts = [keyring.get_password(SERVICE, f"{name}#{i}") for i in range(int(head[len(_CHUNKED):]))]
        if any(p is None for p in parts):
            log.warning("keyring: a stored secret is incomplete; it is ignored")
            return None
        return "".join(parts)
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring read failed: %s", type(exc).__name__)
        return None


def store_secret(name: str, value: str) -> bool:
    """Keep a secret: True if it went into the OS keyring, False if only in memory for this session."""
    _session[name] = value
    return write_keyring(name, value)


def write_keyring(name: str, value: str) -> bool:
    """Write a secret to the OS keyring (in pieces when long): True if it is there, False if there is none or
    the write failed."""
    if not keyring_available():
        return False
    try:
        import keyring

        old = keyring.get_password(SERVICE, name) or ""
        old_n = int(old[len(_CHUNKED):]) if old.startswith(_CHUNKED) and old[len(_CHUNKED):].isdigit() else 0
        if len(value) <= CHUNK and not value.startswith(_CHUNKED):
            keyring.set_password(SERVICE, name, value)
            n = 0
        else:
            pieces = [value[i:i + CHUNK] for i in range(0, len(value), CHUNK)]
            for i, piece in enumerate(pieces):
                keyring.set_password(SERVICE, f"{name}#{i}", piece)
            keyring.set_password(SERVICE, name, f"{_CHUNKED}{len(pieces)}")
            n = len(pieces)
        for i in range(n, old_n):  # pieces of a longer earlier value
            _delete(keyring, f"{name}#{i}")
        return True
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring write failed (%s); kept for this session only", type(exc).__name__)
        return False


def forget_secret(name: str) -> None:
    _session.pop(name, None)
    if not keyring_available():
        return
    try:
        import keyring

        head = keyring.get_password(SERVICE, name) or ""
        if head.startswith(_CHUNKED) and head[len(_CHUNKED):].isdigit():
            for i in range(int(head[len(_CHUNKED):])):
                _delete(keyring, f"{name}#{i}")
        _delete(keyring, name)
    except Exception:  # noqa: BLE001
        pass


def _delete(keyring, key: str) -> None:
    try:
        keyring.delete_password(SERVICE, key)
    except Exception:  # noqa: BLE001 - already gone
        pass


class KeyringTokenCacheStore:
    """Where the Graph backend keeps its sign-in's token cache (app.mail.graph.tokens.TokenCacheStore):
    the OS keyring; a plain file only where the user chose one at ``dispatch-mail sign-in --plain-token-file``
    on a machine with no keyring; else this session's memory. Never a log.

    :meth:`persistence` gives the graph backend what msal-extensions' ``PersistedTokenCache`` is built on, so
    the window and every ``dispatch-mail`` command share one cache, reloaded when another process changed it
    and written under one lock (a refresh in one is seen by the others)."""

    PREFIX = "graph-token-cache|"

    def __init__(self, *, plain_file: bool = False):
        # the user asked for a plain file (``--plain-token-file``): used only where there is no keyring
        self.plain_file = plain_file

    def load(self, account: str) -> str | None:
        return load_secret(self.PREFIX + account.strip().lower())

    def save(self, account: str, blob: str) -> bool:
        return store_secret(self.PREFIX + account.strip().lower(), blob)

    def forget(self, account: str) -> None:
        forget_secret(self.PREFIX + account.strip().lower())
        for blob in (KeyringBlob(self.PREFIX + account.strip().lower(), _stamp_path(account)),
                     PlainFileBlob(plain_token_file(account))):
            blob.clear()

    def persistent(self) -> bool:
        return keyring_available()

    def persistence(self, account: str) -> "KeyringBlob | PlainFileBlob | None":
        """Where the account's cache lives across processes: the keyring; a plain file the user chose (only
        with no keyring); None: this session's memory only."""
        if keyring_available():
            token_dir()
            return KeyringBlob(self.PREFIX + account.strip().lower(), _stamp_path(account))
        plain = plain_token_file(account)
        if not (self.plain_file or plain.exists()):
            return None
        token_dir()
        return PlainFileBlob(plain)


# ---------------- the token cache's places across processes ----------------
def _token_folder() -> Path:
    from app.storage.settings import data_dir

    return data_dir() / "tokens"


def token_dir() -> Path:
    """The folder of the token cache's lock and stamp files (and, only when chosen, the plain file), made
    when first needed: 0700."""
    folder = _token_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def _account_file_name(account: str) -> str:
    return hashlib.sha256(account.strip().lower().encode()).hexdigest()[:24]


def _stamp_path(account: str) -> Path:
    return _token_folder() / f"{_account_file_name(account)}.keyring-stamp"


def plain_token_file(account: str) -> Path:
    """The plain file an account's tokens are kept in when the user chose it (no keyring): 0600."""
    return _token_folder() / f"{_account_file_name(account)}.plain-tokens.json"


class KeyringBlob:
    """The account's token cache in the OS keyring. The keyring has no modification time, so a stamp file
    beside the lock says when it was last written (as msal-extensions' own LibsecretPersistence keeps a signal
    file): other processes reload the cache when it is newer than what they read. The stamp holds the time
    itself, to the microsecond: a file's mtime comes from the kernel's coarser clock and may lag
    ``time.time()``, which msal-extensions compares it with, by milliseconds."""

    kind = "keyring"

    def __init__(self, name: str, stamp: Path):
        self.name, self.stamp = name, stamp

    @property
    def location(self) -> str:
        return str(self.stamp)

    def save(self, blob: str) -> bool:
        ok = write_keyring(self.name, blob)
        _session.pop(self.name, None)  # the keyring is the one copy: never a stale one from this session
        if ok:
            from app.storage.files import replace_file

            try:
                replace_file(self.stamp, repr(time.time()).encode())
            except OSError as exc:  # the others read it at their next start instead of now
                log.warning("token cache: its stamp could not be written (%s)", type(exc).__name__)
        return ok

    def load(self) -> str | None:
        return read_keyring(self.name)

    def modified(self) -> float | None:
        try:
            return float(self.stamp.read_text(encoding="ascii"))
        except FileNotFoundError:
            return None if self.load() is None else 1.0  # written before stamps: read it once
        except (OSError, ValueError):
            return time.time()  # unreadable: read the keyring again rather than trust an old copy

    def clear(self) -> None:
        forget_secret(self.name)
        self.stamp.unlink(missing_ok=True)


class PlainFileBlob:
    """The account's token cache in a plain file (0600, in a 0700 folder): only where the user asked for it
    on a machine with no keyring (``dispatch-mail sign-in --plain-token-file``)."""

    kind = "file"

    def __init__(self, path: Path):
        self.path = path

    @property
    def location(self) -> str:
        return str(self.path)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
