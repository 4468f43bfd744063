"""The domain's words in the window's language, by keys in the real window against the sandbox: an address
Compose refuses (at its field), an Exchange error explained (in the Drafts list's status cell and on the
banner), why an .eml file could not be opened (on the banner), and what is asked before a send (no subject, an
attachment mentioned). The words are the domain's and the mail layer's (app.domain.words), translated where the
window shows them (app.ui.common.tr.shown). French and German, as Outlook says them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.compose import fill
from tests.helpers.keys import CTRL, key, type_text
from tests.helpers.language import in_language
from tests.helpers.mailbox import seed_drafts
from tests.helpers.windows import close_window, open_window, wait_idle

NBSP = "\u00a0"
LANGUAGES = {
    "fr": {"no_at": f"«{NBSP}zed{NBSP}» n'est pas une adresse de messagerie (il manque @).",
           "denied": "Vous n'avez pas l'autorisation d'effectuer cette opération (ErrorAccessDenied)",
           "busy": f"Le serveur est occupé{NBSP}; réessayez dans un instant (ErrorServerBusy)",
           "not_eml": f"Le fichier ne ressemble pas à un message électronique (.eml){NBSP}: il ne contient aucun "
                      "des en-têtes From, To, Subject, Date ou Message-ID.",
           "asked": ["Ce message n'a pas d'objet.",
                     f"Le message mentionne une pièce jointe («{NBSP}pièce jointe{NBSP}»), mais rien n'est joint."]},
    "de": {"no_at": "„zed“ ist keine E-Mail-Adresse (kein @).",
           "denied": "Sie haben keine Berechtigung für diesen Vorgang (ErrorAccessDenied)",
           "busy": "Der Server ist ausgelastet; versuchen Sie es gleich noch einmal (ErrorServerBusy)",
           "not_eml": "Die Datei sieht nicht wie eine E-Mail-Nachricht (.eml) aus: Sie enthält keine der "
                      "Kopfzeilen From, To, Subject, Date oder Message-ID.",
           "asked": ["Diese Nachricht hat keinen Betreff.",
                     "Die Nachricht erwähnt eine Anlage („pièce jointe“), aber es ist nichts angefügt."]},
}


def _open_by_keys(qtbot, win, path: Path) -> None:
    """Ctrl+O, the file's path typed into Qt's own file dialog, Enter."""
    key(qtbot, win, Qt.Key_O, CTRL)
    # Qt's own file dialog: its first one in a process reads the folder and icons (seconds on a loaded machine)
    qtbot.waitUntil(lambda: win.eml.open_dialog is not None and win.eml.open_dialog.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "fileNameEdit", timeout=20000)
    edit = QApplication.focusWidget()
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.eml.open_dialog is None, timeout=5000)


def _open_first_draft(qtbot, win, fault=lambda: None) -> None:
    """Enter on the first draft, its preview read first; ``fault()`` then (what the server does to the open)."""
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() >= 1, timeout=10000)
    key(qtbot, win, Qt.Key_Home)
    qtbot.waitUntil(lambda: win.drafts.preview.message is not None, timeout=10000)
    fault()
    key(qtbot, win, Qt.Key_Return)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_domains_words_reach_the_window_in_its_language(qtbot, aloop, sandbox, settings, tmp_path,
                                                           screenshot_dir, lang):
    want = LANGUAGES[lang]
    seed_drafts(sandbox, 1, prefix="Budget")
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            c = win.compose

            # an address Compose refuses, at its field (app.domain.validation)
            key(qtbot, win, Qt.Key_N, CTRL)
            assert QApplication.focusWidget() is c.to.edit
            qtbot.keyClicks(c.to.edit, "zed")
            key(qtbot, win, Qt.Key_Tab)
            assert c.to.error_text() == want["no_at"]
            assert c.to.edit.accessibleDescription() == want["no_at"]
            win.grab().save(str(screenshot_dir / f"domain-{lang}-address.png"))
            key(qtbot, win, Qt.Key_Tab, Qt.ShiftModifier)
            key(qtbot, win, Qt.Key_A, CTRL)
            key(qtbot, win, Qt.Key_Delete)

            # Exchange's refusal explained (app.domain.explain), in the draft's status cell
            _open_first_draft(qtbot, win, lambda: sandbox.faults.inject("GetItem", "item_error", count=1,
                                                                     code="ErrorAccessDenied"))
            model = win.drafts.model
            qtbot.waitUntil(lambda: model.data(model.index(0, model.COL_STATUS), Qt.DisplayRole) == want["denied"],
                            timeout=10000)
            wait_idle(qtbot, win)

            # ... and on the banner: the server busy
            _open_first_draft(qtbot, win, lambda: sandbox.faults.inject("GetItem", "item_error", count=-1,
                                                                     code="ErrorServerBusy"))
            qtbot.waitUntil(lambda: win.banner.isVisible() and win.banner.text() == want["busy"], timeout=10000)
            sandbox.faults.clear()
            wait_idle(qtbot, win)
            win.grab().save(str(screenshot_dir / f"domain-{lang}-explained.png"))

            # why an .eml file was not opened (app.domain.eml_read), on the banner
            bad = tmp_path / "noise.eml"
            bad.write_bytes(os.urandom(50_000))
            _open_by_keys(qtbot, win, bad)
            qtbot.waitUntil(lambda: win.banner.isVisible() and want["not_eml"] in win.banner.text(), timeout=10000)
            win.grab().save(str(screenshot_dir / f"domain-{lang}-eml.png"))

            # what is asked before sending (app.domain.send_checks): no subject, an attachment mentioned
            key(qtbot, win, Qt.Key_N, CTRL)
            fill(qtbot, win, to="bob@example.com", subject="", body="")
            type_text(qtbot, c.body, "Voir la pièce jointe")
            key(qtbot, win, Qt.Key_Return, CTRL)
            qtbot.waitUntil(lambda: win.flows.send_question is not None and win.flows.send_question.isVisible(),
                            timeout=5000)
            box = win.flows.send_question
            assert box.text().split("\n")[:2] == want["asked"]
            box.grab().save(str(screenshot_dir / f"domain-{lang}-asked.png"))
            key(qtbot, box, Qt.Key_Escape)  # Go back: nothing sent
            qtbot.waitUntil(lambda: win.flows.send_question is None, timeout=5000)
        finally:
            close_window(win, session)
