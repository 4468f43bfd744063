"""Issue 15, spell check without Qt: what is a word, which language, the personal dictionary, and the checker
on its worker thread with the real enchant and Debian's Hunspell dictionaries."""

from __future__ import annotations

import stat
import sys
import threading

import pytest

from app.core.compose import spelling
from app.core.compose.spelling import OFF, SpellChecker, choose_language, system_language
from app.domain.spelling_words import normal, word_at, words
from app.storage.personal_dictionary import PersonalDictionary


def texts(line: str) -> list[str]:
    return [w for _s, _n, w in words(line)]


def test_words_skip_addresses_numbers_acronyms_and_single_letters():
    line = ("Helo, don't see https://example.org/a?b=1 or www.example.com or bob.smith@example.com: "
            "NATO, EWS, 3rd, A4, snake_case, x, I, well-known, l’homme, iPhone, Größe.")
    assert texts(line) == ["Helo", "don't", "see", "or", "or", "well", "known", "l’homme", "iPhone", "Größe"]
    (start, n, w), *_ = words(line)
    assert (start, n, w) == (0, 4, "Helo")
    assert normal("l’homme") == "l'homme"
    assert word_at("say helo now", 7) == (4, 4, "helo")  # a cursor at a word's end is on it
    assert word_at("say helo now", 3) == (0, 3, "say")
    assert word_at("a, b", 2) is None


def test_the_language_follows_the_setting_then_the_system_then_english():
    avail = ["de_AT", "de_DE", "en", "en_GB", "en_US"]
    assert choose_language("", "en_GB", avail) == ("en_GB", "")
    assert choose_language("de_DE", "en_GB", avail) == ("de_DE", "")
    assert choose_language("", "de_CH", avail) == ("de_AT", "")  # the same language, another country
    assert choose_language("", "en", avail) == ("en", "")
    assert choose_language("", "fr_FR", avail) == ("en_US", "No dictionary for fr_FR; using en_US.")
    assert choose_language("", "", avail) == ("en_US", "")
    assert choose_language("", "", []) == (None, "")


def test_the_system_language_comes_from_the_locale(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "de_CH.UTF-8")
    assert system_language() == "de_CH"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert system_language() == ""


def test_the_personal_dictionary_is_private_and_survives_damage(tmp_path):
    path = tmp_path / "data" / "personal-dictionary.txt"
    d = PersonalDictionary(path)
    assert d.load() == set()
    assert d.add("Zorblax") and d.add("Zorblax") and d.add("l'homme")
    assert not d.add("two words") and not d.add("")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.read_text(encoding="utf-8") == "Zorblax\nl'homme\n"
    path.write_bytes(b"Zorblax\n\xff\xfe junk line\n\x00bad\nQwerty\n")
    assert PersonalDictionary(path).load() == {"Zorblax", "Qwerty"}  # what is not a word is skipped


def wait(fut):
    return fut.result(timeout=10)


def test_the_checker_answers_on_its_own_thread(tmp_path, monkeypatch):
    import enchant

    threads = []
    real = enchant.Dict.check
    monkeypatch.setattr(enchant.Dict, "check", lambda self, w: threads.append(threading.current_thread().name)
                        or real(self, w))
    c = SpellChecker(PersonalDictionary(tmp_path / "p.txt"))
    try:
        st = wait(c.start("en_US", "de_DE"))
        assert st.language == "en_US" and "en_GB" in st.available and not st.notice
        gen, verdicts = wait(c.check(["hello", "wrold", "colour", "don’t"]))
        assert gen == st.generation
        assert verdicts == {"hello": True, "wrold": False, "colour": False, "don’t": True}
        assert "world" in wait(c.suggest("wrold"))
        assert wait(c.add("Zorblax")) is True
        wait(c.ignore("Qwertyville"))
        assert wait(c.check(["Zorblax", "Qwertyville"]))[1] == {"Zorblax": True, "Qwertyville": True}
        st2 = wait(c.set_language("en_GB"))
        assert st2.language == "en_GB" and st2.generation > st.generation
        assert wait(c.check(["colour", "Zorblax"])) == (st2.generation, {"colour": True, "Zorblax": True})
        off = wait(c.set_language(OFF))
        assert off.language is None and off.notice == "Spell check is off."
        assert wait(c.check(["wrold"]))[1] == {"wrold": True}  # off: nothing is marked
    finally:
        c.close()
    assert threads and set(threads) == {"spell"}
    # a new checker on the same file knows the added word (the ignored one was for that session only)
    c2 = SpellChecker(PersonalDictionary(tmp_path / "p.txt"))
    try:
        wait(c2.start("en_US", ""))
        assert wait(c2.check(["Zorblax", "Qwertyville"]))[1] == {"Zorblax": True, "Qwertyville": False}
    finally:
        c2.close()


@pytest.mark.parametrize("how", ["no pyenchant", "no library", "no dictionary"])
def test_without_enchant_or_a_dictionary_the_checker_is_off_and_says_why(tmp_path, monkeypatch, how):
    if how == "no pyenchant":
        monkeypatch.setitem(sys.modules, "enchant", None)
    elif how == "no library":
        def missing():
            raise ImportError("The 'enchant' C library was not found and maybe needs to be installed.")
        monkeypatch.setattr(spelling, "_load_enchant", missing)
    else:
        import enchant

        monkeypatch.setattr(enchant, "list_languages", lambda: [])
    c = SpellChecker(PersonalDictionary(tmp_path / "p.txt"))
    try:
        st = wait(c.start("", "en_US"))
        assert st.language is None
        want = "no dictionary is installed" if how == "no dictionary" else "the enchant library is missing"
        assert want in st.notice and "libenchant-2-2" in st.notice
        assert wait(c.check(["wrold"]))[1] == {"wrold": True}
        assert wait(c.suggest("wrold")) == []
        assert wait(c.set_language("en_US")).language is None
    finally:
        c.close()
