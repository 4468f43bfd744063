"""A list's date as a screen reader speaks it: the locale's long date and its short time, "Friday, 27 November
2026 at 14:05" (the column shows "2026-11-27 14:05", which a reader spells out digit by digit).

Always the whole date, never "today" or "yesterday": the words stay true however long the list stays open (a
"today" read after midnight would lie), and say the weekday a user plans by."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime

from app.ui.common.tr import translate


def spoken_date(when: datetime | None, locale: QLocale | None = None) -> str:
    """``when`` (local time) in the locale's words; "" for none."""
    if when is None:
        return ""
    loc = locale if locale is not None else QLocale()
    day = loc.toString(QDate(when.year, when.month, when.day), QLocale.FormatType.LongFormat)
    time = loc.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
    return translate("SpokenDate", "{day} at {time}").format(day=day, time=time)
