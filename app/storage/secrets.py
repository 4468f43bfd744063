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
