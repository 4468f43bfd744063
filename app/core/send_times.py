"""Send later: the preset times and the typed time, in the user's local time. No Qt.

:func:`tomorrow_morning` and :func:`next_monday` are the presets; :func:`parse_when` reads what the user
typed ("tomorrow 8:00", "mon 9:30", "17:30", "2026-11-24 08:00", "24.11.2026 8:00", "in 2 h", "5pm") or
raises :class:`WhenError` whose message says what went wrong and what is understood. Times are naive
local datetimes; ``datetime.timestamp()`` gives the epoch seconds the journal stores.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

MORNING = time(8, 0)
#: how far ahead a message may be scheduled
MAX_AHEAD = timedelta(days=366)


def examples(now: datetime, *, short: bool = False) -> str:
    """What can be typed, with dates a week after ``now`` (a fixed example date went by and read as a
    time in the past); ``short``: for a field's placeholder."""
    day = now.date() + timedelta(days=7)
    if short:
        return f"tomorrow 8:00, mon 9:30, 17:30, {day:%Y-%m-%d} 08:00, in 2 h"
    return f"tomorrow 8:00, mon 9:30, 17:30, {day:%Y-%m-%d} 08:00, {day.day}.{day.month}.{day.year} 8:00 or in 2 h"
_DAYS = {"mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3,
         "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6,
         "sunday": 6}
_UNITS = {"m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60, "h": 3600, "hr": 3600, "hrs": 3600,
          "hour": 3600, "hours": 3600, "d": 86400, "day": 86400, "days": 86400}


class WhenError(ValueError):
    """The typed time cannot be used; ``str()`` says why, in words for the user."""


def tomorrow_morning(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), MORNING)


def next_monday(now: datetime) -> datetime:
    """The coming Monday at 8:00 (today, if it is Monday before 8:00)."""
    days = (0 - now.weekday()) % 7
    when = datetime.combine(now.date() + timedelta(days=days), MORNING)
    return when if when > now else when + timedelta(days=7)


def _clock(text: str) -> time:
    """"8", "8:00", "08.30", "5pm", "5:30 pm" -> a time of day."""
    m = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?", text.strip())
    if not m:
        raise WhenError(f"“{text.strip()}” is not a time of day (like 8:00 or 5pm).")
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise WhenError(f"“{text.strip()}”: with am/pm the hour is 1 to 12.")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(f"“{text.strip()}” is not a time of day: hours go to 23, minutes to 59.")
    return time(hour, minute)


def _date(text: str, now: datetime) -> date | None:
    """"2026-11-24", "24.11.2026", "24.11." (this year, or next if passed) -> a date; None: not a date."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})?", text)
        if m:
            d = date(int(m.group(3) or now.year), int(m.group(2)), int(m.group(1)))
            return d if m.group(3) or d >= now.date() else d.replace(year=d.year + 1)
    except ValueError:
        raise WhenError(f"“{text}” is not a date in the calendar.") from None
    return None


def parse_when(text: str, now: datetime) -> datetime:
    """The moment ``text`` names, after ``now``; :class:`WhenError` (with the reason) otherwise."""
    raw = " ".join((text or "").strip().lower().split())
    if not raw:
        raise WhenError(f"Type when to send it, e.g. {examples(now)}.")
    m = re.fullmatch(r"in (\d{1,4}) ?([a-z]+)", raw)
    if m:
        if m.group(2) not in _UNITS:
            raise WhenError(f"“{m.group(2)}” is not a unit Dispatch knows (min, h, days).")
        when = now + timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])
        return _check(when, now)
    day_word, _, rest = raw.partition(" ")
    if day_word in ("today", "tomorrow") or day_word in _DAYS:
        at = _clock(rest) if rest else MORNING
        if day_word == "today":
            day = now.date()
        elif day_word == "tomorrow":
            day = now.date() + timedelta(days=1)
        else:
            ahead = (_DAYS[day_word] - now.weekday()) % 7
            day = now.date() + timedelta(days=ahead)
            if datetime.combine(day, at) <= now:
                day += timedelta(days=7)
        return _check(datetime.combine(day, at), now)
    d = _date(day_word, now)
    if d is not None:
        return _check(datetime.combine(d, _clock(rest) if rest else MORNING), now)
    try:
        at = _clock(raw)
    except WhenError:
        raise WhenError(f"Dispatch does not understand “{text.strip()}”. Try {examples(now)}.") from None
    when = datetime.combine(now.date(), at)
    return when if when > now else when + timedelta(days=1)  # a time already passed today: tomorrow


def _check(when: datetime, now: datetime) -> datetime:
    if when <= now:
        raise WhenError(f"{when.strftime('%a %d %b %H:%M')} has already passed.")
    if when - now > MAX_AHEAD:
        raise WhenError("That is more than a year ahead.")
    return when


def parse_day(text: str, today: date) -> date | None:
    """The day ``text`` names, for a follow-up flag's start or due date: "" (none: None), "today", "tomorrow",
    a weekday ("fri": the next one, today included), "2026-12-04", "4.12.2026" or "4.12." (this year, or
    next if passed). :class:`WhenError` (with the reason) otherwise. Past days are allowed (a flag may be
    overdue)."""
    raw = " ".join((text or "").strip().lower().split())
    if not raw:
        return None
    if raw == "today":
        return today
    if raw == "tomorrow":
        return today + timedelta(days=1)
    if raw in _DAYS:
        return today + timedelta(days=(_DAYS[raw] - today.weekday()) % 7)
    d = _date(raw, datetime.combine(today, time()))
    if d is None:
        raise WhenError(f"“{text.strip()[:40]}” is not a day Dispatch knows. Try tomorrow, fri, "
                        f"{today + timedelta(days=7):%Y-%m-%d} or {today.day}.{today.month}.")
    return d
