"""The composer: To, Cc, Bcc, Subject, Body (plain or rich), attachments and options.

Its state is a :class:`Draft` (``draft()`` / ``load()``); ``changed`` fires on every edit (autosave
hooks onto it). Errors are shown inline at the field they belong to; nothing typed is ever cleared
by an error.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget,
)

from app.core.compose.autosave import Deferred
from app.core.sending.request import Sending
from app.domain import inline_images as inline
from app.domain import words
from app.domain.models import BodyFormat, Draft, Importance
from app.domain.validation import MAX_SUBJECT, FieldError
from app.ui.compose.body.rich_cuts import TRAILER
from app.ui.compose.form_area import BODY_MIN, FormArea, body_height, page_margins
from app.ui.common.safe_text import ElidedLabel, PlainLabel, SafeTextEdit
from app.ui.common.tr import shown, translate


# The states beside the title are Words (app.domain.words): English where code compares or logs them, shown in
# the user's language (``show_state``).
#: the state beside the title while a long body is being put into the editor
OPENING = words.translate("Compose", "Opening…")
#: the same with how much of it is in
OPENING_AT = words.translate("Compose", "Opening… {percent}%")
#: the state of a draft whose edits are on this computer only (typed since its last save, or restored)
EDITED = words.translate("Compose", "Edited — not saved to the server")
#: the state once what is typed is in the local journal ("Not saved" would be untrue then)
KEPT = words.translate("Compose", "Kept on this computer")
#: the same for a draft whose older copy is in Drafts
EDITED_KEPT = words.translate("Compose", "Edited — kept on this computer")
#: the state once the server's Drafts has the message as it is on screen
SAVED = words.translate("Compose", "Saved to Drafts")
#: the state of a message neither in the journal nor in Drafts
NOT_SAVED = words.translate("Compose", "Not saved")
# the state of a new message with nothing written in it: there is nothing to save, so nothing is said
NOTHING_WRITTEN = ""
#: the state of a message whose send was refused
NOT_SENT = words.translate("Compose", "Not sent")
#: the state beside the title while a long rich body is written out (Qt's toHtml(), one call)
SAVING = words.translate("Compose", "Saving the long body…")
#: the title of a message with no subject yet
NEW_MESSAGE = words.translate("Compose", "New message")
#: the title of a saved draft with no subject
DRAFT = words.translate("Compose", "Draft")
# a rich body this long (characters) or longer is autosaved only when typing pauses: Qt's toHtml() of
# 32 K characters takes ~5 ms on this machine (~110 ms a MB of text; bench/bench_typing_stall.py)
RICH_STEADY_MOST = 32 * 1024
# a rich body this long is written out with SAVING beside the title (toHtml() of it takes ~0.5 s or more)
RICH_SHOWN_FROM = 3 * 1024 * 1024


def _keys(keys: str) -> str:
    """A shortcut as the user's system writes it (the key stays the same in every language)."""
    return QKeySequence(keys).toString(QKeySequence.NativeText)


# Compose's own states and titles by their English words, for callers that name them so
_OWN_WORDS = {str(w): w for w in (OPENING, EDITED, KEPT, EDITED_KEPT, SAVED, NOT_SAVED, NOT_SENT, SAVING, NEW_MESSAGE,
                                  DRAFT)}


def _in_compose_words(text: str) -> str:
    """``text`` as Compose shows it: Words in the user's language, as is one of Compose's own states or titles
    named by its English words (a caller elsewhere names it so); anything else (a subject) as it is."""
    return shown(text if isinstance(text, words.Words) else _OWN_WORDS.get(text, text))


def html_head(html: str) -> str:
    """Qt's HTML up to and with its ``<body …>`` tag."""
    return html[:html.index(">", html.index("<body")) + 1]

# the widest the Options row may be with the receipts beside Importance (English: 447 px): more, and the window
# could not be 683 px wide (half a 1366 px screen; tests/ui/test_no_clipping.py)
OPTIONS_ROW_MAX = 470
# the same for the formatting row with Rich text in it (English: about 430 px)
FORMAT_ROW_MAX = 500


class ComposeView(QWidget):
    changed = Signal()
    about_to_load = Signal()  # before another message replaces what is on screen
    save_requested = Signal()
    send_requested = Signal()
    lookup_requested = Signal(object, str)  # (RecipientEdit, prefix)

    def __init__(self, parent=None):
        from app.ui.compose.attachments import AttachmentList
        from app.ui.compose.recipient_edit import RecipientEdit

        super().__init__(parent)
        self.setObjectName("page")
        self.setAccessibleName(translate("Compose", "Compose"))
        self._draft = Draft()
        self._loading = False
        self._loading_before = False
        self._loaded_state = NOTHING_WRITTEN
        self._state: str = NOTHING_WRITTEN  # the state's words (the label shows them in the user's language)
        self.edits = 0          # bumps on every edit
        self.saved_edits = 0    # the value of ``edits`` that the server copy reflects
        self.max_send_bytes = 10 * 1024 * 1024
        # what a new message starts with, as the draft's fields: the receipts the settings ask for (the window
        # sets it: app/ui/compose/receipt_defaults.py); a draft reopened keeps its own
        self.new_message_fields: Callable[[], dict] = dict

        root = self._root = QVBoxLayout(self)
        root.setContentsMargins(28, 14, 28, 12)
        root.setSpacing(12)

        head = QHBoxLayout()
        self.title = ElidedLabel(shown(NEW_MESSAGE), self)
        self.title.setObjectName("viewTitle")
        self.title.setAccessibleName(translate("Compose", "Compose title"))
        self.state_label = PlainLabel(self)
        self.state_label.setObjectName("viewSubtitle")
        self.state_label.setAccessibleName(translate("Compose", "Draft state"))
        head.addWidget(self.title, 1)  # elided: a long subject never widens the window
        head.addWidget(self.state_label)
        root.addLayout(head)

        # the fields, More options, the toolbar, the body and the attachments scroll inside the window when it
        # is short of height (app/ui/compose/form_area.py); the title above, the error and buttons below stay
        self.form_area = FormArea(self)
        form = self.form_area.lay
        form.setSpacing(6)
        root.addWidget(self.form_area, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.to = RecipientEdit("to", translate("Compose", "To"), self)
        self.cc = RecipientEdit("cc", translate("Compose", "Cc"), self)
        self.bcc = RecipientEdit("bcc", translate("Compose", "Bcc"), self)
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName(translate("Compose", "Subject"))
        self.subject.setPlaceholderText(translate("Compose", "Subject"))
        from app.ui.compose.from_row import FromRow

        # who it is from: shown only when the account may send from other mailboxes
        self.from_row = FromRow(self)
        fields = [(translate("Compose", "From"), self.from_row), (translate("Compose", "To"), self.to),
                  (translate("Compose", "Cc"), self.cc), (translate("Compose", "Bcc"), self.bcc),
                  (translate("Compose", "Subject"), self.subject)]
        for row, (label, field) in enumerate(fields):
            lab = PlainLabel(label, self)
            lab.setObjectName("fieldLabel")
            lab.setBuddy(field.edit if hasattr(field, "edit") else field)
            grid.addWidget(lab, row, 0, Qt.AlignTop | Qt.AlignLeft)
            grid.addWidget(field, row, 1)
            lab.setContentsMargins(0, 9, 0, 0)
        self.from_row.label = grid.itemAtPosition(0, 0).widget()
        self.from_row.set_account("", [])  # hidden until the account lists other mailboxes
        # the subject's limit, stated at the field once it is reached (nothing typed is cut off)
        self.subject_note = PlainLabel(self)
        self.subject_note.setObjectName("fieldError")
        self.subject_note.setAccessibleName(translate("Compose", "Subject length"))
        self.subject_note.setWordWrap(True)
        self.subject_note.hide()
        grid.addWidget(self.subject_note, 5, 1)
        self.subject.textChanged.connect(self._subject_limit)
        form.addLayout(grid)

        # options + formatting toolbar (app/ui/compose/formatting.py: one QAction per command)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.rich = QCheckBox(translate("Compose", "Rich text"), self)
        self.rich.setAccessibleName(translate("Compose", "Rich text"))
        self.importance = QComboBox(self)
        self.importance.setAccessibleName(translate("Compose", "Importance"))
        self.importance.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)  # its words whole, scroll bar or not
        for imp, text in ((Importance.LOW, translate("Compose", "Low importance")),
                          (Importance.NORMAL, translate("Compose", "Normal importance")),
                          (Importance.HIGH, translate("Compose", "High importance"))):
            self.importance.addItem(text, imp.value)
        self.importance.setCurrentIndex(1)
        self.read_receipt = QCheckBox(translate("Compose", "Read receipt"), self)
        self.read_receipt.setAccessibleName(translate("Compose", "Request read receipt"))
        self.delivery_receipt = QCheckBox(translate("Compose", "Delivery receipt"), self)
        self.delivery_receipt.setAccessibleName(translate("Compose", "Request delivery receipt"))
        self.body = SafeTextEdit(self)  # HTML from a draft or a paste loads nothing (safe_text.py)
        self.body.setObjectName("body")
        self.body.setAccessibleName(translate("Compose", "Message body"))
        self.body.setPlaceholderText(translate("Compose", "Write your message…"))
        self.body.setAcceptRichText(False)
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(BODY_MIN)
        from app.ui.compose.body.body_mirror import BodyMirror

        # the body's plain text, followed edit by edit: a draft of a 10 MB body is never read whole on
        # the UI thread (app/ui/compose/body/body_mirror.py)
        self.mirror = BodyMirror(self.body.document(), self)
        self.body.document_replaced.connect(lambda _old, new: self.mirror.set_document(new))
        from app.ui.compose.body.doc_reaper import DocumentReaper

        self.reaper = DocumentReaper(self)  # a big body's document is freed in pieces (doc_reaper.py)
        from app.ui.compose.body.body_loader import BodyLoader

        # a long plain body goes in a piece per turn; until it is all in, the message is the document's
        # text and the loader's tail (app/ui/compose/body/body_loader.py)
        self.loader = BodyLoader(self)
        self.loader.appending = self._set_loading
        self.loader.progress.connect(self._load_progress)
        self.loader.attach(self.body)
        self._add_formatting(bar)
        bar.addStretch(1)
        # the message's options get a row of their own: with the formatting toolbar they made the window
        # wider than an 800-pixel screen
        opts = QHBoxLayout()
        opts.setSpacing(12)
        receipts = QHBoxLayout()
        receipts.setSpacing(12)
        for w in (self.read_receipt, self.delivery_receipt):
            receipts.addWidget(w)
        receipts.addStretch(1)
        opts.addWidget(self.importance)
        # the receipts beside Importance when the three fit the width Compose has on half a 1366 px screen;
        # in a language whose words are longer (French, German) they go on a row of their own under it
        beside = (self.importance.sizeHint().width() + receipts.sizeHint().width() + opts.spacing()
                  <= OPTIONS_ROW_MAX)
        if beside:
            opts.addLayout(receipts)
        opts.addStretch(1)
        lab = PlainLabel(translate("Compose", "Options"), self)
        lab.setObjectName("fieldLabel")
        lab.setBuddy(self.importance)
        grid.addWidget(lab, 6, 0, Qt.AlignVCenter | Qt.AlignLeft)
        grid.addLayout(opts, 6, 1)
        if not beside:
            grid.addLayout(receipts, 7, 1)
        self._grid = grid
        from app.ui.compose.more_options import MoreOptions

        self.more = MoreOptions(self)  # Reply-To, sensitivity, categories (Ctrl+Shift+O): hidden by default
        self.more.leave_to = self.body  # where the keyboard goes when the panel hides with it inside
        form.addWidget(self.more)
        if self.rich_alone:
            form.addWidget(self.rich)
        form.addLayout(bar)
        for w in (self.fmt.question, self.fmt.undo_bar, self.fmt.link_bar):
            form.addWidget(w)
        form.addWidget(self.body, 1)

        self.attachments = AttachmentList(self)
        from app.ui.compose.pending_files import PendingFiles

        # the files a mailto: link names, waiting for Enter (attach) or Delete (drop): never attached silently
        self.pending_files = PendingFiles(self.attachments, self)
        form.addWidget(self.pending_files)
        form.addWidget(self.attachments)
        from app.ui.compose.inline_images import InlineImages

        # pictures in a rich body: inline attachments the body shows (cid:), kept apart from the file list
        self.images = InlineImages(self)

        self.error_label = PlainLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setAccessibleName(translate("Compose", "Message error"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.error_label.hide()
        root.addWidget(self.error_label)

        buttons = QHBoxLayout()
        self.attach_button = QPushButton(translate("Compose", "Attach…"), self)
        self.attach_button.setAccessibleName(translate("Compose", "Attach files"))
        self.attach_button.setToolTip(translate("Compose", "Attach files ({keys})").format(keys=_keys("Ctrl+Shift+A")))
        self.save_button = QPushButton(translate("Compose", "Save draft"), self)
        self.save_button.setAccessibleName(translate("Compose", "Save draft"))
        self.save_button.setToolTip(translate("Compose", "Save draft ({keys})").format(keys=_keys("Ctrl+S")))
        self.send_button = QPushButton(translate("Compose", "Send"), self)
        self.send_button.setObjectName("primary")
        self.send_button.setAccessibleName(translate("Compose", "Send"))
        self.send_button.setToolTip(translate("Compose", "Send ({keys})").format(keys=_keys("Ctrl+Return")))
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        root.addLayout(buttons)
        for b in (self.attach_button, self.save_button, self.send_button):
            b.setFocusPolicy(Qt.TabFocus)

        QWidget.setTabOrder(self.from_row.combo, self.to.edit)
        QWidget.setTabOrder(self.to.edit, self.cc.edit)
        QWidget.setTabOrder(self.cc.edit, self.bcc.edit)
        QWidget.setTabOrder(self.bcc.edit, self.subject)
        QWidget.setTabOrder(self.subject, self.body)
        QWidget.setTabOrder(self.body, self.pending_files.list)  # a link's files waiting: one Tab from the text

        self.attach_button.clicked.connect(self.attachments.open_dialog)
        self.save_button.clicked.connect(self.save_requested)
        self.send_button.clicked.connect(self.send_requested)
        self.fmt.rich_changed.connect(self._on_changed)
        self.more.changed.connect(self._on_changed)
        self.from_row.changed.connect(self._on_changed)
        for r in (self.to, self.cc, self.bcc, self.more.reply_to):
            r.changed.connect(self._on_changed)
            r.lookup_requested.connect(lambda text, r=r: self.lookup_requested.emit(r, text))
        for sig in (self.subject.textChanged, self.body.textChanged, self.attachments.changed,
                    self.importance.currentIndexChanged, self.read_receipt.toggled, self.delivery_receipt.toggled):
            sig.connect(self._on_changed)
        self.setAcceptDrops(True)

    def showEvent(self, event):  # noqa: N802
        self._align_labels()
        self._fit_height()
        super().showEvent(event)

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """The body keeps a third of the window's height, the header rows scroll above it when the window is
        short (app/ui/compose/form_area.py); the margins tighten in a short window. Inside the form's scroll
        area, the body's least height never raises the window's own."""
        high = self.window().height()
        margins, spacing = page_margins(high)
        if self._root.spacing() != spacing:
            self._root.setContentsMargins(*margins)
            self._root.setSpacing(spacing)
        want = body_height(high)
        if self.body.minimumHeight() != want:
            self.body.setMinimumHeight(want)
            if self.body.hasFocus():
                self.form_area.widget().layout().activate()
                self.form_area.keep_in_view(self.body)

    def _align_labels(self) -> None:
        """One label column for the fields above and the More options panel's rows (its labels are longer)."""
        labels = [*self.form_area.form.findChildren(QLabel, "fieldLabel", Qt.FindDirectChildrenOnly),
                  *self.more.labels()]
        for lab in labels:
            lab.ensurePolished()
        width = max(lab.sizeHint().width() for lab in labels)
        self._grid.setColumnMinimumWidth(0, width)
        self.more.set_label_width(width)

    def _add_formatting(self, bar: QHBoxLayout) -> None:
        from app.ui.compose.formatting import Formatting

        self.fmt = Formatting(self, self.body, self.rich)
        f = self.fmt
        # the commands, for the Edit menu and the F1 sheet; the buttons show them
        self.bold_action, self.italic_action, self.underline_action = f.bold, f.italic, f.underline
        self.link_action, self.numbered_action, self.bullets_action = f.link, f.numbered, f.bullets
        self.indent_action, self.outdent_action, self.paste_plain_action = f.indent, f.outdent, f.paste_plain
        b = f.buttons
        self.bold, self.italic, self.underline, self.bullets = b["bold"], b["italic"], b["underline"], b["bullets"]
        names = ("bold", "italic", "underline", "bullets", "numbered", "outdent", "indent", "link")
        # Rich text beside the buttons when the row fits the width Compose has on half a 1366 px screen; in a
        # language whose words are longer it goes on a line of its own above them
        wide = (sum(button.sizeHint().width() for button in (self.rich, *(b[n] for n in names)))
                + bar.spacing() * len(names) > FORMAT_ROW_MAX)
        if not wide:
            bar.addWidget(self.rich)
        self.rich_alone = wide
        prev = self.rich
        for name in names:
            bar.addWidget(b[name])
            QWidget.setTabOrder(prev, b[name])
            prev = b[name]

    def formatting_actions(self) -> list:
        """Every formatting command (QActions with shortcuts), in menu order."""
        return self.fmt.actions()

    # ---- Draft in / out ----
    def draft(self) -> Draft:
        """The message as typed: an unfinished recipient entry is kept as typed (a draft may hold it;
        :meth:`validate` refuses it for a send)."""
        rich = self.rich.isChecked()
        if rich:
            body = "".join(self._rich_pieces())
            return self._fields(body, rich, self.images.shown(body))
        tail = self.loader.tail()
        return self._fields("".join(self.mirror.snapshot() + (tail,)) if tail else self.mirror.text(), rich)

    def snapshot(self) -> Draft | Deferred:
        """What autosave records. A plain body is taken as immutable pieces (its chunks), which the journal
        thread joins and streams into the journal: nothing reads or joins the whole body here. A rich body is
        Qt's ``toHtml()`` of the document (with the rest of a body still going in, as pieces)."""
        if self.rich.isChecked():
            pieces = self._rich_pieces()
            if len(pieces) == 1:  # toHtml() whole: the journal cuts it and keeps the rows of what is unchanged
                return self._fields(pieces[0], True, self.images.shown(pieces[0]))
            # the body is joined later: every picture is kept (those it no longer shows drop out at load)
            return Deferred(self._fields("", True, self.images.all()), pieces)
        tail = self.loader.tail()
        return Deferred(self._fields("", False), self.mirror.snapshot() + ((tail,) if tail else ()))

    def saves_on_pause(self) -> bool:
        """Should autosave wait for a pause in typing? A rich body is written with Qt's ``toHtml()`` of the
        whole document on the UI thread (~15 ms per 100 K characters): a long one is not taken while the user
        types on, only once they pause (``Autosave.touch(pause_only=)``)."""
        return self.rich.isChecked() and self.body.document().characterCount() >= RICH_STEADY_MOST

    def _rich_pieces(self) -> tuple[str, ...]:
        """The rich body's HTML: Qt's ``toHtml()`` of the whole document. While a long one is still going in,
        the document's HTML with the rest of the body's spliced in before its end: both are Qt's HTML under
        the same head (the loader cuts only HTML Qt wrote; a head that differs from the one the document
        writes, and a plain body still loading, go in whole first). While a foreign body is with the helper,
        the body as it came."""
        loader = self.loader
        if loader.waiting:
            return (loader.tail(),)
        html = self._whole_html()
        if loader.active and (not loader.rich or loader.head() != html_head(html)):
            loader.finish()
            html = self._whole_html()
        tail = loader.tail()
        if not tail:
            return (html,)
        return (html[:len(html) - len(TRAILER)], "\n", tail, TRAILER)

    def _whole_html(self) -> str:
        """``toHtml()`` of the body; one that takes longer than half a second says so beside the title first
        (painted before the UI thread is busy with it)."""
        doc = self.body.document()
        if doc.characterCount() < RICH_SHOWN_FROM:
            return doc.toHtml()
        before = self._state
        self._set_state(SAVING)
        self.state_label.repaint()
        try:
            return doc.toHtml()
        finally:
            if self._state == SAVING:
                self._set_state(before)

    def _fields(self, body: str, rich: bool, pictures: list | None = None) -> Draft:
        """The message with ``body``; its attachments are the listed files and ``pictures`` (inline ones)."""
        return replace(
            self._draft, to=self.to.recipients_as_typed(), cc=self.cc.recipients_as_typed(),
            bcc=self.bcc.recipients_as_typed(),
            subject=self.subject.text(),
            body=body,
            body_format=BodyFormat.HTML if rich else BodyFormat.TEXT,
            importance=Importance(self.importance.currentData()),
            read_receipt=self.read_receipt.isChecked(), delivery_receipt=self.delivery_receipt.isChecked(),
            attachments=self.attachments.attachments() + (pictures or []), **self.more.values(),
            principal=self.from_row.principal(),
        )

    def is_empty(self) -> bool:
        """Is nothing written: no recipient, subject or attachment, and a body with no text, read without
        reading the body whole. A rich body counts by its text, as a plain one does: its HTML (Qt's
        ``toHtml()``) is a whole document even when nothing is typed. An image in it is text (U+FFFC), and a
        rich body still going in is never empty."""
        if self.rich.isChecked():
            return self._fields("", True).is_empty() and not self.loader.active and self.mirror.is_blank()
        tail = self.loader.tail()
        return self._fields("", False).is_empty() and self.mirror.is_blank() and (not tail or tail.isspace())

    def identity(self) -> Draft:
        """Who the message on screen is (local id, server ref, Message-ID) without copying its body."""
        return self._draft

    def load(self, draft: Draft) -> None:
        self.about_to_load.emit()
        self._loading = True
        try:
            self.loader.cancel()
            self._drop_big_body()
            self._draft = draft.copy()
            self.to.set_recipients(draft.to)
            self.cc.set_recipients(draft.cc)
            self.bcc.set_recipients(draft.bcc)
            self.subject.setText(draft.subject)
            rich = draft.body_format == BodyFormat.HTML
            self.rich.setChecked(rich)
            self.fmt.set_rich(rich)
            files, pictures = inline.split(draft.attachments) if rich else (draft.attachments, [])
            self.images.set_images(pictures)  # before the body: the editor asks for them as it lays it out
            self.loader.start(self.body, draft.body, rich)
            idx = self.importance.findData(Importance(draft.importance).value)
            self.importance.setCurrentIndex(idx if idx >= 0 else 1)
            self.read_receipt.setChecked(draft.read_receipt)
            self.delivery_receipt.setChecked(draft.delivery_receipt)
            self.more.set_draft(draft)
            self.from_row.set_principal(draft.principal)
            self.attachments.set_attachments(files)
            self.pending_files.clear()  # a link's files are offered after its message loads
            self.set_error("")
            self.from_row.show_error("")
            self.title.setText(draft.subject or shown(DRAFT if draft.ref else NEW_MESSAGE))
            self._loaded_state = SAVED if draft.ref else (NOTHING_WRITTEN if draft.is_empty() else NOT_SAVED)
            self._set_state(self._loaded_state)
            if self.loader.active:
                self._load_progress(*self.loader.done())
            self.saved_edits = self.edits
        finally:
            self._loading = False

    def show_state(self, text: str) -> None:
        """Say where the message stands ("Saved to Drafts", "Kept on this computer", "Not sent"...): Words, or
        the English words of one of Compose's states (shown in the user's language)."""
        self._set_state(text)

    def _set_state(self, text: str) -> None:
        self._state = text
        self.state_label.setText(_in_compose_words(text))

    def state(self) -> str:
        """The state's words as they were given (English for code; the label shows them translated)."""
        return self._state

    def show_title(self, text: str) -> None:
        """The title: a subject as it is; Words (one of Compose's titles) in the user's language."""
        self.title.setText(shown(text))  # a subject is never taken for one of Compose's words ("Draft")

    def count_as_typed(self) -> None:
        """What was just loaded counts as typed here (a message a ``mailto:`` link asked for): dirty until saved,
        and recorded by the journal as typing is (``changed``); it says "Not saved" until the journal has it."""
        self.saved_edits = -1
        self.changed.emit()

    def show_unsaved_edits(self, kept: bool = True, *, edited: bool = True) -> None:
        """What was just loaded is newer than the server's copy (restored from the journal, taken back from the
        Outbox): it counts as edited (leaving it saves it, as leaving any edited message does). ``kept``: the
        journal has it ("Kept on this computer"); False when it could not be written. ``edited``: False for a
        message taken back as it was sent (Undo, the Outbox's take-back): nobody edited it, so Compose says only
        where it is ("Kept on this computer", not "Edited — …")."""
        self._loaded_state = self.unsaved_words(kept) if edited else (KEPT if kept else NOT_SAVED)
        if not self._state.startswith(OPENING):
            self._set_state(self._loaded_state)
        self.saved_edits = -1  # never equal to ``edits``: dirty until saved

    def unsaved_words(self, kept: bool) -> str:
        """Where unsaved words are: on this computer once the journal has them, else not saved; nothing for a
        new message with nothing written in it (nothing to save: "Not saved" would say something is lost)."""
        if self._draft.ref is None and self.mirror.is_blank() and self.is_empty():
            return NOTHING_WRITTEN
        if kept:
            return EDITED_KEPT if self._draft.ref else KEPT
        return EDITED if self._draft.ref else NOT_SAVED

    @property
    def loading(self) -> bool:
        """Is a message being put in (:meth:`load`, the loader's appends, :meth:`putting_in`)? Its changes
        are not edits."""
        return self._loading

    @contextmanager
    def putting_in(self):
        """What is done inside is a part of the message being put in, not an edit of it (no autosave, no
        "Edited"): e.g. the account's default signature in a new message."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def _set_loading(self, on: bool) -> None:
        """The loader's appends are the message being loaded, not edits (no autosave, no "Edited"); the
        flag is put back as it was (an append inside load() leaves load() still loading)."""
        if on:
            self._loading_before, self._loading = self._loading, True
        else:
            self._loading = self._loading_before

    def _load_progress(self, done: int, total: int) -> None:
        """"Opening… 40%" beside the title while a long body goes in (until an edit or a save says more)."""
        text = self._state
        if text != self._loaded_state and not text.startswith(OPENING):
            return
        self._set_state(self._loaded_state if done >= total else OPENING_AT.format(percent=done * 100 // total))

    def clear(self) -> None:
        """A blank new message (Ctrl+N, after a send or a discard), with what a new message starts with."""
        self.load(self.new_message())

    def new_message(self, draft: Draft | None = None) -> Draft:
        """``draft`` (a blank one when None), a message the user starts now (a reply, a ``mailto:`` link, Edit as
        new), with what a new message starts with (:attr:`new_message_fields`: the receipts the settings ask for)."""
        return (draft if draft is not None else Draft()).copy(**self.new_message_fields())

    def untouched(self) -> bool:
        """A new message nothing was done to since it was loaded: nothing written, no box ticked, not saved."""
        return self.edits == self.saved_edits and self.is_empty() and self._draft.ref is None

    def _drop_big_body(self) -> None:
        """A big body is not freed in one call on the way to the next message: the editor gets a fresh
        document at once and the old one is freed a piece per turn (in one call: ~110 ms for 10 MB). A small one
        is cleared, its pictures with it (the next message's may share a Content-ID, not the bytes)."""
        if self.reaper.big(self.body.document()):
            self.reaper.reap(self.body.fresh_document())
        else:  # the last message's pictures go with it (a document keeps its images past a new setHtml)
            self.body.document().clear()

    def set_saved(self, saved: Draft) -> None:
        """Adopt the server's identity for what is on screen (keeps whatever was typed meanwhile)."""
        self._draft = self._draft.copy(ref=saved.ref, local_id=saved.local_id,
                                       internet_message_id=saved.internet_message_id, modified=saved.modified)
        files, pictures = inline.split(saved.attachments) if saved.body_format == BodyFormat.HTML \
            else (saved.attachments, [])
        self.attachments.adopt_ids(files)
        self.images.adopt_ids(pictures)
        self.more.set_saved(True)

    def current_ref(self):
        return self._draft.ref

    # ---- validation / errors ----
    def set_max_send_bytes(self, n: int) -> None:
        """The server's message size limit, for validation and for refusing too-large attachments."""
        self.max_send_bytes = n
        self.attachments.max_bytes = n

    def validate(self, *, for_send: bool) -> list[FieldError]:
        """The errors that stop a send (``for_send``) or a save. An unfinished address is marked at its
        field either way, but only a send is stopped by it: a draft may hold anything."""
        problems = self.send_problems() if for_send else self._marks()
        # a save is checked for its subject and attachments only: the body is not taken for it (a plain one
        # joined, a rich one through toHtml(): the save takes it right after)
        draft = self.draft() if for_send else self._fields("", self.rich.isChecked())
        checks = Sending.check(draft, for_send=for_send, max_send_bytes=self.max_send_bytes)  # the core decides
        errors = [*problems, *checks] if for_send else [*self.more.problems(), *checks]
        return self.show_errors(errors, send=for_send)

    def _marks(self) -> list[FieldError]:
        """Each address field's own marks (an unfinished address), kept for :meth:`show_errors`."""
        self._marked = {r.field: r.validate() for r in self.address_fields()}
        return [e for es in self._marked.values() for e in es]

    def address_fields(self):
        return (self.to, self.cc, self.bcc, self.more.reply_to)

    def send_problems(self) -> list[FieldError]:
        """What the fields themselves find before a send (an unfinished address, More options' problems),
        without the message's own check (app.core.sending.request runs that, once)."""
        self.from_row.show_error("")  # a refusal of its From was about the last send: this one is new
        pending = self.pending_files.problem()  # a link's files still waiting for Enter or Delete
        return [*self._marks(), *self.more.problems(), *([pending] if pending else [])]

    def show_errors(self, errors: list[FieldError], *, send: bool = True) -> list[FieldError]:
        """Show ``errors`` at their fields, the first one focused; none clears them. Before a send (``send``) an
        address field that marked its own shows only those. Returns the errors shown."""
        marks = getattr(self, "_marked", None) or {}
        if not marks:
            self._marks()
            marks = self._marked
        if send:
            errors = [e for e in errors if not marks.get(e.field) or any(e is m for m in marks[e.field])]
        by_field = {}
        for e in errors:
            by_field.setdefault(e.field, []).append(e)
        for r in self.address_fields():
            r.set_errors(by_field.get(r.field) or marks[r.field])
        self.attachments.set_error(" ".join(shown(e.message) for e in by_field.get("attachments", [])))
        self.pending_files.show_problem(" ".join(shown(e.message) for e in by_field.get("pending", [])))
        # the flag's and the headers' at their rows in More options (which opens)
        extras = {f: self.more.show_errors(f, by_field[f][0].message) for f in ("flag", "headers") if f in by_field}
        # errors with no field of their own (e.g. "too large to send" for a long text) go above the buttons
        self.set_error(" ".join(shown(e.message) for e in errors if e.field not in (*marks, *extras, "attachments", "pending")))
        if errors:
            first = errors[0].field
            if first == "reply_to":
                self.more.show()
            target = {"to": self.to, "cc": self.cc, "bcc": self.bcc, "reply_to": self.more.reply_to,
                      "subject": self.subject, "body": self.body,
                      "attachments": self.attachments.list, "pending": self.pending_files.list,
                      **extras}.get(first, self.to)
            target.setFocus(Qt.OtherFocusReason)
        return errors

    def set_error(self, text: str) -> None:
        """``text``: the window's words or the core's (Words, shown in the user's language)."""
        self.error_label.setText(shown(text))
        self.error_label.setVisible(bool(text))

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def set_busy(self, busy: bool, what: str = "") -> None:
        self.save_button.setEnabled(not busy)
        self.send_button.setEnabled(not busy)
        if busy and what:
            self._set_state(what)

    def _subject_limit(self, text: str) -> None:
        n = len(text)
        most = QLocale().toString(MAX_SUBJECT)
        if n > MAX_SUBJECT:
            note = translate("Compose", "Subjects are limited to {most} characters; this one has {n}. Shorten it to "
                                        "save or send.").format(most=most, n=QLocale().toString(n))
        else:
            note = translate("Compose", "Subjects are limited to {most} characters.").format(most=most)
        self.subject_note.setText(note)
        kind = "fieldError" if n > MAX_SUBJECT else "viewSubtitle"  # at the limit: a note; over it: an error
        if self.subject_note.objectName() != kind:
            self.subject_note.setObjectName(kind)
            self.subject_note.style().unpolish(self.subject_note)
            self.subject_note.style().polish(self.subject_note)
        self.subject_note.setVisible(n >= MAX_SUBJECT)

    @property
    def dirty(self) -> bool:
        """Edited since it was loaded or last saved (and not empty)."""
        return self.edits != self.saved_edits and not self.is_empty()

    def _on_changed(self, *_a) -> None:
        if not self._loading:
            self.edits += 1
            if self.error_label.isVisible():
                self.set_error("")
            self._set_state(self.unsaved_words(False))  # until the journal has it
            self.title.setText(self.subject.text().strip() or shown(DRAFT if self._draft.ref else NEW_MESSAGE))
            self.changed.emit()

    # drops anywhere on the composer attach files
    def dragEnterEvent(self, event):  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event):  # noqa: N802
        self.attachments.dropEvent(event)
