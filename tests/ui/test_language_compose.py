"""Compose in the window's language, by keys in the real window against the sandbox: its field labels, buttons
and state; the Format menu; the Send later dialog with its days in the language's words (QLocale), and what it
says once the message is scheduled; the undo send countdown bar. French and German, as Outlook says them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.language import in_language
from tests.helpers.status_bar import record_messages
from tests.helpers.windows import close_window, open_window

NBSP = "\u00a0"
LANGUAGES = {
    "fr": {"labels": ["De", "À", "Cc", "Cci", "Objet", "Options"], "send": "Envoyer", "save": "Enregistrer le brouillon",
           "title": "Nouveau message", "state": "", "edited": "Non enregistré",
           "body": "Rédigez votre message…",
           "format": ["Texte &enrichi", "&Gras", "&Italique", "&Souligné", "Insérer ou modifier un &lien…",
                      "Liste &numérotée", "Liste à &puces", "&Augmenter le retrait", "&Diminuer le retrait"],
           "later": "Envoyer plus tard", "tomorrow": "Demain ma&tin — ", "monday": "Lundi &matin — ",
           "schedule": "&Planifier", "scheduled": f"Planifié{NBSP}: «{NBSP}Ordre du jour{NBSP}» ",
           "countdown": f"Envoi de «{NBSP}Chiffres{NBSP}» dans 30{NBSP}s — Ctrl+Z ou Annuler pour le récupérer",
           "undo": "Annuler", "now": "Envoyer maintenant", "back": "Non envoyé", "letters": ["G", "I", "S"]},
    "de": {"labels": ["Von", "An", "Cc", "Bcc", "Betreff", "Optionen"], "send": "Senden", "save": "Entwurf speichern",
           "title": "Neue Nachricht", "state": "", "edited": "Nicht gespeichert",
           "body": "Schreiben Sie Ihre Nachricht…",
           "format": ["&Rich-Text", "&Fett", "&Kursiv", "&Unterstrichen", "&Link einfügen oder bearbeiten…",
                      "&Nummerierte Liste", "&Aufzählungsliste", "Einzug &vergrößern", "&Einzug verkleinern"],
           "later": "Später senden", "tomorrow": "Morgen &früh – ", "monday": "&Montagmorgen – ",
           "schedule": "&Planen", "scheduled": "Geplant: „Ordre du jour“ ",
           "countdown": "„Chiffres“ wird in 30 s gesendet – Strg+Z oder „Rückgängig“ holt sie zurück",
           "undo": "Rückgängig", "now": "Jetzt senden", "back": "Nicht gesendet", "letters": ["F", "K", "U"]},
}
ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: what Send later says once scheduled (app/ui/compose/send_timing.py): read in the catalogue's words
SCHEDULED = ("Scheduled: “{subject}” sends at {when}. Exchange keeps it in the Outbox (Ctrl+4), even with Dispatch "
             "closed; Enter there takes it back.")


def _short_day(lang: str, day: date) -> str:
    """The day's short name as the language writes it (QLocale's, not Python's English strftime)."""
    return QLocale(lang).dayName(day.isoweekday(), QLocale.ShortFormat)


def _mnemonics(texts: list[str]) -> list[str]:
    return [t[t.index("&") + 1].lower() for t in texts if "&" in t.replace("&&", "")]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_compose_send_later_and_the_undo_bar_speak_the_windows_language(qtbot, aloop, sandbox, settings,
                                                                        screenshot_dir, lang):
    want = LANGUAGES[lang]
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            c = win.compose
            key(qtbot, win, Qt.Key_N, CTRL)
            # Compose's own words
            labels = [lab.text() for lab in c.form_area.form.findChildren(QLabel, "fieldLabel",
                                                                           Qt.FindDirectChildrenOnly)]
            assert labels[:6] == want["labels"], labels
            assert (c.send_button.text(), c.save_button.text()) == (want["send"], want["save"])
            # an empty new message: nothing beside its title (issue 73, item 9)
            assert (c.title.text(), c.state_label.text()) == (want["title"], want["state"])
            assert c.body.placeholderText() == want["body"]
            assert c.to.edit.accessibleName() == want["labels"][1]
            # the Format menu: its commands in the language, each with its own letter; their keys unchanged
            menu = win.menus["&Format"]
            texts = [a.text() for a in menu.actions() if not a.isSeparator()]
            assert texts == want["format"]
            assert len(set(_mnemonics(texts))) == len(texts)
            assert c.bold_action.shortcut().toString() == "Ctrl+B"
            # the formatting buttons' letters as Outlook's in the language (issue 73: B/I/U in every language)
            assert [c.fmt.buttons[n].text() for n in ("bold", "italic", "underline")] == want["letters"]

            # Send later: the dialog and its days in the language's words
            type_message(qtbot, win, cc="", bcc="", subject="Ordre du jour", body="1. chiffres")
            assert c.state_label.text() == want["edited"]
            key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
            timing = win.send_timing
            qtbot.waitUntil(lambda: timing.dialog is not None and timing.dialog.isVisible(), timeout=5000)
            dlg = timing.dialog
            qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.when, timeout=5000)
            tomorrow, monday = (b.text() for b in dlg.presets)
            assert dlg.windowTitle() == want["later"]
            assert tomorrow.startswith(want["tomorrow"]) and monday.startswith(want["monday"])
            day = date.today() + timedelta(days=1)
            assert _short_day(lang, day) in tomorrow and not any(en in tomorrow for en in ENGLISH_DAYS), tomorrow
            assert dlg.schedule_button.text() == want["schedule"]
            dialog_keys = _mnemonics([b.text() for b in dlg.presets] + [dlg.schedule_button.text()]
                                     + [lab.text() for lab in dlg.findChildren(QLabel) if "&" in lab.text()])
            assert len(set(dialog_keys)) == len(dialog_keys) == 4, dialog_keys
            dlg.grab().save(str(screenshot_dir / f"send-later-{lang}.png"))
            soon = date.today() + timedelta(days=3)
            # the status bar's words whole (whole_message reads the tooltip's HTML, which gives no-break spaces back
            # as spaces)
            messages = record_messages(win)
            qtbot.keyClicks(dlg.when, f"{soon:%Y-%m-%d} 08:00")
            qtbot.keyClick(dlg.when, Qt.Key_Return)
            qtbot.waitUntil(lambda: any(m.startswith(want["scheduled"]) for m in messages), timeout=10000)
            [said] = [m for m in messages if m.startswith(want["scheduled"])]
            assert _short_day(lang, soon) in said and not any(en in said for en in ENGLISH_DAYS), said
            # the whole of it in the catalogue's words: Exchange keeps it in the Outbox, even with Dispatch closed
            words = QCoreApplication.translate("SendTiming", SCHEDULED)
            assert words != SCHEDULED, "the catalogue translates it"
            head, tail = words.format(subject="Ordre du jour", when="\0").split("\0")
            assert said.startswith(head) and said.endswith(tail), (said, words)
            qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)  # the server keeps it until then

            # the undo send countdown bar
            settings.set_undo_send_seconds(30)
            type_message(qtbot, win, cc="", bcc="", subject="Chiffres", body="Q3 en hausse.")
            key(qtbot, win, Qt.Key_Return, CTRL)
            qtbot.waitUntil(lambda: timing.bar.isVisible(), timeout=5000)
            assert timing.bar.label.text() == want["countdown"]
            assert c.title.text() == want["title"]  # Compose, cleared for the next message, says so in the language
            assert (timing.bar.undo_button.text(), timing.bar.now_button.text()) == (want["undo"], want["now"])
            win.grab().save(str(screenshot_dir / f"undo-send-{lang}.png"))
            assert c.to.edit.text() == ""  # Compose is cleared for the next message: Ctrl+Z takes the send back
            key(qtbot, win, Qt.Key_Z, CTRL)
            qtbot.waitUntil(lambda: c.subject.text() == "Chiffres", timeout=5000)
            assert not timing.bar.isVisible() and c.state_label.text() != c.state()  # its state in the language
        finally:
            close_window(win, session)


def test_the_undo_send_delay_menu_says_seconds_in_the_language(qtbot, aloop, sandbox, settings):
    with in_language("de"):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            timing = win.send_timing
            texts = [a.text() for a in timing.delay_menu.actions()]
            assert texts[0] == "&Aus" and texts[1:] == [f"{t} Sekunden" for t in ("&5", "&10", "&20", "&30")]
            assert timing.later_action.text() == "Spä&ter senden…"
            assert timing.later_action.shortcut().toString() == "Ctrl+Shift+T"
        finally:
            close_window(win, session)


FLAG = {"fr": {"status": ["Sans indicateur", "Avec indicateur", "Terminé"],
               "error": f"Date d'échéance de l'indicateur{NBSP}: "},
        "de": {"status": ["Nicht gekennzeichnet", "Gekennzeichnet", "Erledigt"],
               "error": "Fälligkeitsdatum der Kennzeichnung: "}}


@pytest.mark.parametrize("lang", list(FLAG))
def test_the_follow_up_flag_says_its_days_in_the_language(qtbot, aloop, sandbox, settings, lang):
    want = FLAG[lang]
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            c = win.compose
            key(qtbot, win, Qt.Key_N, CTRL)
            key(qtbot, win, Qt.Key_O, CTRL | SHIFT)  # More options
            flag = c.more.flag
            qtbot.waitUntil(flag.isVisible, timeout=5000)
            assert [flag.status.itemText(i) for i in range(flag.status.count())] == want["status"]
            flag.due.setFocus(Qt.OtherFocusReason)
            qtbot.waitUntil(flag.due.hasFocus, timeout=5000)
            due = date.today() + timedelta(days=9)
            qtbot.keyClicks(flag.due, f"{due:%Y-%m-%d}")
            key(qtbot, win, Qt.Key_Tab)
            long_day = QLocale(lang).toString(due, QLocale.LongFormat)  # "vendredi 4 décembre 2026"
            assert flag.due.toolTip() == long_day and flag.due.accessibleDescription() == long_day
            assert QLocale(lang).dayName(due.isoweekday()) in long_day
            flag.due.setFocus(Qt.OtherFocusReason)
            qtbot.waitUntil(flag.due.hasFocus, timeout=5000)
            flag.due.selectAll()
            qtbot.keyClicks(flag.due, "xyz")
            key(qtbot, win, Qt.Key_Tab)
            assert flag.error_label.text().startswith(want["error"]), flag.error_label.text()
            assert flag.due.toolTip() == ""
        finally:
            close_window(win, session)


def test_a_highlighted_suggestion_is_said_with_its_count_in_the_language(qapp):
    from app.ui.compose.suggestion_list import suggestion_words

    assert suggestion_words("Bob <bob@example.com>", 0, 1) == "Bob <bob@example.com>, 1 of 1 suggestion"
    assert suggestion_words("Bob <bob@example.com>", 1, 3) == "Bob <bob@example.com>, 2 of 3 suggestions"
    with in_language("fr"):
        assert suggestion_words("Bob", 0, 1) == "Bob, 1 sur 1 suggestion"
        assert suggestion_words("Bob", 1, 3) == "Bob, 2 sur 3 suggestions"
    with in_language("de"):
        assert suggestion_words("Bob", 0, 1) == "Bob, 1 von 1 Vorschlag"
        assert suggestion_words("Bob", 1, 3) == "Bob, 2 von 3 Vorschlägen"
