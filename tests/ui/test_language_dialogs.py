"""Every string a dialog shows, in each language (issue 73, item 17): the real window on the sandbox, built in
English, French and German; every dialog the keyboard opens (tests/helpers/dialogs.py), the account dialog's
Microsoft 365 page (chosen by its Alt+letter and Down), and Qt's own file dialog as the app opens it (Ctrl+Shift+A:
non-native, a folder and a file listed). A French or German string equal to what the same dialog shows in English
fails, unless it is a proper name or the test's data ("you@company.com" and Qt's French "Look in:", "Files of
type:", "Folder" were such strings). The file dialog's dates are a real date in the window's language (under
C.UTF-8 Qt wrote "28 11 2026 11:47")."""

from __future__ import annotations

import os
import re
import time
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView

from app.storage.journal import Journal
from app.ui.common.list_dates import list_date
from tests.helpers.dialogs import DIALOGS, close_by_escape, compose_ready, open_by_keys
from tests.helpers.keys import ALT, CTRL, SHIFT, focus_key
from tests.helpers.language import in_language
from tests.helpers.mnemonics import alt_key
from tests.helpers.visible_text import shown_texts
from tests.helpers.windows import close_window, open_window

#: what may read the same in every language: names (products, protocols, the languages' own names, the sandbox's
#: and Microsoft's real addresses), keys, numbers and the test's own data (its recipient, subject, files, folders)
PROPER = [
    r"\b(?:Microsoft 365|Dispatch|Exchange(?: Server)?|EWS|Outlook|Graph|Basic|NTLM|OAuth|CSV|TLS|HTML|MIME|ID)\b",
    r"\b(?:English|Français|Deutsch)\b",
    r"\b(?:Cc|Bcc)\b",  # the address fields' names, as French and German mail programs write them too
    r"https?://(?:127\.0\.0\.1|localhost|login\.microsoftonline\.com|graph\.microsoft\.com)\S*",
    r"[\w.+-]+@example\.com",  # the sandbox's mailboxes (the test's data)
    r"(?:/[\w.+-]+)+/?",  # paths
    r"\b(?:(?:Ctrl|Shift|Alt|Meta|Strg|Maj|Umschalt)\+)+\S+|\bF\d{1,2}\b|\bEsc\b",
    r"\d+",
    r"Quarterly numbers|report\.txt|\bsub\b",  # typed by the test, its files
]
_PROPER = re.compile("|".join(PROPER))
#: words that are the same in English and the language, each checked by hand
SAME_WORD = {"fr": {"Type", "Action", "Signatures"}, "de": {"Name", "Text", "Details"}}
#: the file dialog's date column in each language (dd/MM/yyyy, dd.MM.yyyy; ISO 8601 in English's C locale)
DATES = {"en": r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}|\d{1,2}/\d{1,2}/\d{4},? \d{1,2}:\d{2}(\s[AP]M)?",
         "fr": r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", "de": r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"}


def _words(dlg) -> set[str]:
    return {text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip() for _p, _k, text in shown_texts(dlg)}


def _m365_page(qtbot, win, dlg) -> set[str]:
    """The account dialog's Microsoft 365 page: the account type by its Alt+letter, Down."""
    label = next(lab for lab in dlg.findChildren(QLabel) if lab.buddy() is dlg.kind)
    focus_key(qtbot, win, alt_key(label.text()), ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.kind, timeout=3000)
    focus_key(qtbot, win, Qt.Key_Down)
    qtbot.waitUntil(lambda: dlg.m365.isVisible(), timeout=5000)
    return _words(dlg)


def _file_dialog(qtbot, win, shot: Path) -> tuple[set[str], list[str]]:
    """Ctrl+Shift+A in Compose: Qt's file dialog in the home folder (a folder and a file); its words, and its
    rows' cells (the Type and Date Modified columns' texts)."""
    focus_key(qtbot, win, Qt.Key_A, CTRL | SHIFT)
    dlg = win.compose.attachments._dialog
    qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=10000)
    view = next(v for v in dlg.findChildren(QTreeView) if v.isVisible())  # Qt's own dialog, as the app shows it
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=10000)
    model, root = view.model(), view.rootIndex()
    cells = [str(model.index(r, c, root).data() or "") for r in range(2) for c in range(1, model.columnCount())]
    words = _words(dlg) | {c for c in cells if not re.fullmatch(r"[\d\s:./,-]*(?:[AP]M)?", c)}
    dates = [str(model.index(r, 3, root).data()) for r in range(2)]
    dlg.grab().save(str(shot))
    close_by_escape(qtbot, win, dlg)
    return words, dates


def _shown_in(lang, qtbot, sandbox, settings, folder: Path, shots: Path) -> tuple[dict[str, set[str]], list[str], str]:
    """What each dialog shows in ``lang``, the file dialog's dates, and the date as the lists write it. Each language's
    window has its own journal (``folder``): it does not reopen the message the one before was writing."""
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True,
                                   journal=Journal(folder / f"journal-{lang}.sqlite3"))
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            compose_ready(qtbot, win)
            shown = {}
            for name in DIALOGS:
                dlg = open_by_keys(qtbot, win, name)
                QApplication.processEvents()
                shown[name] = _words(dlg)
                if name == "account":
                    shown["account: Microsoft 365"] = _m365_page(qtbot, win, dlg)
                    dlg.grab().save(str(shots / f"language-account-m365-{lang}.png"))
                close_by_escape(qtbot, win, dlg)
            shown["file dialog"], dates = _file_dialog(qtbot, win, shots / f"language-file-dialog-{lang}.png")
            return shown, dates, list_date(WHEN)
        finally:
            close_window(win, session)


WHEN = datetime(2026, 11, 28, 9, 5)  # the files' date


def _proper(text: str) -> bool:
    return not re.search(r"[^\W\d_]", _PROPER.sub(" ", text))


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """The home folder the attach dialog opens in: a folder and a file, the file's date known."""
    home = tmp_path / "home"
    (home / "sub").mkdir(parents=True)
    (home / "report.txt").write_text("the report")
    when = time.mktime(WHEN.timetuple())
    os.utime(home / "report.txt", (when, when))
    os.utime(home / "sub", (when, when))
    monkeypatch.setenv("HOME", str(home))
    return home


def test_no_dialog_string_is_left_in_english(qtbot, aloop, sandbox, settings, home, tmp_path,
                                           screenshot_dir):
    english, en_dates, en_date = _shown_in("en", qtbot, sandbox, settings, tmp_path, screenshot_dir)
    assert en_dates == [en_date] * 2 and re.fullmatch(DATES["en"], en_date), en_dates
    wrong = []
    for lang in ("fr", "de"):
        shown, dates, date = _shown_in(lang, qtbot, sandbox, settings, tmp_path, screenshot_dir)
        assert set(shown) == set(english)
        for name, words in shown.items():
            wrong += [f"{lang} {name}: {t!r}" for t in sorted(words & english[name])
                      if not _proper(t) and t not in SAME_WORD[lang]]
        assert dates == [date] * 2 and re.fullmatch(DATES[lang], date), (lang, dates)
    assert not wrong, "shown in English in another language:\n" + "\n".join(wrong)
