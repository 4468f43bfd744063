""".eml files in and out: File > Open .eml file… (Ctrl+O), File > Save as .eml file… (Ctrl+Shift+E), and
an .eml file dropped on the window.

- **Open** (or a drop): the file is read and parsed off the UI thread (app/core/compose/eml_files.py, limits in
  app/domain/eml_read.py) and opens in Compose as a new, unsaved message (its own Message-ID: the
  file's is not reused, or a send's look-up could take the original for this one). What Compose held
  is saved to Drafts first, as "New message" does (``Workflows.stash_current``).
- **Save as**: the message in Compose, the selected draft (Drafts) or the selected sent message
  (Sent, fetched with the session's ``get_message``), written 0600 and atomically where the user says.
- **Drops**: an .eml dropped anywhere but Compose opens as a draft. Dropped on Compose (where files are
  attached), a single .eml asks "Open as a new draft" (the default) or "Attach to this message"; several
  files dropped together are attached, as before.

Qt's own file dialogs, opened with ``open()`` (never ``exec()``); errors go to the banner.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.file_dialog import file_dialog
from app.ui.common.port import Flows, Level, ShellPort
from app.ui.common.tr import shown, translate

log = logging.getLogger(__name__)

EML_FILTERS = [QT_TRANSLATE_NOOP("EmlFiles", "Mail messages (*.eml)"), QT_TRANSLATE_NOOP("EmlFiles", "All files (*)")]


def eml_paths(mime) -> list[str]:
    """The local .eml files among dropped URLs."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile().lower().endswith(".eml")]


class EmlFiles(QObject):
    """``port``: the shell's (app.ui.common.port); ``flows``: the window's workflows (tasks, the send request, the
    stash before Compose is replaced); the views it saves from and opens into; ``journal_bridge()``: the account's
    journal bridge, once built (a file being sent points its Outbox row)."""

    def __init__(self, port: ShellPort, flows: Flows, compose, drafts, sent, journal_bridge: Callable[[], object]):
        super().__init__(port.dialog_parent)
        self.port, self.flows, self.journal_bridge = port, flows, journal_bridge
        self.compose, self.drafts, self.sent = compose, drafts, sent
        self.frame = port.dialog_parent  # the window's own widget: a file dropped there opens as a draft
        self.open_dialog: QFileDialog | None = None
        self.save_dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None  # "open or attach?" after a drop on Compose
        self.last_folder = ""
        self.as_is_dialog = None  # the preview of a file to be sent as it is (app/ui/compose/eml_as_is.py)
        self.open_action = self._action(translate("EmlFiles", "&Open .eml file…"), "Ctrl+O", self.ask_open,
                                        "actOpenEml")
        self.as_is_action = self._action(translate("EmlFiles", "Send .&eml file as it is…"), "Ctrl+Shift+U",
                                         self.ask_send_as_is, "actSendEmlAsIs")
        self.save_action = self._action(translate("EmlFiles", "Save as .e&ml file…"), "Ctrl+Shift+E", self.ask_save,
                                        "actSaveEml")
        self.frame.setAcceptDrops(True)
        for obj in (self.frame, compose, compose.attachments, compose.body.viewport()):
            obj.installEventFilter(self)

    def _action(self, text: str, keys: str, slot, name: str) -> QAction:
        a = QAction(text, self.frame)
        a.setObjectName(name)
        a.setShortcuts([QKeySequence(keys)])
        a.setShortcutContext(Qt.WindowShortcut)
        shown_keys = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        a.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shown_keys})")
        a.triggered.connect(lambda _checked=False: slot())
        self.port.add_action(a)
        return a

    def add_to_menu(self, menu, before_open=None, before_save=None) -> None:
        for act in (self.open_action, self.as_is_action):
            menu.insertAction(before_open, act) if before_open else menu.addAction(act)
        menu.insertAction(before_save, self.save_action) if before_save else menu.addAction(self.save_action)

    def _status(self, text: str, ms: int = 8000) -> None:
        self.port.say(text, ms=ms)

    def _folder(self) -> str:
        return self.last_folder if self.last_folder and Path(self.last_folder).is_dir() else str(Path.home())

    # ---- open ----
    def ask_open(self) -> None:
        self._ask_file(translate("EmlFiles", "Open .eml file"), self._open_chosen,
                       translate("EmlFiles", "Set up an account first (Ctrl+,): a message opens as a draft of the "
                                 "account"))

    def ask_send_as_is(self) -> None:
        """Ctrl+Shift+U ("unchanged"): pick an .eml file, see what it holds, and send it unchanged
        (app/ui/compose/eml_as_is.py)."""
        self._ask_file(translate("EmlFiles", "Send .eml file as it is"), self._as_is_chosen,
                       translate("EmlFiles", "Set up an account first (Ctrl+,): a file is sent from the account's "
                                 "mailbox"))

    def _as_is_chosen(self, path: str) -> None:
        from app.ui.compose.eml_as_is import send_path_as_is

        if path:
            self.last_folder = str(Path(path).parent)
            self.flows.spawn(send_path_as_is(self, path))

    def _ask_file(self, title: str, chosen, no_account: str) -> None:
        if self.port.session is None:
            self._status(no_account)
            return
        if self.open_dialog is not None:
            self.open_dialog.raise_()
            self.open_dialog.activateWindow()
            return
        dlg = file_dialog(self.frame, title, self._folder())
        dlg.setObjectName("openEmlDialog")
        dlg.setAccessibleName(title)
        dlg.setFileMode(QFileDialog.ExistingFile)
        dlg.setAcceptMode(QFileDialog.AcceptOpen)
        dlg.setNameFilters([translate("EmlFiles", f) for f in EML_FILTERS])
        dlg.fileSelected.connect(chosen)
        dlg.finished.connect(lambda _r: self._closed("open_dialog"))
        self.open_dialog = dlg
        dlg.open()

    def _closed(self, attr: str) -> None:
        dlg = getattr(self, attr)
        setattr(self, attr, None)
        if dlg is not None:
            dlg.deleteLater()  # its file system model's thread goes with it
        self.port.activate()  # the keyboard comes back to the window

    def _open_chosen(self, path: str) -> None:
        if path:
            self.last_folder = str(Path(path).parent)
            self.flows.spawn(self.open_path(path))

    async def open_path(self, path: str) -> bool:
        """Read ``path`` and put it in Compose as a new message. False (said in the banner) if it cannot."""
        from app.core.compose.eml_files import open_eml
        from app.domain.eml_read import EmlError, principal_of
        from app.domain.models import new_local_id

        port, name = self.port, Path(path).name
        session = port.session
        if session is None:
            return False
        with self.flows.tracked(translate("EmlFiles", "Opening {name}…").format(name=name)):
            try:
                parsed = await open_eml(path, 2 * self.compose.max_send_bytes)
            except EmlError as exc:
                why = shown(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc)
                port.say(translate("EmlFiles", "Could not open {name}: {reason}").format(name=name, reason=why),
                         Level.ERROR)
                return False
        if session is not port.session or not self.flows.stash_current():
            return False
        c = self.compose
        draft = parsed.draft.copy(ref=None, internet_message_id="", local_id=new_local_id(), modified=None,
                                  principal=principal_of(parsed, session.account.principals))  # From one of its mailboxes
        c.load(draft)
        c.edits += 1  # not on the server yet: Ctrl+S (or the autosave) takes it
        c.changed.emit()
        c.show_title(draft.subject or translate("EmlFiles", "New message"))
        c.show_state(translate("EmlFiles", "Not saved"))
        port.show_view("compose")
        c.to.setFocus(Qt.OtherFocusReason)
        notes = " ".join(shown(n) for n in parsed.notes[:3])
        if notes:
            said = translate("EmlFiles", "Opened {name} as a new message: Ctrl+S saves it to Drafts. {notes}").format(
                name=name, notes=notes)
        else:
            said = translate("EmlFiles", "Opened {name} as a new message: Ctrl+S saves it to Drafts").format(name=name)
        self._status(said, 10000)
        return True

    # ---- save as ----
    def ask_save(self) -> None:
        """Ctrl+Shift+E: pick what to save from the view in front, then ask where."""
        if self.port.session is None:
            self._status(translate("EmlFiles", "Set up an account first (Ctrl+,)"))
            return
        source = self._source()
        if source is None:
            return
        if self.save_dialog is not None:
            self.save_dialog.raise_()
            return
        from app.ui.compose.attachment_saver import safe_file_name

        subject = source[1]
        dlg = file_dialog(self.frame, translate("EmlFiles", "Save as .eml file"), self._folder())
        dlg.setObjectName("saveEmlDialog")
        dlg.setAccessibleName(translate("EmlFiles", "Save as .eml file"))
        dlg.setAcceptMode(QFileDialog.AcceptSave)
        dlg.setFileMode(QFileDialog.AnyFile)
        dlg.setNameFilters([translate("EmlFiles", f) for f in EML_FILTERS])
        dlg.setDefaultSuffix("eml")
        dlg.selectFile(safe_file_name((subject or "message").strip()[:120]) + ".eml")
        dlg.fileSelected.connect(lambda p, s=source: self._save_chosen(p, s))
        dlg.finished.connect(lambda _r: self._closed("save_dialog"))
        self.save_dialog = dlg
        dlg.open()

    def _source(self):
        """(what, subject, date): what is a Draft (Compose) or an ItemRef (Drafts, Sent); None (said in the
        status bar) when the view in front has nothing to save."""
        view = self.port.current_view()
        if view == "compose":
            c = self.compose
            if c.is_empty() and c.identity().ref is None:
                self._status(translate("EmlFiles", "Nothing to save: Compose is empty"))
                return None
            return c.draft(), c.subject.text(), None
        if view in ("drafts", "sent"):
            v = self.drafts if view == "drafts" else self.sent
            rows = v.table.selected_rows() if hasattr(v.table, "selected_rows") else []
            cur = v.table.currentIndex()
            row = cur.row() if cur.isValid() and (not rows or cur.row() in rows) else (rows[0] if rows else -1)
            s = v.model.summary(row) if row >= 0 else None
            if s is None:
                self._status(translate("EmlFiles", "Select a message in Drafts first, then Ctrl+Shift+E") if view == "drafts"
                             else translate("EmlFiles", "Select a message in Sent first, then Ctrl+Shift+E"))
                return None
            return s.ref, s.subject, (s.sent or s.modified) if view == "sent" else s.modified
        self._status(translate("EmlFiles", "Save as .eml: open a message in Compose, or select one in Drafts or Sent"))
        return None

    def _save_chosen(self, path: str, source) -> None:
        if path:
            self.last_folder = str(Path(path).parent)
            self.flows.spawn(self.save_to(path, source))

    async def save_to(self, path: str, source) -> Path | None:
        from app.core.compose.eml_files import save_eml
        from app.domain.models import Draft, Recipient
        from app.mail.errors import MailError

        port, flows = self.port, self.flows
        what, _subject, date = source
        session = port.session
        if session is None:
            return None
        name = Path(path).name
        with flows.tracked(translate("EmlFiles", "Saving {name}…").format(name=name)):
            if isinstance(what, Draft):
                draft = what
            else:
                shown = self.sent.shown_message() if port.current_view() == "sent" else None
                draft = shown if shown is not None and shown.ref is not None and shown.ref.id == what.id else None
                if draft is None or any(not a.content and a.byte_size for a in draft.attachments):
                    try:
                        draft = await session.get_message(what)
                    except MailError as exc:
                        if not flows.transport_error(exc):
                            port.say(translate("EmlFiles", "Could not save {name}: the message could not be "
                                               "fetched: {reason}").format(name=name,
                                                                           reason=shown(flows.explain_exc(exc))),
                                     Level.ERROR)
                        return None
            sender = Recipient(email=session.account.email)
            try:
                written = await save_eml(path, draft, sender=sender, date=date)
            except OSError as exc:
                port.say(translate("EmlFiles", "Could not save {name}: {reason}").format(
                    name=name, reason=exc.strerror or type(exc).__name__), Level.ERROR)
                return None
        self._status(translate("EmlFiles", "Saved as {path}").format(path=written), 8000)
        return written

    # ---- drops ----
    def eventFilter(self, obj, event):  # noqa: N802
        t = event.type()
        if t not in (QEvent.DragEnter, QEvent.DragMove, QEvent.Drop):
            return False
        paths = eml_paths(event.mimeData())
        if not paths or self.port.session is None:
            return False
        on_compose = obj is not self.frame
        urls = event.mimeData().urls()
        if on_compose and len(urls) > 1:
            return False  # several files on Compose: attached, as before
        if t in (QEvent.DragEnter, QEvent.DragMove):
            event.acceptProposedAction()
            return True
        event.acceptProposedAction()
        if on_compose:
            self.ask_open_or_attach(paths[0])
        else:
            self.flows.spawn(self.open_path(paths[0]))
        return True

    def ask_open_or_attach(self, path: str) -> QMessageBox:
        """A single .eml dropped on Compose: "Open as a new draft" (the default) or "Attach to this message"."""
        name = Path(path).name
        box = QMessageBox(QMessageBox.Question, translate("EmlFiles", "Open or attach?"), "", QMessageBox.NoButton,
                          self.frame)
        box.setTextFormat(Qt.PlainText)  # a file name is data
        box.setText(translate("EmlFiles", "“{name}” is a saved e-mail message. Open it as a new draft, or attach it "
                              "to this message?").format(name=name))
        box.setObjectName("emlDropQuestion")
        box.setAccessibleName(translate("EmlFiles", "Open or attach the dropped message"))
        open_ = box.addButton(translate("EmlFiles", "&Open as a new draft"), QMessageBox.AcceptRole)
        attach = box.addButton(translate("EmlFiles", "&Attach to this message"), QMessageBox.ActionRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(open_)

        def done(_r) -> None:
            self.question = None
            clicked = box.clickedButton()
            self.port.activate()
            if clicked is open_:
                self.flows.spawn(self.open_path(path))
            elif clicked is attach:
                self.compose.attachments.add_paths([path])

        box.finished.connect(done)
        self.question = box
        box.open()
        open_.setFocus(Qt.OtherFocusReason)
        return box


def install(port: ShellPort, flows: Flows, compose, drafts, sent, journal_bridge: Callable[[], object], *,
            before_open=None, before_save=None) -> EmlFiles:
    """Build the .eml actions and drops (the views are built) and put them in the File menu: Open after New
    message (before ``before_open``), Save as after Save draft (before ``before_save``)."""
    eml = EmlFiles(port, flows, compose, drafts, sent, journal_bridge)
    eml.add_to_menu(port.menu("&File"), before_open=before_open, before_save=before_save)
    return eml
