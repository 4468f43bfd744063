"""The account dialog, Find server and the mail merge in French and German: the real window built in the
language (tests/helpers/language.py), driven by keys against the sandbox; their own words come from the
catalogue (translations/<lang>/accounts.ts), each dialog's Alt keys are unique in that language, and the
shortcuts stay what they are (Ctrl+, opens the account, Ctrl+Shift+M the merge, Ctrl+Return sends it)."""

from __future__ import annotations

import ssl

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from app.domain import words
from app.mail.ews.autodiscover import AutodiscoverTransport, MappedResolver
from app.storage.settings import Settings
from tests.helpers.backends import ALICE
from tests.helpers.heard import Heard
from tests.helpers.keys import ALT, CTRL, focused, mnemonic, press
from tests.helpers.language import in_language
from tests.helpers.merge import merge_ready
from tests.helpers.mnemonics import dialog_clashes, letter, widget_words
from tests.helpers.windows import close_window

#: what each language shows: (the account dialog, Find server's failure, the merge)
WORDS = {
    "fr": {
        "title": "Compte", "kind": "&Type de compte", "email": "Adresse de messagerie", "password": "Mot de passe",
        "connect": "Se connecter", "cancel": "Annuler", "find": "&Rechercher le serveur", "find_key": Qt.Key_R,
        "kind_key": Qt.Key_T, "browser": "Se connecter avec le &navigateur", "code": "Utiliser un &code à la place",
        "sandbox": "Utiliser la boîte aux lettres de test",
        "not_found": "Le serveur est introuvable. Essayé\u00a0: https://example.com/autodiscover/autodiscover.xml",
        "tried": "Essayé\u00a0: https://", "merge": "Publipostage", "table": "2 lignes, 2 colonnes.",
        "preview": "À\u00a0: bob@example.com\nObjet\u00a0: Bonjour Bob", "send": "Créer et &envoyer (",
        "address_key": Qt.Key_A, "outcome": "Résultat",
        "done": "Terminé. 2 envoyés, 0 en échec, 0 à corriger — sur 2 lignes.",
    },
    "de": {
        "title": "Konto", "kind": "&Kontotyp", "email": "E-Mail-Adresse", "password": "Kennwort",
        "connect": "Verbinden", "cancel": "Abbrechen", "find": "&Server suchen", "find_key": Qt.Key_S,
        "kind_key": Qt.Key_K, "browser": "Mit dem &Browser anmelden", "code": "Stattdessen einen &Code verwenden",
        "sandbox": "Test-Postfach verwenden",
        "not_found": "Der Server wurde nicht gefunden. Versucht: https://example.com/autodiscover/autodiscover.xml",
        "tried": "Versucht: https://", "merge": "Seriendruck", "table": "2 Zeilen, 2 Spalten.",
        "preview": "An: bob@example.com\nBetreff: Bonjour Bob", "send": "Erstellen und &senden (",
        "address_key": Qt.Key_A, "outcome": "Ergebnis",
        "done": "Fertig. 2 gesendet, 0 fehlgeschlagen, 0 zu korrigieren — von 2 Zeilen.",
    },
}


def assert_unique_alt_keys(dialog) -> None:
    """The dialog's shown words that take an Alt letter have some, each letter once (a hidden page's do not fire)."""
    keys = [k for _where, text in widget_words(dialog) if (k := letter(text))]
    twice = dialog_clashes(dialog.windowTitle(), dialog)
    assert keys and twice == [], twice or f"no Alt key in {dialog.windowTitle()}"


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_account_dialog_and_find_server_failure_in_the_language(qtbot, aloop, sandbox_factory, tmp_path, lang,
                                                               screenshot_dir):
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    sb = sandbox_factory(autodiscover=True, autodiscover_names=("mail.example.com",))
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=404)
    w = WORDS[lang]
    settings = Settings(tmp_path / "config" / "settings.json")
    with in_language(lang):
        win = MainWindow(settings=settings, keyring_ok=False)
        qtbot.addWidget(win)
        win.show()
        Controller(parse([]), win, settings)
        qtbot.waitUntil(win.welcome.isVisible, timeout=5000)
        assert win.welcome.sandbox_button.text() == {"fr": "Utiliser le bac à sable", "de": "Sandbox verwenden"}[lang]
        win.activateWindow()
        qtbot.waitUntil(lambda: focused() is win.welcome.sandbox_button, timeout=5000)
        press(qtbot, Qt.Key_Tab)
        assert focused() is win.welcome.exchange_button
        assert focused().text() == {"fr": "Configurer le compte…", "de": "Konto einrichten…"}[lang]
        press(qtbot, Qt.Key_Return)  # Set up account…
        qtbot.waitUntil(lambda: getattr(win, "account_dialog", None) is not None and win.account_dialog.isVisible(),
                        timeout=5000)
        dlg = win.account_dialog
        heard = Heard(win.announcer)
        ctx = ssl.create_default_context(cafile=sb.autodiscover.cert_path)
        dlg.find.transport = AutodiscoverTransport(MappedResolver(sb.autodiscover.hosts()), ctx, timeout=10)
        dlg.activateWindow()
        qtbot.waitUntil(lambda: focused() is dlg.email, timeout=5000)

        assert dlg.windowTitle() == w["title"]
        labels = {lab.text() for lab in dlg.findChildren(QLabel)}
        assert {w["kind"], w["email"], w["password"]} <= labels, labels
        assert dlg.buttons.button(QDialogButtonBox.Ok).text() == w["connect"]
        assert dlg.buttons.button(QDialogButtonBox.Cancel).text().replace("&", "") == w["cancel"]
        assert dlg.sandbox_button.text() == w["sandbox"]
        assert dlg.find.button.text() == w["find"]
        assert_unique_alt_keys(dlg)
        press(qtbot, w["kind_key"], ALT)  # the account type, by its Alt key in this language: Microsoft 365
        assert focused() is dlg.kind
        press(qtbot, Qt.Key_Down)
        qtbot.waitUntil(lambda: dlg.m365.browser_button.isVisible(), timeout=5000)
        assert dlg.kind.currentText() == dlg.kind.itemText(1) != "Microsoft 365 (sign in with Microsoft)"
        assert (dlg.m365.browser_button.text(), dlg.m365.code_button.text()) == (w["browser"], w["code"])
        assert_unique_alt_keys(dlg)
        press(qtbot, w["kind_key"], ALT)
        press(qtbot, Qt.Key_Up)  # back to Exchange Server
        qtbot.waitUntil(lambda: focused() is dlg.email, timeout=5000)

        qtbot.keyClicks(dlg.email, ALICE)
        dlg.password.setFocus()
        qtbot.keyClicks(dlg.password, next(u["password"] for u in sb.accounts if u["email"] == ALICE))
        press(qtbot, w["find_key"], ALT)  # Find server, by its Alt key in this language
        qtbot.waitUntil(dlg.error.isVisible, timeout=15000)
        text = dlg.error.text()
        assert text.startswith(w["not_found"]), text
        spoken = " ".join(text.split())  # as the Announcer says it (a no-break space is a space to a reader)
        assert heard.said[-1] == (spoken, True), "the failure is said as shown"
        assert any(said.startswith(" ".join(w["tried"].split())) for said, _ in heard.said), heard.said
        assert focused() is dlg.url
        dlg.connection_failed(words.translate("AccountDialog", "Enter the password."))  # the core's words: translated
        assert dlg.error.text() == {"fr": "Entrez le mot de passe.", "de": "Geben Sie das Kennwort ein."}[lang]
        dlg.connection_failed(text)
        dlg.grab().save(str(screenshot_dir / f"account-find-server-failed-{lang}.png"))
        press(qtbot, Qt.Key_Escape)
        qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
        close_window(win)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_mail_merge_in_the_language(qtbot, aloop, sandbox_factory, settings, lang, screenshot_dir):
    w = WORDS[lang]
    sb = sandbox_factory()
    table = "name\temail\nBob\tbob@example.com\nCarol\tcarol@example.com\n"
    with in_language(lang):
        win, session, dlg = merge_ready(qtbot, sb, settings, table, "Bonjour {name}")
        assert dlg.windowTitle() == w["merge"]
        # (toPlainText gives a no-break space as a space)
        qtbot.waitUntil(lambda: w["preview"].replace("\u00a0", " ") in dlg.preview.toPlainText(), timeout=5000)
        assert dlg.error.text() == w["table"]
        assert dlg.send_button.text().startswith(w["send"])
        assert_unique_alt_keys(dlg)
        mnemonic(qtbot, w["address_key"], lambda: focused() is dlg.column)
        dlg.grab().save(str(screenshot_dir / f"merge-preview-{lang}.png"))
        press(qtbot, Qt.Key_Return, CTRL)  # Create and send: the shortcut is the same in every language
        qtbot.waitUntil(lambda: dlg.summary.text() == w["done"], timeout=20000)
        model = dlg.model
        assert model.headerData(model.outcome_column(), Qt.Horizontal) == w["outcome"]
        assert_unique_alt_keys(dlg)  # the results page's
        dlg.grab().save(str(screenshot_dir / f"merge-results-{lang}.png"))
        close_window(win, session)
