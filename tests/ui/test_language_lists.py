"""Drafts, Sent and the Outbox in French and in German: the real window built in the language (the catalogues
installed as the app does at start), driven by keys against the real sandbox over HTTP.

What the lists show is in the language: column headers, counts, dates in the locale's form (spoken with its long
date), the batch countdown and a held row's state, the Outbox's buttons, columns, count and its delete question;
and the Outbox's row states are the core's words as the catalogue gives them."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.core.outbox.submission import SubState
from app.ui.common.tr import shown
from app.ui.lists.message_models import MessageTableModel as M
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.language import in_language
from tests.helpers.mailbox import seed_drafts, seed_sent
from tests.helpers.windows import close_window, open_window, wait_idle

WORDS = {
    "fr": dict(
        drafts=("Objet", "À", "Modifié le", "État"), sent_time="Envoyé le", drafts_title="Brouillons",
        sent_title="Éléments envoyés", two_drafts="2 brouillons", one_message="1 message",
        header_lines=("De\u00a0: ", "À\u00a0: "),  # the preview's header: a no-break space before the colon
        title_name="Titre de la page Éléments envoyés",  # not "Titre de Éléments envoyés"
        date=r"\d\d/\d\d/\d{4} \d\d:\d\d", spoken=r"^[a-zé]+ \d{1,2} [a-zéû]+ \d{4} à \d\d:\d\d$",
        countdown="Envoi de 2 brouillons dans 10\u00a0s — Ctrl+Z ou Annuler les garde dans Brouillons",
        held="En attente d'envoi", undone="Non envoyé : repris (Annuler)".replace(" :", "\u00a0:"),
        outbox_title="Boîte d'envoi", outbox_cols=["Objet", "À", "État"],
        buttons=("Reprendre", "Supprimer", "Réessayer", "Essayer maintenant"), waiting="1 en attente",
        question="Supprimer ce message\u00a0?", keep="Conserver",
        empty="Rien en attente : tous les messages sont arrivés sur le serveur.".replace(" :", "\u00a0:")),
    "de": dict(
        drafts=("Betreff", "An", "Geändert", "Status"), sent_time="Gesendet", drafts_title="Entwürfe",
        sent_title="Gesendete Elemente", two_drafts="2 Entwürfe", one_message="1 Nachricht",
        header_lines=("Von: ", "An: "), title_name="Titel der Seite Gesendete Elemente",
        date=r"\d\d\.\d\d\.\d{4} \d\d:\d\d", spoken=r"^[A-Z][a-z]+, \d{1,2}\. [A-Z][a-zä]+ \d{4} um \d\d:\d\d$",
        countdown="2 Entwürfe werden in 10 s gesendet – mit Strg+Z oder „Rückgängig“ bleibt alles im Ordner "
                  "„Entwürfe“",
        held="Wartet auf Senden", undone="Nicht gesendet: zurückgeholt (Rückgängig)",
        outbox_title="Postausgang", outbox_cols=["Betreff", "An", "Status"],
        buttons=("Zurückholen", "Löschen", "Wiederholen", "Jetzt versuchen"), waiting="1 wartend",
        question="Diese Nachricht löschen?", keep="Behalten",
        empty="Nichts wartet: Alle Nachrichten haben den Server erreicht."),
}


def _headers(model) -> list[str]:
    return [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_lists_speak_the_language(qtbot, aloop, sandbox, settings, screenshot_dir, lang):
    w = WORDS[lang]
    seed_drafts(sandbox, 2, prefix="Brouillon")
    seed_sent(sandbox, "Rapport", attachments=[("chiffres.csv", b"x" * 2000)])
    settings.set_undo_send_seconds(10)
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            _drafts_and_sent(qtbot, win, w)
            _send_selected_held_then_undone(qtbot, win, w)
            win.grab().save(str(screenshot_dir / f"lists-drafts-{lang}.png"))
            _outbox(qtbot, win, sandbox, settings, w)
            win.grab().save(str(screenshot_dir / f"lists-outbox-{lang}.png"))
        finally:
            close_window(win, session)


def _drafts_and_sent(qtbot, win, w) -> None:
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    qtbot.waitUntil(lambda: d.model.rowCount() == 2 and not d.model.loading, timeout=20000)
    assert win.current_view() == "drafts"
    assert _headers(d.model)[1:] == list(w["drafts"])
    assert d.accessibleName() == w["drafts_title"]
    assert d.count_label.text() == w["two_drafts"]
    when = d.model.index(0, M.COL_TIME)
    assert re.fullmatch(w["date"], when.data()), when.data()
    assert re.match(w["spoken"], when.data(Qt.AccessibleTextRole)), when.data(Qt.AccessibleTextRole)

    key(qtbot, win, Qt.Key_3, CTRL)
    s = win.sent
    qtbot.waitUntil(lambda: s.model.rowCount() == 1 and not s.model.loading, timeout=20000)
    assert _headers(s.model)[M.COL_TIME] == w["sent_time"]
    assert s.accessibleName() == w["sent_title"] and s.count_label.text() == w["one_message"]
    assert s.findChild(QLabel, "viewTitle").accessibleName() == w["title_name"]
    assert re.fullmatch(w["date"], s.model.index(0, M.COL_TIME).data())
    s.table.setFocus()
    key(qtbot, win, Qt.Key_Home)  # the row previewed: its headers and attachment size in the language
    qtbot.waitUntil(lambda: "chiffres.csv" in s.attachments_label.text(), timeout=20000)
    assert not s.attachments_label.text().startswith("Attachments")
    assert re.search(w["date"], s.headers_label.text()), s.headers_label.text()
    starts = [line[:len(w["header_lines"][0])] for line in s.headers_label.text().splitlines()]
    assert starts[0] == w["header_lines"][0] and any(x.startswith(w["header_lines"][1]) for x in
                                                     s.headers_label.text().splitlines()), s.headers_label.text()


def _send_selected_held_then_undone(qtbot, win, w) -> None:
    """Send selected on both drafts: one countdown for the batch, each row held; Ctrl+Z keeps them in Drafts."""
    HeldClocks(win.session.outbox)  # held still: the undo-send countdown never ends by itself
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    bar = win.send_timing.batch.bar
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    assert bar.label.text() == w["countdown"]
    refs = [d.model.summary(r).ref.id for r in range(2)]
    qtbot.waitUntil(lambda: all(d.model.shown_status(r) == w["held"] for r in refs), timeout=10000)
    assert _headers(d.model)[M.COL_STATUS] == w["drafts"][3]
    status = d.model.index(0, M.COL_STATUS)
    assert status.data() == w["held"]
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: all(d.model.shown_status(r) == w["undone"] for r in refs), timeout=10000)
    wait_idle(qtbot, win)


def _outbox(qtbot, win, sandbox, settings, w) -> None:
    """A send the server keeps waiting: its Outbox row, the view's words, and its delete question."""
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    assert view.accessibleName().startswith(w["outbox_title"]) and w["empty"] in view.empty.text()
    assert [view.table.horizontalHeaderItem(c).text() for c in range(3)] == w["outbox_cols"]

    settings.set_undo_send_seconds(0)
    sandbox.faults.inject("CreateItem", "server_busy", count=1, backoff_ms=600_000)
    type_message(qtbot, win, cc="", bcc="", subject="Attend", body="x")
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.QUEUED, timeout=20000)
    key(qtbot, win, Qt.Key_4, CTRL)
    qtbot.waitUntil(lambda: view.current_id() == lid, timeout=5000)
    assert [b.text() for b in (view.edit_button, view.delete_button, view.retry_button, view.now_button)] \
        == list(w["buttons"])
    assert view.count_label.text() == w["waiting"]
    (_subject, _to, state), = view.rows()  # the core's words ...
    assert view.table.item(0, 2).text() == shown(state)  # ... shown as the catalogue gives them
    # the language's own words (whichever state the row is in by now: waiting, saving first, server busy), not
    # the core's English: the catalogue has the row's words
    cell = view.table.item(0, 2).text()
    assert cell and cell != str(state), cell
    assert [(subject, st) for subject, _to, st in view.shown_rows()] == [("Attend", shown(state))]

    # Delete asks only while the message can still be taken back: not while its save is on the wire, which the
    # row may be in until the server's "busy" has come back (then it waits, and can be deleted)
    qtbot.waitUntil(lambda: ("CreateItem", "server_busy") in sandbox.faults.fired, timeout=20000)
    qtbot.waitUntil(view.delete_button.isEnabled, timeout=20000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Delete)
    box = win.journal_bridge._delete_question
    qtbot.waitUntil(box.isVisible, timeout=5000)
    assert box.windowTitle() == w["question"] and box.defaultButton().text() == w["keep"]
    qtbot.waitUntil(lambda: box.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)  # the keyboard default keeps it
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert ob.queue.submission(lid) is not None and getattr(ob.queue.submission(lid), "state", None) != SubState.CANCELLED


@pytest.mark.parametrize("lang, sent, drafts, waiting", [
    ("fr", "12\u202f500 messages", "1\u202f500 brouillons", "2\u202f000 en attente"),
    ("de", "12.500 Nachrichten", "1.500 Entwürfe", "2.000 wartend"),
])
def test_a_lists_count_of_thousands_is_written_the_languages_way(qapp, lang, sent, drafts, waiting):
    """The lists' counts (Sent Items' and Drafts' count, the Outbox's waiting) are plural counts written by Qt:
    with ``%Ln`` the language's group separator ("12 500", "12.500"), not "12500" in every language."""
    from app.ui.common.tr import counted
    from app.ui.lists.drafts_view import N_DRAFTS
    from app.ui.lists.sent_view import N_MESSAGES
    from app.ui.outbox.outbox_view import N_WAITING

    with in_language(lang):
        got = (counted(N_MESSAGES, 12_500), counted(N_DRAFTS, 1_500), counted(N_WAITING, 2_000))
    assert got == (sent, drafts, waiting)
    assert str(N_MESSAGES.format()) == "0 messages" and counted(N_DRAFTS, 1) == "1 draft"
