"""Passwords: in the OS keyring, or (with no usable keyring) in memory for this session only.

Never written to the settings file or to logs. ``keyring.backends.fail`` / ``null`` mean "no keyring":
then :func:`store` keeps the password in memory and returns False so the UI can say it will ask again
next time, instead of writing plain text anywhere.
"""

from __future__ import annotations

import logging

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
#: Windows' credential store takes at most 2560 bytes a secret: larger ones are kept in pieces.
CHUNK = 1200
_CHUNKED = "dispatch-chunks:"


def load_secret(name: str) -> str | None:
    """A secret kept with :func:`store_secret` (this session's copy first), or None."""
    if name in _session:
        return _session[name]
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
    the OS keyring, or this session's memory when there is none. Never a file, never a log."""

    PREFIX = "graph-token-cache|"

    def load(self, account: str) -> str | None:
        return load_secret(self.PREFIX + account.strip().lower())

    def save(self, account: str, blob: str) -> bool:
        return store_secret(self.PREFIX + account.strip().lower(), blob)

    def forget(self, account: str) -> None:
        forget_secret(self.PREFIX + account.strip().lower())

    def persistent(self) -> bool:
        return keyring_available()
