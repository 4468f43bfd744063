"""Spell checking with Hunspell dictionaries through enchant, on one worker thread (no Qt).

:class:`SpellChecker` owns a daemon thread named ``spell``. Everything that touches enchant — importing
pyenchant (it loads ``libenchant-2``), listing the dictionaries, opening one, checking words, asking for
suggestions — and everything that touches the personal dictionary's file runs there; each call returns a
:class:`concurrent.futures.Future` at once. The UI thread never waits on one: it adds a done-callback
and hands the answer over to itself (app/ui/compose/spell_highlighter.py).

Verdicts carry the checker's :attr:`generation`; it changes when the language does, so an answer that
arrives after a switch is recognised as stale. A word is correct when it is in the personal dictionary
(app/storage/personal_dictionary.py, shared by every language), was ignored this session, or the
dictionary accepts it.

With no pyenchant, no enchant library or no dictionary the checker is off (:attr:`SpellState.language`
is None) and :attr:`SpellState.notice` says why in one line; nothing raises.
"""

from __future__ import annotations

import locale
import logging
import os
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field

from app.domain.spelling_words import normal
from app.domain.words import translate
from app.storage.personal_dictionary import PersonalDictionary

log = logging.getLogger(__name__)

# the setting that holds the chosen language ("" or missing: the system's; OFF: spell check off)
SETTING = "spell_language"
OFF = "off"
INSTALL_HINT = "install libenchant-2-2 and hunspell-en-us"


@dataclass(frozen=True)
class SpellState:
    language: str | None = None               # the dictionary in use; None: spell check is off
    available: tuple[str, ...] = ()          # every dictionary enchant has
    notice: str = ""                          # one line: why spell check is off (or a fallback)
    generation: int = 0
    problems: tuple[str, ...] = field(default=())


def _load_enchant():
    """pyenchant (which loads the C library). Its own module, so tests can take it away.

    Enchant keeps a word list of its own per language (``<lang>.dic``, ``<lang>.exc``) in its configuration
    folder, ``~/.config/enchant`` by default, and creates them when a dictionary is opened. Dispatch keeps
    the user's words in its own personal dictionary, so enchant's folder is pointed into Dispatch's data
    folder (0700): nothing is written outside Dispatch's own folders."""
    _own_enchant_folder()
    import enchant

    return enchant


def _own_enchant_folder() -> None:
    if os.environ.get("ENCHANT_CONFIG_DIR"):
        return
    try:
        from app.storage.settings import data_dir

        folder = data_dir() / "enchant"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ["ENCHANT_CONFIG_DIR"] = str(folder)
    except OSError as exc:
        log.warning("spell check: no folder of its own for enchant (%s)", type(exc).__name__)


def system_language() -> str:
    """The system locale's language tag (``de_DE``), or "" when it names none (C, POSIX)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        v = os.environ.get(var, "")
        if v:
            break
    else:
        v = ""
    if not v:
        try:
            v = locale.getlocale()[0] or ""
        except ValueError:
            v = ""
    tag = v.split(".")[0].split("@")[0]
    return "" if tag in ("C", "POSIX") else tag


def choose_language(preferred: str, system: str, available: list[str] | tuple[str, ...]) -> tuple[str | None, str]:
    """(dictionary to use, a note when it is not the one asked for). ``preferred``: the setting
    ("" = the system's). An exact tag wins, then the same language in another country (``de_AT`` →
    ``de_DE``), then English (US), then the first there is."""
    avail = sorted(set(available))
    if not avail:
        return None, ""
    for want in (preferred, system):
        want = (want or "").replace("-", "_")
        if not want or want == OFF:
            continue
        if want in avail:
            return want, ""
        lang = want.split("_")[0].lower()
        same = [a for a in avail if a.split("_")[0].lower() == lang]
        if same:
            best = sorted(same, key=lambda a: ("_" not in a, a))[0]  # a country's dictionary before a bare one
            return best, ""
    fallback = "en_US" if "en_US" in avail else avail[0]
    asked = preferred or system
    if not asked:
        return fallback, ""
    return fallback, translate("Spelling", "No dictionary for {asked}; using {fallback}.").format(asked=asked,
                                                                                                  fallback=fallback)


#: what the spell check says until its dictionary is loaded
STARTING = translate("Spelling", "Spell check is starting…")


class SpellChecker:
    def __init__(self, personal: PersonalDictionary | None = None):
        self.personal = personal if personal is not None else PersonalDictionary()
        self.state = SpellState(notice=STARTING)
        self.generation = 0
        self.ignored: set[str] = set()  # "Ignore": this session only
        self._enchant = None
        self._dict = None
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="spell", daemon=True)
        self._thread.start()

    # ---- the worker thread ----
    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, fut = job
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
                fut.set_exception(exc)

    def _submit(self, fn) -> Future:
        fut: Future = Future()
        self._jobs.put((fn, fut))
        return fut

    def close(self) -> None:
        self._jobs.put(None)

    # ---- what the UI asks for (each returns at once) ----
    def start(self, preferred: str = "", system: str | None = None) -> Future:
        """Load enchant and the personal dictionary, open the language: Future[SpellState]."""
        system = system_language() if system is None else system

        def run() -> SpellState:
            self.personal.load()
            try:
                self._enchant = _load_enchant()
                avail = tuple(sorted(set(self._enchant.list_languages())))
            except Exception as exc:  # noqa: BLE001 - ImportError, OSError, pyenchant's AssertionError
                log.warning("spell check is off: enchant could not be loaded (%s)", type(exc).__name__)
                self._enchant = None
                return self._set(None, (), translate(
                    "Spelling", "Spell check is off: the enchant library is missing ({hint}).").format(hint=INSTALL_HINT))
            return self._open(preferred, system, avail)
        return self._submit(run)

    def set_language(self, preferred: str) -> Future:
        """Switch to ``preferred`` (a tag, or OFF): Future[SpellState]."""
        def run() -> SpellState:
            if self._enchant is None:
                return self.state
            return self._open(preferred, "", self.state.available)
        return self._submit(run)

    def check(self, words: list[str]) -> Future:
        """Future[(generation, {word: correct})] for ``words`` as they appear in the text."""
        def run():
            gen, d = self.generation, self._dict
            if d is None:
                return gen, {w: True for w in words}
            known = self.personal.words
            out = {}
            for w in words:
                n = normal(w)
                out[w] = n in known or n in self.ignored or bool(d.check(n))
            return gen, out
        return self._submit(run)

    def suggest(self, word: str) -> Future:
        """Future[list of suggestions] (at most 8)."""
        def run() -> list[str]:
            d = self._dict
            return [] if d is None else [s for s in d.suggest(normal(word)) if s != word][:8]
        return self._submit(run)

    def add(self, word: str) -> Future:
        """Into the personal dictionary (every language): Future[bool: written to the file]."""
        return self._submit(lambda: self.personal.add(normal(word)))

    def ignore(self, word: str) -> Future:
        """Correct until Dispatch closes (any language)."""
        return self._submit(lambda: self.ignored.add(normal(word)))

    # ---- on the worker ----
    def _open(self, preferred: str, system: str, avail: tuple[str, ...]) -> SpellState:
        if preferred == OFF:
            return self._set(None, avail, translate("Spelling", "Spell check is off."))
        if not avail:
            return self._set(None, avail, translate(
                "Spelling", "Spell check is off: no dictionary is installed ({hint}).").format(hint=INSTALL_HINT))
        tag, note = choose_language(preferred, system, avail)
        try:
            self._dict = self._enchant.Dict(tag)
        except Exception as exc:  # noqa: BLE001 - a dictionary enchant lists but cannot open
            log.warning("spell check: the %s dictionary could not be opened (%s)", tag, type(exc).__name__)
            return self._set(None, avail, translate(
                "Spelling", "Spell check is off: the {tag} dictionary could not be opened.").format(tag=tag))
        return self._set(tag, avail, note)

    def _set(self, tag: str | None, avail: tuple[str, ...], notice: str) -> SpellState:
        if tag is None:
            self._dict = None
        self.generation += 1
        problems = (self.personal.problem,) if self.personal.problem else ()
        self.state = SpellState(tag, avail, notice, self.generation, problems)
        return self.state
