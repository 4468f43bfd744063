"""Where Dispatch keeps its files (config, data, logs), and the language chosen in the settings as it is read
before the window is built. Light on purpose: the start-up path imports it before the first paint (the settings
module, with the domain's validation, comes in a later turn of the event loop: app/app_main.py)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Dispatch"
APP_AUTHOR = "Dispatch"
# the settings file's name in :func:`config_dir` (app.storage.settings.Settings)
SETTINGS_FILE = "settings.json"
# A settings file larger than this is damaged (a real one is a few KB): it is not read into memory.
MAX_SETTINGS_BYTES = 1 << 20


def _root() -> Path | None:
    home = os.environ.get("DISPATCH_HOME", "").strip()
    return Path(home) if home else None


def config_dir() -> Path:
    root = _root()
    if root is not None:
        return root / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    root = _root()
    if root is not None:
        return root / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    root = _root()
    if root is not None:
        return root / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


LANGUAGE_CODES = ("en", "fr", "de")


def stored_language(data: dict) -> str:
    """The language override in settings data ("" when none or not one Dispatch speaks)."""
    prefs = data.get("prefs") if isinstance(data, dict) else None
    value = prefs.get("language", "") if isinstance(prefs, dict) else ""
    return value if value in LANGUAGE_CODES else ""


def language_at_start(path: Path | None = None) -> str:
    """The language override, read before the window is built (the translators must be installed before
    any widget). Read-only and quiet: a settings file it cannot read means no override, and the
    :class:`Settings` read after it reports the problem and sets the file aside as usual."""
    try:
        with open(path or (config_dir() / SETTINGS_FILE), "rb") as f:
            raw = f.read(MAX_SETTINGS_BYTES + 1)
        if len(raw) > MAX_SETTINGS_BYTES:
            return ""
        import json

        return stored_language(json.loads(raw.decode("utf-8")))
    except (OSError, ValueError, RecursionError, MemoryError):
        return ""


