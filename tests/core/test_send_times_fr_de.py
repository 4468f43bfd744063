"""Send later and the follow-up flag take French and German words alongside English (app.core.outbox.send_times), and
a time or day that cannot be used says why in words the window translates (WhenError.words)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.core.outbox.send_times import WhenError, examples, parse_day, parse_when
from app.domain.words import Words

NOW = datetime(2026, 11, 24, 14, 30)  # a Tuesday afternoon
TODAY = NOW.date()


def at(day: int, hour: int = 8, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute)


FRENCH = [
    ("demain 8h", at(25)), ("demain", at(25)), ("Demain à 9h", at(25, 9)), ("demain 14h30", at(25, 14, 30)),
    ("lundi", at(30)), ("lun 9h30", at(30, 9, 30)), ("lun. 9h", at(30, 9)), ("mardi 17h", at(24, 17)),
    ("mardi 9h", at(1, 9, month=12)),  # today's 9 h has passed: next week's
    ("mardi prochain", at(1, month=12)), ("vendredi prochain 10 h", at(27, 10)),
    ("dans 2 h", at(24, 16, 30)), ("dans 2h", at(24, 16, 30)), ("dans 30 min", at(24, 15)),
    ("dans 1 heure", at(24, 15, 30)), ("dans 3 jours", at(27, 14, 30)), ("dans 1 semaine", at(1, 14, 30, 12)),
    ("aujourd'hui 17h", at(24, 17)), ("aujourd’hui 18 h", at(24, 18)), ("ce soir", at(24, 18)),
    ("ce soir 20h", at(24, 20)), ("demain soir", at(25, 18)), ("demain midi", at(25, 12)),
    ("après-demain", at(26)), ("apres-demain 10h", at(26, 10)), ("après demain", at(26)),
    ("14h30", at(25, 14, 30)), ("16h", at(24, 16)), ("8 h", at(25, 8)),
    ("16 h 45", at(24, 16, 45)),
    ("3 décembre", at(3, month=12)), ("le 3 décembre à 10h", at(3, 10, month=12)), ("1er déc. 9h", at(1, 9, month=12)),
    ("3 décembre 2026", at(3, month=12)), ("3/12", at(3, month=12)), ("3/12 9h", at(3, 9, month=12)),
    ("3/12/2026 9h", at(3, 9, month=12)), ("3.12.", at(3, month=12)), ("15 janvier", datetime(2027, 1, 15, 8)),
]
GERMAN = [
    ("morgen 8 Uhr", at(25)), ("morgen", at(25)), ("morgen um 9 Uhr", at(25, 9)), ("Morgen früh", at(25)),
    ("Montag", at(30)), ("Mo. 9:30", at(30, 9, 30)), ("Fr.", at(27)), ("Dienstag 17 Uhr", at(24, 17)),
    ("nächsten Dienstag", at(1, month=12)), ("nächsten Freitag 10 Uhr", at(27, 10)),
    ("kommenden Montag", at(30)),
    ("in 2 Std.", at(24, 16, 30)), ("in 2 Stunden", at(24, 16, 30)), ("in 30 Min.", at(24, 15)),
    ("in 30 Minuten", at(24, 15)), ("in 3 Tagen", at(27, 14, 30)), ("in 1 Woche", at(1, 14, 30, 12)),
    ("heute 18 Uhr", at(24, 18)), ("heute Abend", at(24, 18)), ("morgen Abend", at(25, 18)),
    ("übermorgen", at(26)), ("Übermorgen 10 Uhr", at(26, 10)), ("uebermorgen", at(26)),
    ("14:30 Uhr", at(25, 14, 30)), ("16.30 Uhr", at(24, 16, 30)), ("8 Uhr", at(25, 8)),
    ("3. Dezember", at(3, month=12)), ("am 3. Dezember um 10 Uhr", at(3, 10, month=12)),
    ("3. Dez. 2026", at(3, month=12)), ("3.12.", at(3, month=12)), ("am 3.12. um 9 Uhr", at(3, 9, month=12)),
    ("3.12.2026 9:00", at(3, 9, month=12)), ("15. März", datetime(2027, 3, 15, 8)),
]


@pytest.mark.parametrize("text, when", FRENCH, ids=[t for t, _ in FRENCH])
def test_french_words(text, when):
    assert parse_when(text, NOW) == when


@pytest.mark.parametrize("text, when", GERMAN, ids=[t for t, _ in GERMAN])
def test_german_words(text, when):
    assert parse_when(text, NOW) == when


WRONG = [
    # (typed, the catalogue's words, the typed text named in them)
    ("bientôt", "Dispatch does not understand “{text}”. Try {examples}.", "bientôt"),
    ("demnächst", "Dispatch does not understand “{text}”. Try {examples}.", "demnächst"),
    ("demain 25h", "“{text}” is not a time of day: hours go to 23, minutes to 59.", "25h"),
    ("morgen 8:75 Uhr", "“{text}” is not a time of day: hours go to 23, minutes to 59.", "8:75 uhr"),
    ("demain midi et demi", "“{text}” is not a time of day (like 8:00 or 5pm).", "midi et demi"),
    ("dans 3 quinzaines", "“{unit}” is not a unit Dispatch knows (min, h, days).", "quinzaines"),
    ("in 3 Monden", "“{unit}” is not a unit Dispatch knows (min, h, days).", "monden"),
    ("31/2", "“{text}” is not a date in the calendar.", "31/2"),
    ("30. Februar", "“{text}” is not a date in the calendar.", "30. februar"),
    ("aujourd'hui 9h", "{when} has already passed.", None),
    ("heute 9 Uhr", "{when} has already passed.", None),
    ("3/12/2028", "That is more than a year ahead.", None),
    ("", "Type when to send it, e.g. {examples}.", None),
]


@pytest.mark.parametrize("text, source, named", WRONG, ids=[t or "empty" for t, _, _ in WRONG])
def test_wrong_input_says_why_in_words_the_window_translates(text, source, named):
    with pytest.raises(WhenError) as err:
        parse_when(text, NOW)
    words = err.value.words
    assert isinstance(words, Words) and words.context == "SendTimes" and words.source == source
    if named is not None:
        assert named in words.values.values()
    assert str(err.value) == str(words)  # the log and the command line: English


def test_a_passed_time_names_its_weekday_and_month_as_words():
    with pytest.raises(WhenError) as err:
        parse_when("aujourd'hui 8h", NOW)
    when = err.value.words.values["when"]
    assert str(when) == "Tue 24 Nov 08:00"
    assert when.values["weekday"].source == "Tue" and when.values["month"].source == "Nov"


DAYS = [
    ("demain", date(2026, 11, 25)), ("aujourd'hui", TODAY), ("après-demain", date(2026, 11, 26)),
    ("vendredi", date(2026, 11, 27)), ("ven.", date(2026, 11, 27)), ("mardi", TODAY),
    ("mardi prochain", date(2026, 12, 1)), ("dans 3 jours", date(2026, 11, 27)), ("4/12", date(2026, 12, 4)),
    ("4 décembre", date(2026, 12, 4)), ("morgen", date(2026, 11, 25)), ("heute", TODAY),
    ("Freitag", date(2026, 11, 27)), ("Fr.", date(2026, 11, 27)), ("nächsten Dienstag", date(2026, 12, 1)),
    ("in 2 Wochen", date(2026, 12, 8)), ("4. Dezember", date(2026, 12, 4)), ("4.12.", date(2026, 12, 4)),
    ("übermorgen", date(2026, 11, 26)), ("1. Januar", date(2027, 1, 1)), ("20/11", date(2027, 11, 20)),
]


@pytest.mark.parametrize("text, day", DAYS, ids=[t for t, _ in DAYS])
def test_a_flag_day_in_french_or_german(text, day):
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize("text, source", [
    ("hier", "“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or {day}.{month}."),
    ("demain 8h", "“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or {day}.{month}."),
    ("dans 2 h", "“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or {day}.{month}."),
    ("gestern", "“{text}” is not a day Dispatch knows. Try tomorrow, fri, {date} or {day}.{month}."),
    ("31/4", "“{text}” is not a date in the calendar."),
    ("31. April", "“{text}” is not a date in the calendar."),
])
def test_a_flag_day_that_is_not_one_says_why(text, source):
    with pytest.raises(WhenError) as err:
        parse_day(text, TODAY)
    assert err.value.words.source == source


def _catalogue(lang: str) -> dict[str, str]:
    """The French or German words of the SendTimes entries (translations/<lang>/times.ts)."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "translations" / lang / "times.ts"
    return {m.findtext("source"): m.findtext("translation") for ctx in ET.parse(ts).getroot().iter("context")
            if ctx.findtext("name") == "SendTimes" for m in ctx.iter("message")}


@pytest.mark.parametrize("lang, joiner", [("fr", " ou "), ("de", " oder ")])
@pytest.mark.parametrize("short", [False, True])
def test_the_examples_shown_in_french_and_german_are_understood(lang, joiner, short):
    """What the Send later field suggests in the user's language can be typed as it is."""
    words = examples(NOW, short=short)
    text = _catalogue(lang)[words.source].format(**words.values)
    shown = [e.strip() for part in text.split(joiner) for e in part.split(", ")]
    assert len(shown) >= 5
    for example in shown:
        assert parse_when(example, NOW) > NOW, example
