"""Did it arrive, in words (app/domain/delivery_words.py): every status code of the table told with the
recipient's address, in English, French and German; each recipient's state and a sent message's mark."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

import pytest

from app.domain.delivery import Fate, RecipientNews
from app.domain.delivery_words import CLASSES, CONTEXT, FAILURES, RANGES, failure_entry, failure_words, fate_words, \
    summary

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "carol@contso.com"


def _codes() -> list[str]:
    """Every code of the table: each named one, each range's first, middle and last, a code of each class the
    table does not name, and none at all."""
    codes = list(FAILURES)
    for first, last, _what, _fix in RANGES:
        a, b = int(first.rsplit(".", 1)[1]), int(last.rsplit(".", 1)[1])
        codes += [f"5.7.{n}" for n in sorted({a, (a + b) // 2, b})]
    return codes + [f"{cls}.9.99" for cls in CLASSES] + [""]


def _catalogue(lang: str) -> dict[str, str | list[str]]:
    """The Delivery context of translations/<lang>/domain.ts: source -> its translation (its forms for a plural),
    only the finished ones."""
    found = {}
    for ctx in ET.parse(ROOT / "translations" / lang / "domain.ts").getroot().iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")]
            found[msg.findtext("source")] = forms if msg.get("numerus") == "yes" else (tr.text or "")
    return found


@pytest.mark.parametrize("code", _codes())
def test_each_code_says_what_happened_to_the_address_and_what_to_do(code):
    what, fix = failure_words(RecipientNews(ADDRESS, Fate.FAILED, status=code))
    assert ADDRESS in what
    assert what.context == fix.context == CONTEXT and what.endswith(".") and fix.endswith(".")
    if "{domain}" in what.source + fix.source:
        assert "contso.com" in what.replace(ADDRESS, "") + fix.replace(ADDRESS, "")
    if code and code not in FAILURES and not any(first <= code <= last for first, last, *_ in RANGES):
        assert f"(code {code})" in what  # a code the table does not name: its class, and the server's own code


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_each_codes_words_are_in_french_and_german_with_the_address(lang):
    """The French and German for every code of the table: in the catalogue, finished, and naming the address once
    its placeholders are filled (as the window fills them after translating)."""
    table = _catalogue(lang)
    missing, unnamed = [], []
    for code in _codes():
        what, fix = failure_words(RecipientNews(ADDRESS, Fate.FAILED, status=code))
        for words in (what, fix):
            translated = table.get(words.source)
            if not translated or not isinstance(translated, str):
                missing.append(f"{code}: {words.source!r}")
            elif words is what and ADDRESS not in translated.format(**words.values):
                unnamed.append(f"{code}: {translated!r}")
    assert not missing, f"{lang} lacks:\n" + "\n".join(missing)
    assert not unnamed, "\n".join(unnamed)


def test_the_words_of_states_and_marks_are_in_french_and_german():
    now = datetime(2026, 3, 3, 12, 0).astimezone()
    said = [fate_words(RecipientNews(ADDRESS, fate)) for fate in Fate]
    said += [fate_words(RecipientNews(ADDRESS, Fate.READ, when=now), now=now),
             fate_words(RecipientNews(ADDRESS, Fate.READ, when=datetime(2026, 1, 2, 9, 0).astimezone()), now=now)]
    said += [summary({ADDRESS: RecipientNews(ADDRESS, fate)}, [ADDRESS, "bob@example.com"])
             for fate in (Fate.FAILED, Fate.DELAYED, Fate.DELIVERED)]
    said += [summary({ADDRESS: RecipientNews(ADDRESS, fate)}, [ADDRESS]) for fate in (Fate.READ, Fate.DELIVERED)]
    for lang in ("fr", "de"):
        table = _catalogue(lang)
        assert [w.source for w in said if w.source not in table] == []


def test_the_example_of_the_issue():
    what, fix = failure_words(RecipientNews(ADDRESS, Fate.FAILED, status="5.4.310"))
    assert f"{what} {fix}" == ("carol@contso.com could not be reached: the domain contso.com does not exist. "
                               "Check the spelling of the address.")


@pytest.mark.parametrize("code,same_as", [
    ("5.01.010", "5.1.10"),  # leading zeros are the same code
    ("5.7.502", "5.7.501"),  # inside a range
    ("5.7.649", "5.7.606"),
    ("5.7.650", "5.9.99"),  # just past it: the class's words
    ("4.4.7", "4.4.7"),
    ("5.1.1.1", ""),  # no code at all
    ("x.y.z", ""),
])
def test_codes_are_compared_as_numbers(code, same_as):
    assert failure_entry(code) == failure_entry(same_as)


@pytest.mark.parametrize("first,last,what,fix", RANGES, ids=[f"{r[0]}-{r[1]}" for r in RANGES])
def test_each_code_of_a_range_has_the_ranges_words(first, last, what, fix):
    a, b = int(first.rsplit(".", 1)[1]), int(last.rsplit(".", 1)[1])
    assert {failure_entry(f"5.7.{n}") for n in range(a, b + 1)} == {(what, fix)}
    assert failure_entry(f"5.7.{a - 1}") != (what, fix) != failure_entry(f"5.7.{b + 1}")


def test_each_state_in_a_word_or_two():
    now = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)
    local = now.astimezone()
    assert fate_words(None) == "no news"
    assert fate_words(RecipientNews(ADDRESS, Fate.DELIVERED)) == "delivered"
    assert fate_words(RecipientNews(ADDRESS, Fate.FAILED)) == "not delivered"
    assert fate_words(RecipientNews(ADDRESS, Fate.NOT_READ)) == "deleted without being read"
    assert fate_words(RecipientNews(ADDRESS, Fate.READ)) == "read"
    assert fate_words(RecipientNews(ADDRESS, Fate.READ, when=now), now=now) == f"read at {local:%H:%M}"
    earlier = datetime(2026, 1, 2, 9, 5, tzinfo=timezone.utc)
    assert fate_words(RecipientNews(ADDRESS, Fate.READ, when=earlier), now=now) == (
        f"read on {earlier.astimezone():%Y-%m-%d} at {earlier.astimezone():%H:%M}")


def _standing(**fates):
    return {f"{name}@example.com": RecipientNews(f"{name}@example.com", fate) for name, fate in fates.items()}


@pytest.mark.parametrize("standing,recipients,mark", [
    (_standing(carol=Fate.FAILED, bob=Fate.READ), ["Bob@example.com", "carol@example.com"], "1 failed"),
    (_standing(carol=Fate.FAILED, dave=Fate.FAILED), ["carol@example.com", "dave@example.com"], "2 failed"),
    (_standing(bob=Fate.READ, erin=Fate.DELIVERED), ["bob@example.com", "erin@example.com"], "all delivered"),
    (_standing(bob=Fate.READ, erin=Fate.NOT_READ), ["bob@example.com", "erin@example.com"], "all delivered"),
    (_standing(bob=Fate.READ), ["BOB@example.com", "bob@example.com"], "all read"),
    (_standing(bob=Fate.DELAYED), ["bob@example.com", "erin@example.com"], "1 delayed"),
    (_standing(bob=Fate.DELIVERED), ["bob@example.com", "erin@example.com", "f@example.com"], "1 of 3 delivered"),
    ({}, ["bob@example.com"], ""),  # no news: no mark, no claim
    (_standing(bob=Fate.NO_NEWS), ["bob@example.com"], ""),
])
def test_a_sent_messages_mark(standing, recipients, mark):
    assert summary(standing, recipients) == mark


@pytest.mark.parametrize("lang,failed", [("fr", "2 en échec"), ("de", "2 fehlgeschlagen")])
def test_the_built_catalogue_says_every_codes_words_with_the_address(qapp, lang, failed):
    """Through the built catalogue (.qm), as the window shows core words (app.ui.common.tr.shown): each code's
    sentence in the language, not English, with the address in it; a plural mark with its count."""
    from app.ui.common.tr import shown
    from tests.helpers.language import in_language

    with in_language(lang):
        for code in _codes():
            what, fix = failure_words(RecipientNews(ADDRESS, Fate.FAILED, status=code))
            assert ADDRESS in shown(what) and shown(what) != what, (code, shown(what))
            assert shown(fix) != fix, (code, shown(fix))
        two = summary(_standing(carol=Fate.FAILED, dave=Fate.FAILED), ["carol@example.com", "dave@example.com"])
        assert shown(two) == failed
