"""Spell check in the window: the checker, the underlines on the Compose body, suggestions and the language.

- **Suggestions** (Ctrl+; or Alt+F7, Edit menu): a small menu at the misspelt word at or nearest before
  the cursor — the dictionary's suggestions (Enter takes the first), "Add to dictionary", "Ignore". The
  same items head the body's context menu (right click, the keyboard's Menu key) when it is opened on a
  misspelt word. Suggestions come from the worker thread: the menu opens at once and they appear in it.
  Choosing one replaces the word as one undo step.
- **Language** (Ctrl+Shift+F7, Edit menu, its text names the language in use): a menu of the dictionaries
  enchant has, and "Spell check off"; the first line says why spell check is off when it is (no enchant
  library, no dictionary). The choice is kept in the settings (``spell_language``); by default the
  system locale's language.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from app.core.compose.spelling import OFF, SETTING, SpellChecker, SpellState, system_language
from app.ui.common.port import ShellPort
from app.ui.common.tr import plain_english, shown, translate
from app.ui.compose.spell_highlighter import SpellHighlighter

SUGGEST_KEYS = ["Ctrl+;", "Alt+F7"]
LANGUAGE_KEYS = ["Ctrl+Shift+F7"]


def language_name(tag: str | None) -> str:
    """"English (United States)" for en_US; "off" for None. In a window in another language, each language
    by its own name ("Deutsch (Deutschland)", "français (France)"), as Qt knows no names of languages but
    the English and the native ones."""
    if not tag:
        return translate("Spelling", "off")
    loc = QLocale(tag)
    if loc.language() == QLocale.Language.C:
        return tag
    if plain_english():
        name = QLocale.languageToString(loc.language())
        where = QLocale.territoryToString(loc.territory())
    else:
        name, where = loc.nativeLanguageName(), loc.nativeTerritoryName()
    return f"{name} ({where})" if "_" in tag else name


def qt_system_language() -> str:
    name = QLocale.system().name()
    return name if name not in ("C", "") else system_language()


def _action(port: ShellPort, text: str, keys: list[str], slot, name: str) -> QAction:
    a = QAction(text, port.dialog_parent)
    a.setObjectName(name)
    a.setShortcuts([QKeySequence(k) for k in keys])
    a.setShortcutContext(Qt.WindowShortcut)
    a.triggered.connect(lambda _checked=False: slot())
    port.add_action(a)
    return a


class Spelling(QObject):
    def __init__(self, port: ShellPort, body, checker: SpellChecker | None = None):
        """``port``: the shell's (app.ui.common.port); ``body``: Compose's body."""
        super().__init__(port.dialog_parent)
        self.port = port
        self.body = body
        self.checker = checker if checker is not None else SpellChecker()
        self.hl = SpellHighlighter(self.body, self.checker, self)
        self.menu: QMenu | None = None           # the suggestions / context menu open now (tests)
        self.language_menu: QMenu | None = None
        self.suggest_action = _action(port, translate("Spelling", "Spelling su&ggestions"), SUGGEST_KEYS, self.open_suggestions,
                                      "actSpellSuggest")
        self.language_action = _action(port, translate("Spelling", "Spelling &language…"), LANGUAGE_KEYS, self.choose_language,
                                       "actSpellLanguage")
        m = port.menu("&Edit")
        if m is not None:
            m.addSeparator()
            m.addAction(self.suggest_action)
            m.addAction(self.language_action)
        self.body.setContextMenuPolicy(Qt.CustomContextMenu)
        self.body.customContextMenuRequested.connect(self._context_menu)
        self.hl.state_changed.connect(self._state)
        checker_ = self.checker
        port.when_gone(checker_.close)

    def start(self) -> None:
        """Load enchant on the checker's thread: the window calls this once it is built, so its import
        (~20 ms of Python) does not compete with the start-up slices for the interpreter."""
        settings = self.port.settings
        preferred = settings.get(SETTING, "") if settings is not None else ""
        self.hl.follow(self.checker.start(preferred if isinstance(preferred, str) else "", qt_system_language()),
                       self.hl.adopt)

    @property
    def state(self) -> SpellState:
        return self.hl.state

    def _state(self, st: SpellState) -> None:
        self.language_action.setText(translate("Spelling", "Spelling &language: {language}…").format(
            language=language_name(st.language)))
        self.language_action.setToolTip(shown(st.notice) or translate("Spelling", "Spell check in {language}").format(
            language=language_name(st.language)))

    def _say(self, text: str) -> None:
        self.port.say(shown(text), ms=5000)

    # ---- suggestions ----
    def open_suggestions(self) -> None:
        if self.port.current_view() != "compose" or not self.body.hasFocus():
            self._say(translate("Spelling", "Spelling suggestions work in the message body (Compose: Ctrl+1, then Tab "
                                "to the body)"))
            return
        if not self.hl.enabled:
            self._say(shown(self.state.notice) or translate("Spelling", "Spell check is off (Ctrl+Shift+F7 chooses a language)"))
            return
        found = self.hl.misspelt_near(self.body.textCursor().position())
        if found is None:
            self._say(translate("Spelling", "No misspelt word at or before the cursor"))
            return
        menu = self._new_menu(self.body)
        menu.setAccessibleName(translate("Spelling", "Spelling suggestions for “{word}”").format(word=found[2]))  # a reader hears which word it is for
        self._fill(menu, found)
        menu.popup(self._under(found[0]))

    def _under(self, position: int):
        from PySide6.QtGui import QTextCursor

        c = QTextCursor(self.body.document())
        c.setPosition(position)
        return self.body.viewport().mapToGlobal(self.body.cursorRect(c).bottomLeft())

    def _new_menu(self, parent) -> QMenu:
        if self.menu is not None:
            self.menu.close()
        menu = QMenu(parent)
        menu.setAccessibleName(translate("Spelling", "Spelling suggestions"))
        menu.setAttribute(Qt.WA_DeleteOnClose)
        self.menu = menu
        menu.destroyed.connect(lambda *_a, m=menu: setattr(self, "menu", None) if self.menu is m else None)
        return menu

    def _fill(self, menu: QMenu, found: tuple[int, int, str], before: QAction | None = None) -> None:
        start, length, word = found
        waiting = QAction(translate("Spelling", "Looking up suggestions for “{word}”…").format(word=word), menu)
        waiting.setEnabled(False)
        add = QAction(translate("Spelling", "&Add “{word}” to dictionary").format(word=word), menu)
        add.triggered.connect(lambda _c=False: self.add_word(word))
        ignore = QAction(translate("Spelling", "&Ignore “{word}”").format(word=word), menu)
        ignore.triggered.connect(lambda _c=False: self.ignore_word(word))
        sep = QAction(menu)
        sep.setSeparator(True)
        items = [waiting, sep, add, ignore]
        if before is not None:
            tail = QAction(menu)
            tail.setSeparator(True)
            items.append(tail)
        menu.insertActions(before, items) if before is not None else menu.addActions(items)

        def show(suggestions: list[str]) -> None:
            try:
                if not menu.isVisible():
                    return
            except RuntimeError:  # the menu was closed (and deleted) meanwhile
                return
            if not suggestions:
                waiting.setText(translate("Spelling", "No suggestions for “{word}”").format(word=word))
                return
            acts = []
            for s in suggestions:
                a = QAction(s, menu)
                a.triggered.connect(lambda _c=False, s=s: self.hl.replace(start, length, word, s))
                acts.append(a)
            menu.insertActions(waiting, acts)
            menu.removeAction(waiting)
            menu.setActiveAction(acts[0])
        self.hl.follow(self.checker.suggest(word), show)

    def _context_menu(self, pos) -> None:
        menu = self.body.createStandardContextMenu(pos)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        found = self.hl.misspelt_near(self.body.cursorForPosition(pos).position(), near=False)
        if found is not None:
            if self.menu is not None:
                self.menu.close()
            self.menu = menu
            menu.destroyed.connect(lambda *_a, m=menu: setattr(self, "menu", None) if self.menu is m else None)
            first = menu.actions()[0] if menu.actions() else None
            self._fill(menu, found, before=first)
        menu.popup(self.body.viewport().mapToGlobal(pos))

    def add_word(self, word: str) -> None:
        self.hl.mark_correct(word)

        def written(ok: bool) -> None:
            if not ok:
                self._say(self.checker.personal.problem
                          or translate("Spelling", "“{word}” could not be added").format(word=word))
        self.hl.follow(self.checker.add(word), written)

    def ignore_word(self, word: str) -> None:
        self.hl.mark_correct(word)
        self.checker.ignore(word)

    # ---- language ----
    def choose_language(self) -> None:
        if self.language_menu is not None:
            self.language_menu.close()
        menu = QMenu(self.port.dialog_parent)
        menu.setAccessibleName(translate("Spelling", "Spelling language"))
        menu.setAttribute(Qt.WA_DeleteOnClose)
        st = self.state
        if st.notice:
            note = menu.addAction(shown(st.notice))
            note.setEnabled(False)
            menu.addSeparator()
        group = QActionGroup(menu)
        first = None
        for tag in st.available:
            a = menu.addAction(f"{language_name(tag)} — {tag}")
            a.setCheckable(True)
            a.setChecked(tag == st.language)
            a.setActionGroup(group)
            a.triggered.connect(lambda _c=False, tag=tag: self.set_language(tag))
            first = first or (a if tag == st.language else None)
        off = menu.addAction(translate("Spelling", "Spell check off"))
        off.setCheckable(True)
        off.setChecked(st.language is None)
        off.setActionGroup(group)
        off.setEnabled(bool(st.available))
        off.triggered.connect(lambda _c=False: self.set_language(OFF))
        self.language_menu = menu
        menu.destroyed.connect(lambda *_a, m=menu: setattr(self, "language_menu", None)
                               if self.language_menu is m else None)
        if self.port.current_view() == "compose" and self.body.isVisible():
            where = self._under(self.body.textCursor().position())
        else:
            where = self.port.centre()
        menu.popup(where)
        if first is not None:
            menu.setActiveAction(first)

    def set_language(self, tag: str) -> None:
        settings = self.port.settings
        if settings is not None:
            settings.set(SETTING, tag)
        self.hl.follow(self.checker.set_language(tag), self.hl.adopt)
