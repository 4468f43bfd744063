"""A size in words ("1.5 MB"), the unit marked for the catalogue. Its own module, with nothing but the words:
the window's text helpers (app/ui/common/tr.py) import it on the path to the first paint, where the domain's
models and validation have no place (app/app_main.py imports them after it)."""

from __future__ import annotations

from app.domain.words import Number, translate

DEFAULT_MAX_SEND_BYTES = 10 * 1024 * 1024  # Exchange Server's default MaxSendSize

_UNITS = (translate("Validation", "{size} bytes"), translate("Validation", "{size} KB"),
          translate("Validation", "{size} MB"), translate("Validation", "{size} GB"))


def human_size(n: int) -> str:
    """``n`` bytes in words ("1.5 MB"), the unit in the user's language."""
    size = float(n)
    for i, unit in enumerate(_UNITS):
        if size < 1024 or i == len(_UNITS) - 1:
            return unit.format(size=Number(int(size)) if i == 0 else Number(size, 1))
        size /= 1024
    return _UNITS[0].format(size=n)
