"""A list's date column in the user's locale: "27/11/2026 14:05" in French, "27.11.2026 14:05" in German.

The locale's short date (its year written whole: "27.11.26" could be read three ways) and its short time. The C
locale (no language: the tests, a bare system) keeps ISO 8601, "2026-11-27 14:05", as the rows are made
(app.domain.list_rows.when_text)."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

ISO = "yyyy-MM-dd HH:mm"
# the widest date a column has to show (the last minute of a year)
SAMPLE = datetime(2026, 12, 31, 23, 59)
_SHORT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def date_format(locale: QLocale) -> str:
    """The column's format for ``locale``: its short date with a four-digit year, and its short time."""
    if locale.language() == QLocale.Language.C:
        return ISO
    day = _SHORT_YEAR.sub("yyyy", locale.dateFormat(QLocale.FormatType.ShortFormat))
    return f"{day} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def list_date(when: datetime | None, locale: QLocale | None = None, fmt: str | None = None) -> str:
    """``when`` (local time) as the list shows it; "" for none."""
    if when is None:
        return ""
    loc = locale if locale is not None else QLocale()
    return loc.toString(QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute)),
                        fmt or date_format(loc))
