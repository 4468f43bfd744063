"""Send later and the follow-up flag: the preset times and the typed time or day, in the user's local time. No Qt.

:func:`tomorrow_morning` and :func:`next_monday` are the presets; :func:`parse_when` reads what the user
typed ("tomorrow 8:00", "mon 9:30", "17:30", "2026-11-24 08:00", "24.11.2026 8:00", "in 2 h", "5pm") or
raises :class:`WhenError` whose message says what went wrong and what is understood. The words are English,
French and German, whatever the window's language, as Outlook's date fields take words in its own language
("demain 8h", "lundi", "dans 2 h", "mardi prochain", "3 décembre"; "morgen 8 Uhr", "Montag", "in 2 Std.",
"nächsten Dienstag", "3. Dezember"); a day-first date is "3.12." or "3/12". :func:`parse_day` reads a
follow-up flag's day the same way. Times are naive local datetimes; ``datetime.timestamp()`` gives the epoch
seconds the journal stores. The messages are :class:`app.domain.words.Words`: English in logs and on the
command line, the user's language in the window (``WhenError.words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.domain.send_checks import without_accents
from app.domain.words import QT_TRANSLATE_NOOP, Words, translate

MORNING = time(8, 0)
EVENING = time(18, 0)
# how far ahead a message may be scheduled
MAX_AHEAD = timedelta(days=366)


def examples(now: datetime, *, short: bool = False) -> Words:
    """What can be typed, with dates a week after ``now`` (a fixed example date went by and read as a
    time in the past); ``short``: for a field's placeholder."""
    day = now.date() + timedelta(days=7)
    if short:
        return translate("SendTimes", "tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, in 2 h").format(
            date=f"{day:%Y-%m-%d}")
    return translate("SendTimes", "tomorrow 8:00, mon 9:30, 17:30, {date} 08:00, {day}.{month}.{year} 8:00 "
                     "or in 2 h").format(date=f"{day:%Y-%m-%d}", day=str(day.day), month=str(day.month),
                                         year=str(day.year))


# The words are compared without accents and in lower case ("Übermorgen", "apres-demain" and "après-demain"
# alike; "ß" is "ss").
# weekday words: English, French ("lun", "lun."), German (abbreviated with the dot: "Fr." is Friday, "fr" is
# "fri" being typed)
_DAYS = {**{w: i for i, ws in enumerate((
    ("mon", "monday", "lun", "lundi", "montag", "mo."),
    ("tue", "tues", "tuesday", "mar", "mardi", "dienstag", "di."),
    ("wed", "wednesday", "mer", "mercredi", "mittwoch", "mi."),
    ("thu", "thur", "thurs", "thursday", "jeu", "jeudi", "donnerstag", "do."),
    ("fri", "friday", "ven", "vendredi", "freitag", "fr."),
    ("sat", "saturday", "sam", "samedi", "samstag", "sonnabend", "sa."),
    ("sun", "sunday", "dim", "dimanche", "sonntag", "so."),
)) for w in ws}}
_DAYS.update({w + ".": i for w, i in list(_DAYS.items()) if not w.endswith(".") and len(w) == 3})
# days from today
_RELATIVE = {"today": 0, "aujourd'hui": 0, "auj": 0, "heute": 0, "tonight": 0,
             "tomorrow": 1, "demain": 1, "morgen": 1,
             "apres-demain": 2, "apres demain": 2, "ubermorgen": 2, "uebermorgen": 2}
# "this" in "ce soir", "cet après-midi": today, and only with a part of the day
_THIS = ("ce", "cet", "cette")
# "next Tuesday", "mardi prochain", "nächsten Dienstag": the first one after today, as "mardi prochain" and
# "nächsten Dienstag" are most often meant (Outlook's date fields read an English "next Friday" as the
# following week's; the bare weekday, "tue", is the coming one, today included, in both)
_NEXT_BEFORE = ("next", "nachsten", "nachster", "nachste", "naechsten", "naechster", "naechste", "kommenden",
                "kommender")
_NEXT_AFTER = ("prochain", "prochaine")
# words before a day or a time that say nothing more ("tomorrow at 8", "demain à 8h", "morgen um 8 Uhr",
# "le 3 décembre", "am Montag")
_FILLERS = ("at", "a", "um", "gegen", "vers")
_LEADING = ("on", "le", "am", "the")
# parts of the day, as times
_PARTS = {"morning": MORNING, "matin": MORNING, "fruh": MORNING, "frueh": MORNING, "morgens": MORNING,
          "vormittag": time(9, 0), "noon": time(12, 0), "midi": time(12, 0), "mittag": time(12, 0),
          "afternoon": time(14, 0), "apres-midi": time(14, 0), "nachmittag": time(14, 0),
          "evening": EVENING, "soir": EVENING, "abend": EVENING, "abends": EVENING, "tonight": EVENING}
_MONTHS = {w: i + 1 for i, ws in enumerate((
    ("jan", "january", "janv", "janvier", "januar", "janner", "jaenner"),
    ("feb", "february", "fev", "fevr", "fevrier", "februar"),
    ("mar", "march", "mars", "marz", "maerz"),
    ("apr", "april", "avr", "avril"),
    ("may", "mai"),
    ("jun", "june", "juin", "juni"),
    ("jul", "july", "juil", "juillet", "juli"),
    ("aug", "august", "aou", "aout"),
    ("sep", "sept", "september", "septembre"),
    ("oct", "october", "octobre", "okt", "oktober"),
    ("nov", "november", "novembre"),
    ("dec", "december", "decembre", "dez", "dezember"),
)) for w in ws}
# units of "in 2 h", "dans 30 min", "in 2 Std.", in seconds
_UNITS = {**dict.fromkeys(("m", "min", "mins", "minute", "minutes", "mn", "minuten"), 60),
          **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "heure", "heures", "std", "stunde", "stunden"), 3600),
          **dict.fromkeys(("d", "day", "days", "j", "jour", "jours", "tag", "tage", "tagen"), 86400),
          **dict.fromkeys(("w", "week", "weeks", "semaine", "semaines", "woche", "wochen"), 7 * 86400)}
_IN = ("in", "dans")
# a time of day: "8", "8:00", "08.30", "5pm", "5:30 pm", "8h", "14h30", "14 h 30", "8 Uhr", "14:30 Uhr"
_CLOCK = re.compile(r"(\d{1,2})(?:\s*(?:[:.]|h)\s*(\d{2}))?\s*(?:(am|pm)|h|uhr)?")
#: the weekdays and months of a moment shown in a message ("Tue 24 Nov 09:00 has already passed.") or in the Outbox
#: ("Sends at Tue 08:00"): each language's abbreviations from the catalogue
WEEKDAYS = tuple(translate("SendTimes", name) for name in (
    QT_TRANSLATE_NOOP("SendTimes", "Mon"), QT_TRANSLATE_NOOP("SendTimes", "Tue"), QT_TRANSLATE_NOOP("SendTimes", "Wed"),
    QT_TRANSLATE_NOOP("SendTimes", "Thu"), QT_TRANSLATE_NOOP("SendTimes", "Fri"), QT_TRANSLATE_NOOP("SendTimes", "Sat"),
    QT_TRANSLATE_NOOP("SendTimes", "Sun")))
MONTHS = tuple(translate("SendTimes", name) for name in (
    QT_TRANSLATE_NOOP("SendTimes", "Jan"), QT_TRANSLATE_NOOP("SendTimes", "Feb"), QT_TRANSLATE_NOOP("SendTimes", "Mar"),
    QT_TRANSLATE_NOOP("SendTimes", "Apr"), QT_TRANSLATE_NOOP("SendTimes", "May"), QT_TRANSLATE_NOOP("SendTimes", "Jun"),
    QT_TRANSLATE_NOOP("SendTimes", "Jul"), QT_TRANSLATE_NOOP("SendTimes", "Aug"), QT_TRANSLATE_NOOP("SendTimes", "Sep"),
    QT_TRANSLATE_NOOP("SendTimes", "Oct"), QT_TRANSLATE_NOOP("SendTimes", "Nov"), QT_TRANSLATE_NOOP("SendTimes", "Dec")))


class WhenError(ValueError):
    """The typed time cannot be used; ``str()`` says why in English (logs, the command line), ``words`` in
    the user's language (the window shows them through ``app.ui.common.tr.shown``)."""

    def __init__(self, words: Words):
        super().__init__(words)
        self.words = words


def tomorrow_morning(now: datetime) -> datetime:
    return datetime.combine(now.date() + timedelta(days=1), MORNING)


def next_monday(now: datetime) -> datetime:
    """The coming Monday at 8:00 (today, if it is Monday before 8:00)."""
    days = (0 - now.weekday()) % 7
    when = datetime.combine(now.date() + timedelta(days=days), MORNING)
    return when if when > now else when + timedelta(days=7)


def _plain(text: str) -> str:
    """``text`` as the tables hold words: lower case, no accents, one space between words."""
    return " ".join(without_accents((text or "").replace("’", "'").replace("ß", "ss").lower()).split())


def _words(raw: str) -> list[str]:
    """The typed words without the ones that add nothing ("at", "à", "um"; "le"/"am" in front)."""
    words = [w for w in raw.split() if w not in _FILLERS]
    while words and words[0] in _LEADING and len(words) > 1:
        words = words[1:]
    return words


def _clock(text: str) -> time:
    """"8", "8:00", "08.30", "5pm", "5:30 pm", "8h", "14h30", "8 Uhr", "soir" -> a time of day."""
    text = text.strip()
    if text in _PARTS:
        return _PARTS[text]
    m = _CLOCK.fullmatch(text)
    if not m:
        raise WhenError(translate("SendTimes", "“{text}” is not a time of day (like 8:00 or 5pm).").format(text=text))
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if half:
        if not 1 <= hour <= 12:
            raise WhenError(translate("SendTimes", "“{text}”: with am/pm the hour is 1 to 12.").format(text=text))
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise WhenError(translate("SendTimes", "“{text}” is not a time of day: hours go to 23, minutes to 59.")
                        .format(text=text))
    return time(hour, minute)


def _calendar(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WhenError(translate("SendTimes", "“{text}” is not a date in the calendar.").format(text=text)) from None


def _coming(year: str | None, month: int, day: int, today: date, text: str) -> date:
    """A date written without its year is this year's, or next year's if it has passed."""
    if year:
        return _calendar(int(year) + (2000 if len(year) == 2 else 0), month, day, text)
    d = _calendar(today.year, month, day, text)
    return d if d >= today else _calendar(today.year + 1, month, day, text)


def _date(text: str, today: date) -> date | None:
    """"2026-11-24", "24.11.2026", "24.11.", "24/11", "24/11/2026" (no year: this year, or next if passed) ->
    a date; None: not a date."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if m:
        return _calendar(int(m.group(1)), int(m.group(2)), int(m.group(3)), text)
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?", text) or re.fullmatch(
        r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", text)
    if m:
        return _coming(m.group(3), int(m.group(2)), int(m.group(1)), today, text)
    return None


@dataclass
class _Day:
    day: date
    # the time its words name ("ce soir"), None: the caller's (8:00 or the one typed)
    at: time | None = None
    # a bare weekday (today's counts until its time has passed)
    weekday: bool = False


def _named_date(words: list[str], today: date) -> tuple[date, int] | None:
    """"3 décembre", "1er décembre 2026", "3. Dezember", "3 Dez.", "december 3", "dec 3, 2026" -> (the date,
    the words it took)."""
    def month(word: str) -> int | None:
        return _MONTHS.get(word.rstrip("."))

    def year(at: int) -> str | None:
        return words[at] if len(words) > at and re.fullmatch(r"\d{4}", words[at]) else None

    if len(words) >= 2:
        m = re.fullmatch(r"(\d{1,2})(?:\.|er|st|nd|rd|th)?", words[0])
        if m and month(words[1]):
            y = year(2)
            return _coming(y, month(words[1]), int(m.group(1)), today, " ".join(words[:3 if y else 2])), 3 if y else 2
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?,?", words[1])
        if m and month(words[0]):
            y = year(2)
            return _coming(y, month(words[0]), int(m.group(1)), today, " ".join(words[:3 if y else 2])), 3 if y else 2
    return None


def _day(words: list[str], today: date) -> tuple[_Day, list[str]] | None:
    """The day the first words name and the words left (a time); None: they name no day."""
    for size in (2, 1):
        phrase = " ".join(words[:size])
        if len(words) >= size and phrase in _RELATIVE:
            at = EVENING if phrase == "tonight" else None
            return _Day(today + timedelta(days=_RELATIVE[phrase]), at), words[size:]
    if len(words) >= 2 and words[0] in _THIS and words[1] in _PARTS:
        return _Day(today, _PARTS[words[1]]), words[2:]
    if len(words) >= 2 and words[0] in _NEXT_BEFORE and words[1] in _DAYS:
        return _Day(_after(today, _DAYS[words[1]])), words[2:]
    if words and words[0] in _DAYS:
        if len(words) >= 2 and words[1] in _NEXT_AFTER:
            return _Day(_after(today, _DAYS[words[0]])), words[2:]
        return _Day(today + timedelta(days=(_DAYS[words[0]] - today.weekday()) % 7), weekday=True), words[1:]
    named = _named_date(words, today)
    if named:
        return _Day(named[0]), words[named[1]:]
    d = _date(words[0], today) if words else None
    return (_Day(d), words[1:]) if d else None


def _after(today: date, weekday: int) -> date:
    """The first ``weekday`` after today."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _ahead(raw: str) -> tuple[int, str] | None:
    """"in 2 h", "dans 30 min", "in 2 Std." -> (the number, its unit); None: not such words."""
    m = re.fullmatch(r"(?:in|dans) (\d{1,4}) ?([a-z]+)\.?", raw)
    return (int(m.group(1)), m.group(2)) if m else None


def _unit(unit: str) -> int:
    if unit not in _UNITS:
        raise WhenError(translate("SendTimes", "“{unit}” is not a unit Dispatch knows (min, h, days).").format(unit=unit))
    return _UNITS[unit]


def parse_when(text: str, now: datetime) -> datetime:
    """The moment ``text`` names, after ``now``; :class:`WhenError` (with the reason) otherwise."""
    raw = _plain(text)
    if not raw:
        raise WhenError(translate("SendTimes", "Type when to send it, e.g. {examples}.").format(examples=examples(now)))
    ahead = _ahead(raw)
    if ahead:
        return _check(now + timedelta(seconds=ahead[0] * _unit(ahead[1])), now)
    found = _day(_words(raw), now.date())
    if found:
        day, rest = found
        at = _clock(" ".join(rest)) if rest else day.at or MORNING
        when = datetime.combine(day.day, at)
        if day.weekday and when <= now:
            when += timedelta(days=7)
        return _check(when, now)
    try:
        at = _clock(" ".join(_words(raw)))
    except WhenError:
        raise WhenError(translate("SendTimes", "Dispatch does not understand “{text}”. Try {examples}.").format(
            text=(text or "").strip(), examples=examples(now))) from None
    when = datetime.combine(now.date(), at)
    return when if when > now else when + timedelta(days=1)  # a time already passed today: tomorrow


def moment(when: datetime) -> Words:
    """``when`` in a message: "Tue 24 Nov 09:00" (its weekday and month in the user's language)."""
    return translate("SendTimes", "{weekday} {day} {month} {time}").format(
        weekday=WEEKDAYS[when.weekday()], day=f"{when.day:02d}", month=MONTHS[when.month - 1],
        time=f"{when:%H:%M}")


def _check(when: datetime, now: datetime) -> datetime:
    if when <= now:
        raise WhenError(translate("SendTimes", "{when} has already passed.").format(when=moment(when)))
    if when - now > MAX_AHEAD:
        raise WhenError(translate("SendTimes", "That is more than a year ahead."))
    return when


def parse_day(text: str, today: date) -> date | None:
    """The day ``text`` names, for a follow-up flag's start or due date: "" (none: None), "today", "tomorrow",
    a weekday ("fri": the next one, today included; "next fri": after today), "in 3 days", "2026-12-04",
    "4.12.2026", "4.12.", "4/12" or "4 December" (this year, or next if passed), in English, French or German
    ("demain", "vendredi", "dans 3 jours"; "morgen", "Freitag", "in 3 Tagen"). :class:`WhenError` (with the
    reason) otherwise. Past days are allowed (a flag may be overdue)."""
    raw = _plain(text)
    if not raw:
        return None
    ahead = _ahead(raw)
    if ahead and _unit(ahead[1]) >= 86400:
        return today + timedelta(seconds=ahead[0] * _UNITS[ahead[1]])
    found = None if ahead else _day(_words(raw), today)
    if found is None or found[1]:
        shown = (text or "").strip()[:40]
        raise WhenError(translate("SendTimes", "“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or "
                                  "{day}.{month}.").format(text=shown, date=f"{today + timedelta(days=7):%Y-%m-%d}",
                                                           day=str(today.day), month=str(today.month)))
    return found[0].day
