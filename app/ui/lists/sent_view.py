"""Sent: newest first, with a read-only preview that shows strangers' text as data (app/ui/common/safe_text.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from app.domain.list_rows import flag_text
from app.domain.models import Draft, Sensitivity
from app.domain.validation import format_recipients
from app.domain import words
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.compose.attachment_saver import AttachmentSaver
from app.ui.lists.drafts_view import list_page, setup_table
from app.ui.lists.list_table import ListTable, empty_state
from app.ui.lists.message_models import MessageTableModel
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import counted, shown, translate
from app.ui.lists.delivery_pane import DeliveryPane
from app.ui.lists.preview_pane import PreviewPane
from app.ui.common.list_dates import list_date


N_MESSAGES = words.translate("SentView", "%Ln message(s)", None, 0)

# Below this width the preview is shown under the list instead of beside it.
STACK_BELOW = 760


#: Following up the previewed message: (name, words, keys, tip, what it is called). Thunderbird's and Outlook's
#: keys where the window has them free: Reply all Ctrl+Shift+R (both), Forward Ctrl+L (Thunderbird; Outlook's
#: Ctrl+F is Find here), Edit as new Ctrl+E (Thunderbird's "Edit As New Message")
FOLLOW_UPS = (
    ("reply_all", QT_TRANSLATE_NOOP("SentView", "Sent: reply &all"), "Ctrl+Shift+R",
     QT_TRANSLATE_NOOP("SentView", "Reply to everyone the sent message went to"),
     QT_TRANSLATE_NOOP("SentView", "Reply all")),
    ("forward", QT_TRANSLATE_NOOP("SentView", "Sent: &forward"), "Ctrl+L",
     QT_TRANSLATE_NOOP("SentView", "Forward the sent message with its attachments"),
     QT_TRANSLATE_NOOP("SentView", "Forward")),
    ("edit_as_new", QT_TRANSLATE_NOOP("SentView", "Sent: edit as ne&w"), "Ctrl+E",
     QT_TRANSLATE_NOOP("SentView", "A copy of the sent message as a new one"),
     QT_TRANSLATE_NOOP("SentView", "Edit as new")),
)
#: a sensitivity other than Normal, as the preview names it (the enum's value is Exchange's word)
SENSITIVITIES = {"Personal": QT_TRANSLATE_NOOP("SentView", "Personal"),
                 "Private": QT_TRANSLATE_NOOP("SentView", "Private"),
                 "Confidential": QT_TRANSLATE_NOOP("SentView", "Confidential")}


def sent_options(msg: Draft) -> list[tuple[str, str]]:
    """What the message was sent with beyond its recipients, as Outlook's reading pane shows it:
    Reply-To, a sensitivity other than Normal, categories, and the follow-up flag with its days."""
    flag = shown(flag_text(msg.flag))
    value = msg.sensitivity.value
    sensitivity = translate("SentView", SENSITIVITIES[value]) if value in SENSITIVITIES else value
    return [(translate("SentView", "Reply-To"), format_recipients(msg.reply_to)),
            (translate("SentView", "Sensitivity"), sensitivity if msg.sensitivity != Sensitivity.NORMAL else ""),
            (translate("SentView", "Categories"), ", ".join(msg.categories)),
            (translate("SentView", "Follow up"), flag[:1].upper() + flag[1:])]


class SentView(QWidget):
    preview_requested = Signal(object)  # ItemRef
    refresh_requested = Signal()
    # (kind: "reply_all" | "forward" | "edit_as_new", the previewed message): Compose opens the follow-up
    follow_up_requested = Signal(str, object)
    message_shown = Signal(object)  # the previewed message (a Draft), once shown: its recipients' news follows

    def __init__(self, parent=None, port=None):
        """``port``: the shell's (app.ui.common.port), through which its notes reach the status bar (None: a page on
        its own, its notes under the preview only)."""
        super().__init__(parent)
        self.port = port
        root, _head, self.count_label = list_page(self, translate("SentView", "Sent"))
        split = QSplitter(Qt.Horizontal, self)
        self.model = MessageTableModel(sent=True, parent=self)
        self.table = ListTable(split)
        setup_table(self.table, self.model, translate("SentView", "Sent list"))  # columns fit their content; no Status column
        self.table.setSelectionMode(QTableView.SingleSelection)

        self.preview = PreviewPane(split, (
            translate("SentView", "Message preview"), translate("SentView", "Preview subject"),
            translate("SentView", "Preview headers"), translate("SentView", "Preview body"),
            translate("SentView", "Preview attachments"), translate("SentView", "Preview note")),
            translate("SentView", "Select a message"))
        pv = self.preview.lay
        self.subject_label, self.headers_label = self.preview.subject_label, self.preview.headers_label
        self.body, self.attachments_label = self.preview.body, self.preview.attachments_label
        self.saver = AttachmentSaver(self)  # Ctrl+Shift+S: the preview's attachments to a folder
        self.save_note = PlainLabel("", self.preview)  # under the pane's attachments
        self.save_note.setObjectName("viewSubtitle")
        self.save_note.setWordWrap(True)
        self.save_note.setAccessibleName(translate("SentView", "Saved attachments"))
        self.save_note.hide()
        pv.addWidget(self.save_note)
        self.delivery = DeliveryPane(self.preview)  # each recipient's news, under the headers
        # under the headers; it shares the room with the text (half each) while it shows
        pv.insertWidget(pv.indexOf(self.headers_label) + 1, self.delivery, 1)
        pv.setStretchFactor(self.preview.body, 1)
        self.resend_action = QAction(translate("SentView", "Sent: resend to those that fa&iled"), self)
        self.resend_action.setObjectName("actResendFailed")
        self.resend_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.resend_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.resend_action.setToolTip(translate("SentView", "A new message to the recipients a report says the "
                                                            "previewed message did not reach (Ctrl+Shift+B)"))
        self.resend_action.triggered.connect(self.delivery.resend_requested)
        self.addAction(self.resend_action)
        self.saver.finished.connect(self._saved)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.empty = empty_state(self, translate("SentView", "Sent"))
        root.addWidget(self.empty, 1)  # instead of the list and preview while there is no account
        root.addWidget(split, 1)
        self._split = split
        self.setFocusProxy(self.table)
        self.save_action = QAction(translate("SentView", "Sa&ve attachments…"), self)
        self.save_action.setObjectName("actSaveAttachments")
        self.save_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.save_action.setToolTip(translate("SentView",
                                              "Save the previewed message's attachments to a folder (Ctrl+Shift+S)"))
        self.save_action.triggered.connect(self.save_attachments)
        self.addAction(self.save_action)
        self.follow_up_actions = {kind: self._follow_up_action(kind, text, keys, tip)
                                   for kind, text, keys, tip, _name in FOLLOW_UPS}
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            sig.connect(self._update_count)
        self.model.modelReset.connect(self._update_empty)
        self._update_empty()
        self._update_count()

    def resizeEvent(self, event):  # noqa: N802
        """Narrow (half a small screen): the preview goes under the list, so the subject keeps its room."""
        super().resizeEvent(event)
        want = Qt.Vertical if self.width() < STACK_BELOW else Qt.Horizontal
        if self._split.orientation() != want:
            self._split.setOrientation(want)

    def _update_empty(self) -> None:
        """No account: the list says why it is empty and how to add one."""
        none = not self.model.has_source
        self.empty.setVisible(none)
        self._split.setVisible(not none)

    def _row_changed(self, current, _previous) -> None:
        s = self.model.summary(current.row()) if current.isValid() else None
        if s is not None:
            self.preview_requested.emit(s.ref)

    def show_message(self, msg: Draft, when=None, sender: str = "") -> None:
        self.save_note.hide()
        frm = shown(msg.origin.words()) if msg.origin is not None else ""  # the server's From and Sender, as Outlook
        rows = [(translate("SentView", "From"), frm or sender), (translate("SentView", "To"), format_recipients(msg.to)),
                (translate("SentView", "Cc"), format_recipients(msg.cc)),
                (translate("SentView", "Bcc"), format_recipients(msg.bcc))]
        dt = when or msg.modified
        when = list_date(dt.astimezone()) if dt else ""
        if when:
            rows.append((translate("SentView", "Date"), when))
        rows += sent_options(msg)
        self.preview.show_message(msg, rows)
        self.delivery.clear()
        self.message_shown.emit(msg)

    def clear_preview(self) -> None:
        self.save_note.hide()
        self.preview.clear()
        self.delivery.clear()

    # ---- Reply all, Forward, Edit as new ----
    def _follow_up_action(self, kind: str, text: str, keys: str, tip: str) -> QAction:
        """A key of the Sent view (its list and preview), in the window's action table (actions.py)."""
        act = QAction(translate("SentView", text), self)
        act.setObjectName("actSent" + "".join(part.capitalize() for part in kind.split("_")))
        act.setShortcut(QKeySequence(keys))
        act.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        act.setToolTip(f"{translate('SentView', tip)} ({QKeySequence(keys).toString(QKeySequence.NativeText)})")
        act.triggered.connect(lambda _checked=False: self.follow_up(kind))
        self.addAction(act)
        return act

    def follow_up(self, kind: str) -> None:
        """The previewed message, followed up in Compose; from elsewhere (the menu), how to get here."""
        words = translate("SentView", next(name for k, _t, _k, _tip, name in FOLLOW_UPS if k == kind))
        keys = self.follow_up_actions[kind].shortcut().toString(QKeySequence.NativeText)
        if not self.isVisible():
            self._note(translate("SentView", "{what} works on a sent message: press Ctrl+3, select it, then {keys}")
                       .format(what=words, keys=keys))
            return
        msg = self.shown_message()
        if msg is None:
            self._note(translate("SentView", "Select a message first (and wait for its preview); {keys} then opens it "
                                             "in Compose").format(keys=keys))
            return
        self.follow_up_requested.emit(kind, msg)

    def shown_when(self):
        """When the previewed message was sent (its row's time), for the quote's header."""
        cur = self.table.currentIndex()
        s = self.model.summary(cur.row()) if cur.isValid() else None
        return None if s is None else (s.sent or s.modified)

    # ---- Ctrl+Shift+S ----
    def shown_message(self) -> Draft | None:
        """The message in the preview, if it is still the selected row's."""
        cur = self.table.currentIndex()
        s = self.model.summary(cur.row()) if cur.isValid() else None
        msg = self.preview.message
        if msg is None or s is None or (msg.ref is not None and msg.ref.id != s.ref.id):
            return None
        return msg

    def save_attachments(self) -> None:
        if not self.isVisible():  # from the File menu elsewhere: only what the Sent preview shows
            self._note(translate("SentView", "Attachments are saved from the Sent preview: press Ctrl+3, select a "
                                             "message, then Ctrl+Shift+S"))
            return
        msg = self.shown_message()
        files = self.preview.files(msg) if msg is not None else []
        if not files:  # what the preview lists is what is saved
            self._note(translate("SentView", "Nothing to save: the previewed message has no attachments")
                       if msg is not None
                       else translate("SentView", "Select a message first; its attachments are saved from the preview"))
            return
        self.saver.ask(files)

    def _saved(self, text: str) -> None:
        self._note(text)

    def _note(self, text: str) -> None:
        text = shown(text)  # the saver's words may be the core's
        self.save_note.setText(text)
        self.save_note.setVisible(bool(text))
        if self.port is not None:
            self.port.say(text, ms=8000)

    def _update_count(self, *_a) -> None:
        if not self.model.has_source:
            self.count_label.setText("")
            return
        self.count_label.setText(counted(N_MESSAGES, self.model.total))
