"""The core's words reach the window in the user's language (French, German): the Outbox's row and the status bar
for a send the server holds back and then refuses, the quit question with a message still waiting, and the
sending limits' plan and a batch's report. The core stays Qt-free: it returns Words, whose str is the English
sentence (logs, the command-line tool and scripts read English), and the window translates them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.sending.batch_report import batch_summary
from app.core.merge.send import limits_answer, limits_question
from app.core.outbox.rows import submission_text
from app.core.outbox.quit_words import quit_text
from app.core.sending.limits import EXCHANGE_ONLINE, RecipientLedger, plan_batch
from app.core.outbox.submission import SubState, Submission
from app.domain.models import Draft, Recipient
from app.domain.words import Words
from app.ui.common.tr import shown
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.keys import CTRL, key
from tests.helpers.language import in_language
from tests.helpers.status_bar import record_messages
from tests.helpers.windows import close_window, open_window, wait_idle

NB = "\u00a0"  # French puts a no-break space before ":", "?"

#: per language: the Outbox row of a send the server keeps busy, the status bar's words for it, the quit
#: question's first and last line, and the row once the server refused the send for good
WORDS = {
    "fr": ("Serveur occupé — attente de 10 min", "Dans la Boîte d'envoi (serveur occupé",
           f"1 message attend dans la Boîte d'envoi, sur cet ordinateur{NB}:", f"Quitter quand même{NB}?",
           f"Non envoyé{NB}: "),
    "de": ("Server ausgelastet — wartet 10 Min.", "Im Postausgang (Server ausgelastet",
           "1 Nachricht wartet im Postausgang auf diesem Computer:", "Trotzdem beenden?", "Nicht gesendet: "),
}


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_outbox_row_status_bar_and_quit_question_in_the_language(qtbot, aloop, sandbox, settings, screenshot_dir,
                                                                 lang):
    busy, status, head, last, refused = WORDS[lang]
    settings.set_undo_send_seconds(0)
    with in_language(lang):
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
            ob = win.session.outbox
            clocks = HeldClocks(ob)
            said = record_messages(win)
            sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=600_000)
            type_message(qtbot, win, cc="", bcc="", subject="Lunch", body="Bonjour.")
            key(qtbot, win, Qt.Key_Return, CTRL)
            qtbot.waitUntil(lambda: any(w.startswith(status) for w in said), timeout=20000)
            sub = next(iter(ob.queue.submissions()))
            key(qtbot, win, Qt.Key_4, CTRL)  # the Outbox
            view = win.journal_bridge.show_outbox()
            cell = lambda: view.table.item(0, 2).text() if view.table.rowCount() == 1 and view.table.item(0, 2) else ""  # noqa: E731
            qtbot.waitUntil(lambda: cell() == busy, timeout=10000)
            qtbot.waitUntil(lambda: view.table.isVisible() and view.table.height() > 100, timeout=5000)  # laid out
            win.grab().save(str(screenshot_dir / f"language-core-outbox-{lang}.png"))

            win.close()  # a message still waits: the window asks first
            box = win._close_question
            assert box is not None and box.isVisible()
            text = box.text()
            assert text.startswith(head) and text.rstrip().endswith(last), text
            assert "Lunch" in text and "Dispatch" in text and "Outbox" not in text, text
            next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.RejectRole).click()  # keep it open
            assert win.isVisible()

            sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients",
                                  text="No valid recipients")
            clocks.advance(601)  # the back-off is over: tried again, refused for good
            qtbot.waitUntil(lambda: sub.state == SubState.FAILED, timeout=20000)
            wait_idle(qtbot, win)
            view.refresh()
            assert cell().startswith(refused) and "ErrorInvalidRecipients" in cell(), cell()
            assert any(w.startswith(refused) for w in said), said  # the status bar said so too
        finally:
            close_window(win, session)


@pytest.mark.parametrize("lang, plan_words, answer, report", [
    ("fr", "destinataires seraient refusés aujourd'hui par la limite", "Envoi de 800 maintenant", "Envoyés"),
    ("de", "Empfänger würden heute durch das Tageslimit", "800 werden jetzt gesendet", "gesendet"),
])
def test_limits_plan_and_batch_report_in_the_language(qapp, lang, plan_words, answer, report):
    ledger = RecipientLedger()
    ledger.add(1_000.0, 9_200)
    plan = plan_batch([1] * 3_000, ledger, EXCHANGE_ONLINE, 2_000.0)
    when = lambda _t: "T"  # noqa: E731 - the window renders local times
    with in_language(lang):
        question = shown(limits_question(plan, when))
        done = shown(limits_answer(plan, when, True))
        summary = shown(batch_summary(4, 1, 2))
    assert plan_words in question, question
    assert "Exchange Online" in question and "Outbox" not in question, question
    assert done.startswith(answer) and done.endswith("."), done
    assert report in summary and "Drafts" not in summary, summary


def test_the_core_returns_words_whose_str_is_english():
    sub = Submission(Draft(to=[Recipient("bob@example.com")], subject="Lunch", body="b"), "a",
                     state=SubState.FAILED, reason="No valid recipients")
    row = submission_text(sub, 0.0)
    assert isinstance(row, Words) and str(row) == "Not sent: No valid recipients"
    assert row.context == "OutboxRow" and row.source == "Not sent: {reason}"
    question = quit_text([Submission(Draft(subject="Lunch", body="b"), "a")], "alice@example.com")
    assert isinstance(question, Words) and question.startswith("1 message is waiting in the Outbox")
    assert question.endswith("\n\nQuit anyway?")
    report = batch_summary(4, 1, 2)
    assert isinstance(report, Words)
    assert report == "Sent 1 of 4; 2 drafts taken back, kept in Drafts; 1 not sent (see Status)"


@pytest.mark.parametrize("lang, soon, later", [("fr", "mer. 08:00", "jeu. 3 déc. 08:00"),
                                                ("de", "Mi. 08:00", "Do. 3. Dez. 08:00")])
def test_a_send_later_time_in_the_language(qapp, lang, soon, later):
    from datetime import datetime

    from app.core.outbox.holds import clock_text

    wall = datetime(2026, 11, 24, 15, 0).timestamp()  # a Tuesday afternoon
    tomorrow, in_december = datetime(2026, 11, 25, 8, 0).timestamp(), datetime(2026, 12, 3, 8, 0).timestamp()
    assert (clock_text(tomorrow, wall), clock_text(in_december, wall)) == ("Wed 08:00", "Thu 3 Dec 08:00")
    with in_language(lang):
        assert (shown(clock_text(tomorrow, wall)), shown(clock_text(in_december, wall))) == (soon, later)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_a_merge_rows_reason_after_a_restart_in_the_language(qapp, tmp_path, lang):
    """A mail merge loaded from its record (as at the next start) shows its rows' reasons in the language, as
    they were shown before the restart: not the English text the record also keeps."""
    from app.core.merge import record as merge_record
    from app.core.merge.run import IN_DRAFTS, MergeRun
    from app.domain import merge as dm
    from app.domain.explain import describe
    from app.domain.words import translate
    from app.storage.merges import MergeStore

    store = MergeStore(tmp_path / "merges")
    table = dm.parse_table(b"name,email\nA,not an address\nB,b@example.com\nC,c@example.com\n")
    run = MergeRun.create(None, store, Draft(subject="Hi {name}", body="x"), table, dm.recipient_column(table.header))
    run.rows[1].not_sent = translate("MergeRow", "Not created: {reason}").format(reason=describe("ErrorServerBusy"))
    run.rows[2].not_sent = IN_DRAFTS
    store.save(run.merge_id, merge_record.record(merge_record.snapshot(run)))
    back = MergeRun.load(None, store, run.merge_id)
    with in_language(lang):
        before = [shown(run.outcome(row)) for row in run.rows]
        after = [shown(back.outcome(row)) for row in back.rows]
    assert after == before
    assert all(a != str(row.error) for a, row in zip(after, back.rows)), after  # not the English


NNBSP = "\u202f"  # the group separator French writes in numbers ("10 000": CLDR's narrow no-break space)


@pytest.mark.parametrize("lang, limits, report, merge", [
    ("fr", f"2{NNBSP}200 de ces 3{NNBSP}000 destinataires", f"Envoyés{NB}: 1{NNBSP}000 sur 12{NNBSP}000{NB}; "
           f"1{NNBSP}500 brouillons repris", f"Envoyer 5{NNBSP}000 messages{NB}?"),
    ("de", "2.200 dieser 3.000 Empfänger", "1.000 von 12.000 gesendet; 1.500 Entwürfe zurückgenommen",
           "5.000 Nachrichten senden?"),
])
def test_counts_and_limits_in_the_core_words_are_written_the_locales_way(qapp, lang, limits, report, merge):
    """A count or a limit inside the core's words (the sending limits' plan, a batch's report, the merge's question)
    is written as the language writes numbers, placeholders and plural counts alike; the English str (the log, the
    command line) groups them the English way."""
    from app.core.merge.send import confirm_question

    ledger = RecipientLedger()
    ledger.add(1_000.0, 9_200)
    plan = plan_batch([1] * 3_000, ledger, EXCHANGE_ONLINE, 2_000.0)
    when = lambda _t: "T"  # noqa: E731 - the window renders local times
    question, summary = limits_question(plan, when), batch_summary(12_000, 1_000, 1_500, 2_000)
    assert str(question).startswith("2,200 of these 3,000 recipients would be refused today by Exchange Online's "
                                     "10,000-a-day limit.")
    assert str(summary) == ("Sent 1,000 of 12,000; 1,500 drafts taken back, kept in Drafts; 2,000 kept in the Outbox "
                            "for later; 7,500 not sent (see Status)")
    with in_language(lang):
        shown_question, shown_summary = shown(question), shown(summary)
        shown_merge = shown(confirm_question(5_000))
    ten_thousand = {"fr": f"10{NNBSP}000", "de": "10.000"}[lang]
    assert shown_question.startswith(limits) and ten_thousand in shown_question, shown_question
    assert shown_summary.startswith(report), shown_summary
    assert shown_merge.startswith(merge), shown_merge
    assert "7500" not in shown_summary and "10000" not in shown_question
