"""The follow-up flag in the Drafts and Sent lists: a marker before the subject, the flag and its dates in the
subject's tooltip and in the row's summary a screen reader gets (the Subject cell's and the row's description). Real window, real sandbox over HTTP; the drafts are saved
by the app's own EWS backend, the sent message through the real send."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.domain.extras import FlagStatus, FollowUpFlag
from app.domain.models import Draft, Recipient
from app.ui.lists.message_models import MessageTableModel
from tests.helpers.lists import open_loaded
from tests.helpers.mail_services import Services
from tests.helpers.windows import close_window

FLAG = FollowUpFlag(FlagStatus.FLAGGED, date(2026, 12, 1), date(2026, 12, 4))


def _cell(model, subject_end: str):
    rows = [r for r in range(model.rowCount()) if model.summary(r).subject == subject_end]
    assert len(rows) == 1, [model.summary(r).subject for r in range(model.rowCount())]
    idx = model.index(rows[0], MessageTableModel.COL_SUBJECT)
    summary = model.data(idx, Qt.AccessibleDescriptionRole)
    assert model.headerData(rows[0], Qt.Vertical, Qt.AccessibleDescriptionRole) == summary  # the row's, too
    return model.data(idx, Qt.DisplayRole), model.data(idx, Qt.ToolTipRole) or "", summary


def test_flags_are_shown_in_the_drafts_and_sent_lists(qtbot, aloop, sandbox, settings):
    services = Services(sandbox)
    try:
        svc = services.ews()
        for subject, flag in (("Follow me", FLAG), ("Done", FollowUpFlag(FlagStatus.COMPLETE)), ("Plain", None)):
            svc.save_draft(Draft(to=[Recipient("bob@example.com")], subject=subject,
                                 **({"flag": flag} if flag else {})))
        sent = svc.save_draft(Draft(to=[Recipient("bob@example.com")], subject="Chase it", flag=FLAG))
        assert all(o.ok for o in svc.send_drafts([sent.ref]))
    finally:
        services.close()
    win, session = open_loaded(qtbot, sandbox, settings)
    try:
        drafts, sent_model = win.drafts.model, win.sent.model
        qtbot.waitUntil(lambda: drafts.rowCount() == 3 and sent_model.rowCount() == 1, timeout=20000)
        text, tip, spoken = _cell(drafts, "Follow me")
        assert text == "⚑ Follow me" and "Flagged for follow-up, start 2026-12-01, due 2026-12-04" in tip
        assert spoken.endswith("flagged for follow-up, start 2026-12-01, due 2026-12-04")
        text, tip, spoken = _cell(drafts, "Done")
        assert text == "✔ Done" and "Follow-up complete" in tip and spoken.endswith("follow-up complete")
        text, tip, spoken = _cell(drafts, "Plain")
        assert text == "Plain" and "follow-up" not in tip.lower() + spoken
        text, _tip, spoken = _cell(sent_model, "Chase it")
        assert text == "⚑ Chase it" and "due 2026-12-04" in spoken
    finally:
        close_window(win, session)
